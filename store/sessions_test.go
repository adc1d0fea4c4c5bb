package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSessionSlidesExpiresAndEnds(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	clock := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return clock }
	if err := s.SaveSecurity(ctx, "admin", Security{LoginMode: LoginPassword, IdleMinutes: 10}); err != nil {
		t.Fatal(err)
	}
	tok, o, err := s.StartSession(ctx, "TiepNhan1", DemoPasswords["tiepnhan1"])
	if err != nil || o.Login != "tiepnhan1" || !strings.HasPrefix(tok, "mc_") || len(tok) < 40 {
		t.Fatalf("StartSession = %q, %+v, %v", tok, o, err)
	}
	// Only the hash is kept: the token is nowhere in the table.
	var stored string
	if err := s.r.QueryRow(`SELECT token_hash FROM sessions`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored == tok || strings.Contains(stored, tok[3:]) {
		t.Fatalf("the token itself is stored: %q", stored)
	}
	// Sliding: each use within the idle time moves the end on.
	for i := 0; i < 3; i++ {
		clock = clock.Add(9 * time.Minute)
		if got, err := s.Session(ctx, tok); err != nil || got.Login != "tiepnhan1" {
			t.Fatalf("use %d after 9 min: %+v, %v", i, got, err)
		}
	}
	clock = clock.Add(11 * time.Minute)
	var se *SessionError
	if _, err := s.Session(ctx, tok); !errors.As(err, &se) || !se.Expired || se.Login != "tiepnhan1" {
		t.Fatalf("after 11 idle minutes = %v, want an expired session", err)
	}
	// An expired session stays ended, even used at once again.
	if _, err := s.Session(ctx, tok); !errors.As(err, &se) || se.Expired {
		t.Fatalf("expired token reused = %v, want an ended session", err)
	}
	// A wrong or foreign token is refused.
	for _, bad := range []string{"", "mc_", "mc_" + strings.Repeat("A", 43), "abc"} {
		if _, err := s.Session(ctx, bad); !errors.As(err, &se) {
			t.Errorf("Session(%q) = %v, want a SessionError", bad, err)
		}
	}
	// Logout ends it and is audited; a deactivated official's session ends too.
	tok2, _, err := s.StartSession(ctx, "tiepnhan1", DemoPasswords["tiepnhan1"])
	if err != nil {
		t.Fatal(err)
	}
	if o, err := s.EndSession(ctx, tok2); err != nil || o.Login != "tiepnhan1" {
		t.Fatalf("EndSession = %+v, %v", o, err)
	}
	if _, err := s.Session(ctx, tok2); !errors.As(err, &se) {
		t.Fatalf("token after logout = %v", err)
	}
	rows, err := s.Audit(ctx, "admin", AuditFilter{Entity: "login", Official: "tiepnhan1"})
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, r := range rows {
		actions = append(actions, r.Action)
	}
	if got := strings.Join(actions, ","); !strings.Contains(got, "logout") || strings.Count(got, "login") < 2 {
		t.Errorf("audit of the sessions = %s, want two logins and a logout", got)
	}
	tok3, _, err := s.StartSession(ctx, "tiepnhan2", DemoPasswords["tiepnhan2"])
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetActive(ctx, "admin", "tiepnhan2", false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Session(ctx, tok3); !errors.As(err, &se) {
		t.Fatalf("session of a deactivated official = %v", err)
	}
}

// TestStartSessionIsThrottledLikeLogin: the CLI's login is the window's login (one place).
func TestStartSessionIsThrottledLikeLogin(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	clock := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return clock }
	for i := 1; i <= 4; i++ {
		if _, _, err := s.StartSession(ctx, "tuphap", "sai"); err == nil {
			t.Fatal("a wrong password started a session")
		}
	}
	var le *LockedError
	if _, _, err := s.StartSession(ctx, "tuphap", "sai"); !errors.As(err, &le) {
		t.Fatalf("fifth wrong try = %v, want a lockout", err)
	}
	if tok, _, err := s.StartSession(ctx, "tuphap", DemoPasswords["tuphap"]); !errors.As(err, &le) || tok != "" {
		t.Fatalf("right password while locked = %q, %v", tok, err)
	}
	var n int
	if err := s.r.QueryRow(`SELECT COUNT(*) FROM sessions`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d sessions after refused logins (%v)", n, err)
	}
}

