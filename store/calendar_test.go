package store

import (
	"context"
	"errors"
	"testing"

	"motcua/store/workday"
)

func TestCalendarOverrides(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	sat := vn(2025, 6, 7, 0, 0) // a Saturday
	mon := vn(2025, 6, 9, 0, 0)
	cal, _ := s.Calendar(ctx)
	if cal.IsWorkingDay(sat) || !cal.IsWorkingDay(mon) {
		t.Fatal("plain calendar wrong before any override")
	}
	if err := s.AddOverride(ctx, "admin", workday.Override{Date: sat, Kind: workday.Workday, Name: "Làm bù"}, "Quyết định của Thủ tướng"); err != nil {
		t.Fatal(err)
	}
	if err := s.AddOverride(ctx, "admin", workday.Override{Date: mon, Kind: workday.Extra, Name: "Nghỉ bù"}, ""); err != nil {
		t.Fatal(err)
	}
	cal, _ = s.Calendar(ctx)
	if !cal.IsWorkingDay(sat) || cal.IsWorkingDay(mon) {
		t.Error("overrides not applied to the calendar")
	}
	// Same date replaces.
	if err := s.AddOverride(ctx, "admin", workday.Override{Date: mon.Add(15 * 3600e9), Kind: workday.NotOff, Name: "Đi làm"}, "đổi"); err != nil {
		t.Fatal(err)
	}
	os, _ := s.Overrides(ctx)
	if len(os) != 2 || os[1].Kind != workday.NotOff || !os[1].Date.Equal(mon) {
		t.Errorf("overrides %+v, want 2 with Monday replaced", os)
	}
	if err := s.RemoveOverride(ctx, "admin", sat, "nhầm"); err != nil {
		t.Fatal(err)
	}
	cal, _ = s.Calendar(ctx)
	if cal.IsWorkingDay(sat) {
		t.Error("removed override still applied")
	}
	if err := s.RemoveOverride(ctx, "admin", sat, ""); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing twice: %v, want ErrNotFound", err)
	}
	var ve *ValidationError
	if err := s.AddOverride(ctx, "admin", workday.Override{Date: sat, Kind: workday.Tet}, ""); !errors.As(err, &ve) || ve.Field != "kind" {
		t.Errorf("override of kind tet: %v", err)
	}
	a, _ := s.Audit(ctx, "", AuditFilter{Entity: "calendar"})
	if len(a) != 4 || a[0].Action != "delete" || a[0].Reason != "nhầm" || a[3].Reason != "Quyết định của Thủ tướng" {
		t.Errorf("calendar audit %+v", a)
	}
}

func TestCalendarSeesOtherProcessChanges(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	other := openAgain(t, s)
	sat := vn(2025, 6, 7, 0, 0)
	if cal, _ := s.Calendar(ctx); cal.IsWorkingDay(sat) {
		t.Fatal("Saturday is a working day before any override")
	}
	if err := other.AddOverride(ctx, "admin", workday.Override{Date: sat, Kind: workday.Workday}, ""); err != nil {
		t.Fatal(err)
	}
	if cal, _ := s.Calendar(ctx); !cal.IsWorkingDay(sat) {
		t.Error("cached calendar missed the other connection's override")
	}
}
