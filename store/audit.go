package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// AuditEntry is one change: to settings, officials, the catalogue, the calendar, a dossier (its
// events), or a login, lockout, backup or restore.
type AuditEntry struct {
	ID       int64
	At       time.Time
	By       string // official login ("" for the system, e.g. demo seeding)
	Entity   string // "agency", "official", "field", "procedure", "calendar"
	Key      string // which one: agency code, login, procedure code, date
	Action   string // "create", "update", "delete"
	Old, New string // JSON of the record before and after
	Reason   string
}

// audit appends a row to the audit trail inside the caller's transaction. old and new are
// recorded as JSON (nil → empty). The row is chained to the previous one (chain.go).
func audit(ctx context.Context, t *sql.Tx, now time.Time, by, entity, key, action string, old, new any, reason string) error {
	enc := func(v any) string {
		if v == nil {
			return ""
		}
		b, err := json.Marshal(v)
		if err != nil {
			return ""
		}
		return string(b)
	}
	prev, err := lastHash(ctx, t, "audit")
	if err != nil {
		return err
	}
	f := []string{ts(now), by, entity, key, action, enc(old), enc(new), reason}
	_, err = t.ExecContext(ctx, `INSERT INTO audit(at, by_login, entity, entity_key, action, old_value, new_value, reason, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], prev, chainHash(prev, f...))
	return err
}

// AuditFilter chooses rows of the audit trail. Zero fields do not filter.
type AuditFilter struct {
	Entity   string    // "agency", "official", "procedure", "field", "calendar", "settings", "login", "backup", "dossier"
	Official string    // login of who made the change
	From, To time.Time // days, both included (Vietnam time)
	Offset   int
	Limit    int // ≤ 0: 100
}

// trail is the audit table and the dossiers' events, one list: a change to a dossier is a
// change like any other for whoever inspects the counter. Dossier events are shown at the time
// they were typed in (recorded_at), their statuses as old → new.
const trail = `SELECT at, by_login, entity, entity_key, action, old_value, new_value, reason, 0 AS src, id FROM audit
	UNION ALL
	SELECT e.recorded_at, o.login, 'dossier', d.code, e.kind, CAST(e.from_status AS TEXT), CAST(e.to_status AS TEXT), e.note, 1, e.id
	FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id JOIN officials o ON o.id = e.by_id`

func (f AuditFilter) where() (string, []any) {
	var conds []string
	var args []any
	if e := strings.TrimSpace(f.Entity); e != "" {
		conds, args = append(conds, `entity = ?`), append(args, e)
	}
	if o := strings.TrimSpace(f.Official); o != "" {
		conds, args = append(conds, `by_login = ?`), append(args, strings.ToLower(o))
	}
	if !f.From.IsZero() {
		conds, args = append(conds, `at >= ?`), append(args, ts(dayStart(f.From)))
	}
	if !f.To.IsZero() {
		conds, args = append(conds, `at < ?`), append(args, ts(dayStart(f.To).AddDate(0, 0, 1)))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return ` WHERE ` + strings.Join(conds, ` AND `), args
}

// Audit returns one page of the audit trail, newest first. Leader and admin only.
func (s *Store) Audit(ctx context.Context, by string, f AuditFilter) ([]AuditEntry, error) {
	if _, err := s.require(ctx, by, PermViewAudit); err != nil {
		return nil, err
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	where, args := f.where()
	rows, err := s.r.QueryContext(ctx, `SELECT at, by_login, entity, entity_key, action, old_value, new_value, reason, src, id
		FROM (`+trail+`) t`+where+` ORDER BY at DESC, src DESC, id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, max(f.Offset, 0))...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		var src int
		if err := rows.Scan(&at, &e.By, &e.Entity, &e.Key, &e.Action, &e.Old, &e.New, &e.Reason, &src, &e.ID); err != nil {
			return nil, err
		}
		if e.At, err = parseTS(at); err != nil {
			return nil, err
		}
		if src == 1 { // a dossier event: statuses by name
			e.Old, e.New = statusText(e.Old), statusText(e.New)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// AuditCount is how many rows the filter selects.
func (s *Store) AuditCount(ctx context.Context, by string, f AuditFilter) (int, error) {
	if _, err := s.require(ctx, by, PermViewAudit); err != nil {
		return 0, err
	}
	where, args := f.where()
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM (`+trail+`) t`+where, args...).Scan(&n)
	return n, err
}

func statusText(v string) string {
	n, err := strconv.Atoi(v)
	if err != nil || n == 0 {
		return ""
	}
	return StatusName(Status(n))
}
