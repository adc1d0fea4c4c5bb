package print

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// HandoverRow is one dossier on a handover list.
type HandoverRow struct {
	Code, Applicant, Procedure string
	ReceivedAt, DueAt          time.Time
	Note                       string
}

// HandoverList is a batch handover of dossiers ("danh sách bàn giao hồ sơ")
// from one official or unit to another.
type HandoverList struct {
	Header
	Labels Labels // zero value = DefaultLabels()
	Date   time.Time
	From   string // the giver (name and/or unit)
	To     string // the receiver
	Rows   []HandoverRow
}

// HandoverListPDF makes the handover list: A4 portrait, a table TT | Mã hồ sơ
// | Người nộp | Thủ tục | Ngày nhận | Hẹn trả | Ghi chú whose header repeats
// on every page, the total, and the signatures BÊN GIAO / BÊN NHẬN.
func HandoverListPDF(h HandoverList) ([]byte, error) {
	l := h.Labels.orDefault()
	pdf, err := newDoc("P", a4Size)
	if err != nil {
		return nil, err
	}
	title := l.get("handover.title")
	pdf.SetTitle(upperFirst(strings.ToLower(title)), true)
	pdf.SetMargins(a4Margin, a4Margin, a4Margin)
	pageFooter(pdf, l, "handover.page", "")
	pdf.AddPage()
	x, w := a4Margin+5, a4W-2*a4Margin-10
	y := drawHeader(pdf, h.Header, l, h.Date, x, a4Margin, w)
	y = drawPara(pdf, para{runs: []run{{style: bold, text: title}}, align: "C", balance: true, size: 13, before: 5}, x, y, w)

	f := &flow{pdf: pdf, x: x, w: w, y: y + 3, bottom: a4H - a4Margin - 3}
	const size = 8.5
	fp := func(runs ...run) { f.para(para{runs: runs, size: 11, hang: 4, before: 1.2}) }
	fp(field(l.get("handover.date"), l.DateTime(h.Date), regular)...)
	fp(field(l.get("handover.from"), l.orBlank(h.From), bold)...)
	fp(field(l.get("handover.to"), l.orBlank(h.To), bold)...)
	f.y += 3

	t := &table{widths: []float64{8, 34, 31, 46, 20.5, 20.5, 20}, headSize: 8.5, pad: 1.2,
		head: []hcell{{text: l.get("handover.col_no")}, {text: l.get("handover.col_code")}, {text: l.get("handover.col_applicant")},
			{text: l.get("handover.col_procedure")}, {text: l.get("handover.col_received")}, {text: l.get("handover.col_due")}, {text: l.get("handover.col_note")}}}
	f.room(25)
	f.y = t.drawHead(f, f.y)
	f.head = t
	for i, r := range h.Rows {
		f.row(t, []cell{
			textCell(regular, strconv.Itoa(i+1), size, "C"),
			textCell(bold, clean(r.Code), size, "L"),
			textCell(regular, clean(r.Applicant), size, "L"),
			textCell(regular, clean(r.Procedure), size, "L"),
			dateCell(l, r.ReceivedAt, size),
			dateCell(l, r.DueAt, size),
			textCell(regular, clean(r.Note), size, "L"),
		}, 0)
	}
	f.head = nil
	f.y += 1
	fp(run{style: italic, text: l.fill("handover.total", "n", strconv.Itoa(len(h.Rows)))})
	f.y += 4
	f.signatures(10, 22,
		signature{title: l.get("handover.sign_from"), hint: l.get("form.sign_hint"), name: clean(h.From)},
		signature{title: l.get("handover.sign_to"), hint: l.get("form.sign_hint"), name: clean(h.To)})
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("không vẽ được danh sách bàn giao: %w", err)
	}
	return finish(pdf)
}

// dateCell is a date over its time ("26/01/2026" / "08:15"), centred; a
// zero time is a blank cell.
func dateCell(l Labels, t time.Time, size float64) cell {
	if t.IsZero() {
		return cell{}
	}
	return cell{
		{p: para{runs: []run{{style: regular, text: l.shortDate(t)}}, align: "C", size: size}},
		{p: para{runs: []run{{style: regular, text: l.shortTime(t)}}, align: "C", size: size}},
	}
}
