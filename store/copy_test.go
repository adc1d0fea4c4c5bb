package store

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// One office's SQLite data moved to PostgreSQL: every table arrives with the same rows (counts and
// hashes), the same queries give the same answers on both, a second copy onto the now non-empty
// target is refused, and numbering carries on where the file left it.
func TestCopyToPostgresSameAnswers(t *testing.T) {
	needPG(t)
	if onPG {
		t.Skip("runs in the SQLite half (it opens both backends)")
	}
	ctx := context.Background()
	src := openTest(t)
	fillBook(t, src, 300)
	// fillBook writes past the counters: the 2026 book holds 150 dossiers.
	if _, err := src.w.Exec(`INSERT INTO book_counters(year, last) VALUES (2026, 150)`); err != nil {
		t.Fatal(err)
	}
	// Some dossiers through the real intake and lifecycle, a rating and a calendar change.
	for i, name := range []string{"Đặng Văn Đức", "Nguyễn Thị Ánh", "Trần Đăng Khoa"} {
		in := intake(t, src, "CT01", vn(2026, 3, 2, 9, i))
		in.Name = name
		if _, err := src.Receive(ctx, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := src.PromptRating(ctx, "tiepnhan1", "", ""); err != nil {
		t.Fatal(err)
	}

	dst, err := OpenURL(ctx, newPGDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer dst.Close()
	checks, err := src.CopyTo(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range checks {
		seen[c.Table] = true
		if !c.OK() {
			t.Errorf("table %s: %d rows %s on SQLite, %d rows %s on PostgreSQL", c.Table, c.SourceRows, c.SourceHash, c.Target, c.Hash)
		}
	}
	for _, tbl := range []string{"dossiers", "dossier_events", "officials", "procedures", "settings", "audit", "book_counters", "day_counters", "rating_prompts"} {
		if !seen[tbl] {
			t.Errorf("table %s was not copied", tbl)
		}
	}

	for _, q := range []string{"", "dang", "nguyen van", "Đặng Văn Đức", "HD001-2603", "0910000", "001090000012", "khoa", "zzz", "an"} {
		a, err := src.SearchDossiers(ctx, "", q, 40)
		if err != nil {
			t.Fatal(err)
		}
		b, err := dst.SearchDossiers(ctx, "", q, 40)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("search %q: %d results on SQLite %v, %d on PostgreSQL %v", q, len(a), codes(a), len(b), codes(b))
		}
	}
	for _, f := range []BookFilter{{}, {Year: 2025}, {Year: 2026, Status: StatusProcessing}, {LateOnly: true}, {Official: "tuphap"}, {Query: "dang"},
		{From: vn(2025, 3, 1, 0, 0), To: vn(2025, 4, 30, 0, 0)}} {
		a, err := src.Book(ctx, f, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		b, err := dst.Book(ctx, f, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("book %+v: %d rows on SQLite, %d on PostgreSQL", f, len(a), len(b))
		}
	}

	if _, err := src.CopyTo(ctx, dst); err == nil || !strings.Contains(err.Error(), "không trống") {
		t.Errorf("second copy onto the same database: %v, want a refusal", err)
	}

	// Numbering and ids carry on after the copied rows.
	a, err := src.Receive(ctx, intake(t, src, "CT01", vn(2026, 3, 2, 10, 0)))
	if err != nil {
		t.Fatal(err)
	}
	b, err := dst.Receive(ctx, intake(t, dst, "CT01", vn(2026, 3, 2, 10, 0)))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != b.ID || a.Code != b.Code || a.BookNo != b.BookNo {
		t.Errorf("next intake: SQLite %d %s/%d, PostgreSQL %d %s/%d", a.ID, a.Code, a.BookNo, b.ID, b.Code, b.BookNo)
	}
}
