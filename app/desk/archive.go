package desk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"motcua/store"
)

// The slip archive holds, beside each Mẫu 01, a machine-readable copy of the dossier, written in
// the same step and never overwritten; its name carries the numbers the dossier took:
// {code}~so{book number}~{agency code}~{YYMMDD}~{daily sequence}.json. It is the paper
// trail the ledger can be checked against: after a restore to an older backup, the numbers on
// those slips are not issued again (Reconcile) and the dossiers are entered again (Recover).

// ErrSlipExists refuses to overwrite an archived slip or record of another dossier.
var ErrSlipExists = errors.New("Trong lưu trữ đã có phiếu của một hồ sơ khác cùng mã; không ghi đè (mã này đã được cấp trước đây)")

// ArchivedDossier is the archive's copy of a dossier as it was received.
type ArchivedDossier struct {
	Dossier store.Dossier
	Key     string `json:",omitempty"` // the intake's idempotency key
}

var recordName = regexp.MustCompile(`^(.+)~so(\d+)~([A-Z0-9.]*)~(\d{6})~(\d+)\.json$`)

// recordPath is the archive's copy of a dossier received under agency ag.
func (d *Desk) recordPath(ag store.Agency, dos store.Dossier) string {
	day, seq, ok := store.CodeParts(ag, dos.Code)
	if !ok {
		day, seq = "000000", 0 // a code from another pattern: its book number still counts
	}
	return filepath.Join(filepath.Dir(d.archivePath(dos.Code, dos.ReceivedAt, "01")),
		fmt.Sprintf("%s~so%d~%s~%s~%d.json", dos.Code, dos.BookNo, ag.Code, day, seq))
}

// writeRecord writes the dossier's copy create-exclusive. A copy already there is accepted only
// if it is the same dossier (the same code, book number and time of receipt).
func (d *Desk) writeRecord(ag store.Agency, dos store.Dossier, key string) error {
	b, err := json.MarshalIndent(ArchivedDossier{Dossier: dos, Key: key}, "", " ")
	if err != nil {
		return err
	}
	path := d.recordPath(ag, dos)
	err = writeFileExcl(path, b)
	if errors.Is(err, os.ErrExist) {
		if same, _ := d.sameDossier(dos); same {
			return nil
		}
		return fmt.Errorf("%w: %s", ErrSlipExists, path)
	}
	return err
}

// sameDossier says whether the archive's copy of dos's code is dos itself (false: another
// dossier had the code, or no copy: an archive written before the copies existed).
func (d *Desk) sameDossier(dos store.Dossier) (same, found bool) {
	dir := filepath.Dir(d.archivePath(dos.Code, dos.ReceivedAt, "01"))
	names, _ := filepath.Glob(filepath.Join(dir, dos.Code+"~so*.json"))
	for _, n := range names {
		var a ArchivedDossier
		b, err := os.ReadFile(n)
		if err != nil || json.Unmarshal(b, &a) != nil {
			continue
		}
		found = true
		if a.Dossier.Code == dos.Code && a.Dossier.BookNo == dos.BookNo && a.Dossier.BookYear == dos.BookYear &&
			a.Dossier.ReceivedAt.Equal(dos.ReceivedAt) {
			return true, true
		}
	}
	return false, found
}

// mayReplace tells whether a slip of dos may be drawn over an archived file: a reprint of the
// same dossier, or an archive from before the copies existed.
func (d *Desk) mayReplace(dos store.Dossier) bool {
	same, found := d.sameDossier(dos)
	return same || !found
}

// Reconciliation is what Reconcile found in the archive.
type Reconciliation struct {
	Raised bool              // the counters were moved past numbers found on archived slips
	Lost   []ArchivedDossier // on paper (an archived copy) but not in the ledger, oldest first
}

// leftoverAge is when a temporary slip file is taken for one a killed process left behind.
const leftoverAge = 10 * time.Minute

