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
//   - kiosk.idle_seconds (int): idle time before the welcome screen, default 60;
//   - kiosk.idle_saves (bool): a rating left unsent at the idle time is stored with the level
//     chosen; default false: a level is a choice, only "Gửi đánh giá" stores it.
//
// `motcua kiosk [-fullscreen] [-counter NAME]` opens the kiosk window alone. It is left with the PIN
// of an active official (store.CheckKioskPIN, throttled against guessing).
const (
	prefKioskEnabled    = "kiosk.enabled"
	prefKioskFullscreen = "kiosk.fullscreen"
	prefKioskCounter    = "kiosk.counter"
	prefKioskIdle       = "kiosk.idle_seconds"
	prefKioskIdleSaves  = "kiosk.idle_saves"
)

// Kiosk screens.
const (
	kWelcome     = "welcome"
	kRate        = "rate"         // the faces
	kRateMore    = "rate_more"    // the criteria
	kRateConduct = "rate_conduct" // "4 xin, 4 luôn"
	kRateReason  = "rate_reason"  // why not satisfied
	kRateComment = "rate_comment" // the comment, on the keyboard
	kThanks      = "thanks"
	kProcedures  = "procedures"
	kProcedure   = "procedure"
	kSearch      = "search"
	kLookup      = "lookup"
	kExit        = "exit"
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
	showKiosk(w, o.Fullscreen || a.Preferences().Bool(prefKioskFullscreen))
	a.Run()
	return nil
}

// openKioskIfEnabled opens the kiosk beside the officials' window when this PC is set up for it.
func openKioskIfEnabled(a fyne.App, s *store.Store) {
	p := a.Preferences()
	if !p.Bool(prefKioskEnabled) {
		return
	}
	showKiosk(NewKioskWindow(a, s, counterPref(a)), p.Bool(prefKioskFullscreen))
}

// kioskWindow is the kiosk window's size when not fullscreen: the smallest screen it is made for,
// so that it fits on any of them (Fyne cannot tell the monitor's size); the screens then scale
// to whatever size the window is given (maximised, or dragged).
var kioskWindow = fyne.NewSize(1024, 600)

// showKiosk opens a kiosk window, fullscreen (on the monitor it is on) or at kioskWindow.
func showKiosk(w fyne.Window, full bool) {
	w.Resize(kioskWindow)
	w.SetFullScreen(full)
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

	// scale sizes text, padding and targets from the window (1 = 1280×800 landscape), portrait
	// stacks what stands side by side in landscape. Both are set by the window's layout (kioskFit).
	scale    float32
	portrait bool

	mu        sync.Mutex
	lastTouch time.Time
	now       func() time.Time
	idle      time.Duration
	idleSaves bool   // an unsent rating left alone is stored with its level (kiosk.idle_saves)
	photoFor  int64  // the prompt whose official's photo is in photo (read once per prompt)
	photo     []byte // that photo, nil when none

	seenPrompt  int64 // the last prompt the kiosk switched to by itself
	thanksUntil time.Time
	exit        func() // closes the window; tests record it instead
	stopTicks   func()

	home   fyne.CanvasObject             // the welcome screen, built once
	styled map[fyne.CanvasObject]float32 // the screens themed, at what scale (another: theme again)
	rate   *rateFlow
	procs  *procBrowser
	look   *lookupScreen
	pin    *pinScreen
	scan   []rune // what a barcode scanner (keyboard wedge) has typed since the last Enter
}

// NewKioskWindow builds the kiosk window for counter ("" = the store's counter name), not yet shown.
func NewKioskWindow(a fyne.App, s *store.Store, counter string) fyne.Window {
	k := newKiosk(a, s, counter)
	k.stopTicks = kioskTicks(k)
	return k.win
}

// Every screen is built once and kept: the kiosk runs all day, and a screen rebuilt for each
// citizen would leave its old widgets (and their renderers) behind. A screen is reset, not remade.
func newKiosk(a fyne.App, s *store.Store, counter string) *kiosk {
	k := &kiosk{app: a, st: s, counter: counter, now: now, scale: 1, styled: map[fyne.CanvasObject]float32{}}
	if k.counter == "" {
		k.counter, _ = s.Counter(context.Background())
	}
	k.agency, _ = s.Agency(context.Background())
	p := a.Preferences()
	k.idle = time.Duration(p.IntWithFallback(prefKioskIdle, 60)) * time.Second
	k.idleSaves = p.Bool(prefKioskIdleSaves)
	k.lastTouch = k.now()
	k.win = a.NewWindow(lang.L("Một Cửa — Màn hình đánh giá và tra cứu"))
	k.win.SetIcon(appIcon())
	k.win.SetPadded(false) // the screens pad themselves, in the kiosk's scale
	k.exit = k.win.Close
	k.win.SetCloseIntercept(k.askExit)
	k.win.SetOnClosed(func() {
		if k.stopTicks != nil {
			k.stopTicks()
		}
	})
	k.content = container.NewStack()
	k.home = k.welcome()
	k.rate = newRateFlow(k)
	k.procs = newProcBrowser(k)
	k.look = newLookup(k)
	k.pin = newPinScreen(k)
	k.win.Canvas().SetOnTypedRune(k.scanned)
	k.win.Canvas().SetOnTypedKey(k.scannedKey)
	bg := canvas.NewRectangle(kioskBackground)
	k.override = container.NewThemeOverride(container.NewStack(bg, container.NewPadded(k.content)), kioskTheme{k})
	// The window holds the screens through kioskFit: its small minimum keeps a screen from ever
	// growing the window past the monitor, and it sizes the kiosk's type from the window.
	k.win.SetContent(container.New(kioskFit{k}, k.override))
	k.show(kWelcome)
	return k
}

