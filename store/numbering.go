package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"motcua/store/workday"
)

// DefaultCodePattern is the dossier code of Circular 03/2025 (and 04/2025 art. 13):
// {electronic identifier of the agency}-{YYMMDD}-{daily sequence of at least 4 digits}.
const DefaultCodePattern = "{agency}-{yymmdd}-{seq:4}"

// codeToken is one piece of a code pattern: a literal, or a field.
type codeToken struct {
	lit   string
	field string // "agency", "yymmdd", "seq"
	width int    // seq: minimum digits
}

// parseCodePattern reads a code pattern: {agency}, {yymmdd} and {seq:N} (N from 4 to 8, the
// daily sequence zero-padded to N digits) once each, between literals of A–Z, 0–9, '.' and '-'.
// The day and the sequence make a code unique within an agency (the counter restarts each day),
// and the agency keeps codes of different agencies apart.
func parseCodePattern(p string) ([]codeToken, error) {
	bad := func(why string) error {
		return invalid("code_pattern", "Mẫu mã hồ sơ "+strconv.Quote(p)+" không hợp lệ: "+why+
			" Mẫu theo Thông tư 03/2025: "+DefaultCodePattern+".")
	}
	var toks []codeToken
	seen := map[string]bool{}
	rest := p
	for rest != "" {
		open := strings.IndexByte(rest, '{')
		if open != 0 {
			lit := rest
			if open > 0 {
				lit = rest[:open]
			}
			if strings.IndexFunc(lit, func(r rune) bool {
				return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-')
			}) >= 0 {
				return nil, bad("ngoài các trường {…} chỉ được dùng chữ in hoa A–Z, chữ số, dấu . và -.")
			}
			toks = append(toks, codeToken{lit: lit})
			rest = rest[len(lit):]
			continue
		}
		end := strings.IndexByte(rest, '}')
		if end < 0 {
			return nil, bad("thiếu dấu }.")
		}
		name, arg, hasArg := strings.Cut(rest[1:end], ":")
		t := codeToken{field: name}
		switch {
		case name == "seq" && hasArg:
			w, err := strconv.Atoi(arg)
			if err != nil || w < 4 || w > 8 {
				return nil, bad("số thứ tự {seq:N} phải có N từ 4 đến 8 chữ số.")
			}
			t.width = w
		case name == "seq":
			t.width = 4
		case (name == "agency" || name == "yymmdd") && !hasArg:
		default:
			return nil, bad("không có trường {" + rest[1:end] + "} (có: {agency}, {yymmdd}, {seq:4}).")
		}
		if seen[name] {
			return nil, bad("trường {" + name + "} có hai lần.")
		}
		seen[name] = true
		toks = append(toks, t)
		rest = rest[end+1:]
	}
	for _, f := range []string{"agency", "yymmdd", "seq"} {
		if !seen[f] {
			return nil, bad("thiếu trường {" + f + "}.")
		}
	}
	return toks, nil
}

// formatCode writes a dossier code by a pattern parseCodePattern accepted.
func formatCode(toks []codeToken, agency, day string, seq int) string {
	var b strings.Builder
	for _, t := range toks {
		switch t.field {
		case "agency":
			b.WriteString(agency)
		case "yymmdd":
			b.WriteString(day)
		case "seq":
			fmt.Fprintf(&b, "%0*d", t.width, seq)
		default:
			b.WriteString(t.lit)
		}
	}
	return b.String()
}

// number assigns a new dossier's code and book number inside the intake transaction. The
// transaction began IMMEDIATE, so it holds SQLite's write lock: no other connection or process
// can read the same counters before this one commits, and a rollback takes the numbers back
// (no gaps). The UNIQUE constraints on dossiers(code) and (book_year, book_no) are the last line
// of defence. PostgreSQL does the same with INSERT ... ON CONFLICT ... RETURNING under row locks.
// Codes already issued never change: a new pattern or agency code applies to new dossiers only.
func number(ctx context.Context, t *sql.Tx, a Agency, received time.Time) (code string, year, bookNo int, err error) {
	pattern := a.CodePattern
	if pattern == "" {
		pattern = DefaultCodePattern
	}
	toks, err := parseCodePattern(pattern)
	if err != nil {
		return "", 0, 0, err
	}
	local := received.In(workday.Loc)
	day := local.Format("060102")
	var seq int
	if err = t.QueryRowContext(ctx, `INSERT INTO day_counters(agency_code, day, last) VALUES (?, ?, 1)
		ON CONFLICT(agency_code, day) DO UPDATE SET last = day_counters.last + 1 RETURNING last`, a.Code, day).Scan(&seq); err != nil {
		return "", 0, 0, fmt.Errorf("không cấp được số thứ tự trong ngày: %w", err)
	}
	year = local.Year()
	if err = t.QueryRowContext(ctx, `INSERT INTO book_counters(year, last) VALUES (?, 1)
		ON CONFLICT(year) DO UPDATE SET last = book_counters.last + 1 RETURNING last`, year).Scan(&bookNo); err != nil {
		return "", 0, 0, fmt.Errorf("không cấp được số thứ tự trong sổ: %w", err)
	}
	return formatCode(toks, a.Code, day, seq), year, bookNo, nil
}
