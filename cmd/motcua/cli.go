package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"motcua/app/desk"
	"motcua/store"
)

// Exit statuses: 2 means the input was wrong and nothing was changed.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

// env is what every command gets: where the data lives, who acts, and where to write.
type env struct {
	ctx     context.Context
	dataDir string
	db      string // -db: a PostgreSQL URL or sqlite:PATH (postgres.go)
	by      string // -by: the official acting, once authenticated (session.go)
	session string // -session: the token of a login (else $MOTCUA_SESSION, else the saved one)
	// official is the authenticated official (withDesk); zero for the free commands.
	official store.Official
	stdin    io.Reader
	lines    *bufio.Scanner // stdin read a line at a time (secrets)
	stdout   io.Writer
	stderr   io.Writer
}

type command struct {
	name  string
	usage string
	run   func(e *env, args []string) error
}

var commands []command

func init() {
	commands = []command{
		{"demo", "tạo dữ liệu mẫu (chạy lại không sao)", runDemo},
		{"setup", "thiết lập cơ quan mới không dùng dữ liệu mẫu: -name -parent -code -place -admin -admin-name", runSetup},
		{"receive", "tiếp nhận một hồ sơ và in phiếu hẹn (Mẫu 01), in ra JSON; -refuse \"lý do\": từ chối tiếp nhận, in Mẫu 03", runReceive},
		{"slip", "tạo lại phiếu của một hồ sơ: -code MÃ [-o TỆP]", runSlip},
		{"show", "xem một hồ sơ: -code MÃ", runShow},
		{"search", "tìm hồ sơ theo mã, tên (không dấu cũng được), CCCD, điện thoại", runSearch},
		{"procedures", "danh mục thủ tục: id, mã, tên, thời hạn, lệ phí [-json] [-all] [TỪ KHÓA]", runProcedures},
		{"procedure", "quản lý danh mục thủ tục: add|edit|end|show -code MÃ …, import TỆP.xlsx|.json [-dry-run], export -o TỆP.xlsx|.json", runProcedure},
		{"procedure-cutoff", "quy tắc hạn trả của một thủ tục khi nhận sau giờ chốt: -procedure MÃ -rule next_day|receipt|default", runProcedureCutoff},
		{"officials", "danh sách cán bộ: tên đăng nhập, họ tên, vai trò", runOfficials},
		{"agency", "xem hoặc sửa thông tin cơ quan (-name, -parent, -unit, -code, -place, giờ làm việc, máy in)", runAgency},
		{"holidays", "các ngày nghỉ và ngày làm bù của một năm: -year 2027", runHolidays},
		{"override", "thêm/bỏ ngày nghỉ thêm, ngày làm bù: override add|remove -date ...", runOverride},
		{"due", "tính hạn trả: -at \"2026-01-26 16:20\" -days 3", runDue},
		{"lunar", "đổi dương lịch sang âm lịch (hoặc -to-solar 10/3/2026)", runLunar},
		{"book", "xuất sổ theo dõi hồ sơ (Mẫu 07): -year 2026 [-from NGÀY -to NGÀY] -o TỆP.pdf|TỆP.xlsx", runBook},
		{"printtest", "in trang thử: tiêu đề cơ quan, chữ tiếng Việt, thước 100 mm: [-printer TÊN] [-paper A5|A4] [-o TỆP.pdf]", runPrintTest},
		{"report", "báo cáo: -kind ii06a|officials|satisfaction -from NGÀY -to NGÀY [-o TỆP.pdf|.xlsx|.json] (-by lãnh đạo)", runReport},
		{"gui", "mở cửa sổ làm việc (mặc định khi không có lệnh)", runGUI},
		{"rate", "quản trị viên nhập một đánh giá từ phiếu giấy (đánh dấu là nhập tay): -official TÊN [-code MÃ] [-counter QUẦY] -level 2|1|0 …", runRate}, {"status", "trạng thái công khai của hồ sơ (tên che bớt): -code MÃ", runStatus}, {"notice", "bảng niêm yết thủ tục và lệ phí (A4): -o TỆP.pdf", runNotice}, {"kiosk", "mở màn hình đánh giá và tra cứu cho người dân [-fullscreen] [-counter QUẦY] (thoát bằng mã PIN của một cán bộ)", runKiosk},
	}
	commands = append(commands, lifecycleCommands...)
	commands = append(commands, postgresCommands...)
	commands = append(commands, accountCommands...)
	commands = append(commands, kioskCommands...)
	commands = append(commands, sessionCommands...)
}

