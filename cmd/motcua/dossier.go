package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"motcua/app/desk"
	"motcua/store"
	"motcua/store/workday"
)

// receiveResult is what `motcua receive` prints: the numbers a script needs to carry on.
type receiveResult struct {
	Code       string `json:"code"`
	BookNo     int    `json:"book_no"`
	ReceivedAt string `json:"received_at"`
	DueAt      string `json:"due_at"` // "" for a refusal at the counter
	Fee        int64  `json:"fee"`
	Slip       string `json:"slip"` // Mẫu 01, or Mẫu 03 for a refusal
	Refused    bool   `json:"refused,omitempty"`
	PrintError string `json:"print_error,omitempty"`
}

func runReceive(e *env, args []string) error {
	fs := e.newFlags("receive")
	proc := fs.String("procedure", "", "id hoặc mã thủ tục (xem 'motcua procedures')")
	name := fs.String("name", "", "họ và tên người nộp")
	idno := fs.String("idno", "", "số CCCD (12 chữ số)")
	phone := fs.String("phone", "", "số điện thoại")
	address := fs.String("address", "", "địa chỉ")
	email := fs.String("email", "", "thư điện tử (không bắt buộc)")
	sets := fs.Int("sets", 1, "số bộ hồ sơ")
	pages := fs.Int("pages", 1, "số trang (lệ phí tính theo trang)")
	docs := fs.String("docs", "", "giấy tờ đã nhận, cách nhau bởi ';' (mặc định: toàn bộ giấy tờ của thủ tục)")
	post := fs.String("post", "", "nhận kết quả qua bưu chính tại địa chỉ này (bỏ trống: nhận tại Bộ phận một cửa)")
	at := fs.String("at", "", "thời điểm tiếp nhận \"2026-01-26 08:15\" (mặc định: bây giờ)")
	pdf := fs.String("pdf", "", "chép thêm phiếu hẹn ra tệp này")
	count := fs.Int("count", 1, "tiếp nhận lặp lại N hồ sơ giống nhau (thử tải), mỗi hồ sơ một JSON")
	channel := fs.String("channel", "direct", "hình thức nộp: direct (trực tiếp), post (bưu chính công ích), online (trực tuyến)")
	portal := fs.String("portal-code", "", "mã hồ sơ trên Cổng dịch vụ công (hồ sơ trực tuyến)")
	resolver := fs.String("resolver", "", "cơ quan giải quyết, khi không phải cơ quan tiếp nhận")
	refuse := fs.String("refuse", "", "từ chối tiếp nhận vì hồ sơ không đủ điều kiện, với lý do này: in Mẫu 03, không có giấy hẹn")
	var rep store.Representative
	fs.StringVar(&rep.Name, "rep-name", "", "người được ủy quyền nộp hồ sơ: họ và tên")
	fs.StringVar(&rep.Address, "rep-address", "", "người được ủy quyền: địa chỉ")
	fs.StringVar(&rep.IDNo, "rep-idno", "", "người được ủy quyền: số định danh cá nhân (CCCD)")
	fs.StringVar(&rep.Phone, "rep-phone", "", "người được ủy quyền: số điện thoại")
	fs.StringVar(&rep.Email, "rep-email", "", "người được ủy quyền: thư điện tử")
	fs.StringVar(&rep.Paper, "rep-paper", "", "giấy tờ ủy quyền, ví dụ \"Giấy ủy quyền số 12/UQ ngày 01/12/2026\"")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if isSet(fs, "refuse") && strings.TrimSpace(*refuse) == "" {
		return usagef("-refuse: hãy ghi lý do từ chối tiếp nhận")
	}
	if *proc == "" {
		return usagef("-procedure: hãy chọn thủ tục (id hoặc mã, xem 'motcua procedures')")
	}
	// The store reads 0 as "not given" (1); typed on the command line it is a mistake.
	if *sets < 1 {
		return usagef("-sets: số bộ hồ sơ phải từ 1 trở lên (đã nhập %d)", *sets)
	}
	if *pages < 1 {
		return usagef("-pages: số trang phải từ 1 trở lên (đã nhập %d)", *pages)
	}
	receivedAt, err := parseTimeFlag("-at", *at)
	if err != nil {
		return err
	}
	return e.withDesk(func(d *desk.Desk) error {
		p, err := d.Store.Procedure(e.ctx, *proc)
		if err != nil {
			return usagef("-procedure: không có thủ tục %q (xem 'motcua procedures')", *proc)
		}
		received, err := pickDocuments(p, *docs)
		if err != nil {
			return err
		}
		if *refuse != "" && !isSet(fs, "docs") {
			received = nil // refused: only the papers named were seen
		}
		in := store.Intake{
			ProcedureID: p.ID, Name: *name, IDNo: *idno, Phone: *phone, Address: *address, Email: *email,
			Documents: received, Sets: *sets, Pages: *pages,
			ByPost: *post != "", PostAddress: *post, ReceivedAt: receivedAt, By: e.by,
			Channel: store.Channel(*channel), PortalCode: *portal, ResolvingAgency: *resolver, Rep: rep,
		}
		// -count repeats the intake (scripts, the crash test): each dossier's JSON is printed only
		// after its transaction committed, so a printed number is a kept number.
		for n := 0; n < *count; n++ {
			var r desk.Receipt
			if *refuse != "" {
				r, err = d.RefuseIntake(e.ctx, in, *refuse)
			} else {
				r, err = d.Receive(e.ctx, in)
			}
			if err != nil {
				return err
			}
			out := receiveResult{
				Code: r.Dossier.Code, BookNo: r.Dossier.BookNo,
				ReceivedAt: r.Dossier.ReceivedAt.In(workday.Loc).Format(time.RFC3339),
				DueAt:      rfc(r.Dossier.DueAt),
				Fee:        r.Dossier.Fee, Slip: r.SlipPath, Refused: r.Dossier.RefusedAtIntake,
			}
			if r.PrintErr != nil {
				out.PrintError = r.PrintErr.Error()
				fmt.Fprintln(e.stderr, "motcua: cảnh báo:", r.PrintErr)
			}
			if *pdf != "" && r.SlipPath != "" {
				if err := copyFile(r.SlipPath, *pdf); err != nil {
					fmt.Fprintln(e.stderr, "motcua: cảnh báo: hồ sơ đã lưu nhưng không chép được phiếu:", err)
				} else {
					out.Slip = *pdf
				}
			}
			if err := e.printJSON(out); err != nil {
				return err
			}
		}
		return nil
	})
}