// Reconcile reads the archive's file names (cheap: no file is opened unless the ledger misses
// a number), removes the temporary files of slips cut short, moves the numbering counters past
// every code and book number found there, and lists the dossiers on paper that the ledger lacks.
// The CLI and the window run it when they open the ledger.
func (d *Desk) Reconcile(ctx context.Context) (Reconciliation, error) {
	var rec Reconciliation
	years, err := os.ReadDir(filepath.Join(d.Dir, "archive"))
	if err != nil {
		return rec, nil // no archive yet
	}
	type paper struct {
		year, no int
		path     string
	}
	var records []paper
	days := map[[2]string]int{}
	books := map[int]int{}
	for _, y := range years {
		year, err := strconv.Atoi(y.Name())
		if !y.IsDir() || err != nil {
			continue
		}
		dir := filepath.Join(d.Dir, "archive", y.Name())
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			n := e.Name()
			if len(n) > 6 && n[:6] == ".slip-" {
				if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > leftoverAge {
					os.Remove(filepath.Join(dir, n))
				}
				continue
			}
			m := recordName.FindStringSubmatch(n)
			if m == nil {
				continue
			}
			no, _ := strconv.Atoi(m[2])
			books[year] = max(books[year], no)
			records = append(records, paper{year, no, filepath.Join(dir, n)})
			if seq, _ := strconv.Atoi(m[5]); seq > 0 {
				k := [2]string{m[3], m[4]}
				days[k] = max(days[k], seq)
			}
		}
	}
	// Lost: a record whose number the ledger does not have. Only a year whose book is not
	// exactly 1..max, or whose records go past max, is read number by number.
	book := map[int]store.BookYear{}
	for y := range books {
		if book[y], err = d.Store.BookYearOf(ctx, y); err != nil {
			return rec, err
		}
	}
	have := map[int]map[int]bool{}
	for _, p := range records {
		b := book[p.year]
		if p.no <= b.Max && b.Count == b.Max {
			continue
		}
		if have[p.year] == nil {
			if have[p.year], err = d.Store.BookNumbers(ctx, p.year); err != nil {
				return rec, err
			}
		}
		if have[p.year][p.no] {
			continue
		}
		var a ArchivedDossier
		if b, err := os.ReadFile(p.path); err == nil && json.Unmarshal(b, &a) == nil && a.Dossier.Code != "" {
			rec.Lost = append(rec.Lost, a)
		}
	}
	sort.Slice(rec.Lost, func(i, j int) bool {
		a, b := rec.Lost[i].Dossier, rec.Lost[j].Dossier
		return a.BookYear < b.BookYear || a.BookYear == b.BookYear && a.BookNo < b.BookNo
	})
	var cs []store.Counter
	for k, seq := range days {
		cs = append(cs, store.Counter{Agency: k[0], Day: k[1], Last: seq})
	}
	for y, no := range books {
		cs = append(cs, store.Counter{Year: y, Last: no})
	}
	rec.Raised, err = d.Store.RaiseCounters(ctx, cs)
	return rec, err
}

// Recover enters again the dossiers that are on paper but not in the ledger (Reconcile's Lost),
// as the admin by, and returns those it entered; a dossier it cannot enter is reported in err
// and the others still are.
func (d *Desk) Recover(ctx context.Context, by string) ([]store.Dossier, error) {
	rec, err := d.Reconcile(ctx)
	if err != nil {
		return nil, err
	}
	var done []store.Dossier
	var errs []error
	for _, a := range rec.Lost {
		dos, err := d.Store.ReEnter(ctx, by, a.Dossier, a.Key)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", a.Dossier.Code, err))
			continue
		}
		if err := d.Store.RecordSlip(ctx, by, dos.Code, "01", d.archivePath(dos.Code, dos.ReceivedAt, "01")); err != nil {
			errs = append(errs, err)
		}
		done = append(done, dos)
	}
	return done, errors.Join(errs...)
}

// CheckArchive compares the ledger with the archive's copies of the dossiers it received: a
// dossier whose name, CCCD, phone, address, fee, procedure, book number or time of receipt in
// the ledger differs from its printed slip was changed outside the program (even if whoever
// changed it also recomputed the ledger's hash chains: the archive is an outside witness).
// Each line names one dossier, in Vietnamese; by is the official running the check.
func (d *Desk) CheckArchive(ctx context.Context, by string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(d.Dir, "archive", "*", "*~so*.json"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, n := range names {
		if recordName.FindStringSubmatch(filepath.Base(n)) == nil {
			continue
		}
		var a ArchivedDossier
		b, err := os.ReadFile(n)
		if err != nil || json.Unmarshal(b, &a) != nil {
			out = append(out, "bản lưu "+n+" không đọc được")
			continue
		}
		p := a.Dossier
		l, err := d.Store.Dossier(ctx, by, p.Code)
		if errors.Is(err, store.ErrNotFound) {
			continue // lost by a restore: Reconcile lists it
		}
		if err != nil {
			return out, err
		}
		var diff []string
		for _, f := range []struct {
			what       string
			paper, led any
		}{
			{"họ tên", p.Name, l.Name}, {"CCCD", p.IDNo, l.IDNo}, {"điện thoại", p.Phone, l.Phone},
			{"địa chỉ", p.Address, l.Address}, {"lệ phí", p.Fee, l.Fee}, {"thủ tục", p.ProcedureCode, l.ProcedureCode},
			{"số thứ tự", p.BookNo, l.BookNo}, {"năm sổ", p.BookYear, l.BookYear},
			{"thời điểm tiếp nhận", p.ReceivedAt.UTC().String(), l.ReceivedAt.UTC().String()},
		} {
			if fmt.Sprint(f.paper) != fmt.Sprint(f.led) {
				diff = append(diff, fmt.Sprintf("%s %v (phiếu: %v)", f.what, f.led, f.paper))
			}
		}
		if len(diff) > 0 {
			out = append(out, fmt.Sprintf("hồ sơ %s khác với phiếu hẹn đã in: %s", p.Code, strings.Join(diff, "; ")))
		}
	}
	sort.Strings(out)
	return out, nil
}
