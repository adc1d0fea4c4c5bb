package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
	"motcua/store/workday"
)

// handoverScreen is Bàn giao: the dossiers the official at the counter holds, ticked and given
// to a receiver (a batch prints one handover list), and the handovers waiting for this official
// to confirm receipt.
type handoverScreen struct {
	u    *ui
	root fyne.CanvasObject

	todayOnly *keyCheck
	held      []store.Dossier
	picked    map[string]bool
	heldList  *keyList
	heldCount *widget.Label
	all       *keyCheck

	receiver  *keySelect
	receivers []store.Official
	recvErr   *widget.Label
	note      *keyEntry
	giveBtn   *keyButton
	message   *widget.Label

	pending      []store.Dossier
	pendingList  *keyList
	pendingCount *widget.Label
	seq          int
}

func (h *handoverScreen) pickAll(on bool) {
	for _, d := range h.held {
		h.picked[d.Code] = on
	}
	h.heldList.Refresh()
	h.updateButton()
}

// heldLimit bounds one load of held dossiers; a busy official narrows with "today only".
const heldLimit = 500

func newHandover(u *ui) *handoverScreen {
	h := &handoverScreen{u: u, picked: map[string]bool{}}
	h.todayOnly = newKeyCheck(u.hot, lang.L("Chỉ hồ sơ nhận hôm nay"), func(bool) { h.load() })
	h.todayOnly.Checked = true
	h.heldCount = widget.NewLabel("")
	h.all = newKeyCheck(u.hot, lang.L("Chọn tất cả"), h.pickAll)
	h.heldList = newKeyList(u.hot, func() int { return len(h.held) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, newKeyCheck(u.hot, "", nil), nil, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			d := h.held[id]
			c := o.(*fyne.Container)
			l := c.Objects[0].(*widget.Label)
			ch := c.Objects[1].(*keyCheck)
			l.SetText(d.Code + " — " + d.Name + " — " + d.ProcedureName + " — " + lang.L("hẹn {{.Due}}", map[string]string{"Due": shortTime(d.DueAt)}))
			ch.OnChanged = nil
			ch.SetChecked(h.picked[d.Code])
			code := d.Code
			ch.OnChanged = func(on bool) {
				h.picked[code] = on
				h.updateButton()
			}
		})
	h.heldList.OnSelected = func(id widget.ListItemID) {
		h.heldList.UnselectAll()
		if id >= 0 && id < len(h.held) {
			code := h.held[id].Code
			h.picked[code] = !h.picked[code]
			h.heldList.RefreshItem(id)
			h.updateButton()
		}
	}

	h.receiver = newKeySelect(u.hot, nil, func(string) { h.recvErr.Hide() })
	h.receiver.PlaceHolder = lang.L("Chọn người nhận")
	h.recvErr = widget.NewLabel("")
	h.recvErr.Importance = widget.DangerImportance
	h.recvErr.Wrapping = fyne.TextWrapWord
	h.recvErr.Hide()
	h.note = newKeyEntry(u.hot)
	h.note.SetPlaceHolder(lang.L("không bắt buộc"))
	h.giveBtn = newKeyButton(u.hot, lang.L("Bàn giao"), theme.MailForwardIcon(), h.give)
	h.giveBtn.Importance = widget.HighImportance
	h.message = widget.NewLabel("")
	h.message.Wrapping = fyne.TextWrapWord

	h.pendingCount = widget.NewLabel("")
	h.pendingList = newKeyList(u.hot, func() int { return len(h.pending) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			b := newKeyButton(u.hot, lang.L("Xác nhận đã nhận"), theme.ConfirmIcon(), nil)
			return container.NewBorder(nil, nil, nil, b, l)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			d := h.pending[id]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(lang.L("{{.Code}} — {{.Name}} — từ {{.From}}", map[string]string{
				"Code": d.Code, "Name": d.Name, "From": d.HolderName,
			}))
			c.Objects[1].(*keyButton).OnTapped = func() { h.confirm(d.Code) }
		})
	h.pendingList.OnSelected = func(id widget.ListItemID) {
		h.pendingList.UnselectAll()
		if id >= 0 && id < len(h.pending) {
			u.openDossier(h.pending[id])
		}
	}

	heading := func(s string) *widget.Label {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	refresh := newKeyButton(u.hot, lang.L("Làm mới"), theme.ViewRefreshIcon(), h.load)
	heldTop := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(h.heldCount, refresh), heading(lang.L("Hồ sơ đang giữ"))),
		container.NewHBox(h.all, h.todayOnly))
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Người nhận")), container.NewVBox(h.receiver, h.recvErr),
		widget.NewLabel(lang.L("Ghi chú")), h.note)
	heldBottom := container.NewVBox(widget.NewSeparator(), form,
		container.NewHBox(layout.NewSpacer(), h.giveBtn), h.message)
	left := container.NewBorder(heldTop, heldBottom, nil, nil, h.heldList)
	right := container.NewBorder(
		container.NewBorder(nil, nil, nil, h.pendingCount, heading(lang.L("Chờ xác nhận đã nhận"))),
		nil, nil, nil, h.pendingList)
	h.root = container.NewPadded(container.New(layout.NewGridLayoutWithColumns(2), left, right))
	h.updateButton()
	return h
}

