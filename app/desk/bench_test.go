package desk

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"motcua/store"
)

// BenchmarkIntake is what Ctrl+Enter costs at the counter: validate, number and durably commit
// the dossier, draw Mẫu 01 and write it into the archive (a save-only agency: no printer), against
// the plain limit of a bare INSERT + COMMIT of one row with the store's pragmas (WAL,
// synchronous FULL, foreign keys, BEGIN IMMEDIATE). Reports both p50/p95 in ms and the real
// rate as a share of the bare rate (target ≥ 0.5); also store.Receive alone, the commit without
// the slip.
func BenchmarkIntake(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := s.SeedDemo(ctx); err != nil {
		b.Fatal(err)
	}
	a, _ := s.Agency(ctx)
	a.SaveOnly = true
	if err := s.SaveAgency(ctx, "admin", a); err != nil {
		b.Fatal(err)
	}
	p, err := s.Procedure(ctx, "CT01")
	if err != nil {
		b.Fatal(err)
	}
	d := New(s, dir)
	d.SetSender(func(context.Context, string, string) error { b.Fatal("save-only printed"); return nil })
	in := intake(p, "Nguyễn Thị Thu Hương")
	in.ReceivedAt = time.Time{} // now

	q := url.Values{}
	for _, p := range []string{"busy_timeout(10000)", "foreign_keys(1)", "journal_mode(WAL)", "synchronous(FULL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	bare, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "bare.db")+"?"+q.Encode())
	if err != nil {
		b.Fatal(err)
	}
	bare.SetMaxOpenConns(1)
	defer bare.Close()
	if _, err := bare.Exec(`CREATE TABLE t(id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
		idno TEXT NOT NULL, phone TEXT NOT NULL, address TEXT NOT NULL, received_at TEXT NOT NULL) STRICT`); err != nil {
		b.Fatal(err)
	}

	var real, limit, commit []time.Duration
	i := 0
	for b.Loop() {
		i++
		t0 := time.Now()
		r, err := d.Receive(ctx, in)
		if err != nil || r.PrintErr != nil || r.SlipPath == "" {
			b.Fatal(err, r.PrintErr)
		}
		t1 := time.Now()
		tx, err := bare.Begin()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO t(code, name, idno, phone, address, received_at) VALUES (?, ?, ?, ?, ?, ?)`,
			fmt.Sprintf("HD001-%d", i), in.Name, in.IDNo, in.Phone, in.Address, t1.UTC().Format(time.RFC3339Nano)); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		if _, err := s.Receive(ctx, in); err != nil {
			b.Fatal(err)
		}
		real = append(real, t1.Sub(t0))
		limit = append(limit, t2.Sub(t1))
		commit = append(commit, time.Since(t2))
	}
	p50 := func(ds []time.Duration, q float64) float64 {
		s := slices.Clone(ds)
		slices.Sort(s)
		return float64(s[min(len(s)-1, int(q*float64(len(s))))].Microseconds()) / 1000
	}
	b.ReportMetric(p50(real, 0.5), "ms-p50")
	b.ReportMetric(p50(real, 0.95), "ms-p95")
	b.ReportMetric(p50(limit, 0.5), "limit-ms-p50")
	b.ReportMetric(p50(limit, 0.95), "limit-ms-p95")
	b.ReportMetric(p50(limit, 0.5)/p50(real, 0.5), "rate-share")
	// The store's part alone (validate, number, commit, read back), without the slip.
	b.ReportMetric(p50(commit, 0.5), "store-ms-p50")
	b.ReportMetric(p50(limit, 0.5)/p50(commit, 0.5), "store-rate-share")
}
