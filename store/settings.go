package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"motcua/store/workday"
)

// Agency is the office the counter belongs to, as printed in the slips' header.
type Agency struct {
	Name       string // "UBND phường Hoài Đức"
	ParentName string // left header line, "UBND PHƯỜNG HOÀI ĐỨC": the unit's managing body
	// Unit is the one-stop unit as written in a sentence ("Trung tâm Phục vụ hành chính công
	// phường Hoài Đức", "Bộ phận Tiếp nhận và Trả kết quả"): the forms' header under ParentName
	// and every sentence naming the unit. Empty: the forms' default (Circular 03/2025 wording).
	Unit     string
	Code     string // the agency's electronic identifier opening every dossier code, as published: "000.21.26.H26"
	Place    string // địa danh in "{Place}, ngày … tháng … năm …"
	Hours    workday.OfficeHours
	Printer  string // CUPS printer name; empty = default printer
	SaveOnly bool   // write PDFs to the archive without printing

	CodePattern   string     // the dossier code pattern (numbering.go); "" = DefaultCodePattern
	DefaultCutoff CutoffRule // the start rule of procedures without their own; "" = CutoffNextDay
}

// settings keys of the agency.
const (
	keyAgencyName   = "agency.name"
	keyAgencyParent = "agency.parent_name"
	keyAgencyUnit   = "agency.unit"
	keyAgencyCode   = "agency.code"
	keyAgencyPlace  = "agency.place"
	keyHours        = "agency.hours"
	keyPrinter      = "agency.printer"
	keySaveOnly     = "agency.save_only"
	keyCodePattern  = "agency.code_pattern"
	keyCutoff       = "agency.cutoff"
	keyCalendarRev  = "calendar.rev"
)

// hoursJSON is how office hours are kept: clock times as "07:30", readable in the file.
type hoursJSON struct {
	Open, LunchStart, LunchEnd, Close, Cutoff string
}

// validateHours checks the office hours with the calendar's own rule, naming the field "hours".
func validateHours(h workday.OfficeHours) error {
	if err := h.Validate(); err != nil {
		return invalid("hours", strings.TrimSuffix(err.Error(), ".")+".")
	}
	return nil
}

// Agency returns the configured agency; an unconfigured store gives the zero Agency with the
// default office hours.
func (s *Store) Agency(ctx context.Context) (Agency, error) {
	return agencyFrom(ctx, s.r)
}

type queryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func agencyFrom(ctx context.Context, q queryer) (Agency, error) {
	rows, err := q.QueryContext(ctx, `SELECT key, value FROM settings WHERE key LIKE 'agency.%'`)
	if err != nil {
		return Agency{}, err
	}
	defer rows.Close()
	a := Agency{Hours: workday.DefaultHours()}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return Agency{}, err
		}
		switch k {
		case keyAgencyName:
			a.Name = v
		case keyAgencyParent:
			a.ParentName = v
		case keyAgencyUnit:
			a.Unit = v
		case keyAgencyCode:
			a.Code = v
		case keyAgencyPlace:
			a.Place = v
		case keyPrinter:
			a.Printer = v
		case keySaveOnly:
			a.SaveOnly = v == "1"
		case keyCodePattern:
			a.CodePattern = v
		case keyCutoff:
			a.DefaultCutoff = CutoffRule(v)
		case keyHours:
			var hj hoursJSON
			if err := json.Unmarshal([]byte(v), &hj); err != nil {
				return Agency{}, fmt.Errorf("giờ làm việc lưu sai định dạng: %w", err)
			}
			h, ok := hoursFromJSON(hj)
			if !ok {
				return Agency{}, fmt.Errorf("giờ làm việc lưu sai định dạng: %s", v)
			}
			a.Hours = h
		}
	}
	return a, rows.Err()
}

