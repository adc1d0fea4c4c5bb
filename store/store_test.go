package store

import (
	"context"
	"testing"
	"time"

	"motcua/store/workday"
)

// openTest opens a fresh store on the backend under test (a file in a temporary folder, or a new
// PostgreSQL database: backend_test.go), seeded with the demo data.
func openTest(t testing.TB) *Store {
	t.Helper()
	s := openEmpty(t)
	if err := s.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

// vn is a wall-clock time in Vietnam.
func vn(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, workday.Loc)
}

// intake is a valid intake of the procedure with the given code, received at `at`.
func intake(t testing.TB, s *Store, code string, at time.Time) Intake {
	t.Helper()
	p, err := s.Procedure(context.Background(), code)
	if err != nil {
		t.Fatal(err)
	}
	return Intake{
		ProcedureID: p.ID,
		Name:        "Nguyễn Văn An",
		IDNo:        "001090001234",
		Phone:       "0912345678",
		Address:     "Số 5, ngõ 12, phường Hoài Đức, Hà Nội",
		Documents:   []ReceivedDocument{p.Documents[0].Received()},
		ReceivedAt:  at,
		By:          "tiepnhan1",
	}
}

// counts is the number of rows an intake writes to, table by table.
func counts(t testing.TB, s *Store) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, tbl := range []string{"dossiers", "dossier_events", "dossier_search", "day_counters", "book_counters", "slips"} {
		var n int
		if err := s.r.QueryRow(`SELECT COUNT(*) FROM ` + tbl).Scan(&n); err != nil {
			t.Fatal(err)
		}
		out[tbl] = n
	}
	return out
}
