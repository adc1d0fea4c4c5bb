package print

import (
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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

// word is a word pdftotext found, with its box in points.
type word struct {
	page                   int
	text                   string
	xMin, yMin, xMax, yMax float64
	pageW, pageH           float64
}

var (
	pageRe = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordRe = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// words lists every word of the PDF at path with its position (pdftotext -bbox).
func words(t *testing.T, path string) []word {
	t.Helper()
	need(t, "pdftotext")
	var out []word
	page, pw, ph := 0, 0.0, 0.0
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	for _, ln := range strings.Split(command(t, "pdftotext", "-bbox", path, "-"), "\n") {
		if m := pageRe.FindStringSubmatch(ln); m != nil {
			page, pw, ph = page+1, f(m[1]), f(m[2])
			continue
		}
		if m := wordRe.FindStringSubmatch(ln); m != nil {
			out = append(out, word{page: page, text: html.UnescapeString(m[5]), xMin: f(m[1]), yMin: f(m[2]), xMax: f(m[3]), yMax: f(m[4]), pageW: pw, pageH: ph})
		}
	}
	return out
}

// inside fails the test for any word that reaches into the page's outer
// margin mm (text that overflowed its column or fell off the page).
func inside(t *testing.T, path string, margin float64) {
	t.Helper()
	m := margin / 25.4 * 72
	for _, w := range words(t, path) {
		if w.xMin < m-0.5 || w.xMax > w.pageW-m+0.5 || w.yMin < 0 || w.yMax > w.pageH-m+0.5 {
			t.Errorf("page %d: %q at x %.1f–%.1f, y %.1f–%.1f pt leaves the %.0f mm margin of a %.0f × %.0f pt page",
				w.page, w.text, w.xMin, w.xMax, w.yMin, w.yMax, margin, w.pageW, w.pageH)
		}
	}
}

// pageSize is pdfinfo's "Page n size" line, e.g. "419.53 x 595.28 pts".
func pageSize(t *testing.T, path string, page int) string {
	t.Helper()
	need(t, "pdfinfo")
	n := strconv.Itoa(page)
	out := command(t, "pdfinfo", "-f", n, "-l", n, path)
	for _, ln := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(ln, "Page "+strings.Repeat(" ", 4-len(n))+n+" size:"); ok {
			return strings.Join(strings.Fields(v)[:4], " ")
		}
	}
	t.Fatalf("pdfinfo gave no size for page %d:\n%s", page, out)
	return ""
}

// scan renders page 1 at 200 dpi and returns what zbarimg reads on it
// ("QR-Code:…", "CODE-128:…" lines); it skips the test without zbarimg.
func scan(t *testing.T, path string) string {
	t.Helper()
	need(t, "pdftoppm")
	if _, err := exec.LookPath("zbarimg"); err != nil {
		t.Skip("zbarimg not installed (Debian: apt-get install zbar-tools): cannot decode the QR code and barcode")
	}
	img := filepath.Join(t.TempDir(), "p")
	command(t, "pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", path, img)
	return command(t, "zbarimg", "-q", img+".png")
}

// rawText is the text of the whole PDF in drawing order (pdftotext -raw),
// whitespace collapsed: a table cell's wrapped lines read as one run, where
// -layout would interleave them with the neighbouring cells.
func rawText(t *testing.T, path string) string {
	t.Helper()
	need(t, "pdftotext")
	return strings.Join(strings.Fields(command(t, "pdftotext", "-raw", path, "-")), " ")
}
