package print

import (
	"time"
)

// Refusal is everything printed on Mẫu 03, "Phiếu từ chối tiếp nhận giải
// quyết hồ sơ" (A5).
type Refusal struct {
	Header
	Labels    Labels // zero value = DefaultLabels()
	Number    string // "Số: …"; empty prints dots
	Code      string // dossier code: text, QR and Code 128
	Applicant string
	Address   string
	Phone     string
	Email     string
	Procedure string
	Reason    string
	Official  string // the receiving official, printed under the signature
	Date      time.Time
}

// RefusalPDF makes the Mẫu 03 slip.
func RefusalPDF(r Refusal) ([]byte, error) {
	l := r.Labels.orDefault()
	top := newSlipTop(l, "refusal", l.number(r.Number), r.Code, r.Date)
	return slipPDF(r.Header, l, top, func(f *flow, d fit) {
		f.para(fieldPara(d, field(l.get("refusal.applicant"), r.Applicant, bold)...))
		f.para(fieldPara(d, field(l.get("refusal.address"), r.Address, regular)...))
		f.para(fieldPara(d, phoneEmail(l, "refusal", r.Phone, r.Email)...))
		f.para(fieldPara(d, field(l.get("refusal.procedure"), r.Procedure, bold)...))
		p := fieldPara(d, run{style: regular, text: l.get("refusal.reason")})
		p.before, p.hang = d.step*3, 0
		f.para(p)
		f.para(para{runs: []run{{style: bold, text: l.orBlank(r.Reason)}}, size: d.size, indent: 4, hang: 4, before: d.step})
		f.para(para{runs: []run{{style: regular, text: l.get("refusal.closing")}}, size: d.size, before: d.step * 3})
		f.y += 2.5
		f.signatures(d.size, d.sign, signature{}, signature{title: l.get("refusal.sign"), hint: l.get("form.sign_hint"), name: clean(r.Official)})
	})
}
