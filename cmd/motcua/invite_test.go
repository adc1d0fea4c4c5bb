package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"motcua/store"
)

// TestInviteSendsTheKioskAPrompt: `motcua invite` makes the prompt the counter's kiosk shows
// (store.OpenPrompt, what the kiosk polls), as "Mời đánh giá" does, and prints it as JSON.
func TestInviteSendsTheKioskAPrompt(t *testing.T) {
	dir := demoFolder(t)
	proc := procedureCode(t, dir, "Chứng thực bản sao")
	out, stderr, code := motcua(t, dir, "receive", "-procedure", proc, "-name", "Nguyễn Văn An",
		"-idno", "001203004567", "-phone", "0912345678", "-address", "Số 5 ngõ 10")
	if code != 0 {
		t.Fatalf("receive: exit %d: %s", code, stderr)
	}
	var rec receiveResult
	json.Unmarshal([]byte(out), &rec)

	out, stderr, code = motcua(t, dir, "-by", "tiepnhan1", "invite", "-official", "tiepnhan1", "-code", rec.Code)
	if code != 0 {
		t.Fatalf("invite: exit %d: %s", code, stderr)
	}
	var p promptJSON
	if err := json.Unmarshal([]byte(out), &p); err != nil {
		t.Fatalf("invite output is not JSON: %v\n%s", err, out)
	}
	if p.ID == 0 || p.Official != "tiepnhan1" || p.OfficialName != "Nguyễn Thị Lan" || p.Code != rec.Code ||
		p.Counter != "Quầy 1" || p.Procedure == "" || p.CreatedAt == "" {
		t.Errorf("prompt %+v", p)
	}
	out, stderr, code = motcua(t, dir, "-by", "tiepnhan2", "invite", "-official", "tiepnhan2", "-counter", "Quầy 2")
	if code != 0 {
		t.Fatalf("invite -counter: exit %d: %s", code, stderr)
	}
	var p2 promptJSON
	json.Unmarshal([]byte(out), &p2)

	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	open, ok, err := s.OpenPrompt(ctx, "Quầy 1")
	if err != nil || !ok || open.ID != p.ID || open.Code != rec.Code {
		t.Errorf("Quầy 1's kiosk sees %+v, %v, %v; want prompt %d", open, ok, err, p.ID)
	}
	open, ok, err = s.OpenPrompt(ctx, "Quầy 2")
	if err != nil || !ok || open.ID != p2.ID || open.Official != "tiepnhan2" || p2.Counter != "Quầy 2" {
		t.Errorf("Quầy 2's kiosk sees %+v, %v, %v; want prompt %d", open, ok, err, p2.ID)
	}
	// The citizen's answer to it counts for the official invited.
	r, err := s.Rate(ctx, store.Rating{PromptID: p.ID, Counter: "Quầy 1", Level: store.LevelSatisfied})
	if err != nil || r.Official != "tiepnhan1" || r.Code != rec.Code || r.Anonymous {
		t.Errorf("rating of the invite: %+v, %v", r, err)
	}

	for _, bad := range [][]string{
		{"invite"},
		{"invite", "-official", "nobody"},
		{"-by", "tiepnhan1", "invite", "-official", "tiepnhan1", "-code", "HD001-000000-0000"},
		{"-by", "tiepnhan1", "invite", "-official", "tiepnhan1", "-counter", strings.Repeat("Q", 60)},
		{"-by", "tiepnhan1", "invite", "-official", "tiepnhan2"}, // only for oneself, as the window's button
	} {
		if _, stderr, code := motcua(t, dir, bad...); code != exitUsage {
			t.Errorf("%v: exit %d (%s), want %d", bad[:min(len(bad), 3)], code, stderr, exitUsage)
		}
	}
}
