package main

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"motcua/store"
)

// buildMotcua builds the real binary once per test.
func buildMotcua(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "motcua")
	if out, err := exec.Command("go", "build", "-tags", "ci", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// A restore while another process has the ledger open (a window, the kiosk, a CLI loop) is
// refused and names that process; nothing it acknowledged is lost: after it ends, a restore to an
// older backup and `recover` bring every acknowledged intake back with its number, and the next
// intake reissues none of them.
func TestRestoreUnderAConcurrentWriterLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs a second process")
	}
	bin := buildMotcua(t)
	dir := demoFolder(t)
	old := filepath.Join(t.TempDir(), "cu.db")
	if _, stderr, code := motcua(t, dir, "backup", "-o", old); code != 0 {
		t.Fatal(stderr)
	}
	tok := loginAs(t, dir, "tiepnhan1", store.DemoPasswords["tiepnhan1"])
	writer := exec.Command(bin, "-data", dir, "-session", tok, "receive", "-procedure", "HT01",
		"-name", "Nguyễn Văn An", "-idno", "001090001234", "-phone", "0912345678",
		"-address", "Số 5, Hoài Đức", "-count", "600")
	out, err := writer.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := writer.Start(); err != nil {
		t.Fatal(err)
	}
	acked := map[string]int{}
	dec := json.NewDecoder(out)
	var first receiveResult
	if err := dec.Decode(&first); err != nil {
		t.Fatal(err)
	}
	acked[first.Code] = first.BookNo
	// The writer is mid-loop: the restore must not take the ledger from under it.
	_, stderr, code := motcua(t, dir, "restore", "-yes", old)
	if code == 0 || !strings.Contains(stderr, "tiến trình "+strconv.Itoa(writer.Process.Pid)) {
		t.Fatalf("restore under a writer: exit %d: %s", code, stderr)
	}
	for {
		var r receiveResult
		if err := dec.Decode(&r); err != nil {
			if !errors.Is(err, io.EOF) {
				t.Fatal(err)
			}
			break
		}
		acked[r.Code] = r.BookNo
	}
	if err := writer.Wait(); err != nil {
		t.Fatalf("writer: %v", err)
	}
	if len(acked) != 600 {
		t.Fatalf("%d intakes acknowledged, want 600", len(acked))
	}
	// Now the restore goes through; the acknowledged intakes are on paper and come back.
	stdout, stderr, code := motcua(t, dir, "restore", "-yes", old)
	if code != 0 || !strings.Contains(stdout, "600 hồ sơ") || !strings.Contains(stdout, "recover -yes") {
		t.Fatalf("restore: exit %d: %s %s", code, stdout, stderr)
	}
	if _, stderr, code := motcua(t, dir, "-by", "admin", "recover", "-yes"); code != 0 {
		t.Fatalf("recover: %s", stderr)
	}
	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	for c, no := range acked {
		d, err := s.Dossier(t.Context(), "admin", c)
		if err != nil || d.BookNo != no {
			t.Errorf("acknowledged %s (book no %d): %+v %v", c, no, d.BookNo, err)
		}
	}
	s.Close()
	// tiepnhan1 logged in after that backup was taken: the restored ledger does not know the
	// session, so she logs in again, as an official would after a restore.
	delete(testSessions[dir], "tiepnhan1")
	loginAs(t, dir, "tiepnhan1", store.DemoPasswords["tiepnhan1"])
	nextOut, code := receiveOne(t, dir, "tiepnhan1", "Trần Văn Sau")
	var next receiveResult
	if err := json.Unmarshal([]byte(nextOut), &next); code != 0 || err != nil {
		t.Fatalf("next intake: %d %s", code, nextOut)
	}
	for c, no := range acked {
		if c == next.Code || no == next.BookNo {
			t.Errorf("the next intake reissued %s / book no %d", c, no)
		}
	}
	if out, _, code := motcua(t, dir, "check"); code != 0 {
		t.Errorf("check: %s", out)
	}
}

// A data folder the program may not write (read-only, or another user's) is named as a
// permission problem, never as a damaged ledger with restore advice.
func TestReadOnlyFolderIsNotCalledDamaged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildMotcua(t)
	root, err := os.MkdirTemp("", "motcua-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(root, 0o700); os.RemoveAll(root) })
	dir := filepath.Join(root, "data")
	if _, stderr, code := motcua(t, dir, "demo"); code != 0 {
		t.Fatal(stderr)
	}
	copyBin := filepath.Join(root, "motcua")
	b, _ := os.ReadFile(bin)
	os.WriteFile(copyBin, b, 0o755)
	os.Chmod(root, 0o755)
	os.Chmod(dir, 0o555)
	os.Chmod(filepath.Join(dir, "motcua.db"), 0o444)
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	for _, args := range [][]string{{"officials"}, {"check"}} {
		cmd := exec.Command(copyBin, append([]string{"-data", dir}, args...)...)
		if os.Geteuid() == 0 {
			// root writes anywhere: the program runs as an ordinary user, as at a counter.
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		out, err := cmd.CombinedOutput()
		text := string(out)
		if err == nil || strings.Contains(text, "HỎNG") || strings.Contains(text, "bị hỏng") || strings.Contains(text, "restore -yes") ||
			!(strings.Contains(text, "quyền") || strings.Contains(text, "chỉ cho đọc")) {
			t.Errorf("%v on a read-only folder: %v\n%s", args, err, text)
		}
	}
}
