package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// The steps of a dossier's detail. The buttons are what store.AllowedActions permits this
// official on this dossier now (role, status, pending handover, one reschedule): the same rule
// the store applies when the step runs.

// actionBar is the row of buttons for what the official may do to the dossier now.
func (v *dossierView) actionBar() fyne.CanvasObject {
	d := v.d
	v.actions = map[store.Act]*widget.Button{}
	steps := map[store.Act]struct {
		label string
		icon  fyne.Resource
		f     func()
	}{
		store.ActHandover:   {lang.L("Bàn giao"), theme.MailForwardIcon(), v.askHandover},
		store.ActConfirm:    {lang.L("Xác nhận đã nhận"), theme.ConfirmIcon(), v.confirm},
		store.ActSupplement: {lang.L("Yêu cầu bổ sung"), theme.DocumentCreateIcon(), v.askSupplement},
		store.ActResume:     {lang.L("Tiếp tục xử lý"), theme.MediaPlayIcon(), v.resume},
		store.ActResolve:    {lang.L("Đã xử lý xong"), theme.ConfirmIcon(), v.askResolve},
		store.ActReturn: {lang.L("Trả kết quả"), theme.ConfirmIcon(), func() {
			v.dlg.Hide()
			v.u.show(secReturn)
			v.u.ret.show(v.d)
		}},
		store.ActReschedule: {lang.L("Hẹn lại"), theme.HistoryIcon(), v.askReschedule},
		store.ActRefuse:     {lang.L("Từ chối"), theme.CancelIcon(), v.askRefuse},
		store.ActWithdraw:   {lang.L("Rút hồ sơ"), theme.ContentUndoIcon(), v.askWithdraw},
		store.ActStop:       {lang.L("Dừng xử lý"), theme.MediaStopIcon(), v.askStop},
	}
	if me, ok := v.u.actor(); ok {
		for _, a := range store.AllowedActions(me, d) {
			s := steps[a]
			v.actions[a] = widget.NewButtonWithIcon(s.label, s.icon, s.f)
		}
	}
	if len(v.actions) == 0 {
		for _, a := range store.Actions {
			if store.CanDo(a, d.Status) {
				return widget.NewLabel(lang.L("Bạn không có bước xử lý nào với hồ sơ này lúc này."))
			}
		}
		return widget.NewLabel(lang.L("Hồ sơ đã kết thúc; không còn bước xử lý nào."))
	}
	row := container.NewGridWithColumns(5)
	for _, a := range store.Actions {
		if b := v.actions[a]; b != nil {
			row.Add(b)
		}
	}
	return row
}

// stepForm is the small dialog of one step: its fields, with the store's message shown under
// the field it names, or above the buttons when it is not about a field.
type stepForm struct {
	v      *dossierView
	action store.Act
	dlg    dialog.Dialog
	fields map[store.FieldKey]*field
	msg    *widget.Label
	ok     *widget.Button
}

// ask shows a step's dialog. prepare reads the widgets (on the UI thread) and returns the store
// call; form is the slip printed after the step ("" for none).
func (v *dossierView) ask(action store.Act, title, okLabel string, rows []fyne.CanvasObject, fields map[store.FieldKey]*field, form store.Form,
	prepare func() func(ctx context.Context) (store.Dossier, error)) *stepForm {
	s := &stepForm{v: v, action: action, fields: fields, msg: widget.NewLabel("")}
	s.msg.Importance = widget.DangerImportance
	s.msg.Wrapping = fyne.TextWrapWord
	s.msg.Hide()
	cancel := widget.NewButton(lang.L("Hủy"), func() { s.dlg.Hide() })
	s.ok = widget.NewButtonWithIcon(okLabel, theme.ConfirmIcon(), func() { s.run(form, prepare()) })
	s.ok.Importance = widget.HighImportance
	body := container.NewVBox(rows...)
	body.Add(s.msg)
	content := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, s.ok), nil, nil, container.NewVScroll(body))
	s.dlg = dialog.NewCustomWithoutButtons(title+" — "+v.d.Code, content, v.u.win)
	s.dlg.Resize(fyne.NewSize(640, 480))
	s.dlg.SetOnClosed(v.u.hot.pushModal(nil, s.dlg.Hide)) // Esc cancels the step; Enter moves between its fields
	s.dlg.Show()
	v.step = s
	return s
}

func (s *stepForm) clearErrors() {
	for _, f := range s.fields {
		f.setError("")
	}
	s.msg.Hide()
}

