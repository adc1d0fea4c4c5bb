package app

import (
	"context"
	"errors"
	"image/color"
	"strings"
	"sync"
	"time"

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
	who       *widget.Label    // the logged-in official
	lockBtn   *widget.Button   // "Khóa" (Ctrl+L)
	officials []store.Official // active officials (handover targets, quick switch)
	date      *widget.Label
	search    *keyEntry

	content    *fyne.Container
	intakePane fyne.CanvasObject // the intake under the "Việc hôm nay" strip
	rail       map[string]*widget.Button
	current    string

	intake    *intakeScreen
	today     *todayStrip
	ret       *returnScreen
	handover  *handoverScreen
	book      *bookScreen
	reports   *reportsScreen
	settings  *settingsScreen
	calendar  *calendarScreen
	admin     *container.AppTabs
	adminTabs []adminTab // every tab; applyRole shows those the role may use

	main      fyne.CanvasObject // the working window under the top bar
	login     *loginView
	me        *store.Official // logged in; nil while the login screen shows
	lastLogin string          // who was logged in last: another official gets a clean window
	security  store.Security

	activeMu   sync.Mutex
	lastActive time.Time

	autoMu   sync.Mutex
	autoFail autoFailure // the last automatic backup of this session that failed, if any

	rating   *ratingWatch   // "Mời đánh giá" and the citizen's answer
	kioskSet *kioskSettings // Quản trị → Màn hình người dân
	place    *placeLabel    // the counter and the database, under the rail

	help dialog.Dialog // the help (F1) while it is open

	officialsAdmin *officialsScreen // Quản trị → Cán bộ
	catalogue      *catalogueScreen // Quản trị → Thủ tục
	safety         *safetyScreen    // Quản trị → Bảo mật và sao lưu
	auditView      *auditScreen     // Quản trị → Nhật ký thay đổi

	detail  *dossierView  // the dossier detail open now, if any
	results dialog.Dialog // the list of dossiers a partial search matched
	found   []store.Dossier
}

// adminTab is a tab of Quản trị and the permission it needs.
type adminTab struct {
	item *container.TabItem
	perm store.Permission
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
	u.who = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	u.lockBtn = widget.NewButtonWithIcon(lang.L("Khóa"), theme.LogoutIcon(), func() { u.lock() })
	u.security = store.DefaultSecurity()
	u.login = newLoginView(u)
	u.hot.active = u.touch
	u.date = widget.NewLabel(longDate(now()))
	u.search = newKeyEntry(u.hot)
	u.search.SetPlaceHolder(lang.L("Quét mã, tìm hồ sơ (F2)"))
	u.search.ActionItem = widget.NewButtonWithIcon("", theme.SearchIcon(), func() { u.lookup(u.search.Text) })
	u.search.OnSubmitted = u.lookup
	u.search.ownScan = true
	u.hot.scan = u.lookup

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
	u.officialsAdmin = newOfficialsScreen(u)
	u.catalogue = newCatalogueScreen(u)
	u.safety = newSafetyScreen(u)
	u.auditView = newAuditScreen(u)
	u.adminTabs = []adminTab{
		{container.NewTabItem(lang.L("Cơ quan"), u.settings.root), store.PermSettings},
		{container.NewTabItem(lang.L("Lịch làm việc"), u.calendar.root), store.PermCalendar},
		{container.NewTabItem(lang.L("Màn hình người dân"), u.kioskSet.root), store.PermSettings},
		{container.NewTabItem(lang.L("Cán bộ"), u.officialsAdmin.root), store.PermOfficials},
		{container.NewTabItem(lang.L("Thủ tục"), u.catalogue.root), store.PermCatalogue},
		{container.NewTabItem(lang.L("Bảo mật và sao lưu"), u.safety.root), store.PermBackup},
		{container.NewTabItem(lang.L("Nhật ký thay đổi"), u.auditView.root), store.PermViewAudit},
	}
	u.admin = container.NewAppTabs()
	for _, t := range u.adminTabs {
		u.admin.Append(t.item)
	}
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
	u.hot.onShortcut(func() { // every document received, without leaving the keyboard
		if u.current == secIntake {
			u.intake.tickAll()
		}
	}, fyne.KeyD)
	u.hot.onShortcut(u.lock, fyne.KeyL)
	u.hot.attach(u.win.Canvas())

	u.content = container.NewStack()
	u.main = container.NewBorder(u.topBar(), nil, u.railView(), nil, u.content)
	u.win.SetContent(u.login.root) // nothing shows until an official logs in
	return u
}

