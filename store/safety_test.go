package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A restore is refused while a store has the ledger open, naming who holds it; once it is
// closed the restore goes through.
func TestRestoreRefusedWhileTheLedgerIsOpen(t *testing.T) {
	sqliteOnly(t)
	defer func(w time.Duration) { exclusiveLockWait = w }(exclusiveLockWait)
	exclusiveLockWait = 200 * time.Millisecond
	s := openTest(t)
	ctx := context.Background()
	backup, err := s.Backup(ctx, "admin", filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	kept := receive(t, s, lifeIntake(t, s, monday))
	_, err = Restore(ctx, s.Path(), backup, RestoreAuth{By: "admin"})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "tiến trình "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("restore under an open store = %v; want refused naming this process", err)
	}
	if _, err := s.Dossier(ctx, "", kept.Code); err != nil {
		t.Fatalf("the refused restore touched the ledger: %v", err)
	}
	// The open store keeps writing into the same file.
	receive(t, s, lifeIntake(t, s, monday.Add(time.Minute)))
	s.Close()
	if _, err := Restore(ctx, s.Path(), backup, RestoreAuth{By: "admin"}); err != nil {
		t.Fatal(err)
	}
	// A store opened while a restore holds the lock waits, then says a restore is running.
	defer func(w time.Duration) { sharedLockWait = w }(sharedLockWait)
	sharedLockWait = 200 * time.Millisecond
	l, err := lockFolder(s.Path(), true, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(s.Path()); !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "thay tệp dữ liệu") {
		t.Errorf("open during a restore = %v", err)
	}
	l.release()
	if names, _ := filepath.Glob(LockFile(s.Path()) + ".*"); len(names) != 0 {
		t.Errorf("holder files left after release: %v", names)
	}
}

// A holder file left by a killed process (its lock free) is not named, and is removed.
func TestStaleHolderIsRemoved(t *testing.T) {
	ledger := filepath.Join(t.TempDir(), "motcua.db")
	stale := LockFile(ledger) + ".999999"
	if err := os.WriteFile(stale, []byte("tiến trình 999999"), 0o600); err != nil {
		t.Fatal(err)
	}
	if h := Holders(ledger); len(h) != 0 {
		t.Errorf("holders = %v", h)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("stale holder file kept")
	}
}

