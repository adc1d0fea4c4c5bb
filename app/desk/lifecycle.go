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

// Forms lists the slips Form can draw, with their Vietnamese names.
var Forms = []struct{ Code, Name string }{
	{"01", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"},
	{"02", "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ"},
	{"03", "Phiếu từ chối tiếp nhận giải quyết hồ sơ"},
	{"04", "Phiếu xin lỗi và hẹn lại ngày trả kết quả"},
	{"05", "Phiếu kiểm soát quá trình giải quyết hồ sơ"},
}

// leaderTitle is printed over the signature of the apology (Mẫu 04), signed by the head of the
// agency.
const leaderTitle = "CHỦ TỊCH"

// Form draws Mẫu 01–05 of a dossier from what the store recorded, writes it into the archive
// and records it: 02 from the latest supplement request, 03 from the refusal, 04 from the
// reschedule, 05 from the handovers (with their timeliness) and the return. A form whose step
// never happened is an error wrapping store.ErrNotFound. by is the official asking.
func (d *Desk) Form(ctx context.Context, by, code, form string) (string, error) {
	dos, err := d.Store.Dossier(ctx, by, code)
	if err != nil {
		return "", err
	}
	if form == "01" {
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
	head := print.Header{ParentName: ag.ParentName, Place: ag.Place}
	name := form
	var pdf []byte
	switch form {
	case "02":
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
			name = form + "-" + strconv.Itoa(sd.Count) // each request keeps its own slip
		}
		pdf, err = print.SupplementPDF(print.Supplement{Header: head, Code: dos.Code, Applicant: dos.Name,
			Address: dos.Address, Phone: dos.Phone, Email: dos.Email, Procedure: dos.ProcedureName,
			Missing: missing, Reason: sd.Reason, Guide: sd.GuideName, GuidePhone: sd.GuidePhone, Date: e.At})
	case "03":
		e, ok := lastEvent(events, store.ActRefuse)
		if !ok {
			return "", missingStep(dos.Code, "quyết định từ chối", form)
		}
		var rd store.ReasonData
		if err := e.Decode(&rd); err != nil {
			return "", err
		}
		pdf, err = print.RefusalPDF(print.Refusal{Header: head, Code: dos.Code, Applicant: dos.Name,
			Address: dos.Address, Phone: dos.Phone, Email: dos.Email, Procedure: dos.ProcedureName,
			Reason: rd.Reason, Official: e.ByName, Date: e.At})
	case "04":
		e, ok := lastEvent(events, store.ActReschedule)
		if !ok {
			return "", missingStep(dos.Code, "lần hẹn lại ngày trả", form)
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
		pdf, err = print.ApologyPDF(print.Apology{Header: head, Code: dos.Code, Applicant: dos.Name,
			Address: dos.Address, Procedure: dos.ProcedureName, ReceivedAt: dos.ReceivedAt,
			DueAt: rd.OldDue, NewDueAt: rd.NewDue, Reason: rd.Reason, FaultUnit: rd.FaultUnit,
			ReturnPlace: place, Signer: signer, SignerTitle: leaderTitle, Date: e.At})
		if err != nil {
			return "", err
		}
	case "05":
		pdf, err = print.ControlPDF(print.Control{Header: head, Code: dos.Code, Applicant: dos.Name,
			Procedure: dos.ProcedureName, ReceivedAt: dos.ReceivedAt, DueAt: dos.DueAt, Agency: dos.ResolverName(ag.Name),
			Steps: ControlSteps(dos, events)})
	default:
		return "", fmt.Errorf("%w mẫu phiếu %q (có: 01, 02, 03, 04, 05)", store.ErrNotFound, form)
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

func missingStep(code, what, form string) error {
	return fmt.Errorf("%w %s nào của hồ sơ %s, nên chưa có Mẫu %s", store.ErrNotFound, what, code, form)
}

func lastEvent(events []store.Event, kind string) (store.Event, bool) {
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Kind == kind {
			return events[i], true
		}
	}
	return store.Event{}, false
}

// leader is the name that signs Mẫu 04: the first active leader (by login).
func (d *Desk) leader(ctx context.Context) (string, error) {
	list, err := d.Store.Officials(ctx)
	if err != nil {
		return "", err
	}
	for _, o := range list {
		if o.Role == store.RoleLeader && o.Active {
			return o.FullName, nil
		}
	}
	return "", nil // the slip leaves the name to be written by hand
}

// ControlSteps are the rows of Mẫu 05: one per handover (giao), its confirmation (nhận) noted,
// and the return of the result. Each step's result is its time against the due time in force
// then (a reschedule or a resumption moves it).
func ControlSteps(dos store.Dossier, events []store.Event) []print.Step {
	var steps []print.Step
	due := dos.OriginalDueAt
	for _, e := range events {
		switch e.Kind {
		case store.ActReschedule:
			var rd store.RescheduleData
			if e.Decode(&rd) == nil {
				due = rd.NewDue
			}
		case store.ActResume:
			var dd store.DueData
			if e.Decode(&dd) == nil {
				due = dd.NewDue
			}
		case store.ActHandover:
			var hd store.HandoverData
			_ = e.Decode(&hd)
			steps = append(steps, print.Step{From: hd.FromName, To: hd.ToName, At: e.At,
				Result: store.TimelinessName(store.TimelinessAt(e.At, due)), Note: e.Note,
				Giver: hd.FromName, Receiver: hd.ToName})
		case store.ActConfirm:
			if n := len(steps); n > 0 {
				s := &steps[n-1]
				s.Note = strings.TrimSpace(s.Note + " Đã nhận lúc " + e.At.In(workday.Loc).Format("15:04 02/01/2006") + ".")
			}
		case store.ActReturn:
			var rd store.ReturnData
			_ = e.Decode(&rd)
			steps = append(steps, print.Step{From: e.ByName, To: rd.Recipient, At: e.At,
				Result: store.TimelinessName(dos.Timeliness(e.At)), Note: e.Note, Giver: e.ByName, Receiver: rd.Recipient})
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
	pdf, err := print.HandoverListPDF(print.HandoverList{Header: print.Header{ParentName: ag.ParentName, Place: ag.Place},
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

// ExportBook writes the tracking book (Mẫu 06) for the filter as .pdf or .xlsx, chosen by
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
	book := print.Book{Header: print.Header{ParentName: ag.ParentName, Place: ag.Place}, Year: year,
		Volume: strconv.Itoa(year), From: f.From, To: f.To}
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

// BookRow is a dossier as a line of Mẫu 06: the note says its status, its timeliness at now
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
