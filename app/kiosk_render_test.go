package app

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"motcua/store"
)

// kioskSizes are the screens a ward's touch monitor may have: small 16:9 and 16:10 panels, the
// common laptop size, full HD, and full HD turned on its side.
var kioskSizes = []fyne.Size{{Width: 1024, Height: 600}, {Width: 1280, Height: 800}, {Width: 1366, Height: 768},
	{Width: 1920, Height: 1080}, {Width: 1080, Height: 1920}}

// kioskScreen is one screen of the kiosk and how a citizen reaches it from the one before (the
// list is walked in order on one kiosk).
type kioskScreen struct {
	name string
	open func(t *testing.T, k *kiosk, s *store.Store)
}

// kioskTour reaches every screen of the kiosk, as a citizen would, in order.
var kioskTour = []kioskScreen{
	{"welcome", func(t *testing.T, k *kiosk, s *store.Store) { k.show(kWelcome) }},
	{"rate_faces", func(t *testing.T, k *kiosk, s *store.Store) {
		ctx := context.Background()
		d := receiveForKiosk(t, s)
		if _, err := s.PromptRating(ctx, "tiepnhan1", d.Code, ""); err != nil {
			t.Fatal(err)
		}
		k.tick()
	}},
	{"rate_criteria", func(t *testing.T, k *kiosk, s *store.Store) { test.Tap(k.rate.faces[store.LevelDissatisfied]) }},
	{"rate_conduct", func(t *testing.T, k *kiosk, s *store.Store) {
		test.Tap(k.rate.critBtns["time"][1])
		test.Tap(kioskFind(t, k, "Tiếp tục"))
		test.Tap(kioskFind(t, k, "Xin chào"))
	}},
	{"rate_reasons", func(t *testing.T, k *kiosk, s *store.Store) {
		test.Tap(kioskFind(t, k, "Tiếp tục: nêu lý do"))
		test.Tap(kioskFind(t, k, "Phải chờ lâu"))
	}},
	{"rate_keyboard", func(t *testing.T, k *kiosk, s *store.Store) {
		test.Tap(kioskFind(t, k, "Viết góp ý"))
		for _, key := range []string{"c", "h", "o", "ơ ư", "huyền", " ", "l", "a", "â ê ô", "u"} {
			test.Tap(k.rate.comment.keys[key])
		}
	}},
	{"thanks", func(t *testing.T, k *kiosk, s *store.Store) { test.Tap(kioskFind(t, k, "Gửi đánh giá")) }},
	{"procedures", func(t *testing.T, k *kiosk, s *store.Store) {
		k.show(kWelcome)
		test.Tap(kioskFind(t, k, "Thủ tục và lệ phí"))
	}},
	{"procedure", func(t *testing.T, k *kiosk, s *store.Store) { test.Tap(k.procs.items[0]) }},
	{"search", func(t *testing.T, k *kiosk, s *store.Store) {
		test.Tap(kioskFind(t, k, "Quay lại danh sách"))
		test.Tap(kioskFind(t, k, "Tìm thủ tục"))
		for _, key := range []string{"k", "h", "a", "i", " ", "s", "i", "n", "h"} {
			test.Tap(k.procs.searchKB.keys[key])
		}
	}},
	{"lookup", func(t *testing.T, k *kiosk, s *store.Store) {
		k.show(kWelcome)
		test.Tap(kioskFind(t, k, "Tra cứu hồ sơ"))
		d := receiveForKiosk(t, s)
		k.look.find(d.Code)
	}},
	{"exit_pin", func(t *testing.T, k *kiosk, s *store.Store) {
		k.show(kWelcome)
		test.Tap(kioskFind(t, k, "Dành cho cán bộ"))
		test.Tap(k.pin.kb.keys["1"])
		test.Tap(k.pin.kb.keys["2"])
	}},
}

