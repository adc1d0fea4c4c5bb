package store

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestReceiveRefusesBadFieldAndWritesNothing(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	at := vn(2025, 6, 2, 9, 0)
	long := strings.Repeat("a", 10_000)
	cases := []struct {
		name  string
		edit  func(*Intake)
		field string
	}{
		{"no procedure", func(in *Intake) { in.ProcedureID = 0 }, "procedure"},
		{"unknown procedure", func(in *Intake) { in.ProcedureID = 99999 }, "procedure"},
		{"empty name", func(in *Intake) { in.Name = "   " }, "name"},
		{"digits in name", func(in *Intake) { in.Name = "Nguyễn Văn 3" }, "name"},
		{"name of 101 letters", func(in *Intake) { in.Name = strings.Repeat("á", 101) }, "name"},
		{"10 KB name", func(in *Intake) { in.Name = long }, "name"},
		{"tab in name", func(in *Intake) { in.Name = "Nguyễn\tVăn An" }, "name"},
		{"zero-width joiner in name", func(in *Intake) { in.Name = "Nguyễn\u200dVăn An" }, "name"},
		{"invalid UTF-8 name", func(in *Intake) { in.Name = "Nguy\xffn" }, "name"},
		{"only punctuation", func(in *Intake) { in.Name = ". - '" }, "name"},
		{"CCCD of 11 digits", func(in *Intake) { in.IDNo = "00109000123" }, "idno"},
		{"CCCD of 13 digits", func(in *Intake) { in.IDNo = "0010900012345" }, "idno"},
		{"CCCD with a letter", func(in *Intake) { in.IDNo = "00109000123A" }, "idno"},
		{"CCCD empty", func(in *Intake) { in.IDNo = "" }, "idno"},
		{"CCCD province 097", func(in *Intake) { in.IDNo = "097090001234" }, "idno"},
		{"CCCD province 000", func(in *Intake) { in.IDNo = "000090001234" }, "idno"},
		{"CCCD full-width digits", func(in *Intake) { in.IDNo = "００１０９０００１２３４" }, "idno"},
		{"phone of 9 digits", func(in *Intake) { in.Phone = "091234567" }, "phone"},
		{"phone not starting 0", func(in *Intake) { in.Phone = "9123456789" }, "phone"},
		{"phone empty", func(in *Intake) { in.Phone = "" }, "phone"},
		{"phone with letters", func(in *Intake) { in.Phone = "09123abc78" }, "phone"},
		{"phone +0 is no country", func(in *Intake) { in.Phone = "+0 202 555 0100" }, "phone"},
		{"phone + of 7 digits", func(in *Intake) { in.Phone = "+1 202 55" }, "phone"},
		{"phone + of 16 digits", func(in *Intake) { in.Phone = "+1 202 555 0100 12345" }, "phone"},
		{"landline not starting 02", func(in *Intake) { in.Phone = "091 2345 6789" }, "phone"},
		{"landline of 12 digits", func(in *Intake) { in.Phone = "024 3355 66778" }, "phone"},
		{"address empty", func(in *Intake) { in.Address = "" }, "address"},
		{"address 301 runes", func(in *Intake) { in.Address = strings.Repeat("đ", 301) }, "address"},
		{"address with newline", func(in *Intake) { in.Address = "Số 5\nngõ 12" }, "address"},
		{"email without @", func(in *Intake) { in.Email = "an.example.com" }, "email"},
		{"email with name", func(in *Intake) { in.Email = "An <an@example.com>" }, "email"},
		{"email without dot", func(in *Intake) { in.Email = "an@localhost" }, "email"},
		{"document without name", func(in *Intake) { in.Documents = []ReceivedDocument{{Name: " ", Kind: "Bản chính", Count: 1}} }, "documents"},
		{"no document ticked", func(in *Intake) { in.Documents = nil }, "documents"},
		{"document count 0", func(in *Intake) {
			in.Documents = []ReceivedDocument{{Name: "Tờ khai", Kind: "Bản chính", Count: 0}}
		}, "documents"},
		{"sets 21", func(in *Intake) { in.Sets = 21 }, "sets"},
		{"sets negative", func(in *Intake) { in.Sets = -1 }, "sets"},
		{"pages 1001", func(in *Intake) { in.Pages = 1001 }, "pages"},
		{"pages negative", func(in *Intake) { in.Pages = -5 }, "pages"},
		{"name of combining marks only", func(in *Intake) { in.Name = "\u0301\u0300\u0303" }, "name"},
		{"combining mark after a space", func(in *Intake) { in.Name = "Nguyễn \u0301An" }, "name"},
		{"by post without address", func(in *Intake) { in.ByPost = true; in.PostAddress = " " }, "post_address"},
		{"received tomorrow", func(in *Intake) { in.ReceivedAt = time.Now().Add(24 * time.Hour) }, "received_at"},
		{"received in 1999", func(in *Intake) { in.ReceivedAt = vn(1999, 12, 31, 9, 0) }, "received_at"},
		{"unknown official", func(in *Intake) { in.By = "nobody" }, "by"},
	}
	before := counts(t, s)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := intake(t, s, "HT01", at)
			c.edit(&in)
			_, err := s.Receive(ctx, in)
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("Receive: %v, want a *ValidationError", err)
			}
			if string(ve.Field) != c.field {
				t.Errorf("field %q (%s), want %q", ve.Field, ve.Message, c.field)
			}
			if ve.Message == "" || !utf8.ValidString(ve.Message) || !norm.NFC.IsNormalString(ve.Message) {
				t.Errorf("message %q is not a NFC Vietnamese sentence", ve.Message)
			}
			if got := counts(t, s); !equalCounts(got, before) {
				t.Errorf("rows written on error: %v, before %v", got, before)
			}
		})
	}
}

