package app

import (
	"time"

	"fyne.io/fyne/v2/lang"

	"motcua/print"
	"motcua/store/workday"
)

// How dates, times and money are written on screen, the way the slips write them.

// weekdayName is "Thứ Năm" at the start of a phrase, "thứ Năm" inside one.
func weekdayName(t time.Time, inside bool) string {
	if inside {
		return [...]string{
			lang.X("weekday.inside.0", "chủ nhật"), lang.X("weekday.inside.1", "thứ Hai"),
			lang.X("weekday.inside.2", "thứ Ba"), lang.X("weekday.inside.3", "thứ Tư"),
			lang.X("weekday.inside.4", "thứ Năm"), lang.X("weekday.inside.5", "thứ Sáu"),
			lang.X("weekday.inside.6", "thứ Bảy"),
		}[t.Weekday()]
	}
	return [...]string{
		lang.X("weekday.0", "Chủ nhật"), lang.X("weekday.1", "Thứ Hai"), lang.X("weekday.2", "Thứ Ba"),
		lang.X("weekday.3", "Thứ Tư"), lang.X("weekday.4", "Thứ Năm"), lang.X("weekday.5", "Thứ Sáu"),
		lang.X("weekday.6", "Thứ Bảy"),
	}[t.Weekday()]
}

// longDate is "Thứ Năm, 26/11/2026".
func longDate(t time.Time) string {
	t = t.In(workday.Loc)
	return weekdayName(t, false) + ", " + t.Format("02/01/2006")
}

// dueText is "09 giờ 15 phút, thứ Năm, 29/01/2026", the slip's wording of a return time; "—" for
// none (a dossier refused at the counter has no appointment).
func dueText(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	t = t.In(workday.Loc)
	return lang.L("{{.Hour}} giờ {{.Minute}} phút, {{.Weekday}}, {{.Date}}", map[string]string{
		"Hour": t.Format("15"), "Minute": t.Format("04"),
		"Weekday": weekdayName(t, true), "Date": t.Format("02/01/2006"),
	})
}

// shortTime is "29/01/2026 09:15" for tables.
func shortTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(workday.Loc).Format("02/01/2006 15:04")
}

// money is "2.000 đồng", or "Miễn phí" for no fee.
func money(v int64) string {
	if v == 0 {
		return lang.L("Miễn phí")
	}
	return lang.L("{{.Amount}} đồng", map[string]string{"Amount": print.FormatMoney(v)})
}
