package store

import (
	"bufio"
	"context"
	"database/sql/driver"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The query plans of the book and the reports, pinned (issue 18): a year's page, count, search
// and report must read that year's rows from an index (SEARCH), never a whole table or index
// (SCAN), whatever a SQLite upgrade's planner prefers. The planner's statistics are those of a
// generated million-dossier ledger (testdata/stats-1m.tsv: sqlite_stat1 and sqlite_stat4 of
// `motcua demo -dossiers 1000000 -years 10 -seed 1`, as text), under which SQLite makes the
// choices it makes on that ledger (the scorecards' walk of a whole index was one); the rows
// are a small generated ledger, for the calls to run.

// bigTables are the tables whose rows grow with the years: a plan may only SEARCH them.
var bigTables = map[string]bool{"dossiers": true, "d": true, "dossier_events": true, "e": true, "ratings": true, "r": true}

var planScan = regexp.MustCompile(`^SCAN (\S+)`)

// planned is one query a store call ran and its plan.
type planned struct {
	sql  string
	plan []string
}

// plansOf runs call and returns the plan of every query it ran on the store's connections.
func plansOf(t *testing.T, s *Store, call func() error) []planned {
	t.Helper()
	type q struct {
		sql  string
		args []any
	}
	var qs []q
	traceQuery = func(sql string, args []driver.NamedValue) {
		a := make([]any, len(args))
		for i, v := range args {
			a[i] = v.Value
		}
		qs = append(qs, q{sql, a})
	}
	err := call()
	traceQuery = nil
	if err != nil {
		t.Fatal(err)
	}
	var out []planned
	for _, q := range qs {
		if strings.HasPrefix(strings.TrimSpace(q.sql), "EXPLAIN") {
			continue
		}
		rs, err := s.r.Query(`EXPLAIN QUERY PLAN `+q.sql, q.args...)
		if err != nil {
			t.Fatalf("%v: %s", err, q.sql)
		}
		p := planned{sql: q.sql}
		for rs.Next() {
			var id, parent, notused int
			var detail string
			if err := rs.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			p.plan = append(p.plan, detail)
		}
		rs.Close()
		out = append(out, p)
	}
	return out
}

// loadStats replaces the planner's statistics (sqlite_stat1, and the key samples of
// sqlite_stat4) with the million-dossier ledger's.
func loadStats(t *testing.T, s *Store) {
	t.Helper()
	f, err := os.Open("testdata/stats-1m.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := s.w.Exec(`DELETE FROM sqlite_stat1; DELETE FROM sqlite_stat4`); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		c := strings.Split(sc.Text(), "\t")
		switch {
		case len(c) == 4 && c[0] == "1":
			_, err = s.w.Exec(`INSERT INTO sqlite_stat1(tbl, idx, stat) VALUES (?, NULLIF(?, ''), ?)`, c[1], c[2], c[3])
		case len(c) == 7 && c[0] == "4":
			_, err = s.w.Exec(`INSERT INTO sqlite_stat4(tbl, idx, neq, nlt, ndlt, sample) VALUES (?, ?, ?, ?, ?, unhex(?))`,
				c[1], c[2], c[3], c[4], c[5], c[6])
		default:
			t.Fatalf("bad line %q", sc.Text())
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	// Every connection reads the statistics again.
	if _, err := s.w.Exec(`ANALYZE sqlite_schema`); err != nil {
		t.Fatal(err)
	}
	s.r.SetMaxIdleConns(0)
	s.r.SetMaxIdleConns(2)
}

func TestQueryPlansReadOnlyTheirRange(t *testing.T) {
	if onPG {
		t.Skip("SQLite's planner; the PostgreSQL half runs the same calls in the book and report tests")
	}
	s := openTest(t)
	ctx := context.Background()
	end := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	if _, err := s.GenerateDemo(ctx, BulkDemo{Dossiers: 3000, Years: 2, Seed: 1, End: end}); err != nil {
		t.Fatal(err)
	}
	loadStats(t, s)
	var ct01 int64
	s.r.QueryRow(`SELECT id FROM procedures WHERE code = 'CT01'`).Scan(&ct01)
	from, to := vn(2025, 1, 1, 0, 0), vn(2025, 12, 31, 0, 0)
	book := func(f BookFilter) func() error {
		return func() error {
			if _, err := s.BookCount(ctx, f); err != nil {
				return err
			}
			_, err := s.Book(ctx, f, 500, 100)
			return err
		}
	}
	for _, c := range []struct {
		name string
		call func() error
		uses []string // indexes the plan must name
	}{
		{"book year", book(BookFilter{Year: 2025}), []string{"sqlite_autoindex_dossiers"}},
		{"book status", book(BookFilter{Year: 2025, Status: StatusReturned}), []string{"dossiers_status_book"}},
		{"book procedure", book(BookFilter{Year: 2025, ProcedureID: ct01}), []string{"dossiers_procedure_book"}},
		{"book late", book(BookFilter{Year: 2025, LateOnly: true}), nil},
		// On the ledger itself SQLite takes dossiers_book_officials (checked with EXPLAIN on it);
		// with its samples loaded into this small file, the book-order index: both SEARCH the year.
		{"book official", book(BookFilter{Year: 2025, Official: "tiepnhan1"}), nil},
		{"book search", book(BookFilter{Year: 2025, Query: "nguyen van"}), []string{"dossiers_year_id"}},
		{"II.06a", func() error { _, _, err := s.ReportII06a(ctx, "chutich", from, to); return err },
			[]string{"COVERING INDEX dossiers_closed_cover", "dossiers_open_cover"}},
		{"on time by month", func() error { _, err := s.OnTimeByMonth(ctx, "chutich", from, to); return err }, nil},
		{"scorecards", func() error { _, err := s.Scorecards(ctx, "chutich", from, to, ""); return err },
			[]string{"dossiers_received_by_at", "dossiers_late_closed"}},
		{"one scorecard", func() error { _, err := s.Scorecards(ctx, "chutich", from, to, "tiepnhan1"); return err }, nil},
		{"satisfaction", func() error { _, err := s.ReportSatisfaction(ctx, "chutich", from, to); return err }, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := plansOf(t, s, c.call)
			all := ""
			for _, p := range ps {
				for _, line := range p.plan {
					all += line + "\n"
					if m := planScan.FindStringSubmatch(line); m != nil && bigTables[m[1]] {
						t.Errorf("reads a whole table or index: %q in\n%s\n%s", line, p.sql, strings.Join(p.plan, "\n"))
					}
				}
			}
			for _, u := range c.uses {
				if !strings.Contains(all, u) {
					t.Errorf("plan does not use %s:\n%s", u, all)
				}
			}
			if testing.Verbose() {
				for _, p := range ps {
					t.Logf("%s\n  %s", strings.Join(strings.Fields(p.sql), " "), strings.Join(p.plan, "\n  "))
				}
			}
		})
	}
}
