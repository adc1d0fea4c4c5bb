package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"motcua/assets"
)

// CatalogueFormat marks a catalogue file written by Một Cửa (JSON export, default catalogue).
const CatalogueFormat = "motcua-catalogue/1"

// MaxCatalogueFile is the largest catalogue file read: a province's list of a few hundred
// procedures is well under 1 MB; more is not a catalogue.
const MaxCatalogueFile = 10 << 20

// Catalogue is a whole catalogue as a file holds it: fields by code, procedures by code with their
// field's code. Kinds are the typed values (FeeFixed, DocCopy, TimeDays …), not labels.
type Catalogue struct {
	Format     string      `json:"format,omitempty"`
	Fields     []Field     `json:"fields"`
	Procedures []Procedure `json:"procedures"`
}

// ExportCatalogue is the whole catalogue as it reads today, ended procedures included.
func (s *Store) ExportCatalogue(ctx context.Context) (Catalogue, error) {
	fs, err := s.Fields(ctx)
	if err != nil {
		return Catalogue{}, err
	}
	ps, err := s.AllProcedures(ctx)
	if err != nil {
		return Catalogue{}, err
	}
	if fs == nil {
		fs = []Field{}
	}
	if ps == nil {
		ps = []Procedure{}
	}
	return Catalogue{Format: CatalogueFormat, Fields: fs, Procedures: ps}, nil
}

// WriteCatalogueJSON writes c as indented JSON.
func WriteCatalogueJSON(w io.Writer, c Catalogue) error {
	c.Format = CatalogueFormat
	e := json.NewEncoder(w)
	e.SetIndent("", "  ")
	e.SetEscapeHTML(false)
	return e.Encode(c)
}

// ReadCatalogueJSON reads a catalogue file. It refuses a file over MaxCatalogueFile, text that is
// not JSON, and keys it does not know (a misspelt "fee" would silently make a procedure free),
// naming the line.
func ReadCatalogueJSON(r io.Reader) (Catalogue, error) {
	var c Catalogue
	b, err := io.ReadAll(io.LimitReader(r, MaxCatalogueFile+1))
	if err != nil {
		return c, err
	}
	if len(b) > MaxCatalogueFile {
		return c, invalid("file", "Tệp lớn quá 10 MB: đây không phải một danh mục thủ tục.")
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(&c); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return c, invalid("file", fmt.Sprintf("Tệp JSON hỏng ở dòng %d: %v", lineAt(b, syn.Offset), syn))
		case errors.As(err, &typ):
			return c, invalid("file", fmt.Sprintf("Tệp JSON, dòng %d: giá trị của %q phải là %s.", lineAt(b, typ.Offset), typ.Field, typ.Type))
		case strings.HasPrefix(err.Error(), "json: unknown field "):
			key := strings.TrimPrefix(err.Error(), "json: unknown field ")
			line := lineAt(b, int64(bytes.Index(b, []byte(key+":"))))
			if bytes.Index(b, []byte(key)) < 0 {
				line = 0
			}
			if line == 0 {
				return c, invalid("file", "Tệp JSON có khóa lạ "+key+": hãy dùng đúng tên cột của tệp xuất từ Một Cửa.")
			}
			return c, invalid("file", fmt.Sprintf("Tệp JSON, dòng %d: khóa lạ %s; hãy dùng đúng tên của tệp xuất từ Một Cửa.", line, key))
		}
		return c, invalid("file", "Tệp không đọc được như danh mục thủ tục JSON: "+err.Error())
	}
	if d.More() {
		return c, invalid("file", "Tệp JSON có thêm nội dung sau danh mục.")
	}
	if c.Format != "" && c.Format != CatalogueFormat {
		return c, invalid("file", "Tệp là "+strconv.Quote(c.Format)+", không phải danh mục thủ tục của Một Cửa ("+CatalogueFormat+").")
	}
	return c, nil
}

func lineAt(b []byte, off int64) int {
	if off < 0 || off > int64(len(b)) {
		return 0
	}
	return bytes.Count(b[:off], []byte("\n")) + 1
}

