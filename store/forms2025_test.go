package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestAgencyUnit: the one-stop unit's name is an agency setting, cleaned like the others,
// optional, and refused when too long (naming the field).
func TestAgencyUnit(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a, err := s.Agency(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if a.Unit != "Trung tâm Phục vụ hành chính công phường Hoài Đức" {
		t.Errorf("demo unit = %q", a.Unit)
	}
	a.Unit = "  Bộ phận Một cửa   phường Hoài Đức "
	if err := s.SaveAgency(ctx, "admin", a); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Agency(ctx)
	if got.Unit != "Bộ phận Một cửa phường Hoài Đức" {
		t.Errorf("unit saved as %q", got.Unit)
	}
	bad := got
	bad.Unit = strings.Repeat("Trung tâm ", 30)
	var ve *ValidationError
	if err := s.SaveAgency(ctx, "admin", bad); !errors.As(err, &ve) || ve.Field != "unit" {
		t.Errorf("a 300-character unit name: %v, want a \"unit\" error", err)
	}
	if again, _ := s.Agency(ctx); again != got {
		t.Errorf("a refused save changed the agency: %+v", again)
	}
	got.Unit = ""
	if err := s.SaveAgency(ctx, "admin", got); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Agency(ctx); again.Unit != "" {
		t.Errorf("an emptied unit reads back %q", again.Unit)
	}
}

// TestOfficialTitle: an official's title (signing Mẫu 04) is optional, kept and changed, and
// refused when too long.
func TestOfficialTitle(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	o, err := s.Official(ctx, "chutich")
	if err != nil || o.Title != "Chủ tịch" {
		t.Fatalf("demo leader's title %q, %v", o.Title, err)
	}
	if tp, _ := s.Official(ctx, "tuphap"); tp.Title != "" || tp.Phone == "" {
		t.Errorf("demo processing official: title %q phone %q", tp.Title, tp.Phone)
	}
	o.Title = "KT. CHỦ TỊCH /  PHÓ CHỦ TỊCH"
	if _, err := s.UpdateOfficial(ctx, "admin", o); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Official(ctx, "chutich"); got.Title != "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" {
		t.Errorf("title saved as %q", got.Title)
	}
	n, err := s.AddOfficial(ctx, "admin", Official{Login: "phochutich", FullName: "Lê Văn Phó", Role: RoleLeader, Title: "Phó Chủ tịch"})
	if err != nil || n.Title != "Phó Chủ tịch" {
		t.Errorf("added %+v, %v", n, err)
	}
	o.Title = strings.Repeat("Chủ tịch ", 20)
	var ve *ValidationError
	if _, err := s.UpdateOfficial(ctx, "admin", o); !errors.As(err, &ve) || ve.Field != "title" {
		t.Errorf("a 180-character title: %v, want a \"title\" error", err)
	}
}

// TestMigrationRenamesControlSlips: a ledger from before Circular 03/2025 lists its control
// slips as Mẫu 05; after the upgrade they are Mẫu 06 (the stop notice took 05), their files
// untouched.
func TestMigrationRenamesControlSlips(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, intake(t, s, "HT01", vn(2026, 1, 5, 9, 0)))
	if err := s.RecordSlip(ctx, "", d.Code, "05", "/archive/2026/"+d.Code+"-mau05.pdf"); err != nil {
		t.Fatal(err)
	}
	// Back to the schema before 0016, then open again: the upgrade runs.
	for _, q := range []string{`DELETE FROM schema_migrations WHERE version = 16`, `ALTER TABLE officials DROP COLUMN title`} {
		if _, err := s.w.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	again := openAgain(t, s)
	slips, err := again.Slips(ctx, "", d.Code)
	if err != nil {
		t.Fatal(err)
	}
	var forms []string
	for _, sl := range slips {
		forms = append(forms, string(sl.Form)+" "+sl.Path)
	}
	if got := strings.Join(forms, ", "); !strings.Contains(got, "06 /archive/2026/"+d.Code+"-mau05.pdf") || strings.Contains(got, "05 ") {
		t.Errorf("slips after the upgrade: %s; want the old control slip as 06 at its old path", got)
	}
	if o, err := again.Official(ctx, "chutich"); err != nil || o.Title != "" {
		t.Errorf("after the upgrade: %+v, %v", o, err)
	}
}

// TestFeeBasisPending: the default catalogue's fee notes left for the admin are never posted.
func TestFeeBasisPending(t *testing.T) {
	s := openTest(t)
	p, err := s.Procedure(context.Background(), "HT04")
	if err != nil {
		t.Fatal(err)
	}
	if !p.FeeBasisPending() {
		t.Fatalf("HT04's fee note %q is not seen as waiting for the admin", p.Fee.Note)
	}
	if got := p.PostedFee(); strings.Contains(got, "quản trị viên") || got != p.Fee.String() {
		t.Errorf("posted fee %q", got)
	}
	p.Fee.Note = "Nghị quyết 12/2025/NQ-HĐND"
	if p.FeeBasisPending() || !strings.Contains(p.PostedFee(), "Nghị quyết 12/2025/NQ-HĐND") {
		t.Errorf("a real basis is left out: %q", p.PostedFee())
	}
}
