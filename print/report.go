package print

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Report is one of the leader's reports (Biểu II.06a, the officials' scorecards, the
// satisfaction report) as plain text cells: the caller (app/desk) turns the store's figures into
// strings once, so the PDF, the .xlsx and the screen show the same values. Labels for titles and
// headings come from Labels (keys "report.*").
type Report struct {
	Header
	Labels   Labels    // zero value = DefaultLabels()
	Date     time.Time // when it is made (the dated line under the motto)
	Title    string    // e.g. l.Text("report.ii06a.title")
	Subtitle string    // e.g. the period: "Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/03/2026"
	FormNo   string    // printed small at the top right ("Biểu số II.06a/VPCP/KSTT"); "" none
	// From and To fill the reporting-unit block at the top right ("Đơn vị báo cáo: …",
	// "Đơn vị nhận báo cáo: …"; dots when empty); Measure is "Đơn vị tính: …" over the table.
	From, To, Measure string
	Landscape         bool
	Head              []ReportHead // headings; a group heading spans len(Sub) columns
	Widths            []float64    // relative column widths (scaled to the page)
	Align             []string     // "L", "C", "R" per column (default "R" for all but the first two)
	Rows              [][]string
	Total             []string // a bold last row; nil: none
	Notes             []string // paragraphs under the table (definitions, the 766 index, …)
	Charts            []Chart
	Sheet             string // the .xlsx sheet's name
}

// ReportHead is one heading over a column, or a group heading over its Sub columns.
type ReportHead struct {
	Text string
	Sub  []string
}

// Chart is a bar chart drawn with rectangles under the table: one bar per label, its length
// Value ÷ Max, Text printed at its end ("86,7%").
type Chart struct {
	Title string
	Bars  []Bar
	Max   float64 // the value of a full-length bar; ≤ 0: the largest value
}

// Bar is one bar of a chart.
type Bar struct {
	Label string
	Value float64
	Text  string
}

// Text returns the label for key with its {placeholders} filled (pairs: name, value, …), for
// callers building a Report.
func (l Labels) Text(key string, pairs ...string) string { return l.fill(key, pairs...) }

// ShortDate writes t as "26/01/2026" (Vietnam time).
func (l Labels) ShortDate(t time.Time) string { return l.shortDate(t) }

// columns is the number of leaf columns the headings describe.
func (r Report) columns() int {
	n := 0
	for _, h := range r.Head {
		n += max(1, len(h.Sub))
	}
	return n
}

func (r Report) check() error {
	n := r.columns()
	if n == 0 {
		return fmt.Errorf("báo cáo %q không có cột nào", r.Title)
	}
	if len(r.Widths) != n {
		return fmt.Errorf("báo cáo %q: %d độ rộng cho %d cột", r.Title, len(r.Widths), n)
	}
	for i, row := range append(append([][]string{}, r.Rows...), r.Total) {
		if row != nil && len(row) != n {
			return fmt.Errorf("báo cáo %q: dòng %d có %d ô, cần %d", r.Title, i+1, len(row), n)
		}
	}
	return nil
}

func (r Report) align(i int) string {
	if i < len(r.Align) && r.Align[i] != "" {
		return r.Align[i]
	}
	if i < 2 {
		return "L"
	}
	return "R"
}

