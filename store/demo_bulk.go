package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"motcua/store/workday"
)

// BulkDemo sizes a generated history for benchmarks and demonstrations.
type BulkDemo struct {
	Dossiers int       // how many dossiers, spread over the working days of the period
	Years    int       // the period ends at End and goes back this many years
	Seed     uint64    // the same seed gives the same data
	End      time.Time // zero: now; nothing is generated at or after End
	// Progress, when set, is called after each committed batch with the dossiers written so far.
	Progress func(done int)
}

// BulkStats says what GenerateDemo wrote.
type BulkStats struct {
	Dossiers, Events int
	Late             int // closed late
	Ratings          int
	Open             int // not closed at End
	Days             int // working days used
}

// GenerateDemo fills the demo ward (SeedDemo first) with a history of many dossiers, as if the
// counter had received them day after day: procedures weighted as at a real ward (chứng thực
// dominant), Vietnamese names by real family-name frequency, received on working days in office
// hours, then handed over, confirmed, resolved and returned, with some supplements, reschedules,
// refusals, withdrawals and a share late. It writes the same rows the lifecycle code would
// (dossiers with their summary columns, events, the search index, the numbering counters) with
// multi-row INSERTs in large transactions instead of one transaction per dossier, so a million
// dossiers take minutes. The book must be empty: numbering starts at 1.
func (s *Store) GenerateDemo(ctx context.Context, o BulkDemo) (BulkStats, error) {
	var st BulkStats
	if s.d.name() != "sqlite" {
		// Its bulk inserts are SQLite's (rowid search index, pragmas); a PostgreSQL demo is a
		// generated SQLite file moved with `motcua migrate -to`.
		return st, fmt.Errorf("dữ liệu mẫu lớn chỉ tạo được trên SQLite; hãy tạo trên tệp SQLite rồi chuyển bằng motcua migrate -to")
	}
	if o.Dossiers <= 0 || o.Years <= 0 {
		return st, invalid("dossiers", "Số hồ sơ và số năm phải lớn hơn 0.")
	}
	var n int
	if err := s.w.QueryRowContext(ctx, `SELECT COUNT(*) FROM dossiers`).Scan(&n); err != nil {
		return st, err
	}
	if n > 0 {
		return st, invalid("dossiers", fmt.Sprintf("Sổ đã có %d hồ sơ; chỉ tạo dữ liệu lớn trên một thư mục dữ liệu mới.", n))
	}
	g, err := s.newGenerator(ctx, o)
	if err != nil {
		return st, err
	}
	// A big page cache keeps the indexes' upper levels in memory while they grow.
	if _, err := s.w.ExecContext(ctx, `PRAGMA cache_size = -262144`); err != nil {
		return st, err
	}
	defer s.w.ExecContext(context.Background(), `PRAGMA cache_size = -2000`)

	const perTx = 20000
	for g.done < o.Dossiers {
		if err := ctx.Err(); err != nil {
			return g.stats, err
		}
		err := s.tx(ctx, func(t *sql.Tx) error { return g.batch(ctx, t, perTx) })
		if err != nil {
			return g.stats, err
		}
		if o.Progress != nil {
			o.Progress(g.done)
		}
	}
	err = s.tx(ctx, func(t *sql.Tx) error { return g.counters(ctx, t) })
	if err == nil {
		_, err = s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	if err == nil {
		_, err = s.w.ExecContext(ctx, `ANALYZE`)
	}
	return g.stats, err
}

// genProc is a procedure with its weight among the intakes.
type genProc struct {
	Procedure
	weight float64
	docs   string // JSON of the documents received
}

// procWeights: the share of each catalogue procedure at a large urban ward, where copies
// certified from originals are most of the work. Codes missing from the catalogue are skipped;
// procedures without a weight get 0.5.
var procWeights = map[string]float64{
	"CT01": 52, "CT02": 14, "CT03": 4, "CT04": 0.5,
	"HT01": 7, "HT02": 2.5, "HT03": 1.5, "HT04": 9, "HT05": 7, "HT06": 0.3, "HT07": 0.4, "HT08": 1.8,
}

// Family names by their approximate share of the population.
var familyNames = []struct {
	name string
	w    float64
}{
	{"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9.5}, {"Phạm", 7}, {"Hoàng", 3.5}, {"Huỳnh", 2.5}, {"Phan", 4.5},
	{"Vũ", 2.5}, {"Võ", 1.5}, {"Đặng", 2.1}, {"Bùi", 2}, {"Đỗ", 1.4}, {"Hồ", 1.3}, {"Ngô", 1.3},
	{"Dương", 1}, {"Lý", 0.5}, {"Đinh", 0.6}, {"Trương", 0.6}, {"Lâm", 0.4}, {"Mai", 0.4}, {"Đoàn", 0.4},
	{"Trịnh", 0.4}, {"Lương", 0.3}, {"Cao", 0.3}, {"Tạ", 0.2}, {"Chu", 0.2}, {"Quách", 0.1}, {"Kiều", 0.1},
}

var (
	maleMiddle   = []string{"Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thanh", "Công", "Xuân", "Ngọc", "Tuấn", "Đình", "Mạnh", "Quốc", "Trọng", "Hoàng", "Gia"}
	femaleMiddle = []string{"Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Thùy", "Bảo", "Mai", "Kim", "Khánh", "Diệu"}
	maleGiven    = []string{"Anh", "Hùng", "Dũng", "Minh", "Tuấn", "Nam", "Hải", "Long", "Sơn", "Thắng", "Cường", "Hiếu", "Đức", "Trung", "Quân", "Khoa", "Phúc", "Bình", "Thành", "Huy", "Việt", "Tùng", "Hoàng", "Quang", "Khải", "Lộc", "Đạt", "Nghĩa", "Toàn", "Vinh", "Bảo", "Kiên", "Duy", "Hưng", "Thịnh", "Tiến"}
	femaleGiven  = []string{"Anh", "Hương", "Lan", "Linh", "Hà", "Trang", "Thảo", "Ngọc", "Huyền", "Mai", "Hằng", "Phương", "Thủy", "Yến", "Nhung", "Vân", "Hạnh", "Dung", "Loan", "Hoa", "Trâm", "Nhi", "Vy", "Quỳnh", "Giang", "Oanh", "Tâm", "Ly", "Nga", "Thư", "Hiền", "Châu", "Duyên", "Uyên", "Diệp", "Xuân"}
	streets      = []string{"Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Quang Trung", "Hai Bà Trưng", "Lý Thường Kiệt", "Phan Đình Phùng", "Hoàng Diệu", "Nguyễn Huệ", "Võ Thị Sáu", "Điện Biên Phủ", "Lạc Long Quân", "Âu Cơ", "Tô Hiệu", "Đặng Tiến Đông", "Ngô Quyền"}
	phonePrefix  = []string{"090", "091", "093", "094", "096", "097", "098", "086", "088", "089", "032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "056", "058"}
	// Province codes of birth registration: mostly the ward's own (Hà Nội), then its neighbours.
	provinces     = []string{"001", "001", "001", "001", "001", "001", "030", "033", "034", "035", "036", "037", "038", "040", "022", "079", "031", "026", "027"}
	refuseWhy     = []string{"Hồ sơ không thuộc thẩm quyền giải quyết của UBND phường.", "Bản chính xuất trình bị tẩy xóa, sửa chữa.", "Người yêu cầu không xuất trình được giấy tờ tùy thân hợp lệ."}
	withdrawWhy   = []string{"Công dân đề nghị rút hồ sơ để bổ sung thông tin.", "Công dân không còn nhu cầu giải quyết."}
	rescheduleWhy = "Cần xác minh thêm thông tin với cơ quan có liên quan."
)

type generator struct {
	s      *Store
	o      BulkDemo
	rnd    *rand.Rand
	cal    *workday.Calendar
	hours  workday.OfficeHours
	agency string
	end    time.Time

	procs      []genProc
	procCum    []float64
	famCum     []float64
	counter    []Official // receive and return
	handler    Official   // processing official who confirms and resolves
	days       []time.Time
	perDay     []int
	day, inDay int
	times      []time.Time // receipt times of the current day, sorted

	done     int
	eventID  int64
	dayLast  map[string]int
	bookLast map[int]int
	stats    BulkStats
}

func cumulative(ws []float64) []float64 {
	c := make([]float64, len(ws))
	sum := 0.0
	for i, w := range ws {
		sum += w
		c[i] = sum
	}
	return c
}

func pick(rnd *rand.Rand, cum []float64) int {
	x := rnd.Float64() * cum[len(cum)-1]
	lo, hi := 0, len(cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if cum[m] <= x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

func (s *Store) newGenerator(ctx context.Context, o BulkDemo) (*generator, error) {
	g := &generator{s: s, o: o, rnd: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)),
		dayLast: map[string]int{}, bookLast: map[int]int{}}
	a, err := s.Agency(ctx)
	if err != nil {
		return nil, err
	}
	if a.Code == "" {
		return nil, invalid("agency", "Chưa có cơ quan; hãy chạy 'motcua demo' để tạo phường mẫu trước.")
	}
	g.agency, g.hours = a.Code, a.Hours
	if g.cal, err = s.Calendar(ctx); err != nil {
		return nil, err
	}
	ps, err := s.Procedures(ctx)
	if err != nil {
		return nil, err
	}
	var ws []float64
	for _, p := range ps {
		if !p.Active {
			continue
		}
		w, ok := procWeights[p.Code]
		if !ok {
			w = 0.5
		}
		docs := make([]ReceivedDocument, 0, len(p.Documents))
		for _, d := range p.Documents {
			docs = append(docs, ReceivedDocument{Name: d.Name, Kind: d.Kind.Label(), Count: max(d.Count, 1)})
		}
		if len(docs) == 0 {
			docs = append(docs, ReceivedDocument{Name: "Đơn đề nghị", Kind: "Bản chính", Count: 1})
		}
		b, _ := json.Marshal(docs)
		g.procs = append(g.procs, genProc{Procedure: p, weight: w, docs: string(b)})
		ws = append(ws, w)
	}
	if len(g.procs) == 0 {
		return nil, invalid("procedure", "Danh mục thủ tục trống; hãy nạp danh mục mặc định trước.")
	}
	g.procCum = cumulative(ws)
	ws = ws[:0]
	for _, f := range familyNames {
		ws = append(ws, f.w)
	}
	g.famCum = cumulative(ws)
	os, err := s.Officials(ctx)
	if err != nil {
		return nil, err
	}
	for _, of := range os {
		switch {
		case of.Role == RoleCounter && of.Active:
			g.counter = append(g.counter, of)
		case of.Role == RoleProcessing && of.Active && g.handler.ID == 0:
			g.handler = of
		}
	}
	if len(g.counter) == 0 || g.handler.ID == 0 {
		return nil, invalid("officials", "Cần ít nhất một cán bộ tiếp nhận và một cán bộ chuyên môn đang hoạt động.")
	}

	g.end = o.End
	if g.end.IsZero() {
		g.end = s.now()
	}
	g.end = g.end.In(workday.Loc)
	// Receipts stop the working day before End, so every dossier was received in the past.
	last := dayStart(g.end).AddDate(0, 0, -1)
	first := dayStart(g.end).AddDate(-o.Years, 0, 0)
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		if g.cal.IsWorkingDay(d) {
			g.days = append(g.days, d)
		}
	}
	if len(g.days) == 0 {
		return nil, invalid("years", "Khoảng thời gian không có ngày làm việc nào.")
	}
	// Busier days and quieter ones (±35 %), Mondays busiest; counts add up to exactly Dossiers.
	weights := make([]float64, len(g.days))
	sum := 0.0
	for i, d := range g.days {
		w := 0.65 + 0.7*g.rnd.Float64()
		if d.Weekday() == time.Monday {
			w *= 1.2
		}
		weights[i] = w
		sum += w
	}
	g.perDay = make([]int, len(g.days))
	acc, given := 0.0, 0
	for i, w := range weights {
		acc += w
		upto := int(acc / sum * float64(o.Dossiers))
		if i == len(weights)-1 {
			upto = o.Dossiers
		}
		g.perDay[i] = min(upto-given, 9999) // the code's sequence has four digits
		given += g.perDay[i]
	}
	if given < o.Dossiers {
		return nil, invalid("dossiers", fmt.Sprintf("Quá nhiều hồ sơ cho %d năm (tối đa 9999 hồ sơ mỗi ngày).", o.Years))
	}
	g.stats.Days = len(g.days)
	g.day = -1
	return g, nil
}

// nextReceipt is the receipt time of the next dossier: office minutes of its day, in order.
func (g *generator) nextReceipt() time.Time {
	for g.day < 0 || g.inDay >= len(g.times) {
		g.day++
		g.inDay = 0
		g.times = g.times[:0]
		d := g.days[g.day]
		morning := int(g.hours.LunchStart - g.hours.Open)
		afternoon := int(g.hours.Close - g.hours.LunchEnd)
		for range g.perDay[g.day] {
			ms := g.rnd.IntN((morning + afternoon) * 60000)
			var t time.Time
			if ms < morning*60000 {
				t = d.Add(time.Duration(g.hours.Open)*time.Minute + time.Duration(ms)*time.Millisecond)
			} else {
				t = d.Add(time.Duration(g.hours.LunchEnd)*time.Minute + time.Duration(ms-morning*60000)*time.Millisecond)
			}
			g.times = append(g.times, t)
		}
		slices.SortFunc(g.times, func(a, b time.Time) int { return a.Compare(b) })
	}
	t := g.times[g.inDay]
	g.inDay++
	return t
}

// office moves t into office hours: the lunch break to its end, evenings and days off to the
// next working morning.
func (g *generator) office(t time.Time) time.Time {
	t = t.In(workday.Loc)
	day := dayStart(t)
	clock := workday.Clock(t.Hour()*60 + t.Minute())
	switch {
	case !g.cal.IsWorkingDay(day) || clock >= g.hours.Close:
		return g.cal.NextWorkingDay(day).Add(time.Duration(g.hours.Open)*time.Minute + time.Duration(g.rnd.IntN(40))*time.Minute)
	case clock < g.hours.Open:
		return day.Add(time.Duration(g.hours.Open)*time.Minute + time.Duration(g.rnd.IntN(20))*time.Minute)
	case clock >= g.hours.LunchStart && clock < g.hours.LunchEnd:
		return day.Add(time.Duration(g.hours.LunchEnd)*time.Minute + time.Duration(g.rnd.IntN(20))*time.Minute)
	}
	return t
}

func (g *generator) minutes(lo, hi int) time.Duration {
	return time.Duration(lo+g.rnd.IntN(hi-lo+1))*time.Minute + time.Duration(g.rnd.IntN(60000))*time.Millisecond
}

func (g *generator) name() (string, bool) {
	male := g.rnd.IntN(2) == 0
	fam := familyNames[pick(g.rnd, g.famCum)].name
	var mid, given string
	if male {
		mid, given = maleMiddle[g.rnd.IntN(len(maleMiddle))], maleGiven[g.rnd.IntN(len(maleGiven))]
	} else {
		mid, given = femaleMiddle[g.rnd.IntN(len(femaleMiddle))], femaleGiven[g.rnd.IntN(len(femaleGiven))]
	}
	if g.rnd.IntN(5) == 0 { // a second middle name: Nguyễn Thị Thu Hà
		extra := femaleMiddle
		if male {
			extra = maleMiddle
		}
		if m := extra[g.rnd.IntN(len(extra))]; m != mid {
			mid += " " + m
		}
	}
	return fam + " " + mid + " " + given, male
}

// genEvent is one row of dossier_events.
type genEvent struct {
	at       time.Time
	by       int64
	kind     Act
	from, to Status
	note     string
	data     string
}

// genDossier is one dossier with its whole life, already cut at End.
type genDossier struct {
	args   []any
	events []genEvent
	search string
	rating *genRating
}

// genRating is a citizen's rating at the kiosk right after the result was returned.
type genRating struct {
	prompted, at      time.Time
	official          int64
	counter           string
	level             int
	criteria, conduct string
	reasons           string
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func nullTS(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return ts(t)
}

// dossier makes the next dossier and its life.
func (g *generator) dossier(id int64) genDossier {
	rec := g.nextReceipt()
	p := g.procs[pick(g.rnd, g.procCum)]
	name, male := g.name()
	birth := 1940 + g.rnd.IntN(66)
	century := 0
	if birth >= 2000 {
		century = 2
	}
	if !male {
		century++
	}
	idno := fmt.Sprintf("%s%d%02d%06d", provinces[g.rnd.IntN(len(provinces))], century, birth%100, g.rnd.IntN(1000000))
	phoneNo := fmt.Sprintf("%s%07d", phonePrefix[g.rnd.IntN(len(phonePrefix))], g.rnd.IntN(10000000))
	address := fmt.Sprintf("Số %d, ngõ %d, đường %s, tổ dân phố %d, phường Hoài Đức", 1+g.rnd.IntN(180), 1+g.rnd.IntN(120),
		streets[g.rnd.IntN(len(streets))], 1+g.rnd.IntN(40))
	sets, pages := 1, 1
	if p.Fee.Kind == FeePerPage || p.Fee.Kind == FeePerCopy {
		sets, pages = 1+g.rnd.IntN(4), 1+g.rnd.IntN(6)
	}
	byPost := g.rnd.IntN(100) == 0
	post := ""
	if byPost {
		post = address
	}
	counter := g.counter[g.rnd.IntN(len(g.counter))]

	local := rec.In(workday.Loc)
	dayKey := local.Format("060102")
	g.dayLast[dayKey]++
	seq := g.dayLast[dayKey]
	year := local.Year()
	g.bookLast[year]++
	code := g.agency + "-" + dayKey + "-" + fmt.Sprintf("%04d", seq)

	due := dueBy(g.cal, rec, p.Days, p.Hours, g.hours, CutoffNextDay)
	origDue := due
	status := StatusReceived
	var transferred, resolved, returned, ended, closed time.Time
	var holder, pending any
	supplements, rescheduled := 0, false
	recipient, recipientID := "", ""
	var evs []genEvent
	evs = append(evs, genEvent{at: rec, by: counter.ID, kind: ActReceive, to: StatusReceived, data: "{}"})
	// add applies an event unless it would happen at or after End: the history stops there.
	stopped := false
	add := func(e genEvent) bool {
		if stopped || !e.at.Before(g.end) || e.at.Before(evs[len(evs)-1].at) {
			stopped = true
			return false
		}
		e.from = status
		status = e.to
		evs = append(evs, e)
		return true
	}
	closeAt := func(t time.Time) {
		closed = t
		pending = nil
	}
	hand := jsonOf(HandoverData{From: counter.Login, FromName: counter.FullName, To: g.handler.Login, ToName: g.handler.FullName})

	u := g.rnd.Float64()
	switch {
	case u < 0.008: // refused at the counter after checking the papers
		t := g.office(rec.Add(g.minutes(5, 50)))
		why := refuseWhy[g.rnd.IntN(len(refuseWhy))]
		if add(genEvent{at: t, by: counter.ID, kind: ActRefuse, to: StatusRefused, note: why, data: jsonOf(ReasonData{Reason: why})}) {
			ended = t
			closeAt(t)
		}
	default:
		t1 := g.office(rec.Add(g.minutes(5, 120)))
		if !add(genEvent{at: t1, by: counter.ID, kind: ActHandover, to: StatusProcessing, data: hand}) {
			break
		}
		transferred, pending = t1, g.handler.ID
		t2 := g.office(t1.Add(g.minutes(1, 40)))
		if !add(genEvent{at: t2, by: g.handler.ID, kind: ActConfirm, to: StatusProcessing, data: hand}) {
			break
		}
		holder, pending = g.handler.ID, nil
		last := t2
		v := g.rnd.Float64()
		if v < 0.012 { // the applicant withdrew, or processing was stopped
			t := g.office(last.Add(g.minutes(30, 600)))
			why := withdrawWhy[g.rnd.IntN(len(withdrawWhy))]
			kind, to := ActWithdraw, StatusWithdrawn
			if v < 0.003 {
				kind, to, why = ActStop, StatusStopped, "Dừng xử lý theo đề nghị của cơ quan có thẩm quyền."
			}
			if add(genEvent{at: t, by: g.handler.ID, kind: kind, to: to, note: why, data: jsonOf(ReasonData{Reason: why})}) {
				ended = t
				closeAt(t)
			}
			break
		}
		if (p.Unit != TimeSameDay && v < 0.08) || v < 0.03 { // papers missing: the clock stops, restarts on resume
			t := g.office(last.Add(g.minutes(20, 300)))
			sd := SupplementData{Missing: []ReceivedDocument{{Name: "Giấy tờ chứng minh nơi cư trú", Kind: "Bản sao", Count: 1}},
				Reason: "Thiếu giấy tờ theo quy định.", Guide: g.handler.Login, GuideName: g.handler.FullName, Count: 1}
			if !add(genEvent{at: t, by: g.handler.ID, kind: ActSupplement, to: StatusSupplement, note: sd.Reason, data: jsonOf(sd)}) {
				break
			}
			supplements = 1
			r := g.office(g.cal.AddWorkingDays(t, 1+g.rnd.IntN(5)).Add(g.minutes(0, 300)))
			nd := dueBy(g.cal, r, p.Days, p.Hours, g.hours, CutoffNextDay)
			if !add(genEvent{at: r, by: counter.ID, kind: ActResume, to: StatusProcessing, data: jsonOf(DueData{OldDue: due, NewDue: nd})}) {
				break
			}
			due, last = nd, r
		}
		lateRoll := g.rnd.Float64()
		if lateRoll < 0.025 && !due.Before(last) { // an apology with a new date, before the old one passes
			t := g.office(last.Add(g.minutes(10, 200)))
			if t.Before(due) {
				days := 1 + g.rnd.IntN(3)
				dd := g.cal.AddWorkingDays(due, days)
				nd := time.Date(dd.Year(), dd.Month(), dd.Day(), due.Hour(), due.Minute(), due.Second(), due.Nanosecond(), workday.Loc)
				rd := RescheduleData{OldDue: due, NewDue: nd, Days: days, Reason: rescheduleWhy}
				if !add(genEvent{at: t, by: g.handler.ID, kind: ActReschedule, to: status, note: rescheduleWhy, data: jsonOf(rd)}) {
					break
				}
				due, rescheduled, last = nd, true, t
			}
		}
		var tr time.Time
		if lateRoll > 0.935 { // late: one to four working days after the due time
			tr = g.office(g.cal.AddWorkingDays(due, 1+g.rnd.IntN(4)).Add(g.minutes(0, 180)))
		} else {
			span := due.Sub(last)
			if span < time.Minute {
				span = time.Minute
			}
			tr = last.Add(time.Duration(g.rnd.Float64() * float64(span) * 0.9))
			if tt := g.office(tr); tt.Before(due) {
				tr = tt
			}
		}
		if !add(genEvent{at: tr, by: g.handler.ID, kind: ActResolve, to: StatusResolved, data: "{}"}) {
			break
		}
		resolved = tr
		closeAt(tr)
		var tb time.Time
		if p.Unit == TimeSameDay {
			tb = g.office(tr.Add(g.minutes(5, 90)))
		} else {
			tb = g.office(g.cal.AddWorkingDays(tr, g.rnd.IntN(3)).Add(g.minutes(0, 240)))
		}
		if !add(genEvent{at: tb, by: counter.ID, kind: ActReturn, to: StatusReturned, data: jsonOf(ReturnData{Recipient: name, RecipientIDNo: idno})}) {
			break
		}
		returned, recipient, recipientID = tb, name, idno
	}

	when := TimelyNone
	if !resolved.IsZero() { // refused, withdrawn and stopped ones have no timeliness
		when = TimelinessAt(closed, due)
	}
	late, early := when == TimelyLate, when == TimelyEarly
	var resolvedBy any
	if !resolved.IsZero() {
		resolvedBy = g.handler.ID
	}
	var lateBy any // the processing official held it when it went late: it was handed over early
	if late {
		g.stats.Late++
		lateBy = g.handler.ID
	}
	var rating *genRating
	if !returned.IsZero() && g.rnd.Float64() < 0.4 { // ~40 % of returns are rated at the kiosk
		at := returned.Add(time.Duration(20+g.rnd.IntN(100)) * time.Second)
		if at.Before(g.end) {
			rating = g.rating(late)
			rating.prompted, rating.at, rating.official = returned, at, counter.ID
			rating.counter = "Quầy " + strconv.Itoa(1+slices.IndexFunc(g.counter, func(o Official) bool { return o.ID == counter.ID }))
		}
	}
	if closed.IsZero() {
		g.stats.Open++
	}
	docs := p.docs
	fee := p.Fee.total(sets, pages) + p.Charge.total(sets, pages)
	args := []any{id, code, year, g.bookLast[year], p.ID, p.Code, p.Name, p.FieldName, p.Days, name, idno, phoneNo,
		address, "", docs, sets, pages, fee, byPost, post, ts(rec), ts(due), ts(origDue), status, counter.ID,
		nullTS(transferred), nullTS(resolved), nullTS(returned), nullTS(ended), nullTS(closed), late, holder, pending,
		supplements, rescheduled, "", recipient, recipientID, resolvedBy, early, lateBy, p.Version, p.Hours}
	return genDossier{args: args, events: evs, search: searchText(code, name, idno, phoneNo), rating: rating}
}

// rating: mostly "Rất hài lòng"; a late result makes "Không hài lòng" much likelier.
func (g *generator) rating(late bool) *genRating {
	u := g.rnd.Float64()
	level := 2
	switch {
	case late && u < 0.35, u < 0.03:
		level = 0
	case u < 0.28:
		level = 1
	}
	timeMark := level
	if late {
		timeMark = 0
	}
	r := &genRating{level: level, conduct: "[]", reasons: "[]"}
	r.criteria = fmt.Sprintf(`{"attitude":%d,"overall":%d,"time":%d}`, level, level, timeMark)
	switch {
	case level == 0 && late:
		r.reasons = `["tre_hen"]`
	case level == 0:
		r.reasons = `["cho_lau"]`
	case g.rnd.IntN(3) == 0:
		r.conduct = `["cam_on","chao_hoi","mim_cuoi"]`
	}
	return r
}

const bulkDossierCols = `id, code, book_year, book_no, procedure_id, procedure_code, procedure_name, field_name, days,
	name, idno, phone, address, email, documents, sets, pages, fee, by_post, post_address, received_at, due_at,
	original_due_at, status, received_by, transferred_at, resolved_at, returned_at, ended_at, closed_at, late,
	holder_id, pending_to_id, supplements, rescheduled, result_note, recipient, recipient_idno, resolved_by, early, late_by,
	procedure_version, hours`

// multi is a prepared multi-row INSERT of rows rows of cols columns, and its pending values.
type multi struct {
	head      string
	cols, per int
	full      *sql.Stmt
	vals      []any
	parents   []*multi // flushed before this one executes, so foreign keys hold row by row
}

func placeholders(cols, rows int) string {
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", cols), ",") + ")"
	return strings.TrimSuffix(strings.Repeat(one+",", rows), ",")
}

func newMulti(ctx context.Context, t *sql.Tx, head string, cols, per int) (*multi, error) {
	st, err := t.PrepareContext(ctx, head+placeholders(cols, per))
	if err != nil {
		return nil, err
	}
	return &multi{head: head, cols: cols, per: per, full: st}, nil
}

func (m *multi) add(ctx context.Context, t *sql.Tx, vals ...any) error {
	m.vals = append(m.vals, vals...)
	if len(m.vals) == m.cols*m.per {
		for _, p := range m.parents {
			if err := p.pending(ctx, t); err != nil {
				return err
			}
		}
		_, err := m.full.ExecContext(ctx, m.vals...)
		m.vals = m.vals[:0]
		return err
	}
	return nil
}

// pending writes the rows collected so far (fewer than a full statement).
func (m *multi) pending(ctx context.Context, t *sql.Tx) error {
	if len(m.vals) == 0 {
		return nil
	}
	for _, p := range m.parents {
		if err := p.pending(ctx, t); err != nil {
			return err
		}
	}
	_, err := t.ExecContext(ctx, m.head+placeholders(m.cols, len(m.vals)/m.cols), m.vals...)
	m.vals = m.vals[:0]
	return err
}

func (m *multi) flush(ctx context.Context, t *sql.Tx) error {
	defer m.full.Close()
	return m.pending(ctx, t)
}

// batch writes up to n more dossiers in the caller's transaction.
func (g *generator) batch(ctx context.Context, t *sql.Tx, n int) error {
	ds, err := newMulti(ctx, t, `INSERT INTO dossiers(`+bulkDossierCols+`) VALUES `, 43, 50)
	if err != nil {
		return err
	}
	es, err := newMulti(ctx, t, `INSERT INTO dossier_events(id, dossier_id, at, recorded_at, by_id, kind, from_status, to_status, note, data) VALUES `, 10, 200)
	if err != nil {
		return err
	}
	fs, err := newMulti(ctx, t, `INSERT INTO dossier_search(rowid, folded) VALUES `, 2, 500)
	if err != nil {
		return err
	}
	ps, err := newMulti(ctx, t, `INSERT INTO rating_prompts(id, created_at, official_id, counter, dossier_id) VALUES `, 5, 200)
	if err != nil {
		return err
	}
	rs, err := newMulti(ctx, t, `INSERT INTO ratings(id, at, prompt_id, official_id, counter, dossier_id, level, criteria,
		conduct, reasons, comment, anonymous) VALUES `, 12, 200)
	if err != nil {
		return err
	}
	// A child row is never written before its parent: deferred foreign keys would make SQLite
	// search the child tables on every parent insert (rating_prompts.dossier_id has no index).
	es.parents = []*multi{ds}
	fs.parents = []*multi{ds}
	ps.parents = []*multi{ds}
	rs.parents = []*multi{ps}
	for i := 0; i < n && g.done < g.o.Dossiers; i++ {
		id := int64(g.done + 1)
		d := g.dossier(id)
		if err := ds.add(ctx, t, d.args...); err != nil {
			return fmt.Errorf("hồ sơ %d: %w", id, err)
		}
		for _, e := range d.events {
			g.eventID++
			at := ts(e.at)
			if err := es.add(ctx, t, g.eventID, id, at, at, e.by, e.kind, e.from, e.to, e.note, e.data); err != nil {
				return err
			}
		}
		if err := fs.add(ctx, t, id, d.search); err != nil {
			return err
		}
		if r := d.rating; r != nil {
			g.stats.Ratings++
			pid := int64(g.stats.Ratings)
			if err := ps.add(ctx, t, pid, ts(r.prompted), r.official, r.counter, id); err != nil {
				return err
			}
			if err := rs.add(ctx, t, pid, ts(r.at), pid, r.official, r.counter, id, r.level, r.criteria, r.conduct,
				r.reasons, "", 0); err != nil {
				return err
			}
		}
		g.done++
		g.stats.Dossiers++
		g.stats.Events += len(d.events)
	}
	return errors.Join(ds.flush(ctx, t), es.flush(ctx, t), fs.flush(ctx, t), ps.flush(ctx, t), rs.flush(ctx, t))
}

// counters leaves the numbering where the generated book ends, so the next intake continues it.
func (g *generator) counters(ctx context.Context, t *sql.Tx) error {
	for day, last := range g.dayLast {
		if _, err := t.ExecContext(ctx, `INSERT INTO day_counters(agency_code, day, last) VALUES (?, ?, ?)
			ON CONFLICT(agency_code, day) DO UPDATE SET last = excluded.last`, g.agency, day, last); err != nil {
			return err
		}
	}
	for year, last := range g.bookLast {
		if _, err := t.ExecContext(ctx, `INSERT INTO book_counters(year, last) VALUES (?, ?)
			ON CONFLICT(year) DO UPDATE SET last = excluded.last`, year, last); err != nil {
			return err
		}
	}
	return nil
}
