package app

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// safetyScreen is Quản trị → Bảo mật và sao lưu: how officials log in, when the window locks,
// where automatic backups go; a backup now, and a restore that asks first.
type safetyScreen struct {
	u    *ui
	root fyne.CanvasObject

	mode      *widget.RadioGroup
	idle      *field
	backupDir *field
	auto      *widget.Label // the newest automatic backup, and the last one that failed
	status    *widget.Label
	fields    map[store.FieldKey]*field
}

func newSafetyScreen(u *ui) *safetyScreen {
	s := &safetyScreen{u: u}
	s.mode = widget.NewRadioGroup([]string{lang.L(howPassword), lang.L(howPIN)}, nil)
	s.mode.Horizontal = true
	s.mode.Required = true
	s.idle = newField(u, lang.L("Tự khóa sau (phút không dùng)"), "10")
	s.backupDir = newField(u, lang.L("Thư mục sao lưu tự động"), lang.L("bỏ trống: thư mục backups trong thư mục dữ liệu"))
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.auto = widget.NewLabel("")
	s.auto.Wrapping = fyne.TextWrapWord
	s.fields = map[store.FieldKey]*field{store.KeyIdleMinutes: s.idle, store.KeyBackupDir: s.backupDir}
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("Cách đăng nhập")), s.mode,
		widget.NewLabel(s.idle.label), s.idle.cell(),
		widget.NewLabel(s.backupDir.label), s.backupDir.cell())
	save := widget.NewButton(lang.L("Lưu"), s.save)
	save.Importance = widget.HighImportance
	backup := widget.NewButton(lang.L("Sao lưu ngay"), s.backupNow)
	restore := widget.NewButton(lang.L("Phục hồi từ bản sao lưu…"), s.chooseRestore)
	restore.Importance = widget.DangerImportance
	recoverBtn := widget.NewButton(lang.L("Hồ sơ có phiếu nhưng thiếu trong dữ liệu…"), s.recoverLost)
	note := widget.NewLabel(lang.L("Chương trình tự sao lưu hai phút sau khi mở, mỗi ngày và khi đóng; giữ 7 bản theo ngày, 4 theo tuần, 12 theo tháng. Mỗi bản được kiểm tra sau khi ghi."))
	note.Wrapping = fyne.TextWrapWord
	s.root = container.NewVScroll(container.NewVBox(form, save, widget.NewSeparator(), note, s.auto, container.NewHBox(backup, restore, recoverBtn), s.status))
	return s
}

func (s *safetyScreen) load() {
	ctx := context.Background()
	goAsync(func() {
		sec, err := s.u.st.Security(ctx)
		auto, failed := s.u.autoBackupState(ctx)
		fyne.Do(func() {
			if err != nil {
				s.u.fail(err)
				return
			}
			s.auto.SetText(auto)
			s.auto.Importance = widget.MediumImportance
			if failed {
				s.auto.Importance = widget.DangerImportance
			}
			s.auto.Refresh()
			if sec.LoginMode == store.LoginPIN {
				s.mode.SetSelected(lang.L(howPIN))
			} else {
				s.mode.SetSelected(lang.L(howPassword))
			}
			s.idle.entry.SetText(strconv.Itoa(sec.IdleMinutes))
			s.backupDir.entry.SetText(sec.BackupDir)
		})
	})
}

func (s *safetyScreen) save() {
	for _, f := range s.fields {
		f.setError("")
	}
	sec := store.Security{LoginMode: store.LoginPassword, BackupDir: s.backupDir.entry.Text}
	if s.mode.Selected == lang.L(howPIN) {
		sec.LoginMode = store.LoginPIN
	}
	n, err := strconv.Atoi(s.idle.entry.Text)
	if err != nil {
		s.idle.setError(lang.L("Hãy nhập số phút, ví dụ 10."))
		return
	}
	sec.IdleMinutes = n
	by := s.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		err := s.u.st.SaveSecurity(ctx, by, sec)
		fyne.Do(func() {
			var ve *store.ValidationError
			switch {
			case errors.As(err, &ve) && s.fields[ve.Field] != nil:
				s.fields[ve.Field].setError(ve.Message)
			case err != nil:
				s.status.SetText(err.Error())
			default:
				s.status.SetText(lang.L("Đã lưu."))
				s.u.refreshTop(ctx)
			}
		})
	})
}

