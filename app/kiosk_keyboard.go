package app

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/unicode/norm"
)

// The on-screen keyboards of the kiosk: a touch screen has no keyboard, and Fyne's mobile
// keyboard does not appear on a desktop touch monitor. Vietnamese is typed without an input
// method: a letter, then its mark keys (^ ˘ móc for â ă ê ô ơ ư, then the tone). A mark that does
// not fit the last letter does nothing.

type kbMode int

const (
	kbText kbMode = iota // Vietnamese letters, digits, punctuation
	kbCode               // dossier codes: digits, A–Z, '-'
	kbPIN                // digits, shown as dots
)

// vnMarks are the mark keys: label and the combining mark it adds.
var vnMarks = []struct{ label, mark string }{
	{"â ê ô", "\u0302"}, {"ă", "\u0306"}, {"ơ ư", "\u031b"},
	{"sắc", "\u0301"}, {"huyền", "\u0300"}, {"hỏi", "\u0309"}, {"ngã", "\u0303"}, {"nặng", "\u0323"},
}

// vnLetters are the marked letters of Vietnamese: a mark key only ever makes one of them (not ŭ).
const vnLetters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

type keyboard struct {
	k        *kiosk
	mode     kbMode
	max      int
	text     []rune
	display  *widget.Label
	onChange func(string)
	keys     map[string]*widget.Button // by label, for tests
	root     fyne.CanvasObject
}

func newKeyboard(k *kiosk, mode kbMode, max int, onChange func(string)) *keyboard {
	kb := &keyboard{k: k, mode: mode, max: max, onChange: onChange, keys: map[string]*widget.Button{}}
	// One line, the end of the text when it is long: the keyboard's screen keeps its height.
	kb.display = widget.NewLabelWithStyle(" ", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	kb.display.Truncation = fyne.TextTruncateClip
	var rows [][]string
	switch mode {
	case kbText:
		rows = [][]string{
			strings.Split("1234567890", ""),
			strings.Split("qwertyuiop", ""),
			append(strings.Split("asdfghjkl", ""), "đ"),
			append(strings.Split("zxcvbnm", ""), ",", ".", "?"),
		}
	case kbCode:
		rows = [][]string{
			strings.Split("1234567890", ""),
			strings.Split("QWERTYUIOP", ""),
			append(strings.Split("ASDFGHJKL", ""), "-"),
			strings.Split("ZXCVBNM", ""),
		}
	case kbPIN:
		rows = [][]string{{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8", "9"}, {"0"}}
	}
	box := container.NewVBox()
	h := float32(64)
	if mode == kbText {
		h = 60 // six rows: they must fit a 600-line screen
	}
	if mode == kbPIN {
		h = 76
	}
	for _, row := range rows {
		grid := container.NewGridWithColumns(max2(len(row), 3))
		for _, key := range row {
			key := key
			b := widget.NewButton(key, k.tap(func() { kb.add(key) }))
			kb.keys[key] = b
			grid.Add(k.tall(b, h))
		}
		box.Add(grid)
	}
	if mode == kbText {
		marks := container.NewGridWithColumns(len(vnMarks))
		for _, m := range vnMarks {
			m := m
			b := widget.NewButton(m.label, k.tap(func() { kb.mark(m.mark) }))
			b.Importance = widget.HighImportance
			kb.keys[m.label] = b
			marks.Add(k.tall(b, h))
		}
		box.Add(marks)
	}
	del := widget.NewButtonWithIcon(lang.L("Xóa"), theme.ContentUndoIcon(), k.tap(kb.backspace))
	kb.keys["⌫"] = del
	clear := widget.NewButtonWithIcon(lang.L("Xóa hết"), theme.ContentClearIcon(), k.tap(func() { kb.set("") }))
	kb.keys["clear"] = clear
	var last fyne.CanvasObject = container.NewGridWithColumns(2, k.tall(del, h), k.tall(clear, h))
	if mode == kbText {
		space := widget.NewButton(lang.L("Dấu cách"), k.tap(func() { kb.add(" ") }))
		kb.keys[" "] = space
		last = container.NewBorder(nil, nil, nil, container.NewGridWithColumns(2, k.tall(del, h), k.tall(clear, h)), k.tall(space, h))
	}
	box.Add(last)
	kb.root = box
	return kb
}

// displayRunes is how much of a long text the keyboard's one-line display shows (its end).
const displayRunes = 40

func max2(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// Text is what has been typed, NFC.
func (kb *keyboard) Text() string { return string(kb.text) }

func (kb *keyboard) set(s string) {
	kb.text = []rune(norm.NFC.String(s))
	kb.changed()
}

func (kb *keyboard) add(s string) {
	if kb.max > 0 && len(kb.text)+utf8.RuneCountInString(s) > kb.max {
		return
	}
	kb.text = append(kb.text, []rune(s)...)
	kb.changed()
}

func (kb *keyboard) backspace() {
	if n := len(kb.text); n > 0 {
		kb.text = kb.text[:n-1]
		kb.changed()
	}
}

// mark puts a diacritic on the last letter when the result is one Vietnamese letter.
func (kb *keyboard) mark(m string) {
	n := len(kb.text)
	if n == 0 {
		return
	}
	composed := []rune(norm.NFC.String(string(kb.text[n-1]) + m))
	if len(composed) != 1 || !strings.ContainsRune(vnLetters, composed[0]) {
		return
	}
	kb.text[n-1] = composed[0]
	kb.changed()
}

func (kb *keyboard) changed() {
	shown := string(kb.text)
	if kb.mode == kbPIN {
		shown = strings.Repeat("●", len(kb.text))
	}
	if r := []rune(shown); len(r) > displayRunes {
		shown = "…" + string(r[len(r)-displayRunes+1:])
	}
	if shown == "" {
		shown = " "
	}
	kb.display.SetText(shown)
	if kb.onChange != nil {
		kb.onChange(string(kb.text))
	}
}
