package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"motcua/store/workday"
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

// roleLogins are demo officials, one per role.
var roleLogins = map[Role]string{RoleCounter: "tiepnhan1", RoleProcessing: "tuphap", RoleLeader: "chutich", RoleAdmin: "admin"}

// guardedOp is one store operation run as `by`, with what it needs prepared by the admin first.
type guardedOp struct {
	name string
	perm Permission
	// prep readies what the operation needs (as the admin or other officials) and returns the
	// call made as by.
	prep func(t *testing.T, s *Store, by string) func() error
}

// inStatus is a dossier walked (by the counter and tuphap) to status.
func inStatus(t *testing.T, s *Store, status Status) Dossier {
	d, _ := dossierIn(t, s, status, false)
	return d
}

func actionOp(action Act, status Status) guardedOp {
	return guardedOp{"act " + string(action), ActPermission(action), func(t *testing.T, s *Store, by string) func() error {
		ctx := context.Background()
		if action == ActConfirm && by != "tuphap" {
			status = StatusProcessing // held by tuphap, who hands it to by
		}
		d := inStatus(t, s, status)
		at := d.ReceivedAt.Add(24 * time.Hour)
		to := "chutich"
		if by == "chutich" {
			to = "tuphap"
		}
		if action == ActConfirm { // a handover to by waits for them
			if _, err := s.Handover(ctx, Action{Code: d.Code, By: "chutich", At: at.Add(-time.Hour)}, by); err != nil {
				t.Fatal(err)
			}
		}
		return func() error {
			_, err := perform(ctx, s, action, Action{Code: d.Code, By: by, At: at}, to)
			return err
		}
	}}
}

