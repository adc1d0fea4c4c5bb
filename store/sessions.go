package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// A session lets the command line act for an official after one login, as the window does
// between its login and its idle lock: the token is handed to the caller once, and only its
// SHA-256 is stored. It ends at EndSession or after Security.IdleMinutes without use.

// SessionError says why a token does not authenticate. Expired is true for a session that ended
// by idling (the caller may say "log in again"); false for an unknown or ended token.
type SessionError struct {
	Login   string // the session's official, when the token was known
	Expired bool
	Idle    int // the idle minutes in force, for the message
}

func (e *SessionError) Error() string {
	if e.Expired {
		return fmt.Sprintf("Phiên đăng nhập của %s đã hết hạn sau %d phút không dùng; hãy đăng nhập lại.", e.Login, e.Idle)
	}
	if e.Login != "" {
		return fmt.Sprintf("Phiên đăng nhập của %s đã kết thúc; hãy đăng nhập lại.", e.Login)
	}
	return "Phiên đăng nhập không hợp lệ; hãy đăng nhập lại."
}

// tokenPrefix marks a token as Một Cửa's, so a script or a log scanner can recognise one.
const tokenPrefix = "mc_"

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(token)))
	return hex.EncodeToString(sum[:])
}

// StartSession logs in like Login (the same throttle, lockout and audit: one place) and starts
// a session; the token is returned once and is never stored.
func (s *Store) StartSession(ctx context.Context, login, secret string) (string, Official, error) {
	o, err := s.Login(ctx, login, secret)
	if err != nil {
		return "", o, err
	}
	var raw [32]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return "", o, err
	}
	token := tokenPrefix + base64.RawURLEncoding.EncodeToString(raw[:])
	now := ts(s.now())
	err = s.tx(ctx, func(t *sql.Tx) error {
		_, err := t.ExecContext(ctx, `INSERT INTO sessions(token_hash, official_id, started_at, last_used) VALUES (?, ?, ?, ?)`,
			tokenHash(token), o.ID, now, now)
		return err
	})
	if err != nil {
		return "", o, err
	}
	return token, o, nil
}

// Session returns the official a token acts for and slides its idle time; a token that is
// unknown, ended, idle longer than Security.IdleMinutes, or whose official was deactivated is a
// *SessionError (an expiry ends the session for good).
func (s *Store) Session(ctx context.Context, token string) (Official, error) {
	if !strings.HasPrefix(strings.TrimSpace(token), tokenPrefix) {
		return Official{}, &SessionError{}
	}
	sec, err := s.Security(ctx)
	if err != nil {
		return Official{}, err
	}
	h := tokenHash(token)
	var id int64
	var last, ended string
	err = s.r.QueryRowContext(ctx, `SELECT official_id, last_used, ended_at FROM sessions WHERE token_hash = ?`, h).Scan(&id, &last, &ended)
	if errors.Is(err, sql.ErrNoRows) {
		return Official{}, &SessionError{}
	}
	if err != nil {
		return Official{}, err
	}
	o, err := scanOfficial(s.r.QueryRowContext(ctx, `SELECT `+officialCols+` FROM officials WHERE id = ?`, id))
	if err != nil {
		return Official{}, err
	}
	if ended != "" || !o.Active {
		return Official{}, &SessionError{Login: o.Login}
	}
	now := s.now()
	lastAt, err := parseTS(last)
	if err != nil {
		return Official{}, err
	}
	if now.Sub(lastAt) > time.Duration(sec.IdleMinutes)*time.Minute {
		err := s.tx(ctx, func(t *sql.Tx) error {
			_, err := t.ExecContext(ctx, `UPDATE sessions SET ended_at = ? WHERE token_hash = ?`, ts(now), h)
			return err
		})
		if err != nil {
			return Official{}, err
		}
		return Official{}, &SessionError{Login: o.Login, Expired: true, Idle: sec.IdleMinutes}
	}
	// Slide at most once a minute: idle time is counted in minutes, and a script's loop of short
	// commands should not pay a write (and its fsync) each.
	if now.Sub(lastAt) < time.Minute {
		return o, nil
	}
	err = s.tx(ctx, func(t *sql.Tx) error {
		_, err := t.ExecContext(ctx, `UPDATE sessions SET last_used = ? WHERE token_hash = ?`, ts(now), h)
		return err
	})
	return o, err
}

// EndSession ends a token's session (logout), audited; an unknown or ended token is a
// *SessionError.
func (s *Store) EndSession(ctx context.Context, token string) (Official, error) {
	h := tokenHash(token)
	var id int64
	var ended string
	err := s.r.QueryRowContext(ctx, `SELECT official_id, ended_at FROM sessions WHERE token_hash = ?`, h).Scan(&id, &ended)
	if errors.Is(err, sql.ErrNoRows) {
		return Official{}, &SessionError{}
	}
	if err != nil {
		return Official{}, err
	}
	o, err := scanOfficial(s.r.QueryRowContext(ctx, `SELECT `+officialCols+` FROM officials WHERE id = ?`, id))
	if err != nil {
		return o, err
	}
	if ended != "" {
		return o, &SessionError{Login: o.Login}
	}
	now := s.now()
	return o, s.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `UPDATE sessions SET ended_at = ? WHERE token_hash = ?`, ts(now), h); err != nil {
			return err
		}
		return audit(ctx, t, now, o.Login, "login", o.Login, "logout", nil, nil, "")
	})
}

// RecordDatabaseMove audits that an admin pointed this installation at another database
// (`motcua db -set`): written in the ledger being left, passwords taken out of both addresses.
func (s *Store) RecordDatabaseMove(ctx context.Context, by, from, to string) error {
	admin, err := s.require(ctx, by, PermSettings)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		return audit(ctx, t, s.now(), admin.Login, "settings", "db", "move", RedactURL(from), RedactURL(to), "")
	})
}
