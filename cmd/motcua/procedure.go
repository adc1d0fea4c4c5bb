package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"motcua/app/desk"
	"motcua/store"
)

// procedureJSON is one procedure as `motcua procedures -json` and `procedure show` print it:
// the catalogue file's keys, with the field's name and whether it is in force today.
type procedureJSON struct {
	store.Procedure
	Sector string `json:"sector"`
	Active bool   `json:"active"`
}

func procJSON(p store.Procedure) procedureJSON {
	return procedureJSON{Procedure: p, Sector: p.FieldName, Active: p.Active}
}

// runProcedure is `motcua procedure add|edit|end|show|import|export`.
func runProcedure(e *env, args []string) error {
	usage := "cách dùng: motcua procedure add|edit -code MÃ [-name … -field … -days N|-hours N|-same-day -fee JSON -docs JSON …] " +
		"| end -code MÃ [-from NGÀY] | show -code MÃ | import TỆP.xlsx|TỆP.json [-dry-run] [-from NGÀY] [-end-missing] | export -o TỆP.xlsx|TỆP.json"
	if len(args) == 0 {
		return usagef("%s", usage)
	}
	switch args[0] {
	case "add", "edit":
		return runProcedureSave(e, args[0], args[1:])
	case "end":
		return runProcedureEnd(e, args[1:])
	case "show":
		return runProcedureShow(e, args[1:])
	case "import":
		return runProcedureImport(e, args[1:])
	case "export":
		return runProcedureExport(e, args[1:])
	}
	return usagef("%s", usage)
}

// procedureFlags are the fields a procedure is written with on the command line; JSON for the
// structured ones, with the catalogue file's keys.
type procedureFlags struct {
	fs                                                              *flag.FlagSet
	code, national, name, field, level, agency, basis, result       *string
	online, anywhere, cutoff, fee, charge, docs, cases, from, start *string
	days, hours                                                     *int
	sameDay                                                         *bool
}

func newProcedureFlags(e *env, verb string) procedureFlags {
	fs := e.newFlags("procedure " + verb)
	return procedureFlags{fs: fs,
		code:     fs.String("code", "", "mã thủ tục của phường, ví dụ HT01"),
		national: fs.String("national-code", "", "mã thủ tục trên Cơ sở dữ liệu quốc gia, ví dụ 1.001193"),
		name:     fs.String("name", "", "tên thủ tục"),
		field:    fs.String("field", "", "mã lĩnh vực, ví dụ HT"),
		level:    fs.String("level", "", "cấp thực hiện: commune, province, central"),
		agency:   fs.String("agency", "", "cơ quan giải quyết (bỏ trống: cơ quan này)"),
		basis:    fs.String("legal-basis", "", "căn cứ pháp lý"),
		result:   fs.String("result", "", "kết quả người dân nhận"),
		online:   fs.String("online", "", "mức độ trực tuyến: none, partial, full"),
		anywhere: fs.String("anywhere", "", "yes: nhận hồ sơ không phụ thuộc nơi cư trú; no: không"),
		cutoff:   fs.String("cutoff", "", "quy tắc giờ chốt: next_day (nhận sau giờ chốt tính từ ngày làm việc tiếp theo), receipt (tính từ lúc nhận); bỏ trống: theo mặc định của cơ quan"),
		fee:      fs.String("fee", "", `lệ phí, JSON: {"kind":"fixed","amount":15000} | {"kind":"per_page","first_pages":2,"first_page_amount":2000,"later_page_amount":1000,"cap":200000} | {"kind":"per_copy","amount":8000} | {"kind":"none"}; "exemptions":["Hộ nghèo"]`),
		charge:   fs.String("charge", "", "phí, JSON như -fee"),
		docs:     fs.String("docs", "", `thành phần hồ sơ, JSON: [{"name":"Tờ khai","kind":"original","count":1,"optional":false,"note":""}]; kind: original, copy, certified_copy, present, original_or_copy`),
		cases:    fs.String("cases", "", `trường hợp, JSON: [{"name":"Có yếu tố nước ngoài","unit":"days","days":15,"documents":[…],"fee":{…},"charge":{…}}]`),
		from:     fs.String("from", "", "thay đổi có hiệu lực từ ngày (2026-01-01; mặc định hôm nay)"),
		start:    fs.String("active-from", "", "thủ tục mới áp dụng từ ngày (mặc định hôm nay)"),
		days:     fs.Int("days", 0, "thời hạn: số ngày làm việc"),
		hours:    fs.Int("hours", 0, "thời hạn: số giờ làm việc"),
		sameDay:  fs.Bool("same-day", false, "giải quyết trong ngày"),
	}
}

