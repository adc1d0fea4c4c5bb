package desk

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"motcua/store"
	"motcua/store/workday"
)

func vn(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, workday.Loc)
}

// pdfText is the PDF's text as pdftotext reads it, white space collapsed (values may wrap).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s (poppler-utils is needed): %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func wantText(t *testing.T, form, text string, values ...string) {
	t.Helper()
	for _, v := range values {
		if !strings.Contains(text, v) {
			t.Errorf("Mẫu %s lacks %q:\n%s", form, v, text)
		}
	}
}

// lifeDesk is a desk with a 3-working-day procedure (HT04) at hand; printing is a no-op.
func lifeDesk(t *testing.T) (*Desk, store.Procedure) {
	t.Helper()
	d, _ := newDesk(t)
	d.SetSender(func(context.Context, string, string) error { return nil })
	p, err := d.Store.Procedure(context.Background(), "HT04")
	if err != nil {
		t.Fatal(err)
	}
	return d, p
}

func receiveAt(t *testing.T, d *Desk, p store.Procedure, name string, at time.Time) store.Dossier {
	t.Helper()
	in := intake(p, name)
	in.ReceivedAt = at
	r, err := d.Receive(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return r.Dossier
}

// ok fails the test on an action's error: ok(t)(s.Resolve(...)).
func ok(t *testing.T) func(store.Dossier, error) {
	return func(_ store.Dossier, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
}

func dt(t time.Time) string {
	t = t.In(workday.Loc)
	return fmt.Sprintf("%02d giờ %02d phút, ngày %02d tháng %02d năm %d", t.Hour(), t.Minute(), t.Day(), t.Month(), t.Year())
}

func TestFormsCarryTheRecordedSteps(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	s := d.Store
	dos := receiveAt(t, d, p, "Nguyễn Văn An", vn(2026, 1, 5, 9, 0)) // due Thu 8 January 09:00
	c := dos.Code
	act := func(by string, at time.Time) store.Action { return store.Action{Code: c, By: by, At: at} }
	ok(t)(s.Handover(ctx, act("tiepnhan1", vn(2026, 1, 5, 10, 0)), "tuphap"))
	ok(t)(s.ConfirmHandover(ctx, act("tuphap", vn(2026, 1, 5, 10, 30))))
	ok(t)(s.RequestSupplement(ctx, act("tuphap", vn(2026, 1, 6, 9, 0)), store.Supplement{
		Missing: []store.ReceivedDocument{{Name: "Giấy xác nhận cư trú", Kind: "Bản chính", Count: 1}},
		Reason:  "Thiếu xác nhận nơi cư trú", Guide: "tuphap", GuidePhone: "0987654321"}))
	ok(t)(s.Resume(ctx, act("tiepnhan1", vn(2026, 1, 7, 8, 0)))) // due Mon 12 January 08:00
	ok(t)(s.Reschedule(ctx, act("chutich", vn(2026, 1, 9, 9, 0)), 2, "Chờ kết quả xác minh", "Công an phường"))
	// due Wed 14 January 08:00
	ok(t)(s.Resolve(ctx, act("tuphap", vn(2026, 1, 14, 8, 30)))) // half an hour late
	ok(t)(s.Handover(ctx, act("tuphap", vn(2026, 1, 14, 9, 0)), "tiepnhan1"))
	ok(t)(s.ConfirmHandover(ctx, act("tiepnhan1", vn(2026, 1, 14, 9, 5))))
	ok(t)(s.Return(ctx, act("tiepnhan1", vn(2026, 1, 14, 10, 0)), store.Recipient{}))

	path, err := d.Form(ctx, "", c, "02")
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, "02", pdfText(t, path), c, "PHIẾU YÊU CẦU BỔ SUNG", "Nguyễn Văn An", "Hoài Đức", "0912345678", p.Name,
		"Giấy xác nhận cư trú", "Thiếu xác nhận nơi cư trú", "Lê Văn Hùng", "0987654321")

	path, err = d.Form(ctx, "", c, "04")
	if err != nil {
		t.Fatal(err)
	}
	// Written on 9 January for a result due on 12 January: it asks for an extension, signed by
	// the chairman with the title set for him.
	text := pdfText(t, path)
	wantText(t, "04", text, c, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN", "Nguyễn Văn An", p.Name, "Ngày 05/01/2026",
		"Trung tâm Phục vụ hành chính công phường Hoài Đức", "đề nghị gia hạn thời gian giải quyết", "Số định danh cá nhân/tổ chức: 001203004567",
		dt(vn(2026, 1, 12, 8, 0)), dt(vn(2026, 1, 14, 8, 0)), "Chờ kết quả xác minh", "Công an phường",
		"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đặng Văn Nam")
	if strings.Contains(text, "đến nay") {
		t.Errorf("Mẫu 04 printed before the due time says the result is late:\n%s", text)
	}

	path, err = d.Form(ctx, "", c, "06")
	if err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, path)
	wantText(t, "06", text, c, "Mẫu số 06", "PHIẾU KIỂM SOÁT", "Nguyễn Thị Lan", "Lê Văn Hùng", "Trước hạn",
		"1. Giao: Trung tâm", "1. Giao: UBND phường Hoài Đức", "2. Nhận: UBND phường Hoài Đức", "2. Nhận: Người nộp hồ sơ",
		"Ngày nhận: "+dt(vn(2026, 1, 5, 9, 0)), "Hẹn trả kết quả vào "+dt(vn(2026, 1, 14, 8, 0)),
		"Đã nhận lúc 10:30 05/01/2026", "Đã nhận lúc 09:05 14/01/2026",
		"Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)", "tính lại từ đầu, hẹn trả mới 08:00 12/01/2026",
		"Gia hạn (Mẫu 04), hẹn trả mới 08:00 14/01/2026", "Đã có kết quả giải quyết.", "Trả kết quả.")
	// One row per step: handover, supplement, resume, extension, resolution, the result's way
	// back to the counter, the return.
	if n := strings.Count(text, "Người giao"); n != 7 {
		t.Errorf("Mẫu 06 has %d rows, want 7 (one per step):\n%s", n, text)
	}
	// The handover and the supplement request came before the due time; the resolution (half
	// an hour after the extended due), the way back and the return are late. (The column
	// heading writes "quá hạn" in lower case.)
	if n := strings.Count(text, "Quá hạn"); n != 3 {
		t.Errorf("Mẫu 06 has %d steps marked Quá hạn, want 3:\n%s", n, text)
	}
	if n := strings.Count(text, "Trước hạn") - strings.Count(text, "(Trước hạn/"); n != 2 { // not the heading's
		t.Errorf("Mẫu 06 has %d steps marked Trước hạn, want 2:\n%s", n, text)
	}

	path, err = d.Form(ctx, "", c, "01")
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, "01", pdfText(t, path), c, "Nguyễn Văn An")

	slips, err := s.Slips(ctx, "", c)
	if err != nil {
		t.Fatal(err)
	}
	var forms []string
	for _, sl := range slips {
		forms = append(forms, string(sl.Form))
	}
	if got := strings.Join(forms, ","); got != "01,02,04,06,01" {
		t.Errorf("archived slips = %s, want 01 at intake then 02,04,06,01", got)
	}
	if _, err := d.Form(ctx, "", c, "03"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Mẫu 03 of a dossier never refused: err = %v, want ErrNotFound", err)
	}
	if _, err := d.Form(ctx, "", c, "05"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Mẫu 05 of a dossier never stopped: err = %v, want ErrNotFound", err)
	}
	if _, err := d.Form(ctx, "", c, "07"); err == nil {
		t.Error("an unknown form was drawn")
	}
}

