package app

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// todayStrip is "Việc hôm nay" above the intake: dossiers due within one working day and not
// resolved (the apology slip must go out before the due time) and handovers waiting for the
// official at the counter to confirm. Each list opens its dossiers.
type todayStrip struct {
	u       *ui
	root    fyne.CanvasObject
	dueBtn  *widget.Button
	pendBtn *widget.Button
	due     []store.Dossier
	pending []store.Dossier
	seq     int
}

func newToday(u *ui) *todayStrip {
	t := &todayStrip{u: u}
	t.dueBtn = widget.NewButtonWithIcon("", theme.WarningIcon(), func() {
		t.list(lang.L("Hồ sơ sắp đến hạn hoặc quá hạn"), t.due)
	})
	t.pendBtn = widget.NewButtonWithIcon("", theme.MailForwardIcon(), func() {
		t.list(lang.L("Hồ sơ chờ bạn xác nhận đã nhận"), t.pending)
	})
	head := widget.NewLabelWithStyle(lang.L("Việc hôm nay:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewHBox(head, t.dueBtn, t.pendBtn, layout.NewSpacer())
	t.root = container.NewStack(canvas.NewRectangle(colourRail), bar)
	t.show()
	return t
}

func (t *todayStrip) show() {
	t.dueBtn.SetText(lang.L("{{.N}} hồ sơ sắp đến hạn / quá hạn", map[string]int{"N": len(t.due)}))
	if len(t.due) > 0 {
		t.dueBtn.Importance = widget.DangerImportance
	} else {
		t.dueBtn.Importance = widget.LowImportance
	}
	t.dueBtn.Refresh()
	t.pendBtn.SetText(lang.L("{{.N}} hồ sơ chờ bạn xác nhận", map[string]int{"N": len(t.pending)}))
	if len(t.pending) > 0 {
		t.pendBtn.Importance = widget.WarningImportance
	} else {
		t.pendBtn.Importance = widget.LowImportance
	}
	t.pendBtn.Refresh()
}

// load reads both lists for the official at the counter.
func (t *todayStrip) load() {
	t.seq++
	seq := t.seq
	login := t.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		due, err := t.u.st.DueSoon(ctx, now())
		var pend []store.Dossier
		if err == nil && login != "" {
			pend, err = t.u.st.PendingHandovers(ctx, login)
		}
		fyne.Do(func() {
			if seq != t.seq {
				return
			}
			if err != nil {
				t.dueBtn.SetText(err.Error())
				return
			}
			t.due, t.pending = due, pend
			t.show()
		})
	})
}

// list shows dossiers with their due time and whether they are late; a row opens the dossier.
func (t *todayStrip) list(title string, ds []store.Dossier) {
	if len(ds) == 0 {
		t.u.inform(title, lang.L("Không có hồ sơ nào."))
		return
	}
	l := widget.NewList(func() int { return len(ds) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := ds[i]
			l := o.(*widget.Label)
			tl := d.Timeliness(now())
			l.SetText(lang.L("{{.Code}} — {{.Name}} — hẹn {{.Due}} — {{.State}}", map[string]string{
				"Code": d.Code, "Name": d.Name, "Due": shortTime(d.DueAt), "State": store.TimelinessName(tl),
			}))
			if tl == "overdue" || tl == "late" {
				l.Importance = widget.DangerImportance
			} else {
				l.Importance = widget.MediumImportance
			}
			l.Refresh()
		})
	var dlg dialog.Dialog
	l.OnSelected = func(i widget.ListItemID) {
		dlg.Hide()
		t.u.openDossier(ds[i])
	}
	dlg = dialog.NewCustom(title, lang.L("Đóng"), l, t.u.win)
	dlg.Resize(fyne.NewSize(860, 460))
	dlg.Show()
}
