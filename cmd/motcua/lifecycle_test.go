package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// step runs a lifecycle command that must succeed and returns the dossier it printed.
func step(t *testing.T, dir string, args ...string) dossierJSON {
	t.Helper()
	out, stderr, code := motcua(t, dir, args...)
	if code != 0 {
		t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, stderr)
	}
	var d dossierJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%s: output is not a dossier: %v\n%s", args[0], err, out)
	}
	return d
}

func receiveHT04(t *testing.T, dir, name, at string) string {
	t.Helper()
	out, stderr, code := motcua(t, dir, "receive", "-procedure", "HT04", "-name", name, "-idno", "001203004567",
		"-phone", "0912345678", "-address", "Hoài Đức", "-at", at)
	if code != 0 {
		t.Fatalf("receive: exit %d: %s", code, stderr)
	}
	var r receiveResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r.Code
}

func TestDossierFromIntakeToReturn(t *testing.T) {
	dir := demoFolder(t)
	c := receiveHT04(t, dir, "Nguyễn Văn An", "2026-01-05 09:00") // 3 working days: due Thu 8, 09:00

	d := step(t, dir, "handover", "-code", c, "-to", "tuphap", "-by", "tiepnhan1", "-at", "2026-01-05 10:00", "-note", "Kèm bản gốc")
	if d.Status != 4 || d.StatusName != "Đang xử lý" || d.PendingTo != "tuphap" || d.TransferredAt != "2026-01-05T10:00:00+07:00" {
		t.Errorf("after handover: %+v", d)
	}
	d = step(t, dir, "-by", "tuphap", "confirm", "-code", c, "-at", "2026-01-05 10:30")
	if d.Holder != "tuphap" || d.PendingTo != "" {
		t.Errorf("after confirm: holder %q pending %q", d.Holder, d.PendingTo)
	}
	d = step(t, dir, "supplement", "-code", c, "-docs", "Giấy xác nhận cư trú;Tờ khai", "-reason", "Thiếu xác nhận cư trú",
		"-guide", "tuphap", "-by", "tuphap", "-at", "2026-01-06 09:00")
	if d.Status != 5 || d.StatusName != "Yêu cầu bổ sung giấy tờ" || d.Supplements != 1 {
		t.Errorf("after supplement: %d %q supplements %d", d.Status, d.StatusName, d.Supplements)
	}
	d = step(t, dir, "resume", "-code", c, "-by", "tiepnhan1", "-at", "2026-01-07 08:00")
	if d.Status != 4 || d.DueAt != "2026-01-12T08:00:00+07:00" || d.OriginalDueAt != "2026-01-08T09:00:00+07:00" {
		t.Errorf("after resume: status %d due %s original %s; the clock restarts from the resumption", d.Status, d.DueAt, d.OriginalDueAt)
	}
	d = step(t, dir, "reschedule", "-code", c, "-days", "2", "-reason", "Chờ xác minh", "-unit", "Công an phường",
		"-by", "chutich", "-at", "2026-01-09 09:00")
	if d.DueAt != "2026-01-14T08:00:00+07:00" || !d.Rescheduled {
		t.Errorf("after reschedule: due %s rescheduled %v", d.DueAt, d.Rescheduled)
	}
	d = step(t, dir, "resolve", "-code", c, "-by", "tuphap", "-at", "2026-01-13 15:00", "-note", "Đã ký giấy xác nhận")
	if d.Status != 9 || d.Timeliness != "early" || d.TimelinessName != "Trước hạn" || d.ResultNote != "Đã ký giấy xác nhận" {
		t.Errorf("after resolve: %d %s %q %q", d.Status, d.Timeliness, d.TimelinessName, d.ResultNote)
	}
	d = step(t, dir, "handover", "-code", c, "-to", "tiepnhan1", "-by", "tuphap", "-at", "2026-01-13 16:00")
	d = step(t, dir, "confirm", "-code", c, "-by", "tiepnhan1", "-at", "2026-01-13 16:10")
	d = step(t, dir, "return", "-code", c, "-by", "tiepnhan1", "-at", "2026-01-14 07:45",
		"-recipient", "Trần Văn Bình", "-recipient-idno", "001090009999")
	if d.Status != 10 || d.StatusName != "Đã trả kết quả" || d.Recipient != "Trần Văn Bình" || d.ReturnedAt != "2026-01-14T07:45:00+07:00" {
		t.Errorf("after return: %+v", d)
	}
	kinds := []string{"receive", "handover", "confirm", "supplement", "resume", "reschedule", "resolve", "handover", "confirm", "return"}
	if len(d.Events) != len(kinds) {
		t.Fatalf("%d events, want %d: %+v", len(d.Events), len(kinds), d.Events)
	}
	for i, ev := range d.Events {
		if ev.Kind != kinds[i] || ev.At == "" || ev.RecordedAt == "" || ev.By == "" {
			t.Errorf("event %d = %+v, want kind %s with at, recorded_at and by", i, ev, kinds[i])
		}
	}
	if ev := d.Events[1]; ev.At != "2026-01-05T10:00:00+07:00" || ev.By != "tiepnhan1" || ev.FromStatus != 2 || ev.ToStatus != 4 || ev.Note != "Kèm bản gốc" {
		t.Errorf("handover event = %+v", ev)
	}

	// show gives the same dossier.
	shown := step(t, dir, "show", "-code", c)
	if shown.Status != 10 || len(shown.Events) != len(kinds) || shown.Timeliness != "early" || shown.IDNo != "001203004567" {
		t.Errorf("show = %+v", shown)
	}

	// Every slip of its life prints.
	for _, form := range []string{"02", "04", "06"} {
		pdf := filepath.Join(t.TempDir(), "mau"+form+".pdf")
		out, stderr, code := motcua(t, dir, "slip", "-code", c, "-form", form, "-o", pdf)
		if code != 0 || strings.TrimSpace(out) != pdf {
			t.Fatalf("slip -form %s: exit %d %q: %s", form, code, out, stderr)
		}
		text, err := exec.Command("pdftotext", pdf, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		if !strings.Contains(string(text), c) || !strings.Contains(string(text), "Nguyễn Văn An") || !strings.Contains(string(text), "Mẫu số "+form) {
			t.Errorf("Mẫu %s lacks the code or the applicant:\n%s", form, text)
		}
	}
	if _, stderr, code := motcua(t, dir, "slip", "-code", c, "-form", "03"); code != 2 {
		t.Errorf("slip -form 03 of a dossier never refused: exit %d (%s), want 2", code, stderr)
	}
	if _, stderr, code := motcua(t, dir, "slip", "-code", c, "-form", "07"); code != 2 || !strings.Contains(stderr, "lệnh book") {
		t.Errorf("slip -form 07: exit %d (%s), want 2 pointing to the book command", code, stderr)
	}
}

// TestStopPrintsNotice: `motcua stop` records the stop and writes Mẫu 05, the stop notice,
// with the unit the agency names (`agency -unit`).
func TestStopPrintsNotice(t *testing.T) {
	dir := demoFolder(t)
	if out, stderr, code := motcua(t, dir, "agency", "-unit", "Bộ phận Một cửa phường Hoài Đức"); code != 0 || !strings.Contains(out, `"unit": "Bộ phận Một cửa phường Hoài Đức"`) {
		t.Fatalf("agency -unit: exit %d %s %s", code, out, stderr)
	}
	c := receiveHT04(t, dir, "Đỗ Văn Ứng", "2026-01-05 09:00")
	step(t, dir, "-by", "tiepnhan1", "handover", "-code", c, "-to", "tuphap", "-at", "2026-01-05 10:00")
	step(t, dir, "-by", "tuphap", "confirm", "-code", c, "-at", "2026-01-05 10:30")
	out, stderr, code := motcua(t, dir, "-by", "tuphap", "stop", "-code", c, "-reason", "Người nộp đề nghị dừng", "-at", "2026-01-06 09:00")
	if code != 0 || !strings.Contains(out, `"status"`) {
		t.Fatalf("stop: exit %d %s %s", code, out, stderr)
	}
	i := strings.Index(stderr, "Mẫu 05 — Thông báo dừng giải quyết hồ sơ: ")
	if i < 0 {
		t.Fatalf("stop did not name its Mẫu 05: %s", stderr)
	}
	path := strings.TrimSpace(strings.SplitN(stderr[i+len("Mẫu 05 — Thông báo dừng giải quyết hồ sơ: "):], "\n", 2)[0])
	text, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, w := range []string{"Mẫu số 05", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", c, "Đỗ Văn Ứng", "Người nộp đề nghị dừng",
		"Bộ phận Một cửa phường Hoài Đức thông báo dừng giải quyết", "BPTNTKQ"} {
		if !strings.Contains(flat, w) {
			t.Errorf("Mẫu 05 lacks %q:\n%s", w, flat)
		}
	}
}

func TestInvalidTransitionExits2AndWritesNothing(t *testing.T) {
	dir := demoFolder(t)
	c := receiveHT04(t, dir, "Trần Thị Bình", "2026-01-05 09:00")
	d := step(t, dir, "refuse", "-code", c, "-reason", "Không thuộc thẩm quyền", "-at", "2026-01-05 09:10")
	if d.Status != 3 || d.StatusName != "Không được tiếp nhận" || d.EndedAt == "" {
		t.Fatalf("after refuse: %+v", d)
	}
	for _, args := range [][]string{
		{"return", "-code", c},
		{"handover", "-code", c, "-to", "tuphap"},
		{"resolve", "-code", c},
	} {
		out, stderr, code := motcua(t, dir, args...)
		if code != 2 || out != "" {
			t.Errorf("%s on a refused dossier: exit %d, stdout %q; want 2 and nothing", args[0], code, out)
		}
		if !strings.Contains(stderr, "Hồ sơ "+c+" đã bị từ chối tiếp nhận, không thể") {
			t.Errorf("%s: message %q", args[0], stderr)
		}
	}
	if after := step(t, dir, "show", "-code", c); len(after.Events) != 2 || after.Status != 3 {
		t.Errorf("refused actions wrote something: %+v", after)
	}

	c2 := receiveHT04(t, dir, "Lê Văn Cường", "2026-01-05 09:30")
	step(t, dir, "reschedule", "-code", c2, "-days", "1", "-reason", "Chờ xác minh", "-at", "2026-01-06 09:00")
	_, stderr, code := motcua(t, dir, "reschedule", "-code", c2, "-days", "1", "-reason", "Lần nữa", "-at", "2026-01-06 10:00")
	if code != 2 || !strings.Contains(stderr, "một lần") {
		t.Errorf("second reschedule: exit %d %q; want 2 and a message that it is allowed once", code, stderr)
	}
	if _, stderr, code := motcua(t, dir, "handover", "-code", c2); code != 2 || !strings.Contains(stderr, "-to") {
		t.Errorf("handover without -to: exit %d %q", code, stderr)
	}
	if _, stderr, code := motcua(t, dir, "-by", "diachinh", "confirm", "-code", c2); code != 2 {
		t.Errorf("confirm with nothing pending: exit %d %q", code, stderr)
	}
}

func TestBookExportsBothFormats(t *testing.T) {
	dir := demoFolder(t)
	codes := []string{
		receiveHT04(t, dir, "Nguyễn Văn An", "2026-01-05 09:00"),
		receiveHT04(t, dir, "Đặng Thị Bình", "2026-01-06 09:00"),
		receiveHT04(t, dir, "Lê Văn Cường", "2026-02-02 09:00"),
	}
	step(t, dir, "handover", "-code", codes[0], "-to", "tuphap", "-by", "tiepnhan1", "-at", "2026-01-05 10:00")
	xlsx := filepath.Join(t.TempDir(), "so.xlsx")
	out, stderr, code := motcua(t, dir, "book", "-year", "2026", "-from", "2026-01-01", "-to", "2026-01-31", "-o", xlsx)
	if code != 0 || strings.TrimSpace(out) != xlsx+"\t2" {
		t.Fatalf("book .xlsx: exit %d %q: %s", code, out, stderr)
	}
	x, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(x.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	body := rows[5:]
	if len(body) != 2 || body[0][0] != "1" || body[0][1] != codes[0] || body[1][1] != codes[1] || body[0][3] != "Nguyễn Văn An" {
		t.Errorf("book rows = %q, want the two January dossiers", body)
	}
	if len(body) > 0 && (len(body[0]) < 9 || body[0][8] != "05/01/2026 10:00") {
		t.Errorf("first row's transfer date = %q, want the handover 05/01/2026 10:00", body[0])
	}
	pdf := filepath.Join(t.TempDir(), "so.pdf")
	if out, stderr, code := motcua(t, dir, "book", "-year", "2026", "-o", pdf); code != 0 || strings.TrimSpace(out) != pdf+"\t3" {
		t.Fatalf("book .pdf: exit %d %q: %s", code, out, stderr)
	}
	text, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range codes {
		if !strings.Contains(string(text), c) {
			t.Errorf("book PDF lacks %s", c)
		}
	}
	if _, _, code := motcua(t, dir, "book", "-year", "2026", "-o", filepath.Join(t.TempDir(), "so.csv")); code != 2 {
		t.Errorf("book -o .csv: exit %d, want 2", code)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(pdf), "so.csv")); err == nil {
		t.Error("a .csv book was written")
	}
}

// Issue 15 at the command line: a refusal at the counter (receive -refuse), the channel, the
// resolving agency and the representative recorded and shown; after a supplement `slip -form 01`
// is the reissued Mẫu 01 with the due time `show` gives.
func TestReceiveLawFlags(t *testing.T) {
	dir := demoFolder(t)
	out, stderr, code := motcua(t, dir, "receive", "-procedure", "CT03", "-name", "Trần Văn Bình", "-idno", "001203004567",
		"-phone", "024 3355 6677", "-address", "Hoài Đức", "-at", "2026-01-05 09:00", "-refuse", "Không thuộc thẩm quyền")
	if code != 0 {
		t.Fatalf("receive -refuse: exit %d: %s", code, stderr)
	}
	var r receiveResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if !r.Refused || r.DueAt != "" || r.Fee != 0 || !strings.HasSuffix(r.Slip, "-mau03.pdf") {
		t.Errorf("refusal: %+v", r)
	}
	d := step(t, dir, "show", "-code", r.Code)
	if d.Status != 3 || !d.RefusedAtIntake || d.DueAt != "" || d.Timeliness != "" || d.TimelinessName != "" || d.Phone != "02433556677" {
		t.Errorf("show of the refusal: %+v", d)
	}
	if _, stderr, code := motcua(t, dir, "slip", "-code", r.Code, "-form", "01"); code == 0 {
		t.Errorf("slip -form 01 of a refusal succeeded")
	} else if !strings.Contains(stderr, "Mẫu 03") {
		t.Errorf("slip -form 01 of a refusal: %s", stderr)
	}
	if _, _, code := motcua(t, dir, "receive", "-procedure", "CT03", "-name", "Trần Văn Bình", "-idno", "001203004567",
		"-phone", "0912345678", "-address", "Hoài Đức", "-refuse", " "); code != 2 {
		t.Errorf("receive -refuse without a reason: exit %d, want 2", code)
	}

	out, stderr, code = motcua(t, dir, "receive", "-procedure", "HT04", "-name", "Lê Thị Cúc", "-idno", "001203004567",
		"-phone", "+33 1 23 45 67 89", "-address", "Hoài Đức", "-at", "2026-01-05 09:00", "-channel", "online",
		"-portal-code", "G22-260105-0007", "-resolver", "UBND xã Yên Sở", "-rep-name", "Phạm Văn Dũng",
		"-rep-idno", "001203009999", "-rep-paper", "Giấy ủy quyền số 3/UQ")
	if code != 0 {
		t.Fatalf("receive online: exit %d: %s", code, stderr)
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	d = step(t, dir, "show", "-code", r.Code)
	if d.Channel != "online" || d.PortalCode != "G22-260105-0007" || d.ResolvingAgency != "UBND xã Yên Sở" || d.Identifier != "001203004567" ||
		d.Representative == nil || d.Representative.Name != "Phạm Văn Dũng" || d.Representative.Paper != "Giấy ủy quyền số 3/UQ" ||
		d.Phone != "+33123456789" {
		t.Errorf("show: %+v (representative %+v)", d, d.Representative)
	}
	if _, _, code := motcua(t, dir, "receive", "-procedure", "HT04", "-name", "Lê Thị Cúc", "-idno", "001203004567",
		"-phone", "0912345678", "-address", "Hoài Đức", "-channel", "online"); code != 2 {
		t.Errorf("online without the portal's code: exit %d, want 2", code)
	}

	step(t, dir, "handover", "-code", r.Code, "-to", "tuphap", "-by", "tiepnhan1", "-at", "2026-01-05 10:00")
	step(t, dir, "-by", "tuphap", "confirm", "-code", r.Code, "-at", "2026-01-05 10:30")
	step(t, dir, "supplement", "-code", r.Code, "-docs", "Tờ khai", "-reason", "Thiếu", "-by", "tuphap", "-at", "2026-01-06 09:00")
	d = step(t, dir, "resume", "-code", r.Code, "-by", "tiepnhan1", "-at", "2026-01-07 16:00")
	if d.DueAt != "2026-01-12T17:00:00+07:00" {
		t.Errorf("resumed after the cut-off: due %s, want Mon 12/01 17:00", d.DueAt)
	}
	out, stderr, code = motcua(t, dir, "slip", "-code", r.Code, "-form", "01")
	if code != 0 || !strings.HasSuffix(strings.TrimSpace(out), "-mau01-bs1.pdf") {
		t.Errorf("slip -form 01 after resume: %q exit %d %s", out, code, stderr)
	}
}
