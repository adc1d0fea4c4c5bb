package print

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func sampleBook() Book {
	return Book{Header: hoaiDuc, Year: 2026, Volume: "01", From: at(1, 1, 0, 0), To: at(31, 12, 0, 0)}
}

// bookRows yields n realistic rows; every 7th has a long address that wraps,
// every 5th has not been returned yet (blank dates).
func bookRows(n int) func(yield func(BookRow) bool) {
	names := []string{"Nguyễn Thị Hồng Nhung", "Phạm Quốc Dũng", "Lê Thị Thu Hương", "Đỗ Văn Ứng", "Trương Thị Ngọc Ánh"}
	procs := []string{"Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Đăng ký khai sinh", "Xác nhận tình trạng hôn nhân",
		"Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản"}
	return func(yield func(BookRow) bool) {
		for i := 1; i <= n; i++ {
			recv := at(2, 1, 7, 30).Add(time.Duration(i) * 37 * time.Minute)
			r := BookRow{
				No: i, Code: fmt.Sprintf("HD001-%s-%04d", recv.In(vietnam).Format("060102"), i),
				Procedure: procs[i%len(procs)], Applicant: names[i%len(names)],
				AddressPhone: "Số " + strconv.Itoa(i) + ", phố Đức Diễn, phường Hoài Đức; 0912 345 678",
				Agency:       "UBND phường Hoài Đức",
				ReceivedAt:   recv, DueAt: recv.Add(72 * time.Hour), TransferredAt: recv.Add(time.Hour),
				ResultAt: recv.Add(48 * time.Hour), ReturnedAt: recv.Add(50 * time.Hour),
				Method: "Trực tiếp", Note: "Đã trả kết quả",
			}
			if i%7 == 0 {
				r.AddressPhone = strings.Repeat("Xóm Đồng Mới, thôn Yên Sở, ", 4) + "xã Hoài Đức, Hà Nội; 0987 654 321"
				r.Method = "Bưu chính"
			}
			if i%5 == 0 {
				r.ResultAt, r.ReturnedAt, r.Note = time.Time{}, time.Time{}, "Trễ hạn"
			}
			if !yield(r) {
				return
			}
		}
	}
}

func collect(n int) []BookRow {
	var out []BookRow
	for r := range bookRows(n) {
		out = append(out, r)
	}
	return out
}

// TestBookPDF: 250 rows give a multi-page A4 landscape book with the title
// block, the Mẫu 06 header on every page, "Trang x/N" on every page, every
// row once with its values, and nothing outside the page.
func TestBookPDF(t *testing.T) {
	var buf bytes.Buffer
	var reports []int
	if err := WriteBookPDF(&buf, sampleBook(), bookRows(250), func(done int) { reports = append(reports, done) }); err != nil {
		t.Fatal(err)
	}
	golden(t, "mau07", buf.Bytes())
	path := writePDF(t, buf.Bytes())
	n := pages(t, path)
	if n < 5 {
		t.Fatalf("250 rows on %d pages", n)
	}
	if got := pageSize(t, path, 1); got != a4L {
		t.Errorf("page size %s, want A4 landscape %s", got, a4L)
	}
	if fmt.Sprint(reports) != "[100 200 250]" {
		t.Errorf("progress reports %v, want [100 200 250]", reports)
	}
	wantAll(t, pageText(t, path, 1), "Mẫu số 07", "UBND PHƯỜNG HOÀI ĐỨC", "SỔ THEO DÕI HỒ SƠ", "Năm 2026", "Quyển số: 01",
		"Từ ngày 01/01/2026 đến ngày 31/12/2026", "Trang 1/"+strconv.Itoa(n))
	for p := 1; p <= n; p++ {
		raw := strings.Join(strings.Fields(command(t, "pdftotext", "-raw", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), path, "-")), " ")
		for _, h := range []string{"TT Mã hồ sơ Tên thủ tục hành chính Tên cá nhân, tổ chức Địa chỉ, số điện thoại Cơ quan chủ trì giải quyết",
			"Ngày, tháng, năm", "Nhận hồ sơ", "Hẹn trả kết quả", "Chuyển hồ sơ đến cơ quan giải quyết", "Nhận kết quả", "Trả kết quả",
			"Phương thức nhận kết quả", "Ký nhận", "Ghi chú", fmt.Sprintf("Trang %d/%d", p, n)} {
			if !strings.Contains(raw, h) {
				t.Errorf("page %d lacks %q", p, h)
			}
		}
	}
	raw := rawText(t, path)
	l := DefaultLabels()
	for _, r := range collect(250) {
		if c := strings.Count(raw, r.Code); c != 1 {
			t.Errorf("%s appears %d times", r.Code, c)
			continue
		}
		row := fmt.Sprintf("%d %s %s %s %s %s %s %s %s %s %s %s", r.No, r.Code, r.Procedure, r.Applicant, r.AddressPhone, r.Agency,
			l.shortDate(r.ReceivedAt), l.shortTime(r.ReceivedAt), l.shortDate(r.DueAt), l.shortTime(r.DueAt),
			l.shortDate(r.TransferredAt), l.shortTime(r.TransferredAt))
		if !strings.Contains(raw, row) {
			t.Errorf("row %d does not read back as %q", r.No, row)
		}
	}
	inside(t, path, 5)
}

