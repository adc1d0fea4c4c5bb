package store

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// clockAt pins the store's clock; the returned func moves it.
func clockAt(s *Store, t time.Time) func(time.Duration) {
	cur := t
	s.now = func() time.Time { return cur }
	return func(d time.Duration) { cur = cur.Add(d) }
}

func TestRatePromptedStoresOfficialDossierAndCounter(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, intake(t, s, "CT01", vn(2025, 6, 2, 9, 15)))
	move := clockAt(s, vn(2025, 6, 2, 9, 20))

	if _, ok, err := s.OpenPrompt(ctx, "Quầy 1"); err != nil || ok {
		t.Fatalf("OpenPrompt before any prompt = %v, %v; want none", ok, err)
	}
	p, err := s.PromptRating(ctx, "tiepnhan1", strings.ToLower(d.Code), "")
	if err != nil {
		t.Fatal(err)
	}
	want := RatingPrompt{ID: p.ID, Official: "tiepnhan1", OfficialName: "Nguyễn Thị Lan", Counter: "Quầy 1",
		Code: d.Code, Procedure: "Chứng thực bản sao từ bản chính", CreatedAt: vn(2025, 6, 2, 9, 20)}
	if !p.CreatedAt.Equal(want.CreatedAt) {
		t.Errorf("CreatedAt = %v, want %v", p.CreatedAt, want.CreatedAt)
	}
	p.CreatedAt = want.CreatedAt
	if p != want {
		t.Errorf("PromptRating = %+v\nwant %+v", p, want)
	}
	open, ok, err := s.OpenPrompt(ctx, "Quầy 1")
	if err != nil || !ok || open.ID != p.ID {
		t.Fatalf("OpenPrompt = %+v, %v, %v; want prompt %d", open, ok, err, p.ID)
	}
	if _, ok, _ := s.OpenPrompt(ctx, "Quầy 2"); ok {
		t.Error("another counter's kiosk sees the prompt")
	}

	if _, answered, err := s.PromptAnswer(ctx, p.ID); err != nil || answered {
		t.Errorf("PromptAnswer before the citizen taps = %v, %v; want none", answered, err)
	}
	move(40 * time.Second)
	r, err := s.Rate(ctx, Rating{PromptID: p.ID, Counter: "Quầy 1", Level: LevelVerySatisfied,
		Criteria: map[string]int{"time": 2, "attitude": 1}, Conduct: []string{"cam_on", "chao_hoi", "cam_on"}})
	if err != nil {
		t.Fatal(err)
	}
	if r.Official != "tiepnhan1" || r.Code != d.Code || r.Counter != "Quầy 1" || r.Anonymous || r.PromptID != p.ID {
		t.Errorf("rating = %+v, want tiepnhan1's, for %s at Quầy 1, not anonymous", r, d.Code)
	}
	if !reflect.DeepEqual(r.Conduct, []string{"cam_on", "chao_hoi"}) {
		t.Errorf("conduct = %v, want the two chips once each", r.Conduct)
	}
	// The official's window sees the answer arrive.
	if got, answered, err := s.PromptAnswer(ctx, p.ID); err != nil || !answered || got.ID != r.ID || got.Level != LevelVerySatisfied {
		t.Errorf("PromptAnswer = %+v, %v, %v; want rating %d", got, answered, err, r.ID)
	}
	if !reflect.DeepEqual(r.Criteria, map[string]int{"time": 2, "attitude": 1}) {
		t.Errorf("criteria = %v", r.Criteria)
	}
	if !r.At.Equal(vn(2025, 6, 2, 9, 20).Add(40 * time.Second)) {
		t.Errorf("At = %v", r.At)
	}
	// Once rated, the kiosk has nothing to show.
	if _, ok, _ := s.OpenPrompt(ctx, "Quầy 1"); ok {
		t.Error("a rated prompt is still open")
	}
	all, err := s.Ratings(ctx, "chutich", vn(2025, 6, 2, 0, 0), vn(2025, 6, 3, 0, 0), "TIEPNHAN1")
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || !reflect.DeepEqual(all[0], r) {
		t.Errorf("Ratings = %+v, want [%+v]", all, r)
	}
	if other, _ := s.Ratings(ctx, "chutich", vn(2025, 6, 2, 0, 0), vn(2025, 6, 3, 0, 0), "tiepnhan2"); len(other) != 0 {
		t.Errorf("tiepnhan2 has %d ratings, want 0", len(other))
	}
	if later, _ := s.Ratings(ctx, "chutich", vn(2025, 6, 3, 0, 0), vn(2025, 6, 4, 0, 0), ""); len(later) != 0 {
		t.Errorf("the next day has %d ratings, want 0", len(later))
	}
}

