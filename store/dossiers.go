package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/store/workday"
)

// ReceivedDocument is a paper the applicant handed in.
type ReceivedDocument struct {
	Name  string `json:"name"`
	Kind  string `json:"kind"` // "Bản chính", "Bản sao", ...
	Count int    `json:"count"`
}

// Channel is how a dossier reached the counter (Biểu II.06a counts online ones apart).
type Channel string

const (
	ChannelDirect Channel = "direct" // trực tiếp
	ChannelPost   Channel = "post"   // qua dịch vụ bưu chính công ích
	ChannelOnline Channel = "online" // trực tuyến, with the portal's dossier code
)

// Channels lists the channels in the order the intake offers them.
var Channels = []Channel{ChannelDirect, ChannelPost, ChannelOnline}

var channelNames = map[Channel]string{
	ChannelDirect: "Trực tiếp",
	ChannelPost:   "Qua dịch vụ bưu chính công ích",
	ChannelOnline: "Trực tuyến",
}

// Name is the channel's Vietnamese name ("" for an unknown one).
func (c Channel) Name() string { return channelNames[c] }

// Representative is the authorised person who files for the applicant (Mẫu 01 of Circular
// 03/2025: name, address, personal identifier, phone, email and the authorisation paper).
type Representative struct {
	Name    string `json:"name"`
	Address string `json:"address,omitempty"`
	IDNo    string `json:"idno,omitempty"` // số định danh cá nhân (CCCD)
	Phone   string `json:"phone,omitempty"`
	Email   string `json:"email,omitempty"`
	Paper   string `json:"paper,omitempty"` // giấy tờ ủy quyền: "Giấy ủy quyền số 12/UQ ngày 01/12/2026"
}

// IsZero reports whether no representative was given.
func (r Representative) IsZero() bool { return r == Representative{} }

// Intake is what the counter official types to receive a dossier.
type Intake struct {
	ProcedureID int64
	Case        string // the procedure's case (trường hợp) by name; "" its own terms
	Exemption   string // the fee exemption that applies, as the procedure lists it; "" none
	Name        string
	IDNo        string // số định danh cá nhân: the CCCD, 12 digits
	Phone       string
	Address     string
	Email       string             // optional
	Documents   []ReceivedDocument // what the official ticked as received: at least one
	Sets        int                // number of sets (bộ) / copies for per-page fees; 0 → 1
	Pages       int                // pages per copy, for per-page fees; 0 → 1
	ByPost      bool               // result sent by post
	PostAddress string             // required when ByPost
	ReceivedAt  time.Time          // zero → now
	By          string             // official login; empty → DefaultActor

	Channel         Channel        // "" → ChannelDirect
	PortalCode      string         // the portal's dossier code; required online, only online
	ResolvingAgency string         // the agency that resolves it; "" → this agency
	Rep             Representative // optional: who filed for the applicant

	// ArchiveSlip, when set, names the file the caller will write the dossier's Mẫu 01 slip to,
	// from its code and time of receipt. It is recorded (Slips) in the intake's own transaction:
	// one commit per intake, and no slip on record for a dossier that was not saved.
	ArchiveSlip func(code string, receivedAt time.Time) string `json:"-"`

	// Key is the intake's idempotency key (desk.Receive makes one for each intake): an intake
	// sent again with the key of a committed one returns that dossier instead of a second one.
	// After a connection lost during COMMIT (ErrOutcomeUnknown) Receive resends it itself.
	Key string
}

