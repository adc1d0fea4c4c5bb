// Package idcard reads the QR code printed on the back of a Vietnamese chip identity card (CCCD,
// and the căn cước issued since 1/7/2024) as a 2D scanner types it at the counter:
//
//	số định danh|số CMND cũ|họ và tên|ngày sinh ddmmyyyy|giới tính|nơi thường trú|ngày cấp ddmmyyyy
//
// Parsing is all-or-nothing: a string that is not a whole, consistent card is refused with the
// reason, so a form is never half filled from it. No library reads this format; it is seven
// fields split on '|', written here by hand.
package idcard

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"

	"motcua/store"
)

// Sex is the card's "giới tính".
type Sex int

const (
	Male Sex = iota + 1
	Female
)

// Card is what the QR code says about its holder.
type Card struct {
	Number    string // số định danh cá nhân, 12 digits
	OldNumber string // số CMND cũ, 9 digits, or empty
	Name      string
	Born      time.Time // date of birth, 00:00 UTC
	Sex       Sex
	Address   string // nơi thường trú
	Issued    time.Time
}

// Problem is the kind of fault a scanned string has; Field names the form field it concerns
// ("" when the string as a whole is not a card).
type Problem int

const (
	NotCard  Problem = iota + 1 // no '|' at all: a URL, a bank transfer code, a typed word
	Parts                       // not exactly seven parts
	Encoding                    // UTF-8 read as Latin-1/Windows-1252 by the scanner ("Nguyá»…n")
	Number
	OldNumber
	Name
	Born
	SexValue
	Address
	Issued
	Mismatch // the identifier's century/sex digit and year do not match the date of birth and sex
)

// Error says why a string was refused. Its message is Vietnamese, like the store's.
type Error struct {
	Problem Problem
	Field   string
	Message string
}

func (e *Error) Error() string { return e.Message }

func fail(p Problem, field, format string, a ...any) *Error {
	return &Error{Problem: p, Field: field, Message: fmt.Sprintf(format, a...)}
}

// Looks says whether s is meant as a card's QR code (it has the card's separator), so that a
// field can tell a scan from typing before parsing; Parse then accepts or explains.
func Looks(s string) bool { return strings.Count(s, "|") >= 2 }

// Parse reads a scanned string. now bounds the dates (a birth or issue date in the future is a
// misread); a card's dates are calendar dates, compared in Vietnam.
func Parse(s string, now time.Time) (Card, error) {
	s = strings.TrimSpace(strings.TrimRight(s, "\r\n"))
	if !utf8.ValidString(s) {
		return Card{}, fail(Encoding, "", "Mã QR không đọc được (không phải chữ Unicode); hãy đặt máy quét ở chế độ UTF-8 rồi quét lại.")
	}
	if !strings.Contains(s, "|") {
		return Card{}, fail(NotCard, "", "Đây không phải mã QR của thẻ căn cước (CCCD).")
	}
	if mojibake(s) {
		return Card{}, fail(Encoding, "", "Mã QR bị đọc sai bảng mã (chữ có dấu thành ký tự lạ); hãy đặt máy quét ở chế độ UTF-8 rồi quét lại.")
	}
	s = norm.NFC.String(s)
	p := strings.Split(s, "|")
	if len(p) != 7 {
		return Card{}, fail(Parts, "", "Mã QR của thẻ căn cước có 7 phần ngăn bởi dấu |, mã vừa quét có %d phần; hãy quét lại.", len(p))
	}
	for i := range p {
		p[i] = strings.TrimSpace(p[i])
	}
	var c Card
	num, err := store.CheckIDNo(p[0])
	if err != nil {
		return Card{}, fail(Number, "idno", "Mã QR: %s", err.Error())
	}
	c.Number = num
	if p[1] != "" {
		if len(p[1]) != 9 || !allDigits(p[1]) {
			return Card{}, fail(OldNumber, "idno", "Mã QR: số CMND cũ phải gồm 9 chữ số (hoặc để trống), mã có %q.", p[1])
		}
		c.OldNumber = p[1]
	}
	if !nameOK(p[2]) {
		return Card{}, fail(Name, "name", "Mã QR: họ và tên %q không hợp lệ.", p[2])
	}
	c.Name = strings.Join(strings.Fields(p[2]), " ")
	if c.Born, err = date(p[3]); err != nil {
		return Card{}, fail(Born, "birth", "Mã QR: ngày sinh %q không phải ngày hợp lệ (ngày tháng năm, 8 chữ số).", p[3])
	}
	switch strings.ToLower(p[4]) {
	case "nam":
		c.Sex = Male
	case "nữ":
		c.Sex = Female
	default:
		return Card{}, fail(SexValue, "sex", "Mã QR: giới tính phải là Nam hoặc Nữ, mã có %q.", p[4])
	}
	c.Address = strings.Join(strings.Fields(p[5]), " ")
	if c.Address == "" || strings.IndexFunc(c.Address, unicode.IsLetter) < 0 {
		return Card{}, fail(Address, "address", "Mã QR: nơi thường trú trống hoặc không hợp lệ.")
	}
	if c.Issued, err = date(p[6]); err != nil {
		return Card{}, fail(Issued, "", "Mã QR: ngày cấp %q không phải ngày hợp lệ (ngày tháng năm, 8 chữ số).", p[6])
	}
	today := civil(now)
	if c.Born.After(today) {
		return Card{}, fail(Born, "birth", "Mã QR: ngày sinh %s ở tương lai.", c.Born.Format("02/01/2006"))
	}
	if c.Issued.After(today) || c.Issued.Before(c.Born) {
		return Card{}, fail(Issued, "", "Mã QR: ngày cấp %s không thể có (trước ngày sinh hoặc ở tương lai).", c.Issued.Format("02/01/2006"))
	}
	if !consistent(c) {
		return Card{}, fail(Mismatch, "idno", "Mã QR không khớp: chữ số thứ 4–6 của số định danh (thế kỷ, giới tính, năm sinh) không khớp với ngày sinh và giới tính; hãy quét lại hoặc gõ tay.")
	}
	return c, nil
}

