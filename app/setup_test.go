package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/app/desk"
	"motcua/store"
)

func TestSetupWithoutDemoDataNamesBadFieldsThenReadiesTheCounter(t *testing.T) {
	syncAsync(t)
	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	u := newUI(test.NewTempApp(t), desk.New(s, dir))
	done := false
	f := newSetupForm(u, func() { done = true })
	f.show()

	test.Type(f.name.entry, "UBND xã Tân Lập")
	test.Type(f.code.entry, "T")
	test.Type(f.place.entry, "Tân Lập")
	test.Type(f.login.entry, "quantri")
	test.Type(f.fullName.entry, "Hoàng Văn Tư")
	test.Type(f.password.entry, "mật khẩu Tân Lập")
	test.Type(f.again.entry, "mật khẩu Tân Lập")
	f.save()
	if !f.code.err.Visible() || !strings.Contains(f.code.err.Text, "Mã cơ quan") {
		t.Errorf("agency code error = %q (visible %v)", f.code.err.Text, f.code.err.Visible())
	}
	if empty, _ := s.IsEmpty(context.Background()); !empty || done {
		t.Fatal("a refused setup changed the store")
	}

	f.code.entry.SetText("TL01")
	f.save()
	if !done || f.code.err.Visible() {
		t.Fatalf("setup not done; code error %q", f.code.err.Text)
	}
	if o, err := s.DefaultActor(context.Background()); err != nil || o.Login != "quantri" {
		t.Errorf("first admin = %+v, %v", o, err)
	}
	// The admin who set the office up is logged in, and logs in again with that password.
	if u.me == nil || u.me.Login != "quantri" {
		t.Errorf("after setup the window is for %+v, want quantri", u.me)
	}
	if _, err := s.Login(context.Background(), "quantri", "mật khẩu Tân Lập"); err != nil {
		t.Errorf("the setup password does not log in: %v", err)
	}
	if procs, _ := s.Procedures(context.Background()); len(procs) == 0 {
		t.Error("no procedure to receive after setup")
	}
}
