package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"motcua/store"
)

// motcua runs the CLI in-process on a data folder and returns stdout, stderr and the exit status.
func motcua(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	return motcuaIn(t, dir, "", args...)
}

// motcuaIn runs a command with stdin (where passwords are read from), as a logged-in official,
// as the CLI requires: the official of -by, else the ledger's first logged-in one (the demo admin
// after demoFolder). Each official logs in once per test ledger (loginAs); -by names without a
// known password are passed through unauthenticated, for the refusals.
func motcuaIn(t *testing.T, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	return motcuaRaw(t, dir, stdin, withSession(t, dir, args)...)
}

// motcuaRaw runs a command exactly as given: no session is added.
func motcuaRaw(t *testing.T, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(append([]string{"-data", dir}, args...), strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

// testSessions holds each test ledger's tokens by login; "" is the default official's login.
var testSessions = map[string]map[string]string{}

// loginAs logs login in on dir's ledger (once) and returns the token, the last line of stdout.
func loginAs(t *testing.T, dir, login, secret string) string {
	t.Helper()
	if tok := testSessions[dir][login]; tok != "" {
		return tok
	}
	out, stderr, code := motcuaRaw(t, dir, secret+"\n", "login", "-login", login)
	if code != 0 {
		t.Fatalf("login %s: exit %d: %s", login, code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	tok := strings.TrimSpace(lines[len(lines)-1])
	if testSessions[dir] == nil {
		testSessions[dir] = map[string]string{"": login}
		t.Cleanup(func() { delete(testSessions, dir) })
	}
	testSessions[dir][login] = tok
	return tok
}

// withSession adds -session for the official the command acts as (see motcuaIn).
func withSession(t *testing.T, dir string, args []string) []string {
	t.Helper()
	by := ""
	for i, a := range args {
		switch {
		case a == "-session" || strings.HasPrefix(a, "-session="):
			return args
		case (a == "-by" || a == "--by") && i+1 < len(args):
			by = args[i+1]
		case strings.HasPrefix(a, "-by="):
			by = strings.TrimPrefix(a, "-by=")
		}
	}
	if len(args) > 0 && (args[0] == "login" || args[0] == "logout") {
		return args
	}
	known := testSessions[dir]
	if by == "" {
		if known == nil {
			return args
		}
		by = known[""]
	}
	tok := known[by]
	if tok == "" {
		pw, ok := store.DemoPasswords[by]
		if !ok || known == nil {
			return args
		}
		tok = loginAs(t, dir, by, pw)
	}
	return append([]string{"-session", tok}, args...)
}

func demoFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, stderr, code := motcua(t, dir, "demo"); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	loginAs(t, dir, "admin", store.DemoPasswords["admin"])
	// Printing is "save only" in tests: no printer is attached to CI.
	if _, stderr, code := motcua(t, dir, "agency", "-save-only", "yes"); code != 0 {
		t.Fatalf("agency -save-only: exit %d: %s", code, stderr)
	}
	return dir
}

func procedureCode(t *testing.T, dir, nameStart string) string {
	t.Helper()
	out, stderr, code := motcua(t, dir, "procedures")
	if code != 0 {
		t.Fatalf("procedures: exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) != 5 {
			t.Fatalf("procedures line %q: want 5 tab-separated columns", line)
		}
		if strings.HasPrefix(cols[2], nameStart) {
			return cols[1]
		}
	}
	t.Fatalf("no procedure starting %q in:\n%s", nameStart, out)
	return ""
}

func TestReceivePrintsNumberedDossierAndSlip(t *testing.T) {
	dir := demoFolder(t)
	proc := procedureCode(t, dir, "Chứng thực bản sao")
	out, stderr, code := motcua(t, dir, "receive", "-procedure", proc, "-name", "Nguyễn Văn An",
		"-idno", "001203004567", "-phone", "0912345678", "-address", "Số 5 ngõ 10, phường Hoài Đức",
		"-pages", "4", "-at", "2026-01-26 08:15")
	if code != 0 {
		t.Fatalf("receive: exit %d: %s", code, stderr)
	}
	var r receiveResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("receive output is not JSON: %v\n%s", err, out)
	}
	if !strings.HasSuffix(r.Code, "-260126-0001") {
		t.Errorf("code = %q, want the first of 26/01/2026 (…-260126-0001)", r.Code)
	}
	if r.BookNo != 1 {
		t.Errorf("book_no = %d, want 1", r.BookNo)
	}
	if r.ReceivedAt != "2026-01-26T08:15:00+07:00" {
		t.Errorf("received_at = %q", r.ReceivedAt)
	}
	// Same-day procedure received before the cut-off: due at closing time that day.
	if r.DueAt != "2026-01-26T17:00:00+07:00" {
		t.Errorf("due_at = %q, want closing time the same day", r.DueAt)
	}
	// 2 pages at 2.000 đ, then 2 at 1.000 đ.
	if r.Fee != 6000 {
		t.Errorf("fee = %d, want 6000 for 4 pages", r.Fee)
	}
	if _, err := os.Stat(r.Slip); err != nil {
		t.Errorf("slip %q not in the archive: %v", r.Slip, err)
	}
	if !strings.HasPrefix(r.Slip, filepath.Join(dir, "archive")) {
		t.Errorf("slip %q is not kept in the data folder's archive", r.Slip)
	}

	// The second dossier of the day follows on, in the code and in the book.
	out, stderr, code = motcua(t, dir, "receive", "-procedure", proc, "-name", "Trần Thị Bình",
		"-idno", "001203004568", "-phone", "0987654321", "-address", "Hoài Đức", "-at", "2026-01-26 09:00")
	if code != 0 {
		t.Fatalf("second receive: exit %d: %s", code, stderr)
	}
	var r2 receiveResult
	if err := json.Unmarshal([]byte(out), &r2); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(r2.Code, "-260126-0002") || r2.BookNo != 2 {
		t.Errorf("second dossier = %s #%d, want …-0002 #2", r2.Code, r2.BookNo)
	}

	// Reprint to a chosen file; the text is the slip of that dossier.
	slip := filepath.Join(t.TempDir(), "lai.pdf")
	if _, stderr, code := motcua(t, dir, "slip", "-code", r.Code, "-o", slip); code != 0 {
		t.Fatalf("slip: exit %d: %s", code, stderr)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.CommandContext(context.Background(), "pdftotext", slip, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{r.Code, "Nguyễn Văn An", "Liên 1", "Liên 2"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("reprinted slip lacks %q", want)
			}
		}
	}

	// search finds it without diacritics; show gives the stored dossier.
	out, _, code = motcua(t, dir, "search", "nguyen van an")
	if code != 0 || !strings.Contains(out, r.Code) {
		t.Errorf("search 'nguyen van an' (exit %d) did not find %s:\n%s", code, r.Code, out)
	}
	out, _, code = motcua(t, dir, "show", "-code", r.Code)
	var shown dossierJSON
	if code != 0 || json.Unmarshal([]byte(out), &shown) != nil {
		t.Fatalf("show: exit %d\n%s", code, out)
	}
	if shown.IDNo != "001203004567" || shown.Status != 2 || shown.StatusName != "Được tiếp nhận" {
		t.Errorf("show = %+v", shown)
	}
}

func TestReceiveRefusesBadInputAndWritesNothing(t *testing.T) {
	dir := demoFolder(t)
	proc := procedureCode(t, dir, "Chứng thực bản sao")
	cases := []struct {
		name string
		args []string
		want string // a word of the Vietnamese message naming the field
	}{
		{"short CCCD", []string{"-idno", "123"}, "CCCD"},
		{"bad phone", []string{"-phone", "12ab"}, "điện thoại"},
		{"no name", []string{"-name", " "}, "tên"},
		{"bad time", []string{"-at", "26/01/2026"}, "-at"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := map[string]string{"-procedure": proc, "-name": "Lê Văn Cường", "-idno": "001203004569",
				"-phone": "0912000111", "-address": "Hoài Đức"}
			for i := 0; i < len(c.args); i += 2 {
				args[c.args[i]] = c.args[i+1]
			}
			argv := []string{"receive"}
			for k, v := range args {
				argv = append(argv, k, v)
			}
			out, stderr, code := motcua(t, dir, argv...)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stdout %q stderr %q", code, out, stderr)
			}
			if !strings.Contains(strings.ToLower(stderr), strings.ToLower(c.want)) {
				t.Errorf("message %q does not name %q", stderr, c.want)
			}
			if found, _, _ := motcua(t, dir, "search", "le van cuong"); strings.TrimSpace(found) != "" {
				t.Errorf("a refused intake was stored: %s", found)
			}
		})
	}
}

