package store

import (
	"context"
	"errors"
	"testing"
)

func TestSetupMakesAFreshStoreReadyForIntake(t *testing.T) {
	ctx := context.Background()
	s := openEmpty(t)
	a := Agency{Name: "UBND xã Tân Lập", ParentName: "UBND XÃ TÂN LẬP", Code: "tl01", Place: "Tân Lập"}
	admin := Official{Login: "Quantri", FullName: "Hoàng Văn Tư"}

	// A bad field is named and nothing is written.
	bad := a
	bad.Code = "T"
	var ve *ValidationError
	if err := s.Setup(ctx, bad, admin, "mật khẩu mới 1"); !errors.As(err, &ve) || ve.Field != "code" {
		t.Fatalf("Setup with agency code %q = %v, want a code error", bad.Code, err)
	}
	if empty, _ := s.IsEmpty(ctx); !empty {
		t.Fatal("a refused setup left the store configured")
	}

	if err := s.Setup(ctx, a, admin, "mật khẩu mới 1"); err != nil {
		t.Fatalf("Setup: %v", err)
	}
	if empty, _ := s.IsEmpty(ctx); empty {
		t.Error("the store is still empty after setup")
	}
	got, _ := s.Agency(ctx)
	if got.Code != "TL01" || got.Name != "UBND xã Tân Lập" {
		t.Errorf("agency = %+v", got)
	}
	o, err := s.DefaultActor(ctx)
	if err != nil || o.Login != "quantri" || o.Role != RoleAdmin {
		t.Errorf("first admin = %+v, %v", o, err)
	}
	procs, _ := s.Procedures(ctx)
	if len(procs) == 0 {
		t.Error("setup did not load the default catalogue")
	}
	// The setup itself is in the audit trail, attributed to the new admin.
	entries, err := s.Audit(ctx, "", AuditFilter{})
	if err != nil || len(entries) == 0 || entries[0].By != "quantri" {
		t.Errorf("audit = %+v, %v; want entries by quantri", entries, err)
	}

	// Once set up, it cannot be run again to add another admin.
	if err := s.Setup(ctx, a, Official{Login: "khac", FullName: "Người Khác"}, "mật khẩu mới 2"); !errors.As(err, &ve) {
		t.Errorf("second Setup = %v, want a refusal", err)
	}
	if _, err := s.Official(ctx, "khac"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a second setup added an official: %v", err)
	}
}
