package app

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"motcua/app/desk"
)

// pick types q into the procedure picker and chooses name with ↓ and Enter, as an official would.
func pick(t *testing.T, u *ui, q, name string) {
	t.Helper()
	i := u.intake
	c := u.win.Canvas()
	c.Focus(i.procEntry)
	i.procEntry.SetText("")
	typeFocused(t, c, q)
	at := -1
	for n, p := range i.matches {
		if p.Name == name {
			at = n
		}
	}
	if at < 0 {
		var got []string
		for _, p := range i.matches {
			got = append(got, p.Name)
		}
		t.Fatalf("typing %q does not offer %q; offered %q", q, name, got)
	}
	for range at {
		press(c, fyne.KeyDown)
	}
	press(c, fyne.KeyReturn)
	if i.proc == nil || i.proc.Name != name {
		t.Fatalf("↓×%d + Enter chose %v, want %q", at, i.proc, name)
	}
	if c.Focused() != i.name.entry {
		t.Errorf("after choosing, the focus is on %T, want the applicant's name", c.Focused())
	}
}

// fillApplicant types a valid applicant, moving on with Enter like at the counter.
func fillApplicant(t *testing.T, u *ui, idno string) {
	t.Helper()
	c := u.win.Canvas()
	for _, v := range []string{"Nguyễn Văn An", idno, "0912345678", "Số 5, tổ dân phố 3, phường Hoài Đức"} {
		typeFocused(t, c, v)
		press(c, fyne.KeyReturn)
	}
}

// receive takes one dossier through the form and returns its receipt.
func receive(t *testing.T, u *ui) desk.Receipt {
	t.Helper()
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	fillApplicant(t, u, "001203004567")
	test.Tap(u.intake.docs[0].check)
	test.Tap(u.intake.submitBtn)
	if u.intake.last == nil {
		t.Fatalf("nothing received; errors: %q", errorsShown(u.intake))
	}
	return *u.intake.last
}

