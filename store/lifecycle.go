package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"motcua/store/workday"
)

// Act is the kind of an action on a dossier after intake (Action is one such act with its
// dossier, official and time). Each is also the kind of the event it appends.
type Act string

// ActReceive is the kind of a dossier's first event, the intake (not an action after it).
const ActReceive Act = "receive"

const (
	ActHandover   Act = "handover"   // giao: the holder hands the dossier to another official
	ActConfirm    Act = "confirm"    // nhận: the receiver confirms the handover
	ActSupplement Act = "supplement" // yêu cầu bổ sung (Mẫu 02)
	ActResume     Act = "resume"     // the missing papers came: processing goes on, the clock restarts
	ActRefuse     Act = "refuse"     // từ chối (Mẫu 03)
	ActReschedule Act = "reschedule" // xin lỗi và hẹn lại (Mẫu 04), once per dossier
	ActResolve    Act = "resolve"    // đã xử lý xong
	ActReturn     Act = "return"     // trả kết quả
	ActWithdraw   Act = "withdraw"   // công dân rút hồ sơ
	ActStop       Act = "stop"       // dừng xử lý
)

// transitions is the lifecycle in one place: action → status before → status after. A pair
// missing here is refused with a *TransitionError, whoever calls.
var transitions = map[Act]map[Status]Status{
	ActHandover:   {StatusReceived: StatusProcessing, StatusProcessing: StatusProcessing, StatusResolved: StatusResolved},
	ActConfirm:    {StatusProcessing: StatusProcessing, StatusSupplement: StatusSupplement, StatusResolved: StatusResolved},
	ActSupplement: {StatusReceived: StatusSupplement, StatusProcessing: StatusSupplement},
	ActResume:     {StatusSupplement: StatusProcessing},
	ActRefuse:     {StatusReceived: StatusRefused, StatusProcessing: StatusRefused, StatusSupplement: StatusRefused},
	ActReschedule: {StatusReceived: StatusReceived, StatusProcessing: StatusProcessing, StatusSupplement: StatusSupplement},
	ActResolve:    {StatusProcessing: StatusResolved},
	ActReturn:     {StatusResolved: StatusReturned},
	ActWithdraw:   {StatusReceived: StatusWithdrawn, StatusProcessing: StatusWithdrawn, StatusSupplement: StatusWithdrawn},
	ActStop:       {StatusProcessing: StatusStopped, StatusSupplement: StatusStopped},
}

// Actions lists every action, in the order a dossier usually meets them.
var Actions = []Act{ActHandover, ActConfirm, ActSupplement, ActResume, ActRefuse, ActReschedule,
	ActResolve, ActReturn, ActWithdraw, ActStop}

// CanDo reports whether the transition table allows action on a dossier in status. The
// window asks Allowed, which adds the role and the dossier's own rules.
func CanDo(action Act, status Status) bool {
	_, ok := transitions[action][status]
	return ok
}

// Allowed reports whether official by may do action on dossier d as it stands: the role's
// permission, the transition table, and the dossier's own rules (a pending handover waits for
// its receiver, who alone confirms it; the return date is moved once). The lifecycle checks the
// same rule inside its transaction, so a button the window offers is a step the store accepts.
func Allowed(by Official, d Dossier, action Act) error {
	if p := ActPermission(action); !by.Role.Can(p) {
		return forbidden(by, p)
	}
	return allowedOn(d, by, action)
}

// AllowedActions lists, in the order of Actions, what official by may do to dossier d now.
func AllowedActions(by Official, d Dossier) []Act {
	var out []Act
	for _, a := range Actions {
		if Allowed(by, d, a) == nil {
			out = append(out, a)
		}
	}
	return out
}

