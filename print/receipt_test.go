package print

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestReceiptFields reads both copies back and checks every field of FORMS.md
// Mẫu 01 with the dossier's values, as the counter official would.
func TestReceiptFields(t *testing.T) {
	b, err := ReceiptPDF(sample())
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, b)
	if n := pages(t, path); n != 2 {
		t.Fatalf("the slip has %d pages, want 2 (one per copy)", n)
	}
	want := []string{
		"Mẫu số 01", "UBND PHƯỜNG HOÀI ĐỨC", "Số: 17/TTPVHCC",
		"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Hoài Đức, ngày 26 tháng 01 năm 2026",
		"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
		"Mã hồ sơ: HD001-260126-0001",
		"Trung tâm Phục vụ hành chính công phường Hoài Đức Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: Nguyễn Thị Hồng Nhung",
		"Số định danh cá nhân/tổ chức: 001190012345",
		"Địa chỉ: Số 12, ngõ 45, đường Lý Thường Kiệt, tổ dân phố Ngãi Cầu, phường Hoài Đức, thành phố Hà Nội",
		"Số điện thoại: 0912 345 678",
		"Email: hongnhung.nguyen@gmail.com",
		"Nội dung yêu cầu giải quyết: Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp",
		"1. Thành phần hồ sơ nộp gồm:",
		"(1) Bản chính giấy tờ cần chứng thực — Bản chính: 01 bản",
		"(2) Bản sao giấy tờ cần chứng thực — Bản sao: 03 bản",
		"(3) Căn cước công dân của người yêu cầu — Bản chính: 01 bản",
		"2. Số lượng hồ sơ: 01 (bộ)",
		"3. Thời gian giải quyết hồ sơ theo quy định là: 3 ngày (làm việc)",
		"4. Thời gian nhận hồ sơ: 08 giờ 15 phút, ngày 26 tháng 01 năm 2026",
		"5. Thời gian trả kết quả giải quyết hồ sơ: 08 giờ 15 phút, ngày 29 tháng 01 năm 2026",
		"6. Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công phường Hoài Đức",
		"Lệ phí: 6.000 đồng",
		"Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026",
		"Số thứ tự: 17",
		"NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ", "(Ký và ghi rõ họ tên)",
		"Trần Văn Bình",
	}
	copies := []string{"(Liên 1: Lưu)", "(Liên 2: Giao người nộp hồ sơ)"}
	for i, label := range copies {
		text := pageText(t, path, i+1)
		for _, w := range append(want, label) {
			if !strings.Contains(text, w) {
				t.Errorf("page %d lacks %q\n--- text:\n%s", i+1, w, text)
			}
		}
		if other := copies[1-i]; strings.Contains(text, other) {
			t.Errorf("page %d also carries the other copy's label %q", i+1, other)
		}
	}
}

func TestReceiptPageSizeIsA5(t *testing.T) {
	need(t, "pdfinfo")
	path := writePDF(t, mustReceipt(t, sample()))
	info := strings.Join(strings.Fields(command(t, "pdfinfo", "-f", "1", "-l", "2", path)), " ")
	for _, p := range []string{"Page 1 size: 419.53 x 595.28 pts", "Page 2 size: 419.53 x 595.28 pts"} {
		if !strings.Contains(info, p) {
			t.Errorf("pdfinfo lacks %q (A5 = 148 × 210 mm):\n%s", p, info)
		}
	}
}

// TestReceiptCodesScan renders each copy as a scanner would see it and
// decodes both the QR code and the Code 128 barcode.
func TestReceiptCodesScan(t *testing.T) {
	need(t, "pdftoppm")
	if _, err := exec.LookPath("zbarimg"); err != nil {
		t.Skip("zbarimg not installed (Debian: apt-get install zbar-tools): cannot decode the QR code and barcode")
	}
	r := sample()
	path := writePDF(t, mustReceipt(t, r))
	dir := t.TempDir()
	command(t, "pdftoppm", "-r", "200", "-gray", "-png", path, filepath.Join(dir, "p"))
	imgs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(imgs) != 2 {
		t.Fatalf("rendered %d pages, want 2", len(imgs))
	}
	for _, img := range imgs {
		out := command(t, "zbarimg", "-q", img)
		for _, w := range []string{"QR-Code:" + r.Code, "CODE-128:" + r.Code} {
			if !strings.Contains(out, w) {
				t.Errorf("%s: zbarimg did not read %q; it read:\n%s", filepath.Base(img), w, out)
			}
		}
	}
}

