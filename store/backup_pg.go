package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"motcua/store/workday"
)

// Backups of a PostgreSQL ledger are PostgreSQL's own: pg_dump in its custom format (-Fc),
// checked with pg_restore --list, restored with pg_restore. The tools come with the server's
// client package; the password goes to them in PGPASSWORD, never on their command line (where
// any user of the PC could read it in the process list), and their messages are redacted.

// pgDumpSuffix names PostgreSQL backups (motcua-YYYYMMDD-HHMMSS.dump).
const pgDumpSuffix = ".dump"

// ErrNoPgTools is wrapped when pg_dump or pg_restore is not installed on this PC.
var ErrNoPgTools = errors.New("thiếu công cụ PostgreSQL")

// BackupExt is the extension of this store's backup files: ".db" (a SQLite file) or ".dump"
// (a pg_dump archive).
func (s *Store) BackupExt() string {
	if s.d.name() == "postgres" {
		return pgDumpSuffix
	}
	return backupSuffix
}

// pgTool finds pg_dump or pg_restore on the PATH, or says in Vietnamese how to install it.
func pgTool(name string) (string, error) {
	p, err := exec.LookPath(name)
	if err != nil {
		return "", fmt.Errorf("%w: không tìm thấy chương trình %s trên máy này. Hãy cài gói postgresql-client "+
			"(Debian/Ubuntu: sudo apt-get install -y postgresql-client) hoặc, trên Windows, phần “Command Line Tools” "+
			"của trình cài đặt PostgreSQL (rồi thêm thư mục bin của nó vào PATH), sau đó thử lại", ErrNoPgTools, name)
	}
	return p, nil
}

// pgConnArgs splits a PostgreSQL URL into what the tools get: the URL without its password (for
// -d) and the environment with PGPASSWORD.
func pgConnArgs(rawURL string) (dbArg string, env []string, err error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "", nil, fmt.Errorf("địa chỉ cơ sở dữ liệu %s không hợp lệ", RedactURL(rawURL))
	}
	env = os.Environ()
	pw, has := "", false
	if u.User != nil {
		pw, has = u.User.Password()
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		pw, has = q.Get("password"), true
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	if has {
		env = append(env, "PGPASSWORD="+pw)
	}
	return u.String(), env, nil
}

// runPgTool runs a PostgreSQL tool without a terminal prompt (-w) and returns its output; a
// failure carries its redacted stderr.
func runPgTool(ctx context.Context, env []string, tool string, args ...string) ([]byte, error) {
	bin, err := pgTool(tool)
	if err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = env
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return out.Bytes(), fmt.Errorf("%s không thành công: %s", tool, Redact(msg))
	}
	return out.Bytes(), nil
}

// pgDumpTo writes a pg_dump archive of the database at rawURL to dest (absent; created with mode
// 0600), then checks it with pg_restore --list: it must list the dossiers' rows.
func pgDumpTo(ctx context.Context, rawURL, dest string) error {
	if _, err := pgTool("pg_dump"); err != nil {
		return err
	}
	if _, err := pgTool("pg_restore"); err != nil {
		return err
	}
	dbArg, env, err := pgConnArgs(rawURL)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return fmt.Errorf("không tạo được thư mục sao lưu %s: %w", filepath.Dir(dest), err)
	}
	tmp := dest + ".tmp"
	os.Remove(tmp)
	// Created empty with mode 0600 first: pg_dump writes into it, and the copy of citizens' data
	// is never readable by others.
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("không tạo được tệp sao lưu %s: %w", tmp, err)
	}
	f.Close()
	if _, err := runPgTool(ctx, env, "pg_dump", "-w", "-Fc", "-f", tmp, "-d", dbArg); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("sao lưu thất bại: %w", err)
	}
	if err := checkDump(ctx, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("bản sao lưu vừa ghi không đạt kiểm tra, đã bỏ: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return err
	}
	syncDir(filepath.Dir(dest))
	return nil
}

