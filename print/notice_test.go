package print

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// sampleNotice is the demo ward's catalogue shape: two fields, fees of every kind, and enough
// procedures (padded with realistic variants) to need several pages.
func sampleNotice(extra int) Notice {
	civil := []NoticeProcedure{
		{Code: "HT01", Name: "Đăng ký khai sinh", Time: "Trong ngày (sau 15 giờ: ngày làm việc tiếp theo)", Fee: "Miễn lệ phí",
			Place:      "Bộ phận tiếp nhận và trả kết quả, UBND phường Hoài Đức",
			LegalBasis: "Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP",
			Documents: []Document{{Name: "Tờ khai đăng ký khai sinh", Kind: "Bản chính", Count: 1},
				{Name: "Giấy chứng sinh", Kind: "Bản chính", Count: 1}}},
		{Code: "HT02", Name: "Đăng ký kết hôn", Time: "Trong ngày; tối đa 05 ngày làm việc nếu cần xác minh", Fee: "Miễn lệ phí",
			Documents: []Document{{Name: "Tờ khai đăng ký kết hôn", Count: 1}}},
	}
	for i := range extra {
		civil = append(civil, NoticeProcedure{Code: fmt.Sprintf("HTX%02d", i+1),
			Name: fmt.Sprintf("Thay đổi, cải chính, bổ sung thông tin hộ tịch trường hợp %d", i+1),
			Time: "03 ngày làm việc", Fee: fmt.Sprintf("%d.000 đồng", 10+i), Place: "Bộ phận một cửa",
			LegalBasis: "Luật Hộ tịch 2014; Thông tư 04/2020/TT-BTP",
			Documents: []Document{{Name: "Tờ khai thay đổi, cải chính, bổ sung thông tin hộ tịch", Kind: "Bản chính", Count: 1},
				{Name: "Giấy tờ làm căn cứ thay đổi, cải chính", Kind: "Bản sao", Count: 1},
				{Name: "Giấy khai sinh", Kind: "Bản chính", Count: 1}}})
	}
	return Notice{
		Header: Header{ParentName: "UBND phường Hoài Đức", Place: "Hoài Đức"},
		Date:   time.Date(2026, 2, 2, 9, 0, 0, 0, vietnam),
		Groups: []NoticeGroup{
			{Field: "Hộ tịch", Procedures: civil},
			{Field: "Chứng thực", Procedures: []NoticeProcedure{
				{Code: "CT01", Name: "Chứng thực bản sao từ bản chính", Time: "Trong ngày",
					Fee:       "2.000 đ/trang, từ trang 3: 1.000 đ/trang, tối đa 200.000 đ/bản",
					Documents: []Document{{Name: "Bản chính giấy tờ", Kind: "Bản chính", Count: 1}}},
				{Code: "CT02", Name: "Chứng thực chữ ký", Time: "Trong ngày", Fee: "10.000 đ"},
			}},
		},
	}
}

func TestNoticeListsEveryProcedureWithFeeAndTime(t *testing.T) {
	n := sampleNotice(14)
	b, err := NoticePDF(n)
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, b)
	np := pages(t, path)
	if np < 2 {
		t.Fatalf("%d page(s); the sample should need several", np)
	}
	var all strings.Builder
	for i := 1; i <= np; i++ {
		text := pageText(t, path, i)
		if want := fmt.Sprintf("Trang %d/%d", i, np); !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q", i, want)
		}
		all.WriteString(text + " ")
	}
	text := all.String()
	for _, w := range []string{"UBND PHƯỜNG HOÀI ĐỨC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"NIÊM YẾT CÔNG KHAI THỦ TỤC HÀNH CHÍNH", "Ngày niêm yết: 02/02/2026", "Hoài Đức, ngày 02 tháng 02 năm 2026",
		"I. LĨNH VỰC HỘ TỊCH", "II. LĨNH VỰC CHỨNG THỰC", "Không yêu cầu giấy tờ.",
		"Tờ khai đăng ký khai sinh (Bản chính): 01 bản", "Căn cứ pháp lý: Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP"} {
		if !strings.Contains(text, w) {
			t.Errorf("the poster lacks %q", w)
		}
	}
	for _, g := range n.Groups {
		for _, p := range g.Procedures {
			// Name, then its time and fee, in this order (a long name may wrap: compare word runs).
			i := strings.Index(text, p.Name)
			if i < 0 {
				t.Errorf("the poster lacks the procedure %q", p.Name)
				continue
			}
			rest := text[i:]
			ti := strings.Index(rest, "Thời hạn giải quyết: "+p.Time)
			fi := strings.Index(rest, "Phí, lệ phí: "+p.Fee)
			if ti < 0 || fi < 0 || fi < ti {
				t.Errorf("%s: time %q and fee %q do not follow its name", p.Code, p.Time, p.Fee)
			}
		}
	}
}

// TestNoticeKeepsProcedureNameWithItsLines checks every page break: a page never ends on a
// procedure's name or a field heading, and the next page's first procedure line is not orphaned.
func TestNoticeKeepsProcedureNameWithItsLines(t *testing.T) {
	for extra := 0; extra < 30; extra += 3 {
		b, err := NoticePDF(sampleNotice(extra))
		if err != nil {
			t.Fatal(err)
		}
		path := writePDF(t, b)
		np := pages(t, path)
		for i := 1; i <= np; i++ {
			need(t, "pdftotext")
			raw := command(t, "pdftotext", "-layout", "-f", fmt.Sprint(i), "-l", fmt.Sprint(i), path, "-")
			var lines []string
			for _, ln := range strings.Split(raw, "\n") {
				if s := strings.TrimSpace(ln); s != "" && !strings.HasPrefix(s, "Trang ") {
					lines = append(lines, s)
				}
			}
			if len(lines) == 0 {
				t.Errorf("extra %d: page %d is empty", extra, i)
				continue
			}
			last := lines[len(lines)-1]
			if strings.Contains(last, "LĨNH VỰC") || strings.Contains(last, "(mã ") {
				t.Errorf("extra %d: page %d ends on a heading: %q", extra, i, last)
			}
		}
	}
}

func TestNoticePageSizeIsA4(t *testing.T) {
	need(t, "pdfinfo")
	b, err := NoticePDF(sampleNotice(0))
	if err != nil {
		t.Fatal(err)
	}
	info := strings.Join(strings.Fields(command(t, "pdfinfo", writePDF(t, b))), " ")
	if !strings.Contains(info, "Page size: 595.28 x 841.89 pts (A4)") {
		t.Errorf("pdfinfo does not report A4:\n%s", info)
	}
}

func TestNoticeEmpty(t *testing.T) {
	b, err := NoticePDF(Notice{Date: time.Date(2026, 2, 2, 9, 0, 0, 0, vietnam)})
	if err != nil {
		t.Fatal(err)
	}
	if text := pageText(t, writePDF(t, b), 1); !strings.Contains(text, "Chưa có thủ tục nào được niêm yết.") {
		t.Errorf("an empty poster does not say so:\n%s", text)
	}
}
