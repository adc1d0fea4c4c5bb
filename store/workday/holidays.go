package workday

import (
	"sort"
	"time"
)

// Names of the statutory days off as the Labour Code 2019 art. 112 calls them.
const (
	nameNewYear   = "Tết Dương lịch"
	nameHung      = "Giỗ Tổ Hùng Vương (10/3 âm lịch)"
	nameVictory   = "Ngày Chiến thắng"
	nameLabour    = "Ngày Quốc tế Lao động"
	nameNational  = "Quốc khánh"
	nameNational2 = "Quốc khánh (ngày liền kề)"
	prefixComp    = "Nghỉ bù "
)

var tetNames = [...]string{
	"Tết Nguyên đán (mùng 1)", "Tết Nguyên đán (mùng 2)", "Tết Nguyên đán (mùng 3)", "Tết Nguyên đán (mùng 4)",
}

// StatutoryDays returns the statutory days off of solar year `year` (Labour Code 2019 art. 112) and their
// compensatory days (art. 111(3)), sorted by date, before any of the Government's yearly changes: 1/1; Tết (the last day of the lunar year and lunar 1/1–1/4); Giỗ Tổ Hùng Vương 10/3 lunar;
// 30/4; 1/5; 2/9 and one adjacent day (1/9 or 3/9 by the weekday of 2/9). A day off on Saturday or
// Sunday gives a compensatory day on the next weekday that is not already off, in date order.
func StatutoryDays(year int) []Day {
	// Compensation is worked out over the neighbouring years too: a weekend day off late in one year
	// hands its compensatory day to the next, and the next year's days off are not free to take.
	var fixed []Day
	for y := year - 1; y <= year+1; y++ {
		fixed = append(fixed, fixedDays(y)...)
	}
	sortDays(fixed)
	days := withCompensation(fixed)
	out := days[:0]
	for _, d := range days {
		if d.Date.Year() == year {
			out = append(out, d)
		}
	}
	return out
}

// fixedDays are the statutory days of solar year y without compensation.
func fixedDays(y int) []Day {
	date := func(m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, Loc) }
	days := []Day{
		{date(time.January, 1), Statutory, nameNewYear},
		{date(time.April, 30), Statutory, nameVictory},
		{date(time.May, 1), Statutory, nameLabour},
		{date(time.September, 2), Statutory, nameNational},
	}
	// Labour Code art. 112(1)(đ): 2/9 and the day before or after, by its weekday.
	switch date(time.September, 2).Weekday() {
	case time.Monday, time.Thursday, time.Sunday:
		days = append(days, Day{date(time.September, 3), Statutory, nameNational2})
	default:
		days = append(days, Day{date(time.September, 1), Statutory, nameNational2})
	}
	if t, ok := toSolar(LunarDate{Day: 10, Month: 3, Year: y}); ok {
		days = append(days, Day{t, Statutory, nameHung})
	}
	// Lunar new year y always falls in solar year y (21/1–20/2), but its eve and the neighbours' Tết
	// are checked as well rather than assumed.
	for ly := y - 1; ly <= y+1; ly++ {
		for _, d := range tetDays(ly) {
			if d.Date.Year() == y {
				days = append(days, d)
			}
		}
	}
	return days
}

// tetDays are the five Tết days around the start of lunar year ly: the last day of lunar year ly-1
// and lunar 1/1–1/4.
func tetDays(ly int) []Day {
	first, ok := toSolar(LunarDate{Day: 1, Month: 1, Year: ly})
	if !ok {
		return nil
	}
	eve := addDays(first, -1)
	name := "Tết Nguyên đán (30 tháng Chạp)"
	if ToLunar(eve).Day == 29 {
		name = "Tết Nguyên đán (29 tháng Chạp)"
	}
	days := []Day{{eve, Tet, name}}
	for i, n := range tetNames {
		days = append(days, Day{addDays(first, i), Tet, n})
	}
	return days
}

// withCompensation adds, for each day (in date order) on a Saturday or Sunday, a compensatory day on
// the next Monday–Friday that is neither listed nor already given as compensation. Two statutory days
// on one date (Giỗ Tổ can fall on 30/4, as in 1947) are listed once under both names, and the second
// is compensated like a weekend one: the law grants each its day off, and art. 111(3) is read as
// "a statutory day that falls on a day already off".
func withCompensation(days []Day) []Day {
	taken := make(map[time.Time]bool, len(days))
	for _, d := range days {
		taken[d.Date] = true
	}
	var out []Day
	last := -1 // index in out of the previous statutory day
	for _, d := range days {
		if last >= 0 && out[last].Date.Equal(d.Date) {
			out[last].Name += "; " + d.Name
		} else {
			last = len(out)
			out = append(out, d)
			if !isWeekend(d.Date) {
				continue
			}
		}
		c := addDays(d.Date, 1)
		for isWeekend(c) || taken[c] {
			c = addDays(c, 1)
		}
		taken[c] = true
		out = append(out, Day{c, Compensatory, prefixComp + d.Name})
	}
	sortDays(out)
	return out
}

func isWeekend(d time.Time) bool {
	w := d.Weekday()
	return w == time.Saturday || w == time.Sunday
}

func sortDays(days []Day) {
	sort.SliceStable(days, func(i, j int) bool { return days[i].Date.Before(days[j].Date) })
}
