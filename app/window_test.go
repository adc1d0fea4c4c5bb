package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"motcua/app/desk"
	"motcua/store"
	"motcua/store/workday"
)

// monday0815 is the counter's clock in these tests: Monday 26/01/2026, 08:15 in Vietnam.
var monday0815 = time.Date(2026, 1, 26, 8, 15, 0, 0, workday.Loc)

// newTestUI opens the window on a real store with the demo data, a desk writing into a temp
// folder and a printer that records what it was sent (or fails with printErr).
func newTestUI(t *testing.T, printErr error) (*ui, *store.Store, *[]string) {
	t.Helper()
	syncAsync(t)
	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	u, printed := newTestUIOn(t, s, printErr)
	return u, s, printed
}

// newTestUIOn opens an officials' window on the store s (another counter PC of the same office
// when s is already open in a window), logged in as tiepnhan1.
func newTestUIOn(t *testing.T, s *store.Store, printErr error) (*ui, *[]string) {
	t.Helper()
	syncAsync(t)
	a := test.NewTempApp(t)
	d := desk.New(s, t.TempDir())
	var printed []string
	d.SetSender(func(_ context.Context, path, _ string) error {
		printed = append(printed, path)
		return printErr
	})
	u := newUI(a, d)
	u.hot.clock = func() time.Time { return monday0815 } // a test types as fast as a scanner, however loaded the machine
	u.start(context.Background())
	u.win.Resize(fyne.NewSize(1366, 768))
	u.win.Show()
	t.Cleanup(u.win.Close)
	loginAs(t, u, "tiepnhan1")
	return u, &printed
}

// loginAs logs the demo official in through the login screen, with their demo password.
func loginAs(t *testing.T, u *ui, login string) {
	t.Helper()
	if u.me != nil {
		u.lock()
	}
	u.login.how.SetSelected(howPassword)
	u.login.login.SetText(login)
	u.login.secret.SetText(store.DemoPasswords[login])
	u.login.submit()
	if u.me == nil || u.me.Login != login {
		t.Fatalf("login as %s failed: %q", login, u.login.msg.Text)
	}
}

// syncAsync makes store and desk calls run inline, and pins the clock, for the test's duration.
func syncAsync(t *testing.T) {
	oldGo, oldNow, oldPoll, oldPause := goAsync, now, ratingPoll, bookTypingPause
	goAsync = func(f func()) { f() }
	now = func() time.Time { return monday0815 }
	ratingPoll = time.Hour      // tests call ratingWatch.check themselves
	bookTypingPause = time.Hour // tests end the pause with typingPaused
	t.Cleanup(func() { goAsync, now, ratingPoll, bookTypingPause = oldGo, oldNow, oldPoll, oldPause })
}

// typingPaused ends the book filter box's pause now, on the test's goroutine: the read a
// pause after the last key would start. It tells whether a read was waiting.
func typingPaused(b *bookScreen) bool {
	if b.typing == nil || !b.typing.Stop() {
		return false
	}
	b.first()
	return true
}

// press sends a key to the focused widget, as the window does.
func press(c fyne.Canvas, k fyne.KeyName) {
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: k})
		return
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: k})
}

// typeFocused types into whatever has the focus.
func typeFocused(t *testing.T, c fyne.Canvas, s string) {
	t.Helper()
	f := c.Focused()
	if f == nil {
		t.Fatal("nothing has the focus")
	}
	for _, r := range s {
		f.TypedRune(r)
	}
}

func TestTopBarShowsAgencyOfficialAndDate(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	ag, err := s.Agency(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if u.agency.Text != ag.Name || ag.Name == "" {
		t.Errorf("agency label = %q, want %q", u.agency.Text, ag.Name)
	}
	o, ok := u.actor()
	if !ok || o.Login != "tiepnhan1" || !strings.Contains(u.who.Text, "Nguyễn Thị Lan") {
		t.Errorf("top bar shows %q for %+v, want the logged-in official", u.who.Text, o)
	}
	if want := "Thứ Hai, 26/01/2026"; u.date.Text != want {
		t.Errorf("date = %q, want %q", u.date.Text, want)
	}
	// The login is remembered for the next start's login screen.
	if got := u.app.Preferences().String(prefOfficial); got != "tiepnhan1" {
		t.Errorf("remembered official = %q", got)
	}
}

func TestRailOpensEveryScreen(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	test.Tap(u.rail[secReports])
	if u.content.Objects[0] != u.reports.root || !containsText(u.content, "Kỳ báo cáo") {
		t.Error("Báo cáo does not open the reports screen")
	}
	test.Tap(u.rail[secIntake])
	if u.content.Objects[0] != u.intakePane {
		t.Error("Tiếp nhận does not bring the intake form back")
	}
}

// containsText walks the widget tree for a label or rich text holding s.
func containsText(o fyne.CanvasObject, s string) bool {
	switch w := o.(type) {
	case *widget.Label:
		if strings.Contains(w.Text, s) {
			return true
		}
	case *widget.Check:
		if strings.Contains(w.Text, s) {
			return true
		}
	case *keyCheck:
		if strings.Contains(w.Text, s) {
			return true
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			if containsText(c, s) {
				return true
			}
		}
	}
	if w, ok := o.(fyne.Widget); ok {
		if _, isLabel := o.(*widget.Label); !isLabel {
			r := test.WidgetRenderer(w)
			for _, c := range r.Objects() {
				if containsText(c, s) {
					return true
				}
			}
		}
	}
	return false
}

func TestF2FindsDossierByCode(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	r := receive(t, u)
	c := u.win.Canvas()
	c.Focus(u.intake.name.entry)
	press(c, fyne.KeyF2)
	if c.Focused() != u.search {
		t.Fatalf("F2 focused %T, want the search box", c.Focused())
	}
	typeFocused(t, c, r.Dossier.Code)
	press(c, fyne.KeyReturn)
	if u.detail == nil || !u.detail.open || u.detail.d.Code != r.Dossier.Code {
		t.Fatalf("Enter did not open dossier %s", r.Dossier.Code)
	}
	for _, want := range []string{r.Dossier.Code, "Nguyễn Văn An", "Chứng thực bản sao từ bản chính", "17 giờ 00 phút, thứ Hai, 26/01/2026", "Mẫu 01"} {
		if !containsText(u.win.Canvas().Overlays().Top(), want) {
			t.Errorf("dossier detail lacks %q", want)
		}
	}
}

func TestSearchPartialTextListsMatches(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	receive(t, u)
	receive(t, u)
	c := u.win.Canvas()
	press(c, fyne.KeyF2)
	typeFocused(t, c, "nguyen van")
	press(c, fyne.KeyReturn)
	if u.results == nil || len(u.found) != 2 {
		t.Fatalf("a partial name matching two dossiers listed %d", len(u.found))
	}
	if !containsText(u.win.Canvas().Overlays().Top(), "2 hồ sơ khớp với “nguyen van”") {
		t.Error("the list does not say how many dossiers matched")
	}
}

func TestReprintFromDetail(t *testing.T) {
	u, _, printed := newTestUI(t, nil)
	r := receive(t, u)
	n := len(*printed)
	u.lookup(r.Dossier.Code)
	// The dialog has the focus manager, no widget has the focus: the canvas's shortcut serves.
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyP))
	if len(*printed) != n+1 {
		t.Fatalf("Ctrl+P printed %d slips, want 1", len(*printed)-n)
	}
	if !strings.Contains(u.detail.status.Text, "Đã gửi phiếu tới máy in") {
		t.Errorf("status after reprint = %q", u.detail.status.Text)
	}
}

var errNoPrinter = errors.New("không tìm thấy máy in")
