package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Field is a lĩnh vực of the catalogue ("Hộ tịch", "Chứng thực").
type Field struct {
	ID   int64
	Code string
	Name string
}

// Document is one paper a procedure requires.
type Document struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"` // "Bản chính", "Bản sao", "Bản sao chứng thực", "Bản chính hoặc bản sao", ...
	Count int    `json:"count"`
}

// Procedure is an administrative procedure (thủ tục hành chính) of the catalogue.
type Procedure struct {
	ID         int64
	Code       string
	Name       string
	FieldID    int64
	FieldName  string
	Days       int // working days; 0 = same day
	Fee        Fee
	Documents  []Document
	LegalBasis string
	Active     bool
	Cutoff     CutoffRule // when a dossier received late in the day starts its clock; "" = the agency's default
}

// Fields lists the catalogue's fields by code.
func (s *Store) Fields(ctx context.Context) ([]Field, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, code, name FROM fields ORDER BY code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Field
	for rows.Next() {
		var f Field
		if err := rows.Scan(&f.ID, &f.Code, &f.Name); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

const procedureSelect = `SELECT p.id, p.code, p.name, p.field_id, f.name, p.days, p.fee, p.documents, p.legal_basis, p.active, p.cutoff
	FROM procedures p JOIN fields f ON f.id = p.field_id`

func scanProcedure(sc interface{ Scan(...any) error }) (Procedure, error) {
	var p Procedure
	var fee, docs string
	if err := sc.Scan(&p.ID, &p.Code, &p.Name, &p.FieldID, &p.FieldName, &p.Days, &fee, &docs, &p.LegalBasis, &p.Active, &p.Cutoff); err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(fee), &p.Fee); err != nil {
		return p, fmt.Errorf("lệ phí của thủ tục %s lưu sai định dạng: %w", p.Code, err)
	}
	if err := json.Unmarshal([]byte(docs), &p.Documents); err != nil {
		return p, fmt.Errorf("thành phần hồ sơ của thủ tục %s lưu sai định dạng: %w", p.Code, err)
	}
	return p, nil
}

// Procedures lists the active procedures, ordered by field then name (Vietnamese letters compared
// without diacritics first, so "Đăng ký" sorts among the D's).
func (s *Store) Procedures(ctx context.Context) ([]Procedure, error) {
	rows, err := s.r.QueryContext(ctx, procedureSelect+` WHERE p.active = 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Procedure
	for rows.Next() {
		p, err := scanProcedure(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if fa, fb := fold(a.FieldName), fold(b.FieldName); fa != fb {
			return fa < fb
		}
		if na, nb := fold(a.Name), fold(b.Name); na != nb {
			return na < nb
		}
		return a.Name < b.Name
	})
	return out, nil
}

// Procedure finds a procedure, active or not, by its numeric ID or its code (case-insensitive).
func (s *Store) Procedure(ctx context.Context, idOrCode string) (Procedure, error) {
	return procedureBy(ctx, s.r, idOrCode)
}

func procedureBy(ctx context.Context, q queryer, idOrCode string) (Procedure, error) {
	key := strings.TrimSpace(idOrCode)
	var row *sql.Row
	if id, err := strconv.ParseInt(key, 10, 64); err == nil {
		row = q.QueryRowContext(ctx, procedureSelect+` WHERE p.id = ?`, id)
	} else {
		row = q.QueryRowContext(ctx, procedureSelect+` WHERE p.code = ?`, strings.ToUpper(key))
	}
	p, err := scanProcedure(row)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("%w thủ tục %q", ErrNotFound, idOrCode)
	}
	return p, err
}

// SearchProcedures finds active procedures whose code, name or field has a word starting with
// each word of q, ignoring case and diacritics ("chung thuc" finds "Chứng thực bản sao từ bản
// chính"). Names that start with q come first. Empty q gives all active procedures. The catalogue
// is a few hundred rows at most, so this is done in Go.
func (s *Store) SearchProcedures(ctx context.Context, q string) ([]Procedure, error) {
	all, err := s.Procedures(ctx)
	if err != nil {
		return nil, err
	}
	fq := fold(searchNorm(q))
	qw := words(fq)
	if len(qw) == 0 {
		return all, nil
	}
	fqJoined := strings.Join(qw, " ")
	var starts, others []Procedure
	for _, p := range all {
		name := strings.Join(words(fold(p.Name)), " ")
		hay := words(fold(p.Code + " " + p.Name + " " + p.FieldName))
		if !allPrefixes(qw, hay) {
			continue
		}
		if strings.HasPrefix(name, fqJoined) {
			starts = append(starts, p)
		} else {
			others = append(others, p)
		}
	}
	return append(starts, others...), nil
}

// allPrefixes reports whether every query word starts some word of hay.
func allPrefixes(qw, hay []string) bool {
	for _, w := range qw {
		found := false
		for _, h := range hay {
			if strings.HasPrefix(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// searchNorm is clean() for search boxes: bad characters are dropped rather than refused.
func searchNorm(s string) string {
	if c, ok := clean(s); ok {
		return c
	}
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))
}

// normProcedure validates a catalogue entry.
func normProcedure(p Procedure) (Procedure, error) {
	code, ok := clean(p.Code)
	code = strings.ToUpper(code)
	if !ok || len(code) < 2 || len(code) > 20 || strings.IndexFunc(code, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
	}) >= 0 {
		return p, invalid("code", "Mã thủ tục phải gồm 2 đến 20 ký tự: chữ in hoa A–Z, chữ số, dấu . _ -")
	}
	p.Code = code
	var err error
	if p.Name, err = cleanText("name", "Tên thủ tục", p.Name, true, 300); err != nil {
		return p, err
	}
	if p.LegalBasis, err = cleanText("legal_basis", "Căn cứ pháp lý", p.LegalBasis, false, 2000); err != nil {
		return p, err
	}
	if p.Days < 0 || p.Days > 365 {
		return p, invalid("days", "Thời hạn giải quyết phải từ 0 (trong ngày) đến 365 ngày làm việc.")
	}
	if p.Fee, err = validFee(p.Fee); err != nil {
		return p, err
	}
	if err := validCutoff("cutoff", p.Cutoff, true); err != nil {
		return p, err
	}
	for i, d := range p.Documents {
		n := strconv.Itoa(i + 1)
		if d.Name, err = cleanText("documents", "Tên giấy tờ thứ "+n, d.Name, true, 300); err != nil {
			return p, err
		}
		if d.Kind, err = cleanText("documents", "Loại bản của giấy tờ thứ "+n, d.Kind, false, 100); err != nil {
			return p, err
		}
		if d.Count < 1 || d.Count > 100 {
			return p, invalid("documents", "Số lượng của giấy tờ thứ "+n+" phải từ 1 đến 100.")
		}
		p.Documents[i] = d
	}
	if p.Documents == nil {
		p.Documents = []Document{}
	}
	return p, nil
}

// SaveProcedure adds (ID 0) or changes a catalogue procedure; the change is audited. Dossiers
// already received keep the procedure as it was (they hold a snapshot).
func (s *Store) SaveProcedure(ctx context.Context, by string, p Procedure) (Procedure, error) {
	p.Documents = append([]Document(nil), p.Documents...)
	p, err := normProcedure(p)
	if err != nil {
		return p, err
	}
	by, err = s.requireLogin(ctx, by, PermCatalogue)
	if err != nil {
		return p, err
	}
	err = s.tx(ctx, func(t *sql.Tx) error { return saveProcedure(ctx, t, s.now(), by, &p) })
	return p, err
}

func saveProcedure(ctx context.Context, t *sql.Tx, now time.Time, by string, p *Procedure) error {
	if err := t.QueryRowContext(ctx, `SELECT name FROM fields WHERE id = ?`, p.FieldID).Scan(&p.FieldName); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("field", "Lĩnh vực của thủ tục không có trong danh mục; hãy chọn lĩnh vực.")
		}
		return err
	}
	var other int64
	err := t.QueryRowContext(ctx, `SELECT id FROM procedures WHERE code = ?`, p.Code).Scan(&other)
	if err == nil && other != p.ID {
		return invalid("code", fmt.Sprintf("Mã thủ tục %s đã được dùng cho thủ tục khác.", p.Code))
	} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	fee, _ := json.Marshal(p.Fee)
	docs, _ := json.Marshal(p.Documents)
	if p.ID == 0 {
		p.Active = true
		p.ID, err = insertID(ctx, t, `INSERT INTO procedures(code, name, field_id, days, fee, documents, legal_basis, active, cutoff)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)`, p.Code, p.Name, p.FieldID, p.Days, string(fee), string(docs), p.LegalBasis, p.Cutoff)
		if err != nil {
			return err
		}
		return audit(ctx, t, now, by, "procedure", p.Code, "create", nil, p, "")
	}
	old, err := procedureBy(ctx, t, strconv.FormatInt(p.ID, 10))
	if err != nil {
		return err
	}
	if _, err := t.ExecContext(ctx, `UPDATE procedures SET code = ?, name = ?, field_id = ?, days = ?, fee = ?,
		documents = ?, legal_basis = ?, active = ?, cutoff = ? WHERE id = ?`,
		p.Code, p.Name, p.FieldID, p.Days, string(fee), string(docs), p.LegalBasis, p.Active, p.Cutoff, p.ID); err != nil {
		return err
	}
	return audit(ctx, t, now, by, "procedure", p.Code, "update", old, p, "")
}

// AddField adds a field (lĩnh vực) to the catalogue; audited.
func (s *Store) AddField(ctx context.Context, by string, f Field) (Field, error) {
	code, ok := clean(f.Code)
	code = strings.ToUpper(code)
	if !ok || len(code) < 1 || len(code) > 20 || strings.IndexFunc(code, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) >= 0 {
		return f, invalid("code", "Mã lĩnh vực phải gồm 1 đến 20 ký tự: chữ in hoa A–Z, chữ số, dấu _ -")
	}
	f.Code = code
	var err error
	if f.Name, err = cleanText("name", "Tên lĩnh vực", f.Name, true, 200); err != nil {
		return f, err
	}
	by, err = s.requireLogin(ctx, by, PermCatalogue)
	if err != nil {
		return f, err
	}
	err = s.tx(ctx, func(t *sql.Tx) error { return insertField(ctx, t, s.now(), by, &f) })
	return f, err
}

func insertField(ctx context.Context, t *sql.Tx, now time.Time, by string, f *Field) error {
	var n int
	if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM fields WHERE code = ? OR name = ?`, f.Code, f.Name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return invalid("code", fmt.Sprintf("Lĩnh vực %s (%s) đã có trong danh mục.", f.Code, f.Name))
	}
	var err error
	f.ID, err = insertID(ctx, t, `INSERT INTO fields(code, name) VALUES (?, ?)`, f.Code, f.Name)
	if err != nil {
		return err
	}
	return audit(ctx, t, now, by, "field", f.Code, "create", nil, f, "")
}
