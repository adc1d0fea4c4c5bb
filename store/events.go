package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"
)

// Event is one step in a dossier's history. Events are only ever appended.
type Event struct {
	ID         int64
	At         time.Time // when it happened
	RecordedAt time.Time // when it was entered (later than At when typed in from the paper book)
	By         string    // official login
	ByName     string
	Kind       Act    // ActReceive, or an act of lifecycle.go: ActHandover, ActConfirm, ...
	FromStatus Status // 0 for the intake
	ToStatus   Status
	Note       string
	Data       json.RawMessage // kind-specific details: HandoverData, SupplementData, ... ("{}" when none)
}

// Decode reads the event's details into v (one of the *Data types of lifecycle.go).
func (e Event) Decode(v any) error {
	if len(e.Data) == 0 {
		return nil
	}
	return json.Unmarshal(e.Data, v)
}

// appendEvent adds an event row inside the caller's transaction. data holds kind-specific
// details (nil: none). The row is chained to the previous event (chain.go).
func appendEvent(ctx context.Context, t *sql.Tx, dossierID int64, at, recorded time.Time, byID int64, kind Act, from, to Status, note string, data any) error {
	d := "{}"
	if data != nil {
		b, err := json.Marshal(data)
		if err != nil {
			return err
		}
		d = string(b)
	}
	prev, err := lastHash(ctx, t, "dossier_events")
	if err != nil {
		return err
	}
	f := eventFields(dossierID, ts(at), ts(recorded), byID, kind, int64(from), int64(to), note, d)
	if intakeEvent(kind, int64(from)) { // the intake's fields are covered by its event: a name or fee edited shows
		intake, err := intakeFields(t.QueryRowContext(ctx, intakeSelect, dossierID))
		if err != nil {
			return err
		}
		f = append(f, intake...)
	}
	_, err = t.ExecContext(ctx, `INSERT INTO dossier_events(dossier_id, at, recorded_at, by_id, kind, from_status, to_status, note, data, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, dossierID, ts(at), ts(recorded), byID, kind, from, to, note, d, prev, chainHash(prev, f...))
	return err
}

// Events lists a dossier's history in the order it was recorded.
func (s *Store) Events(ctx context.Context, by, code string) ([]Event, error) {
	d, err := s.Dossier(ctx, by, code)
	if err != nil {
		return nil, err
	}
	return s.eventsOf(ctx, d.ID)
}

// eventsOf is a dossier's history for the store's own use (the caller checked the permission).
func (s *Store) eventsOf(ctx context.Context, id int64) ([]Event, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT e.id, e.at, e.recorded_at, o.login, o.full_name, e.kind, e.from_status, e.to_status, e.note, e.data
		FROM dossier_events e JOIN officials o ON o.id = e.by_id WHERE e.dossier_id = ? ORDER BY e.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		var e Event
		var at, rec, data string
		if err := rows.Scan(&e.ID, &at, &rec, &e.By, &e.ByName, &e.Kind, &e.FromStatus, &e.ToStatus, &e.Note, &data); err != nil {
			return nil, err
		}
		if e.At, err = parseTS(at); err != nil {
			return nil, err
		}
		if e.RecordedAt, err = parseTS(rec); err != nil {
			return nil, err
		}
		e.Data = json.RawMessage(data)
		out = append(out, e)
	}
	return out, rows.Err()
}
