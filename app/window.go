package app

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/app/desk"
	"motcua/store"
)

// prefOfficial remembers, per counter PC, who sits at the counter.
const prefOfficial = "counter.official"

// ui is the officials' window: the top bar, the navigation rail and the screen shown beside it.
type ui struct {
	app  fyne.App
	win  fyne.Window
	desk *desk.Desk
	st   *store.Store
	hot  *hotkeys

	agency    *widget.Label
	official  *widget.Select
	officials []store.Official
	date      *widget.Label
	search    *keyEntry

	content    *fyne.Container
	intakePane fyne.CanvasObject // the intake under the "Việc hôm nay" strip
	rail       map[string]*widget.Button
	current    string

	intake   *intakeScreen
	today    *todayStrip
	ret      *returnScreen
	handover *handoverScreen
	book     *bookScreen
	reports  *reportsScreen
	settings *settingsScreen
	calendar *calendarScreen
	admin    *container.AppTabs

	rating   *ratingWatch   // "Mời đánh giá" and the citizen's answer
	kioskSet *kioskSettings // Quản trị → Màn hình người dân

	help    dialog.Dialog // the help (F1) while it is open
	detail  *dossierView  // the dossier detail open now, if any
	results dialog.Dialog // the list of dossiers a partial search matched
	found   []store.Dossier
}

// Sections of the rail, in order.
const (
	secIntake   = "intake"
	secReturn   = "return"
	secHandover = "handover"
	secBook     = "book"
	secReports  = "reports"
	secAdmin    = "admin"
)

func newUI(a fyne.App, d *desk.Desk) *ui {
	u := &ui{app: a, desk: d, st: d.Store, hot: newHotkeys(), rail: map[string]*widget.Button{}}
	u.win = a.NewWindow(lang.L("Một Cửa — Bộ phận tiếp nhận và trả kết quả"))
	u.win.SetIcon(appIcon())

	u.agency = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.agency.Truncation = fyne.TextTruncateEllipsis
	u.official = widget.NewSelect(nil, u.officialChosen)
	u.official.PlaceHolder = lang.L("Chọn công chức tiếp nhận")
	u.date = widget.NewLabel(longDate(now()))
	u.search = newKeyEntry(u.hot)
	u.search.SetPlaceHolder(lang.L("Quét mã hoặc tìm hồ sơ (F2)"))
	u.search.ActionItem = widget.NewButtonWithIcon("", theme.SearchIcon(), func() { u.lookup(u.search.Text) })
	u.search.OnSubmitted = u.lookup

	u.rating = newRatingWatch(u)
	u.intake = newIntake(u)
	u.today = newToday(u)
	u.intakePane = container.NewBorder(u.today.root, nil, nil, nil, u.intake.root)
	u.ret = newReturn(u)
	u.handover = newHandover(u)
	u.book = newBook(u)
	u.reports = newReports(u)
	u.settings = newSettings(u)
	u.calendar = newCalendar(u)
	u.kioskSet = newKioskSettings(u)
	u.admin = container.NewAppTabs(
		container.NewTabItem(lang.L("Cơ quan"), u.settings.root),
		container.NewTabItem(lang.L("Lịch làm việc"), u.calendar.root),
		container.NewTabItem(lang.L("Màn hình người dân"), u.kioskSet.root),
	)
	u.admin.OnSelected = func(t *container.TabItem) { u.loadAdminTab(t) }

	u.hot.keys[fyne.KeyF2] = u.focusSearch
	u.hot.keys[fyne.KeyF1] = u.showHelp
	u.hot.keys[fyne.KeyEscape] = func() {
		if u.help != nil {
			u.help.Hide()
			return
		}
		if u.current == secIntake {
			u.intake.escape()
		}
	}
	u.hot.onShortcut(func() {
		if u.current == secIntake {
			u.intake.submit()
		}
	}, fyne.KeyReturn, fyne.KeyEnter)
	u.hot.onShortcut(u.reprint, fyne.KeyP)
	u.hot.attach(u.win.Canvas())

	u.content = container.NewStack()
	u.win.SetContent(container.NewBorder(u.topBar(), nil, u.railView(), nil, u.content))
	u.show(secIntake)
	return u
}

func (u *ui) topBar() fyne.CanvasObject {
	official := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Công chức:")), nil, u.official)
	search := container.NewGridWrap(fyne.NewSize(320, u.search.MinSize().Height), u.search)
	help := widget.NewButtonWithIcon("", theme.HelpIcon(), u.showHelp)
	help.Importance = widget.LowImportance
	right := container.NewHBox(databaseLabel(u.st), u.rating.status, u.rating.button, official, u.date, search, help)
	logo := canvas.NewImageFromResource(appIcon())
	logo.FillMode = canvas.ImageFillContain
	logo.SetMinSize(fyne.NewSize(28, 28))
	bar := container.NewBorder(nil, nil, logo, right, u.agency)
	bg := canvas.NewRectangle(colourRail)
	return container.NewVBox(container.NewStack(bg, container.NewPadded(bar)), widget.NewSeparator())
}

