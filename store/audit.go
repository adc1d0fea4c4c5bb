package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"
)

// AuditEntry is one change to settings, officials, the catalogue or the calendar.
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
// recorded as JSON (nil → empty).
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
	_, err := t.ExecContext(ctx, `INSERT INTO audit(at, by_login, entity, entity_key, action, old_value, new_value, reason)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, ts(now), by, entity, key, action, enc(old), enc(new), reason)
	return err
}

// Audit returns the audit trail of one entity kind ("" = all), newest first, at most limit rows
// (limit ≤ 0: 1000).
func (s *Store) Audit(ctx context.Context, entity string, limit int) ([]AuditEntry, error) {
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, at, by_login, entity, entity_key, action, old_value, new_value, reason
		FROM audit WHERE ? = '' OR entity = ? ORDER BY id DESC LIMIT ?`, entity, entity, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.By, &e.Entity, &e.Key, &e.Action, &e.Old, &e.New, &e.Reason); err != nil {
			return nil, err
		}
		if e.At, err = parseTS(at); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
