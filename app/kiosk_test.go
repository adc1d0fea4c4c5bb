package app

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// newTestKiosk opens a kiosk for Quầy 1 on a demo store, with store calls inline, no ticker (the
// test calls tick) and a clock the test moves. exited counts the times the window was let go.
func newTestKiosk(t *testing.T) (*kiosk, *store.Store, func(time.Duration), *int) {
	t.Helper()
	syncAsync(t)
	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	old := kioskTicks
	kioskTicks = func(*kiosk) func() { return func() {} }
	t.Cleanup(func() { kioskTicks = old })
	a := test.NewTempApp(t)
	s, err := store.Open(filepath.Join(t.TempDir(), "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	k := newKiosk(a, s, "")
	cur := monday0815
	k.now = func() time.Time { return cur }
	k.touch()
	exited := 0
	k.exit = func() { exited++ }
	k.win.Resize(fyne.NewSize(1920, 1080))
	k.win.Show()
	t.Cleanup(k.win.Close)
	return k, s, func(d time.Duration) { cur = cur.Add(d) }, &exited
}

// screenText is every text the kiosk shows now: labels, buttons, canvas texts, rich text.
func screenText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
			return
		case *widget.Button:
			b.WriteString(w.Text + "\n")
			return
		case *canvas.Text:
			b.WriteString(w.Text + "\n")
			return
		case *widget.RichText:
			b.WriteString(w.String() + "\n")
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// findButton finds a visible, enabled-or-not button by its text on the current screen.
func kioskFind(t *testing.T, k *kiosk, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil || !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text {
				found = w
			}
			return
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
			return
		}
	}
	walk(k.content)
	if found == nil {
		t.Fatalf("no button %q on screen %s:\n%s", text, k.screen, screenText(k.content))
	}
	return found
}

// kioskHas tells whether a visible button with text is on the current screen.
func kioskHas(k *kiosk, text string) bool {
	found := false
	walkVisible(k.content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = true
		}
	})
	return found
}

