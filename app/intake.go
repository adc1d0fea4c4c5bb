package app

import (
	"context"
	"errors"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/app/desk"
	"motcua/store"
)

// field is one labelled entry with the store's message for it shown underneath.
type field struct {
	label string
	entry *keyEntry
	err   *widget.Label
}

func newField(u *ui, label, hint string) *field {
	f := &field{label: label, entry: newKeyEntry(u.hot), err: widget.NewLabel("")}
	f.entry.SetPlaceHolder(hint)
	f.entry.OnSubmitted = func(string) { u.win.Canvas().FocusNext() }
	f.err.Importance = widget.DangerImportance
	f.err.Wrapping = fyne.TextWrapWord
	f.err.Hide()
	return f
}

func (f *field) setError(msg string) {
	f.err.SetText(msg)
	if msg == "" {
		f.err.Hide()
	} else {
		f.err.Show()
	}
}

func (f *field) cell() fyne.CanvasObject { return container.NewVBox(f.entry, f.err) }

// docRow is one document of the procedure's checklist: received or not, and how many.
type docRow struct {
	doc   store.Document
	check *keyCheck
	count *keyEntry
}

// intakeScreen receives a dossier: procedure, applicant, documents, live due time and fee,
// and one button that commits it and prints the appointment slip (Mẫu 01).
type intakeScreen struct {
	u    *ui
	root fyne.CanvasObject

	procEntry   *keyEntry
	procErr     *widget.Label
	procList    *keyList
	procPick    *fyne.Container // the list of matches, while picking
	procInfo    *widget.Label   // the chosen procedure's facts
	matches     []store.Procedure
	hi          int // highlighted match
	proc        *store.Procedure
	caseSel     *widget.Select // the procedure's cases (trường hợp), when it has some
	exemptSel   *widget.Select // the fee exemptions it lists, when it has some
	termsRow    *fyne.Container
	settingProc bool
	searchSeq   int

	name, idno, phone, address, email *field
	sets, pages, postAddress          *field
	fields                            map[store.FieldKey]*field
	pagesRow, postRow                 fyne.CanvasObject

	// Circular 03/2025: how the dossier came in, who resolves it, who filed for the applicant.
	channel                                          *keySelect
	portal, resolver                                 *field
	portalRow                                        fyne.CanvasObject
	repName, repAddress, repIDNo, repPhone, repEmail *field
	repPaper                                         *field
	repBox                                           *widget.Accordion
	refuseBtn                                        *keyButton

	docs     []docRow
	docsBox  *fyne.Container
	docsErr  *widget.Label
	delivery *keySelect

	due, fee, prints *widget.Label
	previewSeq       int

	submitBtn *keyButton
	busy      bool

	notice     *fyne.Container
	noticeText *widget.Label
	noticeWarn *widget.Label
	last       *desk.Receipt
}

