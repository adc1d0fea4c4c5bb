package main

import (
	"fmt"
	"slices"
	"strings"

	"motcua/app/desk"
)

// runReport prints a report as JSON, or writes it to -o (.pdf, .xlsx or .json). The store checks
// the -by official's role: a counter official asking for the agency's reports is refused (exit 2).
func runReport(e *env, args []string) error {
	fs := e.newFlags("report")
	kind := fs.String("kind", "", "loại báo cáo: "+strings.Join(desk.ReportKinds, ", "))
	from := fs.String("from", "", "từ ngày \"2026-01-01\"")
	to := fs.String("to", "", "đến ngày \"2026-03-31\" (tính cả ngày đó)")
	out := fs.String("o", "", "tệp xuất ra: .pdf, .xlsx hoặc .json (không có: in JSON)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if !slices.Contains(desk.ReportKinds, *kind) {
		return usagef("-kind: hãy chọn %s", strings.Join(desk.ReportKinds, ", "))
	}
	f, err := parseDateFlag("-from", *from)
	if err != nil {
		return err
	}
	t, err := parseDateFlag("-to", *to)
	if err != nil {
		return err
	}
	if f.IsZero() || t.IsZero() {
		return usagef("-from, -to: hãy cho kỳ báo cáo, ví dụ -from 2026-01-01 -to 2026-03-31")
	}
	return e.withDesk(func(d *desk.Desk) error {
		if *out == "" {
			r, err := d.LoadReport(e.ctx, *kind, e.by, f, t)
			if err != nil {
				return err
			}
			data, err := r.JSON()
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(e.stdout, string(data))
			return err
		}
		if err := d.ExportReport(e.ctx, *kind, e.by, f, t, *out, nil); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, *out)
		return nil
	})
}