// checkDump reads a pg_dump archive's table of contents (pg_restore --list): it must be a
// readable archive of a Một Cửa database (it holds the dossiers table and its rows).
func checkDump(ctx context.Context, file string) error {
	out, err := runPgTool(ctx, os.Environ(), "pg_restore", "--list", file)
	if err != nil {
		return err
	}
	toc := string(out)
	if !strings.Contains(toc, "TABLE DATA public dossiers ") || !strings.Contains(toc, "TABLE DATA public schema_migrations ") {
		return fmt.Errorf("tệp %s không phải bản sao lưu của Một Cửa (không có bảng hồ sơ)", file)
	}
	return nil
}

// writePgBackup is writeBackup on PostgreSQL.
func (s *Store) writePgBackup(ctx context.Context, dest string) (string, error) {
	// The missing tools first: whatever the file, nothing can be backed up without them.
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if _, err := pgTool(tool); err != nil {
			return "", err
		}
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", invalid("file", "Đường dẫn tệp sao lưu không hợp lệ.")
	}
	if _, err := os.Stat(abs); err == nil {
		return "", invalid("file", fmt.Sprintf("Tệp %s đã có; hãy chọn tên khác (bản sao lưu không ghi đè tệp cũ).", abs))
	}
	if err := pgDumpTo(ctx, s.url, abs); err != nil {
		return "", err
	}
	return abs, nil
}

// RestorePostgres replaces the content of the PostgreSQL database at dbURL by the pg_dump
// archive file (checked with pg_restore --list first). When the database already holds a
// ledger, by must hold PermBackup in it, and it is first dumped aside into asideDir
// (motcua-truoc-phuc-hoi-TIME.dump, whose path is returned): nothing is lost. The restore runs
// pg_restore --clean --if-exists in one transaction (a failure leaves the database as it was),
// then the schema is brought up to this program's version and the restore written to the
// restored ledger's audit trail. Counters should be closed while it runs.
func RestorePostgres(ctx context.Context, dbURL, file, by, asideDir string) (aside string, err error) {
	if _, err := pgTool("pg_restore"); err != nil {
		return "", err
	}
	if err := checkDump(ctx, file); err != nil {
		return "", invalid("file", "Không phục hồi từ tệp này: "+err.Error())
	}
	if !IsPostgresURL(dbURL) {
		return "", invalid("db", "Phục hồi bản sao lưu pg_dump cần một cơ sở dữ liệu PostgreSQL.")
	}
	cur, err := OpenURL(ctx, dbURL)
	if err != nil {
		return "", err
	}
	empty, err := cur.IsEmpty(ctx)
	if err == nil && !empty {
		_, err = cur.require(ctx, by, PermBackup)
	}
	where := cur.where
	cur.Close()
	if err != nil {
		return "", err
	}
	if !empty {
		aside = filepath.Join(asideDir, "motcua-truoc-phuc-hoi-"+time.Now().In(workday.Loc).Format(backupLayout)+pgDumpSuffix)
		if aside, err = filepath.Abs(aside); err != nil {
			return "", err
		}
		if err := pgDumpTo(ctx, dbURL, aside); err != nil {
			return "", fmt.Errorf("không sao lưu được dữ liệu hiện tại trước khi phục hồi, chưa phục hồi gì: %w", err)
		}
	}
	dbArg, env, err := pgConnArgs(dbURL)
	if err != nil {
		return aside, err
	}
	if _, err := runPgTool(ctx, env, "pg_restore", "-w", "--clean", "--if-exists", "--single-transaction",
		"--exit-on-error", "-d", dbArg, file); err != nil {
		return aside, fmt.Errorf("phục hồi %s thất bại, dữ liệu trong %s không đổi: %w", file, where, err)
	}
	// OpenURL brings an older backup up to this program's schema.
	s, err := OpenURL(ctx, dbURL)
	if err != nil {
		return aside, err
	}
	defer s.Close()
	actor := ""
	if o, err := s.actor(ctx, by); err == nil {
		actor = o.Login
	}
	note := ""
	if aside != "" {
		note = "bản cũ để ở " + aside
	}
	return aside, s.tx(ctx, func(t *sql.Tx) error {
		return audit(ctx, t, s.now(), actor, "backup", file, "restore", nil, nil, note)
	})
}

