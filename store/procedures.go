package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"motcua/store/workday"
)

// Field is a lĩnh vực of the catalogue ("Hộ tịch", "Chứng thực").
type Field struct {
	ID   int64  `json:"-"`
	Code string `json:"code"`
	Name string `json:"name"`
}

// TimeUnit says how a procedure's time is counted.
type TimeUnit string

const (
	TimeSameDay TimeUnit = "same_day" // returned the day it is received
	TimeDays    TimeUnit = "days"     // working days
	TimeHours   TimeUnit = "hours"    // working hours (office hours only)
)

// Level is the tier of government that resolves the procedure (after the 2025 reform: commune
// and province; a few stay central).
type Level string

const (
	LevelCommune  Level = "commune"
	LevelProvince Level = "province"
	LevelCentral  Level = "central"
)

// OnlineLevel is how far the procedure can be done as an online public service.
type OnlineLevel string

const (
	OnlineNone    OnlineLevel = "none"    // paper only
	OnlinePartial OnlineLevel = "partial" // một phần
	OnlineFull    OnlineLevel = "full"    // toàn trình
)

// DocKind is the form a paper must be handed in as.
type DocKind string

const (
	DocOriginal       DocKind = "original"         // bản chính
	DocCopy           DocKind = "copy"             // bản sao
	DocCertifiedCopy  DocKind = "certified_copy"   // bản sao có chứng thực
	DocPresent        DocKind = "present"          // xuất trình (shown, not kept)
	DocOriginalOrCopy DocKind = "original_or_copy" // bản chính hoặc bản sao
)

// DocKinds lists the kinds in the order editors offer them.
var DocKinds = []DocKind{DocOriginal, DocCopy, DocCertifiedCopy, DocPresent, DocOriginalOrCopy}

// Document is one paper a procedure (or a case of it) asks for.
type Document struct {
	Name     string  `json:"name"`
	Kind     DocKind `json:"kind"`
	Count    int     `json:"count"`
	Optional bool    `json:"optional,omitempty"` // "nếu có": the dossier is complete without it
	Note     string  `json:"note,omitempty"`
}

// Case is a trường hợp of a procedure with its own time, documents and fees (e.g. "có yếu tố
// nước ngoài"). Its documents are the full list for the case.
type Case struct {
	Name      string     `json:"name"`
	Unit      TimeUnit   `json:"unit"`
	Days      int        `json:"days,omitempty"`
	Hours     int        `json:"hours,omitempty"`
	Documents []Document `json:"documents"`
	Fee       Fee        `json:"fee"`
	Charge    Fee        `json:"charge"`
}

// Procedure is an administrative procedure (thủ tục hành chính) of the catalogue, as it reads on
// one day: the version in force then. Code is the ward's short code, the procedure's identity.
type Procedure struct {
	ID           int64       `json:"-"`
	Code         string      `json:"code"`
	NationalCode string      `json:"national_code"` // mã thủ tục on the national database, e.g. 1.001193
	Name         string      `json:"name"`
	FieldID      int64       `json:"-"`
	FieldCode    string      `json:"field"`
	FieldName    string      `json:"-"`
	Level        Level       `json:"level"`
	Agency       string      `json:"agency,omitempty"` // the resolving agency; empty: this one
	LegalBasis   string      `json:"legal_basis"`
	Result       string      `json:"result,omitempty"` // what the citizen gets
	Online       OnlineLevel `json:"online"`
	Anywhere     bool        `json:"anywhere"` // received regardless of the place of residence
	Unit         TimeUnit    `json:"unit"`
	Days         int         `json:"days,omitempty"`
	Hours        int         `json:"hours,omitempty"`
	Cutoff       CutoffRule  `json:"cutoff_rule"` // store/deadlines.go; "" the agency's default
	Fee          Fee         `json:"fee"`         // lệ phí
	Charge       Fee         `json:"charge"`      // phí
	Documents    []Document  `json:"documents"`
	Cases        []Case      `json:"cases,omitempty"`
	ActiveFrom   string      `json:"active_from"`         // Vietnam date YYYY-MM-DD
	ActiveTo     string      `json:"active_to,omitempty"` // first day no longer in force; "" open

	Active    bool   `json:"-"` // in force on the day it was read for
	Version   int64  `json:"-"` // the procedure_versions row
	ValidFrom string `json:"-"` // the day that version took effect
}

