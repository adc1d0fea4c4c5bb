package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"motcua/store"
)

func TestBackgroundCheckOfADamagedLedgerAsksToRestart(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "copy.db")
	if _, err := s.Backup(ctx, "admin", path); err != nil {
		t.Fatal(err)
	}
	// A healthy ledger: nothing is shown.
	u.checkLedger(path)
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog was shown for a healthy ledger")
	}
	// Damage a page in the middle, where only the full check looks.
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	mid := len(b) / 2 / 4096 * 4096
	for i := mid; i < mid+4096 && i < len(b); i++ {
		b[i] ^= 0xA5
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	u.checkLedger(path)
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(screenText(top), "bị hỏng") {
		t.Fatalf("no damage dialog after the background check; overlay: %v", top)
	}
	if _, err := os.Stat(store.DamageMark(path)); err != nil {
		t.Errorf("the next start would not check in full: %v", err)
	}
}
