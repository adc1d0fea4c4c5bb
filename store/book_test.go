package store

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var bookNames = []string{"Nguyễn Văn An", "Đặng Thị Bình", "Trần Văn Cường", "Lê Thị Dung", "Phạm Đăng Khoa"}

// fillBook writes n dossiers straight into the tables in one transaction (Receive would fsync
// each one): the first half in 2025, the rest in 2026, with statuses, procedures, officials,
// due and end times varied so that every book filter has something to keep and to drop.
func fillBook(t testing.TB, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	ids := map[string]int64{}
	for _, login := range []string{"tiepnhan1", "tiepnhan2", "tuphap", "chutich"} {
		o, err := s.Official(ctx, login)
		if err != nil {
			t.Fatal(err)
		}
		ids[login] = o.ID
	}
	procs := []Procedure{}
	for _, code := range []string{"HT04", "CT01", "CT03"} {
		p, err := s.Procedure(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		procs = append(procs, p)
	}
	tx, err := s.w.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	const ins = `INSERT INTO dossiers(code, book_year, book_no, procedure_id, procedure_code, procedure_name,
		field_name, days, name, idno, phone, address, documents, sets, pages, fee, by_post, received_at, due_at,
		original_due_at, status, received_by, transferred_at, resolved_at, returned_at, ended_at, closed_at, late,
		holder_id, pending_to_id) VALUES (?, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, 'Hoài Đức', '[]', 1, 1, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	statuses := []Status{StatusReceived, StatusProcessing, StatusSupplement, StatusResolved, StatusReturned, StatusRefused, StatusWithdrawn, StatusStopped}
	half := n / 2
	for i := 0; i < n; i++ {
		year, no := 2025, i+1
		start := vn(2025, 1, 2, 8, 0)
		if i >= half {
			year, no, start = 2026, i-half+1, vn(2026, 1, 2, 8, 0)
		}
		rec := start.Add(time.Duration(no) * 3 * time.Hour)
		due := rec.Add(72 * time.Hour)
		status := statuses[i%len(statuses)]
		p := procs[i%len(procs)]
		name := bookNames[i%len(bookNames)]
		code := fmt.Sprintf("HD001-%s-%04d", rec.Format("060102"), i)
		idno := fmt.Sprintf("0010900%05d", i)
		ph := fmt.Sprintf("091%07d", i)
		var transferred, resolved, returned, ended, closed any
		late := false
		if status != StatusReceived {
			transferred = ts(rec.Add(time.Hour))
		}
		end := rec.Add(time.Duration(i%5) * 24 * time.Hour).Add(time.Duration(i%3) * time.Minute) // 0–4 days, around the due minute
		switch status {
		case StatusResolved, StatusReturned:
			resolved, closed = ts(end), ts(end)
			if status == StatusReturned {
				returned = ts(end.Add(time.Hour))
			}
		case StatusRefused, StatusWithdrawn, StatusStopped:
			ended, closed = ts(end), ts(end)
		}
		if resolved != nil { // refused, withdrawn and stopped ones have no timeliness
			late = TimelinessAt(end, due) == TimelyLate
		}
		receiver := []string{"tiepnhan1", "tiepnhan2"}[i%2]
		var holder, pending any
		if i%5 == 1 {
			holder = ids["tuphap"]
		}
		if i%7 == 3 && closed == nil {
			pending = ids["chutich"]
		}
		id, err := insertID(ctx, tx, ins, code, year, no, p.ID, p.Code, p.Name, p.FieldName, name, idno, ph, ts(rec), ts(due), ts(due),
			status, ids[receiver], transferred, resolved, returned, ended, closed, late, holder, pending)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.d.indexSearch(ctx, tx, id, searchText(code, name, idno, ph)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
}

func codes(ds []Dossier) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.Code
	}
	return out
}

func TestBookFiltersAndPaging(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	fillBook(t, s, 2000)
	var all []Dossier
	if err := s.EachBook(ctx, BookFilter{}, func(d Dossier) error { all = append(all, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(all) != 2000 {
		t.Fatalf("EachBook gave %d rows, want 2000", len(all))
	}
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		if a.BookYear > b.BookYear || a.BookYear == b.BookYear && a.BookNo >= b.BookNo {
			t.Fatalf("row %d (%d/%d) after %d/%d: not in book order", i, b.BookYear, b.BookNo, a.BookYear, a.BookNo)
		}
	}
	ht04, _ := s.Procedure(ctx, "HT04")
	ct03, _ := s.Procedure(ctx, "CT03")
	now := time.Now()
	from, to := vn(2026, 2, 1, 0, 0), vn(2026, 2, 10, 0, 0)
	for _, c := range []struct {
		name string
		f    BookFilter
		keep func(d Dossier) bool
	}{
		{"year", BookFilter{Year: 2025}, func(d Dossier) bool { return d.BookYear == 2025 }},
		{"period, both days included", BookFilter{From: from, To: to}, func(d Dossier) bool {
			return !d.ReceivedAt.Before(from) && d.ReceivedAt.Before(to.AddDate(0, 0, 1))
		}},
		{"status", BookFilter{Year: 2026, Status: StatusResolved}, func(d Dossier) bool { return d.BookYear == 2026 && d.Status == StatusResolved }},
		{"procedure", BookFilter{ProcedureID: ht04.ID}, func(d Dossier) bool { return d.ProcedureID == ht04.ID }},
		{"field", BookFilter{FieldID: ct03.FieldID}, func(d Dossier) bool { return d.ProcedureCode == "CT01" || d.ProcedureCode == "CT03" }},
		{"official", BookFilter{Official: "tuphap"}, func(d Dossier) bool { return d.Holder == "tuphap" }},
		{"official as receiver or pending", BookFilter{Official: "chutich"}, func(d Dossier) bool { return d.PendingTo == "chutich" }},
		{"late only", BookFilter{LateOnly: true}, func(d Dossier) bool {
			tl := d.Timeliness(now)
			return tl == TimelyLate || tl == TimelyOverdue
		}},
		{"search without diacritics", BookFilter{Query: "dang"}, func(d Dossier) bool {
			return d.Name == "Đặng Thị Bình" || d.Name == "Phạm Đăng Khoa"
		}},
		{"search by CCCD", BookFilter{Query: "001090000123"}, func(d Dossier) bool { return d.IDNo == "001090000123" }},
		{"search in a year", BookFilter{Year: 2026, Query: "dang"}, func(d Dossier) bool {
			return d.BookYear == 2026 && (d.Name == "Đặng Thị Bình" || d.Name == "Phạm Đăng Khoa")
		}},
		{"combined", BookFilter{Year: 2026, Status: StatusProcessing, Official: "tiepnhan2", LateOnly: true}, func(d Dossier) bool {
			return d.BookYear == 2026 && d.Status == StatusProcessing && (d.ReceivedBy == "tiepnhan2" || d.Holder == "tiepnhan2") && d.Timeliness(now) == TimelyOverdue
		}},
		{"unknown official", BookFilter{Official: "khongco"}, func(Dossier) bool { return false }},
	} {
		t.Run(c.name, func(t *testing.T) {
			var want []string
			for _, d := range all {
				if c.keep(d) {
					want = append(want, d.Code)
				}
			}
			if len(want) == 0 && c.name != "unknown official" {
				t.Fatal("the test data has no row for this filter")
			}
			if len(want) == len(all) {
				t.Fatal("the test data has no row this filter drops")
			}
			n, err := s.BookCount(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if n != len(want) {
				t.Errorf("BookCount = %d, want %d", n, len(want))
			}
			var got []string
			if err := s.EachBook(ctx, c.f, func(d Dossier) error { got = append(got, d.Code); return nil }); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("EachBook: %d rows, want %d", len(got), len(want))
			}
			// The pages, read one after another, are the same rows in the same order.
			var paged []string
			for off := 0; ; off += 37 {
				page, err := s.Book(ctx, c.f, off, 37)
				if err != nil {
					t.Fatal(err)
				}
				paged = append(paged, codes(page)...)
				if len(page) < 37 {
					break
				}
			}
			if !reflect.DeepEqual(paged, want) {
				t.Errorf("paged: %d rows, want %d", len(paged), len(want))
			}
		})
	}
	page, err := s.Book(ctx, BookFilter{Year: 2026}, 10, 5)
	if err != nil || len(page) != 5 || page[0].BookNo != 11 || page[4].BookNo != 15 {
		t.Errorf("Book(2026, 10, 5) = %v, %v; want book numbers 11..15", codes(page), err)
	}
	stop := errors.New("enough")
	seen := 0
	err = s.EachBook(ctx, BookFilter{}, func(Dossier) error {
		if seen++; seen == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || seen != 3 {
		t.Errorf("EachBook did not stop at fn's error: %v after %d rows", err, seen)
	}
}

// BenchmarkBook reads the first and the last page and the count of a 100,000-row year, filtered
// by status and late only.
// The year's search matches inside the span of the year's ids: a dossier whose id lies
// outside the bulk of its year (a year's ids need not be contiguous) is still found, and one of
// another year inside the span is not shown; a year without dossiers finds nothing.
func TestBookSearchInAYearWithInterleavedIDs(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	fillBook(t, s, 200)
	// A 2025 dossier written after all of 2026: the span of 2025's ids covers every 2026 one.
	var cols []string
	rs, err := s.r.Query(`SELECT * FROM dossiers WHERE 1 = 0`)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := rs.Columns()
	rs.Close()
	for _, c := range all {
		if c != "id" && c != "code" && c != "book_year" && c != "book_no" {
			cols = append(cols, c)
		}
	}
	c := strings.Join(cols, ", ")
	var first int64
	s.r.QueryRow(`SELECT MIN(id) FROM dossiers WHERE name = 'Nguyễn Văn An'`).Scan(&first)
	tx, err := s.w.Begin()
	if err != nil {
		t.Fatal(err)
	}
	id, err := insertID(ctx, tx, `INSERT INTO dossiers(code, book_year, book_no, `+c+`) SELECT 'HD001-LATE', 2025, 1000, `+c+
		` FROM dossiers WHERE id = ?`, first)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.d.indexSearch(ctx, tx, id, searchText("HD001-LATE", "Nguyễn Văn An", "", "")); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, year := range []int{2025, 2026, 2024} {
		var want []string
		// The only Nguyễn of the test data (bookNames).
		rs, err := s.r.Query(`SELECT code FROM dossiers WHERE book_year = ? AND name = 'Nguyễn Văn An' ORDER BY book_no`, year)
		if err != nil {
			t.Fatal(err)
		}
		for rs.Next() {
			var c string
			rs.Scan(&c)
			want = append(want, c)
		}
		rs.Close()
		n, err := s.BookCount(ctx, BookFilter{Year: year, Query: "nguyen"})
		if err != nil || n != len(want) {
			t.Errorf("%d: BookCount = %d, %v; want %d", year, n, err, len(want))
		}
		page, err := s.Book(ctx, BookFilter{Year: year, Query: "nguyen"}, 0, 500)
		if err != nil || len(page)+len(want) > 0 && !reflect.DeepEqual(codes(page), want) {
			t.Errorf("%d: Book = %v, %v; want %v", year, codes(page), err, want)
		}
		if year != 2024 && len(want) < 10 || year == 2025 && !slices.Contains(want, "HD001-LATE") {
			t.Errorf("%d: the test data misses its point: %v", year, want)
		}
	}
}

func BenchmarkBook(b *testing.B) {
	s := openTest(b)
	ctx := context.Background()
	fillBook(b, s, 200000)
	f := BookFilter{Year: 2026, Status: StatusProcessing, LateOnly: true}
	for b.Loop() {
		n, err := s.BookCount(ctx, f)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Book(ctx, f, 0, 50); err != nil {
			b.Fatal(err)
		}
		if _, err := s.Book(ctx, f, n-50, 50); err != nil {
			b.Fatal(err)
		}
	}
}

// The book's calls stop on their context: the window cancels a query made stale by a newer key.
func TestBookStopsOnItsContext(t *testing.T) {
	s := openTest(t)
	fillBook(t, s, 50)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	f := BookFilter{Year: 2025, Query: "nguyen", By: "chutich"}
	if _, err := s.BookCount(ctx, BookFilter{Year: 2025}); !errors.Is(err, context.Canceled) {
		t.Errorf("BookCount by the default actor on a cancelled context: %v", err)
	}
	if _, err := s.BookCount(ctx, f); !errors.Is(err, context.Canceled) {
		t.Errorf("BookCount on a cancelled context: %v", err)
	}
	if _, err := s.Book(ctx, f, 0, 10); !errors.Is(err, context.Canceled) {
		t.Errorf("Book on a cancelled context: %v", err)
	}
}
