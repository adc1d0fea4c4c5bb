package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"motcua/app/desk"
	"motcua/store"
)

// reportFolder: three HT04 dossiers in January 2026 (due three working days later at the same
// minute): one resolved at the due minute, one a minute after, one still open.
func reportFolder(t *testing.T) string {
	t.Helper()
	dir := demoFolder(t)
	onTime := receiveHT04(t, dir, "Nguyễn Văn An", "2026-01-05 09:00")
	late := receiveHT04(t, dir, "Trần Thị Bình", "2026-01-05 09:00")
	receiveHT04(t, dir, "Lê Văn Cường", "2026-01-06 09:00")
	for _, c := range []struct{ code, resolved string }{{onTime, "2026-01-08 09:00"}, {late, "2026-01-08 09:01"}} {
		step(t, dir, "handover", "-code", c.code, "-to", "tuphap", "-by", "tiepnhan1", "-at", "2026-01-05 10:00")
		step(t, dir, "confirm", "-code", c.code, "-by", "tuphap", "-at", "2026-01-05 10:30")
		step(t, dir, "resolve", "-code", c.code, "-by", "tuphap", "-at", c.resolved)
	}
	return dir
}

func TestReportII06aJSON(t *testing.T) {
	dir := reportFolder(t)
	out, stderr, code := motcua(t, dir, "report", "-kind", "ii06a", "-from", "2026-01-01", "-to", "2026-03-31", "-by", "chutich")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var raw struct {
		Rows  []map[string]any `json:"rows"`
		Total map[string]any   `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	var keys []string
	for k := range raw.Total {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	want := []string{"carried_over", "field", "in_progress_overdue", "in_progress_total", "in_progress_within", "on_time_rate",
		"procedure", "received_direct", "received_online", "received_total", "refused_withdrawn", "resolved_early",
		"resolved_late", "resolved_on_time", "resolved_total"}
	if !reflect.DeepEqual(keys, want) {
		t.Errorf("keys = %v\nwant %v", keys, want)
	}
	var got desk.II06aData
	json.Unmarshal([]byte(out), &got)
	if len(got.Rows) != 1 || got.Rows[0].Procedure != "Cấp Giấy xác nhận tình trạng hôn nhân" || got.Rows[0].Field != "Hộ tịch" {
		t.Fatalf("rows = %+v", got.Rows)
	}
	r := got.Total
	if r.ReceivedTotal != 3 || r.ReceivedDirect != 3 || r.ResolvedTotal != 2 || r.ResolvedOnTime != 1 || r.ResolvedLate != 1 ||
		r.InProgressTotal != 1 || r.InProgressOverdue != 1 || r.OnTimeRate != 0.5 {
		t.Errorf("total = %+v; want 3 received, 2 resolved (1 on time at the due minute, 1 late a minute after), 1 overdue, rate 0.5", r)
	}
}

func TestReportOfficialsRefusedToCounterOfficial(t *testing.T) {
	dir := reportFolder(t)
	_, stderr, code := motcua(t, dir, "report", "-kind", "officials", "-from", "2026-01-01", "-to", "2026-03-31", "-by", "tiepnhan1")
	if code != 2 || !strings.Contains(stderr, "không có quyền") {
		t.Errorf("exit %d, stderr %q; want 2 and the refusal", code, stderr)
	}
	if _, _, code := motcua(t, dir, "report", "-kind", "weekly", "-from", "2026-01-01", "-to", "2026-03-31"); code != 2 {
		t.Errorf("unknown kind: exit %d, want 2", code)
	}
	if _, _, code := motcua(t, dir, "report", "-kind", "ii06a", "-from", "2026-03-31", "-to", "2026-01-01", "-by", "chutich"); code != 2 {
		t.Errorf("backwards period: exit %d, want 2", code)
	}
}

// TestReportFilesAgree: the JSON, the PDF's text and the .xlsx cells carry the same figures.
func TestReportFilesAgree(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Fatalf("pdftotext is needed (apt-get install poppler-utils): %v", err)
	}
	dir := reportFolder(t)
	for _, kind := range desk.ReportKinds {
		t.Run(kind, func(t *testing.T) {
			args := []string{"report", "-kind", kind, "-from", "2026-01-01", "-to", "2026-03-31", "-by", "chutich"}
			js, stderr, code := motcua(t, dir, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			// The lines each file must show, from the JSON.
			var lines [][]string
			switch kind {
			case desk.ReportII06a:
				var d desk.II06aData
				json.Unmarshal([]byte(js), &d)
				for _, r := range d.Rows {
					lines = append(lines, desk.II06aCells(r)[2:]) // the names wrap in the PDF: compare the figures
				}
				lines = append(lines, desk.II06aCells(d.Total)[2:])
			case desk.ReportOfficials:
				var cs []store.Scorecard
				json.Unmarshal([]byte(js), &cs)
				for _, c := range cs {
					lines = append(lines, desk.ScorecardCells(c))
				}
				if len(cs) == 0 || cs[0].Official == "" {
					t.Fatalf("scorecards = %s", js)
				}
			case desk.ReportSatisfaction:
				var s store.Satisfaction
				json.Unmarshal([]byte(js), &s)
				for _, it := range desk.SatisfactionItems(nil, s) {
					lines = append(lines, []string{it[1]})
				}
			}
			pdf := filepath.Join(t.TempDir(), kind+".pdf")
			xlsx := filepath.Join(t.TempDir(), kind+".xlsx")
			for _, f := range []string{pdf, xlsx} {
				if _, stderr, code := motcua(t, dir, append(args, "-o", f)...); code != 0 {
					t.Fatalf("-o %s: exit %d: %s", f, code, stderr)
				}
			}
			b, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Join(strings.Fields(string(b)), " ")
			x, err := excelize.OpenFile(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			defer x.Close()
			rows, err := x.GetRows(x.GetSheetName(0))
			if err != nil {
				t.Fatal(err)
			}
			sheet := map[string]bool{}
			for _, r := range rows {
				for i := range r {
					var tail []string
					for _, c := range r[i:] {
						if c != "" {
							tail = append(tail, c)
						}
					}
					sheet[strings.Join(tail, " ")] = true
				}
			}
			for _, ln := range lines {
				var cells []string
				for _, c := range ln {
					if c != "" {
						cells = append(cells, c)
					}
				}
				want := strings.Join(cells, " ")
				if !strings.Contains(text, want) {
					t.Errorf("PDF lacks %q:\n%s", want, text)
				}
				if !sheet[want] {
					t.Errorf(".xlsx has no row ending %q: %q", want, rows)
				}
			}
			for _, must := range []string{"NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG CƠ QUAN", "UBND PHƯỜNG HOÀI ĐỨC", "từ ngày 01/01/2026 đến ngày 31/03/2026"} {
				if !strings.Contains(text, must) {
					t.Errorf("PDF lacks %q", must)
				}
			}
		})
	}
}
