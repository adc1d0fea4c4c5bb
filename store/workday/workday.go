// Package workday is the counter's working-day calendar: the Vietnamese lunar calendar (UTC+7),
// statutory days off, the Government's yearly swaps, and due-date arithmetic. Pure functions, no I/O.
package workday

import (
	"time"
	_ "time/tzdata" // Windows has no zoneinfo of its own.
)

// Loc is Vietnam's time zone; every date and clock time here is read in it.
var Loc = mustLoad("Asia/Ho_Chi_Minh")

func mustLoad(name string) *time.Location {
	l, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone("ICT", 7*3600)
	}
	return l
}

// Clock is a time of day in minutes after midnight.
type Clock int

// OfficeHours are the agency's opening hours and intake cut-off.
type OfficeHours struct {
	Open       Clock // morning opening, default 07:30
	LunchStart Clock // default 11:30
	LunchEnd   Clock // afternoon opening, default 13:30
	Close      Clock // default 17:00
	Cutoff     Clock // received after this counts from the next working day, default 15:00
}

// DefaultHours are 07:30–11:30 and 13:30–17:00, cut-off 15:00.
func DefaultHours() OfficeHours {
	return OfficeHours{Open: 7*60 + 30, LunchStart: 11*60 + 30, LunchEnd: 13*60 + 30, Close: 17 * 60, Cutoff: 15 * 60}
}

// Kind says why a day is listed in a year's calendar.
type Kind string

const (
	Statutory    Kind = "statutory"    // a fixed statutory day off (1/1, 30/4, 1/5, 2/9, Giỗ Tổ, ...)
	Tet          Kind = "tet"          // the five days of Tết Âm lịch
	Compensatory Kind = "compensatory" // a day off given for a statutory day on a weekend
	Extra        Kind = "extra"        // an extra day off decided by the Government (override)
	Workday      Kind = "workday"      // a make-up working Saturday or Sunday (override)
	NotOff       Kind = "notoff"       // a day that is no longer off (override; not listed)
)

// Day is one listed day: a day off, or a make-up working day.
type Day struct {
	Date time.Time // midnight in Loc
	Kind Kind
	Name string
}

// Override is an admin's entry from the Government's yearly decision. Overrides win.
type Override struct {
	Date time.Time // midnight in Loc
	Kind Kind      // Extra, Workday or NotOff
	Name string
}

// Calendar answers working-day questions for any year, with the given overrides applied.
type Calendar struct {
	overrides map[time.Time]Override
}

// New returns a calendar with the overrides applied.
func New(overrides []Override) *Calendar {
	c := &Calendar{overrides: map[time.Time]Override{}}
	for _, o := range overrides {
		c.overrides[dateOf(o.Date)] = o
	}
	return c
}

func dateOf(t time.Time) time.Time {
	t = t.In(Loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, Loc)
}

// IsWorkingDay reports whether the date (read in Loc) is a working day.
// PLACEHOLDER until the calendar issue lands: weekends only.
func (c *Calendar) IsWorkingDay(d time.Time) bool {
	d = dateOf(d)
	if o, ok := c.overrides[d]; ok {
		return o.Kind == Workday || o.Kind == NotOff
	}
	return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
}

// Due returns when a dossier received at `received` for a procedure of `days` working days is due.
// PLACEHOLDER until the calendar issue lands.
func (c *Calendar) Due(received time.Time, days int, h OfficeHours) time.Time {
	return received.AddDate(0, 0, days)
}
