package idcard

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

var now = time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)

// Made-up people in the card's real format.
const (
	anh   = "001090012345|012345678|Nguyễn Văn Anh|15031990|Nam|Số 12, ngõ 5, phường Hoài Đức, Hà Nội|20042021"
	binh  = "079305001234||Trần Thị Bình|01012005|Nữ|Tổ 3, phường Bến Nghé, Thành phố Hồ Chí Minh|10102022"
	chien = "038088000111||Lê Chiến|29021988|Nam|Thôn Đông, xã Yên Định, Thanh Hóa|01072024"
)

func TestParseCards(t *testing.T) {
	c, err := Parse(anh, now)
	if err != nil {
		t.Fatal(err)
	}
	want := Card{Number: "001090012345", OldNumber: "012345678", Name: "Nguyễn Văn Anh",
		Born: time.Date(1990, 3, 15, 0, 0, 0, 0, time.UTC), Sex: Male,
		Address: "Số 12, ngõ 5, phường Hoài Đức, Hà Nội", Issued: time.Date(2021, 4, 20, 0, 0, 0, 0, time.UTC)}
	if c != want {
		t.Fatalf("got %+v\nwant %+v", c, want)
	}
	c, err = Parse(binh+"\r\n", now) // a scanner ends with Enter
	if err != nil {
		t.Fatal(err)
	}
	if c.OldNumber != "" || c.Sex != Female || c.Born.Year() != 2005 {
		t.Fatalf("binh: %+v", c)
	}
	if c, err = Parse(chien, now); err != nil || c.Born.Day() != 29 {
		t.Fatalf("chien (born 29/2/1988): %+v %v", c, err)
	}
	// Decomposed input (some keyboard wedges send NFD) comes out NFC.
	c, err = Parse(norm.NFD.String(anh), now)
	if err != nil || c.Name != "Nguyễn Văn Anh" || !norm.NFC.IsNormalString(c.Address) {
		t.Fatalf("NFD: %+v %v", c, err)
	}
}

func TestParseRefuses(t *testing.T) {
	latin1, _ := charmap.Windows1252.NewDecoder().String(anh) // UTF-8 bytes read as Windows-1252
	cases := []struct {
		name, in string
		want     Problem
	}{
		{"url", "https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?ma=HD001-261204-0001", NotCard},
		{"bank QR", "00020101021238570010A000000727012700069704220113VQRQ00001234020800QRIBFTTA530370454062000005802VN62140810HD0012612046304ABCD", NotCard},
		{"empty", "", NotCard},
		{"six parts", strings.Join(strings.Split(anh, "|")[:6], "|"), Parts},
		{"extra pipe", anh + "|", Parts},
		{"pipe inside the address", strings.Replace(anh, "ngõ 5,", "ngõ 5|", 1), Parts},
		{"13 digits", strings.Replace(anh, "001090012345", "0010900123456", 1), Number},
		{"letters in the number", strings.Replace(anh, "001090012345", "00109001234A", 1), Number},
		{"province 099", strings.Replace(anh, "001090012345", "099090012345", 1), Number},
		{"old number of 8", strings.Replace(anh, "012345678", "01234567", 1), OldNumber},
		{"no name", strings.Replace(anh, "Nguyễn Văn Anh", "", 1), Name},
		{"digits in the name", strings.Replace(anh, "Nguyễn Văn Anh", "Nguyễn Văn 4nh", 1), Name},
		{"only combining marks", strings.Replace(anh, "Nguyễn Văn Anh", "\u0301\u0303", 1), Name},
		{"31 February", strings.Replace(anh, "15031990", "31021990", 1), Born},
		{"date with slashes", strings.Replace(anh, "15031990", "15/03/1990", 1), Born},
		{"born in the future", "001227012345||Bé Tương Lai|01012027|Nam|Hà Nội|01012027", Born},
		{"sex", strings.Replace(anh, "|Nam|", "|M|", 1), SexValue},
		{"no address", strings.Replace(anh, "Số 12, ngõ 5, phường Hoài Đức, Hà Nội", " ", 1), Address},
		{"issued before birth", strings.Replace(anh, "20042021", "20041980", 1), Issued},
		{"issued in the future", strings.Replace(anh, "20042021", "20042027", 1), Issued},
		{"year digits", strings.Replace(anh, "001090012345", "001091012345", 1), Mismatch},
		{"sex digit", strings.Replace(anh, "|Nam|", "|Nữ|", 1), Mismatch},
		{"century digit", strings.Replace(anh, "001090012345", "001290012345", 1), Mismatch},
		{"mojibake", latin1, Encoding},
		{"invalid UTF-8", "001090012345|\xff|x|y|z|w|v", Encoding},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse(tc.in, now)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("accepted %q as %+v", tc.in, c)
			}
			if e.Problem != tc.want {
				t.Fatalf("problem %d, want %d (%s)", e.Problem, tc.want, e.Message)
			}
			if c != (Card{}) {
				t.Fatalf("a refused string gave a half card: %+v", c)
			}
			if e.Message == "" || !norm.NFC.IsNormalString(e.Message) {
				t.Fatalf("message %q", e.Message)
			}
		})
	}
}

func TestLooks(t *testing.T) {
	for in, want := range map[string]bool{anh: true, "Nguyễn Văn Anh": false, "HD001-261204-0001": false, "a|b": false} {
		if Looks(in) != want {
			t.Errorf("Looks(%q) = %v", in, !want)
		}
	}
}

// FuzzParse: whatever a scanner types, Parse never panics, and what it accepts is a whole card
// that reads back the same.
func FuzzParse(f *testing.F) {
	for _, s := range []string{anh, binh, chien, "a|b|c|d|e|f|g", "||||||"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := Parse(s, now)
		if err != nil {
			return
		}
		if len(c.Number) != 12 || c.Name == "" || c.Address == "" || c.Sex == 0 || c.Born.IsZero() || c.Issued.IsZero() {
			t.Fatalf("accepted %q as an incomplete card %+v", s, c)
		}
		again, err := Parse(strings.Join([]string{c.Number, c.OldNumber, c.Name, c.Born.Format("02012006"),
			map[Sex]string{Male: "Nam", Female: "Nữ"}[c.Sex], c.Address, c.Issued.Format("02012006")}, "|"), now)
		if err != nil || again != c {
			t.Fatalf("round trip of %q: %+v %v", s, again, err)
		}
	})
}
