package app

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// kioskPerPage is how many procedures a page lists: each is a big target with its time and fee.
const kioskPerPage = 4

// procBrowser is the posted procedures and fees (niêm yết công khai): browse by field or search,
// page by page, and open one to read its documents, place and legal basis.
type procBrowser struct {
	k     *kiosk
	all   []store.Procedure
	shown []store.Procedure // after the field filter or the search
	field string            // "" = every field
	query string
	page  int

	fields  *fyne.Container
	heading *widget.Label
	list    *fyne.Container
	pager   *pagerBar
	items   []*widget.Button // the list's buttons on this page, for tests

	detail    *fyne.Container
	searchKB  *keyboard
	searchHit *widget.Label

	listView, detailView, searchView fyne.CanvasObject
}

func newProcBrowser(k *kiosk) *procBrowser {
	p := &procBrowser{k: k}
	p.fields = container.NewGridWithColumns(4)
	p.heading = kioskText("", fyne.TextAlignLeading, true)
	p.list = container.NewVBox()
	p.pager = newPagerBar(k, func() { p.turn(-1) }, func() { p.turn(1) })
	home := kioskButton(lang.L("Về trang chính"), theme.HomeIcon(), widget.MediumImportance, k.tap(func() { k.show(kWelcome) }))
	search := kioskButton(lang.L("Tìm thủ tục"), theme.SearchIcon(), widget.HighImportance, k.tap(p.openSearch))
	top := container.NewVBox(kioskTitle(lang.L("Thủ tục hành chính và lệ phí")), p.fields, p.heading)
	bottom := container.NewVBox(p.pager.root, container.NewGridWithColumns(2, tall(home, 90), tall(search, 90)))
	p.listView = container.NewBorder(top, bottom, nil, nil, p.list)

	p.detail = container.NewVBox()
	back := kioskButton(lang.L("Quay lại danh sách"), theme.NavigateBackIcon(), widget.HighImportance, k.tap(func() { k.show(kProcedures) }))
	p.detailView = container.NewBorder(nil, container.NewHBox(tall(back, 90), layout.NewSpacer()), nil, nil, p.detail)

	p.searchHit = kioskText("", fyne.TextAlignLeading, false)
	p.searchKB = newKeyboard(k, kbText, 60, func(q string) { p.countMatches(q) })
	see := kioskButton(lang.L("Xem kết quả"), theme.SearchIcon(), widget.SuccessImportance, k.tap(func() { p.search(p.searchKB.Text()) }))
	cancel := kioskButton(lang.L("Quay lại"), theme.NavigateBackIcon(), widget.MediumImportance, k.tap(func() { k.show(kProcedures) }))
	p.searchView = container.NewBorder(
		container.NewVBox(kioskTitle(lang.L("Tìm thủ tục")),
			kioskText(lang.L("Gõ vài chữ của tên thủ tục (không cần dấu):"), fyne.TextAlignLeading, false),
			container.NewStack(canvasBox(), container.NewPadded(p.searchKB.display)), p.searchHit),
		container.NewGridWithColumns(2, tall(cancel, 90), tall(see, 90)), nil, nil,
		container.NewVBox(layout.NewSpacer(), p.searchKB.root))
	return p
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

func (p *procBrowser) buildFields() {
	p.fields.Objects = nil
	var names []string
	seen := map[string]bool{}
	for _, pr := range p.all {
		if !seen[pr.FieldName] {
			seen[pr.FieldName] = true
			names = append(names, pr.FieldName)
		}
	}
	p.fields.Layout = layout.NewGridLayoutWithColumns(min(len(names)+1, 4))
	for _, name := range append([]string{""}, names...) {
		name := name
		label := name
		if name == "" {
			label = lang.L("Tất cả lĩnh vực")
		}
		b := widget.NewButton(label, p.k.tap(func() { p.filter(name) }))
		p.fields.Add(tall(b, 80))
	}
	p.fields.Refresh()
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
	for _, o := range p.fields.Objects {
		b := o.(*fyne.Container).Objects[1].(*widget.Button)
		if (field == "" && b.Text == lang.L("Tất cả lĩnh vực")) || b.Text == field {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	if field == "" {
		p.heading.SetText(lang.L("Tất cả thủ tục: {{.N}}", map[string]int{"N": len(p.shown)}))
	} else {
		p.heading.SetText(lang.L("Lĩnh vực {{.F}}: {{.N}} thủ tục", map[string]any{"F": field, "N": len(p.shown)}))
	}
	p.render()
}

func (p *procBrowser) pages() int { return max((len(p.shown)+kioskPerPage-1)/kioskPerPage, 1) }

func (p *procBrowser) turn(d int) {
	p.page = min(max(p.page+d, 0), p.pages()-1)
	p.render()
}

// render lists the current page.
func (p *procBrowser) render() {
	p.list.Objects = nil
	p.items = p.items[:0]
	start := p.page * kioskPerPage
	for i := start; i < min(start+kioskPerPage, len(p.shown)); i++ {
		pr := p.shown[i]
		b := widget.NewButton("", p.k.tap(func() { p.openDetail(pr) }))
		p.items = append(p.items, b)
		name := widget.NewLabelWithStyle(pr.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Wrapping = fyne.TextWrapWord
		facts := widget.NewLabel(lang.L("Thời hạn: {{.T}} · Lệ phí: {{.F}}", map[string]string{"T": pr.PostedTime(), "F": pr.PostedFee()}))
		facts.Wrapping = fyne.TextWrapWord
		p.list.Add(container.NewStack(tall(b, 110), container.NewPadded(container.NewVBox(name, facts))))
	}
	if len(p.shown) == 0 {
		p.list.Add(kioskText(lang.L("Không có thủ tục nào phù hợp."), fyne.TextAlignCenter, false))
	}
	p.pager.set(p.page, p.pages())
	p.k.restyle()
}

func (p *procBrowser) openDetail(pr store.Procedure) {
	row := func(label, value string) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		v := widget.NewLabel(value)
		v.Wrapping = fyne.TextWrapWord
		return container.NewBorder(nil, nil, l, nil, v)
	}
	name := kioskTitle(pr.Name)
	name.SizeName = theme.SizeNameSubHeadingText
	name.Alignment = fyne.TextAlignLeading
	objs := []fyne.CanvasObject{name,
		row(lang.L("Lĩnh vực:"), pr.FieldName),
		row(lang.L("Thời hạn giải quyết:"), pr.PostedTime()),
		row(lang.L("Phí, lệ phí:"), pr.PostedFee()),
		widget.NewLabelWithStyle(lang.L("Giấy tờ cần mang theo:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	}
	for i, d := range pr.Documents {
		text := strconv.Itoa(i+1) + ". " + d.Name
		if d.Kind != "" {
			text += " (" + d.Kind + ")"
		}
		text += ": " + lang.L("{{.N}} bản", map[string]int{"N": d.Count})
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	if len(pr.Documents) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("Không yêu cầu giấy tờ.")))
	}
	place := lang.L("Bộ phận tiếp nhận và trả kết quả")
	if p.k.agency.Name != "" {
		place += ", " + p.k.agency.Name
	}
	objs = append(objs, row(lang.L("Nơi nộp hồ sơ:"), place))
	if pr.LegalBasis != "" {
		objs = append(objs, row(lang.L("Căn cứ pháp lý:"), pr.LegalBasis))
	}
	p.detail.Objects = objs
	p.detail.Refresh()
	p.k.show(kProcedure)
}

func (p *procBrowser) openSearch() {
	p.searchKB.set(p.query)
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
			for _, o := range p.fields.Objects {
				b := o.(*fyne.Container).Objects[1].(*widget.Button)
				b.Importance = widget.MediumImportance
				b.Refresh()
			}
			p.heading.SetText(lang.L("Kết quả tìm “{{.Q}}”: {{.N}} thủ tục", map[string]any{"Q": q, "N": len(found)}))
			p.render()
			p.k.show(kProcedures)
		})
	})
}
