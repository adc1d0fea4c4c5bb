//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeLP puts an lp on PATH that records its arguments, one per line.
func fakeLP(t *testing.T) (argsFile string) {
	t.Helper()
	bin := t.TempDir()
	argsFile = filepath.Join(bin, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\" >> '" + argsFile + "'; done\n"
	if err := os.WriteFile(filepath.Join(bin, "lp"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return argsFile
}

func TestPrintTest(t *testing.T) {
	dir := demoFolder(t)
	args := fakeLP(t)
	out, stderr, code := motcua(t, dir, "printtest", "-printer", "Quay_2", "-paper", "A4")
	if code != 0 {
		t.Fatalf("printtest: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(args)
	if err != nil {
		t.Fatalf("lp was not run: %v", err)
	}
	got := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(got) != 5 || got[0] != "-d" || got[1] != "Quay_2" || got[2] != "-o" || got[3] != "media=A4" || !strings.HasSuffix(got[4], "trang-in-thu-A4.pdf") {
		t.Fatalf("lp got %q, want -d Quay_2 -o media=A4 …/trang-in-thu-A4.pdf", got)
	}
	if !strings.Contains(out, "Đã gửi trang in thử A4") {
		t.Errorf("output %q does not say the page was sent", out)
	}

	pdf := filepath.Join(t.TempDir(), "thu.pdf")
	if _, stderr, code := motcua(t, dir, "printtest", "-o", pdf); code != 0 {
		t.Fatalf("printtest -o: exit %d: %s", code, stderr)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Errorf("printtest -o wrote no PDF: %v", err)
	}

	if _, stderr, code := motcua(t, dir, "printtest", "-paper", "Letter"); code != 2 || !strings.Contains(stderr, "A5 hoặc A4") {
		t.Errorf("printtest -paper Letter: exit %d, %q; want 2 naming A5 or A4", code, stderr)
	}
}