func newIntake(u *ui) *intakeScreen {
	i := &intakeScreen{u: u}

	i.procEntry = newKeyEntry(u.hot)
	i.procEntry.SetPlaceHolder(lang.L("Gõ vài chữ tên thủ tục, ví dụ “chung thuc”; ↑ ↓ để chọn, Enter để nhận"))
	i.procEntry.OnChanged = i.procTyped
	i.procEntry.onKey = i.procKey
	i.procErr = widget.NewLabel("")
	i.procErr.Importance = widget.DangerImportance
	i.procErr.Hide()
	i.procList = newKeyList(u.hot, func() int { return len(i.matches) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			p := i.matches[id]
			l.SetText(p.Name + "  ·  " + timeText(p.Unit, p.Days, p.Hours) + "  ·  " + p.Fee.String())
			l.TextStyle.Bold = id == i.hi
			if id == i.hi {
				l.Importance = widget.HighImportance
			} else {
				l.Importance = widget.MediumImportance
			}
			l.Refresh()
		})
	i.procList.OnSelected = func(id widget.ListItemID) {
		i.procList.UnselectAll()
		i.choose(id)
	}
	room := canvas.NewRectangle(color.Transparent)
	room.SetMinSize(fyne.NewSize(0, 160))
	i.procPick = container.NewStack(room, i.procList)
	i.procInfo = widget.NewLabel("")
	i.procInfo.Wrapping = fyne.TextWrapWord
	i.procInfo.Hide()
	i.caseSel = widget.NewSelect(nil, func(string) { i.applyTerms() })
	i.exemptSel = widget.NewSelect(nil, func(string) { i.preview() })
	i.caseSel.PlaceHolder = lang.L("Thông thường")
	i.exemptSel.PlaceHolder = lang.L("Không")
	i.termsRow = container.NewHBox(widget.NewLabel(lang.L("Trường hợp:")), i.caseSel,
		widget.NewLabel(lang.L("Miễn phí, lệ phí:")), i.exemptSel)
	i.termsRow.Hide()

	i.name = newField(u, lang.L("Họ và tên"), lang.L("Nguyễn Văn A"))
	i.idno = newField(u, lang.L("Số định danh cá nhân (CCCD)"), lang.L("12 chữ số"))
	i.phone = newField(u, lang.L("Điện thoại"), "09xxxxxxxx")
	i.address = newField(u, lang.L("Địa chỉ"), lang.L("Số nhà, đường, tổ dân phố"))
	i.email = newField(u, lang.L("Email"), lang.L("không bắt buộc"))
	i.sets = newField(u, lang.L("Số bộ hồ sơ"), "1")
	i.pages = newField(u, lang.L("Số trang"), lang.L("số trang cần chứng thực"))
	i.postAddress = newField(u, lang.L("Địa chỉ nhận qua bưu chính"), lang.L("nơi bưu điện chuyển kết quả đến"))
	i.portal = newField(u, lang.L("Mã hồ sơ trên Cổng dịch vụ công"), lang.L("mã của hồ sơ nộp trực tuyến"))
	i.resolver = newField(u, lang.L("Cơ quan giải quyết"), lang.L("bỏ trống: chính cơ quan này"))
	i.repName = newField(u, lang.L("Họ và tên"), lang.L("người được ủy quyền nộp hồ sơ"))
	i.repAddress = newField(u, lang.L("Địa chỉ"), "")
	i.repIDNo = newField(u, lang.L("Số định danh cá nhân (CCCD)"), lang.L("12 chữ số"))
	i.repPhone = newField(u, lang.L("Điện thoại"), "09xxxxxxxx")
	i.repEmail = newField(u, lang.L("Email"), lang.L("không bắt buộc"))
	i.repPaper = newField(u, lang.L("Giấy tờ ủy quyền"), lang.L("ví dụ: Giấy ủy quyền số 12/UQ ngày 01/12/2026"))
	i.fields = map[store.FieldKey]*field{
		store.KeyName: i.name, store.KeyIDNo: i.idno, store.KeyPhone: i.phone, store.KeyAddress: i.address, store.KeyEmail: i.email,
		store.KeySets: i.sets, store.KeyPages: i.pages, store.KeyPostAddress: i.postAddress,
		"portal_code": i.portal, "resolving_agency": i.resolver, "rep_name": i.repName, "rep_address": i.repAddress,
		"rep_idno": i.repIDNo, "rep_phone": i.repPhone, "rep_email": i.repEmail, "rep_paper": i.repPaper,
	}
	// A drop-down, not radio buttons: three long choices in a row would widen the column past 1366 px.
	i.channel = newKeySelect(u.hot, []string{lang.L("Trực tiếp"), lang.L("Qua bưu chính công ích"), lang.L("Trực tuyến")}, func(string) {
		i.showPortal()
	})
	for key, f := range i.fields {
		f.entry.onBlur = func() { i.checkField(key) }
	}
	i.sets.entry.OnChanged = func(string) { i.preview() }
	i.pages.entry.OnChanged = func(string) { i.preview() }

	i.delivery = newKeySelect(u.hot, []string{lang.L("Tại Bộ phận một cửa"), lang.L("Qua bưu chính")}, func(string) {
		i.showPost()
		i.preview()
	})

	i.docsBox = container.NewVBox()
	i.docsErr = widget.NewLabel("")
	i.docsErr.Importance = widget.DangerImportance
	i.docsErr.Wrapping = fyne.TextWrapWord
	i.docsErr.Hide()
	i.due = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	i.fee = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	i.prints = widget.NewLabel(lang.L("Sẽ in: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01), 2 liên"))
	i.submitBtn = newKeyButton(u.hot, lang.L("Tiếp nhận và in phiếu hẹn (Ctrl+Enter)"), theme.DocumentPrintIcon(), i.submit)
	i.submitBtn.Importance = widget.HighImportance
	i.refuseBtn = newKeyButton(u.hot, lang.L("Từ chối tiếp nhận (Mẫu 03)"), theme.CancelIcon(), i.askRefusal)

	i.noticeText = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	i.noticeText.Wrapping = fyne.TextWrapWord
	i.noticeWarn = widget.NewLabel("")
	i.noticeWarn.Importance = widget.WarningImportance
	i.noticeWarn.Wrapping = fyne.TextWrapWord
	i.noticeWarn.Hide()
	again := newKeyButton(u.hot, lang.L("In lại"), theme.DocumentPrintIcon(), i.reprintLast)
	open := newKeyButton(i.u.hot, lang.L("Mở PDF"), theme.FileIcon(), i.openLast)
	i.notice = container.NewBorder(nil, i.noticeWarn, widget.NewIcon(theme.ConfirmIcon()), container.NewHBox(again, open), i.noticeText)
	i.notice.Hide()

	i.root = i.layout()
	i.clear()
	return i
}