// allowedOn is the dossier's side of Allowed: the transition table and the per-dossier rules.
func allowedOn(d Dossier, by Official, action Act) error {
	if !CanDo(action, d.Status) {
		return refused(d, action, "")
	}
	switch action {
	case ActHandover:
		if d.PendingTo != "" {
			return refused(d, action, fmt.Sprintf("Hồ sơ %s đã giao cho %s (%s) và đang chờ người đó xác nhận đã nhận; chưa thể bàn giao tiếp.",
				d.Code, d.PendingToName, d.PendingTo))
		}
	case ActConfirm:
		if d.PendingTo == "" {
			return refused(d, action, fmt.Sprintf("Hồ sơ %s không có lượt bàn giao nào đang chờ xác nhận.", d.Code))
		}
		if by.Login != d.PendingTo {
			return refused(d, action, fmt.Sprintf("Hồ sơ %s được giao cho %s (%s); chỉ người đó xác nhận đã nhận, không phải %s.",
				d.Code, d.PendingToName, d.PendingTo, by.FullName))
		}
	case ActReschedule:
		if d.Rescheduled {
			return refused(d, action, fmt.Sprintf("Hồ sơ %s đã được hẹn lại ngày trả kết quả một lần; không thể hẹn lại lần nữa.", d.Code))
		}
	}
	return nil
}

var actionVerbs = map[Act]string{
	ActHandover:   "bàn giao",
	ActConfirm:    "xác nhận đã nhận bàn giao",
	ActSupplement: "yêu cầu bổ sung giấy tờ",
	ActResume:     "tiếp tục xử lý",
	ActRefuse:     "từ chối tiếp nhận, giải quyết",
	ActReschedule: "hẹn lại ngày trả kết quả",
	ActResolve:    "đánh dấu đã xử lý xong",
	ActReturn:     "trả kết quả",
	ActWithdraw:   "rút hồ sơ",
	ActStop:       "dừng xử lý",
}

// ActionName is an action's Vietnamese verb phrase ("bàn giao", ...).
func ActionName(action Act) string { return actionVerbs[action] }

// statusPhrases say where a dossier stands, to complete "Hồ sơ X …, không thể …".
var statusPhrases = map[Status]string{
	StatusRegistered: "mới đăng ký, chưa được tiếp nhận",
	StatusReceived:   "mới được tiếp nhận, chưa chuyển xử lý",
	StatusRefused:    "đã bị từ chối tiếp nhận",
	StatusProcessing: "đang được xử lý",
	StatusSupplement: "đang chờ bổ sung giấy tờ",
	StatusFinancial:  "đang chờ thực hiện nghĩa vụ tài chính",
	StatusWithdrawn:  "đã được công dân rút",
	StatusStopped:    "đã dừng xử lý",
	StatusResolved:   "đã xử lý xong",
	StatusReturned:   "đã trả kết quả",
}

// TransitionError is an action the lifecycle does not allow on the dossier as it stands;
// nothing was written. Message is Vietnamese, for the official.
type TransitionError struct {
	Code    string
	From    Status // the dossier's status
	Action  Act
	Message string
}

func (e *TransitionError) Error() string { return e.Message }

func refused(d Dossier, action Act, msg string) *TransitionError {
	if msg == "" {
		msg = fmt.Sprintf("Hồ sơ %s %s, không thể %s.", d.Code, statusPhrases[d.Status], actionVerbs[action])
	}
	return &TransitionError{Code: d.Code, From: d.Status, Action: action, Message: msg}
}

// Action is who does what to which dossier, and when. By is an official's login (empty: the
// DefaultActor). At is when it happened: zero is now; it may be in the past (entered from the
// paper book) but never before the dossier's last recorded step nor more than 5 minutes ahead.
type Action struct {
	Code string
	By   string
	At   time.Time
	Note string
}

// Supplement is a request for missing papers (Mẫu 02).
type Supplement struct {
	Missing    []ReceivedDocument
	Reason     string
	Guide      string // the guiding official: a login, or a name; empty: the official acting
	GuidePhone string // empty: the guiding official's phone when Guide is a login
}

// Recipient is who collects the result; empty Name means the applicant.
type Recipient struct {
	Name, IDNo string
}

