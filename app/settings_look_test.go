package app

import (
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

func primaryOf(a fyne.App) color.Color {
	return a.Settings().Theme().Color(theme.ColorNamePrimary, theme.VariantLight)
}

func TestAgencyColourIsApplied(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	u.showAdmin(0)
	u.settings.look.colour.SetText("#B71C1C")
	tapButton(t, u.settings.root, "Lưu thông tin cơ quan")
	red := color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0xff}
	if got := primaryOf(u.app); got != red {
		t.Errorf("primary colour after saving #B71C1C = %v, want %v", got, red)
	}
	if c, _ := s.AgencyColour(t.Context()); c != "#b71c1c" {
		t.Errorf("stored colour %q", c)
	}

	// A colour that cannot be read is named on its field and changes nothing.
	u.settings.look.colour.SetText("đỏ")
	tapButton(t, u.settings.root, "Lưu thông tin cơ quan")
	if e := u.settings.look.colourErr; !e.Visible() || !strings.Contains(e.Text, "Màu chủ đạo") {
		t.Errorf("colour error %q (visible %v), want one naming Màu chủ đạo", e.Text, e.Visible())
	}
	if got := primaryOf(u.app); got != red {
		t.Errorf("a refused colour changed the theme to %v", got)
	}

	// The next start of the window comes up in the agency's colour.
	u2 := newUI(test.NewTempApp(t), u.desk)
	u2.start(t.Context())
	if got := primaryOf(u2.app); got != red {
		t.Errorf("primary colour at start = %v, want the stored %v", got, red)
	}
}

func TestPrintSettingsAndTestPage(t *testing.T) {
	u, s, printed := newTestUI(t, nil)
	loginAs(t, u, "admin")
	u.showAdmin(0)
	l := u.settings.look
	if l.slipPaper.Selected != "A5" || l.bookPaper.Selected != "A4" {
		t.Fatalf("paper shown %s/%s, want A5 slips, A4 book", l.slipPaper.Selected, l.bookPaper.Selected)
	}
	l.slipPaper.SetSelected("A4")
	l.openInstead.SetChecked(true)
	tapButton(t, u.settings.root, "Lưu thông tin cơ quan")
	if p, _ := s.Printing(t.Context()); p != (store.Printing{SlipPaper: "A4", BookPaper: "A4", OpenInstead: true}) {
		t.Errorf("stored printing %+v", p)
	}

	tapButton(t, u.settings.root, "In trang thử A5")
	if len(*printed) != 1 || filepath.Base((*printed)[0]) != "trang-in-thu-A5.pdf" {
		t.Fatalf("printed %q, want the A5 test page", *printed)
	}
	if !l.status.Visible() || !strings.Contains(l.status.Text, "Đã gửi trang in thử A5") {
		t.Errorf("status %q after the test page", l.status.Text)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", (*printed)[0], "-").Output()
		if err != nil || !strings.Contains(string(out), "TRANG IN THỬ") || !strings.Contains(string(out), "UBND PHƯỜNG HOÀI ĐỨC") {
			t.Errorf("test page text: %v\n%s", err, out)
		}
	}
}

func TestLanguageSettingPersistsForNextStart(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	u.showAdmin(0)
	p := u.app.Preferences()
	if got := chooseLang(p, ""); got != "vi" {
		t.Fatalf("first start language %q, want vi", got)
	}
	u.settings.look.language.SetSelected("English")
	if got := p.String(prefLang); got != "en" {
		t.Errorf("preference %q after choosing English", got)
	}
	if got := chooseLang(p, ""); got != "en" {
		t.Errorf("next start language %q, want en", got)
	}
	if got := chooseLang(p, "vi"); got != "vi" {
		t.Errorf("-lang vi gives %q", got)
	}
	if st := u.settings.look.status; !st.Visible() || !strings.Contains(st.Text, "mở lại") {
		t.Errorf("no word that the change needs a restart: %q", st.Text)
	}
	// Nothing switches under the user's hands: the window stays Vietnamese until restarted.
	if u.rail[secIntake].Text != "Tiếp nhận" {
		t.Errorf("rail switched language at once: %q", u.rail[secIntake].Text)
	}
}

func TestHelpOpensOnF1(t *testing.T) {
	for _, focused := range []bool{true, false} {
		u, _, _ := newTestUI(t, nil)
		loginAs(t, u, "admin")
		c := u.win.Canvas()
		if focused {
			c.Focus(u.intake.name.entry)
		} else {
			c.Unfocus()
		}
		press(c, fyne.KeyF1)
		if u.help == nil || c.Overlays().Top() == nil {
			t.Fatalf("F1 (focus in an entry: %v) opened no help", focused)
		}
		rt := findRichText(c.Overlays().Top())
		if rt == nil {
			t.Fatal("the help shows no text")
		}
		for _, want := range []string{"Công việc hằng ngày tại quầy", "Ctrl+Enter", "F2", "Ctrl+P", "Esc",
			"kiosk", "Báo cáo", "Sao lưu", "Cập nhật lịch làm việc hằng năm", "Lịch làm việc"} {
			if !strings.Contains(richText(rt.Segments), want) {
				t.Errorf("help lacks %q", want)
			}
		}
		press(c, fyne.KeyEscape)
		if u.help != nil {
			t.Error("Esc left the help open")
		}
	}
}

// richText is all the text of the segments, list items included.
func richText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		switch s := s.(type) {
		case *widget.ListSegment:
			b.WriteString(richText(s.Items))
		case *widget.ParagraphSegment:
			b.WriteString(richText(s.Texts))
		default:
			b.WriteString(s.Textual())
		}
		b.WriteString(" ")
	}
	return b.String()
}

func findRichText(o fyne.CanvasObject) *widget.RichText {
	if r, ok := o.(*widget.RichText); ok {
		return r
	}
	var kids []fyne.CanvasObject
	if c, ok := o.(*fyne.Container); ok {
		kids = c.Objects
	} else if w, ok := o.(fyne.Widget); ok {
		kids = test.WidgetRenderer(w).Objects()
	}
	for _, k := range kids {
		if r := findRichText(k); r != nil {
			return r
		}
	}
	return nil
}

// TestFyneOwnLabelsAreVietnamese checks that every label Fyne's dialogs and widgets translate
// (the buttons of dialog.ShowConfirm, the file dialogs, the entry's menu) is in vi.json.
func TestFyneOwnLabelsAreVietnamese(t *testing.T) {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Fatalf("go list fyne: %v", err)
	}
	root := strings.TrimSpace(string(dir))
	re := regexp.MustCompile(`lang\.[LX]\("([^"]+)"`)
	vi := translationFile(t, "vi.json")
	seen := 0
	for _, pkg := range []string{"dialog", "widget"} {
		files, _ := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := readFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range re.FindAllStringSubmatch(src, -1) {
				seen++
				if _, ok := vi[m[1]]; !ok {
					t.Errorf("Fyne's %q (%s) is missing from vi.json", m[1], filepath.Base(f))
				}
			}
		}
	}
	if seen < 15 {
		t.Fatalf("found only %d Fyne labels; the scan is broken", seen)
	}
	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	for en, want := range map[string]string{"Cancel": "Hủy", "OK": "Đồng ý", "Yes": "Có", "No": "Không", "Save": "Lưu", "Open": "Mở"} {
		if got := lang.L(en); got != want {
			t.Errorf("Fyne's %q shows %q, want %q", en, got, want)
		}
	}
}

func readFile(p string) (string, error) {
	b, err := os.ReadFile(p)
	return string(b), err
}
