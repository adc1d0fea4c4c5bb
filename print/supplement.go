package print

import (
	"strconv"
	"strings"
	"time"
)

// Supplement is everything printed on Mẫu 02, "Phiếu yêu cầu bổ sung, hoàn
// thiện hồ sơ" (A5).
type Supplement struct {
	Header
	Labels     Labels // zero value = DefaultLabels()
	Number     string // "Số: …", e.g. "02/2026"; empty prints dots
	Code       string // dossier code: text, QR and Code 128
	Applicant  string
	Address    string
	Phone      string
	Email      string
	Procedure  string
	Missing    []Document // the documents to bring; Kind chooses the count column
	Reason     string
	Guide      string // the official who guides the applicant
	GuidePhone string
	Date       time.Time // "{Place}, ngày … tháng … năm …"
}

// SupplementPDF makes the Mẫu 02 slip. The missing documents are a table TT |
// Thành phần hồ sơ | Số lượng (Bản chính / Bản chứng thực / Bản photo); a
// document's Kind picks its count column by the word lists in the labels
// (supplement.kinds_*), and a kind on none of them is named after the
// document and counted as a photocopy.
func SupplementPDF(s Supplement) ([]byte, error) {
	l := s.Labels.orDefault()
	top := newSlipTop(l, "supplement", l.number(s.Number), s.Code, s.Date)
	t := &table{
		widths: []float64{8, 56, 20, 20, 20},
		head: []hcell{{text: l.get("supplement.col_no")}, {text: l.get("supplement.col_name")},
			{text: l.get("supplement.col_count"), sub: []string{l.get("supplement.col_original"), l.get("supplement.col_certified"), l.get("supplement.col_photo")}}},
		pad: 1,
	}
	return slipPDF(s.Header, l, top, func(f *flow, d fit) {
		f.para(fieldPara(d, field(l.get("supplement.applicant"), s.Applicant, bold)...))
		f.para(fieldPara(d, field(l.get("supplement.procedure"), s.Procedure, bold)...))
		f.para(fieldPara(d, field(l.get("supplement.address"), s.Address, regular)...))
		f.para(fieldPara(d, phoneEmail(l, "supplement", s.Phone, s.Email)...))
		p := fieldPara(d, run{style: regular, text: l.get("supplement.intro")})
		p.before = d.step * 3
		f.para(p)

		t.headSize = d.size - 1.5
		size := d.size - 1
		f.y += d.step
		f.room(2 * lineHeight(size) * 3) // header and a first row together
		f.y = t.drawHead(f, f.y)
		f.head = t
		for i, doc := range s.Missing {
			name, col := clean(doc.Name), kindColumn(l, doc.Kind)
			if col < 0 {
				col = 2
				if k := clean(doc.Kind); k != "" {
					name += " (" + k + ")"
				}
			}
			count := "x"
			if doc.Count > 0 {
				count = twoDigits(doc.Count)
			}
			cells := []cell{textCell(regular, strconv.Itoa(i+1), size, "C"), textCell(regular, name, size, "L"), nil, nil, nil}
			for c := range 3 {
				cells[2+c] = textCell(regular, "", size, "C")
			}
			cells[2+col] = textCell(regular, count, size, "C")
			f.row(t, cells, 0)
		}
		if len(s.Missing) == 0 {
			f.row(t, []cell{textCell(regular, "", size, "C"), textCell(italic, l.get("receipt.no_documents"), size, "L"),
				textCell(regular, "", size, "C"), textCell(regular, "", size, "C"), textCell(regular, "", size, "C")}, 0)
		}
		f.head = nil

		f.para(fieldPara(d, field(l.get("supplement.reason"), s.Reason, regular)...))
		f.para(para{runs: []run{{style: regular, text: l.fill("supplement.guide",
			"guide", l.orBlank(s.Guide), "phone", l.orBlank(s.GuidePhone))}}, size: d.size, before: d.step})
		f.y += 2.5
		f.signatures(d.size, d.sign, signature{}, signature{title: l.get("supplement.sign"), hint: l.get("form.sign_hint"), name: clean(s.Guide)})
	})
}

// kindColumn is 0 for an original, 1 for a certified copy, 2 for a plain
// copy, -1 for a kind on none of the lists. Certified is tried first because
// "Bản sao chứng thực" also contains "Bản sao".
func kindColumn(l Labels, kind string) int {
	k := strings.ToLower(clean(kind))
	if k == "" {
		return -1
	}
	for col, key := range []string{"supplement.kinds_certified", "supplement.kinds_original", "supplement.kinds_photo"} {
		for _, w := range strings.Split(l.get(key), "|") {
			if w = strings.ToLower(strings.TrimSpace(w)); w != "" && strings.Contains(k, w) {
				return []int{1, 0, 2}[col]
			}
		}
	}
	return -1
}