// TestStopNotice: a stop gives Mẫu 05, filed beside (never over) a Circular 01/2018 "mau05"
// control slip, and its row on Mẫu 06 carries no timeliness; a handover exactly at the due
// minute is "Đúng hạn".
func TestStopNotice(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	dos := receiveAt(t, d, p, "Đỗ Văn Ứng", vn(2026, 1, 5, 9, 0)) // due Thu 8 January 09:00
	act := func(by string, at time.Time) store.Action { return store.Action{Code: dos.Code, By: by, At: at} }
	ok(t)(d.Store.Handover(ctx, act("tiepnhan1", vn(2026, 1, 8, 9, 0)), "tuphap"))
	ok(t)(d.Store.ConfirmHandover(ctx, act("tuphap", vn(2026, 1, 8, 9, 30))))
	ok(t)(d.Store.Stop(ctx, act("tuphap", vn(2026, 1, 8, 10, 0)), "Người nộp đề nghị dừng"))
	path, err := d.Form(ctx, "", dos.Code, "05")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, dos.Code+"-mau05-dung.pdf") {
		t.Errorf("Mẫu 05 filed as %s", path)
	}
	wantText(t, "05", pdfText(t, path), dos.Code, "Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Đỗ Văn Ứng",
		"Người nộp đề nghị dừng", "Trung tâm Phục vụ hành chính công phường Hoài Đức thông báo dừng giải quyết hồ sơ kể từ "+dt(vn(2026, 1, 8, 10, 0)),
		"Số định danh cá nhân/tổ chức: 001203004567", "Lê Văn Hùng")
	path, err = d.Form(ctx, "", dos.Code, "06")
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path)
	wantText(t, "06", text, "Dừng giải quyết hồ sơ (Mẫu 05): Người nộp đề nghị dừng")
	if n := strings.Count(text, "Người giao"); n != 2 {
		t.Errorf("Mẫu 06 has %d rows, want 2 (handover, stop):\n%s", n, text)
	}
	// A stopped dossier has no timeliness, on no row.
	if n := strings.Count(text, "Trước hạn") - strings.Count(text, "(Trước hạn/") + strings.Count(text, "Đúng hạn") + strings.Count(text, "Quá hạn"); n != 0 {
		t.Errorf("a stopped dossier's rows are judged:\n%s", text)
	}

	// A handover exactly at the due minute is on time, not early.
	dos = receiveAt(t, d, p, "Đỗ Văn Ứng", vn(2026, 1, 5, 9, 1)) // due Thu 8 January 09:01
	ok(t)(d.Store.Handover(ctx, store.Action{Code: dos.Code, By: "tiepnhan1", At: vn(2026, 1, 8, 9, 1)}, "tuphap"))
	if path, err = d.Form(ctx, "", dos.Code, "06"); err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, path)
	if !strings.Contains(text, "Đúng hạn") || strings.Count(text, "Trước hạn") != strings.Count(text, "(Trước hạn/") {
		t.Errorf("a handover exactly at the due minute is not \"Đúng hạn\":\n%s", text)
	}
}

