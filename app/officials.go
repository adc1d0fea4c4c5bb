package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// roles in the order the admin picks them.
var roles = []store.Role{store.RoleCounter, store.RoleProcessing, store.RoleLeader, store.RoleAdmin}

// officialsScreen is Quản trị → Cán bộ: the officials, their role and phone, active or not, and
// their password and PIN (set by the admin, never shown). Nobody is deleted.
type officialsScreen struct {
	u    *ui
	root fyne.CanvasObject

	list     *widget.List
	rows     []store.Official
	selected int // index in rows; -1 = a new official

	login, name, phone *field
	title              *field // signs Mẫu 04 (the head of the agency)
	role               *widget.Select
	active             *widget.Check
	password, pin      *field
	status             *widget.Label
	fields             map[store.FieldKey]*field
	photo              *photoBox
}

// current is the login of the official being edited ("" for a new one).
func (o *officialsScreen) current() string {
	if o.selected < 0 || o.selected >= len(o.rows) {
		return ""
	}
	return o.rows[o.selected].Login
}

func roleNames() []string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = r.Name()
	}
	return out
}

func newOfficialsScreen(u *ui) *officialsScreen {
	o := &officialsScreen{u: u, selected: -1}
	o.list = widget.NewList(func() int { return len(o.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, c fyne.CanvasObject) {
			r := o.rows[i]
			t := r.Login + " — " + r.FullName + " — " + r.Role.Name()
			if !r.Active {
				t += " " + lang.L("(ngừng hoạt động)")
			}
			c.(*widget.Label).SetText(t)
		})
	o.list.OnSelected = func(i widget.ListItemID) { o.pick(i) }
	o.login = newField(u, lang.L("Tên đăng nhập"), lang.L("ví dụ: tiepnhan3"))
	o.name = newField(u, lang.L("Họ và tên"), lang.L("Nguyễn Văn A"))
	o.phone = newField(u, lang.L("Điện thoại"), "0912345678")
	o.title = newField(u, lang.L("Chức danh (ký văn bản Mẫu 04)"), lang.L("ví dụ: Chủ tịch; KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"))
	o.role = widget.NewSelect(roleNames(), nil)
	o.role.PlaceHolder = lang.L("Chọn vai trò") // Fyne's own "(Select one)" is not translated
	o.active = widget.NewCheck(lang.L("Đang hoạt động"), nil)
	o.password = newField(u, lang.L("Mật khẩu mới"), lang.L("ít nhất 8 ký tự"))
	o.password.entry.Password = true
	o.pin = newField(u, lang.L("Mã PIN mới"), lang.L("6 chữ số"))
	o.pin.entry.Password = true
	o.status = widget.NewLabel("")
	o.status.Wrapping = fyne.TextWrapWord
	o.fields = map[store.FieldKey]*field{store.KeyLogin: o.login, store.KeyFullName: o.name, store.KeyPhone: o.phone, store.KeyTitle: o.title, store.KeyPassword: o.password, store.KeyPIN: o.pin, store.KeyOld: o.password}

	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(o.login.label), o.login.cell(),
		widget.NewLabel(o.name.label), o.name.cell(),
		widget.NewLabel(o.phone.label), o.phone.cell(),
		widget.NewLabel(o.title.label), o.title.cell(),
		widget.NewLabel(lang.L("Vai trò")), o.role,
		widget.NewLabel(""), o.active,
		widget.NewLabel(o.password.label), o.password.cell(),
		widget.NewLabel(o.pin.label), o.pin.cell())
	o.photo = newPhotoBox(o)
	form.Add(widget.NewLabel(lang.L("Ảnh (màn hình người dân)")))
	form.Add(o.photo.root)
	newBtn := widget.NewButton(lang.L("Thêm cán bộ mới"), o.clear)
	save := widget.NewButton(lang.L("Lưu"), o.save)
	save.Importance = widget.HighImportance
	right := container.NewVBox(form, container.NewHBox(newBtn, save), o.status)
	o.root = container.NewHSplit(o.list, container.NewVScroll(right))
	return o
}

func (o *officialsScreen) load() {
	ctx := context.Background()
	goAsync(func() {
		rows, err := o.u.st.Officials(ctx)
		fyne.Do(func() {
			if err != nil {
				o.u.fail(err)
				return
			}
			o.rows = rows
			o.list.Refresh()
		})
	})
}

func (o *officialsScreen) clear() {
	o.selected = -1
	o.list.UnselectAll()
	for _, f := range []*field{o.login, o.name, o.phone, o.title, o.password, o.pin} {
		f.entry.SetText("")
		f.setError("")
	}
	o.login.entry.Enable()
	o.role.SetSelectedIndex(0)
	o.active.SetChecked(true)
	o.status.SetText("")
	o.photo.show("")
}

