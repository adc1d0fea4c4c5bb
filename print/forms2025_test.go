package print

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/image/font/sfnt"

	"motcua/assets"
)

// TestEveryLabelHasGlyphs: every character of every label of assets/forms/vi.json has a real
// glyph in each embedded font (a missing one prints as a box or "?"), and all of them drawn
// read back whole from the PDF.
func TestEveryLabelHasGlyphs(t *testing.T) {
	var raw map[string]string
	if err := json.Unmarshal(assets.FormsVI, &raw); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for name, data := range map[string][]byte{"Regular": assets.SerifRegular, "Bold": assets.SerifBold, "Italic": assets.SerifItalic} {
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var buf sfnt.Buffer
		for _, k := range keys {
			for _, r := range raw[k] {
				if r == ' ' || r == '\u00a0' {
					continue
				}
				if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
					t.Errorf("%s has no glyph for %q (U+%04X) of label %s", name, r, r, k)
				}
			}
		}
	}
	// Drawn, each label reads back (a glyph gofpdf cannot map would come out as "?").
	pdf, err := newDoc("P", a4Size)
	if err != nil {
		t.Fatal(err)
	}
	pdf.AddPage()
	y := 10.0
	var want []string
	for _, k := range keys {
		v := unbreak(raw[k])
		if strings.TrimSpace(v) == "" {
			continue
		}
		if y > 280 {
			pdf.AddPage()
			y = 10
		}
		y = drawPara(pdf, para{runs: []run{{style: regular, text: v}}, size: 9}, 10, y, 190)
		want = append(want, strings.Join(strings.Fields(v), " "))
	}
	b, err := finish(pdf)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(rawText(t, writePDF(t, b)), "\u00a0", " ")
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("label %q does not read back from the PDF", w)
		}
	}
	if strings.Contains(text, "?") && !strings.Contains(strings.Join(want, ""), "?") {
		t.Error("a glyph printed as \"?\"")
	}
}

// TestNoWordCutInNarrowColumns: headings and cells of narrow columns take smaller type rather
// than cut a word ("Trướ/c hạn", "(tha/ng 6)"), and "01 bản" stays on one line.
func TestNoWordCutInNarrowColumns(t *testing.T) {
	r := sampleReport(true)
	r.Head = []ReportHead{{Text: "STT"}, {Text: "Cán bộ"}, {Text: "Đã giải quyết", Sub: []string{"Trước hạn", "Điểm (thang 6)"}}}
	r.Widths = []float64{3, 40, 3, 3}
	b, err := ReportPDF(r)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, w := range words(t, writePDF(t, b)) {
		seen[w.text] = true
	}
	for _, w := range []string{"Trước", "(thang"} {
		if !seen[w] {
			t.Errorf("the word %q is cut in a narrow column", w)
		}
	}
	for _, cut := range []string{"Trướ", "(tha", "thang"} {
		if seen[cut] && !seen["(thang"] {
			t.Errorf("a piece %q of a cut word is printed", cut)
		}
	}

	// A document line that ends exactly where "01 bản" would break.
	rc := sample()
	rc.Documents = nil
	for i := range 4 {
		rc.Documents = append(rc.Documents, Document{Name: strings.Repeat("Giấy tờ chứng minh nơi cư trú ", 1+i%3) + strconv.Itoa(i), Kind: "Bản sao", Count: 1})
	}
	ws := words(t, writePDF(t, mustReceipt(t, rc)))
	for i, w := range ws {
		if w.text == "01" && i+1 < len(ws) && ws[i+1].text == "bản" && ws[i+1].yMin-w.yMin > 2 {
			t.Errorf("\"01 bản\" is split across lines on page %d", w.page)
		}
	}
}

