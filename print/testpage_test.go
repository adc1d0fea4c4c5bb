package print

import (
	"math"
	"strings"
	"testing"
	"time"

	"motcua/store/workday"
)

func TestTestPagePDF(t *testing.T) {
	at := time.Date(2026, 1, 26, 9, 5, 0, 0, workday.Loc)
	h := Header{ParentName: "UBND phường Hoài Đức", Place: "Hoài Đức"}
	for _, c := range []struct{ paper, size string }{
		{"A5", "419.53 x 595.28 pts"},
		{"A4", "595.28 x 841.89 pts"},
	} {
		t.Run(c.paper, func(t *testing.T) {
			b, err := TestPagePDF(h, c.paper, at)
			if err != nil {
				t.Fatal(err)
			}
			path := writePDF(t, b)
			if got := pageSize(t, path, 1); !strings.HasPrefix(got, c.size) {
				t.Errorf("page size %q, want %s", got, c.size)
			}
			if n := pages(t, path); n != 1 {
				t.Errorf("%d pages, want 1", n)
			}
			text := pageText(t, path, 1)
			for _, want := range []string{"UBND PHƯỜNG HOÀI ĐỨC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TRANG IN THỬ",
				"Khổ giấy " + c.paper, "Hoài Đức, ngày 26 tháng 01 năm 2026", Pangram, "100 mm"} {
				if !strings.Contains(text, want) {
					t.Errorf("test page lacks %q; text: %s", want, text)
				}
			}
			// pdftotext glues the spaced single letters together.
			if glued := strings.ReplaceAll(text, " ", ""); !strings.Contains(glued, "aăâbcdđeêghiklmnoôơpqrstuưvxy") ||
				!strings.Contains(glued, "ừứửữự·ỳýỷỹỵ") {
				t.Errorf("test page lacks the Vietnamese letters; text: %s", text)
			}
			inside(t, path, 5)
			// The ruler's 0 and 10 cm marks are 100 mm = 283.46 pt apart.
			var zero, ten *word
			ws := words(t, path)
			for i := range ws {
				w := &ws[i]
				if w.text == "0" {
					zero = w
				}
			}
			if zero == nil {
				t.Fatal("no 0 mark on the ruler")
			}
			for i := range ws {
				if w := &ws[i]; w.text == "10" && math.Abs(w.yMin-zero.yMin) < 0.5 {
					ten = w
				}
			}
			if ten == nil {
				t.Fatal("no 10 cm mark level with the 0")
			}
			d := (ten.xMin+ten.xMax)/2 - (zero.xMin+zero.xMax)/2
			if math.Abs(d-100/25.4*72) > 1 {
				t.Errorf("ruler 0–10 cm is %.2f pt, want 283.46 (100 mm)", d)
			}
		})
	}
	if _, err := TestPagePDF(h, "Letter", at); err == nil || !strings.Contains(err.Error(), "A5 hoặc A4") {
		t.Errorf("Letter paper: err = %v, want one offering A5 or A4", err)
	}
}
