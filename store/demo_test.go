package store

import (
	"context"
	"testing"
)

func TestSeedDemoIsIdempotent(t *testing.T) {
	s := openEmpty(t)
	ctx := context.Background()
	empty, err := s.IsEmpty(ctx)
	if err != nil || !empty {
		t.Fatalf("IsEmpty on a new file = %v, %v; want true", empty, err)
	}
	if err := s.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	tables := []string{"settings", "officials", "fields", "procedures", "audit"}
	rowCounts := func() map[string]int {
		out := map[string]int{}
		for _, tbl := range tables {
			var n int
			if err := s.r.QueryRow(`SELECT COUNT(*) FROM ` + tbl).Scan(&n); err != nil {
				t.Fatal(err)
			}
			out[tbl] = n
		}
		return out
	}
	first := rowCounts()
	if err := s.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	if second := rowCounts(); !equalCounts(first, second) {
		t.Errorf("second SeedDemo changed rows: %v → %v", first, second)
	}
	if empty, _ := s.IsEmpty(ctx); empty {
		t.Error("IsEmpty after SeedDemo")
	}
	a, _ := s.Agency(ctx)
	if a.Name != "UBND phường Hoài Đức" || a.ParentName != "UBND PHƯỜNG HOÀI ĐỨC" || a.Code != "HD001" || a.Place != "Hoài Đức" || a.Hours.Cutoff != 15*60 {
		t.Errorf("agency %+v", a)
	}
	roles := map[Role]int{}
	os, _ := s.Officials(ctx)
	for _, o := range os {
		roles[o.Role]++
	}
	for _, r := range []Role{RoleCounter, RoleProcessing, RoleLeader, RoleAdmin} {
		if roles[r] == 0 {
			t.Errorf("no demo official with role %s", r)
		}
	}
	for login, name := range map[string]string{"admin": "Quản trị viên", "tiepnhan1": "Nguyễn Thị Lan", "tiepnhan2": "Trần Văn Minh",
		"tuphap": "Lê Văn Hùng", "diachinh": "Phạm Thị Hoa", "chutich": "Đặng Văn Nam"} {
		if o, err := s.Official(ctx, login); err != nil || o.FullName != name || !o.Active {
			t.Errorf("official %s = %+v, %v", login, o, err)
		}
	}
	if o, err := s.DefaultActor(ctx); err != nil || o.Login != "admin" {
		t.Errorf("DefaultActor = %+v, %v", o, err)
	}
}

func TestDemoAccountsShowOnlyUnchangedDemoPasswords(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	accts, err := s.DemoAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(accts) != len(demoOfficials) {
		t.Fatalf("%d demo accounts, want %d", len(accts), len(demoOfficials))
	}
	for _, a := range accts {
		if _, err := s.Login(ctx, a.Login, a.Password); err != nil {
			t.Errorf("the shown demo password of %s does not log in: %v", a.Login, err)
		}
	}
	// Once an official has a password of their own, the login screen stops showing theirs.
	if err := s.SetPassword(ctx, "", "tiepnhan1", "", "mat-khau-rieng-2026"); err != nil {
		t.Fatal(err)
	}
	accts, _ = s.DemoAccounts(ctx)
	for _, a := range accts {
		if a.Login == "tiepnhan1" {
			t.Error("tiepnhan1 is still listed after changing the password")
		}
	}
	if len(accts) != len(demoOfficials)-1 {
		t.Errorf("%d demo accounts after one change, want %d", len(accts), len(demoOfficials)-1)
	}
}