// run performs the step; on success the detail shows the new state and the slip is printed.
func (s *stepForm) run(form store.Form, call func(ctx context.Context) (store.Dossier, error)) {
	s.clearErrors()
	s.ok.Disable()
	v := s.v
	ctx := context.Background()
	goAsync(func() {
		d, err := call(ctx)
		var path string
		var printErr error
		if err == nil && form != "" {
			path, printErr = v.u.desk.Form(ctx, v.u.actorLogin(), d.Code, form)
			if printErr == nil {
				printErr = v.u.desk.Print(ctx, path)
			}
		}
		fyne.Do(func() {
			s.ok.Enable()
			if err != nil {
				s.showError(err)
				return
			}
			s.dlg.Hide()
			v.changed(s.action, d)
			if form != "" {
				v.reportPrint(path, printErr)
			}
		})
	})
}

func (s *stepForm) showError(err error) {
	var ve *store.ValidationError
	if errors.As(err, &ve) {
		if f, ok := s.fields[ve.Field]; ok {
			f.setError(ve.Message)
			s.v.u.win.Canvas().Focus(f.entry)
			return
		}
	}
	s.msg.SetText(err.Error())
	s.msg.Show()
}

// changed shows the dossier after a step, says what was done, and refreshes the screens that
// list it.
func (v *dossierView) changed(action store.Act, d store.Dossier) {
	v.d = d
	v.status.SetText(stepDone(action, d))
	v.status.Importance = widget.SuccessImportance
	v.status.Refresh()
	v.render()
	v.loadHistory()
	v.loadSlips()
	v.u.dossierChanged()
}

// stepDone says what a step did, in the words of the step: "Đã bàn giao hồ sơ … cho …; chờ
// người nhận xác nhận.", not the status it left ("Đã ghi: Đang xử lý.").
func stepDone(action store.Act, d store.Dossier) string {
	m := map[string]string{"Code": d.Code, "To": d.PendingToName, "Status": d.StatusName, "Due": dueText(d.DueAt)}
	switch action {
	case store.ActHandover:
		return lang.L("Đã bàn giao hồ sơ {{.Code}} cho {{.To}}; chờ người nhận xác nhận.", m)
	case store.ActConfirm:
		return lang.L("Đã xác nhận nhận hồ sơ {{.Code}}; hồ sơ đang ở chỗ bạn.", m)
	case store.ActSupplement:
		return lang.L("Đã ghi yêu cầu bổ sung hồ sơ {{.Code}}; thời hạn tạm dừng đến khi nhận đủ giấy tờ.", m)
	case store.ActResume:
		return lang.L("Đã tiếp tục xử lý hồ sơ {{.Code}}; hẹn trả mới {{.Due}}.", m)
	case store.ActRefuse:
		return lang.L("Đã từ chối hồ sơ {{.Code}}.", m)
	case store.ActReschedule:
		return lang.L("Đã hẹn lại hồ sơ {{.Code}} đến {{.Due}}.", m)
	case store.ActResolve:
		return lang.L("Đã ghi hồ sơ {{.Code}} xử lý xong; chờ trả kết quả.", m)
	case store.ActWithdraw:
		return lang.L("Đã ghi công dân rút hồ sơ {{.Code}}.", m)
	case store.ActStop:
		return lang.L("Đã dừng xử lý hồ sơ {{.Code}}.", m)
	}
	return lang.L("Đã ghi: {{.Status}}.", m)
}

// labelled is a field laid out with its label on the left.
func labelled(fs ...*field) fyne.CanvasObject {
	c := container.New(layout.NewFormLayout())
	for _, f := range fs {
		c.Add(widget.NewLabel(f.label))
		c.Add(f.cell())
	}
	return c
}

// reasonField is a multi-line reason, the store's field "reason".
func (v *dossierView) reasonField(label string) *field {
	f := newField(v.u, label, lang.L("ghi rõ lý do"))
	f.entry.MultiLine = true
	f.entry.Wrapping = fyne.TextWrapWord
	f.entry.SetMinRowsVisible(3)
	return f
}

func (v *dossierView) action() store.Action {
	return store.Action{Code: v.d.Code, By: v.u.actorLogin(), At: now()}
}

// officialPicker is a select of the active officials (except skip), for a receiver or a guide.
func (v *dossierView) officialPicker(skip string) (*widget.Select, []store.Official) {
	var offs []store.Official
	var names []string
	for _, o := range v.u.officials {
		if o.Login != skip {
			offs = append(offs, o)
			names = append(names, officialLabel(o))
		}
	}
	return widget.NewSelect(names, nil), offs
}

