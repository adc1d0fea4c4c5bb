package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"motcua/store/workday"
)

// Automatic backups are files motcua-YYYYMMDD-HHMMSS.db (Vietnam time) in the backup folder
// (.dump on PostgreSQL).
const (
	backupPrefix = "motcua-"
	backupLayout = "20060102-150405"
	backupSuffix = ".db"
)

// Retention of automatic backups: the newest of each of the last 7 days, 4 weeks and 12 months.
var Retention = struct{ Daily, Weekly, Monthly int }{7, 4, 12}

// DefaultBackupDir is the data folder's backups folder, used when Security.BackupDir is empty.
func DefaultBackupDir(dataDir string) string { return filepath.Join(dataDir, "backups") }

// BackupDir is where automatic backups go: the setting, else DefaultBackupDir(dataDir).
func (s *Store) BackupDir(ctx context.Context, dataDir string) (string, error) {
	sec, err := s.Security(ctx)
	if err != nil {
		return "", err
	}
	if sec.BackupDir != "" {
		return sec.BackupDir, nil
	}
	return DefaultBackupDir(dataDir), nil
}

// Backup writes a consistent copy of the open database to dest while others keep working
// (SQLite: VACUUM INTO reads one snapshot; PostgreSQL: pg_dump -Fc, see backup_pg.go), checks
// the copy and leaves it with mode 0600. An existing
// dest is never overwritten. Admin only; audited.
func (s *Store) Backup(ctx context.Context, by, dest string) (string, error) {
	actor, err := s.require(ctx, by, PermBackup)
	if err != nil {
		return "", err
	}
	path, err := s.writeBackup(ctx, dest)
	if err != nil {
		return "", err
	}
	return path, s.tx(ctx, func(t *sql.Tx) error {
		return audit(ctx, t, s.now(), actor.Login, "backup", path, "backup", nil, nil, "")
	})
}

// AutoBackup is the system's own backup (at start, daily, at exit): into dir, named by the time,
// then the folder is rotated. reason ("start", "daily", "exit") goes to the audit trail.
func (s *Store) AutoBackup(ctx context.Context, dir, reason string) (string, error) {
	name := backupPrefix + s.now().In(workday.Loc).Format(backupLayout) + s.BackupExt()
	path, err := s.writeBackup(ctx, filepath.Join(dir, name))
	if err != nil {
		return "", err
	}
	if _, err := Rotate(dir); err != nil {
		return path, err
	}
	return path, s.tx(ctx, func(t *sql.Tx) error {
		return audit(ctx, t, s.now(), "", "backup", path, "backup", nil, nil, reason)
	})
}

// ManualBackupName is the file name of a backup an official asks for at t ("Sao lưu ngay",
// motcua backup): named in Vietnam time like the automatic ones, whatever zone the PC's clock is
// in, and apart from them so rotation never deletes it.
func (s *Store) ManualBackupName(t time.Time) string {
	return manualPrefix + t.In(workday.Loc).Format(backupLayout) + s.BackupExt()
}

const manualPrefix = "motcua-thucong-"

// ManualBackupPath is a free path in dir for a manual backup made at t: two backups asked for in
// the same second get …-2, …-3 (a backup never overwrites one).
func (s *Store) ManualBackupPath(dir string, t time.Time) string {
	name := s.ManualBackupName(t)
	p := filepath.Join(dir, name)
	for i := 2; ; i++ {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return p
		}
		p = filepath.Join(dir, strings.TrimSuffix(name, s.BackupExt())+fmt.Sprintf("-%d", i)+s.BackupExt())
	}
}

// LastAutoBackup is the time of the newest automatic backup in dir (zero if none).
func LastAutoBackup(dir string) time.Time {
	bs := listBackups(dir)
	if len(bs) == 0 {
		return time.Time{}
	}
	return bs[0].at
}

