package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"motcua/assets"
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
	Code:       "HD001",
	Place:      "Hoài Đức",
	Hours:      workday.DefaultHours(),
}

// demoOfficials are documented in the README: keep the logins.
var demoOfficials = []Official{
	{Login: "admin", FullName: "Quản trị viên", Role: RoleAdmin},
	{Login: "tiepnhan1", FullName: "Nguyễn Thị Lan", Role: RoleCounter},
	{Login: "tiepnhan2", FullName: "Trần Văn Minh", Role: RoleCounter},
	{Login: "tuphap", FullName: "Lê Văn Hùng", Role: RoleProcessing}, // Tư pháp - Hộ tịch
	{Login: "diachinh", FullName: "Phạm Thị Hoa", Role: RoleProcessing},
	{Login: "chutich", FullName: "Đặng Văn Nam", Role: RoleLeader},
}

// SeedDemo fills an empty store with the demo ward, its officials and the default catalogue. It is
// idempotent: what exists already (an agency, a login, a procedure code) is left as it is.
func (s *Store) SeedDemo(ctx context.Context) error {
	return s.tx(ctx, func(t *sql.Tx) error {
		now := s.now()
		a, err := agencyFrom(ctx, t)
		if err != nil {
			return err
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
			}
		}
		return loadCatalogue(ctx, t, now, "")
	})
}

// LoadCatalogue adds the default procedure catalogue's fields and procedures that are missing (by
// code); procedures the admin already has are left unchanged.
func (s *Store) LoadCatalogue(ctx context.Context, by string) error {
	by, err := s.actorLogin(ctx, by)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error { return loadCatalogue(ctx, t, s.now(), by) })
}

type catalogueFile struct {
	Fields []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	} `json:"fields"`
	Procedures []struct {
		Code       string     `json:"code"`
		Name       string     `json:"name"`
		Field      string     `json:"field"`
		Days       int        `json:"days"`
		Fee        Fee        `json:"fee"`
		Documents  []Document `json:"documents"`
		LegalBasis string     `json:"legal_basis"`
	} `json:"procedures"`
}

func loadCatalogue(ctx context.Context, t *sql.Tx, now time.Time, by string) error {
	var c catalogueFile
	if err := json.Unmarshal(assets.CatalogueJSON, &c); err != nil {
		return fmt.Errorf("danh mục thủ tục mặc định hỏng: %w", err)
	}
	fieldIDs := map[string]int64{}
	for _, f := range c.Fields {
		var id int64
		err := t.QueryRowContext(ctx, `SELECT id FROM fields WHERE code = ?`, f.Code).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			fl := Field{Code: f.Code, Name: f.Name}
			if err := insertField(ctx, t, now, by, &fl); err != nil {
				return err
			}
			id = fl.ID
		} else if err != nil {
			return err
		}
		fieldIDs[f.Code] = id
	}
	for _, cp := range c.Procedures {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM procedures WHERE code = ?`, cp.Code).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		fid, ok := fieldIDs[cp.Field]
		if !ok {
			return fmt.Errorf("danh mục thủ tục mặc định: thủ tục %s thuộc lĩnh vực %q không có", cp.Code, cp.Field)
		}
		p, err := normProcedure(Procedure{Code: cp.Code, Name: cp.Name, FieldID: fid, Days: cp.Days, Fee: cp.Fee,
			Documents: cp.Documents, LegalBasis: cp.LegalBasis})
		if err != nil {
			return fmt.Errorf("danh mục thủ tục mặc định, thủ tục %s: %w", cp.Code, err)
		}
		if err := saveProcedure(ctx, t, now, by, &p); err != nil {
			return err
		}
	}
	return nil
}
