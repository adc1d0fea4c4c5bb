package workday

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"
)

// The Vietnamese lunisolar calendar, after Hồ Ngọc Đức's "Thuật toán tính âm lịch": new moons from
// Meeus' series, month 11 is the one holding the winter solstice, a leap month is the first month of a
// 13-month year without a major solar term. Everything from 1968 is reckoned at UTC+7, which is why some
// years differ from the Chinese calendar (UTC+8): Tết 1985, 2007 and 2030 come a day or a month
// apart. Before 1968 Vietnam's calendar was reckoned at UTC+8, like the Chinese one (Tết 1965 was on
// 2 February, not 1 February as UTC+7 gives), so those dates use UTC+8. Checked against published
// tables for 1900–2100; outside that range the series drift.

// zoneSwitchJD is 1968-01-01, from which the calendar is reckoned at UTC+7.
var zoneSwitchJD = jdFromDate(1968, 1, 1)

// lunarZone is the time zone (hours east of Greenwich) the calendar is reckoned in on Julian day jd.
func lunarZone(jd float64) float64 {
	if jd < float64(zoneSwitchJD) {
		return 8
	}
	return 7
}

// LunarDate is a date of the Vietnamese lunar calendar. Month is 1–12; Leap marks the intercalary
// month (tháng nhuận) that repeats Month. Year is the solar year in which its lunar year begins.
type LunarDate struct {
	Day, Month, Year int
	Leap             bool
}

// String writes "day/month/year", with " nhuận" after a leap month: "1/1/2026", "1/2 nhuận/2023".
// ParseLunar reads it back.
func (l LunarDate) String() string {
	if l.Leap {
		return fmt.Sprintf("%d/%d nhuận/%d", l.Day, l.Month, l.Year)
	}
	return fmt.Sprintf("%d/%d/%d", l.Day, l.Month, l.Year)
}

// Lunar years ToSolar accepts. The astronomy is only checked for 1900–2100; a little either side is
// allowed so that every solar day of 1900–2100 converts both ways.
const (
	minLunarYear = 1800
	maxLunarYear = 2200
)

// ToLunar returns the lunar date of d's date read in Loc.
func ToLunar(d time.Time) LunarDate {
	d = d.In(Loc)
	return lunarOfJD(jdFromDate(d.Year(), int(d.Month()), d.Day()))
}

// ToSolar returns midnight in Loc of the lunar date l. It fails for a date that does not exist: a leap
// month the year does not have, day 30 of a 29-day month, or a year outside 1800–2200.
func ToSolar(l LunarDate) (time.Time, error) {
	if l.Year < minLunarYear || l.Year > maxLunarYear {
		return time.Time{}, fmt.Errorf("Năm âm lịch %d ngoài phạm vi lịch (%d–%d)", l.Year, minLunarYear, maxLunarYear)
	}
	if l.Month < 1 || l.Month > 12 {
		return time.Time{}, fmt.Errorf("Tháng âm lịch %d không hợp lệ: tháng phải từ 1 đến 12", l.Month)
	}
	if l.Day < 1 || l.Day > 30 {
		return time.Time{}, fmt.Errorf("Ngày âm lịch %d không hợp lệ: ngày phải từ 1 đến 30", l.Day)
	}
	t, ok := toSolar(l)
	if !ok {
		if l.Leap && !hasLeap(l.Year, l.Month) {
			return time.Time{}, fmt.Errorf("Năm âm lịch %d không có tháng %d nhuận", l.Year, l.Month)
		}
		return time.Time{}, fmt.Errorf("Tháng %s năm âm lịch %d chỉ có 29 ngày, không có ngày %d",
			monthLabel(l.Month, l.Leap), l.Year, l.Day)
	}
	return t, nil
}

func monthLabel(m int, leap bool) string {
	if leap {
		return strconv.Itoa(m) + " nhuận"
	}
	return strconv.Itoa(m)
}

// hasLeap reports whether lunar year y has a leap month m.
func hasLeap(y, m int) bool {
	_, ok := toSolar(LunarDate{Day: 1, Month: m, Year: y, Leap: true})
	return ok
}

// toSolar converts without a range check; ok is false when l does not exist. The round trip through
// lunarOfJD is the existence check: it catches a missing leap month and day 30 of a short month alike.
func toSolar(l LunarDate) (time.Time, bool) {
	var a11, b11 int
	if l.Month < 11 {
		a11, b11 = lunarMonth11(l.Year-1), lunarMonth11(l.Year)
	} else {
		a11, b11 = lunarMonth11(l.Year), lunarMonth11(l.Year+1)
	}
	k := int(math.Floor(0.5 + (float64(a11)-2415021.076998695)/29.530588853))
	off := l.Month - 11
	if off < 0 {
		off += 12
	}
	if b11-a11 > 365 {
		leapOff := leapMonthOffset(a11)
		if l.Leap || off >= leapOff {
			off++
		}
	}
	jd := newMoonDay(k+off) + l.Day - 1
	if lunarOfJD(jd) != l {
		return time.Time{}, false
	}
	y, m, d := jdToDate(jd)
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, Loc), true
}

