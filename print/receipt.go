package print

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Document is one paper handed in with a dossier.
type Document struct {
	Name  string
	Kind  string // e.g. "Bản chính", "Bản sao"
	Count int
}

// Representative is the person who files a dossier for the applicant under an authorisation
// (Circular 03/2025, Mẫu 01): printed only when Name is given.
type Representative struct {
	Name, Address, IDNo, Phone, Email string
	Paper                             string // the authorisation paper, e.g. "Giấy ủy quyền số 12/2026 ngày 20/01/2026"
}

// Receipt is everything printed on Mẫu 01, "Giấy tiếp nhận hồ sơ và hẹn trả
// kết quả" (Circular 03/2025/TT-VPCP). Header.Unit names the one-stop unit.
type Receipt struct {
	Header
	Labels          Labels // zero value = DefaultLabels()
	Code            string // dossier code, e.g. "HD001-260126-0001"
	Applicant       string
	IDNo            string // số định danh cá nhân (the CCCD number) or the organisation's
	Rep             Representative
	Address         string
	Phone           string
	Email           string
	Procedure       string
	Documents       []Document
	Sets            int
	Days            int       // 0 = trong ngày
	Hours           int       // > 0: an hours-based procedure ("4 giờ làm việc"); Days is then 0
	ReceivedAt      time.Time // printed in Vietnam time
	DueAt           time.Time
	ResultAtCounter bool // true: at the counter; false: by public postal service to PostAddress
	PostAddress     string
	BookVolume      string // "Quyển số", e.g. "01/2026"
	BookNo          int    // "Số thứ tự"; also the slip's number ("Số: 17/TTPVHCC")
	Receiver        string // the receiving official, printed under the signature line
	Fee             int64  // đồng; 0 prints "Miễn lệ phí"
}

// A5 portrait page, in mm.
const (
	a5W, a5H             = 148.0, 210.0
	marginX              = 12.0
	marginTop, marginBot = 8.0, 8.0
	qrSize               = 20.0
)

var a5Size = gofpdf.SizeType{Wd: a5W, Ht: a5H}

// fit is one density of the body: font size, space between fields and room
// for the hand signatures (mm).
type fit struct{ size, step, sign float64 }

// fits are tried in turn until the slip fits one page per copy.
// The body never goes below 9 pt on A5: what does not fit then runs on to a follow-on page.
var fits = []fit{
	{11, 1.2, 15}, {10.5, 1.1, 15}, {10, 1, 14}, {9.5, 0.9, 13}, {9, 0.8, 12},
	{9, 0.5, 11}, {9, 0.3, 10}, {9, 0.2, 9},
}

// ReceiptPDF makes the Mẫu 01 slip: an A5 PDF with one copy per page, "Liên
// 1: Lưu" then "Liên 2: Giao người nộp hồ sơ". A dossier too long for one page
// even at the smallest type continues on a follow-on page that repeats the
// code and the copy label.
func ReceiptPDF(r Receipt) ([]byte, error) {
	pdf, err := newDoc("P", a5Size)
	if err != nil {
		return nil, err
	}
	pdf.SetTitle("Giấy tiếp nhận hồ sơ và hẹn trả kết quả "+clean(r.Code), true)
	pdf.SetMargins(marginX, marginTop, marginX)
	if r.Labels == nil {
		r.Labels = DefaultLabels()
	}
	for _, copyKey := range []string{"receipt.copy1", "receipt.copy2"} {
		if err := drawReceipt(pdf, r, r.Labels.get(copyKey)); err != nil {
			return nil, err
		}
	}
	return finish(pdf)
}

