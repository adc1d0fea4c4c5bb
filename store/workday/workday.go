// Package workday is the counter's working-day calendar: the Vietnamese lunar calendar (UTC+7),
// statutory days off, the Government's yearly swaps, and due-date arithmetic. Pure functions, no I/O.
package workday

import (
	"sync"
	"time"
	_ "time/tzdata" // Windows has no zoneinfo of its own.

	"golang.org/x/text/unicode/norm"
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

// Calendar answers working-day questions for any year, with the given overrides applied. It keeps each
// year's list once worked out, so asking on every keystroke costs a map lookup. Safe for concurrent use.
type Calendar struct {
	overrides map[time.Time]Override

	mu    sync.RWMutex
	years map[int]*year
}

// year is one solar year worked out: its listed days and, per day of the year, whether it is off.
type year struct {
	days   []Day
	status [367]dayStatus // indexed by time.Time.YearDay()
}

type dayStatus uint8

const (
	plain   dayStatus = iota // no entry: Monday–Friday works, the weekend does not
	dayOff                   // listed as a day off
	workDay                  // a make-up working day
)

// New returns a calendar with the overrides applied. An override of kind Workday makes the day a
// working day, NotOff removes the day from the days off, any other kind (Extra; empty means Extra)
// adds a day off under that kind and name. Later overrides for the same date replace earlier ones.
func New(overrides []Override) *Calendar {
	c := &Calendar{overrides: map[time.Time]Override{}}
	for _, o := range overrides {
		o.Date = dateOf(o.Date)
		c.overrides[o.Date] = o
	}
	return c
}

func dateOf(t time.Time) time.Time {
	t = t.In(Loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, Loc)
}

// addDays is midnight (Loc) n days after t's date. Unlike AddDate it does not carry a clock time over:
// Loc's history has offset changes at midnight (e.g. 1947-04-01), where midnight slides to 01:00.
func addDays(t time.Time, n int) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day()+n, 0, 0, 0, 0, Loc)
}

// Holidays lists year's days off (statutory, compensatory, extra) and make-up working days (Kind
// Workday), sorted by date, overrides applied. The slice is the caller's to keep.
func (c *Calendar) Holidays(y int) []Day {
	return append([]Day(nil), c.year(y).days...)
}

// IsWorkingDay reports whether the date (read in Loc) is a working day: Monday–Friday and not a day
// off, or a make-up working day.
func (c *Calendar) IsWorkingDay(d time.Time) bool {
	d = d.In(Loc)
	switch c.year(d.Year()).status[d.YearDay()] {
	case dayOff:
		return false
	case workDay:
		return true
	}
	return !isWeekend(d)
}

// NextWorkingDay returns midnight (Loc) of the first working day strictly after d's date.
func (c *Calendar) NextWorkingDay(d time.Time) time.Time {
	return c.AddWorkingDays(d, 1)
}

// AddWorkingDays returns midnight (Loc) of the n-th working day after d's date; for n ≤ 0, d's date.
func (c *Calendar) AddWorkingDays(d time.Time, n int) time.Time {
	t := dateOf(d)
	for n > 0 {
		t = addDays(t, 1)
		if c.IsWorkingDay(t) {
			n--
		}
	}
	return t
}

// year returns the worked-out year y, working it out on first use.
func (c *Calendar) year(y int) *year {
	c.mu.RLock()
	yr := c.years[y]
	c.mu.RUnlock()
	if yr != nil {
		return yr
	}
	yr = c.build(y)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.years == nil {
		c.years = map[int]*year{}
	}
	if old := c.years[y]; old != nil {
		return old // another goroutine got there first; keep one answer
	}
	c.years[y] = yr
	return yr
}

func (c *Calendar) build(y int) *year {
	byDate := map[time.Time]Day{}
	for _, d := range StatutoryDays(y) {
		byDate[d.Date] = d
	}
	for date, o := range c.overrides {
		if date.Year() != y {
			continue
		}
		switch o.Kind {
		case NotOff:
			delete(byDate, date)
		case Workday:
			byDate[date] = Day{date, Workday, nameOr(o.Name, "Ngày làm bù")}
		default:
			k := o.Kind
			if k == "" {
				k = Extra
			}
			byDate[date] = Day{date, k, nameOr(o.Name, "Ngày nghỉ theo quyết định của Chính phủ")}
		}
	}
	yr := &year{days: make([]Day, 0, len(byDate))}
	for _, d := range byDate {
		yr.days = append(yr.days, d)
		if d.Kind == Workday {
			yr.status[d.Date.YearDay()] = workDay
		} else {
			yr.status[d.Date.YearDay()] = dayOff
		}
	}
	sortDays(yr.days)
	return yr
}

func nameOr(name, fallback string) string {
	if name == "" {
		return fallback
	}
	return norm.NFC.String(name)
}
