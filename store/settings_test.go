package store

import (
	"context"
	"errors"
	"testing"

	"motcua/store/workday"
)

func TestSaveAgency(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	h := workday.OfficeHours{Open: 8 * 60, LunchStart: 12 * 60, LunchEnd: 13 * 60, Close: 17*60 + 30, Cutoff: 16 * 60}
	a := Agency{Name: "UBND xã  Yên Sở ", ParentName: "UBND XÃ YÊN SỞ", Code: "ys02", Place: "Yên Sở", Hours: h, Printer: "HP_A5", SaveOnly: true}
	if err := s.SaveAgency(ctx, "admin", a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Agency(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := Agency{Name: "UBND xã Yên Sở", ParentName: "UBND XÃ YÊN SỞ", Code: "YS02", Place: "Yên Sở", Hours: h, Printer: "HP_A5", SaveOnly: true,
		CodePattern: DefaultCodePattern}
	if got != want {
		t.Errorf("Agency() = %+v, want %+v", got, want)
	}
	// New dossiers use the new code.
	d := receive(t, s, intake(t, s, "HT01", vn(2025, 6, 2, 9, 0)))
	if d.Code != "YS02-250602-0001" {
		t.Errorf("code %s after changing the agency code", d.Code)
	}
	for _, c := range []struct {
		edit  func(*Agency)
		field string
	}{
		{func(a *Agency) { a.Code = "X" }, "code"},
		{func(a *Agency) { a.Code = "HD-01" }, "code"},
		{func(a *Agency) { a.Code = "ABCDEFGHIJKLMNOPQRSTUVWXYZ01234" }, "code"},
		{func(a *Agency) { a.Code = ".21.26.H26" }, "code"},
		{func(a *Agency) { a.Code = "000..26.H26" }, "code"},
		{func(a *Agency) { a.Code = "000.21.26.H26." }, "code"},
		{func(a *Agency) { a.CodePattern = "{agency}-{seq:4}" }, "code_pattern"},
		{func(a *Agency) { a.CodePattern = "{agency}-{yymmdd}-{seq:3}" }, "code_pattern"},
		{func(a *Agency) { a.CodePattern = "{agency}-{yymmdd}-{seq:4}-{seq:4}" }, "code_pattern"},
		{func(a *Agency) { a.CodePattern = "{agency}_{yymmdd}-{seq:4}" }, "code_pattern"},
		{func(a *Agency) { a.CodePattern = "{agency}-{yymmdd}-{so:4}" }, "code_pattern"},
		{func(a *Agency) { a.CodePattern = "{agency}-{yymmdd}-{seq:4" }, "code_pattern"},
		{func(a *Agency) { a.DefaultCutoff = "later" }, "cutoff"},
		{func(a *Agency) { a.Name = "" }, "name"},
		{func(a *Agency) { a.Hours.Close = a.Hours.Open }, "hours"},
		{func(a *Agency) { a.Hours.Cutoff = a.Hours.Close + 1 }, "hours"},
	} {
		b := want
		c.edit(&b)
		err := s.SaveAgency(ctx, "admin", b)
		var ve *ValidationError
		if !errors.As(err, &ve) || string(ve.Field) != c.field {
			t.Errorf("SaveAgency(%+v) = %v, want %q error", b, err, c.field)
		}
	}
	if got2, _ := s.Agency(ctx); got2 != want {
		t.Errorf("refused saves changed the agency: %+v", got2)
	}
	au, _ := s.Audit(ctx, "", AuditFilter{Entity: "agency"})
	if len(au) != 2 || au[0].Action != "update" || au[0].By != "admin" || au[1].Action != "create" {
		t.Errorf("agency audit %+v", au)
	}
}

func TestOfficials(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	o, err := s.AddOfficial(ctx, "admin", Official{Login: "TiepNhan3", FullName: "Vũ Thị  Mai", Role: RoleCounter, Phone: "0987 654 321"})
	if err != nil {
		t.Fatal(err)
	}
	if o.ID == 0 || o.Login != "tiepnhan3" || o.FullName != "Vũ Thị Mai" || o.Phone != "0987654321" || !o.Active {
		t.Errorf("added %+v", o)
	}
	got, err := s.Official(ctx, "tiepnhan3")
	if err != nil || got != o {
		t.Errorf("Official = %+v, %v; want %+v", got, err, o)
	}
	for _, c := range []struct {
		o     Official
		field string
	}{
		{Official{Login: "tiepnhan3", FullName: "Trùng Tên", Role: RoleCounter}, "login"},
		{Official{Login: "có dấu", FullName: "A B", Role: RoleCounter}, "login"},
		{Official{Login: "x1", FullName: "", Role: RoleCounter}, "full_name"},
		{Official{Login: "x1", FullName: "A B", Role: "boss"}, "role"},
		{Official{Login: "x1", FullName: "A B", Role: RoleLeader, Phone: "12"}, "phone"},
	} {
		_, err := s.AddOfficial(ctx, "admin", c.o)
		var ve *ValidationError
		if !errors.As(err, &ve) || string(ve.Field) != c.field {
			t.Errorf("AddOfficial(%+v) = %v, want %q error", c.o, err, c.field)
		}
	}
	if _, err := s.Official(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown login: %v", err)
	}
	if _, err := s.AddOfficial(ctx, "nobody", Official{Login: "x2", FullName: "A B", Role: RoleCounter}); err == nil {
		t.Error("an unknown official added an official")
	}
}
