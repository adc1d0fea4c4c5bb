package store

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func TestDemoSecretsLogIn(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for login, pw := range DemoPasswords {
		o, err := s.Login(ctx, login, pw)
		if err != nil || o.Login != login {
			t.Errorf("Login(%s, demo password) = %+v, %v", login, o, err)
		}
		if !o.HasPassword || !o.HasPIN {
			t.Errorf("%s: HasPassword %v HasPIN %v", login, o.HasPassword, o.HasPIN)
		}
	}
	if err := s.SaveSecurity(ctx, "", Security{LoginMode: LoginPIN, IdleMinutes: 10}); err != nil {
		t.Fatal(err)
	}
	for login, pin := range DemoPINs {
		if _, err := s.Login(ctx, " "+strings.ToUpper(login)+" ", pin); err != nil {
			t.Errorf("Login(%s, demo PIN) in PIN mode: %v", login, err)
		}
	}
	// In PIN mode the password is not the PIN.
	var ve *ValidationError
	if _, err := s.Login(ctx, "tiepnhan1", DemoPasswords["tiepnhan1"]); !errors.As(err, &ve) || !strings.Contains(ve.Message, "mã PIN") {
		t.Errorf("password in PIN mode = %v, want a wrong-PIN error", err)
	}
}

func TestLoginLocksAfterFiveWrongTriesAndTheWaitGrows(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	clock := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return clock }
	var ve *ValidationError
	for i := 1; i <= 4; i++ {
		if _, err := s.Login(ctx, "tiepnhan1", "sai mật khẩu"); !errors.As(err, &ve) || ve.Field != "secret" {
			t.Fatalf("wrong try %d = %v, want a wrong-secret error", i, err)
		}
	}
	_, err := s.Login(ctx, "tiepnhan1", "sai mật khẩu")
	var le *LockedError
	if !errors.As(err, &le) || le.Wait != 30*time.Second || !strings.Contains(le.Error(), "30 giây") {
		t.Fatalf("fifth wrong try = %v, want a 30 s lock", err)
	}
	// The right password does not get through while locked, and the lock survives a restart.
	u := s.dbURL()
	s.Close()
	s2, err := OpenURL(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	s2.now = func() time.Time { return clock.Add(10 * time.Second) }
	if _, err := s2.Login(ctx, "tiepnhan1", DemoPasswords["tiepnhan1"]); !errors.As(err, &le) || !strings.Contains(le.Error(), "20 giây") {
		t.Fatalf("right password while locked, after a restart = %v, want still 20 s to wait", err)
	}
	// Other logins are not affected.
	if _, err := s2.Login(ctx, "tiepnhan2", DemoPasswords["tiepnhan2"]); err != nil {
		t.Errorf("another login was locked too: %v", err)
	}
	// After the wait a sixth wrong try waits twice as long, a seventh four times.
	s2.now = func() time.Time { return clock.Add(31 * time.Second) }
	if _, err := s2.Login(ctx, "tiepnhan1", "sai"); !errors.As(err, &le) || le.Wait != time.Minute {
		t.Fatalf("sixth wrong try = %v, want 1 minute", err)
	}
	s2.now = func() time.Time { return clock.Add(2 * time.Minute) }
	if _, err := s2.Login(ctx, "tiepnhan1", "sai"); !errors.As(err, &le) || le.Wait != 2*time.Minute || !strings.Contains(le.Error(), "2 phút") {
		t.Fatalf("seventh wrong try = %v, want 2 minutes", err)
	}
	// Once the wait is over the right password gets in and the count starts again.
	s2.now = func() time.Time { return clock.Add(5 * time.Minute) }
	if _, err := s2.Login(ctx, "tiepnhan1", DemoPasswords["tiepnhan1"]); err != nil {
		t.Fatalf("right password after the wait: %v", err)
	}
	if _, err := s2.Login(ctx, "tiepnhan1", "sai"); !errors.As(err, &ve) {
		t.Errorf("first wrong try after a good login = %v, want no lock", err)
	}
	// Logins and the lockout are in the audit trail; no secret is.
	entries, err := s2.Audit(ctx, "", AuditFilter{Entity: "login"})
	if err != nil {
		t.Fatal(err)
	}
	var logins, lockouts int
	for _, e := range entries {
		switch e.Action {
		case "login":
			logins++
		case "lockout":
			lockouts++
		}
		if strings.Contains(e.Old+e.New+e.Reason, "sai") || strings.Contains(e.New, "@2026") {
			t.Errorf("audit row holds a secret: %+v", e)
		}
	}
	if logins != 2 || lockouts != 3 {
		t.Errorf("audit has %d logins, %d lockouts; want 2 and 3", logins, lockouts)
	}
}

