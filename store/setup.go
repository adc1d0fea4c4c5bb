package store

import (
	"context"
	"database/sql"
)

// Setup readies a fresh store without demo data: the agency, its first admin with their password
// and the default procedure catalogue, in one transaction. It is refused once any official exists, so it can
// never be used to slip a second admin into a running office.
func (s *Store) Setup(ctx context.Context, a Agency, admin Official, password string) error {
	a, err := normAgency(a)
	if err != nil {
		return err
	}
	admin.Role = RoleAdmin
	if admin, err = normOfficial(admin); err != nil {
		return err
	}
	pw, err := ValidatePassword(admin.Login, password)
	if err != nil {
		return err
	}
	hash, err := hashSecret(pw)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM officials`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid("login", "Cơ quan đã được thiết lập; quản trị viên hãy thêm cán bộ trong mục Quản trị.")
		}
		now := s.now()
		if err := insertOfficial(ctx, t, now, admin.Login, &admin); err != nil {
			return err
		}
		if _, err := t.ExecContext(ctx, `UPDATE officials SET password_hash = ? WHERE id = ?`, hash, admin.ID); err != nil {
			return err
		}
		old, err := agencyFrom(ctx, t)
		if err != nil {
			return err
		}
		if err := saveAgency(ctx, t, now, admin.Login, old, a); err != nil {
			return err
		}
		return s.loadCatalogue(ctx, t, admin.Login)
	})
}
