package app

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/app/desk"
	"motcua/store"
)

// catalogueScreen is Quản trị → Thủ tục: the ward's catalogue, searched without diacritics and
// filtered by field and by whether a procedure is in force; a form to add, edit, copy or end one,
// with its documents and fees, a preview of what the intake would compute, and import/export
// that shows what it will change before writing.
type catalogueScreen struct {
	u    *ui
	root fyne.CanvasObject

	all     []store.Procedure
	shown   []store.Procedure
	fields  []store.Field
	search  *widget.Entry
	field   *widget.Select
	state   *widget.Select
	list    *widget.List
	current *store.Procedure // the procedure being edited; nil for a new one

	code, national, name, agency, result, number, from *field
	basis                                              *widget.Entry
	fieldSel, level, online, unit, cutoff              *widget.Select
	anywhere                                           *widget.Check
	fee, charge                                        *feeEditor
	docs                                               *docsEditor
	casesInfo                                          *widget.Label
	cases                                              []store.Case
	formFields                                         map[string]*field

	sampleAt, sampleSets, samplePages *widget.Entry
	preview                           *widget.Label
	status                            *widget.Label
	title                             *widget.Label // which procedure the form shows: a disabled entry's code is faint

	plan     store.CataloguePlan // the import waiting for confirmation
	planFile desk.CatalogueFile
}

// Filters of the list by state.
var catalogueStates = []string{"Đang áp dụng", "Đã ngừng hoặc chưa áp dụng", "Tất cả"}