// Dossier is a received dossier (hồ sơ). Procedure and deadline are a snapshot taken at intake:
// later catalogue or calendar edits never change an issued slip.
type Dossier struct {
	ID       int64
	Code     string // {agency code}-{YYMMDD}-{XXXX}
	BookYear int    // the tracking book's year (quyển)
	BookNo   int    // số thứ tự in the year's book, from 1

	ProcedureID   int64
	ProcedureCode string
	ProcedureName string
	FieldName     string
	Days          int
	Hours         int    // working hours, for an hours-based procedure (Days is then 0)
	Case          string // the case received under; "" the procedure's own terms
	// ProcedureVersion is the catalogue version received under (0: received before versions):
	// ReceivedProcedure reads it, whatever the catalogue says today.
	ProcedureVersion int64

	Name, IDNo, Phone, Address, Email string // IDNo: số định danh cá nhân (CCCD)

	Documents []ReceivedDocument
	Sets      int
	Pages     int
	Fee       int64

	ByPost      bool
	PostAddress string

	ReceivedAt    time.Time // in Asia/Ho_Chi_Minh
	DueAt         time.Time // the due time in force
	OriginalDueAt time.Time // the due time computed at intake (differs from DueAt after a reschedule)

	Status     Status // national portal numbering 1..10
	StatusName string

	ReceivedBy     string // login
	ReceivedByName string

	// After intake (lifecycle.go); zero times mean "not yet".
	TransferredAt time.Time // first handover away from the counter (Mẫu 06 "Chuyển hồ sơ")
	ResolvedAt    time.Time // Đã xử lý xong
	ReturnedAt    time.Time // Đã trả kết quả
	EndedAt       time.Time // refused, withdrawn or stopped
	Holder        string    // login of who has the dossier now
	HolderName    string
	PendingTo     string // login of the receiver of a handover not yet confirmed; "" when none
	PendingToName string
	Supplements   int  // supplement requests so far; 2 or more is flagged (counts as late in the 766 index)
	Rescheduled   bool // the return date was moved once (Mẫu 04)
	ResultNote    string
	Recipient     string // who collected the result
	RecipientIDNo string

	Channel         Channel
	PortalCode      string         // online dossiers: the portal's code
	ResolvingAgency string         // "" = the receiving agency itself (see ResolverName)
	Rep             Representative // zero when the applicant filed in person
	Cutoff          CutoffRule     // the start rule the due time was computed with
	RecordedAt      time.Time      // when the intake was typed; later than ReceivedAt for entries from the paper book
	RefusedAtIntake bool           // refused at the counter: Mẫu 03, no Mẫu 01, no fee, no due time (DueAt is zero)
}

// ResolverName is the agency that resolves the dossier: the one recorded at intake, else the
// receiving agency named agency.
func (d Dossier) ResolverName(agency string) string {
	if d.ResolvingAgency != "" {
		return d.ResolvingAgency
	}
	return agency
}

// EnteredLate reports whether the intake was typed on a later day than the receipt (from the
// paper book): its book number is in the order of entry, not of receipt.
func (d Dossier) EnteredLate() bool {
	return !d.RecordedAt.IsZero() && dayStart(d.RecordedAt).After(dayStart(d.ReceivedAt))
}

// earliest receipt accepted: the book is entered from paper at most back to 2000.
var earliest = time.Date(2000, 1, 1, 0, 0, 0, 0, workday.Loc)

// Validate checks and normalises every field of the intake; it returns the first bad field as a
// *ValidationError. The store also checks that the procedure exists and is active.
func (in Intake) Validate() error {
	_, err := in.normalize(time.Now(), false)
	return err
}

// Problems lists every bad field of the intake at once, one message per field, in the form's
// order (the window shows each under its field; Receive refuses with the first).
func (in Intake) Problems() []*ValidationError {
	_, probs := in.check(time.Now(), false)
	return probs
}

// normalize returns the intake as it will be stored: NFC, trimmed, spaces collapsed, phone as
// 0xxxxxxxxx, defaults applied.
func (in Intake) normalize(now time.Time, refusal bool) (Intake, error) {
	out, probs := in.check(now, refusal)
	if len(probs) > 0 {
		return in, probs[0]
	}
	return out, nil
}

