package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// prefLang is the window's language on this PC ("vi" or "en"), read at start-up.
const prefLang = "ui.lang"

// chooseLang is the language the window starts in: the -lang flag, else the one chosen on this
// PC in Quản trị → Cơ quan, else Vietnamese — never the system's locale.
func chooseLang(p fyne.Preferences, flag string) string {
	code := flag
	if code == "" {
		code = p.StringWithFallback(prefLang, "vi")
	}
	if code != "en" {
		code = "vi"
	}
	return code
}

// lookSection is the part of Quản trị → Cơ quan about printing and the window: the paper of
// each kind of document, "open the PDF instead", a test page, the agency's colour and the language.
type lookSection struct {
	u    *ui
	root fyne.CanvasObject

	slipPaper, bookPaper *widget.Select
	openInstead          *widget.Check
	colour               *widget.Entry
	swatch               *canvas.Rectangle
	colourErr            *widget.Label
	language             *widget.RadioGroup
	status               *widget.Label
}

// lookValues is what the section's widgets hold, read on the UI thread before saving.
type lookValues struct {
	printing store.Printing
	colour   string
}

func newLook(u *ui) *lookSection {
	l := &lookSection{u: u}
	l.slipPaper = widget.NewSelect(store.SlipPapers, nil)
	l.bookPaper = widget.NewSelect(store.BookPapers, nil)
	d := store.DefaultPrinting()
	l.slipPaper.SetSelected(d.SlipPaper)
	l.bookPaper.SetSelected(d.BookPaper)
	l.openInstead = widget.NewCheck(lang.L("Mở PDF thay vì in (máy in không nhận lệnh in trực tiếp)"), nil)

	l.swatch = canvas.NewRectangle(defaultPrimary)
	l.swatch.SetMinSize(fyne.NewSize(28, 28))
	l.swatch.CornerRadius = 4
	l.colour = widget.NewEntry()
	l.colour.SetPlaceHolder(hexColour(defaultPrimary))
	l.colour.OnChanged = func(s string) {
		if c, ok := parseColour(s); ok {
			l.swatch.FillColor = c
			l.swatch.Refresh()
		}
	}
	l.colourErr = errLabel()
	presets := container.NewHBox()
	for _, c := range agencyPresets {
		c := c
		b := widget.NewButton("", func() { l.colour.SetText(hexColour(c)) })
		sw := canvas.NewRectangle(c)
		sw.SetMinSize(fyne.NewSize(22, 22))
		sw.CornerRadius = 3
		presets.Add(container.NewStack(b, container.NewPadded(sw)))
	}

	l.language = widget.NewRadioGroup([]string{lang.L("Tiếng Việt"), lang.L("English")}, nil)
	l.language.Horizontal = true
	if u.app.Preferences().StringWithFallback(prefLang, "vi") == "en" {
		l.language.SetSelected(lang.L("English"))
	} else {
		l.language.SetSelected(lang.L("Tiếng Việt"))
	}
	l.language.OnChanged = func(string) { l.saveLanguage() }
	l.status = widget.NewLabel("")
	l.status.Wrapping = fyne.TextWrapWord
	l.status.Hide()

	test := func(paper string) *widget.Button {
		return widget.NewButtonWithIcon(lang.L("In trang thử {{.Paper}}", map[string]string{"Paper": paper}),
			theme.DocumentPrintIcon(), func() { l.printTest(paper) })
	}
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Khổ giấy phiếu (Mẫu 01–06)")), container.NewHBox(l.slipPaper),
		widget.NewLabel(lang.L("Khổ giấy sổ, báo cáo")), container.NewHBox(l.bookPaper),
		layout.NewSpacer(), l.openInstead,
		layout.NewSpacer(), container.NewHBox(test("A5"), test("A4")),
		widget.NewLabel(lang.L("Màu chủ đạo")), container.NewVBox(
			container.NewBorder(nil, nil, l.swatch, nil, container.NewGridWrap(fyne.NewSize(110, l.colour.MinSize().Height), l.colour)),
			presets, l.colourErr),
		widget.NewLabel(lang.L("Ngôn ngữ")), container.NewVBox(l.language,
			widget.NewLabelWithStyle(lang.L("Đổi ngôn ngữ có hiệu lực khi mở lại chương trình."), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})),
	)
	heading := widget.NewLabelWithStyle(lang.L("In ấn và giao diện"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.root = container.NewVBox(widget.NewSeparator(), heading, form, l.status)
	return l
}

// agencyPresets are colours that read well on the light theme, offered with one click.
var agencyPresets = []color.NRGBA{
	defaultPrimary,
	{R: 0xb7, G: 0x1c, B: 0x1c, A: 0xff}, // đỏ cờ
	{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}, // xanh lá
	{R: 0x6a, G: 0x1b, B: 0x9a, A: 0xff}, // tím
	{R: 0x00, G: 0x69, B: 0x5c, A: 0xff}, // xanh ngọc
	{R: 0x4e, G: 0x34, B: 0x2e, A: 0xff}, // nâu
}

// parseColour reads "#rrggbb" (the # may be left out).
func parseColour(s string) (color.NRGBA, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	var r, g, b uint8
	if len(s) != 6 {
		return color.NRGBA{}, false
	}
	if _, err := fmt.Sscanf(strings.ToLower(s), "%02x%02x%02x", &r, &g, &b); err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{R: r, G: g, B: b, A: 0xff}, true
}

func hexColour(c color.NRGBA) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// load shows the stored print settings and colour.
func (l *lookSection) load() {
	ctx := context.Background()
	goAsync(func() {
		p, err1 := l.u.st.Printing(ctx)
		c, err2 := l.u.st.AgencyColour(ctx)
		fyne.Do(func() {
			if err := errors.Join(err1, err2); err != nil {
				l.say(err.Error())
				return
			}
			l.slipPaper.SetSelected(p.SlipPaper)
			l.bookPaper.SetSelected(p.BookPaper)
			l.openInstead.SetChecked(p.OpenInstead)
			l.colour.SetText(strings.ToUpper(c))
			showErr(l.colourErr, "")
		})
	})
}

func (l *lookSection) values() lookValues {
	c := strings.TrimSpace(l.colour.Text)
	if c != "" && !strings.HasPrefix(c, "#") {
		c = "#" + c
	}
	return lookValues{
		printing: store.Printing{SlipPaper: l.slipPaper.Selected, BookPaper: l.bookPaper.Selected, OpenInstead: l.openInstead.Checked},
		colour:   c,
	}
}

// store saves the section; it runs off the UI thread with the agency's save.
func (l *lookSection) store(ctx context.Context, by string, v lookValues) error {
	if err := l.u.st.SavePrinting(ctx, by, v.printing); err != nil {
		return err
	}
	return l.u.st.SaveAgencyColour(ctx, by, v.colour)
}

// saved applies the colour at once, without a restart.
func (l *lookSection) saved(v lookValues) {
	showErr(l.colourErr, "")
	l.u.applyColour(v.colour)
}

// showError puts a store error on the section's field; false when it is not about the section.
func (l *lookSection) showError(ve *store.ValidationError) bool {
	switch ve.Field {
	case store.KeyColour:
		showErr(l.colourErr, ve.Message)
		l.u.win.Canvas().Focus(l.colour)
	case store.KeySlipPaper, store.KeyBookPaper:
		l.say(ve.Message)
	default:
		return false
	}
	return true
}

func (l *lookSection) say(msg string) {
	l.status.SetText(msg)
	l.status.Show()
}

// saveLanguage remembers the language on this PC; the window's texts change on the next start.
func (l *lookSection) saveLanguage() {
	code := "vi"
	if l.language.Selected == lang.L("English") {
		code = "en"
	}
	l.u.app.Preferences().SetString(prefLang, code)
	if code == uiLang {
		l.say("")
		l.status.Hide()
		return
	}
	l.say(lang.L("Đã lưu ngôn ngữ. Đóng và mở lại chương trình để đổi."))
}

// printTest draws the test page and sends it to the agency's printer with the paper chosen on
// screen; when printing fails the PDF can still be opened and printed from the viewer.
func (l *lookSection) printTest(paper string) {
	ctx := context.Background()
	goAsync(func() {
		path, err := l.u.desk.TestPage(ctx, paper)
		if err == nil {
			err = l.u.desk.Print(ctx, path)
		}
		fyne.Do(func() {
			switch {
			case err == nil:
				l.say(lang.L("Đã gửi trang in thử {{.Paper}} đến máy in. Đo thước 100 mm trên trang: đủ 100 mm là in đúng cỡ.", map[string]string{"Paper": paper}))
			case path == "":
				l.u.fail(err)
			default:
				l.offerOpen(err, path)
			}
		})
	})
}

// offerOpen reports a failed print and offers the PDF in the viewer, to print from there.
func (l *lookSection) offerOpen(err error, path string) {
	msg := widget.NewLabel(lang.L("Chưa in được: {{.Err}}. Có thể mở PDF và in từ trình xem.", map[string]string{"Err": err.Error()}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("In trang thử"), lang.L("Mở PDF"), lang.L("Đóng"), msg, func(open bool) {
		if !open {
			return
		}
		goAsync(func() {
			err := l.u.desk.OpenPDF(path)
			fyne.Do(func() {
				if err != nil {
					l.u.fail(err)
				}
			})
		})
	}, l.u.win)
	d.Resize(fyne.NewSize(520, 200))
	l.u.hot.confirmKeys(d).Show()
}

// applyColour makes the agency's colour the window's primary colour ("" = the default blue).
func (u *ui) applyColour(hex string) {
	c, ok := parseColour(hex)
	if !ok {
		c = defaultPrimary
	}
	u.app.Settings().SetTheme(themeWith(c))
}

// loadColour applies the stored colour at start-up.
func (u *ui) loadColour(ctx context.Context) {
	goAsync(func() {
		c, err := u.st.AgencyColour(ctx)
		if err != nil {
			return // the default colour serves; the settings screen reports the error
		}
		fyne.Do(func() { u.applyColour(c) })
	})
}