func hoursFromJSON(hj hoursJSON) (workday.OfficeHours, bool) {
	var h workday.OfficeHours
	ok := true
	for _, p := range []struct {
		s string
		c *workday.Clock
	}{{hj.Open, &h.Open}, {hj.LunchStart, &h.LunchStart}, {hj.LunchEnd, &h.LunchEnd}, {hj.Close, &h.Close}, {hj.Cutoff, &h.Cutoff}} {
		c, err := workday.ParseClock(p.s)
		ok = ok && err == nil
		*p.c = c
	}
	return h, ok
}

// normAgency cleans and validates agency settings.
func normAgency(a Agency) (Agency, error) {
	var err error
	if a.Name, err = cleanText("name", "Tên cơ quan", a.Name, true, 200); err != nil {
		return a, err
	}
	if a.ParentName, err = cleanText("parent_name", "Tên cơ quan chủ quản", a.ParentName, false, 200); err != nil {
		return a, err
	}
	if a.Unit, err = cleanText("unit", "Tên bộ phận một cửa", a.Unit, false, 200); err != nil {
		return a, err
	}
	if a.Place, err = cleanText("place", "Địa danh", a.Place, false, 100); err != nil {
		return a, err
	}
	if a.Printer, err = cleanText("printer", "Tên máy in", a.Printer, false, 200); err != nil {
		return a, err
	}
	code, ok := clean(a.Code)
	code = strings.ToUpper(code)
	// The electronic identifier as the province publishes it (Decision 20/2020/QĐ-TTg): groups of
	// letters and digits joined by dots, "000.21.26.H26"; short codes of earlier versions ("HD001") too.
	if !ok || len(code) < 2 || len(code) > 30 || strings.IndexFunc(code, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.')
	}) >= 0 || strings.HasPrefix(code, ".") || strings.HasSuffix(code, ".") || strings.Contains(code, "..") {
		return a, invalid("code", "Mã cơ quan (mã định danh điện tử) phải gồm 2 đến 30 ký tự: chữ in hoa A–Z, chữ số và dấu chấm giữa các nhóm, ví dụ 000.21.26.H26.")
	}
	a.Code = code
	a.CodePattern = strings.TrimSpace(a.CodePattern)
	if a.CodePattern == "" {
		a.CodePattern = DefaultCodePattern
	}
	if _, err := parseCodePattern(a.CodePattern); err != nil {
		return a, err
	}
	if err := validCutoff("cutoff", a.DefaultCutoff, true); err != nil {
		return a, err
	}
	if a.Hours == (workday.OfficeHours{}) {
		a.Hours = workday.DefaultHours()
	}
	return a, validateHours(a.Hours)
}

// SaveAgency validates and stores the agency settings; the change is written to the audit trail.
func (s *Store) SaveAgency(ctx context.Context, by string, a Agency) error {
	a, err := normAgency(a)
	if err != nil {
		return err
	}
	by, err = s.requireLogin(ctx, by, PermSettings)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		old, err := agencyFrom(ctx, t)
		if err != nil {
			return err
		}
		return saveAgency(ctx, t, s.now(), by, old, a)
	})
}

func saveAgency(ctx context.Context, t *sql.Tx, now time.Time, by string, old, a Agency) error {
	h := a.Hours
	hj, _ := json.Marshal(hoursJSON{h.Open.String(), h.LunchStart.String(), h.LunchEnd.String(), h.Close.String(), h.Cutoff.String()})
	saveOnly := "0"
	if a.SaveOnly {
		saveOnly = "1"
	}
	for k, v := range map[string]string{
		keyAgencyName: a.Name, keyAgencyParent: a.ParentName, keyAgencyUnit: a.Unit, keyAgencyCode: a.Code, keyAgencyPlace: a.Place,
		keyHours: string(hj), keyPrinter: a.Printer, keySaveOnly: saveOnly,
		keyCodePattern: a.CodePattern, keyCutoff: string(a.DefaultCutoff),
	} {
		if _, err := t.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			return err
		}
	}
	action := "update"
	if old.Code == "" {
		action = "create"
	}
	return audit(ctx, t, now, by, "agency", a.Code, action, old, a, "")
}
