// Package vietqr builds and reads the VietQR transfer code: the NAPAS profile of the EMVCo
// merchant-presented QR format, made offline from the receiving agency's bank BIN and account, so
// a citizen can pay a fee from any Vietnamese banking app. Pure functions, no I/O.
//
// A payload is a string of TLV fields: two-digit tag, two-digit length, value. The fields built
// here are (NAPAS QR switching spec, Part IV; see docs/FEES.md):
//
//	00 "01"                 payload format indicator
//	01 "12" | "11"          dynamic (with an amount, for one payment) | static (account only)
//	38 ┬ 00 "A000000727"    NAPAS GUID
//	   ├ 01 ┬ 00 BIN        beneficiary bank (6 digits)
//	   │    └ 01 account    beneficiary account (≤ 19 alphanumerics)
//	   └ 02 "QRIBFTTA"      service: inter-bank fund transfer to an account
//	53 "704"                currency: đồng
//	54 amount               integer đồng (dynamic only)
//	58 "VN"                 country
//	62 └ 08 purpose         the transfer note (≤ 25 ASCII characters)
//	63 CRC                  CRC-16/CCITT-FALSE of everything before it, "6304" included
package vietqr

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Tags of the root and of the templates that this package writes.
const (
	TagFormat     = "00"
	TagInitiation = "01"
	TagMerchant   = "38"
	TagCurrency   = "53"
	TagAmount     = "54"
	TagCountry    = "58"
	TagAdditional = "62"
	TagCRC        = "63"

	// Inside 38.
	TagGUID        = "00"
	TagBeneficiary = "01"
	TagService     = "02"
	// Inside 38/01.
	TagBIN     = "00"
	TagAccount = "01"
	// Inside 62.
	TagPurpose = "08"
)

// Fixed values of the NAPAS profile.
const (
	FormatIndicator = "01"
	Dynamic         = "12" // one payment of a stated amount
	Static          = "11" // the account alone; the payer types the amount
	NapasGUID       = "A000000727"
	ServiceAccount  = "QRIBFTTA"
	CurrencyVND     = "704"
	CountryVN       = "VN"
)

// Limits of the fields (NAPAS spec: account "ans" up to 19, purpose up to 25; amount up to 13
// characters in EMVCo, kept here to digits only since the đồng has no subunit in use).
const (
	MaxAccount   = 19
	MaxAmount    = 9_999_999_999_999 // 13 digits
	MaxPurpose   = 25
	binLen       = 6
	maxFieldSize = 99
)

// Transfer is what the code asks the payer's bank to do.
type Transfer struct {
	BIN     string // the beneficiary bank's 6-digit NAPAS BIN, e.g. "970415"
	Account string // the beneficiary account number
	Amount  int64  // integer đồng; 0 only in a static code
	Purpose string // the transfer note, e.g. the dossier code; may carry Vietnamese diacritics
}

// FieldError names the input field that is wrong, in Vietnamese, so a front-end can show it as is.
type FieldError struct {
	Field string // Vietnamese name of the field
	Msg   string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Msg }

// Build returns the dynamic payload of t: a code for exactly this amount and note.
func Build(t Transfer) (string, error) {
	if t.Amount <= 0 {
		return "", &FieldError{"Số tiền", "phải lớn hơn 0 đồng"}
	}
	return build(t, Dynamic)
}

// BuildStatic returns the static payload of the account alone (and the note if any): the payer
// types the amount. Amount must be 0.
func BuildStatic(t Transfer) (string, error) {
	if t.Amount != 0 {
		return "", &FieldError{"Số tiền", "mã tĩnh không mang số tiền"}
	}
	return build(t, Static)
}

func build(t Transfer, method string) (string, error) {
	bin, account, purpose, err := clean(t)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	field(&b, TagFormat, FormatIndicator)
	field(&b, TagInitiation, method)
	field(&b, TagMerchant, tlv(TagGUID, NapasGUID)+tlv(TagBeneficiary, tlv(TagBIN, bin)+tlv(TagAccount, account))+tlv(TagService, ServiceAccount))
	field(&b, TagCurrency, CurrencyVND)
	if method == Dynamic {
		field(&b, TagAmount, strconv.FormatInt(t.Amount, 10))
	}
	field(&b, TagCountry, CountryVN)
	if purpose != "" {
		field(&b, TagAdditional, tlv(TagPurpose, purpose))
	}
	b.WriteString(TagCRC + "04")
	return b.String() + CRC(b.String()), nil
}

// clean validates t's fields and returns them in payload form.
func clean(t Transfer) (bin, account, purpose string, err error) {
	bin = strings.TrimSpace(t.BIN)
	if len(bin) != binLen || !allDigits(bin) {
		return "", "", "", &FieldError{"Mã BIN ngân hàng", fmt.Sprintf("phải gồm đúng %d chữ số (ví dụ 970415), nhận %q", binLen, t.BIN)}
	}
	account = strings.TrimSpace(t.Account)
	switch {
	case account == "":
		return "", "", "", &FieldError{"Số tài khoản", "không được để trống"}
	case len(account) > MaxAccount:
		return "", "", "", &FieldError{"Số tài khoản", fmt.Sprintf("dài quá %d ký tự", MaxAccount)}
	case !allAlnum(account):
		return "", "", "", &FieldError{"Số tài khoản", "chỉ gồm chữ số và chữ cái không dấu, không có khoảng trắng"}
	}
	if t.Amount < 0 {
		return "", "", "", &FieldError{"Số tiền", "không được âm"}
	}
	if t.Amount > MaxAmount {
		return "", "", "", &FieldError{"Số tiền", "vượt quá 13 chữ số"}
	}
	purpose, err = Purpose(t.Purpose)
	return bin, account, purpose, err
}

// Purpose returns note as the payload carries it: Vietnamese diacritics removed (đ → d, Đ → D),
// spaces collapsed. Banking apps reject or garble non-ASCII notes, so anything that is still not
// printable ASCII after that is refused, as is a note longer than MaxPurpose.
func Purpose(note string) (string, error) {
	s := strings.Join(strings.Fields(Unaccent(note)), " ")
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			return "", &FieldError{"Nội dung chuyển khoản", fmt.Sprintf("có ký tự %q không gõ được trên ứng dụng ngân hàng", r)}
		}
	}
	if len(s) > MaxPurpose {
		return "", &FieldError{"Nội dung chuyển khoản", fmt.Sprintf("dài %d ký tự, tối đa %d", len(s), MaxPurpose)}
	}
	return s, nil
}

// Unaccent removes Vietnamese diacritics, keeping case: "Đặng Thị Ánh" → "Dang Thi Anh". đ has no
// Unicode decomposition, so it is mapped by hand.
func Unaccent(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case 'đ':
			return 'd'
		case 'Đ':
			return 'D'
		}
		return r
	}, out)
}

// CRC is the CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of s, in
// four upper-case hex digits, as EMVCo's tag 63 carries it.
func CRC(s string) string {
	crc := uint16(0xFFFF)
	for i := 0; i < len(s); i++ {
		crc ^= uint16(s[i]) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x1021
			} else {
				crc <<= 1
			}
		}
	}
	return fmt.Sprintf("%04X", crc)
}

func tlv(tag, value string) string { return tag + fmt.Sprintf("%02d", len(value)) + value }

func field(b *strings.Builder, tag, value string) { b.WriteString(tlv(tag, value)) }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func allAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z') {
			return false
		}
	}
	return true
}

// ErrCRC is returned by Parse when the checksum does not match the payload.
var ErrCRC = errors.New("mã VietQR sai mã kiểm tra (CRC): chuỗi bị hỏng hoặc bị sửa")
