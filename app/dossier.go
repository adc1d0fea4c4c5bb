package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// dossierView is one dossier's detail: who, what, when it is due and whether it is late, the
// actions its status allows, its history and its slips, each of which can be printed again.
type dossierView struct {
	u       *ui
	d       store.Dossier
	dlg     dialog.Dialog
	open    bool
	body    *fyne.Container
	fields  *widget.Form
	slips   *fyne.Container
	history *fyne.Container
	actions map[store.Act]*widget.Button // by store action, for the buttons the status allows
	status  *widget.Label                // progress and printer messages
	step    *stepForm                    // the step dialog last opened
	scroll  *container.Scroll
}

func (u *ui) openDossier(d store.Dossier) {
	if u.detail != nil && u.detail.open {
		u.detail.dlg.Hide()
	}
	v := &dossierView{u: u, d: d, status: widget.NewLabel(""), body: container.NewVBox()}
	v.status.Wrapping = fyne.TextWrapWord
	closeBtn := widget.NewButton(lang.L("Đóng"), func() { v.dlg.Hide() })
	reprint := widget.NewButtonWithIcon(lang.L("In lại phiếu hẹn (Ctrl+P)"), theme.DocumentPrintIcon(), v.reprint)
	control := widget.NewButtonWithIcon(lang.L("In phiếu kiểm soát (Mẫu 06)"), theme.DocumentPrintIcon(), func() { v.printForm(store.FormControl) })
	v.scroll = container.NewVScroll(v.body)
	content := container.NewBorder(nil, container.NewVBox(v.status, container.NewHBox(reprint, control, closeBtn)), nil, nil, v.scroll)
	v.dlg = dialog.NewCustomWithoutButtons(lang.L("Hồ sơ {{.Code}}", map[string]string{"Code": d.Code}), content, u.win)
	v.dlg.SetOnClosed(func() { v.open = false })
	v.dlg.SetOnClosed(u.hot.pushModal(nil, v.dlg.Hide)) // Esc closes the dossier
	v.dlg.Resize(fyne.NewSize(1100, 640))
	u.detail = v
	v.open = true
	v.render()
	v.dlg.Show()
	v.loadSlips()
	v.loadHistory()
}

