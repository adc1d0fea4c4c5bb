package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/store"
)

func TestKioskSettingsSaveCounterAndThisPCsChoices(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	k := u.kioskSet
	k.load()
	if k.counter.entry.Text != "Quầy 1" {
		t.Errorf("counter shown = %q, want the default Quầy 1", k.counter.entry.Text)
	}
	// A bad idle time is named and nothing is saved.
	k.counter.entry.SetText("Quầy 3")
	k.idle.entry.SetText("5")
	test.Tap(k.saveBtn)
	if !k.idle.err.Visible() {
		t.Error("an idle time of 5 s was not refused")
	}
	if name := u.counterName(); name != "" {
		t.Errorf("a refused save named this PC's counter %q", name)
	}
	// An empty name is refused, naming the field.
	k.counter.entry.SetText("  ")
	k.idle.entry.SetText("90")
	test.Tap(k.saveBtn)
	if !k.counter.err.Visible() || !strings.Contains(k.counter.err.Text, "Tên quầy") {
		t.Errorf("an empty counter name: error %q (shown %v)", k.counter.err.Text, k.counter.err.Visible())
	}

	k.counter.entry.SetText(" Quầy  3")
	k.enabled.SetChecked(true)
	test.Tap(k.saveBtn)
	p := u.app.Preferences()
	if got := p.String(prefKioskCounter); got != "Quầy 3" {
		t.Errorf("this PC's counter after save = %q, want Quầy 3", got)
	}
	if !p.Bool(prefKioskEnabled) || p.Int(prefKioskIdle) != 90 {
		t.Errorf("preferences: enabled %v, idle %d", p.Bool(prefKioskEnabled), p.Int(prefKioskIdle))
	}
	// By default a rating left unsent is dropped; the ward may keep the level chosen.
	if k.idleSaves.Checked || p.Bool(prefKioskIdleSaves) {
		t.Error("an unsent rating is kept by default")
	}
	k.idleSaves.SetChecked(true)
	test.Tap(k.saveBtn)
	if !p.Bool(prefKioskIdleSaves) {
		t.Error("Quản trị → Màn hình người dân did not keep “vẫn ghi mức đã chọn”")
	}
	if kk := newKiosk(u.app, s, ""); !kk.idleSaves {
		t.Error("a kiosk opened after the setting does not keep the level chosen")
	} else {
		kk.win.Close()
	}
	// The name is this PC's: the store's default (other PCs, a one-PC ward) is unchanged.
	if name, _ := s.Counter(context.Background()); name != "Quầy 1" {
		t.Errorf("the store's default counter became %q", name)
	}
	if !strings.HasPrefix(u.place.Text, "Quầy 3 · ") {
		t.Errorf("top bar says %q, want this PC's counter Quầy 3", u.place.Text)
	}
	// Prompts made at this PC now carry its name, so its kiosk shows them.
	test.Tap(u.rating.button)
	if _, ok, _ := s.OpenPrompt(context.Background(), "Quầy 3"); !ok {
		t.Error("no prompt open for Quầy 3 after naming this PC's counter")
	}
	k.load()
	if k.counter.entry.Text != "Quầy 3" {
		t.Errorf("the settings show %q after saving Quầy 3", k.counter.entry.Text)
	}
}

