package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/app/desk"
	"motcua/store"
	"motcua/store/workday"
)

// bookScreen is the tracking book (Sổ theo dõi hồ sơ, Mẫu 06) on screen: one page at a time
// read from the store in book order (a year can hold 100,000 rows; none is loaded in full),
// the filters of the book, a search box, and the export to PDF and Excel with its progress.
type bookScreen struct {
	u    *ui
	root fyne.CanvasObject

	year       *widget.Select
	from, to   *field
	status     *widget.Select
	proc       *widget.Select
	procs      []store.Procedure
	official   *widget.Select
	offs       []store.Official
	lateOnly   *widget.Check
	filter     *keyEntry
	table      *widget.Table
	rows       []store.Dossier
	page       int // from 0
	total      int
	pageLabel  *widget.Label
	count      *widget.Label
	prev, next *widget.Button
	seq        int
	loading    bool // the filter widgets are being filled: their callbacks must not reload

	// The query under way: a newer one (another key, filter or page) cancels it, so that on a
	// large ledger the store stops reading for a result nobody will see.
	ctx    context.Context
	cancel context.CancelFunc
	typing *time.Timer // the filter box's pause (bookTypingPause) before it reads
	typed  int         // keys typed so far: a pause that ends after a newer key does nothing
	shown  string      // the filter box's text whose rows are on screen

	pdfBtn, xlsxBtn *widget.Button
	progress        *widget.ProgressBar
	exportMsg       *widget.Label
	openBtn         *widget.Button
	exported        string
}

// bookPage is how many rows one page of the book shows.
const bookPage = 100

// bookTypingPause is how long the filter box waits after a key before it reads the book: a
// word typed quickly reads once at its end, not once per letter (docs/BENCHMARKS.md: the last
// key's result is on screen within 150 ms of it on a million dossiers). Tests lengthen it and
// end the pause themselves (typingPaused).
var bookTypingPause = 60 * time.Millisecond

// bookWidths fit Mẫu 06's columns (bookHeads) to a 1366-pixel screen; the table scrolls for the rest.
var bookWidths = []float32{44, 168, 210, 190, 140, 100, 142, 100, 100, 100, 150, 150}

// bookOrder is the on-screen order of Mẫu 06's columns: the status stands beside the due time,
// where an official looks for it, and not past the right edge at 1366 pixels. Exports keep Mẫu 06's order.
var bookOrder = []int{0, 1, 2, 3, 5, 6, 10, 4, 7, 8, 9, 11}

func bookHeads() []string {
	return []string{lang.L("TT"), lang.L("Mã hồ sơ"), lang.L("Thủ tục"), lang.L("Người nộp"), lang.L("Địa chỉ - SĐT"),
		lang.L("Nhận"), lang.L("Hẹn trả"), lang.L("Chuyển"), lang.L("Có kết quả"), lang.L("Trả"), lang.L("Trạng thái"), lang.L("Ghi chú")}
}

func newBook(u *ui) *bookScreen {
	b := &bookScreen{u: u, count: widget.NewLabel(""), pageLabel: widget.NewLabel("")}
	reload := func(string) {
		if !b.loading {
			b.first()
		}
	}
	b.year = widget.NewSelect(nil, reload)
	b.from = newField(u, lang.L("Từ ngày"), lang.L("dd/mm/yyyy"))
	b.to = newField(u, lang.L("Đến ngày"), lang.L("dd/mm/yyyy"))
	b.from.entry.OnSubmitted = reload
	b.to.entry.OnSubmitted = reload
	b.status = widget.NewSelect(nil, reload)
	b.proc = widget.NewSelect(nil, reload)
	b.official = widget.NewSelect(nil, reload)
	b.lateOnly = widget.NewCheck(lang.L("Chỉ hồ sơ trễ hạn"), func(bool) { reload("") })
	b.filter = newKeyEntry(u.hot)
	b.filter.SetPlaceHolder(lang.L("Tìm mã, tên (có hoặc không dấu), CCCD, điện thoại…"))
	b.filter.OnChanged = func(string) { b.keyTyped() }

	heads := bookHeads()
	b.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(b.rows), len(heads) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			col := bookOrder[id.Col]
			l.SetText(b.cell(id.Row, col))
			imp := widget.MediumImportance
			if col == 10 && id.Row < len(b.rows) && b.late(b.rows[id.Row]) {
				imp = widget.DangerImportance
			}
			if l.Importance != imp {
				l.Importance = imp
				l.Refresh()
			}
		})
	b.table.ShowHeaderColumn = false
	b.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	b.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(heads) {
			o.(*widget.Label).SetText(heads[bookOrder[id.Col]])
		}
	}
	for c, data := range bookOrder {
		b.table.SetColumnWidth(c, bookWidths[data])
	}
	b.table.OnSelected = func(id widget.TableCellID) {
		b.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(b.rows) {
			u.openDossier(b.rows[id.Row])
		}
	}

	b.prev = widget.NewButtonWithIcon(lang.L("Trang trước"), theme.NavigateBackIcon(), func() { b.turn(-1) })
	b.next = widget.NewButtonWithIcon(lang.L("Trang sau"), theme.NavigateNextIcon(), func() { b.turn(1) })
	b.next.IconPlacement = widget.ButtonIconTrailingText
	b.pdfBtn = widget.NewButtonWithIcon(lang.L("Xuất PDF"), theme.DocumentSaveIcon(), func() { b.export(".pdf") })
	b.xlsxBtn = widget.NewButtonWithIcon(lang.L("Xuất Excel"), theme.DocumentSaveIcon(), func() { b.export(".xlsx") })
	b.progress = widget.NewProgressBar()
	b.progress.Hide()
	b.exportMsg = widget.NewLabel("")
	b.exportMsg.Truncation = fyne.TextTruncateEllipsis
	b.openBtn = widget.NewButtonWithIcon(lang.L("Mở"), theme.FileIcon(), func() {
		if b.exported != "" {
			if err := u.desk.OpenPDF(b.exported); err != nil {
				b.exportMsg.SetText(err.Error())
			}
		}
	})
	b.openBtn.Hide()

	b.root = b.layout()
	return b
}