// consistent checks the identifier against the card's own data: its 4th digit codes the century
// of birth and the sex (0/1 for 1900s male/female, 2/3 for 2000s, … 8/9 for 1800s), its 5th and
// 6th the last two digits of the year of birth (Circular 07/2016/TT-BCA, art. 7, kept by
// Circular 59/2021/TT-BCA). A misread digit or a string from another card fails here.
func consistent(c Card) bool {
	g := int(c.Number[3] - '0')
	century := []int{1900, 2000, 2100, 2200, 1800}[g/2]
	female := g%2 == 1
	y := c.Born.Year()
	return y/100*100 == century && (female == (c.Sex == Female)) && c.Number[4:6] == fmt.Sprintf("%02d", y%100)
}

func date(s string) (time.Time, error) {
	if len(s) != 8 || !allDigits(s) {
		return time.Time{}, fmt.Errorf("not ddmmyyyy")
	}
	return time.Parse("02012006", s)
}

// civil is now's calendar date in Vietnam, at 00:00 UTC like the card's dates.
func civil(now time.Time) time.Time {
	y, m, d := now.In(vietnam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

var vietnam = time.FixedZone("ICT", 7*3600)

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// nameOK: letters and spaces only, at least one letter that is not a combining mark.
func nameOK(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == ' ' || unicode.Is(unicode.Mn, r):
		default:
			return false
		}
	}
	return letters > 0 && utf8.RuneCountInString(s) <= 100
}

// mojibake spots UTF-8 that a scanner typed as Windows-1252 (or Latin-1): mapped back to those
// bytes, the text is valid UTF-8 with characters outside ASCII ("Nguyá»…n" is "Nguyễn"). Bytes
// that Windows-1252 leaves undefined come out as U+FFFD; each stands for one continuation byte.
func mojibake(s string) bool {
	var b []byte
	for _, r := range s {
		switch e, ok := charmap.Windows1252.EncodeRune(r); {
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case ok:
			b = append(b, e)
		case r <= 0xFF:
			b = append(b, byte(r))
		case r == utf8.RuneError:
			b = append(b, 0x81)
		default:
			return false // a character no single byte gives: real Unicode text
		}
	}
	return utf8.Valid(b) && strings.ContainsFunc(string(b), func(r rune) bool { return r >= utf8.RuneSelf })
}