// WriteReceipt writes ReceiptPDF(r) to w.
func WriteReceipt(w io.Writer, r Receipt) error {
	b, err := ReceiptPDF(r)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// drawReceipt prints one copy.
func drawReceipt(pdf *gofpdf.Fpdf, r Receipt, copyLabel string) error {
	l := r.Labels
	code := clean(r.Code)
	if code == "" {
		return fmt.Errorf("thiếu mã hồ sơ: không in được giấy tiếp nhận")
	}
	pdf.AddPage()
	x, w := marginX, a5W-2*marginX

	drawFormNo(pdf, l.get("receipt.form_no"), x, w)
	number := ""
	if r.BookNo > 0 {
		number = strconv.Itoa(r.BookNo)
	}
	y := drawNumberedHeader(pdf, r.Header, l, r.ReceivedAt, r.numberLine(l, "receipt", number), x, marginTop, w)

	y = drawPara(pdf, para{runs: []run{{style: bold, text: l.get("receipt.title")}}, align: "C", balance: true, size: 12, before: 3}, x, y, w)
	y = drawPara(pdf, para{runs: []run{{style: italic, text: copyLabel}}, align: "C", size: 9}, x, y, w)

	y, err := drawCodeBand(pdf, l.get("receipt.code"), code, x, y, w)
	if err != nil {
		return err
	}

	body := receiptBody(r)
	f := fits[len(fits)-1]
	for _, ff := range fits {
		if y+bodyHeight(pdf, body(ff), w)+signHeight(ff) <= a5H-marginBot {
			f = ff
			break
		}
	}
	cont := func() float64 {
		pdf.AddPage()
		drawFormNo(pdf, l.get("receipt.form_no"), x, w)
		p := para{runs: []run{{style: regular, text: l.get("receipt.code") + " "}, {style: bold, text: code},
			{style: italic, text: " " + copyLabel + " " + l.get("page.continued")}}, align: "C", size: 8.5}
		return drawPara(pdf, p, x, marginTop, w) + 2
	}
	ps := body(f)
	for i, p := range ps {
		// The book's line goes over with the signatures: never a signature block alone.
		if i == len(ps)-1 && y+height(pdf, p, w)+signHeight(f) > a5H-marginBot {
			y = cont()
		}
		y += p.before
		for _, ln := range wrap(pdf, p, w) {
			if y+lineHeight(p.size) > a5H-marginBot {
				y = cont()
			}
			drawLine(pdf, ln, p.align, p.size, x, y, w)
			y += lineHeight(p.size)
		}
	}
	if y+signHeight(f) > a5H-marginBot {
		y = cont()
	}
	drawSignatures(pdf, l, clean(r.Receiver), f, x, y, w)
	return pdf.Error()
}

// receiptBody returns the paragraphs of the fields at a given body size.
func receiptBody(r Receipt) func(f fit) []para {
	l := r.Labels
	field := func(key, value string, style string) []run {
		return []run{{style: regular, text: l.get(key) + " "}, {style: style, text: clean(value)}}
	}
	phone := append(field("receipt.phone", r.Phone, regular), field("receipt.email", r.Email, regular)...)
	phone[2].pad = 6 // a gap between phone and e-mail
	type item struct {
		runs []run
		doc  bool
		gap  bool // space above: a new group of fields
	}
	unit := r.unit(l)
	items := []item{
		{runs: []run{{style: bold, text: l.fill("receipt.unit", "unit", unit)}}},
		{runs: field("receipt.applicant", r.Applicant, bold)},
		{runs: field("receipt.idno", l.orBlank(r.IDNo), regular)},
		{runs: field("receipt.address", r.Address, regular)},
		{runs: phone},
	}
	if rep := r.Rep; clean(rep.Name) != "" {
		rp := append(field("receipt.rep_phone", rep.Phone, regular), field("receipt.rep_email", rep.Email, regular)...)
		rp[2].pad = 6
		items = append(items,
			item{runs: field("receipt.rep", rep.Name, bold)},
			item{runs: field("receipt.rep_idno", l.orBlank(rep.IDNo), regular), doc: true},
			item{runs: field("receipt.rep_address", rep.Address, regular), doc: true},
			item{runs: rp, doc: true},
			item{runs: field("receipt.rep_paper", l.orBlank(rep.Paper), regular), doc: true},
		)
	}
	items = append(items,
		item{runs: field("receipt.procedure", r.Procedure, bold)},
		item{runs: []run{{style: regular, text: l.get("receipt.documents")}}, gap: true},
	)
	for i, d := range r.Documents {
		items = append(items, item{doc: true, runs: []run{{style: regular, text: documentItem(l, "receipt", i+1, d)}}})
	}
	if len(r.Documents) == 0 {
		items = append(items, item{doc: true, runs: []run{{style: italic, text: l.get("receipt.no_documents")}}})
	}
	days := l.get("receipt.days_same")
	if r.Days > 0 {
		days = l.fill("receipt.days_value", "n", strconv.Itoa(r.Days))
	}
	if r.Hours > 0 {
		days = l.fill("receipt.hours_value", "n", strconv.Itoa(r.Hours))
	}
	result := l.fill("receipt.result_counter", "unit", unit)
	if !r.ResultAtCounter {
		result = l.get("receipt.result_post")
		if a := clean(r.PostAddress); a != "" {
			result = l.fill("receipt.result_post_address", "address", a)
		}
	}
	fee := []run{{style: regular, text: l.get("receipt.fee") + " "}, {style: regular, text: l.fill("money.amount", "amount", FormatMoney(r.Fee))}}
	if r.Fee <= 0 {
		fee = []run{{style: regular, text: l.get("receipt.fee_free")}}
	}
	items = append(items,
		item{runs: field("receipt.sets", l.fill("receipt.sets_value", "n", twoDigits(max(r.Sets, 1))), regular)},
		item{runs: field("receipt.days", days, regular)},
		item{runs: field("receipt.received_at", l.DateTime(r.ReceivedAt), regular)},
		item{runs: field("receipt.due_at", l.DateTime(r.DueAt), bold)},
		item{runs: field("receipt.result", result, regular)},
		item{runs: fee},
		item{gap: true, runs: []run{{style: regular, text: l.get("receipt.book") + " "}, {style: bold, text: clean(r.BookVolume)},
			{style: regular, text: l.get("receipt.book_no") + " ", pad: 6}, {style: bold, text: strconv.Itoa(r.BookNo)}}},
	)
	return func(f fit) []para {
		ps := make([]para, len(items))
		step := f.step
		for i, it := range items {
			p := para{runs: it.runs, size: f.size, hang: 4, before: step}
			if it.doc {
				p.indent, p.hang, p.before = 4, 9, 0
			}
			if it.gap {
				p.before = step * 3
			}
			ps[i] = p
		}
		return ps
	}
}

func bodyHeight(pdf *gofpdf.Fpdf, ps []para, w float64) float64 {
	h := 0.0
	for _, p := range ps {
		h += height(pdf, p, w)
	}
	return h
}

func signHeight(f fit) float64 {
	return 2.5 + 2*lineHeight(f.size) + f.sign + lineHeight(f.size)
}

// drawSignatures prints the two signature blocks side by side from y.
func drawSignatures(pdf *gofpdf.Fpdf, l Labels, receiver string, f fit, x, y, w float64) {
	size := f.size
	y += 2.5
	half := w / 2
	for i, key := range []string{"receipt.sign_applicant", "receipt.sign_receiver"} {
		cx := x + float64(i)*half
		yy := drawPara(pdf, para{runs: []run{{style: bold, text: l.get(key)}}, align: "C", size: size}, cx, y, half)
		yy = drawPara(pdf, para{runs: []run{{style: italic, text: l.get("receipt.sign_hint")}}, align: "C", size: size - 0.5}, cx, yy, half)
		if i == 1 && receiver != "" {
			drawPara(pdf, para{runs: []run{{style: bold, text: receiver}}, align: "C", size: size}, cx, yy+f.sign, half)
		}
	}
}

func twoDigits(n int) string { return fmt.Sprintf("%02d", n) }

// documentItem is a document's line on a form ({form}.document_item…): its kind and count,
// or, for a paper only shown to the official (a kind naming form.kinds_shown, "xuất trình"),
// that it was shown and not handed in.
func documentItem(l Labels, form string, n int, d Document) string {
	kind, shown := shownKind(l, d.Kind)
	key := form + ".document_item"
	switch {
	case shown:
		key += "_shown"
	case kind == "":
		key += "_nokind"
	}
	return l.fill(key, "n", strconv.Itoa(n), "name", clean(d.Name), "kind", kind, "count", twoDigits(max(d.Count, 1)))
}

// shownKind tells whether kind says the paper is only shown ("Bản chính (xuất trình)"), and
// returns kind without that word ("Bản chính").
func shownKind(l Labels, kind string) (string, bool) {
	k := clean(kind)
	for _, w := range strings.Split(l.get("form.kinds_shown"), "|") {
		w = strings.TrimSpace(w)
		if w == "" {
			continue
		}
		i := strings.Index(strings.ToLower(k), strings.ToLower(w))
		if i < 0 {
			continue
		}
		rest := k[:i] + k[i+len(w):]
		rest = strings.NewReplacer("()", "", "( )", "").Replace(rest)
		rest = strings.Trim(strings.Join(strings.Fields(rest), " "), " -–,;:")
		if rest == "" {
			rest = l.get("supplement.kind_original")
		}
		return rest, true
	}
	return k, false
}
