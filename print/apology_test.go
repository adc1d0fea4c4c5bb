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
	// Written on 21/01 for a result due on 22/01: an extension asked for before the due time.
	wantAll(t, text,
		"Mẫu số 04", "UBND PHƯỜNG HOÀI ĐỨC", "Hoài Đức, ngày 21 tháng 01 năm 2026",
		"VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Số: 01/PXL", "Mã hồ sơ: HD001-260120-0012",
		"Kính gửi: Lê Thị Thu Hương", "Số định danh cá nhân/tổ chức: 001192007788",
		"Địa chỉ: Số 3, phố Đức Diễn, phường Hoài Đức, thành phố Hà Nội",
		"Ngày 20/01/2026, Trung tâm Phục vụ hành chính công phường Hoài Đức tiếp nhận giải quyết hồ sơ của Ông/Bà/Tổ chức; số định danh: 001192007788; mã số hồ sơ: HD001-260120-0012.",
		"Nội dung yêu cầu giải quyết: Chứng thực hợp đồng, giao dịch",
		"Thời gian hẹn trả kết quả giải quyết hồ sơ: 14 giờ 40 phút, ngày 22 tháng 01 năm 2026",
		"Tuy nhiên, UBND phường Hoài Đức không thể trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời hạn quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, nên đề nghị gia hạn thời gian giải quyết.",
		"Lý do: Cần xác minh chữ ký của bên tặng cho đang điều trị tại bệnh viện.",
		"Cơ quan, đơn vị để chậm trễ: Công chức Tư pháp - Hộ tịch",
		"UBND phường Hoài Đức xin lỗi Ông/Bà vì sự chậm trễ này, đề nghị gia hạn",
		"Thời gian hẹn trả kết quả mới: 16 giờ 00 phút, ngày 26 tháng 01 năm 2026",
		"Nơi trả kết quả: Trung tâm Phục vụ hành chính công phường Hoài Đức",
		"Mong nhận được sự thông cảm của Ông/Bà./.",
		"Nơi nhận:", "- Như trên;", "- Lưu: VT, TTPVHCC.",
		"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Ký, ghi rõ họ tên và đóng dấu)", "Đặng Văn Nam")
	wantAll(t, rawText(t, path), "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI ĐỨC")
	if strings.Contains(text, "đến nay") {
		t.Error("printed before the due time, Mẫu 04 says the result is already late (\"đến nay … chưa trả\")")
	}
	inside(t, path, 5)
}

// TestApologyAfterDue: printed after the due time it admits the delay.
func TestApologyAfterDue(t *testing.T) {
	a := sampleApology()
	a.Date = at(23, 1, 9, 0)
	text, _ := textOf(t, mustPDF(t)(ApologyPDF(a)))
	wantAll(t, text, "Tuy nhiên đến nay, UBND phường Hoài Đức chưa trả kết quả giải quyết hồ sơ của Ông/Bà đúng thời hạn quy định",
		"UBND phường Hoài Đức xin lỗi Ông/Bà vì sự chậm trễ này và sẽ trả kết quả")
	if strings.Contains(text, "đề nghị gia hạn thời gian giải quyết.") {
		t.Error("printed after the due time, Mẫu 04 still proposes an extension as if in time")
	}
}

// TestApologyDefaults: without a signer's title, a return place, an agency, a unit or
// recipients, the labels' defaults print, and no upper-case name lands inside a sentence.
func TestApologyDefaults(t *testing.T) {
	a := sampleApology()
	a.SignerTitle, a.ReturnPlace, a.Recipients, a.ParentName, a.Unit, a.Agency = "", "", nil, "", "", ""
	text, _ := textOf(t, mustPDF(t)(ApologyPDF(a)))
	wantAll(t, text, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nơi trả kết quả: Bộ phận Tiếp nhận và Trả kết quả", "- Như trên;",
		"Bộ phận Tiếp nhận và Trả kết quả xin lỗi Ông/Bà")
	if strings.Contains(text, "UBND") {
		t.Error("an agency without a name still prints UBND")
	}
	a = sampleApology()
	a.SignerTitle = "KT. CHỦ TỊCH / Phó Chủ tịch"
	wantAll(t, rawText(t, writePDF(t, mustPDF(t)(ApologyPDF(a)))), "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH")
}
