package store

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
)

// Printing is how this counter's papers leave the PC: the paper loaded for the A5 slips
// (Mẫu 01–06) and for the A4 documents (tracking book, handover lists, reports), and whether
// the PDF is opened in the viewer instead of printed (a PC whose printer the app cannot drive).
type Printing struct {
	SlipPaper   string // "A5" (default) or "A4"
	BookPaper   string // "A4" (default) or "A3"
	OpenInstead bool
}

// The paper sizes a setting may take, the default first.
var (
	SlipPapers = []string{"A5", "A4"}
	BookPapers = []string{"A4", "A3"}
)

const (
	keySlipPaper   = "printing.slip_paper"
	keyBookPaper   = "printing.book_paper"
	keyOpenInstead = "printing.open_instead"
	keyColour      = "look.primary"
)

// DefaultPrinting is what an agency that chose nothing prints with.
func DefaultPrinting() Printing { return Printing{SlipPaper: SlipPapers[0], BookPaper: BookPapers[0]} }

// Printing returns the print settings, defaults filled in.
func (s *Store) Printing(ctx context.Context) (Printing, error) {
	p := DefaultPrinting()
	m, err := s.settings(ctx, keySlipPaper, keyBookPaper, keyOpenInstead)
	if err != nil {
		return p, err
	}
	if v := m[keySlipPaper]; v != "" {
		p.SlipPaper = v
	}
	if v := m[keyBookPaper]; v != "" {
		p.BookPaper = v
	}
	p.OpenInstead = m[keyOpenInstead] == "1"
	return p, nil
}

// SavePrinting checks and stores the print settings; the change is written to the audit trail.
func (s *Store) SavePrinting(ctx context.Context, by string, p Printing) error {
	if !oneOf(p.SlipPaper, SlipPapers) {
		return invalid("slip_paper", "Khổ giấy in phiếu phải là "+strings.Join(SlipPapers, " hoặc ")+".")
	}
	if !oneOf(p.BookPaper, BookPapers) {
		return invalid("book_paper", "Khổ giấy in sổ và báo cáo phải là "+strings.Join(BookPapers, " hoặc ")+".")
	}
	by, err := s.requireLogin(ctx, by, PermSettings)
	if err != nil {
		return err
	}
	open := "0"
	if p.OpenInstead {
		open = "1"
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		old, err := s.Printing(ctx)
		if err != nil {
			return err
		}
		if err := putSettings(ctx, t, map[string]string{keySlipPaper: p.SlipPaper, keyBookPaper: p.BookPaper, keyOpenInstead: open}); err != nil {
			return err
		}
		return audit(ctx, t, s.now(), by, "printing", "", "update", old, p, "")
	})
}

var colourRe = regexp.MustCompile(`^#[0-9a-f]{6}$`)

// AgencyColour returns the agency's primary colour as "#rrggbb", "" when none was chosen.
func (s *Store) AgencyColour(ctx context.Context) (string, error) {
	m, err := s.settings(ctx, keyColour)
	return m[keyColour], err
}

// SaveAgencyColour stores the primary colour of the window ("#rrggbb"; "" goes back to the
// default); the change is written to the audit trail.
func (s *Store) SaveAgencyColour(ctx context.Context, by, colour string) error {
	colour = strings.ToLower(strings.TrimSpace(colour))
	if colour != "" && !colourRe.MatchString(colour) {
		return invalid("colour", "Màu chủ đạo phải viết dạng #RRGGBB, ví dụ #1F5F8B.")
	}
	by, err := s.requireLogin(ctx, by, PermSettings)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		old, err := s.AgencyColour(ctx)
		if err != nil {
			return err
		}
		if err := putSettings(ctx, t, map[string]string{keyColour: colour}); err != nil {
			return err
		}
		return audit(ctx, t, s.now(), by, "look", "primary", "update", old, colour, "")
	})
}

func oneOf(v string, set []string) bool {
	for _, s := range set {
		if v == s {
			return true
		}
	}
	return false
}

// settings reads the given keys of the settings table; a key never saved is absent.
func (s *Store) settings(ctx context.Context, keys ...string) (map[string]string, error) {
	m := map[string]string{}
	for _, k := range keys {
		var v string
		err := s.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, k).Scan(&v)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return nil, err
		}
		m[k] = v
	}
	return m, nil
}

func putSettings(ctx context.Context, t *sql.Tx, kv map[string]string) error {
	for k, v := range kv {
		if _, err := t.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			return err
		}
	}
	return nil
}
