package main

import (
	"fmt"
	"motcua/app/desk"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"motcua/print"
	"motcua/store"
	"motcua/store/workday"
)

// ratingJSON is what `motcua rate` prints.
type ratingJSON struct {
	ID        int64          `json:"id"`
	At        string         `json:"at"`
	PromptID  int64          `json:"prompt_id,omitempty"`
	Official  string         `json:"official,omitempty"`
	Counter   string         `json:"counter"`
	Code      string         `json:"code,omitempty"`
	Level     int            `json:"level"`
	LevelName string         `json:"level_name"`
	Criteria  map[string]int `json:"criteria"`
	Conduct   []string       `json:"conduct"`
	Reasons   []string       `json:"reasons"`
	Comment   string         `json:"comment,omitempty"`
	Anonymous bool           `json:"anonymous"`
	EnteredBy string         `json:"entered_by"` // the admin who typed it in from paper
}

// runRate enters a rating from a paper form: rating is the kiosk's act, so from the command line
// only an admin may do it and the rating is marked as entered by that admin (store.RateByHand,
// one transaction: a refused rating leaves no prompt). Without -official it is anonymous.
func runRate(e *env, args []string) error {
	fs := e.newFlags("rate")
	official := fs.String("official", "", "tên đăng nhập của công chức được đánh giá (bỏ trống: đánh giá ẩn danh)")
	code := fs.String("code", "", "mã hồ sơ (không bắt buộc)")
	level := fs.Int("level", -1, "mức: 2 Rất hài lòng, 1 Hài lòng, 0 Không hài lòng")
	criteria := fs.String("criteria", "", "tiêu chí=điểm, cách nhau bởi dấu phẩy: time=2,contacts=1,agencies=2,attitude=2,convenience=1,overall=2")
	conduct := fs.String("conduct", "", "tiêu chí ứng xử, cách nhau bởi dấu phẩy: chao_hoi,xin_loi,cam_on,xin_phep,mim_cuoi,nhe_nhang,lang_nghe,giup_do")
	reasons := fs.String("reasons", "", "lý do không hài lòng, cách nhau bởi dấu phẩy: cho_lau,huong_dan,thai_do,giay_to,tre_hen,phi,khac")
	comment := fs.String("comment", "", "góp ý (tối đa 500 ký tự)")
	counter := fs.String("counter", "", "tên quầy của máy này (bỏ trống: tên quầy mặc định của cơ sở dữ liệu, \"Quầy 1\")")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *level < 0 || *level > 2 {
		return usagef("-level: hãy chọn 2 (Rất hài lòng), 1 (Hài lòng) hoặc 0 (Không hài lòng)")
	}
	if *official == "" && *code != "" {
		return usagef("-code: đánh giá theo hồ sơ cần -official (công chức đã phục vụ)")
	}
	crit := map[string]int{}
	for _, kv := range splitList(*criteria) {
		k, v, ok := strings.Cut(kv, "=")
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if !ok || err != nil {
			return usagef("-criteria: %q phải có dạng tiêu_chí=điểm (ví dụ time=2)", kv)
		}
		k = strings.TrimSpace(k)
		if _, dup := crit[k]; dup {
			return usagef("-criteria: tiêu chí %q được cho hai lần", k)
		}
		crit[k] = n
	}
	return e.withDesk(func(d *desk.Desk) error {
		r := store.Rating{Level: *level, Criteria: crit, Conduct: splitList(*conduct), Reasons: splitList(*reasons), Comment: *comment, Counter: *counter}
		got, err := d.Store.RateByHand(e.ctx, e.by, *official, *code, r)
		if err != nil {
			return err
		}
		return e.printJSON(ratingJSON{
			ID: got.ID, At: got.At.In(workday.Loc).Format(time.RFC3339), PromptID: got.PromptID, Official: got.Official,
			Counter: got.Counter, Code: got.Code, Level: got.Level, LevelName: store.LevelName(got.Level),
			Criteria: got.Criteria, Conduct: got.Conduct, Reasons: got.Reasons, Comment: got.Comment, Anonymous: got.Anonymous, EnteredBy: got.EnteredBy,
		})
	})
}