func (u *ui) railView() fyne.CanvasObject {
	items := []struct {
		id, label string
		icon      fyne.Resource
	}{
		{secIntake, lang.L("Tiếp nhận"), theme.DocumentCreateIcon()},
		{secReturn, lang.L("Trả kết quả"), theme.ConfirmIcon()},
		{secHandover, lang.L("Bàn giao"), theme.MailForwardIcon()},
		{secBook, lang.L("Sổ theo dõi"), theme.ListIcon()},
		{secReports, lang.L("Báo cáo"), theme.DocumentIcon()},
		{secAdmin, lang.L("Quản trị"), theme.SettingsIcon()},
	}
	box := container.NewVBox()
	for _, it := range items {
		b := widget.NewButtonWithIcon(it.label, it.icon, func() { u.show(it.id) })
		b.Alignment = widget.ButtonAlignLeading
		u.rail[it.id] = b
		box.Add(b)
	}
	bg := canvas.NewRectangle(colourRail)
	return container.NewHBox(container.NewStack(bg, container.NewPadded(box)), widget.NewSeparator())
}

// show puts a section beside the rail.
func (u *ui) show(id string) {
	u.current = id
	for k, b := range u.rail {
		if k == id {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
	}
	var obj fyne.CanvasObject
	switch id {
	case secIntake:
		obj = u.intakePane
		u.today.load()
	case secReturn:
		obj = u.ret.root
		u.ret.loadWaiting()
	case secHandover:
		obj = u.handover.root
		u.handover.load()
	case secBook:
		obj = u.book.root
		u.book.load()
	case secReports:
		obj = u.reports.root
		u.reports.open()
	case secAdmin:
		obj = u.admin
		u.loadAdminTab(u.admin.Selected())
	default:
		obj = placeholder(u.rail[id].Text)
	}
	u.content.Objects = []fyne.CanvasObject{obj}
	u.content.Refresh()
	switch id {
	case secIntake:
		u.intake.focus()
	case secReturn:
		u.ret.focus()
	}
}

// dossierChanged refreshes the screen beside the rail after a step changed a dossier.
func (u *ui) dossierChanged() {
	switch u.current {
	case secIntake:
		u.today.load()
	case secReturn:
		u.ret.loadWaiting()
	case secHandover:
		u.handover.load()
	case secBook:
		u.book.fetch()
	}
}

// showAdmin opens Quản trị on its tab (0 Cơ quan, 1 Lịch làm việc).
// loadAdminTab refreshes the admin tab being shown from the store.
func (u *ui) loadAdminTab(t *container.TabItem) {
	switch {
	case t != nil && t.Content == u.calendar.root:
		u.calendar.load()
	case t != nil && t.Content == u.kioskSet.root:
		u.kioskSet.load()
	default:
		u.settings.load()
	}
}

func (u *ui) showAdmin(tab int) {
	u.admin.SelectIndex(tab)
	u.show(secAdmin)
}

// placeholder stands for a screen that is not built yet.
func placeholder(title string) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	msg := widget.NewLabelWithStyle(lang.L("Chức năng này sẽ có trong phiên bản sau."), fyne.TextAlignCenter, fyne.TextStyle{})
	return container.NewCenter(container.NewVBox(head, msg))
}

// start loads what the top bar shows and, on an empty database, offers the demo data.
func (u *ui) start(ctx context.Context) {
	u.loadColour(ctx)
	goAsync(func() {
		empty, err := u.st.IsEmpty(ctx)
		fyne.Do(func() {
			if err != nil {
				u.fail(err)
				return
			}
			if empty {
				u.offerDemo(ctx)
				return
			}
			u.refreshTop(ctx)
		})
	})
}

func (u *ui) offerDemo(ctx context.Context) {
	msg := widget.NewLabel(lang.L("Cơ sở dữ liệu còn trống. Tạo dữ liệu mẫu UBND phường Hoài Đức (cơ quan, công chức, danh mục thủ tục) để dùng thử?"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Bắt đầu"), lang.L("Tạo dữ liệu mẫu UBND phường Hoài Đức"), lang.L("Tự nhập thông tin cơ quan"), msg, func(ok bool) {
		if !ok {
			newSetupForm(u, func() {
				u.refreshTop(ctx)
				u.intake.reload()
			}).show()
			return
		}
		goAsync(func() {
			err := u.st.SeedDemo(ctx)
			fyne.Do(func() {
				if err != nil {
					u.fail(err)
					return
				}
				u.refreshTop(ctx)
				u.intake.reload()
			})
		})
	}, u.win)
	d.Resize(fyne.NewSize(520, 200))
	d.Show()
}

