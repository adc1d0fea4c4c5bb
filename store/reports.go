package store

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"motcua/store/workday"
)

// Reports (issue 6): Biểu II.06a, the officials' scorecards, the satisfaction report, the
// monthly on-time series and the desk summary. Every figure is an SQL aggregate over the dossier
// summary columns (0002), the events and the ratings, read through the indexes of 0004: a
// year's report reads that year's rows, never the decade. docs/REPORTS.md states the rules.

// Period is a report period: both days included, Vietnam time.
type Period struct {
	From, To time.Time // the first day's 00:00 and the day after the last day's 00:00 (excluded)
}

// ReportPeriod turns two dates (both included) into a Period; from after to is refused.
func ReportPeriod(from, to time.Time) (Period, error) {
	if from.IsZero() || to.IsZero() {
		return Period{}, invalid("from", "Chưa chọn kỳ báo cáo: cần cả ngày bắt đầu và ngày kết thúc.")
	}
	p := Period{From: dayStart(from), To: dayStart(to).AddDate(0, 0, 1)}
	if !p.From.Before(p.To) {
		return Period{}, invalid("to", fmt.Sprintf("Ngày kết thúc kỳ báo cáo (%s) phải từ ngày bắt đầu (%s) trở đi.",
			to.In(workday.Loc).Format("02/01/2006"), from.In(workday.Loc).Format("02/01/2006")))
	}
	return p, nil
}

// Last is the last day of the period (included).
func (p Period) Last() time.Time { return p.To.AddDate(0, 0, -1) }

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// II06aRow is one line of Biểu số II.06a/VPCP/KSTT: a procedure (or the total) in a period.
// ReceivedOnline counts the dossiers received through the online channel, ReceivedDirect those
// received in person or by post. RefusedWithdrawn (refused, withdrawn or stopped in the period)
// is shown apart and has no timeliness, so that CarriedOver + ReceivedTotal = ResolvedTotal +
// InProgressTotal + RefusedWithdrawn and the on-time rate counts resolved dossiers only. A
// dossier refused at the counter was never received: it is in none of the columns.
type II06aRow struct {
	Field             string  `json:"field"`
	Procedure         string  `json:"procedure"`
	ReceivedTotal     int     `json:"received_total"`
	ReceivedOnline    int     `json:"received_online"`
	ReceivedDirect    int     `json:"received_direct"`
	CarriedOver       int     `json:"carried_over"`
	ResolvedTotal     int     `json:"resolved_total"`
	ResolvedEarly     int     `json:"resolved_early"`
	ResolvedOnTime    int     `json:"resolved_on_time"`
	ResolvedLate      int     `json:"resolved_late"`
	InProgressTotal   int     `json:"in_progress_total"`
	InProgressWithin  int     `json:"in_progress_within"`
	InProgressOverdue int     `json:"in_progress_overdue"`
	RefusedWithdrawn  int     `json:"refused_withdrawn"`
	OnTimeRate        float64 `json:"on_time_rate"` // (early + on time) ÷ resolved, 0–1; 0 when nothing was resolved
}

func (r *II06aRow) add(o II06aRow) {
	r.ReceivedTotal += o.ReceivedTotal
	r.ReceivedOnline += o.ReceivedOnline
	r.ReceivedDirect += o.ReceivedDirect
	r.CarriedOver += o.CarriedOver
	r.ResolvedTotal += o.ResolvedTotal
	r.ResolvedEarly += o.ResolvedEarly
	r.ResolvedOnTime += o.ResolvedOnTime
	r.ResolvedLate += o.ResolvedLate
	r.InProgressTotal += o.InProgressTotal
	r.InProgressWithin += o.InProgressWithin
	r.InProgressOverdue += o.InProgressOverdue
	r.RefusedWithdrawn += o.RefusedWithdrawn
}

func (r *II06aRow) rate() { r.OnTimeRate = ratio(r.ResolvedEarly+r.ResolvedOnTime, r.ResolvedTotal) }

// count1 is the SQL that counts the rows where cond holds: SUM over a CASE, since PostgreSQL
// does not add booleans as SQLite does.
func count1(cond string) string { return `COALESCE(SUM(CASE WHEN ` + cond + ` THEN 1 ELSE 0 END), 0)` }

// periodDossiers are the dossiers a period's II.06a counts: those that ended in or after it
// (closed_at ≥ from) and those still open, received before its end. Two index ranges, never the
// years before. The closed ones' status is never read (only an open dossier's is), and selecting
// a constant for it keeps their branch inside its covering index, without a table row each.
const periodDossiers = `SELECT procedure_id, received_at, closed_at, resolved_at, due_at, late, early, 0 AS status FROM dossiers
		WHERE closed_at >= ?1 AND received_at < ?2 AND due_at <> ''
	UNION ALL
	SELECT procedure_id, received_at, closed_at, resolved_at, due_at, late, early, status FROM dossiers
		WHERE closed_at IS NULL AND received_at < ?2`