// check is normalize that goes on after a bad field, to name them all.
func (in Intake) check(now time.Time, refusal bool) (Intake, []*ValidationError) {
	var probs []*ValidationError
	bad := func(err error) bool {
		if err == nil {
			return false
		}
		var ve *ValidationError
		if !errors.As(err, &ve) {
			ve = invalid("", err.Error())
		}
		probs = append(probs, ve)
		return true
	}
	var err error
	if in.ProcedureID <= 0 {
		bad(invalid("procedure", "Chưa chọn thủ tục hành chính; hãy gõ vài chữ của tên thủ tục để chọn."))
	}
	in.Name, err = personName("name", "Họ và tên người nộp", in.Name)
	bad(err)
	in.IDNo, err = idNo(in.IDNo)
	bad(err)
	in.Phone, err = phone("phone", in.Phone, true)
	bad(err)
	in.Address, err = cleanText("address", "Địa chỉ", in.Address, true, 300)
	bad(err)
	in.Email, err = email(in.Email)
	bad(err)
	// A slip that lists no document proves nothing about what the citizen handed in; a refusal
	// at the counter may list none.
	if len(in.Documents) == 0 && !refusal {
		bad(invalid("documents", "Thành phần hồ sơ: hãy đánh dấu ít nhất một giấy tờ đã nhận."))
	}
	docs := make([]ReceivedDocument, len(in.Documents))
	for i, d := range in.Documents {
		n := strconv.Itoa(i + 1)
		var e1, e2 error
		d.Name, e1 = cleanText("documents", "Tên giấy tờ thứ "+n, d.Name, true, 300)
		d.Kind, e2 = cleanText("documents", "Loại bản của giấy tờ thứ "+n, d.Kind, false, 100)
		if bad(errors.Join(e1, e2)) {
			break // one message for the checklist
		}
		if d.Count < 1 || d.Count > 100 {
			bad(invalid("documents", "Số lượng của giấy tờ thứ "+n+" ("+d.Name+") phải từ 1 đến 100."))
			break
		}
		docs[i] = d
	}
	in.Documents = docs
	for _, e := range in.countProblems(now) {
		bad(e)
	}
	if in.ByPost {
		in.PostAddress, err = cleanText("post_address", "Địa chỉ nhận kết quả qua bưu chính", in.PostAddress, true, 300)
		bad(err)
	} else {
		in.PostAddress = ""
	}
	in.By, err = cleanText("by", "Tên đăng nhập của cán bộ", in.By, false, 32)
	bad(err)
	in.Key, err = cleanText("key", "Khóa chống ghi trùng", in.Key, false, 64)
	bad(err)
	in.Case, err = cleanText("case", "Trường hợp", in.Case, false, 200)
	bad(err)
	in.Exemption, err = cleanText("exemption", "Trường hợp miễn phí, lệ phí", in.Exemption, false, 200)
	bad(err)
	bad(in.normalizeLaw())
	return in, probs
}

// normalizeLaw checks the intake fields of Circular 03/2025: channel and portal code, resolving
// agency, authorised representative.
func (in *Intake) normalizeLaw() error {
	var err error
	if in.Channel == "" {
		in.Channel = ChannelDirect
	}
	if in.Channel.Name() == "" {
		return invalid("channel", "Hình thức nhận hồ sơ phải là trực tiếp (direct), bưu chính (post) hoặc trực tuyến (online).")
	}
	if in.PortalCode, err = cleanText("portal_code", "Mã hồ sơ trên Cổng dịch vụ công", in.PortalCode, in.Channel == ChannelOnline, 60); err != nil {
		if in.Channel == ChannelOnline && in.PortalCode == "" {
			return invalid("portal_code", "Hồ sơ nộp trực tuyến: hãy nhập mã hồ sơ trên Cổng dịch vụ công.")
		}
		return err
	}
	if in.PortalCode != "" && in.Channel != ChannelOnline {
		return invalid("portal_code", "Mã hồ sơ trên Cổng dịch vụ công chỉ nhập cho hồ sơ nộp trực tuyến.")
	}
	if strings.ContainsAny(in.PortalCode, " ") {
		return invalid("portal_code", "Mã hồ sơ trên Cổng dịch vụ công không có dấu cách.")
	}
	in.PortalCode = strings.ToUpper(in.PortalCode)
	if in.ResolvingAgency, err = cleanText("resolving_agency", "Cơ quan giải quyết", in.ResolvingAgency, false, 200); err != nil {
		return err
	}
	in.Rep, err = in.Rep.normalize()
	return err
}