func TestRateTwiceForOnePromptStoresOneRating(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p, err := s.PromptRating(ctx, "tiepnhan2", "", "")
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.Rate(ctx, Rating{PromptID: p.ID, Counter: p.Counter, Level: LevelSatisfied})
	if err != nil {
		t.Fatal(err)
	}
	// The bounce answers differently: the first answer stands.
	second, err := s.Rate(ctx, Rating{PromptID: p.ID, Counter: p.Counter, Level: LevelDissatisfied, Comment: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if second.ID != first.ID || second.Level != LevelSatisfied || second.Comment != "" {
		t.Errorf("second Rate = %+v, want the first rating %+v", second, first)
	}
	if n := rowCount(t, s, "ratings"); n != 1 {
		t.Errorf("%d ratings stored, want 1", n)
	}
}

func TestPromptReplacesUnusedPromptAndExpires(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	move := clockAt(s, vn(2025, 6, 2, 10, 0))
	a, _ := s.PromptRating(ctx, "tiepnhan1", "", "")
	b, err := s.PromptRating(ctx, "tiepnhan2", "", "")
	if err != nil {
		t.Fatal(err)
	}
	open, ok, _ := s.OpenPrompt(ctx, "Quầy 1")
	if !ok || open.ID != b.ID || open.Official != "tiepnhan2" {
		t.Errorf("open prompt = %+v, want the newer one (%d, tiepnhan2), not %d", open, b.ID, a.ID)
	}
	move(31 * time.Minute)
	if _, ok, _ := s.OpenPrompt(ctx, "Quầy 1"); ok {
		t.Error("a prompt 31 minutes old is still shown")
	}
}

// Several counters on one database (issue 10): each PC passes its own counter's name; a prompt
// made at Quầy 2 is shown on Quầy 2's kiosk only and leaves Quầy 1's open prompt alone.
func TestPromptsOfSeveralCounters(t *testing.T) {
	s := openTest(t)
	other := openAgain(t, s) // the second counter's PC
	ctx := context.Background()
	one, err := s.PromptRating(ctx, "tiepnhan1", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if one.Counter != "Quầy 1" {
		t.Errorf("a PC without a counter name prompted %q, want the store's default Quầy 1", one.Counter)
	}
	two, err := other.PromptRating(ctx, "tiepnhan2", "", " Quầy  2")
	if err != nil {
		t.Fatal(err)
	}
	if two.Counter != "Quầy 2" {
		t.Errorf("prompt's counter = %q, want Quầy 2", two.Counter)
	}
	for counter, want := range map[string]RatingPrompt{"Quầy 1": one, "Quầy 2": two} {
		for _, st := range []*Store{s, other} {
			p, ok, err := st.OpenPrompt(ctx, counter)
			if err != nil || !ok || p.ID != want.ID || p.Official != want.Official {
				t.Errorf("%s's kiosk shows %+v (%v, %v), want %s's prompt %d", counter, p, ok, err, want.Official, want.ID)
			}
		}
	}
	if _, err := s.PromptRating(ctx, "tiepnhan1", "", strings.Repeat("Q", 51)); err == nil {
		t.Error("a counter name of 51 characters was accepted")
	}
}

func TestRateRefusesAnotherCountersPrompt(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p, err := s.PromptRating(ctx, "tiepnhan1", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetCounter(ctx, "admin", "Quầy  2 "); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.Counter(ctx); c != "Quầy 2" {
		t.Errorf("Counter = %q, want Quầy 2", c)
	}
	q, _ := s.PromptRating(ctx, "tiepnhan2", "", "")
	if q.Counter != "Quầy 2" {
		t.Errorf("new prompt's counter = %q, want Quầy 2", q.Counter)
	}
	for _, counter := range []string{"Quầy 2", ""} {
		_, err = s.Rate(ctx, Rating{PromptID: p.ID, Counter: counter, Level: LevelVerySatisfied})
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != "counter" {
			t.Errorf("Rate of Quầy 1's prompt from %q: %v, want a counter error", counter, err)
		}
	}
	if _, err := s.Rate(ctx, Rating{PromptID: 9999, Counter: "Quầy 2", Level: 1}); err == nil {
		t.Error("Rate of a prompt that does not exist was accepted")
	}
	if n := rowCount(t, s, "ratings"); n != 0 {
		t.Errorf("%d ratings stored, want 0", n)
	}
	if _, err := s.PromptRating(ctx, "", "", ""); err == nil {
		t.Error("a prompt for no official was accepted")
	}
	if _, err := s.PromptRating(ctx, "tiepnhan1", "HD001-991231-9999", ""); err == nil {
		t.Error("a prompt for a dossier that does not exist was accepted")
	}
}

func TestAnonymousRating(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	move := clockAt(s, vn(2025, 6, 2, 10, 0))
	r, err := s.Rate(ctx, Rating{Level: LevelDissatisfied, Reasons: []string{"cho_lau"}, Comment: "Chờ  hơi lâu",
		Official: "tiepnhan1", Code: "HD001-250602-0001"})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Anonymous || r.Official != "" || r.Code != "" || r.PromptID != 0 || r.Counter != "Quầy 1" {
		t.Errorf("unprompted rating = %+v, want anonymous at Quầy 1 with no official or dossier", r)
	}
	if r.Comment != "Chờ hơi lâu" || !reflect.DeepEqual(r.Reasons, []string{"cho_lau"}) {
		t.Errorf("comment/reasons = %q %v", r.Comment, r.Reasons)
	}
	// A bounce (the same answer within 2 s) is the same rating; a later one is a new person.
	move(time.Second)
	again, _ := s.Rate(ctx, Rating{Level: LevelDissatisfied, Reasons: []string{"cho_lau"}, Comment: "Chờ hơi lâu"})
	if again.ID != r.ID {
		t.Errorf("a bounce 1 s later stored rating %d, want the first (%d)", again.ID, r.ID)
	}
	move(5 * time.Second)
	next, _ := s.Rate(ctx, Rating{Level: LevelDissatisfied, Reasons: []string{"cho_lau"}, Comment: "Chờ hơi lâu"})
	if next.ID == r.ID {
		t.Error("an identical rating 6 s later was taken as a bounce")
	}
	if got, _ := s.Ratings(ctx, "chutich", vn(2025, 6, 2, 0, 0), vn(2025, 6, 3, 0, 0), ""); len(got) != 2 {
		t.Errorf("%d ratings, want 2", len(got))
	}
}

func TestRatingConstraints(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for _, c := range []struct {
		r     Rating
		field string
	}{
		{Rating{Level: 3}, "level"},
		{Rating{Level: -1}, "level"},
		{Rating{Level: 1, Criteria: map[string]int{"speed": 2}}, "criteria"},
		{Rating{Level: 1, Criteria: map[string]int{"time": 3}}, "criteria"},
		{Rating{Level: 1, Conduct: []string{"smile"}}, "conduct"},
		{Rating{Level: 0, Reasons: []string{"vi_sao"}}, "reasons"},
		{Rating{Level: 0, Comment: strings.Repeat("ạ", 501)}, "comment"},
		{Rating{Level: 0, Comment: "xin\x00chào"}, "comment"},
		{Rating{Level: 0, Comment: "a\u200db"}, "comment"},
	} {
		_, err := s.Rate(ctx, c.r)
		var ve *ValidationError
		if !errors.As(err, &ve) || string(ve.Field) != c.field {
			t.Errorf("Rate(%+v) = %v, want an error on %q", c.r, err, c.field)
		} else if ve.Message == "" || !strings.ContainsAny(ve.Message, "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ") {
			t.Errorf("message %q is not Vietnamese", ve.Message)
		}
	}
	// 500 runes (NFD input is composed first) is the limit.
	nfd := strings.Repeat("a\u0323", 500) // "ạ" decomposed
	r, err := s.Rate(ctx, Rating{Level: 0, Comment: nfd})
	if err != nil {
		t.Fatalf("a 500-letter NFD comment was refused: %v", err)
	}
	if r.Comment != strings.Repeat("ạ", 500) {
		t.Error("the comment was not stored NFC")
	}
	if n := rowCount(t, s, "ratings"); n != 1 {
		t.Errorf("%d ratings stored, want 1", n)
	}
	// The tables are append-only.
	if _, err := s.PromptRating(ctx, "tiepnhan1", "", ""); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`UPDATE ratings SET level = 2`, `DELETE FROM ratings`,
		`UPDATE rating_prompts SET counter = 'x'`, `DELETE FROM rating_prompts`} {
		if _, err := s.w.ExecContext(ctx, q); err == nil {
			t.Errorf("%s succeeded", q)
		}
	}
	// The schema refuses a level the Go code would not write.
	if _, err := s.w.ExecContext(ctx, `INSERT INTO ratings(at, counter, level, anonymous) VALUES ('2025-06-02T03:00:00.000Z', 'Quầy 1', 5, 1)`); err == nil {
		t.Error("the schema accepted level 5")
	}
}

func TestLevelAndChoiceNames(t *testing.T) {
	for level, want := range map[int]string{2: "Rất hài lòng", 1: "Hài lòng", 0: "Không hài lòng", 3: ""} {
		if got := LevelName(level); got != want {
			t.Errorf("LevelName(%d) = %q, want %q", level, got, want)
		}
	}
	if len(ConductChips) != 8 {
		t.Errorf("%d conduct chips, want the 8 of \"4 xin, 4 luôn\"", len(ConductChips))
	}
	if ChoiceName("attitude") != "Thái độ của công chức" || ChoiceName("nope") != "" {
		t.Error("ChoiceName does not name the attitude criterion")
	}
}

func rowCount(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.r.QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestKioskPINIsAnOfficialsPIN(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	for pin, want := range map[string]bool{DemoPINs["tiepnhan1"]: true, DemoPINs["chutich"]: true, "000000": false, "24681": false, "": false} {
		if ok, err := s.CheckKioskPIN(ctx, pin); ok != want || err != nil {
			t.Errorf("CheckKioskPIN(%q) = %v, %v; want %v", pin, ok, err, want)
		}
	}
	// An inactive official's PIN no longer opens it.
	if err := s.SetActive(ctx, "admin", "chutich", false); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.CheckKioskPIN(ctx, DemoPINs["chutich"]); ok {
		t.Error("an inactive official's PIN opened the kiosk")
	}
	// Guessing is throttled on the kiosk, not on the officials' own logins.
	for i := 0; i < 5; i++ {
		s.CheckKioskPIN(ctx, "999990")
	}
	var le *LockedError
	if _, err := s.CheckKioskPIN(ctx, DemoPINs["tiepnhan1"]); !errors.As(err, &le) {
		t.Errorf("after 5 wrong PINs the kiosk answers %v, want a lock", err)
	}
	if _, err := s.QuickSwitch(ctx, "tiepnhan1", DemoPINs["tiepnhan1"]); err != nil {
		t.Errorf("the official's own PIN login was locked by the kiosk's guesses: %v", err)
	}
}
