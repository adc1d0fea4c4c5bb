package main

import (
	"flag"
	"fmt"
	"motcua/app/desk"
	"strconv"
	"time"

	"motcua/store"
	"motcua/store/workday"
)

func runDemo(e *env, args []string) error {
	fs := e.newFlags("demo")
	n := fs.Int("dossiers", 0, "thêm chừng ấy hồ sơ mẫu trải trên các ngày làm việc (sổ phải trống), ví dụ 1000000")
	years := fs.Int("years", 1, "số năm của dữ liệu mẫu, tính lùi từ hôm nay")
	seed := fs.Uint64("seed", 1, "cùng một hạt giống cho cùng một dữ liệu")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		if err := d.Store.SeedDemo(e.ctx); err != nil {
			return err
		}
		if *n > 0 {
			start := time.Now()
			st, err := d.Store.GenerateDemo(e.ctx, store.BulkDemo{Dossiers: *n, Years: *years, Seed: *seed,
				Progress: func(done int) { fmt.Fprintf(e.stderr, "\r%d/%d hồ sơ", done, *n) }})
			fmt.Fprintln(e.stderr)
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Đã tạo %d hồ sơ, %d bước xử lý, %d đánh giá trong %d ngày làm việc (%d trễ hạn, %d đang mở) sau %s\n",
				st.Dossiers, st.Events, st.Ratings, st.Days, st.Late, st.Open, time.Since(start).Round(time.Second))
		}
		fmt.Fprintf(e.stdout, "Đã có dữ liệu mẫu trong %s\n", d.Dir)
		return nil
	})
}

// runSetup readies a fresh data folder for a real ward: agency, first admin, default catalogue.
func runSetup(e *env, args []string) error {
	fs := e.newFlags("setup")
	name := fs.String("name", "", "tên cơ quan, ví dụ \"UBND xã Tân Lập\"")
	parent := fs.String("parent", "", "tên in ở đầu phiếu, ví dụ \"UBND XÃ TÂN LẬP\"")
	code := fs.String("code", "", "mã định danh điện tử của cơ quan, ví dụ 000.21.26.H26 (chữ in hoa, chữ số, dấu chấm)")
	place := fs.String("place", "", "địa danh in trên phiếu")
	admin := fs.String("admin", "", "tên đăng nhập của quản trị viên đầu tiên")
	adminName := fs.String("admin-name", "", "họ và tên của quản trị viên đầu tiên")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	// The password comes on stdin, never on the command line (where ps and the history see it).
	password, err := e.readSecret("mật khẩu của quản trị viên đầu tiên")
	if err != nil {
		return err
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		a := store.Agency{Name: *name, ParentName: *parent, Code: *code, Place: *place}
		if err := d.Store.Setup(e.ctx, a, store.Official{Login: *admin, FullName: *adminName}, password); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Đã thiết lập %s trong %s\n", *name, d.Dir)
		return nil
	})
}

func runProcedures(e *env, args []string) error {
	fs := e.newFlags("procedures")
	asJSON := fs.Bool("json", false, "mỗi dòng một thủ tục dạng JSON: code, national_code, name, sector, days hoặc hours, fee, documents, active")
	all := fs.Bool("all", false, "cả thủ tục đã ngừng hoặc chưa áp dụng")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		q := ""
		if fs.NArg() > 0 {
			q = fs.Arg(0)
		}
		procs, err := d.Store.SearchProcedures(e.ctx, q)
		if *all {
			procs, err = d.Store.AllProcedures(e.ctx)
			procs = store.MatchProcedures(procs, q)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			for _, p := range procs {
				if err := e.printJSONLine(procJSON(p)); err != nil {
					return err
				}
			}
			return nil
		}
		for _, p := range procs {
			e.tsv(strconv.FormatInt(p.ID, 10), p.Code, p.Name, p.PostedTime(), p.PostedFee())
		}
		return nil
	})
}

// runProcedureCutoff sets a procedure's start rule for dossiers received after the cut-off
// (docs/DEADLINES.md); "default" follows the agency's rule. Audited as a catalogue change.
func runProcedureCutoff(e *env, args []string) error {
	fs := e.newFlags("procedure-cutoff")
	proc := fs.String("procedure", "", "id hoặc mã thủ tục")
	rule := fs.String("rule", "", "next_day (nhận sau giờ chốt tính từ ngày làm việc tiếp theo), receipt (tính từ lúc nhận) hoặc default (theo cơ quan)")
	from := fs.String("from", "", "có hiệu lực từ ngày (2026-01-01; mặc định hôm nay): thủ tục là phiên bản theo ngày")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	r := store.CutoffRule(*rule)
	switch r {
	case "default":
		r = store.CutoffDefault
	case store.CutoffNextDay, store.CutoffReceipt:
	default:
		return usagef("-rule: chỉ nhận next_day, receipt hoặc default")
	}
	return e.withDesk(func(d *desk.Desk) error {
		p, err := d.Store.Procedure(e.ctx, *proc)
		if err != nil {
			return usagef("-procedure: không có thủ tục %q (xem 'motcua procedures')", *proc)
		}
		p.Cutoff = r
		if p, err = d.Store.SaveProcedureFrom(e.ctx, e.by, p, *from); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", p.Code, p.Name, p.Cutoff.Name())
		return nil
	})
}

