package print

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WriteReportXLSX writes the report as an Excel workbook: the agency, title and period rows, the
// headings on two rows (group headings merged over their columns), the rows and the total, then
// the notes and each chart's values as a small table. Whole numbers are written as numbers (so
// the sheet can sum them); every other cell as the same text the PDF prints.
func WriteReportXLSX(out io.Writer, r Report) error {
	if err := r.check(); err != nil {
		return err
	}
	l := r.Labels.orDefault()
	x := excelize.NewFile()
	defer x.Close()
	sheet := clean(r.Sheet)
	if sheet == "" {
		sheet = l.get("report.sheet")
	}
	fail := func(err error) error { return fmt.Errorf("không tạo được tệp Excel báo cáo: %w", err) }
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return fail(err)
	}
	n := r.columns()
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1}}
	var err error
	style := func(s *excelize.Style) int {
		if err == nil {
			var id int
			id, err = x.NewStyle(s)
			return id
		}
		return 0
	}
	sTitle := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	sSub := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 11}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	sItalic := style(&excelize.Style{Font: &excelize.Font{Italic: true}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	sHead := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 10}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	cellStyle := func(bold bool, align string) int {
		h := map[string]string{"L": "left", "C": "center", "R": "right"}[align]
		return style(&excelize.Style{Font: &excelize.Font{Bold: bold}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: h, Vertical: "top", WrapText: true}})
	}
	styles := map[string]int{}
	for _, b := range []bool{false, true} {
		for _, a := range []string{"L", "C", "R"} {
			styles[fmt.Sprint(b, a)] = cellStyle(b, a)
		}
	}
	if err != nil {
		return fail(err)
	}
	set := func(col, row int, v any, st int) {
		if err != nil {
			return
		}
		c := cellName(col, row)
		if err = x.SetCellValue(sheet, c, v); err == nil && st != 0 {
			err = x.SetCellStyle(sheet, c, c, st)
		}
	}
	merge := func(c1, r1, c2, r2 int) {
		if err == nil && (c1 != c2 || r1 != r2) {
			err = x.MergeCell(sheet, cellName(c1, r1), cellName(c2, r2))
		}
	}
	row := 1
	agency := strings.ToUpper(clean(r.ParentName))
	if agency == "" {
		agency = l.get("header.unit")
	}
	for _, t := range []struct {
		text string
		st   int
	}{{agency, sSub}, {clean(r.Title), sTitle}, {clean(r.Subtitle), sItalic}} {
		if t.text == "" {
			continue
		}
		set(1, row, t.text, t.st)
		merge(1, row, n, row)
		row++
	}
	for _, ln := range r.unitBlock(l) {
		set(1, row, ln, 0)
		merge(1, row, n, row)
		row++
	}
	if m := clean(r.Measure); m != "" {
		set(1, row, l.fill("report.measure", "unit", m), sItalic)
		merge(1, row, n, row)
		row++
	}
	row++
	head := row
	col := 1
	for _, h := range r.Head {
		if len(h.Sub) == 0 {
			set(col, head, clean(h.Text), sHead)
			set(col, head+1, "", sHead)
			merge(col, head, col, head+1)
			col++
			continue
		}
		set(col, head, clean(h.Text), sHead)
		for i, s := range h.Sub {
			if i > 0 {
				set(col+i, head, "", sHead)
			}
			set(col+i, head+1, clean(s), sHead)
		}
		merge(col, head, col+len(h.Sub)-1, head)
		col += len(h.Sub)
	}
	for i := range n {
		set(i+1, head+2, "("+strconv.Itoa(i+1)+")", sItalic)
	}
	row = head + 3
	put := func(vals []string, bold bool) {
		for i, v := range vals {
			v = clean(v)
			var cv any = v
			if n, perr := strconv.Atoi(v); perr == nil {
				cv = n
			}
			set(i+1, row, cv, styles[fmt.Sprint(bold, r.align(i))])
		}
		row++
	}
	for _, vals := range r.Rows {
		put(vals, false)
	}
	if r.Total != nil {
		put(r.Total, true)
	}
	row++
	for _, note := range r.Notes {
		set(1, row, clean(note), 0)
		row++
	}
	for _, c := range r.Charts {
		row++
		set(1, row, clean(c.Title), sSub)
		row++
		for _, b := range c.Bars {
			set(1, row, clean(b.Label), 0)
			set(2, row, clean(b.Text), 0)
			row++
		}
	}
	total := 0.0
	for _, w := range r.Widths {
		total += w
	}
	for i, w := range r.Widths {
		if err == nil {
			name, _ := excelize.ColumnNumberToName(i + 1)
			err = x.SetColWidth(sheet, name, name, max(7, w/total*180))
		}
	}
	if err == nil {
		err = x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: head + 2, TopLeftCell: cellName(1, head+3), ActivePane: "bottomLeft"})
	}
	if err != nil {
		return fail(err)
	}
	if _, err := x.WriteTo(out); err != nil {
		return fmt.Errorf("không ghi được tệp Excel báo cáo: %w", err)
	}
	return nil
}