// pickDocuments matches -docs names against the procedure's list; empty means all of them.
func pickDocuments(p store.Procedure, list string) ([]store.ReceivedDocument, error) {
	var out []store.ReceivedDocument
	if strings.TrimSpace(list) == "" {
		for _, d := range p.Documents {
			out = append(out, d.Received())
		}
		return out, nil
	}
	for _, name := range strings.Split(list, ";") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		doc := store.ReceivedDocument{Name: name, Kind: "Bản chính", Count: 1}
		for _, d := range p.Documents {
			if strings.EqualFold(d.Name, name) {
				doc = d.Received()
			}
		}
		out = append(out, doc)
	}
	return out, nil
}

func runSlip(e *env, args []string) error {
	fs := e.newFlags("slip")
	code := fs.String("code", "", "mã hồ sơ")
	form := fs.String("form", string(store.FormReceipt), "mẫu phiếu (Thông tư 03/2025/TT-VPCP; 01: bản mới nhất): "+formList())
	out := fs.String("o", "", "chép phiếu ra tệp này")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *code == "" {
		return usagef("-code: hãy nhập mã hồ sơ")
	}
	if desk.FormName(store.Form(*form)) == "" {
		return usagef("-form: không có mẫu %q (có: %s; sổ theo dõi hồ sơ, Mẫu 07: lệnh book)", *form, formList())
	}
	return e.withDesk(func(d *desk.Desk) error {
		var path string
		var err error
		if store.Form(*form) == store.FormReceipt {
			path, err = d.Slip(e.ctx, e.by, strings.TrimSpace(*code)) // the archived slip as the applicant got it
		} else {
			path, err = d.Form(e.ctx, e.by, strings.TrimSpace(*code), store.Form(*form))
		}
		if err != nil {
			return err
		}
		if *out != "" {
			if err := copyFile(path, *out); err != nil {
				return err
			}
			path = *out
		}
		fmt.Fprintln(e.stdout, path)
		return nil
	})
}

// formList names the forms slip draws: "01 Giấy tiếp nhận …, 02 …".
func formList() string {
	var out []string
	for _, f := range desk.Forms {
		out = append(out, string(f.Code)+" "+f.Name)
	}
	return strings.Join(out, ", ")
}

// dossierJSON is the public shape of a dossier in the CLI.
type dossierJSON struct {
	Code          string   `json:"code"`
	BookYear      int      `json:"book_year"`
	BookNo        int      `json:"book_no"`
	Status        int      `json:"status"`
	StatusName    string   `json:"status_name"`
	Procedure     string   `json:"procedure"`
	ProcedureCode string   `json:"procedure_code"`
	Field         string   `json:"field"`
	Name          string   `json:"name"`
	IDNo          string   `json:"idno"`
	Phone         string   `json:"phone"`
	Address       string   `json:"address"`
	Email         string   `json:"email,omitempty"`
	Documents     []string `json:"documents"`
	Sets          int      `json:"sets"`
	Fee           int64    `json:"fee"`
	ByPost        bool     `json:"by_post"`
	PostAddress   string   `json:"post_address,omitempty"`
	ReceivedAt    string   `json:"received_at"`
	DueAt         string   `json:"due_at"` // "" for a refusal at the counter: no appointment
	ReceivedBy    string   `json:"received_by"`

	Identifier      string                `json:"identifier"` // số định danh cá nhân: the CCCD
	Channel         string                `json:"channel"`
	ChannelName     string                `json:"channel_name"`
	PortalCode      string                `json:"portal_code,omitempty"`
	ResolvingAgency string                `json:"resolving_agency"`
	Representative  *store.Representative `json:"representative,omitempty"`
	RefusedAtIntake bool                  `json:"refused_at_intake,omitempty"`
	RecordedAt      string                `json:"recorded_at,omitempty"`
	EnteredLate     bool                  `json:"entered_late,omitempty"` // typed later from the paper book

	OriginalDueAt  string      `json:"original_due_at"`
	Timeliness     string      `json:"timeliness"` // early, on_time, late; within, overdue while open; "" refused, withdrawn, stopped
	TimelinessName string      `json:"timeliness_name"`
	Holder         string      `json:"holder"`
	PendingTo      string      `json:"pending_to,omitempty"`
	TransferredAt  string      `json:"transferred_at,omitempty"`
	ResolvedAt     string      `json:"resolved_at,omitempty"`
	ReturnedAt     string      `json:"returned_at,omitempty"`
	EndedAt        string      `json:"ended_at,omitempty"`
	Supplements    int         `json:"supplements,omitempty"`
	Rescheduled    bool        `json:"rescheduled,omitempty"`
	ResultNote     string      `json:"result_note,omitempty"`
	Recipient      string      `json:"recipient,omitempty"`
	RecipientIDNo  string      `json:"recipient_idno,omitempty"`
	Events         []eventJSON `json:"events,omitempty"`
}

