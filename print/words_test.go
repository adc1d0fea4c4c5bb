package print

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The expected wordings are written by hand from the convention stated on NumberInWords.
var amountWords = []struct {
	n    int64
	want string
}{
	{0, "Không đồng"},
	{1, "Một đồng"},
	{4, "Bốn đồng"},
	{5, "Năm đồng"},
	{9, "Chín đồng"},
	{10, "Mười đồng"},
	{11, "Mười một đồng"},
	{14, "Mười bốn đồng"},
	{15, "Mười lăm đồng"},
	{19, "Mười chín đồng"},
	{20, "Hai mươi đồng"},
	{21, "Hai mươi mốt đồng"},
	{24, "Hai mươi tư đồng"},
	{25, "Hai mươi lăm đồng"},
	{30, "Ba mươi đồng"},
	{44, "Bốn mươi tư đồng"},
	{55, "Năm mươi lăm đồng"},
	{71, "Bảy mươi mốt đồng"},
	{99, "Chín mươi chín đồng"},
	{100, "Một trăm đồng"},
	{101, "Một trăm linh một đồng"},
	{104, "Một trăm linh bốn đồng"},
	{105, "Một trăm linh năm đồng"},
	{110, "Một trăm mười đồng"},
	{111, "Một trăm mười một đồng"},
	{115, "Một trăm mười lăm đồng"},
	{121, "Một trăm hai mươi mốt đồng"},
	{200, "Hai trăm đồng"},
	{999, "Chín trăm chín mươi chín đồng"},
	{1000, "Một nghìn đồng"},
	{1001, "Một nghìn không trăm linh một đồng"},
	{1005, "Một nghìn không trăm linh năm đồng"},
	{1010, "Một nghìn không trăm mười đồng"},
	{1015, "Một nghìn không trăm mười lăm đồng"},
	{1021, "Một nghìn không trăm hai mươi mốt đồng"},
	{1100, "Một nghìn một trăm đồng"},
	{2000, "Hai nghìn đồng"},
	{7000, "Bảy nghìn đồng"},
	{10000, "Mười nghìn đồng"},
	{15000, "Mười lăm nghìn đồng"},
	{21000, "Hai mươi mốt nghìn đồng"},
	{24000, "Hai mươi tư nghìn đồng"},
	{25000, "Hai mươi lăm nghìn đồng"},
	{50000, "Năm mươi nghìn đồng"},
	{100000, "Một trăm nghìn đồng"},
	{100005, "Một trăm nghìn không trăm linh năm đồng"},
	{105000, "Một trăm linh năm nghìn đồng"},
	{110000, "Một trăm mười nghìn đồng"},
	{999999, "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"},
	{1000000, "Một triệu đồng"},
	{1000001, "Một triệu không trăm linh một đồng"},
	{1001000, "Một triệu không trăm linh một nghìn đồng"},
	{1050000, "Một triệu không trăm năm mươi nghìn đồng"},
	{1500000, "Một triệu năm trăm nghìn đồng"},
	{2024000, "Hai triệu không trăm hai mươi tư nghìn đồng"},
	{10000000, "Mười triệu đồng"},
	{15500000, "Mười lăm triệu năm trăm nghìn đồng"},
	{100000000, "Một trăm triệu đồng"},
	{105000000, "Một trăm linh năm triệu đồng"},
	{1000000000, "Một tỷ đồng"},
	{1000000001, "Một tỷ không trăm linh một đồng"},
	{1000050000, "Một tỷ không trăm năm mươi nghìn đồng"},
	{1001000000, "Một tỷ không trăm linh một triệu đồng"},
	{1234567891, "Một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt đồng"},
	{21000000000, "Hai mươi mốt tỷ đồng"},
	{100000000000, "Một trăm tỷ đồng"},
	{505505505505, "Năm trăm linh năm tỷ năm trăm linh năm triệu năm trăm linh năm nghìn năm trăm linh năm đồng"},
	{999999999999, "Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng"},
}

func TestAmountInWordsTable(t *testing.T) {
	if len(amountWords) < 60 {
		t.Fatalf("the table has %d rows; keep at least 60", len(amountWords))
	}
	for _, c := range amountWords {
		got, err := AmountInWords(c.n)
		if err != nil {
			t.Errorf("AmountInWords(%d): %v", c.n, err)
			continue
		}
		if got != c.want {
			t.Errorf("AmountInWords(%d)\n got %q\nwant %q", c.n, got, c.want)
		}
	}
}

func TestAmountInWordsRefusesOutOfRange(t *testing.T) {
	for _, n := range []int64{-1, -7000, MaxAmountInWords + 1, 1 << 62} {
		if got, err := AmountInWords(n); err == nil || !strings.Contains(err.Error(), "số tiền") {
			t.Errorf("AmountInWords(%d) = %q, %v; want an error naming số tiền", n, got, err)
		}
	}
}