// receiveForKiosk takes in a dossier at a fixed time, so that its code and dates never change.
func receiveForKiosk(t *testing.T, s *store.Store) store.Dossier {
	t.Helper()
	ctx := context.Background()
	p, err := s.Procedure(ctx, "HT01")
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Receive(ctx, store.Intake{ProcedureID: p.ID, Name: "Trần Thị Ngọc Ánh", IDNo: "001090009876",
		Phone: "0987654321", Address: "Số 9 phố Huế", By: "tiepnhan1", ReceivedAt: monday0815,
		Documents: []store.ReceivedDocument{{Name: "Tờ khai", Kind: "Bản chính", Count: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestKioskScreensFitEverySize draws every kiosk screen at every size, compares the drawing with
// the one kept in testdata/kiosk (test.AssertRendersToMarkup: positions, sizes, text, colours),
// and checks its geometry: all inside the window, no overlapping buttons, no cut or broken text,
// every button at least a fingertip (60 px).
func TestKioskScreensFitEverySize(t *testing.T) {
	for _, size := range kioskSizes {
		t.Run(fmt.Sprintf("%.0fx%.0f", size.Width, size.Height), func(t *testing.T) {
			k, s, _, _ := newTestKiosk(t)
			k.win.Resize(size)
			for _, sc := range kioskTour {
				sc.open(t, k, s)
				c := k.win.Canvas()
				if got := c.Size(); got != size {
					t.Fatalf("%s: the window is %v, want %v: a screen grew it", sc.name, got, size)
				}
				// A real window grows to its content's minimum: it must fit the screen.
				if m := k.win.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
					t.Errorf("%s: the window would grow to %v on a %v screen", sc.name, m, size)
				}
				for _, p := range layoutProblems(c, minTarget) {
					t.Errorf("%s at %v: %s", sc.name, size, p)
				}
				name := fmt.Sprintf("%s_%.0fx%.0f", sc.name, size.Width, size.Height)
				test.AssertRendersToMarkup(t, "kiosk/"+name+".xml", c)
				if dir := os.Getenv("MOTCUA_KIOSK_SHOTS"); dir != "" { // to look at them: PNGs there
					saveShot(t, filepath.Join(dir, name+".png"), c.Capture())
				}
			}
		})
	}
}

func saveShot(t *testing.T, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

// TestKioskTypeFollowsTheScreen: text and targets are sized from the window, both ways, and the
// kiosk never asks the window for more than the smallest screen it is made for.
func TestKioskTypeFollowsTheScreen(t *testing.T) {
	k, _, _, _ := newTestKiosk(t)
	titleSize := func() float32 {
		var size float32
		walkVisible(k.content, func(o fyne.CanvasObject) {
			if txt, ok := o.(*canvas.Text); ok && txt.Text == "Xin kính chào Ông/Bà" {
				size = txt.TextSize
			}
		})
		return size
	}
	var last float32
	for _, size := range []fyne.Size{{Width: 1024, Height: 600}, {Width: 1280, Height: 800}, {Width: 1920, Height: 1080}} {
		k.win.Resize(size)
		got := titleSize()
		if got <= last {
			t.Errorf("at %v the title is %.1f px, not bigger than %.1f px on the smaller screen", size, got, last)
		}
		last = got
		if m := k.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
			t.Errorf("at %v the kiosk asks for a %v window", size, m)
		}
	}
	k.win.Resize(fyne.NewSize(1024, 600))
	if got := titleSize(); got != 40*0.75 {
		t.Errorf("back at 1024×600 the title is %.1f px, want %.1f", got, 40*0.75)
	}
}

// TestKioskKeyboardShowsTheEndOfALongText: the one-line display of a long comment shows its end
// (what is being typed), the whole text is kept.
func TestKioskKeyboardShowsTheEndOfALongText(t *testing.T) {
	k, _, _, _ := newTestKiosk(t)
	kb := k.rate.comment
	long := "thủ tục nhanh gọn, cán bộ hướng dẫn tận tình, xin cảm ơn"
	kb.set(long)
	if kb.Text() != long {
		t.Errorf("kept %q", kb.Text())
	}
	shown := []rune(kb.display.Text)
	if len(shown) != displayRunes || shown[0] != '…' || !strings.HasSuffix(long, string(shown[1:])) {
		t.Errorf("display %q, want … and the last %d letters", kb.display.Text, displayRunes-1)
	}
}