// TestBookFormNumberAndPageSetup: the book says "Mẫu số 07" on every PDF page, and its sheet
// prints on A4 landscape, fitted to the width, with its two header rows on every page.
func TestBookFormNumberAndPageSetup(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBookPDF(&buf, sampleBook(), bookRows(120), nil); err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, buf.Bytes())
	n := pages(t, path)
	for p := 1; p <= n; p++ {
		if !strings.Contains(pageText(t, path, p), "Mẫu số 07") {
			t.Errorf("book page %d lacks \"Mẫu số 07\"", p)
		}
	}
	buf.Reset()
	if err := WriteBookXLSX(&buf, sampleBook(), bookRows(30), nil); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sheet := x.GetSheetName(0)
	if v, _ := x.GetCellValue(sheet, cellName(bookCols, 1)); v != "Mẫu số 07" {
		t.Errorf("the sheet's form number = %q", v)
	}
	pl, err := x.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
		pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("page layout size %v orientation %v fit %v×%v, want A4 (9) landscape fitted to 1 page wide",
			deref(pl.Size), derefS(pl.Orientation), deref(pl.FitToWidth), deref(pl.FitToHeight))
	}
	props, _ := x.GetSheetProps(sheet)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Error("the sheet is not set to fit its page")
	}
	titles := false
	for _, d := range x.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet && strings.HasSuffix(d.RefersTo, "!$4:$5") {
			titles = true
		}
	}
	if !titles {
		t.Errorf("no print titles for rows 4–5: %+v", x.GetDefinedName())
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func derefS(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestReportUnitBlockAndColumnNumbers: a report names who reports to whom, its unit of
// measure and numbers its columns, in the PDF and the sheet.
func TestReportUnitBlockAndColumnNumbers(t *testing.T) {
	r := sampleReport(true)
	r.From, r.Measure = "UBND phường Hoài Đức", "Hồ sơ"
	text := pageText(t, writePDF(t, mustPDF(t)(ReportPDF(r))), 1)
	wantAll(t, text, "Đơn vị báo cáo: UBND phường Hoài Đức", "Đơn vị nhận báo cáo: ……………………", "Đơn vị tính: Hồ sơ", "(1) (2) (3) (4)")
	var buf bytes.Buffer
	if err := WriteReportXLSX(&buf, r); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := x.GetRows(x.GetSheetName(0))
	var all []string
	for _, row := range rows {
		all = append(all, strings.Join(row, "|"))
	}
	wantAll(t, strings.Join(all, "\n"), "Đơn vị báo cáo: UBND phường Hoài Đức", "Đơn vị tính: Hồ sơ", "(1)|(2)|(3)|(4)")
}

// TestReportNoLoneSignatures: however many rows, the signatures never stand alone on the last
// page: the last row (or the notes) goes over with them.
func TestReportNoLoneSignatures(t *testing.T) {
	for n := 24; n <= 34; n++ {
		r := sampleReport(false)
		r.Charts = nil
		r.Rows = nil
		for i := range n {
			r.Rows = append(r.Rows, []string{strconv.Itoa(i + 1), "Thủ tục " + strconv.Itoa(i+1), "1", "1"})
		}
		path := writePDF(t, mustPDF(t)(ReportPDF(r)))
		np := pages(t, path)
		last := pageText(t, path, np)
		if np > 1 && !strings.Contains(last, "Tổng cộng") {
			t.Errorf("%d rows: the last page holds the signatures without the table's last row:\n%s", n, last)
		}
	}
}

// TestNoticeKeepsEachProcedureOnOnePage: a procedure's name and its last line (the legal
// basis) are always on the same page.
func TestNoticeKeepsEachProcedureOnOnePage(t *testing.T) {
	path := writePDF(t, mustPDF(t)(NoticePDF(sampleNotice(14))))
	np := pages(t, path)
	for p := 1; p <= np; p++ {
		text := pageText(t, path, p)
		for i := 1; i <= 14; i++ {
			name := fmt.Sprintf("trường hợp %d (mã HTX%02d)", i, i)
			if strings.Contains(text, name) && strings.Count(text[strings.Index(text, name):], "Căn cứ pháp lý") == 0 {
				t.Errorf("HTX%02d starts on page %d but its legal basis is on the next", i, p)
			}
		}
	}
}
