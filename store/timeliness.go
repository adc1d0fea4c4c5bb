package store

import (
	"time"

	"motcua/store/workday"
)

// Timeliness values (the figures of report II.06a and of Mẫu 05). Closed dossiers are early, on time or late;
// open ones are within their time or overdue.
type Timeliness string

const (
	TimelyEarly   Timeliness = "early"   // Trước hạn: ended on a day before the due day
	TimelyOnTime  Timeliness = "on_time" // Đúng hạn: ended on the due day, at or before the due minute
	TimelyLate    Timeliness = "late"    // Quá hạn: ended after the due minute
	TimelyWithin  Timeliness = "within"  // Trong hạn: open, due minute not passed (or waiting for papers)
	TimelyOverdue Timeliness = "overdue" // Quá hạn: open, due minute passed
	TimelyNone    Timeliness = ""        // refused, withdrawn or stopped: never judged early, on time or late
)

var timelinessNames = map[Timeliness]string{
	TimelyEarly:   "Trước hạn",
	TimelyOnTime:  "Đúng hạn",
	TimelyLate:    "Quá hạn",
	TimelyWithin:  "Trong hạn",
	TimelyOverdue: "Quá hạn",
}

// TimelinessName is the Vietnamese label of a timeliness value ("" for unknown).
func TimelinessName(t Timeliness) string { return timelinessNames[t] }

// Late is the one late rule of the book, the dossier window, the today strip and the reports:
// closed after the due minute, or open past it.
func (t Timeliness) Late() bool { return t == TimelyLate || t == TimelyOverdue }

// TimelinessAt says whether something ending at end was early, on time or late for due. The
// unit is the minute, as on the slips: ending within the due minute is on time, the next minute
// is late; "early" means on a calendar day (Vietnam time) before the due day.
func TimelinessAt(end, due time.Time) Timeliness {
	e, d := end.In(workday.Loc), due.In(workday.Loc)
	ey, em, ed := e.Date()
	dy, dm, dd := d.Date()
	switch {
	case e.Truncate(time.Minute).After(d.Truncate(time.Minute)):
		return TimelyLate
	case ey != dy || em != dm || ed != dd:
		return TimelyEarly
	}
	return TimelyOnTime
}

// EndAt is when processing ended, for timeliness: resolved, else returned, else refused,
// withdrawn or stopped; zero while the dossier is open.
func (d Dossier) EndAt() time.Time {
	for _, t := range []time.Time{d.ResolvedAt, d.ReturnedAt, d.EndedAt} {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// Timeliness is "early", "on_time" or "late" for a dossier whose processing ended, against the
// due time in force (the rescheduled one after an apology); for an open dossier it is "within"
// or "overdue" at now. A dossier waiting for papers is "within": its clock is stopped and
// restarts on Resume.
//
// A refused, withdrawn or stopped dossier has no timeliness (TimelyNone): it was not resolved, so
// it is neither early nor late, in the book, the slips, `show` and the on-time rate alike.
func (d Dossier) Timeliness(now time.Time) Timeliness {
	if !d.Judged() {
		return TimelyNone
	}
	if end := d.EndAt(); !end.IsZero() {
		return TimelinessAt(end, d.DueAt)
	}
	if d.Status != StatusSupplement && now.Truncate(time.Minute).After(d.DueAt.Truncate(time.Minute)) {
		return TimelyOverdue
	}
	return TimelyWithin
}

// Judged reports whether the dossier has a timeliness: false when it was refused, withdrawn or
// stopped (at the counter or later).
func (d Dossier) Judged() bool {
	switch d.Status {
	case StatusRefused, StatusWithdrawn, StatusStopped:
		return false
	}
	return true
}