// refreshTop reloads the agency name and the officials after a change.
func (u *ui) refreshTop(ctx context.Context) {
	goAsync(func() {
		ag, err1 := u.st.Agency(ctx)
		offs, err2 := u.st.Officials(ctx)
		fyne.Do(func() {
			if err := errors.Join(err1, err2); err != nil {
				u.fail(err)
				return
			}
			u.agency.SetText(ag.Name)
			u.officials = u.officials[:0]
			var names []string
			for _, o := range offs {
				if o.Active {
					u.officials = append(u.officials, o)
					names = append(names, o.FullName)
				}
			}
			u.official.SetOptions(names)
			u.selectOfficial(u.app.Preferences().String(prefOfficial))
		})
	})
}

// selectOfficial shows the remembered official, else the first counter official.
func (u *ui) selectOfficial(login string) {
	pick := -1
	for i, o := range u.officials {
		if o.Login == login {
			pick = i
			break
		}
		if pick < 0 && o.Role == "counter" {
			pick = i
		}
	}
	if pick < 0 && len(u.officials) > 0 {
		pick = 0
	}
	if pick >= 0 {
		u.official.SetSelectedIndex(pick)
	}
}

func (u *ui) officialChosen(string) {
	if o, ok := u.actor(); ok {
		u.app.Preferences().SetString(prefOfficial, o.Login)
	}
	// What the official holds and has to confirm depends on who sits at the counter.
	switch u.current {
	case secIntake:
		u.today.load()
	case secHandover:
		u.handover.load()
	}
}

// actor is the official the counter's actions are recorded for.
func (u *ui) actor() (store.Official, bool) {
	i := u.official.SelectedIndex()
	if i < 0 || i >= len(u.officials) {
		return store.Official{}, false
	}
	return u.officials[i], true
}

func (u *ui) actorLogin() string {
	o, _ := u.actor()
	return o.Login
}

func (u *ui) focusSearch() {
	u.win.Canvas().Focus(u.search)
	u.search.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// lookup opens the dossier whose code was typed or scanned; a partial text lists the matches.
func (u *ui) lookup(q string) {
	q = strings.TrimSpace(q)
	if q == "" {
		return
	}
	ctx := context.Background()
	goAsync(func() {
		if d, err := u.st.Dossier(ctx, q); err == nil {
			fyne.Do(func() { u.openDossier(d) })
			return
		}
		found, err := u.st.SearchDossiers(ctx, q, 50)
		fyne.Do(func() {
			switch {
			case err != nil:
				u.fail(err)
			case len(found) == 0:
				u.inform(lang.L("Tìm hồ sơ"), lang.L("Không tìm thấy hồ sơ nào khớp với “{{.Q}}”.", map[string]string{"Q": q}))
			case len(found) == 1:
				u.openDossier(found[0])
			default:
				u.showResults(q, found)
			}
		})
	})
}

func (u *ui) showResults(q string, found []store.Dossier) {
	list := widget.NewList(func() int { return len(found) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := found[i]
			o.(*widget.Label).SetText(d.Code + " — " + d.Name + " — " + d.ProcedureName)
		})
	var dlg dialog.Dialog
	list.OnSelected = func(i widget.ListItemID) {
		dlg.Hide()
		u.openDossier(found[i])
	}
	title := lang.L("{{.N}} hồ sơ khớp với “{{.Q}}”", map[string]any{"N": len(found), "Q": q})
	dlg = dialog.NewCustom(title, lang.L("Đóng"), list, u.win)
	dlg.Resize(fyne.NewSize(760, 460))
	u.results, u.found = dlg, found
	dlg.Show()
}

// reprint (Ctrl+P) prints again the slip of the dossier on screen, or of the last one received.
func (u *ui) reprint() {
	switch {
	case u.detail != nil && u.detail.open:
		u.detail.reprint()
	case u.current == secIntake && u.intake.last != nil:
		u.intake.reprintLast()
	}
}

// inform shows a message with a Vietnamese close button.
func (u *ui) inform(title, msg string) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, lang.L("Đóng"), l, u.win)
	d.Resize(fyne.NewSize(480, 180))
	d.Show()
}

// fail reports an error that is not about one field (the store's messages are Vietnamese).
func (u *ui) fail(err error) {
	u.inform(lang.L("Có lỗi"), err.Error())
}
