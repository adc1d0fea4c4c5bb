package store

import (
	"context"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// PublicStatus is what the citizens' kiosk may show about a dossier to whoever holds its code:
// no CCCD, no phone, no address, the name masked (Decree 13/2023 on personal data).
type PublicStatus struct {
	Code           string
	Name           string // masked: "Nguyễn V. A."
	Procedure      string
	StatusName     string
	Plain          string // the status in plain words, with what to do next
	DueAt          time.Time
	NeedsDocuments bool     // a supplement request is open
	Missing        []string // the documents asked for, when the request listed them
	Late           bool     // past the due time (open) or closed after it
}

// plainStatus says each status the way the counter would say it to the citizen.
var plainStatus = map[Status]string{
	StatusRegistered: "Hồ sơ đã được đăng ký, đang chờ Bộ phận một cửa tiếp nhận.",
	StatusReceived:   "Hồ sơ đã được tiếp nhận và đang được chuyển đến bộ phận giải quyết.",
	StatusRefused:    "Hồ sơ không được tiếp nhận. Lý do ghi trong phiếu từ chối; xin hỏi Bộ phận một cửa nếu cần.",
	StatusProcessing: "Hồ sơ đang được giải quyết.",
	StatusSupplement: "Hồ sơ cần bổ sung giấy tờ. Xin mang giấy tờ còn thiếu đến Bộ phận một cửa.",
	StatusFinancial:  "Xin nộp thuế, phí hoặc lệ phí theo thông báo để hồ sơ được tiếp tục giải quyết.",
	StatusWithdrawn:  "Hồ sơ đã được rút theo yêu cầu của người nộp.",
	StatusStopped:    "Hồ sơ đã dừng xử lý. Xin liên hệ Bộ phận một cửa để biết lý do.",
	StatusResolved:   "Đã có kết quả. Xin mời đến Bộ phận một cửa nhận kết quả (mang theo giấy hẹn).",
	StatusReturned:   "Đã trả kết quả.",
}

// PublicStatus finds a dossier by its code (as typed or scanned) and returns its public view.
// An unknown code wraps ErrNotFound. Lateness is the lifecycle's own (Dossier.Timeliness), so the
// kiosk and the officials' book never disagree.
func (s *Store) PublicStatus(ctx context.Context, code string) (PublicStatus, error) {
	d, err := s.dossier(ctx, code)
	if err != nil {
		return PublicStatus{}, err
	}
	t := d.Timeliness(s.now())
	p := PublicStatus{
		Code: d.Code, Name: MaskName(d.Name), Procedure: d.ProcedureName, StatusName: d.StatusName,
		Plain: plainStatus[d.Status], DueAt: d.DueAt, Missing: []string{},
		Late: t.Late(),
	}
	if d.Status == StatusResolved && d.ByPost {
		p.Plain = "Đã có kết quả; kết quả được gửi qua dịch vụ bưu chính công ích đến địa chỉ đã đăng ký."
	}
	if d.Status != StatusSupplement {
		return p, nil
	}
	p.NeedsDocuments = true
	events, err := s.eventsOf(ctx, d.ID)
	if err != nil {
		return p, err
	}
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind != ActSupplement {
			continue
		}
		var req SupplementData
		if err := events[i].Decode(&req); err != nil {
			return p, err
		}
		for _, doc := range req.Missing {
			p.Missing = append(p.Missing, doc.Name)
		}
		break
	}
	return p, nil
}

// MaskName shows a name the way the kiosk may: the family name in full, each middle name and the
// given name as an initial and a dot (Nguyễn Văn An → "Nguyễn V. A."). A one-word name is only
// its initial ("An" → "A."), since showing it whole would show everything. Input may be NFD.
func MaskName(name string) string {
	ws := strings.Fields(norm.NFC.String(name))
	if len(ws) == 0 {
		return ""
	}
	initial := func(w string) string {
		w = strings.TrimRight(w, ".")
		if w == "" {
			return ""
		}
		rs := []rune(w)
		n := 1
		for n < len(rs) && unicode.Is(unicode.Mn, rs[n]) { // a mark NFC could not compose stays with its letter
			n++
		}
		return string(unicode.ToUpper(rs[0])) + string(rs[1:n]) + "."
	}
	if len(ws) == 1 {
		return initial(ws[0])
	}
	out := []string{ws[0]}
	for _, w := range ws[1:] {
		if i := initial(w); i != "" {
			out = append(out, i)
		}
	}
	return strings.Join(out, " ")
}

// PostedTime is the processing time as posted for citizens: "Trong ngày", "3 ngày làm việc",
// "4 giờ làm việc".
func (p Procedure) PostedTime() string {
	switch {
	case p.Hours > 0:
		return strconv.Itoa(p.Hours) + " giờ làm việc"
	case p.Days > 0:
		return strconv.Itoa(p.Days) + " ngày làm việc"
	}
	return "Trong ngày"
}

// PostedFee is the fee as posted for citizens, with its note: "Miễn phí", "50.000 đ (…)". A
// note still waiting for the admin (FeeBasisPending) is left out: a citizen never reads it. A
// procedure that also charges a phí shows both: "Lệ phí: 50.000 đ; Phí: 3.000 đ/bản".
func (p Procedure) PostedFee() string {
	s := p.Fee.String()
	if p.Fee.Note != "" && !p.FeeBasisPending() {
		s += " (" + p.Fee.Note + ")"
	}
	if p.Charge.Kind != FeeNone && p.Charge.Kind != "" {
		c := p.Charge.String()
		if p.Charge.Note != "" {
			c += " (" + p.Charge.Note + ")"
		}
		s = "Lệ phí: " + s + "; Phí: " + c
	}
	return s
}

// adminTodo ends a fee note of the default catalogue that the admin must complete with the
// province's resolution ("Theo Nghị quyết của HĐND tỉnh — quản trị viên cập nhật").
const adminTodo = "quản trị viên cập nhật"

// FeeBasisPending tells whether the fee's basis is still the catalogue's placeholder for the
// admin to complete: the poster leaves it out and the admin is told before printing.
func (p Procedure) FeeBasisPending() bool {
	return strings.Contains(strings.ToLower(p.Fee.Note), adminTodo)
}