func newCatalogueScreen(u *ui) *catalogueScreen {
	c := &catalogueScreen{u: u}
	c.search = widget.NewEntry()
	c.search.SetPlaceHolder(lang.L("Tìm theo tên, mã (không cần dấu)"))
	c.search.OnChanged = func(string) { c.filter() }
	c.field = widget.NewSelect(nil, func(string) { c.filter() })
	var states []string
	for _, s := range catalogueStates {
		states = append(states, lang.L(s))
	}
	c.state = widget.NewSelect(states, func(string) { c.filter() })
	c.state.SetSelectedIndex(0)
	c.list = widget.NewList(func() int { return len(c.shown) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := c.shown[i]
			t := p.Code + " — " + p.Name
			if !p.Active {
				t += " " + lang.L("(không áp dụng)")
			}
			l := o.(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			l.SetText(t)
		})
	c.list.OnSelected = func(i widget.ListItemID) { c.pick(c.shown[i]) }

	c.code = newField(u, lang.L("Mã thủ tục"), lang.L("ví dụ: HT20"))
	c.national = newField(u, lang.L("Mã quốc gia"), lang.L("ví dụ: 1.001193"))
	c.name = newField(u, lang.L("Tên thủ tục"), "")
	c.agency = newField(u, lang.L("Cơ quan giải quyết"), lang.L("bỏ trống: cơ quan này"))
	c.result = newField(u, lang.L("Kết quả"), lang.L("người dân nhận được gì"))
	c.number = newField(u, lang.L("Số ngày/giờ"), "")
	c.from = newField(u, lang.L("Áp dụng từ ngày"), lang.L("năm-tháng-ngày; bỏ trống: hôm nay"))
	c.basis = widget.NewMultiLineEntry()
	c.basis.SetMinRowsVisible(2)
	c.basis.Wrapping = fyne.TextWrapWord
	c.fieldSel = widget.NewSelect(nil, nil)
	c.fieldSel.PlaceHolder = lang.L("Chọn lĩnh vực")
	c.level = widget.NewSelect(levelOptions(), nil)
	c.online = widget.NewSelect(onlineOptions(), nil)
	c.unit = widget.NewSelect(timeUnitOptions(), func(string) { c.showNumber() })
	c.cutoff = widget.NewSelect(cutoffOptions(), nil)
	c.anywhere = widget.NewCheck(lang.L("Nhận hồ sơ không phụ thuộc nơi cư trú"), nil)
	c.fee = newFeeEditor(u)
	c.charge = newFeeEditor(u)
	c.docs = newDocsEditor(u)
	c.casesInfo = widget.NewLabel("")
	c.casesInfo.Wrapping = fyne.TextWrapWord
	c.formFields = map[string]*field{"code": c.code, "national_code": c.national, "name": c.name, "agency": c.agency,
		"result": c.result, "days": c.number, "hours": c.number, "active_from": c.from}

	c.sampleAt = widget.NewEntry()
	c.sampleAt.SetPlaceHolder("2026-01-26 14:00")
	c.sampleSets = widget.NewEntry()
	c.sampleSets.SetText("1")
	c.samplePages = widget.NewEntry()
	c.samplePages.SetText("1")
	c.preview = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.preview.Wrapping = fyne.TextWrapWord
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord

	label := widget.NewLabel
	form := container.New(layout.NewFormLayout(),
		label(c.code.label), c.code.cell(),
		label(c.national.label), c.national.cell(),
		label(c.name.label), c.name.cell(),
		label(lang.L("Lĩnh vực")), c.fieldSel,
		label(lang.L("Cấp thực hiện")), c.level,
		label(c.agency.label), c.agency.cell(),
		label(lang.L("Căn cứ pháp lý")), c.basis,
		label(c.result.label), c.result.cell(),
		label(lang.L("Trực tuyến")), c.online,
		label(""), c.anywhere,
		label(lang.L("Thời hạn")), container.NewBorder(nil, nil, c.unit, nil, c.number.cell()),
		label(lang.L("Giờ chốt 15:00")), c.cutoff,
		label(lang.L("Lệ phí")), c.fee.root,
		label(lang.L("Phí")), c.charge.root,
		label(lang.L("Trường hợp")), c.casesInfo,
		label(c.from.label), c.from.cell(),
	)
	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	sample := container.NewHBox(label(lang.L("Nhận lúc")), container.NewGridWrap(fyne.NewSize(170, c.sampleAt.MinSize().Height), c.sampleAt),
		label(lang.L("Số bộ")), container.NewGridWrap(fyne.NewSize(56, c.sampleSets.MinSize().Height), c.sampleSets),
		label(lang.L("Số trang")), container.NewGridWrap(fyne.NewSize(56, c.samplePages.MinSize().Height), c.samplePages),
		widget.NewButtonWithIcon(lang.L("Tính thử"), theme.MediaPlayIcon(), c.runPreview))
	save := widget.NewButtonWithIcon(lang.L("Lưu thủ tục"), theme.DocumentSaveIcon(), c.save)
	save.Importance = widget.HighImportance
	c.title = heading("")
	right := container.NewVBox(c.title, form,
		heading(lang.L("Thành phần hồ sơ")), c.docs.root,
		heading(lang.L("Tính thử như khi tiếp nhận")), sample, c.preview,
		container.NewHBox(layout.NewSpacer(), save), c.status)

	add := widget.NewButtonWithIcon(lang.L("Thêm"), theme.ContentAddIcon(), c.clear)
	cp := widget.NewButtonWithIcon(lang.L("Sao chép"), theme.ContentCopyIcon(), c.copyCurrent)
	end := widget.NewButtonWithIcon(lang.L("Ngừng áp dụng"), theme.CancelIcon(), c.askEnd)
	imp := widget.NewButtonWithIcon(lang.L("Nhập từ tệp…"), theme.DownloadIcon(), c.askImport)
	exp := widget.NewButtonWithIcon(lang.L("Xuất ra tệp…"), theme.UploadIcon(), c.askExport)
	filters := container.NewVBox(c.search, container.NewGridWithColumns(2, c.field, c.state))
	tools := container.NewVBox(container.NewGridWithColumns(3, add, cp, end), container.NewGridWithColumns(2, imp, exp))
	left := container.NewBorder(filters, tools, nil, nil, c.list)
	split := container.NewHSplit(left, container.NewVScroll(container.NewPadded(right)))
	split.Offset = 0.34
	c.root = split
	c.clear()
	return c
}

// load reads the catalogue and the fields again.
func (c *catalogueScreen) load() {
	ctx := context.Background()
	goAsync(func() {
		all, err := c.u.st.AllProcedures(ctx)
		var fs []store.Field
		if err == nil {
			fs, err = c.u.st.Fields(ctx)
		}
		fyne.Do(func() {
			if err != nil {
				c.u.fail(err)
				return
			}
			c.all, c.fields = all, fs
			opts := []string{lang.L("Mọi lĩnh vực")}
			var names []string
			for _, f := range fs {
				opts = append(opts, f.Name)
				names = append(names, f.Name)
			}
			keep := c.field.SelectedIndex()
			c.field.Options = opts
			if keep < 0 || keep >= len(opts) {
				keep = 0
			}
			c.field.SetSelectedIndex(keep)
			c.fieldSel.Options = names
			c.fieldSel.Refresh()
			c.filter()
		})
	})
}

// filter applies the search box and the two filters to the list.
func (c *catalogueScreen) filter() {
	if c.list == nil {
		return
	}
	var out []store.Procedure
	f, st := c.field.SelectedIndex(), c.state.SelectedIndex()
	for _, p := range store.MatchProcedures(c.all, c.search.Text) {
		if f > 0 && f-1 < len(c.fields) && p.FieldID != c.fields[f-1].ID {
			continue
		}
		if st == 0 && !p.Active || st == 1 && p.Active {
			continue
		}
		out = append(out, p)
	}
	c.shown = out
	c.list.UnselectAll()
	c.list.Refresh()
}

// clear empties the form for a new procedure.
func (c *catalogueScreen) clear() {
	c.current = nil
	if c.list != nil {
		c.list.UnselectAll()
	}
	c.fill(store.Procedure{Level: store.LevelCommune, Online: store.OnlineNone, Unit: store.TimeDays, Days: 1,
		Cutoff: store.CutoffDefault, Fee: store.Fee{Kind: store.FeeNone}, Charge: store.Fee{Kind: store.FeeNone}})
	c.code.entry.Enable()
	c.status.SetText("")
}

// copyCurrent starts a new procedure from the one shown (a case the province lists twice).
func (c *catalogueScreen) copyCurrent() {
	p := c.read()
	c.current = nil
	c.list.UnselectAll()
	p.Code = ""
	c.fill(p)
	c.code.entry.Enable()
	c.status.SetText(lang.L("Bản sao: hãy nhập mã mới rồi lưu."))
	c.u.win.Canvas().Focus(c.code.entry)
}

func (c *catalogueScreen) pick(p store.Procedure) {
	c.current = &p
	c.fill(p)
	c.code.entry.Disable() // dossiers and reports name it: a code never changes
	c.status.SetText("")
}

// fill shows p in the form.
func (c *catalogueScreen) fill(p store.Procedure) {
	for _, f := range c.formFields {
		f.setError("")
	}
	if c.title != nil {
		if c.current != nil {
			c.title.SetText(lang.L("Thủ tục {{.Code}} — {{.Name}}", map[string]string{"Code": p.Code, "Name": p.Name}))
		} else {
			c.title.SetText(lang.L("Thủ tục mới"))
		}
	}
	c.code.entry.SetText(p.Code)
	c.national.entry.SetText(p.NationalCode)
	c.name.entry.SetText(p.Name)
	c.agency.entry.SetText(p.Agency)
	c.result.entry.SetText(p.Result)
	c.basis.SetText(p.LegalBasis)
	c.fieldSel.ClearSelected()
	for i, f := range c.fields {
		if f.ID == p.FieldID {
			c.fieldSel.SetSelectedIndex(i)
		}
	}
	c.level.SetSelectedIndex(kindIndex(levelLabels, string(p.Level)))
	c.online.SetSelectedIndex(kindIndex(onlineLabels, string(p.Online)))
	c.cutoff.SetSelectedIndex(kindIndex(cutoffLabels, string(p.Cutoff)))
	c.unit.SetSelectedIndex(kindIndex(timeUnitLabels, string(p.Unit)))
	switch p.Unit {
	case store.TimeHours:
		c.number.entry.SetText(strconv.Itoa(p.Hours))
	case store.TimeDays:
		c.number.entry.SetText(strconv.Itoa(p.Days))
	default:
		c.number.entry.SetText("")
	}
	c.showNumber()
	c.anywhere.SetChecked(p.Anywhere)
	c.fee.set(p.Fee)
	c.charge.set(p.Charge)
	c.docs.set(p.Documents)
	c.cases = p.Cases
	if len(p.Cases) == 0 {
		c.casesInfo.SetText(lang.L("Không có (thêm trường hợp bằng tệp nhập)"))
	} else {
		var names []string
		for _, cs := range p.Cases {
			names = append(names, cs.Name+": "+timeText(cs.Unit, cs.Days, cs.Hours))
		}
		c.casesInfo.SetText(strings.Join(names, "; "))
	}
	c.from.entry.SetText("")
	c.preview.SetText("")
}

func (c *catalogueScreen) showNumber() {
	if kindKey(timeUnitLabels, c.unit.SelectedIndex()) == string(store.TimeSameDay) {
		c.number.entry.SetText("")
		c.number.entry.Disable()
	} else {
		c.number.entry.Enable()
	}
}

// read is the procedure the form says.
func (c *catalogueScreen) read() store.Procedure {
	p := store.Procedure{}
	if c.current != nil {
		p = *c.current
	}
	p.Code, p.NationalCode, p.Name = c.code.entry.Text, c.national.entry.Text, c.name.entry.Text
	p.Agency, p.Result, p.LegalBasis = c.agency.entry.Text, c.result.entry.Text, c.basis.Text
	if i := c.fieldSel.SelectedIndex(); i >= 0 && i < len(c.fields) {
		p.FieldID = c.fields[i].ID
	} else {
		p.FieldID = 0
	}
	p.Level = store.Level(kindKey(levelLabels, c.level.SelectedIndex()))
	p.Online = store.OnlineLevel(kindKey(onlineLabels, c.online.SelectedIndex()))
	p.Cutoff = store.CutoffRule(kindKey(cutoffLabels, c.cutoff.SelectedIndex()))
	p.Unit = store.TimeUnit(kindKey(timeUnitLabels, c.unit.SelectedIndex()))
	n := atoi(c.number.entry.Text)
	p.Days, p.Hours = 0, 0
	switch p.Unit {
	case store.TimeDays:
		p.Days = n
	case store.TimeHours:
		p.Hours = n
	}
	p.Anywhere = c.anywhere.Checked
	p.Fee, p.Charge = c.fee.get(), c.charge.get()
	p.Documents = c.docs.get()
	p.Cases = c.cases
	return p
}

// showError puts a store error beside its field, or under the form.
func (c *catalogueScreen) showError(err error) {
	var ve *store.ValidationError
	if errors.As(err, &ve) && c.formFields[string(ve.Field)] != nil {
		c.formFields[string(ve.Field)].setError(ve.Message)
		c.status.SetText(ve.Message)
		return
	}
	c.status.SetText(err.Error())
}

func (c *catalogueScreen) save() {
	for _, f := range c.formFields {
		f.setError("")
	}
	p, from := c.read(), strings.TrimSpace(c.from.entry.Text)
	if c.current == nil {
		p.ActiveFrom = from
	}
	by := c.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		saved, err := c.u.st.SaveProcedureFrom(ctx, by, p, from)
		fyne.Do(func() {
			if err != nil {
				c.showError(err)
				return
			}
			c.current = &saved
			c.code.entry.Disable()
			c.status.SetText(lang.L("Đã lưu thủ tục {{.Code}}, áp dụng từ {{.From}}.", map[string]string{"Code": saved.Code, "From": saved.ValidFrom}))
			c.load()
		})
	})
}

