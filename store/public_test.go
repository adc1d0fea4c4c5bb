package store

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func TestMaskName(t *testing.T) {
	for in, want := range map[string]string{
		"Nguyễn Văn An":               "Nguyễn V. A.",
		"Trần Thị Ngọc Ánh":           "Trần T. N. Á.",
		"Lê An":                       "Lê A.",
		"An":                          "A.",
		"  đặng   văn   nam ":         "đặng V. N.",
		"Nguyễn V. A.":                "Nguyễn V. A.",
		"":                            "",
		"   ":                         "",
		norm.NFD.String("Đỗ Ưng Ước"): "Đỗ Ư. Ư.",
		"Ê-đê Y Bih":                  "Ê-đê Y. B.",
	} {
		got := MaskName(in)
		if got != want {
			t.Errorf("MaskName(%q) = %q, want %q", in, got, want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("MaskName(%q) = %q is not NFC", in, got)
		}
	}
}

func TestPublicStatusShowsNoPersonalData(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	in := intake(t, s, "HT03", vn(2025, 6, 2, 9, 15))
	in.Name = norm.NFD.String("Phạm Thị Hồng Nhung")
	in.Email = "nhung@example.com"
	d := receive(t, s, in)
	clockAt(s, vn(2025, 6, 2, 10, 0))

	p, err := s.PublicStatus(ctx, " "+strings.ToLower(d.Code)+" ")
	if err != nil {
		t.Fatal(err)
	}
	if p.Code != d.Code || p.Name != "Phạm T. H. N." || p.Procedure != d.ProcedureName || p.StatusName != "Được tiếp nhận" {
		t.Errorf("PublicStatus = %+v", p)
	}
	if p.Plain == "" || !p.DueAt.Equal(d.DueAt) || p.Late || p.NeedsDocuments {
		t.Errorf("plain %q, due %v (want %v), late %v, needs documents %v", p.Plain, p.DueAt, d.DueAt, p.Late, p.NeedsDocuments)
	}
	b, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	js := norm.NFC.String(string(b))
	for _, secret := range []string{d.IDNo, d.Phone, "912345678", d.Address, "Hoài Đức", d.Email, "Thị", "Hồng", "Nhung"} {
		if strings.Contains(js, secret) {
			t.Errorf("the public view %s contains %q", js, secret)
		}
	}

	// After the due time, an open dossier is late.
	clockAt(s, d.DueAt.Add(time.Minute))
	if p, _ := s.PublicStatus(ctx, d.Code); !p.Late {
		t.Error("an open dossier past its due time is not late")
	}
	if _, err := s.PublicStatus(ctx, "HD001-991231-9999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown code: %v, want ErrNotFound", err)
	}
}

func TestPublicStatusSupplementListsMissingDocuments(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, intake(t, s, "HT03", vn(2025, 6, 2, 9, 15)))
	// The counter asks for two documents through the real lifecycle.
	_, err := s.RequestSupplement(ctx, Action{Code: d.Code, By: "tiepnhan1", At: vn(2025, 6, 3, 9, 0)}, Supplement{
		Missing: []ReceivedDocument{{Name: "Giấy chứng sinh", Kind: "Bản chính", Count: 1}, {Name: "Sổ hộ khẩu", Kind: "Bản sao", Count: 1}},
		Reason:  "Thiếu giấy tờ",
	})
	if err != nil {
		t.Fatal(err)
	}
	clockAt(s, d.DueAt.Add(24*time.Hour))
	p, err := s.PublicStatus(ctx, d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if !p.NeedsDocuments || !reflect.DeepEqual(p.Missing, []string{"Giấy chứng sinh", "Sổ hộ khẩu"}) {
		t.Errorf("needs documents %v, missing %q", p.NeedsDocuments, p.Missing)
	}
	if p.Late {
		t.Error("a dossier waiting for the citizen's documents is shown late")
	}
	if !strings.Contains(p.Plain, "bổ sung") {
		t.Errorf("plain words %q do not say documents are needed", p.Plain)
	}
}