func (b *bookScreen) layout() fyne.CanvasObject {
	title := widget.NewLabelWithStyle(lang.L("Sổ theo dõi hồ sơ"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lbl := widget.NewLabel
	date := func(f *field) fyne.CanvasObject {
		return container.NewVBox(container.NewGridWrap(fyne.NewSize(120, f.entry.MinSize().Height), f.entry), f.err)
	}
	wrap := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	row1 := container.NewHBox(lbl(lang.L("Năm")), wrap(90, b.year),
		lbl(b.from.label), date(b.from), lbl(b.to.label), date(b.to),
		lbl(lang.L("Trạng thái")), wrap(210, b.status), b.lateOnly)
	row2 := container.NewHBox(lbl(lang.L("Thủ tục")), wrap(300, b.proc), lbl(lang.L("Công chức")), wrap(200, b.official))
	search := container.NewBorder(nil, nil, nil, container.NewHBox(b.count), b.filter)
	pager := container.NewHBox(b.prev, b.pageLabel, b.next, layout.NewSpacer(), b.pdfBtn, b.xlsxBtn)
	exportRow := container.NewBorder(nil, nil, nil, b.openBtn, container.NewStack(b.progress, b.exportMsg))
	top := container.NewVBox(title, row1, container.NewBorder(nil, nil, row2, nil, search))
	bottom := container.NewVBox(pager, exportRow)
	return container.NewPadded(container.NewBorder(top, bottom, nil, nil, b.table))
}

// late tells whether a row is past its due time (closed late, or open and overdue).
func (b *bookScreen) late(d store.Dossier) bool {
	return d.Timeliness(now()).Late()
}

// day is a date for the book's columns, blank while the step has not happened.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(workday.Loc).Format("02/01/2006")
}

func (b *bookScreen) cell(r, c int) string {
	if r >= len(b.rows) {
		return ""
	}
	d := b.rows[r]
	switch c {
	case 0:
		return strconv.Itoa(d.BookNo)
	case 1:
		return d.Code
	case 2:
		return d.ProcedureName
	case 3:
		return d.Name
	case 4:
		if d.Phone == "" {
			return d.Address
		}
		return d.Address + " - " + d.Phone
	case 5:
		return day(d.ReceivedAt)
	case 6:
		return shortTime(d.DueAt)
	case 7:
		return day(d.TransferredAt)
	case 8:
		return day(d.ResolvedAt)
	case 9:
		return day(d.ReturnedAt)
	case 10:
		// Red alone does not say why; the word does, also for a colour-blind official.
		if b.late(d) {
			return lang.L("{{.Status}} · trễ hạn", map[string]string{"Status": d.StatusName})
		}
		return d.StatusName
	case 11:
		return bookNote(d)
	}
	return ""
}

// bookNote is the Ghi chú column: what an official would pencil in the paper book.
func bookNote(d store.Dossier) string {
	var parts []string
	if t := d.Timeliness(now()); t.Late() {
		parts = append(parts, store.TimelinessName(t))
	}
	if d.Rescheduled {
		parts = append(parts, lang.L("Đã hẹn lại"))
	}
	if d.Supplements > 0 {
		parts = append(parts, lang.L("Bổ sung {{.N}} lần", map[string]int{"N": d.Supplements}))
	}
	if d.Recipient != "" && d.Recipient != d.Name {
		parts = append(parts, lang.L("Người nhận: {{.Who}}", map[string]string{"Who": d.Recipient}))
	}
	return strings.Join(parts, "; ")
}

// load fills the filter choices (years, procedures, officials) and shows the first page.
func (b *bookScreen) load() {
	ctx := context.Background()
	goAsync(func() {
		procs, err1 := b.u.st.Procedures(ctx)
		offs, err2 := b.u.st.Officials(ctx)
		uiDo(func() {
			if err1 == nil && err2 == nil {
				b.setChoices(procs, offs)
			}
			b.first()
		})
	})
}

func (b *bookScreen) setChoices(procs []store.Procedure, offs []store.Official) {
	b.loading = true
	defer func() { b.loading = false }()
	all := lang.L("Tất cả")
	if b.year.Selected == "" {
		y := now().In(workday.Loc).Year()
		var years []string
		for i := range 6 {
			years = append(years, strconv.Itoa(y-i))
		}
		b.year.SetOptions(append(years, all))
		b.year.SetSelected(strconv.Itoa(y))
	}
	if len(b.status.Options) == 0 {
		opts := []string{all}
		for s := store.StatusReceived; s <= store.StatusReturned; s++ {
			if s != store.StatusFinancial {
				opts = append(opts, store.StatusName(s))
			}
		}
		b.status.SetOptions(opts)
		b.status.SetSelected(all)
	}
	b.procs = procs
	popts := []string{all}
	for _, p := range procs {
		popts = append(popts, p.Name)
	}
	was := b.proc.Selected
	b.proc.SetOptions(popts)
	b.proc.SetSelected(all)
	if was != "" {
		b.proc.SetSelected(was)
	}
	b.offs = offs
	oopts := []string{all}
	for _, o := range offs {
		oopts = append(oopts, o.FullName)
	}
	was = b.official.Selected
	b.official.SetOptions(oopts)
	b.official.SetSelected(all)
	if was != "" {
		b.official.SetSelected(was)
	}
}

// forget puts every filter back to the whole current year and forgets the last export:
// another official logged in.
func (b *bookScreen) forget() {
	b.loading = true
	all := lang.L("Tất cả")
	if len(b.year.Options) > 0 {
		b.year.SetSelected(strconv.Itoa(now().In(workday.Loc).Year()))
	}
	for _, s := range []*widget.Select{b.status, b.proc, b.official} {
		if len(s.Options) > 0 {
			s.SetSelected(all)
		}
	}
	b.from.entry.SetText("")
	b.to.entry.SetText("")
	b.from.setError("")
	b.to.setError("")
	b.lateOnly.SetChecked(false)
	b.filter.SetText("")
	b.page = 0
	b.exported = ""
	b.exportMsg.SetText("")
	b.openBtn.Hide()
	b.loading = false
}

// parseDay reads "dd/mm/yyyy" (also d/m/yyyy); empty is no bound.
func parseDay(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"02/01/2006", "2/1/2006"} {
		if t, err := time.ParseInLocation(layout, s, workday.Loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("bad date")
}

// bookFilter is what the filters say now; a bad date is named under its entry.
func (b *bookScreen) bookFilter() (store.BookFilter, bool) {
	f := store.BookFilter{By: b.u.actorLogin()}
	if y, err := strconv.Atoi(b.year.Selected); err == nil {
		f.Year = y
	}
	ok := true
	for _, p := range []struct {
		fl *field
		t  *time.Time
	}{{b.from, &f.From}, {b.to, &f.To}} {
		t, err := parseDay(p.fl.entry.Text)
		if err != nil {
			p.fl.setError(lang.L("{{.Field}}: gõ ngày theo dạng 31/12/2026.", map[string]string{"Field": p.fl.label}))
			ok = false
			continue
		}
		p.fl.setError("")
		*p.t = t
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		b.to.setError(lang.L("Đến ngày phải sau Từ ngày."))
		ok = false
	}
	for s := store.StatusReceived; s <= store.StatusReturned; s++ {
		if b.status.Selected == store.StatusName(s) {
			f.Status = s
		}
	}
	if i := b.proc.SelectedIndex(); i > 0 && i-1 < len(b.procs) {
		f.ProcedureID = b.procs[i-1].ID
	}
	if i := b.official.SelectedIndex(); i > 0 && i-1 < len(b.offs) {
		f.Official = b.offs[i-1].Login
	}
	f.LateOnly = b.lateOnly.Checked
	f.Query = strings.TrimSpace(b.filter.Text)
	return f, ok
}

// first shows page 1 of what the filters select.
func (b *bookScreen) first() {
	b.page = 0
	b.fetch()
}

func (b *bookScreen) turn(delta int) {
	p := b.page + delta
	if p < 0 || p*bookPage >= b.total {
		return
	}
	b.page = p
	b.fetch()
}

func (b *bookScreen) pages() int {
	return max(1, (b.total+bookPage-1)/bookPage)
}

// keyTyped is the filter box's OnChanged: the query under way is stale at once and stops; the
// book is read when no key follows within bookTypingPause.
func (b *bookScreen) keyTyped() {
	if b.loading {
		return
	}
	b.stop()
	b.typed++
	typed := b.typed
	if b.typing != nil {
		b.typing.Stop()
	}
	b.typing = time.AfterFunc(bookTypingPause, func() {
		uiDo(func() {
			if typed == b.typed {
				b.first()
			}
		})
	})
}

// stop cancels the query under way, if any; its answer will not be shown.
func (b *bookScreen) stop() {
	b.seq++
	if b.cancel != nil {
		b.cancel()
		b.cancel = nil
	}
}

// fetch reads the count and the current page. It cancels the query under way (its context ends,
// so the store stops reading), and an older answer arriving late is dropped.
func (b *bookScreen) fetch() {
	f, ok := b.bookFilter()
	if !ok {
		return
	}
	b.stop()
	seq, page := b.seq, b.page
	ctx, cancel := context.WithCancel(context.Background())
	b.ctx, b.cancel = ctx, cancel
	goAsync(func() {
		defer cancel()
		n, err := b.u.st.BookCount(ctx, f)
		var rows []store.Dossier
		if err == nil {
			rows, err = b.u.st.Book(ctx, f, page*bookPage, bookPage)
		}
		uiDo(func() {
			if seq != b.seq {
				return
			}
			if err != nil {
				b.count.SetText(err.Error())
				return
			}
			b.rows, b.total, b.shown = rows, n, f.Query
			b.count.SetText(lang.L("{{.N}} hồ sơ", map[string]int{"N": n}))
			b.pageLabel.SetText(lang.L("Trang {{.Page}}/{{.Pages}}", map[string]int{"Page": page + 1, "Pages": b.pages()}))
			if page > 0 {
				b.prev.Enable()
			} else {
				b.prev.Disable()
			}
			if (page+1)*bookPage < n {
				b.next.Enable()
			} else {
				b.next.Disable()
			}
			b.table.Refresh()
			b.table.ScrollToTop()
		})
	})
}

// exportPath names the file in the data folder's exports/ after the book's year, whether it is
// an extract (the filters keep part of the period, which the paper says too) and the moment.
func (b *bookScreen) exportPath(f store.BookFilter, ext string) string {
	name := lang.L("so-theo-doi")
	if f.Year != 0 {
		name += "-" + strconv.Itoa(f.Year)
	}
	if desk.BookFiltered(f) {
		name += "-" + lang.L("ban-trich")
	}
	name += "-" + now().In(workday.Loc).Format("20060102-150405") + ext
	return filepath.Join(b.u.desk.Dir, "exports", name)
}

// export writes what the filters select (every page) as .pdf or .xlsx, showing its progress.
func (b *bookScreen) export(ext string) {
	f, ok := b.bookFilter()
	if !ok {
		return
	}
	path := b.exportPath(f, ext)
	b.pdfBtn.Disable()
	b.xlsxBtn.Disable()
	b.openBtn.Hide()
	b.exportMsg.SetText("")
	b.progress.SetValue(0)
	b.progress.Show()
	ctx := context.Background()
	goAsync(func() {
		err := b.u.desk.ExportBook(ctx, f, path, func(done, total int) {
			uiDo(func() {
				if total > 0 {
					b.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		uiDo(func() {
			b.pdfBtn.Enable()
			b.xlsxBtn.Enable()
			b.progress.Hide()
			if err != nil {
				b.exported = ""
				b.exportMsg.SetText(lang.L("Chưa xuất được sổ: {{.Err}}", map[string]string{"Err": err.Error()}))
				b.exportMsg.Importance = widget.DangerImportance
				b.exportMsg.Refresh()
				return
			}
			b.exported = path
			b.exportMsg.SetText(lang.L("Đã xuất sổ ra tệp {{.Path}}", map[string]string{"Path": path}))
			b.exportMsg.Importance = widget.SuccessImportance
			b.exportMsg.Refresh()
			b.openBtn.Show()
		})
	})
}
