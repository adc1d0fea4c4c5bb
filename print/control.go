package print

import (
	"time"
)

// Step is one step of a dossier on the Mẫu 06 control slip: a handover, the result's way
// back, a supplement request and the papers' return, an extension, a refusal, withdrawal or
// stop.
type Step struct {
	From, To        string    // unit names: "1. Giao: {From}" / "2. Nhận: {To}"
	At              time.Time // when it was handed over
	Result          string    // "Trước hạn" / "Đúng hạn" / "Quá hạn" / ""
	Note            string
	Giver, Receiver string // names printed under "Người giao" / "Người nhận"
}

// Control is everything printed on Mẫu 06, "Phiếu kiểm soát quá trình giải
// quyết hồ sơ" (A5), which travels with the dossier.
type Control struct {
	Header
	Labels     Labels // zero value = DefaultLabels()
	Code       string // dossier code: text, QR and Code 128
	Applicant  string
	Procedure  string
	ReceivedAt time.Time
	DueAt      time.Time
	Agency     string // "Cơ quan (bộ phận) giải quyết hồ sơ: …"
	Partners   string // "Cơ quan phối hợp giải quyết hồ sơ: …"
	Steps      []Step // recorded steps, printed filled in
	// BlankRows is the number of empty blocks for hand-written steps; 0
	// means at least two and then as many as fill the last page.
	BlankRows int
}

// controlFit is the type of Mẫu 06: its table runs over as many pages as the
// steps need, so the body is not shrunk to fit one.
var controlFit = fit{size: 9.5, step: 0.8, sign: 8}

// ControlPDF makes the Mẫu 06 slip: A5 portrait, one table block per
// step (TÊN ĐƠN VỊ | THỜI GIAN GIAO, NHẬN HỒ SƠ with both signatures |
// KẾT QUẢ | GHI CHÚ), the recorded steps filled in and blank blocks after
// as many as fit the last page (at least one when there is room), then the
// circular's note. The header row repeats on every follow-on page. It is
// dated the day the dossier was received.
func ControlPDF(c Control) ([]byte, error) {
	l := c.Labels.orDefault()
	top := newSlipTop(c.Header, l, "control", "", c.Code, c.ReceivedAt)
	top.note, top.fixed, top.codeLabel = l.get("control.attached"), &controlFit, l.get("control.code")
	const size = 9
	t := &table{widths: []float64{32, 50, 23, 19}, headSize: 8, pad: 1,
		head: []hcell{{text: l.get("control.col_unit")}, {text: l.get("control.col_time")}, {text: l.get("control.col_result")}, {text: l.get("control.col_note")}}}
	block := func(s Step, blank bool) []cell {
		from, to, when := clean(s.From), clean(s.To), l.get("control.time_blank")
		if blank {
			from, to = l.get("form.blank"), l.get("form.blank")
		} else if !s.At.IsZero() {
			when = l.DateTime(s.At)
		}
		unit := cell{
			{p: para{runs: field(l.get("control.give"), from, bold), size: size, hang: 3}},
			{p: para{runs: field(l.get("control.take"), to, bold), size: size, hang: 3, before: 2}},
		}
		side := func(style, a, b string, sz, before float64) part {
			pb := para{runs: []run{{style: style, text: b}}, align: "C", balance: true, size: sz, before: before}
			return part{p: para{runs: []run{{style: style, text: a}}, align: "C", balance: true, size: sz, before: before}, side: &pb}
		}
		timeCell := cell{
			{p: para{runs: []run{{style: regular, text: when}}, align: "C", balance: true, size: size}},
			side(bold, l.get("control.giver"), l.get("control.receiver"), size, 1.5),
			side(italic, l.get("form.sign_hint"), l.get("form.sign_hint"), size-1, 0),
			side(regular, clean(s.Giver), clean(s.Receiver), size, controlFit.sign),
		}
		return []cell{unit, timeCell, textCell(regular, clean(s.Result), size, "C"), textCell(regular, clean(s.Note), size, "L")}
	}
	return slipPDF(c.Header, l, top, func(f *flow, d fit) {
		f.para(fieldPara(d, field(l.get("control.applicant"), c.Applicant, bold)...))
		f.para(fieldPara(d, field(l.get("control.procedure"), c.Procedure, bold)...))
		f.para(fieldPara(d, field(l.get("control.agency"), l.orBlank(c.Agency), regular)...))
		f.para(fieldPara(d, field(l.get("control.partners"), l.orBlank(c.Partners), regular)...))
		f.para(fieldPara(d, field(l.get("control.received_at"), l.DateTime(c.ReceivedAt), regular)...))
		f.para(fieldPara(d, field(l.get("control.due_at"), l.DateTime(c.DueAt), bold)...))
		f.y += 2
		blank := block(Step{}, true)
		f.room(t.drawHead(&flow{pdf: f.pdf, dry: true}, 0) + t.rowHeight(f, blank, 0))
		f.y = t.drawHead(f, f.y)
		f.head = t
		for _, s := range c.Steps {
			f.row(t, block(s, false), 0)
		}
		f.head = nil
		note := para{runs: []run{{style: italic, text: l.get("control.note")}}, size: 8.5, before: 1.5}
		nh := height(f.pdf, note, f.w)
		bh := t.rowHeight(f, blank, 0)
		// Blank blocks for the steps still to come: as asked, or as many as the page holds
		// with the note; never a page of blank blocks alone.
		for i := 0; c.BlankRows <= 0 || i < c.BlankRows; i++ {
			if c.BlankRows <= 0 && f.y+bh+nh > f.bottom {
				break
			}
			f.head = t
			f.row(t, blank, 0)
			f.head = nil
		}
		f.para(note)
	})
}