func TestRefusalForm(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	dos := receiveAt(t, d, p, "Trần Thị Bình", vn(2026, 1, 5, 9, 0))
	ok(t)(d.Store.Refuse(ctx, store.Action{Code: dos.Code, By: "tiepnhan2", At: vn(2026, 1, 5, 9, 30)}, "Không thuộc thẩm quyền của phường"))
	path, err := d.Form(ctx, "", dos.Code, "03")
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, "03", pdfText(t, path), dos.Code, "TỪ CHỐI", "Trần Thị Bình", "Hoài Đức", "0912345678", p.Name,
		"Không thuộc thẩm quyền của phường", "Trần Văn Minh")
}

func TestHandoverListHandsEachOver(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	var codes []string
	for i, name := range []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"} {
		codes = append(codes, receiveAt(t, d, p, name, vn(2026, 1, 5, 9, i)).Code)
	}
	path, err := d.HandoverList(ctx, codes, "tuphap", "tiepnhan1")
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path)
	wantText(t, "bàn giao", text, "Nguyễn Thị Lan", "Lê Văn Hùng", "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
	for _, c := range codes {
		wantText(t, "bàn giao", text, c)
		dos, err := d.Store.Dossier(ctx, "", c)
		if err != nil {
			t.Fatal(err)
		}
		if dos.Status != store.StatusProcessing || dos.PendingTo != "tuphap" || dos.TransferredAt.IsZero() {
			t.Errorf("%s after the list: status %d pending %q transferred %v", c, dos.Status, dos.PendingTo, dos.TransferredAt)
		}
	}
	pend, err := d.Store.PendingHandovers(ctx, "", "tuphap", 0)
	if err != nil || len(pend) != 3 {
		t.Errorf("pending for tuphap: %d, %v; want 3", len(pend), err)
	}
	if _, err := d.HandoverList(ctx, codes[:1], "tuphap", "tiepnhan1"); err == nil {
		t.Error("a dossier waiting for confirmation was handed over again")
	}
}

// bookDesk receives n dossiers and walks some of them on, so the book has every date column.
func bookDesk(t *testing.T, n int) *Desk {
	t.Helper()
	d, p := lifeDesk(t)
	ctx := context.Background()
	for i := 0; i < n; i++ {
		dos := receiveAt(t, d, p, []string{"Nguyễn Văn An", "Đặng Thị Bình", "Lê Văn Cường"}[i%3], vn(2026, 1, 5+i%3, 8, i))
		at := vn(2026, 1, 8, 10, i)
		switch i % 4 {
		case 1:
			ok(t)(d.Store.Handover(ctx, store.Action{Code: dos.Code, By: "tiepnhan1", At: at}, "tuphap"))
		case 2, 3:
			ok(t)(d.Store.Handover(ctx, store.Action{Code: dos.Code, By: "tiepnhan1", At: at}, "tuphap"))
			ok(t)(d.Store.Resolve(ctx, store.Action{Code: dos.Code, By: "tuphap", At: at.Add(time.Hour)}))
			if i%4 == 3 {
				ok(t)(d.Store.Return(ctx, store.Action{Code: dos.Code, At: at.Add(2 * time.Hour)}, store.Recipient{}))
			}
		}
	}
	return d
}

