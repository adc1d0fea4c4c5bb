package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// returnScreen hands results back (Trả kết quả). The scan box keeps the focus: a barcode scanner
// types the slip's code and Enter, the dossier shows with the applicant's name and CCCD to check
// against the person at the counter, and one button records the return.
type returnScreen struct {
	u    *ui
	root fyne.CanvasObject

	scan    *keyEntry
	scanErr *widget.Label

	card    *widget.Form
	code    *widget.Label
	proc    *widget.Label
	name    *widget.Label
	idno    *widget.Label
	status  *widget.Label
	due     *widget.Label
	current *store.Dossier

	who          *widget.RadioGroup
	otherName    *field
	otherIDNo    *field
	otherBox     *fyne.Container
	returnBtn    *widget.Button
	detailBtn    *widget.Button
	message      *widget.Label
	waiting      []store.Dossier
	waitingList  *widget.List
	waitingCount *widget.Label
}

// waitingLimit bounds the list of results waiting at the counter; older ones are scanned or searched.
const waitingLimit = 200

func newReturn(u *ui) *returnScreen {
	r := &returnScreen{u: u}
	r.scan = newKeyEntry(u.hot)
	r.scan.SetPlaceHolder(lang.L("Quét mã trên phiếu hẹn hoặc gõ mã hồ sơ rồi Enter"))
	r.scan.OnSubmitted = r.open
	r.scan.ownScan = true
	r.scanErr = widget.NewLabel("")
	r.scanErr.Importance = widget.DangerImportance
	r.scanErr.Wrapping = fyne.TextWrapWord
	r.scanErr.Hide()

	lbl := func() *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	r.code, r.proc, r.name, r.idno, r.status, r.due = lbl(), lbl(), lbl(), lbl(), lbl(), lbl()
	r.name.TextStyle.Bold = true
	r.idno.TextStyle.Bold = true
	r.card = widget.NewForm(
		widget.NewFormItem(lang.L("Mã hồ sơ"), r.code),
		widget.NewFormItem(lang.L("Thủ tục"), r.proc),
		widget.NewFormItem(lang.L("Người nộp"), r.name),
		widget.NewFormItem(lang.L("Số CCCD"), r.idno),
		widget.NewFormItem(lang.L("Trạng thái"), r.status),
		widget.NewFormItem(lang.L("Hẹn trả"), r.due),
	)

	r.otherName = newField(u, lang.L("Họ và tên người nhận"), lang.L("Nguyễn Văn A"))
	r.otherIDNo = newField(u, lang.L("Số CCCD người nhận"), lang.L("12 chữ số"))
	r.otherIDNo.entry.OnSubmitted = func(string) { r.submit() }
	r.otherBox = container.New(layout.NewFormLayout(),
		widget.NewLabel(r.otherName.label), r.otherName.cell(),
		widget.NewLabel(r.otherIDNo.label), r.otherIDNo.cell())
	r.who = widget.NewRadioGroup([]string{lang.L("Người nộp hồ sơ"), lang.L("Người khác nhận thay")}, func(string) { r.showOther() })
	r.who.Horizontal = true
	r.who.Required = true

	r.returnBtn = widget.NewButtonWithIcon(lang.L("Trả kết quả"), theme.ConfirmIcon(), r.submit)
	r.returnBtn.Importance = widget.HighImportance
	r.detailBtn = widget.NewButtonWithIcon(lang.L("Xem hồ sơ"), theme.InfoIcon(), func() {
		if r.current != nil {
			u.openDossier(*r.current)
		}
	})
	r.message = widget.NewLabel("")
	r.message.Wrapping = fyne.TextWrapWord

	r.waitingCount = widget.NewLabel("")
	r.waitingList = widget.NewList(func() int { return len(r.waiting) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			d := r.waiting[id]
			o.(*widget.Label).SetText(d.Code + " — " + d.Name + " — " + d.ProcedureName)
		})
	r.waitingList.OnSelected = func(id widget.ListItemID) {
		r.waitingList.UnselectAll()
		if id >= 0 && id < len(r.waiting) {
			r.show(r.waiting[id])
		}
	}

	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := container.NewVBox(
		heading(lang.L("Trả kết quả")),
		r.scan, r.scanErr,
		r.card,
		widget.NewSeparator(),
		container.NewHBox(widget.NewLabel(lang.L("Người nhận kết quả:")), r.who),
		r.otherBox,
		container.NewHBox(r.returnBtn, r.detailBtn),
		r.message,
	)
	refresh := widget.NewButtonWithIcon(lang.L("Làm mới"), theme.ViewRefreshIcon(), r.loadWaiting)
	right := container.NewBorder(
		container.NewBorder(nil, nil, nil, container.NewHBox(r.waitingCount, refresh), heading(lang.L("Đã xử lý xong, chờ trả"))),
		nil, nil, nil, r.waitingList)
	r.root = container.NewPadded(container.New(layout.NewGridLayoutWithColumns(2), container.NewVScroll(left), right))
	r.clear()
	return r
}

func (r *returnScreen) focus() { r.u.win.Canvas().Focus(r.scan) }

func (r *returnScreen) showOther() {
	if r.who.Selected == lang.L("Người khác nhận thay") {
		r.otherBox.Show()
	} else {
		r.otherBox.Hide()
		r.otherName.setError("")
		r.otherIDNo.setError("")
	}
}

// forget clears the card, the scan box and the last message: another official logged in.
func (r *returnScreen) forget() {
	r.clear()
	r.scan.SetText("")
	r.message.SetText("")
	r.scanErr.Hide()
}