// kioskFit lays the kiosk out in the whole window at any size. Its minimum is small on purpose: a
// window takes its content's minimum as its own, so a screen taller than the monitor would grow
// the window (1280×2813 was seen) and push the buttons off the glass. The screens fit instead,
// with type, padding and targets scaled from the window's size.
type kioskFit struct{ k *kiosk }

// kioskMin is the smallest window the kiosk asks for; the screens are made to fit from 1024×600.
var kioskMin = fyne.NewSize(640, 480)

func (f kioskFit) MinSize([]fyne.CanvasObject) fyne.Size { return kioskMin }

func (f kioskFit) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	f.k.fitTo(size)
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// fitTo sets the scale for a window of size: the design size is 1280×800 in landscape and
// 960×1400 in portrait, shrunk or grown to the window (not below 0.7: type stays readable).
func (k *kiosk) fitTo(size fyne.Size) {
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	portrait := size.Height > size.Width
	s := min(size.Width/1280, size.Height/800)
	if portrait {
		s = min(size.Width/960, size.Height/1400)
	}
	s = max(0.7, min(s, 2))
	s = float32(int(s*100+0.5)) / 100 // steady under tiny resizes
	if s == k.scale && portrait == k.portrait {
		return
	}
	turned := portrait != k.portrait
	k.scale, k.portrait = s, portrait
	if turned && k.procs != nil && len(k.procs.all) > 0 {
		k.procs.page = 0 // a page holds more procedures standing up
		k.procs.render()
	}
	k.restyle()
}

// px is a target's size scaled to the screen, never below a fingertip (minTarget).
func (k *kiosk) px(h float32) float32 { return max(h*k.scale, minTarget) }

// minTarget is the smallest touch target: 15 mm is about 60 px on a 96 dpi touch monitor.
const minTarget = 60

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
		obj = k.home
	case kRate, kRateMore, kRateConduct, kRateReason, kRateComment, kThanks:
		obj = k.rate.view(id)
	case kProcedures, kProcedure, kSearch:
		obj = k.procs.view(id)
	case kLookup:
		obj = k.look.root
	case kExit:
		obj = k.pin.root
	}
	k.content.Objects = []fyne.CanvasObject{obj}
	if k.styled[obj] == k.scale {
		k.content.Refresh() // themed at this scale already: laying it out is enough
		return
	}
	k.restyle()
	k.styled[obj] = k.scale
}

// restyle applies the kiosk theme to objects added since the last call (a ThemeOverride only
// themes what it holds when refreshed).
func (k *kiosk) restyle() {
	if k.override == nil {
		k.content.Refresh()
		return
	}
	k.override.Refresh()
	// A container lays itself out before it refreshes its children, so the first pass placed
	// them by their sizes in the old theme (a new scale, or a screen not shown since): the
	// second pass places them by what they now measure.
	k.content.Refresh()
}

// widthCap centres its objects in at most w px (scaled) of width: lines of big text stay readable
// on a wide screen.
type widthCap struct {
	k *kiosk
	w float32
}

func (c widthCap) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := min(size.Width, c.w*c.k.scale)
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
	return fyne.NewSize(min(m.Width, c.w*c.k.scale), m.Height)
}

func (k *kiosk) capWidth(w float32, obj fyne.CanvasObject) fyne.CanvasObject {
	return container.New(widthCap{k, w}, obj)
}

// sideBySide puts its objects in equal columns in landscape and one under the other in portrait
// (each as high as it needs, the last one taking what is left).
// weights, when given, share the width in landscape (one per object).
type sideBySide struct {
	k       *kiosk
	weights []float32
}

func (l sideBySide) weight(i int) float32 {
	if i < len(l.weights) {
		return l.weights[i]
	}
	return 1
}

