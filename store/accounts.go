package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Login modes: what the login screen asks for besides the login.
const (
	LoginPassword = "password"
	LoginPIN      = "pin"
)

// hashCost is bcrypt's work factor; the store's own tests lower it to keep seeding fast.
var hashCost = bcrypt.DefaultCost

// Throttling: after maxTries wrong secrets in a row the login waits firstDelay, doubling with
// each further wrong try up to maxDelay.
const (
	maxTries   = 5
	firstDelay = 30 * time.Second
	maxDelay   = time.Hour
)

// hashSecret hashes a password or PIN. bcrypt reads at most 72 bytes and a Vietnamese password
// of 30 letters can be longer, so the secret is first reduced to its SHA-256 (base64, no NULs).
func hashSecret(secret string) (string, error) {
	h, err := bcrypt.GenerateFromPassword(prehash(secret), hashCost)
	return string(h), err
}

func prehash(secret string) []byte {
	sum := sha256.Sum256([]byte(secret))
	return []byte(base64.StdEncoding.EncodeToString(sum[:]))
}

func secretMatches(hash, secret string) bool {
	return hash != "" && bcrypt.CompareHashAndPassword([]byte(hash), prehash(secret)) == nil
}

// dummyHash is compared against when the login does not exist, so that the answer takes as long
// as for a real login. A constant (bcrypt of a random secret, cost bcrypt.DefaultCost, as every
// stored password) rather than a hash made at package init: that cost every CLI command
// ~60 ms before it started (issue 18). Nothing matches it: no account has it.
var dummyHash = []byte("$2a$10$/U4omO7eOny56vqCzB7enOpdb4lddGBgY5vg000MBrEmeJQAYzyiC")

// ValidatePassword checks a new password: 8 to 128 characters, not the login itself.
func ValidatePassword(login, pw string) (string, error) {
	if !utf8.ValidString(pw) {
		return "", invalid("password", "Mật khẩu chứa ký tự không hợp lệ; hãy gõ lại.")
	}
	c, ok := clean(pw)
	if !ok || c != strings.TrimSpace(pw) {
		return "", invalid("password", "Mật khẩu chứa ký tự điều khiển hoặc ký tự không hợp lệ; hãy gõ lại.")
	}
	n := utf8.RuneCountInString(c)
	switch {
	case n < 8:
		return "", invalid("password", "Mật khẩu phải có ít nhất 8 ký tự.")
	case n > 128:
		return "", invalid("password", "Mật khẩu dài quá 128 ký tự.")
	case strings.EqualFold(c, strings.TrimSpace(login)):
		return "", invalid("password", "Mật khẩu không được trùng tên đăng nhập.")
	}
	return c, nil
}

// ValidatePIN checks a new PIN: exactly 6 digits, not all the same and not a run like 123456.
func ValidatePIN(pin string) (string, error) {
	p := strings.TrimSpace(pin)
	if len(p) != 6 || !digits(p) {
		return "", invalid("pin", "Mã PIN phải gồm đúng 6 chữ số.")
	}
	same, up, down := true, true, true
	for i := 1; i < len(p); i++ {
		same = same && p[i] == p[0]
		up = up && p[i] == p[i-1]+1
		down = down && p[i] == p[i-1]-1
	}
	if same || up || down {
		return "", invalid("pin", "Mã PIN quá dễ đoán (các chữ số giống nhau hoặc liên tiếp); hãy chọn mã khác.")
	}
	return p, nil
}

// loginKey is the login as looked up and throttled: trimmed, NFC, lower case, at most 64 runes.
func loginKey(login string) string {
	c, ok := clean(login)
	if !ok {
		return ""
	}
	c = strings.ToLower(c)
	if r := []rune(c); len(r) > 64 {
		c = string(r[:64])
	}
	return c
}

// LockedError says that a login must wait after too many wrong tries.
type LockedError struct {
	Login string
	Until time.Time
	Wait  time.Duration
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("Đã nhập sai nhiều lần liên tiếp với tên đăng nhập %q; hãy đợi %s rồi thử lại.", e.Login, waitText(e.Wait))
}

// waitText says a wait in whole seconds or minutes, rounded up.
func waitText(d time.Duration) string {
	if d <= time.Minute {
		return fmt.Sprintf("%d giây", int((d+time.Second-1)/time.Second))
	}
	return fmt.Sprintf("%d phút", int((d+time.Minute-1)/time.Minute))
}

// lockDelay is the wait after the n-th wrong try in a row (n ≥ maxTries).
func lockDelay(n int) time.Duration {
	d := firstDelay
	for i := maxTries; i < n && d < maxDelay; i++ {
		d *= 2
	}
	return min(d, maxDelay)
}