// ReportII06a is Biểu II.06a for the days from..to (both included), per field and procedure,
// with the total. It needs PermReportAll. The in-progress split is measured at the end of the
// period (or now, for a period not over yet): overdue when the due minute in force has passed;
// a dossier waiting for papers now is within (its clock is stopped).
func (s *Store) ReportII06a(ctx context.Context, by string, from, to time.Time) (rows []II06aRow, total II06aRow, err error) {
	if _, err = s.require(ctx, by, PermReportAll); err != nil {
		return nil, total, err
	}
	p, err := ReportPeriod(from, to)
	if err != nil {
		return nil, total, err
	}
	at := p.To
	if now := s.now().Truncate(time.Minute); now.Before(at) {
		at = now
	}
	// Aggregate per procedure first, then name the few groups (a join per dossier would cost more
	// than the counting).
	q := `WITH x AS (` + periodDossiers + `), g AS (SELECT procedure_id,
		` + count1(`received_at >= ?1`) + ` AS received,
		` + count1(`received_at < ?1`) + ` AS carried,
		` + count1(`closed_at < ?2 AND resolved_at IS NOT NULL`) + ` AS resolved,
		` + count1(`closed_at < ?2 AND resolved_at IS NOT NULL AND early = 1`) + ` AS early,
		` + count1(`closed_at < ?2 AND resolved_at IS NOT NULL AND late = 1`) + ` AS late,
		` + count1(`closed_at < ?2 AND resolved_at IS NULL`) + ` AS ended,
		` + count1(`closed_at IS NULL OR closed_at >= ?2`) + ` AS open,
		` + count1(`(closed_at IS NULL OR closed_at >= ?2) AND due_at < ?3 AND NOT (closed_at IS NULL AND status = ?4)`) + ` AS overdue
		FROM x GROUP BY procedure_id)
	SELECT procedure_id, received, carried, resolved, early, late, ended, open, overdue FROM g`
	online, err := s.onlineReceived(ctx, p)
	if err != nil {
		return nil, total, err
	}
	// Each row is named as the catalogue read on the period's last day: a later edit of a
	// procedure never renames the rows of a period already reported.
	named, err := s.proceduresOn(ctx, s.r, dayKey(p.To.Add(-time.Minute)))
	if err != nil {
		return nil, total, err
	}
	names := make(map[int64]Procedure, len(named))
	for _, np := range named {
		names[np.ID] = np
	}
	rs, err := s.r.QueryContext(ctx, q, ts(p.From), ts(p.To), ts(at), StatusSupplement)
	if err != nil {
		return nil, total, err
	}
	defer rs.Close()
	for rs.Next() {
		var r II06aRow
		var pid int64
		if err := rs.Scan(&pid, &r.ReceivedTotal, &r.CarriedOver, &r.ResolvedTotal, &r.ResolvedEarly,
			&r.ResolvedLate, &r.RefusedWithdrawn, &r.InProgressTotal, &r.InProgressOverdue); err != nil {
			return nil, total, err
		}
		r.Field, r.Procedure = names[pid].FieldName, names[pid].Name
		r.ReceivedOnline = online[pid]
		r.ReceivedDirect = r.ReceivedTotal - r.ReceivedOnline
		r.ResolvedOnTime = r.ResolvedTotal - r.ResolvedEarly - r.ResolvedLate
		r.InProgressWithin = r.InProgressTotal - r.InProgressOverdue
		r.rate()
		rows = append(rows, r)
		total.add(r)
	}
	if err := rs.Err(); err != nil {
		return nil, total, err
	}
	sort.SliceStable(rows, func(i, j int) bool {
		fi, fj := fold(rows[i].Field), fold(rows[j].Field)
		if fi != fj {
			return fi < fj
		}
		return fold(rows[i].Procedure) < fold(rows[j].Procedure)
	})
	total.Procedure = "Tổng cộng"
	total.rate()
	return rows, total, nil
}

// onlineReceived counts each procedure's dossiers received online in the period, from their own
// small index (migration 0010).
func (s *Store) onlineReceived(ctx context.Context, p Period) (map[int64]int, error) {
	out := map[int64]int{}
	var pid int64
	var n int
	err := s.scanRows(ctx, `SELECT procedure_id, COUNT(*) FROM dossiers WHERE channel = 'online' AND received_at >= ? AND received_at < ?
		AND due_at <> '' GROUP BY procedure_id`, []any{ts(p.From), ts(p.To)}, []any{&pid, &n}, func() error {
		out[pid] = n
		return nil
	})
	return out, err
}

