package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"motcua/store"
)

// TestCLIWithoutCredentialsIsRefused is issue 23.8: nothing that reads or writes the ledger's
// data runs without a session, -by is not taken on trust, and the public commands stay free.
func TestCLIWithoutCredentialsIsRefused(t *testing.T) {
	dir := demoFolder(t)
	proc := procedureCode(t, dir, "Chứng thực bản sao")
	receive := []string{"receive", "-procedure", proc, "-name", "Nguyễn Văn An", "-idno", "001203004567",
		"-phone", "0912345678", "-address", "Hoài Đức", "-at", "2026-01-26 08:15"}
	// demoFolder saved the admin's token for this OS user: move it away to be nobody.
	file := sessionFile(dir)
	if err := os.Rename(file, file+".aside"); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{receive, {"search", "An"}, {"officials"}, {"audit"}, {"official", "add", "-login", "x1", "-name", "Vũ Thị Mai", "-role", "admin"},
		{"passwd", "-login", "admin"}, {"backup"}, {"report", "-kind", "ii06a", "-from", "2026-01-01", "-to", "2026-01-31"},
		{"-by", "chutich", "officials"}, {"agency", "-name", "X"}, {"rate", "-level", "2"}} {
		out, stderr, code := motcuaRaw(t, dir, "mật khẩu mới 2026\nmật khẩu mới 2026\n", args...)
		if code != exitUsage || !strings.Contains(stderr, "đăng nhập") || out != "" {
			t.Errorf("%v without a session: exit %d, %q, %q", args, code, out, stderr)
		}
	}
	for _, args := range [][]string{{"holidays", "-year", "2026"}, {"due", "-days", "3"}, {"lunar", "2026-02-17"}, {"procedures"}, {"check"}} {
		if _, stderr, code := motcuaRaw(t, dir, "", args...); code != 0 {
			t.Errorf("%v is free: exit %d, %s", args, code, stderr)
		}
	}
	if err := os.Rename(file+".aside", file); err != nil {
		t.Fatal(err)
	}
	// The saved token acts for its official, and only for them.
	if out, stderr, code := motcuaRaw(t, dir, "", "officials"); code != 0 || !strings.Contains(out, "chutich") {
		t.Fatalf("officials with the saved session: exit %d, %s", code, stderr)
	}
	if _, stderr, code := motcuaRaw(t, dir, "", append([]string{"-by", "tiepnhan1"}, receive...)...); code != exitUsage || !strings.Contains(stderr, "tiepnhan1") {
		t.Errorf("-by another official without their login: exit %d, %s", code, stderr)
	}
	admin := testSessions[dir]["admin"]
	if _, stderr, code := motcuaRaw(t, dir, "", append([]string{"-session", admin, "-by", "chutich"}, receive...)...); code != exitUsage || !strings.Contains(stderr, "admin") {
		t.Errorf("-by chutich with the admin's session: exit %d, %s", code, stderr)
	}
	if n := dossierCount(t, dir); n != 0 {
		t.Fatalf("%d dossiers written by refused commands", n)
	}
}

