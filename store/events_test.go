package store

import (
	"context"
	"reflect"
	"testing"
)

func TestIntakeEventAndAppendOnly(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	at := vn(2025, 6, 2, 9, 0)
	d := receive(t, s, intake(t, s, "HT01", at))
	es, err := s.Events(ctx, "", d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 {
		t.Fatalf("%d events, want 1", len(es))
	}
	e := es[0]
	if e.Kind != "receive" || e.FromStatus != 0 || e.ToStatus != StatusReceived || e.By != "tiepnhan1" ||
		e.ByName != "Nguyễn Thị Lan" || !e.At.Equal(at) || e.RecordedAt.Before(at) {
		t.Errorf("event %+v", e)
	}
	for _, q := range []string{
		`UPDATE dossier_events SET note = 'sửa' WHERE id = 1`,
		`DELETE FROM dossier_events`,
		`DELETE FROM dossiers`,
		`UPDATE dossiers SET book_no = 99`,
		`UPDATE dossiers SET code = 'X'`,
		`UPDATE audit SET by_login = 'x'`,
		`DELETE FROM audit`,
	} {
		if _, err := s.w.Exec(q); err == nil {
			t.Errorf("%s succeeded; the record must be append-only", q)
		}
	}
	es2, _ := s.Events(ctx, "", d.Code)
	if len(es2) != 1 || !reflect.DeepEqual(es2[0], e) {
		t.Errorf("events changed: %+v", es2)
	}
	if _, err := s.Events(ctx, "", "HD001-000000-0000"); err == nil {
		t.Error("Events of an unknown code gave no error")
	}
}

func TestSlipsArchive(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, intake(t, s, "HT01", vn(2025, 6, 2, 9, 0)))
	if err := s.RecordSlip(ctx, "", d.Code, "01", "/data/archive/a.pdf"); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordSlip(ctx, "", d.Code, "01", "/data/archive/b.pdf"); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordSlip(ctx, "", d.Code, "1", "/x.pdf"); err == nil {
		t.Error("form \"1\" accepted")
	}
	if err := s.RecordSlip(ctx, "", "HD001-000000-0000", "01", "/x.pdf"); err == nil {
		t.Error("slip for an unknown dossier accepted")
	}
	sl, err := s.Slips(ctx, "", d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if len(sl) != 2 || sl[0].Path != "/data/archive/a.pdf" || sl[1].Path != "/data/archive/b.pdf" || sl[0].Form != "01" || sl[0].At.IsZero() {
		t.Errorf("slips %+v", sl)
	}
}