// TestAmountInWordsShape checks, over every number up to 20 000 and random ones up to the
// maximum, the form of the text (capital first letter, single spaces, NFC, ends in "đồng") and
// that it reads back to the number with an independent reader of the convention.
func TestAmountInWordsShape(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 2026))
	check := func(n int64) {
		got, err := AmountInWords(n)
		if err != nil {
			t.Fatalf("AmountInWords(%d): %v", n, err)
		}
		r, size := utf8.DecodeRuneInString(got)
		switch {
		case !unicode.IsUpper(r):
			t.Fatalf("AmountInWords(%d) = %q: first letter not capitalised", n, got)
		case strings.Contains(got, "  ") || strings.TrimSpace(got) != got:
			t.Fatalf("AmountInWords(%d) = %q: stray spaces", n, got)
		case !norm.NFC.IsNormalString(got):
			t.Fatalf("AmountInWords(%d) = %q: not NFC", n, got)
		case !strings.HasSuffix(got, " đồng"):
			t.Fatalf("AmountInWords(%d) = %q: no đồng", n, got)
		case strings.ContainsFunc(got[size:], unicode.IsUpper):
			t.Fatalf("AmountInWords(%d) = %q: a capital letter after the first", n, got)
		}
		if back, ok := readWords(strings.TrimSuffix(got, " đồng")); !ok || back != n {
			t.Fatalf("AmountInWords(%d) = %q reads back as %d (ok %v)", n, got, back, ok)
		}
	}
	for n := int64(0); n <= 20000; n++ {
		check(n)
	}
	for range 5000 {
		check(rng.Int64N(MaxAmountInWords + 1))
		check(rng.Int64N(1000) * []int64{1, 1000, 1_000_000, 1_000_000_000}[rng.IntN(4)])
	}
}

// readWords is the test's own reader of the wording, written from the convention rather than from
// the code: it rebuilds the number group by group and refuses any word out of place.
func readWords(s string) (int64, bool) {
	ws := strings.Fields(strings.ToLower(s))
	if len(ws) == 1 && ws[0] == "không" {
		return 0, true
	}
	scale := map[string]int64{"nghìn": 1000, "triệu": 1_000_000, "tỷ": 1_000_000_000}
	var total int64
	last := int64(1) << 62 // scales must fall
	for first := true; len(ws) > 0; first = false {
		end := 0
		for end < len(ws) && scale[ws[end]] == 0 {
			end++
		}
		g, ok := readGroup(ws[:end], first)
		if !ok || g == 0 {
			return 0, false
		}
		unit := int64(1)
		if end < len(ws) {
			unit = scale[ws[end]]
			end++
		}
		if unit >= last {
			return 0, false
		}
		total, last, ws = total+g*unit, unit, ws[end:]
	}
	return total, true
}

// readGroup reads one group of up to three digits: [d trăm] then nothing, "linh" u, "mười" [u],
// d "mươi" [u], or (leading group without hundreds only) a lone digit.
func readGroup(ws []string, leading bool) (int64, bool) {
	plain := map[string]int64{"không": 0, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	take := func(allowed map[string]int64) (int64, bool) {
		if len(ws) == 0 {
			return 0, false
		}
		d, ok := allowed[ws[0]]
		if ok {
			ws = ws[1:]
		}
		return d, ok
	}
	var g int64
	hundreds := len(ws) >= 2 && ws[1] == "trăm"
	if hundreds {
		d, ok := take(plain)
		if !ok || d == 0 && leading {
			return 0, false
		}
		g, ws = d*100, ws[1:]
	} else if !leading {
		return 0, false // a later group always says its hundreds
	}
	nonzero := map[string]int64{"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	afterMuoi := map[string]int64{"một": 1, "hai": 2, "ba": 3, "bốn": 4, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	afterMuoi2 := map[string]int64{"mốt": 1, "hai": 2, "ba": 3, "tư": 4, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	switch {
	case len(ws) == 0:
	case ws[0] == "linh":
		if !hundreds {
			return 0, false
		}
		ws = ws[1:]
		u, ok := take(nonzero)
		if !ok {
			return 0, false
		}
		g += u
	case ws[0] == "mười":
		ws = ws[1:]
		g += 10
		if len(ws) > 0 {
			u, ok := take(afterMuoi)
			if !ok {
				return 0, false
			}
			g += u
		}
	case len(ws) >= 2 && ws[1] == "mươi":
		t, ok := take(nonzero)
		if !ok || t < 2 {
			return 0, false
		}
		ws = ws[1:]
		g += t * 10
		if len(ws) > 0 {
			u, ok := take(afterMuoi2)
			if !ok {
				return 0, false
			}
			g += u
		}
	default:
		if hundreds {
			return 0, false
		}
		u, ok := take(nonzero)
		if !ok {
			return 0, false
		}
		g += u
	}
	return g, len(ws) == 0
}