func (v *dossierView) askHandover() {
	recv, offs := v.officialPicker(v.d.Holder)
	recv.PlaceHolder = lang.L("Chọn người nhận")
	to := newField(v.u, lang.L("Người nhận"), "")
	note := newField(v.u, lang.L("Ghi chú"), lang.L("không bắt buộc"))
	rows := []fyne.CanvasObject{container.New(layout.NewFormLayout(),
		widget.NewLabel(to.label), container.NewVBox(recv, to.err),
		widget.NewLabel(note.label), note.cell())}
	v.ask(store.ActHandover, lang.L("Bàn giao"), lang.L("Bàn giao"), rows, map[store.FieldKey]*field{store.KeyTo: to, store.KeyNote: note}, "", func() func(context.Context) (store.Dossier, error) {
		a := v.action()
		a.Note = note.entry.Text
		login := ""
		if i := recv.SelectedIndex(); i >= 0 {
			login = offs[i].Login
		}
		return func(ctx context.Context) (store.Dossier, error) { return v.u.st.Handover(ctx, a, login) }
	})
}

func (v *dossierView) confirm() {
	v.runNow(store.ActConfirm, func(ctx context.Context, a store.Action) (store.Dossier, error) {
		return v.u.st.ConfirmHandover(ctx, a)
	})
}

// resume restarts the clock; the desk prints the new Mẫu 01 with the new due time. A printer
// failure is reported in the status line: the dossier is resumed all the same.
func (v *dossierView) resume() {
	a := v.action()
	ctx := context.Background()
	goAsync(func() {
		r, err := v.u.desk.Resume(ctx, a)
		fyne.Do(func() {
			if err != nil {
				v.status.SetText(err.Error())
				v.status.Importance = widget.DangerImportance
				v.status.Refresh()
				return
			}
			v.changed(store.ActResume, r.Dossier)
			if r.PrintErr != nil {
				v.status.SetText(lang.L("Đã tiếp tục xử lý; chưa in được giấy hẹn mới (Mẫu 01): {{.Err}}", map[string]string{"Err": r.PrintErr.Error()}))
				v.status.Importance = widget.WarningImportance
				v.status.Refresh()
			}
		})
	})
}

// runNow performs a step that needs nothing typed; a refusal shows in the status line.
func (v *dossierView) runNow(action store.Act, call func(context.Context, store.Action) (store.Dossier, error)) {
	a := v.action()
	ctx := context.Background()
	goAsync(func() {
		d, err := call(ctx, a)
		fyne.Do(func() {
			if err != nil {
				v.status.SetText(err.Error())
				v.status.Importance = widget.DangerImportance
				v.status.Refresh()
				return
			}
			v.changed(action, d)
		})
	})
}

// askSupplement asks for missing papers (Mẫu 02): ticked from the procedure's list or typed.
func (v *dossierView) askSupplement() {
	ctx := context.Background()
	goAsync(func() {
		p, err := v.u.st.Procedure(ctx, v.d.ProcedureCode)
		fyne.Do(func() {
			var docs []store.Document
			if err == nil {
				docs = p.Documents
			}
			v.supplementDialog(docs)
		})
	})
}

