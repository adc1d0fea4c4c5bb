package app

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/store"
)

// intakeKeepsTyping fills the form, makes the database go away (gone), submits, and checks that
// nothing was received, every entry still holds what was typed, and a Vietnamese message
// containing want is shown.
func intakeKeepsTyping(t *testing.T, u *ui, gone func(), want string) {
	t.Helper()
	i := u.intake
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	fillApplicant(t, u, "001203004567")
	test.Tap(i.docs[0].check)
	typed := map[store.FieldKey]string{}
	for name, f := range i.fields {
		typed[name] = f.entry.Text
	}
	if typed["name"] != "Nguyễn Văn An" {
		t.Fatalf("the form holds %q", typed)
	}
	gone()
	test.Tap(i.submitBtn)
	if i.last != nil {
		t.Fatalf("a dossier was received with the database gone: %+v", i.last)
	}
	for name, f := range i.fields {
		if f.entry.Text != typed[name] {
			t.Errorf("field %s: %q after the failure, typed %q", name, f.entry.Text, typed[name])
		}
	}
	if !i.docs[0].check.Checked {
		t.Error("the ticked document was unticked")
	}
	shown := ""
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		shown = screenText(top)
	}
	if !strings.Contains(shown, "Chưa tiếp nhận được hồ sơ; thông tin đã nhập vẫn giữ nguyên") || !strings.Contains(shown, want) {
		t.Errorf("message shown: %q, want the form kept and %q", shown, want)
	}
	if !i.submitBtn.Visible() || i.submitBtn.Disabled() {
		t.Error("the submit button is not ready for another try")
	}
}

// The store closed under the form (the SQLite file's store, as when the app is shutting down).
func TestIntakeKeepsTypingWhenTheStoreFails(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	intakeKeepsTyping(t, u, func() { s.Close() }, "Cơ sở dữ liệu đã đóng; hãy mở lại ứng dụng.")
}

// Several counters on PostgreSQL: the server's database goes away (dropped, connections cut)
// while the official types; the form keeps everything and says the server cannot be reached.
func TestIntakeKeepsTypingWhenThePostgresServerGoesAway(t *testing.T) {
	server := os.Getenv("MOTCUA_TEST_PG")
	if server == "" {
		t.Skip("MOTCUA_TEST_PG is not set: this PostgreSQL test is skipped")
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() }) // after the drop below (cleanups run last first)
	b := make([]byte, 6)
	rand.Read(b)
	name := "motcua_app_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`); err != nil {
		t.Fatal(err)
	}
	drop := func() {
		if _, err := admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(drop)
	u0, _ := url.Parse(server)
	u0.Path = "/" + name
	s, err := store.OpenURL(context.Background(), u0.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUIOn(t, s, nil)
	intakeKeepsTyping(t, u, drop, "Không kết nối được máy chủ cơ sở dữ liệu")
}