func (s *safetyScreen) backupNow() {
	by := s.u.actorLogin()
	ctx := context.Background()
	s.status.SetText(lang.L("Đang sao lưu…"))
	goAsync(func() {
		path, err := s.u.backupNow(ctx, by)
		fyne.Do(func() {
			if err != nil {
				s.status.SetText(err.Error())
				return
			}
			s.status.SetText(lang.L("Đã sao lưu và kiểm tra: {{.Path}}", map[string]string{"Path": path}))
		})
	})
}

// backupNow writes a backup named by the time into the backup folder, as the official. The time
// is Vietnam's, as in the automatic backups' names, whatever zone the machine's clock is in.
func (u *ui) backupNow(ctx context.Context, by string) (string, error) {
	dir, err := u.st.BackupDir(ctx, u.desk.Dir)
	if err != nil {
		return "", err
	}
	return u.st.Backup(ctx, by, u.st.ManualBackupPath(dir, now()))
}

func (s *safetyScreen) chooseRestore() {
	if !s.u.can(store.PermBackup) {
		return
	}
	if s.u.st.Backend() == "postgres" {
		// The shared server is restored once for every counter, with pg_restore, not from one window.
		s.u.inform(lang.L("Phục hồi dữ liệu"), lang.L("Cơ sở dữ liệu này ở máy chủ PostgreSQL: phục hồi bằng lệnh motcua restore -yes TỆP.dump trên một máy có pg_restore (xem docs/POSTGRES.md)."))
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.u.confirmRestore(path)
	}, s.u.win)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// confirmRestore asks before anything is replaced; the current database is kept aside and the
// window closes after the restore (everything on screen came from the old data).
func (u *ui) confirmRestore(path string) {
	msg := widget.NewLabel(lang.L("Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu {{.Path}}? Dữ liệu hiện tại được giữ lại bên cạnh (motcua.db.before-restore-…). Chương trình sẽ đóng sau khi phục hồi; hãy mở lại.", map[string]string{"Path": path}))
	msg.Wrapping = fyne.TextWrapWord
	by := u.actorLogin()
	d := dialog.NewCustomConfirm(lang.L("Phục hồi dữ liệu"), lang.L("Phục hồi"), lang.L("Hủy"), msg, func(ok bool) {
		if !ok {
			return
		}
		ctx := context.Background()
		if rep, err := store.CheckFile(ctx, path); err != nil || !rep.Sound() {
			if err == nil {
				err = errors.New(rep.String())
			}
			u.fail(err)
			return
		}
		dbPath := u.st.Path()
		u.st.Close()
		aside, err := store.Restore(ctx, dbPath, path, store.RestoreAuth{By: by})
		text := lang.L("Đã phục hồi. Dữ liệu cũ được giữ ở {{.Aside}}. Chương trình sẽ đóng; hãy mở lại.", map[string]string{"Aside": aside})
		if err != nil {
			text = err.Error() + "\n" + lang.L("Chương trình sẽ đóng; hãy mở lại.")
		}
		info := dialog.NewInformation(lang.L("Phục hồi dữ liệu"), text, u.win)
		info.SetOnClosed(func() { u.app.Quit() })
		info.Show()
	}, u.win)
	d.Resize(fyne.NewSize(600, 240))
	u.hot.confirmKeys(d).Show()
}

// autoFailure is an automatic backup that failed.
type autoFailure struct {
	at  time.Time
	err error
}

