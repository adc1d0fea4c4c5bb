package store

import (
	"context"
	"time"

	"motcua/store/workday"
)

// Terms are what an intake applies: the procedure's time, documents and fees, or its case's.
type Terms struct {
	Case      string // "" : the procedure's own
	Unit      TimeUnit
	Days      int
	Hours     int
	Documents []Document
	Fee       Fee // lệ phí
	Charge    Fee // phí
}

// Terms gives the terms of the case named c ("" or the procedure's own). An unknown case is a
// ValidationError on "case".
func (p Procedure) Terms(c string) (Terms, error) {
	if c == "" {
		return Terms{Unit: p.Unit, Days: p.Days, Hours: p.Hours, Documents: p.Documents, Fee: p.Fee, Charge: p.Charge}, nil
	}
	for _, x := range p.Cases {
		if fold(x.Name) == fold(c) {
			return Terms{Case: x.Name, Unit: x.Unit, Days: x.Days, Hours: x.Hours, Documents: x.Documents, Fee: x.Fee, Charge: x.Charge}, nil
		}
	}
	return Terms{}, invalid("case", "Thủ tục \""+p.Name+"\" không có trường hợp \""+c+"\"; hãy chọn lại trường hợp.")
}

// Amount is what a dossier of sets copies of pages pages pays, phí and lệ phí together. A named
// exemption must be one the fee or the charge lists; the one that lists it is not charged.
func (t Terms) Amount(sets, pages int, exemption string) (int64, error) {
	fee, charge := t.Fee.total(sets, pages), t.Charge.total(sets, pages)
	if exemption != "" {
		fx, cx := t.Fee.exempt(exemption), t.Charge.exempt(exemption)
		if !fx && !cx {
			return 0, invalid("exemption", "\""+exemption+"\" không phải trường hợp được miễn phí, lệ phí của thủ tục này.")
		}
		if fx {
			fee = 0
		}
		if cx {
			charge = 0
		}
	}
	return fee + charge, nil
}

// Due is when a dossier received at `at` under these terms and the cut-off rule is due.
func (t Terms) Due(cal *workday.Calendar, at time.Time, h workday.OfficeHours, rule CutoffRule) time.Time {
	return dueBy(cal, at, t.Days, t.Hours, h, rule)
}

// PreviewProcedure is what the intake would compute for a sample dossier of p, saved or not:
// the due time and the amount of a dossier received at `at`, of sets copies of pages pages, under
// case c. p is validated first, so the admin's form sees the same errors as saving would give.
func (s *Store) PreviewProcedure(ctx context.Context, p Procedure, c string, at time.Time, sets, pages int) (time.Time, int64, error) {
	if p.ActiveFrom == "" {
		p.ActiveFrom = s.today()
	}
	p, err := normProcedure(p)
	if err != nil {
		return time.Time{}, 0, err
	}
	terms, err := p.Terms(c)
	if err != nil {
		return time.Time{}, 0, err
	}
	amount, err := terms.Amount(max(sets, 1), max(pages, 1), "")
	if err != nil {
		return time.Time{}, 0, err
	}
	a, err := s.Agency(ctx)
	if err != nil {
		return time.Time{}, 0, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return time.Time{}, 0, err
	}
	return terms.Due(cal, at, a.Hours, p.Cutoff.effective(a.DefaultCutoff)), amount, nil
}
