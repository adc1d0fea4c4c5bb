package print

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/jung-kurt/gofpdf"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"motcua/assets"
)

// Fonts are embedded as simple 8-bit TrueType fonts, each TTF parsed and compressed once per
// process. gofpdf's UTF-8 route (AddUTF8FontFromBytes) parses every font again for each
// document, JSON-encodes and hashes its 65,536-entry width table and subsets and compresses it at
// output: two thirds of the time of a slip. The 8-bit route (AddFontFromBytes, the JSON
// definition and .z file that gofpdf's makefont writes, built here in memory from the same TTF)
// costs next to nothing per document; the price is that one 8-bit font reaches only codes
// 32–255. Plane 0 holds ASCII and the Vietnamese letters (all but five rare capitals), so nearly
// every string is drawn with one font; the other glyphs of the font are spread over further
// planes, registered as families "Serif1", "Serif2", ... over the same embedded font file,
// and drawCell draws a string as runs of planes. The font file is embedded whole (the Latin +
// Vietnamese subset, about 24 KB per style) instead of a per-document subset.
type fontPlanes struct {
	slot   [0x10000]slot // where each BMP rune is; plane 0 code 0: not in the font
	planes int
	defs   map[string][][]byte // style → JSON definition per plane
	files  map[string][]byte   // style → zlib-compressed TTF
}

type slot struct {
	plane uint8
	code  byte
}

var planes struct {
	once sync.Once
	p    *fontPlanes
	err  error
}

var styleFonts = []struct {
	style, psName string
	ttf           *[]byte
}{
	{regular, "MotCuaSerif-Regular", &assets.SerifRegular},
	{bold, "MotCuaSerif-Bold", &assets.SerifBold},
	{italic, "MotCuaSerif-Italic", &assets.SerifItalic},
}

// vietnamese lists the letters of plane 0 beyond ASCII: lower case first, then capitals with
// the tilde capitals last (the overflow goes to plane 1).
func vietnamese() []rune {
	const (
		lower = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
		upper = "ÀÁẢẠĂẰẮẲẶÂẦẤẨẬÈÉẺẸÊỀẾỂỆÌÍỈỊÒÓỎỌÔỒỐỔỘƠỜỚỞỢÙÚỦỤƯỪỨỬỰỲÝỶỴĐÃẼĨÕŨỸẴẪỄỖỠỮ"
	)
	return []rune(norm.NFC.String(lower + upper))
}

func fontSet() (*fontPlanes, error) {
	planes.once.Do(func() { planes.p, planes.err = buildPlanes() })
	return planes.p, planes.err
}

func buildPlanes() (*fontPlanes, error) {
	probe, err := newUTF8Doc("P", a5Size)
	if err != nil {
		return nil, err
	}
	fp := &fontPlanes{defs: map[string][][]byte{}, files: map[string][]byte{}}
	have, err := sfnt.Parse(assets.SerifRegular)
	if err != nil {
		return nil, err
	}
	var sb sfnt.Buffer
	inFont := func(r rune) bool {
		g, err := have.GlyphIndex(&sb, r)
		return err == nil && g != 0
	}
	var order []rune // plane 0 codes 127..255, then the other planes' runes
	inOrder := map[rune]bool{}
	for _, r := range vietnamese() {
		if inFont(r) && !inOrder[r] {
			order = append(order, r)
			inOrder[r] = true
		}
	}
	for r := rune(0xA0); r < 0x10000; r++ {
		if (r < 0xD800 || r >= 0xE000) && !inOrder[r] && inFont(r) {
			order = append(order, r)
			inOrder[r] = true
		}
	}
	for r := rune(32); r < 127; r++ {
		fp.slot[r] = slot{0, byte(r)}
	}
	// codes[p][c] is the rune at code c of plane p.
	codes := [][256]rune{{}}
	for r := rune(32); r < 127; r++ {
		codes[0][r] = r
	}
	p, c := 0, 127
	for _, r := range order {
		if c > 255 {
			p, c = p+1, 33
			codes = append(codes, [256]rune{})
		}
		codes[p][c] = r
		fp.slot[r] = slot{uint8(p), byte(c)}
		c++
	}
	fp.planes = len(codes)
	for _, sf := range styleFonts {
		var z bytes.Buffer
		zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		zw.Write(*sf.ttf)
		zw.Close()
		file := sf.psName + ".z"
		fp.files[sf.style] = z.Bytes()
		w := widths(sf.style)
		desc := probe.GetFontDesc(family, sf.style)
		for pl := range codes {
			var cw [256]int
			var diff strings.Builder
			last := -2
			for code := 32; code < 256; code++ {
				r := codes[pl][code]
				if r != 0 {
					cw[code] = int(w[r])
				} else {
					cw[code] = desc.MissingWidth
				}
				// Plane 0 keeps WinAnsi for ASCII; every other code is named by its rune.
				if r == 0 || (pl == 0 && code < 127) {
					continue
				}
				if code != last+1 {
					diff.WriteString(strconv.Itoa(code) + " ")
				}
				fmt.Fprintf(&diff, "/uni%04X ", r)
				last = code
			}
			def, err := json.Marshal(struct {
				Tp           string
				Name         string
				Desc         gofpdf.FontDescType
				Up, Ut       int
				Cw           []int
				Enc, Diff    string
				File         string
				OriginalSize int
			}{"TrueType", sf.psName, desc, -100, 50, cw[:], "motcua" + strconv.Itoa(pl), strings.TrimSpace(diff.String()),
				file, len(*sf.ttf)})
			if err != nil {
				return nil, err
			}
			fp.defs[sf.style] = append(fp.defs[sf.style], def)
		}
	}
	return fp, nil
}

