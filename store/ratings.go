package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Rating levels, scored as the wards score them (Thông tư 01/2018/TT-VPCP, citizens' evaluation; docs/REPORTS.md).
const (
	LevelDissatisfied  = 0 // Không hài lòng
	LevelSatisfied     = 1 // Hài lòng
	LevelVerySatisfied = 2 // Rất hài lòng
)

// LevelName is a level's Vietnamese name ("" for an unknown level).
func LevelName(level int) string {
	switch level {
	case LevelVerySatisfied:
		return "Rất hài lòng"
	case LevelSatisfied:
		return "Hài lòng"
	case LevelDissatisfied:
		return "Không hài lòng"
	}
	return ""
}

// Choice is one answer a citizen can tick: a stable key (stored) and its Vietnamese name (shown).
type Choice struct {
	Key, Name string
}

// RatingCriteria are the indices a citizen can judge, each scored 2/1/0: Circular 01/2018's (1) time
// against the rules, (3) contacts needed to complete the dossier, (4) agencies contacted, (7) the
// official's attitude, plus the convenience and overall marks production kiosks add.
var RatingCriteria = []Choice{
	{"time", "Thời gian giải quyết so với quy định"},
	{"contacts", "Số lần phải liên hệ để hoàn thiện hồ sơ"},
	{"agencies", "Số cơ quan phải liên hệ"},
	{"attitude", "Thái độ của công chức"},
	{"convenience", "Mức độ thuận tiện"},
	{"overall", "Đánh giá tổng thể"},
}

// ConductChips are the counter's code of conduct "4 xin, 4 luôn".
var ConductChips = []Choice{
	{"chao_hoi", "Xin chào"},
	{"xin_loi", "Xin lỗi khi cần"},
	{"cam_on", "Xin cảm ơn"},
	{"xin_phep", "Xin phép"},
	{"mim_cuoi", "Luôn mỉm cười"},
	{"nhe_nhang", "Luôn nhẹ nhàng"},
	{"lang_nghe", "Luôn lắng nghe"},
	{"giup_do", "Luôn giúp đỡ"},
}

// RatingReasons are what a "Không hài lòng" can point at.
var RatingReasons = []Choice{
	{"cho_lau", "Phải chờ lâu"},
	{"huong_dan", "Hướng dẫn chưa rõ ràng"},
	{"thai_do", "Thái độ chưa đúng mực"},
	{"giay_to", "Yêu cầu giấy tờ ngoài quy định"},
	{"tre_hen", "Trả kết quả trễ hẹn"},
	{"phi", "Thu phí, lệ phí chưa đúng"},
	{"khac", "Lý do khác"},
}

// ChoiceName is the Vietnamese name of a criterion, conduct chip or reason key ("" if unknown).
func ChoiceName(key string) string {
	for _, list := range [][]Choice{RatingCriteria, ConductChips, RatingReasons} {
		for _, c := range list {
			if c.Key == key {
				return c.Name
			}
		}
	}
	return ""
}

func known(list []Choice, key string) bool {
	for _, c := range list {
		if c.Key == key {
			return true
		}
	}
	return false
}

// Settings keys of the kiosk.
const (
	keyCounter      = "kiosk.counter"
	defaultCounter  = "Quầy 1"
	promptLifetime  = 30 * time.Minute // an unused prompt older than this is not shown any more
	anonymousBounce = 2 * time.Second  // an identical anonymous rating this soon is a bounce
)

// Counter is the store's default counter name ("Quầy 1" until set): the counter of a PC that
// has not named its own (a one-PC ward). With several counters on one database each PC names its
// counter in its own preferences and passes it to PromptRating and OpenPrompt.
func (s *Store) Counter(ctx context.Context) (string, error) { return counterIn(ctx, s.r) }

// CounterName checks a counter name a PC keeps for itself ("Quầy 2") and returns it cleaned,
// as PromptRating and Rate store it.
func CounterName(name string) (string, error) {
	return cleanText("counter", "Tên quầy", name, true, 50)
}

// SetCounter sets the store's default counter name ("Quầy 2"); audited.
func (s *Store) SetCounter(ctx context.Context, by, name string) error {
	name, err := cleanText("counter", "Tên quầy", name, true, 50)
	if err != nil {
		return err
	}
	by, err = s.requireLogin(ctx, by, PermSettings)
	if err != nil {
		return err
	}
	old, err := s.Counter(ctx)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `INSERT INTO settings(key, value) VALUES (?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, keyCounter, name); err != nil {
			return err
		}
		return audit(ctx, t, s.now(), by, "counter", keyCounter, "update", old, name, "")
	})
}

// RatingPrompt asks the kiosk of a counter to rate an official's service.
type RatingPrompt struct {
	ID           int64
	Official     string // login
	OfficialName string
	Counter      string
	Code         string // the dossier's code; "" when the service had no dossier
	Procedure    string // the dossier's procedure name; ""
	CreatedAt    time.Time
	Used         bool // a rating was stored for it
}

const promptSelect = `SELECT p.id, o.login, o.full_name, p.counter, COALESCE(d.code, ''), COALESCE(d.procedure_name, ''),
	p.created_at, EXISTS(SELECT 1 FROM ratings r WHERE r.prompt_id = p.id)
	FROM rating_prompts p JOIN officials o ON o.id = p.official_id LEFT JOIN dossiers d ON d.id = p.dossier_id`

func scanPrompt(sc interface{ Scan(...any) error }) (RatingPrompt, error) {
	var p RatingPrompt
	var at string
	if err := sc.Scan(&p.ID, &p.Official, &p.OfficialName, &p.Counter, &p.Code, &p.Procedure, &at, &p.Used); err != nil {
		return p, err
	}
	var err error
	p.CreatedAt, err = parseTS(at)
	return p, err
}

// PromptRating is the official's "Mời đánh giá" (also called after an intake or a return): the
// kiosk of counter (the official's PC's counter; "" = the store's default, Counter) shows the
// official, and the dossier's procedure when code is given. A counter has one open prompt: a
// new one replaces an unused one; other counters' prompts are not touched.
func (s *Store) PromptRating(ctx context.Context, by, code, counter string) (RatingPrompt, error) {
	if strings.TrimSpace(by) == "" {
		return RatingPrompt{}, invalid("by", "Chưa chọn công chức được đánh giá.")
	}
	counter, err := cleanText("counter", "Tên quầy", counter, false, 50)
	if err != nil {
		return RatingPrompt{}, err
	}
	o, err := s.require(ctx, by, PermPromptRating)
	if err != nil {
		return RatingPrompt{}, err
	}
	var dossierID sql.NullInt64
	if strings.TrimSpace(code) != "" {
		d, err := s.dossier(ctx, code)
		if errors.Is(err, ErrNotFound) {
			return RatingPrompt{}, invalid("code", fmt.Sprintf("Không có hồ sơ mã %q để mời đánh giá.", strings.TrimSpace(code)))
		}
		if err != nil {
			return RatingPrompt{}, err
		}
		dossierID = sql.NullInt64{Int64: d.ID, Valid: true}
	}
	if counter == "" {
		if counter, err = s.Counter(ctx); err != nil {
			return RatingPrompt{}, err
		}
	}
	var p RatingPrompt
	err = s.tx(ctx, func(t *sql.Tx) error {
		id, err := insertID(ctx, t, `INSERT INTO rating_prompts(created_at, official_id, counter, dossier_id) VALUES (?, ?, ?, ?)`,
			ts(s.now()), o.ID, counter, dossierID)
		if err != nil {
			return err
		}
		p, err = scanPrompt(t.QueryRowContext(ctx, promptSelect+` WHERE p.id = ?`, id))
		return err
	})
	return p, err
}

// OpenPrompt is what the kiosk of counter should show: the counter's newest prompt, if it has no
// rating yet and is less than 30 minutes old. ok is false when there is none.
func (s *Store) OpenPrompt(ctx context.Context, counter string) (RatingPrompt, bool, error) {
	counter = collapse(searchNorm(counter))
	p, err := scanPrompt(s.r.QueryRowContext(ctx, promptSelect+` WHERE p.counter = ? ORDER BY p.id DESC LIMIT 1`, counter))
	if errors.Is(err, sql.ErrNoRows) {
		return RatingPrompt{}, false, nil
	}
	if err != nil {
		return RatingPrompt{}, false, err
	}
	if p.Used || s.now().Sub(p.CreatedAt) > promptLifetime {
		return RatingPrompt{}, false, nil
	}
	return p, true, nil
}

// Rating is one citizen's answer.
type Rating struct {
	ID       int64
	At       time.Time
	PromptID int64  // 0: unprompted, stored as anonymous
	Official string // login; "" when anonymous
	Counter  string
	Code     string // dossier code; ""
	Level    int    // 2 Rất hài lòng, 1 Hài lòng, 0 Không hài lòng
	Criteria map[string]int
	Conduct  []string
	Reasons  []string
	Comment  string
	// Anonymous is set by the store: true when the rating came without a prompt (someone walking
	// up), so it names no official and no dossier.
	Anonymous bool
	// EnteredBy is the admin who typed the rating in from a paper form (RateByHand); "" for the
	// citizen's own answer at the kiosk.
	EnteredBy string
}

// normRating validates what the citizen answered and puts it in a stable form (sorted, no
// duplicates, NFC comment).
func normRating(r Rating) (Rating, error) {
	if r.Level < 0 || r.Level > 2 {
		return r, invalid("level", "Mức đánh giá phải là 2 (Rất hài lòng), 1 (Hài lòng) hoặc 0 (Không hài lòng).")
	}
	crit := make(map[string]int, len(r.Criteria))
	for k, v := range r.Criteria {
		if !known(RatingCriteria, k) {
			return r, invalid("criteria", fmt.Sprintf("Tiêu chí đánh giá %q không có; các tiêu chí: time, contacts, agencies, attitude, convenience, overall.", k))
		}
		if v < 0 || v > 2 {
			return r, invalid("criteria", fmt.Sprintf("Điểm của tiêu chí %q (%s) phải là 2, 1 hoặc 0.", k, ChoiceName(k)))
		}
		crit[k] = v
	}
	r.Criteria = crit
	set := func(field FieldKey, label string, list []Choice, in []string) ([]string, error) {
		seen := map[string]bool{}
		out := []string{}
		for _, k := range in {
			if !known(list, k) {
				return nil, invalid(field, fmt.Sprintf("%s %q không có trong danh sách.", label, k))
			}
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
		sort.Strings(out)
		return out, nil
	}
	var err error
	if r.Conduct, err = set("conduct", "Tiêu chí ứng xử", ConductChips, r.Conduct); err != nil {
		return r, err
	}
	if r.Reasons, err = set("reasons", "Lý do", RatingReasons, r.Reasons); err != nil {
		return r, err
	}
	c, ok := clean(r.Comment)
	if !ok {
		return r, invalid("comment", "Góp ý chứa ký tự điều khiển hoặc ký tự không hợp lệ; hãy gõ lại.")
	}
	c = collapse(c)
	if n := utf8.RuneCountInString(c); n > 500 {
		return r, invalid("comment", "Góp ý dài quá 500 ký tự ("+strconv.Itoa(n)+"); hãy rút gọn.")
	}
	r.Comment = c
	return r, nil
}

// Rate stores a citizen's rating. With PromptID it is stored for that prompt's official, dossier
// and counter; r.Counter must be the prompt's counter (a kiosk cannot rate another counter's
// service). A second Rate for the same prompt (a double tap, a bounce) returns the first rating
// and stores nothing. Without PromptID the rating is anonymous: no official, no dossier; an
// identical anonymous rating at the same counter within 2 s is taken as a bounce of the first.
func (s *Store) Rate(ctx context.Context, r Rating) (Rating, error) {
	r, err := normRating(r)
	if err != nil {
		return r, err
	}
	if r.Counter, err = cleanText("counter", "Tên quầy", r.Counter, false, 50); err != nil {
		return r, err
	}
	now := s.now()
	crit, _ := json.Marshal(r.Criteria)
	conduct, _ := json.Marshal(r.Conduct)
	reasons, _ := json.Marshal(r.Reasons)
	var id int64
	err = s.tx(ctx, func(t *sql.Tx) error {
		if r.PromptID == 0 {
			if r.Counter == "" {
				var err error
				if r.Counter, err = counterIn(ctx, t); err != nil {
					return err
				}
			}
			err := t.QueryRowContext(ctx, `SELECT id FROM ratings WHERE anonymous = 1 AND counter = ? AND at >= ?
				AND level = ? AND criteria = ? AND conduct = ? AND reasons = ? AND comment = ? ORDER BY id DESC LIMIT 1`,
				r.Counter, ts(now.Add(-anonymousBounce)), r.Level, string(crit), string(conduct), string(reasons), r.Comment).Scan(&id)
			if err == nil {
				return nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			id, err = insertID(ctx, t, `INSERT INTO ratings(at, prompt_id, official_id, counter, dossier_id, level,
				criteria, conduct, reasons, comment, anonymous) VALUES (?, NULL, NULL, ?, NULL, ?, ?, ?, ?, ?, 1)`,
				ts(now), r.Counter, r.Level, string(crit), string(conduct), string(reasons), r.Comment)
			return err
		}
		var officialID int64
		var counter string
		var dossierID sql.NullInt64
		err := t.QueryRowContext(ctx, `SELECT official_id, counter, dossier_id FROM rating_prompts WHERE id = ?`, r.PromptID).
			Scan(&officialID, &counter, &dossierID)
		if errors.Is(err, sql.ErrNoRows) {
			return invalid("prompt", "Lời mời đánh giá không còn; hãy đánh giá lại từ màn hình chào.")
		}
		if err != nil {
			return err
		}
		if counter != r.Counter {
			return invalid("counter", fmt.Sprintf("Lời mời đánh giá thuộc %s, không phải %s: không thể đánh giá dịch vụ của quầy khác.", counter, orNone(r.Counter)))
		}
		err = t.QueryRowContext(ctx, `SELECT id FROM ratings WHERE prompt_id = ?`, r.PromptID).Scan(&id)
		if err == nil {
			return nil // already rated: the first answer stands
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		id, err = insertID(ctx, t, `INSERT INTO ratings(at, prompt_id, official_id, counter, dossier_id, level,
			criteria, conduct, reasons, comment, anonymous) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
			ts(now), r.PromptID, officialID, counter, dossierID, r.Level, string(crit), string(conduct), string(reasons), r.Comment)
		return err
	})
	if err != nil {
		return r, err
	}
	return scanRating(s.w.QueryRowContext(ctx, ratingSelect+` WHERE r.id = ?`, id))
}

