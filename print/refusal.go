package print

import (
	"time"
)

// Refusal is everything printed on Mẫu 03, "Phiếu từ chối tiếp nhận giải
// quyết hồ sơ" (A5), signed by the applicant and the receiving official.
type Refusal struct {
	Header
	Labels    Labels // zero value = DefaultLabels()
	Number    string // "Số: …/PTC-TTPVHCC"; empty prints dots
	Code      string // dossier code: text, QR and Code 128; also "Mã hồ sơ (nếu có)"
	Applicant string
	IDNo      string // số định danh cá nhân/tổ chức
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
	top := newSlipTop(r.Header, l, "refusal", r.Number, r.Code, r.Date)
	top.codeOptional = true
	unit := r.unit(l)
	return slipPDF(r.Header, l, top, func(f *flow, d fit) {
		f.para(para{runs: []run{{style: bold, text: l.fill("refusal.unit", "unit", unit)}}, size: d.size, before: d.step})
		f.para(fieldPara(d, field(l.get("refusal.applicant"), r.Applicant, bold)...))
		f.para(fieldPara(d, field(l.get("refusal.idno"), l.orBlank(r.IDNo), regular)...))
		f.para(fieldPara(d, field(l.get("refusal.address"), r.Address, regular)...))
		f.para(fieldPara(d, phoneEmail(l, "refusal", r.Phone, r.Email)...))
		f.para(fieldPara(d, field(l.get("refusal.code"), l.orBlank(r.Code), regular)...))
		f.para(fieldPara(d, field(l.get("refusal.procedure"), r.Procedure, bold)...))
		p := fieldPara(d, run{style: regular, text: l.fill("refusal.reason", "unit", unit)})
		p.before, p.hang = d.step*3, 0
		f.para(p)
		f.para(para{runs: []run{{style: bold, text: l.orBlank(r.Reason)}}, size: d.size, indent: 4, hang: 4, before: d.step})
		f.para(para{runs: []run{{style: regular, text: l.get("refusal.closing")}}, size: d.size, before: d.step * 3})
		f.y += 2.5
		f.signatures(d.size, d.sign,
			signature{title: l.get("refusal.sign_applicant"), hint: l.get("form.sign_hint"), name: clean(r.Applicant)},
			signature{title: l.get("refusal.sign"), hint: l.get("form.sign_hint"), name: clean(r.Official)})
	})
}
