package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/term"

	"motcua/app/desk"
	"motcua/store"
)

// The CLI acts for an official only after that official logged in (issue 23.8): `motcua login`
// checks the password or PIN through the store's Login (the window's throttle, lockout and
// audit) and starts a session; the token is printed on the last line of stdout and kept for the
// OS user in DATA/sessions/USER.json (mode 0600). The ledger keeps only the token's hash.
// Every command that reads or writes the ledger goes through withDesk, which authenticates by
// default; the few public ones (calendar, catalogue, public status) use withDeskFree.

var sessionCommands = []command{
	{"login", "đăng nhập: -login TÊN, mật khẩu (hoặc mã PIN) đọc từ bàn phím hoặc stdin; in mã phiên ở dòng cuối", runLogin},
	{"logout", "kết thúc phiên đăng nhập (của -session, $MOTCUA_SESSION hoặc -by TÊN)", runLogout},
}

// sessionFile is where the OS user's tokens are kept, one per official: DATA/sessions/USER.json.
func sessionFile(dir string) string {
	name := "user"
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	name = regexp.MustCompile(`[^A-Za-z0-9._-]+`).ReplaceAllString(name, "_")
	return filepath.Join(dir, "sessions", name+".json")
}

// savedSessions reads the OS user's tokens by login; a missing file is none.
func savedSessions(dir string) (map[string]string, error) {
	p := sessionFile(dir)
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(p); err == nil && runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("tệp phiên đăng nhập %s để người khác đọc được (quyền %o): hãy chạy `chmod 600 %s` rồi đăng nhập lại", p, fi.Mode().Perm(), p)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("tệp phiên đăng nhập %s sai định dạng (hãy xoá và đăng nhập lại): %w", p, err)
	}
	return m, nil
}

// saveSessions writes the tokens with mode 0600 in a 0700 folder (write aside, then rename).
func saveSessions(dir string, m map[string]string) error {
	p := sessionFile(dir)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// authError is a command refused for want of a valid session: exit 2, nothing changed.
type authError struct{ msg string }

func (a authError) Error() string { return a.msg }

func authf(format string, a ...any) error { return authError{fmt.Sprintf(format, a...)} }

// token picks the session: -session, then $MOTCUA_SESSION, then the OS user's saved one (of -by,
// or the only one). fromFile says whether it came from the file (a dead one is then forgotten).
func (e *env) token(dir string) (tok string, fromFile bool, err error) {
	if e.session != "" {
		return e.session, false, nil
	}
	if v := strings.TrimSpace(os.Getenv("MOTCUA_SESSION")); v != "" {
		return v, false, nil
	}
	saved, err := savedSessions(dir)
	if err != nil {
		return "", false, err
	}
	if by := strings.ToLower(strings.TrimSpace(e.by)); by != "" {
		if t, ok := saved[by]; ok {
			return t, true, nil
		}
		return "", false, authf("-by %s: %s chưa đăng nhập trên máy này; chạy: motcua login -login %s", e.by, e.by, by)
	}
	switch len(saved) {
	case 0:
		return "", false, authf("chưa đăng nhập: chạy motcua login -login TÊN_ĐĂNG_NHẬP (mật khẩu đọc từ bàn phím hoặc stdin), hoặc dùng -session MÃ_PHIÊN")
	case 1:
		for _, t := range saved {
			return t, true, nil
		}
	}
	logins := make([]string, 0, len(saved))
	for l := range saved {
		logins = append(logins, l)
	}
	sort.Strings(logins)
	return "", false, authf("có nhiều cán bộ đang đăng nhập từ tài khoản này (%s): chọn bằng -by TÊN hoặc -session MÃ_PHIÊN", strings.Join(logins, ", "))
}

// authenticate sets e.by to the official of a valid session; -by must name that official.
func (e *env) authenticate(d *desk.Desk) error {
	tok, fromFile, err := e.token(d.Dir)
	if err != nil {
		return err
	}
	o, err := d.Store.Session(e.ctx, tok)
	var se *store.SessionError
	if errors.As(err, &se) {
		if fromFile {
			e.forget(d.Dir, tok)
		}
		who := "TÊN_ĐĂNG_NHẬP"
		if se.Login != "" {
			who = se.Login
		}
		return authf("%s Chạy: motcua login -login %s", se.Error(), who)
	}
	if err != nil {
		return err
	}
	if e.by != "" && !strings.EqualFold(strings.TrimSpace(e.by), o.Login) {
		return authf("-by %s: phiên đăng nhập này là của %s; -by chỉ được nêu cán bộ đã đăng nhập", e.by, o.Login)
	}
	e.by = o.Login
	e.official = o
	return nil
}

// forget drops a dead token from the OS user's file.
func (e *env) forget(dir, tok string) {
	saved, err := savedSessions(dir)
	if err != nil {
		return
	}
	for l, t := range saved {
		if t == tok {
			delete(saved, l)
		}
	}
	_ = saveSessions(dir, saved)
}

// withDesk opens the ledger, authenticates the official (see authenticate), runs do and closes
// the ledger: the prelude of every command that reads or writes the ledger's data.
func (e *env) withDesk(do func(d *desk.Desk) error) error {
	return e.deskFor(true, do)
}

// withDeskFree is withDesk without the login, for what the ward shows the public anyway: the
// working calendar, due dates, the procedure catalogue and its poster, the kiosk's masked status.
func (e *env) withDeskFree(do func(d *desk.Desk) error) error {
	return e.deskFor(false, do)
}

func (e *env) deskFor(auth bool, do func(d *desk.Desk) error) error {
	d, err := e.open()
	if err != nil {
		return err
	}
	defer d.Store.Close()
	if auth {
		if err := e.authenticate(d); err != nil {
			return err
		}
	}
	return do(d)
}

// readPassword reads a secret from the terminal without echo, or a line of stdin.
func (e *env) readPassword(prompt string) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, prompt+": ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", err
		}
		return string(b), nil
	}
	return e.readSecret(prompt)
}

