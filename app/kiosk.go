package app

import (
	"context"
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// The citizens' kiosk: a second window for a touch screen facing the citizen. It runs unattended
// all day, so it has big targets, no drag scrolling (paging instead), no way out without a PIN,
// and it goes back to the welcome screen when left alone.
//
// Settings (fyne Preferences of this PC, app ID vn.gov.motcua):
//   - kiosk.enabled (bool): the officials' window also opens the kiosk window;
//   - kiosk.fullscreen (bool): the kiosk window is fullscreen (on the second screen, place it there);
//   - kiosk.counter (string): this PC's counter: the kiosk shows its prompts and the officials'
//     window sends them there ("Mời đánh giá"); empty = the store's default name ("Quầy 1"), which
//     a one-PC ward keeps. Each PC names its own: several counters share one database;
//   - kiosk.idle_seconds (int): idle time before the welcome screen, default 60.
//
// `motcua kiosk [-fullscreen] [-counter NAME]` opens the kiosk window alone. It is left with the PIN
// of an active official (store.CheckKioskPIN, throttled against guessing).
const (
	prefKioskEnabled    = "kiosk.enabled"
	prefKioskFullscreen = "kiosk.fullscreen"
	prefKioskCounter    = "kiosk.counter"
	prefKioskIdle       = "kiosk.idle_seconds"
)

// Kiosk screens.
const (
	kWelcome    = "welcome"
	kRate       = "rate"
	kRateMore   = "rate_more"
	kRateReason = "rate_reason"
	kThanks     = "thanks"
	kProcedures = "procedures"
	kProcedure  = "procedure"
	kSearch     = "search"
	kLookup     = "lookup"
	kExit       = "exit"
)

// thanksFor is how long the thank-you screen stays.
const thanksFor = 5 * time.Second

// KioskOptions are the start-up choices of `motcua kiosk`.
type KioskOptions struct {
	Lang       string // "vi" (default) or "en"
	Counter    string // "" = kiosk.counter preference, else the store's counter name
	Fullscreen bool
}

// kioskTicks starts the poller of a kiosk (the open prompt, idle time); tests replace it and call
// tick themselves.
var kioskTicks = func(k *kiosk) func() {
	t := time.NewTicker(time.Second)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.C:
				k.tick()
			case <-done:
				return
			}
		}
	}()
	return func() { t.Stop(); close(done) }
}

// RunKiosk opens the kiosk window alone and runs until an official leaves it with the PIN.
func RunKiosk(s *store.Store, o KioskOptions) error {
	if err := loadTranslations(o.Lang); err != nil {
		return err
	}
	a := fyneapp.NewWithID("vn.gov.motcua")
	a.SetIcon(appIcon())
	a.Settings().SetTheme(kioskTheme{}) // the kiosk alone: its theme everywhere, dialogs included
	counter := o.Counter
	if counter == "" {
		counter = counterPref(a)
	}
	w := NewKioskWindow(a, s, counter)
	w.Resize(fyne.NewSize(1280, 800))
	w.SetFullScreen(o.Fullscreen || a.Preferences().Bool(prefKioskFullscreen))
	w.Show()
	a.Run()
	return nil
}

// openKioskIfEnabled opens the kiosk beside the officials' window when this PC is set up for it.
func openKioskIfEnabled(a fyne.App, s *store.Store) {
	p := a.Preferences()
	if !p.Bool(prefKioskEnabled) {
		return
	}
	w := NewKioskWindow(a, s, counterPref(a))
	w.Resize(fyne.NewSize(1280, 800))
	w.SetFullScreen(p.Bool(prefKioskFullscreen))
	w.Show()
}

