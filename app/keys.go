package app

import (
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// hotkeys are the window-wide keys (F2 search, Esc clear, Ctrl+Enter receive, Ctrl+P reprint)
// and the barcode scanner. Fyne hands every plain key to the focused widget only (a canvas
// handler hears keys only when nothing has the focus), so the window's focusable widgets are
// the key* types below, which offer each key here first; the canvas handlers cover "nothing
// focused".
//
// A scanner is a keyboard that types the code and Enter within milliseconds. On a widget that
// takes no text (a checkbox, a dropdown, a list, a button) whatever is typed and then Enter is
// a scan; in a text entry, a code typed as one fast burst and then Enter is a scan, and the
// code is taken back out of the entry.
type hotkeys struct {
	keys      map[fyne.KeyName]func()
	shortcuts map[string]func() // by ShortcutName()
	list      []fyne.Shortcut
	active    func()       // told of every key: the idle lock counts from the last one
	scan      func(string) // opens the dossier a scanner typed
	clock     func() time.Time

	modals []*modal // the open dialogs' Enter and Esc, the last opened on top

	wedge   []rune    // typed on a widget that takes no text, waiting for Enter
	burst   []rune    // typed in an entry within wedgeGap of each other, the last run of them
	burstAt time.Time // when the last rune of burst came
}

// wedgeGap is the longest pause between two keys of one scan: scanners type a key every few
// milliseconds, people rarely faster than 80 ms.
const wedgeGap = 40 * time.Millisecond

// codeShape is a dossier code as a slip prints it: agency code, YYMMDD, the day's number.
var codeShape = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._]*-[0-9]{6}-[0-9]{4,}$`)

func (h *hotkeys) now() time.Time {
	if h.clock != nil {
		return h.clock()
	}
	return time.Now()
}

// typedOn records a rune typed on a widget that takes no text.
func (h *hotkeys) typedOn(r rune) {
	h.touch()
	if h.now().Sub(h.burstAt) > 2*time.Second {
		h.wedge = h.wedge[:0]
	}
	h.burstAt = h.now()
	h.wedge = append(h.wedge, r)
}

// typedIn records a rune typed into an entry, keeping the last fast run of them.
func (h *hotkeys) typedIn(r rune) {
	t := h.now()
	if t.Sub(h.burstAt) > wedgeGap {
		h.burst = h.burst[:0]
	}
	h.burstAt = t
	h.burst = append(h.burst, r)
}

// scanned is the code of a scan that Enter ends in an entry holding text (the code was typed
// at the cursor, wherever it was), or "".
func (h *hotkeys) scanned(text string) string {
	code := string(h.burst)
	h.burst = h.burst[:0]
	if h.now().Sub(h.burstAt) > wedgeGap*4 || !codeShape.MatchString(code) || !strings.Contains(text, code) {
		return ""
	}
	return code
}

// offer gives a key pressed on a widget that takes no text to the window: Enter ends a scan,
// F2, Esc and the others run their handler. It reports whether the key was used.
func (h *hotkeys) offer(k fyne.KeyName) bool {
	if h == nil {
		return false
	}
	if k == fyne.KeyReturn || k == fyne.KeyEnter {
		code := strings.TrimSpace(string(h.wedge))
		h.wedge = h.wedge[:0]
		if code != "" && h.scan != nil {
			h.touch()
			h.scan(code)
			return true
		}
	}
	if k == fyne.KeyEscape {
		h.wedge = h.wedge[:0]
	}
	return h.key(k)
}

func (h *hotkeys) touch() {
	if h != nil && h.active != nil {
		h.active()
	}
}

func newHotkeys() *hotkeys {
	return &hotkeys{keys: map[fyne.KeyName]func(){}, shortcuts: map[string]func(){}}
}

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// onShortcut binds f to Ctrl (Cmd on macOS) + each of the keys.
func (h *hotkeys) onShortcut(f func(), keys ...fyne.KeyName) {
	for _, k := range keys {
		sc := ctrl(k)
		h.shortcuts[sc.ShortcutName()] = f
		h.list = append(h.list, sc)
	}
}

func (h *hotkeys) key(k fyne.KeyName) bool {
	h.touch()
	if n := len(h.modals); n > 0 {
		m := h.modals[n-1]
		switch {
		case (k == fyne.KeyReturn || k == fyne.KeyEnter) && m.ok != nil:
			m.ok()
			return true
		case k == fyne.KeyEscape && m.cancel != nil:
			m.cancel()
			return true
		}
	}
	if f, ok := h.keys[k]; ok {
		f()
		return true
	}
	return false
}

func (h *hotkeys) shortcut(s fyne.Shortcut) bool {
	h.touch()
	if f, ok := h.shortcuts[s.ShortcutName()]; ok {
		f()
		return true
	}
	return false
}

// modal is what Enter (ok, nil: Enter goes on to the focused widget) and Esc (cancel) do while
// a dialog is open.
type modal struct{ ok, cancel func() }

// pushModal puts a dialog's keys above the window's until the returned pop is called.
func (h *hotkeys) pushModal(ok, cancel func()) (pop func()) {
	m := &modal{ok: ok, cancel: cancel}
	h.modals = append(h.modals, m)
	return func() {
		for i, x := range h.modals {
			if x == m {
				h.modals = append(h.modals[:i], h.modals[i+1:]...)
				return
			}
		}
	}
}

// confirmKeys makes Enter confirm and Esc cancel a confirmation dialog while it is open.
func (h *hotkeys) confirmKeys(d *dialog.ConfirmDialog) *dialog.ConfirmDialog {
	d.SetOnClosed(h.pushModal(d.Confirm, d.Hide))
	return d
}

// closeKeys makes Enter and Esc close a dialog that only informs.
func (h *hotkeys) closeKeys(d dialog.Dialog) dialog.Dialog {
	d.SetOnClosed(h.pushModal(d.Hide, d.Hide))
	return d
}

// attach makes the keys work when no widget has the focus.
func (h *hotkeys) attach(c fyne.Canvas) {
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { h.key(ev.Name) })
	for _, sc := range h.list {
		c.AddShortcut(sc, func(s fyne.Shortcut) { h.shortcut(s) })
	}
}

// keyEntry is a one-line entry that lets the window's hotkeys through, and optionally sees
// Up/Down/Enter itself (the procedure picker).
type keyEntry struct {
	widget.Entry
	hot    *hotkeys
	onKey  func(*fyne.KeyEvent) bool // true when handled
	onBlur func()                    // the focus left the entry
	// ownScan marks an entry made for codes (the search box, the return screen's scan box):
	// its own Enter handles them.
	ownScan bool
}

func newKeyEntry(h *hotkeys) *keyEntry {
	e := &keyEntry{hot: h}
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.hot != nil && !e.ownScan && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && e.hot.scan != nil {
		if code := e.hot.scanned(e.Text); code != "" {
			at := strings.LastIndex(e.Text, code)
			e.SetText(e.Text[:at] + e.Text[at+len(code):])
			e.hot.scan(code)
			return
		}
	}
	if e.onKey != nil && e.onKey(ev) {
		return
	}
	if e.hot != nil && e.hot.key(ev.Name) {
		return
	}
	e.Entry.TypedKey(ev)
}

func (e *keyEntry) TypedRune(r rune) {
	e.hot.touch()
	e.hot.typedIn(r)
	e.Entry.TypedRune(r)
}

func (e *keyEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if e.hot != nil && e.hot.shortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// The widgets below take no text: a rune typed on them is a scanner's (a space still ticks a
// box or presses a button), and the window's keys reach the window.

type keyCheck struct {
	widget.Check
	hot *hotkeys
}

func newKeyCheck(h *hotkeys, label string, changed func(bool)) *keyCheck {
	c := &keyCheck{hot: h}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *keyCheck) TypedKey(ev *fyne.KeyEvent) {
	if !c.hot.offer(ev.Name) {
		c.Check.TypedKey(ev)
	}
}

func (c *keyCheck) TypedRune(r rune) {
	if r == ' ' {
		c.Check.TypedRune(r)
		return
	}
	c.hot.typedOn(r)
}

type keySelect struct {
	widget.Select
	hot *hotkeys
}

func newKeySelect(h *hotkeys, options []string, changed func(string)) *keySelect {
	s := &keySelect{hot: h}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	if !s.hot.offer(ev.Name) {
		s.Select.TypedKey(ev)
	}
}

func (s *keySelect) TypedRune(r rune) { s.hot.typedOn(r) }

type keyList struct {
	widget.List
	hot *hotkeys
}

func newKeyList(h *hotkeys, length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{hot: h}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	if !l.hot.offer(ev.Name) {
		l.List.TypedKey(ev)
	}
}

func (l *keyList) TypedRune(r rune) { l.hot.typedOn(r) }

type keyButton struct {
	widget.Button
	hot *hotkeys
}

func newKeyButton(h *hotkeys, label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{hot: h}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	if !b.hot.offer(ev.Name) {
		b.Button.TypedKey(ev)
	}
}

func (b *keyButton) TypedRune(r rune) {
	if r != ' ' {
		b.hot.typedOn(r)
	}
}