func TestUnknownLoginIsThrottledAndSaysNothingMore(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	_, errUnknown := s.Login(ctx, "khongco", "mật khẩu gì đó")
	_, errWrong := s.Login(ctx, "tiepnhan1", "mật khẩu gì đó")
	if errUnknown == nil || errWrong == nil || errUnknown.Error() != errWrong.Error() {
		t.Errorf("unknown login %v and wrong password %v must read the same", errUnknown, errWrong)
	}
	for i := 0; i < 4; i++ {
		s.Login(ctx, "khongco", "x")
	}
	var le *LockedError
	if _, err := s.Login(ctx, "khongco", "x"); !errors.As(err, &le) {
		t.Errorf("unknown login not throttled: %v", err)
	}
}

// The unknown login's comparison costs what a real one does only while the constant has the
// stored passwords' cost; and nothing a user types matches it.
func TestDummyHashHasTheStoredPasswordsCost(t *testing.T) {
	if c, err := bcrypt.Cost(dummyHash); err != nil || c != bcrypt.DefaultCost {
		t.Fatalf("dummy hash cost %d, %v; want %d", c, err, bcrypt.DefaultCost)
	}
	for _, pw := range []string{"", "không có tài khoản này", "chutich@2026"} {
		if bcrypt.CompareHashAndPassword(dummyHash, prehash(pw)) == nil {
			t.Errorf("dummy hash matches %q", pw)
		}
	}
}

func TestSecretsAreHashedAndChangedByTheRules(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var ve *ValidationError
	var fe *ForbiddenError
	// Oneself: the current secret is needed.
	if err := s.SetPassword(ctx, "tiepnhan1", "tiepnhan1", "sai", "Mật-khẩu-mới-2026"); !errors.As(err, &ve) || ve.Field != "old" {
		t.Errorf("own password with a wrong old one = %v", err)
	}
	if err := s.SetPassword(ctx, "tiepnhan1", "tiepnhan1", DemoPasswords["tiepnhan1"], "Mật-khẩu-mới-2026"); err != nil {
		t.Fatalf("own password: %v", err)
	}
	// The old secret is of the kind being changed (issue 23.9): the PIN for a PIN.
	if err := s.SetPIN(ctx, "tiepnhan1", "tiepnhan1", "Mật-khẩu-mới-2026", "583920"); !errors.As(err, &ve) || ve.Field != KeyOld {
		t.Errorf("own PIN with the password as old = %v, want refused", err)
	}
	if err := s.SetPIN(ctx, "tiepnhan1", "tiepnhan1", DemoPINs["tiepnhan1"], "583920"); err != nil {
		t.Fatalf("own PIN with the old PIN: %v", err)
	}
	// Someone else's: admin only.
	if err := s.SetPassword(ctx, "tiepnhan1", "tiepnhan2", "", "mật khẩu của người khác"); !errors.As(err, &fe) {
		t.Errorf("counter sets another's password = %v, want forbidden", err)
	}
	if err := s.SetPIN(ctx, "admin", "tiepnhan2", "", "740351"); err != nil {
		t.Errorf("admin sets a PIN: %v", err)
	}
	if _, err := s.Login(ctx, "tiepnhan1", "Mật-khẩu-mới-2026"); err != nil {
		t.Errorf("login with the new password: %v", err)
	}
	if _, err := s.Login(ctx, "tiepnhan1", DemoPasswords["tiepnhan1"]); err == nil {
		t.Error("the old password still works")
	}
	// Weak secrets are refused with the field named.
	for _, c := range []struct {
		pin  bool
		v    string
		want string
	}{{false, "ngắn", "password"}, {false, "TiepNhan2", "password"}, {true, "12345", "pin"}, {true, "123456", "pin"}, {true, "777777", "pin"}, {true, "98765a", "pin"}} {
		var err error
		if c.pin {
			err = s.SetPIN(ctx, "admin", "tiepnhan2", "", c.v)
		} else {
			err = s.SetPassword(ctx, "admin", "tiepnhan2", "", c.v)
		}
		if !errors.As(err, &ve) || string(ve.Field) != c.want {
			t.Errorf("secret %q = %v, want a %s error", c.v, err, c.want)
		}
	}
	// Nothing stored is the secret in clear: not the officials' rows, not the audit trail.
	var stored string
	if err := s.r.QueryRow(`SELECT COALESCE(string_agg(password_hash || pin_hash, ' '), '') FROM officials`).Scan(&stored); err != nil && !onPG {
		s.r.QueryRow(`SELECT group_concat(password_hash || pin_hash, ' ') FROM officials`).Scan(&stored)
	}
	entries, _ := s.Audit(ctx, "", AuditFilter{Limit: 10000})
	for _, e := range entries {
		stored += e.Old + e.New + e.Reason
	}
	for _, secret := range []string{"Mật-khẩu-mới-2026", "583920", "740351"} {
		if stored == "" || strings.Contains(stored, secret) {
			t.Errorf("%q is stored in clear (or nothing was read)", secret)
		}
	}
	if onPG {
		return
	}
	// Nor any byte of the SQLite files.
	s.Close()
	dir := filepath.Dir(s.Path())
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		b, _ := os.ReadFile(f)
		for _, secret := range []string{"Mật-khẩu-mới-2026", "583920", "740351"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("%s holds %q in clear", f, secret)
			}
		}
	}
}

