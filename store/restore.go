package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"motcua/store/workday"
)

// RestoreAuth is who restores. By must hold PermBackup in the current ledger; when that ledger
// cannot be read (missing, damaged), nothing there says who may restore, so By and Secret (the
// official's password, read from the terminal, never argv) must log in as an admin of the backup.
// Force restores a file whose tamper evidence fails (CheckReport.Tamper); it is audited.
type RestoreAuth struct {
	By     string
	Secret string
	Force  bool
}

// ErrCredentialNeeded asks for an admin's password: the current ledger cannot say who may restore.
var ErrCredentialNeeded = errors.New("cơ sở dữ liệu hiện tại không đọc được, nên không biết ai được phục hồi: hãy nhập tên đăng nhập (-by) và mật khẩu của một quản trị viên trong bản sao lưu")

// restoreStep is called after each step of a restore; a test makes it return an error to stop
// the restore right there, as a kill would (nothing cleaned up).
var restoreStep = func(step string) error { return nil }

// swapJournal names the journal of a restore's swap: written before the first rename, removed
// after the last, replayed by Open when a restore was cut short in between.
func swapJournal(ledger string) string { return ledger + ".restore-journal" }

type swapPlan struct {
	Tmp   string `json:"tmp"`   // the restored ledger, ready
	Aside string `json:"aside"` // where the current one is kept
}

