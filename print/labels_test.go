package print

import (
	"encoding/json"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"motcua/assets"
)

func TestDefaultLabelsAreNFCAndComplete(t *testing.T) {
	var raw map[string]string
	if err := json.Unmarshal(assets.FormsVI, &raw); err != nil {
		t.Fatalf("assets/forms/vi.json: %v", err)
	}
	l := DefaultLabels()
	for k, v := range raw {
		if !norm.NFC.IsNormalString(v) {
			t.Errorf("label %s is not NFC in vi.json", k)
		}
		if l[k] != v {
			t.Errorf("DefaultLabels()[%s] = %q, want %q", k, l[k], v)
		}
	}
	for _, k := range []string{"receipt.title", "receipt.copy1", "receipt.copy2", "receipt.form_no", "header.unit"} {
		if l[k] == "" {
			t.Errorf("label %s missing from vi.json", k)
		}
	}
}

func TestLabelsWith(t *testing.T) {
	base := DefaultLabels()
	got := base.With(map[string]string{"receipt.form_no": "Mẫu số 01", "receipt.title": norm.NFD.String("GIẤY BIÊN NHẬN")})
	if got["receipt.title"] != "GIẤY BIÊN NHẬN" {
		t.Errorf("override not applied as NFC: %q", got["receipt.title"])
	}
	if got["receipt.copy1"] != "(Liên 1: Lưu)" {
		t.Errorf("untouched key changed: %q", got["receipt.copy1"])
	}
	if base["receipt.title"] != "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" {
		t.Error("With changed the receiver")
	}
	// A nil Labels and a partial one fall back to the defaults.
	var none Labels
	if none.With(nil).get("receipt.copy2") != "(Liên 2: Giao người nộp hồ sơ)" {
		t.Error("nil Labels did not start from the defaults")
	}
	if (Labels{"x": "y"}).get("receipt.copy1") != "(Liên 1: Lưu)" {
		t.Error("a partial Labels did not fall back to the default text")
	}
	blank := base.With(map[string]string{"receipt.form_no": ""})
	if blank.get("receipt.form_no") != "" {
		t.Error("an empty override did not blank the text")
	}
}

func TestFormatMoney(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1.000", 2000: "2.000",
		200000: "200.000", 1234567: "1.234.567", -50000: "-50.000"} {
		if got := FormatMoney(n); got != want {
			t.Errorf("FormatMoney(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDatesInVietnamTime(t *testing.T) {
	// 01:15 UTC on 4 February is 08:15 on 4 February in Hà Nội; 20:00 UTC is the next day there.
	l := DefaultLabels()
	if got, want := l.DateTime(time.Date(2026, 2, 4, 1, 15, 0, 0, time.UTC)), "08 giờ 15 phút, ngày 04 tháng 02 năm 2026"; got != want {
		t.Errorf("DateTime = %q, want %q", got, want)
	}
	if got, want := l.Date(time.Date(2026, 2, 4, 20, 0, 0, 0, time.UTC)), "ngày 05 tháng 02 năm 2026"; got != want {
		t.Errorf("Date = %q, want %q", got, want)
	}
	if got, want := l.placeDate("Hoài Đức", time.Date(2026, 1, 26, 8, 0, 0, 0, vietnam)), "Hoài Đức, ngày 26 tháng 01 năm 2026"; got != want {
		t.Errorf("placeDate = %q, want %q", got, want)
	}
}