// Landlines (11 digits since 2017) and foreign numbers are real applicants' phones (issue 15);
// the CCCD stays strict (TestReceiveValidation).
func TestPhoneLandlineAndForeign(t *testing.T) {
	for in, want := range map[string]string{
		"024 3355 6677":      "02433556677",
		"(0236) 382.1234":    "02363821234",
		"+84 24 3355 6677":   "02433556677",
		"84 24 3355 6677":    "02433556677",
		"+84 912 345 678":    "0912345678",
		"84912345678":        "0912345678",
		"+1 202 555 0100":    "+12025550100",
		"+33 1 23 45 67 89":  "+33123456789",
		"+81-3-1234-5678":    "+81312345678",
		"0912 345 678":       "0912345678",
		"+855 23 123 456":    "+85523123456",
		"+44 (20) 7946 0958": "+442079460958",
	} {
		got, err := phone("phone", in, true)
		if err != nil || got != want {
			t.Errorf("phone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestReceiveRefusesInactiveProcedure(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	s.now = func() time.Time { return vn(2025, 6, 2, 9, 10) }
	p, _ := s.Procedure(ctx, "HT05")
	p.Active = false
	if _, err := s.SaveProcedure(ctx, "admin", p); err != nil {
		t.Fatal(err)
	}
	_, err := s.Receive(ctx, intake(t, s, "HT05", vn(2025, 6, 2, 9, 0)))
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "procedure" {
		t.Fatalf("Receive of an inactive procedure: %v, want procedure error", err)
	}
}

func TestReceiveNormalisesInput(t *testing.T) {
	s := openTest(t)
	in := intake(t, s, "HT01", vn(2025, 6, 2, 9, 0))
	in.Name = norm.NFD.String("  Nguyễn   Thị  Đào ")
	in.IDNo = "0010 9000 1234"
	in.Phone = "+84 912.345.678"
	in.Address = norm.NFD.String("Số 5,   ngõ 12 ")
	in.Email = " an@example.com "
	in.ByPost = false
	in.PostAddress = "ignored"
	d, err := s.Receive(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"name":    {d.Name, "Nguyễn Thị Đào"},
		"idno":    {d.IDNo, "001090001234"},
		"phone":   {d.Phone, "0912345678"},
		"address": {d.Address, "Số 5, ngõ 12"},
		"email":   {d.Email, "an@example.com"},
		"post":    {d.PostAddress, ""},
	}
	for f, v := range want {
		if v[0] != v[1] {
			t.Errorf("%s stored as %q, want %q", f, v[0], v[1])
		}
	}
	if d.Sets != 1 || d.Pages != 1 {
		t.Errorf("sets/pages default %d/%d, want 1/1", d.Sets, d.Pages)
	}
	// The documents ticked are recorded as ticked.
	p, _ := s.Procedure(context.Background(), "HT01")
	if len(d.Documents) != 1 || d.Documents[0].Name != p.Documents[0].Name {
		t.Errorf("documents %v, want the one ticked, %q", d.Documents, p.Documents[0].Name)
	}
}

func TestIntakeValidateNamesLetters(t *testing.T) {
	good := []string{"Nguyễn Văn A", "Đặng Thị Ánh-Tuyết", "H'Hen Niê", "Lê Đ. Minh", "ĐỖ THỊ HƯƠNG"}
	for _, name := range good {
		in := Intake{ProcedureID: 1, Name: name, IDNo: "001090001234", Phone: "0912345678", Address: "Hà Nội",
			Documents: []ReceivedDocument{{Name: "Tờ khai", Kind: "Bản chính", Count: 1}}}
		if err := in.Validate(); err != nil {
			t.Errorf("Validate(%q) = %v, want nil", name, err)
		}
	}
}

func equalCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return len(a) == len(b)
}

// fuzzField receives an otherwise valid intake with one field set to the fuzzer's input: it must
// never panic; it either stores the value cleaned (NFC, no control characters, within limits) or
// refuses with a *ValidationError naming that field and writes nothing.
func fuzzField(f *testing.F, field string, seeds []string, set func(*Intake, string), get func(Dossier) string, check func(string) bool) {
	s := openTest(f)
	base := intake(f, s, "CT01", vn(2025, 6, 2, 9, 0))
	for _, sd := range seeds {
		f.Add(sd)
	}
	f.Fuzz(func(t *testing.T, v string) {
		in := base
		set(&in, v)
		before := counts(t, s)
		d, err := s.Receive(context.Background(), in)
		after := counts(t, s)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || string(ve.Field) != field || ve.Message == "" {
				t.Fatalf("input %q: error %v, want a *ValidationError for %q", v, err, field)
			}
			if !equalCounts(before, after) {
				t.Fatalf("input %q refused but rows written: %v → %v", v, before, after)
			}
			return
		}
		if after["dossiers"] != before["dossiers"]+1 {
			t.Fatalf("input %q accepted but dossiers %d → %d", v, before["dossiers"], after["dossiers"])
		}
		got := get(d)
		if !utf8.ValidString(got) || !norm.NFC.IsNormalString(got) || strings.IndexFunc(got, unicode.IsControl) >= 0 ||
			got != strings.TrimSpace(got) {
			t.Fatalf("input %q stored as %q: not clean NFC text", v, got)
		}
		if !check(got) {
			t.Fatalf("input %q stored as %q, which the field's rule forbids", v, got)
		}
	})
}

var textSeeds = []string{"", " ", "Nguyễn Văn A", norm.NFD.String("Trần Thị Bích"), "a\x00b", "\t", "\u200b",
	"\xff\xfe", strings.Repeat("x", 10_000), "Ông\u2028Bà", "🙂", "001090001234", "+84 912 345 678"}

func FuzzName(f *testing.F) {
	fuzzField(f, "name", textSeeds, func(in *Intake, v string) { in.Name = v }, func(d Dossier) string { return d.Name },
		func(v string) bool {
			return utf8.RuneCountInString(v) <= 100 && !strings.Contains(v, "  ") && strings.IndexFunc(v, func(r rune) bool {
				return !(unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || strings.ContainsRune(" .'-", r))
			}) < 0
		})
}

func FuzzIDNo(f *testing.F) {
	fuzzField(f, "idno", append(textSeeds, "001 090 001 234", "096999999999", "097000000000"),
		func(in *Intake, v string) { in.IDNo = v }, func(d Dossier) string { return d.IDNo },
		func(v string) bool { return len(v) == 12 && digits(v) && atoi(v[:3]) >= 1 && atoi(v[:3]) <= 96 })
}

func FuzzPhone(f *testing.F) {
	fuzzField(f, "phone", append(textSeeds, "0912.345.678", "84912345678", "(091) 234-5678"),
		func(in *Intake, v string) { in.Phone = v }, func(d Dossier) string { return d.Phone },
		func(v string) bool {
			return len(v) == 10 && v[0] == '0' && digits(v) || len(v) == 11 && strings.HasPrefix(v, "02") && digits(v) ||
				len(v) >= 9 && len(v) <= 16 && v[0] == '+' && v[1] != '0' && digits(v[1:])
		})
}

func FuzzAddress(f *testing.F) {
	fuzzField(f, "address", textSeeds, func(in *Intake, v string) { in.Address = v }, func(d Dossier) string { return d.Address },
		func(v string) bool { return v != "" && utf8.RuneCountInString(v) <= 300 && !strings.Contains(v, "  ") })
}

func FuzzEmail(f *testing.F) {
	fuzzField(f, "email", append(textSeeds, "an@example.com", "a@b", "x@y.vn "),
		func(in *Intake, v string) { in.Email = v }, func(d Dossier) string { return d.Email },
		func(v string) bool {
			return v == "" || strings.Count(v, "@") >= 1 && !strings.ContainsAny(v, " <>") && len(v) <= 254
		})
}

func FuzzPostAddress(f *testing.F) {
	fuzzField(f, "post_address", textSeeds, func(in *Intake, v string) { in.ByPost = true; in.PostAddress = v },
		func(d Dossier) string { return d.PostAddress },
		func(v string) bool { return v != "" && utf8.RuneCountInString(v) <= 300 })
}