// ChangeKind is what an import does to one procedure or field.
type ChangeKind string

const (
	ChangeAddField ChangeKind = "add_field"
	ChangeAdd      ChangeKind = "add"
	ChangeEdit     ChangeKind = "edit"
	ChangeEnd      ChangeKind = "end"
)

// CatalogueChange is one line of an import's plan. What lists the keys that change on an edit
// ("name", "fee", "documents", …, as Procedure's JSON names them).
type CatalogueChange struct {
	Kind   ChangeKind
	Code   string
	Name   string
	What   []string
	Before *Procedure // edit, end
	After  *Procedure // add, edit, end
	Field  *Field     // add_field
}

// CataloguePlan is what an import will write: the changes, and how many procedures stay as they are.
type CataloguePlan struct {
	Changes   []CatalogueChange
	Unchanged int
}

// Count gives how many changes of kind k the plan has.
func (p CataloguePlan) Count(k ChangeKind) int {
	n := 0
	for _, c := range p.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// ImportOptions: From is the Vietnam date the changes take effect ("" or past: today);
// EndMissing ends the procedures in force that the file does not list (a province's full list).
type ImportOptions struct {
	From       string
	EndMissing bool
}

// ImportProblem is one bad entry of a catalogue file. Index is the entry's place in the file's
// Procedures (or Fields, when InFields), from 0; Key is the bad value's key (ValidationError.Field).
type ImportProblem struct {
	InFields bool
	Index    int
	Code     string
	Key      string
	Message  string
}

// ImportError lists every bad entry of a catalogue file; nothing was written.
type ImportError struct{ Problems []ImportProblem }

func (e *ImportError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("\n")
		}
		what := "Thủ tục thứ "
		if p.InFields {
			what = "Lĩnh vực thứ "
		}
		b.WriteString(what + strconv.Itoa(p.Index+1))
		if p.Code != "" {
			b.WriteString(" (" + p.Code + ")")
		}
		b.WriteString(": " + p.Message)
	}
	return b.String()
}

// PlanCatalogue works out what importing c would do, without writing. A bad file gives an
// *ImportError naming every bad entry.
func (s *Store) PlanCatalogue(ctx context.Context, c Catalogue, opt ImportOptions) (CataloguePlan, error) {
	plan, _, err := s.planCatalogue(ctx, s.r, c, s.from(opt.From), opt)
	return plan, err
}

// ImportCatalogue writes what PlanCatalogue shows, all or nothing, each change audited with the
// procedure before and after. Importing the same file again changes nothing.
func (s *Store) ImportCatalogue(ctx context.Context, by string, c Catalogue, opt ImportOptions) (CataloguePlan, error) {
	by, err := s.requireLogin(ctx, by, PermCatalogue)
	if err != nil {
		return CataloguePlan{}, err
	}
	from := s.from(opt.From)
	var plan CataloguePlan
	err = s.tx(ctx, func(t *sql.Tx) error {
		var procs []Procedure
		var err error
		plan, procs, err = s.planCatalogue(ctx, t, c, from, opt)
		if err != nil {
			return err
		}
		return s.applyPlan(ctx, t, by, plan, procs, from)
	})
	return plan, err
}

func (s *Store) from(d string) string {
	if today := s.today(); d == "" || d < today {
		return today
	}
	return d
}

func (s *Store) applyPlan(ctx context.Context, t *sql.Tx, by string, plan CataloguePlan, procs []Procedure, from string) error {
	now := s.now()
	for _, ch := range plan.Changes {
		if ch.Kind == ChangeAddField {
			if err := insertField(ctx, t, now, by, ch.Field); err != nil {
				return err
			}
		}
	}
	for _, ch := range plan.Changes {
		if ch.Kind == ChangeAddField {
			continue
		}
		p := *ch.After
		p.FieldID = 0 // by code: a new field has its id only now
		if ch.Before != nil {
			p.ID = ch.Before.ID
		}
		if _, _, err := s.saveProcedure(ctx, t, by, p, from); err != nil {
			return fmt.Errorf("thủ tục %s: %w", p.Code, err)
		}
	}
	return nil
}