// planeFamily is the gofpdf family name of a plane.
func planeFamily(p int) string {
	if p == 0 {
		return family
	}
	return family + strconv.Itoa(p)
}

// addFonts registers plane 0 of every style with the document; drawCell adds the other planes
// when a string needs them (gofpdf embeds only the fonts registered).
func (fp *fontPlanes) addFonts(pdf *gofpdf.Fpdf) {
	for _, sf := range styleFonts {
		fp.addPlane(pdf, 0, sf.style)
	}
}

// addPlane registers plane p of style; again is a map lookup in gofpdf.
func (fp *fontPlanes) addPlane(pdf *gofpdf.Fpdf, p int, style string) {
	pdf.AddFontFromBytes(planeFamily(p), style, fp.defs[style][p], fp.files[style])
}

// textRun is a piece of a string drawn with one plane's font, as that font's bytes.
type textRun struct {
	plane int
	text  string
	src   string // the same piece in UTF-8, for measuring
}

// encode splits s into runs of one plane each. Runes the font lacks become "?".
func (fp *fontPlanes) encode(s string) []textRun {
	var runs []textRun
	var b, src strings.Builder
	cur := -1
	flush := func() {
		if b.Len() > 0 {
			runs = append(runs, textRun{cur, b.String(), src.String()})
		}
		b.Reset()
		src.Reset()
	}
	for _, r := range s {
		sl := slot{0, '?'}
		if r < 0x10000 && fp.slot[r].code != 0 {
			sl = fp.slot[r]
		}
		if int(sl.plane) != cur {
			flush()
			cur = int(sl.plane)
		}
		b.WriteByte(sl.code)
		src.WriteRune(r)
	}
	flush()
	return runs
}

// drawCell draws s in style at size in a cell w × h at the current position, aligned "L", "C" or
// "R", and moves right by w, like gofpdf's CellFormat without borders.
func drawCell(pdf *gofpdf.Fpdf, style string, size, w, h float64, s, align string) {
	fp, err := fontSet()
	if err != nil || fp == nil {
		setFont(pdf, style, size)
		pdf.CellFormat(w, h, s, "", 0, align, false, 0, "")
		return
	}
	runs := fp.encode(s)
	if len(runs) <= 1 && (len(runs) == 0 || runs[0].plane == 0) {
		setFont(pdf, style, size)
		text := ""
		if len(runs) == 1 {
			text = runs[0].text
		}
		pdf.CellFormat(w, h, text, "", 0, align, false, 0, "")
		return
	}
	x, y := pdf.GetXY()
	tw := textWidth(style, size, s)
	lx := x
	switch align {
	case "C":
		lx += (w - tw) / 2
	case "R":
		lx += w - tw
	}
	for _, r := range runs {
		rw := textWidth(style, size, r.src)
		fp.addPlane(pdf, r.plane, style)
		pdf.SetFont(planeFamily(r.plane), style, size)
		pdf.SetXY(lx, y)
		pdf.CellFormat(rw, h, r.text, "", 0, "L", false, 0, "")
		lx += rw
	}
	// Back to plane 0: setFont cannot tell planes apart (same descriptor).
	pdf.SetFont(family, style, size)
	pdf.SetXY(x+w, y)
}