func (u *ui) topBar() fyne.CanvasObject {
	// 210 px holds a dossier code; wider, the agency's name was cut at 1366 px. A
	// stack with a sized rectangle, not a grid-wrap: that one draws its cell past the room it is
	// given and covered the help button.
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(210, 0))
	search := container.NewStack(width, u.search)
	help := widget.NewButtonWithIcon("", theme.HelpIcon(), u.showHelp)
	help.Importance = widget.LowImportance
	right := container.NewHBox(u.rating.status, u.rating.button, u.who, u.lockBtn, u.date, search, help)
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
	// Which counter and database this PC works on sits under the rail: the top bar has no room
	// left for it at 1366 pixels, and it only changes when the PC is set up.
	u.place = newPlaceLabel(u)
	db := u.place.Label
	db.Wrapping = fyne.TextWrapWord
	db.Importance = widget.MediumImportance // the low-importance grey is unreadable on the rail
	db.SizeName = theme.SizeNameCaptionText
	rail := container.NewBorder(box, db, nil, nil)
	bg := canvas.NewRectangle(colourRail)
	return container.NewHBox(container.NewStack(bg, container.NewPadded(rail)), widget.NewSeparator())
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

// clockTick is how often the window follows the clock: the date in the top bar and "Việc hôm
// nay" (a dossier becomes overdue, the day changes) without anyone touching the window.
var clockTick = time.Minute

// followClock refreshes what depends on the time of day, every clockTick.
func (u *ui) followClock() {
	go func() {
		t := time.NewTicker(clockTick)
		defer t.Stop()
		for range t.C {
			fyne.Do(u.tick)
		}
	}()
}

// tick is one step of followClock.
func (u *ui) tick() {
	u.date.SetText(longDate(now()))
	if u.me != nil && u.current == secIntake {
		u.today.load()
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
	case t != nil && t.Content == u.officialsAdmin.root:
		u.officialsAdmin.load()
	case t != nil && t.Content == u.catalogue.root:
		u.catalogue.load()
	case t != nil && t.Content == u.safety.root:
		u.safety.load()
	case t != nil && t.Content == u.auditView.root:
		u.auditView.load()
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
			u.askLogin(ctx)
		})
	})
}

// askLogin shows the login screen, or first asks for the admin's password on a database made
// before accounts existed (nobody could log in otherwise).
func (u *ui) askLogin(ctx context.Context) {
	goAsync(func() {
		need, err := u.st.NeedsInitialPassword(ctx)
		fyne.Do(func() {
			switch {
			case err != nil:
				u.fail(err)
			case need:
				u.askInitialPassword(ctx)
			default:
				u.showLogin(u.app.Preferences().String(prefOfficial))
			}
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
				u.showLogin("")
			})
		})
	}, u.win)
	d.Resize(fyne.NewSize(520, 200))
	u.hot.confirmKeys(d).Show()
}

// refreshTop reloads the agency name, the officials and the security settings after a change.
func (u *ui) refreshTop(ctx context.Context) {
	goAsync(func() {
		ag, err1 := u.st.Agency(ctx)
		offs, err2 := u.st.Officials(ctx)
		sec, err3 := u.st.Security(ctx)
		fyne.Do(func() {
			if err := errors.Join(err1, err2, err3); err != nil {
				u.fail(err)
				return
			}
			u.agency.SetText(ag.Name)
			u.activeMu.Lock()
			u.security = sec
			u.activeMu.Unlock()
			u.officials = u.officials[:0]
			for _, o := range offs {
				if o.Active {
					u.officials = append(u.officials, o)
				}
			}
			if u.me == nil {
				u.login.refresh()
			}
		})
	})
}

// actor is the logged-in official, whom every action is recorded for.
func (u *ui) actor() (store.Official, bool) {
	if u.me == nil {
		return store.Official{}, false
	}
	return *u.me, true
}

// actorLogin is the "by" of every store call; using it counts as activity for the idle lock.
func (u *ui) actorLogin() string {
	if u.me == nil {
		return noOfficial
	}
	u.touch()
	return u.me.Login
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
		if d, err := u.st.Dossier(ctx, u.actorLogin(), q); err == nil {
			fyne.Do(func() { u.openDossier(d) })
			return
		}
		found, err := u.st.SearchDossiers(ctx, u.actorLogin(), q, 50)
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
	u.hot.closeKeys(d).Show()
}

// fail reports an error that is not about one field (the store's messages are Vietnamese).
func (u *ui) fail(err error) {
	u.inform(lang.L("Có lỗi"), store.Explain(err).Error())
}
