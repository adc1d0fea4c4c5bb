package store

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// checkNumbers asserts the store holds exactly n dossiers of the day 250602, with the codes
// HD001-250602-0001..n and book numbers 1..n of 2025: no duplicate, no gap.
func checkNumbers(t *testing.T, s *Store, n int) {
	t.Helper()
	rows, err := s.r.Query(`SELECT code, book_year, book_no FROM dossiers`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var codes []string
	var books []int
	for rows.Next() {
		var code string
		var year, no int
		if err := rows.Scan(&code, &year, &no); err != nil {
			t.Fatal(err)
		}
		if year != 2025 {
			t.Errorf("%s in book %d, want 2025", code, year)
		}
		codes = append(codes, code)
		books = append(books, no)
	}
	if len(codes) != n {
		t.Fatalf("%d dossiers, want %d", len(codes), n)
	}
	sort.Strings(codes)
	sort.Ints(books)
	for i := range n {
		if want := fmt.Sprintf("HD001-250602-%04d", i+1); codes[i] != want {
			t.Fatalf("code #%d = %s, want %s (duplicate or gap)", i+1, codes[i], want)
		}
		if books[i] != i+1 {
			t.Fatalf("book number #%d = %d, want %d (duplicate or gap)", i+1, books[i], i+1)
		}
	}
}

func TestNumberingConcurrentGoroutines(t *testing.T) {
	s := openTest(t)
	in := intake(t, s, "CT01", vn(2025, 6, 2, 9, 0))
	var wg sync.WaitGroup
	errs := make(chan error, 200)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if _, err := s.Receive(context.Background(), in); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	checkNumbers(t, s, 200)
}

// TestHelperProcess is not a test: TestNumberingTwoProcesses runs the test binary again with it
// to get a second (third) process writing the same file.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv("MOTCUA_STORE_HELPER_DB")
	if path == "" {
		t.Skip("only run as a child of TestNumberingTwoProcesses")
	}
	n, _ := strconv.Atoi(os.Getenv("MOTCUA_STORE_HELPER_N"))
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	in := intake(t, s, "CT01", vn(2025, 6, 2, 9, 0))
	for range n {
		if _, err := s.Receive(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
}

func TestNumberingTwoProcesses(t *testing.T) {
	sqliteOnly(t)
	path := filepath.Join(t.TempDir(), "motcua.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	var cmds []*exec.Cmd
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), "MOTCUA_STORE_HELPER_DB="+path, "MOTCUA_STORE_HELPER_N=100")
		cmds = append(cmds, cmd)
	}
	outs := make([][]byte, len(cmds))
	var wg sync.WaitGroup
	for i, cmd := range cmds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			outs[i], err = cmd.CombinedOutput()
			if err != nil {
				t.Errorf("helper process %d: %v\n%s", i, err, outs[i])
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	checkNumbers(t, s, 200)
}

func TestDailySequenceRestartsOnNewDay(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	recv := func(in Intake) Dossier {
		t.Helper()
		d, err := s.Receive(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	// 23:59 and 00:01 Vietnam time are different days even though both are the same UTC day.
	a := recv(intake(t, s, "CT01", vn(2025, 6, 2, 16, 0)))
	b := recv(intake(t, s, "CT01", vn(2025, 6, 2, 23, 59)))
	c := recv(intake(t, s, "CT01", vn(2025, 6, 3, 0, 1)))
	d := recv(intake(t, s, "CT01", vn(2025, 6, 3, 8, 0)))
	for _, x := range []struct {
		got, want string
		book      int
		wantBook  int
	}{
		{a.Code, "HD001-250602-0001", a.BookNo, 1},
		{b.Code, "HD001-250602-0002", b.BookNo, 2},
		{c.Code, "HD001-250603-0001", c.BookNo, 3},
		{d.Code, "HD001-250603-0002", d.BookNo, 4},
	} {
		if x.got != x.want || x.book != x.wantBook {
			t.Errorf("code %s book %d, want %s book %d", x.got, x.book, x.want, x.wantBook)
		}
	}
}

func TestBookNumberRestartsOnFirstOfJanuary(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var got []Dossier
	// 31/12 23:30 +07 is still 2025; 1/1 00:10 +07 is 2026 (but 31/12 17:10 UTC).
	for _, at := range []struct{ y, m, d, hh, mm int }{{2025, 12, 31, 9, 0}, {2025, 12, 31, 23, 30}, {2026, 1, 1, 0, 10}, {2026, 1, 1, 0, 20}} {
		d, err := s.Receive(ctx, intake(t, s, "CT01", vn(at.y, time.Month(at.m), at.d, at.hh, at.mm)))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d)
	}
	want := []struct {
		code       string
		year, book int
	}{
		{"HD001-251231-0001", 2025, 1}, {"HD001-251231-0002", 2025, 2},
		{"HD001-260101-0001", 2026, 1}, {"HD001-260101-0002", 2026, 2},
	}
	for i, w := range want {
		if got[i].Code != w.code || got[i].BookYear != w.year || got[i].BookNo != w.book {
			t.Errorf("intake %d: %s book %d/%d, want %s book %d/%d", i+1, got[i].Code, got[i].BookNo, got[i].BookYear, w.code, w.book, w.year)
		}
	}
}

// The dossier code of Circular 03/2025 with the agency's electronic identifier as published
// (dots and letters); a changed identifier or pattern applies to new dossiers only, and the codes
// issued before stay valid: found by code, by search, usable in every action (issue 15).
func TestCodePatternWithDottedIdentifier(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	at := vn(2026, 12, 4, 9, 0)
	old := receive(t, s, intake(t, s, "HT04", at))
	if old.Code != "HD001-261204-0001" {
		t.Fatalf("code before the change %s", old.Code)
	}
	a, err := s.Agency(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a.Code = " 000.21.26.h26 "
	if err := s.SaveAgency(ctx, "admin", a); err != nil {
		t.Fatal(err)
	}
	d := receive(t, s, intake(t, s, "HT04", at.Add(time.Minute)))
	if d.Code != "000.21.26.H26-261204-0001" {
		t.Errorf("code %s, want 000.21.26.H26-261204-0001", d.Code)
	}
	// A longer sequence and a literal (the 2-digit system part of Circular 04/2025).
	a.Code, a.CodePattern = "000.21.26.H26", "{agency}-{yymmdd}-99{seq:5}"
	if err := s.SaveAgency(ctx, "admin", a); err != nil {
		t.Fatal(err)
	}
	d2 := receive(t, s, intake(t, s, "HT04", at.Add(2*time.Minute)))
	if d2.Code != "000.21.26.H26-261204-9900002" {
		t.Errorf("code %s, want 000.21.26.H26-261204-9900002", d2.Code)
	}
	for _, c := range []string{old.Code, strings.ToLower(d.Code), " " + d2.Code + " "} {
		got, err := s.Dossier(ctx, "", c)
		if err != nil {
			t.Errorf("Dossier(%q): %v", c, err)
			continue
		}
		found, err := s.SearchDossiers(ctx, "", c, 5)
		if err != nil || len(found) != 1 || found[0].Code != got.Code {
			t.Errorf("SearchDossiers(%q) = %v, %v", c, codes(found), err)
		}
		if _, err := s.PublicStatus(ctx, c); err != nil {
			t.Errorf("PublicStatus(%q): %v", c, err)
		}
	}
	// The old code still takes every action.
	if _, err := s.Handover(ctx, Action{Code: old.Code, By: "tiepnhan1", At: at.Add(time.Hour)}, "tuphap"); err != nil {
		t.Errorf("handover by the old code: %v", err)
	}
	if n, err := s.BookCount(ctx, BookFilter{Query: "000.21.26.h26"}); err != nil || n != 2 {
		t.Errorf("book search by the identifier: %d, %v; want 2", n, err)
	}
}

func TestParseCodePattern(t *testing.T) {
	toks, err := parseCodePattern(DefaultCodePattern)
	if err != nil {
		t.Fatal(err)
	}
	if got := formatCode(toks, "000.21.26.H26", "261204", 12345); got != "000.21.26.H26-261204-12345" {
		t.Errorf("5-digit sequence: %s", got)
	}
	for _, bad := range []string{"", "{agency}", "{agency}{yymmdd}", "{agency}-{yymmdd}-{seq:9}", "{agency}-{yymmdd}-{seq:x}",
		"{agency}-{yymmdd}-{seq}-{agency}", "{agency} {yymmdd}-{seq}", "{agency}-{yymmdd}-{seq}}", "hd-{agency}-{yymmdd}-{seq}"} {
		if _, err := parseCodePattern(bad); err == nil {
			t.Errorf("parseCodePattern(%q) accepted", bad)
		}
	}
}
