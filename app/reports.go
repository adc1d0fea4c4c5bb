package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/app/desk"
	"motcua/store"
	"motcua/store/workday"
)

// reportsScreen is "Báo cáo": a period (month, quarter, year or chosen days), three tabs —
// Biểu II.06a per procedure, the officials side by side, citizens' satisfaction — each with its
// chart, and PDF/Excel export. What a leader asks ("who kept deadlines and pleased citizens this
// quarter, which procedures run late") is on the first screen of a tab. An official without
// PermReportAll sees only the Cán bộ tab, with their own scorecard (PermReportOwn).
type reportsScreen struct {
	u    *ui
	root fyne.CanvasObject

	kind     *widget.Select // Tháng, Quý, Năm, Tùy chọn
	which    *widget.Select
	from, to *widget.Entry
	custom   *fyne.Container
	msg      *widget.Label
	tabs     *container.AppTabs
	all      []reportTab // every tab; applyRole shows those the official may see
	own      bool        // the official sees only their own scorecard

	ii06aTable *widget.Table
	ii06aChart *fyne.Container
	offTable   *widget.Table
	offSort    *widget.Select
	offSortBar *fyne.Container
	offDetail  *widget.Label
	offChart   *fyne.Container
	satTable   *widget.Table
	satFit     *fitColumns
	satChart   *fyne.Container

	pdfBtn, xlsxBtn *widget.Button
	progress        *widget.ProgressBar
	exportMsg       *widget.Label

	active bool // shown at least once: nothing is computed before the leader opens Báo cáo
	data   map[string]desk.ReportData
	ii06a  [][]string
	off    []store.Scorecard
	sat    [][2]string
	seq    int
}

// reportTab is a tab of the screen and the report kind it shows.
type reportTab struct {
	item *container.TabItem
	kind string
}

// Period kinds, in the picker's order.
var periodKinds = []string{"Tháng", "Quý", "Năm", "Tùy chọn"}