type secrets struct{ password, pin string }

func officialSecrets(ctx context.Context, q queryer, login string) (Official, secrets, error) {
	var sec secrets
	var o Official
	var role string
	err := q.QueryRowContext(ctx, `SELECT `+officialCols+`, password_hash, pin_hash FROM officials WHERE login = ?`, login).
		Scan(&o.ID, &o.Login, &o.FullName, &role, &o.Phone, &o.Title, &o.Active, &o.HasPassword, &o.HasPIN, &sec.password, &sec.pin)
	o.Role = Role(role)
	if errors.Is(err, sql.ErrNoRows) {
		return o, sec, fmt.Errorf("%w cán bộ có tên đăng nhập %q", ErrNotFound, login)
	}
	return o, sec, err
}

// check compares the secret with the mode's hash, or the other one when the official has none
// for this mode (an admin who never set a PIN still gets in).
func (sec secrets) check(mode, secret string) bool {
	first, second := sec.password, sec.pin
	if mode == LoginPIN {
		first, second = sec.pin, sec.password
	}
	if first != "" {
		return secretMatches(first, secret)
	}
	return secretMatches(second, secret)
}

// Login checks an official's login and password or PIN (Security.LoginMode) and returns the
// official. Five wrong tries in a row make that login wait 30 seconds, doubling with each further
// wrong try (at most an hour); the count is kept in the database, so a restart does not reset it.
// Logins and lockouts are written to the audit trail; the secret never is.
func (s *Store) Login(ctx context.Context, login, secret string) (Official, error) {
	sec, err := s.Security(ctx)
	if err != nil {
		return Official{}, err
	}
	return s.login(ctx, login, secret, sec.LoginMode)
}

func (s *Store) login(ctx context.Context, login, secret, mode string) (Official, error) {
	key := loginKey(login)
	if key == "" {
		return Official{}, invalid("login", "Chưa nhập tên đăng nhập.")
	}
	what := "mật khẩu"
	if mode == LoginPIN {
		what = "mã PIN"
	}
	if secret == "" {
		return Official{}, invalid("secret", "Chưa nhập "+what+".")
	}
	now := s.now()
	if err := s.lockedOut(ctx, key, now); err != nil {
		return Official{}, err
	}
	o, hashes, err := officialSecrets(ctx, s.r, key)
	found := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return Official{}, err
	}
	ok := found && hashes.check(mode, secret)
	if !found {
		bcrypt.CompareHashAndPassword(dummyHash, prehash(secret)) // same time as a real login
	}
	if !ok {
		if err := s.failed(ctx, key, now); err != nil {
			return Official{}, err
		}
		return Official{}, invalid("secret", fmt.Sprintf("Tên đăng nhập hoặc %s không đúng.", what))
	}
	if !o.Active {
		return Official{}, invalid("login", fmt.Sprintf("Tài khoản %s (%s) đã ngừng hoạt động; hãy liên hệ quản trị viên.", o.FullName, o.Login))
	}
	err = s.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `UPDATE login_failures SET failures = 0, locked_until = '' WHERE login = ?`, key); err != nil {
			return err
		}
		return audit(ctx, t, now, o.Login, "login", o.Login, "login", nil, nil, "")
	})
	return o, err
}

// lockedOut returns a LockedError while key must wait.
func (s *Store) lockedOut(ctx context.Context, key string, now time.Time) error {
	var until string
	err := s.r.QueryRowContext(ctx, `SELECT locked_until FROM login_failures WHERE login = ?`, key).Scan(&until)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if u, perr := parseTS(until); perr == nil && u.After(now) {
		return &LockedError{Login: key, Until: u, Wait: u.Sub(now)}
	}
	return nil
}

