package store

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
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
