//go:build !cgo

package main

import (
	"strings"
	"testing"
)

// TestHeadlessBuildSaysItHasNoWindow: CGO_ENABLED=0 builds the CLI alone; the window and the
// kiosk say so in Vietnamese instead of failing to link or crashing.
func TestHeadlessBuildSaysItHasNoWindow(t *testing.T) {
	for _, args := range [][]string{nil, {"gui"}, {"kiosk"}} {
		_, stderr, code := motcuaRaw(t, t.TempDir(), "", args...)
		if code != exitUsage || !strings.Contains(stderr, "không có cửa sổ") {
			t.Errorf("motcua %v in a headless build: exit %d, %q", args, code, stderr)
		}
	}
	if _, stderr, code := motcuaRaw(t, t.TempDir(), "", "due", "-at", "2026-01-26 16:20", "-days", "3"); code != 0 {
		t.Errorf("due in a headless build: exit %d, %s", code, stderr)
	}
}
