// Package desk holds the counter's actions that the window and the CLI share: commit a dossier
// through the store, draw its slip through print, keep the PDF in the data folder's archive and
// send it to the printer. It knows no widgets, so every GUI action can be run and tested headlessly.
package desk

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"motcua/print"
	"motcua/print/printer"
	"motcua/store"
	"motcua/store/workday"
)

// Desk is one counter's working set: the store and the data folder holding the archive.
type Desk struct {
	Store *store.Store
	Dir   string // the data folder; PDFs go to Dir/archive/YYYY/

	// send delivers a PDF to a printer; tests replace it.
	send func(ctx context.Context, path, printerName string) error
	// sendWith and open are what the default sender uses (paper.go); tests replace them.
	sendWith func(ctx context.Context, path, printerName string, o printer.Options) error
	open     func(path string) error
}

// New returns a desk on an open store and its data folder.
func New(s *store.Store, dir string) *Desk {
	d := &Desk{Store: s, Dir: dir, sendWith: printer.SendWith, open: printer.Open}
	d.send = d.sendPrinting
	return d
}

// SetSender replaces how PDFs reach the printer (tests, or a "save only" counter).
func (d *Desk) SetSender(f func(ctx context.Context, path, printerName string) error) { d.send = f }

// Receipt is what an intake produced. The dossier is committed whenever err is nil;
// PrintErr only says the slip could not be written or printed, and it can be reprinted.
type Receipt struct {
	Dossier  store.Dossier
	SlipPath string
	PrintErr error
}

// Receive commits the intake, writes the Mẫu 01 slip into the archive and prints it unless the
// agency saves only. A printer failure never loses the dossier: it comes back as PrintErr.
func (d *Desk) Receive(ctx context.Context, in store.Intake) (Receipt, error) {
	// The slip's archive file is recorded with the dossier, in the intake's one commit.
	in.ArchiveSlip = func(code string, at time.Time) string { return d.archivePath(code, at, string(store.FormReceipt)) }
	if in.Key == "" {
		// Each intake is sent with a key of its own: after a connection lost during COMMIT the
		// store resends it and gets back the dossier already committed, never a second one.
		in.Key = rand.Text()
	}
	dos, err := d.Store.Receive(ctx, in)
	if err != nil {
		return Receipt{}, err
	}
	r := Receipt{Dossier: dos}
	// One read of the agency: the slip's header and where (or whether) to print it.
	ag, err := d.Store.Agency(ctx)
	var path string
	if err == nil {
		// The dossier's copy first, then its slip: both create-exclusive (a code found on an
		// archived slip of another dossier is never written over).
		err = d.writeRecord(ag, dos, in.Key)
	}
	var l print.Labels
	if err == nil {
		l, err = d.Labels()
	}
	if err == nil {
		path, err = drawReceipt(ag, l, dos, d.archivePath(dos.Code, dos.ReceivedAt, string(store.FormReceipt)), false)
	}
	if err != nil {
		r.PrintErr = fmt.Errorf("Hồ sơ %s đã được lưu nhưng chưa tạo được phiếu hẹn: %w", dos.Code, err)
		return r, nil
	}
	r.SlipPath = path
	if !ag.SaveOnly {
		r.PrintErr = d.send(ctx, path, ag.Printer)
	}
	return r, nil
}

// RefuseIntake records a dossier refused at the counter (store.RefuseIntake: no fee, no due time,
// no Mẫu 01) and writes and prints its refusal, Mẫu 03, in place of the appointment slip. The
// refusal is recorded whenever err is nil; PrintErr only says the paper did not come out.
func (d *Desk) RefuseIntake(ctx context.Context, in store.Intake, reason string) (Receipt, error) {
	dos, err := d.Store.RefuseIntake(ctx, in, reason)
	if err != nil {
		return Receipt{}, err
	}
	r := Receipt{Dossier: dos}
	path, err := d.Form(ctx, in.By, dos.Code, "03")
	if err != nil {
		r.PrintErr = fmt.Errorf("Hồ sơ %s đã được ghi là từ chối tiếp nhận nhưng chưa tạo được phiếu từ chối: %w", dos.Code, err)
		return r, nil
	}
	r.SlipPath = path
	r.PrintErr = d.Print(ctx, path)
	return r, nil
}

