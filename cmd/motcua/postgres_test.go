package main

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/xuri/excelize/v2"
)

// closedPort is a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// The database comes from -db, else $MOTCUA_DB, else settings.json, else the data folder's file;
// a password never shows in a message.
func TestDBChoiceAndPasswordsNeverShown(t *testing.T) {
	dir := t.TempDir()
	secret := "S3cr3t-pass"
	down := "postgres://motcua_app:" + secret + "@" + closedPort(t) + "/motcua?sslmode=disable"
	if err := writeSettings(dir, dataSettings{DB: down}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(settingsPath(dir)); fi.Mode().Perm() != 0o600 {
		t.Errorf("settings.json mode %o, want 600", fi.Mode().Perm())
	}

	_, stderr, code := motcua(t, dir, "db")
	if code != exitError || !strings.Contains(stderr, "Không kết nối được máy chủ cơ sở dữ liệu") {
		t.Errorf("db with an unreachable server in settings.json: exit %d %q", code, stderr)
	}
	if strings.Contains(stderr, secret) {
		t.Errorf("the password shows in %q", stderr)
	}

	// $MOTCUA_DB beats settings.json; -db beats $MOTCUA_DB.
	envFile := filepath.Join(t.TempDir(), "env.db")
	t.Setenv("MOTCUA_DB", "sqlite:"+envFile)
	out, stderr, code := motcua(t, dir, "db")
	if code != 0 || out != "sqlite\t"+envFile+"\n" {
		t.Errorf("db with MOTCUA_DB: exit %d %q %s", code, out, stderr)
	}
	flagFile := filepath.Join(t.TempDir(), "flag.db")
	out, _, _ = motcua(t, dir, "-db", "sqlite:"+flagFile, "db")
	if out != "sqlite\t"+flagFile+"\n" {
		t.Errorf("db with -db and MOTCUA_DB: %q, want the -db file", out)
	}
	t.Setenv("MOTCUA_DB", "")

	// -db with a password that fails: still hidden.
	_, stderr, _ = motcua(t, dir, "-db", down, "procedures")
	if strings.Contains(stderr, secret) || !strings.Contains(stderr, "Không kết nối được") {
		t.Errorf("procedures -db unreachable: %q", stderr)
	}
	// db -set with an unreachable server changes nothing.
	_, stderr, code = motcua(t, dir, "db", "-set", strings.Replace(down, secret, "other-secret", 1))
	if code == 0 || strings.Contains(stderr, "other-secret") {
		t.Errorf("db -set unreachable: exit %d %q", code, stderr)
	}

	// A settings file others can read is refused while it holds a password.
	os.Chmod(settingsPath(dir), 0o644)
	_, stderr, code = motcua(t, dir, "db")
	if code == 0 || !strings.Contains(stderr, "chmod 600") || strings.Contains(stderr, secret) {
		t.Errorf("db with a 644 settings.json: exit %d %q", code, stderr)
	}
}

// newPGDatabase creates an empty database on $MOTCUA_TEST_PG, dropped after the test.
func newPGDatabase(t *testing.T) string {
	t.Helper()
	server := os.Getenv("MOTCUA_TEST_PG")
	if server == "" {
		t.Skip("MOTCUA_TEST_PG is not set: this PostgreSQL test is skipped")
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	name := "motcua_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if admin, err := sql.Open("pgx", server); err == nil {
			admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
			admin.Close()
		}
	})
	u, _ := url.Parse(server)
	u.Path = "/" + name
	return u.String()
}

