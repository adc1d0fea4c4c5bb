package print

import (
	"strings"
	"testing"
)

// TestControlFields reads Mẫu 06 back: the dossier's fields, the table's
// headings, every recorded step filled in, and blank blocks after them.
func TestControlFields(t *testing.T) {
	c := sampleControl()
	b := mustPDF(t)(ControlPDF(c))
	golden(t, "mau06", b)
	text, path := textOf(t, b)
	for p := 1; p <= pages(t, path); p++ {
		if got := pageSize(t, path, p); got != a5Pts {
			t.Errorf("page %d size %s, want A5 %s", p, got, a5Pts)
		}
	}
	wantAll(t, text,
		"Mẫu số 06", "UBND PHƯỜNG HOÀI ĐỨC", "Hoài Đức, ngày 26 tháng 01 năm 2026", "Số: ………/PKS-TTPVHCC",
		"PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã số hồ sơ: HD001-260126-0001",
		"Người nộp hồ sơ: Nguyễn Thị Hồng Nhung", "Nội dung yêu cầu giải quyết: Đăng ký giám hộ",
		"Cơ quan (bộ phận) giải quyết hồ sơ: UBND phường Hoài Đức",
		"Cơ quan phối hợp giải quyết hồ sơ: Công an phường Hoài Đức",
		"Ngày nhận: 08 giờ 15 phút, ngày 26 tháng 01 năm 2026",
		"Hẹn trả kết quả vào 08 giờ 15 phút, ngày 29 tháng 01 năm 2026",
		"Ghi chú: Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận bàn giao hồ sơ.")
	raw := rawText(t, path)
	wantAll(t, raw, "TÊN ĐƠN VỊ", "THỜI GIAN GIAO, NHẬN HỒ SƠ", "KẾT QUẢ GIẢI QUYẾT HỒ SƠ (Trước hạn/ đúng hạn/ quá hạn)", "GHI CHÚ",
		"1. Giao: Trung tâm Phục vụ hành chính công phường Hoài Đức 2. Nhận: UBND phường Hoài Đức",
		"09 giờ 00 phút, ngày 26 tháng 01 năm 2026 Người giao Người nhận (Ký và ghi rõ họ tên)(Ký và ghi rõ họ tên) Trần Văn Bình Lê Thị Mai",
		"1. Giao: UBND phường Hoài Đức 2. Nhận: Lãnh đạo UBND phường",
		"15 giờ 30 phút, ngày 27 tháng 01 năm 2026", "Lê Thị Mai Đặng Văn Nam Trước hạn Trình ký")
	// Blank blocks only after the recorded steps, as many as the page holds (none here: the
	// note fills it), never a page of blank blocks alone.
	last := strings.LastIndex(raw, "Đặng Văn Nam")
	blank := "1. Giao: …………………… 2. Nhận: …………………… …… giờ …… phút, ngày …… tháng …… năm ……"
	if n := pages(t, path); n != 1 {
		t.Errorf("two steps take %d pages, want 1 (no page of blank blocks alone)", n)
	}
	c.Steps = c.Steps[:1]
	raw = rawText(t, writePDF(t, mustPDF(t)(ControlPDF(c))))
	last = strings.LastIndex(raw, "Lê Thị Mai")
	if n := strings.Count(raw[last:], blank); n < 1 {
		t.Errorf("%d blank blocks after one recorded step, want at least 1\n--- text:\n%s", n, raw)
	}
	if strings.Contains(raw[:last], blank) {
		t.Error("a blank block comes before a recorded step")
	}
	inside(t, path, 5)
}

// TestControlBlankRows: BlankRows prints exactly that many blank blocks; the
// default fills the last page, and the header row repeats on follow-on pages.
func TestControlBlankRows(t *testing.T) {
	blank := "1. Giao: …………………… 2. Nhận: ……………………"
	c := sampleControl()
	c.BlankRows = 3
	raw := rawText(t, writePDF(t, mustPDF(t)(ControlPDF(c))))
	if n := strings.Count(raw, blank); n != 3 {
		t.Errorf("BlankRows 3 printed %d blank blocks", n)
	}

	c.BlankRows = 0
	for range 3 {
		c.Steps = append(c.Steps, c.Steps...)
	}
	path := writePDF(t, mustPDF(t)(ControlPDF(c)))
	n := pages(t, path)
	if n < 2 {
		t.Fatalf("16 steps fit on %d page", n)
	}
	if got := strings.Count(rawText(t, path), "Đặng Văn Nam"); got != 8 {
		t.Errorf("%d of 8 leader steps printed", got)
	}
	for p := 2; p <= n; p++ {
		if text := pageText(t, path, p); !strings.Contains(text, "TÊN ĐƠN VỊ") || !strings.Contains(text, "HD001-260126-0001") || !strings.Contains(text, "Mẫu số 06") {
			t.Errorf("page %d lacks the header row or the code", p)
		}
	}
	ws := words(t, path)
	lastY := 0.0
	for _, w := range ws {
		if w.page == n {
			lastY = max(lastY, w.yMax)
		}
	}
	if lastY < 595.28*0.75 {
		t.Errorf("the last page ends at %.0f pt of 595: blank blocks should fill it", lastY)
	}
	inside(t, path, 5)
}
