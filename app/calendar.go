package app

import (
	"context"
	"errors"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
	"motcua/store/workday"
)

// calendarScreen is Quản trị → Lịch làm việc: a year of month grids with the days off and the
// make-up working days coloured, their names beside, and the Government's yearly decision entered
// as overrides (added and removed through the store, which audits them).
type calendarScreen struct {
	u    *ui
	root fyne.CanvasObject

	year      int
	yearSel   *widget.Select
	months    *fyne.Container
	days      *fyne.Container // the named days of the year
	overrides *fyne.Container // the year's overrides, each removable

	date, name, reason *field
	kind               *widget.Select
	kindErr            *widget.Label
	status             *widget.Label
	seq                int
}

// Override kinds as the form offers them.
func overrideKinds() []string {
	return []string{lang.L("Ngày nghỉ thêm"), lang.L("Ngày làm bù"), lang.L("Bỏ ngày nghỉ")}
}

func kindOf(label string) workday.Kind {
	switch label {
	case lang.L("Ngày nghỉ thêm"):
		return workday.Extra
	case lang.L("Ngày làm bù"):
		return workday.Workday
	case lang.L("Bỏ ngày nghỉ"):
		return workday.NotOff
	}
	return ""
}

func kindName(k workday.Kind) string {
	switch k {
	case workday.Statutory:
		return lang.L("Nghỉ lễ")
	case workday.Tet:
		return lang.L("Tết Âm lịch")
	case workday.Compensatory:
		return lang.L("Nghỉ bù")
	case workday.Extra:
		return lang.L("Ngày nghỉ thêm")
	case workday.Workday:
		return lang.L("Ngày làm bù")
	case workday.NotOff:
		return lang.L("Bỏ ngày nghỉ")
	}
	return string(k)
}

func kindColour(k workday.Kind) color.Color {
	switch k {
	case workday.Statutory:
		return colourStatutory
	case workday.Tet:
		return colourTet
	case workday.Compensatory:
		return colourCompensatory
	case workday.Extra:
		return colourExtra
	case workday.Workday:
		return colourMakeUp
	}
	return color.Transparent
}

func newCalendar(u *ui) *calendarScreen {
	c := &calendarScreen{u: u, year: now().In(workday.Loc).Year()}
	var years []string
	for y := c.year - 1; y <= c.year+3; y++ {
		years = append(years, strconv.Itoa(y))
	}
	c.yearSel = widget.NewSelect(years, func(s string) {
		if y, err := strconv.Atoi(s); err == nil && y != c.year {
			c.year = y
			c.load()
		}
	})
	c.yearSel.SetSelected(strconv.Itoa(c.year))
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { c.setYear(c.year - 1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { c.setYear(c.year + 1) })

	c.months = container.NewGridWithColumns(4)
	c.days = container.NewVBox()
	c.overrides = container.NewVBox()
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord

	c.date = newField(u, lang.L("Ngày"), lang.L("dd/mm/yyyy"))
	c.name = newField(u, lang.L("Tên ngày"), lang.L("ví dụ: Nghỉ Tết thêm theo Thông báo của Chính phủ"))
	c.reason = newField(u, lang.L("Lý do"), lang.L("căn cứ, số văn bản"))
	c.kind = widget.NewSelect(overrideKinds(), nil)
	c.kind.SetSelectedIndex(0)
	c.kindErr = errLabel()
	add := widget.NewButtonWithIcon(lang.L("Thêm điều chỉnh"), theme.ContentAddIcon(), c.add)
	add.Importance = widget.HighImportance

	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(c.date.label), c.date.cell(),
		widget.NewLabel(lang.L("Loại")), container.NewVBox(c.kind, c.kindErr),
		widget.NewLabel(c.name.label), c.name.cell(),
		widget.NewLabel(c.reason.label), c.reason.cell(),
	)
	bold := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	side := container.NewBorder(
		nil,
		container.NewVBox(widget.NewSeparator(), bold(lang.L("Điều chỉnh theo quyết định của Chính phủ")), form,
			container.NewHBox(layout.NewSpacer(), add), c.status),
		nil, nil,
		container.NewVScroll(container.NewVBox(bold(lang.L("Ngày nghỉ và ngày làm bù")), c.days,
			bold(lang.L("Các điều chỉnh đã nhập")), c.overrides)),
	)

	legend := container.NewHBox()
	for _, k := range []workday.Kind{workday.Statutory, workday.Tet, workday.Compensatory, workday.Extra, workday.Workday} {
		sw := canvas.NewRectangle(kindColour(k))
		sw.SetMinSize(fyne.NewSize(14, 14))
		legend.Add(container.NewHBox(container.NewCenter(sw), widget.NewLabel(kindName(k))))
	}
	top := container.NewHBox(prev, c.yearSel, next, layout.NewSpacer(), legend)
	grid := container.NewBorder(top, nil, nil, nil, container.NewVScroll(c.months))
	split := container.NewHSplit(grid, side)
	split.Offset = 0.7
	c.root = container.NewPadded(split)
	return c
}