// TestBookXLSX opens the workbook with excelize: the title, the grouped
// header, and every row's cells equal to the rows given, dates as real
// Excel dates shown dd/mm/yyyy hh:mm; the header is frozen.
func TestBookXLSX(t *testing.T) {
	var buf bytes.Buffer
	var reports []int
	if err := WriteBookXLSX(&buf, sampleBook(), bookRows(250), func(done int) { reports = append(reports, done) }); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(reports) != "[100 200 250]" {
		t.Errorf("progress reports %v, want [100 200 250]", reports)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheet := x.GetSheetName(0)
	if sheet != "Sổ theo dõi" {
		t.Errorf("sheet %q", sheet)
	}
	get := func(cell string) string {
		t.Helper()
		v, err := x.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for cell, want := range map[string]string{"A1": "UBND PHƯỜNG HOÀI ĐỨC", "A2": "SỔ THEO DÕI HỒ SƠ",
		"A3": "Năm 2026 — Quyển số: 01 — Từ ngày 01/01/2026 đến ngày 31/12/2026",
		"A4": "STT", "B4": "Mã hồ sơ", "G4": "Ngày, tháng, năm", "G5": "Nhận hồ sơ", "H5": "Hẹn trả kết quả",
		"I5": "Chuyển hồ sơ đến cơ quan giải quyết", "J5": "Nhận kết quả", "K5": "Trả kết quả",
		"L4": "Phương thức nhận kết quả", "M4": "Ký nhận", "N4": "Ghi chú"} {
		if got := get(cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	merged, _ := x.GetMergeCells(sheet)
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, want := range []string{"G4:K4", "A4:A5", "N4:N5"} {
		if !strings.Contains(strings.Join(refs, " "), want) {
			t.Errorf("merged cells %v lack %s", refs, want)
		}
	}
	panes, err := x.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 5 {
		t.Errorf("panes %+v (%v), want the 5 head rows frozen", panes, err)
	}
	if w, _ := x.GetColWidth(sheet, "C"); w != 40 {
		t.Errorf("column C is %v wide, want 40", w)
	}

	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(rows) - 5; got != 250 {
		t.Fatalf("%d data rows, want 250", got)
	}
	date := func(tm time.Time) string {
		if tm.IsZero() {
			return ""
		}
		return tm.In(vietnam).Format("02/01/2006 15:04")
	}
	for i, r := range collect(250) {
		got := append(rows[5+i], make([]string, 14)...)[:14]
		want := []string{strconv.Itoa(r.No), r.Code, r.Procedure, r.Applicant, r.AddressPhone, r.Agency,
			date(r.ReceivedAt), date(r.DueAt), date(r.TransferredAt), date(r.ResultAt), date(r.ReturnedAt), r.Method, "", r.Note}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Errorf("row %d:\n got %q\nwant %q", r.No, got, want)
		}
	}
	// A date is a number (days since 1900) that Excel can sort and compute with.
	raw, _ := x.GetCellValue(sheet, "G6", excelize.Options{RawCellValue: true})
	if v, err := strconv.ParseFloat(raw, 64); err != nil || v < 46000 || v > 47000 {
		t.Errorf("G6 holds %q, want an Excel date serial for 2026", raw)
	}
}

// TestBookStopsEarly: a consumer that stops the iteration ends the book
// cleanly, and an empty period still writes a valid book.
func TestBookEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBookPDF(&buf, sampleBook(), bookRows(0), nil); err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, buf.Bytes())
	wantAll(t, pageText(t, path, 1), "SỔ THEO DÕI HỒ SƠ", "Trang 1/1", "Mã hồ sơ")
	buf.Reset()
	if err := WriteBookXLSX(&buf, sampleBook(), bookRows(0), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := excelize.OpenReader(&buf); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkBookPDF(b *testing.B) {
	for b.Loop() {
		if err := WriteBookPDF(io.Discard, sampleBook(), bookRows(10000), nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*10000/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkBookXLSX(b *testing.B) {
	for b.Loop() {
		if err := WriteBookXLSX(io.Discard, sampleBook(), bookRows(10000), nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*10000/b.Elapsed().Seconds(), "rows/s")
}
