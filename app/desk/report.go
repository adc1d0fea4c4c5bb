package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"motcua/print"
	"motcua/store"
)

// Report kinds: the CLI's -kind values and the report screen's tabs.
const (
	ReportII06a        = "ii06a"
	ReportOfficials    = "officials"
	ReportSatisfaction = "satisfaction"
)

// ReportKinds lists the kinds in the order the screen shows them.
var ReportKinds = []string{ReportII06a, ReportOfficials, ReportSatisfaction}

// II06aData is the JSON of Biểu II.06a: {"rows": [...], "total": {...}}.
type II06aData struct {
	Rows  []store.II06aRow `json:"rows"`
	Total store.II06aRow   `json:"total"`
}

// ReportData is what one report holds, as the store computed it: exactly one of II06a,
// Officials, Satisfaction is set (by Kind); Months is the on-time series for the charts.
type ReportData struct {
	Kind         string
	From, To     time.Time
	II06a        *II06aData
	Officials    []store.Scorecard
	Satisfaction *store.Satisfaction
	Months       []store.MonthRate
}

// JSON is the report's JSON as the CLI prints it: the II.06a object, the list of scorecards,
// or the satisfaction object.
func (r ReportData) JSON() ([]byte, error) {
	var v any
	switch r.Kind {
	case ReportII06a:
		v = r.II06a
	case ReportOfficials:
		v = r.Officials
	default:
		v = r.Satisfaction
	}
	return json.MarshalIndent(v, "", "  ")
}

// LoadReport reads a report of kind for the days from..to (both included) as the official by.
// The store checks by's permission (a *store.ForbiddenError when refused).
func (d *Desk) LoadReport(ctx context.Context, kind, by string, from, to time.Time) (ReportData, error) {
	r := ReportData{Kind: kind, From: from, To: to}
	var err error
	switch kind {
	case ReportII06a:
		var data II06aData
		if data.Rows, data.Total, err = d.Store.ReportII06a(ctx, by, from, to); err != nil {
			return r, err
		}
		if data.Rows == nil {
			data.Rows = []store.II06aRow{}
		}
		r.II06a = &data
		r.Months, err = d.Store.OnTimeByMonth(ctx, by, from, to)
	case ReportOfficials:
		r.Officials, err = d.Store.Scorecards(ctx, by, from, to, "")
		if r.Officials == nil {
			r.Officials = []store.Scorecard{}
		}
	case ReportSatisfaction:
		var s store.Satisfaction
		s, err = d.Store.ReportSatisfaction(ctx, by, from, to)
		r.Satisfaction = &s
	default:
		return r, fmt.Errorf("Loại báo cáo %q không có; chọn ii06a, officials hoặc satisfaction.", kind)
	}
	return r, err
}

// Percent writes a 0–1 rate as the reports print it: "86,7%".
func Percent(rate float64) string {
	return strings.Replace(strconv.FormatFloat(rate*100, 'f', 1, 64), ".", ",", 1) + "%"
}

// Decimal writes a score with one decimal and a comma: "3,7".
func Decimal(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1)
}

// II06aCells are the row's cells as the PDF, the sheet and the screen show them (without STT).
func II06aCells(r store.II06aRow) []string {
	n := strconv.Itoa
	rate := ""
	if r.ResolvedTotal > 0 {
		rate = Percent(r.OnTimeRate)
	}
	return []string{r.Field, r.Procedure, n(r.ReceivedTotal), n(r.ReceivedOnline), n(r.ReceivedDirect), n(r.CarriedOver),
		n(r.ResolvedTotal), n(r.ResolvedEarly), n(r.ResolvedOnTime), n(r.ResolvedLate),
		n(r.InProgressTotal), n(r.InProgressWithin), n(r.InProgressOverdue), n(r.RefusedWithdrawn), rate}
}

// ScorecardCells are the scorecard's cells (without STT).
func ScorecardCells(c store.Scorecard) []string {
	n := strconv.Itoa
	rate, score := "", ""
	if c.Resolved > 0 {
		rate = Percent(c.OnTimeRate)
	}
	if c.Band != "" {
		score = Decimal(c.Score)
	}
	return []string{c.Name, n(c.Received), n(c.HandedOver), n(c.Returned), n(c.Resolved), n(c.Early), n(c.OnTime), n(c.Late), rate,
		n(c.Ratings), n(c.VerySatisfied), n(c.Satisfied), n(c.Unsatisfied), score, c.Band}
}

// LevelPct is a level's share of the ratings as the reports write it; "—" when nobody rated
// (0 % of nothing is not a figure).
func LevelPct(s store.Satisfaction, level int) string {
	if s.Rated == 0 {
		return "—"
	}
	return Decimal(s.LevelPct[level]) + "%"
}