func (c *calendarScreen) setYear(y int) {
	c.yearSel.SetSelected(strconv.Itoa(y)) // calls load through OnChanged when it is a listed year
	if c.year != y {
		c.year = y
		c.load()
	}
}

// load draws the year from the store's calendar (statutory days plus overrides).
func (c *calendarScreen) load() {
	c.seq++
	seq, year := c.seq, c.year
	ctx := context.Background()
	goAsync(func() {
		cal, err1 := c.u.st.Calendar(ctx)
		ovs, err2 := c.u.st.Overrides(ctx)
		fyne.Do(func() {
			if seq != c.seq {
				return
			}
			if err := errors.Join(err1, err2); err != nil {
				c.status.SetText(err.Error())
				return
			}
			c.draw(year, cal, ovs)
		})
	})
}

func (c *calendarScreen) draw(year int, cal *workday.Calendar, ovs []workday.Override) {
	days := cal.Holidays(year)
	byDate := map[time.Time]workday.Day{}
	for _, d := range days {
		byDate[dateKey(d.Date)] = d
	}
	c.months.RemoveAll()
	for m := time.January; m <= time.December; m++ {
		c.months.Add(monthGrid(year, m, byDate))
	}
	c.days.RemoveAll()
	for _, d := range days {
		l := widget.NewLabel(dayLine(d))
		l.Wrapping = fyne.TextWrapWord
		sw := canvas.NewRectangle(kindColour(d.Kind))
		sw.SetMinSize(fyne.NewSize(10, 10))
		c.days.Add(container.NewBorder(nil, nil, container.NewCenter(sw), nil, l))
	}
	c.overrides.RemoveAll()
	n := 0
	for _, o := range ovs {
		if o.Date.In(workday.Loc).Year() != year {
			continue
		}
		n++
		date := o.Date
		l := widget.NewLabel(o.Date.In(workday.Loc).Format("02/01/2006") + " — " + kindName(o.Kind) + nameSuffix(o.Name))
		l.Wrapping = fyne.TextWrapWord
		rm := widget.NewButtonWithIcon(lang.L("Bỏ"), theme.DeleteIcon(), func() { c.remove(date) })
		c.overrides.Add(container.NewBorder(nil, nil, nil, rm, l))
	}
	if n == 0 {
		c.overrides.Add(widget.NewLabel(lang.L("Chưa có điều chỉnh nào cho năm này.")))
	}
}

func nameSuffix(n string) string {
	if n == "" {
		return ""
	}
	return ": " + n
}

// dayLine is "02/09 Thứ Tư — Quốc khánh".
func dayLine(d workday.Day) string {
	t := d.Date.In(workday.Loc)
	name := d.Name
	if name == "" {
		name = kindName(d.Kind)
	}
	return t.Format("02/01") + " " + weekdayName(t, false) + " — " + name
}

func dateKey(t time.Time) time.Time {
	t = t.In(workday.Loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, workday.Loc)
}

