package print

import (
	"fmt"
	"strings"
	"time"
)

// slipTop is the head of an A5 slip after Mẫu 01 (Mẫu 02–05): form number,
// the common header, the title, an optional "Số: …" line and a note, and the
// code band (code as text, Code 128 and QR).
type slipTop struct {
	docTitle string // the PDF's title metadata
	formNo   string
	title    string
	number   string // "Số: …" line; "" prints none
	note     string // italic line under the title; "" prints none
	code     string // dossier code, cleaned
	// codeLabel is the code's label ("Mã số hồ sơ:"); "" = form.code.
	codeLabel string
	// codeOptional: a paper that may have no code yet (a refusal at the counter) prints no
	// code band without one.
	codeOptional bool
	date         time.Time
	fixed        *fit // a density to use as is, for a body that is meant to run over pages
}

// newSlipTop is the head of slip `form` ("supplement", "refusal", ...): its title, form
// number and number line's symbol come from the labels under that key.
func newSlipTop(h Header, l Labels, form, number, code string, date time.Time) slipTop {
	return slipTop{
		docTitle: strings.ToLower(l.get(form + ".title")),
		formNo:   l.get(form + ".form_no"),
		title:    l.get(form + ".title"),
		number:   h.numberLine(l, form, number),
		code:     clean(code),
		date:     date,
	}
}

// slipPDF makes a one-copy A5 slip: the head, then body at the first density
// of fits that keeps it on one page; a body too long even at the smallest
// type continues on follow-on pages that repeat the code.
func slipPDF(h Header, l Labels, top slipTop, body func(f *flow, d fit)) ([]byte, error) {
	if top.code == "" && !top.codeOptional {
		return nil, fmt.Errorf("thiếu mã hồ sơ: không in được %s", top.docTitle)
	}
	if top.codeLabel == "" {
		top.codeLabel = l.get("form.code")
	}
	pdf, err := newDoc("P", a5Size)
	if err != nil {
		return nil, err
	}
	pdf.SetTitle(upperFirst(top.docTitle)+" "+top.code, true)
	pdf.SetMargins(marginX, marginTop, marginX)
	pdf.AddPage()
	x, w := marginX, a5W-2*marginX
	drawFormNo(pdf, top.formNo, x, w)
	y := drawNumberedHeader(pdf, h, l, top.date, top.number, x, marginTop, w)
	y = drawPara(pdf, para{runs: []run{{style: bold, text: top.title}}, align: "C", balance: true, size: 12, before: 3}, x, y, w)
	if top.note != "" {
		y = drawPara(pdf, para{runs: []run{{style: italic, text: top.note}}, align: "C", balance: true, size: 9}, x, y, w)
	}
	if top.code != "" {
		if y, err = drawCodeBand(pdf, top.codeLabel, top.code, x, y, w); err != nil {
			return nil, err
		}
	} else {
		y += 2
	}
	bottom := a5H - marginBot
	var d fit
	if top.fixed != nil {
		d = *top.fixed
	} else {
		d = fitFlow(pdf, x, y, w, bottom, body)
	}
	f := &flow{pdf: pdf, x: x, w: w, y: y, bottom: bottom, cont: func() float64 {
		pdf.AddPage()
		drawFormNo(pdf, top.formNo, x, w)
		p := para{runs: []run{{style: regular, text: top.codeLabel + " "}, {style: bold, text: top.code},
			{style: italic, text: " " + l.get("page.continued")}}, align: "C", size: 8.5}
		return drawPara(pdf, p, x, marginTop, w) + 2
	}}
	body(f, d)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("không vẽ được %s: %w", top.docTitle, err)
	}
	return finish(pdf)
}

// orBlank is v, or dots to fill in by hand when v is empty.
func (l Labels) orBlank(v string) string {
	if v = clean(v); v != "" {
		return v
	}
	return l.get("form.blank")
}

// field is "{label} {value}", the value in style.
func field(label, value, style string) []run {
	return []run{{style: regular, text: label + " "}, {style: style, text: clean(value)}}
}

// fieldPara is a field as a paragraph of the body at density d, its wrapped
// lines hanging under the label.
func fieldPara(d fit, runs ...run) para {
	return para{runs: runs, size: d.size, hang: 4, before: d.step}
}

// phoneEmail puts the phone and the e-mail on one line with a gap between.
func phoneEmail(l Labels, prefix, phone, email string) []run {
	rs := append(field(l.get(prefix+".phone"), phone, regular), field(l.get(prefix+".email"), email, regular)...)
	rs[2].pad = 6
	return rs
}