// Resume records that the missing papers came (store.Resume: the clock restarts) and gives the
// citizen a new Mẫu 01 with the new due time, written beside the first one in the archive and
// printed: the book, the slip and `show` then agree on the due time.
func (d *Desk) Resume(ctx context.Context, a store.Action) (Receipt, error) {
	dos, err := d.Store.Resume(ctx, a)
	if err != nil {
		return Receipt{}, err
	}
	r := Receipt{Dossier: dos}
	path, err := d.writeReceipt(ctx, a.By, dos)
	if err != nil {
		r.PrintErr = fmt.Errorf("Hồ sơ %s đã tiếp tục xử lý nhưng chưa tạo được giấy hẹn mới: %w", dos.Code, err)
		return r, nil
	}
	r.SlipPath = path
	r.PrintErr = d.Print(ctx, path)
	return r, nil
}

// errNoReceipt is the answer for Mẫu 01 of a dossier refused at the counter.
func errNoReceipt(code string) error {
	return fmt.Errorf("%w Giấy tiếp nhận (Mẫu 01) của hồ sơ %s: hồ sơ bị từ chối tiếp nhận tại Bộ phận một cửa, phiếu của hồ sơ là Mẫu 03",
		store.ErrNotFound, code)
}

// Slip returns the archived Mẫu 01 PDF of a dossier, the latest issued (after a supplement the
// clock restarted and a new one was issued), drawing it again if the file is missing; by is the
// official asking (store.PermViewDossiers).
func (d *Desk) Slip(ctx context.Context, by, code string) (string, error) {
	dos, err := d.Store.Dossier(ctx, by, code)
	if err != nil {
		return "", err
	}
	if dos.RefusedAtIntake {
		return "", errNoReceipt(dos.Code)
	}
	slips, err := d.Store.Slips(ctx, by, dos.Code)
	if err != nil {
		return "", err
	}
	for i := len(slips) - 1; i >= 0; i-- {
		if slips[i].Form != store.FormReceipt {
			continue
		}
		if completePDF(slips[i].Path) {
			return slips[i].Path, nil
		}
	}
	return d.writeReceipt(ctx, by, dos)
}

// completePDF tells whether path holds a whole PDF (it ends with the %%EOF marker): a slip
// written just before a power cut may be empty or cut short, and is then drawn again.
func completePDF(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() < 16 {
		return false
	}
	tail := make([]byte, 16)
	if _, err := f.ReadAt(tail, fi.Size()-16); err != nil {
		return false
	}
	return bytes.Contains(tail, []byte("%%EOF"))
}

// Print sends an archived PDF to the agency's printer, unless the agency saves only.
func (d *Desk) Print(ctx context.Context, path string) error {
	ag, err := d.Store.Agency(ctx)
	if err != nil {
		return err
	}
	if ag.SaveOnly {
		return nil
	}
	return d.send(ctx, path, ag.Printer)
}

// OpenPDF shows a PDF in the system's viewer, the fallback when no printer answers.
func (d *Desk) OpenPDF(path string) error {
	return printer.Open(path)
}

// procedureTitle is the procedure as a slip names it: with the case received under, if any.
func procedureTitle(dos store.Dossier) string {
	if dos.Case != "" {
		return dos.ProcedureName + " (" + dos.Case + ")"
	}
	return dos.ProcedureName
}

// receiptOf builds the Mẫu 01 values of a dossier: the slip shows the snapshot taken at intake.
func receiptOf(ag store.Agency, dos store.Dossier) print.Receipt {
	docs := make([]print.Document, len(dos.Documents))
	for i, doc := range dos.Documents {
		docs[i] = print.Document{Name: doc.Name, Kind: doc.Kind, Count: doc.Count}
	}
	return print.Receipt{
		Header:    header(ag),
		Code:      dos.Code,
		Applicant: dos.Name,
		IDNo:      dos.IDNo,
		Rep: print.Representative{Name: dos.Rep.Name, Address: dos.Rep.Address, IDNo: dos.Rep.IDNo,
			Phone: dos.Rep.Phone, Email: dos.Rep.Email, Paper: dos.Rep.Paper},
		Address:         dos.Address,
		Phone:           dos.Phone,
		Email:           dos.Email,
		Procedure:       procedureTitle(dos),
		Documents:       docs,
		Sets:            dos.Sets,
		Days:            dos.Days,
		Hours:           dos.Hours,
		ReceivedAt:      dos.ReceivedAt,
		DueAt:           dos.DueAt,
		ResultAtCounter: !dos.ByPost,
		PostAddress:     dos.PostAddress,
		BookVolume:      strconv.Itoa(dos.BookYear),
		BookNo:          dos.BookNo,
		Receiver:        dos.ReceivedByName,
		Fee:             dos.Fee,
	}
}

