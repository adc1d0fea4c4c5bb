package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// noOfficial is what the window sends as "by" while nobody is logged in: not a login, so the
// store refuses it instead of falling back to its default admin.
const noOfficial = "(chưa đăng nhập)"

// loginView is the screen that covers the window until an official logs in, and again when the
// window locks: login and password, or login and PIN with a keypad (the quick switch).
type loginView struct {
	u      *ui
	root   fyne.CanvasObject
	login  *widget.Entry
	secret *widget.Entry
	how    *widget.RadioGroup
	keypad *fyne.Container
	msg    *widget.Label
	people *fyne.Container // one button per active official: tap, then type the PIN
	button *widget.Button
	agency *widget.Label // whose counter this is
	demo   *widget.Label // the demo accounts, while their documented passwords are unchanged
}

var (
	howPassword = "Mật khẩu"
	howPIN      = "Mã PIN"
)

func newLoginView(u *ui) *loginView {
	l := &loginView{u: u}
	l.login = widget.NewEntry()
	l.login.SetPlaceHolder(lang.L("Tên đăng nhập"))
	l.login.OnSubmitted = func(string) { u.win.Canvas().Focus(l.secret) }
	l.secret = widget.NewPasswordEntry()
	l.secret.OnSubmitted = func(string) { l.submit() }
	l.how = widget.NewRadioGroup([]string{lang.L(howPassword), lang.L(howPIN)}, func(string) { l.modeChanged() })
	l.how.Horizontal = true
	l.how.Required = true
	l.msg = widget.NewLabel("")
	l.msg.Importance = widget.DangerImportance
	l.msg.Wrapping = fyne.TextWrapWord
	l.button = widget.NewButton(lang.L("Đăng nhập"), l.submit)
	l.button.Importance = widget.HighImportance
	l.keypad = container.NewGridWithColumns(3)
	for _, k := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"} {
		l.keypad.Add(widget.NewButton(k, func() { l.key(k) }))
	}
	l.people = container.NewGridWithColumns(3)

	l.agency = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	l.demo = widget.NewLabel("")
	l.demo.Wrapping = fyne.TextWrapWord
	l.demo.Hide()
	title := widget.NewLabelWithStyle(lang.L("Đăng nhập để làm việc"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Cách đăng nhập")), l.how,
		widget.NewLabel(lang.L("Tên đăng nhập")), l.login,
		widget.NewLabel(lang.L("Mật khẩu / PIN")), l.secret)
	box := container.NewVBox(l.agency, title, form, l.keypad, l.button, l.msg, widget.NewSeparator(),
		widget.NewLabel(lang.L("Đổi người nhanh: chọn tên rồi nhập mã PIN")), l.people, l.demo)
	bg := canvas.NewRectangle(colourRail)
	l.root = container.NewStack(bg, container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 620), box)))
	return l
}

// open shows the login screen; login is filled in when the window was locked by that official.
func (l *loginView) open(login, mode string) {
	l.secret.SetText("")
	l.msg.SetText("")
	l.login.SetText(login)
	if mode == store.LoginPIN {
		l.how.SetSelected(lang.L(howPIN))
	} else {
		l.how.SetSelected(lang.L(howPassword))
	}
	l.modeChanged()
	l.refresh()
	if login == "" {
		l.u.win.Canvas().Focus(l.login)
	} else {
		l.u.win.Canvas().Focus(l.secret)
	}
}

// refresh fills what the store says: the agency, the quick-switch names, and the demo accounts
// (so whoever tries the demo data can log in without the README). The officials arrive after the
// window opens, so refreshTop calls this again.
func (l *loginView) refresh() {
	l.agency.SetText(l.u.agency.Text)
	l.people.Objects = nil
	for _, o := range l.u.officials {
		if !o.HasPIN {
			continue
		}
		l.people.Add(widget.NewButton(o.FullName, func() {
			l.login.SetText(o.Login)
			l.how.SetSelected(lang.L(howPIN))
			l.u.win.Canvas().Focus(l.secret)
		}))
	}
	l.people.Refresh()
	goAsync(func() {
		accts, err := l.u.st.DemoAccounts(context.Background())
		fyne.Do(func() {
			if err != nil || len(accts) == 0 {
				l.demo.Hide()
				return
			}
			text := lang.L("Dữ liệu mẫu — đăng nhập thử (đổi mật khẩu trước khi dùng thật):")
			for _, a := range accts {
				text += "\n" + lang.L("{{.Login}} / {{.Password}} — {{.Name}}, {{.Role}} (PIN {{.PIN}})", map[string]string{
					"Login": a.Login, "Password": a.Password, "Name": a.FullName, "Role": a.Role.Name(), "PIN": a.PIN})
			}
			l.demo.SetText(text)
			l.demo.Show()
		})
	})
}

func (l *loginView) pinMode() bool { return l.how.Selected == lang.L(howPIN) }

func (l *loginView) modeChanged() {
	if l.pinMode() {
		l.keypad.Show()
	} else {
		l.keypad.Hide()
	}
}

