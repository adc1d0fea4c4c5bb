package app

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// perPage is how many procedures a page lists: each is a big target with its name, time and fee
// (up to two lines each). A landscape screen has room for 3, a portrait one for 6 (kioskMaxPage).
func (p *procBrowser) perPage() int {
	if p.k.portrait {
		return kioskMaxPage
	}
	return 3
}

const kioskMaxPage = 6

// pageRows lays the list out in perPage rows, so that a short last page keeps the rows' height.
type pageRows struct{ p *procBrowser }

func (l pageRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	layout.NewGridLayoutWithRows(l.p.perPage()).Layout(objs, size)
}

func (l pageRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return layout.NewGridLayoutWithRows(l.p.perPage()).MinSize(objs)
}

// procBrowser is the posted procedures and fees (niêm yết công khai): browse by field or search,
// page by page, and open one to read its documents, place and legal basis. Its widgets are made
// once and filled for each page.
type procBrowser struct {
	k     *kiosk
	all   []store.Procedure
	shown []store.Procedure // after the field filter or the search
	field string            // "" = every field
	query string
	page  int

	fields     *fyne.Container
	fieldNames []string         // the fields the buttons stand for ("" first: every field)
	fieldBtns  []*widget.Button // by fieldNames
	allFields  []string         // every field of the catalogue ("" first)
	fieldPage  int              // which of them the bar shows, when they do not fit in one row
	heading    *widget.Label
	list       *fyne.Container
	pager      *pagerBar
	items      []*widget.Button // the list's buttons on this page, for tests
	slots      []procSlot       // the kioskMaxPage rows, reused for every page
	none       *widget.Label

	detail    procDetail
	searchKB  *keyboard
	searchHit *widget.Label

	listView, detailView, searchView fyne.CanvasObject
}

// procSlot is one row of the list: a big button under the name and the time and fee.
type procSlot struct {
	btn         *widget.Button
	name, facts *widget.Label
	row         fyne.CanvasObject
	pr          store.Procedure
}

// procDetail is a procedure's page; its text scrolls page by page with big buttons.
type procDetail struct {
	name                                 *widget.Label
	field, time, fee, docs, place, legal *widget.Label
	legalRow                             fyne.CanvasObject
	scroll                               *container.Scroll
	up, down                             *widget.Button
}

func newProcBrowser(k *kiosk) *procBrowser {
	p := &procBrowser{k: k}
	p.fields = container.NewGridWithColumns(4)
	p.heading = kioskText("", fyne.TextAlignLeading, true)
	p.list = container.New(pageRows{p})
	for i := 0; i < kioskMaxPage; i++ {
		sl := procSlot{}
		idx := i
		sl.btn = widget.NewButton("", k.tap(func() { p.openDetail(p.slots[idx].pr) }))
		sl.name = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		sl.name.Wrapping = fyne.TextWrapWord
		sl.facts = widget.NewLabel("")
		sl.facts.Wrapping = fyne.TextWrapWord
		sl.row = container.NewStack(k.tall(sl.btn, 96), container.NewVBox(sl.name, sl.facts))
		p.slots = append(p.slots, sl)
		p.list.Add(sl.row)
	}
	p.none = kioskText(lang.L("Không có thủ tục nào phù hợp."), fyne.TextAlignCenter, false)
	p.none.Hide()
	p.pager = newPagerBar(k, func() { p.turn(-1) }, func() { p.turn(1) })
	home := kioskButton(lang.L("Về trang chính"), theme.HomeIcon(), widget.MediumImportance, k.tap(func() { k.show(kWelcome) }))
	search := kioskButton(lang.L("Tìm thủ tục"), theme.SearchIcon(), widget.HighImportance, k.tap(p.openSearch))
	title := kioskTitle(lang.L("Thủ tục hành chính và lệ phí"))
	title.SizeName = theme.SizeNameSubHeadingText
	title.Alignment = fyne.TextAlignLeading
	p.heading.Alignment = fyne.TextAlignTrailing
	// Title and count on one line, paging and the other ways out on one row: the list keeps
	// the height of three procedures on a 600-line screen.
	top := container.NewVBox(k.sideBySide(title, p.heading), p.fields)
	bottom := container.New(listBar{k}, k.tall(home, 80), p.pager.root, k.tall(search, 80))
	p.listView = container.NewBorder(top, bottom, nil, nil, container.NewStack(p.list, p.none))

	p.detailView = p.newDetail()

	p.searchHit = kioskText("", fyne.TextAlignLeading, false)
	p.searchKB = newKeyboard(k, kbText, 60, func(q string) { p.countMatches(q) })
	see := kioskButton(lang.L("Xem kết quả"), theme.SearchIcon(), widget.SuccessImportance, k.tap(func() { p.search(p.searchKB.Text()) }))
	cancel := kioskButton(lang.L("Quay lại"), theme.NavigateBackIcon(), widget.MediumImportance, k.tap(func() { k.show(kProcedures) }))
	p.searchView = container.NewBorder(
		container.NewVBox(kioskTitle(lang.L("Tìm thủ tục")),
			k.sideBySide(container.NewStack(canvasBox(), container.NewPadded(p.searchKB.display)), p.searchHit)),
		container.NewGridWithColumns(2, k.tall(cancel, 80), k.tall(see, 80)), nil, nil,
		container.NewVBox(layout.NewSpacer(), p.searchKB.root))
	return p
}