// writeReceipt draws the dossier's Mẫu 01 as it stands into the archive and records it: the
// intake's slip, or after n resumptions the n-th reissue (…-mau01-bs{n}.pdf), dated when the
// complete dossier came back and due at the restarted due time. The earlier ones stay archived.
func (d *Desk) writeReceipt(ctx context.Context, by string, dos store.Dossier) (string, error) {
	if dos.RefusedAtIntake {
		return "", errNoReceipt(dos.Code)
	}
	ag, err := d.Store.Agency(ctx)
	if err != nil {
		return "", err
	}
	events, err := d.Store.Events(ctx, by, dos.Code)
	if err != nil {
		return "", err
	}
	if !d.mayReplace(dos) {
		return "", fmt.Errorf("%w: %s", ErrSlipExists, d.archivePath(dos.Code, dos.ReceivedAt, string(store.FormReceipt)))
	}
	name, resumed, received := string(store.FormReceipt), 0, dos.ReceivedAt
	for _, e := range events {
		if e.Kind == store.ActResume {
			resumed++
			dos.ReceivedAt = e.At // Mẫu 01's "Thời gian nhận hồ sơ": the complete dossier
			name = "01-bs" + strconv.Itoa(resumed)
		}
	}
	l, err := d.Labels()
	if err != nil {
		return "", err
	}
	path, err := drawReceipt(ag, l, dos, d.archivePath(dos.Code, received, name), true)
	if err != nil {
		return "", err
	}
	if err := d.Store.RecordSlip(ctx, by, dos.Code, store.FormReceipt, path); err != nil {
		return "", err
	}
	return path, nil
}

// drawReceipt draws Mẫu 01 into its archive file at path. The file is not flushed to the disk
// before the slip prints: the dossier is durable in the ledger and the slip can be drawn from it
// again (Slip checks the file is whole), so an intake waits for one flush, its commit. Unless
// replace (a reprint of the same dossier), an existing file is never overwritten.
func drawReceipt(ag store.Agency, l print.Labels, dos store.Dossier, path string, replace bool) (string, error) {
	r := receiptOf(ag, dos)
	r.Labels = l
	pdf, err := print.ReceiptPDF(r)
	if err != nil {
		return "", err
	}
	if err := writeFile(path, pdf, false, replace); errors.Is(err, os.ErrExist) {
		return "", fmt.Errorf("%w: %s", ErrSlipExists, path)
	} else if err != nil {
		return "", fmt.Errorf("không ghi được tệp %s: %w", path, err)
	}
	return path, nil
}

// archivePath files slips by year of receipt, one name per dossier and form.
func (d *Desk) archivePath(code string, received time.Time, form string) string {
	year := received.In(workday.Loc).Year()
	return filepath.Join(d.Dir, "archive", strconv.Itoa(year), code+"-mau"+form+".pdf")
}

// writeFileAtomic writes through a temporary file, flushed to the disk, and a rename, so a file
// is never half written when the PC is switched off at the wall.
func writeFileAtomic(path string, data []byte) error { return writeFile(path, data, true, true) }

// writeFileExcl writes a file that must not exist yet (create-exclusive): os.ErrExist if it does.
func writeFileExcl(path string, data []byte) error { return writeFile(path, data, false, false) }

// writeFile writes through a temporary file and a rename (replace) or a hard link that fails on
// an existing file (create-exclusive); flush makes it wait for the disk.
func writeFile(path string, data []byte, flush, replace bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".slip-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(data)
	var serr error
	if flush {
		serr = tmp.Sync()
	}
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o600); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if replace {
		return os.Rename(tmp.Name(), path)
	}
	defer os.Remove(tmp.Name())
	err = os.Link(tmp.Name(), path)
	if err == nil || errors.Is(err, os.ErrExist) {
		return err
	}
	// No hard links on this disk (FAT): an exclusive create, written in place.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, werr = f.Write(data)
	if err := errors.Join(werr, f.Close()); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}