func TestIntakeStoresDossierAndClearsForm(t *testing.T) {
	u, s, printed := newTestUI(t, nil)
	i := u.intake
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	fillApplicant(t, u, "001203004567")
	test.Tap(i.docs[0].check)
	i.pages.entry.SetText("")
	test.Type(i.pages.entry, "3")
	test.Tap(i.submitBtn)

	found, err := s.SearchDossiers(context.Background(), "", "nguyen van an", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 {
		t.Fatalf("the store holds %d dossiers of Nguyễn Văn An, want 1 (errors shown: %q)", len(found), errorsShown(i))
	}
	d := found[0]
	if d.ProcedureName != "Chứng thực bản sao từ bản chính" || d.IDNo != "001203004567" || d.Pages != 3 || d.Fee != 5000 {
		t.Errorf("stored dossier = %+v", d)
	}
	if len(d.Documents) != 1 || d.Documents[0].Name != i.last.Dossier.Documents[0].Name {
		t.Errorf("stored documents = %+v, want the one ticked", d.Documents)
	}
	if len(*printed) != 1 {
		t.Errorf("printed %d slips, want 1", len(*printed))
	}
	// The notice names the dossier; the form is empty for the next citizen.
	for _, want := range []string{d.Code, "số thứ tự " + strconv.Itoa(d.BookNo)} {
		if !strings.Contains(i.noticeText.Text, want) {
			t.Errorf("notice %q lacks %q", i.noticeText.Text, want)
		}
	}
	if i.proc != nil || i.procEntry.Text != "" || i.name.entry.Text != "" || i.idno.entry.Text != "" || i.phone.entry.Text != "" {
		t.Error("the form was not cleared after the intake")
	}
	if u.win.Canvas().Focused() != i.procEntry {
		t.Error("after the intake the focus is not back on the procedure picker")
	}
}

func TestBadCCCDNamesTheFieldAndStoresNothing(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	i := u.intake
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	fillApplicant(t, u, "123")
	test.Tap(i.submitBtn)

	if !i.idno.err.Visible() || !strings.Contains(i.idno.err.Text, "CCCD") {
		t.Errorf("CCCD error = %q (visible %v), want a message naming CCCD", i.idno.err.Text, i.idno.err.Visible())
	}
	if u.win.Canvas().Focused() != i.idno.entry {
		t.Error("the focus did not go to the CCCD entry")
	}
	if found, _ := s.SearchDossiers(context.Background(), "", "", 10); len(found) != 0 {
		t.Errorf("a rejected intake stored %d dossiers", len(found))
	}
	if i.name.entry.Text != "Nguyễn Văn An" {
		t.Error("a rejected intake lost what was typed")
	}
	// Fixing the field and sending again works, and the message goes away.
	i.idno.entry.SetText("001203004567")
	test.Tap(i.docs[0].check)
	test.Tap(i.submitBtn)
	if i.idno.err.Visible() || i.last == nil {
		t.Errorf("after the fix: error %q, received %v", i.idno.err.Text, i.last != nil)
	}
}

func TestCtrlEnterReceives(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	pick(t, u, "ket hon", "Đăng ký kết hôn")
	fillApplicant(t, u, "001203004567")
	u.intake.tickAll()
	u.win.Canvas().Focus(u.intake.email.entry)
	u.win.Canvas().Focused().(fyne.Shortcutable).TypedShortcut(ctrl(fyne.KeyReturn))
	if found, _ := s.SearchDossiers(context.Background(), "", "", 10); len(found) != 1 {
		t.Fatalf("Ctrl+Enter stored %d dossiers, want 1", len(found))
	}
}

func TestPrinterFailureKeepsDossierAndSaysSo(t *testing.T) {
	u, s, _ := newTestUI(t, errNoPrinter)
	r := receive(t, u)
	if _, err := s.Dossier(context.Background(), "", r.Dossier.Code); err != nil {
		t.Fatalf("dossier lost when the printer failed: %v", err)
	}
	w := u.intake.noticeWarn
	if !w.Visible() || !strings.Contains(w.Text, "đã được lưu") || !strings.Contains(w.Text, errNoPrinter.Error()) {
		t.Errorf("warning = %q, want it to say the dossier is saved and why printing failed", w.Text)
	}
}

func TestSummaryFollowsProcedure(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	i := u.intake
	if !strings.Contains(i.due.Text, "chọn thủ tục") {
		t.Errorf("before choosing, due = %q", i.due.Text)
	}
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	if want := "Hẹn trả: 17 giờ 00 phút, thứ Hai, 26/01/2026"; i.due.Text != want {
		t.Errorf("due = %q, want %q", i.due.Text, want)
	}
	if want := "Lệ phí: 2.000 đồng"; i.fee.Text != want {
		t.Errorf("fee = %q, want %q", i.fee.Text, want)
	}
	// Pages count for a per-page fee: 2 × 2.000 + 1 × 1.000.
	i.pages.entry.SetText("3")
	if want := "Lệ phí: 5.000 đồng"; i.fee.Text != want {
		t.Errorf("fee for 3 pages = %q, want %q", i.fee.Text, want)
	}
	pick(t, u, "tinh trang hon nhan", "Cấp Giấy xác nhận tình trạng hôn nhân")
	if want := "Hẹn trả: 08 giờ 15 phút, thứ Năm, 29/01/2026"; i.due.Text != want {
		t.Errorf("due = %q, want %q", i.due.Text, want)
	}
	if want := "Lệ phí: 15.000 đồng"; i.fee.Text != want {
		t.Errorf("fee = %q, want %q", i.fee.Text, want)
	}
	if i.pagesRow.Visible() {
		t.Error("the page count is shown for a fixed fee")
	}
	pick(t, u, "khai sinh", "Đăng ký khai sinh")
	if want := "Lệ phí: Miễn phí"; i.fee.Text != want {
		t.Errorf("fee = %q, want %q", i.fee.Text, want)
	}
}

func TestByPostNeedsAddress(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	i := u.intake
	pick(t, u, "ket hon", "Đăng ký kết hôn")
	fillApplicant(t, u, "001203004567")
	if i.postRow.Visible() {
		t.Error("the postal address shows before choosing post")
	}
	i.delivery.SetSelected("Qua bưu chính")
	if !i.postRow.Visible() {
		t.Fatal("choosing post does not show the postal address")
	}
	i.tickAll()
	test.Tap(i.submitBtn)
	if !i.postAddress.err.Visible() {
		t.Errorf("no error on the empty postal address; errors shown: %q", errorsShown(i))
	}
	test.Type(i.postAddress.entry, "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội")
	test.Tap(i.submitBtn)
	found, _ := s.SearchDossiers(context.Background(), "", "", 10)
	if len(found) != 1 || !found[0].ByPost || found[0].PostAddress == "" {
		t.Errorf("stored %+v, want one dossier by post with its address", found)
	}
}

func TestEscClearsAfterConfirm(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	i := u.intake
	pick(t, u, "ket hon", "Đăng ký kết hôn")
	typeFocused(t, u.win.Canvas(), "Trần Thị Bình")
	press(u.win.Canvas(), fyne.KeyEscape)
	if i.name.entry.Text == "" {
		t.Fatal("Esc cleared typed text without asking")
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil || !containsText(top, "Xóa mọi thông tin đang nhập") {
		t.Fatal("Esc did not ask before clearing")
	}
	tapButton(t, top, "Xóa")
	if i.name.entry.Text != "" || i.proc != nil {
		t.Error("confirming did not clear the form")
	}
}

func TestNoDocumentTickedIsNamedAndTickAllFixesIt(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	i := u.intake
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	fillApplicant(t, u, "001203004567")
	test.Tap(i.submitBtn)

	if !i.docsErr.Visible() || !strings.Contains(i.docsErr.Text, "giấy tờ") {
		t.Errorf("documents error = %q (visible %v), want a message about the documents", i.docsErr.Text, i.docsErr.Visible())
	}
	if found, _ := s.SearchDossiers(context.Background(), "", "", 10); len(found) != 0 {
		t.Errorf("an intake without documents stored %d dossiers", len(found))
	}
	i.tickAll()
	for _, r := range i.docs {
		if !r.check.Checked {
			t.Errorf("%q not ticked by “Nhận đủ”", r.doc.Name)
		}
	}
	listed := len(i.docs)
	test.Tap(i.submitBtn)
	if i.last == nil || len(i.last.Dossier.Documents) != listed {
		t.Fatalf("after ticking all: received %v, errors %q", i.last != nil, errorsShown(i))
	}
	if i.docsErr.Visible() {
		t.Error("the documents error stayed after the intake")
	}
}

// The intake of Circular 03/2025 (issue 15): online with the portal's code, another resolving
// agency and an authorised representative are stored; a refusal at the counter records the
// dossier without an appointment and prints Mẫu 03, not Mẫu 01.
func TestIntakeLawFieldsAndRefusal(t *testing.T) {
	u, s, printed := newTestUI(t, nil)
	i := u.intake
	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	fillApplicant(t, u, "001203004567")
	test.Tap(i.docs[0].check)
	i.channel.SetSelected("Trực tuyến")
	if !i.portalRow.Visible() {
		t.Fatal("online: the portal's code is not asked")
	}
	test.Tap(i.submitBtn)
	if i.portal.err.Text == "" || i.last != nil {
		t.Fatalf("online without the portal's code was received; errors %q", errorsShown(i))
	}
	test.Type(i.portal.entry, "G22-261204-0001")
	test.Type(i.resolver.entry, "UBND xã Yên Sở")
	test.Type(i.repName.entry, "Phạm Văn Dũng")
	test.Tap(i.submitBtn)
	if i.last != nil || i.repPaper.err.Text == "" || !i.repBox.Items[0].Open {
		t.Fatalf("a representative without the authorisation paper was received; errors %q", errorsShown(i))
	}
	test.Type(i.repPaper.entry, "Giấy ủy quyền số 3/UQ")
	test.Tap(i.submitBtn)
	if i.last == nil {
		t.Fatalf("nothing received; errors %q", errorsShown(i))
	}
	d, err := s.Dossier(context.Background(), "", i.last.Dossier.Code)
	if err != nil {
		t.Fatal(err)
	}
	if d.Channel != "online" || d.PortalCode != "G22-261204-0001" || d.ResolvingAgency != "UBND xã Yên Sở" ||
		d.Rep.Name != "Phạm Văn Dũng" || d.Rep.Paper != "Giấy ủy quyền số 3/UQ" {
		t.Errorf("stored %+v", d)
	}
	if i.channel.Selected != "Trực tiếp" || i.portalRow.Visible() || i.repName.entry.Text != "" {
		t.Error("the form was not cleared for the next citizen")
	}

	pick(t, u, "chung thuc", "Chứng thực bản sao từ bản chính")
	fillApplicant(t, u, "001203004567")
	before := len(*printed)
	i.refuse("Giấy tờ không thuộc thẩm quyền chứng thực của UBND phường")
	if i.last == nil || !i.last.Dossier.RefusedAtIntake || !strings.HasSuffix(i.last.SlipPath, "-mau03.pdf") {
		t.Fatalf("refusal: %+v; errors %q", i.last, errorsShown(i))
	}
	if len(*printed) != before+1 || !strings.HasSuffix((*printed)[len(*printed)-1], "-mau03.pdf") {
		t.Errorf("printed %v, want Mẫu 03", (*printed)[before:])
	}
	if !strings.Contains(i.noticeText.Text, "Mẫu 03") || strings.Contains(i.noticeText.Text, "hẹn trả") {
		t.Errorf("notice %q", i.noticeText.Text)
	}
}