// CheckPostgres checks a PostgreSQL ledger without changing it: the connection, the schema
// version against this program's, the rows of every table, and the numbering: dossier codes
// unique, book numbers 1..n without gap or repeat in each year, each year's counter not behind
// its book.
func (s *Store) CheckPostgres(ctx context.Context) (CheckReport, error) {
	r := CheckReport{Path: s.where}
	if s.d.name() != "postgres" {
		return r, invalid("db", "Cơ sở dữ liệu không phải PostgreSQL.")
	}
	if err := s.r.PingContext(ctx); err != nil {
		return r, err
	}
	problem := func(what string, err error) { r.Problems = append(r.Problems, what+": "+Redact(err.Error())) }
	if err := s.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&r.Schema); err != nil {
		problem("không đọc được phiên bản dữ liệu", err)
	}
	if ms, err := migrationsIn(s.d.migrationsDir()); err == nil {
		if newest := ms[len(ms)-1].version; r.Schema < newest {
			r.Problems = append(r.Problems, fmt.Sprintf("phiên bản dữ liệu %d cũ hơn chương trình (%d): chạy motcua migrate-schema với tài khoản chủ sở hữu", r.Schema, newest))
		}
	}
	tables, err := s.pgTables(ctx)
	if err != nil {
		problem("không liệt kê được các bảng", err)
	}
	for _, tbl := range tables {
		var n int
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+tbl).Scan(&n); err != nil {
			problem("không đọc được bảng "+tbl, err)
		}
	}
	var code string
	var n int
	if err := s.scanRows(ctx, `SELECT code, COUNT(*) FROM dossiers GROUP BY code HAVING COUNT(*) > 1 ORDER BY code LIMIT 20`, nil,
		[]any{&code, &n}, func() error {
			r.Problems = append(r.Problems, fmt.Sprintf("mã hồ sơ %s dùng %d lần", code, n))
			return nil
		}); err != nil {
		problem("không kiểm tra được mã hồ sơ", err)
	}
	var year, count, distinct, lo, hi, last int
	if err := s.scanRows(ctx, `SELECT d.book_year, COUNT(*), COUNT(DISTINCT d.book_no), MIN(d.book_no), MAX(d.book_no),
		COALESCE(MAX(c.last), 0) FROM dossiers d LEFT JOIN book_counters c ON c.year = d.book_year
		GROUP BY d.book_year ORDER BY d.book_year`, nil, []any{&year, &count, &distinct, &lo, &hi, &last}, func() error {
		if distinct != count || lo != 1 || hi != count {
			r.Problems = append(r.Problems, fmt.Sprintf("sổ theo dõi năm %d: %d hồ sơ mang số từ %d đến %d (%d số khác nhau): có số trùng hoặc bị bỏ", year, count, lo, hi, distinct))
		}
		if last < hi {
			r.Problems = append(r.Problems, fmt.Sprintf("bộ đếm sổ năm %d (%d) thấp hơn số lớn nhất đã cấp (%d): số tiếp theo sẽ trùng", year, last, hi))
		}
		return nil
	}); err != nil {
		problem("không kiểm tra được số sổ", err)
	}
	r.OK = len(r.Problems) == 0
	r.Heads, r.Tamper = verifyChains(ctx, s.r)
	r.Tamper = append(r.Tamper, missingTriggers(ctx, s.r, s.d.migrationsDir(), pgTriggers)...)
	return r, nil
}

// pgTables lists the ledger's tables on PostgreSQL, by name.
func (s *Store) pgTables(ctx context.Context) ([]string, error) {
	var out []string
	var name string
	err := s.scanRows(ctx, `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()
		AND table_type = 'BASE TABLE' ORDER BY table_name`, nil, []any{&name}, func() error {
		out = append(out, name)
		return nil
	})
	return out, err
}