// kiosk is the state of one kiosk window. Every field is touched on the UI thread only, except
// those under mu (read by the ticker goroutine).
type kiosk struct {
	app     fyne.App
	win     fyne.Window
	st      *store.Store
	counter string
	agency  store.Agency

	content  *fyne.Container
	override *container.ThemeOverride
	screen   string

	mu        sync.Mutex
	lastTouch time.Time
	now       func() time.Time
	idle      time.Duration
	photoFor  int64  // the prompt whose official's photo is in photo (read once per prompt)
	photo     []byte // that photo, nil when none

	seenPrompt  int64 // the last prompt the kiosk switched to by itself
	thanksUntil time.Time
	exit        func() // closes the window; tests record it instead
	stopTicks   func()

	rate  *rateFlow
	procs *procBrowser
	look  *lookupScreen
	pin   *pinScreen
	scan  []rune // what a barcode scanner (keyboard wedge) has typed since the last Enter
}

// NewKioskWindow builds the kiosk window for counter ("" = the store's counter name), not yet shown.
func NewKioskWindow(a fyne.App, s *store.Store, counter string) fyne.Window {
	k := newKiosk(a, s, counter)
	k.stopTicks = kioskTicks(k)
	return k.win
}

func newKiosk(a fyne.App, s *store.Store, counter string) *kiosk {
	k := &kiosk{app: a, st: s, counter: counter, now: now}
	if k.counter == "" {
		k.counter, _ = s.Counter(context.Background())
	}
	k.agency, _ = s.Agency(context.Background())
	k.idle = time.Duration(a.Preferences().IntWithFallback(prefKioskIdle, 60)) * time.Second
	k.lastTouch = k.now()
	k.win = a.NewWindow(lang.L("Một Cửa — Màn hình đánh giá và tra cứu"))
	k.win.SetIcon(appIcon())
	k.exit = k.win.Close
	k.win.SetCloseIntercept(k.askExit)
	k.win.SetOnClosed(func() {
		if k.stopTicks != nil {
			k.stopTicks()
		}
	})
	k.content = container.NewStack()
	k.rate = newRateFlow(k)
	k.procs = newProcBrowser(k)
	k.look = newLookup(k)
	k.pin = newPinScreen(k)
	k.win.Canvas().SetOnTypedRune(k.scanned)
	k.win.Canvas().SetOnTypedKey(k.scannedKey)
	bg := canvas.NewRectangle(kioskBackground)
	k.override = container.NewThemeOverride(container.NewStack(bg, container.NewPadded(k.content)), kioskTheme{})
	k.win.SetContent(k.override)
	k.show(kWelcome)
	return k
}

// touch records a tap: the idle clock starts again.
func (k *kiosk) touch() {
	k.mu.Lock()
	k.lastTouch = k.now()
	k.mu.Unlock()
}

// tap wraps a button's action so that every tap counts as activity.
func (k *kiosk) tap(f func()) func() {
	return func() {
		k.touch()
		f()
	}
}

// tick runs once a second: it shows a new rating prompt, ends the thank-you screen, and goes back
// to the welcome screen when idle. The store is read off the UI thread.
func (k *kiosk) tick() {
	goAsync(func() {
		p, ok, err := k.st.OpenPrompt(context.Background(), k.counter)
		var photo []byte
		if err == nil && ok {
			photo = k.promptPhoto(p)
		}
		fyne.Do(func() {
			k.mu.Lock()
			now, last := k.now(), k.lastTouch
			k.mu.Unlock()
			switch {
			case k.screen == kThanks && !now.Before(k.thanksUntil):
				k.show(kWelcome)
			case k.screen != kWelcome && k.screen != kThanks && now.Sub(last) >= k.idle:
				k.rate.leaving()
				k.show(kWelcome)
			}
			if err == nil && ok && p.ID != k.seenPrompt && !k.rate.busy() && k.screen != kExit {
				k.seenPrompt = p.ID
				k.touch()
				k.rate.start(&p, photo)
			}
		})
	})
}

