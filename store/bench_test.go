package store

// Benchmarks of the store on ten years of a large ward (docs/BENCHMARKS.md). Each one runs the
// real store call and the plain SQLite limit for the same work in the same loop, and reports
// both and their ratio. The dataset is the one `motcua demo -dossiers N -years 10 -seed 1`
// makes (N = $MOTCUA_BENCH_N, default 1,000,000), in $MOTCUA_BENCH_DIR/cli-N (default
// $TMPDIR/motcua-bench); generated here by the same store calls when missing, and reused.
// Plain `go test` never builds it.

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"motcua/store/workday"
)

// benchYear is the year the benchmarks read: the last whole year of the ledger (the history
// ends on the day it was generated), set by benchStore.
var benchYear int

func benchDir() string {
	if d := os.Getenv("MOTCUA_BENCH_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "motcua-bench")
}

// benchStore opens the cached dataset of n dossiers over ten years, generating it the first
// time exactly as the CLI does (SeedDemo, then GenerateDemo with the same options); the data
// folder is the one the cold start (docs/bench/coldstart.sh) and the window's typing benchmark
// (app) open.
func benchStore(b *testing.B) *Store {
	b.Helper()
	n := benchN
	if v, err := strconv.Atoi(os.Getenv("MOTCUA_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	dir := filepath.Join(benchDir(), "cli-"+strconv.Itoa(n))
	db := filepath.Join(dir, "motcua.db")
	ready := filepath.Join(dir, "ready")
	if _, err := os.Stat(ready); err != nil {
		os.RemoveAll(dir)
		start := time.Now()
		s, err := Open(db)
		if err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		if err := s.SeedDemo(ctx); err != nil {
			b.Fatal(err)
		}
		st, err := s.GenerateDemo(ctx, BulkDemo{Dossiers: n, Years: 10, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		msg := fmt.Sprintf("%d dossiers, %d events, %d ratings, %d working days, %d late, generated in %s\n",
			st.Dossiers, st.Events, st.Ratings, st.Days, st.Late, time.Since(start).Round(time.Second))
		b.Log(msg)
		if err := os.WriteFile(ready, []byte(msg), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Open(db)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	var last int
	if err := s.r.QueryRow(`SELECT MAX(book_year) FROM dossiers`).Scan(&last); err != nil {
		b.Fatal(err)
	}
	benchYear = last - 1
	return s
}

// sampleRows picks k random dossiers' columns (deterministically) for the queries.
func sampleRows(b *testing.B, s *Store, k int, cols string) [][]string {
	b.Helper()
	var total int
	s.r.QueryRow(`SELECT MAX(id) FROM dossiers`).Scan(&total)
	rnd := rand.New(rand.NewPCG(3, 5))
	out := make([][]string, 0, k)
	for range k {
		id := 1 + rnd.IntN(total)
		rows, err := s.r.Query(`SELECT `+cols+` FROM dossiers WHERE id = ?`, id)
		if err != nil {
			b.Fatal(err)
		}
		ct, _ := rows.Columns()
		for rows.Next() {
			vals := make([]string, len(ct))
			ptrs := make([]any, len(ct))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			out = append(out, vals)
		}
		rows.Close()
	}
	return out
}

// pairTimer times the real call and the limit separately within one benchmark loop: the wall
// clock of each call, and the process's CPU time (user + sys) of each, which on a machine
// shared with other work is the steadier figure (run with -cpu 1: one goroutine works, so the
// process's CPU time is the call's, with its share of garbage collection).
type pairTimer struct {
	real, bare       []time.Duration
	realCPU, bareCPU time.Duration
}

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func (p *pairTimer) time(d *[]time.Duration, f func()) {
	c := cpuNow()
	t := time.Now()
	f()
	*d = append(*d, time.Since(t))
	if d == &p.real {
		p.realCPU += cpuNow() - c
	} else {
		p.bareCPU += cpuNow() - c
	}
}

func pct(ds []time.Duration, q float64) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[min(len(s)-1, int(q*float64(len(s))))].Microseconds()) / 1000
}

// report: p50/p95 in ms of both, how many times slower the real call is than the limit
// (real/limit; < 1 means the real call is faster), and the mean CPU time of each in ms.
func (p *pairTimer) report(b *testing.B) {
	b.ReportMetric(pct(p.real, 0.5), "ms-p50")
	b.ReportMetric(pct(p.real, 0.95), "ms-p95")
	b.ReportMetric(pct(p.bare, 0.5), "limit-ms-p50")
	b.ReportMetric(pct(p.bare, 0.95), "limit-ms-p95")
	b.ReportMetric(pct(p.real, 0.5)/pct(p.bare, 0.5), "real/limit")
	cpu := func(d time.Duration, n int) float64 { return float64(d.Microseconds()) / 1000 / float64(max(1, n)) }
	b.ReportMetric(cpu(p.realCPU, len(p.real)), "cpu-ms")
	b.ReportMetric(cpu(p.bareCPU, len(p.bare)), "limit-cpu-ms")
	if p.bareCPU > 0 {
		b.ReportMetric(float64(p.realCPU)/float64(p.bareCPU), "cpu-real/limit")
	}
}

const benchN = 1000000

// BenchmarkLookupByCode is the QR scan path (Store.Dossier) against a bare indexed SELECT.
func BenchmarkLookupByCode(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	codes := sampleRows(b, s, 1000, `code`)
	bare, err := s.r.Prepare(`SELECT id, name FROM dossiers WHERE code = ?`)
	if err != nil {
		b.Fatal(err)
	}
	defer bare.Close()
	var p pairTimer
	i := 0
	for b.Loop() {
		c := codes[i%len(codes)][0]
		i++
		p.time(&p.real, func() {
			if d, err := s.Dossier(ctx, "", c); err != nil || d.Code != c {
				b.Fatal(c, err)
			}
		})
		p.time(&p.bare, func() {
			var id int64
			var name string
			if err := bare.QueryRow(c).Scan(&id, &name); err != nil {
				b.Fatal(err)
			}
		})
	}
	p.report(b)
}

// BenchmarkSearch is SearchDossiers (FTS5 over folded text) by a name typed without
// diacritics, by CCCD and by phone, against a LIKE '%…%' scan of the same column, newest first.
func BenchmarkSearch(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	rows := sampleRows(b, s, 200, `id, name, idno, phone`)
	for _, k := range []struct {
		name, col string
		q         func(r []string) string // what the official types
		like      func(r []string) string // the LIKE pattern's text
	}{
		{"name", "name", func(r []string) string { return fold(r[1]) }, func(r []string) string { return r[1] }},
		{"cccd", "idno", func(r []string) string { return r[2] }, func(r []string) string { return r[2] }},
		{"phone", "phone", func(r []string) string { return r[3] }, func(r []string) string { return r[3] }},
	} {
		b.Run(k.name, func(b *testing.B) {
			like, err := s.r.Prepare(`SELECT id FROM dossiers WHERE ` + k.col + ` LIKE '%' || ? || '%' ORDER BY id DESC LIMIT 50`)
			if err != nil {
				b.Fatal(err)
			}
			defer like.Close()
			var p pairTimer
			i := 0
			for b.Loop() {
				r := rows[i%len(rows)]
				i++
				id, _ := strconv.ParseInt(r[0], 10, 64)
				found := false
				p.time(&p.real, func() {
					ds, err := s.SearchDossiers(ctx, "", k.q(r), 50)
					if err != nil {
						b.Fatal(err)
					}
					for _, d := range ds {
						found = found || d.ID == id
					}
					// A common name has more than 50 holders: the newest 50 are shown.
					if !found && (k.name != "name" || len(ds) < 50) {
						b.Fatalf("search %q missed dossier %d", k.q(r), id)
					}
				})
				p.time(&p.bare, func() {
					rs, err := like.Query(k.like(r))
					if err != nil {
						b.Fatal(err)
					}
					for rs.Next() {
					}
					rs.Close()
				})
			}
			p.report(b)
			b.ReportMetric(pct(p.bare, 0.5)/pct(p.real, 0.5), "x-faster")
		})
	}
}

// BenchmarkBookPage reads 50 rows of the tracking book at random offsets of a 100,000-row year,
// with the GUI's filters, against a bare SELECT of the ids of the same page.
func BenchmarkBookPage(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	var ct01 int64
	s.r.QueryRow(`SELECT id FROM procedures WHERE code = 'CT01'`).Scan(&ct01)
	for _, c := range []struct {
		name string
		f    BookFilter
		bare string
		args []any
	}{
		{"year", BookFilter{Year: benchYear}, `d.book_year = ?`, []any{benchYear}},
		{"year+status", BookFilter{Year: benchYear, Status: StatusReturned}, `d.status = ? AND d.book_year = ?`, []any{StatusReturned, benchYear}},
		{"year+procedure", BookFilter{Year: benchYear, ProcedureID: ct01}, `d.procedure_id = ? AND d.book_year = ?`, []any{ct01, benchYear}},
		{"year+late", BookFilter{Year: benchYear, LateOnly: true}, `d.late = 1 AND d.book_year = ?`, []any{benchYear}},
		{"year+official", BookFilter{Year: benchYear, Official: "tiepnhan1"}, `d.received_by = (SELECT id FROM officials WHERE login = 'tiepnhan1') AND d.book_year = ?`, []any{benchYear}},
		// The filter box's words; the plain query beside it matches the whole history's index
		// (the book's query before issue 18).
		{"year+search", BookFilter{Year: benchYear, Query: "nguyen van"}, `d.book_year = ? AND d.id IN (SELECT rowid FROM dossier_search WHERE dossier_search MATCH '"nguyen"* "van"*')`, []any{benchYear}},
	} {
		b.Run(c.name, func(b *testing.B) {
			n, err := s.BookCount(ctx, c.f)
			if err != nil || n < 100 {
				b.Fatalf("%d rows, %v", n, err)
			}
			b.ReportMetric(float64(n), "rows")
			bare, err := s.r.Prepare(`SELECT d.id FROM dossiers d WHERE ` + c.bare + ` ORDER BY d.book_year, d.book_no LIMIT 50 OFFSET ?`)
			if err != nil {
				b.Fatal(err)
			}
			defer bare.Close()
			rnd := rand.New(rand.NewPCG(1, 2))
			var p pairTimer
			for b.Loop() {
				off := rnd.IntN(n - 50)
				p.time(&p.real, func() {
					if ds, err := s.Book(ctx, c.f, off, 50); err != nil || len(ds) != 50 {
						b.Fatal(len(ds), err)
					}
				})
				p.time(&p.bare, func() {
					rs, err := bare.Query(append(slices.Clone(c.args), off)...)
					if err != nil {
						b.Fatal(err)
					}
					for rs.Next() {
					}
					rs.Close()
				})
			}
			p.report(b)
		})
	}
}

// BenchmarkReports runs Biểu II.06a, the officials' scorecards and the satisfaction report for
// the year 2025 and for the ten years 2016–2025, against the plain limit of one aggregate over
// the same dossiers (count by procedure and status of those received in the period).
func BenchmarkReports(b *testing.B) {
	s := benchStore(b)
	ctx := context.Background()
	bare, err := s.r.Prepare(`SELECT procedure_id, status, COUNT(*), SUM(late) FROM dossiers
		WHERE received_at >= ? AND received_at < ? GROUP BY procedure_id, status`)
	if err != nil {
		b.Fatal(err)
	}
	defer bare.Close()
	for _, per := range []struct {
		name     string
		from, to time.Time
	}{
		{"year", time.Date(benchYear, 1, 1, 0, 0, 0, 0, workday.Loc), time.Date(benchYear, 12, 31, 0, 0, 0, 0, workday.Loc)},
		{"10y", time.Date(benchYear-9, 1, 1, 0, 0, 0, 0, workday.Loc), time.Date(benchYear, 12, 31, 0, 0, 0, 0, workday.Loc)},
	} {
		for _, r := range []struct {
			name string
			run  func() error
		}{
			{"II06a", func() error { _, _, err := s.ReportII06a(ctx, "chutich", per.from, per.to); return err }},
			{"officials", func() error { _, err := s.Scorecards(ctx, "chutich", per.from, per.to, ""); return err }},
			{"satisfaction", func() error { _, err := s.ReportSatisfaction(ctx, "chutich", per.from, per.to); return err }},
			{"ontime", func() error { _, err := s.OnTimeByMonth(ctx, "chutich", per.from, per.to); return err }},
		} {
			b.Run(r.name+"/"+per.name, func(b *testing.B) {
				var p pairTimer
				for b.Loop() {
					p.time(&p.real, func() {
						if err := r.run(); err != nil {
							b.Fatal(err)
						}
					})
					p.time(&p.bare, func() {
						rs, err := bare.Query(ts(per.from), ts(per.to.AddDate(0, 0, 1)))
						if err != nil {
							b.Fatal(err)
						}
						for rs.Next() {
						}
						rs.Close()
					})
				}
				p.report(b)
			})
		}
	}
}