// RateByHand stores a rating an admin types in from a paper form (the kiosk was down, a citizen
// wrote it): for official (and the dossier code) through a prompt made in the same transaction,
// or anonymous when official is empty. It is marked as entered by the admin and audited. Every
// check runs before anything is written, so a refused rating leaves no prompt behind.
func (s *Store) RateByHand(ctx context.Context, by, official, code string, r Rating) (Rating, error) {
	admin, err := s.require(ctx, by, PermEnterRatings)
	if err != nil {
		return r, err
	}
	if r, err = normRating(r); err != nil {
		return r, err
	}
	if r.Counter, err = cleanText("counter", "Tên quầy", r.Counter, false, 50); err != nil {
		return r, err
	}
	var rated Official
	var dossierID sql.NullInt64
	if strings.TrimSpace(official) != "" {
		if rated, err = s.activeOfficial(ctx, "official", "Công chức được đánh giá", official); err != nil {
			return r, err
		}
		if strings.TrimSpace(code) != "" {
			d, err := s.dossier(ctx, code)
			if errors.Is(err, ErrNotFound) {
				return r, invalid("code", fmt.Sprintf("Không có hồ sơ mã %q để ghi đánh giá.", strings.TrimSpace(code)))
			}
			if err != nil {
				return r, err
			}
			dossierID = sql.NullInt64{Int64: d.ID, Valid: true}
		}
	} else if strings.TrimSpace(code) != "" {
		return r, invalid("code", "Đánh giá theo hồ sơ cần tên công chức đã phục vụ.")
	}
	now := s.now()
	crit, _ := json.Marshal(r.Criteria)
	conduct, _ := json.Marshal(r.Conduct)
	reasons, _ := json.Marshal(r.Reasons)
	var id int64
	err = s.tx(ctx, func(t *sql.Tx) error {
		if r.Counter == "" {
			var err error
			if r.Counter, err = counterIn(ctx, t); err != nil {
				return err
			}
		}
		if rated.ID == 0 {
			id, err = insertID(ctx, t, `INSERT INTO ratings(at, prompt_id, official_id, counter, dossier_id, level,
				criteria, conduct, reasons, comment, anonymous, entered_by) VALUES (?, NULL, NULL, ?, NULL, ?, ?, ?, ?, ?, 1, ?)`,
				ts(now), r.Counter, r.Level, string(crit), string(conduct), string(reasons), r.Comment, admin.ID)
		} else {
			var pid int64
			if pid, err = insertID(ctx, t, `INSERT INTO rating_prompts(created_at, official_id, counter, dossier_id) VALUES (?, ?, ?, ?)`,
				ts(now), rated.ID, r.Counter, dossierID); err != nil {
				return err
			}
			id, err = insertID(ctx, t, `INSERT INTO ratings(at, prompt_id, official_id, counter, dossier_id, level,
				criteria, conduct, reasons, comment, anonymous, entered_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)`,
				ts(now), pid, rated.ID, r.Counter, dossierID, r.Level, string(crit), string(conduct), string(reasons), r.Comment, admin.ID)
		}
		if err != nil {
			return err
		}
		return audit(ctx, t, now, admin.Login, "rating", strconv.FormatInt(id, 10), "enter_by_hand", nil, nil, "")
	})
	if err != nil {
		return r, err
	}
	return scanRating(s.w.QueryRowContext(ctx, ratingSelect+` WHERE r.id = ?`, id))
}

