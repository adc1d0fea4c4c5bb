package store

import "testing"

func TestFeeFor(t *testing.T) {
	copyFee := Fee{Kind: FeePerPage, FirstPages: 2, FirstPageAmount: 2000, LaterPageAmount: 1000, Cap: 200000}
	for _, c := range []struct {
		fee   Fee
		pages int
		want  int64
	}{
		{copyFee, 0, 2000},
		{copyFee, -3, 2000},
		{copyFee, 1, 2000},
		{copyFee, 2, 4000},
		{copyFee, 3, 5000},
		{copyFee, 10, 12000},
		{copyFee, 198, 200000},
		{copyFee, 199, 200000},
		{copyFee, 1000, 200000},
		{Fee{Kind: FeePerPage, LaterPageAmount: 500}, 4, 2000}, // no first-page rate, no cap
		{Fee{Kind: FeeFixed, Amount: 50000}, 7, 50000},
		{Fee{Kind: FeeNone}, 7, 0},
		{Fee{}, 1, 0},
	} {
		if got := c.fee.For(c.pages); got != c.want {
			t.Errorf("%s For(%d) = %d, want %d", c.fee, c.pages, got, c.want)
		}
	}
	if got := copyFee.total(3, 3); got != 15000 {
		t.Errorf("3 copies of 3 pages = %d, want 15000", got)
	}
	if got := (Fee{Kind: FeeFixed, Amount: 50000}).total(3, 3); got != 50000 {
		t.Errorf("fixed fee for 3 sets = %d, want 50000 (once per dossier)", got)
	}
}

func TestFeeString(t *testing.T) {
	for _, c := range []struct {
		fee  Fee
		want string
	}{
		{Fee{Kind: FeePerPage, FirstPages: 2, FirstPageAmount: 2000, LaterPageAmount: 1000, Cap: 200000},
			"2.000 đ/trang, từ trang 3: 1.000 đ/trang, tối đa 200.000 đ/bản"},
		{Fee{Kind: FeePerPage, LaterPageAmount: 1000}, "1.000 đ/trang"},
		{Fee{Kind: FeeFixed, Amount: 50000}, "50.000 đ"},
		{Fee{Kind: FeeFixed, Amount: 1500000}, "1.500.000 đ"},
		{Fee{Kind: FeeFixed, Amount: 500}, "500 đ"},
		{Fee{Kind: FeeNone}, "Miễn phí"},
	} {
		if got := c.fee.String(); got != c.want {
			t.Errorf("String() = %q, want %q", got, c.want)
		}
	}
}