// ReportPDF draws the report on A4 (landscape when asked): the agency header, the title and
// period, the table (headings repeated on every page), the notes, the charts, and the
// signatures "Người lập biểu" / "Thủ trưởng cơ quan"; pages numbered.
func ReportPDF(r Report) ([]byte, error) {
	if err := r.check(); err != nil {
		return nil, err
	}
	l := r.Labels.orDefault()
	orient, pw, ph := "P", a4W, a4H
	if r.Landscape {
		orient, pw, ph = "L", a4H, a4W
	}
	pdf, err := newDoc(orient, a4Size)
	if err != nil {
		return nil, err
	}
	pdf.SetTitle(clean(r.Title), true)
	pdf.SetMargins(a4Margin, a4Margin, a4Margin)
	pageFooter(pdf, l, "report.page", clean(r.Title))
	x, w := a4Margin, pw-2*a4Margin
	formNo(pdf, clean(r.FormNo), x, w)
	pdf.AddPage()
	y := drawHeader(pdf, r.Header, l, r.Date, x+5, a4Margin, w-10)
	y = drawPara(pdf, para{runs: []run{{style: bold, text: clean(r.Title)}}, align: "C", balance: true, size: 13, before: 4}, x, y, w)
	if r.Subtitle != "" {
		y = drawPara(pdf, para{runs: []run{{style: italic, text: clean(r.Subtitle)}}, align: "C", balance: true, size: 11, before: 1}, x, y, w)
	}
	// The reporting-unit block at the right, "Đơn vị tính" at the left over the table.
	bw := min(w*0.45, 110.0)
	y += 2
	for _, ln := range r.unitBlock(l) {
		y = drawPara(pdf, para{runs: []run{{style: regular, text: ln}}, size: 10, hang: 4}, x+w-bw, y, bw)
	}
	if m := clean(r.Measure); m != "" {
		y = drawPara(pdf, para{runs: []run{{style: italic, text: l.fill("report.measure", "unit", m)}}, align: "R", size: 10, before: 1}, x, y, w)
	}
	f := &flow{pdf: pdf, x: x, w: w, y: y + 2, bottom: ph - a4Margin - 4}

	total := 0.0
	for _, v := range r.Widths {
		total += v
	}
	widths := make([]float64, len(r.Widths))
	for i, v := range r.Widths {
		widths[i] = v / total * w
	}
	t := &table{widths: widths, headSize: 8, pad: 1.2}
	for _, h := range r.Head {
		t.head = append(t.head, hcell{text: clean(h.Text), sub: h.Sub})
	}
	const size = 9
	f.room(25)
	f.y = t.drawHead(f, f.y)
	f.head = t
	rowCells := func(row []string, style string) []cell {
		cs := make([]cell, len(row))
		for i, v := range row {
			cs[i] = textCell(style, clean(v), size, r.align(i))
		}
		return cs
	}
	// The row of column numbers, "(1)", "(2)", … under the headings.
	nums := make([]cell, r.columns())
	for i := range nums {
		nums[i] = textCell(italic, "("+strconv.Itoa(i+1)+")", size-1, "C")
	}
	f.row(t, nums, 0)
	rows := r.Rows
	if r.Total != nil {
		rows = append(append([][]string{}, rows...), r.Total)
	}
	// What follows the table (notes, charts, signatures) is measured first: the last row goes
	// to a new page with it rather than leave the signatures alone on the last page.
	tail := func(f *flow) {
		for _, n := range r.Notes {
			f.para(para{runs: []run{{style: regular, text: clean(n)}}, size: 11, before: 1.5})
		}
		for _, c := range r.Charts {
			drawChart(f, c)
		}
		f.y += 5
		f.signatures(11, 20,
			signature{title: l.get("report.sign_maker"), hint: l.get("form.sign_hint")},
			signature{title: l.get("report.sign_head"), hint: l.get("report.sign_head_hint")})
	}
	dry := &flow{pdf: pdf, x: x, w: w, y: 0, bottom: 1e9, dry: true}
	tail(dry)
	tailH := dry.y
	for i, row := range rows {
		style := regular
		if r.Total != nil && i == len(rows)-1 {
			style = bold
		}
		cells := rowCells(row, style)
		if i == len(rows)-1 {
			if h := t.rowHeight(f, cells, 0) + tailH; h <= f.bottom-a4Margin-25 {
				f.room(h)
			}
		}
		f.row(t, cells, 0)
	}
	f.head = nil
	tail(f)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("không vẽ được báo cáo: %w", err)
	}
	return finish(pdf)
}

// unitBlock is the reporting-unit block: "Đơn vị báo cáo: …", "Đơn vị nhận báo cáo: …".
func (r Report) unitBlock(l Labels) []string {
	from := clean(r.From)
	if from == "" {
		from = clean(r.ParentName)
	}
	return []string{
		l.get("report.unit_from") + " " + l.orBlank(from),
		l.get("report.unit_to") + " " + l.orBlank(r.To),
	}
}

// drawChart draws a horizontal bar chart: the labels in a left column, a bar per label drawn
// as a filled rectangle on a light track, its text after it. Kept on one page.
func drawChart(f *flow, c Chart) {
	if len(c.Bars) == 0 {
		return
	}
	maxV := c.Max
	if maxV <= 0 {
		for _, b := range c.Bars {
			maxV = max(maxV, b.Value)
		}
	}
	const barH, gap, size = 4.2, 1.6, 8.5
	title := para{runs: []run{{style: bold, text: clean(c.Title)}}, size: 10, before: 4}
	h := height(f.pdf, title, f.w) + float64(len(c.Bars))*(barH+gap) + 2
	labelW := f.w * 0.3
	trackX, trackW := f.x+labelW+2, f.w-labelW-2-22
	f.block(h, func(y float64) {
		pdf := f.pdf
		y = drawPara(pdf, title, f.x, y, f.w) + 1.5
		for _, b := range c.Bars {
			lbl := para{runs: []run{{style: regular, text: ellipsis(clean(b.Label), size, labelW)}}, size: size, align: "R"}
			drawPara(pdf, lbl, f.x, y+(barH-lineHeight(size))/2, labelW)
			pdf.SetFillColor(235, 238, 242)
			pdf.Rect(trackX, y, trackW, barH, "F")
			if maxV > 0 && b.Value > 0 {
				pdf.SetFillColor(31, 94, 160)
				pdf.Rect(trackX, y, trackW*min(1, b.Value/maxV), barH, "F")
			}
			txt := para{runs: []run{{style: bold, text: clean(b.Text)}}, size: size}
			drawPara(pdf, txt, trackX+trackW+2, y+(barH-lineHeight(size))/2, 20)
			y += barH + gap
		}
		pdf.SetFillColor(255, 255, 255)
	})
}

// ellipsis shortens s with "…" to fit w mm at size.
func ellipsis(s string, size, w float64) string {
	if textWidth(regular, size, s) <= w {
		return s
	}
	rs := []rune(s)
	for len(rs) > 1 && textWidth(regular, size, string(rs)+"…") > w {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimSpace(string(rs)) + "…"
}