// MonthRate is one bar of the on-time chart: dossiers resolved in a calendar month.
type MonthRate struct {
	Month    string  `json:"month"` // "2026-01"
	Resolved int     `json:"resolved"`
	Early    int     `json:"early"`
	OnTime   int     `json:"on_time"`
	Late     int     `json:"late"`
	Rate     float64 `json:"on_time_rate"` // (early + on time) ÷ resolved, 0–1
}

// OnTimeByMonth is the on-time rate of each calendar month the period touches (months with
// nothing resolved included, at 0), oldest first. It needs PermReportAll.
func (s *Store) OnTimeByMonth(ctx context.Context, by string, from, to time.Time) ([]MonthRate, error) {
	if _, err := s.require(ctx, by, PermReportAll); err != nil {
		return nil, err
	}
	p, err := ReportPeriod(from, to)
	if err != nil {
		return nil, err
	}
	var out []MonthRate
	idx := map[string]int{}
	for m := time.Date(p.From.Year(), p.From.Month(), 1, 0, 0, 0, 0, workday.Loc); m.Before(p.To); m = m.AddDate(0, 1, 0) {
		idx[m.Format("2006-01")] = len(out)
		out = append(out, MonthRate{Month: m.Format("2006-01")})
	}
	rs, err := s.r.QueryContext(ctx, `SELECT `+s.d.vnMonth("closed_at")+` AS m, COUNT(*),
		COALESCE(SUM(early), 0), `+count1(`late = 1`)+`
		FROM dossiers WHERE closed_at >= ? AND closed_at < ? AND resolved_at IS NOT NULL GROUP BY m`, ts(p.From), ts(p.To))
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var m MonthRate
		if err := rs.Scan(&m.Month, &m.Resolved, &m.Early, &m.Late); err != nil {
			return nil, err
		}
		m.OnTime = m.Resolved - m.Early - m.Late
		m.Rate = ratio(m.Early+m.OnTime, m.Resolved)
		if i, ok := idx[m.Month]; ok {
			out[i] = m
		}
	}
	return out, rs.Err()
}

// Official score bands (Thông tư 01/2018/TT-VPCP, citizens' evaluation; docs/REPORTS.md), on the score of officialIndices.
const (
	BandFull    = "100%"     // score ≥ 5: 100% of duties met
	BandMost    = "70–<100%" // 3.5 ≤ score < 5
	BandLow     = "<70%"     // score < 3.5
	BandUnrated = ""         // no rating in the period
)

// officialIndices are the Circular 01/2018 indices a citizen judges the official on: (1) time,
// (3) contacts needed to complete the dossier, (7) attitude. Three indices of 2 points: the
// official's scale runs to 6, as the thresholds 5 and 3.5 expect.
var officialIndices = []string{"time", "contacts", "attitude"}

// agencyScaleMax: the Circular's agency scale runs to 18 (nine indices of 2 points); the kiosk
// asks six, so the agency score is their sum scaled by 18 ÷ 12.
const (
	officialScaleMax = 6
	agencyScaleMax   = 18
)