// Two counter PCs on one database (issue 10): each names its counter in its own preferences; a
// "Mời đánh giá" at Quầy 2 shows on Quầy 2's kiosk and not on Quầy 1's, and the reverse.
func TestPromptShowsOnThisPCsKioskOnly(t *testing.T) {
	pc1, s, _ := newTestUI(t, nil) // never named: the store's default, Quầy 1
	pc2, _ := newTestUIOn(t, s, nil)
	loginAs(t, pc2, "admin")
	pc2.kioskSet.load()
	pc2.kioskSet.counter.entry.SetText("Quầy 2")
	test.Tap(pc2.kioskSet.saveBtn)
	loginAs(t, pc2, "tiepnhan2")

	old := kioskTicks
	kioskTicks = func(*kiosk) func() { return func() {} }
	t.Cleanup(func() { kioskTicks = old })
	kioskOf := func(u *ui) *kiosk {
		k := newKiosk(u.app, s, counterPref(u.app)) // as openKioskIfEnabled opens it on that PC
		k.now = func() time.Time { return monday0815 }
		k.touch()
		k.win.Resize(fyne.NewSize(1920, 1080))
		k.win.Show()
		t.Cleanup(k.win.Close)
		return k
	}
	k1, k2 := kioskOf(pc1), kioskOf(pc2)
	if k1.counter != "Quầy 1" || k2.counter != "Quầy 2" {
		t.Fatalf("kiosks serve %q and %q, want Quầy 1 and Quầy 2", k1.counter, k2.counter)
	}

	test.Tap(pc2.rating.button)
	k1.tick()
	k2.tick()
	if k1.screen != kWelcome {
		t.Errorf("Quầy 1's kiosk shows %s after a prompt at Quầy 2", k1.screen)
	}
	if k2.screen != kRate || !strings.Contains(screenText(k2.win.Content()), "Trần Văn Minh") {
		t.Fatalf("Quầy 2's kiosk shows %s, want tiepnhan2 (Trần Văn Minh) to rate", k2.screen)
	}

	test.Tap(pc1.rating.button)
	k1.tick()
	if k1.screen != kRate || !strings.Contains(screenText(k1.win.Content()), "Nguyễn Thị Lan") {
		t.Errorf("Quầy 1's kiosk shows %s, want tiepnhan1 (Nguyễn Thị Lan) to rate", k1.screen)
	}
	// Quầy 1's prompt did not replace Quầy 2's: the citizen at Quầy 2 still rates tiepnhan2.
	test.Tap(k2.rate.faces[store.LevelVerySatisfied])
	test.Tap(kioskFind(t, k2, "Gửi đánh giá"))
	rs, _ := s.Ratings(context.Background(), "chutich", time.Time{}, time.Now().Add(time.Hour), "tiepnhan2")
	if len(rs) != 1 || rs[0].Counter != "Quầy 2" {
		t.Fatalf("ratings of tiepnhan2: %+v, want one at Quầy 2", rs)
	}
	pc2.rating.check()
	if pc2.rating.status.Text != "Đánh giá: Rất hài lòng" {
		t.Errorf("Quầy 2's window says %q", pc2.rating.status.Text)
	}
	pc1.rating.check()
	if strings.Contains(pc1.rating.status.Text, "Đánh giá:") {
		t.Errorf("Quầy 1's window says %q: the answer was Quầy 2's", pc1.rating.status.Text)
	}
}

// This PC's counter name and kiosk choices are settings: a counter official may not change them
// (store/permissions.go gives PermSettings to the administrator only), even if the tab were
// reached.
func TestCounterOfficialMayNotChangeTheKioskSettings(t *testing.T) {
	u, _, _ := newTestUI(t, nil) // logged in as tiepnhan1
	k := u.kioskSet
	k.load()
	k.counter.entry.SetText("Quầy 9")
	k.enabled.SetChecked(true)
	test.Tap(k.saveBtn)
	p := u.app.Preferences()
	if got := p.String(prefKioskCounter); got != "" {
		t.Errorf("a counter official named this PC's counter %q", got)
	}
	if p.Bool(prefKioskEnabled) {
		t.Error("a counter official turned the citizens' screen on")
	}
	if !strings.Contains(k.status.Text, "không có quyền") || !strings.Contains(k.status.Text, "Nguyễn Thị Lan") {
		t.Errorf("status = %q, want a refusal naming the official", k.status.Text)
	}
	for _, tab := range u.admin.Items {
		if tab.Content == k.root {
			t.Error("the counter official is offered Màn hình người dân")
		}
	}
}