func (s *Store) writeBackup(ctx context.Context, dest string) (string, error) {
	if s.d.name() == "postgres" {
		return s.writePgBackup(ctx, dest)
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", invalid("file", "Đường dẫn tệp sao lưu không hợp lệ.")
	}
	if _, err := os.Stat(abs); err == nil {
		return "", invalid("file", fmt.Sprintf("Tệp %s đã có; hãy chọn tên khác (bản sao lưu không ghi đè tệp cũ).", abs))
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return "", fmt.Errorf("không tạo được thư mục sao lưu %s: %w", filepath.Dir(abs), err)
	}
	if err := s.roomFor(filepath.Dir(abs)); err != nil {
		return "", err
	}
	tmp := abs + ".tmp"
	os.Remove(tmp)
	os.Remove(tmp + "-journal")
	// A record beside the ledger, locked while the copy runs: a kill leaves it unlocked, and the
	// next Open removes the temporary files it names, wherever -o put them.
	if pend, err := os.CreateTemp(filepath.Dir(s.path), filepath.Base(s.path)+".backup-pending-*"); err == nil {
		if ok, _ := tryLock(pend, true); ok {
			pend.WriteString(tmp)
			defer func() { unlock(pend); pend.Close(); os.Remove(pend.Name()) }()
		} else {
			pend.Close()
			os.Remove(pend.Name())
		}
	}
	// VACUUM INTO needs an absent or empty file: create it empty with mode 0600 first, so the
	// copy of citizens' data is never readable by others, not even for a moment.
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", fmt.Errorf("không tạo được tệp sao lưu %s: %w", tmp, err)
	}
	f.Close()
	// A connection of its own: the copy reads one snapshot and does not hold up the writer.
	db, err := sql.Open("sqlite", dsn(s.path, false))
	if err != nil {
		os.Remove(tmp)
		return "", err
	}
	_, err = db.ExecContext(ctx, `VACUUM INTO ?`, tmp)
	db.Close()
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("sao lưu thất bại: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return "", err
	}
	rep, err := CheckFile(ctx, tmp)
	if err == nil && !rep.OK {
		err = errors.New(rep.String())
	}
	if err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("bản sao lưu vừa ghi không đạt kiểm tra, đã bỏ: %w", err)
	}
	// The chains' heads go beside the copy, so a later edit of the copy shows (sidecarMismatch).
	heads, _ := json.Marshal(rep.Heads)
	if err := os.WriteFile(sidecar(abs), heads, 0o600); err != nil {
		os.Remove(tmp)
		return "", accessErr("không ghi được tệp đi kèm bản sao lưu", err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return "", err
	}
	syncDir(filepath.Dir(abs))
	return abs, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not supported on every OS: best effort
		d.Close()
	}
}

type backupFile struct {
	path string
	at   time.Time
}

// listBackups lists dir's automatic backups, newest first.
func listBackups(dir string) []backupFile {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []backupFile
	for _, e := range entries {
		n := e.Name()
		sfx := filepath.Ext(n)
		if e.IsDir() || !strings.HasPrefix(n, backupPrefix) || (sfx != backupSuffix && sfx != pgDumpSuffix) {
			continue
		}
		at, err := time.ParseInLocation(backupLayout, strings.TrimSuffix(strings.TrimPrefix(n, backupPrefix), sfx), workday.Loc)
		if err != nil {
			continue
		}
		out = append(out, backupFile{filepath.Join(dir, n), at})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].at.After(out[j].at) })
	return out
}

// diskFree says how much may still be written on the disk holding a folder; tests replace it.
var diskFree = freeBytes

// roomFor refuses a backup into dir when its disk could not hold it with a margin: a copy is at
// most as large as the ledger, and a disk filled by backups would stop the counter's own writes
// when the backup folder is on the ledger's disk.
func (s *Store) roomFor(dir string) error {
	var size int64
	for _, f := range []string{s.path, s.path + "-wal"} {
		if fi, err := os.Stat(f); err == nil {
			size += fi.Size()
		}
	}
	need := uint64(size) + uint64(size)/10 + 64<<20
	free, err := diskFree(dir)
	if err != nil || free >= need {
		return nil // a disk that cannot say: try, and let the copy fail if it must
	}
	return fmt.Errorf("ổ đĩa chứa thư mục sao lưu %s chỉ còn %s trống, không đủ cho bản sao lưu (cần khoảng %s): hãy giải phóng ổ đĩa hoặc chọn thư mục sao lưu trên ổ khác (Quản trị → Bảo mật và sao lưu)",
		dir, sizeText(free), sizeText(need))
}

// sizeText writes a number of bytes for people: "1,2 GB", "350 MB".
func sizeText(n uint64) string {
	if n >= 1<<30 {
		return strings.Replace(fmt.Sprintf("%.1f GB", float64(n)/(1<<30)), ".", ",", 1)
	}
	return fmt.Sprintf("%d MB", n>>20)
}

// staleTmpAge is when an automatic backup's temporary file is taken for one cut short (the PC
// switched off, the app killed during the copy): a copy being written is touched every second.
const staleTmpAge = time.Hour

