package store

import (
	"context"
	"errors"
	"strconv"
	"testing"
)

func TestCatalogueLoaded(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ps, err := s.Procedures(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) < 40 {
		t.Fatalf("%d procedures, want at least 40 common ward procedures", len(ps))
	}
	coded := 0
	for _, p := range ps {
		if p.NationalCode != "" {
			coded++
		}
	}
	if coded < 40 {
		t.Errorf("%d procedures with their national code, want at least 40", coded)
	}
	// Ordered by field (Bảo trợ xã hội first, Văn hóa cơ sở last), then name.
	if ps[0].FieldName != "Bảo trợ xã hội" || ps[len(ps)-1].FieldName != "Văn hóa cơ sở" {
		t.Errorf("first %q last %q: not ordered by field", ps[0].FieldName, ps[len(ps)-1].FieldName)
	}
	for i := 1; i < len(ps); i++ {
		if ps[i-1].FieldName == ps[i].FieldName && fold(ps[i-1].Name) > fold(ps[i].Name) {
			t.Errorf("%q before %q", ps[i-1].Name, ps[i].Name)
		}
	}
	ks, err := s.Procedure(ctx, "ht01")
	if err != nil {
		t.Fatal(err)
	}
	if ks.Name != "Đăng ký khai sinh" || ks.Days != 0 || ks.Fee.Kind != FeeNone || ks.FieldName != "Hộ tịch" {
		t.Errorf("HT01 = %+v", ks)
	}
	if len(ks.Documents) < 2 || ks.Documents[0].Name != "Tờ khai đăng ký khai sinh" || ks.Documents[0].Kind != DocOriginal {
		t.Errorf("HT01 documents = %+v", ks.Documents)
	}
	byID, err := s.Procedure(ctx, strconv.FormatInt(ks.ID, 10))
	if err != nil || byID.Code != "HT01" {
		t.Errorf("by id: %+v %v", byID, err)
	}
	if _, err := s.Procedure(ctx, "XX99"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown code: %v, want ErrNotFound", err)
	}
	ct, _ := s.Procedure(ctx, "CT01")
	if ct.Fee.For(3) != 5000 || ct.Fee.String() != "2.000 đ/trang, từ trang 3: 1.000 đ/trang, tối đa 200.000 đ/bản" {
		t.Errorf("CT01 fee %v", ct.Fee)
	}
	xn, _ := s.Procedure(ctx, "HT04")
	if xn.Fee.Kind != FeeFixed || xn.Fee.Note != "Theo Nghị quyết của HĐND tỉnh — quản trị viên cập nhật" {
		t.Errorf("HT04 fee %+v, want a fixed fee noted as set by the province", xn.Fee)
	}
}

func TestSearchProcedures(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	names := func(q string) []string {
		ps, err := s.SearchProcedures(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range ps {
			out = append(out, p.Name)
		}
		return out
	}
	if got := names("chung thuc"); len(got) != 9 || got[0] != "Chứng thực bản sao từ bản chính" {
		t.Errorf(`"chung thuc" = %q, want the 9 chứng thực procedures, "Chứng thực bản sao từ bản chính" first`, got)
	}
	if got := names("chung thuc ban sao"); len(got) != 2 || got[0] != "Chứng thực bản sao từ bản chính" {
		t.Errorf(`"chung thuc ban sao" = %q`, got)
	}
	if got := names("khai sinh"); len(got) != 3 || got[0] != "Đăng ký khai sinh" {
		t.Errorf(`"khai sinh" = %q`, got)
	}
	if got := names("dang ky ket"); len(got) != 4 || got[0] != "Đăng ký kết hôn" {
		t.Errorf(`"dang ky ket" = %q`, got)
	}
	if got := names("1.000894"); len(got) != 1 || got[0] != "Đăng ký kết hôn" {
		t.Errorf(`national code "1.000894" = %q`, got)
	}
	if got := names("ĐĂNG KÝ KHAI TỬ"); len(got) != 3 || got[0] != "Đăng ký khai tử" {
		t.Errorf(`"ĐĂNG KÝ KHAI TỬ" = %q`, got)
	}
	if got := names("ct02"); len(got) != 1 || got[0] != "Chứng thực chữ ký trong giấy tờ, văn bản" {
		t.Errorf(`"ct02" = %q`, got)
	}
	if got := names("hop dong"); len(got) != 3 {
		t.Errorf(`"hop dong" = %q, want the 3 contract procedures`, got)
	}
	if got := names("xyz"); len(got) != 0 {
		t.Errorf(`"xyz" = %q, want nothing`, got)
	}
	all, _ := s.Procedures(ctx)
	if got := names("  "); len(got) != len(all) {
		t.Errorf("empty query gave %d, want all %d", len(got), len(all))
	}
}

func TestSaveProcedureValidatesAndAudits(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	fs, _ := s.Fields(ctx)
	p, err := s.SaveProcedure(ctx, "admin", Procedure{Code: "ht99", Name: "Đăng ký  lại khai sinh", FieldID: fs[0].ID, Days: 5,
		Fee: Fee{Kind: FeeFixed, Amount: 8000}, Documents: []Document{{Name: "Tờ khai", Kind: "Bản chính", Count: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Code != "HT99" || p.Name != "Đăng ký lại khai sinh" || !p.Active {
		t.Errorf("saved %+v", p)
	}
	doc := []Document{{Name: "Tờ khai", Kind: DocOriginal, Count: 1}}
	for _, c := range []struct {
		p     Procedure
		field string
	}{
		{Procedure{Code: "HT99", Name: "Trùng mã", FieldID: fs[0].ID, Documents: doc}, "code"},
		{Procedure{Code: "X", Name: "Mã ngắn", FieldID: fs[0].ID}, "code"},
		{Procedure{Code: "HT98", Name: "", FieldID: fs[0].ID}, "name"},
		{Procedure{Code: "HT98", Name: "Ngày âm", FieldID: fs[0].ID, Days: -1}, "days"},
		{Procedure{Code: "HT98", Name: "Lĩnh vực lạ", FieldID: 999, Documents: doc}, "field"},
		{Procedure{Code: "HT98", Name: "Phí lạ", FieldID: fs[0].ID, Fee: Fee{Kind: "weird"}}, "fee"},
		{Procedure{Code: "HT98", Name: "Phí âm", FieldID: fs[0].ID, Fee: Fee{Kind: FeeFixed, Amount: -1}}, "fee"},
		{Procedure{Code: "HT98", Name: "Giấy 0", FieldID: fs[0].ID, Documents: []Document{{Name: "A", Count: 0}}}, "documents"},
	} {
		_, err := s.SaveProcedure(ctx, "admin", c.p)
		var ve *ValidationError
		if !errors.As(err, &ve) || string(ve.Field) != c.field {
			t.Errorf("SaveProcedure(%+v) = %v, want %q error", c.p, err, c.field)
		}
	}
	a, err := s.Audit(ctx, "", AuditFilter{Entity: "procedure", Limit: 1})
	if err != nil || len(a) != 1 || a[0].Key != "HT99" || a[0].By != "admin" || a[0].Action != "create" {
		t.Errorf("audit %+v %v", a, err)
	}
}
