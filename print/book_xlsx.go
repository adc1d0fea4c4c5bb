package print

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// Layout of the book's sheet: three title rows (the form's number at the right of the
// first), two header rows, then the rows from bookFirstRow on.
const (
	bookHeadRow  = 4
	bookFirstRow = 6
	bookCols     = 14
)

// bookColWidths are the sheet's column widths, in characters.
var bookColWidths = [bookCols]float64{6, 20, 40, 24, 32, 22, 16, 16, 16, 16, 16, 14, 12, 20}

// WriteBookXLSX writes the tracking book for the rows yielded as an Excel
// workbook: a title block with "Mẫu số 07", the Mẫu 07 columns (the five dates grouped under
// "Ngày, tháng, năm"), one row per dossier with the dates as real Excel dates
// shown dd/mm/yyyy hh:mm, the header frozen and column widths set. Rows are
// streamed (excelize's StreamWriter) and not kept; progress (may be nil) is
// told how many rows are done every 100 rows and at the end.
func WriteBookXLSX(out io.Writer, b Book, rows func(yield func(BookRow) bool), progress func(done int)) error {
	if defaultsErr != nil {
		return defaultsErr
	}
	if b.Labels == nil {
		b.Labels = DefaultLabels()
	}
	l := b.Labels
	x := excelize.NewFile()
	defer x.Close()
	sheet := l.get("book.sheet")
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("không đặt được tên trang tính %q: %w", sheet, err)
	}
	fail := func(err error) error { return fmt.Errorf("không tạo được tệp Excel sổ theo dõi: %w", err) }
	// Before the stream writer: it keeps the worksheet's settings as they are when it starts.
	if err := bookPageSetup(x, sheet); err != nil {
		return fail(err)
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return fail(err)
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "bottom", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1}}
	style := func(s *excelize.Style) int {
		if err == nil {
			var id int
			id, err = x.NewStyle(s)
			return id
		}
		return 0
	}
	dateFmt := "dd/mm/yyyy hh:mm"
	sTitle := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	sSub := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 11}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	sHead := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 10}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	sText := style(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	sCenter := style(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}})
	sFormNo := style(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 10}, Alignment: &excelize.Alignment{Horizontal: "right"}})
	sDate := style(&excelize.Style{Border: border, CustomNumFmt: &dateFmt, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	if err != nil {
		return fail(err)
	}
	for i, w := range bookColWidths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return fail(err)
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: bookFirstRow - 1, TopLeftCell: cellName(1, bookFirstRow), ActivePane: "bottomLeft"}); err != nil {
		return fail(err)
	}

	// Title block: the agency, the book's title, and year, volume and period.
	title := bookTitle(b)
	agency := strings.ToUpper(clean(b.ParentName))
	if agency == "" {
		agency = l.get("header.unit")
	}
	first := make([]any, bookCols)
	first[0] = excelize.Cell{StyleID: sSub, Value: agency}
	first[bookCols-1] = excelize.Cell{StyleID: sFormNo, Value: l.get("book.form_no")}
	head := [][]any{
		first,
		{excelize.Cell{StyleID: sTitle, Value: title[0]}},
		{excelize.Cell{StyleID: sSub, Value: strings.Join(title[1:], " — ")}},
	}
	for i, r := range head {
		if err := sw.SetRow(cellName(1, i+1), r); err != nil {
			return fail(err)
		}
		last := bookCols
		if i == 0 {
			last = bookCols - 2 // the form's number keeps its cells
		}
		if err := sw.MergeCell(cellName(1, i+1), cellName(last, i+1)); err != nil {
			return fail(err)
		}
	}

	// Two header rows: single headings span both, the dates' group spans five.
	top, sub := make([]any, bookCols), make([]any, bookCols)
	col := 0
	for _, h := range bookTable(l).head {
		if len(h.sub) == 0 {
			top[col] = excelize.Cell{StyleID: sHead, Value: h.text}
			sub[col] = excelize.Cell{StyleID: sHead}
			if err := sw.MergeCell(cellName(col+1, bookHeadRow), cellName(col+1, bookHeadRow+1)); err != nil {
				return fail(err)
			}
			col++
			continue
		}
		for i, s := range h.sub {
			top[col+i] = excelize.Cell{StyleID: sHead}
			sub[col+i] = excelize.Cell{StyleID: sHead, Value: s}
		}
		top[col] = excelize.Cell{StyleID: sHead, Value: h.text}
		if err := sw.MergeCell(cellName(col+1, bookHeadRow), cellName(col+len(h.sub), bookHeadRow)); err != nil {
			return fail(err)
		}
		col += len(h.sub)
	}
	if err := sw.SetRow(cellName(1, bookHeadRow), top, excelize.RowOpts{Height: 20}); err != nil {
		return fail(err)
	}
	if err := sw.SetRow(cellName(1, bookHeadRow+1), sub, excelize.RowOpts{Height: 45}); err != nil {
		return fail(err)
	}

	date := func(t time.Time) excelize.Cell {
		if t.IsZero() {
			return excelize.Cell{StyleID: sDate}
		}
		return excelize.Cell{StyleID: sDate, Value: excelTime(t)}
	}
	text := func(s string) excelize.Cell { return excelize.Cell{StyleID: sText, Value: clean(s)} }
	done := 0
	vals := make([]any, bookCols)
	for r := range rows {
		vals[0] = excelize.Cell{StyleID: sCenter, Value: r.No}
		vals[1], vals[2], vals[3], vals[4], vals[5] = text(r.Code), text(r.Procedure), text(r.Applicant), text(r.AddressPhone), text(r.Agency)
		vals[6], vals[7], vals[8], vals[9], vals[10] = date(r.ReceivedAt), date(r.DueAt), date(r.TransferredAt), date(r.ResultAt), date(r.ReturnedAt)
		vals[11], vals[12], vals[13] = excelize.Cell{StyleID: sCenter, Value: clean(r.Method)}, excelize.Cell{StyleID: sText}, text(r.Note)
		if err := sw.SetRow(cellName(1, bookFirstRow+done), vals); err != nil {
			return fail(err)
		}
		if done++; progress != nil && done%bookEvery == 0 {
			progress(done)
		}
	}
	if progress != nil && done%bookEvery != 0 {
		progress(done)
	}
	if err := sw.Flush(); err != nil {
		return fail(err)
	}
	if _, err := x.WriteTo(out); err != nil {
		return fmt.Errorf("không ghi được tệp Excel sổ theo dõi: %w", err)
	}
	return nil
}

// bookPageSetup prints the sheet as the PDF is: A4 landscape, the columns fitted to the page's
// width (as many pages down as the rows need), the two header rows repeated on every page.
func bookPageSetup(x *excelize.File, sheet string) error {
	a4, landscape, one, tall := 9, "landscape", 1, 0
	if err := x.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := x.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	return x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, bookHeadRow, bookHeadRow+1)})
}

// excelTime is t's wall clock in Vietnam as a zone-less time: Excel dates
// have no zone, and excelize counts from a UTC epoch.
func excelTime(t time.Time) time.Time {
	v := t.In(vietnam)
	return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, time.UTC)
}

func cellName(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}