func (i *intakeScreen) layout() fyne.CanvasObject {
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	form := func(fs ...*field) *fyne.Container {
		c := container.New(layout.NewFormLayout())
		for _, f := range fs {
			c.Add(widget.NewLabel(f.label))
			c.Add(f.cell())
		}
		return c
	}
	procedure := container.NewVBox(heading(lang.L("Thủ tục")), i.procEntry, i.procErr, i.procPick, i.procInfo, i.termsRow)
	i.portalRow = form(i.portal)
	i.repBox = widget.NewAccordion(widget.NewAccordionItem(lang.L("Người được ủy quyền nộp thay (nếu có)"),
		form(i.repName, i.repAddress, i.repIDNo, i.repPhone, i.repEmail, i.repPaper)))
	applicant := container.NewVBox(heading(lang.L("Người nộp hồ sơ")), form(i.name, i.idno, i.phone, i.address, i.email),
		container.NewHBox(widget.NewLabel(lang.L("Hình thức nộp:")), i.channel), i.portalRow, form(i.resolver), i.repBox)

	// Counts are short: a narrow entry reads better than one across the column.
	narrow := func(f *field) *fyne.Container {
		e := container.NewGridWrap(fyne.NewSize(80, f.entry.MinSize().Height), f.entry)
		return container.NewHBox(widget.NewLabel(f.label), container.NewVBox(e, f.err))
	}
	i.pagesRow = narrow(i.pages)
	i.postRow = form(i.postAddress)
	// Most citizens bring the whole list: one click ticks it, the official unticks what is missing.
	all := newKeyButton(i.u.hot, lang.L("Nhận đủ (Ctrl+D)"), theme.ConfirmIcon(), i.tickAll)
	docsHead := container.NewVBox(container.NewBorder(nil, nil, nil, all, heading(lang.L("Thành phần hồ sơ đã nhận"))), i.docsErr)
	docs := container.NewBorder(docsHead, nil, nil, nil, container.NewVScroll(i.docsBox))
	bottomRight := container.NewVBox(container.NewHBox(narrow(i.sets), i.pagesRow),
		container.NewHBox(widget.NewLabel(lang.L("Nhận kết quả:")), container.NewGridWrap(fyne.NewSize(230, i.delivery.MinSize().Height), i.delivery)), i.postRow)
	right := container.NewBorder(nil, bottomRight, nil, nil, docs)

	columns := container.New(layout.NewGridLayoutWithColumns(2), container.NewVScroll(applicant), right)
	strip := container.NewStack(canvas.NewRectangle(colourRail),
		container.NewVBox(container.NewHBox(i.due, layout.NewSpacer(), i.fee), i.prints))
	summary := container.NewVBox(strip, container.NewHBox(i.refuseBtn, layout.NewSpacer(), i.submitBtn))
	top := container.NewVBox(i.notice, procedure)
	return container.NewPadded(container.NewBorder(top, summary, nil, nil, columns))
}