func (v *dossierView) supplementDialog(docs []store.Document) {
	checks := container.NewVBox()
	var ticks []*widget.Check
	for _, d := range docs {
		c := widget.NewCheck(d.Name+" ("+docKindText(d.Kind)+")", nil)
		ticks = append(ticks, c)
		checks.Add(c)
	}
	missing := newField(v.u, lang.L("Giấy tờ khác"), lang.L("mỗi dòng một giấy tờ"))
	missing.entry.MultiLine = true
	missing.entry.SetMinRowsVisible(2)
	reason := v.reasonField(lang.L("Lý do"))
	guide := newField(v.u, lang.L("Người hướng dẫn"), "")
	phone := newField(v.u, lang.L("Điện thoại"), lang.L("của người hướng dẫn"))
	guidePick, offs := v.officialPicker("")
	guidePick.OnChanged = func(string) {
		if i := guidePick.SelectedIndex(); i >= 0 && offs[i].Phone != "" {
			phone.entry.SetText(offs[i].Phone)
		}
	}
	for i, o := range offs {
		if o.Login == v.u.actorLogin() {
			guidePick.SetSelectedIndex(i)
		}
	}
	heading := widget.NewLabelWithStyle(lang.L("Giấy tờ cần bổ sung"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rows := []fyne.CanvasObject{heading, checks, labelled(missing, reason),
		container.New(layout.NewFormLayout(), widget.NewLabel(guide.label), container.NewVBox(guidePick, guide.err)),
		labelled(phone)}
	fields := map[store.FieldKey]*field{store.KeyMissing: missing, store.KeyReason: reason, store.KeyGuide: guide, store.KeyGuidePhone: phone}
	v.ask(store.ActSupplement, lang.L("Yêu cầu bổ sung"), lang.L("Ghi và in phiếu (Mẫu 02)"), rows, fields, store.FormSupplement, func() func(context.Context) (store.Dossier, error) {
		var req store.Supplement
		for i, c := range ticks {
			if c.Checked {
				req.Missing = append(req.Missing, store.ReceivedDocument{Name: docs[i].Name, Kind: docs[i].Kind.Label(), Count: max(docs[i].Count, 1)})
			}
		}
		for _, line := range strings.Split(missing.entry.Text, "\n") {
			if strings.TrimSpace(line) != "" {
				req.Missing = append(req.Missing, store.ReceivedDocument{Name: line})
			}
		}
		req.Reason = reason.entry.Text
		if i := guidePick.SelectedIndex(); i >= 0 {
			req.Guide = offs[i].Login
		}
		req.GuidePhone = phone.entry.Text
		a := v.action()
		return func(ctx context.Context) (store.Dossier, error) { return v.u.st.RequestSupplement(ctx, a, req) }
	})
}

func (v *dossierView) askRefuse() {
	reason := v.reasonField(lang.L("Lý do từ chối"))
	v.ask(store.ActRefuse, lang.L("Từ chối"), lang.L("Từ chối và in phiếu (Mẫu 03)"), []fyne.CanvasObject{labelled(reason)},
		map[store.FieldKey]*field{store.KeyReason: reason}, store.FormRefusal, func() func(context.Context) (store.Dossier, error) {
			a, r := v.action(), reason.entry.Text
			return func(ctx context.Context) (store.Dossier, error) { return v.u.st.Refuse(ctx, a, r) }
		})
}

// askReschedule moves the return date once, with an apology (Mẫu 04).
func (v *dossierView) askReschedule() {
	days := newField(v.u, lang.L("Số ngày làm việc hẹn thêm"), "1")
	days.entry.SetText("1")
	reason := v.reasonField(lang.L("Lý do chậm trễ"))
	unit := newField(v.u, lang.L("Đơn vị gây chậm trễ"), lang.L("không bắt buộc"))
	info := widget.NewLabel(lang.L("Hẹn trả hiện tại: {{.When}}. Chỉ được hẹn lại một lần.", map[string]string{"When": dueText(v.d.DueAt)}))
	info.Wrapping = fyne.TextWrapWord
	fields := map[store.FieldKey]*field{store.KeyDays: days, store.KeyReason: reason, store.KeyFaultUnit: unit}
	v.ask(store.ActReschedule, lang.L("Hẹn lại"), lang.L("Gia hạn và in văn bản xin lỗi (Mẫu 04)"), []fyne.CanvasObject{info, labelled(days, reason, unit)},
		fields, store.FormApology, func() func(context.Context) (store.Dossier, error) {
			a, n, r, f := v.action(), atoi(days.entry.Text), reason.entry.Text, unit.entry.Text
			return func(ctx context.Context) (store.Dossier, error) { return v.u.st.Reschedule(ctx, a, n, r, f) }
		})
}

func (v *dossierView) askResolve() {
	note := v.reasonField(lang.L("Kết quả"))
	note.entry.SetPlaceHolder(lang.L("ví dụ: đã ký giấy chứng nhận, chờ trả"))
	v.ask(store.ActResolve, lang.L("Đã xử lý xong"), lang.L("Ghi đã xử lý xong"), []fyne.CanvasObject{labelled(note)},
		map[store.FieldKey]*field{store.KeyNote: note}, "", func() func(context.Context) (store.Dossier, error) {
			a := v.action()
			a.Note = note.entry.Text
			return func(ctx context.Context) (store.Dossier, error) { return v.u.st.Resolve(ctx, a) }
		})
}

func (v *dossierView) askWithdraw() {
	reason := v.reasonField(lang.L("Lý do rút hồ sơ"))
	v.ask(store.ActWithdraw, lang.L("Rút hồ sơ"), lang.L("Ghi rút hồ sơ"), []fyne.CanvasObject{labelled(reason)},
		map[store.FieldKey]*field{store.KeyReason: reason}, "", func() func(context.Context) (store.Dossier, error) {
			a, r := v.action(), reason.entry.Text
			return func(ctx context.Context) (store.Dossier, error) { return v.u.st.Withdraw(ctx, a, r) }
		})
}

func (v *dossierView) askStop() {
	reason := v.reasonField(lang.L("Lý do dừng xử lý"))
	v.ask(store.ActStop, lang.L("Dừng xử lý"), lang.L("Dừng giải quyết và in thông báo (Mẫu 05)"), []fyne.CanvasObject{labelled(reason)},
		map[store.FieldKey]*field{store.KeyReason: reason}, store.FormStop, func() func(context.Context) (store.Dossier, error) {
			a, r := v.action(), reason.entry.Text
			return func(ctx context.Context) (store.Dossier, error) { return v.u.st.Stop(ctx, a, r) }
		})
}