// Rotate deletes the automatic backups in dir that Retention does not keep: the newest backup of
// each of the 7 most recent days that have one, of the 4 most recent ISO weeks and of the 12
// most recent months, and the temporary files of automatic backups cut short (left for an hour:
// each is as large as the ledger). Other files are never touched. It returns the deleted paths.
func Rotate(dir string) ([]string, error) {
	var removed []string
	var errs []error
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			n := e.Name()
			// The copy itself (….tmp) and the journal SQLite keeps beside it (….tmp-journal).
			if e.IsDir() || !strings.HasPrefix(n, backupPrefix) || !strings.Contains(n, ".tmp") {
				continue
			}
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > staleTmpAge {
				p := filepath.Join(dir, n)
				if err := os.Remove(p); err != nil {
					errs = append(errs, err)
					continue
				}
				removed = append(removed, p)
			}
		}
	}
	bs := listBackups(dir)
	keep := make([]bool, len(bs))
	for _, g := range []struct {
		n   int
		key func(time.Time) string
	}{
		{Retention.Daily, func(t time.Time) string { return t.Format("2006-01-02") }},
		{Retention.Weekly, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprint(y, "-", w) }},
		{Retention.Monthly, func(t time.Time) string { return t.Format("2006-01") }},
	} {
		seen := map[string]bool{}
		for i, b := range bs { // newest first: the first of each period is its newest
			k := g.key(b.at)
			if seen[k] || len(seen) >= g.n {
				continue
			}
			seen[k] = true
			keep[i] = true
		}
	}
	for i, b := range bs {
		if keep[i] {
			continue
		}
		if err := os.Remove(b.path); err != nil {
			errs = append(errs, err)
			continue
		}
		os.Remove(sidecar(b.path))
		removed = append(removed, b.path)
	}
	return removed, errors.Join(errs...)
}

// CheckReport is what CheckFile found.
type CheckReport struct {
	Path     string
	OK       bool
	Schema   int      // the file's migration version
	Problems []string // in Vietnamese, one line each
	// Tamper is the evidence of edits made outside the program (chain.go): hash chains broken,
	// guard triggers missing, gaps in the book, a copy not matching the heads in its sidecar.
	// A file with Tamper is readable (OK may be true) but is not restored without -force.
	Tamper []string
	Heads  ChainHeads
}

// Sound is OK without tamper evidence.
func (r CheckReport) Sound() bool { return r.OK && len(r.Tamper) == 0 }

// String is the report for people, in Vietnamese.
func (r CheckReport) String() string {
	if r.Sound() {
		return fmt.Sprintf("%s: tốt (kiểm tra toàn vẹn, khóa ngoại, chuỗi băm nhật ký, trigger bảo vệ và số thứ tự trong sổ đạt, phiên bản dữ liệu %d).", r.Path, r.Schema)
	}
	var b strings.Builder
	if !r.OK {
		fmt.Fprintf(&b, "%s: HỎNG — %d vấn đề:", r.Path, len(r.Problems))
		for _, p := range r.Problems {
			b.WriteString("\n  - " + p)
		}
	}
	if len(r.Tamper) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s: CÓ DẤU HIỆU BỊ SỬA NGOÀI CHƯƠNG TRÌNH — %d dấu hiệu:", r.Path, len(r.Tamper))
		for _, p := range r.Tamper {
			b.WriteString("\n  - " + p)
		}
	}
	return b.String()
}

var sqliteHeader = []byte("SQLite format 3\x00")

