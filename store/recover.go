package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Counter is a numbering counter's floor: a day's sequence of dossier codes (Agency, Day
// "YYMMDD") or a year's tracking-book number (Day ""). RaiseCounters moves counters up to it.
type Counter struct {
	Agency, Day string
	Year        int
	Last        int
}

// RaiseCounters moves the numbering counters past numbers issued outside this ledger (slips in
// the archive after a restore to an older backup): no code or book number is given twice. It only
// ever raises, and audits when it did. A system act: no official needed.
func (s *Store) RaiseCounters(ctx context.Context, cs []Counter) (raised bool, err error) {
	if len(cs) == 0 {
		return false, nil
	}
	have, err := readCounters(ctx, s.r)
	if err != nil {
		return false, err
	}
	cur := map[[2]string]int{}
	for _, c := range have {
		cur[[2]string{c.Agency, c.Day + fmt.Sprint(c.Year)}] = c.Last
	}
	var up []counterRow
	var what []string
	for _, c := range cs {
		k := [2]string{c.Agency, c.Day + fmt.Sprint(c.Year)}
		if c.Day != "" {
			c.Year = 0
			k = [2]string{c.Agency, c.Day + "0"}
		}
		if c.Last > cur[k] {
			up = append(up, counterRow{Agency: c.Agency, Day: c.Day, Year: c.Year, Last: c.Last})
			if c.Day != "" {
				what = append(what, fmt.Sprintf("%s-%s: %d → %d", c.Agency, c.Day, cur[k], c.Last))
			} else {
				what = append(what, fmt.Sprintf("sổ năm %d: %d → %d", c.Year, cur[k], c.Last))
			}
		}
	}
	if len(up) == 0 {
		return false, nil
	}
	sort.Strings(what)
	return true, s.tx(ctx, func(t *sql.Tx) error {
		if err := raiseCounters(ctx, t, up); err != nil {
			return err
		}
		return audit(ctx, t, s.now(), "", "numbering", "counters", "raise", nil, what, "số đã cấp theo phiếu trong lưu trữ")
	})
}

// BookYear is one year of the tracking book: how many dossiers and the highest number.
type BookYear struct {
	Year, Count, Max int
}

// BookYearOf summarises one year of the tracking book (for the archive's reconciliation).
func (s *Store) BookYearOf(ctx context.Context, year int) (BookYear, error) {
	y := BookYear{Year: year}
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(book_no), 0) FROM dossiers WHERE book_year = ?`, year).Scan(&y.Count, &y.Max)
	return y, err
}

// BookNumbers are the book numbers a year has in the ledger.
func (s *Store) BookNumbers(ctx context.Context, year int) (map[int]bool, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT book_no FROM dossiers WHERE book_year = ?`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var n int
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[n] = true
	}
	return out, rows.Err()
}