func (s *Store) planCatalogue(ctx context.Context, q queryer, c Catalogue, from string, opt ImportOptions) (CataloguePlan, []Procedure, error) {
	var plan CataloguePlan
	var problems []ImportProblem
	have, err := fieldsOf(ctx, q)
	if err != nil {
		return plan, nil, err
	}
	fieldID := map[string]int64{}
	fieldName := map[string]string{}
	for _, f := range have {
		fieldID[f.Code], fieldName[f.Code] = f.ID, f.Name
	}
	names := map[string]string{}
	for _, f := range have {
		names[fold(f.Name)] = f.Code
	}
	for i, f := range c.Fields {
		nf, err := normField(f)
		if err != nil {
			problems = append(problems, problem(true, i, f.Code, err))
			continue
		}
		if name, ok := fieldName[nf.Code]; ok {
			if fold(name) != fold(nf.Name) {
				problems = append(problems, ImportProblem{InFields: true, Index: i, Code: nf.Code, Key: "name",
					Message: "Lĩnh vực " + nf.Code + " đã có tên \"" + name + "\"; tên lĩnh vực không đổi được qua tệp nhập."})
			}
			continue
		}
		if code, ok := names[fold(nf.Name)]; ok {
			problems = append(problems, ImportProblem{InFields: true, Index: i, Code: nf.Code, Key: "name",
				Message: "Tên lĩnh vực \"" + nf.Name + "\" đã dùng cho lĩnh vực " + code + "."})
			continue
		}
		names[fold(nf.Name)] = nf.Code
		fieldName[nf.Code] = nf.Name
		plan.Changes = append(plan.Changes, CatalogueChange{Kind: ChangeAddField, Code: nf.Code, Name: nf.Name, Field: &nf})
	}
	existing, err := s.proceduresOn(ctx, q, from)
	if err != nil {
		return plan, nil, err
	}
	byCode := map[string]*Procedure{}
	for i := range existing {
		byCode[existing[i].Code] = &existing[i]
	}
	seen := map[string]int{}
	var procs []Procedure
	for i, p := range c.Procedures {
		p.ID, p.FieldID = 0, 0
		p.Code = strings.ToUpper(strings.TrimSpace(p.Code))
		p.FieldCode = strings.ToUpper(strings.TrimSpace(p.FieldCode))
		old := byCode[p.Code]
		if old != nil {
			p.ActiveFrom = old.ActiveFrom
		} else if p.ActiveFrom == "" {
			p.ActiveFrom = from
		}
		np, err := normProcedure(p)
		if err != nil {
			problems = append(problems, problem(false, i, p.Code, err))
			continue
		}
		if j, dup := seen[np.Code]; dup {
			problems = append(problems, ImportProblem{Index: i, Code: np.Code, Key: "code",
				Message: fmt.Sprintf("Mã thủ tục %s trùng với thủ tục thứ %d của tệp.", np.Code, j+1)})
			continue
		}
		seen[np.Code] = i
		if _, ok := fieldName[np.FieldCode]; !ok {
			problems = append(problems, ImportProblem{Index: i, Code: np.Code, Key: "field",
				Message: "Lĩnh vực " + strconv.Quote(np.FieldCode) + " không có trong danh mục cũng như trong tệp."})
			continue
		}
		np.FieldID, np.FieldName = fieldID[np.FieldCode], fieldName[np.FieldCode]
		procs = append(procs, np)
		switch {
		case old == nil:
			plan.Changes = append(plan.Changes, CatalogueChange{Kind: ChangeAdd, Code: np.Code, Name: np.Name, After: &procs[len(procs)-1]})
		case old.Same(np):
			plan.Unchanged++
		default:
			kind := ChangeEdit
			if old.ActiveTo == "" && np.ActiveTo != "" {
				kind = ChangeEnd
			}
			plan.Changes = append(plan.Changes, CatalogueChange{Kind: kind, Code: np.Code, Name: np.Name,
				What: diffKeys(*old, np), Before: old, After: &procs[len(procs)-1]})
		}
	}
	if len(problems) > 0 {
		return plan, nil, &ImportError{Problems: problems}
	}
	// Pointers into procs were taken while it grew: take them again now that it is whole.
	k := 0
	for i := range plan.Changes {
		if ch := &plan.Changes[i]; ch.Kind != ChangeAddField {
			for k < len(procs) && procs[k].Code != ch.Code {
				k++
			}
			ch.After = &procs[k]
		}
	}
	if opt.EndMissing {
		for i := range existing {
			e := existing[i]
			if _, listed := seen[e.Code]; listed || e.ActiveTo != "" {
				continue
			}
			after := e
			after.ActiveTo = from
			if after.ActiveTo < after.ActiveFrom {
				after.ActiveTo = after.ActiveFrom // not in force yet: it never will be
			}
			plan.Changes = append(plan.Changes, CatalogueChange{Kind: ChangeEnd, Code: e.Code, Name: e.Name,
				What: []string{"active_to"}, Before: &existing[i], After: &after})
		}
	}
	return plan, procs, nil
}

