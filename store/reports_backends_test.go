package store

import (
	"context"
	"reflect"
	"testing"
	"time"
)

// Same dataset, same reports on both backends (issue 10): the hand-built report dataset and a
// generated year of a ward are copied from SQLite to PostgreSQL (CopyTo), then every report is
// asked of both for several periods, officials and desk moments, and the results compared
// field by field.
func TestReportsSameOnBothBackends(t *testing.T) {
	needPG(t)
	if onPG {
		t.Skip("runs in the SQLite half (it opens both backends)")
	}
	ctx := context.Background()
	gen, _ := generated(t, 3000, 7)
	for _, c := range []struct {
		name    string
		src     *Store
		periods [][2]time.Time
		desk    []time.Time
	}{
		{"report dataset", buildReportData(t).s, [][2]time.Time{{q1From, q1To}, {q2From, q2To}, {q4From, q4To},
			{vn(2025, 12, 1, 0, 0), vn(2026, 6, 30, 0, 0)}, {vn(2026, 1, 8, 0, 0), vn(2026, 1, 8, 0, 0)}},
			[]time.Time{vn(2026, 1, 5, 8, 0), vn(2026, 1, 8, 9, 0), vn(2026, 3, 31, 16, 59), reportNow}},
		{"generated year", gen, [][2]time.Time{{vn(2025, 3, 1, 0, 0), vn(2026, 3, 4, 0, 0)}, {vn(2025, 10, 1, 0, 0), vn(2025, 12, 31, 0, 0)},
			{vn(2026, 1, 1, 0, 0), vn(2026, 1, 31, 0, 0)}, {vn(2025, 7, 15, 0, 0), vn(2025, 7, 15, 0, 0)}},
			[]time.Time{vn(2025, 12, 31, 23, 30), vn(2026, 3, 4, 10, 0), vn(2026, 3, 2, 7, 0)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := c.src
			dst, err := OpenURL(ctx, newPGDatabase(t))
			if err != nil {
				t.Fatal(err)
			}
			defer dst.Close()
			if _, err := src.CopyTo(ctx, dst); err != nil {
				t.Fatal(err)
			}
			dst.now = src.now // the in-progress split is measured at the end of the period or now
			officials, err := src.Officials(ctx)
			if err != nil {
				t.Fatal(err)
			}
			same := func(what string, a, b any) {
				t.Helper()
				if !reflect.DeepEqual(a, b) {
					t.Errorf("%s differs:\nSQLite     %+v\nPostgreSQL %+v", what, a, b)
				}
			}
			nonEmpty := 0
			for _, p := range c.periods {
				from, to := p[0], p[1]
				at := from.Format("02/01/2006") + "–" + to.Format("02/01/2006")
				r1, t1, err := src.ReportII06a(ctx, "chutich", from, to)
				if err != nil {
					t.Fatal(err)
				}
				r2, t2, err := dst.ReportII06a(ctx, "chutich", from, to)
				if err != nil {
					t.Fatal(err)
				}
				same("II.06a "+at, r1, r2)
				same("II.06a total "+at, t1, t2)
				nonEmpty += t1.ReceivedTotal + t1.ResolvedTotal

				m1, err := src.OnTimeByMonth(ctx, "chutich", from, to)
				if err != nil {
					t.Fatal(err)
				}
				m2, err := dst.OnTimeByMonth(ctx, "chutich", from, to)
				if err != nil {
					t.Fatal(err)
				}
				same("on time by month "+at, m1, m2)

				s1, err := src.ReportSatisfaction(ctx, "chutich", from, to)
				if err != nil {
					t.Fatal(err)
				}
				s2, err := dst.ReportSatisfaction(ctx, "chutich", from, to)
				if err != nil {
					t.Fatal(err)
				}
				same("satisfaction "+at, s1, s2)
				nonEmpty += s1.Rated

				for _, o := range append([]string{""}, logins(officials)...) {
					c1, err := src.Scorecards(ctx, "chutich", from, to, o)
					if err != nil {
						t.Fatal(err)
					}
					c2, err := dst.Scorecards(ctx, "chutich", from, to, o)
					if err != nil {
						t.Fatal(err)
					}
					same("scorecards "+o+" "+at, c1, c2)
				}
			}
			if nonEmpty == 0 {
				t.Fatal("the periods hold no dossier and no rating: the comparison would prove nothing")
			}
			for _, now := range c.desk {
				for _, o := range logins(officials) {
					d1, err := src.Desk(ctx, o, now)
					if err != nil {
						t.Fatal(err)
					}
					d2, err := dst.Desk(ctx, o, now)
					if err != nil {
						t.Fatal(err)
					}
					same("desk of "+o+" at "+now.Format("02/01/2006 15:04"), d1, d2)
				}
			}
		})
	}
}

func logins(os []Official) []string {
	out := make([]string, len(os))
	for i, o := range os {
		out[i] = o.Login
	}
	return out
}
