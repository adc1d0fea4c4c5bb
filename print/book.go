package print

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// BookRow is one dossier in the tracking book (Mẫu 07). A zero time is a
// blank cell.
type BookRow struct {
	No           int // số thứ tự in the year's book
	Code         string
	Procedure    string
	Applicant    string
	AddressPhone string
	Agency       string // cơ quan chủ trì giải quyết
	ReceivedAt   time.Time
	DueAt        time.Time
	TransferredAt,
	ResultAt,
	ReturnedAt time.Time
	Method string // phương thức nhận kết quả: "Trực tiếp" / "Bưu chính"
	Note   string // ghi chú, e.g. the status or "Trễ hạn"
}

// Book is the title block of a yearly tracking book.
type Book struct {
	Header
	Labels   Labels // zero value = DefaultLabels()
	Year     int
	Volume   string    // quyển số
	From, To time.Time // the period exported; zero prints no period
	// Filter says what the export was narrowed to beyond the period ("thủ tục …; trễ hạn"),
	// printed under the title so that an extract is never taken for the whole book; "" for none.
	Filter string
}

// bookEvery is how many rows pass between two progress reports.
const bookEvery = 100

// bookTable is the Mẫu 07 table on A4 landscape (277 mm between margins).
func bookTable(l Labels) *table {
	return &table{
		widths:   []float64{8, 26, 34, 26, 29, 22, 17, 17, 17, 17, 17, 16, 16, 15},
		headSize: 8,
		pad:      0.8,
		head: []hcell{
			{text: l.get("book.col_no")}, {text: l.get("book.col_code")}, {text: l.get("book.col_procedure")},
			{text: l.get("book.col_applicant")}, {text: l.get("book.col_address")}, {text: l.get("book.col_agency")},
			{text: l.get("book.col_dates"), sub: []string{l.get("book.col_received"), l.get("book.col_due"),
				l.get("book.col_transferred"), l.get("book.col_result"), l.get("book.col_returned")}},
			{text: l.get("book.col_method")}, {text: l.get("book.col_sign")}, {text: l.get("book.col_note")},
		},
	}
}

// bookTitle is the title block's lines: title, year, volume and period.
func bookTitle(b Book) []string {
	l := b.Labels
	lines := []string{l.get("book.title"), l.fill("book.year", "year", strconv.Itoa(b.Year))}
	if v := clean(b.Volume); v != "" {
		lines = append(lines, l.fill("book.volume", "volume", v))
	}
	if !b.From.IsZero() && !b.To.IsZero() {
		lines = append(lines, l.fill("book.period", "from", l.shortDate(b.From), "to", l.shortDate(b.To)))
	}
	if f := clean(b.Filter); f != "" {
		lines = append(lines, l.fill("book.filter", "filter", f))
	}
	return lines
}

// WriteBookPDF writes the tracking book for the rows yielded, in book order,
// as an A4 landscape PDF: the book's title block, the Mẫu 06 columns with the
// header repeated on every page, rows that wrap, "Ký nhận" left for
// signatures, and "Trang x/y" on every page. Rows are taken one at a time
// from rows and not kept; progress (may be nil) is told how many rows are
// done every 100 rows and at the end. gofpdf itself keeps every page until
// the file is written (about 2 KB per row), so memory still grows with the
// period: measured peak 150 MB for 10,000 rows, 1 GB for 100,000 — export a
// whole busy year as .xlsx, or the PDF by month or quarter.
func WriteBookPDF(out io.Writer, b Book, rows func(yield func(BookRow) bool), progress func(done int)) error {
	if b.Labels == nil {
		b.Labels = DefaultLabels()
	}
	l := b.Labels
	pdf, err := newDoc("L", a4Size)
	if err != nil {
		return err
	}
	title := bookTitle(b)
	pdf.SetTitle(upperFirst(strings.ToLower(title[0]))+" "+strconv.Itoa(b.Year), true)
	pdf.SetMargins(a4Margin, a4Margin, a4Margin)
	pageFooter(pdf, l, "book.page", l.fill("book.footer", "year", strconv.Itoa(b.Year), "volume", l.orBlank(b.Volume)))
	pw, ph := pdf.GetPageSize()
	x, w := a4Margin, pw-2*a4Margin
	formNo(pdf, l.get("book.form_no"), x, w)
	pdf.AddPage()

	y := drawNumberedHeader(pdf, b.Header, l, time.Time{}, b.numberLine(l, "book", clean(b.Volume)), x, a4Margin, w*0.62)
	y = drawPara(pdf, para{runs: []run{{style: bold, text: title[0]}}, align: "C", size: 14, before: 2}, x, y, w)
	for _, s := range title[1:] {
		y = drawPara(pdf, para{runs: []run{{style: bold, text: s}}, align: "C", size: 10}, x, y, w)
	}

	t := bookTable(l)
	f := &flow{pdf: pdf, x: x, w: w, y: y + 3, bottom: ph - a4Margin - 1, head: t}
	f.y = t.drawHead(f, f.y)
	const size = 8
	txt := func(style, s string) cell { return textCell(style, clean(s), size, "L") }
	done := 0
	for r := range rows {
		f.row(t, []cell{
			textCell(regular, strconv.Itoa(r.No), size, "C"),
			txt(bold, r.Code), txt(regular, r.Procedure), txt(regular, r.Applicant), txt(regular, r.AddressPhone), txt(regular, r.Agency),
			dateCell(l, r.ReceivedAt, size), dateCell(l, r.DueAt, size), dateCell(l, r.TransferredAt, size),
			dateCell(l, r.ResultAt, size), dateCell(l, r.ReturnedAt, size),
			textCell(regular, clean(r.Method), size, "C"), nil, txt(regular, r.Note),
		}, 8)
		if done++; progress != nil && done%bookEvery == 0 {
			progress(done)
		}
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("không vẽ được sổ theo dõi (dòng %d): %w", done, err)
		}
	}
	if progress != nil && done%bookEvery != 0 {
		progress(done)
	}
	if err := pdf.Output(out); err != nil {
		return fmt.Errorf("không ghi được tệp PDF sổ theo dõi: %w", err)
	}
	return nil
}
