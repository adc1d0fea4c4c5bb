package print

import (
	"fmt"
	"strings"
	"testing"
)

func sampleHandover() HandoverList {
	return HandoverList{
		Header: hoaiDuc,
		Date:   at(26, 1, 16, 30),
		From:   "Trần Văn Bình (Bộ phận một cửa)",
		To:     "Lê Thị Mai (Tư pháp - Hộ tịch)",
		Rows: []HandoverRow{
			{Code: "HD001-260126-0001", Applicant: "Nguyễn Thị Hồng Nhung", Procedure: "Đăng ký giám hộ",
				ReceivedAt: at(26, 1, 8, 15), DueAt: at(29, 1, 8, 15)},
			{Code: "HD001-260126-0002", Applicant: "Phạm Quốc Dũng", Procedure: "Chứng thực hợp đồng, giao dịch",
				ReceivedAt: at(26, 1, 9, 15), DueAt: at(28, 1, 9, 15), Note: "Gấp"},
		},
	}
}

// TestHandoverListFields: the list names both sides, lists every dossier
// with its dates, counts them, and leaves both signatures.
func TestHandoverListFields(t *testing.T) {
	b := mustPDF(t)(HandoverListPDF(sampleHandover()))
	golden(t, "handover", b)
	text, path := textOf(t, b)
	if got := pageSize(t, path, 1); got != a4P {
		t.Errorf("page size %s, want A4 portrait %s", got, a4P)
	}
	wantAll(t, text, "UBND PHƯỜNG HOÀI ĐỨC", "Hoài Đức, ngày 26 tháng 01 năm 2026", "DANH SÁCH BÀN GIAO HỒ SƠ",
		"Thời gian bàn giao: 16 giờ 30 phút, ngày 26 tháng 01 năm 2026",
		"Bên giao: Trần Văn Bình (Bộ phận một cửa)", "Bên nhận: Lê Thị Mai (Tư pháp - Hộ tịch)",
		"Tổng số: 2 hồ sơ.", "BÊN GIAO", "BÊN NHẬN", "(Ký và ghi rõ họ tên)", "Trang 1/1")
	wantAll(t, rawText(t, path), "TT Mã hồ sơ Người nộp Thủ tục Ngày nhận Hẹn trả Ghi chú",
		"1 HD001-260126-0001 Nguyễn Thị Hồng Nhung Đăng ký giám hộ 26/01/2026 08:15 29/01/2026 08:15",
		"2 HD001-260126-0002 Phạm Quốc Dũng Chứng thực hợp đồng, giao dịch 26/01/2026 09:15 28/01/2026 09:15 Gấp")
	inside(t, path, 4) // the page number sits in the bottom margin
}

// TestHandoverListPages: a day's batch of 80 dossiers runs over pages, each
// with the header row and "Trang x/y"; every dossier appears once.
func TestHandoverListPages(t *testing.T) {
	h := sampleHandover()
	h.Rows = nil
	for i := 1; i <= 80; i++ {
		h.Rows = append(h.Rows, HandoverRow{Code: fmt.Sprintf("HD001-260126-%04d", i), Applicant: "Đỗ Thị Ánh Tuyết",
			Procedure:  "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp",
			ReceivedAt: at(26, 1, 8, 0), DueAt: at(26, 1, 17, 0)})
	}
	path := writePDF(t, mustPDF(t)(HandoverListPDF(h)))
	n := pages(t, path)
	if n < 2 {
		t.Fatalf("80 dossiers fit on %d page", n)
	}
	for p := 1; p <= n; p++ {
		text := pageText(t, path, p)
		if strings.Contains(text, "HD001-") && !strings.Contains(text, "Mã hồ sơ") {
			t.Errorf("page %d has rows but no header row", p)
		}
		if !strings.Contains(text, fmt.Sprintf("Trang %d/%d", p, n)) {
			t.Errorf("page %d lacks \"Trang %d/%d\"", p, p, n)
		}
	}
	raw := rawText(t, path)
	for _, r := range h.Rows {
		if c := strings.Count(raw, r.Code); c != 1 {
			t.Errorf("%s appears %d times", r.Code, c)
		}
	}
	wantAll(t, raw, "Tổng số: 80 hồ sơ.", "BÊN NHẬN", "Lê Thị Mai (Tư pháp - Hộ tịch)")
	inside(t, path, 4) // the page number sits in the bottom margin
}