func newReports(u *ui) *reportsScreen {
	r := &reportsScreen{u: u, data: map[string]desk.ReportData{}}
	kinds := make([]string, len(periodKinds))
	for i, k := range periodKinds {
		kinds[i] = lang.L(k)
	}
	r.which = widget.NewSelect(nil, func(string) { r.load() })
	r.from, r.to = widget.NewEntry(), widget.NewEntry()
	r.from.SetPlaceHolder("01/01/2026")
	r.to.SetPlaceHolder("31/03/2026")
	r.from.OnSubmitted = func(string) { r.load() }
	r.to.OnSubmitted = func(string) { r.load() }
	r.custom = container.NewHBox(widget.NewLabel(lang.L("Từ ngày")), sized(r.from, 120), widget.NewLabel(lang.L("đến ngày")), sized(r.to, 120),
		widget.NewButtonWithIcon(lang.L("Xem"), theme.ViewRefreshIcon(), r.load))
	r.kind = widget.NewSelect(kinds, func(string) { r.periodKindChanged() })
	r.msg = widget.NewLabel("")
	r.msg.Wrapping = fyne.TextWrapWord

	r.pdfBtn = widget.NewButtonWithIcon(lang.L("Xuất PDF"), theme.DocumentPrintIcon(), func() { r.export(".pdf") })
	r.xlsxBtn = widget.NewButtonWithIcon(lang.L("Xuất Excel"), theme.DocumentSaveIcon(), func() { r.export(".xlsx") })
	r.progress = widget.NewProgressBar()
	r.progress.Hide()
	r.exportMsg = widget.NewLabel("")
	r.exportMsg.Truncation = fyne.TextTruncateEllipsis

	r.ii06aTable = r.newTable(ii06aHeads(), []float32{40, 96, 216, 56, 56, 56, 56, 66, 56, 56, 56, 84, 56, 56, 70, 76}, 3,
		func() [][]string { return r.ii06a }, nil)
	r.ii06aChart = container.NewVBox()
	r.offTable = r.newTable(officialHeads(), []float32{40, 150, 60, 60, 70, 66, 60, 60, 60, 80, 78, 76, 60, 82, 76, 84}, 2,
		func() [][]string { return r.officialRows() }, func(row int) { r.showOfficial(row) })
	r.offSort = widget.NewSelect([]string{lang.L("Tên"), lang.L("Tỷ lệ đúng hạn"), lang.L("Mức hài lòng")}, func(string) { r.sortOfficials() })
	r.offChart = container.NewVBox()
	r.offSort.SetSelectedIndex(1)
	r.offDetail = widget.NewLabel(lang.L("Chọn một cán bộ để xem hồ sơ quá hạn và ý kiến không hài lòng."))
	r.offDetail.Wrapping = fyne.TextWrapWord
	satHeads := []string{lang.L("STT"), lang.L("Chỉ tiêu"), lang.L("Kết quả")}
	satRows := func() [][]string {
		out := make([][]string, len(r.sat))
		for i, it := range r.sat {
			out[i] = []string{strconv.Itoa(i + 1), it[0], it[1]}
		}
		return out
	}
	r.satTable = r.newTable(satHeads, []float32{40, 460, 150}, 2, satRows, nil)
	r.satFit = &fitColumns{table: r.satTable, heads: satHeads, rows: satRows, stretch: 1}
	r.satChart = container.NewVBox()

	split := func(top, bottom fyne.CanvasObject, offset float64) fyne.CanvasObject {
		s := container.NewVSplit(top, container.NewVScroll(bottom))
		s.Offset = offset
		return s
	}
	r.offSortBar = container.NewHBox(widget.NewLabel(lang.L("Sắp xếp theo")), sized(r.offSort, 200))
	offTop := container.NewBorder(r.offSortBar, nil, nil, nil, r.offTable)
	offBottom := container.NewGridWithColumns(2, r.offDetail, r.offChart)
	r.all = []reportTab{
		{container.NewTabItem(lang.L("Biểu II.06a"), split(r.ii06aTable, r.ii06aChart, 0.55)), desk.ReportII06a},
		{container.NewTabItem(lang.L("Cán bộ"), split(offTop, offBottom, 0.62)), desk.ReportOfficials},
		{container.NewTabItem(lang.L("Hài lòng"), container.NewGridWithColumns(2, container.New(r.satFit, r.satTable), container.NewVScroll(r.satChart))), desk.ReportSatisfaction},
	}
	r.tabs = container.NewAppTabs()
	for _, t := range r.all {
		r.tabs.Append(t.item)
	}
	r.tabs.OnSelected = func(*container.TabItem) { r.load() }
	bar := container.NewHBox(widget.NewLabelWithStyle(lang.L("Kỳ báo cáo"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		r.kind, sized(r.which, 170), r.custom, layout.NewSpacer(), r.pdfBtn, r.xlsxBtn)
	foot := container.NewBorder(nil, nil, nil, sized(r.progress, 160), r.exportMsg)
	r.root = container.NewBorder(container.NewVBox(bar, r.msg), foot, nil, nil, r.tabs)
	r.kind.SetSelectedIndex(1) // a quarter: what the ward files
	return r
}

// applyRole fits the screen to the official now logged in: a leader (PermReportAll) has every
// tab and the export; anyone else only the Cán bộ tab with their own scorecard (PermReportOwn),
// without export (the desk exports every official's). What the last official saw is cleared,
// and nothing is read until the screen is opened.
func (r *reportsScreen) applyRole() {
	r.active = false
	r.own = !r.u.can(store.PermReportAll)
	var items []*container.TabItem
	for _, t := range r.all {
		if !r.own || t.kind == desk.ReportOfficials {
			items = append(items, t.item)
		}
	}
	r.tabs.SetItems(items)
	r.tabs.SelectIndex(0)
	for _, o := range []fyne.CanvasObject{r.pdfBtn, r.xlsxBtn, r.offSortBar} {
		if r.own {
			o.Hide()
		} else {
			o.Show()
		}
	}
	r.seq++ // an answer still on its way was for the last official
	r.data = map[string]desk.ReportData{}
	r.ii06a, r.off, r.sat = nil, nil, nil
	r.offDetail.SetText(lang.L("Chọn một cán bộ để xem hồ sơ quá hạn và ý kiến không hài lòng."))
	r.exportMsg.SetText("")
	r.say("", false)
	for _, t := range []*widget.Table{r.ii06aTable, r.offTable, r.satTable} {
		t.UnselectAll()
		t.Refresh()
	}
	setChart(r.ii06aChart, lang.L("Tỷ lệ giải quyết đúng hạn theo tháng"), nil, 1)
	setChart(r.offChart, lang.L("Tỷ lệ người dân hài lòng theo cán bộ"), nil, 1)
	setChart(r.satChart, lang.L("Tỷ lệ các mức đánh giá"), nil, 100)
}

// open shows the screen: the report of the selected tab for the chosen period, read again
// (dossiers and ratings change all day).
func (r *reportsScreen) open() {
	r.active = true
	r.load()
}

// sized gives o a minimum width.
func sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

// periodKindChanged fills the second picker (the months, quarters or years around today) or
// shows the date entries.
func (r *reportsScreen) periodKindChanged() {
	t := now().In(workday.Loc)
	var opts []string
	switch r.kind.SelectedIndex() {
	case 0:
		for i := 0; i < 24; i++ {
			m := time.Date(t.Year(), t.Month()-time.Month(i), 1, 0, 0, 0, 0, workday.Loc)
			opts = append(opts, m.Format("01/2006"))
		}
	case 1:
		q := (int(t.Month())-1)/3 + 1
		y := t.Year()
		for i := 0; i < 8; i++ {
			opts = append(opts, lang.L("Quý {{.Q}}/{{.Y}}", map[string]int{"Q": q, "Y": y}))
			if q--; q == 0 {
				q, y = 4, y-1
			}
		}
	case 2:
		for i := 0; i < 10; i++ {
			opts = append(opts, strconv.Itoa(t.Year()-i))
		}
	}
	if r.kind.SelectedIndex() == 3 {
		r.which.Hide()
		r.custom.Show()
		if r.from.Text == "" {
			r.from.SetText(time.Date(t.Year(), 1, 1, 0, 0, 0, 0, workday.Loc).Format("02/01/2006"))
			r.to.SetText(t.Format("02/01/2006"))
		}
		r.load()
		return
	}
	r.custom.Hide()
	r.which.Show()
	r.which.Options = opts
	r.which.SetSelectedIndex(0) // loads
}

// period is the chosen period's first and last day; ok is false (with a message) when the
// chosen days cannot be read.
func (r *reportsScreen) period() (from, to time.Time, ok bool) {
	t := now().In(workday.Loc)
	i := r.which.SelectedIndex()
	switch r.kind.SelectedIndex() {
	case 0:
		from = time.Date(t.Year(), t.Month()-time.Month(i), 1, 0, 0, 0, 0, workday.Loc)
		return from, from.AddDate(0, 1, -1), true
	case 1:
		q := (int(t.Month())-1)/3 - i
		from = time.Date(t.Year(), time.Month(3*q+1), 1, 0, 0, 0, 0, workday.Loc)
		return from, from.AddDate(0, 3, -1), true
	case 2:
		from = time.Date(t.Year()-i, 1, 1, 0, 0, 0, 0, workday.Loc)
		return from, from.AddDate(1, 0, -1), true
	}
	var err1, err2 error
	from, err1 = time.ParseInLocation("02/01/2006", strings.TrimSpace(r.from.Text), workday.Loc)
	to, err2 = time.ParseInLocation("02/01/2006", strings.TrimSpace(r.to.Text), workday.Loc)
	if err1 != nil || err2 != nil {
		r.say(lang.L("Ngày bắt đầu và ngày kết thúc phải có dạng ngày/tháng/năm, ví dụ 31/03/2026."), true)
		return from, to, false
	}
	return from, to, true
}

// current is the report kind of the selected tab.
func (r *reportsScreen) current() string {
	sel := r.tabs.Selected()
	for _, t := range r.all {
		if t.item == sel {
			return t.kind
		}
	}
	return desk.ReportOfficials
}

func (r *reportsScreen) say(text string, bad bool) {
	r.msg.SetText(text)
	r.msg.Importance = widget.MediumImportance
	if bad {
		r.msg.Importance = widget.DangerImportance
	}
	r.msg.Refresh()
}

// load reads the selected tab's report for the period, as the official at the counter.
func (r *reportsScreen) load() {
	if !r.active || r.tabs == nil {
		return
	}
	from, to, ok := r.period()
	if !ok {
		return
	}
	r.seq++
	seq := r.seq
	kind := r.current()
	by := r.u.actorLogin()
	own := r.own
	r.say(lang.L("Đang tính…"), false)
	goAsync(func() {
		var data desk.ReportData
		var err error
		if own && kind == desk.ReportOfficials {
			// Only one's own scorecard: the desk's report asks for everyone's.
			data = desk.ReportData{Kind: kind, From: from, To: to}
			data.Officials, err = r.u.st.Scorecards(context.Background(), by, from, to, by)
		} else {
			data, err = r.u.desk.LoadReport(context.Background(), kind, by, from, to)
		}
		fyne.Do(func() {
			if seq != r.seq {
				return
			}
			if err != nil {
				r.say(store.Explain(err).Error(), true)
				r.show(desk.ReportData{Kind: kind})
				return
			}
			r.say(lang.L("Kỳ báo cáo: từ ngày {{.From}} đến ngày {{.To}}", map[string]string{
				"From": from.Format("02/01/2006"), "To": to.Format("02/01/2006")}), false)
			r.data[kind] = data
			r.show(data)
		})
	})
}

// show puts a report's figures in its tab.
func (r *reportsScreen) show(d desk.ReportData) {
	switch d.Kind {
	case desk.ReportII06a:
		r.ii06a = nil
		var bars []chartBar
		if d.II06a != nil {
			for i, row := range d.II06a.Rows {
				r.ii06a = append(r.ii06a, append([]string{strconv.Itoa(i + 1)}, desk.II06aCells(row)...))
			}
			tot := desk.II06aCells(d.II06a.Total)
			tot[0], tot[1] = lang.L("Tổng cộng"), ""
			r.ii06a = append(r.ii06a, append([]string{""}, tot...))
			for _, m := range d.Months {
				t, _ := time.Parse("2006-01", m.Month)
				txt := "—"
				if m.Resolved > 0 {
					txt = desk.Percent(m.Rate)
				}
				bars = append(bars, chartBar{t.Format("01/2006"), m.Rate, txt})
			}
		}
		setChart(r.ii06aChart, lang.L("Tỷ lệ giải quyết đúng hạn theo tháng"), bars, 1)
		fitRows(r.ii06aTable, len(r.ii06a))
	case desk.ReportOfficials:
		r.off = d.Officials
		r.sortOfficials()
		if r.own && len(r.off) == 1 {
			r.showOfficial(0) // one's own row: nothing to choose
		}
	case desk.ReportSatisfaction:
		r.sat = nil
		var bars []chartBar
		if d.Satisfaction != nil {
			r.sat = desk.SatisfactionItems(nil, *d.Satisfaction)
			for _, lv := range []int{store.LevelVerySatisfied, store.LevelSatisfied, store.LevelDissatisfied} {
				bars = append(bars, chartBar{store.LevelName(lv), d.Satisfaction.LevelPct[lv], desk.LevelPct(*d.Satisfaction, lv)})
			}
		}
		setChart(r.satChart, lang.L("Tỷ lệ các mức đánh giá"), bars, 100)
		r.satFit.fit()
		fitRows(r.satTable, len(r.sat))
	}
}

// sortOfficials orders the scorecards by the chosen key (best first) and redraws the table and
// the chart of satisfaction by official.
func (r *reportsScreen) sortOfficials() {
	switch r.offSort.SelectedIndex() {
	case 1:
		sort.SliceStable(r.off, func(i, j int) bool { return r.off[i].OnTimeRate > r.off[j].OnTimeRate })
	case 2:
		sort.SliceStable(r.off, func(i, j int) bool { return r.off[i].SatisfiedRate() > r.off[j].SatisfiedRate() })
	default:
		sort.SliceStable(r.off, func(i, j int) bool { return r.off[i].Name < r.off[j].Name })
	}
	var bars []chartBar
	for _, c := range r.off {
		if c.Ratings > 0 {
			bars = append(bars, chartBar{c.Name, c.SatisfiedRate(), fmt.Sprintf("%s (%d)", desk.Percent(c.SatisfiedRate()), c.Ratings)})
		}
	}
	setChart(r.offChart, lang.L("Tỷ lệ người dân hài lòng theo cán bộ"), bars, 1)
	if r.offTable != nil {
		r.offTable.UnselectAll()
		fitRows(r.offTable, len(r.off))
	}
}

func (r *reportsScreen) officialRows() [][]string {
	out := make([][]string, len(r.off))
	for i, c := range r.off {
		out[i] = append([]string{strconv.Itoa(i + 1)}, desk.ScorecardCells(c)...)
	}
	return out
}

// showOfficial lists one official's late dossiers, complaints and conduct under the table.
func (r *reportsScreen) showOfficial(i int) {
	if i < 0 || i >= len(r.off) {
		return
	}
	c := r.off[i]
	none := lang.L("không có")
	join := func(s []string, sep string) string {
		if len(s) == 0 {
			return none
		}
		return strings.Join(s, sep)
	}
	r.offDetail.SetText(lang.L("{{.Name}}\nHồ sơ quá hạn: {{.Late}}\nÝ kiến không hài lòng: {{.Complaints}}\nỨng xử được ghi nhận nhiều nhất: {{.Top}}; ít nhất: {{.Bottom}}",
		map[string]string{"Name": c.Name, "Late": join(c.LateCodes, ", "), "Complaints": join(c.Complaints, "\n  "),
			"Top": join(c.TopConduct, ", "), "Bottom": join(c.BottomConduct, ", ")}))
}

// newTable is a read-only table with a header row, its first textCols columns text (the rest
// figures, aligned right); onSelect (may be nil) hears the data row.
func (r *reportsScreen) newTable(heads []string, widths []float32, textCols int, rows func() [][]string, onSelect func(int)) *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(rows()), len(heads) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			rs := rows()
			if id.Row >= len(rs) || id.Col >= len(rs[id.Row]) {
				l.SetText("")
				return
			}
			l.Alignment = fyne.TextAlignTrailing
			if id.Col < textCols {
				l.Alignment = fyne.TextAlignLeading
			}
			l.TextStyle.Bold = rs[id.Row][0] == ""
			l.SetText(rs[id.Row][id.Col])
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabelWithStyle("\n", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		return l
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(heads) {
			o.(*widget.Label).SetText(heads[id.Col])
		}
	}
	for i, w := range widths {
		t.SetColumnWidth(i, w)
	}
	if onSelect != nil {
		t.OnSelected = func(id widget.TableCellID) { onSelect(id.Row) }
	}
	return t
}

// Headings on two lines, so that sixteen columns fit 1366 pixels without cutting words.
func ii06aHeads() []string {
	return []string{lang.L("STT"), lang.L("Lĩnh vực"), lang.L("Thủ tục hành chính"), lang.L("Tiếp\nnhận"), lang.L("Trực\ntuyến"),
		lang.L("Trực\ntiếp"), lang.L("Kỳ\ntrước"), lang.L("Đã giải\nquyết"), lang.L("Trước\nhạn"), lang.L("Đúng\nhạn"), lang.L("Quá\nhạn"),
		lang.L("Đang\ngiải quyết"), lang.L("Trong\nhạn"), lang.L("Quá\nhạn"), lang.L("Từ chối,\nrút"), lang.L("Tỷ lệ\nđúng hạn")}
}

func officialHeads() []string {
	return []string{lang.L("STT"), lang.L("Cán bộ"), lang.L("Tiếp\nnhận"), lang.L("Bàn\ngiao"), lang.L("Trả\nkết quả"),
		lang.L("Đã giải\nquyết"), lang.L("Trước\nhạn"), lang.L("Đúng\nhạn"), lang.L("Quá\nhạn"), lang.L("Tỷ lệ\nđúng hạn"),
		lang.L("Lượt\nđánh giá"), lang.L("Rất\nhài lòng"), lang.L("Hài\nlòng"), lang.L("Không\nhài lòng"), lang.L("Điểm\n(thang 6)"), lang.L("Mức hoàn\nthành")}
}

// fitRows keeps data rows one line high: the table would otherwise size every row like the
// two-line header.
func fitRows(t *widget.Table, n int) {
	h := widget.NewLabel("0").MinSize().Height
	for i := 0; i < n; i++ {
		t.SetRowHeight(i, h)
	}
	t.Refresh()
}

// fitColumns lays a table over its whole space and gives its columns widths from their content
// and that space: each column as wide as its widest text (heading included), the stretch column
// what is left (its long texts end in "…"), so that no column is cut off at the right edge.
type fitColumns struct {
	table   *widget.Table
	heads   []string
	rows    func() [][]string
	stretch int
	width   float32   // the space the table has, from the last Layout
	widths  []float32 // the widths given
}

func (f *fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != f.width {
		f.width = size.Width
		f.fit()
	}
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (f *fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}

// fit sets the widths for the table's content now and the last known space.
func (f *fitColumns) fit() {
	if f.width <= 0 {
		return
	}
	// A label's own minimum width, and a little more: at exactly that width, rounding on the
	// screen's pixels can make it cut its last characters.
	textWidth := func(s string, bold bool) float32 {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold}).MinSize().Width + theme.Padding()
	}
	w := make([]float32, len(f.heads))
	for c, h := range f.heads {
		w[c] = textWidth(h, true)
	}
	for _, row := range f.rows() {
		for c := range w {
			if c < len(row) && c != f.stretch {
				w[c] = max(w[c], textWidth(row[c], row[0] == ""))
			}
		}
	}
	// Between columns a separator; at the right the vertical scroll bar may cover the last pixels.
	rest := f.width - float32(len(w))*theme.SeparatorThicknessSize() - theme.ScrollBarSize()
	for c := range w {
		if c != f.stretch {
			rest -= w[c]
		}
	}
	w[f.stretch] = max(rest, textWidth(f.heads[f.stretch], true))
	f.widths = w
	for c, x := range w {
		f.table.SetColumnWidth(c, x)
	}
}

