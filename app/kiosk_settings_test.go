package app

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
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
	if name, _ := s.Counter(context.Background()); name != "Quầy 1" {
		t.Errorf("a refused save renamed the counter to %q", name)
	}

	k.idle.entry.SetText("90")
	k.enabled.SetChecked(true)
	test.Tap(k.saveBtn)
	if name, _ := s.Counter(context.Background()); name != "Quầy 3" {
		t.Errorf("counter after save = %q, want Quầy 3", name)
	}
	p := u.app.Preferences()
	if !p.Bool(prefKioskEnabled) || p.Int(prefKioskIdle) != 90 {
		t.Errorf("preferences: enabled %v, idle %d", p.Bool(prefKioskEnabled), p.Int(prefKioskIdle))
	}
	// Prompts made at this counter now carry its new name, so its kiosk shows them.
	test.Tap(u.rating.button)
	if _, ok, _ := s.OpenPrompt(context.Background(), "Quầy 3"); !ok {
		t.Error("no prompt open for Quầy 3 after renaming the counter")
	}
}
