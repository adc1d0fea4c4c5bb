package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestRateRecordsPromptedAndAnonymousRatings(t *testing.T) {
	dir := demoFolder(t)
	proc := procedureCode(t, dir, "Chứng thực bản sao")
	out, stderr, code := motcua(t, dir, "receive", "-procedure", proc, "-name", "Nguyễn Văn An",
		"-idno", "001203004567", "-phone", "0912345678", "-address", "Số 5 ngõ 10")
	if code != 0 {
		t.Fatalf("receive: exit %d: %s", code, stderr)
	}
	var rec receiveResult
	json.Unmarshal([]byte(out), &rec)

	out, stderr, code = motcua(t, dir, "rate", "-official", "tiepnhan1", "-code", rec.Code, "-level", "2",
		"-criteria", "time=2,attitude=1", "-conduct", "chao_hoi,cam_on")
	if code != 0 {
		t.Fatalf("rate: exit %d: %s", code, stderr)
	}
	var r ratingJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("rate output is not JSON: %v\n%s", err, out)
	}
	if r.Official != "tiepnhan1" || r.Code != rec.Code || r.Level != 2 || r.LevelName != "Rất hài lòng" || r.Anonymous ||
		r.Criteria["time"] != 2 || r.Criteria["attitude"] != 1 || strings.Join(r.Conduct, ",") != "cam_on,chao_hoi" || r.Counter != "Quầy 1" {
		t.Errorf("rating %+v", r)
	}

	// Another counter's PC names its counter: the prompt and the rating are that counter's.
	out, stderr, code = motcua(t, dir, "rate", "-official", "tiepnhan2", "-counter", "Quầy 2", "-level", "1")
	if code != 0 {
		t.Fatalf("rate -counter: exit %d: %s", code, stderr)
	}
	r = ratingJSON{}
	json.Unmarshal([]byte(out), &r)
	if r.Official != "tiepnhan2" || r.Counter != "Quầy 2" || r.Anonymous {
		t.Errorf("rating at Quầy 2: %+v", r)
	}

	out, stderr, code = motcua(t, dir, "rate", "-level", "0", "-reasons", "cho_lau", "-comment", "Chờ lâu quá")
	if code != 0 {
		t.Fatalf("anonymous rate: exit %d: %s", code, stderr)
	}
	r = ratingJSON{}
	json.Unmarshal([]byte(out), &r)
	if !r.Anonymous || r.Official != "" || r.Comment != "Chờ lâu quá" || r.LevelName != "Không hài lòng" {
		t.Errorf("anonymous rating %+v", r)
	}

	for _, bad := range [][]string{
		{"rate", "-official", "tiepnhan1", "-level", "3"},
		{"rate", "-official", "tiepnhan1", "-level", "1", "-criteria", "speed=2"},
		{"rate", "-official", "tiepnhan1", "-level", "1", "-criteria", "time"},
		{"rate", "-official", "nobody", "-level", "1"},
		{"rate", "-code", rec.Code, "-level", "1"},
	} {
		if _, stderr, code := motcua(t, dir, bad...); code != exitUsage {
			t.Errorf("%v: exit %d (%s), want %d", bad, code, stderr, exitUsage)
		}
	}
}

func TestStatusIsMasked(t *testing.T) {
	dir := demoFolder(t)
	proc := procedureCode(t, dir, "Chứng thực bản sao")
	out, _, code := motcua(t, dir, "receive", "-procedure", proc, "-name", "Lê Thị Mai Hương",
		"-idno", "001203004567", "-phone", "0912345678", "-address", "Số 5 ngõ 10")
	if code != 0 {
		t.Fatal("receive failed")
	}
	var rec receiveResult
	json.Unmarshal([]byte(out), &rec)
	out, stderr, code := motcua(t, dir, "status", "-code", strings.ToLower(rec.Code))
	if code != 0 {
		t.Fatalf("status: exit %d: %s", code, stderr)
	}
	var st statusJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("status output is not JSON: %v\n%s", err, out)
	}
	if st.Code != rec.Code || st.Name != "Lê T. M. H." || st.Status != "Được tiếp nhận" || st.DueAt != rec.DueAt {
		t.Errorf("status %+v", st)
	}
	for _, secret := range []string{"001203004567", "0912345678", "Số 5 ngõ 10", "Hương"} {
		if strings.Contains(out, secret) {
			t.Errorf("status shows %q", secret)
		}
	}
	if _, _, code := motcua(t, dir, "status", "-code", "HD001-000000-0000"); code != exitUsage {
		t.Errorf("unknown code: exit %d, want %d", code, exitUsage)
	}
}

func TestNoticeWritesPosterOfEveryProcedure(t *testing.T) {
	dir := demoFolder(t)
	pdf := filepath.Join(t.TempDir(), "niem-yet.pdf")
	_, stderr, code := motcua(t, dir, "notice", "-o", pdf)
	if code != 0 {
		t.Fatalf("notice: exit %d: %s", code, stderr)
	}
	raw, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(raw)), " ")
	// The default catalogue's fee notes left for the admin are never posted; the admin is told.
	if strings.Contains(text, "quản trị viên") {
		t.Error("the poster prints a note meant for the admin")
	}
	if !strings.Contains(stderr, "chưa có căn cứ thu phí, lệ phí") || !strings.Contains(stderr, "HT04") {
		t.Errorf("the admin is not told which fee bases are missing: %q", stderr)
	}
	out, _, _ := motcua(t, dir, "procedures")
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		cols := strings.Split(line, "\t")
		if !strings.Contains(text, cols[1]) {
			t.Errorf("the poster lacks procedure %s (%s)", cols[1], cols[2])
		}
	}
	for _, w := range []string{"NIÊM YẾT CÔNG KHAI THỦ TỤC HÀNH CHÍNH", "Thời hạn giải quyết: Trong ngày", "Phí, lệ phí:",
		"2.000 đ/trang, từ trang 3: 1.000 đ/trang, tối đa 200.000 đ/bản"} {
		if !strings.Contains(text, w) {
			t.Errorf("the poster lacks %q", w)
		}
	}
	if _, _, code := motcua(t, dir, "notice"); code != exitUsage {
		t.Errorf("notice without -o: exit %d, want %d", code, exitUsage)
	}
}