// failed counts a wrong try for key; from the fifth in a row it locks key and returns the
// LockedError (the lockout is audited).
func (s *Store) failed(ctx context.Context, key string, now time.Time) error {
	var lockErr error
	err := s.tx(ctx, func(t *sql.Tx) error {
		var n int
		err := t.QueryRowContext(ctx, `SELECT failures FROM login_failures WHERE login = ?`, key).Scan(&n)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		n++
		lockUntil := ""
		if n >= maxTries {
			d := lockDelay(n)
			lockUntil = ts(now.Add(d))
			lockErr = &LockedError{Login: key, Until: now.Add(d), Wait: d}
		}
		if _, err := t.ExecContext(ctx, `INSERT INTO login_failures(login, failures, locked_until) VALUES (?, ?, ?)
			ON CONFLICT(login) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
			key, n, lockUntil); err != nil {
			return err
		}
		if lockErr != nil {
			return audit(ctx, t, now, "", "login", key, "lockout", nil, map[string]any{"failures": n, "wait_seconds": int(lockDelay(n) / time.Second)}, "")
		}
		return nil
	})
	if err != nil {
		return err
	}
	return lockErr
}

// kioskKey is the throttling key of the kiosk's exit PIN (not a possible login: it has a '#').
const kioskKey = "#kiosk"

// QuickSwitch logs in with the official's PIN whatever the login mode (the counter's quick change
// of official); throttled and audited like Login.
func (s *Store) QuickSwitch(ctx context.Context, login, pin string) (Official, error) {
	return s.login(ctx, login, pin, LoginPIN)
}

// unlockWithPIN finds the active official whose PIN this is, throttled under key.
func (s *Store) unlockWithPIN(ctx context.Context, key, pin string) (Official, error) {
	if pin == "" {
		return Official{}, invalid("secret", "Chưa nhập mã PIN.")
	}
	now := s.now()
	if err := s.lockedOut(ctx, key, now); err != nil {
		return Official{}, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT login, pin_hash FROM officials WHERE active = 1 AND pin_hash != '' ORDER BY id`)
	if err != nil {
		return Official{}, err
	}
	match := ""
	for rows.Next() {
		var login, hash string
		if err := rows.Scan(&login, &hash); err != nil {
			rows.Close()
			return Official{}, err
		}
		if match == "" && secretMatches(hash, pin) {
			match = login
		}
	}
	rows.Close()
	if match == "" {
		if err := s.failed(ctx, key, now); err != nil {
			return Official{}, err
		}
		return Official{}, invalid("secret", "Mã PIN không đúng.")
	}
	o, err := s.Official(ctx, match)
	if err != nil {
		return o, err
	}
	return o, s.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `UPDATE login_failures SET failures = 0, locked_until = '' WHERE login = ?`, key); err != nil {
			return err
		}
		return audit(ctx, t, now, o.Login, "login", key, "kiosk_exit", nil, nil, "")
	})
}

// InitialPassword gives the first password to an active admin of a database that has no secret
// at all yet (one made before accounts existed): without it, nobody could ever log in. Once any
// official has a password or PIN it is refused.
func (s *Store) InitialPassword(ctx context.Context, login, password string) error {
	pw, err := ValidatePassword(login, password)
	if err != nil {
		return err
	}
	h, err := hashSecret(pw)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM officials WHERE password_hash != '' OR pin_hash != ''`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid("login", "Đã có cán bộ đặt mật khẩu; hãy đăng nhập và đổi mật khẩu trong mục Quản trị.")
		}
		o, err := officialByLogin(ctx, t, login)
		if err != nil || o.Role != RoleAdmin || !o.Active {
			return invalid("login", fmt.Sprintf("%q không phải quản trị viên đang hoạt động.", login))
		}
		if _, err := t.ExecContext(ctx, `UPDATE officials SET password_hash = ? WHERE id = ?`, h, o.ID); err != nil {
			return err
		}
		return audit(ctx, t, s.now(), o.Login, "official", o.Login, "password", nil, nil, "mật khẩu đầu tiên")
	})
}

// NeedsInitialPassword reports whether no official has a password or PIN yet.
func (s *Store) NeedsInitialPassword(ctx context.Context) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM officials WHERE password_hash != '' OR pin_hash != ''`).Scan(&n)
	return n == 0, err
}

// SetPassword sets the password of login. An official changes their own by giving the current
// secret of the kind being changed as old (the password for a password; the other kind only when
// none of this kind was ever set), throttled, locked out and audited like Login: a locked account
// stays locked, whatever old says. An admin sets anyone else's (old is ignored), which also lifts
// a lockout.
func (s *Store) SetPassword(ctx context.Context, by, login, old, password string) error {
	return s.setSecret(ctx, by, login, old, password, false)
}

// SetPIN sets the 6-digit PIN of login, with the same rules as SetPassword.
func (s *Store) SetPIN(ctx context.Context, by, login, old, pin string) error {
	return s.setSecret(ctx, by, login, old, pin, true)
}