// askEnd ends the procedure shown, from the day in "Áp dụng từ ngày" (today when empty).
func (c *catalogueScreen) askEnd() {
	if c.current == nil {
		c.status.SetText(lang.L("Hãy chọn thủ tục cần ngừng áp dụng."))
		return
	}
	code, from := c.current.Code, strings.TrimSpace(c.from.entry.Text)
	dialog.ShowConfirm(lang.L("Ngừng áp dụng"), lang.L("Ngừng áp dụng thủ tục {{.Code}}? Hồ sơ đã nhận vẫn giữ nguyên; thủ tục không còn nhận hồ sơ mới.", map[string]string{"Code": code}),
		func(ok bool) {
			if ok {
				c.end(code, from)
			}
		}, c.u.win)
}

func (c *catalogueScreen) end(code, from string) {
	by := c.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		p, err := c.u.st.EndProcedure(ctx, by, code, from)
		fyne.Do(func() {
			if err != nil {
				c.showError(err)
				return
			}
			c.status.SetText(lang.L("Thủ tục {{.Code}} ngừng áp dụng từ {{.From}}.", map[string]string{"Code": p.Code, "From": p.ActiveTo}))
			c.load()
		})
	})
}

// runPreview computes what the intake would give a sample dossier of the procedure as typed.
func (c *catalogueScreen) runPreview() {
	p := c.read()
	at := now()
	if s := strings.TrimSpace(c.sampleAt.Text); s != "" {
		t, err := time.ParseInLocation("2006-01-02 15:04", s, now().Location())
		if err != nil {
			c.preview.SetText(lang.L("Thời điểm nhận phải có dạng năm-tháng-ngày giờ:phút, ví dụ 2026-01-26 14:00."))
			return
		}
		at = t
	}
	sets, pages := atoi(c.sampleSets.Text), atoi(c.samplePages.Text)
	ctx := context.Background()
	goAsync(func() {
		due, fee, err := c.u.st.PreviewProcedure(ctx, p, "", at, sets, pages)
		fyne.Do(func() {
			if err != nil {
				c.preview.SetText(err.Error())
				return
			}
			c.preview.SetText(lang.L("Hẹn trả: {{.When}} · Phí, lệ phí: {{.Fee}}", map[string]string{"When": dueText(due), "Fee": money(fee)}))
		})
	})
}

