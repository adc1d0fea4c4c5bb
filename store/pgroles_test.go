package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"
	"time"

	"motcua/store/workday"
)

// The roles of docs/POSTGRES.md: the owner migrates, the app role only reads and writes rows (and
// may delete calendar overrides). The app works on the app role, and cannot delete a dossier.
func TestPGLeastPrivilegeAppRole(t *testing.T) {
	pgOnly(t)
	ctx := context.Background()
	admin, err := sql.Open("pgx", testPG)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 4)
	rand.Read(b)
	sfx := hex.EncodeToString(b)
	owner, app, db := "motcua_owner_"+sfx, "motcua_app_"+sfx, "motcua_roles_"+sfx
	for _, q := range []string{
		`CREATE ROLE ` + owner + ` LOGIN PASSWORD 'owner-pw'`,
		`CREATE ROLE ` + app + ` LOGIN PASSWORD 'app-pw'`,
		`CREATE DATABASE ` + db + ` OWNER ` + owner + ` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
	} {
		if _, err := admin.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", testPG)
		if err != nil {
			return
		}
		defer admin.Close()
		admin.Exec(`DROP DATABASE IF EXISTS ` + db + ` WITH (FORCE)`)
		admin.Exec(`DROP ROLE IF EXISTS ` + app)
		admin.Exec(`DROP ROLE IF EXISTS ` + owner)
	})
	urlAs := func(user, pw string) string {
		u, err := url.Parse(testPG)
		if err != nil {
			t.Fatal(err)
		}
		u.User = url.UserPassword(user, pw)
		u.Path = "/" + db
		return u.String()
	}
	// As in the docs, run in the new database by the server's administrator.
	super, err := sql.Open("pgx", func() string { u, _ := url.Parse(testPG); u.Path = "/" + db; return u.String() }())
	if err != nil {
		t.Fatal(err)
	}
	defer super.Close()
	for _, q := range []string{
		`REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
		`GRANT USAGE ON SCHEMA public TO ` + app,
		`ALTER DEFAULT PRIVILEGES FOR ROLE ` + owner + ` IN SCHEMA public GRANT SELECT, INSERT, UPDATE ON TABLES TO ` + app,
		`ALTER DEFAULT PRIVILEGES FOR ROLE ` + owner + ` IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ` + app,
	} {
		if _, err := super.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	// The app role alone cannot create the schema: it says so and names the command.
	if _, err := OpenURL(ctx, urlAs(app, "app-pw")); err == nil || !strings.Contains(err.Error(), "migrate-schema") {
		t.Fatalf("opening an empty database as the app role: %v; want the migrate-schema hint", err)
	}
	// The owner migrates, then grants the one DELETE the app needs.
	os, err := OpenURL(ctx, urlAs(owner, "owner-pw"))
	if err != nil {
		t.Fatalf("migrating as the owner: %v", err)
	}
	os.Close()
	if _, err := super.ExecContext(ctx, `GRANT DELETE ON calendar_overrides TO `+app); err != nil {
		t.Fatal(err)
	}

	// Every kind of work the counter does, on the app role.
	s, err := OpenURL(ctx, urlAs(app, "app-pw"))
	if err != nil {
		t.Fatalf("opening as the app role: %v", err)
	}
	defer s.Close()
	if err := s.SeedDemo(ctx); err != nil {
		t.Fatalf("demo data as the app role: %v", err)
	}
	d, err := s.Receive(ctx, lifeIntake(t, s, monday))
	if err != nil {
		t.Fatalf("intake as the app role: %v", err)
	}
	a := Action{Code: d.Code, By: "tiepnhan1", At: monday.Add(time.Hour)}
	if _, err := s.Handover(ctx, a, "tuphap"); err != nil {
		t.Fatalf("handover: %v", err)
	}
	if _, err := s.Login(ctx, "chutich", DemoPasswords["chutich"]); err != nil {
		t.Fatalf("login: %v", err)
	}
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, workday.Loc)
	if err := s.AddOverride(ctx, "admin", workday.Override{Date: day, Kind: workday.Extra, Name: "Nghỉ thêm"}, "thử"); err != nil {
		t.Fatalf("calendar override: %v", err)
	}
	if err := s.RemoveOverride(ctx, "admin", day, "nhập nhầm"); err != nil {
		t.Fatalf("removing the override: %v", err)
	}
	if _, _, err := s.ReportII06a(ctx, "chutich", monday.AddDate(0, 0, -1), monday.AddDate(0, 0, 30)); err != nil {
		t.Fatalf("report: %v", err)
	}
	// Nothing in the ledger can be deleted by the app role, trigger or not.
	var appDB *sql.DB
	if appDB, err = sql.Open("pgx", urlAs(app, "app-pw")); err != nil {
		t.Fatal(err)
	}
	defer appDB.Close()
	if _, err := appDB.ExecContext(ctx, `DELETE FROM officials WHERE login = 'diachinh'`); err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("DELETE as the app role: %v; want permission denied", err)
	}
	if _, err := appDB.ExecContext(ctx, `CREATE TABLE x (id int)`); err == nil {
		t.Error("the app role may create tables")
	}
}
