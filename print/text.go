package print

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// run is a piece of text in one style ("", "B" or "I").
type run struct {
	style string
	text  string
	pad   float64 // extra space before the run, in mm (a gap between fields on one line)
}

// para is a paragraph laid out by wrap: mixed-style runs, wrapped at word
// boundaries, first line at indent, further lines at hang (both relative to
// the left edge of the column).
type para struct {
	runs         []run
	align        string // "L", "C" or "R"
	balance      bool   // wrapped lines made about equally long (for centred headings)
	indent, hang float64
	size         float64 // font size in points
	before       float64 // space above, in mm
}

// seg is a same-style piece of one laid-out line.
type seg struct {
	style string
	text  string
	w     float64 // including pad
	pad   float64 // blank space before the text
}

type line struct {
	x    float64 // offset from the column's left edge
	segs []seg
	w    float64
}

// lineHeight is the leading for a font size, in mm.
func lineHeight(size float64) float64 { return size * 0.3528 * 1.25 }

// wrap lays p out in a column w mm wide. The same lines are used to measure
// and to draw, so what is measured is exactly what is printed.
func wrap(pdf *gofpdf.Fpdf, p para, w float64) []line {
	lines := wrapGreedy(pdf, p, w)
	if !p.balance || len(lines) < 2 {
		return lines
	}
	// Narrow the column while the line count holds, so that a heading breaks
	// as "BỘ PHẬN TIẾP NHẬN / VÀ TRẢ KẾT QUẢ" rather than leaving one word alone;
	// never below the longest word, which would then be cut ("Trướ/c hạn").
	best := lines
	longest := longestWord(p)
	for nw := w - 1; nw > w/2 && nw >= longest; nw-- {
		l := wrapGreedy(pdf, p, nw)
		if len(l) != len(lines) {
			break
		}
		best = l
	}
	return best
}

// words splits text at plain spaces only: a no-break space (U+00A0) keeps "01 bản" together.
func splitWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
}

// unbreak draws a word's no-break spaces as spaces (the same width).
func unbreak(t string) string { return strings.ReplaceAll(t, "\u00a0", " ") }

// longestWord is the width of p's widest word, in mm.
func longestWord(p para) float64 {
	m := 0.0
	for _, r := range p.runs {
		for _, t := range splitWords(r.text) {
			m = max(m, textWidth(r.style, p.size, unbreak(t)))
		}
	}
	return m
}

// fitWords makes p's type smaller, down to 5 pt, until its longest word fits w: a narrow table
// column gets smaller type rather than a word cut in two ("(tha/ng 6)").
func fitWords(p para, w float64) para {
	for p.size > 5 && longestWord(p) > w+1e-6 {
		p.size -= 0.25
	}
	return p
}

