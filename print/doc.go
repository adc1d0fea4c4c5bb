package print

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"motcua/assets"
)

// family is the name the embedded serif subsets are registered under.
const family = "Serif"

// Font styles as gofpdf names them.
const (
	regular = ""
	bold    = "B"
	italic  = "I"
)

// newDoc starts a PDF in millimetres with the embedded fonts, as 8-bit
// planes parsed once per process (fonts.go); if they cannot be built, with
// gofpdf's UTF-8 fonts, which are parsed again for every document.
func newDoc(orientation string, size gofpdf.SizeType) (*gofpdf.Fpdf, error) {
	fp, err := fontSet()
	if err != nil || fp == nil {
		return newUTF8Doc(orientation, size)
	}
	if defaultsErr != nil {
		return nil, defaultsErr
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: size})
	fp.addFonts(pdf)
	return ready(pdf)
}

// newUTF8Doc starts a PDF with gofpdf's UTF-8 fonts: the width tables and
// the 8-bit planes are read from it.
func newUTF8Doc(orientation string, size gofpdf.SizeType) (*gofpdf.Fpdf, error) {
	if defaultsErr != nil {
		return nil, defaultsErr
	}
	// gofpdf's "A5" is 148.5 mm wide; ISO A5 is 148 × 210.
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: size})
	pdf.AddUTF8FontFromBytes(family, regular, assets.SerifRegular)
	pdf.AddUTF8FontFromBytes(family, bold, assets.SerifBold)
	pdf.AddUTF8FontFromBytes(family, italic, assets.SerifItalic)
	return ready(pdf)
}

func ready(pdf *gofpdf.Fpdf) (*gofpdf.Fpdf, error) {
	pdf.SetCellMargin(0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetFont(family, regular, 10)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("không nạp được phông chữ: %w", err)
	}
	return pdf, nil
}

// A4 in mm, and the margins of the A4 documents (handover list, book).
const (
	a4W, a4H = 210.0, 297.0
	a4Margin = 10.0
)

var a4Size = gofpdf.SizeType{Wd: a4W, Ht: a4H}

// pageFooter numbers every page "Trang x/y" at the right of the bottom margin
// (y via gofpdf's page-count alias) with note at the left. It must be set
// before the first page is added.
func pageFooter(pdf *gofpdf.Fpdf, l Labels, key, note string) {
	const alias = "{nb}"
	pdf.AliasNbPages(alias)
	pdf.SetFooterFunc(func() {
		pw, ph := pdf.GetPageSize()
		y := ph - a4Margin + 2
		pdf.SetXY(a4Margin, y)
		drawCell(pdf, italic, 7, pw-2*a4Margin, 3, note, "L")
		pdf.SetXY(a4Margin, y)
		drawCell(pdf, italic, 7, pw-2*a4Margin, 3, l.fill(key, "page", strconv.Itoa(pdf.PageNo()), "pages", alias), "R")
	})
}

// formNo prints the form's number ("Mẫu số 07") at the top right of every page of an A4
// document. It must be set before the first page is added.
func formNo(pdf *gofpdf.Fpdf, text string, x, w float64) {
	if text == "" {
		return
	}
	pdf.SetHeaderFunc(func() {
		x0, y0 := pdf.GetXY()
		drawFormNo(pdf, text, x, w)
		pdf.SetXY(x0, y0)
	})
}

// finish writes the document out.
func finish(pdf *gofpdf.Fpdf) ([]byte, error) {
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("không tạo được tệp PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// clean makes user text safe to draw: NFC (the fonts have no mark
// positioning, so only precomposed letters look right), control characters
// and line breaks become spaces, runs of spaces collapse, and characters
// outside the Basic Multilingual Plane (emoji...) become "?" because gofpdf
// indexes its width table by rune and would panic on them.
func clean(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u00a0': // a no-break space stays: it keeps "01 bản" on one line
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = true
			continue
		case r > 0xFFFF || r == unicode.ReplacementChar:
			r = '?'
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