// TestPasswdSelfChangeIsThrottledWithTheSecretOfItsKind is issue 23.9: seven wrong old
// passwords lock the account and the lockout is audited; a locked account stays locked even with
// the right old password; the PIN is not the old password, nor the password the old PIN.
func TestPasswdSelfChangeIsThrottledWithTheSecretOfItsKind(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	clock := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return clock }
	var ve *ValidationError
	if err := s.SetPassword(ctx, "tiepnhan1", "tiepnhan1", DemoPINs["tiepnhan1"], "mật khẩu mới 2026"); !errors.As(err, &ve) || ve.Field != KeyOld {
		t.Fatalf("the PIN as the old password = %v, want a wrong-old error", err)
	}
	if err := s.SetPIN(ctx, "tiepnhan1", "tiepnhan1", DemoPasswords["tiepnhan1"], "583920"); !errors.As(err, &ve) || ve.Field != KeyOld {
		t.Fatalf("the password as the old PIN = %v, want a wrong-old error", err)
	}
	var le *LockedError
	locked := 0
	for i := 3; i <= 7; i++ {
		err := s.SetPassword(ctx, "tiepnhan1", "tiepnhan1", "sai "+string(rune('0'+i)), "mật khẩu mới 2026")
		if errors.As(err, &le) {
			locked++
		} else if !errors.As(err, &ve) {
			t.Fatalf("wrong old password %d = %v", i, err)
		}
	}
	if locked == 0 {
		t.Fatal("seven wrong old secrets did not lock the account")
	}
	if err := s.SetPassword(ctx, "tiepnhan1", "tiepnhan1", DemoPasswords["tiepnhan1"], "mật khẩu mới 2026"); !errors.As(err, &le) {
		t.Fatalf("the right old password while locked = %v, want the lockout", err)
	}
	if _, err := s.Login(ctx, "tiepnhan1", DemoPasswords["tiepnhan1"]); !errors.As(err, &le) {
		t.Fatalf("login while locked by passwd = %v", err)
	}
	rows, err := s.Audit(ctx, "admin", AuditFilter{Entity: "login"})
	if err != nil {
		t.Fatal(err)
	}
	audited := false
	for _, r := range rows {
		audited = audited || (r.Key == "tiepnhan1" && r.Action == "lockout")
	}
	if !audited {
		t.Error("the lockout by wrong old passwords is not in the audit trail")
	}
	// After the wait the right old secret of the kind works, and the password really changed.
	clock = clock.Add(2 * time.Hour)
	if err := s.SetPassword(ctx, "tiepnhan1", "tiepnhan1", DemoPasswords["tiepnhan1"], "mật khẩu mới 2026"); err != nil {
		t.Fatalf("the right old password after the wait: %v", err)
	}
	if _, err := s.Login(ctx, "tiepnhan1", "mật khẩu mới 2026"); err != nil {
		t.Fatalf("login with the new password: %v", err)
	}
	if err := s.SetPIN(ctx, "tiepnhan1", "tiepnhan1", DemoPINs["tiepnhan1"], "583920"); err != nil {
		t.Fatalf("own PIN with the old PIN: %v", err)
	}
}

func TestDemoOnlyOnAnEmptyOrDemoLedger(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if err := s.SeedDemo(ctx); err != nil {
		t.Fatalf("demo again on the demo ledger: %v", err)
	}
	real := openEmpty(t)
	if err := real.Setup(ctx, Agency{Name: "UBND xã Tân Lập", ParentName: "UBND XÃ TÂN LẬP", Code: "TL01", Place: "Tân Lập"},
		Official{Login: "quantri", FullName: "Hoàng Văn Tư"}, "mật khẩu Tân Lập"); err != nil {
		t.Fatal(err)
	}
	var ve *ValidationError
	if err := real.SeedDemo(ctx); !errors.As(err, &ve) || !strings.Contains(ve.Message, "Tân Lập") {
		t.Fatalf("demo on a real ward = %v, want a refusal naming it", err)
	}
	if _, err := real.Official(ctx, "admin"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("the demo admin was added to a real ward: %v", err)
	}
}

func TestRateByHandIsAnAdminsMarkedEntryAndARefusalWritesNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var fe *ForbiddenError
	if _, err := s.RateByHand(ctx, "tiepnhan1", "tiepnhan1", "", Rating{Level: 2}); !errors.As(err, &fe) {
		t.Fatalf("a counter official entering a rating = %v, want forbidden", err)
	}
	prompts := func() int {
		var n int
		if err := s.r.QueryRow(`SELECT COUNT(*) FROM rating_prompts`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var ve *ValidationError
	if _, err := s.RateByHand(ctx, "admin", "tiepnhan1", "", Rating{Level: 2, Criteria: map[string]int{"time": 5}}); !errors.As(err, &ve) || ve.Field != KeyCriteria {
		t.Fatalf("time=5 = %v, want a criteria error", err)
	}
	if n := prompts(); n != 0 {
		t.Fatalf("a refused rating left %d prompts", n)
	}
	r, err := s.RateByHand(ctx, "admin", "tiepnhan1", "", Rating{Level: 1, Criteria: map[string]int{"time": 2}})
	if err != nil || r.Official != "tiepnhan1" || r.EnteredBy != "admin" || r.Anonymous {
		t.Fatalf("RateByHand = %+v, %v", r, err)
	}
	a, err := s.RateByHand(ctx, "admin", "", "", Rating{Level: 0, Reasons: []string{"cho_lau"}})
	if err != nil || !a.Anonymous || a.EnteredBy != "admin" {
		t.Fatalf("anonymous RateByHand = %+v, %v", a, err)
	}
	// The kiosk's own ratings carry no mark.
	k, err := s.Rate(ctx, Rating{Level: 2})
	if err != nil || k.EnteredBy != "" {
		t.Fatalf("kiosk rating = %+v, %v", k, err)
	}
}
