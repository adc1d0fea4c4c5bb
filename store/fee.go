package store

import (
	"strconv"
	"strings"
)

// FeeKind is how a fee (phí or lệ phí) is worked out.
type FeeKind string

// Fee kinds.
const (
	FeeNone    FeeKind = "none"     // free
	FeeFixed   FeeKind = "fixed"    // Amount per dossier
	FeePerPage FeeKind = "per_page" // by pages, per copy, with a step and a cap
	FeePerCopy FeeKind = "per_copy" // Amount per copy (bản)
)

// maxFee is the largest amount a ward's fee rule may give: more is a typing error (an extra
// zero), not a fee of the one-stop counter.
const maxFee = 100_000_000

// Fee is a procedure's charge (lệ phí / phí), in đồng.
//   - "none": free.
//   - "fixed": Amount per dossier.
//   - "per_copy": Amount for each copy (bản).
//   - "per_page": per copy (bản): FirstPageAmount for each of the first FirstPages pages,
//     LaterPageAmount for every page after, at most Cap per copy (Cap 0: no cap). Chứng thực bản
//     sao từ bản chính: 2.000 đ/trang, from page 3 1.000 đ/trang, at most 200.000 đ/bản
//     (Circular 226/2016/TT-BTC) is {FirstPages: 2, FirstPageAmount: 2000, LaterPageAmount: 1000, Cap: 200000}.
//
// Exemptions lists the cases in which the fee is not charged ("Trẻ em dưới 6 tuổi", "Hộ nghèo"):
// the intake names the one that applies.
type Fee struct {
	Kind            FeeKind  `json:"kind"`
	Amount          int64    `json:"amount,omitempty"`
	FirstPages      int      `json:"first_pages,omitempty"`
	FirstPageAmount int64    `json:"first_page_amount,omitempty"`
	LaterPageAmount int64    `json:"later_page_amount,omitempty"`
	Cap             int64    `json:"cap,omitempty"`
	Note            string   `json:"note,omitempty"`
	Exemptions      []string `json:"exemptions,omitempty"`
}

func (f *Fee) fill() {
	if f.Kind == "" {
		f.Kind = FeeNone
	}
}

// For is the fee of one copy of `pages` pages (pages < 1 counts as 1).
func (f Fee) For(pages int) int64 {
	switch f.Kind {
	case FeeFixed, FeePerCopy:
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
	if f.Kind == FeePerPage || f.Kind == FeePerCopy {
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
	case FeePerCopy:
		return Money(f.Amount) + "/bản"
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

// validFee checks a catalogue fee; field and label name it ("fee", "Lệ phí"; "charge", "Phí").
func validFee(field FieldKey, label string, f Fee) (Fee, error) {
	var err error
	if f.Note, err = cleanText(field, "Ghi chú của "+strings.ToLower(label[:1])+label[1:], f.Note, false, 300); err != nil {
		return f, err
	}
	absurd := func(v int64) bool { return v < 0 || v > maxFee }
	bad := invalid(field, label+": mức thu phải từ 0 đến "+Money(maxFee)+" (số tiền đồng, không âm).")
	switch f.Kind {
	case "", FeeNone:
		f = Fee{Kind: FeeNone, Note: f.Note}
	case FeeFixed, FeePerCopy:
		if absurd(f.Amount) {
			return f, bad
		}
		f.FirstPages, f.FirstPageAmount, f.LaterPageAmount, f.Cap = 0, 0, 0, 0
	case FeePerPage:
		if absurd(f.FirstPageAmount) || absurd(f.LaterPageAmount) || absurd(f.Cap) {
			return f, bad
		}
		if f.FirstPages < 0 || f.FirstPages > 1000 {
			return f, invalid(field, label+": số trang tính theo mức đầu phải từ 0 đến 1000.")
		}
		if f.FirstPageAmount == 0 && f.LaterPageAmount == 0 {
			return f, invalid(field, label+" theo trang cần mức thu mỗi trang; nếu không thu, chọn \"miễn phí\".")
		}
		f.Amount = 0
	default:
		return f, invalid(field, label+": cách tính phải là miễn phí, cố định, theo trang hoặc theo bản.")
	}
	if len(f.Exemptions) > 20 {
		return f, invalid(field, label+": nhiều nhất 20 trường hợp miễn.")
	}
	ex := make([]string, 0, len(f.Exemptions))
	for i, e := range f.Exemptions {
		c, err := cleanText(field, label+", trường hợp miễn thứ "+strconv.Itoa(i+1), e, true, 200)
		if err != nil {
			return f, err
		}
		ex = append(ex, c)
	}
	f.Exemptions = ex
	if len(ex) == 0 {
		f.Exemptions = nil
	}
	return f, nil
}

// exempt reports whether reason is one of the fee's exemptions (case and diacritics aside).
func (f Fee) exempt(reason string) bool {
	for _, e := range f.Exemptions {
		if fold(e) == fold(reason) {
			return true
		}
	}
	return false
}