func (c *catalogueScreen) askImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		c.importFile(path)
	}, c.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".json"}))
	d.Show()
}

// importFile reads a catalogue file and shows what importing it would do; nothing is written
// until the admin confirms.
func (c *catalogueScreen) importFile(path string) {
	ctx := context.Background()
	goAsync(func() {
		f, err := desk.ReadCatalogueFile(path)
		var plan store.CataloguePlan
		if err == nil {
			plan, err = c.u.st.PlanCatalogue(ctx, f.Catalogue, store.ImportOptions{})
			err = f.Explain(err)
		}
		fyne.Do(func() {
			if err != nil {
				c.status.SetText(lang.L("Tệp không nhập được, chưa ghi gì:") + "\n" + err.Error())
				return
			}
			c.plan, c.planFile = plan, f
			lines := widget.NewLabel(strings.Join(desk.DescribePlan(plan), "\n"))
			lines.Wrapping = fyne.TextWrapWord
			scroll := container.NewVScroll(lines)
			scroll.SetMinSize(fyne.NewSize(640, 360))
			dlg := dialog.NewCustomConfirm(lang.L("Nhập danh mục: sẽ thay đổi"), lang.L("Nhập"), lang.L("Hủy"), scroll,
				func(ok bool) {
					if ok {
						c.confirmImport()
					}
				}, c.u.win)
			dlg.Show()
		})
	})
}