// CheckFile checks a database file (the ledger or a backup) without changing it: that it is a
// SQLite file of Một Cửa, PRAGMA integrity_check and PRAGMA foreign_key_check. An error means
// the file could not be read at all (missing, no permission).
func CheckFile(ctx context.Context, path string) (CheckReport, error) {
	r := CheckReport{Path: path}
	f, err := os.Open(path)
	if err != nil {
		return r, fmt.Errorf("không mở được tệp %s: %w", path, err)
	}
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		r.Problems = append(r.Problems, "không phải tệp cơ sở dữ liệu SQLite (phần đầu tệp sai hoặc tệp quá ngắn)")
		return r, nil
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "query_only(1)")
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return r, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	problem := func(what string, err error) {
		r.Problems = append(r.Problems, what+": "+err.Error())
	}
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&r.Schema); err != nil {
		if ae := Diagnose(path, err); ae != nil {
			return r, ae // a permission or disk problem, not damage
		}
		problem("không đọc được phiên bản dữ liệu (không phải cơ sở dữ liệu Một Cửa, hoặc tệp hỏng)", err)
	}
	lines, err := pragmaLines(ctx, db, `PRAGMA integrity_check`)
	if err != nil {
		problem("kiểm tra toàn vẹn không chạy được", err)
	} else if len(lines) != 1 || lines[0] != "ok" {
		for _, l := range lines {
			r.Problems = append(r.Problems, "toàn vẹn: "+l)
		}
	}
	rows, err := db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		problem("kiểm tra khóa ngoại không chạy được", err)
	} else {
		for rows.Next() {
			var table, parent string
			var rowid sql.NullInt64
			var fkid int
			if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
				problem("kiểm tra khóa ngoại", err)
				break
			}
			r.Problems = append(r.Problems, fmt.Sprintf("khóa ngoại: bảng %s, dòng %d trỏ tới %s không có", table, rowid.Int64, parent))
		}
		if err := rows.Err(); err != nil {
			problem("kiểm tra khóa ngoại", err)
		}
		rows.Close()
	}
	r.OK = len(r.Problems) == 0
	if r.OK {
		r.Heads, r.Tamper = verifyChains(ctx, db)
		r.Tamper = append(r.Tamper, missingTriggers(ctx, db, "migrations", sqliteTriggers)...)
		r.Tamper = append(r.Tamper, bookGaps(ctx, db)...)
		r.Tamper = append(r.Tamper, sidecarMismatch(path, r.Heads)...)
	}
	return r, nil
}

// sidecar is the file beside a backup that records its chain heads when it was written.
func sidecar(backup string) string { return backup + ".json" }

// sidecarMismatch compares a backup's chains with the heads its sidecar recorded: fewer chained
// rows, or another head, means the copy was cut short or rewritten after it was made.
func sidecarMismatch(path string, h ChainHeads) []string {
	b, err := os.ReadFile(sidecar(path))
	if err != nil {
		return nil
	}
	var want ChainHeads
	if err := json.Unmarshal(b, &want); err != nil {
		return []string{"tệp đi kèm " + sidecar(path) + " hỏng: " + err.Error()}
	}
	var out []string
	if want.AuditRows != h.AuditRows || want.Audit != h.Audit {
		out = append(out, fmt.Sprintf("nhật ký thay đổi khác với lúc sao lưu (%d dòng có băm, lúc sao lưu %d; dòng cuối khác)", h.AuditRows, want.AuditRows))
	}
	if want.EventsRows != h.EventsRows || want.Events != h.Events {
		out = append(out, fmt.Sprintf("nhật ký hồ sơ khác với lúc sao lưu (%d dòng có băm, lúc sao lưu %d; dòng cuối khác)", h.EventsRows, want.EventsRows))
	}
	return out
}

func pragmaLines(ctx context.Context, db *sql.DB, q string) ([]string, error) {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// NewestGoodBackup is the newest backup in dir, automatic or manual (motcua-thucong-…), that
// passes CheckFile ("" if none).
func NewestGoodBackup(ctx context.Context, dir string) string {
	for _, b := range listRecoverable(dir) {
		if r, err := CheckFile(ctx, b.path); err == nil && r.OK {
			return b.path
		}
	}
	return ""
}

func newestGoodIn(dir string) string { return NewestGoodBackup(context.Background(), dir) }

// listRecoverable lists dir's automatic and manual backups, newest first: both are offered for
// recovery (rotation only ever touches the automatic ones).
func listRecoverable(dir string) []backupFile {
	out := listBackups(dir)
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		sfx := filepath.Ext(n)
		if e.IsDir() || !strings.HasPrefix(n, manualPrefix) || (sfx != backupSuffix && sfx != pgDumpSuffix) {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(n, manualPrefix), sfx)
		if len(stamp) > len(backupLayout) && stamp[len(backupLayout)] == '-' {
			stamp = stamp[:len(backupLayout)] // a second backup of the same second: …-2
		}
		at, err := time.ParseInLocation(backupLayout, stamp, workday.Loc)
		if err != nil {
			continue
		}
		out = append(out, backupFile{filepath.Join(dir, n), at})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at.After(out[j].at) })
	return out
}

