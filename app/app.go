// Package app is the officials' window of Một Cửa: one file per screen (intake, book, settings,
// calendar), the top bar with the scan/search box, the theme and the translations wiring.
// It holds no SQL and draws no PDF: data goes through store, slips through app/desk.
package app

import (
	"context"
	"log"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/app/desk"
	"motcua/store"
	"motcua/store/workday"
)

// Options are the window's start-up choices.
type Options struct {
	Lang string // "vi" or "en"; empty: the language chosen in Quản trị → Cơ quan, else "vi"
	// CheckInBackground is the path of a ledger too large to check in full before the window
	// opens (store.StartCheck): it is checked while the counter works, at once when it is
	// quick to check (store.CheckSoon), else after the start-up work's delay.
	CheckInBackground string
}

// goAsync runs store and desk calls off the UI thread; widgets are then updated through fyne.Do.
// Tests replace it with a synchronous call so that what they assert has already happened.
var goAsync = func(f func()) { go f() }

// uiDo runs f on the window's thread (fyne.Do). The test driver runs fyne.Do at once on the
// caller's goroutine; tests whose store calls run on real goroutines (the book's typing) replace
// it with one goroutine of their own, as the GUI driver has.
var uiDo = fyne.Do

// now is the counter's clock; tests may pin it.
var now = time.Now

// Run creates the Fyne app, loads the translations, shows the officials' window and runs until
// it is closed. On an empty database it first offers the demo data.
func Run(d *desk.Desk, o Options) error {
	if os.Getenv("GOGC") == "" {
		// The window's live heap is ≈ 25 MB; Go's default lets it reach twice that between
		// collections. Half the headroom costs little CPU at a counter and ≈ 10 MB of memory.
		debug.SetGCPercent(50)
	}
	a := fyneapp.NewWithID("vn.gov.motcua")
	if err := loadTranslations(chooseLang(a.Preferences(), o.Lang)); err != nil {
		return err
	}
	a.SetIcon(appIcon())
	a.Settings().SetTheme(newTheme())
	u := newUI(a, d)
	u.start(context.Background())
	w := u.win
	startupMark(a, u)
	w.Resize(fyne.NewSize(1366, 768))
	w.Show()
	u.warnAtStart(context.Background())
	openKioskIfEnabled(a, d.Store) // the citizens' window, when this PC's preferences ask for it
	u.watchIdle()
	u.followClock()
	start, stop := autoBackups(d, u.noteAutoBackup)
	quit := make(chan struct{})
	check := func() bool { return true }
	checkDelay := startupWorkDelay
	if o.CheckInBackground != "" {
		check = func() bool { return u.checkLedger(o.CheckInBackground) }
		if store.CheckSoon(o.CheckInBackground) {
			checkDelay = soonCheckDelay
		}
	}
	go afterStartup(quit, checkDelay, startupWorkDelay, check, start)
	a.Run()
	close(quit)
	stop() // the exit backup, after the last write of the session
	return nil
}

// warnAtStart shows what opening the ledger could not mend (a data folder or ledger open to other
// users of the PC) and the dossiers on archived slips that the ledger lacks (after a restore).
func (u *ui) warnAtStart(ctx context.Context) {
	var ws []string
	if u.st.Backend() == "sqlite" {
		ws = append(store.SecureDataDir(u.desk.Dir), u.st.Warnings()...)
	}
	goAsync(func() {
		rec, err := u.desk.Reconcile(ctx)
		if err == nil && len(rec.Lost) > 0 {
			ws = append(ws, lang.L("{{.N}} hồ sơ đã có phiếu hẹn trong lưu trữ nhưng không có trong dữ liệu (mất khi phục hồi bản cũ?): quản trị viên hãy nhập lại ở Quản trị → Bảo mật và sao lưu.",
				map[string]any{"N": len(rec.Lost)}))
		}
		if len(ws) == 0 {
			return
		}
		fyne.Do(func() { u.inform(lang.L("Cảnh báo"), strings.Join(ws, "\n\n")) })
	})
}