// A write into a ledger file replaced under the store is refused.
func TestWriteIntoAReplacedLedgerIsRefused(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	receive(t, s, lifeIntake(t, s, monday))
	b, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	tmp := s.Path() + ".other"
	os.WriteFile(tmp, b, 0o600)
	if err := os.Rename(tmp, s.Path()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Receive(context.Background(), lifeIntake(t, s, monday.Add(time.Hour))); !errors.Is(err, ErrReplaced) {
		t.Errorf("write into a replaced ledger = %v", err)
	}
}

// countDossiers reads how many dossiers a ledger file holds.
func countDossiers(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	if err := s.r.QueryRow(`SELECT COUNT(*) FROM dossiers`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// A restore killed after any of its steps leaves a ledger: the old one until the swap journal is
// written, the restored one after (Open finishes the swap), never none and never an empty one.
func TestKilledRestoreNeverLeavesTheFolderWithoutALedger(t *testing.T) {
	sqliteOnly(t)
	killed := errors.New("killed")
	defer func() { restoreStep = func(string) error { return nil } }()
	for _, step := range []string{"copied", "prepared", "checkpointed", "journal", "aside", "wal-cleared", "swapped"} {
		t.Run(step, func(t *testing.T) {
			s := openTest(t)
			ctx := context.Background()
			receive(t, s, lifeIntake(t, s, monday))
			backup, err := s.Backup(ctx, "admin", filepath.Join(t.TempDir(), "b.db"))
			if err != nil {
				t.Fatal(err)
			}
			receive(t, s, lifeIntake(t, s, monday.Add(time.Minute)))
			receive(t, s, lifeIntake(t, s, monday.Add(2*time.Minute)))
			s.Close()
			restoreStep = func(at string) error {
				if at == step {
					return killed
				}
				return nil
			}
			_, err = Restore(ctx, s.Path(), backup, RestoreAuth{By: "admin"})
			restoreStep = func(string) error { return nil }
			if !errors.Is(err, killed) {
				t.Fatalf("restore = %v", err)
			}
			want := 3 // the old ledger
			if step != "copied" && step != "prepared" && step != "checkpointed" {
				want = 1 // the journal is written: the swap is finished at open
			}
			if n := countDossiers(t, s.Path()); n != want {
				t.Errorf("after a kill at %s: %d dossiers, want %d", step, n, want)
			}
			dir := filepath.Dir(s.Path())
			for _, left := range []string{".restore-tmp", ".restore-journal"} {
				if _, err := os.Stat(s.Path() + left); err == nil {
					t.Errorf("%s left after the next open", left)
				}
			}
			if want == 1 {
				asides, _ := filepath.Glob(s.Path() + ".before-restore-*")
				if len(asides) == 0 {
					t.Fatal("the old ledger was not kept aside")
				}
				if n := countDossiers(t, asides[0]); n != 3 {
					t.Errorf("the ledger kept aside has %d dossiers, want 3", n)
				}
			}
			_ = dir
		})
	}
}

// A data folder that had a ledger (archive, backups, a file kept aside) never gets an empty one.
func TestMissingLedgerIsAnErrorNamingTheRecovery(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	dir := filepath.Dir(s.Path())
	backup, err := s.Backup(ctx, "admin", filepath.Join(DefaultBackupDir(dir), "motcua-20260105-090000.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	removeDB(s.Path())
	_, err = Open(s.Path())
	var me *MissingLedgerError
	if !errors.As(err, &me) || !strings.Contains(err.Error(), backup) || !strings.Contains(err.Error(), "restore -yes") {
		t.Fatalf("open with the ledger deleted = %v", err)
	}
	if _, err := os.Stat(s.Path()); err == nil {
		t.Error("an empty ledger was created")
	}
	// The file kept aside by a restore is named too.
	aside := s.Path() + ".before-restore-20260105-100000"
	copyFile(backup, aside)
	if _, err := Open(s.Path()); !errors.As(err, &me) || me.Aside != aside {
		t.Errorf("open = %v; want the aside file named", err)
	}
	// A fresh folder still starts a new ledger.
	fresh, err := Open(filepath.Join(t.TempDir(), "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	fresh.Close()
}

// emptyIndexPage overwrites an index's root page with an empty leaf: the index loses its rows
// (as in the ledgers the attack found), the table keeps them.
func emptyIndexPage(t *testing.T, path, index string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int
	if err := db.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = ?`, index).Scan(&root); err != nil {
		t.Fatal(err)
	}
	db.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	db.Close()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	page := make([]byte, pageSize)
	page[0] = 0x0a // leaf index page, no cells
	page[5], page[6] = byte(pageSize>>8), byte(pageSize)
	if _, err := f.WriteAt(page, int64(root-1)*int64(pageSize)); err != nil {
		t.Fatal(err)
	}
}

// A damage any check finds is kept beside the ledger and every write is refused, naming the
// backup, until a restore.
func TestWritesRefusedAfterADetectedDamage(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	dir := filepath.Dir(s.Path())
	for i := 0; i < 5; i++ {
		receive(t, s, lifeIntake(t, s, monday.Add(time.Duration(i)*time.Minute)))
	}
	backup, err := s.Backup(ctx, "admin", filepath.Join(DefaultBackupDir(dir), "motcua-20260105-090000.db"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	emptyIndexPage(t, s.Path(), "sqlite_autoindex_dossiers_2")
	rep, _, err := StartCheck(ctx, s.Path())
	if err != nil || rep.OK {
		t.Fatalf("start check of a damaged ledger = %v, %v", rep, err)
	}
	s2, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	_, err = s2.Receive(ctx, lifeIntake(t, s2, monday.Add(time.Hour)))
	var de *DamagedError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), backup) {
		t.Fatalf("write into a damaged ledger = %v; want refused naming %s", err, backup)
	}
	s2.Close()
	// The damaged ledger cannot say who may restore: an admin's password, checked in the backup.
	if _, err := Restore(ctx, s.Path(), backup, RestoreAuth{By: "admin"}); !errors.Is(err, ErrCredentialNeeded) {
		t.Fatalf("restore over a damaged ledger without a password = %v", err)
	}
	if _, err := Restore(ctx, s.Path(), backup, RestoreAuth{By: "admin", Secret: "sai"}); err == nil {
		t.Fatal("restore with a wrong password went through")
	}
	if _, err := Restore(ctx, s.Path(), backup, RestoreAuth{By: "tiepnhan1", Secret: DemoPasswords["tiepnhan1"]}); !errors.As(err, new(*ForbiddenError)) {
		t.Fatalf("restore by a counter official = %v", err)
	}
	if _, err := Restore(ctx, s.Path(), backup, RestoreAuth{By: "admin", Secret: DemoPasswords["admin"]}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(DamageMark(s.Path())); err == nil {
		t.Error("the damage mark outlived the restore")
	}
	s3, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer s3.Close()
	receive(t, s3, lifeIntake(t, s3, monday.Add(2*time.Hour)))
}

// SQLITE_CORRUPT met by a write marks the ledger: the next writes are refused.
func TestCorruptionMetByAWriteMarksTheLedger(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	s.noteCorrupt(fmt.Errorf("x: %w", corruptErr(t)))
	if _, err := s.Receive(context.Background(), lifeIntake(t, s, monday)); !errors.As(err, new(*DamagedError)) {
		t.Errorf("write after SQLITE_CORRUPT = %v", err)
	}
}

// corruptErr is a real SQLITE_NOTADB error from the driver.
func corruptErr(t *testing.T) error {
	p := filepath.Join(t.TempDir(), "x.db")
	os.WriteFile(p, []byte(strings.Repeat("not a database ", 500)), 0o600)
	db, _ := sql.Open("sqlite", "file:"+p)
	defer db.Close()
	_, err := db.Exec(`CREATE TABLE t(x)`)
	if c := sqliteCode(err); c != sqliteNotADB && c != sqliteCorrupt {
		t.Fatalf("driver error %v (code %d)", err, c)
	}
	return err
}

// A read-only database is named as such, not as damage.
func TestReadOnlyIsNotDamage(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.db")
	db, _ := sql.Open("sqlite", "file:"+p)
	db.Exec(`CREATE TABLE t(x)`)
	db.Close()
	ro, _ := sql.Open("sqlite", "file:"+p+"?mode=ro")
	defer ro.Close()
	_, err := ro.Exec(`INSERT INTO t VALUES (1)`)
	ae := Diagnose(p, err)
	if ae == nil || ae.Kind != AccessReadOnly || strings.Contains(ae.Error(), "hỏng,") {
		t.Errorf("diagnosis of %v = %v", err, ae)
	}
	if ae := Diagnose(p, &os.PathError{Op: "open", Path: p, Err: os.ErrPermission}); ae == nil || ae.Kind != AccessDenied {
		t.Errorf("permission diagnosis = %v", ae)
	}
	if ae := Diagnose(p, &os.PathError{Op: "write", Path: p, Err: syscall.ENOSPC}); ae == nil || ae.Kind != AccessNoSpace || !strings.Contains(ae.Error(), "ổ đĩa đã đầy") {
		t.Errorf("no-space diagnosis = %v", ae)
	}
	if ae := Diagnose(p, errors.New("database disk image is malformed")); ae != nil {
		t.Errorf("damage taken for access: %v", ae)
	}
}

// An existing folder open to others and a ledger readable by others are tightened at open.
func TestFolderAndLedgerModesAreTightened(t *testing.T) {
	sqliteOnly(t)
	dir := filepath.Join(t.TempDir(), "data")
	os.MkdirAll(dir, 0o755)
	os.Chmod(dir, 0o755)
	path := filepath.Join(dir, "motcua.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o644)
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if w := SecureDataDir(dir); len(w) != 0 {
		t.Errorf("warnings %v", w)
	}
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("data folder mode %o", m)
	}
	if m := mode(t, path); m != 0o600 {
		t.Errorf("ledger mode %o", m)
	}
}

// A restore to an older backup issues no number that a newer backup shows, even when the
// current ledger is lost.
func TestRestoreRaisesCountersPastNewerBackups(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	dir := filepath.Dir(s.Path())
	receive(t, s, lifeIntake(t, s, monday))
	old, err := s.Backup(ctx, "admin", filepath.Join(t.TempDir(), "cu.db"))
	if err != nil {
		t.Fatal(err)
	}
	newer := receive(t, s, lifeIntake(t, s, monday.Add(time.Minute)))
	if _, err := s.Backup(ctx, "admin", filepath.Join(DefaultBackupDir(dir), "motcua-20260105-100000.db")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	removeDB(s.Path()) // the current ledger is gone
	if _, err := Restore(ctx, s.Path(), old, RestoreAuth{By: "admin", Secret: DemoPasswords["admin"]}); err != nil {
		t.Fatal(err)
	}
	r, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	next := receive(t, r, lifeIntake(t, r, monday.Add(2*time.Minute)))
	if next.Code == newer.Code || next.BookNo == newer.BookNo {
		t.Errorf("after the restore %s / %d reissued", next.Code, next.BookNo)
	}
}

// The archive's file names carry the day and sequence read back from a code of any pattern.
func TestCodePartsFollowThePattern(t *testing.T) {
	for _, c := range []struct {
		pattern, code, day string
		seq                int
	}{
		{"", "HD001-260126-0012", "260126", 12},
		{"{agency}-{yymmdd}-{seq:6}", "000.21.26.H26-260126-000123", "260126", 123},
		{"{yymmdd}.{seq:4}-{agency}", "260126.0007-000.21.26.H26", "260126", 7},
	} {
		a := Agency{Code: "000.21.26.H26", CodePattern: c.pattern}
		if c.pattern == "" {
			a.Code = "HD001"
		}
		day, seq, ok := CodeParts(a, c.code)
		if !ok || day != c.day || seq != c.seq {
			t.Errorf("%q %q = %s %d %v", c.pattern, c.code, day, seq, ok)
		}
	}
	if _, _, ok := CodeParts(Agency{Code: "HD001"}, "XX-260126-0001"); ok {
		t.Error("a code of another agency was read")
	}
}
