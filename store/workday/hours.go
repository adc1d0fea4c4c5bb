package workday

import "time"

// DueHours returns when a dossier received at `received` for a procedure of `hours` working hours
// is due, in Loc. The clock starts as for Due (the cut-off, the lunch break and days off apply) and
// then runs only inside office hours — [Open, LunchStart) and [LunchEnd, Close) of working days —
// so 4 hours from 10:00 with 11:30–13:30 lunch is 15:30, and from 16:00 it is 10:30 of the next
// working day. A due time that falls on the end of a session stays there (11:30, not 13:30).
// hours ≤ 0 is a same-day procedure: DueWith(received, 0, h, cutoff). cutoff is DueWith's.
// h is expected to pass Validate.
func (c *Calendar) DueHours(received time.Time, hours int, h OfficeHours, cutoff bool) time.Time {
	start := c.start(received, h, cutoff)
	if hours <= 0 {
		return at(start, h.Close)
	}
	left := time.Duration(hours) * time.Hour
	t := start
	for {
		if c.IsWorkingDay(t) {
			for _, s := range [][2]Clock{{h.Open, h.LunchStart}, {h.LunchEnd, h.Close}} {
				from, to := at(t, s[0]), at(t, s[1])
				if t.After(from) {
					from = t
				}
				if !from.Before(to) {
					continue
				}
				if span := to.Sub(from); span >= left {
					return from.Add(left)
				} else {
					left -= span
				}
			}
		}
		t = at(c.NextWorkingDay(t), h.Open)
	}
}