// startupWorkDelay is how long the start-up backup and the full check of a large ledger wait
// after the window opens. Both read the whole file (2.7 GB for ten years of a large ward): run
// at once they competed with the first minutes at the counter for the disk and the two cores,
// and added ≈ 20 MB to the window's memory while the book opened.
var startupWorkDelay = 2 * time.Minute

// soonCheckDelay is when the background check of a ledger up to a few hundred MB starts
// (store.CheckSoon): after the first frame and the login screen are drawn, a second or two
// before anyone could have typed a first intake.
var soonCheckDelay = time.Second

// afterStartup waits checkDelay (or until quit is closed: then nothing), runs check (the full
// check of a ledger shallow-checked at start) and, when the ledger is sound, start (the
// automatic backups) once delay has passed since it was called: a damaged ledger is not backed
// up, its dialog asks to restart.
func afterStartup(quit <-chan struct{}, checkDelay, delay time.Duration, check func() bool, start func()) {
	t0 := time.Now()
	wait := func(d time.Duration) bool {
		select {
		case <-time.After(d):
			return true
		case <-quit:
			return false
		}
	}
	if !wait(checkDelay) || !check() {
		return
	}
	if wait(delay - time.Since(t0)) {
		start()
	}
}

// autoBackups returns start, which backs the ledger up now and then once a day while the app
// runs (checked hourly: a counter PC is often left on overnight), and atExit, which writes the
// backup at exit. Backups run one at a time. A failed automatic backup is logged and reported
// (Quản trị → Bảo mật và sao lưu shows it), never fatal: the counter keeps working.
func autoBackups(d *desk.Desk, report func(err error)) (start, atExit func()) {
	if d.Store.Backend() == "postgres" {
		// One server for every counter: it is dumped on a schedule (motcua backup, docs/POSTGRES.md),
		// not by each counter PC at start and exit.
		return func() {}, func() {}
	}
	ctx := context.Background()
	var one sync.Mutex
	backup := func(reason string) {
		one.Lock()
		defer one.Unlock()
		dir, err := d.Store.BackupDir(ctx, d.Dir)
		if err == nil {
			_, err = d.Store.AutoBackup(ctx, dir, reason)
		}
		if err != nil {
			log.Printf("motcua: sao lưu tự động (%s) không được: %v", reason, err)
		}
		if report != nil {
			report(err)
		}
	}
	done := make(chan struct{})
	var started sync.Once
	start = func() { started.Do(func() { go backup("start"); go daily(done, d, backup) }) }
	return start, func() {
		close(done)
		backup("exit")
	}
}

// daily backs up once a calendar day, checking every hour until done is closed.
func daily(done chan struct{}, d *desk.Desk, backup func(string)) {
	ctx := context.Background()
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
			dir, err := d.Store.BackupDir(ctx, d.Dir)
			last := store.LastAutoBackup(dir)
			if err == nil && (last.IsZero() || !sameDay(last, time.Now())) {
				backup("daily")
			}
		}
	}
}