func daysText(n int) string {
	if n == 0 {
		return lang.L("trong ngày")
	}
	return lang.L("{{.N}} ngày làm việc", map[string]int{"N": n})
}

// perPage tells whether the procedure's fee depends on the number of pages.
func perPage(f store.Fee) bool { return f.For(1) != f.For(2) }

func (i *intakeScreen) focus() {
	if i.proc == nil {
		i.u.win.Canvas().Focus(i.procEntry)
	} else {
		i.u.win.Canvas().Focus(i.name.entry)
	}
}

// reload refreshes the matches after the catalogue changed (e.g. the demo data arrived).
func (i *intakeScreen) reload() {
	if i.proc == nil {
		i.search(i.procEntry.Text)
	}
}

func (i *intakeScreen) procTyped(s string) {
	if i.settingProc {
		return
	}
	i.notice.Hide() // a new dossier is started: the last one's banner goes
	if i.proc != nil {
		i.proc = nil
		i.procInfo.Hide()
		i.procPick.Show()
		i.setDocs(nil)
		i.preview()
	}
	i.search(s)
}

func (i *intakeScreen) search(q string) {
	i.searchSeq++
	seq := i.searchSeq
	q = strings.TrimSpace(q)
	ctx := context.Background()
	goAsync(func() {
		var ps []store.Procedure
		var err error
		if q == "" {
			ps, err = i.u.st.Procedures(ctx)
		} else {
			ps, err = i.u.st.SearchProcedures(ctx, q)
		}
		fyne.Do(func() {
			if seq != i.searchSeq || i.proc != nil {
				return
			}
			i.matches = i.matches[:0]
			if err == nil {
				for _, p := range ps {
					if p.Active {
						i.matches = append(i.matches, p)
					}
				}
			}
			i.hi = 0
			i.procList.Refresh()
			i.procList.ScrollToTop()
		})
	})
}

// procKey lets the picker be driven by keyboard: ↑ ↓ move, Enter chooses.
func (i *intakeScreen) procKey(ev *fyne.KeyEvent) bool {
	if i.proc != nil {
		return false
	}
	switch ev.Name {
	case fyne.KeyDown:
		if i.hi < len(i.matches)-1 {
			i.hi++
			i.procList.Refresh()
			i.procList.ScrollTo(i.hi)
		}
		return true
	case fyne.KeyUp:
		if i.hi > 0 {
			i.hi--
			i.procList.Refresh()
			i.procList.ScrollTo(i.hi)
		}
		return true
	case fyne.KeyReturn, fyne.KeyEnter:
		if len(i.matches) > 0 {
			i.choose(i.hi)
		}
		return true
	}
	return false
}

func (i *intakeScreen) choose(id int) {
	if id < 0 || id >= len(i.matches) {
		return
	}
	p := i.matches[id]
	i.proc = &p
	i.settingProc = true
	i.procEntry.SetText(p.Name)
	i.settingProc = false
	i.procErr.Hide()
	i.procPick.Hide()
	i.procInfo.Show()
	// The cases and exemptions the catalogue lists for it, chosen at the counter.
	cases := []string{lang.L("Thông thường")}
	for _, c := range p.Cases {
		cases = append(cases, c.Name)
	}
	exempt := []string{lang.L("Không")}
	for _, e := range append(append([]string(nil), p.Fee.Exemptions...), p.Charge.Exemptions...) {
		exempt = append(exempt, e)
	}
	i.caseSel.Options, i.exemptSel.Options = cases, exempt
	i.exemptSel.SetSelectedIndex(0)
	i.caseSel.SetSelectedIndex(0) // applyTerms
	if len(cases) > 1 || len(exempt) > 1 {
		i.termsRow.Show()
	} else {
		i.termsRow.Hide()
	}
	i.u.win.Canvas().Focus(i.name.entry)
}

// terms are the chosen procedure's terms for the chosen case.
func (i *intakeScreen) terms() store.Terms {
	if i.proc == nil {
		return store.Terms{}
	}
	c := ""
	if k := i.caseSel.SelectedIndex(); k > 0 {
		c = i.caseSel.Options[k]
	}
	t, err := i.proc.Terms(c)
	if err != nil {
		t, _ = i.proc.Terms("")
	}
	return t
}

