package print

import (
	"github.com/jung-kurt/gofpdf"
)

// table is a ruled table laid out by a flow: a header row (optionally with
// group headings over several columns, as "Số lượng" on Mẫu 02 and "Ngày,
// tháng, năm" on Mẫu 06) repeated after every page break, and rows whose cells
// wrap. A row moves whole to the next page when it fits there; a row taller
// than a page is cut between lines.
type table struct {
	widths   []float64 // column widths, mm
	head     []hcell
	headSize float64 // font size of the headings
	pad      float64 // inner margin of a cell, mm
}

// hcell is one heading: over a single column, or, with sub, a group heading
// over len(sub) columns that carry their own headings below it.
type hcell struct {
	text string
	sub  []string
}

// cell is the content of one table cell, its parts stacked top to bottom.
type cell []part

// part is a paragraph across the cell or, with side, two paragraphs side by
// side (the giver's and receiver's signatures of Mẫu 05).
type part struct {
	p    para
	side *para
}

// textCell is a cell of one paragraph.
func textCell(style, text string, size float64, align string) cell {
	return cell{{p: para{runs: []run{{style: style, text: text}}, size: size, align: align}}}
}

// slice is a piece of a cell that is never cut across pages: one line, or a
// side-by-side pair.
type slice struct {
	h    float64
	draw func(x, y float64)
}

func layoutCell(pdf *gofpdf.Fpdf, c cell, w float64) []slice {
	var out []slice
	for _, pt := range c {
		if pt.side == nil {
			p := fitWords(pt.p, w)
			lh := lineHeight(p.size)
			for i, ln := range wrap(pdf, p, w) {
				h, off := lh, 0.0
				if i == 0 {
					h, off = lh+p.before, p.before
				}
				out = append(out, slice{h: h, draw: func(x, y float64) { drawLine(pdf, ln, p.align, p.size, x, y+off, w) }})
			}
			continue
		}
		half := w / 2
		l, r := pt.p, *pt.side
		h := max(height(pdf, l, half), height(pdf, r, half))
		out = append(out, slice{h: h, draw: func(x, y float64) {
			drawPara(pdf, l, x, y, half)
			drawPara(pdf, r, x+half, y, half)
		}})
	}
	return out
}

func sumH(ss []slice) float64 {
	h := 0.0
	for _, s := range ss {
		h += s.h
	}
	return h
}

// headPara is a heading's paragraph in a column w mm wide (inside the padding): smaller type
// when a word would not fit.
func (t *table) headPara(text string, w float64) para {
	return fitWords(para{runs: []run{{style: bold, text: text}}, align: "C", balance: true, size: t.headSize}, w)
}

// drawHead prints the header row at y (or only measures it in a dry flow)
// and returns the y below it.
func (t *table) drawHead(f *flow, y float64) float64 {
	pdf := f.pdf
	inner := func(w float64) float64 { return w - 2*t.pad }
	hh := func(text string, w float64) float64 {
		return height(pdf, t.headPara(text, inner(w)), inner(w)) + 2*t.pad
	}
	topH, subH, total := 0.0, 0.0, 0.0
	col := 0
	for _, h := range t.head {
		if len(h.sub) == 0 {
			total = max(total, hh(h.text, t.widths[col]))
			col++
			continue
		}
		gw := 0.0
		for i, s := range h.sub {
			gw += t.widths[col+i]
			subH = max(subH, hh(s, t.widths[col+i]))
		}
		topH = max(topH, hh(h.text, gw))
		col += len(h.sub)
	}
	total = max(total, topH+subH)
	subH = total - topH
	if f.dry {
		return y + total
	}
	pdf.SetLineWidth(0.2)
	box := func(text string, x, y, w, h float64) {
		pdf.Rect(x, y, w, h, "D")
		p := t.headPara(text, inner(w))
		drawPara(pdf, p, x+t.pad, y+(h-height(pdf, p, inner(w)))/2, inner(w))
	}
	x := f.x
	col = 0
	for _, h := range t.head {
		if len(h.sub) == 0 {
			box(h.text, x, y, t.widths[col], total)
			x += t.widths[col]
			col++
			continue
		}
		gx, gw := x, 0.0
		for i, s := range h.sub {
			w := t.widths[col+i]
			box(s, x, y+topH, w, subH)
			x += w
			gw += w
		}
		box(h.text, gx, y, gw, topH)
		col += len(h.sub)
	}
	return y + total
}

// rowHeight is the height row would give cells when not cut.
func (t *table) rowHeight(f *flow, cells []cell, minH float64) float64 {
	h := 0.0
	for i, c := range cells {
		h = max(h, sumH(layoutCell(f.pdf, c, t.widths[i]-2*t.pad)))
	}
	return max(h+2*t.pad, minH)
}

// row prints one table row of cells, at least minH mm high when it is not cut.
func (f *flow) row(t *table, cells []cell, minH float64) {
	rest := make([][]slice, len(cells))
	for i, c := range cells {
		rest[i] = layoutCell(f.pdf, c, t.widths[i]-2*t.pad)
	}
	started := false
	for {
		h := 0.0
		for _, r := range rest {
			h = max(h, sumH(r))
		}
		h += 2 * t.pad
		if !started {
			h = max(h, minH)
		}
		if f.y+h <= f.bottom+1e-6 {
			f.drawRow(t, rest, h)
			f.y += h
			return
		}
		// Move the row whole to a fresh page when the page already holds
		// something; only a row taller than a page is cut.
		if !started && f.y > f.top+1e-6 {
			f.brk()
			continue
		}
		avail := f.bottom - f.y - 2*t.pad
		now := make([][]slice, len(rest))
		took := false
		for i, r := range rest {
			acc, n := 0.0, 0
			for n < len(r) && acc+r[n].h <= avail+1e-6 {
				acc += r[n].h
				n++
			}
			if n == 0 && len(r) > 0 && !took && f.y <= f.top+1e-6 {
				n = 1 // a slice taller than a page: print it anyway rather than loop
			}
			now[i], rest[i] = r[:n], r[n:]
			took = took || n > 0
		}
		part := 0.0
		for _, r := range now {
			part = max(part, sumH(r))
		}
		f.drawRow(t, now, part+2*t.pad)
		f.y += part + 2*t.pad
		started = true
		f.brk()
	}
}

// drawRow rules the cells h mm high at the flow's y and prints their slices.
func (f *flow) drawRow(t *table, cells [][]slice, h float64) {
	if f.dry {
		return
	}
	f.pdf.SetLineWidth(0.2)
	x := f.x
	for i, ss := range cells {
		f.pdf.Rect(x, f.y, t.widths[i], h, "D")
		y := f.y + t.pad
		for _, s := range ss {
			s.draw(x+t.pad, y)
			y += s.h
		}
		x += t.widths[i]
	}
}
