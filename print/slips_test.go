package print

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The samples are realistic dossiers of a ward counter; the tests read their
// slips back as the official would.

var hoaiDuc = Header{ParentName: "UBND phường Hoài Đức", Unit: "Trung tâm Phục vụ hành chính công phường Hoài Đức", Place: "Hoài Đức"}

func at(d, m, hh, mm int) time.Time { return time.Date(2026, time.Month(m), d, hh, mm, 0, 0, vietnam) }

func sampleSupplement() Supplement {
	return Supplement{
		Header:    hoaiDuc,
		Number:    "02/2026",
		Code:      "HD001-260126-0001",
		Applicant: "Nguyễn Thị Hồng Nhung",
		Address:   "Số 12, ngõ 45, đường Lý Thường Kiệt, tổ dân phố Ngãi Cầu, phường Hoài Đức, thành phố Hà Nội",
		Phone:     "0912 345 678",
		Email:     "hongnhung.nguyen@gmail.com",
		Procedure: "Đăng ký giám hộ",
		Missing: []Document{
			{Name: "Văn bản thỏa thuận cử người giám hộ có chữ ký của các bên tham gia thỏa thuận", Kind: "Bản chính", Count: 1},
			{Name: "Giấy khai sinh của người được giám hộ", Kind: "Bản sao chứng thực", Count: 2},
			{Name: "Căn cước công dân của người giám hộ", Kind: "Bản photo", Count: 3},
		},
		Reason:     "Hồ sơ thiếu văn bản thỏa thuận cử người giám hộ; giấy khai sinh nộp kèm là bản chụp không có chứng thực.",
		Guide:      "Trần Văn Bình",
		GuidePhone: "0243 365 1234",
		Date:       at(27, 1, 9, 30),
	}
}

func sampleRefusal() Refusal {
	return Refusal{
		Header:    hoaiDuc,
		Number:    "05",
		Code:      "HD001-260127-0003",
		Applicant: "Phạm Quốc Dũng",
		IDNo:      "001085004321",
		Address:   "Thôn Đông Lạc, xã Ngọc Hòa, thành phố Hà Nội",
		Phone:     "0987 111 222",
		Email:     "dung.pq@yahoo.com",
		Procedure: "Xác nhận tình trạng hôn nhân",
		Reason:    "Người yêu cầu không cư trú trên địa bàn phường; đề nghị liên hệ UBND xã nơi thường trú.",
		Official:  "Trần Văn Bình",
		Date:      at(27, 1, 10, 5),
	}
}

func sampleApology() Apology {
	return Apology{
		Header:      hoaiDuc,
		Number:      "01",
		Code:        "HD001-260120-0012",
		Applicant:   "Lê Thị Thu Hương",
		IDNo:        "001192007788",
		Agency:      "UBND phường Hoài Đức",
		Address:     "Số 3, phố Đức Diễn, phường Hoài Đức, thành phố Hà Nội",
		Procedure:   "Chứng thực hợp đồng, giao dịch",
		ReceivedAt:  at(20, 1, 14, 40),
		DueAt:       at(22, 1, 14, 40),
		NewDueAt:    at(26, 1, 16, 0),
		Reason:      "Cần xác minh chữ ký của bên tặng cho đang điều trị tại bệnh viện.",
		FaultUnit:   "Công chức Tư pháp - Hộ tịch",
		ReturnPlace: "Trung tâm Phục vụ hành chính công phường Hoài Đức",
		Signer:      "Đặng Văn Nam",
		SignerTitle: "Chủ tịch",
		Recipients:  []string{"Như trên", "Lưu: VT, TTPVHCC"},
		Date:        at(21, 1, 15, 0),
	}
}

// textOf is the text of every page of a PDF, whitespace collapsed.
func textOf(t *testing.T, b []byte) (string, string) {
	t.Helper()
	path := writePDF(t, b)
	var all []string
	for p := 1; p <= pages(t, path); p++ {
		all = append(all, pageText(t, path, p))
	}
	return strings.Join(all, " "), path
}

func wantAll(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("lacks %q", w)
		}
	}
	if t.Failed() {
		if len(text) > 3000 {
			text = text[:3000] + "…"
		}
		t.Logf("--- text:\n%s", text)
	}
}

// golden redraws testdata/{name}.png from page 1 of b when MOTCUA_GOLDEN is set.
func golden(t *testing.T, name string, b []byte) {
	t.Helper()
	if os.Getenv("MOTCUA_GOLDEN") == "" {
		return
	}
	need(t, "pdftoppm")
	command(t, "pdftoppm", "-r", "100", "-png", "-f", "1", "-l", "1", "-singlefile", writePDF(t, b), filepath.Join("testdata", name))
}

func sampleControl() Control {
	return Control{
		Header:     hoaiDuc,
		Code:       "HD001-260126-0001",
		Applicant:  "Nguyễn Thị Hồng Nhung",
		Procedure:  "Đăng ký giám hộ",
		ReceivedAt: at(26, 1, 8, 15),
		DueAt:      at(29, 1, 8, 15),
		Agency:     "UBND phường Hoài Đức",
		Partners:   "Công an phường Hoài Đức",
		Steps: []Step{
			{From: "Trung tâm Phục vụ hành chính công phường Hoài Đức", To: "UBND phường Hoài Đức", At: at(26, 1, 9, 0),
				Giver: "Trần Văn Bình", Receiver: "Lê Thị Mai"},
			{From: "UBND phường Hoài Đức", To: "Lãnh đạo UBND phường", At: at(27, 1, 15, 30), Result: "Trước hạn",
				Note: "Trình ký", Giver: "Lê Thị Mai", Receiver: "Đặng Văn Nam"},
		},
	}
}

func sampleStop() Stop {
	return Stop{
		Header:     hoaiDuc,
		Code:       "HD001-260126-0004",
		Applicant:  "Đỗ Văn Ứng",
		IDNo:       "001079003456",
		Address:    "Số 8, phố Đức Diễn, phường Hoài Đức, thành phố Hà Nội",
		Phone:      "0903 456 789",
		Procedure:  "Đăng ký kết hôn",
		ReceivedAt: at(26, 1, 10, 0),
		DueAt:      at(29, 1, 10, 0),
		StoppedAt:  at(27, 1, 14, 20),
		Reason:     "Người nộp đề nghị dừng để bổ sung giấy tờ ở nơi cư trú cũ.",
		Official:   "Trần Văn Bình",
		Date:       at(27, 1, 14, 20),
	}
}
