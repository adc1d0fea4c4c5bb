package store

import (
	"context"
	"errors"
	"testing"
)

func TestPrintingSettings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	p, err := s.Printing(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if p != (Printing{SlipPaper: "A5", BookPaper: "A4"}) {
		t.Errorf("default printing %+v, want A5 slips, A4 book, printed", p)
	}
	want := Printing{SlipPaper: "A4", BookPaper: "A3", OpenInstead: true}
	if err := s.SavePrinting(ctx, "admin", want); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Printing(ctx); got != want {
		t.Errorf("saved %+v, read back %+v", want, got)
	}
	if a, _ := s.Audit(ctx, "", AuditFilter{Entity: "printing", Limit: 1}); len(a) != 1 || a[0].By != "admin" {
		t.Errorf("audit of the change: %+v", a)
	}
	for _, c := range []struct {
		p     Printing
		field string
	}{
		{Printing{SlipPaper: "Letter", BookPaper: "A4"}, "slip_paper"},
		{Printing{SlipPaper: "A5", BookPaper: "A5"}, "book_paper"},
	} {
		err := s.SavePrinting(ctx, "admin", c.p)
		var ve *ValidationError
		if !errors.As(err, &ve) || string(ve.Field) != c.field {
			t.Errorf("SavePrinting(%+v) = %v, want an error on %s", c.p, err, c.field)
		}
	}
	if got, _ := s.Printing(ctx); got != want {
		t.Errorf("a refused change altered the settings: %+v", got)
	}
}

func TestAgencyColour(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if c, err := s.AgencyColour(ctx); err != nil || c != "" {
		t.Fatalf("colour of a new agency %q, %v; want none", c, err)
	}
	if err := s.SaveAgencyColour(ctx, "admin", " #B71C1C "); err != nil {
		t.Fatal(err)
	}
	if c, _ := s.AgencyColour(ctx); c != "#b71c1c" {
		t.Errorf("colour %q, want #b71c1c", c)
	}
	for _, bad := range []string{"đỏ", "#12345", "b71c1c", "#gg0000"} {
		var ve *ValidationError
		if err := s.SaveAgencyColour(ctx, "admin", bad); !errors.As(err, &ve) || ve.Field != "colour" {
			t.Errorf("colour %q: err %v, want one on colour", bad, err)
		}
	}
	if c, _ := s.AgencyColour(ctx); c != "#b71c1c" {
		t.Errorf("a refused colour changed it to %q", c)
	}
}