func xlsxCells(t *testing.T, path string) [][]string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// A one-counter ward moves to the server: the tracking book exported from PostgreSQL is the one
// exported from the SQLite file, cell for cell; a second migrate onto it is refused.
func TestMigrateToPostgresKeepsTheBook(t *testing.T) {
	target := newPGDatabase(t)
	dir := demoFolder(t)
	proc := procedureCode(t, dir, "Chứng thực bản sao")
	for _, name := range []string{"Nguyễn Văn An", "Đặng Thị Bình", "Trần Văn Cường"} {
		if _, stderr, code := motcua(t, dir, "receive", "-procedure", proc, "-name", name,
			"-idno", "001203004567", "-phone", "0912345678", "-address", "Số 5 ngõ 10, phường Hoài Đức",
			"-at", "2026-01-26 08:15"); code != 0 {
			t.Fatalf("receive: exit %d: %s", code, stderr)
		}
	}
	before := filepath.Join(t.TempDir(), "sqlite.xlsx")
	if _, stderr, code := motcua(t, dir, "book", "-year", "2026", "-o", before); code != 0 {
		t.Fatalf("book on SQLite: exit %d: %s", code, stderr)
	}
	out, stderr, code := motcua(t, dir, "migrate", "-to", target)
	if code != 0 {
		t.Fatalf("migrate: exit %d: %s\n%s", code, stderr, out)
	}
	if !strings.Contains(out, "dossiers") || strings.Contains(out, "KHÁC") || strings.Contains(out, "motcua_test:motcua_test") {
		t.Errorf("migrate report:\n%s", out)
	}
	after := filepath.Join(t.TempDir(), "postgres.xlsx")
	if _, stderr, code := motcua(t, dir, "-db", target, "book", "-year", "2026", "-o", after); code != 0 {
		t.Fatalf("book on PostgreSQL: exit %d: %s", code, stderr)
	}
	a, b := xlsxCells(t, before), xlsxCells(t, after)
	if len(a) < 4 || !reflect.DeepEqual(a, b) {
		t.Errorf("book exports differ:\nSQLite     %q\nPostgreSQL %q", a, b)
	}
	if _, stderr, code := motcua(t, dir, "migrate", "-to", target); code == 0 || !strings.Contains(stderr, "không trống") {
		t.Errorf("second migrate: exit %d %q, want a refusal", code, stderr)
	}
}

// backup, check and restore on PostgreSQL from the CLI: pg_dump into the data folder's backups,
// the check of the server's ledger, a restore that needs -yes and keeps the data it replaces, and
// a clear message when pg_dump is missing. The password never shows.
func TestBackupCheckRestoreOnPostgres(t *testing.T) {
	target := newPGDatabase(t)
	dir := demoFolder(t)
	if out, stderr, code := motcua(t, dir, "migrate", "-to", target); code != 0 {
		t.Fatalf("migrate: exit %d: %s\n%s", code, stderr, out)
	}
	pg := func(args ...string) (string, string, int) {
		t.Helper()
		out, stderr, code := motcua(t, dir, append([]string{"-db", target}, args...)...)
		if strings.Contains(out+stderr, "motcua_test:motcua_test") {
			t.Errorf("%v shows the password:\n%s%s", args, out, stderr)
		}
		return out, stderr, code
	}
	proc := procedureCode(t, dir, "Chứng thực bản sao")
	receive := func(name string) {
		t.Helper()
		if _, stderr, code := pg("receive", "-procedure", proc, "-name", name, "-idno", "001203004567",
			"-phone", "0912345678", "-address", "Số 5 ngõ 10"); code != 0 {
			t.Fatalf("receive: exit %d: %s", code, stderr)
		}
	}
	receive("Nguyễn Văn An")
	out, stderr, code := pg("backup")
	if code != 0 || !strings.Contains(out, filepath.Join(dir, "backups", "motcua-thucong-")) || !strings.Contains(out, ".dump") {
		t.Fatalf("backup: exit %d: %s %s", code, out, stderr)
	}
	bak := strings.TrimSpace(out[strings.Index(out, filepath.Join(dir, "backups")):])
	if fi, err := os.Stat(bak); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("backup file %s: %v %v", bak, fi, err)
	}
	if out, stderr, code := pg("check"); code != 0 || !strings.Contains(out, "tốt") {
		t.Errorf("check: exit %d: %s %s", code, out, stderr)
	}
	receive("Người Sau Sao Lưu")
	if _, stderr, code := pg("restore", bak); code != exitUsage || !strings.Contains(stderr, "-yes") {
		t.Errorf("restore without -yes: exit %d %s", code, stderr)
	}
	if out, _, _ := pg("search", "Người Sau"); strings.TrimSpace(out) == "" {
		t.Fatal("restore without -yes changed the data")
	}
	out, stderr, code = pg("restore", "-yes", bak)
	if code != 0 || !strings.Contains(out, "Dữ liệu trước khi phục hồi được giữ ở") {
		t.Fatalf("restore: exit %d: %s %s", code, out, stderr)
	}
	if out, _, _ := pg("search", "Người Sau"); strings.TrimSpace(out) != "" {
		t.Errorf("the dossier received after the backup is still there: %q", out)
	}
	if out, _, _ := pg("search", "Nguyễn Văn An"); strings.TrimSpace(out) == "" {
		t.Error("the dossier in the backup is gone")
	}
	if out, _, _ := pg("audit", "-entity", "backup"); !strings.Contains(out, "restore") {
		t.Errorf("restore not in the audit: %q", out)
	}

	t.Setenv("PATH", t.TempDir())
	if _, stderr, code := pg("backup"); code == 0 || !strings.Contains(stderr, "postgresql-client") {
		t.Errorf("backup without pg_dump: exit %d %q", code, stderr)
	}
}
