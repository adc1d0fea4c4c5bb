package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// pgSnapshot is every table's row count and hash, but the audit trail's (a restore adds its line).
func pgSnapshot(t *testing.T, s *Store) (map[string]string, int) {
	t.Helper()
	ctx := context.Background()
	tables, err := s.pgTables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	audits := 0
	for _, tbl := range tables {
		n, h, err := TableHash(ctx, s, tbl)
		if err != nil {
			t.Fatal(err)
		}
		if tbl == "audit" {
			audits = n
			continue
		}
		out[tbl] = itoa(n) + " rows " + h
	}
	if len(out) < 10 {
		t.Fatalf("only %d tables seen: %v", len(out), tables)
	}
	return out, audits
}

func sameSnapshot(t *testing.T, what string, a, b map[string]string) {
	t.Helper()
	for tbl, h := range a {
		if b[tbl] != h {
			t.Errorf("%s: table %s: %s, want %s", what, tbl, b[tbl], h)
		}
	}
	if len(a) != len(b) {
		t.Errorf("%s: %d tables, want %d", what, len(b), len(a))
	}
}

// `motcua backup` / `restore` on PostgreSQL: pg_dump -Fc to a 0600 file, checked; restored into a
// fresh database it gives the same rows in every table; restored over the configured database
// (after a dossier was received) the current data is dumped aside first, the dossier received
// after the backup is gone, and the aside dump still holds it.
func TestPostgresBackupRestoreRoundTrip(t *testing.T) {
	if !onPG {
		t.Skip("PostgreSQL half only (pg_dump and pg_restore against the test server)")
	}
	s := openTest(t)
	ctx := context.Background()
	dir := t.TempDir()
	kept := receive(t, s, lifeIntake(t, s, monday))
	backup, err := s.Backup(ctx, "admin", filepath.Join(dir, "backups", "tay.dump"))
	if err != nil {
		t.Fatal(err)
	}
	if m := mode(t, backup); m != 0o600 {
		t.Errorf("backup mode %o, want 600", m)
	}
	if err := checkDump(ctx, backup); err != nil {
		t.Errorf("pg_restore --list of the backup: %v", err)
	}
	if _, err := s.Backup(ctx, "admin", backup); err == nil {
		t.Error("a backup overwrote an existing file")
	}
	want, audits := pgSnapshot(t, s)
	lost := receive(t, s, lifeIntake(t, s, monday.Add(time.Hour)))

	// Into a fresh, empty database: nothing to keep aside.
	fresh := newPGDatabase(t)
	aside, err := RestorePostgres(ctx, fresh, backup, "admin", dir)
	if err != nil {
		t.Fatal(err)
	}
	if aside != "" {
		t.Errorf("restore into an empty database kept %q aside", aside)
	}
	f := openAgain(t, &Store{url: fresh})
	got, gotAudits := pgSnapshot(t, f)
	sameSnapshot(t, "fresh database", want, got)
	// The backup's own audit line was written after the dump; the restore writes its line.
	var action, by string
	if err := f.r.QueryRow(`SELECT action, by_login FROM audit ORDER BY id DESC LIMIT 1`).Scan(&action, &by); err != nil ||
		action != "restore" || by != "admin" || gotAudits != audits {
		t.Errorf("restored audit trail: %d rows (want %d), newest %q by %q (%v)", gotAudits, audits, action, by, err)
	}
	if _, err := f.Dossier(ctx, "admin", lost.Code); !errors.Is(err, ErrNotFound) {
		t.Errorf("the dossier received after the backup is in the restored copy: %v", err)
	}

	// A counter official may not restore over the ledger; nothing changes.
	if _, err := RestorePostgres(ctx, s.url, backup, "tiepnhan1", dir); err == nil {
		t.Error("tiepnhan1 restored over the ledger")
	}
	if _, err := s.Dossier(ctx, "admin", lost.Code); err != nil {
		t.Fatalf("a refused restore changed the ledger: %v", err)
	}
	// A file that is not a dump is refused before anything is touched.
	junk := filepath.Join(dir, "junk.dump")
	os.WriteFile(junk, []byte("not a dump"), 0o600)
	var ve *ValidationError
	if _, err := RestorePostgres(ctx, s.url, junk, "admin", dir); !errors.As(err, &ve) {
		t.Errorf("restore from junk: %v, want a refusal", err)
	}

	// Over the configured, non-empty database: the current data goes aside first.
	aside, err = RestorePostgres(ctx, s.url, backup, "admin", dir)
	if err != nil {
		t.Fatal(err)
	}
	if aside == "" || mode(t, aside) != 0o600 {
		t.Fatalf("aside dump %q missing or not 0600", aside)
	}
	got, _ = pgSnapshot(t, s)
	sameSnapshot(t, "restored ledger", want, got)
	if _, err := s.Dossier(ctx, "admin", lost.Code); !errors.Is(err, ErrNotFound) {
		t.Errorf("after the restore the later dossier is still there: %v", err)
	}
	if _, err := s.Dossier(ctx, "admin", kept.Code); err != nil {
		t.Errorf("the dossier in the backup is missing: %v", err)
	}
	if rep, err := s.CheckPostgres(ctx); err != nil || !rep.OK {
		t.Errorf("check after restore: %v %v", rep, err)
	}
	// The aside dump holds what the restore replaced.
	back := newPGDatabase(t)
	if _, err := RestorePostgres(ctx, back, aside, "admin", dir); err != nil {
		t.Fatal(err)
	}
	if _, err := openAgain(t, &Store{url: back}).Dossier(ctx, "admin", lost.Code); err != nil {
		t.Errorf("the aside dump lacks the dossier it should keep: %v", err)
	}
}

