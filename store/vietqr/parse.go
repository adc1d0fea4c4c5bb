package vietqr

import (
	"fmt"
	"strconv"
)

// Field is one TLV data object: its tag and value, in payload order.
type Field struct {
	Tag   string
	Value string
}

// Split cuts s into its TLV fields without interpreting them; it serves the root and the
// templates (38, 62) alike. A length that runs past the end or is not two digits is an error.
func Split(s string) ([]Field, error) {
	var out []Field
	for i := 0; i < len(s); {
		if len(s)-i < 4 {
			return nil, fmt.Errorf("mã VietQR bị cụt ở vị trí %d", i)
		}
		tag, n := s[i:i+2], s[i+2:i+4]
		if !allDigits(tag) || !allDigits(n) {
			return nil, fmt.Errorf("mã VietQR sai cấu trúc ở vị trí %d: %q không phải thẻ và độ dài", i, s[i:i+4])
		}
		l, _ := strconv.Atoi(n)
		if l == 0 || i+4+l > len(s) {
			return nil, fmt.Errorf("mã VietQR sai độ dài ở thẻ %s (vị trí %d)", tag, i)
		}
		out = append(out, Field{tag, s[i+4 : i+4+l]})
		i += 4 + l
	}
	return out, nil
}

// Parse splits a payload into its root fields and checks that it ends with tag 63 carrying the
// CRC of everything before its value.
func Parse(payload string) ([]Field, error) {
	fs, err := Split(payload)
	if err != nil {
		return nil, err
	}
	if len(fs) == 0 || fs[len(fs)-1].Tag != TagCRC || len(fs[len(fs)-1].Value) != 4 {
		return nil, fmt.Errorf("mã VietQR thiếu mã kiểm tra (thẻ 63) ở cuối")
	}
	body := payload[:len(payload)-4]
	if CRC(body) != fs[len(fs)-1].Value {
		return nil, ErrCRC
	}
	return fs, nil
}

// Get returns the value of the first field tagged tag.
func Get(fs []Field, tag string) (string, bool) {
	for _, f := range fs {
		if f.Tag == tag {
			return f.Value, true
		}
	}
	return "", false
}

// Decode parses payload and reads back the transfer it asks for. It refuses a code that is not a
// NAPAS account transfer in đồng in Vietnam, since that is all the counter issues or accepts.
func Decode(payload string) (Transfer, error) {
	fs, err := Parse(payload)
	if err != nil {
		return Transfer{}, err
	}
	want := func(tag, value, name string) error {
		if v, _ := Get(fs, tag); v != value {
			return fmt.Errorf("mã VietQR có %s %q, cần %q", name, v, value)
		}
		return nil
	}
	for _, w := range [][3]string{{TagFormat, FormatIndicator, "phiên bản (thẻ 00)"}, {TagCurrency, CurrencyVND, "tiền tệ (thẻ 53)"}, {TagCountry, CountryVN, "quốc gia (thẻ 58)"}} {
		if err := want(w[0], w[1], w[2]); err != nil {
			return Transfer{}, err
		}
	}
	var t Transfer
	merchant, ok := Get(fs, TagMerchant)
	if !ok {
		return Transfer{}, fmt.Errorf("mã VietQR thiếu thông tin người nhận (thẻ 38)")
	}
	ms, err := Split(merchant)
	if err != nil {
		return Transfer{}, err
	}
	if g, _ := Get(ms, TagGUID); g != NapasGUID {
		return Transfer{}, fmt.Errorf("mã VietQR không phải của NAPAS (thẻ 38/00 là %q)", g)
	}
	if s, _ := Get(ms, TagService); s != ServiceAccount {
		return Transfer{}, fmt.Errorf("mã VietQR không phải chuyển khoản đến tài khoản (dịch vụ %q)", s)
	}
	ben, _ := Get(ms, TagBeneficiary)
	bs, err := Split(ben)
	if err != nil {
		return Transfer{}, err
	}
	t.BIN, _ = Get(bs, TagBIN)
	t.Account, _ = Get(bs, TagAccount)
	method, _ := Get(fs, TagInitiation)
	amount, hasAmount := Get(fs, TagAmount)
	switch {
	case method == Dynamic && hasAmount:
		if !allDigits(amount) {
			return Transfer{}, fmt.Errorf("mã VietQR có số tiền %q không phải số nguyên đồng", amount)
		}
		t.Amount, err = strconv.ParseInt(amount, 10, 64)
		if err != nil {
			return Transfer{}, fmt.Errorf("mã VietQR có số tiền %q không đọc được", amount)
		}
	case method == Static && !hasAmount:
	default:
		return Transfer{}, fmt.Errorf("mã VietQR có phương thức %q không khớp với số tiền", method)
	}
	if add, ok := Get(fs, TagAdditional); ok {
		as, err := Split(add)
		if err != nil {
			return Transfer{}, err
		}
		t.Purpose, _ = Get(as, TagPurpose)
	}
	if _, _, _, err := clean(t); err != nil {
		return Transfer{}, err
	}
	return t, nil
}
