package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/store/workday"
)

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

func TestBackupRestoreRoundTrip(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	dataDir := filepath.Dir(s.Path())
	if m := mode(t, dataDir); m != 0o700 {
		t.Errorf("data folder mode %o, want 700", m)
	}
	if m := mode(t, s.Path()); m != 0o600 {
		t.Errorf("database mode %o, want 600", m)
	}
	kept := receive(t, s, lifeIntake(t, s, monday))
	backup, err := s.Backup(ctx, "admin", filepath.Join(dataDir, "backups", "tay.db"))
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(t, backup); m != 0o600 {
		t.Errorf("backup mode %o, want 600", m)
	}
	if m := mode(t, filepath.Dir(backup)); m != 0o700 {
		t.Errorf("backup folder mode %o, want 700", m)
	}
	if _, err := s.Backup(ctx, "admin", backup); err == nil {
		t.Error("a backup overwrote an existing file")
	}
	lost := receive(t, s, lifeIntake(t, s, monday.Add(time.Hour)))
	s.Close()

	// Restore is refused to a counter official, then done by the admin.
	var fe *ForbiddenError
	if _, err := Restore(ctx, s.Path(), backup, RestoreAuth{By: "tiepnhan1"}); !errors.As(err, &fe) {
		t.Fatalf("restore by a counter official = %v, want forbidden", err)
	}
	aside, err := Restore(ctx, s.Path(), backup, RestoreAuth{By: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(aside, "motcua.db.before-restore-") {
		t.Errorf("aside = %s", aside)
	}
	r, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := r.Dossier(ctx, "", kept.Code); err != nil {
		t.Errorf("dossier from before the backup: %v", err)
	}
	if _, err := r.Dossier(ctx, "", lost.Code); !errors.Is(err, ErrNotFound) {
		t.Errorf("dossier from after the backup is there: %v", err)
	}
	if m := mode(t, r.Path()); m != 0o600 {
		t.Errorf("restored database mode %o", m)
	}
	// The replaced database is kept whole beside it: the later dossier is there.
	old, err := Open(aside)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Dossier(ctx, "", lost.Code); err != nil {
		t.Errorf("the database kept aside lost a dossier: %v", err)
	}
	old.Close()
	a, _ := r.Audit(ctx, "", AuditFilter{Entity: "backup"})
	if len(a) == 0 || a[0].Action != "restore" || a[0].By != "admin" {
		t.Errorf("restore not audited: %+v", a)
	}
	if rep, err := CheckFile(ctx, r.Path()); err != nil || !rep.OK {
		t.Errorf("restored database check: %v %v", rep, err)
	}
}

// corrupt flips the bytes of one page in the middle of the file.
func corrupt(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	mid := len(b) / 2 / page * page
	for i := mid; i < mid+page && i < len(b); i++ {
		b[i] ^= 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestCorruptedBackupIsRefusedByCheckAndRestore(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	for i := 0; i < 60; i++ {
		receive(t, s, lifeIntake(t, s, monday.Add(time.Duration(i)*time.Minute)))
	}
	backup, err := s.Backup(ctx, "", filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := CheckFile(ctx, backup); err != nil || !rep.OK || rep.Schema < 5 {
		t.Fatalf("fresh backup: %v, %v", rep, err)
	}
	corrupt(t, backup)
	rep, err := CheckFile(ctx, backup)
	if err != nil || rep.OK || !strings.Contains(rep.String(), "HỎNG") {
		t.Errorf("check of a corrupted file = %v, %v; want a report of damage", rep.String(), err)
	}
	s.Close()
	before, _ := os.ReadFile(s.Path())
	var ve *ValidationError
	if _, err := Restore(ctx, s.Path(), backup, RestoreAuth{By: "admin"}); !errors.As(err, &ve) {
		t.Errorf("restore of a corrupted file = %v, want refused", err)
	}
	after, _ := os.ReadFile(s.Path())
	if string(before) != string(after) {
		t.Error("a refused restore changed the database")
	}
	matches, _ := filepath.Glob(s.Path() + ".before-restore-*")
	if len(matches) != 0 {
		t.Errorf("a refused restore moved the database aside: %v", matches)
	}
	// Not a database at all.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("không phải cơ sở dữ liệu"), 0o600)
	if rep, err := CheckFile(ctx, junk); err != nil || rep.OK {
		t.Errorf("check of a text file = %v, %v", rep, err)
	}
}

func TestAutoBackupRotatesAndFindsTheNewestGood(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "usb")
	// Two backups a day for 400 days.
	start := time.Date(2025, 1, 1, 8, 0, 0, 0, workday.Loc)
	var made []string
	for d := 0; d < 400; d++ {
		for _, h := range []int{0, 9} {
			at := start.AddDate(0, 0, d).Add(time.Duration(h) * time.Hour)
			name := filepath.Join(dir, backupPrefix+at.Format(backupLayout)+backupSuffix)
			made = append(made, name)
		}
	}
	os.MkdirAll(dir, 0o700)
	for _, m := range made {
		os.WriteFile(m, nil, 0o600)
	}
	other := filepath.Join(dir, "ghi-chu.txt")
	os.WriteFile(other, []byte("x"), 0o600)
	// Two copies cut short by a power cut: one two hours old (dropped: as large as the ledger),
	// one being written now (kept).
	cut := filepath.Join(dir, backupPrefix+"20260101-080000"+backupSuffix+".tmp")
	busy := filepath.Join(dir, backupPrefix+"20260101-090000"+backupSuffix+".tmp")
	for _, f := range []string{cut, cut + "-journal", busy} {
		if err := os.WriteFile(f, []byte("SQLite format 3"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{cut, cut + "-journal"} {
		if err := os.Chtimes(f, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Rotate(dir); err != nil {
		t.Fatal(err)
	}
	left := listBackups(dir)
	if _, err := os.Stat(other); err != nil {
		t.Error("rotation removed a file that is not a backup")
	}
	for _, f := range []string{cut, cut + "-journal"} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("rotation kept %s, of a backup cut short two hours ago", filepath.Base(f))
		}
	}
	if _, err := os.Stat(busy); err != nil {
		t.Error("rotation removed a backup copy being written")
	}
	// 7 days + 4 weeks + 12 months, overlapping: the newest 7 days are also the newest week(s).
	if len(left) < 12 || len(left) > 7+4+12 {
		t.Errorf("%d backups left", len(left))
	}
	last := start.AddDate(0, 0, 399).Add(9 * time.Hour)
	if !left[0].at.Equal(last) {
		t.Errorf("newest kept %v, want %v", left[0].at, last)
	}
	days := map[string]bool{}
	months := map[string]bool{}
	for _, b := range left {
		days[b.at.Format("2006-01-02")] = true
		months[b.at.Format("2006-01")] = true
		if b.at.Hour() != 17 {
			t.Errorf("kept %v, not the newest of its day", b.at)
		}
	}
	for i := 0; i < 7; i++ {
		if !days[last.AddDate(0, 0, -i).Format("2006-01-02")] {
			t.Errorf("day %d back not kept", i)
		}
	}
	if len(months) != 12 {
		t.Errorf("%d months kept, want 12", len(months))
	}

	// A real automatic backup lands in the folder; the empty fake files are not good backups.
	s.now = func() time.Time { return last.Add(24 * time.Hour) }
	path, err := s.AutoBackup(ctx, dir, "start")
	if err != nil {
		t.Fatal(err)
	}
	if got := NewestGoodBackup(ctx, dir); got != path {
		t.Errorf("NewestGoodBackup = %s, want %s", got, path)
	}
	if !LastAutoBackup(dir).Equal(last.Add(24 * time.Hour).Truncate(time.Second)) {
		t.Errorf("LastAutoBackup = %v", LastAutoBackup(dir))
	}
	corrupt(t, path)
	if got := NewestGoodBackup(ctx, dir); got != "" {
		t.Errorf("NewestGoodBackup = %s, want none", got)
	}
}

func TestCheckPagesSeesDamage(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	for i := 0; i < 60; i++ {
		receive(t, s, lifeIntake(t, s, monday.Add(time.Duration(i)*time.Minute)))
	}
	if rep, err := CheckPages(ctx, s.Path()); err != nil || !rep.OK {
		t.Fatalf("healthy database: %v %v", rep, err)
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if _, err := s.Backup(ctx, "", path); err != nil {
		t.Fatal(err)
	}
	corrupt(t, path)
	if rep, err := CheckPages(ctx, path); err != nil || rep.OK {
		t.Errorf("damaged copy: %v %v", rep, err)
	}
	if rep, err := CheckPages(ctx, filepath.Join(t.TempDir(), "chua-co.db")); err != nil || !rep.OK {
		t.Errorf("missing file: %v %v", rep, err)
	}
}

func TestStartCheckIsShallowOnALargeLedgerAndTheBackgroundCheckMarksDamage(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	for i := 0; i < 60; i++ {
		receive(t, s, lifeIntake(t, s, monday.Add(time.Duration(i)*time.Minute)))
	}
	path := filepath.Join(t.TempDir(), "copy.db")
	if _, err := s.Backup(ctx, "", path); err != nil {
		t.Fatal(err)
	}
	// A small ledger is checked in full before the window opens.
	if rep, bg, err := StartCheck(ctx, path); err != nil || !rep.OK || bg {
		t.Fatalf("small healthy ledger: %v, background %v, %v", rep, bg, err)
	}
	old := fullCheckAtStartLimit
	fullCheckAtStartLimit = 1 // every file counts as large
	t.Cleanup(func() { fullCheckAtStartLimit = old })

	corrupt(t, path) // damage in the middle of the file, not in the header or the schema
	rep, bg, err := StartCheck(ctx, path)
	if err != nil || !rep.OK || !bg {
		t.Fatalf("large ledger at start: %v, background %v, %v; want the shallow check passing and a background check", rep, bg, err)
	}
	// Its background check starts at once while it is quick to read, later when it is not.
	if !CheckSoon(path) {
		t.Error("a small file's background check waits")
	}
	oldSoon := soonCheckLimit
	soonCheckLimit = 1
	if CheckSoon(path) {
		t.Error("a large file's background check starts at once")
	}
	soonCheckLimit = oldSoon
	rep, err = BackgroundCheck(ctx, path)
	if err != nil || rep.OK {
		t.Fatalf("background check of a damaged ledger: %v, %v", rep, err)
	}
	if _, err := os.Stat(DamageMark(path)); err != nil {
		t.Fatalf("no damage mark left: %v", err)
	}
	// The next start checks in full because of the mark, and sees the damage.
	if rep, bg, err := StartCheck(ctx, path); err != nil || rep.OK || bg {
		t.Errorf("start after a damage mark: %v, background %v, %v; want the full check failing", rep, bg, err)
	}
}

// A backup that its disk could not hold is refused before anything is written, saying how much
// is free and what to do; with room it goes ahead.
func TestBackupRefusedWhenTheDiskIsFull(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "usb")
	free := uint64(5 << 20)
	diskFree = func(string) (uint64, error) { return free, nil }
	defer func() { diskFree = freeBytes }()
	_, err := s.AutoBackup(ctx, dir, "start")
	if err == nil || !strings.Contains(err.Error(), "chỉ còn 5 MB trống") || !strings.Contains(err.Error(), "chọn thư mục sao lưu trên ổ khác") {
		t.Fatalf("backup onto a full disk: %v", err)
	}
	if es, _ := os.ReadDir(dir); len(es) != 0 {
		t.Errorf("a refused backup left %d files in the folder", len(es))
	}
	free = 10 << 30
	if _, err := s.AutoBackup(ctx, dir, "start"); err != nil {
		t.Errorf("backup with 10 GB free: %v", err)
	}
	if got := sizeText(3 << 29); got != "1,5 GB" {
		t.Errorf("sizeText(1.5 GB) = %q", got)
	}
}
