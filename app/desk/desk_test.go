package desk

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/print"
	"motcua/store"
	"motcua/store/workday"
)

func newDesk(t *testing.T) (*Desk, store.Procedure) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	p, err := s.Procedure(ctx, "CT01")
	if err != nil {
		t.Fatal(err)
	}
	return New(s, dir), p
}

func intake(p store.Procedure, name string) store.Intake {
	return store.Intake{ProcedureID: p.ID, Name: name, IDNo: "001203004567", Phone: "0912345678",
		Address: "Hoài Đức", Documents: []store.ReceivedDocument{p.Documents[0].Received()}, ReceivedAt: time.Date(2026, 1, 26, 8, 15, 0, 0, workday.Loc), By: "tiepnhan1"}
}

func TestPrinterFailureKeepsTheDossier(t *testing.T) {
	d, p := newDesk(t)
	ctx := context.Background()
	var sent []string
	d.SetSender(func(_ context.Context, path, printer string) error {
		sent = append(sent, path)
		return errors.New("máy in hết giấy")
	})
	r, err := d.Receive(ctx, intake(p, "Nguyễn Văn An"))
	if err != nil {
		t.Fatalf("Receive: %v", err)
	}
	if r.PrintErr == nil || !strings.Contains(r.PrintErr.Error(), "hết giấy") {
		t.Errorf("PrintErr = %v, want the printer's failure", r.PrintErr)
	}
	if len(sent) != 1 || sent[0] != r.SlipPath {
		t.Errorf("sent %v, want the archived slip %s once", sent, r.SlipPath)
	}
	if _, err := d.Store.Dossier(ctx, "", r.Dossier.Code); err != nil {
		t.Errorf("the dossier is not stored after a printer failure: %v", err)
	}
	if fi, err := os.Stat(r.SlipPath); err != nil || fi.Size() == 0 {
		t.Errorf("the slip is not in the archive: %v", err)
	}
}

func TestSaveOnlyDoesNotPrint(t *testing.T) {
	d, p := newDesk(t)
	ctx := context.Background()
	a, _ := d.Store.Agency(ctx)
	a.SaveOnly = true
	if err := d.Store.SaveAgency(ctx, "admin", a); err != nil {
		t.Fatal(err)
	}
	d.SetSender(func(context.Context, string, string) error {
		t.Error("a save-only counter sent a slip to the printer")
		return nil
	})
	r, err := d.Receive(ctx, intake(p, "Trần Thị Bình"))
	if err != nil || r.PrintErr != nil {
		t.Fatalf("Receive: %v / %v", err, r.PrintErr)
	}
}

func TestSlipIsRedrawnWhenTheArchivedFileIsGone(t *testing.T) {
	d, p := newDesk(t)
	ctx := context.Background()
	d.SetSender(func(context.Context, string, string) error { return nil })
	r, err := d.Receive(ctx, intake(p, "Lê Văn Cường"))
	if err != nil {
		t.Fatal(err)
	}
	path, err := d.Slip(ctx, "", r.Dossier.Code)
	if err != nil || path != r.SlipPath {
		t.Fatalf("Slip = %q, %v; want the archived %q", path, err, r.SlipPath)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	path, err = d.Slip(ctx, "", r.Dossier.Code)
	if err != nil {
		t.Fatalf("Slip after the file was lost: %v", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() == 0 {
		t.Errorf("the slip was not drawn again: %v", err)
	}
	if _, err := d.Slip(ctx, "", "HD001-000000-9999"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Slip of an unknown code = %v, want ErrNotFound", err)
	}
}

// The intake's slip is recorded once, with the dossier; a slip cut short by a power cut (the
// archive file is not flushed before printing) is drawn again when it is asked for.
func TestSlipCutShortIsRedrawn(t *testing.T) {
	d, p := newDesk(t)
	ctx := context.Background()
	d.SetSender(func(context.Context, string, string) error { return nil })
	r, err := d.Receive(ctx, intake(p, "Phạm Thị Dung"))
	if err != nil || r.PrintErr != nil {
		t.Fatal(err, r.PrintErr)
	}
	slips, err := d.Store.Slips(ctx, "", r.Dossier.Code)
	if err != nil || len(slips) != 1 || slips[0].Form != "01" || slips[0].Path != r.SlipPath {
		t.Fatalf("slips on record %+v (%v); want the intake's one slip %s", slips, err, r.SlipPath)
	}
	whole, err := os.ReadFile(r.SlipPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range [][]byte{whole[:len(whole)/2], nil} {
		if err := os.WriteFile(r.SlipPath, cut, 0o600); err != nil {
			t.Fatal(err)
		}
		path, err := d.Slip(ctx, "", r.Dossier.Code)
		if err != nil {
			t.Fatal(err)
		}
		again, err := os.ReadFile(path)
		// Drawn again: about the same size (its creation time differs), ending as a PDF does.
		if err != nil || len(again) < len(whole)*9/10 || !strings.HasSuffix(strings.TrimSpace(string(again)), "%%EOF") {
			t.Errorf("a slip cut to %d bytes came back as %d bytes (%v); want it drawn whole (≈ %d bytes)", len(cut), len(again), err, len(whole))
		}
	}
}

// TestSatisfactionWithoutRatingsIsDashes: a period nobody rated shows "—" for every figure
// computed from ratings (levels, indices, score, band, rates), not "0,0" beside "100,0%".
func TestSatisfactionWithoutRatingsIsDashes(t *testing.T) {
	s := store.Satisfaction{Resolved: 4, Late: 0, Index766: 1, AgencyScore: 0, Indices: map[string]float64{}}
	for _, it := range SatisfactionItems(nil, s) {
		label, val := it[0], it[1]
		counts := label == print.DefaultLabels().Text("report.satisfaction.rated") ||
			label == print.DefaultLabels().Text("report.satisfaction.resolved") ||
			label == print.DefaultLabels().Text("report.satisfaction.late") ||
			label == print.DefaultLabels().Text("report.satisfaction.complaints") ||
			label == print.DefaultLabels().Text("report.satisfaction.late_rate") // of the dossiers resolved, not of ratings
		if !counts && val != "—" {
			t.Errorf("%s = %q with no ratings, want —", label, val)
		}
	}
	if got := LevelPct(s, store.LevelSatisfied); got != "—" {
		t.Errorf("chart bar text = %q", got)
	}
	s.Rated, s.Levels, s.LevelPct = 2, map[int]int{store.LevelSatisfied: 2}, map[int]float64{store.LevelSatisfied: 100}
	if got := LevelPct(s, store.LevelSatisfied); got != "100,0%" {
		t.Errorf("with ratings: %q", got)
	}
}
