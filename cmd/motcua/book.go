package main

import (
	"fmt"
	"motcua/app/desk"
	"path/filepath"
	"strings"
	"time"

	"motcua/store"
	"motcua/store/workday"
)

// parseDateFlag reads a day "2026-01-31" or "31/01/2026"; empty is zero.
func parseDateFlag(flagName, v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "02/01/2006", "2/1/2006"} {
		if t, err := time.ParseInLocation(layout, v, workday.Loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usagef("%s: ngày %q không đúng dạng \"2026-01-31\"", flagName, v)
}

func runBook(e *env, args []string) error {
	fs := e.newFlags("book")
	year := fs.Int("year", 0, "năm của sổ (mặc định: năm nay, hoặc năm của -from)")
	from := fs.String("from", "", "từ ngày tiếp nhận \"2026-01-01\"")
	to := fs.String("to", "", "đến ngày tiếp nhận (tính cả ngày đó)")
	status := fs.Int("status", 0, "chỉ hồ sơ ở trạng thái này (1–10)")
	late := fs.Bool("late", false, "chỉ hồ sơ quá hạn")
	official := fs.String("official", "", "chỉ hồ sơ do cán bộ này tiếp nhận hoặc đang giữ")
	query := fs.String("q", "", "tìm theo mã, tên, CCCD, điện thoại")
	out := fs.String("o", "", "tệp xuất ra: .pdf hoặc .xlsx")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if *out == "" || (ext != ".pdf" && ext != ".xlsx") {
		return usagef("-o: hãy chọn tệp xuất ra có đuôi .pdf hoặc .xlsx")
	}
	f := store.BookFilter{Year: *year, Status: store.Status(*status), LateOnly: *late, Official: *official, Query: *query, By: e.by}
	var err error
	if f.From, err = parseDateFlag("-from", *from); err != nil {
		return err
	}
	if f.To, err = parseDateFlag("-to", *to); err != nil {
		return err
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return usagef("-to: ngày kết thúc phải sau ngày bắt đầu")
	}
	if f.Year == 0 {
		f.Year = time.Now().In(workday.Loc).Year()
		if !f.From.IsZero() {
			f.Year = f.From.Year()
		}
	}
	if *status < 0 || *status > 10 {
		return usagef("-status: trạng thái phải từ 1 đến 10")
	}
	return e.withDesk(func(d *desk.Desk) error {
		rows := 0
		if err := d.ExportBook(e.ctx, f, *out, func(done, total int) {
			rows = done
			fmt.Fprintf(e.stderr, "\rđã ghi %d/%d hồ sơ", done, total)
		}); err != nil {
			return err
		}
		fmt.Fprintln(e.stderr)
		fmt.Fprintf(e.stdout, "%s\t%d\n", *out, rows)
		return nil
	})
}
