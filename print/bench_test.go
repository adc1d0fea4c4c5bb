package print

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// BenchmarkSlips is Mẫu 01 slips per second (fonts parsed once per process, fonts.go) against
// the plain limit of gofpdf itself: an A5 page with the same text, folded to ASCII, in the core
// Helvetica font (nothing to embed, nothing to parse) and no codes. Reports both rates and
// real/limit time.
func BenchmarkSlips(b *testing.B) {
	r := sample()
	one, err := ReceiptPDF(r)
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "slip.pdf")
	if err := os.WriteFile(path, one, 0o600); err != nil {
		b.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		b.Fatal("pdftotext: ", err)
	}
	text := string(out)
	ascii, _, _ := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), text)
	ascii = strings.Map(func(r rune) rune {
		if r > 126 {
			return '?'
		}
		return r
	}, ascii)
	lines := strings.Split(ascii, "\n")
	var real, limit time.Duration
	for b.Loop() {
		t0 := time.Now()
		if _, err := ReceiptPDF(r); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		pdf := gofpdf.New("P", "mm", "A5", "")
		pdf.AddPage()
		pdf.SetFont("Helvetica", "", 10)
		for i, ln := range lines {
			pdf.SetXY(10, 10+float64(i%45)*4)
			pdf.CellFormat(128, 4, ln, "", 0, "L", false, 0, "")
		}
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			b.Fatal(err)
		}
		real += t1.Sub(t0)
		limit += time.Since(t1)
	}
	b.ReportMetric(float64(b.N)/real.Seconds(), "slips/s")
	b.ReportMetric(float64(b.N)/limit.Seconds(), "limit-slips/s")
	b.ReportMetric(real.Seconds()/limit.Seconds(), "real/limit")
}