func (s *Store) setSecret(ctx context.Context, by, login, old, secret string, pin bool) error {
	actor, err := s.actor(ctx, by)
	if err != nil {
		return err
	}
	target, hashes, err := officialSecrets(ctx, s.r, loginKey(login))
	if err != nil {
		return err
	}
	// by empty is the store's default actor (tests, tooling): no front-end passes it, the CLI's
	// official comes from a session.
	if strings.TrimSpace(by) != "" && actor.ID == target.ID {
		if err := s.checkOldSecret(ctx, target, hashes, old, pin); err != nil {
			return err
		}
	} else if _, err := s.require(ctx, by, PermOfficials); err != nil {
		return err
	}
	col, action := "password_hash", "password"
	if pin {
		col, action = "pin_hash", "pin"
		secret, err = ValidatePIN(secret)
	} else {
		secret, err = ValidatePassword(target.Login, secret)
	}
	if err != nil {
		return err
	}
	h, err := hashSecret(secret)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `UPDATE officials SET `+col+` = ? WHERE id = ?`, h, target.ID); err != nil {
			return err
		}
		// A new secret set by an admin also lifts a lockout.
		if _, err := t.ExecContext(ctx, `UPDATE login_failures SET failures = 0, locked_until = '' WHERE login = ?`, target.Login); err != nil {
			return err
		}
		return audit(ctx, t, s.now(), actor.Login, "official", target.Login, action, nil, nil, "")
	})
}

// checkOldSecret is the self-change's proof: the current secret of the kind being changed,
// through the same lockout, failure count and lockout audit as a login (one place: s.failed).
func (s *Store) checkOldSecret(ctx context.Context, o Official, hashes secrets, old string, pin bool) error {
	key := loginKey(o.Login)
	now := s.now()
	if err := s.lockedOut(ctx, key, now); err != nil {
		return err
	}
	mode, what := LoginPassword, "Mật khẩu hiện tại"
	if pin {
		mode, what = LoginPIN, "Mã PIN hiện tại"
		if hashes.pin == "" {
			what = "Mật khẩu hiện tại (chưa có mã PIN)"
		}
	} else if hashes.password == "" {
		what = "Mã PIN hiện tại (chưa có mật khẩu)"
	}
	if old == "" || !hashes.check(mode, old) {
		if err := s.failed(ctx, key, now); err != nil {
			return err
		}
		return invalid("old", what+" không đúng.")
	}
	return nil
}

// UpdateOfficial changes an official's name, role and phone (the login never changes: the
// history refers to it). The last active admin cannot lose the role.
func (s *Store) UpdateOfficial(ctx context.Context, by string, o Official) (Official, error) {
	actor, err := s.require(ctx, by, PermOfficials)
	if err != nil {
		return o, err
	}
	if o, err = normOfficial(o); err != nil {
		return o, err
	}
	err = s.tx(ctx, func(t *sql.Tx) error {
		old, err := officialByLogin(ctx, t, o.Login)
		if err != nil {
			return err
		}
		if old.Role == RoleAdmin && o.Role != RoleAdmin && old.Active {
			if err := keepAnAdmin(ctx, t, old.ID); err != nil {
				return err
			}
		}
		if _, err := t.ExecContext(ctx, `UPDATE officials SET full_name = ?, role = ?, phone = ?, title = ? WHERE id = ?`,
			o.FullName, string(o.Role), o.Phone, nullText(o.Title), old.ID); err != nil {
			return err
		}
		o.ID, o.Active, o.HasPassword, o.HasPIN = old.ID, old.Active, old.HasPassword, old.HasPIN
		return audit(ctx, t, s.now(), actor.Login, "official", o.Login, "update", old, o, "")
	})
	return o, err
}

// keepAnAdmin refuses a change that would leave no active admin besides official id.
func keepAnAdmin(ctx context.Context, t *sql.Tx, id int64) error {
	var n int
	if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM officials WHERE role = 'admin' AND active = 1 AND id != ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return invalid("role", "Đây là quản trị viên cuối cùng đang hoạt động; hãy thêm quản trị viên khác trước.")
	}
	return nil
}

// SetActive activates or deactivates an official (nobody is deleted: the history names them).
// An admin cannot deactivate themselves, nor the last active admin.
func (s *Store) SetActive(ctx context.Context, by, login string, active bool) error {
	actor, err := s.require(ctx, by, PermOfficials)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		old, err := officialByLogin(ctx, t, login)
		if err != nil {
			return err
		}
		if old.Active == active {
			return nil
		}
		if !active {
			if old.ID == actor.ID {
				return invalid("active", "Không thể tự ngừng hoạt động tài khoản của chính mình.")
			}
			if old.Role == RoleAdmin {
				if err := keepAnAdmin(ctx, t, old.ID); err != nil {
					return err
				}
			}
		}
		if _, err := t.ExecContext(ctx, `UPDATE officials SET active = ? WHERE id = ?`, active, old.ID); err != nil {
			return err
		}
		nw := old
		nw.Active = active
		action := "deactivate"
		if active {
			action = "activate"
		}
		return audit(ctx, t, s.now(), actor.Login, "official", old.Login, action, old, nw, "")
	})
}