// applyTerms shows the procedure's (or the case's) facts and documents.
func (i *intakeScreen) applyTerms() {
	if i.proc == nil {
		return
	}
	p, t := i.proc, i.terms()
	fee := t.Fee.String()
	if t.Charge.Kind != store.FeeNone {
		fee += " · " + lang.L("Phí: {{.Fee}}", map[string]string{"Fee": t.Charge.String()})
	}
	info := lang.L("Lĩnh vực: {{.Field}} · Thời hạn: {{.Days}} · Lệ phí: {{.Fee}}", map[string]string{
		"Field": p.FieldName, "Days": timeText(t.Unit, t.Days, t.Hours), "Fee": fee,
	})
	if p.LegalBasis != "" {
		info += "\n" + lang.L("Căn cứ: {{.Basis}}", map[string]string{"Basis": p.LegalBasis})
	}
	i.procInfo.SetText(info)
	i.setDocs(t.Documents)
	if perPage(t.Fee) || perPage(t.Charge) {
		i.pagesRow.Show()
	} else {
		i.pagesRow.Hide()
	}
	i.preview()
}

func (i *intakeScreen) setDocs(docs []store.Document) {
	i.docs = i.docs[:0]
	i.docsBox.RemoveAll()
	if len(docs) == 0 {
		i.docsBox.Add(widget.NewLabel(lang.L("Chọn thủ tục để thấy danh sách giấy tờ.")))
		return
	}
	for _, d := range docs {
		r := docRow{doc: d, check: newKeyCheck(i.u.hot, d.Name, nil), count: newKeyEntry(i.u.hot)}
		n := d.Count
		if n < 1 {
			n = 1
		}
		r.count.SetText(strconv.Itoa(n))
		r.count.OnSubmitted = func(string) { i.u.win.Canvas().FocusNext() }
		kind := widget.NewLabel(docKindText(d.Kind))
		count := container.NewGridWrap(fyne.NewSize(56, r.count.MinSize().Height), r.count)
		i.docsBox.Add(container.NewBorder(nil, nil, nil, container.NewHBox(kind, count), r.check))
		i.docs = append(i.docs, r)
	}
}

// tickAll marks every document of the procedure as received.
func (i *intakeScreen) tickAll() {
	for _, r := range i.docs {
		r.check.SetChecked(true)
	}
	i.docsErr.Hide()
}

func (i *intakeScreen) showPost() {
	if i.delivery.Selected == lang.L("Qua bưu chính") {
		i.postRow.Show()
	} else {
		i.postRow.Hide()
		i.postAddress.setError("")
	}
}

func (i *intakeScreen) showPortal() {
	if i.portalRow == nil {
		return
	}
	if i.channel.Selected == lang.L("Trực tuyến") {
		i.portalRow.Show()
	} else {
		i.portalRow.Hide()
		i.portal.setError("")
	}
}

// channelOf is the channel the radio group names.
func (i *intakeScreen) channelOf() store.Channel {
	switch i.channel.Selected {
	case lang.L("Qua bưu chính công ích"):
		return store.ChannelPost
	case lang.L("Trực tuyến"):
		return store.ChannelOnline
	}
	return store.ChannelDirect
}

// intake is what the form says now.
func (i *intakeScreen) intake() store.Intake {
	in := store.Intake{
		Name:        i.name.entry.Text,
		IDNo:        i.idno.entry.Text,
		Phone:       i.phone.entry.Text,
		Address:     i.address.entry.Text,
		Email:       i.email.entry.Text,
		Sets:        atoi(i.sets.entry.Text),
		ByPost:      i.delivery.Selected == lang.L("Qua bưu chính"),
		ReceivedAt:  now(),
		By:          i.u.actorLogin(),
		PostAddress: "",

		Channel:         i.channelOf(),
		ResolvingAgency: i.resolver.entry.Text,
		Rep: store.Representative{Name: i.repName.entry.Text, Address: i.repAddress.entry.Text, IDNo: i.repIDNo.entry.Text,
			Phone: i.repPhone.entry.Text, Email: i.repEmail.entry.Text, Paper: i.repPaper.entry.Text},
	}
	if in.Channel == store.ChannelOnline {
		in.PortalCode = i.portal.entry.Text
	}
	if i.proc != nil {
		in.ProcedureID = i.proc.ID
		t := i.terms()
		in.Case = t.Case
		if perPage(t.Fee) || perPage(t.Charge) {
			in.Pages = atoi(i.pages.entry.Text)
		}
		if k := i.exemptSel.SelectedIndex(); k > 0 {
			in.Exemption = i.exemptSel.Options[k]
		}
	}
	if in.ByPost {
		in.PostAddress = i.postAddress.entry.Text
	}
	for _, r := range i.docs {
		if r.check.Checked {
			in.Documents = append(in.Documents, store.ReceivedDocument{Name: r.doc.Name, Kind: r.doc.Kind.Label(), Count: atoi(r.count.Text)})
		}
	}
	return in
}

