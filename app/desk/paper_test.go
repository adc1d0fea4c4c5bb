package desk

import (
	"context"
	"reflect"
	"testing"

	"motcua/print/printer"
	"motcua/store"
)

// printed records what reached the printer (path, printer, paper) or the viewer.
type printed struct {
	jobs   [][3]string
	opened []string
}

func fakePrinting(d *Desk) *printed {
	p := &printed{}
	d.sendWith = func(_ context.Context, path, name string, o printer.Options) error {
		p.jobs = append(p.jobs, [3]string{path, name, o.Media})
		return nil
	}
	d.open = func(path string) error { p.opened = append(p.opened, path); return nil }
	return p
}

func TestPaperFollowsTheSettings(t *testing.T) {
	d, proc := newDesk(t)
	ctx := context.Background()
	got := fakePrinting(d)
	ag, _ := d.Store.Agency(ctx)
	ag.Printer = "Quay_1"
	if err := d.Store.SaveAgency(ctx, "admin", ag); err != nil {
		t.Fatal(err)
	}

	// Defaults: the A5 slip on A5, the A4 test page on A4, both to the agency's printer.
	r, err := d.Receive(ctx, intake(proc, "Nguyễn Văn An"))
	if err != nil || r.PrintErr != nil {
		t.Fatal(err, r.PrintErr)
	}
	a4, err := d.TestPage(ctx, "A4")
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Print(ctx, a4); err != nil {
		t.Fatal(err)
	}
	want := [][3]string{{r.SlipPath, "Quay_1", "A5"}, {a4, "Quay_1", "A4"}}
	if !reflect.DeepEqual(got.jobs, want) {
		t.Fatalf("jobs %q, want %q", got.jobs, want)
	}

	// A counter with only A4 paper prints its slips on A4; the book goes to A3.
	if err := d.Store.SavePrinting(ctx, "admin", store.Printing{SlipPaper: "A4", BookPaper: "A3"}); err != nil {
		t.Fatal(err)
	}
	a5, err := d.TestPage(ctx, "A5")
	if err != nil {
		t.Fatal(err)
	}
	got.jobs = nil
	if err := d.Print(ctx, a5); err != nil {
		t.Fatal(err)
	}
	if err := d.Print(ctx, a4); err != nil {
		t.Fatal(err)
	}
	want = [][3]string{{a5, "Quay_1", "A4"}, {a4, "Quay_1", "A3"}}
	if !reflect.DeepEqual(got.jobs, want) {
		t.Fatalf("jobs %q, want %q", got.jobs, want)
	}

	// "Mở PDF thay vì in": nothing goes to the printer, the PDF opens.
	if err := d.Store.SavePrinting(ctx, "admin", store.Printing{SlipPaper: "A5", BookPaper: "A4", OpenInstead: true}); err != nil {
		t.Fatal(err)
	}
	got.jobs = nil
	if err := d.Print(ctx, a5); err != nil {
		t.Fatal(err)
	}
	if len(got.jobs) != 0 || !reflect.DeepEqual(got.opened, []string{a5}) {
		t.Errorf("open instead: jobs %q, opened %q; want only %s opened", got.jobs, got.opened, a5)
	}
}