func TestOfficialsAreEditedNeverDeletedAndAnAdminRemains(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var ve *ValidationError
	if err := s.SetActive(ctx, "admin", "admin", false); !errors.As(err, &ve) {
		t.Errorf("admin deactivates themselves = %v", err)
	}
	if _, err := s.UpdateOfficial(ctx, "admin", Official{Login: "admin", FullName: "Quản Trị", Role: RoleLeader}); !errors.As(err, &ve) || ve.Field != "role" {
		t.Errorf("last admin demoted = %v, want a role error", err)
	}
	o, err := s.UpdateOfficial(ctx, "admin", Official{Login: "tiepnhan2", FullName: "Trần Văn  Minh", Role: RoleProcessing, Phone: "0912 345 679"})
	if err != nil || o.Role != RoleProcessing || o.FullName != "Trần Văn Minh" || o.Phone != "0912345679" || !o.Active {
		t.Fatalf("UpdateOfficial = %+v, %v", o, err)
	}
	if err := s.SetActive(ctx, "admin", "tiepnhan2", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(ctx, "tiepnhan2", DemoPasswords["tiepnhan2"]); !errors.As(err, &ve) || !strings.Contains(ve.Message, "ngừng hoạt động") {
		t.Errorf("inactive official logs in: %v", err)
	}
	in := lifeIntake(t, s, monday)
	in.By = "tiepnhan2"
	if _, err := s.Receive(ctx, in); err == nil {
		t.Error("an inactive official received a dossier")
	}
	a, _ := s.Audit(ctx, "", AuditFilter{Entity: "official", Official: "admin"})
	if len(a) < 2 || a[0].Action != "deactivate" || a[1].Action != "update" || !strings.Contains(a[1].Old, `"Role":"counter"`) || !strings.Contains(a[1].New, `"Role":"processing"`) {
		t.Errorf("official audit = %+v", a)
	}
}

func TestInitialPasswordOnlyWhileNoSecretExists(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	// A database from before accounts: no secrets at all.
	if _, err := s.w.Exec(`UPDATE officials SET password_hash = '', pin_hash = ''`); err != nil {
		t.Fatal(err)
	}
	if need, _ := s.NeedsInitialPassword(ctx); !need {
		t.Fatal("NeedsInitialPassword = false with no secret")
	}
	if err := s.InitialPassword(ctx, "tiepnhan1", "mật khẩu đầu"); err == nil {
		t.Error("a counter official took the initial password")
	}
	if err := s.InitialPassword(ctx, "admin", "mật khẩu đầu"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Login(ctx, "admin", "mật khẩu đầu"); err != nil {
		t.Fatal(err)
	}
	if err := s.InitialPassword(ctx, "admin", "mật khẩu khác"); err == nil {
		t.Error("InitialPassword worked twice")
	}
}

func TestReceivedDossierIdentityCannotBeEdited(t *testing.T) {
	s := openTest(t)
	d := receive(t, s, lifeIntake(t, s, monday))
	for _, q := range []string{
		`UPDATE dossiers SET code = 'HD001-260105-9999' WHERE id = ?`,
		`UPDATE dossiers SET book_no = 999 WHERE id = ?`,
		`UPDATE dossiers SET book_year = 2020 WHERE id = ?`,
		`UPDATE dossiers SET received_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`,
		`DELETE FROM dossiers WHERE id = ?`,
	} {
		if _, err := s.w.Exec(q, d.ID); err == nil {
			t.Errorf("%s succeeded", q)
		}
	}
	got, err := s.Dossier(context.Background(), "", d.Code)
	if err != nil || got.BookNo != d.BookNo || !got.ReceivedAt.Equal(d.ReceivedAt) {
		t.Errorf("dossier changed: %+v, %v", got, err)
	}
}

func TestAuditRowsCannotBeModified(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.Login(ctx, "admin", DemoPasswords["admin"]); err != nil {
		t.Fatal(err)
	}
	d := receive(t, s, lifeIntake(t, s, monday))
	var n int
	s.r.QueryRow(`SELECT COUNT(*) FROM audit`).Scan(&n)
	for _, q := range []string{`UPDATE audit SET by_login = 'ke_gian'`, `UPDATE audit SET new_value = '' WHERE id = 1`, `DELETE FROM audit`, `DELETE FROM audit WHERE id = 1`} {
		if _, err := s.w.Exec(q); err == nil || !strings.Contains(err.Error(), "chỉ được ghi thêm") {
			t.Errorf("%s: %v, want refused by the trigger", q, err)
		}
	}
	for _, q := range []string{`UPDATE dossier_events SET by_id = 1 WHERE dossier_id = ?`, `DELETE FROM dossier_events WHERE dossier_id = ?`} {
		if _, err := s.w.Exec(q, d.ID); err == nil {
			t.Errorf("%s succeeded", q)
		}
	}
	var m int
	s.r.QueryRow(`SELECT COUNT(*) FROM audit`).Scan(&m)
	if m != n {
		t.Errorf("audit rows %d → %d", n, m)
	}
}

func TestAuditTrailFiltersAndPages(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, lifeIntake(t, s, monday))
	if _, err := s.Handover(ctx, Action{Code: d.Code, By: "tiepnhan1", At: monday.Add(time.Hour)}, "tuphap"); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSecurity(ctx, "admin", Security{LoginMode: LoginPIN, IdleMinutes: 3}); err != nil {
		t.Fatal(err)
	}
	all, err := s.AuditCount(ctx, "chutich", AuditFilter{})
	if err != nil || all < 20 {
		t.Fatalf("AuditCount = %d, %v", all, err)
	}
	ev, _ := s.Audit(ctx, "chutich", AuditFilter{Entity: "dossier"})
	if len(ev) != 2 || ev[0].Action != "handover" || ev[0].By != "tiepnhan1" || ev[0].Key != d.Code || ev[0].New != StatusName(StatusProcessing) {
		t.Errorf("dossier rows = %+v", ev)
	}
	mine, _ := s.Audit(ctx, "chutich", AuditFilter{Official: "admin", Entity: "settings"})
	if len(mine) != 1 || !strings.Contains(mine[0].Old, `"LoginMode":"password"`) || !strings.Contains(mine[0].New, `"IdleMinutes":3`) {
		t.Errorf("settings rows = %+v", mine)
	}
	today := time.Now()
	if n, _ := s.AuditCount(ctx, "", AuditFilter{From: today.AddDate(0, 0, -1), To: today}); n != all {
		t.Errorf("today's rows %d, want all %d (everything was written now)", n, all)
	}
	if n, _ := s.AuditCount(ctx, "", AuditFilter{To: today.AddDate(-1, 0, 0)}); n != 0 {
		t.Errorf("rows a year ago: %d", n)
	}
	p1, _ := s.Audit(ctx, "", AuditFilter{Limit: 5})
	p2, _ := s.Audit(ctx, "", AuditFilter{Limit: 5, Offset: 5})
	if len(p1) != 5 || len(p2) != 5 || p1[4].At.Before(p2[0].At) {
		t.Errorf("pages out of order: %v / %v", p1, p2)
	}
}
