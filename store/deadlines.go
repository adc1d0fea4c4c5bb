package store

import (
	"time"

	"motcua/store/workday"
)

// CutoffRule says when the clock of a dossier received late in the day starts (docs/DEADLINES.md).
// FORMS-2025.md §3: the 15:00 rule governs the transfer to the resolving agency; a result "the
// next day" for dossiers received after 15:00 holds where a procedure says so. A procedure has its
// own rule or takes the agency's default.
type CutoffRule string

const (
	CutoffDefault CutoffRule = ""         // a procedure's: the agency's default rule
	CutoffNextDay CutoffRule = "next_day" // received after the cut-off: counts from the next working day
	CutoffReceipt CutoffRule = "receipt"  // counts from the receipt time until closing
)

var cutoffNames = map[CutoffRule]string{
	CutoffDefault: "theo mặc định của cơ quan",
	CutoffNextDay: "nhận sau giờ chốt tính từ ngày làm việc tiếp theo",
	CutoffReceipt: "tính từ lúc nhận, đến giờ đóng cửa",
}

// Name is the rule's Vietnamese description.
func (r CutoffRule) Name() string { return cutoffNames[r] }

// validCutoff checks a rule; def says whether CutoffDefault is allowed (procedures) or not (the
// agency's default itself).
func validCutoff(field FieldKey, r CutoffRule, def bool) error {
	if _, ok := cutoffNames[r]; ok && (def || r != CutoffDefault) {
		return nil
	}
	return invalid(field, "Quy tắc giờ chốt phải là \"next_day\" (nhận sau giờ chốt tính từ ngày làm việc tiếp theo) hoặc \"receipt\" (tính từ lúc nhận).")
}

// effective is the rule a procedure's dossier is due by: its own, else the agency's, else next_day.
func (r CutoffRule) effective(agency CutoffRule) CutoffRule {
	switch {
	case r != CutoffDefault:
		return r
	case agency != CutoffDefault:
		return agency
	}
	return CutoffNextDay
}

// dueBy is the due time of a clock starting at `from` under rule (CutoffDefault: next_day, as
// dossiers received before the rule existed), for a procedure of days working days or, when
// hours > 0, of hours working hours.
func dueBy(cal *workday.Calendar, from time.Time, days, hours int, h workday.OfficeHours, rule CutoffRule) time.Time {
	if hours > 0 {
		return cal.DueHours(from, hours, h, rule != CutoffReceipt).In(workday.Loc)
	}
	return cal.DueWith(from, days, h, rule != CutoffReceipt).In(workday.Loc)
}