func TestExportBookXLSXEqualsTheStore(t *testing.T) {
	d := bookDesk(t, 30)
	ctx := context.Background()
	f := store.BookFilter{Year: 2026}
	path := filepath.Join(t.TempDir(), "so.xlsx")
	var calls, lastDone, lastTotal int
	if err := d.ExportBook(ctx, f, path, func(done, total int) { calls++; lastDone, lastTotal = done, total }); err != nil {
		t.Fatal(err)
	}
	if calls == 0 || lastDone != 30 || lastTotal != 30 {
		t.Errorf("progress: %d calls, last %d/%d; want it to end at 30/30", calls, lastDone, lastTotal)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	var want []store.Dossier
	if err := d.Store.EachBook(ctx, f, func(dos store.Dossier) error { want = append(want, dos); return nil }); err != nil {
		t.Fatal(err)
	}
	// Rows 1–5 are the title block and the two header rows.
	body := rows[5:]
	if len(body) != len(want) {
		t.Fatalf("%d book rows in the sheet, want %d", len(body), len(want))
	}
	date := func(tm time.Time) string {
		if tm.IsZero() {
			return ""
		}
		return tm.In(workday.Loc).Format("02/01/2006 15:04")
	}
	for i, dos := range want {
		r := append(body[i], make([]string, 14)...)
		exp := []string{strconv.Itoa(dos.BookNo), dos.Code, dos.ProcedureName, dos.Name, dos.Address + "; ĐT: " + dos.Phone,
			"UBND phường Hoài Đức", date(dos.ReceivedAt), date(dos.DueAt), date(dos.TransferredAt), date(dos.ResolvedAt), date(dos.ReturnedAt), "Trực tiếp"}
		for col, v := range exp {
			if r[col] != v {
				t.Errorf("row %d (%s) column %d = %q, want %q", i+1, dos.Code, col+1, r[col], v)
			}
		}
		if !strings.HasPrefix(r[13], dos.StatusName) {
			t.Errorf("row %d note %q does not start with the status %q", i+1, r[13], dos.StatusName)
		}
	}
}

func TestExportBookPDF(t *testing.T) {
	d := bookDesk(t, 12)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "so.pdf")
	f := store.BookFilter{Year: 2026, From: vn(2026, 1, 6, 0, 0), To: vn(2026, 1, 6, 0, 0)}
	if err := d.ExportBook(ctx, f, path, nil); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path)
	var in, out int
	if err := d.Store.EachBook(ctx, store.BookFilter{Year: 2026}, func(dos store.Dossier) error {
		got := strings.Contains(text, dos.Code)
		if dos.ReceivedAt.Day() == 6 {
			in++
			if !got {
				t.Errorf("the book PDF lacks %s, received in the period", dos.Code)
			}
		} else if got {
			out++
			t.Errorf("the book PDF has %s, received outside the period", dos.Code)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if in != 4 {
		t.Errorf("%d dossiers in the period, want 4", in)
	}
	wantText(t, "06", text, "SỔ THEO DÕI HỒ SƠ", "06/01/2026")
	if err := d.ExportBook(ctx, f, filepath.Join(t.TempDir(), "so.doc"), nil); err == nil {
		t.Error("a .doc book was written")
	}
}

// TestFilteredBookSaysItIsAnExtract: a book exported with filters beyond its period says so
// under the title, in words, on paper and in the sheet; the whole period says nothing of the kind.
func TestFilteredBookSaysItIsAnExtract(t *testing.T) {
	d := bookDesk(t, 12)
	ctx := context.Background()
	whole := filepath.Join(t.TempDir(), "so.pdf")
	if err := d.ExportBook(ctx, store.BookFilter{Year: 2026}, whole, nil); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(pdfText(t, whole), "Bản trích") {
		t.Error("the whole book is called an extract")
	}
	f := store.BookFilter{Year: 2026, LateOnly: true, Query: "Nguyen", Status: store.StatusReceived}
	if !BookFiltered(f) || BookFiltered(store.BookFilter{Year: 2026, From: vn(2026, 1, 6, 0, 0)}) {
		t.Error("BookFiltered does not tell filters from the period")
	}
	part := filepath.Join(t.TempDir(), "trich.pdf")
	if err := d.ExportBook(ctx, f, part, nil); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, part)), " ")
	for _, want := range []string{"Bản trích, chỉ gồm hồ sơ:", "trạng thái Được tiếp nhận", "trễ hạn", "tìm “Nguyen”"} {
		if !strings.Contains(text, want) {
			t.Errorf("the extract's PDF lacks %q", want)
		}
	}
	sheet := filepath.Join(t.TempDir(), "trich.xlsx")
	if err := d.ExportBook(ctx, f, sheet, nil); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenFile(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(x.GetSheetName(0))
	found := false
	for _, r := range rows[:min(len(rows), 5)] {
		if strings.Contains(strings.Join(r, " "), "Bản trích, chỉ gồm hồ sơ") {
			found = true
		}
	}
	if !found {
		t.Error("the extract's sheet does not say it is one")
	}
}