// lunarOfJD is the lunar date of Julian day number jd.
func lunarOfJD(jd int) LunarDate {
	k := int(math.Floor((float64(jd) - 2415021.076998695) / 29.530588853))
	// k counts mean lunations; the true new moon can come up to ~14 hours after the mean one, so
	// step back until the month has begun (the published algorithm steps once and gives day 0 for
	// 2054-05-07).
	k++
	monthStart := newMoonDay(k)
	for monthStart > jd {
		k--
		monthStart = newMoonDay(k)
	}
	yy, _, _ := jdToDate(jd)
	a11 := lunarMonth11(yy)
	b11 := a11
	var year int
	if a11 >= monthStart {
		year = yy
		a11 = lunarMonth11(yy - 1)
	} else {
		year = yy + 1
		b11 = lunarMonth11(yy + 1)
	}
	day := jd - monthStart + 1
	diff := (monthStart - a11) / 29
	leap := false
	month := diff + 11
	if b11-a11 > 365 {
		leapDiff := leapMonthOffset(a11)
		if diff >= leapDiff {
			month = diff + 10
			leap = diff == leapDiff
		}
	}
	if month > 12 {
		month -= 12
	}
	if month >= 11 && diff < 4 {
		year--
	}
	return LunarDate{Day: day, Month: month, Year: year, Leap: leap}
}

// jdFromDate is the Julian day number of a proleptic Gregorian date (Julian before 15 Oct 1582).
func jdFromDate(y, m, d int) int {
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	jd := d + (153*mm+2)/5 + 365*yy + yy/4 - yy/100 + yy/400 - 32045
	if jd < 2299161 {
		jd = d + (153*mm+2)/5 + 365*yy + yy/4 - 32083
	}
	return jd
}

// jdToDate is the inverse of jdFromDate.
func jdToDate(jd int) (y, m, d int) {
	var b, c int
	if jd > 2299160 {
		a := jd + 32044
		b = (4*a + 3) / 146097
		c = a - b*146097/4
	} else {
		c = jd + 32082
	}
	dd := (4*c + 3) / 1461
	e := c - 1461*dd/4
	mm := (5*e + 2) / 153
	d = e - (153*mm+2)/5 + 1
	m = mm + 3 - 12*(mm/10)
	y = b*100 + dd - 4800 + mm/10
	return y, m, d
}

// newMoon is the Julian day (UT, fractional) of the k-th new moon after 1900-01-01 (Meeus, ch. 49).
func newMoon(k int) float64 {
	const dr = math.Pi / 180
	kf := float64(k)
	t := kf / 1236.85
	t2 := t * t
	t3 := t2 * t
	jd1 := 2415020.75933 + 29.53058868*kf + 0.0001178*t2 - 0.000000155*t3
	jd1 += 0.00033 * math.Sin((166.56+132.87*t-0.009173*t2)*dr)
	m := 359.2242 + 29.10535608*kf - 0.0000333*t2 - 0.00000347*t3    // sun's mean anomaly
	mpr := 306.0253 + 385.81691806*kf + 0.0107306*t2 + 0.00001236*t3 // moon's mean anomaly
	f := 21.2964 + 390.67050646*kf - 0.0016528*t2 - 0.00000239*t3    // moon's argument of latitude
	c1 := (0.1734-0.000393*t)*math.Sin(m*dr) + 0.0021*math.Sin(2*dr*m)
	c1 = c1 - 0.4068*math.Sin(mpr*dr) + 0.0161*math.Sin(dr*2*mpr)
	c1 = c1 - 0.0004*math.Sin(dr*3*mpr)
	c1 = c1 + 0.0104*math.Sin(dr*2*f) - 0.0051*math.Sin(dr*(m+mpr))
	c1 = c1 - 0.0074*math.Sin(dr*(m-mpr)) + 0.0004*math.Sin(dr*(2*f+m))
	c1 = c1 - 0.0004*math.Sin(dr*(2*f-m)) - 0.0006*math.Sin(dr*(2*f+mpr))
	c1 = c1 + 0.0010*math.Sin(dr*(2*f-mpr)) + 0.0005*math.Sin(dr*(2*mpr+m))
	var deltaT float64 // TT − UT, in days
	if t < -11 {
		deltaT = 0.001 + 0.000839*t + 0.0002261*t2 - 0.00000845*t3 - 0.000000081*t*t3
	} else {
		deltaT = -0.000278 + 0.000265*t + 0.000262*t2
	}
	return jd1 + c1 - deltaT
}