// procDef is what a version holds: everything but the identity and the active dates.
type procDef struct {
	NationalCode string      `json:"national_code,omitempty"`
	Name         string      `json:"name"`
	FieldID      int64       `json:"field_id"`
	Level        Level       `json:"level,omitempty"`
	Agency       string      `json:"agency,omitempty"`
	LegalBasis   string      `json:"legal_basis,omitempty"`
	Result       string      `json:"result,omitempty"`
	Online       OnlineLevel `json:"online,omitempty"`
	Anywhere     bool        `json:"anywhere,omitempty"`
	Unit         TimeUnit    `json:"unit,omitempty"`
	Days         int         `json:"days,omitempty"`
	Hours        int         `json:"hours,omitempty"`
	Cutoff       CutoffRule  `json:"cutoff_rule,omitempty"`
	Fee          Fee         `json:"fee"`
	Charge       Fee         `json:"charge"`
	Documents    []Document  `json:"documents"`
	Cases        []Case      `json:"cases,omitempty"`
}

func (p Procedure) def() procDef {
	return procDef{NationalCode: p.NationalCode, Name: p.Name, FieldID: p.FieldID, Level: p.Level, Agency: p.Agency,
		LegalBasis: p.LegalBasis, Result: p.Result, Online: p.Online, Anywhere: p.Anywhere, Unit: p.Unit, Days: p.Days,
		Hours: p.Hours, Cutoff: p.Cutoff, Fee: p.Fee, Charge: p.Charge, Documents: p.Documents, Cases: p.Cases}
}

func (p *Procedure) setDef(d procDef) {
	p.NationalCode, p.Name, p.FieldID, p.Level, p.Agency = d.NationalCode, d.Name, d.FieldID, d.Level, d.Agency
	p.LegalBasis, p.Result, p.Online, p.Anywhere = d.LegalBasis, d.Result, d.Online, d.Anywhere
	p.Unit, p.Days, p.Hours, p.Cutoff = d.Unit, d.Days, d.Hours, d.Cutoff
	p.Fee, p.Charge, p.Documents, p.Cases = d.Fee, d.Charge, d.Documents, d.Cases
}

// Same reports whether two procedures say the same (identity, dates of the read and version aside).
func (p Procedure) Same(q Procedure) bool {
	a, _ := json.Marshal(p.def())
	b, _ := json.Marshal(q.def())
	return p.Code == q.Code && string(a) == string(b) && p.ActiveTo == q.ActiveTo
}

// Fields lists the catalogue's fields by code.
func (s *Store) Fields(ctx context.Context) ([]Field, error) {
	return fieldsOf(ctx, s.r)
}

