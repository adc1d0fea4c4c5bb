package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"motcua/store/workday"
)

// IsEmpty reports whether the store still needs setting up: no agency configured or no procedures.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var code string
	err := s.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, keyAgencyCode).Scan(&code)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && code == "") {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM procedures`).Scan(&n); err != nil {
		return false, err
	}
	return n == 0, nil
}

// demoAgency is the demo ward. Its agency code "HD001" is made up: the real code is assigned by
// the province's one-stop portal.
var demoAgency = Agency{
	Name:       "UBND phường Hoài Đức",
	ParentName: "UBND PHƯỜNG HOÀI ĐỨC",
	Unit:       "Trung tâm Phục vụ hành chính công phường Hoài Đức",
	Code:       "HD001",
	Place:      "Hoài Đức",
	Hours:      workday.DefaultHours(),
}

// demoOfficials are documented in the README: keep the logins.
var demoOfficials = []Official{
	{Login: "admin", FullName: "Quản trị viên", Role: RoleAdmin},
	{Login: "tiepnhan1", FullName: "Nguyễn Thị Lan", Role: RoleCounter, Phone: "0912000101"},
	{Login: "tiepnhan2", FullName: "Trần Văn Minh", Role: RoleCounter, Phone: "0912000102"},
	{Login: "tuphap", FullName: "Lê Văn Hùng", Role: RoleProcessing, Phone: "0912000201"}, // Tư pháp - Hộ tịch
	{Login: "diachinh", FullName: "Phạm Thị Hoa", Role: RoleProcessing, Phone: "0912000202"},
	{Login: "chutich", FullName: "Đặng Văn Nam", Role: RoleLeader, Title: "Chủ tịch"},
}

// DemoPasswords and DemoPINs are the demo officials' secrets, documented in the README: the
// password is the login followed by "@2026". Only their bcrypt hashes are stored (demoHashes).
var (
	DemoPasswords = map[string]string{"admin": "admin@2026", "tiepnhan1": "tiepnhan1@2026", "tiepnhan2": "tiepnhan2@2026",
		"tuphap": "tuphap@2026", "diachinh": "diachinh@2026", "chutich": "chutich@2026"}
	DemoPINs = map[string]string{"admin": "900001", "tiepnhan1": "110001", "tiepnhan2": "110002",
		"tuphap": "220001", "diachinh": "220002", "chutich": "330001"}
)

// demoHashes are bcrypt (cost 10) hashes of DemoPasswords and DemoPINs, computed once so that
// seeding the demo does not spend a second hashing (demo_test.go checks they match).
var demoHashes = map[string][2]string{
	"admin":     {"$2a$10$na/5yrclzngFzOc7ye/pp..s2RRbBTfFjn.ls5K07y/KwwYglQOyO", "$2a$10$qMfw635UN8pvEc3LS0I7r.864CJf9N18XOwuMsIy2iPHY.gdWoNLi"},
	"tiepnhan1": {"$2a$10$OoYmbku1h6hj46Yg1RFDtO5GRWjWvWBrm5JJLkthBZYo4cnaZnpdC", "$2a$10$hHWwIrvhVx6LPUraStP1y.eqTcnPpglTcpcis8AooswsAFNr5GNaq"},
	"tiepnhan2": {"$2a$10$cKy3/LJAOxTiL6gn7AG8iegXYWgjEE8eUP0/XUcnX6q48xApRXFaS", "$2a$10$iRx/4x1mCmpupwhpjLxvouDupS/lZ0AmlVOTci04dRAVXPKVMqoQC"},
	"tuphap":    {"$2a$10$Jy3rOd/Sn.k5fYKc1IQYH.xzwf.lSkK9zqepR5rMXPzsm9SKT9oP.", "$2a$10$dPRoDCJqEMnnahuuqeJ8ROfxL8D4rsJuycJjrtbZNSRq9QhzS9DRK"},
	"diachinh":  {"$2a$10$yGoyihOFMOUNJ30hBcW9YeFrzdrcJE.3gTelneV9W7nMUbYWP/iG2", "$2a$10$122NOBy9amR7zkZJ/IsLJOht73/NTGVS7z.LYizR5KTY.lt1xUl1W"},
	"chutich":   {"$2a$10$StkGTKv53mUE76qGhr4ipOUNkulHRoHI4Sfc/2eQfS43oSqLPt7UC", "$2a$10$EiIqHADj4JHT2teCOCaNLOBfrWmi2GqNrZHSZ00iHl9jhGHxviMji"},
}

// SeedDemo fills an empty store with the demo ward, its officials and the default catalogue. It is
// idempotent on a demo ledger: what exists already (an agency, a login, a procedure code) is left
// as it is. A real ward's ledger (another agency, or officials without the demo agency) is
// refused: the demo officials' passwords are public, in the README.
func (s *Store) SeedDemo(ctx context.Context) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		now := s.now()
		a, err := agencyFrom(ctx, t)
		if err != nil {
			return err
		}
		var officials int
		if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM officials`).Scan(&officials); err != nil {
			return err
		}
		if (a.Code != "" && a.Code != demoAgency.Code) || (a.Code == "" && officials > 0) {
			return invalid("agency", fmt.Sprintf("Dữ liệu mẫu chỉ tạo được trong cơ sở dữ liệu trống hoặc cơ sở dữ liệu mẫu; đây là dữ liệu của %s.", orUnnamed(a.Name)))
		}
		if a.Code == "" {
			if err := saveAgency(ctx, t, now, "", a, demoAgency); err != nil {
				return err
			}
		}
		for _, o := range demoOfficials {
			var n int
			if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM officials WHERE login = ?`, o.Login).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				if err := insertOfficial(ctx, t, now, "", &o); err != nil {
					return err
				}
				h := demoHashes[o.Login]
				if _, err := t.ExecContext(ctx, `UPDATE officials SET password_hash = ?, pin_hash = ? WHERE id = ?`, h[0], h[1], o.ID); err != nil {
					return err
				}
			}
		}
		return s.loadCatalogue(ctx, t, "")
	})
}

// DemoAccount is a demo official whose password is still the one documented in the README: the
// login screen shows these so that whoever tries the demo can get in, and stops showing each one
// as soon as its password is changed.
type DemoAccount struct {
	Login, FullName string
	Role            Role
	Password, PIN   string
}

// DemoAccounts lists the active demo officials that still have their documented password.
func (s *Store) DemoAccounts(ctx context.Context) ([]DemoAccount, error) {
	var out []DemoAccount
	for _, o := range demoOfficials {
		var name, role, hash string
		var active bool
		err := s.r.QueryRowContext(ctx, `SELECT full_name, role, COALESCE(password_hash, ''), active FROM officials WHERE login = ?`, o.Login).
			Scan(&name, &role, &hash, &active)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if active && hash == demoHashes[o.Login][0] {
			out = append(out, DemoAccount{Login: o.Login, FullName: name, Role: Role(role),
				Password: DemoPasswords[o.Login], PIN: DemoPINs[o.Login]})
		}
	}
	return out, nil
}

func orUnnamed(name string) string {
	if name == "" {
		return "một cơ quan đã có cán bộ"
	}
	return name
}
