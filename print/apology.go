package print

import (
	"strings"
	"time"
)

// Apology is everything printed on Mẫu 04, "Phiếu xin lỗi và hẹn lại ngày
// trả kết quả" (A5), signed by the head of the agency.
type Apology struct {
	Header
	Labels      Labels // zero value = DefaultLabels()
	Number      string // "Số: …"; empty prints dots
	Code        string // dossier code: text, QR and Code 128
	Applicant   string
	Address     string
	Procedure   string
	ReceivedAt  time.Time
	DueAt       time.Time // the appointed return time
	NewDueAt    time.Time // the new one
	Reason      string    // why the result is late
	FaultUnit   string    // the unit that caused the delay
	ReturnPlace string    // where to collect at the new time; empty = the one-stop counter
	Signer      string    // head of the agency, e.g. "Đặng Văn Nam"
	SignerTitle string    // e.g. "CHỦ TỊCH"; empty = apology.sign
	Recipients  []string  // "Nơi nhận:"; empty = apology.recipients_default
	Date        time.Time
}

// ApologyPDF makes the Mẫu 04 slip. The agency named in its sentences is the
// header's ParentName (apology.agency_default when empty).
func ApologyPDF(a Apology) ([]byte, error) {
	l := a.Labels.orDefault()
	top := newSlipTop(l, "apology", l.number(a.Number), a.Code, a.Date)
	agency := clean(a.ParentName)
	if agency == "" {
		agency = l.get("apology.agency_default")
	}
	place := clean(a.ReturnPlace)
	if place == "" {
		place = l.get("receipt.result_counter")
	}
	title := strings.ToUpper(clean(a.SignerTitle))
	if title == "" {
		title = l.get("apology.sign")
	}
	recipients := a.Recipients
	if len(recipients) == 0 {
		recipients = strings.Split(l.get("apology.recipients_default"), "|")
	}
	return slipPDF(a.Header, l, top, func(f *flow, d fit) {
		to := fieldPara(d, field(l.get("apology.to"), a.Applicant, bold)...)
		to.indent, to.hang = 8, 12
		f.para(to)
		addr := fieldPara(d, field(l.get("apology.address"), a.Address, regular)...)
		addr.indent, addr.hang, addr.before = 8, 12, 0
		f.para(addr)
		text := func(s string, gap float64) {
			f.para(para{runs: []run{{style: regular, text: s}}, size: d.size, before: gap, indent: 4})
		}
		text(l.fill("apology.received", "datetime", l.DateTime(a.ReceivedAt), "agency", agency), d.step*3)
		f.para(fieldPara(d, field(l.get("apology.procedure"), a.Procedure, bold)...))
		f.para(fieldPara(d, field(l.get("apology.due"), l.DateTime(a.DueAt), regular)...))
		text(l.fill("apology.late", "agency", agency), d.step)
		f.para(fieldPara(d, field(l.get("apology.reason"), l.orBlank(a.Reason), regular)...))
		f.para(fieldPara(d, field(l.get("apology.fault"), l.orBlank(a.FaultUnit), regular)...))
		text(l.fill("apology.sorry", "agency", agency), d.step)
		f.para(fieldPara(d, field(l.get("apology.new_due"), l.DateTime(a.NewDueAt), bold)...))
		f.para(fieldPara(d, field(l.get("apology.place"), place, regular)...))
		text(l.get("apology.thanks"), d.step)
		f.y += 2.5
		apologyFoot(f, l, d, recipients, signature{title: title, hint: l.get("apology.sign_hint"), name: clean(a.Signer)})
	})
}

// apologyFoot prints "Nơi nhận:" with its list at the left and the head's
// signature at the right, kept together.
func apologyFoot(f *flow, l Labels, d fit, recipients []string, sig signature) {
	lw := f.w * 0.42
	rw := f.w - lw
	small := d.size - 2
	left := []para{{runs: []run{{style: bold, text: l.get("apology.recipients")}}, size: small}}
	for i, r := range recipients {
		end := ";"
		if i == len(recipients)-1 {
			end = "."
		}
		left = append(left, para{runs: []run{{style: regular, text: "- " + strings.TrimRight(clean(r), ";.") + end}}, size: small, hang: 2})
	}
	right := []para{
		{runs: []run{{style: bold, text: sig.title}}, align: "C", balance: true, size: d.size},
		{runs: []run{{style: italic, text: sig.hint}}, align: "C", balance: true, size: d.size - 0.5},
		{runs: []run{{style: bold, text: sig.name}}, align: "C", balance: true, size: d.size, before: d.sign + 4},
	}
	hl, hr := 0.0, 0.0
	for _, p := range left {
		hl += height(f.pdf, p, lw)
	}
	for _, p := range right {
		hr += height(f.pdf, p, rw)
	}
	f.block(max(hl, hr), func(y float64) {
		yl, yr := y, y
		for _, p := range left {
			yl = drawPara(f.pdf, p, f.x, yl, lw)
		}
		for _, p := range right {
			yr = drawPara(f.pdf, p, f.x+lw, yr, rw)
		}
	})
}
