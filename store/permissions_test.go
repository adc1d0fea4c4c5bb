package store

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestRoleMatrix(t *testing.T) {
	cases := []struct {
		role Role
		p    Permission
		want bool
	}{
		{RoleCounter, PermReceive, true},
		{RoleCounter, ActPermission(ActResolve), false},
		{RoleCounter, PermReportAll, false},
		{RoleCounter, PermSettings, false},
		{RoleProcessing, PermReceive, false},
		{RoleProcessing, ActPermission(ActResolve), true},
		{RoleProcessing, ActPermission(ActReturn), false},
		{RoleLeader, PermReportAll, true},
		{RoleLeader, PermCatalogue, false},
		{RoleAdmin, PermCatalogue, true},
		{RoleAdmin, PermReportAll, false},
		{Role("guest"), PermViewDossiers, false},
	}
	for _, c := range cases {
		if got := c.role.Can(c.p); got != c.want {
			t.Errorf("%s can %s = %v, want %v", c.role, c.p, got, c.want)
		}
	}
	// Every lifecycle action is granted to someone, or the dossier could get stuck.
	for _, a := range Actions {
		granted := false
		for r := range grants {
			granted = granted || r.Can(ActPermission(a))
		}
		if !granted {
			t.Errorf("no role may %s", a)
		}
	}
}

func TestRequireNamesTheOfficialAndTheRefusedRight(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if _, err := s.require(ctx, "tiepnhan1", PermReceive); err != nil {
		t.Errorf("counter official may not receive: %v", err)
	}
	_, err := s.require(ctx, "tiepnhan1", PermReportAll)
	var fe *ForbiddenError
	if !errors.As(err, &fe) || fe.Login != "tiepnhan1" {
		t.Fatalf("require(report_all) by a counter official = %v, want a ForbiddenError", err)
	}
	if !strings.Contains(fe.Message, "Nguyễn Thị Lan") || !strings.Contains(fe.Message, "không có quyền") {
		t.Errorf("message %q does not name the official and the refusal", fe.Message)
	}
	if _, err := s.require(ctx, "nobody", PermReceive); err == nil {
		t.Error("an unknown login passed require")
	}
}