// apply writes the flags that were given onto p.
func (f procedureFlags) apply(p *store.Procedure) error {
	str := map[string]*string{"national-code": &p.NationalCode, "name": &p.Name, "field": &p.FieldCode, "agency": &p.Agency,
		"legal-basis": &p.LegalBasis, "result": &p.Result}
	vals := map[string]*string{"national-code": f.national, "name": f.name, "field": f.field, "agency": f.agency,
		"legal-basis": f.basis, "result": f.result}
	for k, dst := range str {
		if isSet(f.fs, k) {
			*dst = *vals[k]
		}
	}
	if isSet(f.fs, "field") {
		p.FieldID = 0 // by code
	}
	if isSet(f.fs, "level") {
		p.Level = store.Level(*f.level)
	}
	if isSet(f.fs, "online") {
		p.Online = store.OnlineLevel(*f.online)
	}
	if isSet(f.fs, "cutoff") {
		p.Cutoff = store.CutoffRule(*f.cutoff)
	}
	if isSet(f.fs, "anywhere") {
		switch *f.anywhere {
		case "yes", "true", "1":
			p.Anywhere = true
		case "no", "false", "0":
			p.Anywhere = false
		default:
			return usagef("-anywhere: chỉ nhận yes hoặc no")
		}
	}
	n := 0
	for _, k := range []string{"days", "hours", "same-day"} {
		if isSet(f.fs, k) {
			n++
		}
	}
	if n > 1 {
		return usagef("chỉ dùng một trong -days, -hours, -same-day")
	}
	switch {
	case isSet(f.fs, "days"):
		p.Unit, p.Days, p.Hours = store.TimeDays, *f.days, 0
	case isSet(f.fs, "hours"):
		p.Unit, p.Days, p.Hours = store.TimeHours, 0, *f.hours
	case *f.sameDay:
		p.Unit, p.Days, p.Hours = store.TimeSameDay, 0, 0
	}
	for _, j := range []struct {
		flag string
		src  *string
		dst  any
	}{{"fee", f.fee, &p.Fee}, {"charge", f.charge, &p.Charge}, {"docs", f.docs, &p.Documents}, {"cases", f.cases, &p.Cases}} {
		if !isSet(f.fs, j.flag) {
			continue
		}
		d := json.NewDecoder(strings.NewReader(*j.src))
		d.DisallowUnknownFields()
		if err := d.Decode(j.dst); err != nil {
			return usagef("-%s: không đọc được JSON: %v", j.flag, err)
		}
	}
	return nil
}

func runProcedureSave(e *env, verb string, args []string) error {
	f := newProcedureFlags(e, verb)
	if err := e.parse(f.fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*f.code) == "" {
		return usagef("-code: hãy ghi mã thủ tục")
	}
	return e.withDesk(func(d *desk.Desk) error {
		by := e.by
		var p store.Procedure
		var err error
		if verb == "edit" {
			if p, err = d.Store.Procedure(e.ctx, *f.code); err != nil {
				return err
			}
		} else {
			if _, err := d.Store.Procedure(e.ctx, *f.code); err == nil {
				return usagef("-code: thủ tục %s đã có; dùng 'motcua procedure edit'", strings.ToUpper(*f.code))
			}
			p = store.Procedure{Code: *f.code, ActiveFrom: *f.start}
		}
		if err := f.apply(&p); err != nil {
			return err
		}
		saved, err := d.Store.SaveProcedureFrom(e.ctx, by, p, *f.from)
		if err != nil {
			return err
		}
		return e.printJSON(procJSON(saved))
	})
}