// TestReceiptNFD: text typed or pasted in decomposed form prints, and reads
// back, as the ordinary precomposed letters.
func TestReceiptNFD(t *testing.T) {
	r := sample()
	name := "Nguyễn Thị Hồng Nhung"
	addr := "Thôn Đông Lạc, xã Ngọc Hòa, thành phố Hà Nội"
	if norm.NFD.String(name) == name {
		t.Fatal("test data is not decomposable")
	}
	r.Applicant, r.Address, r.Receiver = norm.NFD.String(name), norm.NFD.String(addr), norm.NFD.String("Trần Văn Bình")
	text := pageText(t, writePDF(t, mustReceipt(t, r)), 1)
	for _, w := range []string{"Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức: " + name, "Địa chỉ: " + addr, "Trần Văn Bình"} {
		w = norm.NFC.String(w)
		if !strings.Contains(text, w) {
			t.Errorf("NFD input does not read back as %q\n--- text:\n%s", w, text)
		}
	}
	if !norm.NFC.IsNormalString(text) {
		t.Error("text read back from the slip is not NFC")
	}
}

// longReceipt has 12 documents with long names and a 300-character address.
func longReceipt(docs int) Receipt {
	r := sample()
	r.Address = strings.Repeat("Xóm Đồng Mới, thôn Yên Sở, ", 11) + "xã Hoài Đức, Hà Nội"
	r.Address = string([]rune(r.Address)[:300])
	r.Procedure = "Đăng ký giám hộ; nhận cha, mẹ, con; thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc"
	r.ResultAtCounter = false
	r.PostAddress = "Số 8, ngách 20/15, ngõ 20, phố Hoàng Quốc Việt, phường Nghĩa Đô, thành phố Hà Nội"
	// Names as a ward's catalogue words them, several long enough to wrap.
	names := []string{
		"Tờ khai đăng ký giám hộ theo mẫu quy định",
		"Văn bản thỏa thuận cử người giám hộ có chữ ký của các bên tham gia thỏa thuận",
		"Giấy tờ chứng minh đủ điều kiện làm người giám hộ theo quy định của Bộ luật Dân sự",
		"Giấy khai sinh của người được giám hộ",
		"Căn cước công dân của người yêu cầu đăng ký",
		"Giấy chứng tử của cha, mẹ người được giám hộ hoặc quyết định tuyên bố mất tích",
		"Văn bản ủy quyền có công chứng, chứng thực (nếu nộp hồ sơ thay)",
		"Giấy xác nhận thông tin về cư trú",
		"Bản án, quyết định của Tòa án về hạn chế năng lực hành vi dân sự",
		"Giấy chứng nhận kết hôn của người giám hộ",
		"Sơ yếu lý lịch có xác nhận của cơ quan, tổ chức nơi công tác",
		"Các giấy tờ khác có liên quan",
	}
	r.Documents = nil
	for i := range docs {
		name := names[i%len(names)]
		if i >= len(names) {
			name = fmt.Sprintf("%s (bổ sung lần %d)", name, i/len(names))
		}
		r.Documents = append(r.Documents, Document{Name: name, Kind: []string{"Bản chính", "Bản sao có chứng thực", "Bản sao"}[i%3], Count: i%3 + 1})
	}
	return r
}

// TestReceiptLongFits: a big dossier still gives one A5 page per copy, with
// every document, the postal address and the signatures on it, in type no
// smaller than 9 pt.
func TestReceiptLongFits(t *testing.T) {
	r := longReceipt(6)
	if n := len([]rune(r.Address)); n != 300 {
		t.Fatalf("address is %d characters, want 300", n)
	}
	path := writePDF(t, mustReceipt(t, r))
	if n := pages(t, path); n != 2 {
		t.Fatalf("a 6-document dossier takes %d pages, want 2 (one per copy)", n)
	}
	for page := 1; page <= 2; page++ {
		text := pageText(t, path, page)
		for i, d := range r.Documents {
			w := fmt.Sprintf("(%d) %s — %s: %02d bản", i+1, d.Name, d.Kind, d.Count)
			if !strings.Contains(text, w) {
				t.Errorf("page %d lacks document %q", page, w)
			}
		}
		for _, w := range []string{"Địa chỉ: " + r.Address,
			"qua dịch vụ bưu chính công ích, địa chỉ nhận: " + r.PostAddress,
			"Số thứ tự: 17", "NGƯỜI TIẾP NHẬN HỒ SƠ", "Trần Văn Bình"} {
			if !strings.Contains(text, w) {
				t.Errorf("page %d lacks %q\n--- text:\n%s", page, w, text)
			}
		}
	}
}

