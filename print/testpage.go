package print

import (
	"fmt"
	"strconv"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Pangram is the Vietnamese sentence of the test page: every letter with its marks must print.
const Pangram = "Ăn quả nhớ kẻ trồng cây, uống nước nhớ nguồn; đường vô xứ Nghệ quanh quanh, non xanh nước biếc như tranh họa đồ."

// testLetters are the Vietnamese letters and the five tones, to spot a missing glyph at a glance.
const testLetters = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y — " +
	"Ă Â Đ Ê Ô Ơ Ư — à á ả ã ạ · ằ ắ ẳ ẵ ặ · ầ ấ ẩ ẫ ậ · ề ế ể ễ ệ · ồ ố ổ ỗ ộ · ờ ớ ở ỡ ợ · ừ ứ ử ữ ự · ỳ ý ỷ ỹ ỵ"

// TestPagePDF draws the printer test page on paper "A5" or "A4", portrait: the agency header
// as the slips print it, the Vietnamese letters, a 100 mm ruler to check that the printer does
// not scale the page, and a frame 5 mm inside the paper's edge to check the printable area.
// at is printed on the page so that two test pages can be told apart.
func TestPagePDF(h Header, paper string, at time.Time) ([]byte, error) {
	var size gofpdf.SizeType
	switch paper {
	case "A5":
		size = a5Size
	case "A4":
		size = a4Size
	default:
		return nil, fmt.Errorf("khổ giấy %q không có: chọn A5 hoặc A4", paper)
	}
	pdf, err := newDoc("P", size)
	if err != nil {
		return nil, err
	}
	pdf.SetTitle("Trang in thử "+paper, true)
	pdf.AddPage()
	pw, ph := size.Wd, size.Ht
	l := DefaultLabels()

	// The frame 5 mm inside the edges: a side that is cut off shows the printer's margin.
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(0, 0, 0)
	pdf.Rect(5, 5, pw-10, ph-10, "D")

	x, w := marginX, pw-2*marginX
	y := drawHeader(pdf, h, l, at, x, marginTop, w)
	y = drawPara(pdf, para{runs: []run{{style: bold, text: "TRANG IN THỬ"}}, align: "C", size: 14, before: 5}, x, y, w)
	y = drawPara(pdf, para{runs: []run{{style: regular, text: fmt.Sprintf("Khổ giấy %s (%s × %s mm), in lúc %s",
		paper, strconv.FormatFloat(pw, 'f', -1, 64), strconv.FormatFloat(ph, 'f', -1, 64), l.DateTime(at))}}, align: "C", size: 9.5, before: 1}, x, y, w)
	y = drawPara(pdf, para{runs: []run{{style: bold, text: "Chữ tiếng Việt: "}, {style: regular, text: Pangram}}, size: 10.5, before: 5}, x, y, w)
	y = drawPara(pdf, para{runs: []run{{style: regular, text: testLetters}}, size: 10.5, before: 2}, x, y, w)
	y = drawPara(pdf, para{runs: []run{{style: bold, text: "Chữ đậm: "}, {style: bold, text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"}}, size: 10.5, before: 2}, x, y, w)
	y = drawPara(pdf, para{runs: []run{{style: italic, text: "Chữ nghiêng: Hoài Đức, ngày 26 tháng 01 năm 2026"}}, size: 10.5, before: 1}, x, y, w)

	// The ruler: exactly 100 mm on paper when the printer prints at actual size.
	y += 8
	rx := (pw - 100) / 2
	drawRuler(pdf, rx, y)
	y += 12
	drawPara(pdf, para{runs: []run{{style: regular, text: "Đo thước trên bằng thước kẻ: đủ 100 mm là máy in in đúng cỡ. " +
		"Ngắn hơn thì trong hộp thoại in chọn “Kích thước thực” (Actual size), bỏ “Vừa trang” (Fit to page). " +
		"Khung viền cách mép giấy 5 mm: cạnh nào bị mất là máy in không in sát được cạnh đó."}}, size: 9.5, before: 2}, x, y, w)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("không vẽ được trang in thử: %w", err)
	}
	return finish(pdf)
}

// drawRuler draws a 100 mm scale from (x, y): a tick every millimetre, longer every 5 and 10,
// centimetres numbered under it.
func drawRuler(pdf *gofpdf.Fpdf, x, y float64) {
	pdf.SetLineWidth(0.15)
	pdf.Line(x, y, x+100, y)
	pdf.SetFont(family, regular, 7)
	for mm := 0; mm <= 100; mm++ {
		h := 1.5
		switch {
		case mm%10 == 0:
			h = 4
		case mm%5 == 0:
			h = 2.7
		}
		pdf.Line(x+float64(mm), y, x+float64(mm), y+h)
		if mm%10 == 0 {
			s := strconv.Itoa(mm / 10)
			pdf.SetXY(x+float64(mm)-3, y+4.3)
			pdf.CellFormat(6, 3, s, "", 0, "C", false, 0, "")
		}
	}
	pdf.SetXY(x+100+1.5, y-1)
	pdf.CellFormat(10, 3, "cm", "", 0, "L", false, 0, "")
}
