package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"motcua/store"
)

func TestLoginLockAndRoleShapeTheWindow(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	// Ctrl+L locks: the login screen covers everything and no one is acting.
	u.hot.shortcut(ctrl(fyne.KeyL))
	if u.me != nil || u.win.Content() != u.login.root {
		t.Fatal("Ctrl+L did not lock the window")
	}
	if u.actorLogin() == "" || u.actorLogin() == "admin" {
		t.Fatalf("while locked the window acts as %q; the store must refuse it", u.actorLogin())
	}
	if u.login.login.Text != "tiepnhan1" {
		t.Errorf("lock screen login = %q, want the official who locked", u.login.login.Text)
	}
	// A wrong password says so and lets nobody in.
	u.login.secret.SetText("sai mật khẩu")
	u.login.submit()
	if u.me != nil || !strings.Contains(u.login.msg.Text, "không đúng") {
		t.Fatalf("wrong password: me %+v, message %q", u.me, u.login.msg.Text)
	}
	// Quick switch by PIN on the keypad.
	u.login.how.SetSelected(howPIN)
	if !u.login.keypad.Visible() {
		t.Error("no keypad in PIN mode")
	}
	u.login.login.SetText("tuphap")
	for _, k := range store.DemoPINs["tuphap"] {
		u.login.key(string(k))
	}
	u.login.key("OK")
	if u.me == nil || u.me.Login != "tuphap" || !strings.Contains(u.who.Text, "Lê Văn Hùng") {
		t.Fatalf("PIN switch: me %+v, top bar %q, message %q", u.me, u.who.Text, u.login.msg.Text)
	}
	// A processing official does not receive and has no administration.
	if u.rail[secIntake].Visible() || u.rail[secAdmin].Visible() || !u.rail[secHandover].Visible() {
		t.Errorf("rail for a processing official: intake %v admin %v handover %v",
			u.rail[secIntake].Visible(), u.rail[secAdmin].Visible(), u.rail[secHandover].Visible())
	}
	// The leader administers nothing but reads the audit trail.
	loginAs(t, u, "chutich")
	if !u.rail[secAdmin].Visible() || len(u.admin.Items) != 1 || u.admin.Items[0].Content != u.auditView.root {
		t.Errorf("leader's admin tabs: %d", len(u.admin.Items))
	}
	u.show(secAdmin)
	u.auditView.load()
	if u.auditView.total == 0 || len(u.auditView.rows) == 0 {
		t.Errorf("audit screen empty for the leader: %q", u.auditView.info.Text)
	}
	u.auditView.entity.SetSelectedIndex(3) // Đăng nhập
	for _, r := range u.auditView.rows {
		if r.Entity != "login" {
			t.Fatalf("login filter shows %+v", r)
		}
	}
	loginAs(t, u, "admin")
	if len(u.admin.Items) != len(u.adminTabs) {
		t.Errorf("admin sees %d of %d tabs", len(u.admin.Items), len(u.adminTabs))
	}
}

func TestAdminAddsAnOfficialWhoThenLogsIn(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	o := u.officialsAdmin
	o.load()
	o.clear()
	o.login.entry.SetText("tiepnhan3")
	o.name.entry.SetText("Vũ Thị Mai")
	o.role.SetSelectedIndex(0)
	o.password.entry.SetText("ngắn")
	o.save()
	if !o.password.err.Visible() {
		t.Errorf("a short password is not reported (status %q)", o.status.Text)
	}
	if indexOf(o.rows, "tiepnhan3") >= 0 {
		t.Fatal("a refused save added the official")
	}
	o.password.entry.SetText("mật khẩu của Mai")
	o.pin.entry.SetText("306918")
	o.save()
	if _, err := s.Login(t.Context(), "tiepnhan3", "mật khẩu của Mai"); err != nil {
		t.Fatalf("new official cannot log in: %v (status %q)", err, o.status.Text)
	}
	if _, err := s.QuickSwitch(t.Context(), "tiepnhan3", "306918"); err != nil {
		t.Errorf("new official's PIN: %v", err)
	}
	// Deactivated from the list, they can no longer log in.
	o.pick(indexOf(o.rows, "tiepnhan3"))
	o.active.SetChecked(false)
	o.save()
	if _, err := s.Login(t.Context(), "tiepnhan3", "mật khẩu của Mai"); err == nil {
		t.Error("a deactivated official logged in")
	}
}

func indexOf(rows []store.Official, login string) int {
	for i, r := range rows {
		if r.Login == login {
			return i
		}
	}
	return -1
}

func TestLoginScreenNamesTheAgencyOffersQuickSwitchAndDemoAccounts(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	u.hot.shortcut(ctrl(fyne.KeyL))
	l := u.login
	if l.agency.Text != "UBND phường Hoài Đức" {
		t.Errorf("login screen agency = %q", l.agency.Text)
	}
	if len(l.people.Objects) == 0 {
		t.Error("no quick-switch names on the login screen")
	}
	if !l.demo.Visible() || !strings.Contains(l.demo.Text, "tiepnhan1 / "+store.DemoPasswords["tiepnhan1"]) {
		t.Errorf("demo hint = %q (visible %v)", l.demo.Text, l.demo.Visible())
	}
	// Once the demo passwords are changed, the hint goes.
	for login := range store.DemoPasswords {
		if err := s.SetPassword(context.Background(), "", login, "", login+"-rieng-2026"); err != nil {
			t.Fatal(err)
		}
	}
	l.refresh()
	if l.demo.Visible() {
		t.Errorf("demo hint still shown after every password changed: %q", l.demo.Text)
	}
}