// Restore replaces the ledger at dbPath by the backup file. The file must pass CheckFile (its
// tamper evidence may be overridden by auth.Force, audited) and not be newer than this program.
// Restore takes the data folder's lock exclusively: while a window, the kiosk or a CLI command
// has the ledger open it waits briefly, then refuses and names them. The current ledger is kept
// aside as dbPath.before-restore-YYYYMMDD-HHMMSS (returned). The restored ledger's counters are
// moved past every number the current ledger issued, so no code or book number is given twice.
// The swap never leaves the folder without a ledger: the current file is hard-linked aside, the
// restored one renamed over it, and a journal lets Open finish a swap that was cut short.
func Restore(ctx context.Context, dbPath, file string, auth RestoreAuth) (string, error) {
	rep, err := CheckFile(ctx, file)
	if err != nil {
		return "", err
	}
	if !rep.OK {
		return "", invalid("file", "Không phục hồi từ tệp hỏng. "+rep.String())
	}
	if len(rep.Tamper) > 0 && !auth.Force {
		return "", invalid("file", "Không phục hồi từ tệp có dấu hiệu bị sửa ngoài chương trình (quản trị viên có thể buộc phục hồi bằng -force, việc này được ghi nhật ký). "+rep.String())
	}
	ms, err := migrations()
	if err != nil {
		return "", err
	}
	if newest := ms[len(ms)-1].version; rep.Schema > newest {
		return "", fmt.Errorf("%w (phiên bản dữ liệu %d, chương trình này chỉ biết đến %d): hãy cập nhật chương trình trước khi phục hồi %s", ErrNewerSchema, rep.Schema, newest, file)
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return "", accessErr("không tạo được thư mục dữ liệu", err)
	}
	lock, err := lockFolder(abs, true, exclusiveLockWait)
	if err != nil {
		return "", err
	}
	defer lock.release()
	if _, err := os.Stat(swapJournal(abs)); err == nil {
		if err := replaySwap(abs); err != nil {
			return "", err
		}
	}
	// Who may restore is decided by the current ledger; when it cannot be read, by an admin's
	// password checked against the backup.
	var actor Official
	checked := false
	var counters []counterRow
	if cur, err := CheckFile(ctx, abs); err == nil && cur.OK {
		s, err := openFile(abs, false)
		if err != nil {
			return "", err
		}
		actor, err = s.require(ctx, auth.By, PermBackup)
		if err == nil {
			counters, err = readCounters(ctx, s.r)
		}
		s.Close()
		if err != nil {
			return "", err
		}
		checked = true
	} else if auth.Secret == "" || strings.TrimSpace(auth.By) == "" {
		return "", ErrCredentialNeeded
	}
	// Numbers a newer backup shows as issued are not issued again either (the current ledger may
	// be the damaged one, or itself older than a backup).
	counters = append(counters, backupCounters(ctx, file, DefaultBackupDir(filepath.Dir(abs)), filepath.Dir(file))...)
	tmp := abs + ".restore-tmp"
	removeDB(tmp)
	if err := copyFile(file, tmp); err != nil {
		removeDB(tmp)
		return "", accessErr("không chép được bản sao lưu", err)
	}
	if err := restoreStep("copied"); err != nil {
		return "", err
	}
	// openFile brings an older backup up to this program's schema and records the restore in it.
	s, err := openFile(tmp, false)
	if err != nil {
		removeDB(tmp)
		return "", err
	}
	if !checked {
		actor, err = s.Login(ctx, auth.By, auth.Secret)
		if err == nil && !actor.Role.Can(PermBackup) {
			err = &ForbiddenError{Login: actor.Login, Role: actor.Role, Permission: PermBackup,
				Message: fmt.Sprintf("%s %s (%s) không có quyền %s.", actor.Role.Name(), actor.FullName, actor.Login, permissionName(PermBackup))}
		}
	}
	aside := abs + ".before-restore-" + time.Now().In(workday.Loc).Format(backupLayout)
	if err == nil {
		err = s.tx(ctx, func(t *sql.Tx) error {
			if err := raiseCounters(ctx, t, counters); err != nil {
				return err
			}
			reason := "bản cũ để ở " + aside
			if len(rep.Tamper) > 0 {
				reason += "; BUỘC phục hồi dù tệp có dấu hiệu bị sửa: " + strings.Join(rep.Tamper, "; ")
			}
			return audit(ctx, t, s.now(), actor.Login, "backup", file, "restore", nil, nil, reason)
		})
	}
	if err == nil {
		_, err = s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	s.Close()
	if err != nil {
		removeDB(tmp)
		return "", err
	}
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	if err := restoreStep("prepared"); err != nil {
		return "", err
	}
	// The current ledger's last commits go into its main file, so that the file kept aside is
	// whole by itself (a damaged ledger may refuse: its -wal is then kept aside with it).
	if db, err := sql.Open("sqlite", dsn(abs, false)); err == nil {
		db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		db.Close()
	}
	if err := restoreStep("checkpointed"); err != nil {
		return "", err
	}
	plan, _ := json.Marshal(swapPlan{Tmp: tmp, Aside: aside})
	if err := writeSynced(swapJournal(abs), plan); err != nil {
		removeDB(tmp)
		return "", accessErr("không ghi được nhật ký phục hồi", err)
	}
	if err := restoreStep("journal"); err != nil {
		return "", err
	}
	if err := finishSwap(abs, swapPlan{Tmp: tmp, Aside: aside}); err != nil {
		return aside, err
	}
	return aside, nil
}

// finishSwap keeps the current ledger aside and puts the restored one in its place; every step
// may be repeated (replaySwap runs it again after a kill).
func finishSwap(abs string, p swapPlan) error {
	if _, err := os.Stat(p.Tmp); err == nil {
		for _, sfx := range []string{"", "-wal"} {
			if fi, err := os.Stat(abs + sfx); err == nil && fi.Size() > 0 {
				if _, err := os.Stat(p.Aside + sfx); err != nil {
					if err := linkOrCopy(abs+sfx, p.Aside+sfx); err != nil {
						return fmt.Errorf("không để riêng được cơ sở dữ liệu hiện tại: %w", err)
					}
				}
			}
		}
		syncDir(filepath.Dir(abs))
		if err := restoreStep("aside"); err != nil {
			return err
		}
		// The old -wal and -shm belong to the old file: SQLite would apply them to the new one.
		os.Remove(abs + "-wal")
		os.Remove(abs + "-shm")
		if err := restoreStep("wal-cleared"); err != nil {
			return err
		}
		if err := os.Rename(p.Tmp, abs); err != nil {
			return fmt.Errorf("không đặt được bản phục hồi vào chỗ (cơ sở dữ liệu cũ ở %s): %w", p.Aside, err)
		}
		syncDir(filepath.Dir(abs))
		if err := restoreStep("swapped"); err != nil {
			return err
		}
	}
	removeDB(p.Tmp)
	ClearDamaged(abs)
	os.Remove(swapJournal(abs))
	syncDir(filepath.Dir(abs))
	return nil
}

// replaySwap finishes a restore cut short after its journal was written.
func replaySwap(abs string) error {
	b, err := os.ReadFile(swapJournal(abs))
	if err != nil {
		return err
	}
	var p swapPlan
	if err := json.Unmarshal(b, &p); err != nil || p.Tmp == "" || p.Aside == "" {
		return fmt.Errorf("nhật ký phục hồi %s hỏng (%v): hãy kiểm tra thư mục dữ liệu bằng tay", swapJournal(abs), err)
	}
	return finishSwap(abs, p)
}

func linkOrCopy(from, to string) error {
	if err := os.Link(from, to); err == nil {
		return nil
	}
	return copyFile(from, to)
}

func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, werr := f.Write(data)
	return errors.Join(werr, f.Sync(), f.Close())
}