// confirmImport writes the import shown, all or nothing.
func (c *catalogueScreen) confirmImport() {
	by, f := c.u.actorLogin(), c.planFile
	ctx := context.Background()
	goAsync(func() {
		plan, err := c.u.st.ImportCatalogue(ctx, by, f.Catalogue, store.ImportOptions{})
		err = f.Explain(err)
		fyne.Do(func() {
			if err != nil {
				c.status.SetText(lang.L("Tệp không nhập được, chưa ghi gì:") + "\n" + err.Error())
				return
			}
			lines := desk.DescribePlan(plan)
			c.status.SetText(lines[len(lines)-1])
			c.load()
		})
	})
}

func (c *catalogueScreen) askExport() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		c.exportFile(path)
	}, c.u.win)
	d.SetFileName("danh-muc-thu-tuc.xlsx")
	d.Show()
}

func (c *catalogueScreen) exportFile(path string) {
	ctx := context.Background()
	goAsync(func() {
		cat, err := c.u.st.ExportCatalogue(ctx)
		if err == nil {
			err = desk.WriteCatalogueFile(path, cat)
		}
		fyne.Do(func() {
			if err != nil {
				c.status.SetText(err.Error())
				return
			}
			c.status.SetText(lang.L("Đã xuất {{.N}} thủ tục ra {{.Path}}.", map[string]any{"N": len(cat.Procedures), "Path": path}))
		})
	})
}