// normalize checks a representative: all empty is none; otherwise the name and the
// authorisation paper are needed, the rest is checked when given.
func (r Representative) normalize() (Representative, error) {
	var err error
	for _, p := range []*string{&r.Name, &r.Address, &r.IDNo, &r.Phone, &r.Email, &r.Paper} {
		*p = strings.TrimSpace(*p)
	}
	if r.IsZero() {
		return r, nil
	}
	if r.Name, err = personName("rep_name", "Họ và tên người được ủy quyền", r.Name); err != nil {
		return r, err
	}
	if r.Address, err = cleanText("rep_address", "Địa chỉ người được ủy quyền", r.Address, false, 300); err != nil {
		return r, err
	}
	if r.IDNo != "" {
		if r.IDNo, err = idNo(r.IDNo); err != nil {
			return r, invalid("rep_idno", "Người được ủy quyền: "+err.Error())
		}
	}
	if r.Phone, err = phone("rep_phone", r.Phone, false); err != nil {
		return r, invalid("rep_phone", "Người được ủy quyền: "+err.Error())
	}
	if r.Email, err = email(r.Email); err != nil {
		return r, invalid("rep_email", "Người được ủy quyền: "+err.Error())
	}
	if r.Paper, err = cleanText("rep_paper", "Giấy tờ ủy quyền", r.Paper, true, 300); err != nil {
		return r, err
	}
	return r, nil
}

// normalizeCounts checks what the due date and the fee depend on (sets, pages, receipt time).
func (in *Intake) normalizeCounts(now time.Time) error {
	if probs := in.countProblems(now); len(probs) > 0 {
		return probs[0]
	}
	return nil
}

func (in *Intake) countProblems(now time.Time) []error {
	var probs []error
	if in.Sets == 0 {
		in.Sets = 1
	}
	if in.Sets < 1 || in.Sets > 20 {
		probs = append(probs, invalid("sets", "Số lượng hồ sơ (bộ) phải từ 1 đến 20."))
	}
	if in.Pages == 0 {
		in.Pages = 1
	}
	if in.Pages < 1 || in.Pages > 1000 {
		probs = append(probs, invalid("pages", "Số trang phải từ 1 đến 1000."))
	}
	if in.ReceivedAt.IsZero() {
		in.ReceivedAt = now
	}
	if in.ReceivedAt.After(now.Add(5 * time.Minute)) {
		probs = append(probs, invalid("received_at", "Thời điểm tiếp nhận không được ở tương lai; hãy kiểm tra đồng hồ máy tính."))
	} else if in.ReceivedAt.Before(earliest) {
		probs = append(probs, invalid("received_at", "Thời điểm tiếp nhận phải từ năm 2000 trở về sau."))
	}
	in.ReceivedAt = in.ReceivedAt.Truncate(time.Millisecond)
	return probs
}

// activeProcedure loads the intake's procedure as it reads on the day of receipt and checks it
// may be received then.
func (s *Store) activeProcedure(ctx context.Context, q queryer, id int64, at time.Time) (Procedure, error) {
	p, err := s.procedureOn(ctx, q, strconv.FormatInt(id, 10), dayKey(at))
	if errors.Is(err, ErrNotFound) {
		return p, invalid("procedure", "Thủ tục đã chọn không có trong danh mục; hãy chọn lại thủ tục.")
	}
	if err == nil && !p.Active {
		return p, invalid("procedure", "Thủ tục \""+p.Name+"\" đã ngừng áp dụng; hãy chọn thủ tục khác.")
	}
	return p, err
}

