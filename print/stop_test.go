package print

import (
	"testing"
)

// TestStopFields reads Mẫu 05, the stop notice, back: its number, title, the unit's name in
// the header and in its sentence, the applicant's identifier, the request, the time the
// processing stopped and both signatures.
func TestStopFields(t *testing.T) {
	s := sampleStop()
	b := mustPDF(t)(StopPDF(s))
	golden(t, "mau05", b)
	text, path := textOf(t, b)
	if n := pages(t, path); n != 1 {
		t.Errorf("Mẫu 05 takes %d pages, want 1", n)
	}
	if got := pageSize(t, path, 1); got != a5Pts {
		t.Errorf("page size %s, want A5 %s", got, a5Pts)
	}
	wantAll(t, text, "Mẫu số 05", "UBND PHƯỜNG HOÀI ĐỨC", "Số: ………/TTPVHCC", "Hoài Đức, ngày 27 tháng 01 năm 2026",
		"THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Mã hồ sơ: HD001-260126-0004",
		"Kính gửi: Đỗ Văn Ứng", "Số định danh cá nhân/tổ chức: 001079003456",
		"Địa chỉ: Số 8, phố Đức Diễn, phường Hoài Đức, thành phố Hà Nội", "Số điện thoại: 0903 456 789",
		"Nội dung yêu cầu giải quyết: Đăng ký kết hôn",
		"Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 26 tháng 01 năm 2026",
		"Thời gian hẹn trả kết quả: 10 giờ 00 phút, ngày 29 tháng 01 năm 2026",
		"Ngày 27/01/2026, Ông/Bà/Tổ chức đề nghị dừng giải quyết hồ sơ nêu trên. Lý do: "+s.Reason,
		"Hồ sơ chưa có quyết định giải quyết hoặc văn bản thông báo kết quả, Trung tâm Phục vụ hành chính công phường Hoài Đức thông báo dừng giải quyết hồ sơ kể từ 14 giờ 20 phút, ngày 27 tháng 01 năm 2026.",
		"Xin thông báo cho Ông/Bà được biết./.",
		"NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Đỗ Văn Ứng", "Trần Văn Bình")
	wantAll(t, rawText(t, path), "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI ĐỨC")
	inside(t, path, 5)
}