// SatisfactionItems are the satisfaction report's lines: label, value. With no ratings every
// figure computed from ratings is "—", not a score of 0 beside a rate of 100 %.
func SatisfactionItems(l print.Labels, s store.Satisfaction) [][2]string {
	n := strconv.Itoa
	none := s.Rated == 0
	out := [][2]string{{l.Text("report.satisfaction.rated"), n(s.Rated)}}
	for _, lv := range []int{store.LevelVerySatisfied, store.LevelSatisfied, store.LevelDissatisfied} {
		val := "—"
		if !none {
			val = fmt.Sprintf("%d (%s)", s.Levels[lv], LevelPct(s, lv))
		}
		out = append(out, [2]string{store.LevelName(lv), val})
	}
	for _, c := range store.RatingCriteria {
		v, ok := s.Indices[c.Key]
		val := "—"
		if ok && !none {
			val = Decimal(v)
		}
		out = append(out, [2]string{l.Text("report.satisfaction.index", "name", c.Name), val})
	}
	band, score := s.AgencyBand, Decimal(s.AgencyScore)
	if band == "" || none {
		band, score = "—", "—"
	}
	lateRate, unsat, index := Percent(s.LateRate), Percent(s.UnsatisfiedRate), Percent(s.Index766)
	if s.Resolved == 0 {
		lateRate = "—"
	}
	if none {
		unsat, index = "—", "—"
	}
	return append(out,
		[2]string{l.Text("report.satisfaction.score"), score},
		[2]string{l.Text("report.satisfaction.band"), band},
		[2]string{l.Text("report.satisfaction.resolved"), n(s.Resolved)},
		[2]string{l.Text("report.satisfaction.late"), n(s.Late)},
		[2]string{l.Text("report.satisfaction.complaints"), n(s.Complaints)},
		[2]string{l.Text("report.satisfaction.late_rate"), lateRate},
		[2]string{l.Text("report.satisfaction.unsatisfied_rate"), unsat},
		[2]string{l.Text("report.satisfaction.index_766"), index})
}