// atoi reads a count; anything unreadable is 0, which the store names as the field's error.
func atoi(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0
	}
	return n
}

// preview recomputes the due time and the fee, without writing anything.
func (i *intakeScreen) preview() {
	i.previewSeq++
	seq := i.previewSeq
	if i.proc == nil {
		i.due.SetText(lang.L("Hẹn trả: chọn thủ tục để tính"))
		i.fee.SetText(lang.L("Lệ phí: —"))
		return
	}
	in := i.intake()
	ctx := context.Background()
	goAsync(func() {
		due, fee, err := i.u.st.Preview(ctx, in)
		fyne.Do(func() {
			if seq != i.previewSeq {
				return
			}
			if err != nil {
				i.due.SetText(lang.L("Hẹn trả: —"))
				i.fee.SetText(lang.L("Lệ phí: —") + "  (" + err.Error() + ")")
				return
			}
			i.due.SetText(lang.L("Hẹn trả: {{.When}}", map[string]string{"When": dueText(due)}))
			i.fee.SetText(lang.L("Lệ phí: {{.Fee}}", map[string]string{"Fee": money(fee)}))
		})
	})
}

func (i *intakeScreen) clearErrors() {
	i.procErr.Hide()
	i.docsErr.Hide()
	for _, f := range i.fields {
		f.setError("")
	}
}

// submit commits the dossier and prints its slip (Ctrl+Enter).
func (i *intakeScreen) submit() {
	if i.busy {
		return
	}
	i.clearErrors()
	in := i.intake()
	if probs := in.Problems(); len(probs) > 0 {
		i.notice.Hide()
		i.showProblems(probs)
		return
	}
	i.busy = true
	i.submitBtn.Disable()
	i.submitBtn.SetText(lang.L("Đang lưu và in…"))
	ctx := context.Background()
	goAsync(func() {
		r, err := i.u.desk.Receive(ctx, in)
		fyne.Do(func() {
			i.busy = false
			i.submitBtn.SetText(lang.L("Tiếp nhận và in phiếu hẹn (Ctrl+Enter)"))
			i.submitBtn.Enable()
			if err != nil {
				var ve *store.ValidationError
				if !errors.As(err, &ve) {
					// Not about a field: the database is unreachable or failed. The form keeps what was
					// typed, and says so, so the official simply tries again.
					err = errors.New(lang.L("Chưa tiếp nhận được hồ sơ; thông tin đã nhập vẫn giữ nguyên trên màn hình, hãy thử lại. Lỗi: {{.Err}}",
						map[string]string{"Err": store.Explain(err).Error()}))
				}
				i.showError(err)
				return
			}
			i.received(r)
		})
	})
}

// showProblems puts every message under its field and the cursor in the first bad field.
func (i *intakeScreen) showProblems(probs []*store.ValidationError) {
	var first fyne.Focusable
	for _, p := range probs {
		if at := i.showAt(p); first == nil {
			first = at
		}
	}
	if first != nil {
		i.u.win.Canvas().Focus(first)
	}
}