// usageError marks bad input: exit status 2, nothing changed.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	global := newFlagSet("motcua", stderr)
	dataDir := global.String("data", "", "thư mục dữ liệu (mặc định: $MOTCUA_DATA hoặc thư mục cấu hình của người dùng)")
	by := global.String("by", "", "tên đăng nhập của cán bộ thực hiện (phải đã đăng nhập: motcua login)")
	session := global.String("session", "", "mã phiên do motcua login in ra (mặc định: $MOTCUA_SESSION, rồi phiên đã lưu của tài khoản máy)")
	db := global.String("db", "", "cơ sở dữ liệu: postgres://… hoặc sqlite:TỆP (mặc định: $MOTCUA_DB, settings.json, rồi tệp trong thư mục dữ liệu)")
	global.Usage = func() { printUsage(stderr) }
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		fmt.Fprintln(stderr, "motcua:", flagErrorVI(err))
		return exitUsage
	}
	e := &env{ctx: context.Background(), dataDir: *dataDir, db: *db, by: *by, session: *session, stdin: stdin, stdout: stdout, stderr: stderr}
	rest := global.Args()
	name := "gui"
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	for _, c := range commands {
		if c.name == name {
			return report(stderr, c.run(e, rest))
		}
	}
	fmt.Fprintf(stderr, "motcua: không có lệnh %q\n", name)
	printUsage(stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "Cách dùng: motcua [-data THƯ_MỤC] [-db postgres://…] [-session MÃ_PHIÊN] [-by TÊN_ĐĂNG_NHẬP] [lệnh] [tham số]")
	fmt.Fprintln(w, "Đăng nhập trước (motcua login -login TÊN); lịch, ngày nghỉ, hạn trả, âm lịch, danh mục thủ tục không cần đăng nhập.")
	fmt.Fprintln(w, "Không có lệnh: mở cửa sổ làm việc. Các lệnh:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.usage)
	}
}

// report turns a command's error into a message and an exit status.
func report(stderr io.Writer, err error) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintln(stderr, "motcua:", store.Redact(err.Error()))
	var ve *store.ValidationError
	var te *store.TransitionError
	var fe *store.ForbiddenError
	var le *store.LockedError
	var ue usageError
	var ae authError
	switch {
	case errors.As(err, &ve), errors.As(err, &te), errors.As(err, &ue), errors.As(err, &ae), errors.Is(err, store.ErrNotFound),
		errors.As(err, &fe), errors.As(err, &le):
		return exitUsage
	}
	return exitError
}

// newFlags makes a command's flag set; -data and -by are accepted after the command too.
func (e *env) newFlags(name string) *flag.FlagSet {
	fs := newFlagSet("motcua "+name, e.stderr)
	fs.Func("data", "thư mục dữ liệu", func(v string) error { e.dataDir = v; return nil })
	fs.Func("by", "tên đăng nhập của cán bộ thực hiện", func(v string) error { e.by = v; return nil })
	fs.Func("db", "cơ sở dữ liệu: postgres://… hoặc sqlite:TỆP", func(v string) error { e.db = v; return nil })
	fs.Func("session", "mã phiên do motcua login in ra", func(v string) error { e.session = v; return nil })
	return fs
}

// parse reads a command's flags; a flag error is a usage error.
func (e *env) parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{flagErrorVI(err)}
	}
	return nil
}

// newFlagSet is a flag set that speaks Vietnamese: flag's own error lines and defaults are
// English, so its output is dropped; -h lists the flags here and parse says the error.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() { printFlags(stderr, fs) }
	return fs
}

// printFlags lists a command's flags with their Vietnamese help and defaults.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Cách dùng: %s [tham số]\n", fs.Name())
	fs.VisitAll(func(f *flag.Flag) {
		kind, help := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		if kind != "" {
			line += " " + map[string]string{"int": "SỐ", "uint": "SỐ", "float": "SỐ", "string": "CHỮ", "duration": "THỜI_GIAN", "value": "GIÁ_TRỊ"}[kind]
		}
		line += "\n    \t" + help
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			line += fmt.Sprintf(" (mặc định: %s)", f.DefValue)
		}
		fmt.Fprintln(w, line)
	})
}

// flagErrors match the errors of package flag, to say them in Vietnamese.
var flagErrors = []struct {
	re *regexp.Regexp
	vi func(m []string) string
}{
	{regexp.MustCompile(`^invalid boolean value "(.*)" for -(\S+): .*$`), func(m []string) string {
		return fmt.Sprintf("giá trị không hợp lệ %q cho tham số -%s: chỉ nhận true hoặc false", m[1], m[2])
	}},
	{regexp.MustCompile(`^invalid value "(.*)" for flag -(\S+): (.*)$`), func(m []string) string {
		why := map[string]string{"parse error": "không phải là số", "value out of range": "số quá lớn"}[m[3]]
		if why == "" {
			why = m[3] // a flag.Func's own message, already Vietnamese
		}
		return fmt.Sprintf("giá trị không hợp lệ %q cho tham số -%s: %s", m[1], m[2], why)
	}},
	{regexp.MustCompile(`^flag needs an argument: -(\S+)$`), func(m []string) string {
		return fmt.Sprintf("tham số -%s cần một giá trị", m[1])
	}},
	{regexp.MustCompile(`^flag provided but not defined: -(\S+)$`), func(m []string) string {
		return fmt.Sprintf("không có tham số -%s (xem motcua LỆNH -h)", m[1])
	}},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), func(m []string) string {
		return fmt.Sprintf("tham số viết sai: %s", m[1])
	}},
}