// indexScore sums the index scores of keys (each 0–2, already one decimal) and scales the sum to
// max; indices nobody scored are left out of the scale, so a kiosk that skips one does not
// lower everyone's score. ok is false when no key was scored.
func indexScore(indices map[string]float64, keys []string, max float64) (score float64, ok bool) {
	var sum float64
	n := 0
	for _, k := range keys {
		if v, has := indices[k]; has {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return round1(sum * max / float64(2*n)), true
}

// OfficialBand is the band a score on the official's 0–6 scale gives.
func OfficialBand(score float64) string {
	switch {
	case score >= 5:
		return BandFull
	case score >= 3.5:
		return BandMost
	}
	return BandLow
}

// Agency bands (Thông tư 01/2018/TT-VPCP; docs/REPORTS.md), on the 0–18 scale.
var agencyBands = []struct {
	min  float64
	name string
}{{15, "Xuất sắc"}, {12, "Tốt"}, {9, "Khá"}, {6, "Trung bình"}, {0, "Yếu"}}

// AgencyBand is the band (Xuất sắc, Tốt, Khá, Trung bình, Yếu) of a score on the 0–18 scale.
func AgencyBand(score float64) string {
	for _, b := range agencyBands {
		if score >= b.min {
			return b.name
		}
	}
	return "Yếu"
}

// Scorecard is one official's figures for a period.
//
// Received counts dossiers they received; HandedOver and Returned the handovers and result
// returns they recorded. Resolved, Early, OnTime and Late count the dossiers resolved in the
// period that the official received at the counter or resolved themself (a dossier counts once
// per official, for each official it passed through in those roles); a late one is Late only for
// the official who held it when it went late (on time for the others), and LateCodes lists those
// (at most 100). The rating figures count the ratings given to the official in the period;
// Indices are each criterion's points ÷ ratings that scored it, one decimal; Score is
// officialIndices' sum on the 0–6 scale and Band the share of duties it gives.
type Scorecard struct {
	Official      string             `json:"official"`
	Name          string             `json:"name"`
	Role          string             `json:"role"`
	Received      int                `json:"received"`
	HandedOver    int                `json:"handed_over"`
	Returned      int                `json:"returned"`
	Resolved      int                `json:"resolved"`
	Early         int                `json:"early"`
	OnTime        int                `json:"on_time"`
	Late          int                `json:"late"`
	OnTimeRate    float64            `json:"on_time_rate"` // 0–1
	LateCodes     []string           `json:"late_codes"`
	Ratings       int                `json:"ratings"`
	VerySatisfied int                `json:"very_satisfied"`
	Satisfied     int                `json:"satisfied"`
	Unsatisfied   int                `json:"unsatisfied"`
	Indices       map[string]float64 `json:"indices"`
	Score         float64            `json:"score"` // 0–6
	Band          string             `json:"band"`  // BandFull, BandMost, BandLow; "" unrated
	TopConduct    []string           `json:"top_conduct"`
	BottomConduct []string           `json:"bottom_conduct"`
	Complaints    []string           `json:"complaints"`
}

// SatisfiedRate is the share of ratings that were Rất hài lòng or Hài lòng (0–1).
func (c Scorecard) SatisfiedRate() float64 { return ratio(c.VerySatisfied+c.Satisfied, c.Ratings) }

const (
	lateCodesCap  = 100
	complaintsCap = 100
	conductShown  = 3
)

// Scorecards returns the scorecards of the period: every official's (official "", needs
// PermReportAll), or one official's (their own needs PermReportOwn, another's PermReportAll).
// Officials are listed by name; inactive ones and administrators only when they did something
// in the period.
func (s *Store) Scorecards(ctx context.Context, by string, from, to time.Time, official string) ([]Scorecard, error) {
	official = strings.ToLower(strings.TrimSpace(official))
	actor, err := s.actor(ctx, by)
	if err != nil {
		return nil, err
	}
	perm := PermReportAll
	if official != "" && official == actor.Login {
		perm = PermReportOwn
	}
	if _, err := s.require(ctx, actor.Login, perm); err != nil {
		return nil, err
	}
	p, err := ReportPeriod(from, to)
	if err != nil {
		return nil, err
	}
	var one int64
	if official != "" {
		o, err := s.Official(ctx, official)
		if err != nil {
			return nil, invalid("official", fmt.Sprintf("Không có cán bộ có tên đăng nhập %q.", official))
		}
		one = o.ID
	}
	// only(col) restricts a query to the one official; it always takes the two arguments (one,
	// one), so that every query below has one argument list. With one = 0 (everyone) it puts no
	// condition on a column: an OR there would keep SQLite from using the period's index.
	only := func(col string) string {
		if one == 0 {
			return ` AND ? = 0 AND ? = 0`
		}
		return ` AND ` + col + ` = ? AND ? <> 0`
	}

	cards := map[int64]*Scorecard{}
	var order []int64
	quiet := map[int64]bool{} // inactive officials and administrators: listed only when they did something
	var o Official
	if err := s.scanRows(ctx, `SELECT `+officialCols+` FROM officials WHERE 1 = 1`+only("id"), []any{one, one},
		[]any{&o.ID, &o.Login, &o.FullName, &o.Role, &o.Phone, &o.Title, &o.Active, &o.HasPassword, &o.HasPIN}, func() error {
			cards[o.ID] = &Scorecard{Official: o.Login, Name: o.FullName, Role: o.Role.Name(), Indices: map[string]float64{},
				LateCodes: []string{}, TopConduct: []string{}, BottomConduct: []string{}, Complaints: []string{}}
			order = append(order, o.ID)
			quiet[o.ID] = !o.Active || o.Role == RoleAdmin
			return nil
		}); err != nil {
		return nil, err
	}
	f, t := ts(p.From), ts(p.To)
	var id int64
	var n, n2, n3 int // n3: the ratings' third count
	get := func() *Scorecard {
		c := cards[id]
		if c == nil { // an official added while reading: not in this report
			c = &Scorecard{Indices: map[string]float64{}}
		}
		return c
	}

	// Received at the counter. Grouped by an expression (+received_by), not the column: for the
	// column SQLite's planner walks the whole dossiers_received_by_book index to get the groups
	// in order without a sort, a cost that grows with every year of the ledger (1.2 s a year on
	// 1M dossiers); the expression leaves it the period's range of dossiers_received_by_at.
	if err := s.scanRows(ctx, `SELECT +received_by, COUNT(*) FROM dossiers WHERE received_at >= ? AND received_at < ?`+
		only("received_by")+` GROUP BY 1`, []any{f, t, one, one}, []any{&id, &n}, func() error {
		get().Received = n
		return nil
	}); err != nil {
		return nil, err
	}
	// Handovers and returns recorded.
	var kind string
	if err := s.scanRows(ctx, `SELECT by_id, kind, COUNT(*) FROM dossier_events WHERE kind IN (?, ?) AND at >= ? AND at < ?`+
		only("by_id")+` GROUP BY by_id, kind`, []any{ActHandover, ActReturn, f, t, one, one}, []any{&id, &kind, &n}, func() error {
		if Act(kind) == ActHandover {
			get().HandedOver = n
		} else {
			get().Returned = n
		}
		return nil
	}); err != nil {
		return nil, err
	}
	// Resolved in the period, received or resolved by the official: once per (official, dossier).
	// One range of the closed dossiers' index, grouped by the pair (receiver, resolver); a pair
	// counts for the receiver, and for the resolver when that is someone else. The lifecycle
	// keeps resolved_by and early on the dossier (migration 0008).
	pair := ` AND ? = 0 AND ? = 0`
	if one != 0 {
		pair = ` AND (received_by = ? OR resolved_by = ?)`
	}
	resolved := ` FROM dossiers WHERE closed_at >= ? AND closed_at < ? AND resolved_at IS NOT NULL`
	var rb int64 // the resolver; 0 for none
	credit := func(fn func(c *Scorecard)) {
		fn(get())
		if rb != 0 && rb != id {
			id = rb
			fn(get())
		}
	}
	// Grouped by expressions, as "received" above: by the columns SQLite walks the whole
	// dossiers_received_by_book index instead of the period's range of dossiers_closed_cover.
	if err := s.scanRows(ctx, `SELECT +received_by, COALESCE(resolved_by, 0), COUNT(*), COALESCE(SUM(early), 0)`+
		resolved+pair+` GROUP BY 1, 2`, []any{f, t, one, one},
		[]any{&id, &rb, &n, &n2}, func() error {
			credit(func(c *Scorecard) {
				c.Resolved += n
				c.Early += n2
			})
			return nil
		}); err != nil {
		return nil, err
	}
	// A late result is charged to whoever held the dossier when it went late (late_by, kept by the
	// lifecycle), not to an official who handed it on in time: for them it counts as on time. The
	// late ones come from their own small index, in code order for each official.
	lateOnly := ` AND ? = 0 AND ? = 0 AND ? = 0`
	if one != 0 {
		lateOnly = ` AND (received_by = ? OR resolved_by = ? OR late_by = ?)`
	}
	var code string
	var lb int64
	if err := s.scanRows(ctx, `SELECT received_by, COALESCE(resolved_by, 0), COALESCE(late_by, received_by), code`+resolved+
		` AND late = 1`+lateOnly+` ORDER BY code`, []any{f, t, one, one, one}, []any{&id, &rb, &lb, &code}, func() error {
		if lb != id && lb != rb { // held late by someone who neither received nor resolved it: theirs too
			if h := cards[lb]; h != nil {
				h.Resolved++
			}
		}
		id = lb
		c := get()
		c.Late++
		if len(c.LateCodes) < lateCodesCap {
			c.LateCodes = append(c.LateCodes, code)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for _, c := range cards {
		c.OnTime = c.Resolved - c.Early - c.Late
		c.OnTimeRate = ratio(c.Resolved-c.Late, c.Resolved)
	}
	// Ratings: levels and indices in one pass over the period's ratings, then conduct chips and
	// complaints.
	rated := ` FROM ratings r WHERE r.at >= ? AND r.at < ? AND r.official_id IS NOT NULL` + only("r.official_id")
	ra := []any{f, t, one, one}
	crit := newCriteriaSums()
	if err := s.scanRows(ctx, s.ratedWith(rated, `r.official_id AS oid`, `r.level AS level`)+`SELECT oid, COUNT(*), `+
		count1(`level = 2`)+`, `+count1(`level = 1`)+`, `+criteriaSumCols()+` FROM x GROUP BY oid`,
		ra, append([]any{&id, &n, &n2, &n3}, crit.dst...), func() error {
			c := get()
			c.Ratings, c.VerySatisfied, c.Satisfied, c.Unsatisfied = n, n2, n3, n-n2-n3
			crit.indices(c.Indices)
			return nil
		}); err != nil {
		return nil, err
	}
	chips := map[int64]map[string]int{}
	if err := s.scanRows(ctx, `SELECT r.official_id, j.value, COUNT(*) FROM ratings r, `+s.d.jsonArrayEach("r.conduct", "j")+`
		WHERE r.at >= ? AND r.at < ? AND r.official_id IS NOT NULL`+only("r.official_id")+` GROUP BY r.official_id, j.value`, ra,
		[]any{&id, &kind, &n}, func() error {
			if chips[id] == nil {
				chips[id] = map[string]int{}
			}
			chips[id][kind] = n
			return nil
		}); err != nil {
		return nil, err
	}
	var at, reasons, comment string
	var level int
	if err := s.scanRows(ctx, `SELECT r.official_id, r.at, COALESCE(d.code, ''), r.level, r.reasons, r.comment
		FROM ratings r LEFT JOIN dossiers d ON d.id = r.dossier_id
		WHERE r.at >= ? AND r.at < ? AND r.official_id IS NOT NULL`+only("r.official_id")+` AND `+s.complaint()+`
		ORDER BY r.official_id, r.at, r.id`, ra, []any{&id, &at, &code, &level, &reasons, &comment}, func() error {
		c := get()
		if len(c.Complaints) >= complaintsCap {
			return nil
		}
		line, err := complaintLine(at, code, level, reasons, comment)
		if err != nil {
			return err
		}
		c.Complaints = append(c.Complaints, line)
		return nil
	}); err != nil {
		return nil, err
	}

	var out []Scorecard
	for _, oid := range order {
		c := cards[oid]
		if c.Ratings > 0 {
			if score, ok := indexScore(c.Indices, officialIndices, officialScaleMax); ok {
				c.Score, c.Band = score, OfficialBand(score)
			}
			c.TopConduct, c.BottomConduct = conductRanks(chips[oid])
		}
		if quiet[oid] && one == 0 && c.Received+c.HandedOver+c.Returned+c.Resolved+c.Ratings == 0 {
			continue
		}
		out = append(out, *c)
	}
	sort.SliceStable(out, func(i, j int) bool { return fold(out[i].Name) < fold(out[j].Name) })
	return out, nil
}

// criteriaSums receives, for each of RatingCriteria, the points and the number of ratings that
// scored it: the columns criteriaSumCols selects, in that order.
type criteriaSums struct {
	sum []float64
	n   []int
	dst []any
}

func newCriteriaSums() *criteriaSums {
	c := &criteriaSums{sum: make([]float64, len(RatingCriteria)), n: make([]int, len(RatingCriteria))}
	for i := range RatingCriteria {
		c.dst = append(c.dst, &c.sum[i], &c.n[i])
	}
	return c
}

// ratedWith is a WITH clause naming x the ratings r of from (a FROM … WHERE … clause) with the
// columns cols (if any) and each criterion's points as c0, c1, … (NULL when not scored). The criteria are
// a fixed list: reading each member once per rating, in a materialized step, is faster than
// expanding every rating's JSON object into rows (60 against 110 ms for a year on SQLite).
func (s *Store) ratedWith(from string, cols ...string) string {
	for i, c := range RatingCriteria {
		cols = append(cols, s.d.jsonNumber("r.criteria", c.Key)+` AS c`+strconv.Itoa(i))
	}
	return `WITH x AS MATERIALIZED (SELECT ` + strings.Join(cols, `, `) + from + `) `
}

// criteriaSumCols are each criterion's points and the number of ratings that scored it, over x.
func criteriaSumCols() string {
	cols := make([]string, len(RatingCriteria))
	for i := range RatingCriteria {
		c := `c` + strconv.Itoa(i)
		cols[i] = `COALESCE(SUM(` + c + `), 0), COUNT(` + c + `)`
	}
	return strings.Join(cols, `, `)
}

// indices puts each scored criterion's points ÷ ratings that scored it (one decimal) into m.
func (c *criteriaSums) indices(m map[string]float64) {
	for i, k := range RatingCriteria {
		if c.n[i] > 0 {
			m[k.Key] = round1(c.sum[i] / float64(c.n[i]))
		}
	}
}

// complaint is the condition on a rating r that makes it a complaint: Không hài lòng, or a
// reason for dissatisfaction ticked (any level); Decision 766 counts both.
func (s *Store) complaint() string {
	return `(r.level = 0 OR ` + s.d.jsonArrayLength("r.reasons") + ` > 0)`
}

// complaintLine is how a complaint reads in a scorecard: "dd/mm/yyyy · code · level · reasons · “comment”".
func complaintLine(at, code string, level int, reasons, comment string) (string, error) {
	t, err := parseTS(at)
	if err != nil {
		return "", err
	}
	parts := []string{t.Format("02/01/2006")}
	if code != "" {
		parts = append(parts, code)
	}
	parts = append(parts, LevelName(level))
	var keys []string
	if err := json.Unmarshal([]byte(reasons), &keys); err != nil {
		return "", fmt.Errorf("lý do của đánh giá lưu sai định dạng: %w", err)
	}
	var names []string
	for _, k := range keys {
		names = append(names, ChoiceName(k))
	}
	if len(names) > 0 {
		parts = append(parts, strings.Join(names, ", "))
	}
	if comment != "" {
		parts = append(parts, "“"+comment+"”")
	}
	return strings.Join(parts, " · "), nil
}

// conductRanks names the conduct chips ticked most and least often ("Xin chào (12)"), three
// each; the least often include chips never ticked.
func conductRanks(counts map[string]int) (top, bottom []string) {
	type chip struct {
		name string
		n    int
	}
	all := make([]chip, len(ConductChips))
	for i, c := range ConductChips {
		all[i] = chip{c.Name, counts[c.Key]}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].n > all[j].n })
	label := func(c chip) string { return fmt.Sprintf("%s (%d)", c.name, c.n) }
	top, bottom = []string{}, []string{}
	for _, c := range all {
		if len(top) == conductShown || c.n == 0 {
			break
		}
		top = append(top, label(c))
	}
	for i := len(all) - 1; i >= 0 && len(bottom) < conductShown; i-- {
		bottom = append(bottom, label(all[i]))
	}
	return top, bottom
}

// scanRows runs a read query and calls fn after scanning each row into dst.
func (s *Store) scanRows(ctx context.Context, q string, args []any, dst []any, fn func() error) error {
	rs, err := s.r.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		if err := rs.Scan(dst...); err != nil {
			return err
		}
		if err := fn(); err != nil {
			return err
		}
	}
	return rs.Err()
}

// Satisfaction is the agency's citizen-satisfaction report for a period. Rates are fractions
// (0–1); LevelPct are percentages (0–100, one decimal) of the ratings at each level.
type Satisfaction struct {
	Rated       int                `json:"rated"`
	Levels      map[int]int        `json:"levels"`    // 2 Rất hài lòng, 1 Hài lòng, 0 Không hài lòng → count
	LevelPct    map[int]float64    `json:"level_pct"` // level → % of Rated, one decimal
	Indices     map[string]float64 `json:"indices"`   // criterion → points ÷ ratings that scored it, one decimal
	AgencyScore float64            `json:"agency_score"`
	AgencyBand  string             `json:"agency_band"` // Xuất sắc, Tốt, Khá, Trung bình, Yếu; "" unrated
	// Decision 766/QĐ-TTg: Resolved dossiers resolved in the period, Late those resolved late or
	// with more than one supplement request; Complaints the ratings that were Không hài lòng or
	// named a reason.
	Resolved        int     `json:"resolved"`
	Late            int     `json:"late"`
	Complaints      int     `json:"complaints"`
	LateRate        float64 `json:"late_rate"`
	UnsatisfiedRate float64 `json:"unsatisfied_rate"`
	Index766        float64 `json:"index_766"` // 1 − (LateRate + UnsatisfiedRate), not below 0
}

// ReportSatisfaction is the satisfaction report of the days from..to (both included), over
// every rating given in it (anonymous ones too). It needs PermReportAll.
func (s *Store) ReportSatisfaction(ctx context.Context, by string, from, to time.Time) (Satisfaction, error) {
	out := Satisfaction{Levels: map[int]int{2: 0, 1: 0, 0: 0}, LevelPct: map[int]float64{2: 0, 1: 0, 0: 0}, Indices: map[string]float64{}}
	if _, err := s.require(ctx, by, PermReportAll); err != nil {
		return out, err
	}
	p, err := ReportPeriod(from, to)
	if err != nil {
		return out, err
	}
	f, t := ts(p.From), ts(p.To)
	var level, n int
	if err := s.scanRows(ctx, `SELECT level, COUNT(*) FROM ratings WHERE at >= ? AND at < ? GROUP BY level`, []any{f, t},
		[]any{&level, &n}, func() error {
			out.Levels[level] = n
			out.Rated += n
			return nil
		}); err != nil {
		return out, err
	}
	for l, c := range out.Levels {
		out.LevelPct[l] = round1(100 * ratio(c, out.Rated))
	}
	crit := newCriteriaSums()
	if err := s.r.QueryRowContext(ctx, s.ratedWith(` FROM ratings r WHERE r.at >= ? AND r.at < ?`)+
		`SELECT `+criteriaSumCols()+` FROM x`, f, t).
		Scan(crit.dst...); err != nil {
		return out, err
	}
	crit.indices(out.Indices)
	keys := make([]string, len(RatingCriteria))
	for i, c := range RatingCriteria {
		keys[i] = c.Key
	}
	if score, ok := indexScore(out.Indices, keys, agencyScaleMax); ok {
		out.AgencyScore, out.AgencyBand = score, AgencyBand(score)
	}
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*), `+count1(`late = 1 OR supplements > 1`)+` FROM dossiers
		WHERE closed_at >= ? AND closed_at < ? AND resolved_at IS NOT NULL`, f, t).Scan(&out.Resolved, &out.Late); err != nil {
		return out, err
	}
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM ratings r WHERE r.at >= ? AND r.at < ? AND `+s.complaint(), f, t).
		Scan(&out.Complaints); err != nil {
		return out, err
	}
	out.LateRate = ratio(out.Late, out.Resolved)
	out.UnsatisfiedRate = ratio(out.Complaints, out.Rated)
	out.Index766 = math.Max(0, 1-out.LateRate-out.UnsatisfiedRate)
	return out, nil
}