func runProcedureEnd(e *env, args []string) error {
	fs := e.newFlags("procedure end")
	code := fs.String("code", "", "mã thủ tục")
	from := fs.String("from", "", "ngừng áp dụng từ ngày (2026-01-01; mặc định hôm nay)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDesk(func(d *desk.Desk) error {
		by := e.by
		p, err := d.Store.EndProcedure(e.ctx, by, *code, *from)
		if err != nil {
			return err
		}
		return e.printJSON(procJSON(p))
	})
}

func runProcedureShow(e *env, args []string) error {
	fs := e.newFlags("procedure show")
	code := fs.String("code", "", "mã thủ tục")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		p, err := d.Store.Procedure(e.ctx, *code)
		if err != nil {
			return err
		}
		h, err := d.Store.ProcedureHistory(e.ctx, p.Code)
		if err != nil {
			return err
		}
		type version struct {
			ValidFrom  string          `json:"valid_from"`
			RecordedAt string          `json:"recorded_at"`
			RecordedBy string          `json:"recorded_by"`
			Procedure  store.Procedure `json:"procedure"`
		}
		out := struct {
			procedureJSON
			Versions []version `json:"versions"`
		}{procedureJSON: procJSON(p)}
		for _, v := range h {
			out.Versions = append(out.Versions, version{v.ValidFrom, v.RecordedAt.Format("2006-01-02 15:04"), v.RecordedBy, v.Procedure})
		}
		return e.printJSON(out)
	})
}

func runProcedureImport(e *env, args []string) error {
	fs := e.newFlags("procedure import")
	dry := fs.Bool("dry-run", false, "chỉ cho biết sẽ thêm, sửa, ngừng gì; không ghi")
	from := fs.String("from", "", "thay đổi có hiệu lực từ ngày (2026-01-01; mặc định hôm nay)")
	endMissing := fs.Bool("end-missing", false, "ngừng áp dụng các thủ tục không có trong tệp (tệp là toàn bộ danh mục của tỉnh)")
	// The file comes first or last: `import FILE -dry-run` and `import -dry-run FILE`.
	var path string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		path, args = args[0], args[1:]
	}
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if path == "" && fs.NArg() > 0 {
		path = fs.Arg(0)
	}
	if path == "" {
		return usagef("cách dùng: motcua procedure import TỆP.xlsx|TỆP.json [-dry-run] [-from NGÀY] [-end-missing]")
	}
	f, err := desk.ReadCatalogueFile(path)
	if err != nil {
		return err
	}
	return e.withDesk(func(d *desk.Desk) error {
		opt := store.ImportOptions{From: *from, EndMissing: *endMissing}
		var plan store.CataloguePlan
		if *dry {
			plan, err = d.Store.PlanCatalogue(e.ctx, f.Catalogue, opt)
		} else {
			by := e.by
			plan, err = d.Store.ImportCatalogue(e.ctx, by, f.Catalogue, opt)
		}
		if err != nil {
			return f.Explain(err)
		}
		for _, l := range desk.DescribePlan(plan) {
			fmt.Fprintln(e.stdout, l)
		}
		if *dry {
			fmt.Fprintln(e.stdout, "Chạy thử: chưa ghi gì. Bỏ -dry-run để nhập.")
		}
		return nil
	})
}

func runProcedureExport(e *env, args []string) error {
	fs := e.newFlags("procedure export")
	out := fs.String("o", "", "tệp .xlsx hoặc .json")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o: hãy ghi tệp .xlsx hoặc .json")
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		c, err := d.Store.ExportCatalogue(e.ctx)
		if err != nil {
			return err
		}
		if err := desk.WriteCatalogueFile(*out, c); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Đã xuất %d thủ tục, %d lĩnh vực ra %s\n", len(c.Procedures), len(c.Fields), *out)
		return nil
	})
}