func (p *procBrowser) newDetail() fyne.CanvasObject {
	d := &p.detail
	row := func(label string) (*widget.Label, fyne.CanvasObject) {
		l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		v := widget.NewLabel("")
		v.Wrapping = fyne.TextWrapWord
		return v, container.NewVBox(l, v) // the value under its name: both keep their width
	}
	d.name = kioskTitle("")
	d.name.SizeName = theme.SizeNameSubHeadingText
	d.name.Alignment = fyne.TextAlignLeading
	var fieldRow, timeRow, feeRow, placeRow fyne.CanvasObject
	d.field, fieldRow = row(lang.L("Lĩnh vực:"))
	d.time, timeRow = row(lang.L("Thời hạn giải quyết:"))
	d.fee, feeRow = row(lang.L("Phí, lệ phí:"))
	d.place, placeRow = row(lang.L("Nơi nộp hồ sơ:"))
	d.legal, d.legalRow = row(lang.L("Căn cứ pháp lý:"))
	d.docs = widget.NewLabel("")
	d.docs.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(d.name, fieldRow, timeRow, feeRow,
		widget.NewLabelWithStyle(lang.L("Giấy tờ cần mang theo:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.docs, placeRow, d.legalRow)
	d.scroll = container.NewVScroll(body)
	d.scroll.OnScrolled = func(fyne.Position) { p.detailPager() }
	// No drag scrolling on the kiosk: the text moves a screen at a time with big buttons.
	step := func(dir float32) func() {
		return func() {
			d.scroll.Offset.Y += dir * d.scroll.Size().Height * 0.8
			d.scroll.Refresh()
			p.detailPager()
		}
	}
	d.up = widget.NewButtonWithIcon(lang.L("Lên"), theme.MoveUpIcon(), p.k.tap(step(-1)))
	d.down = widget.NewButtonWithIcon(lang.L("Xuống"), theme.MoveDownIcon(), p.k.tap(step(1)))
	back := kioskButton(lang.L("Quay lại danh sách"), theme.NavigateBackIcon(), widget.HighImportance, p.k.tap(func() { p.k.show(kProcedures) }))
	bottom := container.NewBorder(nil, nil, p.k.tall(back, 80), nil,
		container.NewGridWithColumns(2, p.k.tall(d.up, 80), p.k.tall(d.down, 80)))
	return container.NewBorder(nil, bottom, nil, nil, d.scroll)
}

// detailPager enables "Lên"/"Xuống" when there is more to read that way.
func (p *procBrowser) detailPager() {
	d := &p.detail
	more := d.scroll.Content.MinSize().Height - d.scroll.Size().Height
	if d.scroll.Offset.Y > 0.5 {
		d.up.Enable()
	} else {
		d.up.Disable()
	}
	if more > 0.5 && d.scroll.Offset.Y < more-0.5 {
		d.down.Enable()
	} else {
		d.down.Disable()
	}
}

func (p *procBrowser) view(id string) fyne.CanvasObject {
	switch id {
	case kProcedure:
		return p.detailView
	case kSearch:
		return p.searchView
	}
	return p.listView
}

// open loads the catalogue and shows every field's procedures from the first page.
func (p *procBrowser) open() {
	goAsync(func() {
		all, err := p.k.st.Procedures(context.Background())
		fyne.Do(func() {
			if err != nil {
				all = nil
			}
			p.all = all
			p.buildFields()
			p.filter("")
			p.k.show(kProcedures)
		})
	})
}

// buildFields makes the field buttons when the catalogue's fields change (not on every visit).
func (p *procBrowser) buildFields() {
	names := []string{""}
	seen := map[string]bool{}
	for _, pr := range p.all {
		if !seen[pr.FieldName] {
			seen[pr.FieldName] = true
			names = append(names, pr.FieldName)
		}
	}
	if slices.Equal(names, p.allFields) {
		return
	}
	p.allFields, p.fieldPage = names, 0
	p.showFieldPage()
}

// showFieldPage lays out the field bar: one row, as many fields as fit beside "every field"; a
// ward's real catalogue has more fields than that, and a last button pages through them (touch
// screens do not scroll by dragging).
func (p *procBrowser) showFieldPage() {
	names := p.allFields
	cols := 4
	if p.k.portrait {
		cols = 3 // field names such as "Hoạt động xây dựng" need a third of a portrait screen
	}
	more := len(names) > cols
	if more {
		per := cols - 2 // "every field", per fields, "other fields"
		start := 1 + p.fieldPage*per
		if start >= len(names) {
			p.fieldPage, start = 0, 1
		}
		names = append([]string{""}, names[start:min(start+per, len(names))]...)
	}
	p.fieldNames, p.fieldBtns = names, nil
	p.fields.Objects = nil
	p.fields.Layout = layout.NewGridLayoutWithColumns(min(len(p.allFields), cols))
	for _, name := range names {
		label := name
		if name == "" {
			label = lang.L("Tất cả lĩnh vực")
		}
		b := widget.NewButton(label, p.k.tap(func() { p.filter(name) }))
		p.fieldBtns = append(p.fieldBtns, b)
		p.fields.Add(p.k.tall(b, 72))
	}
	if more {
		next := widget.NewButtonWithIcon(lang.L("Lĩnh vực khác"), theme.NavigateNextIcon(), p.k.tap(func() {
			p.fieldPage++
			p.showFieldPage()
			p.fields.Refresh()
		}))
		p.fields.Add(p.k.tall(next, 72))
	}
	clear(p.k.styled) // new buttons: the list is themed again when shown
}

// markField shows which field button is in force ("" = every field; none after a search).
func (p *procBrowser) markField(field string, on bool) {
	for i, b := range p.fieldBtns {
		if on && p.fieldNames[i] == field {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
}

// filter shows one field's procedures ("" = all).
func (p *procBrowser) filter(field string) {
	p.field, p.query, p.page = field, "", 0
	p.shown = p.shown[:0]
	for _, pr := range p.all {
		if field == "" || pr.FieldName == field {
			p.shown = append(p.shown, pr)
		}
	}
	p.markField(field, true)
	if field == "" {
		p.heading.SetText(lang.L("Tất cả thủ tục: {{.N}}", map[string]int{"N": len(p.shown)}))
	} else {
		p.heading.SetText(lang.L("Lĩnh vực {{.F}}: {{.N}} thủ tục", map[string]any{"F": field, "N": len(p.shown)}))
	}
	p.render()
}

// listBar lays out the list's bottom row [home, pager, search]: one row in landscape, the
// pager above the two buttons in portrait (a portrait screen is too narrow for all five).
type listBar struct{ k *kiosk }

func (l listBar) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	home, pager, search := objs[0], objs[1], objs[2]
	pad := theme.Padding() * l.k.scale
	if l.k.portrait {
		ph := pager.MinSize().Height
		pager.Move(fyne.NewPos(0, 0))
		pager.Resize(fyne.NewSize(size.Width, ph))
		w, h := (size.Width-pad)/2, size.Height-ph-pad
		home.Move(fyne.NewPos(0, ph+pad))
		home.Resize(fyne.NewSize(w, h))
		search.Move(fyne.NewPos(w+pad, ph+pad))
		search.Resize(fyne.NewSize(w, h))
		return
	}
	hw, sw := home.MinSize().Width, search.MinSize().Width
	home.Move(fyne.NewPos(0, 0))
	home.Resize(fyne.NewSize(hw, size.Height))
	search.Move(fyne.NewPos(size.Width-sw, 0))
	search.Resize(fyne.NewSize(sw, size.Height))
	pager.Move(fyne.NewPos(hw+pad, 0))
	pager.Resize(fyne.NewSize(size.Width-hw-sw-2*pad, size.Height))
}

func (l listBar) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h, p, s := objs[0].MinSize(), objs[1].MinSize(), objs[2].MinSize()
	pad := theme.Padding() * l.k.scale
	if l.k.portrait {
		return fyne.NewSize(max(p.Width, h.Width+s.Width+pad), p.Height+pad+max(h.Height, s.Height))
	}
	return fyne.NewSize(h.Width+p.Width+s.Width+2*pad, max(h.Height, p.Height, s.Height))
}

func (p *procBrowser) pages() int { return max((len(p.shown)+p.perPage()-1)/p.perPage(), 1) }

func (p *procBrowser) turn(d int) {
	p.page = min(max(p.page+d, 0), p.pages()-1)
	p.render()
}

// render lists the current page in the kept rows.
func (p *procBrowser) render() {
	p.items = p.items[:0]
	start := p.page * p.perPage()
	for i := range p.slots {
		sl := &p.slots[i]
		if i >= p.perPage() || start+i >= len(p.shown) {
			sl.row.Hide()
			continue
		}
		pr := p.shown[start+i]
		sl.pr = pr
		sl.name.SetText(pr.Name)
		sl.facts.SetText(lang.L("Thời hạn: {{.T}} · Lệ phí: {{.F}}", map[string]string{"T": pr.PostedTime(), "F": pr.PostedFee()}))
		sl.row.Show()
		p.items = append(p.items, sl.btn)
	}
	showIf(p.none, len(p.shown) == 0)
	p.pager.set(p.page, p.pages())
	p.list.Refresh()
}

func (p *procBrowser) openDetail(pr store.Procedure) {
	d := &p.detail
	d.name.SetText(pr.Name)
	d.field.SetText(pr.FieldName)
	d.time.SetText(pr.PostedTime())
	d.fee.SetText(pr.PostedFee())
	var docs []string
	for i, doc := range pr.Documents {
		text := strconv.Itoa(i+1) + ". " + doc.Name
		text += " (" + docKindText(doc.Kind) + ")"
		docs = append(docs, text+": "+lang.L("{{.N}} bản", map[string]int{"N": doc.Count}))
	}
	if len(docs) == 0 {
		docs = append(docs, lang.L("Không yêu cầu giấy tờ."))
	}
	d.docs.SetText(strings.Join(docs, "\n"))
	place := lang.L("Bộ phận tiếp nhận và trả kết quả")
	if p.k.agency.Name != "" {
		place += ", " + p.k.agency.Name
	}
	d.place.SetText(place)
	d.legal.SetText(pr.LegalBasis)
	showIf(d.legalRow, pr.LegalBasis != "")
	d.scroll.ScrollToTop()
	p.k.show(kProcedure)
	p.detailPager()
}

func (p *procBrowser) openSearch() {
	p.searchKB.set(p.query)
	if p.query == "" { // beside the empty box, how to search; then how many are found
		p.searchHit.SetText(lang.L("Gõ vài chữ của tên thủ tục (không cần dấu):"))
	}
	p.k.show(kSearch)
}

// countMatches tells, while typing, how many procedures the words find.
func (p *procBrowser) countMatches(q string) {
	goAsync(func() {
		found, err := p.k.st.SearchProcedures(context.Background(), q)
		fyne.Do(func() {
			if err == nil {
				p.searchHit.SetText(lang.L("Tìm thấy {{.N}} thủ tục", map[string]int{"N": len(found)}))
			}
		})
	})
}

// search lists the procedures matching q (diacritics not needed: "khai sinh" finds "Đăng ký khai sinh").
func (p *procBrowser) search(q string) {
	goAsync(func() {
		found, err := p.k.st.SearchProcedures(context.Background(), q)
		fyne.Do(func() {
			if err != nil {
				found = nil
			}
			p.field, p.query, p.page, p.shown = "", q, 0, found
			p.markField("", false)
			p.heading.SetText(lang.L("Kết quả tìm “{{.Q}}”: {{.N}} thủ tục", map[string]any{"Q": q, "N": len(found)}))
			p.render()
			p.k.show(kProcedures)
		})
	})
}
