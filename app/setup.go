package app

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// setupForm is the first start without demo data: the agency and its first admin, after which
// the default procedure catalogue is loaded and the counter can receive.
type setupForm struct {
	u                         *ui
	name, parent, code, place *field
	login, fullName           *field
	password, again           *field
	fields                    map[store.FieldKey]*field
	dlg                       *dialog.CustomDialog
	done                      func()
}

func newSetupForm(u *ui, done func()) *setupForm {
	f := &setupForm{u: u, done: done}
	f.name = newField(u, lang.L("Tên cơ quan"), lang.L("UBND phường Hoài Đức"))
	f.parent = newField(u, lang.L("Cơ quan chủ quản (dòng đầu phiếu)"), lang.L("UBND PHƯỜNG HOÀI ĐỨC"))
	f.code = newField(u, lang.L("Mã cơ quan"), lang.L("2–10 chữ in hoa và chữ số, đứng đầu mã hồ sơ"))
	f.place = newField(u, lang.L("Địa danh"), lang.L("Hà Nội"))
	f.login = newField(u, lang.L("Tên đăng nhập quản trị viên"), "quantri")
	f.fullName = newField(u, lang.L("Họ và tên quản trị viên"), lang.L("Nguyễn Văn A"))
	f.password = newField(u, lang.L("Mật khẩu quản trị viên"), lang.L("ít nhất 8 ký tự"))
	f.again = newField(u, lang.L("Nhập lại mật khẩu"), "")
	f.password.entry.Password = true
	f.again.entry.Password = true
	f.fields = map[store.FieldKey]*field{store.KeyName: f.name, store.KeyParentName: f.parent, store.KeyCode: f.code, store.KeyPlace: f.place,
		store.KeyLogin: f.login, store.KeyFullName: f.fullName, store.KeyPassword: f.password, "again": f.again}

	form := container.New(layout.NewFormLayout())
	for _, fl := range []*field{f.name, f.parent, f.code, f.place, f.login, f.fullName, f.password, f.again} {
		form.Add(widget.NewLabel(fl.label))
		form.Add(fl.cell())
	}
	intro := widget.NewLabel(lang.L("Nhập thông tin cơ quan và tài khoản quản trị đầu tiên. Danh mục thủ tục mặc định sẽ được nạp sẵn."))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, nil, nil, nil, form)
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("Thiết lập cơ quan"), body, u.win)
	save := widget.NewButton(lang.L("Lưu và bắt đầu"), f.save)
	save.Importance = widget.HighImportance
	f.dlg.SetButtons([]fyne.CanvasObject{save})
	f.dlg.Resize(fyne.NewSize(640, 560))
	return f
}

func (f *setupForm) show() {
	f.dlg.Show()
	f.u.win.Canvas().Focus(f.name.entry)
}

// save hands the form to the store; a refused field is named under it and nothing is written.
func (f *setupForm) save() {
	for _, fl := range f.fields {
		fl.setError("")
	}
	a := store.Agency{Name: f.name.entry.Text, ParentName: f.parent.entry.Text, Code: f.code.entry.Text, Place: f.place.entry.Text}
	admin := store.Official{Login: f.login.entry.Text, FullName: f.fullName.entry.Text}
	pw := f.password.entry.Text
	if pw != f.again.entry.Text {
		f.again.setError(lang.L("Hai lần nhập mật khẩu không giống nhau."))
		return
	}
	ctx := context.Background()
	goAsync(func() {
		err := f.u.st.Setup(ctx, a, admin, pw)
		if err == nil {
			// The admin who just set the office up is the one at the keyboard.
			var o store.Official
			if o, err = f.u.st.Login(ctx, admin.Login, pw); err == nil {
				fyne.Do(func() { f.u.loggedIn(o) })
			}
		}
		fyne.Do(func() {
			var ve *store.ValidationError
			switch {
			case errors.As(err, &ve) && f.fields[ve.Field] != nil:
				f.fields[ve.Field].setError(ve.Message)
				f.u.win.Canvas().Focus(f.fields[ve.Field].entry)
			case err != nil:
				f.u.fail(err)
			default:
				f.dlg.Hide()
				f.done()
			}
		})
	})
}