// feeEditor edits one fee (phí or lệ phí): how it is worked out and its amounts.
type feeEditor struct {
	root                                     fyne.CanvasObject
	kind                                     *widget.Select
	amount, firstPages, first, later, capAmt *widget.Entry
	exempt, note                             *widget.Entry
	perPage, fixed                           fyne.CanvasObject
}

func newFeeEditor(u *ui) *feeEditor {
	e := &feeEditor{}
	small := func(hint string) *widget.Entry {
		w := widget.NewEntry()
		w.SetPlaceHolder(hint)
		return w
	}
	e.amount = small(lang.L("đồng"))
	e.firstPages, e.first, e.later, e.capAmt = small("2"), small("2000"), small("1000"), small("200000")
	e.exempt = small(lang.L("miễn cho (cách nhau bằng ;), ví dụ: Hộ nghèo; Người khuyết tật"))
	e.note = small(lang.L("ghi chú, ví dụ số Nghị quyết của HĐND tỉnh"))
	wrap := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, e.amount.MinSize().Height), o)
	}
	e.fixed = container.NewHBox(widget.NewLabel(lang.L("Mức thu")), wrap(e.amount, 120))
	e.perPage = container.NewHBox(widget.NewLabel(lang.L("Số trang đầu")), wrap(e.firstPages, 56),
		widget.NewLabel(lang.L("mỗi trang")), wrap(e.first, 90), widget.NewLabel(lang.L("trang sau")), wrap(e.later, 90),
		widget.NewLabel(lang.L("tối đa/bản")), wrap(e.capAmt, 100))
	e.kind = widget.NewSelect(feeKindOptions(), func(string) { e.showKind() })
	e.root = container.NewVBox(container.NewHBox(e.kind, e.fixed, e.perPage), e.exempt, e.note)
	return e
}

func (e *feeEditor) showKind() {
	switch store.FeeKind(kindKey(feeKindLabels, e.kind.SelectedIndex())) {
	case store.FeeFixed, store.FeePerCopy:
		e.fixed.Show()
		e.perPage.Hide()
	case store.FeePerPage:
		e.fixed.Hide()
		e.perPage.Show()
	default:
		e.fixed.Hide()
		e.perPage.Hide()
	}
}

func (e *feeEditor) set(f store.Fee) {
	e.kind.SetSelectedIndex(kindIndex(feeKindLabels, string(f.Kind)))
	num := func(w *widget.Entry, n int64) {
		if n == 0 {
			w.SetText("")
		} else {
			w.SetText(strconv.FormatInt(n, 10))
		}
	}
	num(e.amount, f.Amount)
	num(e.firstPages, int64(f.FirstPages))
	num(e.first, f.FirstPageAmount)
	num(e.later, f.LaterPageAmount)
	num(e.capAmt, f.Cap)
	e.exempt.SetText(strings.Join(f.Exemptions, "; "))
	e.note.SetText(f.Note)
	e.showKind()
}