// DeskSummary is what an official sees on opening: the open dossiers due today and on the next
// working day, the overdue ones, those waiting for papers, and the handovers waiting for this
// official's confirmation. Each list holds at most DeskCap dossiers, soonest due first; the
// counts are the full numbers.
type DeskSummary struct {
	Now         time.Time
	NextDay     time.Time // the next working day
	DueToday    []Dossier
	DueTomorrow []Dossier
	Overdue     []Dossier
	Supplement  []Dossier
	Pending     []Dossier

	DueTodayCount, DueTomorrowCount, OverdueCount, SupplementCount, PendingCount int
}

// DeskCap is how many dossiers each desk list holds.
const DeskCap = 20

// Desk returns the desk summary at now for the official by (their pending handovers; the due
// lists are the whole counter's). It needs PermViewDossiers.
func (s *Store) Desk(ctx context.Context, by string, now time.Time) (DeskSummary, error) {
	o, err := s.require(ctx, by, PermViewDossiers)
	if err != nil {
		return DeskSummary{}, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return DeskSummary{}, err
	}
	n := now.In(workday.Loc)
	today := dayStart(n)
	next := dayStart(cal.AddWorkingDays(n, 1))
	out := DeskSummary{Now: n, NextDay: next}
	minute := ts(n.Truncate(time.Minute))
	open := ` FROM dossiers d WHERE d.closed_at IS NULL AND d.status IN (?, ?) AND `
	lists := []struct {
		cond  string
		args  []any
		list  *[]Dossier
		count *int
	}{
		{`d.due_at < ?`, []any{minute}, &out.Overdue, &out.OverdueCount},
		{`d.due_at >= ? AND d.due_at < ?`, []any{minute, ts(today.AddDate(0, 0, 1))}, &out.DueToday, &out.DueTodayCount},
		{`d.due_at >= ? AND d.due_at < ?`, []any{ts(next), ts(next.AddDate(0, 0, 1))}, &out.DueTomorrow, &out.DueTomorrowCount},
	}
	for _, l := range lists {
		args := append([]any{StatusReceived, StatusProcessing}, l.args...)
		if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*)`+open+l.cond, args...).Scan(l.count); err != nil {
			return out, err
		}
		if err := s.each(ctx, dossierSelect+` WHERE d.closed_at IS NULL AND d.status IN (?, ?) AND `+l.cond+
			` ORDER BY d.due_at, d.id LIMIT ?`, append(args, DeskCap), func(d Dossier) error {
			*l.list = append(*l.list, d)
			return nil
		}); err != nil {
			return out, err
		}
	}
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers d WHERE d.closed_at IS NULL AND d.status = ?`,
		StatusSupplement).Scan(&out.SupplementCount); err != nil {
		return out, err
	}
	if err := s.each(ctx, dossierSelect+` WHERE d.closed_at IS NULL AND d.status = ? ORDER BY d.due_at, d.id LIMIT ?`,
		[]any{StatusSupplement, DeskCap}, func(d Dossier) error {
			out.Supplement = append(out.Supplement, d)
			return nil
		}); err != nil {
		return out, err
	}
	if err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers WHERE pending_to_id = ?`, o.ID).Scan(&out.PendingCount); err != nil {
		return out, err
	}
	if out.Pending, err = s.pendingTo(ctx, o.ID, DeskCap); err != nil {
		return out, err
	}
	return out, nil
}
