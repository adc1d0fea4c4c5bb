package print

import (
	"strings"
	"testing"
)

// TestRefusalFields reads Mẫu 03 back: every field of FORMS.md with the
// dossier's values.
func TestRefusalFields(t *testing.T) {
	r := sampleRefusal()
	b := mustPDF(t)(RefusalPDF(r))
	golden(t, "mau03", b)
	text, path := textOf(t, b)
	if n := pages(t, path); n != 1 {
		t.Errorf("Mẫu 03 takes %d pages, want 1", n)
	}
	if got := pageSize(t, path, 1); got != a5Pts {
		t.Errorf("page size %s, want A5 %s", got, a5Pts)
	}
	wantAll(t, text,
		"Mẫu số 03", "UBND PHƯỜNG HOÀI ĐỨC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hoài Đức, ngày 27 tháng 01 năm 2026",
		"PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Số: 05/PTC-TTPVHCC", "Mã hồ sơ: HD001-260127-0003",
		"Tiếp nhận hồ sơ của: Phạm Quốc Dũng", "Số định danh cá nhân/tổ chức: 001085004321",
		"Mã hồ sơ (nếu có): HD001-260127-0003",
		"Địa chỉ: Thôn Đông Lạc, xã Ngọc Hòa, thành phố Hà Nội",
		"Số điện thoại: 0987 111 222", "Email: dung.pq@yahoo.com",
		"Nội dung yêu cầu giải quyết: Xác nhận tình trạng hôn nhân",
		"Qua xem xét, Trung tâm Phục vụ hành chính công phường Hoài Đức thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau: "+r.Reason,
		"Xin thông báo cho Ông/Bà được biết và thực hiện./.",
		"NGƯỜI NỘP HỒ SƠ NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)", "Phạm Quốc Dũng Trần Văn Bình")
	wantAll(t, rawText(t, path), "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI ĐỨC")
	inside(t, path, 5)
}

// TestRefusalHostileText: emoji, control characters and a 10 KB reason never
// panic and never run off the page; the reason continues on follow-on pages.
func TestRefusalHostileText(t *testing.T) {
	r := sampleRefusal()
	r.Applicant = "Lê Văn 😀 Tám\x00\x07\tX"
	r.Reason = strings.Repeat("Hồ sơ không thuộc thẩm quyền giải quyết của phường. ", 200)
	r.Email = strings.Repeat("a", 200) + "@example.com"
	text, path := textOf(t, mustPDF(t)(RefusalPDF(r)))
	if n := pages(t, path); n < 2 {
		t.Errorf("a 10 KB reason fits on %d page", n)
	}
	// Read across pages without the follow-on pages' heads.
	text = strings.ReplaceAll(text, " Mẫu số 03 Mã hồ sơ: HD001-260127-0003 (tiếp theo)", "")
	wantAll(t, text, "Tiếp nhận hồ sơ của: Lê Văn ? Tám X", strings.TrimSpace(r.Reason), "NGƯỜI TIẾP NHẬN HỒ SƠ")
	inside(t, path, 5)
}

// TestRefusalWithoutCode: a dossier refused at the counter before it had a code still gets
// its Mẫu 03, "Mã hồ sơ (nếu có)" left to fill in.
func TestRefusalWithoutCode(t *testing.T) {
	r := sampleRefusal()
	r.Code = ""
	text, _ := textOf(t, mustPDF(t)(RefusalPDF(r)))
	wantAll(t, text, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ (nếu có): ……………………", "Tiếp nhận hồ sơ của: Phạm Quốc Dũng")
}
