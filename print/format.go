package print

import (
	"fmt"
	"strconv"
	"time"
)

// vietnam is Indochina Time. Vietnam keeps no daylight saving, so a fixed zone
// is exact and needs no tz database (absent on many Windows machines).
var vietnam = time.FixedZone("ICT", 7*60*60)

// FormatMoney writes an amount of đồng with dots between thousands: 2000 → "2.000".
func FormatMoney(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := false
	if n < 0 {
		neg, s = true, s[1:]
	}
	out := make([]byte, 0, len(s)+len(s)/3+1)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, '.')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// Date writes t as on the forms, in Vietnam time: "ngày 05 tháng 02 năm 2026".
func (l Labels) Date(t time.Time) string {
	t = t.In(vietnam)
	return l.fill("header.date", dateArgs(t)...)
}

// DateTime writes t as on the forms, in Vietnam time:
// "08 giờ 15 phút, ngày 26 tháng 01 năm 2026".
func (l Labels) DateTime(t time.Time) string {
	t = t.In(vietnam)
	return l.fill("time.datetime", append(dateArgs(t),
		"hh", fmt.Sprintf("%02d", t.Hour()), "min", fmt.Sprintf("%02d", t.Minute()))...)
}

// shortDate writes t as "26/01/2026" (Vietnam time), for tables.
func (l Labels) shortDate(t time.Time) string {
	return l.fill("time.short_date", dateArgs(t.In(vietnam))...)
}

// shortTime writes t as "08:15" (Vietnam time), for tables.
func (l Labels) shortTime(t time.Time) string {
	t = t.In(vietnam)
	return l.fill("time.short_time", "hh", fmt.Sprintf("%02d", t.Hour()), "min", fmt.Sprintf("%02d", t.Minute()))
}

// placeDate writes "{place}, ngày … tháng … năm …".
func (l Labels) placeDate(place string, t time.Time) string {
	t = t.In(vietnam)
	return l.fill("header.place_date", append(dateArgs(t), "place", place)...)
}

func dateArgs(t time.Time) []string {
	return []string{
		"dd", fmt.Sprintf("%02d", t.Day()),
		"mm", fmt.Sprintf("%02d", int(t.Month())),
		"yyyy", strconv.Itoa(t.Year()),
	}
}