func (l *loginView) key(k string) {
	switch k {
	case "⌫":
		if t := l.secret.Text; t != "" {
			l.secret.SetText(t[:len(t)-1])
		}
	case "OK":
		l.submit()
	default:
		if len(l.secret.Text) < 6 {
			l.secret.SetText(l.secret.Text + k)
		}
	}
}

// submit checks the login in the store (which counts wrong tries and makes the login wait).
func (l *loginView) submit() {
	login, secret, pin := l.login.Text, l.secret.Text, l.pinMode()
	ctx := context.Background()
	l.button.Disable()
	goAsync(func() {
		var o store.Official
		var err error
		if pin {
			o, err = l.u.st.QuickSwitch(ctx, login, secret)
		} else {
			o, err = l.u.st.Login(ctx, login, secret)
		}
		fyne.Do(func() {
			l.button.Enable()
			l.secret.SetText("")
			if err != nil {
				l.msg.SetText(err.Error())
				l.u.win.Canvas().Focus(l.secret)
				return
			}
			l.u.loggedIn(o)
		})
	})
}

// showLogin covers the window with the login screen; open dialogs are closed so nothing of the
// last official's work stays readable.
func (u *ui) showLogin(login string) {
	for top := u.win.Canvas().Overlays().Top(); top != nil; top = u.win.Canvas().Overlays().Top() {
		u.win.Canvas().Overlays().Remove(top)
	}
	u.hot.modals = nil // their dialogs are gone
	if u.detail != nil {
		u.detail.open = false
	}
	u.me = nil
	u.who.SetText("")
	u.win.SetContent(u.login.root)
	u.login.open(login, u.security.LoginMode)
}

// lock (Ctrl+L, the lock button, or idle minutes) hides the work until someone logs in again.
func (u *ui) lock() {
	if u.me == nil {
		return
	}
	u.showLogin(u.me.Login)
}

// loggedIn shows the window for the official: the top bar names them, the rail and the admin
// tabs offer only what their role may do (the store checks again on every operation).
func (u *ui) loggedIn(o store.Official) {
	if o.Login != u.lastLogin {
		u.forgetPerson()
		u.lastLogin = o.Login
	}
	u.me = &o
	u.touch()
	u.app.Preferences().SetString(prefOfficial, o.Login)
	u.who.SetText(o.FullName + " — " + o.Role.Name())
	u.win.SetContent(u.main)
	u.applyRole()
	u.refreshTop(context.Background())
	first := secIntake
	for _, id := range []string{secIntake, secReturn, secHandover, secBook, secAdmin} {
		if b := u.rail[id]; b != nil && b.Visible() {
			first = id
			break
		}
	}
	u.show(first)
}

// forgetPerson clears what the last official left on the screens when another one logs in:
// the last receipt's banner (and its Ctrl+P reprint), the handover and return messages, the
// search box, the book's filters, the rating awaited. The next person starts from a clean desk.
func (u *ui) forgetPerson() {
	u.intake.forget()
	u.handover.forget()
	u.ret.forget()
	u.book.forget()
	u.rating.forget()
	u.search.SetText("")
	u.results, u.found = nil, nil
	u.detail = nil
}

// can reports whether the logged-in official holds a permission.
func (u *ui) can(p store.Permission) bool { return u.me != nil && u.me.Role.Can(p) }

// applyRole hides the rail sections and admin tabs the role has no right to.
func (u *ui) applyRole() {
	vis := map[string]bool{
		secIntake:   u.can(store.PermReceive),
		secReturn:   u.can(store.ActPermission(store.ActReturn)),
		secHandover: u.can(store.ActPermission(store.ActHandover)) || u.can(store.ActPermission(store.ActConfirm)),
		secBook:     u.can(store.PermViewDossiers),
		secReports:  u.can(store.PermReportOwn),
		secAdmin: u.can(store.PermSettings) || u.can(store.PermCalendar) || u.can(store.PermOfficials) ||
			u.can(store.PermViewAudit) || u.can(store.PermBackup),
	}
	for id, b := range u.rail {
		if vis[id] {
			b.Show()
		} else {
			b.Hide()
		}
	}
	var tabs []*container.TabItem
	for _, t := range u.adminTabs {
		if u.can(t.perm) {
			tabs = append(tabs, t.item)
		}
	}
	u.admin.SetItems(tabs)
	if u.reports != nil {
		u.reports.applyRole()
	}
	if u.rating != nil && u.rating.button != nil {
		if u.can(store.PermPromptRating) {
			u.rating.button.Show()
		} else {
			u.rating.button.Hide()
		}
	}
}

// touch records activity: the idle lock counts from the last one.
func (u *ui) touch() {
	u.activeMu.Lock()
	u.lastActive = time.Now()
	u.activeMu.Unlock()
}

// watchIdle locks the window after the idle minutes of the security settings.
func (u *ui) watchIdle() {
	go func() {
		t := time.NewTicker(15 * time.Second)
		defer t.Stop()
		for range t.C {
			u.activeMu.Lock()
			idle := time.Since(u.lastActive)
			limit := time.Duration(u.security.IdleMinutes) * time.Minute
			u.activeMu.Unlock()
			if limit > 0 && idle >= limit {
				fyne.Do(func() {
					if u.me != nil {
						u.lock()
					}
				})
			}
		}
	}()
}
