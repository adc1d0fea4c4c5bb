package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"motcua/store/workday"
)

// number assigns a new dossier's code and book number inside the intake transaction. The
// transaction began IMMEDIATE, so it holds SQLite's write lock: no other connection or process
// can read the same counters before this one commits, and a rollback takes the numbers back
// (no gaps). The UNIQUE constraints on dossiers(code) and (book_year, book_no) are the last line
// of defence. A PostgreSQL backend would do the same with INSERT ... ON CONFLICT ... RETURNING
// under row locks.
func number(ctx context.Context, t *sql.Tx, agencyCode string, received time.Time) (code string, year, bookNo int, err error) {
	local := received.In(workday.Loc)
	day := local.Format("060102")
	var seq int
	if err = t.QueryRowContext(ctx, `INSERT INTO day_counters(agency_code, day, last) VALUES (?, ?, 1)
		ON CONFLICT(agency_code, day) DO UPDATE SET last = day_counters.last + 1 RETURNING last`, agencyCode, day).Scan(&seq); err != nil {
		return "", 0, 0, fmt.Errorf("không cấp được số thứ tự trong ngày: %w", err)
	}
	year = local.Year()
	if err = t.QueryRowContext(ctx, `INSERT INTO book_counters(year, last) VALUES (?, 1)
		ON CONFLICT(year) DO UPDATE SET last = book_counters.last + 1 RETURNING last`, year).Scan(&bookNo); err != nil {
		return "", 0, 0, fmt.Errorf("không cấp được số thứ tự trong sổ: %w", err)
	}
	return fmt.Sprintf("%s-%s-%04d", agencyCode, day, seq), year, bookNo, nil
}
