package app

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/app/desk"
	"motcua/store"
)

// TestFormNamesAreDesks: the window names the forms as desk does (Circular 03/2025 numbers).
func TestFormNamesAreDesks(t *testing.T) {
	if len(formNames) != len(desk.Forms) {
		t.Fatalf("%d form names in the window, %d in desk", len(formNames), len(desk.Forms))
	}
	for i, f := range desk.Forms {
		if formNames[i].code != f.Code || formNames[i].name != f.Name {
			t.Errorf("window form %v, desk form %v", formNames[i], f)
		}
	}
}

// TestSettingsSaveUnit: Quản trị → Cơ quan shows and saves the one-stop unit's name.
func TestSettingsSaveUnit(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	u.showAdmin(0)
	st := u.settings
	if st.unit.entry.Text != "Trung tâm Phục vụ hành chính công phường Hoài Đức" {
		t.Fatalf("settings show unit %q", st.unit.entry.Text)
	}
	st.unit.entry.SetText("Bộ phận Một cửa phường Hoài Đức")
	tapButton(t, st.root, "Lưu thông tin cơ quan")
	if got, _ := s.Agency(context.Background()); got.Unit != "Bộ phận Một cửa phường Hoài Đức" {
		t.Errorf("saved unit %q", got.Unit)
	}
	st.unit.entry.SetText(strings.Repeat("Trung tâm ", 30))
	tapButton(t, st.root, "Lưu thông tin cơ quan")
	if !st.unit.err.Visible() {
		t.Error("a 300-character unit name shows no error on the field")
	}
}

// TestStopOffersNotice: stopping a dossier from its window writes and prints Mẫu 05, listed
// by its name among the slips.
func TestStopOffersNotice(t *testing.T) {
	u, s, printed := newTestUI(t, nil)
	ctx := context.Background()
	d := receiveDirect(t, s, "Đỗ Văn Ứng")
	if _, err := s.Handover(ctx, store.Action{Code: d.Code, By: counterLogin, At: monday0815}, "tuphap"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ConfirmHandover(ctx, store.Action{Code: d.Code, By: "tuphap", At: monday0815}); err != nil {
		t.Fatal(err)
	}
	loginAs(t, u, "tuphap")
	d, _ = s.Dossier(ctx, "", d.Code)
	u.openDossier(d)
	v := u.detail
	b := v.actions[store.ActStop]
	if b == nil {
		t.Fatal("no Dừng xử lý button on a dossier in processing")
	}
	test.Tap(b)
	st := v.step
	if st == nil || st.ok.Text != "Dừng giải quyết và in thông báo (Mẫu 05)" {
		t.Fatalf("stop dialog %+v", st)
	}
	st.fields["reason"].entry.SetText("Người nộp đề nghị dừng")
	test.Tap(st.ok)
	slips, _ := s.Slips(ctx, "", d.Code)
	var has05 bool
	for _, sl := range slips {
		if sl.Form == "05" {
			_, err := os.Stat(sl.Path)
			has05 = err == nil
		}
	}
	if !has05 || len(*printed) != 1 {
		t.Errorf("after the stop: slips %+v, printed %v; want Mẫu 05 written and printed (%q)", slips, *printed, st.msg.Text)
	}
	if !containsText(v.slips, "Mẫu 05 — Thông báo dừng giải quyết hồ sơ") {
		t.Error("the slips list does not name the stop notice")
	}
}