// Preview computes the due time and fee the intake would get now, without writing anything. Only
// the procedure, sets, pages and receipt time need to be filled in, so the form can show them
// while the applicant is still being typed.
func (s *Store) Preview(ctx context.Context, in Intake) (due time.Time, fee int64, err error) {
	if in.ProcedureID <= 0 {
		return time.Time{}, 0, invalid("procedure", "Chưa chọn thủ tục hành chính; hãy gõ vài chữ của tên thủ tục để chọn.")
	}
	if err := in.normalizeCounts(s.now()); err != nil {
		return time.Time{}, 0, err
	}
	if in.Case, err = cleanText("case", "Trường hợp", in.Case, false, 200); err != nil {
		return time.Time{}, 0, err
	}
	p, err := s.activeProcedure(ctx, s.r, in.ProcedureID, in.ReceivedAt)
	if err != nil {
		return time.Time{}, 0, err
	}
	terms, err := p.Terms(in.Case)
	if err != nil {
		return time.Time{}, 0, err
	}
	fee, err = terms.Amount(in.Sets, in.Pages, in.Exemption)
	if err != nil {
		return time.Time{}, 0, err
	}
	a, err := s.Agency(ctx)
	if err != nil {
		return time.Time{}, 0, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return time.Time{}, 0, err
	}
	return terms.Due(cal, in.ReceivedAt, a.Hours, p.Cutoff.effective(a.DefaultCutoff)), fee, nil
}

// Receive validates the intake and commits the dossier with its code and book number, its due
// time (from the calendar and office hours in force now, and the procedure's cut-off rule) and a
// "receive" event, all in one transaction. On any error nothing is written.
func (s *Store) Receive(ctx context.Context, in Intake) (Dossier, error) {
	return s.resend(ctx, in, "")
}

// RefuseIntake records a dossier refused at the counter because it does not qualify (Mẫu 03):
// it takes a code and a book number (the book notes it), but no fee and no due time, and it is
// closed at once with a "refuse" event saying who refused and why. No Mẫu 01 is issued; the
// documents may be none.
func (s *Store) RefuseIntake(ctx context.Context, in Intake, reason string) (Dossier, error) {
	r, err := reasonText(reason)
	if err != nil {
		return Dossier{}, err
	}
	in.ArchiveSlip = nil
	return s.resend(ctx, in, r)
}

// resend is receive, sent again after a connection lost during COMMIT: the dossier may or may
// not be in. With a key, the intake is resent until the server answers: the committed dossier,
// or the first commit.
func (s *Store) resend(ctx context.Context, in Intake, refusal string) (Dossier, error) {
	d, err := s.receive(ctx, in, refusal)
	for try := 0; in.Key != "" && errors.Is(err, ErrOutcomeUnknown) && try < outcomeRetries; try++ {
		select {
		case <-ctx.Done():
			return Dossier{}, err
		case <-time.After(outcomeRetryWait):
		}
		d, err = s.receive(ctx, in, refusal)
	}
	return d, err
}

// How often and how long apart an intake is resent after an unknown outcome; tests shorten it.
var (
	outcomeRetries   = 10
	outcomeRetryWait = 500 * time.Millisecond
)