func TestCalendarCommands(t *testing.T) {
	dir := t.TempDir()
	out, stderr, code := motcua(t, dir, "holidays", "-year", "2026")
	if code != 0 {
		t.Fatalf("holidays: exit %d: %s", code, stderr)
	}
	// Tết 2026 is 17/02; 2/9/2026 is a Wednesday, so 1/9 is the adjacent day.
	for _, want := range []string{"2026-01-01\tstatutory\t", "2026-02-17\ttet\t", "2026-09-01\t", "2026-09-02\tstatutory\t"} {
		if !strings.Contains(out, want) {
			t.Errorf("holidays 2026 lacks %q:\n%s", want, out)
		}
	}
	out, _, code = motcua(t, dir, "lunar", "2026-02-17")
	if code != 0 || strings.TrimSpace(out) != "1/1/2026" {
		t.Errorf("lunar 2026-02-17 = %q (exit %d), want 1/1/2026", out, code)
	}
	out, _, code = motcua(t, dir, "lunar", "-to-solar", "10/3/2026")
	if code != 0 || strings.TrimSpace(out) != "2026-04-26" {
		t.Errorf("lunar -to-solar 10/3/2026 = %q (exit %d), want 2026-04-26", out, code)
	}
	// Monday 26/01/2026 16:20 is after the cut-off: Tuesday, Wednesday and Thursday are the 3
	// working days, due at Thursday's closing (never 07:30 of Friday).
	out, _, code = motcua(t, dir, "due", "-at", "2026-01-26 16:20", "-days", "3")
	if code != 0 || strings.TrimSpace(out) != "2026-01-29T17:00:00+07:00" {
		t.Errorf("due = %q (exit %d), want 2026-01-29T17:00:00+07:00", out, code)
	}
	out, _, code = motcua(t, dir, "due", "-at", "2026-01-26 16:20", "-days", "3", "-rule", "receipt")
	if code != 0 || strings.TrimSpace(out) != "2026-01-29T16:20:00+07:00" {
		t.Errorf("due from receipt = %q (exit %d), want 2026-01-29T16:20:00+07:00", out, code)
	}
	// The Government adds a day off: due dates after it move on by a day.
	if _, stderr, code := motcua(t, dir, "demo"); code != 0 {
		t.Fatal(stderr)
	}
	loginAs(t, dir, "admin", store.DemoPasswords["admin"])
	if _, stderr, code := motcua(t, dir, "override", "add", "-date", "2026-01-28", "-kind", "extra", "-name", "Nghỉ thêm", "-reason", "thử"); code != 0 {
		t.Fatalf("override add: %s", stderr)
	}
	out, _, _ = motcua(t, dir, "due", "-at", "2026-01-26 16:20", "-days", "3")
	if strings.TrimSpace(out) != "2026-01-30T17:00:00+07:00" {
		t.Errorf("due after an extra day off = %q, want 2026-01-30T17:00:00+07:00", out)
	}
	// A procedure that counts from receipt keeps the receipt time after 15:00 (docs/DEADLINES.md).
	if out, stderr, code := motcua(t, dir, "-by", "admin", "procedure-cutoff", "-procedure", "HT04", "-rule", "receipt", "-from", "2026-01-26"); code != 0 || !strings.Contains(out, "HT04") {
		t.Fatalf("procedure-cutoff: %q exit %d %s", out, code, stderr)
	}
	if _, _, code := motcua(t, dir, "-by", "admin", "procedure-cutoff", "-procedure", "HT04", "-rule", "later"); code != 2 {
		t.Errorf("procedure-cutoff -rule later: exit %d, want 2", code)
	}
	out, stderr, code = motcua(t, dir, "receive", "-procedure", "HT04", "-name", "Nguyễn Văn An", "-idno", "001203004567",
		"-phone", "0912345678", "-address", "Hoài Đức", "-at", "2026-01-26 16:20")
	if code != 0 || !strings.Contains(out, `"due_at": "2026-01-30T16:20:00+07:00"`) { // 28/1 is the extra day off
		t.Errorf("receive HT04 from receipt: %s exit %d %s", out, code, stderr)
	}
	out, _, _ = motcua(t, dir, "holidays", "-year", "2026")
	if !strings.Contains(out, "2026-01-28\textra\tNghỉ thêm") {
		t.Errorf("the extra day off is not listed:\n%s", out)
	}
	if _, stderr, code := motcua(t, dir, "override", "add", "-date", "28/01/2026"); code != 2 || !strings.Contains(stderr, "-date") {
		t.Errorf("bad -date: exit %d, %q", code, stderr)
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	_, stderr, code := motcua(t, t.TempDir(), "frobnicate")
	if code != 2 || !strings.Contains(stderr, "frobnicate") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestSetupReadiesARealWard(t *testing.T) {
	dir := t.TempDir()
	_, stderr, code := motcuaIn(t, dir, "mật khẩu Tân Lập\n", "setup", "-name", "UBND xã Tân Lập", "-code", "x", "-admin", "quantri", "-admin-name", "Hoàng Văn Tư")
	if code != 2 || !strings.Contains(stderr, "Mã cơ quan") {
		t.Fatalf("bad code: exit %d, %q", code, stderr)
	}
	if _, stderr, code := motcua(t, dir, "setup", "-name", "UBND xã Tân Lập", "-code", "TL01", "-place", "Tân Lập",
		"-admin", "quantri", "-admin-name", "Hoàng Văn Tư"); code != 2 || !strings.Contains(stderr, "stdin") {
		t.Errorf("setup without a password: exit %d, %q", code, stderr)
	}
	if _, stderr, code := motcuaIn(t, dir, "mật khẩu Tân Lập\n", "setup", "-name", "UBND xã Tân Lập", "-code", "TL01", "-place", "Tân Lập",
		"-admin", "quantri", "-admin-name", "Hoàng Văn Tư"); code != 0 {
		t.Fatalf("setup: exit %d: %s", code, stderr)
	}
	loginAs(t, dir, "quantri", "mật khẩu Tân Lập")
	out, _, _ := motcua(t, dir, "officials")
	if strings.TrimSpace(out) != "quantri\tHoàng Văn Tư\tadmin" {
		t.Errorf("officials after setup = %q", out)
	}
	motcua(t, dir, "agency", "-save-only", "yes")
	out, stderr, code = motcua(t, dir, "receive", "-procedure", "HT01", "-name", "Lò Văn Páo", "-idno", "011203004567",
		"-phone", "0912345678", "-address", "Bản Tân Lập", "-at", "2026-01-26 08:15")
	if code != 0 || !strings.Contains(out, `"code": "TL01-260126-0001"`) {
		t.Errorf("first intake of the new ward: exit %d, %s %s", code, out, stderr)
	}
}
