package app

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The geometry check: what a person sees as a broken screen, found from the drawn object tree.
// It walks a canvas with absolute positions and reports
//   - a visible object outside the canvas (or, inside a scroll, drawn outside it: clipped is fine),
//     or outside the container that lays it out (it then covers its neighbours);
//   - two buttons (anything tappable) overlapping: a tap on one lands on the other;
//   - a button smaller than its minimum (its text is cut) or, when minTarget > 0, smaller than a
//     fingertip;
//   - a label smaller than its minimum, cut short by truncation, or wrapping inside a word (a
//     wrapping label without width draws one glyph per line);
//   - a canvas.Text drawn outside the widget that owns it.
// Any screen of the app can use it: layoutProblems(w.Canvas(), 0).

type rect struct{ x, y, w, h float32 }

func (r rect) String() string { return fmt.Sprintf("%.0f,%.0f %.0f×%.0f", r.x, r.y, r.w, r.h) }

// slack absorbs rounding of fractional layouts.
const slack = 0.6

func (r rect) inside(o rect) bool {
	return r.x >= o.x-slack && r.y >= o.y-slack && r.x+r.w <= o.x+o.w+slack && r.y+r.h <= o.y+o.h+slack
}

func (r rect) overlaps(o rect) bool {
	w := min(r.x+r.w, o.x+o.w) - max(r.x, o.x)
	h := min(r.y+r.h, o.y+o.h) - max(r.y, o.y)
	return w > 1 && h > 1
}

type tappable struct {
	name string
	r    rect
}

type layoutWalk struct {
	problems []string
	taps     []tappable
	min      float32
}

func (lw *layoutWalk) add(format string, a ...any) {
	lw.problems = append(lw.problems, fmt.Sprintf(format, a...))
}

// layoutProblems checks c's content (not its overlays: dialogs are Fyne's).
func layoutProblems(c fyne.Canvas, minTarget float32) []string {
	lw := &layoutWalk{min: minTarget}
	sz := c.Size()
	whole := rect{0, 0, sz.Width, sz.Height}
	lw.walk(c.Content(), 0, 0, whole, whole, nil)
	for i := range lw.taps {
		for j := i + 1; j < len(lw.taps); j++ {
			if lw.taps[i].r.overlaps(lw.taps[j].r) {
				lw.add("%s at %v overlaps %s at %v", lw.taps[i].name, lw.taps[i].r, lw.taps[j].name, lw.taps[j].r)
			}
		}
	}
	return lw.problems
}

// objName names an object for a report: its type and text.
func objName(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case *widget.Button:
		return fmt.Sprintf("button %q", w.Text)
	case *widget.Label:
		return fmt.Sprintf("label %q", w.Text)
	case *widget.Check:
		return fmt.Sprintf("check %q", w.Text)
	case *canvas.Text:
		return fmt.Sprintf("text %q", w.Text)
	}
	return fmt.Sprintf("%T", o)
}

// walk visits o at parent offset (px, py); clip is what can be seen of it (the canvas, or a
// scroll's viewport), owner the nearest enclosing widget's box (nil at the top).
func (lw *layoutWalk) walk(o fyne.CanvasObject, px, py float32, clip, canvasRect rect, owner *rect) {
	if o == nil || !o.Visible() {
		return
	}
	pos, size := o.Position(), o.Size()
	r := rect{px + pos.X, py + pos.Y, size.Width, size.Height}
	if size.Width <= 0 || size.Height <= 0 {
		return
	}
	if !r.overlaps(clip) && clip != canvasRect {
		return // scrolled out of view
	}
	// Shadows are drawn outside their widget on purpose.
	if !strings.Contains(fmt.Sprintf("%T", o), "shadow") {
		if clip == canvasRect && !r.inside(canvasRect) {
			lw.add("%s at %v is outside the %v×%v canvas", objName(o), r, canvasRect.w, canvasRect.h)
		}
		if t, ok := o.(*canvas.Text); ok && owner != nil && t.Text != "" && !r.inside(*owner) && r.overlaps(clip) {
			lw.add("%s at %v is drawn outside its widget at %v", objName(o), r, *owner)
		}
	}
	switch w := o.(type) {
	case *widget.Button:
		lw.tap(o, r)
		if m := w.MinSize(); size.Width+slack < m.Width || size.Height+slack < m.Height {
			lw.add("%s is %v, smaller than its minimum %.0f×%.0f: its text is cut", objName(o), r, m.Width, m.Height)
		}
		if lw.min > 0 && (size.Width < lw.min || size.Height < lw.min) {
			lw.add("%s is %v, smaller than a %v px target", objName(o), r, lw.min)
		}
	case *widget.Label:
		lw.label(w, r)
	case fyne.Tappable:
		lw.tap(o, r)
	}
	var kids []fyne.CanvasObject
	switch w := o.(type) {
	case *container.Scroll:
		// Its content is seen through its viewport only.
		lw.walk(w.Content, r.x-w.Offset.X, r.y-w.Offset.Y, r, canvasRect, owner)
		return
	case *fyne.Container:
		kids = w.Objects
		// A layout keeps its objects in its box; one that spills out (a VBox given less than its
		// minimum) draws over its neighbours.
		for _, c := range kids {
			if _, spacer := c.(layout.SpacerObject); spacer || c == nil || !c.Visible() || c.Size().Width <= 0 || c.Size().Height <= 0 {
				continue // a spacer draws nothing
			}
			cp, cs := c.Position(), c.Size()
			if cr := (rect{r.x + cp.X, r.y + cp.Y, cs.Width, cs.Height}); !cr.inside(r) {
				lw.add("%s at %v spills out of its container at %v", objName(c), cr, r)
			}
		}
	case fyne.Widget:
		kids = test.WidgetRenderer(w).Objects()
		owner = &r
	}
	for _, k := range kids {
		lw.walk(k, r.x, r.y, clip, canvasRect, owner)
	}
}