// TestReceiptTooLongContinues: a dossier that cannot fit even in the smallest
// type continues on follow-on pages that repeat the code and copy label,
// and nothing falls off a page.
func TestReceiptTooLongContinues(t *testing.T) {
	r := longReceipt(60)
	path := writePDF(t, mustReceipt(t, r))
	n := pages(t, path)
	if n < 4 {
		t.Fatalf("a 60-document dossier takes %d pages, want at least 2 per copy", n)
	}
	var all []string
	copyOf := 0
	for page := 1; page <= n; page++ {
		text := pageText(t, path, page)
		if strings.Contains(text, "(Liên 2: Giao người nộp hồ sơ)") {
			copyOf = 1
		}
		if !strings.Contains(text, r.Code) {
			t.Errorf("page %d does not carry the dossier code", page)
		}
		if page > 1 && !strings.Contains(text, "(Liên 1: Lưu)") && !strings.Contains(text, "(Liên 2: Giao người nộp hồ sơ)") {
			t.Errorf("page %d carries no copy label", page)
		}
		for len(all) <= copyOf {
			all = append(all, "")
		}
		all[copyOf] += " " + text
	}
	if len(all) != 2 {
		t.Fatalf("found %d copies, want 2", len(all))
	}
	for c, text := range all {
		for i, d := range r.Documents {
			if w := fmt.Sprintf("(%d) %s", i+1, d.Name); !strings.Contains(text, w) {
				t.Errorf("copy %d lacks document %q", c+1, w)
			}
		}
		for _, w := range []string{"Số thứ tự: 17", "NGƯỜI NỘP HỒ SƠ", "Trần Văn Bình"} {
			if !strings.Contains(text, w) {
				t.Errorf("copy %d lacks %q", c+1, w)
			}
		}
	}
}

func TestReceiptPostAndFreeAndSameDay(t *testing.T) {
	r := sample()
	r.ResultAtCounter, r.PostAddress, r.Fee, r.Days = false, "", 0, 0
	text := pageText(t, writePDF(t, mustReceipt(t, r)), 1)
	for _, w := range []string{"6. Đăng ký nhận kết quả tại: qua dịch vụ bưu chính công ích",
		"Miễn lệ phí", "3. Thời gian giải quyết hồ sơ theo quy định là: trong ngày"} {
		if !strings.Contains(text, w) {
			t.Errorf("slip lacks %q\n--- text:\n%s", w, text)
		}
	}
	if strings.Contains(text, "Lệ phí:") {
		t.Error("a free procedure still prints a fee amount")
	}
}

// TestReceiptLabelsOverride: a ward following a newer circular changes the
// form number and title without touching code.
func TestReceiptLabelsOverride(t *testing.T) {
	r := sample()
	r.Labels = DefaultLabels().With(map[string]string{
		"receipt.form_no": "Mẫu số 01 (Thông tư mới)",
		"receipt.title":   norm.NFD.String("GIẤY TIẾP NHẬN HỒ SƠ, HẸN TRẢ KẾT QUẢ"),
	})
	text := pageText(t, writePDF(t, mustReceipt(t, r)), 2)
	for _, w := range []string{"Mẫu số 01 (Thông tư mới)", "GIẤY TIẾP NHẬN HỒ SƠ, HẸN TRẢ KẾT QUẢ", "(Liên 2: Giao người nộp hồ sơ)"} {
		if !strings.Contains(text, w) {
			t.Errorf("slip lacks %q\n--- text:\n%s", w, text)
		}
	}
}

func TestReceiptNeedsCode(t *testing.T) {
	r := sample()
	r.Code = " "
	if _, err := ReceiptPDF(r); err == nil || !strings.Contains(err.Error(), "mã hồ sơ") {
		t.Fatalf("a slip without a dossier code: err = %v, want one naming the code", err)
	}
}

// TestReceiptHostileText: emoji, control characters and 10 KB strings never
// panic and never run off the page.
func TestReceiptHostileText(t *testing.T) {
	r := sample()
	r.Applicant = "Lê Văn 😀 Tám\x00\x07\tX"
	r.Address = strings.Repeat("đườngkhôngcódấucách", 600)
	r.Email = strings.Repeat("a", 300) + "@example.com"
	b, err := ReceiptPDF(r)
	if err != nil {
		t.Fatal(err)
	}
	text := pageText(t, writePDF(t, b), 1)
	if !strings.Contains(text, "Lê Văn ? Tám X") {
		t.Errorf("applicant not cleaned as expected\n--- text:\n%s", text)
	}
}

func TestWriteReceipt(t *testing.T) {
	var sb strings.Builder
	if err := WriteReceipt(&sb, sample()); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(sb.String(), "%PDF-") {
		t.Fatal("WriteReceipt did not write a PDF")
	}
}

func mustReceipt(t *testing.T, r Receipt) []byte {
	t.Helper()
	b, err := ReceiptPDF(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func BenchmarkReceiptPDF(b *testing.B) {
	r := sample()
	for b.Loop() {
		if _, err := ReceiptPDF(r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "slips/s")
}