// showAt shows one message where it belongs and returns what to focus to fix it (nil: it was
// not about a field of the form, and was reported in a dialog).
func (i *intakeScreen) showAt(ve *store.ValidationError) fyne.Focusable {
	switch ve.Field {
	case "procedure":
		i.procErr.SetText(ve.Message)
		i.procErr.Show()
		return i.procEntry
	case "documents":
		i.docsErr.SetText(ve.Message)
		i.docsErr.Show()
		if len(i.docs) > 0 {
			return i.docs[0].check
		}
		return nil
	}
	f, ok := i.fields[ve.Field]
	if !ok {
		i.u.fail(ve)
		return nil
	}
	if strings.HasPrefix(string(ve.Field), "rep_") {
		i.repBox.Open(0) // the representative's fields are folded away until needed
	}
	f.setError(ve.Message)
	return f.entry
}

// checkField shows or clears a field's message when the cursor leaves it, once something was
// typed there (an empty field is not an error until the dossier is submitted).
func (i *intakeScreen) checkField(key store.FieldKey) {
	f := i.fields[key]
	if strings.TrimSpace(f.entry.Text) == "" && !f.err.Visible() {
		return
	}
	f.setError("")
	for _, p := range i.intake().Problems() {
		if p.Field == key {
			f.setError(p.Message)
		}
	}
}

// showError puts a validation message under its field and the cursor in it.
func (i *intakeScreen) showError(err error) {
	var ve *store.ValidationError
	if !errors.As(err, &ve) {
		i.u.fail(err)
		return
	}
	i.showProblems([]*store.ValidationError{ve})
}

// askRefusal asks why the dossier does not qualify, then records the refusal at the counter and
// prints Mẫu 03 instead of the appointment slip: no fee, no due time.
func (i *intakeScreen) askRefusal() {
	if i.busy {
		return
	}
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder(lang.L("Lý do cụ thể hồ sơ không được tiếp nhận"))
	reason.Wrapping = fyne.TextWrapWord
	reason.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.L("Hãy ghi lý do từ chối."))
		}
		return nil
	}
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Lý do"), reason)}
	dlg := dialog.NewForm(lang.L("Từ chối tiếp nhận hồ sơ"), lang.L("Từ chối và in Mẫu 03"), lang.L("Không"), items, func(ok bool) {
		if ok {
			i.refuse(reason.Text)
		}
	}, i.u.win)
	dlg.Resize(fyne.NewSize(520, 260))
	dlg.Show()
	i.u.win.Canvas().Focus(reason)
}

// refuse records the refusal at the counter with what the form says.
func (i *intakeScreen) refuse(reason string) {
	i.clearErrors()
	in := i.intake()
	i.busy = true
	i.submitBtn.Disable()
	i.refuseBtn.Disable()
	ctx := context.Background()
	goAsync(func() {
		r, err := i.u.desk.RefuseIntake(ctx, in, reason)
		fyne.Do(func() {
			i.busy = false
			i.submitBtn.Enable()
			i.refuseBtn.Enable()
			if err != nil {
				i.showError(err)
				return
			}
			i.received(r)
		})
	})
}

func (i *intakeScreen) received(r desk.Receipt) {
	i.last = &r
	d := r.Dossier
	i.u.rating.ask(d.Code)
	if d.RefusedAtIntake {
		i.noticeText.SetText(lang.L("Đã ghi hồ sơ {{.Code}} — số thứ tự {{.No}} — {{.Name}}: từ chối tiếp nhận, in Phiếu từ chối (Mẫu 03)", map[string]any{
			"Code": d.Code, "No": d.BookNo, "Name": d.Name,
		}))
	} else {
		i.noticeText.SetText(lang.L("Đã tiếp nhận hồ sơ {{.Code}} — số thứ tự {{.No}} — {{.Name}} — hẹn trả {{.Due}}", map[string]any{
			"Code": d.Code, "No": d.BookNo, "Name": d.Name, "Due": dueText(d.DueAt),
		}))
	}
	if r.PrintErr != nil {
		i.noticeWarn.SetText(lang.L("Hồ sơ đã được lưu, nhưng chưa in được phiếu hẹn: {{.Err}}. Bấm “In lại” hoặc “Mở PDF”.", map[string]string{"Err": r.PrintErr.Error()}))
		i.noticeWarn.Show()
	} else {
		i.noticeWarn.Hide()
	}
	i.notice.Show()
	i.clear()
	i.u.today.load() // one more dossier on the desk
	i.u.win.Canvas().Focus(i.procEntry)
}

