package print

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

const (
	a5Pts = "419.53 x 595.28 pts" // 148 × 210 mm
	a4P   = "595.28 x 841.89 pts"
	a4L   = "841.89 x 595.28 pts"
)

// TestSupplementFields reads Mẫu 02 back and finds every field of FORMS-2025.md
// with the dossier's values; each paper asked for says its kind and count.
func TestSupplementFields(t *testing.T) {
	s := sampleSupplement()
	b, err := SupplementPDF(s)
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "mau02", b)
	text, path := textOf(t, b)
	if n := pages(t, path); n != 1 {
		t.Errorf("Mẫu 02 takes %d pages, want 1", n)
	}
	if got := pageSize(t, path, 1); got != a5Pts {
		t.Errorf("page size %s, want A5 %s", got, a5Pts)
	}
	wantAll(t, text,
		"Mẫu số 02", "UBND PHƯỜNG HOÀI ĐỨC",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Hoài Đức, ngày 27 tháng 01 năm 2026",
		"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Số: 02/2026/PBS-TTPVHCC",
		"Mã hồ sơ: HD001-260126-0001",
		"Hồ sơ của: Nguyễn Thị Hồng Nhung",
		"Nội dung yêu cầu giải quyết: Đăng ký giám hộ",
		"Địa chỉ: "+s.Address,
		"Số điện thoại: 0912 345 678", "Email: hongnhung.nguyen@gmail.com",
		"Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:",
		"1. Văn bản thỏa thuận cử người giám hộ có chữ ký của các bên tham gia thỏa thuận — bản chính: 01 bản",
		"2. Giấy khai sinh của người được giám hộ — bản sao có chứng thực: 02 bản",
		"3. Căn cước công dân của người giám hộ — bản sao: 03 bản",
		"Lý do: "+s.Reason,
		"Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với Trần Văn Bình, số điện thoại 0243 365 1234 để được hướng dẫn./.",
		"NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)", "Trần Văn Bình")
	wantAll(t, rawText(t, path), "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HOÀI ĐỨC")
	inside(t, path, 5)
}

// TestSupplementKinds: a paper to be shown is asked to be shown, not handed in; a kind on no
// list is printed as written.
func TestSupplementKinds(t *testing.T) {
	s := sampleSupplement()
	s.Missing = []Document{
		{Name: "Căn cước của người giám hộ", Kind: "Bản chính (xuất trình)", Count: 1},
		{Name: "Bản dịch hộ chiếu", Kind: "Bản dịch", Count: 1},
	}
	text, _ := textOf(t, mustPDF(t)(SupplementPDF(s)))
	wantAll(t, text, "1. Căn cước của người giám hộ — xuất trình bản chính để đối chiếu", "2. Bản dịch hộ chiếu — Bản dịch: 01 bản")
	if strings.Contains(text, "giám hộ — Bản chính (xuất trình): 01 bản") {
		t.Error("a paper to be shown is asked for as a copy to hand in")
	}
}

func TestKindColumn(t *testing.T) {
	l := DefaultLabels()
	for kind, want := range map[string]int{"Bản chính": 0, "bản chính": 0, "Bản sao chứng thực": 1, "Bản sao có chứng thực": 1,
		"Bản chứng thực": 1, "Bản sao": 2, "Bản photo": 2, norm.NFD.String("Bản chính"): 0, "": -1, "Bản dịch": -1} {
		if got := kindColumn(l, kind); got != want {
			t.Errorf("kindColumn(%q) = %d, want %d", kind, got, want)
		}
	}
}

// TestSupplementBlanksAndLabels: an empty number and guide print dots to
// fill in; a ward's own form number is used.
func TestSupplementBlanksAndLabels(t *testing.T) {
	s := sampleSupplement()
	s.Number, s.Guide, s.GuidePhone = "", "", ""
	s.Missing = []Document{{Name: "Bản dịch hộ chiếu", Kind: "Bản dịch", Count: 1}}
	s.Labels = DefaultLabels().With(map[string]string{"supplement.form_no": "Mẫu số 02 (Thông tư mới)"})
	text, _ := textOf(t, mustPDF(t)(SupplementPDF(s)))
	wantAll(t, text, "Mẫu số 02 (Thông tư mới)", "Số: ………/PBS-TTPVHCC", "liên hệ với ……………………, số điện thoại ……………………",
		"Bản dịch hộ chiếu — Bản dịch: 01 bản")
}

