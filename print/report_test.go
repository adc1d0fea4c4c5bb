package print

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func sampleReport(landscape bool) Report {
	return Report{
		Header: Header{ParentName: "UBND phường Hoài Đức", Place: "Hoài Đức"}, Date: time.Date(2026, 4, 2, 9, 0, 0, 0, vietnam),
		Title: "TÌNH HÌNH GIẢI QUYẾT", Subtitle: "Kỳ báo cáo: từ ngày 01/01/2026 đến ngày 31/03/2026", FormNo: "Biểu số II.06a/VPCP/KSTT",
		Landscape: landscape,
		Head:      []ReportHead{{Text: "STT"}, {Text: "Thủ tục"}, {Text: "Đã giải quyết", Sub: []string{"Tổng số", "Đúng hạn"}}},
		Widths:    []float64{8, 60, 20, 20},
		Align:     []string{"C", "L"},
		Rows:      [][]string{{"1", "Đăng ký khai sinh", "12", "11"}, {"2", "Chứng thực chữ ký", "40", "40"}},
		Total:     []string{"", "Tổng cộng", "52", "51"},
		Notes:     []string{"Tỷ lệ đúng hạn = (trước hạn + đúng hạn) / đã giải quyết."},
		Charts:    []Chart{{Title: "Tỷ lệ đúng hạn theo tháng", Max: 1, Bars: []Bar{{Label: "01/2026", Value: 0.9, Text: "90,0%"}, {Label: "02/2026", Value: 0, Text: "—"}}}},
	}
}

func TestReportPDF(t *testing.T) {
	for _, landscape := range []bool{true, false} {
		b, err := ReportPDF(sampleReport(landscape))
		if err != nil {
			t.Fatal(err)
		}
		path := writePDF(t, b)
		text := pageText(t, path, 1)
		for _, want := range []string{"UBND PHƯỜNG HOÀI ĐỨC", "Biểu số II.06a/VPCP/KSTT", "TÌNH HÌNH GIẢI QUYẾT",
			"Hoài Đức, ngày 02 tháng 04 năm 2026", "Đã giải quyết", "Đăng ký khai sinh 12 11", "Tổng cộng 52 51",
			"Tỷ lệ đúng hạn theo tháng", "01/2026 90,0%", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG CƠ QUAN", "Trang 1/1"} {
			if !strings.Contains(text, want) {
				t.Errorf("landscape %v: PDF lacks %q:\n%s", landscape, want, text)
			}
		}
	}
}

func TestReportPDFManyRowsRepeatHeadings(t *testing.T) {
	r := sampleReport(true)
	r.Rows = nil
	for i := 0; i < 80; i++ {
		r.Rows = append(r.Rows, []string{"1", "Thủ tục số " + strings.Repeat("x", i%7), "1", "1"})
	}
	b, err := ReportPDF(r)
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, b)
	n := pages(t, path)
	if n < 2 {
		t.Fatalf("80 rows on %d page(s), want more than one", n)
	}
	if last := pageText(t, path, n); !strings.Contains(last, "Đã giải quyết") || !strings.Contains(last, "Trang "+string(rune('0'+n))) {
		t.Errorf("last page lacks the repeated headings or its number:\n%s", last)
	}
}

func TestReportRefusesRaggedRows(t *testing.T) {
	r := sampleReport(false)
	r.Rows = append(r.Rows, []string{"3", "thiếu ô"})
	if _, err := ReportPDF(r); err == nil {
		t.Error("a row with too few cells was drawn")
	}
	if err := WriteReportXLSX(&bytes.Buffer{}, r); err == nil {
		t.Error("a row with too few cells was written to .xlsx")
	}
}

func TestWriteReportXLSX(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteReportXLSX(&buf, sampleReport(true)); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheet := x.GetSheetName(0)
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	find := func(first string) []string {
		for _, r := range rows {
			if len(r) > 1 && r[1] == first {
				return r
			}
		}
		t.Fatalf("no row %q in %q", first, rows)
		return nil
	}
	if r := find("Đăng ký khai sinh"); strings.Join(r, "|") != "1|Đăng ký khai sinh|12|11" {
		t.Errorf("row = %q", r)
	}
	if r := find("Tổng cộng"); strings.Join(r, "|") != "|Tổng cộng|52|51" {
		t.Errorf("total = %q", r)
	}
	// Figures are numbers, so the sheet can sum them.
	if typ, _ := x.GetCellType(sheet, "C10"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("C10 type = %v, want a number", typ)
	}
	merged, _ := x.GetMergeCells(sheet)
	group := false
	for _, m := range merged {
		if m.GetCellValue() == "Đã giải quyết" && m.GetStartAxis()[0] == 'C' && m.GetEndAxis()[0] == 'D' {
			group = true
		}
	}
	if !group {
		t.Errorf("the group heading is not merged over its two columns: %v", merged)
	}
}
