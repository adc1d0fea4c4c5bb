package print

import (
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"motcua/assets"
)

// vietnameseLetters are the 134 letters beyond plain ASCII: a e i o u y with
// 5 tone marks, ă â ê ô ơ ư bare and with 5 tone marks, and đ — 67 in lower
// case and 67 in upper case.
func vietnameseLetters() []string {
	bases := []string{"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"}
	tones := []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
	var out []string
	for _, up := range []bool{false, true} {
		for _, b := range bases {
			for _, tone := range tones {
				l := norm.NFC.String(b + tone)
				if l == "a" || l == "e" || l == "i" || l == "o" || l == "u" || l == "y" {
					continue // plain ASCII vowels are not Vietnamese-specific
				}
				if up {
					l = strings.ToUpper(l)
				}
				out = append(out, l)
			}
		}
		if up {
			out = append(out, "Đ")
		} else {
			out = append(out, "đ")
		}
	}
	return out
}

// TestFontsCoverVietnamese: each embedded font has a real glyph (not the
// missing-glyph box) for every Vietnamese letter, the đồng sign and "№".
func TestFontsCoverVietnamese(t *testing.T) {
	letters := vietnameseLetters()
	if len(letters) != 134 {
		t.Fatalf("built %d letters, want 134", len(letters))
	}
	fonts := map[string][]byte{"Regular": assets.SerifRegular, "Bold": assets.SerifBold, "Italic": assets.SerifItalic}
	for name, data := range fonts {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf sfnt.Buffer
		for _, l := range append(letters, "₫", "№", "–", "…", "“", "”") {
			r := []rune(l)[0]
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				t.Errorf("%s has no glyph for %q (U+%04X)", name, l, r)
			}
		}
	}
}

// TestFontsDrawVietnamese: gofpdf accepts the fonts and every letter reads
// back from the PDF in each style.
func TestFontsDrawVietnamese(t *testing.T) {
	pdf, err := newDoc("P", a5Size)
	if err != nil {
		t.Fatal(err)
	}
	letters := strings.Join(vietnameseLetters(), " ")
	pdf.AddPage()
	y := 10.0
	for _, st := range []string{regular, bold, italic} {
		y = drawPara(pdf, para{runs: []run{{style: st, text: letters}}, size: 10}, 10, y, 128) + 4
	}
	b, err := finish(pdf)
	if err != nil {
		t.Fatal(err)
	}
	// pdftotext may drop the narrow spaces between single letters: compare
	// without any spaces.
	text := strings.ReplaceAll(pageText(t, writePDF(t, b), 1), " ", "")
	if got := strings.Count(text, strings.ReplaceAll(letters, " ", "")); got != 3 {
		t.Fatalf("the 134 letters read back %d times, want 3 (one per style)\n--- text:\n%s", got, text)
	}
}

// TestFontPlanesMixed: a line mixing plane-0 letters with glyphs of the other
// 8-bit planes (rare capitals, typographic punctuation, ₫) reads back whole,
// right-aligned text ends at the cell's right edge, and each style's font
// file is embedded once however many planes used it.
func TestFontPlanesMixed(t *testing.T) {
	pdf, err := newDoc("P", a5Size)
	if err != nil {
		t.Fatal(err)
	}
	s := "Lệ phí “ẴN” – 50.000 ₫ … № 7 ± Ỡ"
	pdf.AddPage()
	for i, st := range []string{regular, bold, italic} {
		pdf.SetXY(10, 20+float64(i)*10)
		drawCell(pdf, st, 11, 120, 6, s, "R")
	}
	b, err := finish(pdf)
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, b)
	if got := strings.Count(pageText(t, path, 1), s); got != 3 {
		t.Errorf("%q read back %d times, want 3:\n%s", s, got, pageText(t, path, 1))
	}
	if n := strings.Count(string(b), "/Length1 "); n != 3 {
		t.Errorf("%d embedded font files, want one per style (3)", n)
	}
	// The last glyph's right edge sits at x = 130 mm (368.5 pt).
	for _, w := range words(t, path) {
		if w.text == "Ỡ" && (w.xMax < 366 || w.xMax > 369.5) {
			t.Errorf("right-aligned line ends at %.1f pt, want 368.5", w.xMax)
		}
	}
}
