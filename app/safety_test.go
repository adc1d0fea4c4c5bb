package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
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

// Quản trị → Bảo mật và sao lưu says when the newest automatic backup was made, and that the
// last one failed and why, until one succeeds again.
func TestSafetyScreenShowsTheAutomaticBackups(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	ctx := context.Background()
	u.safety.load()
	if got := u.safety.auto.Text; !strings.Contains(got, "Chưa có bản sao lưu tự động nào") {
		t.Errorf("before any backup: %q", got)
	}
	dir, err := s.BackupDir(ctx, u.desk.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AutoBackup(ctx, dir, "start"); err != nil {
		t.Fatal(err)
	}
	u.noteAutoBackup(nil)
	u.safety.load()
	if got := u.safety.auto.Text; !strings.Contains(got, "Bản sao lưu tự động gần nhất: ") || !strings.Contains(got, dir) ||
		u.safety.auto.Importance == widget.DangerImportance {
		t.Errorf("after a backup: %q (importance %v)", got, u.safety.auto.Importance)
	}
	u.noteAutoBackup(errors.New("ổ đĩa chứa thư mục sao lưu chỉ còn 5 MB trống"))
	u.safety.load()
	if got := u.safety.auto.Text; !strings.Contains(got, "không được: ổ đĩa chứa thư mục sao lưu chỉ còn 5 MB trống") ||
		u.safety.auto.Importance != widget.DangerImportance {
		t.Errorf("after a failed backup: %q (importance %v)", got, u.safety.auto.Importance)
	}
	u.noteAutoBackup(nil)
	u.safety.load()
	if got := u.safety.auto.Text; strings.Contains(got, "không được") {
		t.Errorf("a later good backup still shows the failure: %q", got)
	}
}
