package print

import (
	"time"
)

// Stop is everything printed on Mẫu 05, "Thông báo dừng giải quyết hồ sơ" (A5, new in
// Circular 03/2025): issued by the one-stop unit that received the dossier when the applicant
// asks to stop and no decision or result notice exists yet (Circular 03/2025 Art. 7). Its
// layout was not readable in the published circular: every line is a label a ward can correct.
type Stop struct {
	Header
	Labels      Labels // zero value = DefaultLabels()
	Number      string // "Số: …/TTPVHCC"; empty prints dots
	Code        string // dossier code: text, QR and Code 128
	Applicant   string
	IDNo        string
	Address     string
	Phone       string
	Email       string
	Procedure   string
	ReceivedAt  time.Time
	DueAt       time.Time
	RequestedAt time.Time // when the applicant asked to stop; zero = StoppedAt
	StoppedAt   time.Time // when processing stopped
	Reason      string
	Official    string // the official who recorded the stop, printed under the signature
	Date        time.Time
}

// StopPDF makes the Mẫu 05 slip.
func StopPDF(s Stop) ([]byte, error) {
	l := s.Labels.orDefault()
	top := newSlipTop(s.Header, l, "stop", s.Number, s.Code, s.Date)
	unit := s.unit(l)
	asked := s.RequestedAt
	if asked.IsZero() {
		asked = s.StoppedAt
	}
	return slipPDF(s.Header, l, top, func(f *flow, d fit) {
		to := fieldPara(d, field(l.get("stop.to"), s.Applicant, bold)...)
		to.indent, to.hang = 8, 12
		f.para(to)
		f.para(fieldPara(d, field(l.get("stop.idno"), l.orBlank(s.IDNo), regular)...))
		f.para(fieldPara(d, field(l.get("stop.address"), s.Address, regular)...))
		f.para(fieldPara(d, phoneEmail(l, "stop", s.Phone, s.Email)...))
		f.para(fieldPara(d, field(l.get("stop.procedure"), s.Procedure, bold)...))
		f.para(fieldPara(d, field(l.get("stop.received_at"), l.DateTime(s.ReceivedAt), regular)...))
		f.para(fieldPara(d, field(l.get("stop.due_at"), l.DateTime(s.DueAt), regular)...))
		p := fieldPara(d, run{style: regular, text: l.fill("stop.request", "date", l.shortDate(asked))})
		p.before, p.hang = d.step*3, 0
		f.para(p)
		f.para(para{runs: []run{{style: bold, text: l.orBlank(s.Reason)}}, size: d.size, indent: 4, hang: 4, before: d.step})
		f.para(para{runs: []run{{style: regular, text: l.fill("stop.decision", "unit", unit, "datetime", l.DateTime(s.StoppedAt))}}, size: d.size, before: d.step * 2})
		f.para(para{runs: []run{{style: regular, text: l.get("stop.closing")}}, size: d.size, before: d.step * 2})
		f.y += 2.5
		f.signatures(d.size, d.sign,
			signature{title: l.get("stop.sign_applicant"), hint: l.get("form.sign_hint"), name: clean(s.Applicant)},
			signature{title: l.get("stop.sign"), hint: l.get("form.sign_hint"), name: clean(s.Official)})
	})
}
