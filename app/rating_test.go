package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"motcua/store"
)

func TestIntakePromptsTheKioskAndTheRatingArrives(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	ctx := context.Background()
	r := receive(t, u)

	// The intake asked the counter's kiosk to rate the official who served, for this dossier.
	counter, _ := s.Counter(ctx)
	p, ok, err := s.OpenPrompt(ctx, counter)
	if err != nil || !ok || p.Official != u.actorLogin() || p.Code != r.Dossier.Code {
		t.Fatalf("open prompt = %+v, %v, %v; want %s for %s", p, ok, err, u.actorLogin(), r.Dossier.Code)
	}
	if !u.rating.status.Visible() || !strings.Contains(u.rating.status.Text, "Chờ đánh giá") {
		t.Errorf("status %q, want the window to say it waits for the rating", u.rating.status.Text)
	}
	u.rating.check()
	if !strings.Contains(u.rating.status.Text, "Chờ đánh giá") {
		t.Errorf("before the citizen taps, the status says %q", u.rating.status.Text)
	}

	// The citizen taps "Rất hài lòng" on the kiosk; the official sees it arrive.
	if _, err := s.Rate(ctx, store.Rating{PromptID: p.ID, Counter: counter, Level: store.LevelVerySatisfied}); err != nil {
		t.Fatal(err)
	}
	u.rating.check()
	if u.rating.status.Text != "Đánh giá: Rất hài lòng" {
		t.Errorf("after the rating the status says %q", u.rating.status.Text)
	}
}

func TestAskForRatingButtonPromptsWithoutDossier(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	ctx := context.Background()
	test.Tap(u.rating.button)
	counter, _ := s.Counter(ctx)
	p, ok, err := s.OpenPrompt(ctx, counter)
	if err != nil || !ok || p.Code != "" || p.Official != u.actorLogin() {
		t.Fatalf("open prompt after “Mời đánh giá” = %+v, %v, %v", p, ok, err)
	}
}
