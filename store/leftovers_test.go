package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// The backup folder must be there and writable: a USB drive not plugged in, a file, /dev/null
// are refused, naming the field.
func TestBackupDirMustBeAWritableFolder(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), "tep")
	os.WriteFile(file, nil, 0o600)
	for _, dir := range []string{filepath.Join(t.TempDir(), "usb-chua-cam"), "/dev/null", file} {
		err := s.SaveSecurity(ctx, "admin", Security{LoginMode: LoginPassword, IdleMinutes: 10, BackupDir: dir})
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != "backup_dir" {
			t.Errorf("backup dir %s = %v; want refused", dir, err)
		}
		if _, err := os.Stat(dir); dir != "/dev/null" && dir != file && err == nil {
			t.Errorf("%s was created", dir)
		}
	}
	ok := t.TempDir()
	if err := s.SaveSecurity(ctx, "admin", Security{LoginMode: LoginPassword, IdleMinutes: 10, BackupDir: ok}); err != nil {
		t.Fatal(err)
	}
}

// Manual backups are offered for recovery, and two in one second both work.
func TestManualBackupsAreOfferedAndTwoInOneSecondWork(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	ctx := context.Background()
	dir := DefaultBackupDir(filepath.Dir(s.Path()))
	at := time.Now()
	first, err := s.Backup(ctx, "admin", s.ManualBackupPath(dir, at))
	if err != nil {
		t.Fatal(err)
	}
	second, err := s.Backup(ctx, "admin", s.ManualBackupPath(dir, at))
	if err != nil || second == first {
		t.Fatalf("second manual backup in the same second: %s %v", second, err)
	}
	if got := NewestGoodBackup(ctx, dir); got != first && got != second {
		t.Errorf("newest good backup = %q; want a manual one", got)
	}
	// Rotation never deletes them.
	if removed, _ := Rotate(dir); len(removed) != 0 {
		t.Errorf("rotation removed %v", removed)
	}
}

// What killed processes leave (a restore's copy, a backup's temporaries wherever -o put them)
// is removed at the next open.
func TestLeftoversAreCleanedAtOpen(t *testing.T) {
	sqliteOnly(t)
	s := openTest(t)
	path := s.Path()
	s.Close()
	out := filepath.Join(t.TempDir(), "ra.db.tmp")
	left := []string{path + ".restore-tmp", path + ".restore-tmp-wal", out, out + "-journal"}
	for _, f := range left {
		os.WriteFile(f, []byte("x"), 0o600)
	}
	// The record a backup keeps while it copies, left unlocked by the kill.
	os.WriteFile(path+".backup-pending-123", []byte(out), 0o600)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for _, f := range append(left, path+".backup-pending-123") {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s left after open", f)
		}
	}
}