// walkVisible calls f for every visible object under o, containers and widgets' parts included.
func walkVisible(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	f(o)
	switch w := o.(type) {
	case *fyne.Container:
		for _, c := range w.Objects {
			walkVisible(c, f)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(w).Objects() {
			walkVisible(c, f)
		}
	}
}

func TestKioskRatingFromPromptToThanks(t *testing.T) {
	k, s, move, _ := newTestKiosk(t)
	ctx := context.Background()
	in := store.Intake{Name: "Nguyễn Văn An", IDNo: "001090001234", Phone: "0912345678", Address: "Số 5 ngõ 12", By: "tiepnhan1"}
	p, _ := s.Procedure(ctx, "HT01")
	in.ProcedureID = p.ID
	in.Documents = []store.ReceivedDocument{{Name: "Tờ khai", Kind: "Bản chính", Count: 1}}
	d, err := s.Receive(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PromptRating(ctx, "tiepnhan1", d.Code, ""); err != nil {
		t.Fatal(err)
	}
	move(time.Second)
	k.tick()
	if k.screen != kRate {
		t.Fatalf("after a prompt the kiosk shows %s, want the rating screen", k.screen)
	}
	text := screenText(k.content)
	for _, want := range []string{"Nguyễn Thị Lan", "Thủ tục: " + d.ProcedureName, "Rất hài lòng", "Hài lòng", "Không hài lòng"} {
		if !strings.Contains(text, want) {
			t.Errorf("rating screen lacks %q:\n%s", want, text)
		}
	}
	// The face buttons are at least 15 mm (90 px) high.
	if h := k.rate.faces[store.LevelVerySatisfied].Size().Height; h < 90 {
		t.Errorf("face button is %.0f px high, want ≥ 90", h)
	}
	// A face is a choice: "Không hài lòng" tapped by mistake is taken back.
	test.Tap(k.rate.faces[store.LevelDissatisfied])
	if k.screen != kRateMore || k.rate.level != store.LevelDissatisfied {
		t.Fatalf("screen %s level %d after a face, want the criteria with level 0", k.screen, k.rate.level)
	}
	test.Tap(kioskFind(t, k, "Quay lại"))
	if k.screen != kRate {
		t.Fatalf("Quay lại from the criteria shows %s, want the faces", k.screen)
	}
	test.Tap(k.rate.faces[store.LevelVerySatisfied])
	if k.screen != kRateMore || k.rate.level != store.LevelVerySatisfied {
		t.Fatalf("screen %s level %d after the faces, want the criteria with level 2", k.screen, k.rate.level)
	}
	if !strings.Contains(screenText(k.content), "Ông/Bà chọn: Rất hài lòng") {
		t.Errorf("the criteria do not say which face was chosen:\n%s", screenText(k.content))
	}
	test.Tap(k.rate.critBtns["time"][0])     // Tốt
	test.Tap(k.rate.critBtns["attitude"][1]) // Bình thường
	test.Tap(kioskFind(t, k, "Tiếp tục"))
	if k.screen != kRateConduct {
		t.Fatalf("Tiếp tục from the criteria shows %s, want the conduct chips", k.screen)
	}
	test.Tap(kioskFind(t, k, "Xin chào"))
	test.Tap(kioskFind(t, k, "Luôn lắng nghe"))
	send := kioskFind(t, k, "Gửi đánh giá")
	test.Tap(send)
	test.Tap(send) // double tap
	if k.screen != kThanks || !strings.Contains(screenText(k.content), "Xin cảm ơn Ông/Bà!") {
		t.Fatalf("after sending the kiosk shows %s, want thanks", k.screen)
	}
	rs, err := s.Ratings(ctx, "chutich", monday0815.Add(-time.Hour), monday0815.Add(24*time.Hour*365*5), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 {
		t.Fatalf("%d ratings stored, want 1", len(rs))
	}
	r := rs[0]
	if r.Official != "tiepnhan1" || r.Code != d.Code || r.Level != 2 || r.Counter != "Quầy 1" || r.Anonymous {
		t.Errorf("stored %+v", r)
	}
	if r.Criteria["time"] != 2 || r.Criteria["attitude"] != 1 || len(r.Criteria) != 2 {
		t.Errorf("criteria %v, want time=2 attitude=1", r.Criteria)
	}
	if strings.Join(r.Conduct, ",") != "chao_hoi,lang_nghe" {
		t.Errorf("conduct %v", r.Conduct)
	}
	// Thanks stays 5 s, then the welcome screen; the used prompt is not shown again.
	move(4 * time.Second)
	k.tick()
	if k.screen != kThanks {
		t.Errorf("after 4 s the kiosk shows %s, want still thanks", k.screen)
	}
	move(time.Second)
	k.tick()
	if k.screen != kWelcome {
		t.Errorf("after 5 s the kiosk shows %s, want welcome", k.screen)
	}
}

func TestKioskDissatisfiedWithReasonAndTypedComment(t *testing.T) {
	k, s, _, _ := newTestKiosk(t)
	ctx := context.Background()
	if _, err := s.PromptRating(ctx, "tiepnhan2", "", ""); err != nil {
		t.Fatal(err)
	}
	k.tick()
	test.Tap(k.rate.faces[store.LevelDissatisfied])
	for _, b := range []string{"Gửi đánh giá"} {
		if kioskHas(k, b) {
			t.Errorf("the criteria of a Không hài lòng offer %q before the reasons", b)
		}
	}
	test.Tap(kioskFind(t, k, "Tiếp tục"))
	if kioskHas(k, "Gửi đánh giá") {
		t.Error("the conduct step of a Không hài lòng offers Gửi đánh giá before the reasons")
	}
	test.Tap(kioskFind(t, k, "Tiếp tục: nêu lý do"))
	if k.screen != kRateReason {
		t.Fatalf("screen %s, want the reasons", k.screen)
	}
	test.Tap(kioskFind(t, k, "Phải chờ lâu"))
	// "chờ lâu" typed on the on-screen keyboard: o, móc → ơ, huyền → ờ; a, ^ → â; a breve on u
	// (ŭ is not Vietnamese) does nothing; u, sắc → ú, deleted and typed again.
	test.Tap(kioskFind(t, k, "Viết góp ý"))
	if k.screen != kRateComment {
		t.Fatalf("Viết góp ý shows %s, want the keyboard", k.screen)
	}
	kb := k.rate.comment
	for _, key := range []string{"c", "h", "o", "ơ ư", "huyền", " ", "l", "a", "â ê ô", "u", "ă", "sắc", "⌫", "u"} {
		test.Tap(kb.keys[key])
	}
	if kb.Text() != "chờ lâu" {
		t.Errorf("typed %q, want %q", kb.Text(), "chờ lâu")
	}
	test.Tap(kioskFind(t, k, "Xong"))
	if k.screen != kRateReason || !strings.Contains(screenText(k.content), "chờ lâu") {
		t.Fatalf("Xong shows %s without the comment typed:\n%s", k.screen, screenText(k.content))
	}
	test.Tap(kioskFind(t, k, "Gửi đánh giá"))
	rs, _ := s.Ratings(ctx, "chutich", time.Time{}, time.Now().Add(time.Hour), "tiepnhan2")
	if len(rs) != 1 || rs[0].Level != 0 || rs[0].Comment != "chờ lâu" || strings.Join(rs[0].Reasons, ",") != "cho_lau" {
		t.Fatalf("stored %+v, want one Không hài lòng with reason cho_lau and the comment", rs)
	}
}

func TestKioskIdleGoesBackToWelcome(t *testing.T) {
	k, s, move, _ := newTestKiosk(t)
	test.Tap(kioskFind(t, k, "Thủ tục và lệ phí"))
	if k.screen != kProcedures {
		t.Fatalf("screen %s, want procedures", k.screen)
	}
	move(59 * time.Second)
	k.tick()
	if k.screen != kProcedures {
		t.Fatalf("after 59 s the kiosk left the procedures")
	}
	test.Tap(k.procs.pager.next) // a tap restarts the idle time
	move(59 * time.Second)
	k.tick()
	if k.screen != kProcedures {
		t.Fatalf("59 s after a tap the kiosk left the procedures")
	}
	move(time.Second)
	k.tick()
	if k.screen != kWelcome {
		t.Errorf("after 60 s idle the kiosk shows %s, want welcome", k.screen)
	}

	// A citizen who taps a face and walks away: by default nothing is stored (a level is a choice,
	// only "Gửi đánh giá" sends it), then the welcome screen.
	if _, err := s.PromptRating(context.Background(), "tiepnhan1", "", ""); err != nil {
		t.Fatal(err)
	}
	k.tick()
	test.Tap(k.rate.faces[store.LevelDissatisfied])
	move(61 * time.Second)
	k.tick()
	if k.screen != kWelcome {
		t.Errorf("idle on the criteria: screen %s, want welcome", k.screen)
	}
	rs, _ := s.Ratings(context.Background(), "chutich", time.Time{}, time.Now().Add(time.Hour), "tiepnhan1")
	if len(rs) != 0 {
		t.Errorf("after walking away %d ratings (%+v), want none: the level was not sent", len(rs), rs)
	}

	// A ward that set kiosk.idle_saves keeps the level chosen.
	k.idleSaves = true
	if _, err := s.PromptRating(context.Background(), "tiepnhan1", "", ""); err != nil {
		t.Fatal(err)
	}
	k.tick()
	test.Tap(k.rate.faces[store.LevelSatisfied])
	move(61 * time.Second)
	k.tick()
	rs, _ = s.Ratings(context.Background(), "chutich", time.Time{}, time.Now().Add(time.Hour), "tiepnhan1")
	if k.screen != kWelcome || len(rs) != 1 || rs[0].Level != 1 {
		t.Errorf("kiosk.idle_saves: screen %s, %d ratings (%+v), want the one face", k.screen, len(rs), rs)
	}
}

func TestKioskUnpromptedRatingIsAnonymous(t *testing.T) {
	k, s, _, _ := newTestKiosk(t)
	test.Tap(kioskFind(t, k, "Đánh giá mức độ hài lòng"))
	if k.screen != kRate || !strings.Contains(screenText(k.content), "Đánh giá chung") {
		t.Fatalf("screen %s, want an anonymous rating", k.screen)
	}
	test.Tap(k.rate.faces[store.LevelVerySatisfied])
	test.Tap(kioskFind(t, k, "Gửi đánh giá"))
	rs, _ := s.Ratings(context.Background(), "chutich", time.Time{}, time.Now().Add(time.Hour), "")
	if len(rs) != 1 || !rs[0].Anonymous || rs[0].Official != "" {
		t.Errorf("stored %+v, want one anonymous rating", rs)
	}
}

func TestKioskExitNeedsPIN(t *testing.T) {
	k, s, _, exited := newTestKiosk(t)
	// The window's close button is intercepted (the test driver keeps the callback unexported).
	if f := reflect.ValueOf(k.win).Elem().FieldByName("onCloseIntercepted"); !f.IsValid() || f.IsNil() {
		t.Fatal("the kiosk window's close is not intercepted")
	}
	k.askExit() // what the intercepted close button calls
	if k.screen != kExit {
		t.Fatalf("closing the window shows %s, want the PIN screen", k.screen)
	}
	typePIN := func(pin string) {
		for _, r := range pin {
			test.Tap(k.pin.kb.keys[string(r)])
		}
		test.Tap(k.pin.ok)
	}
	typePIN("123456")
	if *exited != 0 {
		t.Fatal("a wrong PIN let the kiosk go")
	}
	if !strings.Contains(screenText(k.content), "Mã PIN không đúng.") {
		t.Error("a wrong PIN is not reported")
	}
	typePIN("")
	if *exited != 0 {
		t.Fatal("an empty PIN let the kiosk go")
	}
	typePIN(store.DemoPINs["tiepnhan1"])
	if *exited != 1 {
		t.Fatalf("an official's PIN did not let the kiosk go (exits %d)", *exited)
	}
	// A deactivated official's PIN no longer opens it.
	if err := s.SetActive(context.Background(), "admin", "tiepnhan2", false); err != nil {
		t.Fatal(err)
	}
	k.askExit()
	typePIN(store.DemoPINs["tiepnhan2"])
	typePIN(store.DemoPINs["chutich"])
	if *exited != 2 {
		t.Errorf("exits %d, want only the active official's PIN to work", *exited)
	}
}

func TestKioskLookupShowsMaskedDataOnly(t *testing.T) {
	k, s, _, _ := newTestKiosk(t)
	ctx := context.Background()
	p, _ := s.Procedure(ctx, "HT01")
	d, err := s.Receive(ctx, store.Intake{ProcedureID: p.ID, Name: "Trần Thị Ngọc Ánh", IDNo: "001090009876",
		Phone: "0987654321", Address: "Số 9 phố Huế", By: "tiepnhan1",
		Documents: []store.ReceivedDocument{{Name: "Tờ khai", Kind: "Bản chính", Count: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	test.Tap(kioskFind(t, k, "Tra cứu hồ sơ"))
	kb := k.look.kb
	if kb.Text() != "HD001-" {
		t.Errorf("the keypad starts with %q, want the agency code HD001-", kb.Text())
	}
	for _, r := range strings.TrimPrefix(d.Code, "HD001-") {
		test.Tap(kb.keys[string(r)])
	}
	test.Tap(k.look.find1)
	text := screenText(k.content)
	for _, want := range []string{d.Code, "Trần T. N. Á.", d.ProcedureName, "Được tiếp nhận"} {
		if !strings.Contains(text, want) {
			t.Errorf("lookup lacks %q:\n%s", want, text)
		}
	}
	for _, secret := range []string{"001090009876", "0987654321", "Số 9 phố Huế", "Ngọc", "Ánh"} {
		if strings.Contains(text, secret) {
			t.Errorf("the kiosk shows %q", secret)
		}
	}
	// A scanner types the code and Enter from the welcome screen.
	k.show(kWelcome)
	for _, r := range strings.ToLower(d.Code) {
		k.scanned(r)
	}
	k.scannedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if k.screen != kLookup || !strings.Contains(screenText(k.content), "Trần T. N. Á.") {
		t.Errorf("a scanned code shows %s without the dossier", k.screen)
	}
	k.look.find("HD001-000000-0000")
	if !strings.Contains(screenText(k.content), "Không tìm thấy hồ sơ mã HD001-000000-0000") {
		t.Error("an unknown code is not reported")
	}
}

func TestKioskProceduresPaging(t *testing.T) {
	k, s, _, _ := newTestKiosk(t)
	all, _ := s.Procedures(context.Background())
	kioskPerPage := k.procs.perPage()
	if len(all) <= kioskPerPage {
		t.Fatalf("the demo catalogue has %d procedures; paging needs more than %d", len(all), kioskPerPage)
	}
	test.Tap(kioskFind(t, k, "Thủ tục và lệ phí"))
	pages := (len(all) + kioskPerPage - 1) / kioskPerPage
	text := screenText(k.content)
	if !strings.Contains(text, all[0].Name) || strings.Contains(text, all[kioskPerPage].Name) {
		t.Errorf("page 1 does not show exactly the first %d procedures", kioskPerPage)
	}
	if !strings.Contains(text, "Trang 1/"+itoa(pages)) || !k.procs.pager.prev.Disabled() {
		t.Errorf("page 1: label or Trang trước state wrong:\n%s", text)
	}
	if !strings.Contains(text, "Lệ phí: "+all[0].PostedFee()) {
		t.Errorf("the list does not show the fee of %s", all[0].Name)
	}
	test.Tap(k.procs.pager.next)
	text = screenText(k.content)
	if !strings.Contains(text, all[kioskPerPage].Name) || strings.Contains(text, all[0].Name+"\n") {
		t.Errorf("page 2 does not show procedure %d:\n%s", kioskPerPage+1, text)
	}
	for i := 0; i < pages+2; i++ {
		test.Tap(k.procs.pager.next)
	}
	if !k.procs.pager.next.Disabled() || !strings.Contains(screenText(k.content), "Trang "+itoa(pages)+"/"+itoa(pages)) {
		t.Error("the last page does not disable Trang sau")
	}
	test.Tap(k.procs.pager.prev)
	if !strings.Contains(screenText(k.content), "Trang "+itoa(pages-1)+"/") {
		t.Error("Trang trước does not go back")
	}
	// A field, then a procedure's detail.
	test.Tap(kioskFind(t, k, "Chứng thực"))
	if strings.Contains(screenText(k.content), "Đăng ký khai sinh") {
		t.Error("the Chứng thực field lists Đăng ký khai sinh")
	}
	test.Tap(k.procs.items[0])
	text = screenText(k.content)
	if k.screen != kProcedure || !strings.Contains(text, "Giấy tờ cần mang theo:") || !strings.Contains(text, "Phí, lệ phí:") {
		t.Errorf("detail screen %s:\n%s", k.screen, text)
	}
	// Search typed on the keyboard, without diacritics.
	test.Tap(kioskFind(t, k, "Quay lại danh sách"))
	test.Tap(kioskFind(t, k, "Tìm thủ tục"))
	for _, key := range []string{"k", "h", "a", "i", " ", "s", "i", "n", "h"} {
		test.Tap(k.procs.searchKB.keys[key])
	}
	test.Tap(kioskFind(t, k, "Xem kết quả"))
	if k.screen != kProcedures || !strings.Contains(screenText(k.content), "Đăng ký khai sinh") {
		t.Errorf("searching “khai sinh” does not list Đăng ký khai sinh:\n%s", screenText(k.content))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestKioskShowsTheOfficialsPhotoWhenSet(t *testing.T) {
	k, s, move, _ := newTestKiosk(t)
	ctx := context.Background()
	hasImage := func() bool {
		found := false
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *canvas.Image:
				if w.Resource != nil && strings.HasPrefix(w.Resource.Name(), "anh-") {
					found = true
				}
			case *fyne.Container:
				for _, c := range w.Objects {
					walk(c)
				}
			}
		}
		walk(k.content)
		return found
	}
	// Without a photo: the name only.
	if _, err := s.PromptRating(ctx, "tiepnhan1", "", ""); err != nil {
		t.Fatal(err)
	}
	move(time.Second)
	k.tick()
	if k.screen != kRate || hasImage() {
		t.Fatalf("screen %s, photo shown %v; want the rating screen without a photo", k.screen, hasImage())
	}
	// With a photo set by the admin, the next prompt shows it.
	img := image.NewRGBA(image.Rect(0, 0, 60, 80))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPhoto(ctx, "admin", "tiepnhan1", b.Bytes()); err != nil {
		t.Fatal(err)
	}
	k.show(kWelcome)
	if _, err := s.PromptRating(ctx, "tiepnhan1", "", ""); err != nil {
		t.Fatal(err)
	}
	move(time.Second)
	k.tick()
	if k.screen != kRate || !hasImage() {
		t.Errorf("screen %s, photo shown %v; want the official's photo on the rating screen", k.screen, hasImage())
	}
}
