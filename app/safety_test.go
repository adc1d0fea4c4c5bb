package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A manual backup is named in Vietnam time like the automatic ones, whatever zone the PC's
// clock is in (a server runs on UTC).
func TestManualBackupIsNamedInVietnamTime(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	now = func() time.Time { return monday0815.UTC() } // 01:15 UTC is 08:15 in Vietnam
	u.safety.backupNow()
	msg := u.safety.status.Text
	path := strings.TrimPrefix(msg, "Đã sao lưu và kiểm tra: ")
	if path == msg {
		t.Fatalf("backup: %q", msg)
	}
	if got, want := filepath.Base(path), "motcua-thucong-20260126-081500.db"; got != want {
		t.Errorf("manual backup named %q, want %q", got, want)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the backup file: %v", err)
	}
}