// clear empties the card for the next citizen.
func (r *returnScreen) clear() {
	r.current = nil
	for _, l := range []*widget.Label{r.code, r.proc, r.name, r.idno, r.status, r.due} {
		l.SetText("—")
	}
	r.who.SetSelected(lang.L("Người nộp hồ sơ"))
	r.otherName.entry.SetText("")
	r.otherIDNo.entry.SetText("")
	r.showOther()
	r.returnBtn.Disable()
	r.detailBtn.Disable()
}

// open finds the scanned or typed dossier: an exact code first, else a search with one match.
func (r *returnScreen) open(q string) {
	q = strings.TrimSpace(q)
	if q == "" {
		return
	}
	r.scanErr.Hide()
	ctx := context.Background()
	goAsync(func() {
		d, err := r.u.st.Dossier(ctx, r.u.actorLogin(), q)
		var found []store.Dossier
		if err != nil {
			found, err = r.u.st.SearchDossiers(ctx, r.u.actorLogin(), q, 2)
		}
		fyne.Do(func() {
			r.scan.SetText("")
			switch {
			case err != nil:
				r.scanError(err.Error())
			case found == nil && d.Code != "":
				r.show(d)
			case len(found) == 1:
				r.show(found[0])
			case len(found) == 0:
				r.scanError(lang.L("Không tìm thấy hồ sơ nào khớp với “{{.Q}}”.", map[string]string{"Q": q}))
			default:
				r.u.lookup(q) // several: the window's list of matches
			}
		})
	})
}

func (r *returnScreen) scanError(msg string) {
	r.scanErr.SetText(msg)
	r.scanErr.Show()
	r.focus()
}

// show puts a dossier on the card; the return button is live only for a resolved one.
func (r *returnScreen) show(d store.Dossier) {
	r.clear()
	r.current = &d
	r.code.SetText(d.Code)
	r.proc.SetText(d.ProcedureName)
	r.name.SetText(d.Name)
	r.idno.SetText(d.IDNo)
	r.status.SetText(d.StatusName)
	r.due.SetText(dueText(d.DueAt) + " — " + store.TimelinessName(d.Timeliness(now())))
	r.detailBtn.Enable()
	r.message.Importance = widget.MediumImportance
	switch d.Status {
	case store.StatusResolved:
		r.returnBtn.Enable()
		r.message.SetText(lang.L("Kiểm tra họ tên và CCCD của người đến nhận, rồi bấm “Trả kết quả”."))
	case store.StatusReturned:
		r.message.SetText(lang.L("Hồ sơ này đã trả kết quả ngày {{.At}} cho {{.Who}}.", map[string]string{"At": shortTime(d.ReturnedAt), "Who": d.Recipient}))
	default:
		// The store has the last word; the button stays usable so that its message is shown.
		r.returnBtn.Enable()
		r.message.SetText(lang.L("Hồ sơ chưa có kết quả (trạng thái: {{.Status}}).", map[string]string{"Status": d.StatusName}))
		r.message.Importance = widget.WarningImportance
	}
	r.message.Refresh()
	r.focus()
}

// recipient is who collects: empty for the applicant.
func (r *returnScreen) recipient() store.Recipient {
	if r.who.Selected != lang.L("Người khác nhận thay") {
		return store.Recipient{}
	}
	return store.Recipient{Name: r.otherName.entry.Text, IDNo: r.otherIDNo.entry.Text}
}

func (r *returnScreen) submit() {
	if r.current == nil {
		return
	}
	r.otherName.setError("")
	r.otherIDNo.setError("")
	code := r.current.Code
	a := store.Action{Code: code, By: r.u.actorLogin(), At: now()}
	rec := r.recipient()
	r.returnBtn.Disable()
	ctx := context.Background()
	goAsync(func() {
		d, err := r.u.st.Return(ctx, a, rec)
		fyne.Do(func() {
			if err != nil {
				r.returnBtn.Enable()
				r.showError(err)
				return
			}
			r.show(d)
			r.u.rating.ask(d.Code)
			r.message.SetText(lang.L("Đã trả kết quả hồ sơ {{.Code}} — {{.When}}.", map[string]string{
				"Code": d.Code, "When": store.TimelinessName(d.Timeliness(now())),
			}))
			r.message.Importance = widget.SuccessImportance
			r.message.Refresh()
			r.returnBtn.Disable()
			r.loadWaiting()
		})
	})
}

// showError puts a recipient's field error under its entry; a refused step shows the store's words.
func (r *returnScreen) showError(err error) {
	var ve *store.ValidationError
	if errors.As(err, &ve) {
		switch ve.Field {
		case store.KeyRecipientIDNo:
			r.otherIDNo.setError(ve.Message)
			r.u.win.Canvas().Focus(r.otherIDNo.entry)
			return
		case store.KeyRecipient:
			r.otherName.setError(ve.Message)
			r.u.win.Canvas().Focus(r.otherName.entry)
			return
		}
	}
	r.message.SetText(err.Error())
	r.message.Importance = widget.DangerImportance
	r.message.Refresh()
}

// loadWaiting lists the dossiers resolved and not yet handed back.
func (r *returnScreen) loadWaiting() {
	ctx := context.Background()
	goAsync(func() {
		ds, err := r.u.st.Book(ctx, store.BookFilter{Status: store.StatusResolved, By: r.u.actorLogin()}, 0, waitingLimit)
		fyne.Do(func() {
			if err != nil {
				r.waitingCount.SetText(err.Error())
				return
			}
			r.waiting = ds
			r.waitingCount.SetText(lang.L("{{.N}} hồ sơ", map[string]int{"N": len(ds)}))
			r.waitingList.Refresh()
		})
	})
}
