package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/print/printer"
	"motcua/store"
	"motcua/store/workday"
)

// settingsScreen is Quản trị → Cơ quan: what the slips' header prints, the office hours the due
// times follow, and where slips are printed.
type settingsScreen struct {
	u    *ui
	root fyne.CanvasObject

	name, parent, unit, code, place           *field
	open, lunchStart, lunchEnd, close, cutoff *field
	hoursErr                                  *widget.Label
	printer                                   *widget.SelectEntry
	printerErr                                *widget.Label
	saveOnly                                  *widget.Check
	status                                    *widget.Label
	fields                                    map[store.FieldKey]*field
	look                                      *lookSection // printing, colour, language (settings_look.go)
}

func newSettings(u *ui) *settingsScreen {
	s := &settingsScreen{u: u}
	s.name = newField(u, lang.L("Tên cơ quan"), lang.L("UBND phường Hoài Đức"))
	s.parent = newField(u, lang.L("Cơ quan chủ quản (dòng đầu phiếu)"), lang.L("UBND PHƯỜNG HOÀI ĐỨC"))
	s.unit = newField(u, lang.L("Bộ phận một cửa (in trên phiếu)"), lang.L("Trung tâm Phục vụ hành chính công phường Hoài Đức"))
	s.code = newField(u, lang.L("Mã cơ quan"), lang.L("2–10 chữ in hoa và chữ số, đứng đầu mã hồ sơ"))
	s.place = newField(u, lang.L("Địa danh"), lang.L("Hà Nội"))
	s.open = newField(u, lang.L("Mở cửa buổi sáng"), "07:30")
	s.lunchStart = newField(u, lang.L("Nghỉ trưa từ"), "11:30")
	s.lunchEnd = newField(u, lang.L("Làm việc buổi chiều từ"), "13:30")
	s.close = newField(u, lang.L("Đóng cửa"), "17:00")
	s.cutoff = newField(u, lang.L("Chốt nhận hồ sơ trong ngày"), "15:00")
	s.fields = map[store.FieldKey]*field{store.KeyName: s.name, store.KeyParentName: s.parent, store.KeyUnit: s.unit, store.KeyCode: s.code, store.KeyPlace: s.place}
	s.hoursErr = errLabel()
	s.printer = widget.NewSelectEntry([]string{lang.L("Máy in mặc định")})
	s.printer.SetPlaceHolder(lang.L("Máy in mặc định"))
	s.printerErr = errLabel()
	s.saveOnly = widget.NewCheck(lang.L("Chỉ lưu PDF, không in"), nil)
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord

	form := container.New(layout.NewFormLayout())
	add := func(fs ...*field) {
		for _, f := range fs {
			form.Add(widget.NewLabel(f.label))
			form.Add(f.cell())
		}
	}
	add(s.name, s.parent, s.unit, s.code, s.place)
	hours := container.New(layout.NewFormLayout())
	for _, f := range []*field{s.open, s.lunchStart, s.lunchEnd, s.close, s.cutoff} {
		hours.Add(widget.NewLabel(f.label))
		hours.Add(container.NewVBox(container.NewGridWrap(fyne.NewSize(90, f.entry.MinSize().Height), f.entry), f.err))
	}
	form.Add(widget.NewLabel(lang.L("Máy in")))
	form.Add(container.NewVBox(s.printer, s.printerErr))
	form.Add(layout.NewSpacer())
	form.Add(s.saveOnly)
	save := widget.NewButtonWithIcon(lang.L("Lưu thông tin cơ quan"), theme.DocumentSaveIcon(), s.save)
	save.Importance = widget.HighImportance

	heading := func(t string) *widget.Label {
		return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	left := container.NewVBox(heading(lang.L("Thông tin in trên phiếu")), form)
	s.look = newLook(u)
	right := container.NewVBox(heading(lang.L("Giờ làm việc")), hours, s.hoursErr, s.look.root)
	body := container.NewGridWithColumns(2, left, right)
	s.root = container.NewPadded(container.NewBorder(nil,
		container.NewVBox(s.status, container.NewHBox(layout.NewSpacer(), save)), nil, nil,
		container.NewVScroll(body)))
	return s
}

func errLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return l
}

