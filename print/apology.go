package print

import (
	"strings"
	"time"
)

// Apology is everything printed on Mẫu 04, "Văn bản xin lỗi và đề nghị gia hạn thời gian
// giải quyết" (A5), signed by the head of the agency. The agency writes it at the latest a day
// before the due time, so it may be printed before or after that time: its wording follows.
type Apology struct {
	Header
	Labels      Labels // zero value = DefaultLabels()
	Number      string // "Số: …/PXL"; empty prints dots
	Code        string // dossier code: text, QR and Code 128
	Applicant   string
	IDNo        string // số định danh cá nhân/tổ chức
	Address     string
	Procedure   string
	Agency      string // the resolving agency as written in a sentence, "UBND phường Hoài Đức"; empty = the unit
	ReceivedAt  time.Time
	DueAt       time.Time // the appointed return time
	NewDueAt    time.Time // the new one
	Reason      string    // why the result is late
	FaultUnit   string    // the unit that caused the delay
	ReturnPlace string    // where to collect at the new time; empty = the one-stop unit
	Signer      string    // head of the agency, e.g. "Đặng Văn Nam"
	// SignerTitle is the signer's title, lines split at "/" ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH");
	// empty = apology.sign. apology.sign_for ("TM. ỦY BAN NHÂN DÂN") goes above unless the
	// title starts with "TM.".
	SignerTitle string
	Recipients  []string // "Nơi nhận:"; empty = apology.recipients_default
	Date        time.Time
}

// ApologyPDF makes the Mẫu 04 slip.
func ApologyPDF(a Apology) ([]byte, error) {
	l := a.Labels.orDefault()
	top := newSlipTop(a.Header, l, "apology", a.Number, a.Code, a.Date)
	unit := a.unit(l)
	agency := clean(a.Agency)
	if agency == "" {
		agency = unit
	}
	place := clean(a.ReturnPlace)
	if place == "" {
		place = l.fill("receipt.result_counter", "unit", unit)
	}
	recipients := a.Recipients
	if len(recipients) == 0 {
		recipients = strings.Split(l.fill("apology.recipients_default", "unit", unit), "|")
	}
	// Written before the due minute: an extension asked for, not a delay admitted.
	late, sorry := "apology.late", "apology.sorry"
	if !a.Date.IsZero() && !a.DueAt.IsZero() && !a.Date.Truncate(time.Minute).After(a.DueAt.Truncate(time.Minute)) {
		late, sorry = "apology.early", "apology.sorry_early"
	}
	return slipPDF(a.Header, l, top, func(f *flow, d fit) {
		to := fieldPara(d, field(l.get("apology.to"), a.Applicant, bold)...)
		to.indent, to.hang = 8, 12
		f.para(to)
		id := fieldPara(d, field(l.get("apology.idno"), l.orBlank(a.IDNo), regular)...)
		id.indent, id.hang, id.before = 8, 12, 0
		f.para(id)
		addr := fieldPara(d, field(l.get("apology.address"), a.Address, regular)...)
		addr.indent, addr.hang, addr.before = 8, 12, 0
		f.para(addr)
		text := func(s string, gap float64) {
			f.para(para{runs: []run{{style: regular, text: s}}, size: d.size, before: gap, indent: 4})
		}
		text(l.fill("apology.received", "date", l.shortDate(a.ReceivedAt), "unit", unit,
			"idno", l.orBlank(a.IDNo), "code", clean(a.Code)), d.step*3)
		f.para(fieldPara(d, field(l.get("apology.procedure"), a.Procedure, bold)...))
		f.para(fieldPara(d, field(l.get("apology.due"), l.DateTime(a.DueAt), regular)...))
		text(l.fill(late, "agency", agency), d.step)
		f.para(fieldPara(d, field(l.get("apology.reason"), l.orBlank(a.Reason), regular)...))
		if clean(a.FaultUnit) != "" {
			f.para(fieldPara(d, field(l.get("apology.fault"), a.FaultUnit, regular)...))
		}
		text(upperFirst(l.fill(sorry, "agency", agency)), d.step)
		f.para(fieldPara(d, field(l.get("apology.new_due"), l.DateTime(a.NewDueAt), bold)...))
		f.para(fieldPara(d, field(l.get("apology.place"), place, regular)...))
		text(l.get("apology.thanks"), d.step)
		f.y += 2.5
		apologyFoot(f, l, d, recipients, signerLines(l, a.SignerTitle), signature{hint: l.get("apology.sign_hint"), name: clean(a.Signer)})
	})
}

// signerLines are the lines over the head's signature: "TM. ỦY BAN NHÂN DÂN" then the title.
func signerLines(l Labels, title string) []string {
	title = strings.ToUpper(clean(title))
	if title == "" {
		title = l.get("apology.sign")
	}
	var out []string
	for _, s := range strings.Split(title, "/") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	if f := l.get("apology.sign_for"); f != "" && (len(out) == 0 || !strings.HasPrefix(out[0], "TM.")) {
		out = append([]string{f}, out...)
	}
	return out
}

// apologyFoot prints "Nơi nhận:" with its list at the left and the head's
// signature at the right, kept together.
func apologyFoot(f *flow, l Labels, d fit, recipients []string, titles []string, sig signature) {
	lw := f.w * 0.42
	rw := f.w - lw
	small := max(d.size-1.5, 8)
	left := []para{{runs: []run{{style: bold, text: l.get("apology.recipients")}}, size: small}}
	for i, r := range recipients {
		end := ";"
		if i == len(recipients)-1 {
			end = "."
		}
		left = append(left, para{runs: []run{{style: regular, text: "- " + strings.TrimRight(clean(r), ";.") + end}}, size: small, hang: 2})
	}
	var right []para
	for _, t := range titles {
		right = append(right, para{runs: []run{{style: bold, text: t}}, align: "C", balance: true, size: d.size})
	}
	right = append(right,
		para{runs: []run{{style: italic, text: sig.hint}}, align: "C", balance: true, size: d.size - 0.5},
		para{runs: []run{{style: bold, text: sig.name}}, align: "C", balance: true, size: d.size, before: d.sign + 4},
	)
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
