package store

import (
	"strconv"
	"strings"
)

// Fee kinds.
const (
	FeeNone    = "none"
	FeeFixed   = "fixed"
	FeePerPage = "per_page"
)

// Fee is a procedure's charge (lệ phí / phí), in đồng.
//   - "none": free.
//   - "fixed": Amount per dossier.
//   - "per_page": per copy (bản): FirstPageAmount for each of the first FirstPages pages,
//     LaterPageAmount for every page after, at most Cap per copy (Cap 0: no cap). Chứng thực bản
//     sao từ bản chính: 2.000 đ/trang, from page 3 1.000 đ/trang, at most 200.000 đ/bản
//     (Circular 226/2016/TT-BTC) is {FirstPages: 2, FirstPageAmount: 2000, LaterPageAmount: 1000, Cap: 200000}.
type Fee struct {
	Kind            string `json:"kind"`
	Amount          int64  `json:"amount,omitempty"`
	FirstPages      int    `json:"first_pages,omitempty"`
	FirstPageAmount int64  `json:"first_page_amount,omitempty"`
	LaterPageAmount int64  `json:"later_page_amount,omitempty"`
	Cap             int64  `json:"cap,omitempty"`
	Note            string `json:"note,omitempty"`
}

// For is the fee of one copy of `pages` pages (pages < 1 counts as 1).
func (f Fee) For(pages int) int64 {
	switch f.Kind {
	case FeeFixed:
		return f.Amount
	case FeePerPage:
		if pages < 1 {
			pages = 1
		}
		first := min(pages, max(f.FirstPages, 0))
		total := int64(first)*f.FirstPageAmount + int64(pages-first)*f.LaterPageAmount
		if f.Cap > 0 && total > f.Cap {
			total = f.Cap
		}
		return total
	}
	return 0
}

// total is what a dossier of `sets` copies of `pages` pages costs: a per-page fee is charged per
// copy, a fixed fee once per dossier.
func (f Fee) total(sets, pages int) int64 {
	if f.Kind == FeePerPage {
		return f.For(pages) * int64(max(sets, 1))
	}
	return f.For(pages)
}

// String is the fee as posted at the counter: "Miễn phí", "50.000 đ",
// "2.000 đ/trang, từ trang 3: 1.000 đ/trang, tối đa 200.000 đ/bản".
func (f Fee) String() string {
	switch f.Kind {
	case FeeFixed:
		return Money(f.Amount)
	case FeePerPage:
		var b strings.Builder
		if f.FirstPages > 0 && f.FirstPageAmount != f.LaterPageAmount {
			b.WriteString(Money(f.FirstPageAmount) + "/trang, từ trang " + strconv.Itoa(f.FirstPages+1) + ": " + Money(f.LaterPageAmount) + "/trang")
		} else {
			amt := f.LaterPageAmount
			if f.FirstPages > 0 {
				amt = f.FirstPageAmount
			}
			b.WriteString(Money(amt) + "/trang")
		}
		if f.Cap > 0 {
			b.WriteString(", tối đa " + Money(f.Cap) + "/bản")
		}
		return b.String()
	}
	return "Miễn phí"
}

// Money writes an amount of đồng the Vietnamese way: 200000 → "200.000 đ".
func Money(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	out := b.String() + " đ"
	if neg {
		out = "-" + out
	}
	return out
}

// validFee checks a catalogue fee.
func validFee(f Fee) (Fee, error) {
	var err error
	if f.Note, err = cleanText("fee", "Ghi chú lệ phí", f.Note, false, 300); err != nil {
		return f, err
	}
	switch f.Kind {
	case "", FeeNone:
		f.Kind = FeeNone
	case FeeFixed:
		if f.Amount < 0 {
			return f, invalid("fee", "Mức lệ phí không được âm.")
		}
	case FeePerPage:
		if f.FirstPages < 0 || f.FirstPageAmount < 0 || f.LaterPageAmount < 0 || f.Cap < 0 {
			return f, invalid("fee", "Lệ phí theo trang: số trang và các mức phí không được âm.")
		}
	default:
		return f, invalid("fee", "Loại lệ phí phải là: miễn phí, cố định, hoặc theo trang.")
	}
	return f, nil
}