func (l sideBySide) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding() * l.k.scale
	n := float32(len(objs))
	if n == 0 {
		return
	}
	if !l.k.portrait {
		var total float32
		for i := range objs {
			total += l.weight(i)
		}
		x, w := float32(0), size.Width-pad*(n-1)
		for i, o := range objs {
			ow := w * l.weight(i) / total
			o.Move(fyne.NewPos(x, 0))
			o.Resize(fyne.NewSize(ow, size.Height))
			x += ow + pad
		}
		return
	}
	y := float32(0)
	for i, o := range objs {
		h := o.MinSize().Height
		if i == len(objs)-1 {
			h = max(h, size.Height-y)
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
}

func (l sideBySide) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding() * l.k.scale
	var m fyne.Size
	for i, o := range objs {
		s := o.MinSize()
		if l.k.portrait {
			m.Width = max(m.Width, s.Width)
			m.Height += s.Height
		} else {
			m.Height = max(m.Height, s.Height)
			m.Width += s.Width
		}
		if i > 0 {
			if l.k.portrait {
				m.Height += pad
			} else {
				m.Width += pad
			}
		}
	}
	return m
}

func (k *kiosk) sideBySide(objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(sideBySide{k: k}, objs...)
}

// columns is a grid of n columns in landscape and p in portrait (narrower: longer labels).
type columns struct {
	k    *kiosk
	n, p int
}

func (c columns) grid() fyne.Layout {
	if c.k.portrait {
		return layout.NewGridLayoutWithColumns(c.p)
	}
	return layout.NewGridLayoutWithColumns(c.n)
}

func (c columns) Layout(objs []fyne.CanvasObject, size fyne.Size) { c.grid().Layout(objs, size) }

func (c columns) MinSize(objs []fyne.CanvasObject) fyne.Size { return c.grid().MinSize(objs) }

func (k *kiosk) columns(n, p int) *fyne.Container { return container.New(columns{k, n, p}) }

func (k *kiosk) welcome() fyne.CanvasObject {
	title := kioskTitle(lang.L("Xin kính chào Ông/Bà"))
	agency := kioskText(k.agency.Name, fyne.TextAlignCenter, true)
	rate := kioskButton(lang.L("Đánh giá mức độ hài lòng"), theme.ConfirmIcon(), widget.SuccessImportance, k.tap(k.rateNow))
	procs := kioskButton(lang.L("Thủ tục và lệ phí"), theme.ListIcon(), widget.HighImportance, k.tap(func() { k.procs.open() }))
	look := kioskButton(lang.L("Tra cứu hồ sơ"), theme.SearchIcon(), widget.HighImportance, k.tap(func() { k.look.open() }))
	hint := kioskText(lang.L("Chạm vào một nút, hoặc đưa mã QR trên giấy hẹn vào máy quét để tra cứu hồ sơ."), fyne.TextAlignCenter, false)
	staff := widget.NewButton(lang.L("Dành cho cán bộ"), k.tap(k.askExit))
	staff.Importance = widget.LowImportance
	// The three choices share what the title and the hint leave: they never cover the agency's name.
	buttons := container.NewGridWithRows(3, k.tall(rate, 120), k.tall(procs, 120), k.tall(look, 120))
	body := container.NewBorder(container.NewVBox(title, agency), hint, nil, nil, buttons)
	return container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), k.tall(staff, minTarget)), nil, nil,
		k.capWidth(1000, body))
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

// kioskTheme is the kiosk's override of the counter theme: big type, large icons and padding
// (26 px text on a 1280×800 window, scaled to the window), black on white, a dark blue primary.
// k is nil for the dialogs of a kiosk-only app: scale 1.
type kioskTheme struct{ k *kiosk }

func (t kioskTheme) scale() float32 {
	if t.k == nil {
		return 1
	}
	return t.k.scale
}

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

func (t kioskTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.scale()
	switch n {
	case theme.SizeNameText:
		return 26 * s
	case theme.SizeNameHeadingText:
		return 40 * s
	case theme.SizeNameSubHeadingText:
		return 32 * s
	case theme.SizeNameInlineIcon:
		return 40 * s
	case theme.SizeNamePadding:
		return 8 * s
	case theme.SizeNameInnerPadding:
		return 14 * s
	}
	return theme.DefaultTheme().Size(n) * s
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

// tall stretches obj to at least h px high on a 1280×800 window, scaled to the window and never
// below a fingertip (minTarget).
func (k *kiosk) tall(obj fyne.CanvasObject, h float32) fyne.CanvasObject {
	return container.New(minSized{k: k, h: h, target: true}, obj)
}

// minSized gives its objects a minimum of w×h px on a 1280×800 window, scaled; a target is also
// at least minTarget high. Read at layout time, so a new window size needs no rebuild.
type minSized struct {
	k      *kiosk
	w, h   float32
	target bool
}

func (m minSized) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := m.w*m.k.scale, m.h*m.k.scale
	if m.target {
		h = m.k.px(m.h)
	}
	s := fyne.NewSize(w, h)
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func (m minSized) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// sized shows obj (an image) at w×h px on a 1280×800 window, scaled.
func (k *kiosk) sized(obj fyne.CanvasObject, w, h float32) fyne.CanvasObject {
	return container.New(minSized{k: k, w: w, h: h}, obj)
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
	p.label.Wrapping = fyne.TextWrapOff
	p.root = container.NewBorder(nil, nil, k.tall(p.prev, 80), k.tall(p.next, 80), p.label)
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