// chartBar is one bar of an on-screen chart.
type chartBar struct {
	label string
	value float64
	text  string
}

// setChart fills c with a title and one canvas bar per value (full length = full).
func setChart(c *fyne.Container, title string, bars []chartBar, full float64) {
	c.Objects = []fyne.CanvasObject{widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	if len(bars) == 0 {
		c.Objects = append(c.Objects, widget.NewLabel(lang.L("Chưa có số liệu trong kỳ.")))
	}
	for _, b := range bars {
		track := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
		frac := 0.0
		if full > 0 {
			frac = min(1, max(0, b.value/full))
		}
		lbl := widget.NewLabel(b.label)
		lbl.Truncation = fyne.TextTruncateEllipsis
		val := widget.NewLabelWithStyle(b.text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		row := container.NewBorder(nil, nil, sized(lbl, 170), sized(val, 90),
			container.New(&fracLayout{frac: float32(frac)}, track, bar))
		c.Objects = append(c.Objects, row)
	}
	c.Refresh()
}

// fracLayout lays its first object over the whole space (the track) and its second over frac
// of the width (the bar), both 60% of the height, centred.
type fracLayout struct{ frac float32 }

func (f *fracLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := size.Height * 0.6
	y := (size.Height - h) / 2
	for i, o := range objs {
		w := size.Width
		if i == 1 {
			w *= f.frac
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(w, h))
	}
}

func (f *fracLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(60, 28) }

// reportFileName names an exported report in the window's language, every word of it:
// "bao-cao-hai-long-20260101-20260331.pdf".
func reportFileName(kind string, from, to time.Time, ext string) string {
	name := map[string]string{
		desk.ReportII06a:        lang.L("bao-cao-ii06a"),
		desk.ReportOfficials:    lang.L("bao-cao-can-bo"),
		desk.ReportSatisfaction: lang.L("bao-cao-hai-long"),
	}[kind]
	return fmt.Sprintf("%s-%s-%s%s", name, from.Format("20060102"), to.Format("20060102"), ext)
}

// export writes the selected tab's report as .pdf or .xlsx into the data folder's exports.
func (r *reportsScreen) export(ext string) {
	from, to, ok := r.period()
	if !ok {
		return
	}
	kind := r.current()
	path := filepath.Join(r.u.desk.Dir, "exports", reportFileName(kind, from, to, ext))
	by := r.u.actorLogin()
	r.pdfBtn.Disable()
	r.xlsxBtn.Disable()
	r.progress.SetValue(0)
	r.progress.Show()
	r.exportMsg.SetText(lang.L("Đang xuất báo cáo…"))
	goAsync(func() {
		err := r.u.desk.ExportReport(context.Background(), kind, by, from, to, path, func(done, total int) {
			fyne.Do(func() { r.progress.SetValue(float64(done) / float64(total)) })
		})
		fyne.Do(func() {
			r.pdfBtn.Enable()
			r.xlsxBtn.Enable()
			r.progress.Hide()
			if err != nil {
				r.exportMsg.SetText(lang.L("Chưa xuất được báo cáo: {{.Err}}", map[string]string{"Err": err.Error()}))
				r.exportMsg.Importance = widget.DangerImportance
			} else {
				r.exportMsg.SetText(lang.L("Đã xuất báo cáo ra tệp {{.Path}}", map[string]string{"Path": path}))
				r.exportMsg.Importance = widget.SuccessImportance
			}
			r.exportMsg.Refresh()
		})
	})
}
