package store

import (
	"context"
	"strings"
	"testing"
	"time"

	"motcua/store/workday"
)

func generated(t *testing.T, n int, seed uint64) (*Store, BulkStats) {
	t.Helper()
	s := openTest(t)
	end := vn(2026, time.March, 4, 10, 0)
	s.now = func() time.Time { return end }
	st, err := s.GenerateDemo(context.Background(), BulkDemo{Dossiers: n, Years: 1, Seed: seed, End: end})
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// TestGenerateDemoKeepsTheInvariants checks a generated book the way the store's own rules
// would: numbering, lifecycle columns against the events, timeliness, calendar and search.
func TestGenerateDemoKeepsTheInvariants(t *testing.T) {
	sqliteOnly(t)
	const n = 2000
	s, st := generated(t, n, 7)
	ctx := context.Background()
	if st.Dossiers != n || st.Events < 3*n {
		t.Fatalf("stats %+v: want %d dossiers and their events", st, n)
	}
	var count, codes int
	s.r.QueryRow(`SELECT COUNT(*), COUNT(DISTINCT code) FROM dossiers`).Scan(&count, &codes)
	if count != n || codes != n {
		t.Fatalf("%d dossiers with %d distinct codes; want %d", count, codes, n)
	}
	// Book numbers run 1..count in each year; the counters continue from there.
	rows, err := s.r.Query(`SELECT d.book_year, COUNT(*), MIN(book_no), MAX(book_no), c.last FROM dossiers d
		JOIN book_counters c ON c.year = d.book_year GROUP BY d.book_year`)
	if err != nil {
		t.Fatal(err)
	}
	years := 0
	for rows.Next() {
		var y, c, lo, hi, last int
		rows.Scan(&y, &c, &lo, &hi, &last)
		years++
		if lo != 1 || hi != c || last != c {
			t.Errorf("year %d: %d rows numbered %d..%d, counter %d; want 1..%d", y, c, lo, hi, last, c)
		}
	}
	rows.Close()
	if years != 2 {
		t.Errorf("a year back from March 2026 spans 2 book years, got %d", years)
	}
	var badDays int
	s.r.QueryRow(`SELECT COUNT(*) FROM day_counters c WHERE c.last != (SELECT COUNT(*) FROM dossiers d
		WHERE substr(d.code, 7, 6) = c.day)`).Scan(&badDays)
	if badDays != 0 {
		t.Errorf("%d day counters differ from the dossiers of their day", badDays)
	}
	// A new intake continues the numbering.
	d, err := s.Receive(ctx, Intake{ProcedureID: 1, Name: "Trần Thị Bích", IDNo: "001190012345", Phone: "0912345678",
		Address: "Số 1 Lê Lợi", Documents: []ReceivedDocument{{Name: "Đơn", Kind: "Bản chính", Count: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if d.BookYear != 2026 || d.BookNo <= 1 {
		t.Errorf("next intake numbered %d/%d", d.BookNo, d.BookYear)
	}
	var same int
	s.r.QueryRow(`SELECT COUNT(*) FROM dossiers WHERE book_year = 2026 AND book_no = ?`, d.BookNo).Scan(&same)
	if same != 1 {
		t.Errorf("book number %d given twice", d.BookNo)
	}

	cal, _ := s.Calendar(ctx)
	h := workday.DefaultHours()
	late, closed, statuses := 0, 0, map[Status]int{}
	family := map[string]int{}
	procs := map[string]int{}
	err = s.EachBook(ctx, BookFilter{}, func(d Dossier) error {
		if d.Code == "" || d.ID > n {
			return nil
		}
		statuses[d.Status]++
		procs[d.ProcedureCode]++
		family[strings.Fields(d.Name)[0]]++
		r := d.ReceivedAt
		clock := workday.Clock(r.Hour()*60 + r.Minute())
		if !cal.IsWorkingDay(r) || clock < h.Open || clock >= h.Close || (clock >= h.LunchStart && clock < h.LunchEnd) {
			t.Errorf("%s received outside office hours: %v", d.Code, r)
		}
		if got := cal.Due(r, d.Days, h); !got.Equal(d.OriginalDueAt) {
			t.Errorf("%s original due %v, calendar says %v", d.Code, d.OriginalDueAt, got)
		}
		evs, err := s.Events(ctx, "", d.Code)
		if err != nil {
			return err
		}
		if evs[0].Kind != "receive" || !evs[0].At.Equal(d.ReceivedAt) {
			t.Errorf("%s first event %s at %v", d.Code, evs[0].Kind, evs[0].At)
		}
		for i := 1; i < len(evs); i++ {
			if evs[i].FromStatus != evs[i-1].ToStatus || evs[i].At.Before(evs[i-1].At) || !CanDo(evs[i].Kind, evs[i].FromStatus) ||
				transitions[evs[i].Kind][evs[i].FromStatus] != evs[i].ToStatus {
				t.Errorf("%s event %d %s %d→%d at %v does not follow %d at %v", d.Code, i, evs[i].Kind, evs[i].FromStatus, evs[i].ToStatus,
					evs[i].At, evs[i-1].ToStatus, evs[i-1].At)
			}
		}
		if last := evs[len(evs)-1]; last.ToStatus != d.Status {
			t.Errorf("%s status %d, last event leads to %d", d.Code, d.Status, last.ToStatus)
		}
		end := d.EndAt()
		switch d.Status {
		case StatusReturned:
			if d.ResolvedAt.IsZero() || d.ReturnedAt.Before(d.ResolvedAt) || d.Recipient != d.Name {
				t.Errorf("%s returned without its resolution or recipient: %+v", d.Code, d)
			}
		case StatusResolved:
			if d.ResolvedAt.IsZero() || !d.ReturnedAt.IsZero() {
				t.Errorf("%s resolved columns %v %v", d.Code, d.ResolvedAt, d.ReturnedAt)
			}
		case StatusRefused, StatusWithdrawn, StatusStopped:
			if d.EndedAt.IsZero() {
				t.Errorf("%s ended without ended_at", d.Code)
			}
		default:
			if !end.IsZero() {
				t.Errorf("%s open in status %d but ended at %v", d.Code, d.Status, end)
			}
		}
		if d.Status != StatusReceived && d.Status != StatusRefused && d.TransferredAt.IsZero() {
			t.Errorf("%s in status %d never handed over", d.Code, d.Status)
		}
		if !end.IsZero() {
			closed++
			if d.Judged() && TimelinessAt(end, d.DueAt) == TimelyLate { // refused, withdrawn, stopped: no timeliness
				late++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Who resolved and "early" agree with the history, as the lifecycle keeps them.
	var wrongResolver, wrongEarly int
	s.r.QueryRow(`SELECT COUNT(*) FROM dossiers d WHERE resolved_by IS NOT (SELECT by_id FROM dossier_events e
		WHERE e.dossier_id = d.id AND e.kind = 'resolve')`).Scan(&wrongResolver)
	s.r.QueryRow(`SELECT COUNT(*) FROM dossiers WHERE early != (resolved_at IS NOT NULL AND date(closed_at, '+7 hours') < date(due_at, '+7 hours'))`).
		Scan(&wrongEarly)
	if wrongResolver != 0 || wrongEarly != 0 {
		t.Errorf("%d dossiers name another resolver than their resolve event, %d have a wrong early flag", wrongResolver, wrongEarly)
	}
	var flagged int
	s.r.QueryRow(`SELECT COUNT(*) FROM dossiers WHERE late = 1`).Scan(&flagged)
	if flagged != late || flagged != st.Late {
		t.Errorf("late flag on %d dossiers, %d closed late by their times, stats say %d", flagged, late, st.Late)
	}
	if share := float64(late) / float64(closed); share < 0.04 || share > 0.10 {
		t.Errorf("%.1f%% closed late; want a realistic 5–8%%", 100*share)
	}
	if statuses[StatusReturned] < n*8/10 || statuses[StatusRefused] == 0 || statuses[StatusReceived]+statuses[StatusProcessing] == 0 {
		t.Errorf("statuses %v: want mostly returned, some refused, the last ones still open", statuses)
	}
	if share := float64(family["Nguyễn"]) / n; share < 0.32 || share > 0.44 {
		t.Errorf("Nguyễn is %.0f%% of applicants; want about 38%%", 100*share)
	}
	for c, k := range procs {
		if c != "CT01" && k >= procs["CT01"] {
			t.Errorf("%s (%d) as common as certified copies CT01 (%d)", c, k, procs["CT01"])
		}
	}

	// Search finds generated applicants without diacritics, by CCCD and by phone.
	var name, idno, phone, code string
	s.r.QueryRow(`SELECT name, idno, phone, code FROM dossiers WHERE name LIKE 'Đặng %' LIMIT 1`).Scan(&name, &idno, &phone, &code)
	if name == "" {
		t.Fatal("no Đặng among 2000 applicants")
	}
	for _, q := range []string{fold(name), idno, phone, strings.ToLower(code)} {
		found, err := s.SearchDossiers(ctx, "", q, 50)
		if err != nil {
			t.Fatal(err)
		}
		ok := false
		for _, f := range found {
			ok = ok || f.Code == code
		}
		if !ok {
			t.Errorf("search %q did not find %s (%s)", q, code, name)
		}
	}
	// About 40 % of returned dossiers were rated at the kiosk, after their return.
	ratings, err := s.Ratings(ctx, "chutich", vn(2025, time.January, 1, 0, 0), vn(2026, time.December, 31, 0, 0), "")
	if err != nil {
		t.Fatal(err)
	}
	if share := float64(len(ratings)) / float64(statuses[StatusReturned]); share < 0.3 || share > 0.5 || len(ratings) != st.Ratings {
		t.Errorf("%d ratings (stats %d) for %d returned dossiers; want about 40%%", len(ratings), st.Ratings, statuses[StatusReturned])
	}
	for _, r := range ratings[:min(len(ratings), 100)] {
		d, err := s.Dossier(ctx, "", r.Code)
		if err != nil || d.Status != StatusReturned || r.At.Before(d.ReturnedAt) || r.Official != d.ReceivedBy || r.Anonymous {
			t.Errorf("rating %+v of dossier %+v (%v)", r, d.Code, err)
		}
	}
	// The lifecycle code accepts the generated open dossiers.
	var open string
	s.r.QueryRow(`SELECT code FROM dossiers WHERE status = ? AND pending_to_id IS NULL ORDER BY id DESC LIMIT 1`, StatusProcessing).Scan(&open)
	if open != "" {
		if _, err := s.Resolve(ctx, Action{Code: open, By: "tuphap"}); err != nil {
			t.Errorf("resolve generated %s: %v", open, err)
		}
	}
}

func TestGenerateDemoIsDeterministic(t *testing.T) {
	sqliteOnly(t)
	sum := func(s *Store) string {
		var out string
		s.r.QueryRow(`SELECT group_concat(code || name || idno || phone || status || due_at, ',') FROM dossiers`).Scan(&out)
		return out
	}
	a, _ := generated(t, 300, 42)
	b, _ := generated(t, 300, 42)
	c, _ := generated(t, 300, 43)
	if sum(a) != sum(b) {
		t.Error("the same seed gave different data")
	}
	if sum(a) == sum(c) {
		t.Error("another seed gave the same data")
	}
}

func TestGenerateDemoRefusesAFilledBook(t *testing.T) {
	sqliteOnly(t)
	s, _ := generated(t, 10, 1)
	if _, err := s.GenerateDemo(context.Background(), BulkDemo{Dossiers: 10, Years: 1}); err == nil {
		t.Error("a second generation on a filled book was accepted")
	}
}