func showErr(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// load shows the stored settings.
func (s *settingsScreen) load() {
	s.look.load()
	ctx := context.Background()
	goAsync(func() {
		a, err := s.u.st.Agency(ctx)
		names, _ := printer.Printers(ctx) // none listed: the name can still be typed
		fyne.Do(func() {
			s.printer.SetOptions(append([]string{lang.L("Máy in mặc định")}, names...))
			if err != nil {
				s.status.SetText(err.Error())
				return
			}
			s.show(a)
		})
	})
}

func (s *settingsScreen) show(a store.Agency) {
	s.clearErrors()
	s.name.entry.SetText(a.Name)
	s.parent.entry.SetText(a.ParentName)
	s.unit.entry.SetText(a.Unit)
	s.code.entry.SetText(a.Code)
	s.place.entry.SetText(a.Place)
	h := a.Hours
	if h == (workday.OfficeHours{}) {
		h = workday.DefaultHours()
	}
	s.open.entry.SetText(h.Open.String())
	s.lunchStart.entry.SetText(h.LunchStart.String())
	s.lunchEnd.entry.SetText(h.LunchEnd.String())
	s.close.entry.SetText(h.Close.String())
	s.cutoff.entry.SetText(h.Cutoff.String())
	s.printer.SetText(a.Printer)
	s.saveOnly.SetChecked(a.SaveOnly)
	s.status.SetText("")
}

func (s *settingsScreen) clearErrors() {
	for _, f := range []*field{s.name, s.parent, s.unit, s.code, s.place, s.open, s.lunchStart, s.lunchEnd, s.close, s.cutoff} {
		f.setError("")
	}
	showErr(s.hoursErr, "")
	showErr(s.printerErr, "")
}

// agency reads the form; a clock that cannot be read is named on its own entry.
func (s *settingsScreen) agency() (store.Agency, bool) {
	a := store.Agency{
		Name: s.name.entry.Text, ParentName: s.parent.entry.Text, Unit: s.unit.entry.Text, Code: s.code.entry.Text,
		Place: s.place.entry.Text, SaveOnly: s.saveOnly.Checked,
	}
	if p := s.printer.Text; p != lang.L("Máy in mặc định") {
		a.Printer = p
	}
	ok := true
	for _, c := range []struct {
		f  *field
		to *workday.Clock
	}{{s.open, &a.Hours.Open}, {s.lunchStart, &a.Hours.LunchStart}, {s.lunchEnd, &a.Hours.LunchEnd}, {s.close, &a.Hours.Close}, {s.cutoff, &a.Hours.Cutoff}} {
		k, err := workday.ParseClock(c.f.entry.Text)
		if err != nil {
			c.f.setError(err.Error())
			if ok {
				s.u.win.Canvas().Focus(c.f.entry)
			}
			ok = false
			continue
		}
		*c.to = k
	}
	if ok {
		if err := a.Hours.Validate(); err != nil {
			showErr(s.hoursErr, err.Error())
			s.u.win.Canvas().Focus(s.open.entry)
			ok = false
		}
	}
	return a, ok
}

func (s *settingsScreen) save() {
	s.clearErrors()
	a, ok := s.agency()
	if !ok {
		s.status.SetText(lang.L("Chưa lưu: sửa các ô báo lỗi."))
		return
	}
	by := s.u.actorLogin()
	look := s.look.values()
	ctx := context.Background()
	goAsync(func() {
		err := s.u.st.SaveAgency(ctx, by, a)
		if err == nil {
			err = s.look.store(ctx, by, look)
		}
		fyne.Do(func() {
			if err == nil {
				s.look.saved(look)
				s.status.SetText(lang.L("Đã lưu thông tin cơ quan."))
				s.u.refreshTop(ctx)
				return
			}
			s.status.SetText(lang.L("Chưa lưu: sửa các ô báo lỗi."))
			var ve *store.ValidationError
			if !errors.As(err, &ve) {
				s.status.SetText(err.Error())
				return
			}
			switch ve.Field {
			case store.KeyHours:
				showErr(s.hoursErr, ve.Message)
				s.u.win.Canvas().Focus(s.open.entry)
			case store.KeyPrinter:
				showErr(s.printerErr, ve.Message)
			default:
				if s.look.showError(ve) {
					return
				}
				if f, ok := s.fields[ve.Field]; ok {
					f.setError(ve.Message)
					s.u.win.Canvas().Focus(f.entry)
				} else {
					s.status.SetText(ve.Message)
				}
			}
		})
	})
}
