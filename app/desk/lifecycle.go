package desk

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"motcua/print"
	"motcua/store"
	"motcua/store/workday"
)

// Forms lists the slips Form can draw, by their Circular 03/2025/TT-VPCP numbers (the book,
// Mẫu 07, is ExportBook's), with their Vietnamese names.
var Forms = []struct {
	Code store.Form
	Name string
}{
	{store.FormReceipt, "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
	{store.FormSupplement, "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"},
	{store.FormRefusal, "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
	{store.FormApology, "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"},
	{store.FormStop, "Thông báo dừng giải quyết hồ sơ"},
	{store.FormControl, "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
}

// FormName is the name of form code ("06" → "Phiếu kiểm soát quá trình giải quyết hồ sơ"), ""
// when there is none.
func FormName(code store.Form) string {
	for _, f := range Forms {
		if f.Code == code {
			return f.Name
		}
	}
	return ""
}

// header is the forms' header for the agency: its managing body, its one-stop unit, its place.
func header(ag store.Agency) print.Header {
	return print.Header{ParentName: ag.ParentName, Unit: ag.Unit, Place: ag.Place}
}

// LabelsFile is the name, in the data folder, of a ward's corrections to the forms' labels
// (titles, numbers, symbols, wording: a flat JSON object, keys as in assets/forms/vi.json).
const LabelsFile = "forms.json"

// Labels are the labels every form is drawn with: the defaults (Circular 03/2025), with the
// ward's corrections from LabelsFile when the data folder has one.
func (d *Desk) Labels() (print.Labels, error) {
	path := filepath.Join(d.Dir, LabelsFile)
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return print.DefaultLabels(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("không đọc được %s: %w", path, err)
	}
	l, err := print.LabelsFrom(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return l, nil
}

// Form draws Mẫu 01–06 of a dossier from what the store recorded, writes it into the archive
// and records it: 02 from the latest supplement request, 03 from the refusal, 04 from the
// extension (reschedule), 05 from the stop, 06 from every step. A form whose step never
// happened is an error wrapping store.ErrNotFound. by is the official asking.
func (d *Desk) Form(ctx context.Context, by, code string, form store.Form) (string, error) {
	dos, err := d.Store.Dossier(ctx, by, code)
	if err != nil {
		return "", err
	}
	if form == store.FormReceipt {
		return d.writeReceipt(ctx, by, dos)
	}
	ag, err := d.Store.Agency(ctx)
	if err != nil {
		return "", err
	}
	events, err := d.Store.Events(ctx, by, dos.Code)
	if err != nil {
		return "", err
	}
	head := header(ag)
	l, err := d.Labels()
	if err != nil {
		return "", err
	}
	name := string(form)
	var pdf []byte
	switch form {
	case store.FormSupplement:
		e, ok := lastEvent(events, store.ActSupplement)
		if !ok {
			return "", missingStep(dos.Code, "yêu cầu bổ sung", form)
		}
		var sd store.SupplementData
		if err := e.Decode(&sd); err != nil {
			return "", err
		}
		missing := make([]print.Document, len(sd.Missing))
		for i, m := range sd.Missing {
			missing[i] = print.Document{Name: m.Name, Kind: m.Kind, Count: m.Count}
		}
		if sd.Count > 1 {
			name = string(form) + "-" + strconv.Itoa(sd.Count) // each request keeps its own slip
		}
		pdf, err = print.SupplementPDF(print.Supplement{Header: head, Labels: l, Code: dos.Code, Applicant: dos.Name, IDNo: dos.IDNo,
			Address: dos.Address, Phone: dos.Phone, Email: dos.Email, Procedure: dos.ProcedureName,
			Missing: missing, Reason: sd.Reason, Guide: sd.GuideName, GuidePhone: sd.GuidePhone, Date: e.At})
	case store.FormRefusal:
		e, ok := lastEvent(events, store.ActRefuse)
		if !ok {
			return "", missingStep(dos.Code, "quyết định từ chối", form)
		}
		var rd store.ReasonData
		if err := e.Decode(&rd); err != nil {
			return "", err
		}
		pdf, err = print.RefusalPDF(print.Refusal{Header: head, Labels: l, Code: dos.Code, Applicant: dos.Name, IDNo: dos.IDNo,
			Address: dos.Address, Phone: dos.Phone, Email: dos.Email, Procedure: dos.ProcedureName,
			Reason: rd.Reason, Official: e.ByName, Date: e.At})
	case store.FormApology:
		e, ok := lastEvent(events, store.ActReschedule)
		if !ok {
			return "", missingStep(dos.Code, "lần gia hạn (hẹn lại ngày trả)", form)
		}
		var rd store.RescheduleData
		if err := e.Decode(&rd); err != nil {
			return "", err
		}
		signer, err := d.leader(ctx)
		if err != nil {
			return "", err
		}
		place := ""
		if dos.ByPost {
			place = dos.PostAddress
		}
		pdf, err = print.ApologyPDF(print.Apology{Header: head, Labels: l, Code: dos.Code, Applicant: dos.Name, IDNo: dos.IDNo,
			Address: dos.Address, Procedure: dos.ProcedureName, Agency: dos.ResolverName(ag.Name), ReceivedAt: dos.ReceivedAt,
			DueAt: rd.OldDue, NewDueAt: rd.NewDue, Reason: rd.Reason, FaultUnit: rd.FaultUnit,
			ReturnPlace: place, Signer: signer.FullName, SignerTitle: signer.Title, Date: e.At})
		if err != nil {
			return "", err
		}
	case store.FormStop:
		e, ok := lastEvent(events, store.ActStop)
		if !ok {
			return "", missingStep(dos.Code, "yêu cầu dừng giải quyết", form)
		}
		var rd store.ReasonData
		if err := e.Decode(&rd); err != nil {
			return "", err
		}
		// Not "05": under Circular 01/2018 that file was the control slip, kept as printed.
		name = "05-dung"
		pdf, err = print.StopPDF(print.Stop{Header: head, Labels: l, Code: dos.Code, Applicant: dos.Name, IDNo: dos.IDNo,
			Address: dos.Address, Phone: dos.Phone, Email: dos.Email, Procedure: dos.ProcedureName,
			ReceivedAt: dos.ReceivedAt, DueAt: dos.DueAt, StoppedAt: e.At, Reason: rd.Reason, Official: e.ByName, Date: e.At})
	case store.FormControl:
		units, err := d.unitsOf(ctx, ag, l)
		if err != nil {
			return "", err
		}
		pdf, err = print.ControlPDF(print.Control{Header: head, Labels: l, Code: dos.Code, Applicant: dos.Name,
			Procedure: dos.ProcedureName, ReceivedAt: dos.ReceivedAt, DueAt: dos.DueAt, Agency: dos.ResolverName(ag.Name),
			Steps: ControlSteps(dos, events, units)})
		if err != nil {
			return "", err
		}
	default:
		return "", fmt.Errorf("%w mẫu phiếu %q (có: 01, 02, 03, 04, 05, 06; sổ theo dõi Mẫu 07: lệnh book)", store.ErrNotFound, form)
	}
	if err != nil {
		return "", err
	}
	path := d.archivePath(dos.Code, dos.ReceivedAt, name)
	if !d.mayReplace(dos) {
		return "", fmt.Errorf("%w: %s", ErrSlipExists, path)
	}
	if err := writeFileAtomic(path, pdf); err != nil {
		return "", fmt.Errorf("không ghi được tệp %s: %w", path, err)
	}
	if err := d.Store.RecordSlip(ctx, by, dos.Code, form, path); err != nil {
		return "", err
	}
	return path, nil
}

func missingStep(code, what string, form store.Form) error {
	return fmt.Errorf("%w %s nào của hồ sơ %s, nên chưa có Mẫu %s", store.ErrNotFound, what, code, form)
}

func lastEvent(events []store.Event, kind store.Act) (store.Event, bool) {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == kind {
			return events[i], true
		}
	}
	return store.Event{}, false
}

// leader is who signs Mẫu 04: the first active leader (by login), with the title set for them;
// none leaves the name to be written by hand.
func (d *Desk) leader(ctx context.Context) (store.Official, error) {
	list, err := d.Store.Officials(ctx)
	if err != nil {
		return store.Official{}, err
	}
	for _, o := range list {
		if o.Role == store.RoleLeader && o.Active {
			return o, nil
		}
	}
	return store.Official{}, nil
}

// unitsOf names the unit each official works in, for "Tên đơn vị" on Mẫu 06: counter officials
// (and the admin) are the one-stop unit, the others the agency that resolves.
func (d *Desk) unitsOf(ctx context.Context, ag store.Agency, l print.Labels) (func(login string) string, error) {
	list, err := d.Store.Officials(ctx)
	if err != nil {
		return nil, err
	}
	role := map[string]store.Role{}
	for _, o := range list {
		role[o.Login] = o.Role
	}
	unit := ag.Unit
	if unit == "" {
		unit = l.Text("header.unit")
	}
	return func(login string) string {
		switch role[login] {
		case store.RoleCounter, store.RoleAdmin:
			return unit
		case store.RoleProcessing, store.RoleLeader:
			if ag.Name != "" {
				return ag.Name
			}
		}
		return unit
	}, nil
}

// ControlSteps are the rows of Mẫu 06, one per step: each handover (its confirmation noted),
// a supplement request and the papers' return (the clock restarting), the extension, the
// resolution, a refusal, withdrawal or stop, and the return of the result. unit names the
// unit of an official (by login). Each row's result is its time against the due time in force
// at that moment (an extension or a restart moves it); a step that ends the dossier without
// a result has none.
func ControlSteps(dos store.Dossier, events []store.Event, unit func(login string) string) []print.Step {
	var steps []print.Step
	due := dos.OriginalDueAt
	if due.IsZero() {
		due = dos.DueAt
	}
	applicant := dos.Name
	timely := func(at time.Time) string { return store.TimelinessName(store.TimelinessAt(at, due)) }
	when := func(t time.Time) string { return t.In(workday.Loc).Format("15:04 02/01/2006") }
	holder := dos.ReceivedBy
	holderName := dos.ReceivedByName
	for _, e := range events {
		switch e.Kind {
		case store.ActReschedule:
			var rd store.RescheduleData
			if e.Decode(&rd) == nil {
				due = rd.NewDue
			}
			steps = append(steps, print.Step{From: unit(e.By), To: unit(holder), At: e.At,
				Note:  strings.TrimSpace("Gia hạn (Mẫu 04), hẹn trả mới " + when(due) + ". " + e.Note),
				Giver: e.ByName, Receiver: holderName})
		case store.ActHandover:
			var hd store.HandoverData
			_ = e.Decode(&hd)
			steps = append(steps, print.Step{From: unit(hd.From), To: unit(hd.To), At: e.At,
				Result: timely(e.At), Note: e.Note, Giver: hd.FromName, Receiver: hd.ToName})
			holder, holderName = hd.To, hd.ToName
		case store.ActConfirm:
			if n := len(steps); n > 0 {
				s := &steps[n-1]
				s.Note = strings.TrimSpace(s.Note + " Đã nhận lúc " + when(e.At) + ".")
			}
		case store.ActSupplement:
			var sd store.SupplementData
			_ = e.Decode(&sd)
			note := "Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02)"
			if sd.Count > 1 {
				note += " lần " + strconv.Itoa(sd.Count)
			}
			steps = append(steps, print.Step{From: unit(e.By), To: "Người nộp hồ sơ", At: e.At,
				Result: timely(e.At), Note: note + "; tạm dừng tính thời gian.", Giver: e.ByName, Receiver: applicant})
		case store.ActResume:
			var dd store.DueData
			if e.Decode(&dd) == nil {
				due = dd.NewDue
			}
			steps = append(steps, print.Step{From: "Người nộp hồ sơ", To: unit(e.By), At: e.At,
				Note:  "Đã bổ sung đủ; thời gian giải quyết tính lại từ đầu, hẹn trả mới " + when(due) + ".",
				Giver: applicant, Receiver: e.ByName})
		case store.ActResolve:
			steps = append(steps, print.Step{From: unit(e.By), To: unit(e.By), At: e.At,
				Result: timely(e.At), Note: strings.TrimSpace("Đã có kết quả giải quyết. " + e.Note), Giver: e.ByName, Receiver: e.ByName})
		case store.ActRefuse, store.ActWithdraw, store.ActStop:
			what := map[store.Act]string{store.ActRefuse: "Từ chối giải quyết (Mẫu 03)", store.ActWithdraw: "Người nộp rút hồ sơ",
				store.ActStop: "Dừng giải quyết hồ sơ (Mẫu 05)"}[e.Kind]
			var rd store.ReasonData
			_ = e.Decode(&rd)
			note := what + "."
			if rd.Reason != "" {
				note = what + ": " + rd.Reason
			}
			steps = append(steps, print.Step{From: unit(e.By), To: "Người nộp hồ sơ", At: e.At,
				Note: note, Giver: e.ByName, Receiver: applicant})
		case store.ActReturn:
			var rd store.ReturnData
			_ = e.Decode(&rd)
			steps = append(steps, print.Step{From: unit(e.By), To: rd.Recipient, At: e.At,
				Result: timely(e.At), Note: strings.TrimSpace("Trả kết quả. " + e.Note), Giver: e.ByName, Receiver: rd.Recipient})
		}
	}
	if !dos.Judged() { // refused, withdrawn or stopped: no step is early, on time or late
		for i := range steps {
			steps[i].Result = ""
		}
	}
	return steps
}

// HandoverList hands the dossiers to the official `to` in one go (all or none, see
// store.HandoverAll) and writes the handover list to sign (danh sách bàn giao) into the archive.
// by is the giver's login (empty: the default actor).
func (d *Desk) HandoverList(ctx context.Context, codes []string, to, by string) (string, error) {
	handed, err := d.Store.HandoverAll(ctx, codes, store.Action{By: by}, to)
	if err != nil {
		return "", err
	}
	ag, err := d.Store.Agency(ctx)
	if err != nil {
		return "", err
	}
	recv, err := d.Store.Official(ctx, to)
	if err != nil {
		return "", err
	}
	rows := make([]print.HandoverRow, len(handed))
	for i, h := range handed {
		rows[i] = print.HandoverRow{Code: h.Code, Applicant: h.Name, Procedure: h.ProcedureName, ReceivedAt: h.ReceivedAt, DueAt: h.DueAt}
	}
	now := time.Now()
	fail := func(err error) (string, error) {
		return "", fmt.Errorf("Đã bàn giao %d hồ sơ cho %s nhưng chưa tạo được danh sách bàn giao: %w", len(handed), recv.FullName, err)
	}
	l, err := d.Labels()
	if err != nil {
		return fail(err)
	}
	pdf, err := print.HandoverListPDF(print.HandoverList{Header: header(ag), Labels: l,
		Date: now, From: handed[0].HolderName, To: recv.FullName, Rows: rows})
	if err != nil {
		return fail(err)
	}
	local := now.In(workday.Loc)
	path := filepath.Join(d.Dir, "archive", strconv.Itoa(local.Year()), "bangiao-"+local.Format("20060102-150405")+"-"+recv.Login+".pdf")
	if err := writeFileAtomic(path, pdf); err != nil {
		return fail(err)
	}
	return path, nil
}

// ExportBook writes the tracking book (Mẫu 07) for the filter as .pdf or .xlsx, chosen by
// path's extension. Rows stream from the store to the file; progress (may be nil) hears how
// many of how many rows are done. The file appears only when complete.
func (d *Desk) ExportBook(ctx context.Context, f store.BookFilter, path string, progress func(done, total int)) error {
	ext := strings.ToLower(filepath.Ext(path))
	write := map[string]func(io.Writer, print.Book, func(func(print.BookRow) bool), func(int)) error{
		".pdf":  print.WriteBookPDF,
		".xlsx": print.WriteBookXLSX,
	}[ext]
	if write == nil {
		return fmt.Errorf("Tệp sổ theo dõi phải có đuôi .pdf hoặc .xlsx (không phải %q).", filepath.Base(path))
	}
	ag, err := d.Store.Agency(ctx)
	if err != nil {
		return err
	}
	total, err := d.Store.BookCount(ctx, f)
	if err != nil {
		return err
	}
	year := f.Year
	if year == 0 {
		year = time.Now().In(workday.Loc).Year()
		if !f.From.IsZero() {
			year = f.From.In(workday.Loc).Year()
		}
	}
	l, err := d.Labels()
	if err != nil {
		return err
	}
	filter, err := d.BookFilterText(ctx, f)
	if err != nil {
		return err
	}
	book := print.Book{Header: header(ag), Labels: l, Year: year,
		Volume: strconv.Itoa(year), From: f.From, To: f.To, Filter: filter}
	now := time.Now()
	var walkErr error
	errStop := errors.New("stop")
	rows := func(yield func(print.BookRow) bool) {
		walkErr = d.Store.EachBook(ctx, f, func(dos store.Dossier) error {
			if !yield(BookRow(dos, ag.Name, now)) {
				return errStop
			}
			return nil
		})
	}
	var p func(int)
	if progress != nil {
		p = func(done int) { progress(done, total) }
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".book-*"+ext)
	if err != nil {
		return err
	}
	werr := write(tmp, book, rows, p)
	if werr == nil && walkErr != nil && !errors.Is(walkErr, errStop) {
		werr = walkErr
	}
	if werr == nil {
		werr = tmp.Sync()
	}
	if err := errors.Join(werr, tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// BookFiltered tells whether f narrows the book beyond its year and period: such an export is
// an extract and says so (BookFilterText), on paper and in its file name.
func BookFiltered(f store.BookFilter) bool {
	return f.Status != 0 || f.ProcedureID != 0 || f.FieldID != 0 || f.Official != "" || f.LateOnly || strings.TrimSpace(f.Query) != ""
}

// BookFilterText says in words what f keeps beyond the period ("" when nothing):
// "thủ tục Chứng thực bản sao; trạng thái Đang xử lý; trễ hạn; tìm “Nguyễn”".
func (d *Desk) BookFilterText(ctx context.Context, f store.BookFilter) (string, error) {
	var parts []string
	if f.ProcedureID != 0 {
		p, err := d.Store.Procedure(ctx, strconv.FormatInt(f.ProcedureID, 10))
		if err != nil {
			return "", err
		}
		parts = append(parts, "thủ tục "+p.Name)
	}
	if f.FieldID != 0 {
		fs, err := d.Store.Fields(ctx)
		if err != nil {
			return "", err
		}
		for _, fl := range fs {
			if fl.ID == f.FieldID {
				parts = append(parts, "lĩnh vực "+fl.Name)
			}
		}
	}
	if f.Status != 0 {
		parts = append(parts, "trạng thái "+store.StatusName(f.Status))
	}
	if f.Official != "" {
		name := f.Official
		if o, err := d.Store.Official(ctx, f.Official); err == nil {
			name = o.FullName
		}
		parts = append(parts, "cán bộ "+name)
	}
	if f.LateOnly {
		parts = append(parts, "trễ hạn")
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		parts = append(parts, "tìm “"+q+"”")
	}
	return strings.Join(parts, "; "), nil
}

// BookRow is a dossier as a line of Mẫu 07: the note says its status, its timeliness at now
// (none for a refused, withdrawn or stopped one), a refusal at the counter, a reschedule,
// repeated supplement requests, how it came in when not in person, and why an entry from the
// paper book has a later number than dossiers received after it. Agency is the receiving
// agency: the row names the resolving one.
func BookRow(dos store.Dossier, agency string, now time.Time) print.BookRow {
	method := "Trực tiếp"
	if dos.ByPost {
		method = "Bưu chính"
	}
	note := []string{dos.StatusName}
	if t := store.TimelinessName(dos.Timeliness(now)); t != "" {
		note = append(note, t)
	}
	if dos.RefusedAtIntake {
		note = append(note, "từ chối tiếp nhận tại Bộ phận một cửa (Mẫu 03)")
	}
	if dos.EnteredLate() {
		note = append(note, "vào sổ ngày "+dos.RecordedAt.In(workday.Loc).Format("02/01/2006")+
			" từ sổ giấy, tiếp nhận ngày "+dos.ReceivedAt.In(workday.Loc).Format("02/01/2006"))
	}
	switch dos.Channel {
	case store.ChannelOnline:
		note = append(note, "nộp trực tuyến, mã trên Cổng: "+dos.PortalCode)
	case store.ChannelPost:
		note = append(note, "nộp qua bưu chính công ích")
	}
	if dos.Rescheduled {
		note = append(note, "hẹn lại, hạn cũ "+dos.OriginalDueAt.In(workday.Loc).Format("15:04 02/01/2006"))
	}
	if dos.Supplements > 0 {
		note = append(note, "bổ sung "+strconv.Itoa(dos.Supplements)+" lần")
	}
	addr := dos.Address
	if dos.Phone != "" {
		addr += "; ĐT: " + dos.Phone
	}
	return print.BookRow{No: dos.BookNo, Code: dos.Code, Procedure: dos.ProcedureName, Applicant: dos.Name,
		AddressPhone: addr, Agency: dos.ResolverName(agency), ReceivedAt: dos.ReceivedAt, DueAt: dos.DueAt,
		TransferredAt: dos.TransferredAt, ResultAt: dos.ResolvedAt, ReturnedAt: dos.ReturnedAt,
		Method: method, Note: strings.Join(note, "; ")}
}
