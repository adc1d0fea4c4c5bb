package print

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxAmountInWords is the largest amount AmountInWords spells: 999 tỷ 999 triệu 999 nghìn 999.
const MaxAmountInWords = 999_999_999_999

// AmountInWords spells an amount of đồng as a receipt writes it under the figures:
// 7000 → "Bảy nghìn đồng", 0 → "Không đồng". See NumberInWords for the convention.
func AmountInWords(n int64) (string, error) {
	w, err := NumberInWords(n)
	if err != nil {
		return "", err
	}
	return w + " đồng", nil
}

// NumberInWords spells n (0 ≤ n ≤ MaxAmountInWords) in Vietnamese, first letter capitalised.
//
// No regulation fixes the wording (docs/FEES.md); this is the common Northern wording of receipts
// and e-invoices, chosen once so every receipt reads alike:
//   - groups of three digits read "tỷ", "triệu", "nghìn" (not "ngàn"); a group that is all zeros
//     is skipped: 1 000 050 000 → "Một tỷ không trăm năm mươi nghìn".
//   - a group after the first always says its hundreds, "không trăm" included:
//     1 050 000 → "Một triệu không trăm năm mươi nghìn"; 1 005 → "Một nghìn không trăm linh năm".
//   - a zero tens digit before a unit reads "linh" (105 → "Một trăm linh năm").
//   - 10–19 read "mười", 20–99 "… mươi"; after "mươi", 1 reads "mốt" (21 → "Hai mươi mốt") and 4
//     reads "tư" (24 → "Hai mươi tư"); after "mười" or "linh", 4 stays "bốn" ("Mười bốn",
//     "Một trăm linh bốn") and 1 stays "một" ("Mười một"); after "mươi" or "mười", 5 reads "lăm"
//     ("Mười lăm", "Hai mươi lăm") but stays "năm" after "linh" ("Một trăm linh năm").
func NumberInWords(n int64) (string, error) {
	if n < 0 {
		return "", fmt.Errorf("số tiền: không được âm (%d)", n)
	}
	if n > MaxAmountInWords {
		return "", fmt.Errorf("số tiền: lớn hơn %s, không đọc thành chữ được", FormatMoney(MaxAmountInWords))
	}
	if n == 0 {
		return "Không", nil
	}
	scales := []struct {
		unit int64
		name string
	}{{1_000_000_000, "tỷ"}, {1_000_000, "triệu"}, {1_000, "nghìn"}, {1, ""}}
	var words []string
	first := true
	for _, s := range scales {
		g := int(n / s.unit % 1000)
		if g == 0 {
			continue
		}
		words = append(words, groupWords(g, first)...)
		if s.name != "" {
			words = append(words, s.name)
		}
		first = false
	}
	out := strings.Join(words, " ")
	r, size := utf8.DecodeRuneInString(out)
	return string(unicode.ToUpper(r)) + out[size:], nil
}

var digitWords = [10]string{"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"}

// groupWords spells a group of three digits g (1–999). The leading group of a number drops
// hundreds and tens that are zero ("Năm nghìn", "Hai mươi"); later groups keep them.
func groupWords(g int, leading bool) []string {
	h, t, u := g/100, g/10%10, g%10
	var w []string
	if h > 0 || !leading {
		w = append(w, digitWords[h], "trăm")
	}
	switch {
	case t == 0 && u == 0:
		return w
	case t == 0:
		if len(w) > 0 {
			w = append(w, "linh")
		}
		return append(w, digitWords[u])
	case t == 1:
		w = append(w, "mười")
	default:
		w = append(w, digitWords[t], "mươi")
	}
	switch {
	case u == 0:
	case u == 1 && t >= 2:
		w = append(w, "mốt")
	case u == 4 && t >= 2:
		w = append(w, "tư")
	case u == 5:
		w = append(w, "lăm")
	default:
		w = append(w, digitWords[u])
	}
	return w
}