// receive is Receive, or RefuseIntake when refusal (the reason) is set.
func (s *Store) receive(ctx context.Context, in Intake, refusal string) (Dossier, error) {
	now := s.now()
	in, err := in.normalize(now, refusal != "")
	if err != nil {
		return Dossier{}, err
	}
	by, err := s.require(ctx, in.By, PermReceive)
	if err != nil {
		return Dossier{}, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return Dossier{}, err
	}
	var d Dossier
	var done string // the code of the dossier already committed with this key
	err = s.tx(ctx, func(t *sql.Tx) error {
		if in.Key != "" {
			err := t.QueryRowContext(ctx, `SELECT code FROM dossiers WHERE intake_key = ?`, in.Key).Scan(&done)
			if err == nil {
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		p, err := s.activeProcedure(ctx, t, in.ProcedureID, in.ReceivedAt)
		if err != nil {
			return err
		}
		terms, err := p.Terms(in.Case)
		if err != nil {
			return err
		}
		fee, err := terms.Amount(in.Sets, in.Pages, in.Exemption)
		if err != nil {
			return err
		}
		a, err := agencyFrom(ctx, t)
		if err != nil {
			return err
		}
		if a.Code == "" {
			return invalid("agency", "Chưa cấu hình mã cơ quan; quản trị viên hãy nhập thông tin cơ quan trước khi tiếp nhận hồ sơ.")
		}
		if in.Documents == nil {
			in.Documents = []ReceivedDocument{}
		}
		docsJSON, _ := json.Marshal(in.Documents)
		var repJSON []byte
		if !in.Rep.IsZero() {
			repJSON, _ = json.Marshal(in.Rep)
		}
		rule := p.Cutoff.effective(a.DefaultCutoff)
		due := terms.Due(cal, in.ReceivedAt, a.Hours, rule)
		code, year, bookNo, err := number(ctx, t, a, in.ReceivedAt)
		if err != nil {
			return err
		}
		status, dueText, kind := StatusReceived, ts(due), ActReceive
		var closed any
		if refusal != "" {
			// No appointment and nothing to pay: the dossier ends where it came in.
			status, dueText, kind, fee, due, closed = StatusRefused, "", ActRefuse, 0, time.Time{}, ts(in.ReceivedAt)
		}
		id, err := insertID(ctx, t, `INSERT INTO dossiers(code, book_year, book_no, procedure_id, procedure_code,
			procedure_name, field_name, days, name, idno, phone, address, email, documents, sets, pages, fee,
			by_post, post_address, received_at, due_at, original_due_at, status, received_by, intake_key,
			channel, portal_code, resolving_agency, representative, cutoff, recorded_at, ended_at, closed_at,
			procedure_version, case_name, hours)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			code, year, bookNo, p.ID, p.Code, p.Name, p.FieldName, terms.Days, in.Name, in.IDNo, in.Phone, in.Address,
			in.Email, string(docsJSON), in.Sets, in.Pages, fee, in.ByPost, in.PostAddress,
			ts(in.ReceivedAt), dueText, dueText, status, by.ID, nullable(in.Key),
			string(in.Channel), in.PortalCode, in.ResolvingAgency, string(repJSON), string(rule), ts(now), closed, closed,
			p.Version, terms.Case, terms.Hours)
		if err != nil {
			return fmt.Errorf("không lưu được hồ sơ: %w", err)
		}
		var data any
		if refusal != "" {
			data = ReasonData{Reason: refusal}
		}
		if err := appendEvent(ctx, t, id, in.ReceivedAt, now, by.ID, kind, 0, status, refusal, data); err != nil {
			return err
		}
		if err := s.d.indexSearch(ctx, t, id, searchText(code, in.Name, in.IDNo, in.Phone)); err != nil {
			return err
		}
		if in.ArchiveSlip != nil {
			if _, err := t.ExecContext(ctx, `INSERT INTO slips(dossier_id, form, path, at) VALUES (?, '01', ?, ?)`,
				id, in.ArchiveSlip(code, in.ReceivedAt), ts(now)); err != nil {
				return err
			}
		}
		// The dossier as Dossier(code) reads it back (a test holds them equal), without the read.
		d = Dossier{ID: id, Code: code, BookYear: year, BookNo: bookNo, ProcedureID: p.ID, ProcedureCode: p.Code,
			ProcedureName: p.Name, FieldName: p.FieldName, Days: terms.Days, Hours: terms.Hours, Case: terms.Case,
			ProcedureVersion: p.Version, Name: in.Name, IDNo: in.IDNo, Phone: in.Phone,
			Address: in.Address, Email: in.Email, Sets: in.Sets, Pages: in.Pages, Fee: fee, ByPost: in.ByPost,
			PostAddress: in.PostAddress, ReceivedAt: stored(in.ReceivedAt), Status: status, StatusName: StatusName(status),
			ReceivedBy: by.Login, ReceivedByName: by.FullName, Holder: by.Login, HolderName: by.FullName,
			Channel: in.Channel, PortalCode: in.PortalCode, ResolvingAgency: in.ResolvingAgency, Rep: in.Rep,
			Cutoff: rule, RecordedAt: stored(now), RefusedAtIntake: refusal != ""}
		if refusal == "" {
			d.DueAt, d.OriginalDueAt = stored(due), stored(due)
		} else {
			d.EndedAt = stored(in.ReceivedAt)
		}
		return json.Unmarshal(docsJSON, &d.Documents)
	})
	if err != nil {
		return Dossier{}, err
	}
	if done != "" {
		return s.dossier(ctx, done)
	}
	return d, nil
}

// nullable is NULL for "": a UNIQUE column that holds many "no value"s.
func nullable(v string) any {
	if v == "" {
		return nil
	}
	return v
}

// stored is t as the store gives it back: to the millisecond, in Vietnam time.
func stored(t time.Time) time.Time { return t.Truncate(time.Millisecond).In(workday.Loc) }

// searchText is what the search index holds for a dossier.
func searchText(code, name, idno, phone string) string {
	return fold(code + " " + name + " " + idno + " " + phone)
}

const dossierSelect = `SELECT d.id, d.code, d.book_year, d.book_no, d.procedure_id, d.procedure_code, d.procedure_name,
	d.field_name, d.days, d.name, d.idno, d.phone, d.address, d.email, d.documents, d.sets, d.pages, d.fee,
	d.by_post, d.post_address, d.received_at, d.due_at, d.original_due_at, d.status, o.login, o.full_name,
	d.transferred_at, d.resolved_at, d.returned_at, d.ended_at, COALESCE(h.login, o.login), COALESCE(h.full_name, o.full_name),
	COALESCE(p.login, ''), COALESCE(p.full_name, ''), d.supplements, d.rescheduled, d.result_note, d.recipient, d.recipient_idno,
	d.channel, d.portal_code, d.resolving_agency, d.representative, d.cutoff, d.recorded_at,
	COALESCE(d.procedure_version, 0), d.case_name, d.hours
	FROM dossiers d JOIN officials o ON o.id = d.received_by
	LEFT JOIN officials h ON h.id = d.holder_id LEFT JOIN officials p ON p.id = d.pending_to_id`

func scanDossier(sc interface{ Scan(...any) error }) (Dossier, error) {
	var d Dossier
	var docs, rec, due, odue, rep string
	var later [5]sql.NullString
	err := sc.Scan(&d.ID, &d.Code, &d.BookYear, &d.BookNo, &d.ProcedureID, &d.ProcedureCode, &d.ProcedureName,
		&d.FieldName, &d.Days, &d.Name, &d.IDNo, &d.Phone, &d.Address, &d.Email, &docs, &d.Sets, &d.Pages, &d.Fee,
		&d.ByPost, &d.PostAddress, &rec, &due, &odue, &d.Status, &d.ReceivedBy, &d.ReceivedByName,
		&later[0], &later[1], &later[2], &later[3], &d.Holder, &d.HolderName, &d.PendingTo, &d.PendingToName,
		&d.Supplements, &d.Rescheduled, &d.ResultNote, &d.Recipient, &d.RecipientIDNo,
		&d.Channel, &d.PortalCode, &d.ResolvingAgency, &rep, &d.Cutoff, &later[4],
		&d.ProcedureVersion, &d.Case, &d.Hours)
	if err != nil {
		return d, err
	}
	if rep != "" {
		if err := json.Unmarshal([]byte(rep), &d.Rep); err != nil {
			return d, fmt.Errorf("người được ủy quyền của hồ sơ %s lưu sai định dạng: %w", d.Code, err)
		}
	}
	if d.Cutoff == CutoffDefault {
		d.Cutoff = CutoffNextDay // due times computed before the rule existed
	}
	for i, t := range []*time.Time{&d.TransferredAt, &d.ResolvedAt, &d.ReturnedAt, &d.EndedAt, &d.RecordedAt} {
		if later[i].Valid {
			if *t, err = parseTS(later[i].String); err != nil {
				return d, err
			}
		}
	}
	if err := json.Unmarshal([]byte(docs), &d.Documents); err != nil {
		return d, fmt.Errorf("thành phần hồ sơ %s lưu sai định dạng: %w", d.Code, err)
	}
	for _, p := range []struct {
		s string
		t *time.Time
	}{{rec, &d.ReceivedAt}, {due, &d.DueAt}, {odue, &d.OriginalDueAt}} {
		if p.s == "" && p.t != &d.ReceivedAt {
			continue // refused at the counter: no due time
		}
		if *p.t, err = parseTS(p.s); err != nil {
			return d, err
		}
	}
	d.RefusedAtIntake = d.Status == StatusRefused && d.DueAt.IsZero()
	d.StatusName = StatusName(d.Status)
	return d, nil
}

func (s *Store) dossierWhere(ctx context.Context, q queryer, where string, args ...any) (Dossier, error) {
	d, err := scanDossier(q.QueryRowContext(ctx, dossierSelect+` WHERE `+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("%w hồ sơ", ErrNotFound)
	}
	return d, err
}

// Dossier finds a dossier by its code (case-insensitive, surrounding spaces ignored: a barcode
// scanner may add them).
func (s *Store) Dossier(ctx context.Context, by, code string) (Dossier, error) {
	if _, err := s.require(ctx, by, PermViewDossiers); err != nil {
		return Dossier{}, err
	}
	return s.dossier(ctx, code)
}

// dossier is Dossier for the store's own use, after the caller's permission was checked.
func (s *Store) dossier(ctx context.Context, code string) (Dossier, error) {
	c := strings.ToUpper(strings.TrimSpace(searchNorm(code)))
	d, err := s.dossierWhere(ctx, s.r, `d.code = ?`, c)
	if errors.Is(err, ErrNotFound) {
		return d, fmt.Errorf("%w hồ sơ có mã %q", ErrNotFound, c)
	}
	return d, err
}

// SearchDossiers finds dossiers by code, applicant name (without diacritics: "nguyen van a" finds
// "Nguyễn Văn A", "dang" finds "Đặng"), CCCD or phone, newest first (by intake order), at most
// limit (≤ 0: 50). Every word of q must start a word of the dossier's code, name, CCCD or phone;
// the lookup goes through the search index (FTS5 on SQLite, pg_trgm on PostgreSQL). An empty q
// gives the newest dossiers.
func (s *Store) SearchDossiers(ctx context.Context, by, q string, limit int) ([]Dossier, error) {
	if _, err := s.require(ctx, by, PermViewDossiers); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = 50
	}
	q = strings.TrimSpace(searchNorm(q))
	var rows *sql.Rows
	var err error
	if q == "" {
		rows, err = s.r.QueryContext(ctx, dossierSelect+` ORDER BY d.id DESC LIMIT ?`, limit)
	} else {
		if p, perr := phone("q", q, true); perr == nil {
			q = p // "+84 912.345.678" → "0912345678"
		} else if compact := strings.ReplaceAll(q, " ", ""); len(compact) >= 4 && digits(compact) {
			q = compact // a CCCD typed in groups
		}
		ws := tokens(fold(q))
		if len(ws) == 0 {
			return nil, nil
		}
		ids, args := s.d.searchIDs(ws, nil)
		rows, err = s.r.QueryContext(ctx, dossierSelect+` WHERE d.id IN (`+ids+` ORDER BY id DESC LIMIT ?)
			ORDER BY d.id DESC`, append(args, limit)...)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Dossier
	for rows.Next() {
		d, err := scanDossier(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