func (o *officialsScreen) pick(i int) {
	o.clear()
	o.selected = i
	r := o.rows[i]
	o.login.entry.SetText(r.Login)
	o.login.entry.Disable() // the history refers to the login: it never changes
	o.name.entry.SetText(r.FullName)
	o.phone.entry.SetText(r.Phone)
	o.title.entry.SetText(r.Title)
	for j, x := range roles {
		if x == r.Role {
			o.role.SetSelectedIndex(j)
		}
	}
	o.active.SetChecked(r.Active)
	o.photo.show(r.Login)
}

// save adds or edits the official, then sets the active flag and any new password or PIN; each
// is a store call checked and audited there.
func (o *officialsScreen) save() {
	for _, f := range o.fields {
		f.setError("")
	}
	rec := store.Official{Login: o.login.entry.Text, FullName: o.name.entry.Text, Phone: o.phone.entry.Text, Title: o.title.entry.Text}
	if i := o.role.SelectedIndex(); i >= 0 {
		rec.Role = roles[i]
	}
	isNew, active := o.selected < 0, o.active.Checked
	pw, pin := o.password.entry.Text, o.pin.entry.Text
	by := o.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		var err error
		// Check the new secrets first, so that a weak one does not leave half an official.
		if pw != "" {
			_, err = store.ValidatePassword(rec.Login, pw)
		}
		if err == nil && pin != "" {
			_, err = store.ValidatePIN(pin)
		}
		switch {
		case err != nil:
		case isNew:
			rec, err = o.u.st.AddOfficial(ctx, by, rec)
		default:
			rec, err = o.u.st.UpdateOfficial(ctx, by, rec)
		}
		if err == nil {
			err = o.u.st.SetActive(ctx, by, rec.Login, active)
		}
		if err == nil && pw != "" {
			err = o.u.st.SetPassword(ctx, by, rec.Login, "", pw)
		}
		if err == nil && pin != "" {
			err = o.u.st.SetPIN(ctx, by, rec.Login, "", pin)
		}
		fyne.Do(func() {
			var ve *store.ValidationError
			switch {
			case errors.As(err, &ve) && o.fields[ve.Field] != nil:
				o.fields[ve.Field].setError(ve.Message)
			case err != nil:
				o.status.SetText(err.Error())
			default:
				o.password.entry.SetText("")
				o.pin.entry.SetText("")
				o.status.SetText(lang.L("Đã lưu cán bộ {{.Login}}.", map[string]string{"Login": rec.Login}))
				o.load()
				o.u.refreshTop(ctx)
			}
		})
	})
}

// askInitialPassword: a database from before accounts has officials but no secret; its first
// admin sets a password here, once, and then logs in like everyone.
func (u *ui) askInitialPassword(ctx context.Context) {
	var admin store.Official
	for _, o := range u.officials {
		if o.Role == store.RoleAdmin {
			admin = o
			break
		}
	}
	pw := widget.NewPasswordEntry()
	again := widget.NewPasswordEntry()
	msg := widget.NewLabel(lang.L("Chưa cán bộ nào có mật khẩu. Hãy đặt mật khẩu cho quản trị viên {{.Login}} để bắt đầu; sau đó quản trị viên đặt mật khẩu cho các cán bộ khác.", map[string]string{"Login": admin.Login}))
	msg.Wrapping = fyne.TextWrapWord
	errL := widget.NewLabel("")
	errL.Importance = widget.DangerImportance
	errL.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(), widget.NewLabel(lang.L("Mật khẩu")), pw, widget.NewLabel(lang.L("Nhập lại mật khẩu")), again)
	box := container.NewVBox(msg, form, errL)
	var submit func()
	btn := widget.NewButton(lang.L("Đặt mật khẩu"), func() { submit() })
	btn.Importance = widget.HighImportance
	u.win.SetContent(container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 300), container.NewBorder(nil, btn, nil, nil, box))))
	submit = func() {
		if pw.Text != again.Text {
			errL.SetText(lang.L("Hai lần nhập mật khẩu không giống nhau."))
			return
		}
		p := pw.Text
		goAsync(func() {
			err := u.st.InitialPassword(ctx, admin.Login, p)
			fyne.Do(func() {
				if err != nil {
					errL.SetText(err.Error())
					return
				}
				u.showLogin(admin.Login)
			})
		})
	}
	u.win.Canvas().Focus(pw)
}