func orNone(counter string) string {
	if counter == "" {
		return "(chưa đặt tên quầy)"
	}
	return counter
}

func counterIn(ctx context.Context, q queryer) (string, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, keyCounter).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && v == "") {
		return defaultCounter, nil
	}
	return v, err
}

const ratingSelect = `SELECT r.id, r.at, COALESCE(r.prompt_id, 0), COALESCE(o.login, ''), r.counter, COALESCE(d.code, ''),
	r.level, r.criteria, r.conduct, r.reasons, r.comment, r.anonymous, COALESCE(eb.login, '')
	FROM ratings r LEFT JOIN officials o ON o.id = r.official_id LEFT JOIN dossiers d ON d.id = r.dossier_id
	LEFT JOIN officials eb ON eb.id = r.entered_by`

func scanRating(sc interface{ Scan(...any) error }) (Rating, error) {
	var r Rating
	var at, crit, conduct, reasons string
	if err := sc.Scan(&r.ID, &at, &r.PromptID, &r.Official, &r.Counter, &r.Code, &r.Level, &crit, &conduct, &reasons,
		&r.Comment, &r.Anonymous, &r.EnteredBy); err != nil {
		return r, err
	}
	var err error
	if r.At, err = parseTS(at); err != nil {
		return r, err
	}
	for _, p := range []struct {
		s string
		v any
	}{{crit, &r.Criteria}, {conduct, &r.Conduct}, {reasons, &r.Reasons}} {
		if err := json.Unmarshal([]byte(p.s), p.v); err != nil {
			return r, fmt.Errorf("đánh giá số %d lưu sai định dạng: %w", r.ID, err)
		}
	}
	return r, nil
}

