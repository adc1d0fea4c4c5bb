package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"motcua/app/desk"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"

	"motcua/store"
)

var postgresCommands = []command{
	{"db", "cơ sở dữ liệu đang dùng; -set postgres://… (lưu vào settings.json, quyền 600) hoặc -set sqlite", runDB},
	{"migrate-schema", "tạo/nâng cấp cấu trúc cơ sở dữ liệu PostgreSQL: -db postgres://CHỦ_SỞ_HỮU@…", runMigrateSchema},
	{"migrate", "chuyển dữ liệu SQLite của thư mục dữ liệu sang PostgreSQL trống: -to postgres://…", runMigrate},
}

// dataSettings is DATA/settings.json: the machine's settings that must be known before the
// database is open. It may hold a password, so it is written with mode 0600 and refused when
// others can read it.
type dataSettings struct {
	DB string `json:"db,omitempty"`
}

func settingsPath(dir string) string { return filepath.Join(dir, "settings.json") }

func readSettings(dir string) (dataSettings, error) {
	var ds dataSettings
	p := settingsPath(dir)
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return ds, nil
	}
	if err != nil {
		return ds, err
	}
	if err := json.Unmarshal(b, &ds); err != nil {
		return ds, fmt.Errorf("tệp %s sai định dạng JSON: %w", p, err)
	}
	if fi, err := os.Stat(p); err == nil && runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0 && store.RedactURL(ds.DB) != ds.DB {
		return ds, fmt.Errorf("tệp %s chứa mật khẩu cơ sở dữ liệu nhưng người khác đọc được (quyền %o): hãy chạy `chmod 600 %s`", p, fi.Mode().Perm(), p)
	}
	return ds, nil
}

func writeSettings(dir string, ds dataSettings) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	b, _ := json.MarshalIndent(ds, "", "  ")
	p := settingsPath(dir)
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o600); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, p)
}

// dbURL is the database to open: -db, then $MOTCUA_DB, then settings.json, then the data folder's
// SQLite file.
func (e *env) dbURL(dir string) (string, error) {
	if e.db != "" {
		return e.db, nil
	}
	if v := os.Getenv("MOTCUA_DB"); v != "" {
		return v, nil
	}
	ds, err := readSettings(dir)
	if err != nil {
		return "", err
	}
	if ds.DB != "" && ds.DB != "sqlite" {
		return ds.DB, nil
	}
	return "sqlite:" + filepath.Join(dir, "motcua.db"), nil
}

func runDB(e *env, args []string) error {
	fs := e.newFlags("db")
	set := fs.String("set", "", "postgres://NGƯỜI_DÙNG:MẬT_KHẨU@MÁY:5432/motcua?sslmode=… hoặc sqlite")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	dir, err := e.dir()
	if err != nil {
		return err
	}
	if *set != "" {
		if err := e.moveDB(dir, *set); err != nil {
			return err
		}
		e.db = ""
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		fmt.Fprintf(e.stdout, "%s\t%s\n", d.Store.Backend(), d.Store.Where())
		return nil
	})
}

// moveDB points the installation at another database: an admin's act on the ledger in use,
// audited there. A new installation (a ledger without officials yet) has no one to ask.
func (e *env) moveDB(dir, to string) error {
	from, err := e.dbURL(dir)
	if err != nil {
		return err
	}
	err = e.withDeskFree(func(d *desk.Desk) error {
		officials, err := d.Store.Officials(e.ctx)
		if err != nil || len(officials) == 0 {
			return err
		}
		if err := e.authenticate(d); err != nil {
			return err
		}
		if to != "sqlite" {
			// Check it works before every later start depends on it.
			s, err := store.OpenURL(e.ctx, to)
			if err != nil {
				return err
			}
			s.Close()
		}
		return d.Store.RecordDatabaseMove(e.ctx, e.by, from, to)
	})
	if err != nil {
		return err
	}
	return writeSettings(dir, dataSettings{DB: to})
}

func runMigrateSchema(e *env, args []string) error {
	if err := e.parse(e.newFlags("migrate-schema"), args); err != nil {
		return err
	}
	// Opening applies the missing migrations; no data is read.
	return e.withDeskFree(func(d *desk.Desk) error {
		fmt.Fprintf(e.stdout, "Cấu trúc cơ sở dữ liệu %s đã được cập nhật.\n", d.Store.Where())
		return nil
	})
}

func runMigrate(e *env, args []string) error {
	fs := e.newFlags("migrate")
	to := fs.String("to", "", "postgres://… của một cơ sở dữ liệu trống (tài khoản chủ sở hữu)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if !store.IsPostgresURL(*to) {
		return usagef("-to: cần địa chỉ postgres://… của cơ sở dữ liệu đích")
	}
	dir, err := e.dir()
	if err != nil {
		return err
	}
	path := filepath.Join(dir, "motcua.db")
	if e.db != "" && !store.IsPostgresURL(e.db) {
		path = strings.TrimPrefix(e.db, "sqlite:")
	}
	if _, err := os.Stat(path); err != nil {
		return usagef("không có tệp dữ liệu SQLite %s", path)
	}
	src, err := store.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	// The whole ledger leaves this machine: an admin's act, authenticated on the source.
	if err := e.authenticate(desk.New(src, dir)); err != nil {
		return err
	}
	if !e.official.Role.Can(store.PermBackup) {
		return &store.ForbiddenError{Login: e.official.Login, Role: e.official.Role, Permission: store.PermBackup,
			Message: fmt.Sprintf("%s (%s) không có quyền chuyển dữ liệu sang máy chủ khác: cần quản trị viên.", e.official.FullName, e.official.Login)}
	}
	dst, err := store.OpenURL(e.ctx, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	checks, err := src.CopyTo(e.ctx, dst)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "bảng\tSQLite\tPostgreSQL\tmã băm (SHA-256)\tkết quả")
	bad := 0
	for _, c := range checks {
		res := "khớp"
		if !c.OK() {
			res, bad = "KHÁC", bad+1
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", c.Table, c.SourceRows, c.Target, c.Hash[:16], res)
	}
	tw.Flush()
	if bad > 0 {
		return fmt.Errorf("%d bảng không khớp sau khi chuyển sang %s", bad, dst.Where())
	}
	fmt.Fprintf(e.stdout, "Đã chuyển %s sang %s. Để các quầy dùng máy chủ: motcua db -set <địa chỉ của tài khoản ứng dụng>\n", path, dst.Where())
	return nil
}