// PrintReport lays the report out for print.ReportPDF and print.WriteReportXLSX.
func (d *Desk) PrintReport(ctx context.Context, r ReportData, now time.Time) (print.Report, error) {
	ag, err := d.Store.Agency(ctx)
	if err != nil {
		return print.Report{}, err
	}
	l, err := d.Labels()
	if err != nil {
		return print.Report{}, err
	}
	// The reporting unit is the agency; the receiving one is left to fill in (it depends on the
	// province's reporting regime).
	out := print.Report{Header: header(ag), Labels: l, Date: now, From: ag.Name,
		Subtitle: l.Text("report.period", "from", l.ShortDate(r.From), "to", l.ShortDate(r.To))}
	no := func(i int) string { return strconv.Itoa(i + 1) }
	switch r.Kind {
	case ReportII06a:
		k := func(s string) string { return l.Text("report.ii06a." + s) }
		out.Title, out.FormNo, out.Sheet, out.Landscape = k("title"), k("form_no"), k("sheet"), true
		out.Measure = l.Text("report.measure_dossiers")
		out.Head = []print.ReportHead{{Text: l.Text("report.col_no")}, {Text: k("col_field")}, {Text: k("col_procedure")},
			{Text: k("received"), Sub: []string{k("received_total"), k("received_online"), k("received_direct"), k("carried_over")}},
			{Text: k("resolved"), Sub: []string{k("resolved_total"), k("early"), k("on_time"), k("late")}},
			{Text: k("in_progress"), Sub: []string{k("in_progress_total"), k("within"), k("overdue")}},
			{Text: k("refused")}, {Text: k("rate")}}
		out.Widths = []float64{7, 18, 40, 13, 13, 15, 17, 13, 13, 13, 13, 13, 13, 13, 15, 14}
		out.Align = []string{"C", "L", "L"}
		for i, row := range r.II06a.Rows {
			out.Rows = append(out.Rows, append([]string{no(i)}, II06aCells(row)...))
		}
		tot := II06aCells(r.II06a.Total)
		tot[0], tot[1] = l.Text("report.total"), ""
		out.Total = append([]string{""}, tot...)
		out.Notes = []string{k("note")}
		ch := print.Chart{Title: k("chart"), Max: 1}
		for _, m := range r.Months {
			t, _ := time.Parse("2006-01", m.Month)
			txt := "—"
			if m.Resolved > 0 {
				txt = Percent(m.Rate)
			}
			ch.Bars = append(ch.Bars, print.Bar{Label: t.Format("01/2006"), Value: m.Rate, Text: txt})
		}
		out.Charts = []print.Chart{ch}
	case ReportOfficials:
		k := func(s string) string { return l.Text("report.officials." + s) }
		out.Title, out.Sheet, out.Landscape = k("title"), k("sheet"), true
		out.Head = []print.ReportHead{{Text: l.Text("report.col_no")}, {Text: k("col_name")}, {Text: k("col_received")},
			{Text: k("col_handed")}, {Text: k("col_returned")},
			{Text: k("resolved"), Sub: []string{k("col_resolved"), k("col_early"), k("col_on_time"), k("col_late"), k("col_rate")}},
			{Text: k("ratings"), Sub: []string{k("col_ratings"), k("col_very"), k("col_satisfied"), k("col_unsatisfied"),
				k("col_score"), k("col_band")}}}
		out.Widths = []float64{7, 34, 12, 12, 12, 13, 13, 13, 13, 14, 12, 13, 12, 13, 12, 17}
		out.Align = []string{"C", "L"}
		sat := print.Chart{Title: k("chart"), Max: 1}
		rate := print.Chart{Title: k("chart_rate"), Max: 1}
		for i, c := range r.Officials {
			out.Rows = append(out.Rows, append([]string{no(i)}, ScorecardCells(c)...))
			if len(c.LateCodes) > 0 {
				out.Notes = append(out.Notes, l.Text("report.officials.late", "name", c.Name, "codes", strings.Join(c.LateCodes, ", ")))
			}
			if len(c.Complaints) > 0 {
				out.Notes = append(out.Notes, l.Text("report.officials.complaints", "name", c.Name, "items", strings.Join(c.Complaints, "; ")))
			}
			if len(c.TopConduct) > 0 {
				out.Notes = append(out.Notes, l.Text("report.officials.conduct", "name", c.Name,
					"top", strings.Join(c.TopConduct, ", "), "bottom", strings.Join(c.BottomConduct, ", ")))
			}
			if c.Ratings > 0 {
				sat.Bars = append(sat.Bars, print.Bar{Label: c.Name, Value: c.SatisfiedRate(),
					Text: fmt.Sprintf("%s (%d)", Percent(c.SatisfiedRate()), c.Ratings)})
			}
			if c.Resolved > 0 {
				rate.Bars = append(rate.Bars, print.Bar{Label: c.Name, Value: c.OnTimeRate, Text: Percent(c.OnTimeRate)})
			}
		}
		out.Notes = append(out.Notes, k("note"))
		out.Charts = []print.Chart{rate, sat}
	case ReportSatisfaction:
		k := func(s string) string { return l.Text("report.satisfaction." + s) }
		out.Title, out.Sheet = k("title"), k("sheet")
		out.Head = []print.ReportHead{{Text: l.Text("report.col_no")}, {Text: k("col_item")}, {Text: k("col_value")}}
		out.Widths = []float64{8, 120, 45}
		out.Align = []string{"C", "L", "R"}
		for i, it := range SatisfactionItems(l, *r.Satisfaction) {
			out.Rows = append(out.Rows, []string{no(i), it[0], it[1]})
		}
		out.Notes = []string{k("note")}
		ch := print.Chart{Title: k("chart"), Max: 100}
		for _, lv := range []int{store.LevelVerySatisfied, store.LevelSatisfied, store.LevelDissatisfied} {
			ch.Bars = append(ch.Bars, print.Bar{Label: store.LevelName(lv), Value: r.Satisfaction.LevelPct[lv],
				Text: LevelPct(*r.Satisfaction, lv)})
		}
		out.Charts = []print.Chart{ch}
	}
	return out, nil
}

// ExportReport writes a report of kind for from..to, as the official by, to path: .pdf (A4),
// .xlsx or .json by its extension. progress (may be nil) hears each of its steps (reading,
// drawing, writing) as done of 3. The file appears only when complete.
func (d *Desk) ExportReport(ctx context.Context, kind, by string, from, to time.Time, path string, progress func(done, total int)) error {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".pdf" && ext != ".xlsx" && ext != ".json" {
		return fmt.Errorf("Tệp báo cáo phải có đuôi .pdf, .xlsx hoặc .json (không phải %q).", filepath.Base(path))
	}
	step := func(n int) {
		if progress != nil {
			progress(n, 3)
		}
	}
	r, err := d.LoadReport(ctx, kind, by, from, to)
	if err != nil {
		return err
	}
	step(1)
	var data []byte
	if ext == ".json" {
		data, err = r.JSON()
	} else {
		var pr print.Report
		if pr, err = d.PrintReport(ctx, r, time.Now()); err != nil {
			return err
		}
		if ext == ".pdf" {
			data, err = print.ReportPDF(pr)
		} else {
			var b strings.Builder
			err = print.WriteReportXLSX(&b, pr)
			data = []byte(b.String())
		}
	}
	if err != nil {
		return err
	}
	step(2)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	if err := writeFileAtomic(path, data); err != nil {
		return errors.Join(fmt.Errorf("không ghi được tệp báo cáo %s", path), err)
	}
	step(3)
	return nil
}