// sunLongitude is the sun's apparent longitude in radians, [0, 2π), at Julian day jdn (UT).
func sunLongitude(jdn float64) float64 {
	const dr = math.Pi / 180
	t := (jdn - 2451545.0) / 36525
	t2 := t * t
	m := 357.52910 + 35999.05030*t - 0.0001559*t2 - 0.00000048*t*t2
	l0 := 280.46645 + 36000.76983*t + 0.0003032*t2
	dl := (1.914600 - 0.004817*t - 0.000014*t2) * math.Sin(dr*m)
	dl += (0.019993-0.000101*t)*math.Sin(dr*2*m) + 0.000290*math.Sin(dr*3*m)
	l := (l0 + dl) * dr
	l -= 2 * math.Pi * math.Floor(l/(2*math.Pi))
	return l
}

// newMoonDay is the local (UTC+7; UTC+8 before 1968) day number on which the k-th new moon falls.
func newMoonDay(k int) int {
	nm := newMoon(k)
	return int(math.Floor(nm + 0.5 + lunarZone(nm)/24))
}

// sunSector is which of the 12 major solar terms' 30° sectors the sun is in at the start of local
// day jd (0 = from the vernal equinox).
func sunSector(jd int) int {
	return int(math.Floor(sunLongitude(float64(jd)-0.5-lunarZone(float64(jd))/24) / math.Pi * 6))
}

// lunarMonth11 is the first day of the 11th lunar month of solar year y (the one with the solstice).
func lunarMonth11(y int) int {
	off := jdFromDate(y, 12, 31) - 2415021
	k := int(math.Floor(float64(off) / 29.530588853))
	nm := newMoonDay(k)
	if sunSector(nm) >= 9 {
		nm = newMoonDay(k - 1)
	}
	return nm
}

// leapMonthOffset is how many months after month 11 (starting a11) the leap month comes, in a lunar
// year of 13 months: the first month in which the sun enters no new sector.
func leapMonthOffset(a11 int) int {
	k := int(math.Floor((float64(a11)-2415021.076998695)/29.530588853 + 0.5))
	i := 1
	arc := sunSector(newMoonDay(k + i))
	for {
		last := arc
		i++
		arc = sunSector(newMoonDay(k + i))
		if arc == last || i >= 14 {
			break
		}
	}
	return i - 1
}

// ParseLunar reads a lunar date "day/month/year", e.g. "10/3/2026". A leap month is marked after the
// month or at the end: "1/2 nhuận/2023", "1/2n/2023", "1/2/2023 nhuận" ("nhuan" without diacritics
// is accepted too). The date must exist (see ToSolar).
func ParseLunar(s string) (LunarDate, error) {
	in := strings.TrimSpace(norm.NFC.String(s))
	if in == "" {
		return LunarDate{}, errors.New("Ngày âm lịch trống: nhập theo dạng ngày/tháng/năm, ví dụ 10/3/2026")
	}
	bad := fmt.Errorf("Ngày âm lịch %q không đúng dạng ngày/tháng/năm (ví dụ 10/3/2026, tháng nhuận: 1/2 nhuận/2023)", s)
	leap := false
	lower := strings.ToLower(in)
	for _, suffix := range []string{"nhuận", "nhuan"} {
		if rest, ok := strings.CutSuffix(lower, suffix); ok {
			lower, leap = strings.TrimSpace(rest), true
			break
		}
	}
	parts := strings.Split(lower, "/")
	if len(parts) != 3 {
		return LunarDate{}, bad
	}
	mon := strings.TrimSpace(parts[1])
	for _, suffix := range []string{"nhuận", "nhuan", "n"} {
		if rest, ok := strings.CutSuffix(mon, suffix); ok {
			if leap {
				return LunarDate{}, bad // marked twice
			}
			mon, leap = strings.TrimSpace(rest), true
			break
		}
	}
	var n [3]int
	for i, p := range []string{parts[0], mon, parts[2]} {
		p = strings.TrimSpace(p)
		if p == "" || len(p) > 4 || strings.TrimLeft(p, "0123456789") != "" {
			return LunarDate{}, bad
		}
		n[i], _ = strconv.Atoi(p)
	}
	l := LunarDate{Day: n[0], Month: n[1], Year: n[2], Leap: leap}
	if _, err := ToSolar(l); err != nil {
		return LunarDate{}, err
	}
	return l, nil
}
