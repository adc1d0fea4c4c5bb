package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"motcua/store/workday"
)

// BookFilter chooses rows of the tracking book (Mẫu 06). Zero fields do not filter.
type BookFilter struct {
	Year        int       // the book's year (quyển); 0: every year
	From, To    time.Time // receipt dates, both days included (Vietnam time)
	Status      Status
	ProcedureID int64
	FieldID     int64
	Official    string // login: received, holds, or is to confirm the dossier
	LateOnly    bool   // closed late, or open and past its due minute now
	Query       string // code, name (diacritics optional), CCCD or phone, as SearchDossiers

	By string // who reads the book (empty: the DefaultActor); needs PermViewDossiers
}

// bookWhere turns the filter into SQL conditions. Each condition has an index that keeps book
// order (migration 0002), so a page is read without sorting the year.
func (s *Store) bookWhere(ctx context.Context, f BookFilter) (string, []any, bool, error) {
	if _, err := s.require(ctx, f.By, PermViewDossiers); err != nil {
		return "", nil, false, err
	}
	var conds []string
	var args []any
	add := func(c string, a ...any) { conds = append(conds, c); args = append(args, a...) }
	if f.Year != 0 {
		add(`d.book_year = ?`, f.Year)
	}
	if !f.From.IsZero() {
		add(`d.received_at >= ?`, ts(dayStart(f.From)))
	}
	if !f.To.IsZero() {
		add(`d.received_at < ?`, ts(dayStart(f.To).AddDate(0, 0, 1)))
	}
	if f.Status != 0 {
		add(`d.status = ?`, f.Status)
	}
	if f.ProcedureID != 0 {
		add(`d.procedure_id = ?`, f.ProcedureID)
	}
	if f.FieldID != 0 {
		add(`d.procedure_id IN (SELECT id FROM procedures WHERE field_id = ?)`, f.FieldID)
	}
	if strings.TrimSpace(f.Official) != "" {
		o, err := s.Official(ctx, f.Official)
		if errors.Is(err, ErrNotFound) {
			return "", nil, false, nil // no such official: no rows
		}
		if err != nil {
			return "", nil, false, err
		}
		// "received_by > 0" (always true) names the index made for this filter (migration 0008).
		add(`d.received_by > 0 AND (d.received_by = ? OR d.holder_id = ? OR d.pending_to_id = ?)`, o.ID, o.ID, o.ID)
	}
	if f.LateOnly {
		add(`(d.late = 1 OR (d.closed_at IS NULL AND d.status IN (?, ?) AND d.due_at < ?))`,
			StatusReceived, StatusProcessing, ts(s.now().Truncate(time.Minute)))
	}
	if q := strings.TrimSpace(searchNorm(f.Query)); q != "" {
		if p, perr := phone("q", q, true); perr == nil {
			q = p
		} else if compact := strings.ReplaceAll(q, " ", ""); len(compact) >= 4 && digits(compact) {
			q = compact
		}
		ws := tokens(fold(q))
		if len(ws) == 0 {
			return "", nil, false, nil
		}
		// The book shows one year. Its ids lie between its smallest and largest (migration
		// 0013's index gives both in two seeks), and since ids grow with intake that span is
		// about the year's rows alone: matching only inside it makes a typed key cost one
		// year, not the whole history (on 1M dossiers "nguyen van" cost ~1 s of CPU a key).
		var span *idSpan
		if f.Year != 0 {
			var lo, hi sql.NullInt64
			// "id > 0" (always true) names migration 0013's index.
			if err := s.r.QueryRowContext(ctx, `SELECT (SELECT MIN(id) FROM dossiers WHERE book_year = ? AND id > 0),
				(SELECT MAX(id) FROM dossiers WHERE book_year = ? AND id > 0)`, f.Year, f.Year).Scan(&lo, &hi); err != nil {
				return "", nil, false, err
			}
			if !lo.Valid {
				return "", nil, false, nil // an empty year
			}
			span = &idSpan{lo.Int64, hi.Int64}
		}
		ids, wargs := s.d.searchIDs(ws, span)
		add(`d.id IN (`+ids+`)`, wargs...)
	}
	if len(conds) == 0 {
		return "", nil, true, nil
	}
	return ` WHERE ` + strings.Join(conds, ` AND `), args, true, nil
}

func dayStart(t time.Time) time.Time {
	t = t.In(workday.Loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, workday.Loc)
}

const bookOrder = ` ORDER BY d.book_year, d.book_no`

// Book returns one page of the tracking book in book order: limit rows (≤ 0: 100) from offset.
func (s *Store) Book(ctx context.Context, f BookFilter, offset, limit int) ([]Dossier, error) {
	if limit <= 0 {
		limit = 100
	}
	if offset < 0 {
		offset = 0
	}
	where, args, ok, err := s.bookWhere(ctx, f)
	if err != nil || !ok {
		return nil, err
	}
	// Two steps: the page's ids from the filter's index (skipping offset entries of an index is
	// cheap), then only those rows with their joins. One query with OFFSET would read and join
	// every skipped row: 30–40 ms deep into a 100,000-row year instead of ~2 ms.
	var out []Dossier
	err = s.each(ctx, dossierSelect+` WHERE d.id IN (SELECT d.id FROM dossiers d`+where+bookOrder+` LIMIT ? OFFSET ?)`+bookOrder,
		append(args, limit, offset), func(d Dossier) error {
			out = append(out, d)
			return nil
		})
	return out, err
}

// BookCount is how many rows the filter selects.
func (s *Store) BookCount(ctx context.Context, f BookFilter) (int, error) {
	where, args, ok, err := s.bookWhere(ctx, f)
	if err != nil || !ok {
		return 0, err
	}
	var n int
	err = s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers d`+where, args...).Scan(&n)
	return n, err
}

// EachBook calls fn for every selected row in book order, one at a time (for exports: the
// year is never held in memory). An error from fn stops the walk and is returned.
func (s *Store) EachBook(ctx context.Context, f BookFilter, fn func(Dossier) error) error {
	where, args, ok, err := s.bookWhere(ctx, f)
	if err != nil || !ok {
		return err
	}
	return s.each(ctx, dossierSelect+where+bookOrder, args, fn)
}

func (s *Store) each(ctx context.Context, q string, args []any, fn func(Dossier) error) error {
	rows, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanDossier(rows)
		if err != nil {
			return err
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PendingHandovers lists the first limit (≤ 0: 100) dossiers handed to the official `to` and
// not yet confirmed, in book order.
func (s *Store) PendingHandovers(ctx context.Context, by, to string, limit int) ([]Dossier, error) {
	if limit <= 0 {
		limit = 100
	}
	if _, err := s.require(ctx, by, PermViewDossiers); err != nil {
		return nil, err
	}
	o, err := s.Official(ctx, to)
	if errors.Is(err, ErrNotFound) {
		return nil, invalid("to", "Không có cán bộ có tên đăng nhập \""+to+"\".")
	}
	if err != nil {
		return nil, err
	}
	return s.pendingTo(ctx, o.ID, limit)
}

// pendingTo is PendingHandovers for the store's own use, by official id (the caller checked the
// permission).
func (s *Store) pendingTo(ctx context.Context, id int64, limit int) ([]Dossier, error) {
	var out []Dossier
	err := s.each(ctx, dossierSelect+` WHERE d.pending_to_id = ?`+bookOrder+` LIMIT ?`, []any{id, limit}, func(d Dossier) error {
		out = append(out, d)
		return nil
	})
	return out, err
}
