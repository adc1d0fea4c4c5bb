package store

import (
	"context"
	"database/sql"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"motcua/store/workday"
)

func receive(t testing.TB, s *Store, in Intake) Dossier {
	t.Helper()
	d, err := s.Receive(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestReceiveStoresWhatTheSlipNeeds(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	at := vn(2025, 6, 2, 9, 15) // a Monday
	in := intake(t, s, "CT01", at)
	in.Sets, in.Pages = 2, 5
	in.ByPost, in.PostAddress = true, "Số 7 phố Huế, Hà Nội"
	in.Documents = []ReceivedDocument{{Name: "Bằng tốt nghiệp", Kind: "Bản chính", Count: 1}}
	d := receive(t, s, in)

	got, err := s.Dossier(ctx, "", " hd001-250602-0001 ")
	if err != nil {
		t.Fatal(err)
	}
	cal, _ := s.Calendar(ctx)
	wantDue := cal.Due(at, 0, workday.DefaultHours())
	for _, c := range []struct {
		what      string
		got, want any
	}{
		{"code", got.Code, "HD001-250602-0001"},
		{"book", [2]int{got.BookYear, got.BookNo}, [2]int{2025, 1}},
		{"procedure", got.ProcedureName, "Chứng thực bản sao từ bản chính"},
		{"field", got.FieldName, "Chứng thực"},
		{"fee (2 copies × (2×2.000 + 3×1.000))", got.Fee, int64(14000)},
		{"received", got.ReceivedAt.Equal(at), true},
		{"received zone", got.ReceivedAt.Location(), workday.Loc},
		{"due", got.DueAt.Equal(wantDue), true},
		{"original due", got.OriginalDueAt.Equal(wantDue), true},
		{"status", [2]any{got.Status, got.StatusName}, [2]any{StatusReceived, "Được tiếp nhận"}},
		{"received by", [2]string{got.ReceivedBy, got.ReceivedByName}, [2]string{"tiepnhan1", "Nguyễn Thị Lan"}},
		{"post", [2]any{got.ByPost, got.PostAddress}, [2]any{true, "Số 7 phố Huế, Hà Nội"}},
		{"documents", len(got.Documents) == 1 && got.Documents[0].Name == "Bằng tốt nghiệp", true},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
		}
	}
	// Receive gives back the dossier as stored, field by field (it is not read back).
	if !reflect.DeepEqual(d, got) {
		t.Errorf("Receive returned\n%+v\nthe store holds\n%+v", d, got)
	}
	if _, err := s.Dossier(ctx, "", "HD001-250602-0002"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown code: %v, want ErrNotFound", err)
	}
}

func TestReceiveWithoutActorUsesDefaultAdmin(t *testing.T) {
	s := openTest(t)
	in := intake(t, s, "HT01", vn(2025, 6, 2, 9, 0))
	in.By = ""
	d := receive(t, s, in)
	if d.ReceivedBy != "admin" {
		t.Errorf("received by %q, want the default admin", d.ReceivedBy)
	}
}

func TestReceiveNeedsAgencyCode(t *testing.T) {
	s := openEmpty(t)
	ctx := context.Background()
	// No admin exists yet, so nobody may AddOfficial: write the row as Setup would.
	if err := s.tx(ctx, func(tx *sql.Tx) error {
		return insertOfficial(ctx, tx, s.now(), "", &Official{Login: "admin", FullName: "Quản Trị", Role: RoleAdmin})
	}); err != nil {
		t.Fatal(err)
	}
	if err := s.LoadCatalogue(ctx, ""); err != nil {
		t.Fatal(err)
	}
	in := intake(t, s, "HT01", vn(2025, 6, 2, 9, 0))
	in.By = "admin"
	_, err := s.Receive(ctx, in)
	var ve *ValidationError
	if !errors.As(err, &ve) || ve.Field != "agency" {
		t.Fatalf("Receive without agency: %v, want an agency error", err)
	}
}

func TestDueDateAtIntake(t *testing.T) {
	s := openTest(t)
	for _, c := range []struct {
		proc     string
		at, want time.Time
	}{
		// 3 working days from Monday 09:15: Thursday at the same clock time.
		{"HT04", vn(2025, 6, 2, 9, 15), vn(2025, 6, 5, 9, 15)},
		// Same-day procedure before the cut-off: closing time that day.
		{"CT01", vn(2025, 6, 2, 14, 0), vn(2025, 6, 2, 17, 0)},
		// After the 15:00 cut-off on Friday: counts from Monday's opening.
		{"CT01", vn(2025, 6, 6, 15, 30), vn(2025, 6, 9, 17, 0)},
	} {
		d := receive(t, s, intake(t, s, c.proc, c.at))
		if !d.DueAt.Equal(c.want) {
			t.Errorf("%s received %v: due %v, want %v", c.proc, c.at, d.DueAt, c.want)
		}
	}
}

func TestPreviewMatchesReceive(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	at := vn(2025, 6, 6, 16, 0) // Friday after the cut-off
	in := intake(t, s, "HT04", at)
	in.Name = "" // Preview works before the applicant is typed
	due, fee, err := s.Preview(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	in.Name = "Trần Thị Bình"
	d := receive(t, s, in)
	if !d.DueAt.Equal(due) || d.Fee != fee {
		t.Errorf("Preview said due %v fee %d; Receive stored %v %d", due, fee, d.DueAt, d.Fee)
	}
	if fee != 15000 {
		t.Errorf("fee %d, want the catalogue's 15000", fee)
	}
	if got := counts(t, s); got["dossiers"] != before["dossiers"]+1 {
		t.Errorf("Preview wrote rows")
	}
	if _, _, err := s.Preview(ctx, Intake{}); err == nil {
		t.Error("Preview without procedure gave no error")
	}
}

func TestSnapshotSurvivesCatalogueAndCalendarEdits(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	d := receive(t, s, intake(t, s, "HT04", vn(2025, 6, 2, 9, 0)))

	// The edit is made that morning: it takes effect that day.
	s.now = func() time.Time { return vn(2025, 6, 2, 9, 40) }
	p, _ := s.Procedure(ctx, "HT04")
	p.Name = "Xác nhận tình trạng hôn nhân (mẫu mới)"
	p.Days = 10
	p.Fee = Fee{Kind: FeeFixed, Amount: 99000}
	p.Documents = []Document{{Name: "Giấy khác", Kind: "Bản sao", Count: 3}}
	if _, err := s.SaveProcedure(ctx, "admin", p); err != nil {
		t.Fatal(err)
	}
	// An extra day off inside the dossier's window does not move its stored due date.
	if err := s.AddOverride(ctx, "admin", workday.Override{Date: vn(2025, 6, 3, 0, 0), Kind: workday.Extra, Name: "Nghỉ thêm"}, "test"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Dossier(ctx, "", d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if got.ProcedureName != d.ProcedureName || got.Days != d.Days || got.Fee != d.Fee ||
		!got.DueAt.Equal(d.DueAt) || len(got.Documents) != len(d.Documents) || got.Documents[0] != d.Documents[0] {
		t.Errorf("dossier changed after catalogue edit:\n got %+v\nwant %+v", got, d)
	}
	if d.ProcedureName != "Cấp Giấy xác nhận tình trạng hôn nhân" || d.Days != 3 {
		t.Errorf("snapshot %q %d days, want the catalogue entry at intake", d.ProcedureName, d.Days)
	}
	// A new intake takes the edited procedure.
	d2 := receive(t, s, intake(t, s, "HT04", vn(2025, 6, 2, 9, 30)))
	if d2.ProcedureName != p.Name || d2.Fee != 99000 || d2.Days != 10 {
		t.Errorf("new intake %q fee %d days %d, want the edited procedure", d2.ProcedureName, d2.Fee, d2.Days)
	}
}

func TestSearchDossiers(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	mk := func(name, idno, phone string, at time.Time) Dossier {
		in := intake(t, s, "HT01", at)
		in.Name, in.IDNo, in.Phone = name, idno, phone
		return receive(t, s, in)
	}
	a := mk("Nguyễn Văn A", "001090000001", "0911111111", vn(2025, 6, 2, 8, 0))
	b := mk("Đặng Thị Bình", "001090000002", "0922222222", vn(2025, 6, 2, 8, 5))
	c := mk("Nguyễn Văn Anh", "079190000003", "0933333333", vn(2025, 6, 2, 8, 10))
	mk("Trần Minh", "001090000004", "0944444444", vn(2025, 6, 2, 8, 15))

	codes := func(ds []Dossier) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Code)
		}
		return out
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"nguyen van a", []string{c.Code, a.Code}}, // newest first; "a" is a prefix of "anh"
		{"NGUYỄN VĂN ANH", []string{c.Code}},
		{"dang", []string{b.Code}},
		{"Đặng", []string{b.Code}},
		{"binh dang", []string{b.Code}},
		{"001090000002", []string{b.Code}},
		{"0791 9000 0003", []string{c.Code}},
		{"0922222222", []string{b.Code}},
		{"+84 922 222 222", []string{b.Code}},
		{b.Code, []string{b.Code}},
		{"hd001-250602-0003", []string{c.Code}},
		{"le thi", nil},
		{`"*()`, nil},
	} {
		got, err := s.SearchDossiers(ctx, "", c.q, 10)
		if err != nil {
			t.Fatalf("search %q: %v", c.q, err)
		}
		if g := codes(got); !equalStrings(g, c.want) {
			t.Errorf("search %q = %v, want %v", c.q, g, c.want)
		}
	}
	all, _ := s.SearchDossiers(ctx, "", "", 3)
	if len(all) != 3 || all[0].BookNo != 4 {
		t.Errorf("empty query gave %v, want the 3 newest", codes(all))
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func BenchmarkReceive(b *testing.B) {
	s := openTest(b)
	in := intake(b, s, "CT01", time.Now())
	b.ResetTimer()
	for b.Loop() {
		in.ReceivedAt = time.Time{}
		if _, err := s.Receive(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchName(b *testing.B) {
	s := openTest(b)
	names := []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Đặng Văn Em", "Hoàng Thị Giang"}
	for i := range 2000 {
		in := intake(b, s, "CT01", vn(2025, 6, 2, 9, 0))
		in.Name = names[i%len(names)]
		receive(b, s, in)
	}
	b.ResetTimer()
	for b.Loop() {
		ds, err := s.SearchDossiers(context.Background(), "", "dang van", 50)
		if err != nil || len(ds) == 0 {
			b.Fatal(err, len(ds))
		}
	}
}

// An intake that names its slip's archive file records it with the dossier, in one commit; a
// refused intake records nothing.
func TestReceiveRecordsTheArchivedSlip(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	in := intake(t, s, "CT01", vn(2025, 6, 2, 9, 15))
	var asked []string
	in.ArchiveSlip = func(code string, at time.Time) string {
		asked = append(asked, code+" "+at.In(workday.Loc).Format("2006"))
		return "/data/archive/" + code + "-mau01.pdf"
	}
	d := receive(t, s, in)
	slips, err := s.Slips(ctx, "", d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if len(slips) != 1 || slips[0].Form != "01" || slips[0].Path != "/data/archive/"+d.Code+"-mau01.pdf" ||
		!reflect.DeepEqual(asked, []string{d.Code + " 2025"}) {
		t.Errorf("slips %+v after asking %v", slips, asked)
	}
	before := counts(t, s)
	in.ProcedureID = 99999 // refused inside the transaction
	if _, err := s.Receive(ctx, in); err == nil {
		t.Fatal("an unknown procedure was accepted")
	}
	if after := counts(t, s); !reflect.DeepEqual(before, after) || len(asked) != 1 {
		t.Errorf("a refused intake wrote rows: %v → %v (archive asked %v)", before, after, asked)
	}
}

// A refusal at the counter (issue 15): the dossier is recorded with a code and a book number,
// refused at once, with no fee, no due time and no Mẫu 01 on record; the event says who refused
// and why; it has no timeliness and II.06a does not count it as received.
func TestRefuseIntake(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	at := vn(2026, 1, 5, 9, 30)
	in := intake(t, s, "CT03", at) // 50.000 đ, 2 days
	in.Documents = nil             // nothing accepted
	in.ArchiveSlip = func(string, time.Time) string { return "/nowhere/mau01.pdf" }
	for _, bad := range []string{"", "   ", "a\x00b"} {
		before := counts(t, s)
		_, err := s.RefuseIntake(ctx, in, bad)
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != "reason" {
			t.Errorf("RefuseIntake(reason %q) = %v, want a reason error", bad, err)
		}
		if !equalCounts(counts(t, s), before) {
			t.Errorf("refused refusal wrote rows")
		}
	}
	d, err := s.RefuseIntake(ctx, in, "Thủ tục không thuộc thẩm quyền của UBND phường")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Dossier(ctx, "", d.Code)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("RefuseIntake returned\n%+v\nDossier reads\n%+v", d, got)
	}
	if got.Status != StatusRefused || !got.RefusedAtIntake || got.Fee != 0 || !got.DueAt.IsZero() || !got.OriginalDueAt.IsZero() ||
		got.BookNo != 1 || got.Code != "HD001-260105-0001" || !got.EndedAt.Equal(at) || got.Timeliness(vn(2027, 1, 1, 0, 0)) != TimelyNone {
		t.Errorf("refused at intake: %+v", got)
	}
	slips, err := s.Slips(ctx, "", d.Code)
	if err != nil || len(slips) != 0 {
		t.Errorf("slips on record %v, %v; want no Mẫu 01", slips, err)
	}
	evs, err := s.Events(ctx, "", d.Code)
	if err != nil {
		t.Fatal(err)
	}
	var rd ReasonData
	if len(evs) != 1 || evs[0].Kind != ActRefuse || evs[0].By != "tiepnhan1" || evs[0].Decode(&rd) != nil ||
		rd.Reason != "Thủ tục không thuộc thẩm quyền của UBND phường" || evs[0].ToStatus != StatusRefused {
		t.Errorf("events %+v (%+v): want one refuse event by tiepnhan1 with the reason", evs, rd)
	}
	// The next dossier follows it in the book: the refusal is noted there.
	if n := receive(t, s, intake(t, s, "HT01", at.Add(time.Minute))); n.BookNo != 2 {
		t.Errorf("next book number %d, want 2", n.BookNo)
	}
	_, total, err := s.ReportII06a(ctx, "chutich", vn(2026, 1, 1, 0, 0), vn(2026, 1, 31, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if total.ReceivedTotal != 1 || total.RefusedWithdrawn != 0 {
		t.Errorf("II.06a counts the counter's refusal: %+v", total)
	}
	// The desk summary never lists it as due or overdue.
	sum, err := s.Desk(ctx, "tiepnhan1", vn(2026, 2, 1, 9, 0))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range sum.Overdue {
		if o.Code == d.Code {
			t.Errorf("the desk lists the refusal as overdue")
		}
	}
}

// The intake fields of Circular 03/2025: channel (online needs the portal's code), the resolving
// agency, the authorised representative; all stored and read back.
func TestIntakeLawFields(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	at := vn(2026, 1, 5, 9, 30)
	in := intake(t, s, "HT04", at)
	in.Channel, in.PortalCode = ChannelOnline, " g22.99-260105-0001 "
	in.ResolvingAgency = "UBND  xã Yên Sở"
	in.Rep = Representative{Name: " Trần Thị  Bình", Address: "Số 9 phố Huế", IDNo: "0010 9000 5678", Phone: "024 3355 6677",
		Email: "binh@example.com", Paper: "Giấy ủy quyền số 12/UQ ngày 01/01/2026"}
	d := receive(t, s, in)
	got, err := s.Dossier(ctx, "", d.Code)
	if err != nil {
		t.Fatal(err)
	}
	want := Representative{Name: "Trần Thị Bình", Address: "Số 9 phố Huế", IDNo: "001090005678", Phone: "02433556677",
		Email: "binh@example.com", Paper: "Giấy ủy quyền số 12/UQ ngày 01/01/2026"}
	if got.Channel != ChannelOnline || got.PortalCode != "G22.99-260105-0001" || got.ResolvingAgency != "UBND xã Yên Sở" ||
		got.Rep != want || got.ResolverName("UBND phường Hoài Đức") != "UBND xã Yên Sở" || !reflect.DeepEqual(got, d) {
		t.Errorf("stored %+v", got)
	}
	plain := receive(t, s, intake(t, s, "HT04", at))
	_, total, err := s.ReportII06a(ctx, "chutich", vn(2026, 1, 1, 0, 0), vn(2026, 1, 31, 0, 0))
	if err != nil || total.ReceivedTotal != 2 || total.ReceivedOnline != 1 || total.ReceivedDirect != 1 {
		t.Errorf("II.06a channels: %+v, %v; want 1 online, 1 direct", total, err)
	}
	if plain.Channel != ChannelDirect || !plain.Rep.IsZero() || plain.ResolverName("UBND phường Hoài Đức") != "UBND phường Hoài Đức" {
		t.Errorf("defaults: %+v", plain)
	}
	before := counts(t, s)
	for _, c := range []struct {
		edit  func(*Intake)
		field string
	}{
		{func(in *Intake) { in.Channel = "fax" }, "channel"},
		{func(in *Intake) { in.Channel = ChannelOnline }, "portal_code"},
		{func(in *Intake) { in.PortalCode = "X1" }, "portal_code"},
		{func(in *Intake) { in.Rep = Representative{Name: "Trần Bình"} }, "rep_paper"},
		{func(in *Intake) { in.Rep = Representative{Paper: "Giấy ủy quyền"} }, "rep_name"},
		{func(in *Intake) { in.Rep = Representative{Name: "Trần Bình", Paper: "UQ", IDNo: "123"} }, "rep_idno"},
		{func(in *Intake) { in.Rep = Representative{Name: "Trần Bình", Paper: "UQ", Phone: "12"} }, "rep_phone"},
		{func(in *Intake) { in.Rep = Representative{Name: "Trần Bình", Paper: "UQ", Email: "x@"} }, "rep_email"},
		{func(in *Intake) { in.ResolvingAgency = "a\tb" }, "resolving_agency"},
	} {
		in := intake(t, s, "HT04", at)
		c.edit(&in)
		_, err := s.Receive(ctx, in)
		var ve *ValidationError
		if !errors.As(err, &ve) || string(ve.Field) != c.field {
			t.Errorf("Receive = %v, want a %q error", err, c.field)
		}
	}
	if !equalCounts(counts(t, s), before) {
		t.Error("bad intakes wrote rows")
	}
}

// A dossier entered later from the paper book takes the next number (numbers are the order of
// entry and never change) and says so: Dossier.EnteredLate, which the book's note reads.
func TestEnteredLateFromThePaperBook(t *testing.T) {
	s := openTest(t)
	now := vn(2026, 12, 4, 10, 0)
	s.now = func() time.Time { return now }
	today := receive(t, s, intake(t, s, "HT01", now.Add(-time.Hour)))
	late := receive(t, s, intake(t, s, "HT01", vn(2026, 11, 16, 9, 0)))
	if late.BookNo != today.BookNo+1 || !late.EnteredLate() || today.EnteredLate() || !late.RecordedAt.Equal(stored(now)) {
		t.Errorf("today %d %v, late entry %d %v (recorded %v)", today.BookNo, today.EnteredLate(), late.BookNo, late.EnteredLate(), late.RecordedAt)
	}
	got, err := s.Dossier(context.Background(), "", late.Code)
	if err != nil || !got.EnteredLate() || !got.RecordedAt.Equal(late.RecordedAt) {
		t.Errorf("read back: %+v, %v", got.RecordedAt, err)
	}
}

// TestIntakeProblemsNamesEveryBadField: the window shows every mistake at once, so the store
// names them all, each with its field, in the form's order; Receive still refuses with the first.
func TestIntakeProblemsNamesEveryBadField(t *testing.T) {
	in := Intake{ProcedureID: 1, Name: "", IDNo: "123", Phone: "12", Address: "Số 5", Email: "a@",
		Sets: 30, ByPost: true}
	var got []string
	for _, p := range in.Problems() {
		if p.Message == "" {
			t.Errorf("%s: no message", p.Field)
		}
		got = append(got, string(p.Field))
	}
	want := []string{"name", "idno", "phone", "email", "documents", "sets", "post_address"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("problems = %v, want %v", got, want)
	}
	if err := in.Validate(); err == nil || err.(*ValidationError).Field != "name" {
		t.Errorf("Validate = %v, want the first, name", err)
	}
	ok := Intake{ProcedureID: 1, Name: "Nguyễn Văn An", IDNo: "001203004567", Phone: "0912345678", Address: "Số 5",
		Documents: []ReceivedDocument{{Name: "Tờ khai", Count: 1}}}
	if p := ok.Problems(); len(p) != 0 {
		t.Errorf("a good intake has problems: %v", p[0])
	}
}