// forget drops the last receipt and the form: another official sits at the counter.
func (i *intakeScreen) forget() {
	i.last = nil
	i.noticeText.SetText("")
	i.noticeWarn.SetText("")
	i.noticeWarn.Hide()
	i.notice.Hide()
	i.clear()
}

// clear empties the form for the next citizen (the last receipt's notice stays).
func (i *intakeScreen) clear() {
	i.clearErrors()
	i.proc = nil
	i.settingProc = true
	i.procEntry.SetText("")
	i.settingProc = false
	i.procInfo.Hide()
	i.termsRow.Hide()
	i.procPick.Show()
	for _, f := range []*field{i.name, i.idno, i.phone, i.address, i.email, i.pages, i.postAddress,
		i.portal, i.resolver, i.repName, i.repAddress, i.repIDNo, i.repPhone, i.repEmail, i.repPaper} {
		f.entry.SetText("")
	}
	i.channel.SetSelected(lang.L("Trực tiếp"))
	i.showPortal()
	i.repBox.CloseAll()
	i.sets.entry.SetText("1")
	i.pages.entry.SetText("1")
	i.pagesRow.Hide()
	i.delivery.SetSelected(lang.L("Tại Bộ phận một cửa"))
	i.setDocs(nil)
	i.search("")
	i.preview()
}

// typed tells whether clearing would lose something the official entered.
func (i *intakeScreen) typed() bool {
	if i.proc != nil || strings.TrimSpace(i.procEntry.Text) != "" {
		return true
	}
	for _, f := range []*field{i.name, i.idno, i.phone, i.address, i.email, i.postAddress,
		i.portal, i.resolver, i.repName, i.repAddress, i.repIDNo, i.repPhone, i.repEmail, i.repPaper} {
		if strings.TrimSpace(f.entry.Text) != "" {
			return true
		}
	}
	return false
}

// escape clears the form (Esc), asking first when something was typed.
func (i *intakeScreen) escape() {
	if !i.typed() {
		i.clear()
		return
	}
	msg := widget.NewLabel(lang.L("Xóa mọi thông tin đang nhập để tiếp nhận hồ sơ khác?"))
	i.u.hot.confirmKeys(dialog.NewCustomConfirm(lang.L("Xóa biểu mẫu"), lang.L("Xóa"), lang.L("Không"), msg, func(ok bool) {
		if ok {
			i.clear()
			i.focus()
		}
	}, i.u.win)).Show()
}

// lastSlip is the last receipt's slip, drawn again by the desk when it was not written.
func (i *intakeScreen) lastSlip(ctx context.Context, code, path string) (string, error) {
	if path != "" {
		return path, nil
	}
	return i.u.desk.Slip(ctx, i.u.actorLogin(), code)
}

func (i *intakeScreen) reprintLast() {
	if i.last == nil {
		return
	}
	i.noticeWarn.SetText(lang.L("Đang in…"))
	i.noticeWarn.Show()
	code, known := i.last.Dossier.Code, i.last.SlipPath
	ctx := context.Background()
	goAsync(func() {
		path, err := i.lastSlip(ctx, code, known)
		if err == nil {
			err = i.u.desk.Print(ctx, path)
		}
		fyne.Do(func() {
			if i.last != nil && i.last.Dossier.Code == code && path != "" {
				i.last.SlipPath = path
			}
			if err != nil {
				i.noticeWarn.SetText(lang.L("Chưa in được: {{.Err}}. Có thể mở PDF và in từ trình xem.", map[string]string{"Err": err.Error()}))
			} else {
				i.noticeWarn.SetText(lang.L("Đã gửi phiếu tới máy in: {{.Path}}", map[string]string{"Path": path}))
			}
		})
	})
}

func (i *intakeScreen) openLast() {
	if i.last == nil {
		return
	}
	code, known := i.last.Dossier.Code, i.last.SlipPath
	ctx := context.Background()
	goAsync(func() {
		path, err := i.lastSlip(ctx, code, known)
		if err == nil {
			err = i.u.desk.OpenPDF(path)
		}
		fyne.Do(func() {
			if err != nil {
				i.noticeWarn.SetText(lang.L("Không mở được PDF: {{.Err}}", map[string]string{"Err": err.Error()}))
				i.noticeWarn.Show()
			}
		})
	})
}