// guardedOps lists every operation of the store that acts for an official. Kiosk ratings and
// reports add theirs where they are defined.
func guardedOps() []guardedOp {
	ctx := context.Background()
	ops := []guardedOp{
		{"receive", PermReceive, func(t *testing.T, s *Store, by string) func() error {
			in := lifeIntake(t, s, monday)
			in.By = by
			return func() error { _, err := s.Receive(ctx, in); return err }
		}},
		{"show", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			code := inStatus(t, s, StatusReceived).Code
			return func() error { _, err := s.Dossier(ctx, by, code); return err }
		}},
		{"search", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.SearchDossiers(ctx, by, "nguyen", 10); return err }
		}},
		{"book", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.Book(ctx, BookFilter{Year: 2026, By: by}, 0, 10); return err }
		}},
		{"book count", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.BookCount(ctx, BookFilter{By: by}); return err }
		}},
		{"book export", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			return func() error { return s.EachBook(ctx, BookFilter{By: by}, func(Dossier) error { return nil }) }
		}},
		{"events", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			code := inStatus(t, s, StatusReceived).Code
			return func() error { _, err := s.Events(ctx, by, code); return err }
		}},
		{"slips", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			code := inStatus(t, s, StatusReceived).Code
			return func() error { _, err := s.Slips(ctx, by, code); return err }
		}},
		{"record slip", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			code := inStatus(t, s, StatusReceived).Code
			return func() error { return s.RecordSlip(ctx, by, code, "01", "/tmp/x.pdf") }
		}},
		{"pending handovers", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.PendingHandovers(ctx, by, by, 0); return err }
		}},
		{"agency", PermSettings, func(t *testing.T, s *Store, by string) func() error {
			a, _ := s.Agency(ctx)
			a.Place = "Hoài Đức mới"
			return func() error { return s.SaveAgency(ctx, by, a) }
		}},
		{"security", PermSettings, func(t *testing.T, s *Store, by string) func() error {
			return func() error { return s.SaveSecurity(ctx, by, Security{LoginMode: LoginPIN, IdleMinutes: 5}) }
		}},
		{"procedure", PermCatalogue, func(t *testing.T, s *Store, by string) func() error {
			p, _ := s.Procedure(ctx, "HT04")
			p.LegalBasis = "Luật Hộ tịch 2014"
			return func() error { _, err := s.SaveProcedure(ctx, by, p); return err }
		}},
		{"field", PermCatalogue, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.AddField(ctx, by, Field{Code: "MOI", Name: "Lĩnh vực mới"}); return err }
		}},
		{"load catalogue", PermCatalogue, func(t *testing.T, s *Store, by string) func() error {
			return func() error { return s.LoadCatalogue(ctx, by) }
		}},
		{"add official", PermOfficials, func(t *testing.T, s *Store, by string) func() error {
			return func() error {
				_, err := s.AddOfficial(ctx, by, Official{Login: "moi", FullName: "Người Mới", Role: RoleCounter})
				return err
			}
		}},
		{"edit official", PermOfficials, func(t *testing.T, s *Store, by string) func() error {
			return func() error {
				_, err := s.UpdateOfficial(ctx, by, Official{Login: "diachinh", FullName: "Phạm Thị Hoa", Role: RoleProcessing, Phone: "0912000111"})
				return err
			}
		}},
		{"deactivate official", PermOfficials, func(t *testing.T, s *Store, by string) func() error {
			return func() error { return s.SetActive(ctx, by, "tiepnhan2", false) }
		}},
		{"password of another", PermOfficials, func(t *testing.T, s *Store, by string) func() error {
			return func() error { return s.SetPassword(ctx, by, "diachinh", "", "mật khẩu mới 9") }
		}},
		{"PIN of another", PermOfficials, func(t *testing.T, s *Store, by string) func() error {
			return func() error { return s.SetPIN(ctx, by, "diachinh", "", "480913") }
		}},
		{"add calendar day", PermCalendar, func(t *testing.T, s *Store, by string) func() error {
			return func() error {
				return s.AddOverride(ctx, by, workday.Override{Date: vn(2026, 6, 6, 0, 0), Kind: workday.Workday, Name: "Làm bù"}, "QĐ")
			}
		}},
		{"remove calendar day", PermCalendar, func(t *testing.T, s *Store, by string) func() error {
			d := vn(2026, 6, 13, 0, 0)
			if err := s.AddOverride(ctx, "", workday.Override{Date: d, Kind: workday.Workday}, "QĐ"); err != nil {
				t.Fatal(err)
			}
			return func() error { return s.RemoveOverride(ctx, by, d, "nhầm") }
		}},
		{"backup", PermBackup, func(t *testing.T, s *Store, by string) func() error {
			dest := filepath.Join(t.TempDir(), "b.db")
			return func() error { _, err := s.Backup(ctx, by, dest); return err }
		}},
		{"audit", PermViewAudit, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.Audit(ctx, by, AuditFilter{}); return err }
		}},
		{"printing", PermSettings, func(t *testing.T, s *Store, by string) func() error {
			p, _ := s.Printing(ctx)
			p.OpenInstead = !p.OpenInstead
			return func() error { return s.SavePrinting(ctx, by, p) }
		}},
		{"colour", PermSettings, func(t *testing.T, s *Store, by string) func() error {
			return func() error { return s.SaveAgencyColour(ctx, by, "#1f5f8b") }
		}},
		{"prompt rating", PermPromptRating, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.PromptRating(ctx, by, "", ""); return err }
		}},
		{"counter name", PermSettings, func(t *testing.T, s *Store, by string) func() error {
			return func() error { return s.SetCounter(ctx, by, "Quầy 2") }
		}},
		{"own ratings", PermReportOwn, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.Ratings(ctx, by, monday, monday.AddDate(0, 0, 1), by); return err }
		}},
		{"all ratings", PermReportAll, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.Ratings(ctx, by, monday, monday.AddDate(0, 0, 1), ""); return err }
		}},
		{"report II.06a", PermReportAll, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, _, err := s.ReportII06a(ctx, by, monday, monday.AddDate(0, 1, 0)); return err }
		}},
		{"on time by month", PermReportAll, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.OnTimeByMonth(ctx, by, monday, monday.AddDate(0, 1, 0)); return err }
		}},
		{"satisfaction", PermReportAll, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.ReportSatisfaction(ctx, by, monday, monday.AddDate(0, 1, 0)); return err }
		}},
		{"all scorecards", PermReportAll, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.Scorecards(ctx, by, monday, monday.AddDate(0, 1, 0), ""); return err }
		}},
		{"own scorecard", PermReportOwn, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.Scorecards(ctx, by, monday, monday.AddDate(0, 1, 0), by); return err }
		}},
		{"desk summary", PermViewDossiers, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.Desk(ctx, by, monday); return err }
		}},
		{"audit count", PermViewAudit, func(t *testing.T, s *Store, by string) func() error {
			return func() error { _, err := s.AuditCount(ctx, by, AuditFilter{}); return err }
		}},
	}
	for _, a := range []struct {
		action Act
		status Status
	}{{ActHandover, StatusReceived}, {ActConfirm, StatusReceived}, {ActSupplement, StatusReceived},
		{ActResume, StatusSupplement}, {ActRefuse, StatusReceived}, {ActReschedule, StatusReceived},
		{ActResolve, StatusProcessing}, {ActReturn, StatusResolved}, {ActWithdraw, StatusReceived},
		{ActStop, StatusProcessing}} {
		ops = append(ops, actionOp(a.action, a.status))
	}
	return ops
}

// TestEveryRoleEveryOperation runs each operation as each role through the store API: allowed
// ones succeed, refused ones return a ForbiddenError naming the right and change nothing.
func TestEveryRoleEveryOperation(t *testing.T) {
	for _, role := range []Role{RoleCounter, RoleProcessing, RoleLeader, RoleAdmin} {
		s := openTest(t)
		by := roleLogins[role]
		for _, op := range guardedOps() {
			t.Run(string(role)+"/"+op.name, func(t *testing.T) {
				call := op.prep(t, s, by)
				before := tableCounts(t, s)
				err := call()
				if role.Can(op.perm) {
					if err != nil {
						t.Fatalf("%s may %s, got %v", by, op.perm, err)
					}
					return
				}
				var fe *ForbiddenError
				if !errors.As(err, &fe) || fe.Permission != op.perm || fe.Login != by {
					t.Fatalf("%s %s: err = %v, want a ForbiddenError for %s", by, op.name, err, op.perm)
				}
				if after := tableCounts(t, s); !reflect.DeepEqual(after, before) {
					t.Errorf("refused %s wrote: %v → %v", op.name, before, after)
				}
			})
		}
	}
}

func tableCounts(t *testing.T, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tbl := range []string{"audit", "officials", "procedures", "fields", "calendar_overrides", "slips", "dossiers", "dossier_events"} {
		var n int
		if err := s.r.QueryRow(`SELECT COUNT(*) FROM ` + tbl).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	return out
}
