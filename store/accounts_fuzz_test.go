package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

var loginSeeds = []string{"", " ", "admin", "ADMIN ", "tiepnhan1", "admin@2026", "900001", "'; DROP TABLE officials; --",
	"Nguyễn", "a\x00b", "\xff\xfe", strings.Repeat("a", 300), "ad\u200bmin", "admin\n", "%", "_"}

// FuzzLogin: whatever is typed in the login box, Login never panics, never lets in anyone
// without their secret, and answers with a Vietnamese validation or lock error.
func FuzzLogin(f *testing.F) {
	for _, l := range loginSeeds {
		f.Add(l, "admin@2026")
		f.Add("admin", l)
	}
	s, err := Open(filepath.Join(f.TempDir(), "m.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.SeedDemo(ctx); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, login, secret string) {
		o, err := s.Login(ctx, login, secret)
		if err == nil {
			want, ok := DemoPasswords[o.Login]
			if !ok || secret != want || loginKey(login) != o.Login {
				t.Fatalf("Login(%q, %q) let in %+v", login, secret, o)
			}
			return
		}
		var ve *ValidationError
		var le *LockedError
		if !errors.As(err, &ve) && !errors.As(err, &le) {
			t.Fatalf("Login(%q, %q) = %v: not a user error", login, secret, err)
		}
		if strings.Contains(err.Error(), secret) && len(secret) > 3 {
			t.Fatalf("the error repeats the secret: %v", err)
		}
	})
}

func FuzzValidatePassword(f *testing.F) {
	for _, l := range loginSeeds {
		f.Add("admin", l)
	}
	f.Add("tiepnhan1", "TiepNhan1")
	f.Fuzz(func(t *testing.T, login, pw string) {
		got, err := ValidatePassword(login, pw)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != "password" {
				t.Fatalf("error %v does not name the password", err)
			}
			return
		}
		n := utf8.RuneCountInString(got)
		if n < 8 || n > 128 || strings.EqualFold(got, strings.TrimSpace(login)) || !utf8.ValidString(got) {
			t.Fatalf("accepted %q as %q", pw, got)
		}
		if c, ok := clean(got); !ok || c != got {
			t.Fatalf("accepted password %q is not clean text", got)
		}
	})
}

func FuzzValidatePIN(f *testing.F) {
	for _, p := range []string{"", "123456", "654321", "000000", "110001", " 583920 ", "58392", "5839201", "５８３９２０", "58a920"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, pin string) {
		got, err := ValidatePIN(pin)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != "pin" {
				t.Fatalf("error %v does not name the PIN", err)
			}
			return
		}
		if len(got) != 6 || !digits(got) || strings.Count(got, got[:1]) == 6 {
			t.Fatalf("accepted PIN %q as %q", pin, got)
		}
	})
}

func FuzzValidateSecurity(f *testing.F) {
	f.Add("password", 10, "")
	f.Add("pin", 1, "/media/usb/motcua")
	f.Add("PIN", 0, "relative/dir")
	f.Add("pin", 241, "/a/../b")
	f.Add("password", 5, "/tmp/\x00x")
	f.Fuzz(func(t *testing.T, mode string, idle int, dir string) {
		got, err := ValidateSecurity(Security{LoginMode: mode, IdleMinutes: idle, BackupDir: dir})
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field == "" {
				t.Fatalf("error %v names no field", err)
			}
			return
		}
		if got.LoginMode != LoginPassword && got.LoginMode != LoginPIN || got.IdleMinutes < 1 || got.IdleMinutes > 240 ||
			got.BackupDir != "" && (!filepath.IsAbs(got.BackupDir) || filepath.Clean(got.BackupDir) != got.BackupDir) {
			t.Fatalf("accepted %+v", got)
		}
	})
}
