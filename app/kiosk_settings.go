package app

import (
	"context"
	"errors"
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

// kioskSettings is Quản trị → Màn hình người dân: whether this PC opens the citizens' touchscreen
// (and fullscreen), this PC's counter name and the idle time. All belong to this PC (Preferences):
// with several counters on one database each PC is its own counter, and its officials' window
// and its kiosk both use the name (prompts are matched by it). A PC never named shows the
// store's default name ("Quầy 1"); saving makes the shown name this PC's.
type kioskSettings struct {
	u                *ui
	root             fyne.CanvasObject
	enabled, full    *widget.Check
	idleSaves        *widget.Check
	counter, idle    *field
	status           *widget.Label
	openNow, saveBtn *widget.Button
}

func newKioskSettings(u *ui) *kioskSettings {
	k := &kioskSettings{u: u}
	k.enabled = widget.NewCheck(lang.L("Mở màn hình đánh giá cho người dân cùng cửa sổ làm việc"), nil)
	k.full = widget.NewCheck(lang.L("Toàn màn hình (kéo cửa sổ sang màn hình cảm ứng trước)"), nil)
	k.idleSaves = widget.NewCheck(lang.L("Người dân bỏ đi khi chưa bấm “Gửi đánh giá”: vẫn ghi mức đã chọn (mặc định: không ghi gì)"), nil)
	k.counter = newField(u, lang.L("Tên quầy"), lang.L("Quầy 1"))
	k.idle = newField(u, lang.L("Về màn hình chào sau (giây)"), "60")
	k.status = widget.NewLabel("")
	k.status.Wrapping = fyne.TextWrapWord
	k.saveBtn = widget.NewButtonWithIcon(lang.L("Lưu"), theme.DocumentSaveIcon(), k.save)
	k.saveBtn.Importance = widget.HighImportance
	k.openNow = widget.NewButtonWithIcon(lang.L("Mở màn hình người dân ngay"), theme.ComputerIcon(), k.open)

	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(k.counter.label), k.counter.cell(),
		widget.NewLabel(k.idle.label), k.idle.cell())
	note := widget.NewLabel(lang.L("Người dân đánh giá công chức đang đăng nhập tại quầy này sau mỗi lần tiếp nhận, trả kết quả, hoặc khi bấm “Mời đánh giá”. Thoát màn hình người dân cần mã PIN."))
	note.Wrapping = fyne.TextWrapWord
	k.root = container.NewBorder(nil, container.NewHBox(k.status, layout.NewSpacer(), k.openNow, k.saveBtn), nil, nil,
		container.NewVBox(k.enabled, k.full, form, k.idleSaves, note))
	return k
}

// load shows what this PC holds now.
func (k *kioskSettings) load() {
	p := k.u.app.Preferences()
	k.enabled.SetChecked(p.Bool(prefKioskEnabled))
	k.full.SetChecked(p.Bool(prefKioskFullscreen))
	k.idleSaves.SetChecked(p.Bool(prefKioskIdleSaves))
	k.idle.entry.SetText(strconv.Itoa(p.IntWithFallback(prefKioskIdle, 60)))
	if name := k.u.counterName(); name != "" {
		k.counter.entry.SetText(name)
		return
	}
	goAsync(func() {
		name, err := k.u.st.Counter(context.Background())
		fyne.Do(func() {
			if err != nil {
				k.u.fail(err)
				return
			}
			k.counter.entry.SetText(name)
		})
	})
}

// save keeps the choices in this PC's preferences. They are no store data, so the store cannot
// guard them: the administrator's permission (PermSettings, like the tab) is checked here.
func (k *kioskSettings) save() {
	k.counter.setError("")
	k.idle.setError("")
	if me, ok := k.u.actor(); !ok || !me.Role.Can(store.PermSettings) {
		k.status.SetText(lang.L("{{.Role}} {{.Name}} không có quyền sửa cài đặt màn hình người dân; hãy nhờ quản trị viên.",
			map[string]string{"Role": me.Role.Name(), "Name": me.FullName}))
		return
	}
	name, err := store.CounterName(k.counter.entry.Text)
	if err != nil {
		var ve *store.ValidationError
		if errors.As(err, &ve) {
			k.counter.setError(ve.Message)
		} else {
			k.counter.setError(err.Error())
		}
		return
	}
	idle, err := strconv.Atoi(strings.TrimSpace(k.idle.entry.Text))
	if err != nil || idle < 15 || idle > 3600 {
		k.idle.setError(lang.L("Thời gian chờ phải là số giây từ 15 đến 3600."))
		return
	}
	p := k.u.app.Preferences()
	p.SetBool(prefKioskEnabled, k.enabled.Checked)
	p.SetBool(prefKioskFullscreen, k.full.Checked)
	p.SetInt(prefKioskIdle, idle)
	p.SetBool(prefKioskIdleSaves, k.idleSaves.Checked)
	p.SetString(prefKioskCounter, name)
	k.counter.entry.SetText(name)
	if k.u.place != nil {
		k.u.place.update()
	}
	k.status.SetText(lang.L("Đã lưu. Màn hình người dân mở cùng cửa sổ làm việc từ lần khởi động sau."))
}

// open shows the citizens' window now, for setting it up on the touch screen.
func (k *kioskSettings) open() {
	showKiosk(NewKioskWindow(k.u.app, k.u.st, k.u.counterName()), k.full.Checked)
}
