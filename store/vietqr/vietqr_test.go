package vietqr

import (
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// Published payloads. Each was checked by hand against an independent CRC-16/CCITT-FALSE
// (python, poly 0x1021, init 0xFFFF) on 2026-12-04 before being put here.
var published = []struct {
	source string
	t      Transfer
	static bool
	want   string
}{
	// github.com/subiz/vietqr, vietqr_test.go (TestQR, first case): static code, account only.
	{"subiz/vietqr static", Transfer{BIN: "970423", Account: "0099999999"}, true,
		"00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB4"},
	// github.com/subiz/vietqr, vietqr_test.go (TestQR, second case): dynamic with amount and note.
	{"subiz/vietqr dynamic", Transfer{BIN: "970422", Account: "0023457923442", Amount: 40123, Purpose: "test text string"}, false,
		"00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62200816test text string6304D9C6"},
	// github.com/subiz/vietqr, vietqr_test.go (TestQR, fourth case): the note "chuyển khoản"
	// travels without diacritics.
	{"subiz/vietqr diacritics", Transfer{BIN: "970422", Account: "0023457923442", Amount: 40123, Purpose: "chuyển khoản"}, false,
		"00020101021238570010A00000072701270006970422011300234579234420208QRIBFTTA53037045405401235802VN62160812chuyen khoan6304722F"},
	// github.com/subiz/vietqr, README.md ("Sinh mã chuyển khoản 120.000 … ghi chú 'ủng hộ lũ lụt'").
	{"subiz/vietqr README", Transfer{BIN: "970415", Account: "0011001932418", Amount: 120000, Purpose: "ủng hộ lũ lụt"}, false,
		"00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C"},
}

func TestBuildMatchesPublishedExamples(t *testing.T) {
	for _, p := range published {
		build := Build
		if p.static {
			build = BuildStatic
		}
		got, err := build(p.t)
		if err != nil {
			t.Fatalf("%s: %v", p.source, err)
		}
		if got != p.want {
			t.Errorf("%s:\n got %s\nwant %s", p.source, got, p.want)
		}
	}
}

func TestParseChecksPublishedCRCs(t *testing.T) {
	for _, p := range published {
		if _, err := Parse(p.want); err != nil {
			t.Errorf("%s: %v", p.source, err)
		}
		got, err := Decode(p.want)
		if err != nil {
			t.Errorf("%s: Decode: %v", p.source, err)
		}
		want := p.t
		want.Purpose, _ = Purpose(want.Purpose)
		if got != want {
			t.Errorf("%s: Decode = %+v, want %+v", p.source, got, want)
		}
	}
	// pkg.go.dev/github.com/thanhtinhpas1/vietqr-parser README ("QR Code: …6304CD60"): its tag 00
	// is "00", not "01", so Decode refuses it, but its CRC is right and Parse must accept it.
	other := "00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60"
	if _, err := Parse(other); err != nil {
		t.Errorf("vietqr-parser example: %v", err)
	}
	if _, err := Decode(other); err == nil || !strings.Contains(err.Error(), "thẻ 00") {
		t.Errorf("vietqr-parser example: Decode error %v, want one naming tag 00", err)
	}
}

func TestCRCCheckValue(t *testing.T) {
	// The catalogue check value of CRC-16/CCITT-FALSE (a.k.a. CRC-16/IBM-3740): "123456789" → 29B1.
	if got := CRC("123456789"); got != "29B1" {
		t.Errorf("CRC(123456789) = %s, want 29B1", got)
	}
	if got := CRC(""); got != "FFFF" {
		t.Errorf("CRC(\"\") = %s, want FFFF (the init value)", got)
	}
}

func TestBuildFieldByField(t *testing.T) {
	p, err := Build(Transfer{BIN: "970415", Account: "113366668888", Amount: 7000, Purpose: "Lệ phí H12.34-251204-00001"})
	if err == nil {
		t.Fatalf("a 26-character note must be refused, got %s", p)
	}
	p, err = Build(Transfer{BIN: "970415", Account: "113366668888", Amount: 7000, Purpose: "Đặng 251204-0001"})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := Parse(p)
	if err != nil {
		t.Fatal(err)
	}
	var tags []string
	for _, f := range fs {
		tags = append(tags, f.Tag)
	}
	if got := strings.Join(tags, " "); got != "00 01 38 53 54 58 62 63" {
		t.Fatalf("root tags %s, want 00 01 38 53 54 58 62 63 in that order", got)
	}
	for tag, want := range map[string]string{"00": "01", "01": "12", "53": "704", "54": "7000", "58": "VN", "63": CRC(p[:len(p)-4])} {
		if v, _ := Get(fs, tag); v != want {
			t.Errorf("tag %s = %q, want %q", tag, v, want)
		}
	}
	m, _ := Get(fs, TagMerchant)
	ms, err := Split(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 3 || ms[0] != (Field{"00", "A000000727"}) || ms[2] != (Field{"02", "QRIBFTTA"}) || ms[1].Tag != "01" {
		t.Fatalf("tag 38 = %+v", ms)
	}
	bs, _ := Split(ms[1].Value)
	if len(bs) != 2 || bs[0] != (Field{"00", "970415"}) || bs[1] != (Field{"01", "113366668888"}) {
		t.Errorf("tag 38/01 = %+v", bs)
	}
	a, _ := Get(fs, TagAdditional)
	as, _ := Split(a)
	if len(as) != 1 || as[0] != (Field{"08", "Dang 251204-0001"}) {
		t.Errorf("tag 62 = %+v, want 08 = \"Dang 251204-0001\" (case kept, diacritics gone)", as)
	}
	// No note: no tag 62 at all rather than an empty one (EMVCo forbids zero-length values).
	p, _ = Build(Transfer{BIN: "970415", Account: "113366668888", Amount: 1})
	fs, _ = Parse(p)
	if _, ok := Get(fs, TagAdditional); ok {
		t.Errorf("a payload without a note carries tag 62: %s", p)
	}
}

func TestBuildRefusesBadInput(t *testing.T) {
	ok := Transfer{BIN: "970415", Account: "113366668888", Amount: 7000, Purpose: "H12-0001"}
	cases := []struct {
		name  string
		edit  func(*Transfer)
		field string
	}{
		{"BIN short", func(t *Transfer) { t.BIN = "97041" }, "Mã BIN ngân hàng"},
		{"BIN long", func(t *Transfer) { t.BIN = "9704150" }, "Mã BIN ngân hàng"},
		{"BIN letters", func(t *Transfer) { t.BIN = "97041A" }, "Mã BIN ngân hàng"},
		{"BIN empty", func(t *Transfer) { t.BIN = "" }, "Mã BIN ngân hàng"},
		{"BIN full-width digits", func(t *Transfer) { t.BIN = "９７０４１５" }, "Mã BIN ngân hàng"},
		{"account empty", func(t *Transfer) { t.Account = "  " }, "Số tài khoản"},
		{"account 20", func(t *Transfer) { t.Account = strings.Repeat("1", 20) }, "Số tài khoản"},
		{"account space", func(t *Transfer) { t.Account = "1133 6666" }, "Số tài khoản"},
		{"account dash", func(t *Transfer) { t.Account = "1133-6666" }, "Số tài khoản"},
		{"account Vietnamese", func(t *Transfer) { t.Account = "TàiKhoản" }, "Số tài khoản"},
		{"amount zero", func(t *Transfer) { t.Amount = 0 }, "Số tiền"},
		{"amount negative", func(t *Transfer) { t.Amount = -7000 }, "Số tiền"},
		{"amount 14 digits", func(t *Transfer) { t.Amount = MaxAmount + 1 }, "Số tiền"},
		{"purpose 26", func(t *Transfer) { t.Purpose = strings.Repeat("a", 26) }, "Nội dung chuyển khoản"},
		{"purpose 26 after unaccent", func(t *Transfer) { t.Purpose = strings.Repeat("ệ", 26) }, "Nội dung chuyển khoản"},
		{"purpose Chinese", func(t *Transfer) { t.Purpose = "phí 費" }, "Nội dung chuyển khoản"},
		{"purpose emoji", func(t *Transfer) { t.Purpose = "phí 🙂" }, "Nội dung chuyển khoản"},
		{"purpose control", func(t *Transfer) { t.Purpose = "a\x00b" }, "Nội dung chuyển khoản"},
	}
	for _, c := range cases {
		tr := ok
		c.edit(&tr)
		p, err := Build(tr)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != c.field {
			t.Errorf("%s: Build = %q, %v; want an error naming %q", c.name, p, err, c.field)
		}
	}
	// The limits themselves pass.
	edge := Transfer{BIN: "970415", Account: strings.Repeat("9", MaxAccount), Amount: MaxAmount, Purpose: strings.Repeat("ệ", MaxPurpose)}
	p, err := Build(edge)
	if err != nil {
		t.Fatalf("limits refused: %v", err)
	}
	if got, err := Decode(p); err != nil || got.Amount != MaxAmount || got.Purpose != strings.Repeat("e", MaxPurpose) {
		t.Errorf("limits round trip = %+v, %v", got, err)
	}
	if _, err := BuildStatic(ok); err == nil {
		t.Error("a static code with an amount must be refused")
	}
}

func TestParseRefusesDamage(t *testing.T) {
	good := published[1].want
	cases := map[string]string{
		"one character changed": strings.Replace(good, "40123", "40124", 1),
		"CRC changed":           good[:len(good)-1] + "7",
		"CRC lower case":        good[:len(good)-4] + strings.ToLower(good[len(good)-4:]),
		"truncated":             good[:len(good)-2],
		"no CRC":                good[:len(good)-8],
		"length past end":       "000299",
		"non-digit length":      "00AB01",
		"empty":                 "",
	}
	for name, s := range cases {
		if _, err := Parse(s); err == nil {
			t.Errorf("%s: Parse(%q) accepted", name, s)
		}
	}
	if _, err := Parse(strings.Replace(good, "40123", "40124", 1)); !errors.Is(err, ErrCRC) {
		t.Errorf("a changed amount gives %v, want ErrCRC", err)
	}
}

func TestRoundTrip(t *testing.T) {
	for _, tr := range []Transfer{
		{BIN: "970436", Account: "0881000458086", Amount: 1},
		{BIN: "970405", Account: "ABC123xyz", Amount: 50000, Purpose: "H12.34-251204-0001"},
		{BIN: "970418", Account: "1234567890123456789", Amount: 999999999999, Purpose: "Lệ phí chứng thực"},
	} {
		p, err := Build(tr)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(p)
		if err != nil {
			t.Fatalf("Decode(%s): %v", p, err)
		}
		want := tr
		want.Purpose, _ = Purpose(tr.Purpose)
		if got != want {
			t.Errorf("round trip %+v → %s → %+v", tr, p, got)
		}
	}
}

func TestUnaccent(t *testing.T) {
	for in, want := range map[string]string{
		"Đặng Thị Ánh": "Dang Thi Anh", "ĐƯỜNG": "DUONG", "nghìn đồng": "nghin dong",
		"Lệ phí": "Le phi", "Hòa Hoà": "Hoa Hoa", "abc-123": "abc-123",
	} {
		if got := Unaccent(in); got != want {
			t.Errorf("Unaccent(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestQRImageDecodes draws the payload as a QR code the way print/codes.go does (boombuler, level
// M) and reads it back with zbarimg, the reader a banking app stands in for here.
func TestQRImageDecodes(t *testing.T) {
	zbar, err := exec.LookPath("zbarimg")
	if err != nil {
		t.Skip("zbarimg not installed")
	}
	p, err := Build(Transfer{BIN: "970415", Account: "113366668888", Amount: 105000, Purpose: "Lệ phí H12.34-0001"})
	if err != nil {
		t.Fatal(err)
	}
	bc, err := qr.Encode(p, qr.M, qr.Auto)
	if err != nil {
		t.Fatal(err)
	}
	bc, err = barcode.Scale(bc, bc.Bounds().Dx()*8, bc.Bounds().Dy()*8)
	if err != nil {
		t.Fatal(err)
	}
	// A white quiet zone of 4 modules, as the printed slip leaves around its code.
	q := 4 * 8
	img := image.NewGray(image.Rect(0, 0, bc.Bounds().Dx()+2*q, bc.Bounds().Dy()+2*q))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y := 0; y < bc.Bounds().Dy(); y++ {
		for x := 0; x < bc.Bounds().Dx(); x++ {
			img.Set(x+q, y+q, color.GrayModel.Convert(bc.At(x, y)))
		}
	}
	file := filepath.Join(t.TempDir(), "vietqr.png")
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out, err := exec.Command(zbar, "--raw", "-q", "--set", "*.disable", "--set", "qrcode.enable", file).Output()
	if err != nil {
		t.Fatalf("zbarimg: %v", err)
	}
	if got := strings.TrimRight(string(out), "\n"); got != p {
		t.Errorf("zbarimg read %q, want %q", got, p)
	}
}