func toJSON(d store.Dossier) dossierJSON {
	out := dossierJSON{
		Code: d.Code, BookYear: d.BookYear, BookNo: d.BookNo, Status: int(d.Status), StatusName: d.StatusName,
		Procedure: d.ProcedureName, ProcedureCode: d.ProcedureCode, Field: d.FieldName,
		Name: d.Name, IDNo: d.IDNo, Phone: d.Phone, Address: d.Address, Email: d.Email,
		Sets: d.Sets, Fee: d.Fee, ByPost: d.ByPost, PostAddress: d.PostAddress,
		ReceivedAt: d.ReceivedAt.In(workday.Loc).Format(time.RFC3339),
		DueAt:      rfc(d.DueAt),
		ReceivedBy: d.ReceivedBy,

		Identifier: d.IDNo, Channel: string(d.Channel), ChannelName: d.Channel.Name(), PortalCode: d.PortalCode,
		ResolvingAgency: d.ResolvingAgency, RefusedAtIntake: d.RefusedAtIntake, RecordedAt: rfc(d.RecordedAt),
		EnteredLate: d.EnteredLate(),

		OriginalDueAt: rfc(d.OriginalDueAt), Holder: d.Holder, PendingTo: d.PendingTo,
		TransferredAt: rfc(d.TransferredAt), ResolvedAt: rfc(d.ResolvedAt), ReturnedAt: rfc(d.ReturnedAt), EndedAt: rfc(d.EndedAt),
		Supplements: d.Supplements, Rescheduled: d.Rescheduled, ResultNote: d.ResultNote,
		Recipient: d.Recipient, RecipientIDNo: d.RecipientIDNo,
	}
	if !d.Rep.IsZero() {
		rep := d.Rep
		out.Representative = &rep
	}
	tl := d.Timeliness(time.Now())
	out.Timeliness, out.TimelinessName = string(tl), store.TimelinessName(tl)
	for _, doc := range d.Documents {
		out.Documents = append(out.Documents, fmt.Sprintf("%s (%s, %d)", doc.Name, doc.Kind, doc.Count))
	}
	return out
}

func runShow(e *env, args []string) error {
	fs := e.newFlags("show")
	code := fs.String("code", "", "mã hồ sơ")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *code == "" {
		return usagef("-code: hãy nhập mã hồ sơ")
	}
	return e.withDesk(func(d *desk.Desk) error {
		dos, err := d.Store.Dossier(e.ctx, e.by, strings.TrimSpace(*code))
		if err != nil {
			return err
		}
		return e.showDossier(d, dos)
	})
}

func runSearch(e *env, args []string) error {
	fs := e.newFlags("search")
	limit := fs.Int("limit", 50, "số hồ sơ tối đa")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	q := strings.Join(fs.Args(), " ")
	return e.withDesk(func(d *desk.Desk) error {
		found, err := d.Store.SearchDossiers(e.ctx, e.by, q, *limit)
		if err != nil {
			return err
		}
		for _, dos := range found {
			if err := e.printJSONLine(toJSON(dos)); err != nil {
				return err
			}
		}
		return nil
	})
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o600)
}

// parseTimeFlag reads "2026-01-26 08:15" (Vietnam time) or RFC 3339; empty means now (zero).
func parseTimeFlag(flagName, v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, v, workday.Loc); err == nil {
			return t, nil
		}
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	// A day without its time would be taken as 00:00, a time no counter is open.
	if _, err := time.ParseInLocation("2006-01-02", v, workday.Loc); err == nil {
		return time.Time{}, usagef("%s: thời điểm %q thiếu giờ; hãy viết cả giờ, ví dụ \"%s 08:15\"", flagName, v, v)
	}
	return time.Time{}, usagef("%s: thời điểm %q không đúng dạng \"2026-01-26 08:15\"", flagName, v)
}
