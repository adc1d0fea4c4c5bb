package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// adminOnly opens an empty ledger with one admin and nothing else: no catalogue.
func adminOnly(t testing.TB) *Store {
	t.Helper()
	s := openEmpty(t)
	if err := s.tx(context.Background(), func(tx *sql.Tx) error {
		return insertOfficial(context.Background(), tx, s.now(), "", &Official{Login: "admin", FullName: "Quản Trị Viên", Role: RoleAdmin})
	}); err != nil {
		t.Fatal(err)
	}
	return s
}

// An edit after intake changes nothing about the old dossier, what its slip is drawn from, the
// procedure it was received under, or the report row of its period.
func TestEditAfterIntakeKeepsTheOldDossier(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	s.now = func() time.Time { return vn(2026, 2, 10, 9, 5) }
	old := receive(t, s, intake(t, s, "HT04", vn(2026, 2, 10, 9, 0)))
	feb := func() []II06aRow {
		rows, _, err := s.ReportII06a(ctx, "chutich", vn(2026, 2, 1, 0, 0), vn(2026, 2, 28, 0, 0))
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	s.now = func() time.Time { return vn(2026, 3, 2, 8, 0) }
	rowsBefore := feb()
	p, _ := s.Procedure(ctx, "HT04")
	p.Name = "Cấp Giấy xác nhận tình trạng hôn nhân (mẫu 2026)"
	p.Unit, p.Days = TimeDays, 7
	p.Fee = Fee{Kind: FeeFixed, Amount: 30000}
	p.Documents = []Document{{Name: "Tờ khai mẫu mới", Kind: DocOriginal, Count: 2}}
	if _, err := s.SaveProcedure(ctx, "admin", p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Dossier(ctx, "", old.Code)
	if err != nil {
		t.Fatal(err)
	}
	if got.ProcedureName != old.ProcedureName || got.Days != old.Days || got.Fee != old.Fee || !got.DueAt.Equal(old.DueAt) ||
		fmt.Sprint(got.Documents) != fmt.Sprint(old.Documents) || got.ProcedureVersion != old.ProcedureVersion {
		t.Errorf("the dossier (and so its slip) changed:\n got %+v\nwant %+v", got, old)
	}
	rp, err := s.ReceivedProcedure(ctx, got)
	if err != nil {
		t.Fatal(err)
	}
	if rp.Name != "Cấp Giấy xác nhận tình trạng hôn nhân" || rp.Days != 3 || rp.Fee.Amount != 15000 || len(rp.Documents) != 3 {
		t.Errorf("received procedure = %q %d days %v %d papers, want the version of February", rp.Name, rp.Days, rp.Fee, len(rp.Documents))
	}
	if after := feb(); fmt.Sprint(after) != fmt.Sprint(rowsBefore) {
		t.Errorf("February's report changed:\n%v\n%v", after, rowsBefore)
	}
	// A dossier received now takes the new version, and the history lists both.
	d2 := receive(t, s, intake(t, s, "HT04", vn(2026, 3, 2, 7, 45)))
	if d2.ProcedureName != p.Name || d2.Fee != 30000 || d2.Days != 7 || d2.ProcedureVersion == old.ProcedureVersion {
		t.Errorf("new dossier %q fee %d days %d version %d", d2.ProcedureName, d2.Fee, d2.Days, d2.ProcedureVersion)
	}
	h, err := s.ProcedureHistory(ctx, "HT04")
	if err != nil || len(h) != 2 || h[1].ValidFrom != "2026-03-02" || h[0].Procedure.Name != old.ProcedureName {
		t.Errorf("history %+v %v", h, err)
	}
	// Versions and used procedures are never changed in place nor deleted.
	if _, err := s.w.ExecContext(ctx, `UPDATE procedure_versions SET definition = '{}'`); err == nil {
		t.Error("a version was rewritten")
	}
	if _, err := s.w.ExecContext(ctx, `DELETE FROM procedures WHERE code = 'HT04'`); err == nil {
		t.Error("a procedure was deleted")
	}
	a, err := s.Audit(ctx, "", AuditFilter{Entity: "procedure", Official: "admin", Limit: 1})
	if err != nil || len(a) != 1 || a[0].Action != "update" || !strings.Contains(a[0].Old, "15000") || !strings.Contains(a[0].New, "30000") {
		t.Errorf("audit %+v %v, want before and after", a, err)
	}
}

// A change from a later date leaves today's intake as it was until that day.
func TestChangeFromADate(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	s.now = func() time.Time { return vn(2026, 3, 2, 8, 0) }
	p, _ := s.Procedure(ctx, "HT05")
	p.Fee = Fee{Kind: FeeFixed, Amount: 10000}
	if _, err := s.SaveProcedureFrom(ctx, "admin", p, "2026-04-01"); err != nil {
		t.Fatal(err)
	}
	if now, _ := s.Procedure(ctx, "HT05"); now.Fee.Amount != 8000 {
		t.Errorf("before the date the fee is %v", now.Fee)
	}
	if d := receive(t, s, intake(t, s, "HT05", vn(2026, 3, 2, 7, 50))); d.Fee != 8000 {
		t.Errorf("March intake fee %d, want 8000", d.Fee)
	}
	s.now = func() time.Time { return vn(2026, 4, 1, 8, 0) }
	if d := receive(t, s, intake(t, s, "HT05", vn(2026, 4, 1, 7, 55))); d.Fee != 10000 {
		t.Errorf("April intake fee %d, want 10000", d.Fee)
	}
}

func TestEndProcedure(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	s.now = func() time.Time { return vn(2026, 3, 2, 8, 0) }
	if _, err := s.EndProcedure(ctx, "tiepnhan1", "CT04", ""); !errors.As(err, new(*ForbiddenError)) {
		t.Errorf("a counter official ended a procedure: %v", err)
	}
	if _, err := s.EndProcedure(ctx, "admin", "CT04", "2026-03-05"); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Procedure(ctx, "CT04"); !p.Active || p.ActiveTo != "2026-03-05" {
		t.Errorf("before its end: %+v", p)
	}
	s.now = func() time.Time { return vn(2026, 3, 5, 8, 0) }
	ps, _ := s.Procedures(ctx)
	for _, p := range ps {
		if p.Code == "CT04" {
			t.Error("an ended procedure is still offered")
		}
	}
	p, err := s.Procedure(ctx, "CT04")
	if err != nil || p.Active {
		t.Errorf("ended procedure: %+v %v", p, err)
	}
	_, err = s.Receive(ctx, intake(t, s, "CT04", vn(2026, 3, 5, 7, 50)))
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "procedure" {
		t.Errorf("intake of an ended procedure: %v", err)
	}
	a, _ := s.Audit(ctx, "", AuditFilter{Entity: "procedure", Official: "admin", Limit: 1})
	if len(a) != 1 || a[0].Action != "end" {
		t.Errorf("audit %+v", a)
	}
}

func TestHoursAndCases(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	s.now = func() time.Time { return vn(2026, 3, 10, 10, 0) }
	fs, _ := s.Fields(ctx)
	p, err := s.SaveProcedure(ctx, "admin", Procedure{Code: "HT50", NationalCode: "1.000000", Name: "Thủ tục thử theo giờ", FieldID: fs[0].ID,
		Unit: TimeHours, Hours: 4, Fee: Fee{Kind: FeeFixed, Amount: 5000, Exemptions: []string{"Hộ nghèo"}},
		Documents: []Document{{Name: "Tờ khai", Kind: DocOriginal, Count: 1}, {Name: "Giấy ủy quyền", Kind: DocCopy, Count: 1, Optional: true}},
		Cases: []Case{{Name: "Có yếu tố nước ngoài", Unit: TimeDays, Days: 15, Fee: Fee{Kind: FeeFixed, Amount: 50000},
			Charge: Fee{Kind: FeePerCopy, Amount: 3000}, Documents: []Document{{Name: "Hộ chiếu", Kind: DocPresent, Count: 1}}}}})
	if err != nil {
		t.Fatal(err)
	}
	in := intake(t, s, "HT50", vn(2026, 3, 10, 10, 0))
	d := receive(t, s, in)
	if d.Hours != 4 || d.Days != 0 || !d.DueAt.Equal(vn(2026, 3, 10, 16, 0)) || d.Fee != 5000 {
		t.Errorf("hours-based dossier: %d h %d d due %s fee %d, want 4 h due 16:00 fee 5000", d.Hours, d.Days, d.DueAt, d.Fee)
	}
	due, fee, err := s.Preview(ctx, in)
	if err != nil || !due.Equal(d.DueAt) || fee != d.Fee {
		t.Errorf("preview %s %d %v", due, fee, err)
	}
	in.Exemption = "ho ngheo"
	if d := receive(t, s, in); d.Fee != 0 {
		t.Errorf("exempt dossier pays %d", d.Fee)
	}
	in.Exemption = "Người cao tuổi"
	if _, err := s.Receive(ctx, in); !isField(err, "exemption") {
		t.Errorf("unknown exemption: %v", err)
	}
	in.Exemption, in.Case, in.Sets = "", "có yếu tố nước ngoài", 2
	d = receive(t, s, in)
	if d.Case != "Có yếu tố nước ngoài" || d.Days != 15 || d.Hours != 0 || d.Fee != 56000 {
		t.Errorf("case dossier: %q %d d %d h fee %d, want 15 days, 50000 + 2×3000", d.Case, d.Days, d.Hours, d.Fee)
	}
	in.Case = "Trường hợp lạ"
	if _, err := s.Receive(ctx, in); !isField(err, "case") {
		t.Errorf("unknown case: %v", err)
	}
	if got, _ := s.Procedure(ctx, p.Code); len(got.Cases) != 1 || got.Cases[0].Charge.Kind != FeePerCopy || !got.Documents[1].Optional {
		t.Errorf("stored %+v", got)
	}
}

func isField(err error, f string) bool {
	var ve *ValidationError
	return errors.As(err, &ve) && string(ve.Field) == f
}

func TestProcedureValidation(t *testing.T) {
	base := func() Procedure {
		return Procedure{Code: "HT70", Name: "Thủ tục", FieldID: 1, Unit: TimeDays, Days: 3, ActiveFrom: "2026-01-01",
			Documents: []Document{{Name: "Tờ khai", Kind: DocOriginal, Count: 1}}}
	}
	for _, c := range []struct {
		name  string
		edit  func(*Procedure)
		field string
	}{
		{"empty name", func(p *Procedure) { p.Name = "  " }, "name"},
		{"0 hours", func(p *Procedure) { p.Unit, p.Days, p.Hours = TimeHours, 0, 0 }, "hours"},
		{"0 days", func(p *Procedure) { p.Unit, p.Days = TimeDays, 0 }, "days"},
		{"same day with days", func(p *Procedure) { p.Unit = TimeSameDay }, "days"},
		{"negative fee", func(p *Procedure) { p.Fee = Fee{Kind: FeeFixed, Amount: -5} }, "fee"},
		{"absurd fee", func(p *Procedure) { p.Fee = Fee{Kind: FeeFixed, Amount: 5_000_000_000} }, "fee"},
		{"absurd charge", func(p *Procedure) { p.Charge = Fee{Kind: FeePerPage, FirstPageAmount: 200_000_000} }, "charge"},
		{"per page without amounts", func(p *Procedure) { p.Fee = Fee{Kind: FeePerPage, Cap: 5} }, "fee"},
		{"no required document", func(p *Procedure) { p.Documents[0].Optional = true }, "documents"},
		{"no document", func(p *Procedure) { p.Documents = nil }, "documents"},
		{"unknown kind", func(p *Procedure) { p.Documents[0].Kind = "photo" }, "documents"},
		{"bad national code", func(p *Procedure) { p.NationalCode = "1-001193" }, "national_code"},
		{"unknown level", func(p *Procedure) { p.Level = "district" }, "level"},
		{"ends before it starts", func(p *Procedure) { p.ActiveTo = "2025-12-31" }, "active_to"},
		{"case without required paper", func(p *Procedure) {
			p.Cases = []Case{{Name: "A", Unit: TimeSameDay, Documents: []Document{{Name: "X", Count: 1, Optional: true}}}}
		}, "documents"},
		{"case twice", func(p *Procedure) {
			c := Case{Name: "A", Unit: TimeSameDay, Documents: []Document{{Name: "X", Count: 1}}}
			p.Cases = []Case{c, c}
		}, "cases"},
	} {
		p := base()
		c.edit(&p)
		if _, err := normProcedure(p); !isField(err, c.field) {
			t.Errorf("%s: %v, want a %q error", c.name, err, c.field)
		}
	}
	if _, err := normProcedure(base()); err != nil {
		t.Errorf("valid procedure refused: %v", err)
	}
}

// Export → import into an empty ledger gives the same catalogue; importing it again changes nothing.
func TestCatalogueRoundTrip(t *testing.T) {
	src := openTest(t)
	ctx := context.Background()
	fs, _ := src.Fields(ctx)
	if _, err := src.SaveProcedure(ctx, "admin", Procedure{Code: "HT51", Name: "Có trường hợp", FieldID: fs[0].ID, Unit: TimeHours, Hours: 8,
		Cutoff: CutoffReceipt, Online: OnlineFull, Anywhere: true, Result: "Giấy xác nhận", Agency: "UBND tỉnh",
		Charge:    Fee{Kind: FeePerPage, FirstPages: 2, FirstPageAmount: 2000, LaterPageAmount: 1000, Cap: 200000, Exemptions: []string{"Trẻ em"}},
		Documents: []Document{{Name: "Tờ khai", Kind: DocCertifiedCopy, Count: 1, Note: "theo mẫu"}},
		Cases:     []Case{{Name: "Lưu động", Unit: TimeDays, Days: 5, Documents: []Document{{Name: "Đơn", Count: 1}}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := src.EndProcedure(ctx, "admin", "CT04", ""); err != nil {
		t.Fatal(err)
	}
	out, err := src.ExportCatalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteCatalogueJSON(&buf, out); err != nil {
		t.Fatal(err)
	}
	in, err := ReadCatalogueJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	dst := adminOnly(t)
	plan, err := dst.PlanCatalogue(ctx, in, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if plan.Count(ChangeAdd) != len(out.Procedures) || plan.Count(ChangeAddField) != len(out.Fields) || rowCount(t, dst, "procedures") != 0 {
		t.Fatalf("plan %d adds, %d fields; %d procedures written by a dry run", plan.Count(ChangeAdd), plan.Count(ChangeAddField), rowCount(t, dst, "procedures"))
	}
	if _, err := dst.ImportCatalogue(ctx, "admin", in, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	back, err := dst.ExportCatalogue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	WriteCatalogueJSON(&buf2, back)
	if buf.String() != buf2.String() {
		t.Errorf("round trip differs:\n%.2000s\n---\n%.2000s", buf.String(), buf2.String())
	}
	versions, audits := rowCount(t, dst, "procedure_versions"), rowCount(t, dst, "audit")
	again, err := dst.ImportCatalogue(ctx, "admin", in, ImportOptions{})
	if err != nil || len(again.Changes) != 0 || again.Unchanged != len(out.Procedures) {
		t.Errorf("second import: %d changes, %d unchanged, %v", len(again.Changes), again.Unchanged, err)
	}
	if rowCount(t, dst, "procedure_versions") != versions || rowCount(t, dst, "audit") != audits {
		t.Error("the second import wrote something")
	}
	// A changed fee is an edit from the given day; a procedure left out is ended only when asked.
	in.Procedures[0].Fee = Fee{Kind: FeeFixed, Amount: 12000}
	in.Procedures = in.Procedures[:len(in.Procedures)-1]
	plan, err = dst.PlanCatalogue(ctx, in, ImportOptions{EndMissing: true})
	if err != nil || plan.Count(ChangeEdit) != 1 || plan.Count(ChangeEnd) != 1 || fmt.Sprint(plan.Changes[0].What) != "[fee]" {
		t.Errorf("plan %+v %v", plan, err)
	}
}

func TestImportRefusesBadFiles(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	good := func() Catalogue {
		c, err := s.ExportCatalogue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	procs, versions, audits := rowCount(t, s, "procedures"), rowCount(t, s, "procedure_versions"), rowCount(t, s, "audit")
	for _, c := range []struct {
		name string
		edit func(*Catalogue)
		want string
	}{
		{"empty name", func(c *Catalogue) { c.Procedures[2].Name = "" }, "Thủ tục thứ 3"},
		{"duplicate code", func(c *Catalogue) { c.Procedures[4].Code = c.Procedures[1].Code }, "trùng với thủ tục thứ 2"},
		{"negative fee", func(c *Catalogue) { c.Procedures[0].Fee = Fee{Kind: FeeFixed, Amount: -1} }, "Lệ phí"},
		{"0 hours", func(c *Catalogue) {
			c.Procedures[1].Unit, c.Procedures[1].Days, c.Procedures[1].Hours = TimeHours, 0, 0
		}, "giờ làm việc"},
		{"no required document", func(c *Catalogue) {
			for i := range c.Procedures[3].Documents {
				c.Procedures[3].Documents[i].Optional = true
			}
		}, "bắt buộc"},
		{"unknown field", func(c *Catalogue) { c.Procedures[0].FieldCode = "ZZ" }, "Lĩnh vực \"ZZ\""},
	} {
		cat := good()
		c.edit(&cat)
		// A good edit beside the bad one: all or nothing.
		cat.Procedures[len(cat.Procedures)-1].Name += " (sửa)"
		_, err := s.ImportCatalogue(ctx, "admin", cat, ImportOptions{})
		var ie *ImportError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want an import error naming %q", c.name, err, c.want)
		}
	}
	for _, c := range []struct {
		name, json, want string
	}{
		{"unknown key", "{\"fields\": [],\n \"procedures\": [{\"code\": \"HT01\",\n \"fees\": {}}]}", "dòng 3: khóa lạ \"fees\""},
		{"junk", strings.Repeat("\x00junk", 3<<20), "lớn quá 10 MB"},
		{"not JSON", "code,name\nHT01,Khai sinh\n", "JSON hỏng ở dòng 1"},
		{"wrong type", "{\"procedures\": [{\"days\": \"ba\"}]}", "days"},
		{"other format", "{\"format\": \"other/2\"}", "không phải danh mục"},
	} {
		if _, err := ReadCatalogueJSON(strings.NewReader(c.json)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if rowCount(t, s, "procedures") != procs || rowCount(t, s, "procedure_versions") != versions || rowCount(t, s, "audit") != audits {
		t.Error("a refused import wrote something")
	}
	if _, err := s.ImportCatalogue(ctx, "tiepnhan1", good(), ImportOptions{}); !errors.As(err, new(*ForbiddenError)) {
		t.Errorf("a counter official imported: %v", err)
	}
}

// catalogueOf makes n valid procedures in two fields.
func catalogueOf(n int) Catalogue {
	c := Catalogue{Fields: []Field{{Code: "HT", Name: "Hộ tịch"}, {Code: "CT", Name: "Chứng thực"}}}
	for i := 0; i < n; i++ {
		c.Procedures = append(c.Procedures, Procedure{Code: fmt.Sprintf("TT%03d", i), NationalCode: fmt.Sprintf("1.%06d", i),
			Name: fmt.Sprintf("Thủ tục thử số %d", i), FieldCode: []string{"HT", "CT"}[i%2], Unit: TimeDays, Days: 1 + i%10,
			Fee: Fee{Kind: FeeFixed, Amount: int64(1000 * (i % 50))}, LegalBasis: "Nghị định 123/2015/NĐ-CP",
			Documents: []Document{{Name: "Tờ khai", Kind: DocOriginal, Count: 1}, {Name: "Giấy tờ tùy thân", Kind: DocPresent, Count: 1},
				{Name: "Giấy tờ khác", Kind: DocCopy, Count: 1, Optional: true}}})
	}
	return c
}

func BenchmarkImportCatalogue300(b *testing.B) {
	ctx := context.Background()
	cat := catalogueOf(300)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := adminOnly(b)
		b.StartTimer()
		plan, err := s.ImportCatalogue(ctx, "admin", cat, ImportOptions{})
		if err != nil || plan.Count(ChangeAdd) != 300 {
			b.Fatal(plan.Count(ChangeAdd), err)
		}
	}
}
