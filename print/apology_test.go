package print

import (
	"strings"
	"testing"
)

// TestApologyFields reads Mẫu 04 back: every field of FORMS.md with the
// dossier's values.
func TestApologyFields(t *testing.T) {
	a := sampleApology()
	b := mustPDF(t)(ApologyPDF(a))
	golden(t, "mau04", b)
	text, path := textOf(t, b)
	if n := pages(t, path); n != 1 {
		t.Errorf("Mẫu 04 takes %d pages, want 1", n)
	}
	if got := pageSize(t, path, 1); got != a5Pts {
		t.Errorf("page size %s, want A5 %s", got, a5Pts)
	}
	wantAll(t, text,
		"Mẫu số 04", "UBND PHƯỜNG HOÀI ĐỨC", "Hoài Đức, ngày 21 tháng 01 năm 2026",
		"PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Số: 01/2026", "Mã hồ sơ: HD001-260120-0012",
		"Kính gửi: Ông/Bà Lê Thị Thu Hương",
		"Địa chỉ: Số 3, phố Đức Diễn, phường Hoài Đức, thành phố Hà Nội",
		"Vào lúc 14 giờ 40 phút, ngày 20 tháng 01 năm 2026, UBND phường Hoài Đức tiếp nhận giải quyết hồ sơ của Ông/Bà.",
		"Nội dung yêu cầu giải quyết: Chứng thực hợp đồng, giao dịch",
		"Thời gian hẹn trả kết quả giải quyết hồ sơ: 14 giờ 40 phút, ngày 22 tháng 01 năm 2026",
		"Tuy nhiên đến nay, UBND phường Hoài Đức chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng hạn",
		"Lý do: Cần xác minh chữ ký của bên tặng cho đang điều trị tại bệnh viện.",
		"Cơ quan, đơn vị để chậm trễ: Công chức Tư pháp - Hộ tịch",
		"UBND phường Hoài Đức xin lỗi Ông/Bà vì sự chậm trễ này",
		"Thời gian hẹn trả kết quả mới: 16 giờ 00 phút, ngày 26 tháng 01 năm 2026",
		"Nơi trả kết quả: Bộ phận tiếp nhận và trả kết quả, UBND phường Hoài Đức",
		"Xin trân trọng cảm ơn./.",
		"Nơi nhận:", "- Như trên;", "- Lưu: VT, BPTN&TKQ.",
		"CHỦ TỊCH", "(Ký, ghi rõ họ tên và đóng dấu)", "Đặng Văn Nam")
	inside(t, path, 5)
}

// TestApologyDefaults: without a signer's title, a return place or
// recipients, the labels' defaults print.
func TestApologyDefaults(t *testing.T) {
	a := sampleApology()
	a.SignerTitle, a.ReturnPlace, a.Recipients, a.ParentName = "", "", nil, ""
	text, _ := textOf(t, mustPDF(t)(ApologyPDF(a)))
	wantAll(t, text, "THỦ TRƯỞNG CƠ QUAN", "Nơi trả kết quả: Bộ phận một cửa", "- Như trên;",
		"Bộ phận tiếp nhận và trả kết quả xin lỗi Ông/Bà")
	if strings.Contains(text, "UBND") {
		t.Error("an agency without a name still prints UBND")
	}
}