// monthGrid is one month: its name, the weekday initials (Monday first) and the days.
func monthGrid(year int, m time.Month, byDate map[time.Time]workday.Day) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Tháng {{.M}}", map[string]int{"M": int(m)}), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	grid := container.NewGridWithColumns(7)
	for _, h := range []string{lang.L("T2"), lang.L("T3"), lang.L("T4"), lang.L("T5"), lang.L("T6"), lang.L("T7"), lang.L("CN")} {
		grid.Add(cell(h, color.Transparent, true, false))
	}
	first := time.Date(year, m, 1, 0, 0, 0, 0, workday.Loc)
	lead := (int(first.Weekday()) + 6) % 7 // Monday = 0
	for range lead {
		grid.Add(cell("", color.Transparent, false, false))
	}
	for d := first; d.Month() == m; d = d.AddDate(0, 0, 1) {
		bg := color.Color(color.Transparent)
		weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
		if weekend {
			bg = colourWeekend
		}
		if day, ok := byDate[d]; ok {
			bg = kindColour(day.Kind)
		}
		grid.Add(cell(strconv.Itoa(d.Day()), bg, false, weekend))
	}
	return container.NewPadded(container.NewVBox(title, grid))
}

func cell(text string, bg color.Color, head, dim bool) fyne.CanvasObject {
	r := canvas.NewRectangle(bg)
	r.SetMinSize(fyne.NewSize(24, 17))
	r.CornerRadius = 3
	t := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	t.TextSize = 11
	t.Alignment = fyne.TextAlignCenter
	if head {
		t.TextStyle.Bold = true
	}
	if dim {
		t.Color = theme.Color(theme.ColorNamePlaceHolder)
	}
	return container.NewStack(r, container.NewCenter(t))
}

// parseDate reads "dd/mm/yyyy" (also d/m/yyyy) as midnight in Vietnam.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"02/01/2006", "2/1/2006"} {
		if t, err := time.ParseInLocation(layout, s, workday.Loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errors.New(lang.L("Ngày phải viết dạng ngày/tháng/năm, ví dụ 02/01/2026."))
}

func (c *calendarScreen) clearErrors() {
	c.date.setError("")
	c.name.setError("")
	c.reason.setError("")
	showErr(c.kindErr, "")
}

func (c *calendarScreen) add() {
	c.clearErrors()
	d, err := parseDate(c.date.entry.Text)
	if err != nil {
		c.date.setError(err.Error())
		c.u.win.Canvas().Focus(c.date.entry)
		return
	}
	o := workday.Override{Date: d, Kind: kindOf(c.kind.Selected), Name: c.name.entry.Text}
	reason, by := c.reason.entry.Text, c.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		err := c.u.st.AddOverride(ctx, by, o, reason)
		fyne.Do(func() {
			if err != nil {
				c.showError(err)
				return
			}
			c.status.SetText(lang.L("Đã thêm điều chỉnh ngày {{.D}}.", map[string]string{"D": d.Format("02/01/2006")}))
			c.date.entry.SetText("")
			c.name.entry.SetText("")
			c.reason.entry.SetText("")
			if d.Year() != c.year {
				c.setYear(d.Year())
			} else {
				c.load()
			}
		})
	})
}

func (c *calendarScreen) remove(date time.Time) {
	c.clearErrors()
	reason, by := c.reason.entry.Text, c.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		err := c.u.st.RemoveOverride(ctx, by, date, reason)
		fyne.Do(func() {
			if err != nil {
				c.showError(err)
				return
			}
			c.status.SetText(lang.L("Đã bỏ điều chỉnh ngày {{.D}}.", map[string]string{"D": date.In(workday.Loc).Format("02/01/2006")}))
			c.load()
		})
	})
}

func (c *calendarScreen) showError(err error) {
	var ve *store.ValidationError
	if !errors.As(err, &ve) {
		c.status.SetText(err.Error())
		return
	}
	switch ve.Field {
	case store.KeyDate:
		c.date.setError(ve.Message)
	case store.KeyName:
		c.name.setError(ve.Message)
	case store.KeyReason:
		c.reason.setError(ve.Message)
	case store.KeyKind:
		showErr(c.kindErr, ve.Message)
	default:
		c.status.SetText(ve.Message)
	}
}