func runLogin(e *env, args []string) error {
	fs := e.newFlags("login")
	login := fs.String("login", "", "tên đăng nhập của cán bộ")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*login) == "" {
		return usagef("-login: hãy nhập tên đăng nhập của cán bộ")
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		sec, err := d.Store.Security(e.ctx)
		if err != nil {
			return err
		}
		what := "mật khẩu"
		if sec.LoginMode == store.LoginPIN {
			what = "mã PIN"
		}
		secret, err := e.readPassword(what + " của " + strings.TrimSpace(*login))
		if err != nil {
			return err
		}
		tok, o, err := d.Store.StartSession(e.ctx, *login, secret)
		if err != nil {
			return err
		}
		saved, err := savedSessions(d.Dir)
		if err != nil {
			return err
		}
		saved[o.Login] = tok
		if err := saveSessions(d.Dir, saved); err != nil {
			return fmt.Errorf("đã đăng nhập nhưng không lưu được mã phiên (dùng -session): %w", err)
		}
		fmt.Fprintf(e.stdout, "Đã đăng nhập: %s (%s, %s). Phiên hết hạn sau %d phút không dùng; mã phiên:\n%s\n",
			o.Login, o.FullName, o.Role.Name(), sec.IdleMinutes, tok)
		return nil
	})
}

func runLogout(e *env, args []string) error {
	fs := e.newFlags("logout")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		tok, _, err := e.token(d.Dir)
		if err != nil {
			return err
		}
		e.forget(d.Dir, tok)
		o, err := d.Store.EndSession(e.ctx, tok)
		var se *store.SessionError
		if errors.As(err, &se) {
			fmt.Fprintln(e.stdout, "Phiên này đã kết thúc từ trước.")
			return nil
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Đã đăng xuất %s.\n", o.Login)
		return nil
	})
}