func fieldsOf(ctx context.Context, q queryer) ([]Field, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, code, name FROM fields ORDER BY code`)
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

// procedureSelect reads each procedure with the version in force on day ?1 (or, for one not yet
// in force, its first version).
const procedureSelect = `SELECT p.id, p.code, p.active_from, p.active_to, v.id, v.valid_from, v.definition
	FROM procedures p JOIN procedure_versions v ON v.id = COALESCE(
		(SELECT x.id FROM procedure_versions x WHERE x.procedure_id = p.id AND x.valid_from <= ?1 ORDER BY x.valid_from DESC, x.id DESC LIMIT 1),
		(SELECT x.id FROM procedure_versions x WHERE x.procedure_id = p.id ORDER BY x.valid_from, x.id LIMIT 1))`

// scanProcedure reads a row of procedureSelect; fields maps field ids to the field.
func scanProcedure(sc interface{ Scan(...any) error }, day string, fields map[int64]Field) (Procedure, error) {
	var p Procedure
	var def string
	if err := sc.Scan(&p.ID, &p.Code, &p.ActiveFrom, &p.ActiveTo, &p.Version, &p.ValidFrom, &def); err != nil {
		return p, err
	}
	if err := decodeDef(def, &p); err != nil {
		return p, fmt.Errorf("thủ tục %s lưu sai định dạng: %w", p.Code, err)
	}
	f := fields[p.FieldID]
	p.FieldCode, p.FieldName = f.Code, f.Name
	p.Active = p.ActiveFrom <= day && (p.ActiveTo == "" || day < p.ActiveTo)
	return p, nil
}

// decodeDef reads a stored version, completing what versions written before a key existed lack.
func decodeDef(s string, p *Procedure) error {
	var d procDef
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return err
	}
	p.setDef(d)
	p.fillDefaults()
	return nil
}

// fillDefaults gives the typed kinds their defaults and maps the free-text document kinds of the
// first catalogue ("Bản chính (xuất trình)") to kinds.
func (p *Procedure) fillDefaults() {
	if p.Level == "" {
		p.Level = LevelCommune
	}
	if p.Online == "" {
		p.Online = OnlineNone
	}
	p.Unit = unitOf(p.Unit, p.Days, p.Hours)
	p.Fee.fill()
	p.Charge.fill()
	for i := range p.Documents {
		p.Documents[i].Kind = docKindOf(p.Documents[i].Kind)
	}
	if p.Documents == nil {
		p.Documents = []Document{}
	}
	for i := range p.Cases {
		c := &p.Cases[i]
		c.Unit = unitOf(c.Unit, c.Days, c.Hours)
		c.Fee.fill()
		c.Charge.fill()
		for j := range c.Documents {
			c.Documents[j].Kind = docKindOf(c.Documents[j].Kind)
		}
		if c.Documents == nil {
			c.Documents = []Document{}
		}
	}
}

func unitOf(u TimeUnit, days, hours int) TimeUnit {
	if u != "" {
		return u
	}
	switch {
	case hours > 0:
		return TimeHours
	case days > 0:
		return TimeDays
	}
	return TimeSameDay
}

// docKindOf maps a kind, or the label the first catalogue stored, to a DocKind ("" → original;
// anything unknown is kept, so validation can name it).
func docKindOf(k DocKind) DocKind {
	switch fold(string(k)) {
	case "", "ban chinh":
		return DocOriginal
	case "ban sao":
		return DocCopy
	case "ban sao chung thuc", "ban sao co chung thuc":
		return DocCertifiedCopy
	case "ban chinh (xuat trinh)", "xuat trinh", "ban chinh de xuat trinh":
		return DocPresent
	case "ban chinh hoac ban sao":
		return DocOriginalOrCopy
	}
	return k
}

func knownDocKind(k DocKind) bool {
	for _, x := range DocKinds {
		if x == k {
			return true
		}
	}
	return false
}

// today is the Vietnam date of the store's clock.
func (s *Store) today() string { return dayKey(s.now()) }

func (s *Store) fieldMap(ctx context.Context, q queryer) (map[int64]Field, error) {
	fs, err := fieldsOf(ctx, q)
	if err != nil {
		return nil, err
	}
	m := make(map[int64]Field, len(fs))
	for _, f := range fs {
		m[f.ID] = f
	}
	return m, nil
}

// proceduresOn reads every procedure as of day, in force or not.
func (s *Store) proceduresOn(ctx context.Context, q queryer, day string) ([]Procedure, error) {
	fields, err := s.fieldMap(ctx, q)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, procedureSelect, day)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Procedure
	for rows.Next() {
		p, err := scanProcedure(rows, day, fields)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sortProcedures(out)
	return out, nil
}

// sortProcedures orders by field then name (Vietnamese letters compared without diacritics
// first, so "Đăng ký" sorts among the D's).
func sortProcedures(out []Procedure) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if fa, fb := fold(a.FieldName), fold(b.FieldName); fa != fb {
			return fa < fb
		}
		if na, nb := fold(a.Name), fold(b.Name); na != nb {
			return na < nb
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Code < b.Code
	})
}

// Procedures lists the procedures in force today, ordered by field then name.
func (s *Store) Procedures(ctx context.Context) ([]Procedure, error) {
	all, err := s.proceduresOn(ctx, s.r, s.today())
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for _, p := range all {
		if p.Active {
			out = append(out, p)
		}
	}
	return out, nil
}

// AllProcedures lists the whole catalogue as it reads today: ended procedures and those not yet
// in force too (Active says which), for the admin's screen and the export.
func (s *Store) AllProcedures(ctx context.Context) ([]Procedure, error) {
	return s.proceduresOn(ctx, s.r, s.today())
}

// Procedure finds a procedure, active or not, by its numeric ID or its code (case-insensitive),
// as it reads today.
func (s *Store) Procedure(ctx context.Context, idOrCode string) (Procedure, error) {
	return s.procedureOn(ctx, s.r, idOrCode, s.today())
}

func (s *Store) procedureOn(ctx context.Context, q queryer, idOrCode, day string) (Procedure, error) {
	key := strings.TrimSpace(idOrCode)
	fields, err := s.fieldMap(ctx, q)
	if err != nil {
		return Procedure{}, err
	}
	var row *sql.Row
	if id, err := strconv.ParseInt(key, 10, 64); err == nil {
		row = q.QueryRowContext(ctx, procedureSelect+` WHERE p.id = ?2`, day, id)
	} else {
		row = q.QueryRowContext(ctx, procedureSelect+` WHERE p.code = ?2`, day, strings.ToUpper(key))
	}
	p, err := scanProcedure(row, day, fields)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("%w thủ tục %q", ErrNotFound, idOrCode)
	}
	return p, err
}

// ProcedureVersion is one dated version of a procedure, for its history.
type ProcedureVersion struct {
	ID         int64
	ValidFrom  string
	RecordedAt time.Time
	RecordedBy string
	Procedure  Procedure
}

// ProcedureHistory lists a procedure's versions, oldest first.
func (s *Store) ProcedureHistory(ctx context.Context, code string) ([]ProcedureVersion, error) {
	p, err := s.Procedure(ctx, code)
	if err != nil {
		return nil, err
	}
	fields, err := s.fieldMap(ctx, s.r)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, valid_from, definition, recorded_at, recorded_by
		FROM procedure_versions WHERE procedure_id = ? ORDER BY valid_from, id`, p.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ProcedureVersion
	for rows.Next() {
		var v ProcedureVersion
		var def, at string
		if err := rows.Scan(&v.ID, &v.ValidFrom, &def, &at, &v.RecordedBy); err != nil {
			return nil, err
		}
		v.Procedure = p
		if err := decodeDef(def, &v.Procedure); err != nil {
			return nil, err
		}
		f := fields[v.Procedure.FieldID]
		v.Procedure.FieldCode, v.Procedure.FieldName = f.Code, f.Name
		v.Procedure.Version, v.Procedure.ValidFrom = v.ID, v.ValidFrom
		if v.RecordedAt, err = parseTS(at); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// versionProcedure reads the procedure as one version of it says (a dossier's, a report's).
func (s *Store) versionProcedure(ctx context.Context, q queryer, version int64) (Procedure, error) {
	var p Procedure
	var def string
	err := q.QueryRowContext(ctx, `SELECT p.id, p.code, p.active_from, p.active_to, v.id, v.valid_from, v.definition
		FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id WHERE v.id = ?`, version).
		Scan(&p.ID, &p.Code, &p.ActiveFrom, &p.ActiveTo, &p.Version, &p.ValidFrom, &def)
	if err != nil {
		return p, err
	}
	if err := decodeDef(def, &p); err != nil {
		return p, err
	}
	fields, err := s.fieldMap(ctx, q)
	if err != nil {
		return p, err
	}
	f := fields[p.FieldID]
	p.FieldCode, p.FieldName = f.Code, f.Name
	return p, nil
}

// SearchProcedures finds active procedures whose code, national code, name or field has a word
// starting with each word of q, ignoring case and diacritics ("chung thuc" finds "Chứng thực bản
// sao từ bản chính"). Names that start with q come first. Empty q gives all active procedures.
// The catalogue is a few hundred rows at most, so this is done in Go.
func (s *Store) SearchProcedures(ctx context.Context, q string) ([]Procedure, error) {
	all, err := s.Procedures(ctx)
	if err != nil {
		return nil, err
	}
	return MatchProcedures(all, q), nil
}

// MatchProcedures filters a list as SearchProcedures does (the admin's screen searches ended
// procedures too).
func MatchProcedures(all []Procedure, q string) []Procedure {
	fq := fold(searchNorm(q))
	qw := words(fq)
	if len(qw) == 0 {
		return all
	}
	fqJoined := strings.Join(qw, " ")
	var starts, others []Procedure
	for _, p := range all {
		name := strings.Join(words(fold(p.Name)), " ")
		hay := words(fold(p.Code + " " + p.Name + " " + p.FieldName))
		if p.NationalCode != "" {
			hay = append(append(hay, p.NationalCode), words(p.NationalCode)...)
		}
		if !allPrefixes(qw, hay) {
			continue
		}
		if strings.HasPrefix(name, fqJoined) {
			starts = append(starts, p)
		} else {
			others = append(others, p)
		}
	}
	return append(starts, others...)
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

// Limits of a catalogue entry: beyond them a value is a typing error, not a rule.
const (
	maxDays  = 365
	maxHours = 2000
	maxCases = 20
	maxDocs  = 60
)

var nationalCode = regexp.MustCompile(`^[0-9]{1,2}\.[0-9]{6}$`)

// normProcedure validates a catalogue entry and fills its defaults.
func normProcedure(p Procedure) (Procedure, error) {
	p.Documents = append([]Document(nil), p.Documents...)
	p.Cases = append([]Case(nil), p.Cases...)
	p.fillDefaults()
	code, ok := clean(p.Code)
	code = strings.ToUpper(code)
	if !ok || len(code) < 2 || len(code) > 20 || strings.IndexFunc(code, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
	}) >= 0 {
		return p, invalid("code", "Mã thủ tục phải gồm 2 đến 20 ký tự: chữ in hoa A–Z, chữ số, dấu . _ -")
	}
	p.Code = code
	var err error
	if p.NationalCode, err = cleanText("national_code", "Mã thủ tục quốc gia", p.NationalCode, false, 20); err != nil {
		return p, err
	}
	if p.NationalCode != "" && !nationalCode.MatchString(p.NationalCode) {
		return p, invalid("national_code", "Mã thủ tục quốc gia "+strconv.Quote(p.NationalCode)+" không đúng dạng của Cơ sở dữ liệu quốc gia, ví dụ 1.001193.")
	}
	if p.Name, err = cleanText("name", "Tên thủ tục", p.Name, true, 300); err != nil {
		return p, err
	}
	if p.LegalBasis, err = cleanText("legal_basis", "Căn cứ pháp lý", p.LegalBasis, false, 2000); err != nil {
		return p, err
	}
	if p.Agency, err = cleanText("agency", "Cơ quan giải quyết", p.Agency, false, 300); err != nil {
		return p, err
	}
	if p.Result, err = cleanText("result", "Kết quả thực hiện", p.Result, false, 500); err != nil {
		return p, err
	}
	switch p.Level {
	case LevelCommune, LevelProvince, LevelCentral:
	default:
		return p, invalid("level", "Cấp thực hiện phải là: cấp xã, cấp tỉnh hoặc trung ương.")
	}
	switch p.Online {
	case OnlineNone, OnlinePartial, OnlineFull:
	default:
		return p, invalid("online", "Mức độ dịch vụ công trực tuyến phải là: không, một phần hoặc toàn trình.")
	}
	if err := validCutoff("cutoff", p.Cutoff, true); err != nil {
		return p, err
	}
	if p.Unit, p.Days, p.Hours, err = validTime("", p.Unit, p.Days, p.Hours); err != nil {
		return p, err
	}
	if p.Fee, err = validFee("fee", "Lệ phí", p.Fee); err != nil {
		return p, err
	}
	if p.Charge, err = validFee("charge", "Phí", p.Charge); err != nil {
		return p, err
	}
	if p.Documents, err = validDocs("", p.Documents); err != nil {
		return p, err
	}
	if len(p.Cases) > maxCases {
		return p, invalid("cases", "Một thủ tục có nhiều nhất "+strconv.Itoa(maxCases)+" trường hợp.")
	}
	seen := map[string]bool{}
	for i := range p.Cases {
		c := &p.Cases[i]
		n := "Trường hợp thứ " + strconv.Itoa(i+1)
		if c.Name, err = cleanText("cases", "Tên của "+strings.ToLower(n[:1])+n[1:], c.Name, true, 200); err != nil {
			return p, err
		}
		if seen[fold(c.Name)] {
			return p, invalid("cases", "Trường hợp \""+c.Name+"\" có hai lần; mỗi trường hợp một tên.")
		}
		seen[fold(c.Name)] = true
		in := " (trường hợp \"" + c.Name + "\")"
		if c.Unit, c.Days, c.Hours, err = validTime(in, c.Unit, c.Days, c.Hours); err != nil {
			return p, err
		}
		if c.Fee, err = validFee("fee", "Lệ phí"+in, c.Fee); err != nil {
			return p, err
		}
		if c.Charge, err = validFee("charge", "Phí"+in, c.Charge); err != nil {
			return p, err
		}
		if c.Documents, err = validDocs(in, c.Documents); err != nil {
			return p, err
		}
	}
	if p.ActiveFrom == "" {
		return p, invalid("active_from", "Chưa có ngày bắt đầu áp dụng của thủ tục.")
	}
	for _, d := range []struct {
		key      FieldKey
		label, v string
	}{{"active_from", "Ngày bắt đầu áp dụng", p.ActiveFrom}, {"active_to", "Ngày ngừng áp dụng", p.ActiveTo}} {
		if d.v == "" {
			continue
		}
		if _, err := time.ParseInLocation(dateLayout, d.v, workday.Loc); err != nil {
			return p, invalid(d.key, d.label+" "+strconv.Quote(d.v)+" không đúng dạng năm-tháng-ngày, ví dụ 2025-07-01.")
		}
	}
	if p.ActiveTo != "" && p.ActiveTo < p.ActiveFrom {
		return p, invalid("active_to", "Ngày ngừng áp dụng không được trước ngày bắt đầu áp dụng.")
	}
	return p, nil
}

// validTime checks a procedure's (or a case's) time: same day, 1–365 working days, or
// 1–2000 working hours. in names the case in messages.
func validTime(in string, u TimeUnit, days, hours int) (TimeUnit, int, int, error) {
	switch u {
	case TimeSameDay:
		if days != 0 || hours != 0 {
			return u, days, hours, invalid("days", "Thủ tục giải quyết trong ngày không có số ngày hay số giờ"+in+".")
		}
	case TimeDays:
		if hours != 0 {
			return u, days, hours, invalid("hours", "Thời hạn tính theo ngày làm việc không có số giờ"+in+".")
		}
		if days < 1 || days > maxDays {
			return u, days, hours, invalid("days", "Thời hạn giải quyết"+in+" phải từ 1 đến "+strconv.Itoa(maxDays)+" ngày làm việc; thủ tục giải quyết ngay thì chọn \"trong ngày\".")
		}
	case TimeHours:
		if days != 0 {
			return u, days, hours, invalid("days", "Thời hạn tính theo giờ làm việc không có số ngày"+in+".")
		}
		if hours < 1 || hours > maxHours {
			return u, days, hours, invalid("hours", "Thời hạn giải quyết"+in+" phải từ 1 đến "+strconv.Itoa(maxHours)+" giờ làm việc; thủ tục giải quyết ngay thì chọn \"trong ngày\".")
		}
	default:
		return u, days, hours, invalid("unit", "Đơn vị thời hạn"+in+" phải là: trong ngày, ngày làm việc hoặc giờ làm việc.")
	}
	return u, days, hours, nil
}

// validDocs checks a document list: named papers of a known kind, 1–100 each, at least one required.
func validDocs(in string, docs []Document) ([]Document, error) {
	if len(docs) > maxDocs {
		return docs, invalid("documents", "Thành phần hồ sơ"+in+" có nhiều nhất "+strconv.Itoa(maxDocs)+" giấy tờ.")
	}
	out := make([]Document, len(docs))
	required := false
	for i, d := range docs {
		n := strconv.Itoa(i + 1)
		var err error
		if d.Name, err = cleanText("documents", "Tên giấy tờ thứ "+n+in, d.Name, true, 300); err != nil {
			return docs, err
		}
		if d.Note, err = cleanText("documents", "Ghi chú của giấy tờ thứ "+n+in, d.Note, false, 300); err != nil {
			return docs, err
		}
		d.Kind = docKindOf(d.Kind)
		if !knownDocKind(d.Kind) {
			return docs, invalid("documents", "Loại bản của giấy tờ thứ "+n+in+" ("+strconv.Quote(string(d.Kind))+") không có; hãy chọn bản chính, bản sao, bản sao có chứng thực, xuất trình, hoặc bản chính hoặc bản sao.")
		}
		if d.Count < 1 || d.Count > 100 {
			return docs, invalid("documents", "Số lượng của giấy tờ thứ "+n+in+" phải từ 1 đến 100.")
		}
		required = required || !d.Optional
		out[i] = d
	}
	if !required {
		return docs, invalid("documents", "Thành phần hồ sơ"+in+" phải có ít nhất một giấy tờ bắt buộc.")
	}
	return out, nil
}

// SaveProcedure adds (ID 0 and a code not in the catalogue) or changes a procedure from today;
// see SaveProcedureFrom.
func (s *Store) SaveProcedure(ctx context.Context, by string, p Procedure) (Procedure, error) {
	return s.SaveProcedureFrom(ctx, by, p, "")
}

// SaveProcedureFrom adds or changes a catalogue procedure, the change taking effect on the
// Vietnam date from (YYYY-MM-DD; "": today). A past day is allowed: dossiers already received
// keep the version they name whatever its date, and a dossier entered later from the paper book
// with an earlier receipt time takes the version in force then. A new procedure is in force from
// p.ActiveFrom, or from. A change is a new version: dossiers already received keep the version
// they were received under, with its name, time, documents and fees. Setting Active false on a
// procedure in force ends it from that day. Audited with the procedure before and after.
func (s *Store) SaveProcedureFrom(ctx context.Context, by string, p Procedure, from string) (Procedure, error) {
	by, err := s.requireLogin(ctx, by, PermCatalogue)
	if err != nil {
		return p, err
	}
	if from == "" {
		from = s.today()
	} else if _, err := time.ParseInLocation(dateLayout, from, workday.Loc); err != nil {
		return p, invalid("from", "Ngày có hiệu lực "+strconv.Quote(from)+" không đúng dạng năm-tháng-ngày, ví dụ 2026-01-01.")
	}
	err = s.tx(ctx, func(t *sql.Tx) error {
		if p.ID != 0 && !p.Active && p.ActiveTo == "" {
			// The first screens ended a procedure by clearing Active.
			if old, err := s.procedureOn(ctx, t, strconv.FormatInt(p.ID, 10), from); err == nil && old.Active {
				p.ActiveTo = from
			}
		}
		var err error
		p, _, err = s.saveProcedure(ctx, t, by, p, from)
		return err
	})
	return p, err
}

// saveProcedure writes one procedure in t, a new one when p.ID is 0: changed reports whether
// anything was written.
func (s *Store) saveProcedure(ctx context.Context, t *sql.Tx, by string, p Procedure, from string) (Procedure, bool, error) {
	now := s.now()
	var old *Procedure
	if p.ID != 0 {
		o, err := s.procedureOn(ctx, t, strconv.FormatInt(p.ID, 10), from)
		if err != nil {
			return p, false, err
		}
		old = &o
		p.ActiveFrom = old.ActiveFrom // the first day stays: dossiers may have been received since
	} else if p.ActiveFrom == "" {
		p.ActiveFrom = from
	}
	p, err := normProcedure(p)
	if err != nil {
		return p, false, err
	}
	if err := resolveField(ctx, t, &p); err != nil {
		return p, false, err
	}
	var other int64
	err = t.QueryRowContext(ctx, `SELECT id FROM procedures WHERE code = ?`, p.Code).Scan(&other)
	if err == nil && other != p.ID {
		return p, false, invalid("code", fmt.Sprintf("Mã thủ tục %s đã được dùng cho thủ tục khác.", p.Code))
	} else if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return p, false, err
	}
	def, _ := json.Marshal(p.def())
	fee, _ := json.Marshal(p.Fee)
	docs, _ := json.Marshal(p.Documents)
	days := p.Days
	notEnded := p.ActiveTo == ""
	if old == nil {
		p.ID, err = insertID(ctx, t, `INSERT INTO procedures(code, name, field_id, days, fee, documents, legal_basis, active,
			national_code, active_from, active_to, cutoff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			p.Code, p.Name, p.FieldID, days, string(fee), string(docs), p.LegalBasis, notEnded, p.NationalCode, p.ActiveFrom, p.ActiveTo,
			string(p.Cutoff))
		if err != nil {
			return p, false, err
		}
		if p.Version, err = insertID(ctx, t, `INSERT INTO procedure_versions(procedure_id, valid_from, definition, recorded_at, recorded_by)
			VALUES (?, ?, ?, ?, ?)`, p.ID, p.ActiveFrom, string(def), ts(now), by); err != nil {
			return p, false, err
		}
		p.ValidFrom = p.ActiveFrom
		p.Active = p.ActiveFrom <= s.today() && (p.ActiveTo == "" || s.today() < p.ActiveTo)
		return p, true, audit(ctx, t, now, by, "procedure", p.Code, "create", nil, p, "")
	}
	if old.Same(p) {
		p.Version, p.ValidFrom, p.Active = old.Version, old.ValidFrom, old.Active
		return p, false, nil
	}
	oldDef, _ := json.Marshal(old.def())
	if string(oldDef) != string(def) {
		if p.Version, err = insertID(ctx, t, `INSERT INTO procedure_versions(procedure_id, valid_from, definition, recorded_at, recorded_by)
			VALUES (?, ?, ?, ?, ?)`, p.ID, from, string(def), ts(now), by); err != nil {
			return p, false, err
		}
		p.ValidFrom = from
	} else {
		p.Version, p.ValidFrom = old.Version, old.ValidFrom
	}
	// The row's own columns mirror the newest version, for what reads them directly (the book's
	// field filter) and for an older binary.
	if _, err := t.ExecContext(ctx, `UPDATE procedures SET name = ?, field_id = ?, days = ?, fee = ?, documents = ?,
		legal_basis = ?, active = ?, national_code = ?, active_to = ?, cutoff = ? WHERE id = ?`,
		p.Name, p.FieldID, days, string(fee), string(docs), p.LegalBasis, notEnded, p.NationalCode, p.ActiveTo, string(p.Cutoff), p.ID); err != nil {
		return p, false, err
	}
	p.Active = p.ActiveFrom <= s.today() && (p.ActiveTo == "" || s.today() < p.ActiveTo)
	action := "update"
	if old.ActiveTo == "" && p.ActiveTo != "" {
		action = "end"
	}
	return p, true, audit(ctx, t, now, by, "procedure", p.Code, action, old, p, "")
}

// resolveField finds the procedure's field by id, or else by code.
func resolveField(ctx context.Context, t *sql.Tx, p *Procedure) error {
	var err error
	if p.FieldID != 0 {
		err = t.QueryRowContext(ctx, `SELECT code, name FROM fields WHERE id = ?`, p.FieldID).Scan(&p.FieldCode, &p.FieldName)
	} else {
		err = t.QueryRowContext(ctx, `SELECT id, code, name FROM fields WHERE code = ?`, strings.ToUpper(strings.TrimSpace(p.FieldCode))).
			Scan(&p.FieldID, &p.FieldCode, &p.FieldName)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return invalid("field", "Lĩnh vực của thủ tục không có trong danh mục; hãy chọn lĩnh vực.")
	}
	return err
}

// EndProcedure stops a procedure from the Vietnam date from ("" or past: today): it stays in the
// catalogue, with its dossiers, and can no longer be received. Audited with the reason.
func (s *Store) EndProcedure(ctx context.Context, by, code, from string) (Procedure, error) {
	p, err := s.Procedure(ctx, code)
	if err != nil {
		return p, err
	}
	today := s.today()
	if from == "" || from < today {
		from = today
	}
	if p.ActiveTo != "" && p.ActiveTo <= from {
		return p, invalid("active_to", "Thủ tục "+p.Code+" đã ngừng áp dụng từ "+p.ActiveTo+".")
	}
	if from < p.ActiveFrom {
		from = p.ActiveFrom // not in force yet: it never will be
	}
	p.ActiveTo = from
	return s.SaveProcedureFrom(ctx, by, p, from)
}

// AddField adds a field (lĩnh vực) to the catalogue; audited.
func (s *Store) AddField(ctx context.Context, by string, f Field) (Field, error) {
	f, err := normField(f)
	if err != nil {
		return f, err
	}
	by, err = s.requireLogin(ctx, by, PermCatalogue)
	if err != nil {
		return f, err
	}
	err = s.tx(ctx, func(t *sql.Tx) error { return insertField(ctx, t, s.now(), by, &f) })
	return f, err
}

func normField(f Field) (Field, error) {
	code, ok := clean(f.Code)
	code = strings.ToUpper(code)
	if !ok || len(code) < 1 || len(code) > 20 || strings.IndexFunc(code, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}) >= 0 {
		return f, invalid("code", "Mã lĩnh vực phải gồm 1 đến 20 ký tự: chữ in hoa A–Z, chữ số, dấu _ -")
	}
	f.Code = code
	var err error
	f.Name, err = cleanText("name", "Tên lĩnh vực", f.Name, true, 200)
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

// docKindLabels are the kinds as the first catalogue wrote them; the slip prints a received
// paper's kind as text (ReceivedDocument.Kind), so the intake records this label, translated by
// the window like a status name.
var docKindLabels = map[DocKind]string{
	DocOriginal:       "Bản chính",
	DocCopy:           "Bản sao",
	DocCertifiedCopy:  "Bản sao có chứng thực",
	DocPresent:        "Bản chính (xuất trình)",
	DocOriginalOrCopy: "Bản chính hoặc bản sao",
}

// Label is the kind in Vietnamese, as slips print it; an unknown kind is itself.
func (k DocKind) Label() string {
	if l, ok := docKindLabels[k]; ok {
		return l
	}
	return string(k)
}

// ReceivedProcedure is the procedure as the dossier was received under it (name, time,
// documents, fees), whatever the catalogue says today. A dossier received before versions
// existed gives what it kept itself.
func (s *Store) ReceivedProcedure(ctx context.Context, d Dossier) (Procedure, error) {
	if d.ProcedureVersion == 0 {
		p := Procedure{ID: d.ProcedureID, Code: d.ProcedureCode, Name: d.ProcedureName, FieldName: d.FieldName,
			Days: d.Days, Hours: d.Hours, Documents: []Document{}}
		for _, doc := range d.Documents {
			p.Documents = append(p.Documents, Document{Name: doc.Name, Kind: docKindOf(DocKind(doc.Kind)), Count: doc.Count})
		}
		p.fillDefaults()
		return p, nil
	}
	return s.versionProcedure(ctx, s.r, d.ProcedureVersion)
}

// Received is the paper as the intake records it when handed in (its kind as the slip prints it).
func (d Document) Received() ReceivedDocument {
	return ReceivedDocument{Name: d.Name, Kind: d.Kind.Label(), Count: d.Count}
}