// money reads an amount typed as 15000, 15.000 or 15 000 đ; what is not a number is -1, which
// the store refuses as negative, naming the fee.
func readAmount(s string) int64 {
	c := strings.NewReplacer(".", "", ",", "", " ", "", "đ", "").Replace(strings.TrimSpace(s))
	if c == "" {
		return 0
	}
	n, err := strconv.ParseInt(c, 10, 64)
	if err != nil {
		return -1
	}
	return n
}

func (e *feeEditor) get() store.Fee {
	f := store.Fee{Kind: store.FeeKind(kindKey(feeKindLabels, e.kind.SelectedIndex())), Note: e.note.Text}
	switch f.Kind {
	case store.FeeFixed, store.FeePerCopy:
		f.Amount = readAmount(e.amount.Text)
	case store.FeePerPage:
		f.FirstPages = int(readAmount(e.firstPages.Text))
		f.FirstPageAmount, f.LaterPageAmount, f.Cap = readAmount(e.first.Text), readAmount(e.later.Text), readAmount(e.capAmt.Text)
	}
	for _, x := range strings.Split(e.exempt.Text, ";") {
		if x = strings.TrimSpace(x); x != "" {
			f.Exemptions = append(f.Exemptions, x)
		}
	}
	return f
}

// docsEditor edits the documents: one row per paper, with its kind, count, required or not, a note.
type docsEditor struct {
	u    *ui
	root *fyne.Container
	rows *fyne.Container
	docs []*docEditRow
}

type docEditRow struct {
	name, count, note *widget.Entry
	kind              *widget.Select
	required          *widget.Check
	root              fyne.CanvasObject
}

func newDocsEditor(u *ui) *docsEditor {
	d := &docsEditor{u: u, rows: container.NewVBox()}
	add := widget.NewButtonWithIcon(lang.L("Thêm giấy tờ"), theme.ContentAddIcon(), func() {
		d.add(store.Document{Kind: store.DocOriginal, Count: 1})
	})
	d.root = container.NewVBox(d.rows, container.NewHBox(add))
	return d
}

func (d *docsEditor) add(doc store.Document) {
	r := &docEditRow{name: widget.NewEntry(), count: widget.NewEntry(), note: widget.NewEntry(),
		kind: widget.NewSelect(docKindOptions(), nil), required: widget.NewCheck(lang.L("Bắt buộc"), nil)}
	r.name.SetPlaceHolder(lang.L("tên giấy tờ"))
	r.name.SetText(doc.Name)
	r.count.SetText(strconv.Itoa(max(doc.Count, 1)))
	r.note.SetPlaceHolder(lang.L("ghi chú"))
	r.note.SetText(doc.Note)
	r.kind.SetSelectedIndex(kindIndex(docKindLabels, string(doc.Kind)))
	r.required.SetChecked(!doc.Optional)
	var remove *widget.Button
	remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, x := range d.docs {
			if x == r {
				d.docs = append(d.docs[:i], d.docs[i+1:]...)
				break
			}
		}
		d.rows.Remove(r.root)
	})
	h := r.name.MinSize().Height
	right := container.NewHBox(container.NewGridWrap(fyne.NewSize(190, h), r.kind),
		container.NewGridWrap(fyne.NewSize(48, h), r.count), r.required, remove)
	r.root = container.NewVBox(container.NewBorder(nil, nil, nil, right, r.name), r.note)
	d.docs = append(d.docs, r)
	d.rows.Add(r.root)
}

func (d *docsEditor) set(docs []store.Document) {
	d.docs = nil
	d.rows.RemoveAll()
	for _, doc := range docs {
		d.add(doc)
	}
}

func (d *docsEditor) get() []store.Document {
	var out []store.Document
	for _, r := range d.docs {
		out = append(out, store.Document{Name: r.name.Text, Kind: store.DocKind(kindKey(docKindLabels, r.kind.SelectedIndex())),
			Count: atoi(r.count.Text), Optional: !r.required.Checked, Note: r.note.Text})
	}
	return out
}
