package main

import (
	"context"
	"errors"
	"fmt"
	"motcua/app/desk"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"motcua/store"
	"motcua/store/workday"
)

// accountCommands: officials' accounts, the audit trail and the data's safety.
var accountCommands = []command{
	{"passwd", "đặt mật khẩu (hoặc -pin: mã PIN) của -login TÊN; đọc từ bàn phím hoặc stdin (tự đổi: trước hết mật khẩu — hoặc mã PIN — hiện tại, rồi cái mới)", runPasswd},
	{"official", "thêm/sửa cán bộ: official add|edit -login -name -role counter|processing|leader|admin [-phone]; official enable|disable -login", runOfficial},
	{"security", "xem hoặc sửa: -login-mode password|pin, -idle PHÚT, -backup-dir THƯ_MỤC", runSecurity},
	{"audit", "nhật ký thay đổi: [-entity LOẠI] [-official TÊN] [-from NGÀY -to NGÀY] [-limit N]", runAudit},
	{"backup", "sao lưu ngay (kiểm tra sau khi ghi): [-o TỆP] (mặc định: thư mục sao lưu)", runBackup},
	{"restore", "phục hồi từ bản sao lưu: restore -yes [-force] TỆP (giữ lại dữ liệu hiện tại bên cạnh)", runRestore},
	{"check", "kiểm tra toàn vẹn, khóa ngoại, chuỗi băm nhật ký, trigger bảo vệ và số thứ tự trong sổ (hoặc của TỆP); thoát 0 nếu tốt, 1 nếu không", runCheck},
	{"recover", "liệt kê hồ sơ đã có phiếu hẹn trong lưu trữ mà cơ sở dữ liệu không có (sau khi phục hồi bản cũ); -yes: nhập lại", runRecover},
}

func runPasswd(e *env, args []string) error {
	fs := e.newFlags("passwd")
	login := fs.String("login", "", "tên đăng nhập của cán bộ")
	pin := fs.Bool("pin", false, "đặt mã PIN 6 chữ số thay cho mật khẩu")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *login == "" {
		return usagef("-login: hãy nhập tên đăng nhập của cán bộ")
	}
	return e.withDesk(func(d *desk.Desk) error {
		var err error
		kind := map[bool]string{false: "mật khẩu", true: "mã PIN"}[*pin]
		old := ""
		if strings.EqualFold(strings.TrimSpace(e.by), strings.TrimSpace(*login)) {
			// A self-change proves the secret of the kind being changed (the store throttles it).
			if old, err = e.readPassword(kind + " hiện tại"); err != nil {
				return err
			}
		}
		secret, err := e.readPassword(kind + " mới")
		if err != nil {
			return err
		}
		if *pin {
			err = d.Store.SetPIN(e.ctx, e.by, *login, old, secret)
		} else {
			err = d.Store.SetPassword(e.ctx, e.by, *login, old, secret)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Đã đặt %s cho %s.\n", kind, strings.ToLower(*login))
		return nil
	})
}

func runOfficial(e *env, args []string) error {
	if len(args) == 0 {
		return usagef("official add|edit|enable|disable|photo -login TÊN ...")
	}
	verb := args[0]
	fs := e.newFlags("official " + verb)
	login := fs.String("login", "", "tên đăng nhập")
	name := fs.String("name", "", "họ và tên")
	role := fs.String("role", "", "vai trò: counter, processing, leader, admin")
	phone := fs.String("phone", "", "điện thoại")
	file := fs.String("file", "", "photo: ảnh JPEG hoặc PNG của cán bộ (hiện trên màn hình người dân)")
	remove := fs.Bool("remove", false, "photo: xóa ảnh")
	if err := e.parse(fs, args[1:]); err != nil {
		return err
	}
	var img []byte
	if verb == "photo" && !*remove {
		if *file == "" {
			return usagef("official photo: -file ẢNH.jpg (hoặc -remove)")
		}
		var rerr error
		if img, rerr = os.ReadFile(*file); rerr != nil {
			return usagef("-file: không đọc được %s: %v", *file, rerr)
		}
	}
	return e.withDesk(func(d *desk.Desk) error {
		var err error
		o := store.Official{Login: *login, FullName: *name, Role: store.Role(*role), Phone: *phone}
		switch verb {
		case "add":
			o, err = d.Store.AddOfficial(e.ctx, e.by, o)
		case "edit":
			cur, cerr := d.Store.Official(e.ctx, *login)
			if cerr != nil {
				return cerr
			}
			// Flags not given keep their value.
			if !isSet(fs, "name") {
				o.FullName = cur.FullName
			}
			if !isSet(fs, "role") {
				o.Role = cur.Role
			}
			if !isSet(fs, "phone") {
				o.Phone = cur.Phone
			}
			o, err = d.Store.UpdateOfficial(e.ctx, e.by, o)
		case "enable", "disable":
			err = d.Store.SetActive(e.ctx, e.by, *login, verb == "enable")
			if err == nil {
				o, err = d.Store.Official(e.ctx, *login)
			}
		case "photo":
			err = d.Store.SetPhoto(e.ctx, e.by, *login, img)
			if err == nil {
				o, err = d.Store.Official(e.ctx, *login)
			}
		default:
			return usagef("official: không có việc %q (add, edit, enable, disable, photo)", verb)
		}
		if err != nil {
			return err
		}
		e.tsv(o.Login, o.FullName, string(o.Role), o.Phone, map[bool]string{true: "hoạt động", false: "ngừng"}[o.Active])
		return nil
	})
}

func runSecurity(e *env, args []string) error {
	fs := e.newFlags("security")
	mode := fs.String("login-mode", "", "cách đăng nhập: password hoặc pin")
	idle := fs.Int("idle", 0, "tự khóa cửa sổ sau số phút không dùng (1–240)")
	dir := fs.String("backup-dir", "", "thư mục sao lưu tự động (đường dẫn đầy đủ; rỗng: thư mục backups trong thư mục dữ liệu)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDesk(func(d *desk.Desk) error {
		sec, err := d.Store.Security(e.ctx)
		if err != nil {
			return err
		}
		if isSet(fs, "login-mode") || isSet(fs, "idle") || isSet(fs, "backup-dir") {
			if isSet(fs, "login-mode") {
				sec.LoginMode = *mode
			}
			if isSet(fs, "idle") {
				sec.IdleMinutes = *idle
			}
			if isSet(fs, "backup-dir") {
				sec.BackupDir = *dir
			}
			if err := d.Store.SaveSecurity(e.ctx, e.by, sec); err != nil {
				return err
			}
		}
		return e.printJSON(sec)
	})
}

