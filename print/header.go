package print

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jung-kurt/gofpdf"
)

// Header is the common head of every form: the issuing unit on the left, the
// national motto on the right, and the place and date under it.
type Header struct {
	ParentName string // the managing body, "UBND phường Hoài Đức" — printed upper-case
	// Unit is the one-stop unit as written in a sentence, "Trung tâm Phục vụ hành chính công
	// phường Hoài Đức" (header.unit when empty): upper-case bold in the header, as typed in
	// every sentence that names it.
	Unit  string
	Place string // địa danh, e.g. "Hoài Đức" → "Hoài Đức, ngày 26 tháng 01 năm 2026"
}

// unit is the one-stop unit's name as it reads inside a sentence.
func (h Header) unit(l Labels) string {
	if u := clean(h.Unit); u != "" {
		return u
	}
	return l.get("header.unit")
}

// unitSymbol is the unit's part of a number line's symbol: "TTPVHCC" for a Trung tâm Phục vụ
// hành chính công, "BPTNTKQ" for a Bộ phận Tiếp nhận và Trả kết quả (Circular 03/2025's
// "-TTPVHCC (BPTNTKQ)").
func (h Header) unitSymbol(l Labels) string {
	if strings.HasPrefix(strings.ToLower(h.unit(l)), "bộ phận") {
		return l.get("header.unit_symbol_bp")
	}
	return l.get("header.unit_symbol")
}

// symbol is form's symbol on its number line ("PBS-TTPVHCC").
func (h Header) symbol(l Labels, form string) string {
	return l.fill(form+".symbol", "unit", h.unitSymbol(l))
}

// numberLine is form's "Số: …/{symbol}" line: the number, or dots to fill in by hand.
func (h Header) numberLine(l Labels, form, n string) string {
	if n = clean(n); n != "" {
		return l.fill("form.number", "number", n, "symbol", h.symbol(l, form))
	}
	return l.fill("form.number_blank", "symbol", h.symbol(l, form))
}

// headerSize is the font size of the header blocks on A5.
const headerSize = 8.5

// drawHeader prints the header in the column [x, x+w] from y, dated at, and
// returns the y below the place-and-date line. The date line is centred
// under the motto block, as Decree 30/2020 lays out administrative papers.
func drawHeader(pdf *gofpdf.Fpdf, h Header, l Labels, at time.Time, x, y, w float64) float64 {
	return drawNumberedHeader(pdf, h, l, at, "", x, y, w)
}

// drawNumberedHeader is drawHeader with the paper's number line ("Số: 17/TTPVHCC") under the
// unit, level with the date, as Decree 30/2020 lays out an administrative paper.
func drawNumberedHeader(pdf *gofpdf.Fpdf, h Header, l Labels, at time.Time, number string, x, y, w float64) float64 {
	lw := w * 0.47
	rx, rw := x+lw+1.5, w-lw-1.5

	// Left: the parent body over the unit, a short rule under.
	unit := h.unit(l)
	ly := y
	if p := strings.ToUpper(clean(h.ParentName)); p != "" {
		ly = drawPara(pdf, para{runs: []run{{style: regular, text: p}}, align: "C", balance: true, size: headerSize}, x, ly, lw)
	}
	unitPara := para{runs: []run{{style: bold, text: strings.ToUpper(unit)}}, align: "C", balance: true, size: headerSize}
	ly = drawPara(pdf, unitPara, x, ly, lw)
	rule(pdf, x+lw/2, ly+1.0, widest(pdf, unitPara, lw)*0.4)

	// Right: the nation and the motto, the motto underlined by a rule.
	ry := drawPara(pdf, para{runs: []run{{style: bold, text: l.get("header.nation")}}, align: "C", balance: true, size: headerSize}, rx, y, rw)
	motto := para{runs: []run{{style: bold, text: l.get("header.motto")}}, align: "C", balance: true, size: headerSize + 0.5}
	ry = drawPara(pdf, motto, rx, ry, rw)
	rule(pdf, rx+rw/2, ry+0.7, widest(pdf, motto, rw))

	// Place and date, italic, under the motto; a paper that is not dated
	// (the tracking book) ends with the blocks.
	dy := max(ly, ry) + 2.2
	ny := max(ly, ry) + 1.5
	if number != "" {
		ny = drawPara(pdf, para{runs: []run{{style: regular, text: number}}, align: "C", balance: true, size: headerSize + 0.5}, x, dy, lw)
	}
	if at.IsZero() {
		return ny
	}
	place := clean(h.Place)
	date := l.placeDate(place, at)
	if place == "" {
		date = upperFirst(strings.TrimLeft(l.Date(at), ", "))
	}
	return max(ny, drawPara(pdf, para{runs: []run{{style: italic, text: date}}, align: "C", balance: true, size: headerSize + 0.5}, rx, dy, rw))
}

// drawFormNo prints the form number ("Mẫu số 01") small at the top right of
// the page; an empty label prints nothing (a ward may drop it).
func drawFormNo(pdf *gofpdf.Fpdf, text string, x, w float64) {
	if text == "" {
		return
	}
	pdf.SetXY(x, 3.2)
	drawCell(pdf, italic, 7, w, 3, text, "R")
}

// widest is the width of the longest line of p laid out in w.
func widest(pdf *gofpdf.Fpdf, p para, w float64) float64 {
	m := 0.0
	for _, ln := range wrap(pdf, p, w) {
		m = max(m, ln.w)
	}
	return m
}

// rule draws a thin horizontal line w mm long centred on cx at height y.
func rule(pdf *gofpdf.Fpdf, cx, y, w float64) {
	pdf.SetLineWidth(0.25)
	pdf.Line(cx-w/2, y, cx+w/2, y)
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