// forget clears the last official's picks and messages.
func (h *handoverScreen) forget() {
	h.picked = map[string]bool{}
	h.all.OnChanged, h.all.Checked = nil, false
	h.all.Refresh()
	h.all.OnChanged = h.pickAll
	h.note.SetText("")
	h.receiver.ClearSelected()
	h.message.SetText("")
	h.recvErr.Hide()
	h.updateButton()
}

func (h *handoverScreen) selected() []string {
	var codes []string
	for _, d := range h.held {
		if h.picked[d.Code] {
			codes = append(codes, d.Code)
		}
	}
	return codes
}

func (h *handoverScreen) updateButton() {
	n := len(h.selected())
	if n == 0 {
		h.giveBtn.SetText(lang.L("Bàn giao"))
		h.giveBtn.Disable()
		return
	}
	h.giveBtn.SetText(lang.L("Bàn giao {{.N}} hồ sơ", map[string]int{"N": n}))
	h.giveBtn.Enable()
}

// dayRange is today's start and end at the counter.
func dayRange(t time.Time) (time.Time, time.Time) {
	t = t.In(workday.Loc)
	from := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, workday.Loc)
	return from, from.AddDate(0, 0, 1).Add(-time.Nanosecond)
}

// load reads the official's dossiers, the handovers waiting for them and the receivers.
func (h *handoverScreen) load() {
	h.seq++
	seq := h.seq
	login := h.u.actorLogin()
	f := store.BookFilter{Official: login, By: h.u.actorLogin()}
	if h.todayOnly.Checked {
		f.From, f.To = dayRange(now())
	}
	ctx := context.Background()
	goAsync(func() {
		ds, err1 := h.u.st.Book(ctx, f, 0, heldLimit)
		pend, err2 := h.u.st.PendingHandovers(ctx, h.u.actorLogin(), login, heldLimit)
		offs, err3 := h.u.st.Officials(ctx)
		fyne.Do(func() {
			if seq != h.seq {
				return
			}
			for _, err := range []error{err1, err2, err3} {
				if err != nil {
					h.say(err.Error(), widget.DangerImportance)
					return
				}
			}
			h.held = h.held[:0]
			for _, d := range ds {
				if d.Holder == login && d.PendingTo == "" && store.CanDo(store.ActHandover, d.Status) {
					h.held = append(h.held, d)
				}
			}
			keep := map[string]bool{}
			for _, d := range h.held {
				keep[d.Code] = h.picked[d.Code]
			}
			h.picked = keep
			h.heldCount.SetText(lang.L("{{.N}} hồ sơ", map[string]int{"N": len(h.held)}))
			h.heldList.Refresh()
			h.pending = pend
			h.pendingCount.SetText(lang.L("{{.N}} hồ sơ", map[string]int{"N": len(pend)}))
			h.pendingList.Refresh()
			h.setReceivers(offs, login)
			h.updateButton()
		})
	})
}