func sameDay(a, b time.Time) bool {
	a, b = a.In(workday.Loc), b.In(workday.Loc)
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// RunRecovery is shown instead of the window when the ledger at dbPath is damaged, or missing
// from a folder that had one: it names the problem and offers the newest good backup (backup may
// be ""), restored by an admin of that backup with their password. It returns whether a restore
// was made, so the caller can open the window on the restored data.
func RunRecovery(dbPath, report, backup string, language string, missing bool) (restored bool, err error) {
	if err := loadTranslations(language); err != nil {
		return false, err
	}
	a := fyneapp.NewWithID("vn.gov.motcua")
	a.SetIcon(appIcon())
	a.Settings().SetTheme(newTheme())
	w := a.NewWindow(lang.L("Một Cửa — dữ liệu bị hỏng"))
	msg := widget.NewLabel(lang.L("Cơ sở dữ liệu bị hỏng:") + "\n" + report)
	if missing {
		w.SetTitle(lang.L("Một Cửa — không thấy cơ sở dữ liệu"))
		msg.SetText(report)
	}
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton(lang.L("Thoát"), func() { a.Quit() })
	buttons := container.NewHBox(quit)
	if backup != "" {
		msg.SetText(msg.Text + "\n\n" + lang.L("Bản sao lưu tốt mới nhất: {{.Path}}. Phục hồi từ bản này? Dữ liệu hỏng được giữ lại bên cạnh để kiểm tra.", map[string]string{"Path": backup}))
		keys := newHotkeys()
		keys.attach(w.Canvas())
		// The damaged file names no one who can be trusted: an admin of the backup logs in.
		login := widget.NewEntry()
		login.SetPlaceHolder(lang.L("Tên đăng nhập"))
		secret := widget.NewPasswordEntry()
		secret.SetPlaceHolder(lang.L("Mật khẩu"))
		buttons.Add(widget.NewLabel(lang.L("Quản trị viên:")))
		buttons.Add(container.NewGridWrap(fyne.NewSize(160, login.MinSize().Height), login))
		buttons.Add(container.NewGridWrap(fyne.NewSize(160, secret.MinSize().Height), secret))
		restore := widget.NewButton(lang.L("Phục hồi"), func() {
			keys.confirmKeys(dialog.NewConfirm(lang.L("Phục hồi dữ liệu"), lang.L("Thay cơ sở dữ liệu hỏng bằng {{.Path}}?", map[string]string{"Path": backup}), func(ok bool) {
				if !ok {
					return
				}
				auth := store.RestoreAuth{By: login.Text, Secret: secret.Text}
				if _, err := store.Restore(context.Background(), dbPath, backup, auth); err != nil {
					dialog.ShowError(err, w)
					return
				}
				restored = true
				a.Quit()
			}, w)).Show()
		})
		restore.Importance = widget.HighImportance
		buttons.Add(restore)
	} else {
		msg.SetText(msg.Text + "\n\n" + lang.L("Không tìm thấy bản sao lưu tốt nào. Hãy liên hệ quản trị viên; có thể chạy: motcua check"))
	}
	w.SetContent(container.NewBorder(nil, buttons, nil, nil, container.NewVScroll(msg)))
	w.Resize(fyne.NewSize(720, 420))
	w.ShowAndRun()
	return restored, nil
}

// checkLedger runs the full check of a large ledger (afterStartup calls it while the counter
// works); on damage it says so and asks to restart, when the start-up check offers the newest
// good backup, and returns false.
func (u *ui) checkLedger(path string) bool {
	rep, err := store.BackgroundCheck(context.Background(), path)
	if err != nil || rep.OK {
		if err != nil {
			log.Printf("motcua: kiểm tra cơ sở dữ liệu không chạy được: %v", err)
		}
		return true
	}
	fyne.Do(func() {
		msg := widget.NewLabel(lang.L("Kiểm tra thấy cơ sở dữ liệu bị hỏng:") + "\n" + rep.String() + "\n\n" +
			lang.L("Hãy đóng chương trình và mở lại: chương trình sẽ đề nghị phục hồi từ bản sao lưu tốt mới nhất."))
		msg.Wrapping = fyne.TextWrapWord
		d := dialog.NewCustom(lang.L("Dữ liệu bị hỏng"), lang.L("Đóng chương trình"), msg, u.win)
		d.SetOnClosed(u.app.Quit)
		d.Resize(fyne.NewSize(640, 320))
		d.Show()
	})
	return false
}

// NewMainWindow builds the officials' window on the desk (not yet shown).
func NewMainWindow(a fyne.App, d *desk.Desk) fyne.Window {
	u := newUI(a, d)
	u.start(context.Background())
	return u.win
}
