package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestProcedureCommands(t *testing.T) {
	dir := demoFolder(t)
	out, stderr, code := motcua(t, dir, "procedure", "add", "-code", "ht90", "-national-code", "1.004884", "-name", "Đăng ký lại khai sinh (thử)",
		"-field", "HT", "-hours", "8", "-fee", `{"kind":"fixed","amount":5000,"exemptions":["Hộ nghèo"]}`,
		"-docs", `[{"name":"Tờ khai","kind":"original","count":1},{"name":"Giấy tờ khác","kind":"copy","count":1,"optional":true}]`)
	if code != 0 {
		t.Fatalf("add: exit %d: %s", code, stderr)
	}
	var p map[string]any
	if err := json.Unmarshal([]byte(out), &p); err != nil || p["code"] != "HT90" || p["hours"] != 8.0 || p["unit"] != "hours" || p["active"] != true {
		t.Fatalf("add printed %s (%v)", out, err)
	}
	// Refusals name the field and write nothing.
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"add", "-code", "HT91", "-name", "", "-field", "HT", "-same-day", "-docs", `[{"name":"A","count":1}]`}, "Tên thủ tục không được để trống"},
		{[]string{"add", "-code", "HT91", "-name", "X", "-field", "HT", "-hours", "0", "-docs", `[{"name":"A","count":1}]`}, "giờ làm việc"},
		{[]string{"add", "-code", "HT91", "-name", "X", "-field", "HT", "-same-day", "-docs", `[{"name":"A","count":1,"optional":true}]`}, "bắt buộc"},
		{[]string{"add", "-code", "HT91", "-name", "X", "-field", "HT", "-same-day", "-fee", `{"kind":"fixed","amount":-1}`, "-docs", `[{"name":"A","count":1}]`}, "Lệ phí"},
		{[]string{"add", "-code", "HT90", "-name", "X", "-field", "HT", "-same-day"}, "đã có"},
		{[]string{"edit", "-code", "HT90", "-fee", `{"kind":"fixed","amout":5}`}, "-fee"},
		{[]string{"edit", "-code", "HT90", "-name", "Sửa bởi cán bộ tiếp nhận", "-by", "tiepnhan1"}, "không có quyền"},
	} {
		if _, stderr, code := motcua(t, dir, append([]string{"procedure"}, c.args...)...); code == 0 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d %q, want %q", c.args, code, stderr, c.want)
		}
	}
	if _, stderr, code := motcua(t, dir, "procedure", "edit", "-code", "HT90", "-fee", `{"kind":"fixed","amount":7000}`, "-from", "2099-01-01"); code != 0 {
		t.Fatalf("edit: %s", stderr)
	}
	out, _, _ = motcua(t, dir, "procedure", "show", "-code", "HT90")
	var shown struct {
		Fee      struct{ Amount int64 }
		Versions []struct {
			ValidFrom string `json:"valid_from"`
		}
	}
	if err := json.Unmarshal([]byte(out), &shown); err != nil || shown.Fee.Amount != 5000 || len(shown.Versions) != 2 || shown.Versions[1].ValidFrom != "2099-01-01" {
		t.Errorf("show: %s %v", out, err)
	}
	// procedures -json: one object per procedure.
	out, _, _ = motcua(t, dir, "procedures", "-json")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 40 {
		t.Errorf("procedures -json: %d lines", len(lines))
	}
	for _, l := range lines {
		var o map[string]any
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatal(l, err)
		}
		for _, k := range []string{"code", "national_code", "name", "sector", "unit", "fee", "documents", "active"} {
			if _, ok := o[k]; !ok {
				t.Errorf("procedures -json line lacks %q: %s", k, l)
			}
		}
	}
	// Export → edit the file → dry run → import → import again.
	xlsx := filepath.Join(t.TempDir(), "danh-muc.xlsx")
	if _, stderr, code := motcua(t, dir, "procedure", "export", "-o", xlsx); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	js := filepath.Join(t.TempDir(), "danh-muc.json")
	if _, stderr, code := motcua(t, dir, "procedure", "export", "-o", js); code != 0 {
		t.Fatalf("export json: %s", stderr)
	}
	b, _ := os.ReadFile(js)
	os.WriteFile(js, []byte(strings.Replace(string(b), `"name": "Đăng ký lại khai sinh (thử)"`, `"name": "Đăng ký lại khai sinh"`, 1)), 0o644)
	out, stderr, code = motcua(t, dir, "procedure", "import", js, "-dry-run")
	if code != 0 || !strings.Contains(out, "Sửa: HT90 Đăng ký lại khai sinh (tên)") || !strings.Contains(out, "Chạy thử") {
		t.Errorf("dry run: %d %s %s", code, out, stderr)
	}
	if o, _, _ := motcua(t, dir, "procedure", "show", "-code", "HT90"); !strings.Contains(o, "(thử)") {
		t.Error("the dry run wrote")
	}
	if out, stderr, code = motcua(t, dir, "procedure", "import", js); code != 0 || !strings.Contains(out, "sửa 1,") {
		t.Errorf("import: %d %s %s", code, out, stderr)
	}
	if out, _, _ = motcua(t, dir, "procedure", "import", xlsx); !strings.Contains(out, "sửa 1,") {
		t.Errorf("the older workbook should change the name back: %s", out)
	}
	if out, _, _ = motcua(t, dir, "procedure", "import", xlsx); !strings.Contains(out, "thêm 0, sửa 0, ngừng 0") {
		t.Errorf("importing the same file twice: %s", out)
	}
	if _, stderr, code := motcua(t, dir, "procedure", "end", "-code", "HT90"); code != 0 {
		t.Errorf("end: %s", stderr)
	}
	if out, _, _ := motcua(t, dir, "procedures", "dang ky lai khai sinh"); strings.Contains(out, "HT90") {
		t.Error("an ended procedure is still listed")
	}
	if out, _, _ := motcua(t, dir, "procedures", "-all", "dang ky lai khai sinh"); !strings.Contains(out, "HT90") {
		t.Error("procedures -all misses an ended procedure")
	}
}
