package main

import (
	"fmt"
	"motcua/app/desk"
	"strings"
	"time"

	"motcua/store"
	"motcua/store/workday"
)

func runHolidays(e *env, args []string) error {
	fs := e.newFlags("holidays")
	year := fs.Int("year", time.Now().In(workday.Loc).Year(), "năm dương lịch")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *year < 1901 || *year > 2099 {
		return usagef("-year: chỉ tính được các năm 1901–2099")
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		cal, err := d.Store.Calendar(e.ctx)
		if err != nil {
			return err
		}
		for _, day := range cal.Holidays(*year) {
			e.tsv(day.Date.Format("2006-01-02"), string(day.Kind), day.Name)
		}
		return nil
	})
}

// runOverride applies one line of the Government's yearly decision: an extra day off, a make-up
// working day, or a statutory day that is no longer off; or removes such a line.
func runOverride(e *env, args []string) error {
	if len(args) == 0 || (args[0] != "add" && args[0] != "remove") {
		return usagef("cách dùng: motcua override add -date 2027-02-08 -kind extra|workday|notoff -name TÊN -reason LÝ_DO | motcua override remove -date 2027-02-08 -reason LÝ_DO")
	}
	verb := args[0]
	fs := e.newFlags("override " + verb)
	date := fs.String("date", "", "ngày (2027-02-08)")
	kind := fs.String("kind", "extra", "extra: nghỉ thêm; workday: làm bù; notoff: không nghỉ")
	name := fs.String("name", "", "tên ngày, ví dụ \"Nghỉ Tết (hoán đổi)\"")
	reason := fs.String("reason", "", "căn cứ, ví dụ số văn bản của Chính phủ")
	if err := e.parse(fs, args[1:]); err != nil {
		return err
	}
	day, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(*date), workday.Loc)
	if err != nil {
		return usagef("-date: ngày %q không đúng dạng 2027-02-08", *date)
	}
	k := workday.Kind(*kind)
	if verb == "add" && k != workday.Extra && k != workday.Workday && k != workday.NotOff {
		return usagef("-kind: chỉ nhận extra, workday hoặc notoff")
	}
	return e.withDesk(func(d *desk.Desk) error {
		if verb == "remove" {
			return d.Store.RemoveOverride(e.ctx, e.by, day, *reason)
		}
		return d.Store.AddOverride(e.ctx, e.by, workday.Override{Date: day, Kind: k, Name: *name}, *reason)
	})
}

func runDue(e *env, args []string) error {
	fs := e.newFlags("due")
	at := fs.String("at", "", "thời điểm tiếp nhận \"2026-01-26 16:20\" (mặc định: bây giờ)")
	days := fs.Int("days", 0, "số ngày làm việc theo quy định (0: trong ngày)")
	rule := fs.String("rule", "", "next_day: nhận sau giờ chốt tính từ ngày làm việc tiếp theo; receipt: tính từ lúc nhận (mặc định: quy tắc mặc định của cơ quan)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if r := store.CutoffRule(*rule); r != store.CutoffDefault && r != store.CutoffNextDay && r != store.CutoffReceipt {
		return usagef("-rule: chỉ nhận next_day hoặc receipt")
	}
	if *days < 0 || *days > 365 {
		return usagef("-days: số ngày làm việc phải từ 0 đến 365")
	}
	received, err := parseTimeFlag("-at", *at)
	if err != nil {
		return err
	}
	if received.IsZero() {
		received = time.Now()
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		cal, err := d.Store.Calendar(e.ctx)
		if err != nil {
			return err
		}
		a, err := d.Store.Agency(e.ctx)
		if err != nil {
			return err
		}
		r := store.CutoffRule(*rule)
		if r == store.CutoffDefault {
			r = a.DefaultCutoff
		}
		fmt.Fprintln(e.stdout, cal.DueWith(received, *days, a.Hours, r != store.CutoffReceipt).In(workday.Loc).Format(time.RFC3339))
		return nil
	})
}

func runLunar(e *env, args []string) error {
	fs := e.newFlags("lunar")
	toSolar := fs.String("to-solar", "", "ngày âm lịch \"10/3/2026\" (tháng nhuận: \"1/2 nhuận/2023\")")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *toSolar != "" {
		l, err := workday.ParseLunar(*toSolar)
		if err != nil {
			return usagef("-to-solar: %v", err)
		}
		t, err := workday.ToSolar(l)
		if err != nil {
			return usagef("-to-solar: %v", err)
		}
		fmt.Fprintln(e.stdout, t.Format("2006-01-02"))
		return nil
	}
	if fs.NArg() != 1 {
		return usagef("cách dùng: motcua lunar 2026-02-17 | motcua lunar -to-solar 10/3/2026")
	}
	day, err := time.ParseInLocation("2006-01-02", fs.Arg(0), workday.Loc)
	if err != nil {
		return usagef("ngày %q không đúng dạng 2026-02-17", fs.Arg(0))
	}
	if day.Year() < 1901 || day.Year() > 2099 {
		return usagef("chỉ tính được các năm 1901–2099")
	}
	fmt.Fprintln(e.stdout, workday.ToLunar(day).String())
	return nil
}
