package workday

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Due is DueWith under the cut-off rule (received after h.Cutoff counts from the next working day).
func (c *Calendar) Due(received time.Time, days int, h OfficeHours) time.Time {
	return c.DueWith(received, days, h, true)
}

// DueWith returns when a dossier received at `received` for a procedure of `days` working days is
// due, in Loc (docs/DEADLINES.md):
//
//   - the clock starts at the receipt time, moved to h.Open if earlier and to h.LunchEnd if inside
//     the lunch break [h.LunchStart, h.LunchEnd); received on a day off or after h.Close, it starts at
//     h.Open of the next working day; with cutoff, received after h.Cutoff (15:00:00 counts,
//     15:00:01 does not) starts at h.Open of the next working day too;
//   - days ≤ 0 (same day): due at h.Close of the start day;
//   - a clock starting at h.Open has whole working days: due at h.Close of the days-th working day
//     counting the start day (never at 07:30 of the day after, which is the same working time but
//     a day later on paper);
//   - otherwise due on the days-th working day after the start day, at the start's time of day.
//
// h is expected to pass Validate.
func (c *Calendar) DueWith(received time.Time, days int, h OfficeHours, cutoff bool) time.Time {
	start := c.start(received, h, cutoff)
	if days <= 0 {
		return at(start, h.Close)
	}
	if start.Equal(at(start, h.Open)) {
		return at(c.AddWorkingDays(start, days-1), h.Close)
	}
	d := c.AddWorkingDays(start, days)
	return time.Date(d.Year(), d.Month(), d.Day(), start.Hour(), start.Minute(), start.Second(), start.Nanosecond(), Loc)
}

// start is when the processing time of a dossier received at r begins to run.
func (c *Calendar) start(r time.Time, h OfficeHours, cutoff bool) time.Time {
	r = r.In(Loc)
	last := h.Close
	if cutoff {
		last = h.Cutoff
	}
	if c.IsWorkingDay(r) && !r.After(at(r, last)) {
		switch {
		case r.Before(at(r, h.Open)):
			return at(r, h.Open)
		case !r.Before(at(r, h.LunchStart)) && r.Before(at(r, h.LunchEnd)):
			return at(r, h.LunchEnd)
		}
		return r
	}
	return at(c.NextWorkingDay(r), h.Open)
}

// at is clock time k on d's date, in Loc.
func at(d time.Time, k Clock) time.Time {
	d = d.In(Loc)
	return time.Date(d.Year(), d.Month(), d.Day(), int(k)/60, int(k)%60, 0, 0, Loc)
}

// String writes the clock as "07:30".
func (k Clock) String() string {
	if k < 0 {
		return "-" + (-k).String()
	}
	return fmt.Sprintf("%02d:%02d", int(k)/60, int(k)%60)
}

// ParseClock reads a time of day "07:30" (also "7:30", "7h30", "07.30"), 00:00–23:59.
func ParseClock(s string) (Clock, error) {
	in := strings.TrimSpace(s)
	bad := fmt.Errorf("Giờ %q không đúng dạng giờ:phút, ví dụ 07:30", s)
	sep := strings.IndexAny(in, ":hH.")
	if sep < 0 {
		return 0, bad
	}
	hs, ms := in[:sep], in[sep+1:]
	if len(hs) < 1 || len(hs) > 2 || len(ms) != 2 || !digits(hs) || !digits(ms) {
		return 0, bad
	}
	hh, _ := strconv.Atoi(hs)
	mm, _ := strconv.Atoi(ms)
	if hh > 23 || mm > 59 {
		return 0, fmt.Errorf("Giờ %q không có thật: giờ từ 0 đến 23, phút từ 0 đến 59", s)
	}
	return Clock(hh*60 + mm), nil
}

func digits(s string) bool {
	return strings.Trim(s, "0123456789") == ""
}

// Validate checks that the hours make a working day: every time within 00:00–23:59,
// Open < LunchStart ≤ LunchEnd < Close and Open ≤ Cutoff ≤ Close. The error names the field.
func (h OfficeHours) Validate() error {
	for _, f := range []struct {
		k    Clock
		name string
	}{
		{h.Open, "Giờ mở cửa buổi sáng"},
		{h.LunchStart, "Giờ bắt đầu nghỉ trưa"},
		{h.LunchEnd, "Giờ làm việc buổi chiều"},
		{h.Close, "Giờ đóng cửa"},
		{h.Cutoff, "Giờ chốt nhận hồ sơ trong ngày"},
	} {
		if f.k < 0 || f.k >= 24*60 {
			return fmt.Errorf("%s không hợp lệ: phải từ 00:00 đến 23:59", f.name)
		}
	}
	switch {
	case h.Open >= h.LunchStart:
		return errors.New("Giờ mở cửa buổi sáng phải trước giờ nghỉ trưa")
	case h.LunchStart > h.LunchEnd:
		return errors.New("Giờ bắt đầu nghỉ trưa không được sau giờ làm việc buổi chiều")
	case h.LunchEnd >= h.Close:
		return errors.New("Giờ làm việc buổi chiều phải trước giờ đóng cửa")
	case h.Cutoff < h.Open || h.Cutoff > h.Close:
		return fmt.Errorf("Giờ chốt nhận hồ sơ trong ngày phải trong giờ làm việc, từ %s đến %s", h.Open, h.Close)
	}
	return nil
}
