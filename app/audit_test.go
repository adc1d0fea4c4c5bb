package app

import (
	"regexp"
	"testing"
)

// TestAuditSpeaksVietnamese: the kind and the action of every row of the trail are words
// ("Hồ sơ", "Tiếp nhận", "Đăng nhập"), not the store's codes ("dossier", "receive", "login"),
// and a dossier's statuses are named.
func TestAuditSpeaksVietnamese(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	d := receiveDirect(t, s, "Nguyễn Thị Mai")
	loginAs(t, u, "chutich")
	a := u.auditView
	a.load()
	if len(a.rows) == 0 {
		t.Fatal("empty trail")
	}
	code := regexp.MustCompile(`^[a-z_]+$`)
	kinds := map[string]bool{}
	for r, e := range a.rows {
		kinds[e.Entity+"/"+e.Action] = true
		for _, c := range []int{2, 4} {
			if got := a.cell(r, c); code.MatchString(got) {
				t.Errorf("row %d (%s %s): column %d shows the code %q", r, e.Entity, e.Action, c, got)
			}
		}
		if e.Entity == "dossier" && e.Key == d.Code && a.cell(r, 6) != "Được tiếp nhận" && e.Action == "receive" {
			t.Errorf("the intake's new status shows %q", a.cell(r, 6))
		}
	}
	for _, k := range []string{"dossier/receive", "login/login"} {
		if !kinds[k] {
			t.Errorf("the trail has no %s row to check; has %v", k, kinds)
		}
	}
}