// The check of a PostgreSQL ledger finds a book number skipped and a counter behind its book.
func TestCheckPostgresFindsNumberingFaults(t *testing.T) {
	if !onPG {
		t.Skip("PostgreSQL half only")
	}
	s := openTest(t)
	ctx := context.Background()
	for i := range 3 {
		receive(t, s, lifeIntake(t, s, monday.Add(time.Duration(i)*time.Minute)))
	}
	rep, err := s.CheckPostgres(ctx)
	if err != nil || !rep.OK || rep.Schema < 5 {
		t.Fatalf("check of a sound ledger: %+v, %v", rep, err)
	}
	// The ledger refuses to renumber a dossier: the test, as the tables' owner, lifts the guard.
	if _, err := s.w.Exec(`ALTER TABLE dossiers DISABLE TRIGGER USER`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`UPDATE dossiers SET book_no = 7 WHERE book_no = 3`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.w.Exec(`UPDATE book_counters SET last = 2`); err != nil {
		t.Fatal(err)
	}
	rep, err = s.CheckPostgres(ctx)
	if err != nil || rep.OK {
		t.Fatalf("check of a ledger with a skipped number: %+v, %v", rep, err)
	}
	text := rep.String()
	for _, w := range []string{"có số trùng hoặc bị bỏ", "thấp hơn số lớn nhất"} {
		if !strings.Contains(text, w) {
			t.Errorf("check report lacks %q:\n%s", w, text)
		}
	}
}

// Without pg_dump on the PC, the message says what to install, on Debian and on Windows.
func TestPgToolsMissingSaysWhatToInstall(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := pgTool("pg_dump")
	if !errors.Is(err, ErrNoPgTools) || !strings.Contains(err.Error(), "postgresql-client") || !strings.Contains(err.Error(), "Windows") {
		t.Errorf("missing pg_dump: %v", err)
	}
	if err := pgDumpTo(context.Background(), "postgres://u:p@127.0.0.1:1/db", filepath.Join(t.TempDir(), "x.dump")); !errors.Is(err, ErrNoPgTools) {
		t.Errorf("pgDumpTo without pg_dump: %v", err)
	}
}

// The password reaches pg_dump in PGPASSWORD, never on its command line, and its error messages
// are redacted. A stand-in pg_dump records what it was given.
func TestPgDumpGetsThePasswordInItsEnvironment(t *testing.T) {
	bin := t.TempDir()
	log := filepath.Join(bin, "log")
	script := "#!/bin/sh\necho \"args: $*\" > " + log + "\necho \"env: $PGPASSWORD\" >> " + log +
		"\necho 'pg_dump: error: connection to server failed: postgres://motcua:s3cret-pw@db.lan/motcua password=s3cret-pw' >&2\nexit 1\n"
	for _, tool := range []string{"pg_dump", "pg_restore"} {
		if err := os.WriteFile(filepath.Join(bin, tool), []byte(script), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", bin)
	err := pgDumpTo(context.Background(), "postgres://motcua:s3cret-pw@db.lan:5432/motcua?sslmode=require", filepath.Join(t.TempDir(), "x.dump"))
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error = %v, want a failure without the password", err)
	}
	got, rerr := os.ReadFile(log)
	if rerr != nil {
		t.Fatal(rerr)
	}
	args, env, _ := strings.Cut(string(got), "\n")
	if strings.Contains(args, "s3cret") || !strings.Contains(args, "-Fc") || !strings.Contains(args, "postgres://motcua@db.lan:5432/motcua?sslmode=require") {
		t.Errorf("pg_dump was run with %q", args)
	}
	if strings.TrimSpace(env) != "env: s3cret-pw" {
		t.Errorf("pg_dump's environment: %q, want PGPASSWORD", env)
	}
}