// backupCounters reads the numbering counters of the backups in dirs other than file (read-only,
// two small tables each); a backup that cannot be read is passed over.
func backupCounters(ctx context.Context, file string, dirs ...string) []counterRow {
	var out []counterRow
	seen := map[string]bool{}
	if a, err := filepath.Abs(file); err == nil {
		seen[a] = true
	}
	for _, dir := range dirs {
		for _, b := range listRecoverable(dir) {
			if seen[b.path] || filepath.Ext(b.path) != backupSuffix {
				continue
			}
			seen[b.path] = true
			db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: b.path}).EscapedPath()+"?mode=ro&_pragma=query_only(1)")
			if err != nil {
				continue
			}
			if cs, err := readCounters(ctx, db); err == nil {
				out = append(out, cs...)
			}
			db.Close()
		}
	}
	return out
}

// counterRow is one numbering counter: a day's (agency, "YYMMDD") or a year's book (Day "").
type counterRow struct {
	Agency, Day string
	Year        int
	Last        int
}

func readCounters(ctx context.Context, db *sql.DB) ([]counterRow, error) {
	var out []counterRow
	rows, err := db.QueryContext(ctx, `SELECT agency_code, day, last FROM day_counters`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var c counterRow
		if err := rows.Scan(&c.Agency, &c.Day, &c.Last); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
	}
	rows.Close()
	rows, err = db.QueryContext(ctx, `SELECT year, last FROM book_counters`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c counterRow
		if err := rows.Scan(&c.Year, &c.Last); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// raiseCounters moves the numbering counters up to at least cs (never down): numbers that were
// issued elsewhere (the ledger replaced by a restore, slips in the archive) are not issued again.
func raiseCounters(ctx context.Context, t *sql.Tx, cs []counterRow) error {
	for _, c := range cs {
		var err error
		if c.Day != "" {
			_, err = t.ExecContext(ctx, `INSERT INTO day_counters(agency_code, day, last) VALUES (?, ?, ?)
				ON CONFLICT(agency_code, day) DO UPDATE SET last = CASE WHEN excluded.last > day_counters.last THEN excluded.last ELSE day_counters.last END`,
				c.Agency, c.Day, c.Last)
		} else {
			_, err = t.ExecContext(ctx, `INSERT INTO book_counters(year, last) VALUES (?, ?)
				ON CONFLICT(year) DO UPDATE SET last = CASE WHEN excluded.last > book_counters.last THEN excluded.last ELSE book_counters.last END`,
				c.Year, c.Last)
		}
		if err != nil {
			return fmt.Errorf("không nâng được bộ đếm số hồ sơ: %w", err)
		}
	}
	return nil
}

// MissingLedgerError refuses to start a fresh ledger in a data folder that shows it had one.
type MissingLedgerError struct {
	Ledger string
	Signs  []string // what shows the ledger existed
	Aside  string   // the newest file kept aside by a restore ("" if none)
	Backup string   // the newest good backup ("" if none)
}

func (e *MissingLedgerError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Không có tệp cơ sở dữ liệu %s, nhưng thư mục dữ liệu cho thấy đã từng có (%s): chương trình không tạo cơ sở dữ liệu trống thay cho nó.", e.Ledger, strings.Join(e.Signs, "; "))
	if e.Aside != "" {
		fmt.Fprintf(&b, "\nTệp cũ được giữ lại: %s — để dùng lại: đổi tên nó thành %s.", e.Aside, filepath.Base(e.Ledger))
	}
	if e.Backup != "" {
		fmt.Fprintf(&b, "\nBản sao lưu tốt mới nhất: %s — để phục hồi: motcua restore -yes %s", e.Backup, e.Backup)
	}
	if e.Aside == "" && e.Backup == "" {
		b.WriteString("\nHãy tìm lại tệp (thùng rác, ổ sao lưu) hoặc phục hồi: motcua restore -yes TỆP.")
	}
	b.WriteString("\nNếu thật sự muốn bắt đầu dữ liệu mới, hãy dùng một thư mục dữ liệu khác.")
	return b.String()
}

// missingLedger is a MissingLedgerError when abs is missing (or empty) in a folder with an
// archive of slips, backups, a file kept aside by a restore or a -wal of its own.
func missingLedger(abs string) error {
	if fi, err := os.Stat(abs); err == nil && fi.Size() > 0 {
		return nil
	}
	dir := filepath.Dir(abs)
	e := &MissingLedgerError{Ledger: abs}
	if asides, _ := filepath.Glob(abs + ".before-restore-*"); len(asides) > 0 {
		var mains []string
		for _, a := range asides {
			if !strings.HasSuffix(a, "-wal") && !strings.HasSuffix(a, "-shm") {
				mains = append(mains, a)
			}
		}
		if len(mains) > 0 {
			sort.Strings(mains)
			e.Aside = mains[len(mains)-1]
			e.Signs = append(e.Signs, "tệp giữ lại khi phục hồi")
		}
	}
	if fi, err := os.Stat(abs + "-wal"); err == nil && fi.Size() > 0 {
		e.Signs = append(e.Signs, "tệp nhật ký "+filepath.Base(abs)+"-wal")
	}
	if entries, err := os.ReadDir(filepath.Join(dir, "archive")); err == nil && len(entries) > 0 {
		e.Signs = append(e.Signs, "thư mục lưu phiếu archive")
	}
	if bs := listRecoverable(DefaultBackupDir(dir)); len(bs) > 0 {
		e.Signs = append(e.Signs, "bản sao lưu trong "+DefaultBackupDir(dir))
		e.Backup = newestGoodIn(DefaultBackupDir(dir))
	}
	if len(e.Signs) == 0 {
		return nil
	}
	return e
}

// cleanLeftovers removes what killed processes left beside the ledger: a restore's temporary
// copy (no restore runs while the caller holds the shared lock, and a journal was replayed) and
// the temporary files of backups cut short (backupPending).
func cleanLeftovers(abs string) {
	if _, err := os.Stat(swapJournal(abs)); err != nil {
		removeDB(abs + ".restore-tmp")
		os.Remove(abs + ".restore-tmp-journal")
	}
	pend, _ := filepath.Glob(abs + ".backup-pending-*")
	for _, p := range pend {
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		if ok, err := tryLock(f, true); err != nil || !ok {
			f.Close() // a backup still being written
			continue
		}
		if b, err := os.ReadFile(p); err == nil && strings.HasSuffix(string(b), ".tmp") {
			os.Remove(string(b))
			os.Remove(string(b) + "-journal")
			os.Remove(string(b) + "-wal")
		}
		unlock(f)
		f.Close()
		os.Remove(p)
	}
}

// tightenFiles closes the ledger (and its -wal, -shm) to other users of the PC: a file left 0644
// by a copy or an older version is readable by every account. Windows has no such mode bits.
func tightenFiles(abs string) []string {
	if runtime.GOOS == "windows" {
		return nil
	}
	var warn []string
	for _, f := range []string{abs, abs + "-wal", abs + "-shm"} {
		if w := tighten(f, 0o600); w != "" {
			warn = append(warn, w)
		}
	}
	return warn
}

func tighten(path string, mode os.FileMode) string {
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm()&0o077 == 0 {
		return ""
	}
	if err := os.Chmod(path, mode); err != nil {
		return fmt.Sprintf("%s mở cho người dùng khác đọc (quyền %04o) và không thu hẹp được (%v): hãy để chỉ người dùng chạy Một Cửa đọc được nó", path, fi.Mode().Perm(), err)
	}
	return ""
}

// SecureDataDir closes the data folder to other users of the PC (mode 0700) when it is open to
// them (an existing 0755 folder): it holds citizens' personal data. It returns a warning when the
// mode cannot be changed. Windows has no such mode bits.
func SecureDataDir(dir string) []string {
	if runtime.GOOS == "windows" {
		return nil
	}
	if w := tighten(dir, 0o700); w != "" {
		return []string{w}
	}
	return nil
}