// tap records a tappable (a disabled one too: it must not lie over another either).
func (lw *layoutWalk) tap(o fyne.CanvasObject, r rect) {
	lw.taps = append(lw.taps, tappable{objName(o), r})
}

// label checks that a label shows all its text: it has its minimum size, truncation cut nothing,
// and wrapping broke lines between words only.
func (lw *layoutWalk) label(l *widget.Label, r rect) {
	if strings.TrimSpace(l.Text) == "" {
		return
	}
	if m := l.MinSize(); r.h+slack < m.Height {
		lw.add("%s is %v, lower than its %.0f px of text: lines are cut", objName(l), r, m.Height)
	}
	var rows []string
	for _, o := range test.WidgetRenderer(l).Objects() {
		if rt, ok := o.(*widget.RichText); ok {
			for _, t := range test.WidgetRenderer(rt).Objects() {
				if ct, ok := t.(*canvas.Text); ok && ct.Visible() {
					rows = append(rows, ct.Text)
				}
			}
		}
	}
	shown := strings.Join(rows, "")
	if l.Truncation != fyne.TextTruncateOff && squash(shown) != squash(l.Text) {
		lw.add("%s is %v and shows only %q", objName(l), r, shown)
		return
	}
	// Each row must end where the text has a space or a line break: a row ending inside a word
	// means the box was narrower than the word (at worst one glyph per line).
	text := []rune(l.Text)
	at := 0
	for i, row := range rows {
		rr := []rune(row)
		j := indexRunes(text, rr, at)
		if j < 0 {
			return // rows not found as they are (ellipsis, trimmed spaces): nothing to judge
		}
		at = j + len(rr)
		if i == len(rows)-1 || len(rr) == 0 || at >= len(text) {
			continue
		}
		next := []rune(rows[i+1])
		if isWordRune(rr[len(rr)-1]) && !unicode.IsSpace(text[at]) && len(next) > 0 && isWordRune(next[0]) {
			lw.add("%s is %v and breaks a word across lines (%q | %q)", objName(l), r, row, rows[i+1])
			return
		}
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func squash(s string) string { return strings.Join(strings.Fields(s), "") }

func indexRunes(s, sub []rune, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if string(s[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return -1
}

// TestLayoutCheckFindsBrokenScreens: the check reports each kind of broken drawing it is for, and
// nothing on a sound one.
func TestLayoutCheckFindsBrokenScreens(t *testing.T) {
	test.NewTempApp(t)
	check := func(name string, content fyne.CanvasObject, want string) {
		t.Helper()
		w := test.NewWindow(content)
		defer w.Close()
		w.Resize(fyne.NewSize(400, 300))
		got := strings.Join(layoutProblems(w.Canvas(), 0), "\n")
		if want == "" && got != "" {
			t.Errorf("%s: reported %s", name, got)
		}
		if want != "" && !strings.Contains(got, want) {
			t.Errorf("%s: want a report of %q, got:\n%s", name, want, got)
		}
	}
	wrapped := func() *widget.Label {
		l := widget.NewLabel("Xin cảm ơn Ông/Bà!")
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	check("sound", container.NewVBox(wrapped(), widget.NewButton("Gửi", nil)), "")
	check("one glyph per line", container.NewCenter(wrapped()), "breaks a word")
	a, b := widget.NewButton("Tốt", nil), widget.NewButton("Chưa tốt", nil)
	over := container.NewWithoutLayout(a, b)
	a.Resize(fyne.NewSize(100, 40))
	b.Resize(fyne.NewSize(100, 40))
	b.Move(fyne.NewPos(50, 20))
	check("overlap", over, "overlaps")
	off := widget.NewButton("Gửi đánh giá", nil)
	off.Move(fyne.NewPos(0, 280))
	off.Resize(fyne.NewSize(200, 60))
	check("off the canvas", container.NewWithoutLayout(off), "outside the")
	small := widget.NewButton("Gửi đánh giá", nil)
	small.Resize(fyne.NewSize(40, 40))
	check("cut button", container.NewWithoutLayout(small), "its text is cut")
	spill := container.New(layout.NewVBoxLayout(), widget.NewLabel("một"), widget.NewLabel("hai"), widget.NewLabel("ba"))
	check("spill", container.NewGridWithRows(8, spill), "spills out")
	w := test.NewWindow(container.NewVBox(widget.NewButton("OK", nil)))
	defer w.Close()
	w.Resize(fyne.NewSize(400, 300))
	if got := layoutProblems(w.Canvas(), 60); !strings.Contains(strings.Join(got, "\n"), "smaller than a 60 px target") {
		t.Errorf("a 36 px button is not reported as a small target: %v", got)
	}
}