func runAudit(e *env, args []string) error {
	fs := e.newFlags("audit")
	entity := fs.String("entity", "", "loại: dossier, official, login, procedure, field, calendar, agency, settings, backup, counter")
	official := fs.String("official", "", "tên đăng nhập của người thay đổi")
	from := fs.String("from", "", "từ ngày (dd/mm/yyyy hoặc yyyy-mm-dd)")
	to := fs.String("to", "", "đến ngày (dd/mm/yyyy hoặc yyyy-mm-dd)")
	limit := fs.Int("limit", 1000, "số dòng tối đa")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	f := store.AuditFilter{Entity: *entity, Official: *official, Limit: *limit}
	for _, x := range []struct {
		flag, v string
		dst     *time.Time
	}{{"-from", *from, &f.From}, {"-to", *to, &f.To}} {
		if x.v == "" {
			continue
		}
		t, err := parseDay(x.v)
		if err != nil {
			return usagef("%s: ngày %q không đúng dạng dd/mm/yyyy", x.flag, x.v)
		}
		*x.dst = t
	}
	return e.withDesk(func(d *desk.Desk) error {
		rows, err := d.Store.Audit(e.ctx, e.by, f)
		if err != nil {
			return err
		}
		for _, r := range rows {
			by := r.By
			if by == "" {
				by = "(hệ thống)"
			}
			e.tsv(r.At.In(workday.Loc).Format("2006-01-02 15:04:05"), by, r.Entity, r.Key, r.Action, r.Old, r.New, r.Reason)
		}
		return nil
	})
}

func parseDay(v string) (time.Time, error) {
	for _, layout := range []string{"2/1/2006", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, strings.TrimSpace(v), workday.Loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("ngày không hợp lệ")
}

func runBackup(e *env, args []string) error {
	fs := e.newFlags("backup")
	out := fs.String("o", "", "tệp sao lưu (mặc định: motcua-thucong-THỜI_ĐIỂM.db trong thư mục sao lưu; .dump, bằng pg_dump, trên PostgreSQL)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDesk(func(d *desk.Desk) error {
		dest := *out
		if dest == "" {
			dir, err := d.Store.BackupDir(e.ctx, d.Dir)
			if err != nil {
				return err
			}
			dest = d.Store.ManualBackupPath(dir, time.Now())
		}
		path, err := d.Store.Backup(e.ctx, e.by, dest)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Đã sao lưu và kiểm tra: %s\n", path)
		return nil
	})
}

