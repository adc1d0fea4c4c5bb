//go:build cgo

// The window and the kiosk need Fyne's OpenGL driver, which needs cgo: only a cgo build links
// them (and package app). CGO_ENABLED=0 builds the headless CLI of nogui.go, for servers.
package main

import (
	"errors"
	"motcua/app/desk"

	"motcua/app"
	"motcua/store"
)

func runGUI(e *env, args []string) error {
	fs := e.newFlags("gui")
	lang := fs.String("lang", "", "ngôn ngữ giao diện: vi hoặc en (mặc định: như đã chọn trong Quản trị → Cơ quan, lần đầu tiếng Việt)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	// A damaged ledger is found before the window opens, and the newest good backup offered.
	dir, err := e.dir()
	if err != nil {
		return err
	}
	// (A PostgreSQL ledger has no file here: its server looks after its integrity.)
	dbPath, perr := e.sqlitePath(dir)
	background := ""
	rep, inBackground, err := store.StartCheck(e.ctx, dbPath)
	if perr == nil && err == nil && inBackground {
		background = dbPath // large: checked in full once the window is up
	}
	if perr == nil && err == nil && !rep.OK {
		backup := store.NewestGoodBackup(e.ctx, store.DefaultBackupDir(dir))
		restored, err := app.RunRecovery(dbPath, rep.String(), backup, *lang, false)
		if err != nil || !restored {
			return errors.Join(err, errors.New("cơ sở dữ liệu bị hỏng; chưa phục hồi"))
		}
	}
	if d, err := e.open(); err == nil {
		d.Store.Close()
	} else {
		var missing *store.MissingLedgerError
		if errors.As(err, &missing) && missing.Backup != "" {
			// The ledger is gone from a folder that had one: the window offers the newest good backup.
			restored, rerr := app.RunRecovery(dbPath, err.Error(), missing.Backup, *lang, true)
			if rerr != nil || !restored {
				return errors.Join(rerr, err)
			}
		}
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		return app.Run(d, app.Options{Lang: *lang, CheckInBackground: background})
	})
}

// runKiosk opens only the citizens' kiosk window (for the touch screen's own PC or session).
func runKiosk(e *env, args []string) error {
	fs := e.newFlags("kiosk")
	lang := fs.String("lang", "vi", "ngôn ngữ giao diện: vi hoặc en")
	counter := fs.String("counter", "", "tên quầy mà màn hình này phục vụ (mặc định: tên quầy trong cài đặt, \"Quầy 1\")")
	full := fs.Bool("fullscreen", false, "toàn màn hình")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	return e.withDeskFree(func(d *desk.Desk) error {
		return app.RunKiosk(d.Store, app.KioskOptions{Lang: *lang, Counter: *counter, Fullscreen: *full})
	})
}
