package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Backups edited with plain SQL (as with the sqlite3 shell) are caught by CheckFile's tamper
// evidence and refused by Restore unless forced by an admin, which is audited.
func TestTamperedBackupIsRefused(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	var codes []string
	for i := 0; i < 6; i++ {
		d := receive(t, s, lifeIntake(t, s, monday.Add(time.Duration(i)*time.Minute)))
		codes = append(codes, d.Code)
	}
	if _, err := s.Handover(ctx, Action{Code: codes[0], By: "tiepnhan1", At: monday.Add(time.Hour)}, "tuphap"); err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(ctx, "admin", filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := CheckFile(ctx, backup); err != nil || !rep.Sound() {
		t.Fatalf("untouched backup: %v %v", rep, err)
	}
	s.Close()
	cases := []struct {
		name, want string
		sql        []string
	}{
		{"trigger dropped", "thiếu trigger bảo vệ dossiers_no_delete", []string{`DROP TRIGGER dossiers_no_delete`}},
		{"dossier deleted", "có số bị thiếu", []string{`DROP TRIGGER dossiers_no_delete`, `DROP TRIGGER dossier_events_no_delete`,
			`DELETE FROM dossier_events WHERE dossier_id = (SELECT id FROM dossiers WHERE code = '` + codes[3] + `')`,
			`DELETE FROM slips WHERE dossier_id = (SELECT id FROM dossiers WHERE code = '` + codes[3] + `')`,
			`DELETE FROM dossier_search WHERE rowid = (SELECT id FROM dossiers WHERE code = '` + codes[3] + `')`,
			`DELETE FROM dossiers WHERE code = '` + codes[3] + `'`}},
		{"name changed", "không khớp dấu băm", []string{`UPDATE dossiers SET name = 'Người Khác' WHERE code = '` + codes[2] + `'`}},
		{"fee changed", "không khớp dấu băm", []string{`UPDATE dossiers SET fee = fee + 100000 WHERE code = '` + codes[1] + `'`}},
		{"audit rows deleted", "chuỗi băm đứt", []string{`DROP TRIGGER audit_no_delete`,
			`DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE hash <> '' ORDER BY id LIMIT 2 OFFSET 1)`}},
		{"newest audit rows deleted", "khác với lúc sao lưu", []string{`DROP TRIGGER audit_no_delete`,
			`DELETE FROM audit WHERE id = (SELECT MAX(id) FROM audit)`, `CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'nhật ký thay đổi chỉ được ghi thêm'); END`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := filepath.Join(t.TempDir(), "edited.db")
			copyFile(backup, f)
			copyFile(sidecar(backup), sidecar(f))
			db, err := sql.Open("sqlite", "file:"+f) // foreign keys off, as in the sqlite3 shell
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range c.sql {
				if _, err := db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			db.Close()
			rep, err := CheckFile(ctx, f)
			if err != nil || rep.Sound() || !strings.Contains(rep.String(), c.want) {
				t.Fatalf("check = %v, %v; want %q", rep.String(), err, c.want)
			}
			var ve *ValidationError
			if _, err := Restore(ctx, s.Path(), f, RestoreAuth{By: "admin"}); !errors.As(err, &ve) {
				t.Fatalf("restore of an edited backup = %v", err)
			}
		})
	}
	// An admin may force it; the audit says so.
	f := filepath.Join(t.TempDir(), "edited.db")
	copyFile(backup, f)
	db, _ := sql.Open("sqlite", "file:"+f)
	db.Exec(`UPDATE dossiers SET fee = 1 WHERE code = '` + codes[1] + `'`)
	db.Close()
	if _, err := Restore(ctx, s.Path(), f, RestoreAuth{By: "admin", Force: true}); err != nil {
		t.Fatal(err)
	}
	r, err := Open(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	a, _ := r.Audit(ctx, "", AuditFilter{Entity: "backup"})
	if len(a) == 0 || a[0].Action != "restore" || !strings.Contains(a[0].Reason, "BUỘC") {
		t.Errorf("forced restore not audited as such: %+v", a)
	}
	os.Remove(f)
}

// On PostgreSQL, check verifies the same chains and the guard triggers.
func TestPostgresCheckSeesTamper(t *testing.T) {
	if !onPG {
		t.Skip("PostgreSQL only (the PostgreSQL half)")
	}
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, lifeIntake(t, s, monday))
	if rep, err := s.CheckPostgres(ctx); err != nil || !rep.Sound() {
		t.Fatalf("fresh ledger: %v %v", rep.String(), err)
	}
	for _, q := range []string{`UPDATE dossiers SET name = 'Người Khác' WHERE code = '` + d.Code + `'`, `DROP TRIGGER audit_no_delete ON audit`} {
		if _, err := s.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	rep, err := s.CheckPostgres(ctx)
	if err != nil || rep.Sound() || !strings.Contains(rep.String(), "không khớp dấu băm") || !strings.Contains(rep.String(), "audit_no_delete") {
		t.Errorf("edited ledger: %v %v", rep.String(), err)
	}
}