// noteAutoBackup keeps the outcome of an automatic backup for the safety screen: a failure until
// a later one succeeds.
func (u *ui) noteAutoBackup(err error) {
	u.autoMu.Lock()
	defer u.autoMu.Unlock()
	if err == nil {
		u.autoFail = autoFailure{}
		return
	}
	u.autoFail = autoFailure{at: now(), err: store.Explain(err)}
}

// autoBackupState says when the newest automatic backup was made and where, and whether the
// last attempt of this session failed (then it says why): a backup that quietly stopped (a full
// disk, a USB drive taken away) is what loses a ward's data.
func (u *ui) autoBackupState(ctx context.Context) (text string, failed bool) {
	if u.st.Backend() == "postgres" {
		return lang.L("Cơ sở dữ liệu trên máy chủ PostgreSQL được sao lưu theo lịch trên máy chủ (motcua backup), không sao lưu tự động từ máy này."), false
	}
	dir, err := u.st.BackupDir(ctx, u.desk.Dir)
	if err != nil {
		return err.Error(), true
	}
	if last := store.LastAutoBackup(dir); last.IsZero() {
		text = lang.L("Chưa có bản sao lưu tự động nào trong {{.Dir}}.", map[string]string{"Dir": dir})
	} else {
		text = lang.L("Bản sao lưu tự động gần nhất: {{.At}}, trong {{.Dir}}.", map[string]string{
			"At": shortTime(last), "Dir": dir})
	}
	u.autoMu.Lock()
	f := u.autoFail
	u.autoMu.Unlock()
	if f.err != nil {
		text += "\n" + lang.L("Lần sao lưu tự động lúc {{.At}} không được: {{.Err}}", map[string]string{
			"At": shortTime(f.at), "Err": f.err.Error()})
		return text, true
	}
	return text, false
}

// recoverLost lists the dossiers that have a slip in the archive but are not in the ledger (a
// restore to an older backup lost them) and, on the admin's word, enters them again.
func (s *safetyScreen) recoverLost() {
	by := s.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		rec, err := s.u.desk.Reconcile(ctx)
		fyne.Do(func() {
			if err != nil {
				s.u.fail(err)
				return
			}
			if len(rec.Lost) == 0 {
				s.status.SetText(lang.L("Không có hồ sơ nào cần nhập lại: mọi phiếu hẹn trong lưu trữ đều có trong dữ liệu."))
				return
			}
			var lines []string
			for i, a := range rec.Lost {
				if i == 20 {
					lines = append(lines, "…")
					break
				}
				lines = append(lines, a.Dossier.Code+" — "+a.Dossier.Name+" — "+shortTime(a.Dossier.ReceivedAt))
			}
			msg := widget.NewLabel(lang.L("{{.N}} hồ sơ đã có phiếu hẹn trong lưu trữ nhưng không có trong dữ liệu (mất khi phục hồi bản cũ). Nhập lại từ bản lưu của phiếu? Các bước sau tiếp nhận (nếu có) cần ghi lại từ hồ sơ giấy.",
				map[string]any{"N": len(rec.Lost)}) + "\n\n" + strings.Join(lines, "\n"))
			msg.Wrapping = fyne.TextWrapWord
			d := dialog.NewCustomConfirm(lang.L("Nhập lại hồ sơ"), lang.L("Nhập lại"), lang.L("Hủy"), container.NewVScroll(msg), func(ok bool) {
				if !ok {
					return
				}
				goAsync(func() {
					done, err := s.u.desk.Recover(ctx, by)
					fyne.Do(func() {
						text := lang.L("Đã nhập lại {{.N}} hồ sơ.", map[string]any{"N": len(done)})
						if err != nil {
							text += "\n" + store.Explain(err).Error()
						}
						s.status.SetText(text)
					})
				})
			}, s.u.win)
			d.Resize(fyne.NewSize(700, 420))
			d.Show()
		})
	})
}
