package print

import (
	"github.com/jung-kurt/gofpdf"
)

// flow lays paragraphs, fixed blocks and table rows down a column, starting a
// follow-on page when one runs out. The same code measures (dry) and draws,
// so a form can try its densities and keep the first that fits one page.
type flow struct {
	pdf    *gofpdf.Fpdf
	x, w   float64 // the column
	y      float64 // where the next thing goes
	bottom float64 // lowest y a line may reach
	dry    bool    // measure only: nothing is drawn, page breaks are counted
	breaks int
	// cont starts a follow-on page and returns the y to continue from; nil
	// starts a bare page at the top margin.
	cont func() float64
	// head is the table whose header row repeats after a page break.
	head *table
	top  float64 // y where a follow-on page's content starts
}

// brk moves to a follow-on page.
func (f *flow) brk() {
	f.breaks++
	switch {
	case f.dry:
		f.y = marginTop
	case f.cont != nil:
		f.y = f.cont()
	default:
		f.pdf.AddPage()
		f.y = marginTop
	}
	if f.head != nil {
		f.y = f.head.drawHead(f, f.y)
	}
	f.top = f.y
}

// room breaks the page unless h mm are left.
func (f *flow) room(h float64) {
	if f.y+h > f.bottom+1e-6 {
		f.brk()
	}
}

// para prints p line by line; a long paragraph continues on the next page.
func (f *flow) para(p para) {
	f.y += p.before
	lh := lineHeight(p.size)
	for _, ln := range wrap(f.pdf, p, f.w) {
		f.room(lh)
		if !f.dry {
			drawLine(f.pdf, ln, p.align, p.size, f.x, f.y, f.w)
		}
		f.y += lh
	}
}

// block reserves h mm on one page (moving to the next if needed) and draws
// into it with draw(y), y being the block's top.
func (f *flow) block(h float64, draw func(y float64)) {
	f.room(h)
	if !f.dry {
		draw(f.y)
	}
	f.y += h
}

// signature is one signature block: a title, the hint "(Ký và ghi rõ họ
// tên)", room for the hand signature, and the printed name.
type signature struct {
	title, hint, name string
}

// signatures prints blocks side by side across the column, kept together on
// one page. room is the space left for the hand signatures, in mm.
func (f *flow) signatures(size, room float64, sigs ...signature) {
	if len(sigs) == 0 {
		return
	}
	cw := f.w / float64(len(sigs))
	col := func(s signature) []para {
		ps := []para{{runs: []run{{style: bold, text: s.title}}, align: "C", balance: true, size: size}}
		if s.hint != "" {
			ps = append(ps, para{runs: []run{{style: italic, text: s.hint}}, align: "C", balance: true, size: size - 0.5})
		}
		if s.name != "" {
			ps = append(ps, para{runs: []run{{style: bold, text: s.name}}, align: "C", balance: true, size: size, before: room})
		}
		return ps
	}
	h := 0.0
	for _, s := range sigs {
		hh := 0.0
		for _, p := range col(s) {
			hh += height(f.pdf, p, cw)
		}
		if s.name == "" {
			hh += room
		}
		h = max(h, hh)
	}
	f.block(h, func(y float64) {
		for i, s := range sigs {
			yy := y
			for _, p := range col(s) {
				yy = drawPara(f.pdf, p, f.x+float64(i)*cw, yy, cw)
			}
		}
	})
}

// fitFlow returns the first density (see fits) at which body (from y, on a page whose
// lines may reach bottom) fits without a page break, else the smallest.
func fitFlow(pdf *gofpdf.Fpdf, x, y, w, bottom float64, body func(f *flow, d fit)) fit {
	for _, d := range fits {
		f := &flow{pdf: pdf, x: x, w: w, y: y, bottom: bottom, dry: true}
		body(f, d)
		if f.breaks == 0 {
			return d
		}
	}
	return fits[len(fits)-1]
}