func runRestore(e *env, args []string) error {
	fs := e.newFlags("restore")
	yes := fs.Bool("yes", false, "đồng ý thay dữ liệu hiện tại (bắt buộc)")
	force := fs.Bool("force", false, "phục hồi cả tệp có dấu hiệu bị sửa ngoài chương trình (chỉ quản trị viên; được ghi nhật ký)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("restore: hãy nêu đúng một tệp sao lưu: motcua restore -yes TỆP")
	}
	file := fs.Arg(0)
	dir, err := e.dir()
	if err != nil {
		return err
	}
	if u, err := e.dbURL(dir); err == nil && store.IsPostgresURL(u) {
		return e.restorePostgres(dir, u, file, *yes)
	}
	rep, err := store.CheckFile(e.ctx, file)
	if err != nil {
		return usagef("%v", err)
	}
	if !rep.OK {
		fmt.Fprintln(e.stdout, rep.String())
		return usagef("không phục hồi từ tệp hỏng %s", file)
	}
	if len(rep.Tamper) > 0 && !*force {
		fmt.Fprintln(e.stdout, rep.String())
		return usagef("không phục hồi từ tệp có dấu hiệu bị sửa ngoài chương trình %s (quản trị viên có thể buộc bằng -force; việc này được ghi nhật ký)", file)
	}
	db, err := e.sqlitePath(dir)
	if err != nil {
		return err
	}
	if !*yes {
		return usagef("phục hồi sẽ thay toàn bộ dữ liệu trong %s bằng %s (dữ liệu hiện tại được giữ lại bên cạnh); chạy lại với -yes để đồng ý", db, file)
	}
	if _, err := os.Stat(db); err == nil {
		if err := e.authoriseRestore(); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Dir(db), 0o700); err != nil {
		return err
	}
	auth := store.RestoreAuth{By: e.by, Force: *force}
	aside, err := store.Restore(e.ctx, db, file, auth)
	if errors.Is(err, store.ErrCredentialNeeded) {
		// The current ledger cannot say who may restore: an admin of the backup logs in.
		if e.by == "" {
			return usagef("%v", err)
		}
		fmt.Fprintf(e.stderr, "Mật khẩu của quản trị viên %s (nhập trên một dòng): ", e.by)
		if auth.Secret, err = e.readSecret("mật khẩu"); err != nil {
			return err
		}
		aside, err = store.Restore(e.ctx, db, file, auth)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã phục hồi %s từ %s.\n", db, file)
	if _, err := os.Stat(aside); err == nil {
		fmt.Fprintf(e.stdout, "Dữ liệu trước khi phục hồi được giữ ở %s.\n", aside)
	}
	return e.listLost()
}

// listLost opens the restored ledger (Reconcile moves its counters past the archived slips) and
// lists the dossiers that are on paper but not in it.
func (e *env) listLost() error {
	d, err := e.open()
	if err != nil {
		return err
	}
	defer d.Store.Close()
	rec, err := d.Reconcile(e.ctx)
	if err != nil {
		return err
	}
	if len(rec.Lost) == 0 {
		return nil
	}
	fmt.Fprintf(e.stdout, "%d hồ sơ đã có phiếu hẹn trong lưu trữ nhưng không có trong dữ liệu đã phục hồi:\n", len(rec.Lost))
	for _, a := range rec.Lost {
		e.tsv(a.Dossier.Code, strconv.Itoa(a.Dossier.BookNo)+"/"+strconv.Itoa(a.Dossier.BookYear), a.Dossier.Name, a.Dossier.ProcedureName,
			a.Dossier.ReceivedAt.In(workday.Loc).Format("2006-01-02 15:04"))
	}
	fmt.Fprintln(e.stdout, "Để nhập lại các hồ sơ này từ lưu trữ: motcua recover -yes")
	return nil
}

// authoriseRestore checks, on the ledger about to be replaced, that a logged-in admin asks: the
// data being replaced decides who may replace it, not the backup. A ledger that cannot be opened
// (damaged) or has no official yet (a new machine) has no one to ask; the backup's own check of
// the restoring official (store.Restore) still applies.
func (e *env) authoriseRestore() error {
	d, err := e.open()
	if err != nil {
		return nil
	}
	defer d.Store.Close()
	officials, err := d.Store.Officials(e.ctx)
	if err != nil || len(officials) == 0 {
		return nil
	}
	if err := e.authenticate(d); err != nil {
		return err
	}
	if !e.official.Role.Can(store.PermBackup) {
		return &store.ForbiddenError{Login: e.official.Login, Role: e.official.Role, Permission: store.PermBackup,
			Message: fmt.Sprintf("%s %s (%s) không có quyền phục hồi dữ liệu.", e.official.Role.Name(), e.official.FullName, e.official.Login)}
	}
	return nil
}

func runRecover(e *env, args []string) error {
	fs := e.newFlags("recover")
	yes := fs.Bool("yes", false, "nhập lại các hồ sơ đó (quản trị viên; ghi nhật ký)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if !*yes {
		return e.listLost()
	}
	return e.withDesk(func(d *desk.Desk) error {
		done, err := d.Recover(e.ctx, e.by)
		for _, dos := range done {
			fmt.Fprintf(e.stdout, "Đã nhập lại %s (số %d/%d) %s\n", dos.Code, dos.BookNo, dos.BookYear, dos.Name)
		}
		if len(done) == 0 && err == nil {
			fmt.Fprintln(e.stdout, "Không có hồ sơ nào cần nhập lại.")
		}
		return err
	})
}

// restorePostgres restores a pg_dump archive into the configured PostgreSQL database: the data
// there is first dumped aside into the backup folder, then pg_restore --clean --if-exists.
func (e *env) restorePostgres(dir, dbURL, file string, yes bool) error {
	where := store.RedactURL(dbURL)
	if !yes {
		return usagef("phục hồi sẽ thay toàn bộ dữ liệu trong %s bằng %s (dữ liệu hiện tại được sao lưu bằng pg_dump vào thư mục sao lưu trước); chạy lại với -yes để đồng ý", where, file)
	}
	if err := e.authoriseRestore(); err != nil {
		return err
	}
	aside := store.DefaultBackupDir(dir)
	if s, err := store.OpenURL(e.ctx, dbURL); err == nil {
		if d, err := s.BackupDir(e.ctx, dir); err == nil {
			aside = d
		}
		s.Close()
	}
	kept, err := store.RestorePostgres(e.ctx, dbURL, file, e.by, aside)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Đã phục hồi %s từ %s.\n", where, file)
	if kept != "" {
		fmt.Fprintf(e.stdout, "Dữ liệu trước khi phục hồi được giữ ở %s.\n", kept)
	}
	return nil
}

// sqlitePath is the ledger file that restore and check work on (PostgreSQL has its own paths).
func (e *env) sqlitePath(dir string) (string, error) {
	u, err := e.dbURL(dir)
	if err != nil {
		return "", err
	}
	if store.IsPostgresURL(u) {
		return "", usagef("cơ sở dữ liệu là PostgreSQL (%s): dùng motcua backup, restore và check không kèm tệp", store.RedactURL(u))
	}
	return strings.TrimPrefix(u, "sqlite:"), nil
}

// errDamaged makes `check` exit 1 after printing its report.
type errDamaged struct{ msg string }

func (e errDamaged) Error() string { return e.msg }

func runCheck(e *env, args []string) error {
	fs := e.newFlags("check")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	file := fs.Arg(0)
	dir, err := e.dir()
	if err != nil {
		return err
	}
	if file == "" {
		if u, err := e.dbURL(dir); err == nil && store.IsPostgresURL(u) {
			return e.checkPostgres(u)
		}
		if file, err = e.sqlitePath(dir); err != nil {
			return err
		}
	}
	rep, err := store.CheckFile(context.Background(), file)
	if err != nil {
		if ae := store.Diagnose(file, err); ae != nil {
			return ae
		}
		return err
	}
	if fs.Arg(0) == "" && rep.OK {
		// The ledger against the slips printed from it (an outside witness of its content).
		if d, err := e.open(); err == nil {
			more, err := d.CheckArchive(e.ctx, e.by)
			d.Store.Close()
			if err != nil {
				return err
			}
			rep.Tamper = append(rep.Tamper, more...)
		}
	}
	fmt.Fprintln(e.stdout, rep.String())
	if fs.Arg(0) == "" {
		// What check found on the ledger holds every writer until a restore or a repair.
		if !rep.OK {
			if err := store.MarkDamaged(file, rep.String()); err != nil {
				fmt.Fprintln(e.stderr, "motcua:", err)
			}
		} else {
			store.ClearDamaged(file)
		}
	}
	if !rep.Sound() {
		if fs.Arg(0) == "" && !rep.OK {
			fmt.Fprintln(e.stdout, e.restoreHint(dir))
		}
		return errDamaged{"dữ liệu hỏng hoặc có dấu hiệu bị sửa (" + strconv.Itoa(len(rep.Problems)+len(rep.Tamper)) + " vấn đề)"}
	}
	return nil
}

// checkPostgres is `check` on a PostgreSQL ledger: connection, schema version, numbering.
func (e *env) checkPostgres(dbURL string) error {
	s, err := store.OpenURL(e.ctx, dbURL)
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := s.CheckPostgres(e.ctx)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, rep.String())
	if !rep.Sound() {
		return errDamaged{"dữ liệu hỏng hoặc có dấu hiệu bị sửa (" + strconv.Itoa(len(rep.Problems)+len(rep.Tamper)) + " vấn đề)"}
	}
	return nil
}