// ReEnter enters again a dossier that exists on paper but not in the ledger (a restore to an
// older backup lost it): with the code, book number, times and fee printed on its slip, from the
// archive's machine-readable copy. Its later steps, if any, are not known and are not invented:
// it comes back as received. Admin only (PermBackup); audited. A code or book number the ledger
// already has is refused.
func (s *Store) ReEnter(ctx context.Context, by string, d Dossier, key string) (Dossier, error) {
	actor, err := s.require(ctx, by, PermBackup)
	if err != nil {
		return Dossier{}, err
	}
	if d.Code == "" || d.BookYear == 0 || d.BookNo <= 0 || d.ReceivedAt.IsZero() {
		return Dossier{}, invalid("file", "Bản lưu của hồ sơ thiếu mã, số thứ tự hoặc thời điểm tiếp nhận.")
	}
	docs, _ := json.Marshal(d.Documents)
	err = s.tx(ctx, func(t *sql.Tx) error {
		var n int
		if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers WHERE code = ? OR (book_year = ? AND book_no = ?)`,
			d.Code, d.BookYear, d.BookNo).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return invalid("code", fmt.Sprintf("Hồ sơ %s (số %d/%d) hoặc số thứ tự của nó đã có trong cơ sở dữ liệu: không nhập lại.", d.Code, d.BookNo, d.BookYear))
		}
		var procID int64
		err := t.QueryRowContext(ctx, `SELECT id FROM procedures WHERE id = ? AND code = ?`, d.ProcedureID, d.ProcedureCode).Scan(&procID)
		if errors.Is(err, sql.ErrNoRows) {
			err = t.QueryRowContext(ctx, `SELECT id FROM procedures WHERE code = ? ORDER BY id LIMIT 1`, d.ProcedureCode).Scan(&procID)
		}
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("procedure", fmt.Sprintf("Thủ tục %s của hồ sơ %s không có trong danh mục.", d.ProcedureCode, d.Code))
		}
		if err != nil {
			return err
		}
		receiver := actor.ID
		if o, err := officialByLogin(ctx, t, d.ReceivedBy); err == nil {
			receiver = o.ID
		}
		var k any
		if key != "" {
			k = key
		}
		id, err := insertID(ctx, t, `INSERT INTO dossiers(code, book_year, book_no, procedure_id, procedure_code,
			procedure_name, field_name, days, name, idno, phone, address, email, documents, sets, pages, fee,
			by_post, post_address, received_at, due_at, original_due_at, status, received_by, intake_key)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			d.Code, d.BookYear, d.BookNo, procID, d.ProcedureCode, d.ProcedureName, d.FieldName, d.Days, d.Name, d.IDNo,
			d.Phone, d.Address, d.Email, string(docs), d.Sets, d.Pages, d.Fee, d.ByPost, d.PostAddress,
			ts(d.ReceivedAt), ts(d.OriginalDueAt), ts(d.OriginalDueAt), StatusReceived, receiver, k)
		if err != nil {
			return fmt.Errorf("không nhập lại được hồ sơ %s: %w", d.Code, err)
		}
		if err := appendEvent(ctx, t, id, d.ReceivedAt, s.now(), receiver, "receive", 0, StatusReceived,
			"nhập lại từ bản lưu phiếu hẹn sau khi phục hồi; các bước sau tiếp nhận (nếu có) cần ghi lại", nil); err != nil {
			return err
		}
		if err := s.d.indexSearch(ctx, t, id, searchText(d.Code, d.Name, d.IDNo, d.Phone)); err != nil {
			return err
		}
		if err := raiseCounters(ctx, t, []counterRow{{Year: d.BookYear, Last: d.BookNo}}); err != nil {
			return err
		}
		return audit(ctx, t, s.now(), actor.Login, "dossier", d.Code, "recover", nil, nil, "nhập lại từ lưu trữ phiếu")
	})
	if err != nil {
		return Dossier{}, err
	}
	return s.dossier(ctx, d.Code)
}

// CodeParts reads back the day ("YYMMDD") and daily sequence of a code issued under the
// agency's code pattern (ok false when the code does not follow it): the archive records them
// in its file names, so the counters can be moved past them without reading any file.
func CodeParts(a Agency, code string) (day string, seq int, ok bool) {
	pattern := a.CodePattern
	if pattern == "" {
		pattern = DefaultCodePattern
	}
	toks, err := parseCodePattern(pattern)
	if err != nil {
		return "", 0, false
	}
	var re strings.Builder
	re.WriteString("^")
	dayAt, seqAt, group := 0, 0, 0
	for _, t := range toks {
		switch t.field {
		case "agency":
			re.WriteString(regexp.QuoteMeta(a.Code))
		case "yymmdd":
			group++
			dayAt = group
			re.WriteString(`(\d{6})`)
		case "seq":
			group++
			seqAt = group
			fmt.Fprintf(&re, `(\d{%d,})`, t.width)
		default:
			re.WriteString(regexp.QuoteMeta(t.lit))
		}
	}
	re.WriteString("$")
	m := regexp.MustCompile(re.String()).FindStringSubmatch(code)
	if m == nil {
		return "", 0, false
	}
	seq, err = strconv.Atoi(m[seqAt])
	return m[dayAt], seq, err == nil
}
