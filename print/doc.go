package print

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"motcua/assets"
)

// family is the name the embedded Noto Sans subsets are registered under.
const family = "NotoSans"

// Font styles as gofpdf names them.
const (
	regular = ""
	bold    = "B"
	italic  = "I"
)

// newDoc starts a PDF in millimetres with the embedded fonts. gofpdf parses a
// UTF-8 font again for every document; the fonts are small subsets so that
// this stays cheap.
func newDoc(orientation string, size gofpdf.SizeType) (*gofpdf.Fpdf, error) {
	if defaultsErr != nil {
		return nil, defaultsErr
	}
	// gofpdf's "A5" is 148.5 mm wide; ISO A5 is 148 × 210.
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: orientation, UnitStr: "mm", Size: size})
	pdf.AddUTF8FontFromBytes(family, regular, assets.NotoSansRegular)
	pdf.AddUTF8FontFromBytes(family, bold, assets.NotoSansBold)
	pdf.AddUTF8FontFromBytes(family, italic, assets.NotoSansItalic)
	pdf.SetCellMargin(0)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetFont(family, regular, 10)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("không nạp được phông chữ: %w", err)
	}
	return pdf, nil
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
