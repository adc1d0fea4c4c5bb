package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// The hash chains (migration 0011): each row of the audit trail and of the dossiers' events
// carries the previous row's hash and the hash of its own content with it, so a row changed,
// deleted or slipped in by plain SQL breaks the chain, and a copy whose newest hash is not the one
// recorded (a backup's sidecar, the slip archive) was cut short. This is evidence, not
// prevention: whoever can write the file can also recompute every hash (docs/SAFETY.md).

// chainHash is the hash of a row: its predecessor's hash and its fields, separated unambiguously.
func chainHash(prev string, fields ...string) string {
	h := sha256.New()
	h.Write([]byte(prev))
	for _, f := range fields {
		h.Write([]byte{0x1f})
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// lastHash is the hash of a chained table's newest row ("" when none is chained yet). The write
// transaction holds the store's write lock (BEGIN IMMEDIATE, PostgreSQL's advisory lock), so no
// other writer appends in between.
func lastHash(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, table string) (string, error) {
	var h string
	err := q.QueryRowContext(ctx, `SELECT hash FROM `+table+` ORDER BY id DESC LIMIT 1`).Scan(&h)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return h, err
}

// intakeSelect reads the fields of a dossier fixed at intake, which its receive event covers.
const intakeSelect = `SELECT code, book_year, book_no, procedure_code, procedure_name, days, name, idno, phone, address,
	email, documents, sets, pages, fee, by_post, post_address, received_at, original_due_at FROM dossiers WHERE id = ?`

// intakeFields are a dossier's intake fields as text, for the hash of its receive event.
func intakeFields(row interface{ Scan(...any) error }) ([]string, error) {
	var code, pcode, pname, name, idno, phone, addr, email, docs, post, rec, due string
	var year, no, days, sets, pages, fee int64
	var byPost bool
	if err := row.Scan(&code, &year, &no, &pcode, &pname, &days, &name, &idno, &phone, &addr, &email, &docs,
		&sets, &pages, &fee, &byPost, &post, &rec, &due); err != nil {
		return nil, err
	}
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	return []string{code, n(year), n(no), pcode, pname, n(days), name, idno, phone, addr, email, docs,
		n(sets), n(pages), n(fee), strconv.FormatBool(byPost), post, rec, due}, nil
}

// ChainHeads are the newest hashes of the two chains and how many chained rows lead to them:
// written beside each backup (its sidecar), so that a copy cut short or edited is seen.
type ChainHeads struct {
	Audit      string `json:"audit_head"`
	AuditRows  int    `json:"audit_rows"`
	Events     string `json:"events_head"`
	EventsRows int    `json:"events_rows"`
}

// verifyChains recomputes both chains of db; each problem is one line in Vietnamese.
func verifyChains(ctx context.Context, db *sql.DB) (ChainHeads, []string) {
	var heads ChainHeads
	var problems []string
	add := func(format string, a ...any) {
		if len(problems) < 30 {
			problems = append(problems, fmt.Sprintf(format, a...))
		}
	}
	type link struct {
		id         int64
		prev, hash string
		fields     []string
	}
	walk := func(what string, rows []link) (string, int) {
		prev, n, started := "", 0, false
		for _, r := range rows {
			if r.hash == "" {
				if started {
					add("%s: dòng #%d không có dấu băm (được thêm ngoài chương trình)", what, r.id)
				}
				continue
			}
			started = true
			if r.prev != prev {
				add("%s: chuỗi băm đứt trước dòng #%d (có dòng bị xóa, chèn hoặc sửa trước đó)", what, r.id)
			}
			if chainHash(r.prev, r.fields...) != r.hash {
				add("%s: nội dung dòng #%d không khớp dấu băm (bị sửa ngoài chương trình)", what, r.id)
			}
			prev = r.hash
			n++
		}
		return prev, n
	}
	var audits []link
	rows, err := db.QueryContext(ctx, `SELECT id, at, by_login, entity, entity_key, action, old_value, new_value, reason, prev_hash, hash FROM audit ORDER BY id`)
	if err != nil {
		add("không đọc được nhật ký thay đổi: %v", err)
		return heads, problems
	}
	for rows.Next() {
		var l link
		f := make([]string, 8)
		if err := rows.Scan(&l.id, &f[0], &f[1], &f[2], &f[3], &f[4], &f[5], &f[6], &f[7], &l.prev, &l.hash); err != nil {
			add("nhật ký thay đổi: %v", err)
			break
		}
		l.fields = f
		audits = append(audits, l)
	}
	rows.Close()
	heads.Audit, heads.AuditRows = walk("nhật ký thay đổi", audits)

	var events []link
	rows, err = db.QueryContext(ctx, `SELECT id, dossier_id, at, recorded_at, by_id, kind, from_status, to_status, note, data, prev_hash, hash FROM dossier_events ORDER BY id`)
	if err != nil {
		add("không đọc được nhật ký hồ sơ: %v", err)
		return heads, problems
	}
	for rows.Next() {
		var l link
		var dossier, byID, from, to int64
		var at, rec, kind, note, data string
		if err := rows.Scan(&l.id, &dossier, &at, &rec, &byID, &kind, &from, &to, &note, &data, &l.prev, &l.hash); err != nil {
			add("nhật ký hồ sơ: %v", err)
			break
		}
		l.fields = eventFields(dossier, at, rec, byID, Act(kind), from, to, note, data)
		events = append(events, l)
	}
	rows.Close()
	for i, l := range events {
		if from, _ := strconv.ParseInt(l.fields[5], 10, 64); l.hash == "" || !intakeEvent(Act(l.fields[4]), from) {
			continue
		}
		dossier, _ := strconv.ParseInt(l.fields[0], 10, 64)
		intake, err := intakeFields(db.QueryRowContext(ctx, intakeSelect, dossier))
		if err != nil {
			intake = []string{"(hồ sơ không còn: " + err.Error() + ")"}
		}
		events[i].fields = append(l.fields, intake...)
	}
	heads.Events, heads.EventsRows = walk("nhật ký hồ sơ", events)
	return heads, problems
}

// intakeEvent tells the event that created a dossier: a receive, or a refusal at the counter.
func intakeEvent(kind Act, from int64) bool {
	return kind == ActReceive || kind == ActRefuse && from == 0
}

func eventFields(dossier int64, at, rec string, byID int64, kind Act, from, to int64, note, data string) []string {
	n := func(v int64) string { return strconv.FormatInt(v, 10) }
	return []string{n(dossier), at, rec, n(byID), string(kind), n(from), n(to), note, data}
}

// bookGaps names each year of the tracking book whose numbers are not 1..N without repeats: a
// dossier deleted (or a number issued and lost) leaves a gap.
func bookGaps(ctx context.Context, db *sql.DB) []string {
	rows, err := db.QueryContext(ctx, `SELECT book_year, COUNT(*), COUNT(DISTINCT book_no), MIN(book_no), MAX(book_no) FROM dossiers GROUP BY book_year ORDER BY book_year`)
	if err != nil {
		return []string{"không đọc được sổ theo dõi: " + err.Error()}
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var year, n, distinct, lo, hi int
		if err := rows.Scan(&year, &n, &distinct, &lo, &hi); err != nil {
			return append(out, err.Error())
		}
		if lo != 1 || hi != n || distinct != n {
			out = append(out, fmt.Sprintf("sổ theo dõi năm %d: %d hồ sơ nhưng số thứ tự từ %d đến %d — có số bị thiếu hoặc trùng (hồ sơ bị xóa hoặc chưa nhập lại sau phục hồi: motcua recover)", year, n, lo, hi))
		}
	}
	return out
}

// missingTriggers names the guard triggers (no delete, no update of records) that the applied
// migrations created and the file no longer has; triggersQuery lists the database's triggers.
func missingTriggers(ctx context.Context, db *sql.DB, dir, triggersQuery string) []string {
	ms, err := migrationsIn(dir)
	if err != nil {
		return nil
	}
	applied := map[int]bool{}
	if rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`); err == nil {
		for rows.Next() {
			var v int
			rows.Scan(&v)
			applied[v] = true
		}
		rows.Close()
	}
	want := map[string]bool{}
	for _, m := range ms {
		if !applied[m.version] {
			continue
		}
		for _, line := range strings.Split(m.sql, "\n") {
			f := strings.Fields(strings.ToUpper(line))
			switch {
			case len(f) >= 3 && f[0] == "CREATE" && f[1] == "TRIGGER":
				want[strings.ToLower(strings.Fields(line)[2])] = true
			case len(f) >= 3 && f[0] == "DROP" && f[1] == "TRIGGER":
				delete(want, strings.ToLower(strings.TrimSuffix(strings.Fields(line)[len(f)-1], ";")))
			}
		}
	}
	have := map[string]bool{}
	if rows, err := db.QueryContext(ctx, triggersQuery); err == nil {
		for rows.Next() {
			var n string
			rows.Scan(&n)
			have[strings.ToLower(n)] = true
		}
		rows.Close()
	}
	var out []string
	for n := range want {
		if !have[n] {
			out = append(out, "thiếu trigger bảo vệ "+n+" (bị xóa ngoài chương trình)")
		}
	}
	sort.Strings(out)
	return out
}

// The queries that list a database's triggers.
const (
	sqliteTriggers = `SELECT name FROM sqlite_schema WHERE type = 'trigger'`
	pgTriggers     = `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal`
)
