package print

import (
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Notice is the A4 poster of the procedures posted on the notice board (niêm yết công khai thủ
// tục hành chính): the agency header, the date of posting, and the procedures grouped by field.
type Notice struct {
	Header
	Labels Labels    // zero value = DefaultLabels()
	Date   time.Time // date of posting, printed in Vietnam time
	Groups []NoticeGroup
}

// NoticeGroup is one field (lĩnh vực) of the catalogue.
type NoticeGroup struct {
	Field      string
	Procedures []NoticeProcedure
}

// NoticeProcedure is one posted procedure, its values already written as the citizen reads them
// ("03 ngày làm việc", "2.000 đ/trang, …").
type NoticeProcedure struct {
	Code, Name, Time, Fee, Place, LegalBasis string
	Documents                                []Document
}

// A4 portrait, in mm.
const (
	noticeW, noticeH = 210.0, 297.0
	noticeMarginX    = 18.0
	noticeTop        = 12.0
	noticeBottom     = 16.0 // room for the page number
	noticeSize       = 11   // body type: read standing in front of the board
	noticeKeep       = 3    // lines of a procedure that must follow its name on the same page
)

// noticeBlock is laid out as a whole: its lines and how many of them must stay together at its
// top (a field heading with its first procedure's name and lines; a name with its first lines).
type noticeBlock struct {
	paras []para
	keep  int
}

// NoticePDF draws the poster. Each procedure is kept on one page (one longer than a page breaks
// after its first lines), a field heading with its first procedure; every page is numbered
// "Trang n/N". Empty values (a fee basis not yet entered) are left out, never printed as
// placeholders.
func NoticePDF(n Notice) ([]byte, error) {
	if n.Labels == nil {
		n.Labels = DefaultLabels()
	}
	// Two passes: the first counts the pages for "Trang n/N" (gofpdf's page alias does not survive
	// UTF-8 fonts reliably).
	total := 0
	for pass := 0; pass < 2; pass++ {
		pdf, err := newDoc("P", gofpdf.SizeType{Wd: noticeW, Ht: noticeH})
		if err != nil {
			return nil, err
		}
		pdf.SetTitle(n.Labels.get("notice.title"), true)
		pdf.SetMargins(noticeMarginX, noticeTop, noticeMarginX)
		drawNotice(pdf, n, total)
		if err := pdf.Error(); err != nil {
			return nil, err
		}
		if pass == 1 {
			return finish(pdf)
		}
		total = pdf.PageNo()
	}
	return nil, nil
}

func drawNotice(pdf *gofpdf.Fpdf, n Notice, total int) {
	l := n.Labels
	x, w := noticeMarginX, noticeW-2*noticeMarginX
	bottom := noticeH - noticeBottom
	page := func() {
		pdf.AddPage()
		if total > 0 {
			p := para{runs: []run{{style: italic, text: l.fill("notice.page", "n", strconv.Itoa(pdf.PageNo()), "total", strconv.Itoa(total))}}, align: "C", size: 8.5}
			drawPara(pdf, p, x, noticeH-noticeBottom+5, w)
		}
	}
	page()
	y := drawHeader(pdf, n.Header, l, n.Date, x, noticeTop, w)
	y = drawPara(pdf, para{runs: []run{{style: bold, text: l.get("notice.title")}}, align: "C", balance: true, size: 15, before: 6}, x, y, w)
	y = drawPara(pdf, para{runs: []run{{style: italic, text: l.fill("notice.posted", dateArgs(n.Date.In(vietnam))...)}}, align: "C", size: 10.5, before: 1}, x, y, w)
	y += 3

	cont := func() float64 {
		page()
		p := para{runs: []run{{style: italic, text: l.get("notice.title") + " " + l.get("page.continued")}}, align: "C", size: 8.5}
		return drawPara(pdf, p, x, noticeTop, w) + 3
	}
	blocks := noticeBlocks(n)
	if len(blocks) == 0 {
		drawPara(pdf, para{runs: []run{{style: italic, text: l.get("notice.empty")}}, align: "C", size: noticeSize, before: 6}, x, y, w)
		return
	}
	for _, b := range blocks {
		type placed struct {
			p     para
			ln    line
			first bool // the paragraph's first line: its space above goes with it
		}
		var lines []placed
		for _, p := range b.paras {
			for i, ln := range wrap(pdf, p, w) {
				lines = append(lines, placed{p: p, ln: ln, first: i == 0})
			}
		}
		// The whole procedure on one page; only one longer than a page is cut, after its
		// first lines.
		height := func(n int) float64 {
			h := 0.0
			for i := 0; i < len(lines) && i < n; i++ {
				if lines[i].first {
					h += lines[i].p.before
				}
				h += lineHeight(lines[i].p.size)
			}
			return h
		}
		need := height(len(lines))
		if need > bottom-noticeTop-10 {
			need = height(b.keep)
		}
		if y+need > bottom {
			y = cont()
		}
		for i, pl := range lines {
			h := lineHeight(pl.p.size)
			before := 0.0
			if pl.first {
				before = pl.p.before
			}
			if i > 0 && y+before+h > bottom {
				y = cont()
				before = 0
			}
			y += before
			drawLine(pdf, pl.ln, pl.p.align, pl.p.size, x, y, w)
			y += h
		}
	}
}

// noticeBlocks turns the groups into blocks: each procedure is one block; a field heading is
// joined to its first procedure so that it never ends a page.
func noticeBlocks(n Notice) []noticeBlock {
	l := n.Labels
	var out []noticeBlock
	gi := 0
	for _, g := range n.Groups {
		if len(g.Procedures) == 0 {
			continue
		}
		gi++
		heading := para{runs: []run{{style: bold, text: l.fill("notice.field", "roman", roman(gi), "name", strings.ToUpper(clean(g.Field)))}}, size: 12, before: 5}
		for i, p := range g.Procedures {
			b := noticeBlock{paras: procedureParas(l, i+1, p), keep: 1 + noticeKeep}
			if i == 0 {
				b.paras = append([]para{heading}, b.paras...)
				b.keep++
			}
			out = append(out, b)
		}
	}
	return out
}

// procedureParas lays out one procedure: its numbered name, then label: value lines.
func procedureParas(l Labels, n int, p NoticeProcedure) []para {
	name := []run{{style: bold, text: strconv.Itoa(n) + ". " + clean(p.Name)}}
	if c := clean(p.Code); c != "" {
		name = append(name, run{style: italic, text: " (" + l.get("notice.code") + " " + c + ")"})
	}
	ps := []para{{runs: name, size: noticeSize + 0.5, hang: 5, before: 3.5}}
	field := func(key, value string) {
		if v := clean(value); v != "" {
			ps = append(ps, para{runs: []run{{style: bold, text: l.get(key) + " "}, {style: regular, text: v}}, size: noticeSize, indent: 5, hang: 9, before: 0.6})
		}
	}
	field("notice.time", p.Time)
	field("notice.fee", p.Fee)
	field("notice.place", p.Place)
	ps = append(ps, para{runs: []run{{style: bold, text: l.get("notice.documents")}}, size: noticeSize, indent: 5, hang: 9, before: 0.6})
	for _, d := range p.Documents {
		key := "notice.document_item"
		if clean(d.Kind) == "" {
			key = "notice.document_item_nokind"
		}
		text := l.fill(key, "name", clean(d.Name), "kind", clean(d.Kind), "count", twoDigits(max(d.Count, 1)))
		ps = append(ps, para{runs: []run{{style: regular, text: text}}, size: noticeSize, indent: 9, hang: 12})
	}
	if len(p.Documents) == 0 {
		ps = append(ps, para{runs: []run{{style: italic, text: l.get("notice.no_documents")}}, size: noticeSize, indent: 9, hang: 12})
	}
	field("notice.legal", p.LegalBasis)
	return ps
}

// roman writes 1..39 as I, II, … XXXIX (a catalogue has a handful of fields).
func roman(n int) string {
	if n <= 0 || n >= 40 {
		return strconv.Itoa(n)
	}
	ones := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	return strings.Repeat("X", n/10) + ones[n%10]
}
