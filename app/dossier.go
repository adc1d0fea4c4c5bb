package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// dossierView is one dossier's detail: who, what, when it is due, its status and its slips,
// each of which can be printed again or opened.
type dossierView struct {
	u      *ui
	d      store.Dossier
	dlg    dialog.Dialog
	open   bool
	fields *widget.Form
	slips  *fyne.Container
	status *widget.Label // progress and printer messages
	scroll *container.Scroll
}

func (u *ui) openDossier(d store.Dossier) {
	if u.detail != nil && u.detail.open {
		u.detail.dlg.Hide()
	}
	v := &dossierView{u: u, d: d, status: widget.NewLabel("")}
	v.status.Wrapping = fyne.TextWrapWord
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
	)
	when := widget.NewForm(
		row(lang.L("Thủ tục"), d.ProcedureName),
		row(lang.L("Tiếp nhận"), dueText(d.ReceivedAt)+" — "+d.ReceivedByName),
		row(lang.L("Hẹn trả"), dueText(d.DueAt)),
		row(lang.L("Trạng thái"), d.StatusName),
		row(lang.L("Nhận kết quả"), post),
		row(lang.L("Lệ phí"), money(d.Fee)),
	)
	v.slips = container.NewVBox()
	body := container.NewVBox(container.NewGridWithColumns(2, v.fields, when), widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Phiếu đã in"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		v.slips, v.status)
	closeBtn := widget.NewButton(lang.L("Đóng"), func() { v.dlg.Hide() })
	reprint := widget.NewButtonWithIcon(lang.L("In lại phiếu hẹn (Ctrl+P)"), theme.DocumentPrintIcon(), v.reprint)
	reprint.Importance = widget.HighImportance
	v.scroll = container.NewVScroll(body)
	content := container.NewBorder(nil, container.NewHBox(reprint, closeBtn), nil, nil, v.scroll)
	v.dlg = dialog.NewCustomWithoutButtons(lang.L("Hồ sơ {{.Code}}", map[string]string{"Code": d.Code}), content, u.win)
	v.dlg.SetOnClosed(func() { v.open = false })
	v.dlg.Resize(fyne.NewSize(1040, 600))
	u.detail = v
	v.open = true
	v.dlg.Show()
	v.loadSlips()
}

func (v *dossierView) loadSlips() {
	ctx := context.Background()
	goAsync(func() {
		slips, err := v.u.st.Slips(ctx, v.d.Code)
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
				label := widget.NewLabel(lang.L("Mẫu {{.Form}}, {{.At}}", map[string]string{"Form": s.Form, "At": shortTime(s.At)}))
				pr := widget.NewButtonWithIcon(lang.L("In lại"), theme.DocumentPrintIcon(), func() { v.print(path) })
				op := widget.NewButtonWithIcon(lang.L("Mở PDF"), theme.FileIcon(), func() { v.openPDF(path) })
				v.slips.Add(container.NewBorder(nil, nil, nil, container.NewHBox(pr, op), label))
			}
			v.scroll.Refresh() // the list grew after the dialog was laid out

		})
	})
}

// reprint produces the appointment slip again if needed and sends it to the printer.
func (v *dossierView) reprint() {
	v.status.SetText(lang.L("Đang in…"))
	ctx := context.Background()
	goAsync(func() {
		path, err := v.u.desk.Slip(ctx, v.d.Code)
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
	if err != nil {
		v.status.SetText(lang.L("Chưa in được: {{.Err}}. Có thể mở PDF và in từ trình xem.", map[string]string{"Err": err.Error()}))
		v.status.Importance = widget.WarningImportance
	} else {
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

// bookLabel is "17/2026" for a dossier's place in the tracking book.
func bookLabel(d store.Dossier) string {
	return strconv.Itoa(d.BookNo) + "/" + strconv.Itoa(d.BookYear)
}
