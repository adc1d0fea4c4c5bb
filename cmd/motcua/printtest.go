package main

import (
	"fmt"
	"motcua/app/desk"
	"os"
)

// runPrintTest prints the test page: the agency header, the Vietnamese letters and a 100 mm
// ruler, on A5 or A4, to the agency's printer or the one named.
func runPrintTest(e *env, args []string) error {
	fs := e.newFlags("printtest")
	name := fs.String("printer", "", "máy in (mặc định: máy in trong Quản trị → Cơ quan)")
	paper := fs.String("paper", "A5", "khổ giấy: A5 hoặc A4")
	out := fs.String("o", "", "chỉ ghi trang in thử ra tệp PDF này, không in")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *paper != "A5" && *paper != "A4" {
		return usagef("-paper: khổ giấy %q không có, chọn A5 hoặc A4", *paper)
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		path, err := d.TestPage(e.ctx, *paper)
		if err != nil {
			return err
		}
		if *out != "" {
			b, err := os.ReadFile(path)
			if err == nil {
				err = os.WriteFile(*out, b, 0o644)
			}
			if err != nil {
				return fmt.Errorf("-o: không ghi được %s: %w", *out, err)
			}
			fmt.Fprintln(e.stdout, *out)
			return nil
		}
		if err := d.PrintOn(e.ctx, path, *name); err != nil {
			return fmt.Errorf("%w\nTrang in thử ở %s: mở tệp và in bằng trình xem PDF", err, path)
		}
		fmt.Fprintf(e.stdout, "Đã gửi trang in thử %s (%s) đến máy in. Đo thước 100 mm trên trang để kiểm tra cỡ in.\n", *paper, path)
		return nil
	})
}