// render lays the dossier out again after a step changed it.
func (v *dossierView) render() {
	d := v.d
	post := lang.L("Tại Bộ phận một cửa")
	if d.ByPost {
		post = lang.L("Qua bưu chính") + ": " + d.PostAddress
	}
	row := func(k, val string) *widget.FormItem {
		l := widget.NewLabel(val)
		l.Wrapping = fyne.TextWrapWord
		return widget.NewFormItem(k, l)
	}
	v.fields = widget.NewForm(
		row(lang.L("Mã hồ sơ"), d.Code),
		row(lang.L("Số thứ tự"), lang.L("{{.No}} (sổ năm {{.Year}})", map[string]any{"No": d.BookNo, "Year": d.BookYear})),
		row(lang.L("Người nộp"), d.Name),
		row(lang.L("Số CCCD"), d.IDNo),
		row(lang.L("Điện thoại"), d.Phone),
		row(lang.L("Địa chỉ"), d.Address),
		row(lang.L("Nhận kết quả"), post),
		row(lang.L("Lệ phí"), money(d.Fee)),
	)
	due := dueText(d.DueAt)
	if d.Rescheduled || (!d.OriginalDueAt.IsZero() && !d.OriginalDueAt.Equal(d.DueAt)) {
		due += "\n" + lang.L("(hẹn ban đầu: {{.When}})", map[string]string{"When": dueText(d.OriginalDueAt)})
	}
	tl := d.Timeliness(now())
	timely := widget.NewLabelWithStyle(store.TimelinessName(tl), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if tl.Late() {
		timely.Importance = widget.DangerImportance
	} else {
		timely.Importance = widget.SuccessImportance
	}
	holder := d.HolderName
	if d.PendingTo != "" {
		holder += "\n" + lang.L("đã giao cho {{.To}}, chờ xác nhận", map[string]string{"To": d.PendingToName})
	}
	status := d.StatusName
	if d.Supplements >= 2 {
		status += " " + lang.L("({{.N}} lần yêu cầu bổ sung)", map[string]int{"N": d.Supplements})
	}
	when := widget.NewForm(
		row(lang.L("Thủ tục"), d.ProcedureName),
		row(lang.L("Tiếp nhận"), dueText(d.ReceivedAt)+" — "+d.ReceivedByName),
		row(lang.L("Hẹn trả"), due),
		widget.NewFormItem(lang.L("Tiến độ"), timely),
		row(lang.L("Trạng thái"), status),
		row(lang.L("Đang giữ"), holder),
	)
	if d.ResultNote != "" {
		when.AppendItem(row(lang.L("Kết quả"), d.ResultNote))
	}
	if d.Status == store.StatusReturned {
		when.AppendItem(row(lang.L("Đã trả"), shortTime(d.ReturnedAt)+" — "+d.Recipient))
	}
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	if v.history == nil {
		v.history = container.NewVBox()
		v.slips = container.NewVBox()
	}
	v.body.Objects = []fyne.CanvasObject{
		container.NewGridWithColumns(2, v.fields, when),
		v.actionBar(),
		widget.NewSeparator(),
		container.NewGridWithColumns(2,
			container.NewVBox(heading(lang.L("Quá trình xử lý")), v.history),
			container.NewVBox(heading(lang.L("Phiếu đã lập")), v.slips)),
	}
	v.body.Refresh()
}

// formNames are desk.Forms's names as the window shows them, listed here so that the
// translation files carry them (TestFormNamesAreDesks keeps the two lists the same).
var formNames = []struct {
	code store.Form
	name string
}{
	{"01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
	{"02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"},
	{"03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
	{"04", "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"},
	{"05", "Thông báo dừng giải quyết hồ sơ"},
	{"06", "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
}

func (v *dossierView) loadSlips() {
	ctx := context.Background()
	goAsync(func() {
		slips, err := v.u.st.Slips(ctx, v.u.actorLogin(), v.d.Code)
		fyne.Do(func() {
			v.slips.RemoveAll()
			if err != nil {
				v.status.SetText(err.Error())
				return
			}
			if len(slips) == 0 {
				v.slips.Add(widget.NewLabel(lang.L("Chưa có phiếu nào; bấm “In lại phiếu hẹn” để tạo.")))
			}
			for _, s := range slips {
				path := s.Path
				name := ""
				for _, f := range formNames {
					if f.code == s.Form {
						name = lang.L(f.name)
					}
				}
				label := widget.NewLabel(lang.L("Mẫu {{.Form}} — {{.Name}}, {{.At}}", map[string]string{"Form": string(s.Form), "Name": name, "At": shortTime(s.At)}))
				label.Wrapping = fyne.TextWrapWord
				pr := widget.NewButtonWithIcon(lang.L("In lại"), theme.DocumentPrintIcon(), func() { v.print(path) })
				op := widget.NewButtonWithIcon(lang.L("Mở PDF"), theme.FileIcon(), func() { v.openPDF(path) })
				v.slips.Add(container.NewBorder(nil, nil, nil, container.NewHBox(pr, op), label))
			}
			v.scroll.Refresh() // the list grew after the dialog was laid out
		})
	})
}

// loadHistory lists the dossier's steps: when, who, what, and the note.
func (v *dossierView) loadHistory() {
	ctx := context.Background()
	goAsync(func() {
		evs, err := v.u.st.Events(ctx, v.u.actorLogin(), v.d.Code)
		fyne.Do(func() {
			v.history.RemoveAll()
			if err != nil {
				v.history.Add(widget.NewLabel(err.Error()))
				return
			}
			for _, e := range evs {
				l := widget.NewLabel(eventText(e))
				l.Wrapping = fyne.TextWrapWord
				v.history.Add(l)
			}
			v.scroll.Refresh()
		})
	})
}

// eventText is one line of the history: "26/01/2026 08:15 · Nguyễn Thị Lan · Bàn giao cho Lê Văn Hùng · note".
func eventText(e store.Event) string {
	what := eventName(e.Kind)
	switch e.Kind {
	case store.ActHandover:
		var h store.HandoverData
		if e.Decode(&h) == nil && h.ToName != "" {
			what = lang.L("Bàn giao cho {{.To}}", map[string]string{"To": h.ToName})
		}
	case store.ActReschedule:
		var r store.RescheduleData
		if e.Decode(&r) == nil && !r.NewDue.IsZero() {
			what += " " + lang.L("đến {{.When}}", map[string]string{"When": shortTime(r.NewDue)})
		}
	case store.ActResume:
		var r store.DueData
		if e.Decode(&r) == nil && !r.NewDue.IsZero() {
			what += " " + lang.L("(hẹn trả mới {{.When}})", map[string]string{"When": shortTime(r.NewDue)})
		}
	case store.ActReturn:
		var r store.ReturnData
		if e.Decode(&r) == nil && r.Recipient != "" {
			what += " " + lang.L("cho {{.Who}}", map[string]string{"Who": r.Recipient})
		}
	}
	s := shortTime(e.At) + " · " + e.ByName + " · " + what
	if e.Note != "" {
		s += " · " + e.Note
	}
	if e.RecordedAt.Sub(e.At) > 5*60e9 {
		s += " " + lang.L("(nhập lúc {{.When}})", map[string]string{"When": shortTime(e.RecordedAt)})
	}
	return s
}

// eventName names a step of the history.
func eventName(kind store.Act) string {
	switch kind {
	case store.ActReceive:
		return lang.L("Tiếp nhận")
	case store.ActHandover:
		return lang.L("Bàn giao")
	case store.ActConfirm:
		return lang.L("Xác nhận đã nhận")
	case store.ActSupplement:
		return lang.L("Yêu cầu bổ sung")
	case store.ActResume:
		return lang.L("Tiếp tục xử lý")
	case store.ActRefuse:
		return lang.L("Từ chối")
	case store.ActReschedule:
		return lang.L("Hẹn lại")
	case store.ActResolve:
		return lang.L("Đã xử lý xong")
	case store.ActReturn:
		return lang.L("Trả kết quả")
	case store.ActWithdraw:
		return lang.L("Rút hồ sơ")
	case store.ActStop:
		return lang.L("Dừng xử lý")
	}
	return string(kind)
}

// reprint produces the appointment slip again if needed and sends it to the printer.
func (v *dossierView) reprint() {
	v.status.SetText(lang.L("Đang in…"))
	ctx := context.Background()
	goAsync(func() {
		path, err := v.u.desk.Slip(ctx, v.u.actorLogin(), v.d.Code)
		if err == nil {
			err = v.u.desk.Print(ctx, path)
		}
		fyne.Do(func() {
			v.reportPrint(path, err)
			v.loadSlips()
		})
	})
}

// printForm draws one of the forms 02..06 again from the recorded steps and prints it.
func (v *dossierView) printForm(form store.Form) {
	v.status.SetText(lang.L("Đang in…"))
	ctx := context.Background()
	code := v.d.Code
	goAsync(func() {
		path, err := v.u.desk.Form(ctx, v.u.actorLogin(), code, form)
		if err == nil {
			err = v.u.desk.Print(ctx, path)
		}
		fyne.Do(func() {
			v.reportPrint(path, err)
			v.loadSlips()
		})
	})
}

func (v *dossierView) print(path string) {
	v.status.SetText(lang.L("Đang in…"))
	goAsync(func() {
		err := v.u.desk.Print(context.Background(), path)
		fyne.Do(func() { v.reportPrint(path, err) })
	})
}

func (v *dossierView) reportPrint(path string, err error) {
	switch {
	case err != nil && path == "":
		v.status.SetText(err.Error())
		v.status.Importance = widget.DangerImportance
	case err != nil:
		v.status.SetText(lang.L("Chưa in được: {{.Err}}. Có thể mở PDF và in từ trình xem.", map[string]string{"Err": err.Error()}))
		v.status.Importance = widget.WarningImportance
	default:
		v.status.SetText(lang.L("Đã gửi phiếu tới máy in: {{.Path}}", map[string]string{"Path": path}))
		v.status.Importance = widget.SuccessImportance
	}
	v.status.Refresh()
}

func (v *dossierView) openPDF(path string) {
	goAsync(func() {
		err := v.u.desk.OpenPDF(path)
		fyne.Do(func() {
			if err != nil {
				v.status.SetText(lang.L("Không mở được PDF: {{.Err}}", map[string]string{"Err": err.Error()}))
			}
		})
	})
}