func problem(inFields bool, i int, code string, err error) ImportProblem {
	p := ImportProblem{InFields: inFields, Index: i, Code: code, Message: err.Error()}
	var ve *ValidationError
	if errors.As(err, &ve) {
		p.Key = string(ve.Field)
	}
	return p
}

// diffKeys names what differs between two versions of a procedure, by JSON key.
func diffKeys(a, b Procedure) []string {
	var ma, mb map[string]json.RawMessage
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	json.Unmarshal(ja, &ma)
	json.Unmarshal(jb, &mb)
	var out []string
	for _, k := range procedureKeys {
		if k == "active_from" {
			continue
		}
		if string(ma[k]) != string(mb[k]) {
			out = append(out, k)
		}
	}
	return out
}

// procedureKeys are Procedure's JSON keys in the order a plan names them.
var procedureKeys = []string{"code", "national_code", "name", "field", "level", "agency", "legal_basis", "result",
	"online", "anywhere", "unit", "days", "hours", "cutoff_rule", "fee", "charge", "documents", "cases", "active_from", "active_to"}

// defaultFrom is when the default catalogue's procedures are in force: since always, so that a
// ward can enter its old paper books.
const defaultFrom = "2000-01-01"

// LoadCatalogue adds the default procedure catalogue's fields and procedures that are missing (by
// code); procedures the admin already has are left unchanged.
func (s *Store) LoadCatalogue(ctx context.Context, by string) error {
	by, err := s.requireLogin(ctx, by, PermCatalogue)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error { return s.loadCatalogue(ctx, t, by) })
}

// DefaultCatalogue is the catalogue Một Cửa ships (assets/catalogue/procedures.json).
func DefaultCatalogue() (Catalogue, error) {
	c, err := ReadCatalogueJSON(bytes.NewReader(assets.CatalogueJSON))
	if err != nil {
		return c, fmt.Errorf("danh mục thủ tục mặc định hỏng: %w", err)
	}
	return c, nil
}

func (s *Store) loadCatalogue(ctx context.Context, t *sql.Tx, by string) error {
	c, err := DefaultCatalogue()
	if err != nil {
		return err
	}
	var missing Catalogue
	for _, f := range c.Fields {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM fields WHERE code = ?`, f.Code).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			missing.Fields = append(missing.Fields, f)
		}
	}
	for _, p := range c.Procedures {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM procedures WHERE code = ?`, p.Code).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			if p.ActiveFrom == "" {
				p.ActiveFrom = defaultFrom
			}
			missing.Procedures = append(missing.Procedures, p)
		}
	}
	from := s.today()
	plan, procs, err := s.planCatalogue(ctx, t, missing, from, ImportOptions{})
	if err != nil {
		return fmt.Errorf("danh mục thủ tục mặc định: %w", err)
	}
	return s.applyPlan(ctx, t, by, plan, procs, from)
}