// flagErrorVI says a flag parse error in Vietnamese (unknown ones as they are).
func flagErrorVI(err error) string {
	msg := err.Error()
	for _, f := range flagErrors {
		if m := f.re.FindStringSubmatch(msg); m != nil {
			return f.vi(m)
		}
	}
	return msg
}

// dir is the data folder: -data, then $MOTCUA_DATA, then the OS user-config folder.
func (e *env) dir() (string, error) {
	if e.dataDir != "" {
		return e.dataDir, nil
	}
	if d := os.Getenv("MOTCUA_DATA"); d != "" {
		return d, nil
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("không xác định được thư mục dữ liệu, hãy dùng -data: %w", err)
	}
	return filepath.Join(cfg, "motcua"), nil
}

// open opens the store in the data folder and returns a desk on it. A database that cannot be
// opened because it is damaged is reported with the newest good backup and how to restore it.
func (e *env) open() (*desk.Desk, error) {
	dir, err := e.dir()
	if err != nil {
		return nil, err
	}
	u, err := e.dbURL(dir)
	if err != nil {
		return nil, err
	}
	s, err := store.OpenURL(e.ctx, u)
	if err != nil {
		return nil, e.damaged(dir, err)
	}
	if s.Backend() == "sqlite" {
		for _, w := range append(store.SecureDataDir(dir), s.Warnings()...) {
			fmt.Fprintln(e.stderr, "motcua: cảnh báo:", w)
		}
	}
	d := desk.New(s, dir)
	// Numbers on archived slips are never issued again (a restore to an older backup).
	if rec, err := d.Reconcile(e.ctx); err != nil {
		fmt.Fprintln(e.stderr, "motcua: cảnh báo: không đối chiếu được lưu trữ phiếu:", store.Explain(err))
	} else if len(rec.Lost) > 0 {
		fmt.Fprintf(e.stderr, "motcua: cảnh báo: %d hồ sơ đã có phiếu hẹn trong lưu trữ nhưng không có trong cơ sở dữ liệu (mất khi phục hồi bản cũ?): xem và nhập lại bằng motcua recover\n", len(rec.Lost))
	}
	return d, nil
}

// damaged explains an Open error: when the file fails its check, it names the newest good
// backup and the command that restores it.
func (e *env) damaged(dir string, openErr error) error {
	path, err := e.sqlitePath(dir)
	if err != nil {
		return openErr
	}
	// A permission or space problem, a ledger held by a restore, a missing ledger: said as such,
	// never "damaged, restore".
	var missing *store.MissingLedgerError
	if ae := store.Diagnose(path, openErr); ae != nil {
		return ae
	}
	if errors.Is(openErr, store.ErrLocked) || errors.As(openErr, &missing) {
		return openErr
	}
	rep, err := store.CheckPages(e.ctx, path)
	if err != nil || rep.OK {
		return openErr
	}
	return errors.New("cơ sở dữ liệu bị hỏng: " + rep.String() + "\n" + e.restoreHint(dir))
}

// restoreHint names the newest good backup and the command that restores it.
func (e *env) restoreHint(dir string) string {
	bdir := store.DefaultBackupDir(dir)
	if b := store.NewestGoodBackup(e.ctx, bdir); b != "" {
		return fmt.Sprintf("Bản sao lưu tốt mới nhất: %s\nĐể phục hồi (dữ liệu hỏng được giữ lại bên cạnh): motcua -data %q restore -yes %q", b, dir, b)
	}
	return "Không tìm thấy bản sao lưu tốt trong " + bdir + "; nếu sao lưu ở thư mục khác: motcua restore -yes TỆP"
}

// readSecret reads one line of stdin: a password or PIN never goes on the command line.
func (e *env) readSecret(what string) (string, error) {
	if e.lines == nil {
		e.lines = bufio.NewScanner(e.stdin)
	}
	if !e.lines.Scan() {
		return "", usagef("hãy nhập %s trên một dòng của đầu vào chuẩn (stdin)", what)
	}
	return strings.TrimRight(e.lines.Text(), "\r"), nil
}

func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// tsv writes tab-separated rows, tabs and newlines inside a value folded to spaces.
func (e *env) tsv(cols ...string) {
	for i, c := range cols {
		cols[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
	}
	fmt.Fprintln(e.stdout, strings.Join(cols, "\t"))
}

// printJSONLine writes one compact JSON object a line, for `search`.
func (e *env) printJSONLine(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