func removeDB(path string) {
	for _, sfx := range []string{"", "-wal", "-shm"} {
		os.Remove(path + sfx)
	}
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// CheckPages reads every page of the ledger and checks its b-trees (SQLite's PRAGMA quick_check:
// all of CheckFile's page checks but not index contents against their tables, so much faster on
// a large file): the full start-up check. A missing file is healthy: it will be created.
func CheckPages(ctx context.Context, path string) (CheckReport, error) {
	return checkAtStart(ctx, path, `PRAGMA quick_check`)
}

// ShallowCheck is the start-up check of a large ledger, where quick_check reads every page (about
// half a minute for ten years of a large ward): the header, and the schema read and parsed. The
// full check then runs in the background (see StartCheck); damage the shallow check cannot see is
// found there.
func ShallowCheck(ctx context.Context, path string) (CheckReport, error) {
	// Preparing any statement reads and parses the whole schema; the count walks its b-tree.
	return checkAtStart(ctx, path, `SELECT 'ok' WHERE (SELECT COUNT(*) FROM sqlite_schema) >= 0`)
}

// fullCheckAtStartLimit is the largest ledger checked in full before the window opens. A
// quick_check reads ≈ 120–150 MB a second here: 16 MB (a ward's first year or so) costs
// ≈ 0.1 s of the first frame's 1 s; up to issue 18 the limit was 256 MB, and an ordinary ward's
// 242 MB ledger waited 2.0–2.4 s for its window. Tests lower it.
var fullCheckAtStartLimit int64 = 16 << 20

// soonCheckLimit is the largest ledger whose background check starts as soon as the window is
// up (it reads the file in a second or two, before the first intake is typed); a larger one's
// waits for the start-up work (app: two minutes), as reading gigabytes competes with the
// counter's first minutes.
var soonCheckLimit int64 = 256 << 20

// CheckSoon tells whether the background check of the ledger at path (StartCheck said it has
// one) should start as soon as the window is up.
func CheckSoon(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Size() <= soonCheckLimit
}

// StartCheck is the check made before the window opens: in full for a ledger up to
// fullCheckAtStartLimit, or when a background check found damage last time (DamageMark);
// otherwise the shallow check, and full reports whether the caller should run CheckPages in the
// background once the window is up.
func StartCheck(ctx context.Context, path string) (rep CheckReport, background bool, err error) {
	defer func() {
		if err == nil && !rep.OK {
			MarkDamaged(path, rep.String()) // every writer refuses until a restore or a repair
		}
	}()
	fi, statErr := os.Stat(path)
	if statErr != nil || fi.Size() <= fullCheckAtStartLimit {
		rep, err = CheckPages(ctx, path)
		return rep, false, err
	}
	if _, err := os.Stat(DamageMark(path)); err == nil {
		rep, err = CheckPages(ctx, path)
		return rep, false, err
	}
	rep, err = ShallowCheck(ctx, path)
	return rep, rep.OK, err
}

// DamageMark is the file any check (at start, in the background, motcua check) leaves beside a
// damaged ledger: every writer refuses (DamagedError), and the next start checks it in full and
// offers the newest good backup. A restore or a good full check removes it.
func DamageMark(path string) string { return path + ".damaged" }

// BackgroundCheck runs CheckPages on a large ledger while the window works; on damage it leaves
// DamageMark, so the next start does the full check and offers a restore.
func BackgroundCheck(ctx context.Context, path string) (CheckReport, error) {
	rep, err := CheckPages(ctx, path)
	if err != nil {
		return rep, err
	}
	if rep.OK {
		ClearDamaged(path)
		return rep, nil
	}
	return rep, MarkDamaged(path, rep.String())
}

func checkAtStart(ctx context.Context, path, pragma string) (CheckReport, error) {
	r := CheckReport{Path: path, OK: true}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return r, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return r, err
	}
	head := make([]byte, len(sqliteHeader))
	n, _ := io.ReadFull(f, head)
	f.Close()
	if n == 0 {
		return r, nil // created empty, never written
	}
	if !bytes.Equal(head, sqliteHeader) {
		r.OK = false
		r.Problems = []string{"không phải tệp cơ sở dữ liệu SQLite (phần đầu tệp sai)"}
		return r, nil
	}
	db, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)")
	if err != nil {
		return r, err
	}
	defer db.Close()
	lines, err := pragmaLines(ctx, db, pragma)
	if err != nil {
		if ae := Diagnose(path, err); ae != nil {
			return r, ae // a permission or disk problem, not damage
		}
		lines = []string{err.Error()}
	}
	if len(lines) != 1 || lines[0] != "ok" {
		r.OK = false
		for _, l := range lines {
			r.Problems = append(r.Problems, "toàn vẹn: "+l)
		}
	}
	return r, nil
}