func runOfficials(e *env, args []string) error {
	fs := e.newFlags("officials")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDesk(func(d *desk.Desk) error {
		offs, err := d.Store.Officials(e.ctx)
		if err != nil {
			return err
		}
		for _, o := range offs {
			e.tsv(o.Login, o.FullName, string(o.Role))
		}
		return nil
	})
}

// runAgency shows the agency settings, or changes the ones given as flags.
func runAgency(e *env, args []string) error {
	fs := e.newFlags("agency")
	name := fs.String("name", "", "tên cơ quan, ví dụ \"UBND phường Hoài Đức\"")
	parent := fs.String("parent", "", "tên cơ quan in ở đầu phiếu, ví dụ \"UBND PHƯỜNG HOÀI ĐỨC\"")
	code := fs.String("code", "", "mã định danh điện tử của cơ quan dùng trong mã hồ sơ, ví dụ 000.21.26.H26")
	pattern := fs.String("code-pattern", "", "mẫu mã hồ sơ, mặc định "+store.DefaultCodePattern+" (hồ sơ đã có giữ mã cũ)")
	rule := fs.String("cutoff-rule", "", "thủ tục không có quy tắc riêng: next_day (nhận sau giờ chốt tính từ ngày làm việc tiếp theo) hoặc receipt (tính từ lúc nhận)")
	unit := fs.String("unit", "", "tên bộ phận một cửa, ví dụ \"Trung tâm Phục vụ hành chính công phường Hoài Đức\" (in dưới tên cơ quan và trong lời văn của các mẫu phiếu)")
	place := fs.String("place", "", "địa danh in trên phiếu")
	printerName := fs.String("printer", "", "tên máy in (bỏ trống: máy in mặc định)")
	saveOnly := fs.String("save-only", "", "yes: chỉ lưu PDF, không in; no: in")
	clocks := map[string]*string{}
	for _, f := range []string{"open", "lunch-start", "lunch-end", "close", "cutoff"} {
		clocks[f] = fs.String(f, "", "giờ "+f+" (HH:MM)")
	}
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDesk(func(d *desk.Desk) error {
		a, err := d.Store.Agency(e.ctx)
		if err != nil {
			return err
		}
		changed := false
		set := func(dst *string, v string, flagName string) {
			if isSet(fs, flagName) {
				*dst, changed = v, true
			}
		}
		set(&a.Name, *name, "name")
		set(&a.ParentName, *parent, "parent")
		set(&a.Unit, *unit, "unit")
		set(&a.Code, *code, "code")
		set(&a.Place, *place, "place")
		set(&a.Printer, *printerName, "printer")
		set(&a.CodePattern, *pattern, "code-pattern")
		if isSet(fs, "cutoff-rule") {
			a.DefaultCutoff, changed = store.CutoffRule(*rule), true
		}
		if isSet(fs, "save-only") {
			switch *saveOnly {
			case "yes", "true", "1":
				a.SaveOnly = true
			case "no", "false", "0":
				a.SaveOnly = false
			default:
				return usagef("-save-only: chỉ nhận yes hoặc no")
			}
			changed = true
		}
		for f, dst := range map[string]*workday.Clock{"open": &a.Hours.Open, "lunch-start": &a.Hours.LunchStart,
			"lunch-end": &a.Hours.LunchEnd, "close": &a.Hours.Close, "cutoff": &a.Hours.Cutoff} {
			if !isSet(fs, f) {
				continue
			}
			c, err := workday.ParseClock(*clocks[f])
			if err != nil {
				return usagef("-%s: %v", f, err)
			}
			*dst, changed = c, true
		}
		if changed {
			if err := d.Store.SaveAgency(e.ctx, e.by, a); err != nil {
				return err
			}
		}
		return e.printJSON(agencyJSON(a))
	})
}

func agencyJSON(a store.Agency) map[string]any {
	return map[string]any{
		"name": a.Name, "parent": a.ParentName, "unit": a.Unit, "code": a.Code, "place": a.Place,
		"open": a.Hours.Open.String(), "lunch_start": a.Hours.LunchStart.String(),
		"lunch_end": a.Hours.LunchEnd.String(), "close": a.Hours.Close.String(),
		"cutoff": a.Hours.Cutoff.String(), "printer": a.Printer, "save_only": a.SaveOnly,
		"code_pattern": a.CodePattern, "cutoff_rule": string(a.DefaultCutoff),
	}
}

// isSet reports whether a flag was given, so that an empty value can still clear a setting.
func isSet(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			found = true
		}
	})
	return found
}