func wrapGreedy(pdf *gofpdf.Fpdf, p para, w float64) []line {
	type word struct {
		style, text string
		w, space    float64 // width; width of a space before it
		pad         float64 // extra blank before it
		glue        bool    // no space before (continues the previous word)
	}
	var words []word
	endSpace := true
	for _, r := range p.runs {
		sp := textWidth(r.style, p.size, " ")
		text := r.text
		lead := strings.HasPrefix(text, " ") || endSpace
		endSpace = strings.HasSuffix(text, " ")
		for i, t := range splitWords(text) {
			t = unbreak(t)
			wd := word{style: r.style, text: t, w: textWidth(r.style, p.size, t), space: sp, glue: i == 0 && !lead && r.pad == 0}
			if i == 0 {
				wd.pad = r.pad
			}
			words = append(words, wd)
		}
	}
	var lines []line
	cur := line{x: p.indent}
	avail := func() float64 { return w - cur.x }
	push := func() {
		lines = append(lines, cur)
		cur = line{x: p.hang}
	}
	add := func(wd word, withSpace bool) {
		n := len(cur.segs)
		if withSpace && wd.pad > 0 {
			cur.segs = append(cur.segs, seg{style: wd.style, text: " " + wd.text, w: wd.pad + wd.space + wd.w, pad: wd.pad})
			cur.w += wd.pad + wd.space + wd.w
			return
		}
		if withSpace && n > 0 && cur.segs[n-1].style == wd.style {
			cur.segs[n-1].text += " " + wd.text
			cur.segs[n-1].w += wd.space + wd.w
			cur.w += wd.space + wd.w
			return
		}
		t, ww := wd.text, wd.w
		if withSpace {
			t, ww = " "+t, ww+wd.space
		}
		if !withSpace && n > 0 && cur.segs[n-1].style == wd.style {
			cur.segs[n-1].text += t
			cur.segs[n-1].w += ww
		} else {
			cur.segs = append(cur.segs, seg{style: wd.style, text: t, w: ww})
		}
		cur.w += ww
	}
	for _, wd := range words {
		withSpace := len(cur.segs) > 0 && !wd.glue
		need := wd.w
		if withSpace {
			need += wd.space + wd.pad
		}
		if cur.w+need <= avail()+1e-6 {
			add(wd, withSpace)
			continue
		}
		if len(cur.segs) > 0 {
			push()
		}
		// A word longer than a whole line is cut where it overflows.
		if wd.w > avail()+1e-6 {
			rs := []rune(wd.text)
			for start := 0; ; {
				cut, acc := start, 0.0
				for cut < len(rs) {
					cw := runeWidth(wd.style, p.size, rs[cut])
					if acc+cw > avail() && cut > start {
						break
					}
					acc += cw
					cut++
				}
				if cut == len(rs) {
					wd.text, wd.w = string(rs[start:]), acc
					break
				}
				add(word{style: wd.style, text: string(rs[start:cut]), w: acc}, false)
				push()
				start = cut
			}
		}
		add(wd, false)
	}
	if len(cur.segs) > 0 || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// glyphWidths holds each style's advance width of every BMP rune, in
// 1/1000 em, read once from gofpdf itself so that what wrap measures is
// exactly what gofpdf draws. Measuring without gofpdf avoids SetFont, which
// in gofpdf 1.16.2 writes a font change into the page every time it is
// called, changed or not: measuring used to be most of a book page's bytes.
var glyphWidths struct {
	once sync.Once
	w    map[string]*[0x10000]uint16
}

func widths(style string) *[0x10000]uint16 {
	glyphWidths.once.Do(func() {
		glyphWidths.w = map[string]*[0x10000]uint16{}
		pdf, err := newUTF8Doc("P", a5Size)
		if err != nil {
			return // newDoc reports the same error to every form
		}
		for _, st := range []string{regular, bold, italic} {
			pdf.SetFont(family, st, 10)
			t := new([0x10000]uint16)
			var buf [4]byte
			for r := range rune(0x10000) {
				if r >= 0xD800 && r < 0xE000 {
					continue // surrogates are not runes of any string
				}
				n := utf8.EncodeRune(buf[:], r)
				t[r] = uint16(pdf.GetStringSymbolWidth(string(buf[:n])))
			}
			glyphWidths.w[st] = t
		}
	})
	if t := glyphWidths.w[style]; t != nil {
		return t
	}
	return new([0x10000]uint16)
}

// textWidth is the width of s in style at size points, in mm. clean keeps
// text inside the BMP.
func textWidth(style string, size float64, s string) float64 {
	t := widths(style)
	w := 0
	for _, r := range s {
		if r < 0x10000 {
			w += int(t[r])
		}
	}
	return float64(w) * size / 1000 * 25.4 / 72
}

func runeWidth(style string, size float64, r rune) float64 {
	if r >= 0x10000 {
		return 0
	}
	return float64(widths(style)[r]) * size / 1000 * 25.4 / 72
}

// setFont selects the style and size unless they already are: gofpdf 1.16.2
// writes every SetFont into the page.
func setFont(pdf *gofpdf.Fpdf, style string, size float64) {
	if pt, _ := pdf.GetFontSize(); pt == size && pdf.GetFontDesc("", "") == pdf.GetFontDesc(family, style) {
		return
	}
	pdf.SetFont(family, style, size)
}

// height is the space p takes in a column w mm wide.
func height(pdf *gofpdf.Fpdf, p para, w float64) float64 {
	return p.before + float64(len(wrap(pdf, p, w)))*lineHeight(p.size)
}

// drawLine prints one laid-out line with its top at y in the column [x, x+w].
func drawLine(pdf *gofpdf.Fpdf, ln line, align string, size, x, y, w float64) {
	lx := x + ln.x
	switch align {
	case "C":
		lx = x + ln.x + (w-ln.x-ln.w)/2
	case "R":
		lx = x + w - ln.w
	}
	lh := lineHeight(size)
	for _, s := range ln.segs {
		pdf.SetXY(lx+s.pad, y)
		drawCell(pdf, s.style, size, s.w-s.pad, lh, s.text, "L")
		lx += s.w
	}
}

// drawPara prints p in the column [x, x+w] from y and returns the y below it.
func drawPara(pdf *gofpdf.Fpdf, p para, x, y, w float64) float64 {
	y += p.before
	for _, ln := range wrap(pdf, p, w) {
		drawLine(pdf, ln, p.align, p.size, x, y, w)
		y += lineHeight(p.size)
	}
	return y
}
