package app

import (
	"context"
	"runtime"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// touchButton taps b where a finger would: at its centre on the canvas. The tap goes to whatever
// is drawn there, so a button off the screen or under another one fails here.
func touchButton(t *testing.T, k *kiosk, b *widget.Button) {
	t.Helper()
	c := k.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
	at := pos.Add(fyne.NewPos(b.Size().Width/2, b.Size().Height/2))
	if sz := c.Size(); !b.Visible() || at.X < 0 || at.Y < 0 || at.X > sz.Width || at.Y > sz.Height {
		t.Fatalf("screen %s: button %q is at %v, off the %v screen", k.screen, b.Text, at, sz)
	}
	hit := false
	was := b.OnTapped
	b.OnTapped = func() { hit = true; was() }
	test.TapCanvas(c, at)
	b.OnTapped = was
	if !hit {
		t.Fatalf("screen %s: a tap on button %q at %v did not reach it", k.screen, b.Text, at)
	}
}

// touch taps the visible button with text on the current screen.
func touch(t *testing.T, k *kiosk, text string) {
	t.Helper()
	touchButton(t, k, kioskFind(t, k, text))
}

// TestKioskSoak runs the kiosk as a day at the counter: 500 prompted ratings in a row through the
// widgets, tapped where a finger would, with lookups, the procedures and idle returns between.
// Afterwards the welcome screen draws as it did at the start, the window has not grown, and
// goroutines and heap are back where they were.
func TestKioskSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("the soak test taps 500 ratings")
	}
	k, s, move, _ := newTestKiosk(t)
	size := fyne.NewSize(1280, 800)
	k.win.Resize(size)
	ctx := context.Background()
	d := receiveForKiosk(t, s)
	officials := []string{"tiepnhan1", "tiepnhan2"}

	rate := func(i int) {
		if _, err := s.PromptRating(ctx, officials[i%2], d.Code, ""); err != nil {
			t.Fatal(err)
		}
		move(time.Second)
		k.tick()
		if k.screen != kRate {
			t.Fatalf("rating %d: the prompt shows %s, want the faces", i, k.screen)
		}
		level := []int{store.LevelVerySatisfied, store.LevelSatisfied, store.LevelDissatisfied}[i%3]
		if i%5 == 0 { // a mistaken face, taken back
			touchButton(t, k, k.rate.faces[store.LevelDissatisfied])
			touch(t, k, "Quay lại")
		}
		touchButton(t, k, k.rate.faces[level])
		touchButton(t, k, k.rate.critBtns["time"][i%3])
		touch(t, k, "Tiếp tục")
		touch(t, k, "Xin chào")
		if level == store.LevelDissatisfied {
			touch(t, k, "Tiếp tục: nêu lý do")
			touch(t, k, "Phải chờ lâu")
			if i%2 == 0 {
				touch(t, k, "Viết góp ý")
				touchButton(t, k, k.rate.comment.keys["a"])
				touch(t, k, "Xong")
			}
		}
		touch(t, k, "Gửi đánh giá")
		if k.screen != kThanks {
			t.Fatalf("rating %d: after sending the kiosk shows %s", i, k.screen)
		}
		move(thanksFor)
		k.tick()
		if k.screen != kWelcome {
			t.Fatalf("rating %d: after the thanks the kiosk shows %s", i, k.screen)
		}
		switch {
		case i%10 == 3: // a lookup by the keypad
			touch(t, k, "Tra cứu hồ sơ")
			for _, r := range d.Code[len("HD001-"):] {
				touchButton(t, k, k.look.kb.keys[string(r)])
			}
			touch(t, k, "Tra cứu")
			touch(t, k, "Về trang chính")
		case i%10 == 6: // the procedures, left alone
			touch(t, k, "Thủ tục và lệ phí")
			touchButton(t, k, k.procs.items[0])
			move(k.idle)
			k.tick()
		case i%10 == 8: // a scanned slip, left alone
			for _, r := range d.Code {
				k.scanned(r)
			}
			k.scannedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			move(k.idle)
			k.tick()
		}
		if k.screen != kWelcome {
			t.Fatalf("rating %d: the kiosk is on %s, want welcome", i, k.screen)
		}
	}

	heap := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	// A few rounds first: the store's caches and every screen's renderers are then made.
	for i := 0; i < 20; i++ {
		rate(i)
	}
	start := test.RenderToMarkup(k.win.Canvas())
	goroutines, heap0 := runtime.NumGoroutine(), heap()
	const n = 500
	for i := 20; i < 20+n; i++ {
		rate(i)
	}
	if got := k.win.Canvas().Size(); got != size {
		t.Errorf("the window is %v after %d ratings, want %v", got, n, size)
	}
	if m := k.win.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
		t.Errorf("after %d ratings the kiosk asks for %v, more than the %v screen", n, m, size)
	}
	if end := test.RenderToMarkup(k.win.Canvas()); end != start {
		t.Errorf("after %d ratings the welcome screen is drawn differently:\n--- start\n%s\n--- end\n%s", n, start, end)
	}
	for _, p := range layoutProblems(k.win.Canvas(), minTarget) {
		t.Errorf("welcome after %d ratings: %s", n, p)
	}
	if g := runtime.NumGoroutine(); g > goroutines+2 {
		t.Errorf("%d goroutines after %d ratings, %d before", g, n, goroutines)
	}
	// 500 ratings add rows to the database, not to the kiosk: a small margin for the store's caches.
	h := heap()
	t.Logf("heap %d KB before, %d KB after %d ratings; goroutines %d → %d", heap0>>10, h>>10, n, goroutines, runtime.NumGoroutine())
	if h > heap0+2<<20 {
		t.Errorf("heap %d KB after %d ratings, %d KB before", h>>10, n, heap0>>10)
	}
	rs, err := s.Ratings(ctx, "chutich", time.Time{}, time.Now().AddDate(1, 0, 0), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 20+n {
		t.Errorf("%d ratings stored, want %d", len(rs), 20+n)
	}
}
