package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Role is what an official may do at the counter.
type Role string

const (
	RoleCounter    Role = "counter"    // công chức tiếp nhận
	RoleProcessing Role = "processing" // công chức chuyên môn
	RoleLeader     Role = "leader"     // lãnh đạo
	RoleAdmin      Role = "admin"      // quản trị viên
)

// Name is the role's Vietnamese name.
func (r Role) Name() string {
	switch r {
	case RoleCounter:
		return "Công chức tiếp nhận"
	case RoleProcessing:
		return "Công chức chuyên môn"
	case RoleLeader:
		return "Lãnh đạo"
	case RoleAdmin:
		return "Quản trị viên"
	}
	return string(r)
}

// Official is a person who works with the ledger.
type Official struct {
	ID       int64
	Login    string
	FullName string
	Role     Role
	Phone    string
	// Title is the official's title as signed, "Chủ tịch" or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": over
	// the head's signature on Mẫu 04. Optional.
	Title  string
	Active bool

	HasPassword, HasPIN bool // whether a password / PIN is set (the hashes never leave the store)
}

const officialCols = `id, login, full_name, role, phone, COALESCE(title, ''), active, password_hash != '', pin_hash != ''`

func scanOfficial(sc interface{ Scan(...any) error }) (Official, error) {
	var o Official
	var role string
	err := sc.Scan(&o.ID, &o.Login, &o.FullName, &role, &o.Phone, &o.Title, &o.Active, &o.HasPassword, &o.HasPIN)
	o.Role = Role(role)
	return o, err
}

// Officials lists every official, active or not, by login.
func (s *Store) Officials(ctx context.Context) ([]Official, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+officialCols+` FROM officials ORDER BY login`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Official
	for rows.Next() {
		o, err := scanOfficial(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Official finds an official by login (case-insensitive).
func (s *Store) Official(ctx context.Context, login string) (Official, error) {
	return officialByLogin(ctx, s.r, login)
}

func officialByLogin(ctx context.Context, q queryer, login string) (Official, error) {
	o, err := scanOfficial(q.QueryRowContext(ctx, `SELECT `+officialCols+` FROM officials WHERE login = ?`,
		strings.ToLower(strings.TrimSpace(login))))
	if errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("%w cán bộ có tên đăng nhập %q", ErrNotFound, login)
	}
	return o, err
}

// DefaultActor is the first active admin: whom an action is recorded for when no one is named.
func (s *Store) DefaultActor(ctx context.Context) (Official, error) {
	o, err := scanOfficial(s.r.QueryRowContext(ctx, `SELECT `+officialCols+` FROM officials
		WHERE role = 'admin' AND active = 1 ORDER BY id LIMIT 1`))
	if errors.Is(err, sql.ErrNoRows) {
		return o, fmt.Errorf("%w quản trị viên nào đang hoạt động", ErrNotFound)
	}
	return o, err
}

// actor resolves who performs a change: the named active official, or DefaultActor if by is empty.
func (s *Store) actor(ctx context.Context, by string) (Official, error) {
	if strings.TrimSpace(by) == "" {
		o, err := s.DefaultActor(ctx)
		if errors.Is(err, ErrNotFound) {
			return o, invalid("by", "Chưa có cán bộ thực hiện: hãy chọn cán bộ (chưa có quản trị viên nào).")
		}
		if err != nil { // a cancelled read or an unreachable server says so, not "no administrator"
			return o, err
		}
		return o, nil
	}
	o, err := s.Official(ctx, by)
	if errors.Is(err, ErrNotFound) {
		return o, invalid("by", fmt.Sprintf("Cán bộ thực hiện %q không có trong danh sách cán bộ.", by))
	}
	if err != nil {
		return o, err
	}
	if !o.Active {
		return o, invalid("by", fmt.Sprintf("Cán bộ %s (%s) đã ngừng hoạt động.", o.FullName, o.Login))
	}
	return o, nil
}

// requireLogin is require for the audit trail: the acting official's login.
func (s *Store) requireLogin(ctx context.Context, by string, p Permission) (string, error) {
	o, err := s.require(ctx, by, p)
	return o.Login, err
}

// nullText stores an empty optional text as NULL.
func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// normOfficial validates an official's record.
func normOfficial(o Official) (Official, error) {
	login, ok := clean(o.Login)
	login = strings.ToLower(login)
	if !ok || len(login) < 2 || len(login) > 32 || strings.IndexFunc(login, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
	}) >= 0 {
		return o, invalid("login", "Tên đăng nhập phải gồm 2 đến 32 ký tự: chữ thường a–z không dấu, chữ số, dấu . _ -")
	}
	o.Login = login
	var err error
	if o.FullName, err = personName("full_name", "Họ và tên cán bộ", o.FullName); err != nil {
		return o, err
	}
	switch o.Role {
	case RoleCounter, RoleProcessing, RoleLeader, RoleAdmin:
	default:
		return o, invalid("role", "Vai trò phải là một trong: tiếp nhận, chuyên môn, lãnh đạo, quản trị.")
	}
	if o.Phone, err = phone("phone", o.Phone, false); err != nil {
		return o, err
	}
	if o.Title, err = cleanText("title", "Chức danh", o.Title, false, 100); err != nil {
		return o, err
	}
	return o, nil
}

// AddOfficial adds an active official; the change is audited. A duplicate login is refused.
func (s *Store) AddOfficial(ctx context.Context, by string, o Official) (Official, error) {
	o, err := normOfficial(o)
	if err != nil {
		return o, err
	}
	o.Active = true
	by, err = s.requireLogin(ctx, by, PermOfficials)
	if err != nil {
		return o, err
	}
	err = s.tx(ctx, func(t *sql.Tx) error {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM officials WHERE login = ?`, o.Login).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid("login", fmt.Sprintf("Tên đăng nhập %q đã có; hãy chọn tên khác.", o.Login))
		}
		return insertOfficial(ctx, t, s.now(), by, &o)
	})
	return o, err
}

func insertOfficial(ctx context.Context, t *sql.Tx, now time.Time, by string, o *Official) error {
	var err error
	o.ID, err = insertID(ctx, t, `INSERT INTO officials(login, full_name, role, phone, title, active, created_at)
		VALUES (?, ?, ?, ?, ?, 1, ?)`, o.Login, o.FullName, string(o.Role), o.Phone, nullText(o.Title), ts(now))
	if err != nil {
		return err
	}
	return audit(ctx, t, now, by, "official", o.Login, "create", nil, o, "")
}