// show puts a screen in the window.
func (k *kiosk) show(id string) {
	k.screen = id
	var obj fyne.CanvasObject
	switch id {
	case kWelcome:
		k.scan = k.scan[:0]
		obj = k.welcome()
	case kRate, kRateMore, kRateReason, kThanks:
		obj = k.rate.view(id)
	case kProcedures, kProcedure, kSearch:
		obj = k.procs.view(id)
	case kLookup:
		obj = k.look.root
	case kExit:
		obj = k.pin.root
	}
	k.content.Objects = []fyne.CanvasObject{obj}
	k.restyle()
}

// restyle applies the kiosk theme to objects added since the last call (a ThemeOverride only
// themes what it holds when refreshed).
func (k *kiosk) restyle() {
	if k.override != nil {
		k.override.Refresh()
	} else {
		k.content.Refresh()
	}
}

// widthCap centres its objects in at most w px of width: lines of big text stay readable on a
// wide screen.
type widthCap struct{ w float32 }

func (c widthCap) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, c.w)
	for _, o := range objs {
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

func (c widthCap) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(min(m.Width, c.w), m.Height)
}

func capWidth(w float32, obj fyne.CanvasObject) fyne.CanvasObject {
	return container.New(widthCap{w}, obj)
}

func (k *kiosk) welcome() fyne.CanvasObject {
	title := kioskTitle(lang.L("Xin kính chào Ông/Bà"))
	agency := kioskText(k.agency.Name, fyne.TextAlignCenter, true)
	rate := kioskButton(lang.L("Đánh giá mức độ hài lòng"), theme.ConfirmIcon(), widget.SuccessImportance, k.tap(k.rateNow))
	procs := kioskButton(lang.L("Thủ tục và lệ phí"), theme.ListIcon(), widget.HighImportance, k.tap(func() { k.procs.open() }))
	look := kioskButton(lang.L("Tra cứu hồ sơ"), theme.SearchIcon(), widget.HighImportance, k.tap(func() { k.look.open() }))
	hint := kioskText(lang.L("Chạm vào một nút, hoặc đưa mã QR trên giấy hẹn vào máy quét để tra cứu hồ sơ."), fyne.TextAlignCenter, false)
	staff := widget.NewButton(lang.L("Dành cho cán bộ"), k.tap(k.askExit))
	staff.Importance = widget.LowImportance
	buttons := container.NewGridWithRows(3, tall(rate, 150), tall(procs, 150), tall(look, 150))
	body := container.NewVBox(title, agency, layout.NewSpacer(), buttons, hint)
	return container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), staff), nil, nil,
		capWidth(1000, body))
}

// rateNow is the welcome screen's "Đánh giá": the counter's open prompt if there is one, else an
// anonymous rating.
func (k *kiosk) rateNow() {
	goAsync(func() {
		p, ok, err := k.st.OpenPrompt(context.Background(), k.counter)
		var photo []byte
		if err == nil && ok {
			photo = k.promptPhoto(p)
		}
		fyne.Do(func() {
			if err == nil && ok {
				k.seenPrompt = p.ID
				k.rate.start(&p, photo)
				return
			}
			k.rate.start(nil, nil)
		})
	})
}

// scanned collects what a keyboard-wedge scanner types; Enter looks the code up.
func (k *kiosk) scanned(r rune) {
	k.touch()
	if len(k.scan) < 40 {
		k.scan = append(k.scan, r)
	}
}

func (k *kiosk) scannedKey(e *fyne.KeyEvent) {
	k.touch()
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		code := string(k.scan)
		k.scan = k.scan[:0]
		if code != "" && k.screen != kExit && !k.rate.busy() {
			k.look.open()
			k.look.find(code)
		}
	case fyne.KeyBackspace:
		if n := len(k.scan); n > 0 {
			k.scan = k.scan[:n-1]
		}
	}
}

// askExit is the window's close button (and "Dành cho cán bộ"): leaving needs an official's PIN.
func (k *kiosk) askExit() {
	k.touch()
	k.rate.leaving()
	k.pin.open()
}

