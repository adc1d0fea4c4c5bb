package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLocaleStartsClean runs the built binary as a minimal system starts it (LANG=C,
// C.UTF-8, POSIX, LC_ALL=C.UTF-8): nothing is written to stderr, in particular not Fyne's
// "Error parsing user locale C", which its lang package printed at init on every command.
func TestCLocaleStartsClean(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "motcua")
	if out, err := exec.Command("go", "build", "-tags", "ci", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	for _, env := range []string{"LANG=C", "LANG=C.UTF-8", "LANG=POSIX", "LC_ALL=C.UTF-8", "LANG=C.utf8"} {
		for _, args := range [][]string{{"demo"}, {"procedures"}} {
			cmd := exec.Command(bin, append([]string{"-data", dir}, args...)...)
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, env}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s motcua %s: %v\n%s", env, strings.Join(args, " "), err, stderr.String())
			}
			if stderr.Len() != 0 {
				t.Errorf("%s motcua %s writes to stderr:\n%s", env, strings.Join(args, " "), stderr.String())
			}
		}
	}
}
