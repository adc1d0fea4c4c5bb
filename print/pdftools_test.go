package print

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The tests read the slips back the way a person or a scanner would, with
// poppler-utils (pdftotext, pdfinfo, pdftoppm) and zbar-tools (zbarimg).

func need(t *testing.T, tool string) {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is needed to check the PDF (Debian: apt-get install poppler-utils): %v", tool, err)
	}
}

// writePDF saves b in a temporary folder and returns its path.
func writePDF(t *testing.T, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "slip.pdf")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func command(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s %v: %v %s", name, args, err, msg)
	}
	return string(out)
}

// pageText is pdftotext -layout of one page (1-based), all whitespace
// collapsed to single spaces so that wrapped values read as one line.
func pageText(t *testing.T, path string, page int) string {
	t.Helper()
	need(t, "pdftotext")
	n := strconv.Itoa(page)
	return strings.Join(strings.Fields(command(t, "pdftotext", "-layout", "-f", n, "-l", n, path, "-")), " ")
}

// pages is the page count pdfinfo reports.
func pages(t *testing.T, path string) int {
	t.Helper()
	need(t, "pdfinfo")
	for _, ln := range strings.Split(command(t, "pdfinfo", path), "\n") {
		if v, ok := strings.CutPrefix(ln, "Pages:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil {
				t.Fatalf("pdfinfo page count %q: %v", v, err)
			}
			return n
		}
	}
	t.Fatal("pdfinfo gave no page count")
	return 0
}
