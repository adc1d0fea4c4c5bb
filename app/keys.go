package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// hotkeys are the window-wide keys (F2 search, Esc clear, Ctrl+Enter receive, Ctrl+P reprint).
// Fyne hands every key and shortcut to the focused widget only, so the window's entries are
// keyEntry values that offer a key here first; the canvas handlers cover "nothing focused".
type hotkeys struct {
	keys      map[fyne.KeyName]func()
	shortcuts map[string]func() // by ShortcutName()
	list      []fyne.Shortcut
	active    func() // told of every key: the idle lock counts from the last one
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
	hot   *hotkeys
	onKey func(*fyne.KeyEvent) bool // true when handled
}

func newKeyEntry(h *hotkeys) *keyEntry {
	e := &keyEntry{hot: h}
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
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
	e.Entry.TypedRune(r)
}

func (e *keyEntry) TypedShortcut(s fyne.Shortcut) {
	if e.hot != nil && e.hot.shortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}
