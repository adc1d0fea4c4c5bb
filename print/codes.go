package print

import (
	"fmt"
	"strings"
	"sync"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/code128"
	"github.com/boombuler/barcode/qr"
	"github.com/jung-kurt/gofpdf"
)

// The codes are drawn as vector rectangles filled in one operation rather
// than as images (gofpdf's contrib/barcode embeds a JPEG, whose blur and
// resampling hurt scanning): crisp at any printer resolution, no seams
// between modules, and no package-level image cache growing per dossier.

// drawCodeBand prints the band every slip carries under its title: "{label}
// {code}" over the code's Code 128 barcode, the QR code at the right, in the
// column [x, x+w] from y. It returns the y below the band.
func drawCodeBand(pdf *gofpdf.Fpdf, label, code string, x, y, w float64) (float64, error) {
	top := y + 1.5
	textW := w - qrSize - 4
	y = drawPara(pdf, para{runs: []run{{style: regular, text: label + " "}, {style: bold, text: code}}, size: 10.5, before: 2.5}, x, top, textW)
	module := min(0.33, textW/code128Width(code, 1))
	if _, err := drawCode128(pdf, code, x, y+1.2, module, 8); err != nil {
		return 0, err
	}
	if err := drawQR(pdf, code, x+w-qrSize, top, qrSize); err != nil {
		return 0, err
	}
	return max(y+1.2+8, top+qrSize) + 1.5, nil
}

// drawQR draws code as a QR code (level M) size mm wide with its top-left at
// (x, y). The caller leaves a quiet zone of white around it.
func drawQR(pdf *gofpdf.Fpdf, code string, x, y, size float64) error {
	bc, err := encodeQR(code)
	if err != nil {
		return fmt.Errorf("không tạo được mã QR cho %q: %w", code, err)
	}
	n := bc.Bounds().Dx()
	m := size / float64(n)
	fillModules(pdf, bc, x, y, m, m, n, bc.Bounds().Dy())
	return nil
}

// lastQR is the last code encoded: the two copies of a slip carry the same code, and encoding
// (which scores all eight masks) was a sixth of a slip's time. One entry: it never grows.
var lastQR struct {
	sync.Mutex
	code string
	bc   barcode.Barcode
}

func encodeQR(code string) (barcode.Barcode, error) {
	lastQR.Lock()
	defer lastQR.Unlock()
	if lastQR.bc != nil && lastQR.code == code {
		return lastQR.bc, nil
	}
	bc, err := qr.Encode(code, qr.M, qr.Auto)
	if err != nil {
		return nil, err
	}
	lastQR.code, lastQR.bc = code, bc
	return bc, nil
}

// drawCode128 draws code as a Code 128 barcode with bars h mm high and
// modules module mm wide, top-left at (x, y); it returns the width drawn.
func drawCode128(pdf *gofpdf.Fpdf, code string, x, y, module, h float64) (float64, error) {
	bc, err := code128.Encode(code)
	if err != nil {
		return 0, fmt.Errorf("không tạo được mã vạch cho %q: %w", code, err)
	}
	n := bc.Bounds().Dx()
	fillModules(pdf, bc, x, y, module, h, n, 1)
	return float64(n) * module, nil
}

// code128Width is the width drawCode128 would use.
func code128Width(code string, module float64) float64 {
	bc, err := code128.Encode(code)
	if err != nil {
		return 0
	}
	return float64(bc.Bounds().Dx()) * module
}

// fillModules fills the dark modules of bc (cols × rows, each mw × mh mm) as
// one path of horizontal runs.
func fillModules(pdf *gofpdf.Fpdf, bc barcode.Barcode, x, y, mw, mh float64, cols, rows int) {
	k := pdf.GetConversionRatio()
	_, pageH := pdf.GetPageSize()
	b := bc.Bounds()
	var sb strings.Builder
	dark := func(c, r int) bool {
		cr, _, _, _ := bc.At(b.Min.X+c, b.Min.Y+r).RGBA()
		return cr < 0x8000
	}
	for r := range rows {
		for c := 0; c < cols; {
			if !dark(c, r) {
				c++
				continue
			}
			start := c
			for c < cols && dark(c, r) {
				c++
			}
			// PDF space: origin bottom-left, points.
			fmt.Fprintf(&sb, "%.3f %.3f %.3f %.3f re ",
				(x+float64(start)*mw)*k, (pageH-(y+float64(r+1)*mh))*k,
				float64(c-start)*mw*k, mh*k)
		}
	}
	pdf.SetFillColor(0, 0, 0)
	pdf.RawWriteStr("q 0 g " + sb.String() + "f Q")
}