func splitList(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// statusJSON is the public view `motcua status` prints: what the kiosk shows, nothing more.
type statusJSON struct {
	Code           string   `json:"code"`
	Name           string   `json:"name"`
	Procedure      string   `json:"procedure"`
	Status         string   `json:"status"`
	Plain          string   `json:"plain"`
	DueAt          string   `json:"due_at"`
	NeedsDocuments bool     `json:"needs_documents"`
	Missing        []string `json:"missing"`
	Late           bool     `json:"late"`
}

func runStatus(e *env, args []string) error {
	fs := e.newFlags("status")
	code := fs.String("code", "", "mã hồ sơ (như trên giấy hẹn)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if strings.TrimSpace(*code) == "" {
		return usagef("-code: hãy nhập mã hồ sơ")
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		p, err := d.Store.PublicStatus(e.ctx, *code)
		if err != nil {
			return err
		}
		return e.printJSON(statusJSON{Code: p.Code, Name: p.Name, Procedure: p.Procedure, Status: p.StatusName, Plain: p.Plain,
			DueAt: p.DueAt.In(workday.Loc).Format(time.RFC3339), NeedsDocuments: p.NeedsDocuments, Missing: p.Missing, Late: p.Late})
	})
}

// runNotice writes the A4 poster of the active procedures for the notice board.
func runNotice(e *env, args []string) error {
	fs := e.newFlags("notice")
	out := fs.String("o", "", "tệp PDF để ghi (ví dụ niem-yet.pdf)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("-o: hãy chọn tệp PDF để ghi bảng niêm yết")
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		l, err := d.Labels()
		if err != nil {
			return err
		}
		n, pending, err := noticeOf(e, d.Store, l)
		if err != nil {
			return err
		}
		if len(pending) > 0 {
			fmt.Fprintf(e.stderr, "Chú ý: chưa có căn cứ thu phí, lệ phí (số nghị quyết của HĐND tỉnh) của %d thủ tục: %s. Bảng niêm yết bỏ trống phần đó; hãy cập nhật ở Quản trị → Danh mục thủ tục rồi in lại.\n",
				len(pending), strings.Join(pending, ", "))
		}
		b, err := print.NoticePDF(n)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			return fmt.Errorf("không ghi được %s: %w", *out, err)
		}
		abs, _ := filepath.Abs(*out)
		fmt.Fprintln(e.stdout, abs)
		return nil
	})
}

// noticeOf gathers the active catalogue, by field, as the poster shows it, and names the
// procedures whose fee basis the admin has not entered yet.
func noticeOf(e *env, s *store.Store, l print.Labels) (print.Notice, []string, error) {
	a, err := s.Agency(e.ctx)
	if err != nil {
		return print.Notice{}, nil, err
	}
	procs, err := s.Procedures(e.ctx)
	if err != nil {
		return print.Notice{}, nil, err
	}
	n := print.Notice{Header: print.Header{ParentName: a.ParentName, Unit: a.Unit, Place: a.Place}, Labels: l, Date: time.Now()}
	place := a.Unit
	if place == "" {
		place = l.Text("header.unit")
		if a.Name != "" {
			place += ", " + a.Name
		}
	}
	var pending []string
	for _, p := range procs { // already ordered by field, then name
		if len(n.Groups) == 0 || n.Groups[len(n.Groups)-1].Field != p.FieldName {
			n.Groups = append(n.Groups, print.NoticeGroup{Field: p.FieldName})
		}
		g := &n.Groups[len(n.Groups)-1]
		np := print.NoticeProcedure{Code: p.Code, Name: p.Name, Time: p.PostedTime(), Fee: p.PostedFee(), Place: place, LegalBasis: p.LegalBasis}
		if p.FeeBasisPending() {
			pending = append(pending, p.Code)
		}
		for _, d := range p.Documents {
			np.Documents = append(np.Documents, print.Document{Name: d.Name, Kind: d.Kind.Label(), Count: d.Count})
		}
		g.Procedures = append(g.Procedures, np)
	}
	return n, pending, nil
}