// PromptAnswer is the rating given for a prompt, if the citizen has answered: the official's
// window shows it arrive.
func (s *Store) PromptAnswer(ctx context.Context, promptID int64) (Rating, bool, error) {
	r, err := scanRating(s.r.QueryRowContext(ctx, ratingSelect+` WHERE r.prompt_id = ?`, promptID))
	if errors.Is(err, sql.ErrNoRows) {
		return Rating{}, false, nil
	}
	if err != nil {
		return Rating{}, false, err
	}
	return r, true, nil
}

// Ratings lists the ratings given in [from, to), oldest first; official "" means every rating
// (anonymous ones included), otherwise only that official's (by login). An official may read
// their own ratings (PermReportOwn); anyone else's, or all, needs PermReportAll (the leader).
func (s *Store) Ratings(ctx context.Context, by string, from, to time.Time, official string) ([]Rating, error) {
	actor, err := s.actor(ctx, by)
	if err != nil {
		return nil, err
	}
	perm := PermReportAll
	if loginKey(official) == actor.Login {
		perm = PermReportOwn
	}
	if _, err := s.require(ctx, by, perm); err != nil {
		return nil, err
	}
	q := ratingSelect + ` WHERE r.at >= ? AND r.at < ?`
	args := []any{ts(from), ts(to)}
	if official = strings.ToLower(strings.TrimSpace(official)); official != "" {
		q += ` AND o.login = ?`
		args = append(args, official)
	}
	rows, err := s.r.QueryContext(ctx, q+` ORDER BY r.at, r.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Rating
	for rows.Next() {
		r, err := scanRating(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CheckKioskPIN reports whether pin is the PIN of an active official: only an official may take
// the citizens' screen out of kiosk mode. Wrong PINs are throttled like logins (under the
// kiosk's own key, so a citizen guessing cannot lock an official out of the counter); the exit is
// audited with the official's login.
func (s *Store) CheckKioskPIN(ctx context.Context, pin string) (bool, error) {
	o, err := s.unlockWithPIN(ctx, kioskKey, pin)
	var ve *ValidationError
	if errors.As(err, &ve) {
		return false, nil
	}
	return err == nil && o.ID != 0, err
}