// Event details, kept as JSON in dossier_events.data (read them with Event.Decode).
type (
	// HandoverData: handover and confirm events.
	HandoverData struct {
		From     string `json:"from"`
		FromName string `json:"from_name"`
		To       string `json:"to"`
		ToName   string `json:"to_name"`
	}
	// SupplementData: supplement events; Count is this request's number (2 or more is flagged).
	SupplementData struct {
		Missing    []ReceivedDocument `json:"missing"`
		Reason     string             `json:"reason"`
		Guide      string             `json:"guide,omitempty"` // login when the guide is an official
		GuideName  string             `json:"guide_name"`
		GuidePhone string             `json:"guide_phone,omitempty"`
		Count      int                `json:"count"`
	}
	// DueData: resume events (the clock restarted).
	DueData struct {
		OldDue time.Time `json:"old_due"`
		NewDue time.Time `json:"new_due"`
	}
	// RescheduleData: reschedule events (Mẫu 04).
	RescheduleData struct {
		OldDue    time.Time `json:"old_due"`
		NewDue    time.Time `json:"new_due"`
		Days      int       `json:"days"`
		Reason    string    `json:"reason"`
		FaultUnit string    `json:"fault_unit,omitempty"`
	}
	// ReasonData: refuse, withdraw and stop events.
	ReasonData struct {
		Reason string `json:"reason"`
	}
	// ReturnData: return events; Other is set when someone else than the applicant collected.
	ReturnData struct {
		Recipient     string `json:"recipient"`
		RecipientIDNo string `json:"recipient_idno,omitempty"`
		Other         bool   `json:"other,omitempty"`
	}
)

// step is one action being applied inside its transaction.
type step struct {
	d    Dossier // as read in the transaction, before the change
	by   Official
	at   time.Time
	now  time.Time
	to   Status // status after, from the table
	set  []colVal
	note string
	data any
}

type colVal struct {
	col string
	v   any
}

func (st *step) put(col string, v any) { st.set = append(st.set, colVal{col, v}) }

// close records that processing ended at st.at. A resolved dossier's timeliness is fixed from
// then on (judged); a refused, withdrawn or stopped one has none: never early, never late.
func (st *step) close(col string, judged bool) {
	st.put(col, ts(st.at))
	st.put("closed_at", ts(st.at))
	when := TimelyNone
	if judged {
		when = TimelinessAt(st.at, st.d.DueAt)
	}
	st.put("late", when == TimelyLate)
	st.put("early", when == TimelyEarly)
	st.put("pending_to_id", nil)
}