// Kiosk look: high contrast, big type.
var (
	kioskBackground = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	kioskInk        = color.NRGBA{R: 0x10, G: 0x10, B: 0x10, A: 0xff}
	kioskBlue       = color.NRGBA{R: 0x0b, G: 0x4f, B: 0x8a, A: 0xff}
)

// kioskTheme is the kiosk's override of the counter theme: text 26 px, large icons and padding,
// black on white, a dark blue primary.
type kioskTheme struct{}

func (kioskTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameForeground:
		return kioskInk
	case theme.ColorNameBackground:
		return kioskBackground
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return kioskBlue
	case theme.ColorNameSuccess:
		return color.NRGBA{R: 0x1b, G: 0x6e, B: 0x2a, A: 0xff} // dark green: white text stays readable
	case theme.ColorNameError:
		return color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0xff}
	case theme.ColorNameButton:
		return color.NRGBA{R: 0xe4, G: 0xe9, B: 0xef, A: 0xff}
	case theme.ColorNameDisabled:
		return color.NRGBA{R: 0x70, G: 0x70, B: 0x70, A: 0xff}
	case theme.ColorNameDisabledButton:
		return color.NRGBA{R: 0xd0, G: 0xd0, B: 0xd0, A: 0xff}
	}
	return newTheme().Color(n, v)
}

func (kioskTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (kioskTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (kioskTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 26
	case theme.SizeNameHeadingText:
		return 40
	case theme.SizeNameSubHeadingText:
		return 32
	case theme.SizeNameInlineIcon:
		return 40
	case theme.SizeNamePadding:
		return 8
	case theme.SizeNameInnerPadding:
		return 14
	}
	return theme.DefaultTheme().Size(n)
}

// kioskTitle is a screen's heading.
func kioskTitle(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameHeadingText
	l.Wrapping = fyne.TextWrapWord
	return l
}

// kioskText is a wrapped paragraph.
func kioskText(s string, align fyne.TextAlign, bold bool) *widget.Label {
	l := widget.NewLabelWithStyle(s, align, fyne.TextStyle{Bold: bold})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// kioskButton is a big button; tall() gives it its height.
func kioskButton(label string, icon fyne.Resource, imp widget.Importance, f func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, f)
	b.Importance = imp
	return b
}

// tall stretches obj to at least h px high (15 mm on a 24" 1080p touch screen is about 90 px).
func tall(obj fyne.CanvasObject, h float32) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(r, obj)
}

// pagerBar is the "Trang trước / Trang n/N / Trang sau" row used instead of drag scrolling.
type pagerBar struct {
	prev, next *widget.Button
	label      *widget.Label
	root       fyne.CanvasObject
}

func newPagerBar(k *kiosk, prev, next func()) *pagerBar {
	p := &pagerBar{label: widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})}
	p.prev = widget.NewButtonWithIcon(lang.L("Trang trước"), theme.NavigateBackIcon(), k.tap(prev))
	p.next = widget.NewButtonWithIcon(lang.L("Trang sau"), theme.NavigateNextIcon(), k.tap(next))
	p.next.IconPlacement = widget.ButtonIconTrailingText
	p.root = container.NewGridWithColumns(3, tall(p.prev, 90), container.NewCenter(p.label), tall(p.next, 90))
	return p
}

// set shows page (0-based) of pages and enables the buttons that lead somewhere.
func (p *pagerBar) set(page, pages int) {
	if pages < 1 {
		pages = 1
	}
	p.label.SetText(lang.L("Trang {{.N}}/{{.Total}}", map[string]any{"N": page + 1, "Total": pages}))
	if page > 0 {
		p.prev.Enable()
	} else {
		p.prev.Disable()
	}
	if page+1 < pages {
		p.next.Enable()
	} else {
		p.next.Disable()
	}
}
