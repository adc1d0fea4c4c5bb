package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
	"motcua/store/workday"
)

// todayStrip is "Việc hôm nay" above the intake, the desk summary of store.Desk: dossiers
// overdue, due today, due on the next working day, waiting for papers, and the handovers waiting
// for the official at the counter. Each button opens its list; a row opens the dossier.
type todayStrip struct {
	u       *ui
	root    fyne.CanvasObject
	overBtn *keyButton
	dueBtn  *keyButton // due today
	nextBtn *keyButton
	suppBtn *keyButton
	pendBtn *keyButton
	desk    store.DeskSummary
	due     []store.Dossier // due today
	pending []store.Dossier
	seq     int
}

func newToday(u *ui) *todayStrip {
	t := &todayStrip{u: u}
	t.overBtn = newKeyButton(u.hot, "", theme.ErrorIcon(), func() {
		t.list(lang.L("Hồ sơ quá hạn"), t.desk.Overdue, t.desk.OverdueCount)
	})
	t.dueBtn = newKeyButton(u.hot, "", theme.WarningIcon(), func() {
		t.list(lang.L("Hồ sơ đến hạn hôm nay"), t.due, t.desk.DueTodayCount)
	})
	t.nextBtn = newKeyButton(u.hot, "", theme.HistoryIcon(), func() {
		t.list(lang.L("Hồ sơ đến hạn ngày làm việc tiếp theo"), t.desk.DueTomorrow, t.desk.DueTomorrowCount)
	})
	t.suppBtn = newKeyButton(u.hot, "", theme.DocumentIcon(), func() {
		t.list(lang.L("Hồ sơ chờ bổ sung giấy tờ"), t.desk.Supplement, t.desk.SupplementCount)
	})
	t.pendBtn = newKeyButton(u.hot, "", theme.MailForwardIcon(), func() {
		t.list(lang.L("Hồ sơ chờ bạn xác nhận đã nhận"), t.pending, t.desk.PendingCount)
	})
	head := widget.NewLabelWithStyle(lang.L("Việc hôm nay:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	bar := container.NewHBox(head, t.overBtn, t.dueBtn, t.nextBtn, t.suppBtn, t.pendBtn, layout.NewSpacer())
	t.root = container.NewStack(canvas.NewRectangle(colourRail), bar)
	t.show()
	return t
}

func (t *todayStrip) show() {
	set := func(b *keyButton, text string, n int, hot widget.Importance) {
		b.SetText(text)
		b.Importance = widget.LowImportance
		if n > 0 {
			b.Importance = hot
		}
		b.Refresh()
	}
	set(t.overBtn, lang.L("{{.N}} quá hạn", map[string]int{"N": t.desk.OverdueCount}), t.desk.OverdueCount, widget.DangerImportance)
	set(t.dueBtn, lang.L("{{.N}} hồ sơ đến hạn hôm nay", map[string]int{"N": t.desk.DueTodayCount}), t.desk.DueTodayCount, widget.WarningImportance)
	set(t.nextBtn, nextDayText(t.desk), t.desk.DueTomorrowCount, widget.MediumImportance)
	set(t.suppBtn, lang.L("{{.N}} chờ bổ sung", map[string]int{"N": t.desk.SupplementCount}), t.desk.SupplementCount, widget.MediumImportance)
	set(t.pendBtn, lang.L("{{.N}} chờ bạn xác nhận", map[string]int{"N": t.desk.PendingCount}), t.desk.PendingCount, widget.WarningImportance)
}

// nextDayText names the next working day as the official says it: "ngày mai" only when it is
// tomorrow; on a Friday (or before a holiday) its weekday and date, "thứ Hai 02/02".
func nextDayText(d store.DeskSummary) string {
	n := d.DueTomorrowCount
	if d.NextDay.IsZero() {
		return lang.L("{{.N}} đến hạn ngày làm việc tiếp theo", map[string]int{"N": n})
	}
	today, next := d.Now.In(workday.Loc), d.NextDay.In(workday.Loc)
	y, m, dd := today.Date()
	if tomorrow := time.Date(y, m, dd+1, 0, 0, 0, 0, workday.Loc); next.Year() == tomorrow.Year() && next.YearDay() == tomorrow.YearDay() {
		return lang.L("{{.N}} đến hạn ngày mai", map[string]int{"N": n})
	}
	return lang.L("{{.N}} đến hạn {{.Day}}", map[string]any{"N": n, "Day": weekdayName(next, true) + " " + next.Format("02/01")})
}

// load reads the desk summary for the official at the counter.
func (t *todayStrip) load() {
	t.seq++
	seq := t.seq
	login := t.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		d, err := t.u.st.Desk(ctx, login, now())
		fyne.Do(func() {
			if seq != t.seq {
				return
			}
			if err != nil {
				t.dueBtn.SetText(err.Error())
				return
			}
			t.desk, t.due, t.pending = d, d.DueToday, d.Pending
			t.show()
		})
	})
}

// list shows dossiers with their due time and whether they are late; a row opens the dossier.
func (t *todayStrip) list(title string, ds []store.Dossier, total int) {
	if total > len(ds) {
		title = lang.L("{{.Title}} ({{.N}} hồ sơ đầu trong {{.Total}})", map[string]any{"Title": title, "N": len(ds), "Total": total})
	}
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
			if tl.Late() {
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