// lateHolder is the official who held the dossier when it went late: the receiver of the last
// handover made by the due minute (confirmed or not: the giver handed it over in time), else the
// official who received it at the counter. The scorecards charge the late result to them.
func lateHolder(ctx context.Context, t *sql.Tx, d Dossier) (int64, error) {
	rows, err := t.QueryContext(ctx, `SELECT at, data FROM dossier_events WHERE dossier_id = ? AND kind = ? ORDER BY id DESC`,
		d.ID, ActHandover)
	if err != nil {
		return 0, err
	}
	login := d.ReceivedBy
	for rows.Next() {
		var at, data string
		if err := rows.Scan(&at, &data); err != nil {
			rows.Close()
			return 0, err
		}
		when, err := parseTS(at)
		if err != nil {
			rows.Close()
			return 0, err
		}
		if TimelinessAt(when, d.DueAt) != TimelyLate {
			var hd HandoverData
			if err := json.Unmarshal([]byte(data), &hd); err == nil && hd.To != "" {
				login = hd.To
			}
			break
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	var id int64
	err = t.QueryRowContext(ctx, `SELECT id FROM officials WHERE login = ?`, login).Scan(&id)
	return id, err
}

type applyFunc func(ctx context.Context, t *sql.Tx, st *step) error

// change runs action on one dossier; see changeAll.
func (s *Store) change(ctx context.Context, action Act, a Action, apply applyFunc) (Dossier, error) {
	ds, err := s.changeAll(ctx, action, []string{a.Code}, a, apply)
	if err != nil {
		return Dossier{}, err
	}
	return ds[0], nil
}

// changeAll runs action on each code in one immediate transaction: read the dossier, check
// the transition table and the time, let apply fill in the columns and the event's details,
// update the dossier and append the event. Any error rolls every dossier back.
func (s *Store) changeAll(ctx context.Context, action Act, codes []string, a Action, apply applyFunc) ([]Dossier, error) {
	now := s.now()
	by, err := s.require(ctx, a.By, ActPermission(action))
	if err != nil {
		return nil, err
	}
	note, err := cleanText("note", "Ghi chú", a.Note, false, 1000)
	if err != nil {
		return nil, err
	}
	at := a.At
	if at.IsZero() {
		at = now
	}
	at = at.Truncate(time.Millisecond)
	if at.After(now.Add(5 * time.Minute)) {
		return nil, invalid("at", "Thời điểm thực hiện không được ở tương lai; hãy kiểm tra đồng hồ máy tính.")
	}
	if len(codes) == 0 {
		return nil, invalid("code", "Chưa chọn hồ sơ nào.")
	}
	ids := make([]int64, 0, len(codes))
	err = s.tx(ctx, func(t *sql.Tx) error {
		for _, code := range codes {
			st, err := s.begin(ctx, t, action, code, by, at, now)
			if err != nil {
				return err
			}
			st.note = note
			if err := apply(ctx, t, st); err != nil {
				return err
			}
			if err := st.write(ctx, t, action); err != nil {
				return err
			}
			ids = append(ids, st.d.ID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]Dossier, len(ids))
	for i, id := range ids {
		if out[i], err = s.dossierWhere(ctx, s.w, `d.id = ?`, id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// begin reads the dossier inside the transaction and checks the table and the time.
func (s *Store) begin(ctx context.Context, t *sql.Tx, action Act, code string, by Official, at, now time.Time) (*step, error) {
	c := strings.ToUpper(strings.TrimSpace(searchNorm(code)))
	if c == "" {
		return nil, invalid("code", "Chưa nhập mã hồ sơ.")
	}
	d, err := s.dossierWhere(ctx, t, `d.code = ?`, c)
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("%w hồ sơ có mã %q", ErrNotFound, c)
	}
	if err != nil {
		return nil, err
	}
	if err := allowedOn(d, by, action); err != nil {
		return nil, err
	}
	to := transitions[action][d.Status]
	if at.Before(d.ReceivedAt) {
		return nil, invalid("at", fmt.Sprintf("Thời điểm thực hiện (%s) không được trước lúc tiếp nhận hồ sơ %s (%s).",
			shortTime(at), d.Code, shortTime(d.ReceivedAt)))
	}
	var last string
	if err := t.QueryRowContext(ctx, `SELECT MAX(at) FROM dossier_events WHERE dossier_id = ?`, d.ID).Scan(&last); err != nil {
		return nil, err
	}
	if lastAt, err := parseTS(last); err == nil && at.Before(lastAt) {
		return nil, invalid("at", fmt.Sprintf("Thời điểm thực hiện (%s) không được trước bước đã ghi gần nhất của hồ sơ %s (%s).",
			shortTime(at), d.Code, shortTime(lastAt)))
	}
	return &step{d: d, by: by, at: at, now: now, to: to}, nil
}

func shortTime(t time.Time) string { return t.In(workday.Loc).Format("15:04 02/01/2006") }

// write updates the dossier row and appends the event.
func (st *step) write(ctx context.Context, t *sql.Tx, action Act) error {
	q := `UPDATE dossiers SET status = ?`
	args := []any{st.to}
	for _, c := range st.set {
		q += `, ` + c.col + ` = ?`
		args = append(args, c.v)
	}
	args = append(args, st.d.ID)
	if _, err := t.ExecContext(ctx, q+` WHERE id = ?`, args...); err != nil {
		return fmt.Errorf("không lưu được hồ sơ %s: %w", st.d.Code, err)
	}
	return appendEvent(ctx, t, st.d.ID, st.at, st.now, st.by.ID, action, st.d.Status, st.to, st.note, st.data)
}

// noteOr makes the reason the event's note when the official wrote none, so the history reads.
func (st *step) noteOr(reason string) {
	if st.note == "" {
		st.note = reason
	}
}

// activeOfficial resolves a login named in an action (the receiver of a handover, ...).
func (s *Store) activeOfficial(ctx context.Context, field FieldKey, label, login string) (Official, error) {
	if strings.TrimSpace(login) == "" {
		return Official{}, invalid(field, label+": hãy chọn cán bộ.")
	}
	o, err := s.Official(ctx, login)
	if errors.Is(err, ErrNotFound) {
		return o, invalid(field, fmt.Sprintf("%s: không có cán bộ có tên đăng nhập %q.", label, login))
	}
	if err != nil {
		return o, err
	}
	if !o.Active {
		return o, invalid(field, fmt.Sprintf("%s: cán bộ %s (%s) đã ngừng hoạt động.", label, o.FullName, o.Login))
	}
	return o, nil
}

func reasonText(reason string) (string, error) {
	return cleanText("reason", "Lý do", reason, true, 1000)
}

// Handover records that the holder gives the dossier to the official `to` (giao); it waits for
// to's ConfirmHandover (nhận). The first handover moves a received dossier to "Đang xử lý" and is
// the book's "chuyển hồ sơ" date; a resolved dossier is handed back to the counter the same way.
func (s *Store) Handover(ctx context.Context, a Action, to string) (Dossier, error) {
	recv, err := s.activeOfficial(ctx, "to", "Người nhận bàn giao", to)
	if err != nil {
		return Dossier{}, err
	}
	return s.change(ctx, ActHandover, a, handoverTo(recv))
}

// HandoverAll hands several dossiers to `to` at once (a batch with one handover list): all of
// them or, on any error, none.
func (s *Store) HandoverAll(ctx context.Context, codes []string, a Action, to string) ([]Dossier, error) {
	recv, err := s.activeOfficial(ctx, "to", "Người nhận bàn giao", to)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, c := range codes {
		k := strings.ToUpper(strings.TrimSpace(c))
		if seen[k] {
			return nil, invalid("code", fmt.Sprintf("Hồ sơ %s có hai lần trong danh sách bàn giao.", k))
		}
		seen[k] = true
	}
	return s.changeAll(ctx, ActHandover, codes, a, handoverTo(recv))
}

func handoverTo(recv Official) applyFunc {
	return func(_ context.Context, _ *sql.Tx, st *step) error {
		d := st.d
		if recv.Login == d.Holder {
			return invalid("to", fmt.Sprintf("Hồ sơ %s đang ở chỗ %s; hãy chọn người nhận khác.", d.Code, recv.FullName))
		}
		st.put("pending_to_id", recv.ID)
		if d.TransferredAt.IsZero() {
			st.put("transferred_at", ts(st.at))
		}
		st.data = HandoverData{From: d.Holder, FromName: d.HolderName, To: recv.Login, ToName: recv.FullName}
		return nil
	}
}

// ConfirmHandover records that the pending receiver (a.By, who must be that official) has the
// dossier now.
func (s *Store) ConfirmHandover(ctx context.Context, a Action) (Dossier, error) {
	return s.change(ctx, ActConfirm, a, func(_ context.Context, _ *sql.Tx, st *step) error {
		d := st.d
		st.put("holder_id", st.by.ID)
		st.put("pending_to_id", nil)
		st.data = HandoverData{From: d.Holder, FromName: d.HolderName, To: st.by.Login, ToName: st.by.FullName}
		return nil
	})
}

// RequestSupplement asks the applicant for missing papers (Mẫu 02): the dossier waits in
// "Yêu cầu bổ sung giấy tờ" and its clock stops. A second request is allowed and counted
// (Dossier.Supplements ≥ 2 is flagged).
func (s *Store) RequestSupplement(ctx context.Context, a Action, req Supplement) (Dossier, error) {
	data, err := s.normSupplement(ctx, a.By, req)
	if err != nil {
		return Dossier{}, err
	}
	return s.change(ctx, ActSupplement, a, func(_ context.Context, _ *sql.Tx, st *step) error {
		n := st.d.Supplements + 1
		st.put("supplements", n)
		data.Count = n
		st.data = data
		st.noteOr(data.Reason)
		return nil
	})
}

func (s *Store) normSupplement(ctx context.Context, by string, req Supplement) (SupplementData, error) {
	var out SupplementData
	if len(req.Missing) == 0 {
		return out, invalid("missing", "Hãy chọn hoặc nhập ít nhất một giấy tờ cần bổ sung.")
	}
	for i, m := range req.Missing {
		n := fmt.Sprint(i + 1)
		var err error
		if m.Name, err = cleanText("missing", "Tên giấy tờ cần bổ sung thứ "+n, m.Name, true, 300); err != nil {
			return out, err
		}
		if m.Kind, err = cleanText("missing", "Loại bản của giấy tờ cần bổ sung thứ "+n, m.Kind, false, 100); err != nil {
			return out, err
		}
		if m.Kind == "" {
			m.Kind = "Bản chính"
		}
		if m.Count == 0 {
			m.Count = 1
		}
		if m.Count < 1 || m.Count > 100 {
			return out, invalid("missing", "Số lượng của giấy tờ cần bổ sung thứ "+n+" ("+m.Name+") phải từ 1 đến 100.")
		}
		out.Missing = append(out.Missing, m)
	}
	var err error
	if out.Reason, err = reasonText(req.Reason); err != nil {
		return out, err
	}
	if out.GuidePhone, err = phone("guide_phone", req.GuidePhone, false); err != nil {
		return out, err
	}
	guide := strings.TrimSpace(req.Guide)
	if guide == "" {
		guide = by
	}
	if o, err := s.actor(ctx, guide); err == nil {
		out.Guide, out.GuideName = o.Login, o.FullName
		if out.GuidePhone == "" {
			out.GuidePhone = o.Phone
		}
	} else if req.Guide == "" {
		return out, err
	} else if out.GuideName, err = personName("guide", "Họ và tên người hướng dẫn", req.Guide); err != nil {
		return out, err
	}
	return out, nil
}

// Resume records that the missing papers came back: processing goes on and the due time
// restarts from a.At with the procedure's days (or hours), on the calendar and office hours in force now.
func (s *Store) Resume(ctx context.Context, a Action) (Dossier, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return Dossier{}, err
	}
	return s.change(ctx, ActResume, a, func(ctx context.Context, t *sql.Tx, st *step) error {
		ag, err := agencyFrom(ctx, t)
		if err != nil {
			return err
		}
		due := dueBy(cal, st.at, st.d.Days, st.d.Hours, ag.Hours, st.d.Cutoff)
		st.put("due_at", ts(due))
		st.data = DueData{OldDue: st.d.DueAt, NewDue: due.In(workday.Loc)}
		return nil
	})
}

// Refuse records that the dossier is not accepted for processing (Mẫu 03). It keeps its code
// and book number.
func (s *Store) Refuse(ctx context.Context, a Action, reason string) (Dossier, error) {
	return s.end(ctx, ActRefuse, a, reason)
}

// Withdraw records that the applicant took the dossier back.
func (s *Store) Withdraw(ctx context.Context, a Action, reason string) (Dossier, error) {
	return s.end(ctx, ActWithdraw, a, reason)
}

// Stop records that processing was stopped.
func (s *Store) Stop(ctx context.Context, a Action, reason string) (Dossier, error) {
	return s.end(ctx, ActStop, a, reason)
}

func (s *Store) end(ctx context.Context, action Act, a Action, reason string) (Dossier, error) {
	r, err := reasonText(reason)
	if err != nil {
		return Dossier{}, err
	}
	return s.change(ctx, action, a, func(_ context.Context, _ *sql.Tx, st *step) error {
		st.close("ended_at", false)
		st.data = ReasonData{Reason: r}
		st.noteOr(r)
		return nil
	})
}

// Reschedule moves the due time by `days` working days, at the same clock time (Mẫu 04, the
// apology). Allowed once per dossier; the original due time stays recorded.
func (s *Store) Reschedule(ctx context.Context, a Action, days int, reason, faultUnit string) (Dossier, error) {
	if days < 1 || days > 60 {
		return Dossier{}, invalid("days", "Số ngày làm việc hẹn thêm phải từ 1 đến 60.")
	}
	r, err := reasonText(reason)
	if err != nil {
		return Dossier{}, err
	}
	unit, err := cleanText("fault_unit", "Đơn vị gây chậm trễ", faultUnit, false, 200)
	if err != nil {
		return Dossier{}, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return Dossier{}, err
	}
	return s.change(ctx, ActReschedule, a, func(_ context.Context, _ *sql.Tx, st *step) error {
		d := st.d
		old := d.DueAt.In(workday.Loc)
		day := cal.AddWorkingDays(old, days)
		due := time.Date(day.Year(), day.Month(), day.Day(), old.Hour(), old.Minute(), old.Second(), old.Nanosecond(), workday.Loc)
		st.put("due_at", ts(due))
		st.put("rescheduled", true)
		st.data = RescheduleData{OldDue: old, NewDue: due, Days: days, Reason: r, FaultUnit: unit}
		st.noteOr(r)
		return nil
	})
}

// Resolve records that processing is done (Đã xử lý xong); a.Note is the result note. The
// dossier's timeliness is fixed at a.At.
func (s *Store) Resolve(ctx context.Context, a Action) (Dossier, error) {
	return s.change(ctx, ActResolve, a, func(ctx context.Context, t *sql.Tx, st *step) error {
		st.close("resolved_at", true)
		if TimelinessAt(st.at, st.d.DueAt) == TimelyLate {
			id, err := lateHolder(ctx, t, st.d)
			if err != nil {
				return err
			}
			st.put("late_by", id)
		}
		st.put("resolved_by", st.by.ID)
		st.put("result_note", st.note)
		return nil
	})
}

// Return records that the result was handed to the applicant, or to the recipient named
// (another person collecting is recorded with their CCCD).
func (s *Store) Return(ctx context.Context, a Action, recipient Recipient) (Dossier, error) {
	var name, idno string
	var err error
	if strings.TrimSpace(recipient.Name) != "" {
		if name, err = personName("recipient", "Họ và tên người nhận kết quả", recipient.Name); err != nil {
			return Dossier{}, err
		}
	}
	if strings.TrimSpace(recipient.IDNo) != "" {
		if idno, err = idNo(recipient.IDNo); err != nil {
			var ve *ValidationError
			if errors.As(err, &ve) {
				return Dossier{}, invalid("recipient_idno", "Người nhận kết quả: "+ve.Message)
			}
			return Dossier{}, err
		}
	}
	return s.change(ctx, ActReturn, a, func(_ context.Context, _ *sql.Tx, st *step) error {
		d := st.d
		rd := ReturnData{Recipient: name, RecipientIDNo: idno}
		if name == "" {
			rd.Recipient = d.Name
			if idno == "" {
				rd.RecipientIDNo = d.IDNo
			}
		}
		rd.Other = fold(rd.Recipient) != fold(d.Name) || rd.RecipientIDNo != d.IDNo
		st.put("returned_at", ts(st.at))
		st.put("recipient", rd.Recipient)
		st.put("recipient_idno", rd.RecipientIDNo)
		st.put("pending_to_id", nil)
		st.data = rd
		return nil
	})
}