// setReceivers offers every other active official, keeping the current choice.
func (h *handoverScreen) setReceivers(offs []store.Official, self string) {
	was := ""
	if i := h.receiver.SelectedIndex(); i >= 0 && i < len(h.receivers) {
		was = h.receivers[i].Login
	}
	h.receivers = h.receivers[:0]
	var names []string
	for _, o := range offs {
		if o.Active && o.Login != self {
			h.receivers = append(h.receivers, o)
			names = append(names, officialLabel(o))
		}
	}
	h.receiver.SetOptions(names)
	h.receiver.ClearSelected()
	for i, o := range h.receivers {
		if o.Login == was {
			h.receiver.SetSelectedIndex(i)
		}
	}
}

// officialLabel is "Lê Văn Hùng — Công chức chuyên môn".
func officialLabel(o store.Official) string {
	return o.FullName + " — " + o.Role.Name()
}

func (h *handoverScreen) say(msg string, imp widget.Importance) {
	h.message.SetText(msg)
	h.message.Importance = imp
	h.message.Refresh()
}

// give hands the ticked dossiers over: one through the store, several as a batch with a list.
func (h *handoverScreen) give() {
	codes := h.selected()
	if len(codes) == 0 {
		return
	}
	i := h.receiver.SelectedIndex()
	if i < 0 || i >= len(h.receivers) {
		h.recvErr.SetText(lang.L("Hãy chọn người nhận bàn giao."))
		h.recvErr.Show()
		return
	}
	to := h.receivers[i].Login
	by := h.u.actorLogin()
	note := h.note.Text
	h.giveBtn.Disable()
	h.say(lang.L("Đang bàn giao…"), widget.MediumImportance)
	ctx := context.Background()
	goAsync(func() {
		var path string
		var err, printErr error
		if len(codes) == 1 {
			_, err = h.u.st.Handover(ctx, store.Action{Code: codes[0], By: by, At: now(), Note: note}, to)
		} else {
			path, err = h.u.desk.HandoverList(ctx, codes, to, by)
			if err == nil {
				printErr = h.u.desk.Print(ctx, path)
			}
		}
		fyne.Do(func() {
			if err != nil {
				h.say(err.Error(), widget.DangerImportance)
				h.updateButton()
				return
			}
			for _, c := range codes {
				delete(h.picked, c)
			}
			h.note.SetText("")
			msg := lang.L("Đã bàn giao {{.N}} hồ sơ cho {{.To}}; chờ người nhận xác nhận.", map[string]any{"N": len(codes), "To": h.receivers[i].FullName})
			imp := widget.SuccessImportance
			if printErr != nil {
				msg += " " + lang.L("Chưa in được danh sách bàn giao: {{.Err}}. Tệp: {{.Path}}", map[string]string{"Err": printErr.Error(), "Path": path})
				imp = widget.WarningImportance
				_ = h.u.desk.OpenPDF(path)
			}
			h.say(msg, imp)
			h.load()
		})
	})
}

// confirm records that the official at the counter has received a dossier handed to them.
func (h *handoverScreen) confirm(code string) {
	by := h.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		_, err := h.u.st.ConfirmHandover(ctx, store.Action{Code: code, By: by, At: now()})
		fyne.Do(func() {
			if err != nil {
				h.say(err.Error(), widget.DangerImportance)
				return
			}
			h.say(lang.L("Đã xác nhận nhận hồ sơ {{.Code}}.", map[string]string{"Code": code}), widget.SuccessImportance)
			h.load()
		})
	})
}
