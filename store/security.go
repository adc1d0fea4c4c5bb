package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// Security is how the counter guards itself: what the login screen asks, when an idle window
// locks, and where automatic backups go.
type Security struct {
	LoginMode   string // LoginPassword or LoginPIN
	IdleMinutes int    // lock the officials' window after this many idle minutes (1–240)
	BackupDir   string // absolute folder for automatic backups; "" = the data folder's backups
}

const (
	keyLoginMode = "security.login_mode"
	keyIdle      = "security.idle_minutes"
	keyBackupDir = "backup.dir"
)

// DefaultSecurity: passwords, lock after 10 idle minutes, backups beside the data.
func DefaultSecurity() Security { return Security{LoginMode: LoginPassword, IdleMinutes: 10} }

// Security returns the settings in force.
func (s *Store) Security(ctx context.Context) (Security, error) { return securityFrom(ctx, s.r) }

func securityFrom(ctx context.Context, q queryer) (Security, error) {
	sec := DefaultSecurity()
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings WHERE key IN (?, ?, ?)`, keyLoginMode, keyIdle, keyBackupDir)
	if err != nil {
		return sec, err
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return sec, err
		}
		switch k {
		case keyLoginMode:
			sec.LoginMode = v
		case keyIdle:
			if n, err := strconv.Atoi(v); err == nil {
				sec.IdleMinutes = n
			}
		case keyBackupDir:
			sec.BackupDir = v
		}
	}
	return sec, rows.Err()
}

// ValidateSecurity checks the settings and returns them cleaned.
func ValidateSecurity(sec Security) (Security, error) {
	if sec.LoginMode != LoginPassword && sec.LoginMode != LoginPIN {
		return sec, invalid("login_mode", "Cách đăng nhập phải là mật khẩu (password) hoặc mã PIN (pin).")
	}
	if sec.IdleMinutes < 1 || sec.IdleMinutes > 240 {
		return sec, invalid("idle_minutes", "Thời gian tự khóa màn hình phải từ 1 đến 240 phút.")
	}
	d, ok := clean(sec.BackupDir)
	if !ok || len(d) > 1000 {
		return sec, invalid("backup_dir", "Thư mục sao lưu chứa ký tự không hợp lệ.")
	}
	if d != "" {
		if !filepath.IsAbs(d) {
			return sec, invalid("backup_dir", "Thư mục sao lưu phải là đường dẫn đầy đủ, ví dụ /media/usb/motcua hoặc E:\\motcua.")
		}
		d = filepath.Clean(d)
	}
	sec.BackupDir = d
	return sec, nil
}

// SaveSecurity stores the settings (admin only); the change is audited.
func (s *Store) SaveSecurity(ctx context.Context, by string, sec Security) error {
	actor, err := s.require(ctx, by, PermSettings)
	if err != nil {
		return err
	}
	if sec, err = ValidateSecurity(sec); err != nil {
		return err
	}
	if cur, err := s.Security(ctx); err == nil && sec.BackupDir != "" && sec.BackupDir != cur.BackupDir {
		if err := usableBackupDir(sec.BackupDir); err != nil {
			return err
		}
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		old, err := securityFrom(ctx, t)
		if err != nil {
			return err
		}
		for k, v := range map[string]string{keyLoginMode: sec.LoginMode, keyIdle: strconv.Itoa(sec.IdleMinutes), keyBackupDir: sec.BackupDir} {
			if _, err := t.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, ?)
				ON CONFLICT(key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return err
			}
		}
		return audit(ctx, t, s.now(), actor.Login, "settings", "security", "update", old, sec, "")
	})
}

// usableBackupDir refuses a backup folder that is not there (a USB drive not plugged in: creating
// the path would put the backups on the internal disk), is not a folder (/dev/null) or cannot be
// written.
func usableBackupDir(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return invalid("backup_dir", fmt.Sprintf("Thư mục sao lưu %s không có (ổ USB chưa cắm?): hãy cắm ổ hoặc tạo thư mục trước rồi lưu lại.", dir))
	}
	if !fi.IsDir() {
		return invalid("backup_dir", fmt.Sprintf("%s không phải là thư mục: hãy chọn một thư mục để chứa bản sao lưu.", dir))
	}
	if err := probeFolder(dir); err != nil {
		return invalid("backup_dir", fmt.Sprintf("Không ghi được vào thư mục sao lưu %s (%v): hãy chọn thư mục ghi được.", dir, err))
	}
	return nil
}