func dossierCount(t *testing.T, dir string) int {
	t.Helper()
	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	found, err := s.SearchDossiers(t.Context(), "admin", "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	return len(found)
}

func TestLoginSessionFileEnvAndLogout(t *testing.T) {
	dir := demoFolder(t)
	// The password never comes from argv: a wrong one is refused, and five lock the login.
	for i := 0; i < 4; i++ {
		if _, stderr, code := motcuaRaw(t, dir, "sai\n", "login", "-login", "tuphap"); code != exitUsage || !strings.Contains(stderr, "không đúng") {
			t.Fatalf("wrong password %d: exit %d, %s", i, code, stderr)
		}
	}
	if _, stderr, code := motcuaRaw(t, dir, "sai\n", "login", "-login", "tuphap"); code != exitUsage || !strings.Contains(stderr, "hãy đợi") {
		t.Fatalf("fifth wrong password: exit %d, %s", code, stderr)
	}
	out, _, _ := motcua(t, dir, "audit", "-entity", "login")
	if !strings.Contains(out, "tuphap\tlockout") {
		t.Errorf("the CLI lockout is not audited:\n%s", out)
	}
	out, stderr, code := motcuaRaw(t, dir, store.DemoPasswords["diachinh"]+"\n", "login", "-login", "diachinh")
	if code != 0 {
		t.Fatalf("login: exit %d, %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	tok := lines[len(lines)-1]
	if !strings.HasPrefix(tok, "mc_") {
		t.Fatalf("the last line is not a token: %q", out)
	}
	fi, err := os.Stat(sessionFile(dir))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("session file mode %o, want 600", fi.Mode().Perm())
	}
	// Two officials saved: the command must say which.
	if _, stderr, code := motcuaRaw(t, dir, "", "search", "An"); code != exitUsage || !strings.Contains(stderr, "-by") {
		t.Errorf("two saved sessions and no -by: exit %d, %s", code, stderr)
	}
	if _, stderr, code := motcuaRaw(t, dir, "", "-by", "diachinh", "search", "An"); code != 0 {
		t.Errorf("-by diachinh with the saved session: exit %d, %s", code, stderr)
	}
	t.Setenv("MOTCUA_SESSION", tok)
	if _, stderr, code := motcuaRaw(t, dir, "", "search", "An"); code != 0 {
		t.Errorf("MOTCUA_SESSION: exit %d, %s", code, stderr)
	}
	if out, stderr, code := motcuaRaw(t, dir, "", "logout"); code != 0 || !strings.Contains(out, "diachinh") {
		t.Fatalf("logout: exit %d, %q %s", code, out, stderr)
	}
	if _, stderr, code := motcuaRaw(t, dir, "", "search", "An"); code != exitUsage || !strings.Contains(stderr, "đăng nhập lại") {
		t.Errorf("token after logout: exit %d, %s", code, stderr)
	}
	t.Setenv("MOTCUA_SESSION", "")
	saved, err := savedSessions(dir)
	if err != nil || saved["diachinh"] != "" || saved["admin"] == "" {
		t.Errorf("saved sessions after logout = %v, %v", saved, err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "motcua.db"))
	if strings.Contains(string(b), tok) {
		t.Error("the token itself is in the ledger")
	}
}

func TestDemoDBSetAndRateNeedTheirOfficial(t *testing.T) {
	// demo on a real ward's ledger is refused (its passwords are in the README).
	real := t.TempDir()
	if _, stderr, code := motcuaIn(t, real, "mật khẩu Tân Lập\n", "setup", "-name", "UBND xã Tân Lập", "-code", "TL01", "-place", "Tân Lập",
		"-admin", "quantri", "-admin-name", "Hoàng Văn Tư"); code != 0 {
		t.Fatalf("setup: %s", stderr)
	}
	if _, stderr, code := motcuaRaw(t, real, "", "demo"); code != exitUsage || !strings.Contains(stderr, "Tân Lập") {
		t.Errorf("demo on a real ward: exit %d, %s", code, stderr)
	}
	loginAs(t, real, "quantri", "mật khẩu Tân Lập")
	if _, stderr, code := motcua(t, real, "demo"); code != exitUsage {
		t.Errorf("demo on a real ward by its admin: exit %d, %s", code, stderr)
	}

	dir := demoFolder(t)
	other := "sqlite:" + filepath.Join(t.TempDir(), "khac.db")
	if _, stderr, code := motcua(t, dir, "-by", "tiepnhan1", "db", "-set", other); code != exitUsage {
		t.Errorf("db -set by a counter official: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(settingsPath(dir)); err == nil {
		t.Error("a refused db -set wrote settings.json")
	}
	if _, stderr, code := motcua(t, dir, "db", "-set", other); code != 0 {
		t.Fatalf("db -set by the admin: exit %d, %s", code, stderr)
	}
	// The new ledger has no official yet (a new installation): nobody to ask there.
	if _, stderr, code := motcuaRaw(t, dir, "", "db", "-set", "sqlite"); code != 0 {
		t.Fatalf("db -set back from an empty ledger: exit %d, %s", code, stderr)
	}
	out, _, _ := motcua(t, dir, "audit", "-entity", "settings")
	if !strings.Contains(out, "admin\tsettings\tdb\tmove") || !strings.Contains(out, "khac.db") {
		t.Errorf("db -set is not audited:\n%s", out)
	}

	// rate is the kiosk's act: from the CLI only an admin's entry from paper, marked.
	if _, stderr, code := motcua(t, dir, "-by", "tiepnhan1", "rate", "-official", "tiepnhan1", "-level", "2"); code != exitUsage {
		t.Errorf("rate by a counter official: exit %d, %s", code, stderr)
	}
	out, stderr, code := motcua(t, dir, "rate", "-official", "tiepnhan1", "-level", "2")
	if code != 0 || !strings.Contains(out, `"entered_by": "admin"`) {
		t.Errorf("rate by the admin: exit %d, %s %s", code, out, stderr)
	}
}

func promptCount(t *testing.T, dir string) int {
	t.Helper()
	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n := 0
	for _, counter := range []string{"Quầy 1"} {
		if _, ok, err := s.OpenPrompt(t.Context(), counter); err != nil {
			t.Fatal(err)
		} else if ok {
			n++
		}
	}
	return n
}
