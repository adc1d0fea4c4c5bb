package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"motcua/store/workday"
)

const dateLayout = "2006-01-02"

func dayKey(t time.Time) string { return t.In(workday.Loc).Format(dateLayout) }

// Calendar is the working-day calendar with the stored overrides applied. It is cached and
// rebuilt when the overrides change, also when another process changed them (a revision number
// in settings is bumped with every change).
func (s *Store) Calendar(ctx context.Context) (*workday.Calendar, error) {
	var rev int64
	var v string
	err := s.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, keyCalendarRev).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, err
	default:
		rev, _ = strconv.ParseInt(v, 10, 64)
	}
	s.calMu.Lock()
	defer s.calMu.Unlock()
	if s.cal != nil && s.calRev == rev {
		return s.cal, nil
	}
	os, err := s.Overrides(ctx)
	if err != nil {
		return nil, err
	}
	s.cal, s.calRev = workday.New(os), rev
	return s.cal, nil
}

// Overrides lists the admin's calendar entries by date.
func (s *Store) Overrides(ctx context.Context) ([]workday.Override, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT date, kind, name FROM calendar_overrides ORDER BY date`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []workday.Override
	for rows.Next() {
		var d, k, n string
		if err := rows.Scan(&d, &k, &n); err != nil {
			return nil, err
		}
		t, err := time.ParseInLocation(dateLayout, d, workday.Loc)
		if err != nil {
			return nil, fmt.Errorf("ngày trong lịch lưu sai định dạng %q: %w", d, err)
		}
		out = append(out, workday.Override{Date: t, Kind: workday.Kind(k), Name: n})
	}
	return out, rows.Err()
}

// AddOverride records an entry of the Government's yearly decision (an extra day off, a make-up
// working day, a day that is no longer off), replacing any entry on the same date; audited.
func (s *Store) AddOverride(ctx context.Context, by string, o workday.Override, reason string) error {
	switch o.Kind {
	case workday.Extra, workday.Workday, workday.NotOff:
	default:
		return invalid("kind", "Loại ngày phải là: nghỉ thêm, làm bù, hoặc không nghỉ.")
	}
	if o.Date.IsZero() || o.Date.Year() < 2000 || o.Date.Year() > 2200 {
		return invalid("date", "Ngày điều chỉnh lịch không hợp lệ; hãy chọn một ngày từ năm 2000.")
	}
	var err error
	if o.Name, err = cleanText("name", "Tên ngày", o.Name, false, 200); err != nil {
		return err
	}
	if reason, err = cleanText("reason", "Lý do", reason, false, 500); err != nil {
		return err
	}
	by, err = s.requireLogin(ctx, by, PermCalendar)
	if err != nil {
		return err
	}
	key := dayKey(o.Date)
	return s.tx(ctx, func(t *sql.Tx) error {
		var old *workday.Override
		var k, n string
		err := t.QueryRowContext(ctx, `SELECT kind, name FROM calendar_overrides WHERE date = ?`, key).Scan(&k, &n)
		if err == nil {
			old = &workday.Override{Date: o.Date, Kind: workday.Kind(k), Name: n}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := t.ExecContext(ctx, `INSERT INTO calendar_overrides(date, kind, name) VALUES (?, ?, ?)
			ON CONFLICT(date) DO UPDATE SET kind = excluded.kind, name = excluded.name`, key, string(o.Kind), o.Name); err != nil {
			return err
		}
		action := "create"
		if old != nil {
			action = "update"
		}
		if err := audit(ctx, t, s.now(), by, "calendar", key, action, old, o, reason); err != nil {
			return err
		}
		return bumpCalendar(ctx, t)
	})
}

// RemoveOverride deletes the entry on date (the statutory rules apply again); audited.
func (s *Store) RemoveOverride(ctx context.Context, by string, date time.Time, reason string) error {
	reason, err := cleanText("reason", "Lý do", reason, false, 500)
	if err != nil {
		return err
	}
	by, err = s.requireLogin(ctx, by, PermCalendar)
	if err != nil {
		return err
	}
	key := dayKey(date)
	return s.tx(ctx, func(t *sql.Tx) error {
		var k, n string
		err := t.QueryRowContext(ctx, `SELECT kind, name FROM calendar_overrides WHERE date = ?`, key).Scan(&k, &n)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w ngày điều chỉnh lịch %s", ErrNotFound, date.In(workday.Loc).Format("02/01/2006"))
		}
		if err != nil {
			return err
		}
		if _, err := t.ExecContext(ctx, `DELETE FROM calendar_overrides WHERE date = ?`, key); err != nil {
			return err
		}
		old := workday.Override{Date: date, Kind: workday.Kind(k), Name: n}
		if err := audit(ctx, t, s.now(), by, "calendar", key, "delete", old, nil, reason); err != nil {
			return err
		}
		return bumpCalendar(ctx, t)
	})
}

func bumpCalendar(ctx context.Context, t *sql.Tx) error {
	_, err := t.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, '1')
		ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(settings.value AS INTEGER) + 1 AS TEXT)`, keyCalendarRev)
	return err
}
