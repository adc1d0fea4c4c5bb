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
	Number     string // "Số: …/PBS-TTPVHCC", e.g. "02"; empty prints dots
	Code       string // dossier code: text, QR and Code 128
	Applicant  string
	IDNo       string // số định danh cá nhân/tổ chức
	Address    string
	Phone      string
	Email      string
	Procedure  string
	Missing    []Document // the papers to bring; Kind says which kind of paper
	Reason     string
	Guide      string // the official who guides the applicant
	GuidePhone string
	Date       time.Time // "{Place}, ngày … tháng … năm …"
}

// SupplementPDF makes the Mẫu 02 slip. Circular 03/2025 lists what to complete as numbered
// lines; each says the kind of paper asked for — bản chính, bản sao có chứng thực, bản sao
// (by the word lists supplement.kinds_*), a kind on none of them as written — and how many,
// or, for a paper only to be shown (form.kinds_shown), that it is to be shown.
func SupplementPDF(s Supplement) ([]byte, error) {
	l := s.Labels.orDefault()
	top := newSlipTop(s.Header, l, "supplement", s.Number, s.Code, s.Date)
	return slipPDF(s.Header, l, top, func(f *flow, d fit) {
		f.para(fieldPara(d, field(l.get("supplement.applicant"), s.Applicant, bold)...))
		if clean(s.IDNo) != "" {
			f.para(fieldPara(d, field(l.get("supplement.idno"), s.IDNo, regular)...))
		}
		f.para(fieldPara(d, field(l.get("supplement.procedure"), s.Procedure, bold)...))
		f.para(fieldPara(d, field(l.get("supplement.address"), s.Address, regular)...))
		f.para(fieldPara(d, phoneEmail(l, "supplement", s.Phone, s.Email)...))
		p := fieldPara(d, run{style: regular, text: l.get("supplement.intro")})
		p.before = d.step * 3
		f.para(p)
		for i, doc := range s.Missing {
			f.para(para{runs: []run{{style: regular, text: supplementItem(l, i+1, doc)}}, size: d.size, indent: 4, hang: 8, before: d.step / 2})
		}
		if len(s.Missing) == 0 {
			f.para(para{runs: []run{{style: italic, text: l.get("receipt.no_documents")}}, size: d.size, indent: 4, before: d.step / 2})
		}
		f.para(fieldPara(d, field(l.get("supplement.reason"), l.orBlank(s.Reason), regular)...))
		f.para(para{runs: []run{{style: regular, text: l.fill("supplement.guide",
			"guide", l.orBlank(s.Guide), "phone", l.orBlank(s.GuidePhone))}}, size: d.size, before: d.step})
		f.y += 2.5
		f.signatures(d.size, d.sign, signature{}, signature{title: l.get("supplement.sign"), hint: l.get("form.sign_hint"), name: clean(s.Guide)})
	})
}

// supplementItem is one numbered line of what to complete.
func supplementItem(l Labels, n int, d Document) string {
	if kind, shown := shownKind(l, d.Kind); shown {
		return l.fill("supplement.item_shown", "n", strconv.Itoa(n), "name", clean(d.Name), "kind", strings.ToLower(kind))
	}
	kind := clean(d.Kind)
	if col := kindColumn(l, d.Kind); col >= 0 {
		kind = l.get([]string{"supplement.kind_original", "supplement.kind_certified", "supplement.kind_copy"}[col])
	} else if kind == "" {
		kind = l.get("supplement.kind_original")
	}
	return l.fill("supplement.item", "n", strconv.Itoa(n), "name", clean(d.Name), "kind", kind, "count", twoDigits(max(d.Count, 1)))
}

// kindColumn is 0 for an original, 1 for a certified copy, 2 for a plain
// copy, -1 for a kind on none of the lists. Certified is tried first because
// "Bản sao chứng thực" also contains "Bản sao".
func kindColumn(l Labels, kind string) int {
	k := strings.ToLower(clean(kind))
	if k == "" {
		return -1
	}
	for col, key := range []string{"supplement.kinds_certified", "supplement.kinds_original", "supplement.kinds_copy"} {
		for _, w := range strings.Split(l.get(key), "|") {
			if w = strings.ToLower(strings.TrimSpace(w)); w != "" && strings.Contains(k, w) {
				return []int{1, 0, 2}[col]
			}
		}
	}
	return -1
}