// TestSupplementLongWraps: a long reason and address wrap inside the page; a
// slip too long for one page continues on a page that repeats the code.
func TestSupplementLongWraps(t *testing.T) {
	s := sampleSupplement()
	s.Address = strings.Repeat("Xóm Đồng Mới, thôn Yên Sở, ", 10) + "xã Hoài Đức, Hà Nội"
	s.Reason = strings.Repeat("Giấy tờ nộp kèm không hợp lệ, cần bổ sung bản chính để đối chiếu. ", 6)
	s.Reason = strings.TrimSpace(s.Reason)
	text, path := textOf(t, mustPDF(t)(SupplementPDF(s)))
	wantAll(t, text, "Địa chỉ: "+s.Address, "Lý do: "+s.Reason, "Trần Văn Bình")
	inside(t, path, 5)
	if n := pages(t, path); n != 1 {
		t.Errorf("a long reason takes %d pages; it should shrink to one", n)
	}

	for range 4 {
		s.Missing = append(s.Missing, s.Missing...)
	}
	text, path = textOf(t, mustPDF(t)(SupplementPDF(s)))
	n := pages(t, path)
	if n < 2 {
		t.Fatalf("48 documents fit on %d page; the test wants a follow-on page", n)
	}
	if p2 := pageText(t, path, 2); !strings.Contains(p2, "Mã hồ sơ: HD001-260126-0001 (tiếp theo)") || !strings.Contains(p2, "Mẫu số 02") {
		t.Errorf("page 2 does not repeat the form's number and the code:\n%s", p2)
	}
	if got := strings.Count(rawText(t, path), "Giấy khai sinh của người được giám hộ"); got != 16 {
		t.Errorf("the document appears %d times, want 16", got)
	}
	wantAll(t, text, "NGƯỜI HƯỚNG DẪN", "Trần Văn Bình")
	inside(t, path, 5)
}

// TestSlipsNeedCode: Mẫu 02, 04, 05 and 06 refuse to print without a dossier code (Mẫu 03
// may: "Mã hồ sơ (nếu có)").
func TestSlipsNeedCode(t *testing.T) {
	errs := map[string]error{}
	s := sampleSupplement()
	s.Code = " "
	_, errs["02"] = SupplementPDF(s)
	a := sampleApology()
	a.Code = ""
	_, errs["04"] = ApologyPDF(a)
	st := sampleStop()
	st.Code = ""
	_, errs["05"] = StopPDF(st)
	c := sampleControl()
	c.Code = ""
	_, errs["06"] = ControlPDF(c)
	for form, err := range errs {
		if err == nil || !strings.Contains(err.Error(), "mã hồ sơ") {
			t.Errorf("Mẫu %s without a code: err = %v, want one naming the code", form, err)
		}
	}
}

// TestSlipsCodesScan: every slip's QR code and barcode read back as the code.
func TestSlipsCodesScan(t *testing.T) {
	for form, b := range map[string]func() ([]byte, error){
		"02": func() ([]byte, error) { return SupplementPDF(sampleSupplement()) },
		"03": func() ([]byte, error) { return RefusalPDF(sampleRefusal()) },
		"04": func() ([]byte, error) { return ApologyPDF(sampleApology()) },
		"05": func() ([]byte, error) { return StopPDF(sampleStop()) },
		"06": func() ([]byte, error) { return ControlPDF(sampleControl()) },
	} {
		t.Run(form, func(t *testing.T) {
			pdf, err := b()
			if err != nil {
				t.Fatal(err)
			}
			code := map[string]string{"02": sampleSupplement().Code, "03": sampleRefusal().Code, "04": sampleApology().Code, "05": sampleStop().Code, "06": sampleControl().Code}[form]
			out := scan(t, writePDF(t, pdf))
			for _, w := range []string{"QR-Code:" + code, "CODE-128:" + code} {
				if !strings.Contains(out, w) {
					t.Errorf("zbarimg did not read %q; it read:\n%s", w, out)
				}
			}
		})
	}
}

// TestSlipsNFD: decomposed input prints as precomposed letters.
func TestSlipsNFD(t *testing.T) {
	r := sampleRefusal()
	r.Applicant, r.Reason = norm.NFD.String(r.Applicant), norm.NFD.String(r.Reason)
	text, _ := textOf(t, mustPDF(t)(RefusalPDF(r)))
	wantAll(t, text, "Tiếp nhận hồ sơ của: Phạm Quốc Dũng", sampleRefusal().Reason)
	if !norm.NFC.IsNormalString(text) {
		t.Error("text read back is not NFC")
	}
}

func mustPDF(t *testing.T) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}
