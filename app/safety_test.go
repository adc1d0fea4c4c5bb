package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"motcua/app/desk"
	"motcua/store"
)

// A manual backup is named in Vietnam time like the automatic ones, whatever zone the PC's
// clock is in (a server runs on UTC).
func TestManualBackupIsNamedInVietnamTime(t *testing.T) {
	u, _, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	now = func() time.Time { return monday0815.UTC() } // 01:15 UTC is 08:15 in Vietnam
	u.safety.backupNow()
	msg := u.safety.status.Text
	path := strings.TrimPrefix(msg, "Đã sao lưu và kiểm tra: ")
	if path == msg {
		t.Fatalf("backup: %q", msg)
	}
	if got, want := filepath.Base(path), "motcua-thucong-20260126-081500.db"; got != want {
		t.Errorf("manual backup named %q, want %q", got, want)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the backup file: %v", err)
	}
}

// Quản trị → Bảo mật và sao lưu says when the newest automatic backup was made, and that the
// last one failed and why, until one succeeds again.
func TestSafetyScreenShowsTheAutomaticBackups(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	ctx := context.Background()
	u.safety.load()
	if got := u.safety.auto.Text; !strings.Contains(got, "Chưa có bản sao lưu tự động nào") {
		t.Errorf("before any backup: %q", got)
	}
	dir, err := s.BackupDir(ctx, u.desk.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AutoBackup(ctx, dir, "start"); err != nil {
		t.Fatal(err)
	}
	u.noteAutoBackup(nil)
	u.safety.load()
	if got := u.safety.auto.Text; !strings.Contains(got, "Bản sao lưu tự động gần nhất: ") || !strings.Contains(got, dir) ||
		u.safety.auto.Importance == widget.DangerImportance {
		t.Errorf("after a backup: %q (importance %v)", got, u.safety.auto.Importance)
	}
	u.noteAutoBackup(errors.New("ổ đĩa chứa thư mục sao lưu chỉ còn 5 MB trống"))
	u.safety.load()
	if got := u.safety.auto.Text; !strings.Contains(got, "không được: ổ đĩa chứa thư mục sao lưu chỉ còn 5 MB trống") ||
		u.safety.auto.Importance != widget.DangerImportance {
		t.Errorf("after a failed backup: %q (importance %v)", got, u.safety.auto.Importance)
	}
	u.noteAutoBackup(nil)
	u.safety.load()
	if got := u.safety.auto.Text; strings.Contains(got, "không được") {
		t.Errorf("a later good backup still shows the failure: %q", got)
	}
}

// Quản trị → Bảo mật và sao lưu lists a dossier that has a slip in the archive but is not in the
// ledger, and re-enters it when the admin agrees.
func TestSafetyScreenReEntersDossiersOnPaper(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	ctx := context.Background()
	u.safety.recoverLost()
	if got := u.safety.status.Text; !strings.Contains(got, "Không có hồ sơ nào cần nhập lại") {
		t.Fatalf("nothing lost: %q", got)
	}
	ps, err := s.SearchProcedures(ctx, "xac nhan tinh trang hon nhan")
	if err != nil || len(ps) == 0 {
		t.Fatalf("procedure: %v", err)
	}
	p := ps[0]
	if _, err := u.desk.Receive(ctx, store.Intake{ProcedureID: p.ID, Name: "Nguyễn Thị Mai", IDNo: "001203004567",
		Phone: "0912345678", Address: "Số 5, tổ dân phố 3", ReceivedAt: monday0815, By: counterLogin,
		Documents: []store.ReceivedDocument{{Name: p.Documents[0].Name, Kind: p.Documents[0].Kind.Label(), Count: 1}}}); err != nil {
		t.Fatal(err)
	}
	// A slip's copy whose dossier the ledger lacks: the next number, another citizen.
	names, _ := filepath.Glob(filepath.Join(u.desk.Dir, "archive", "*", "*~so*.json"))
	if len(names) != 1 {
		t.Fatalf("archive copies: %v", names)
	}
	b, _ := os.ReadFile(names[0])
	var a desk.ArchivedDossier
	if err := json.Unmarshal(b, &a); err != nil {
		t.Fatal(err)
	}
	a.Dossier.Name, a.Key = "Lê Văn Giấy", ""
	a.Dossier.BookNo++
	a.Dossier.Code = a.Dossier.Code[:len(a.Dossier.Code)-4] + "0099"
	b, _ = json.Marshal(a)
	lost := filepath.Join(filepath.Dir(names[0]), a.Dossier.Code+"~so"+strconv.Itoa(a.Dossier.BookNo)+"~HD001~260126~99.json")
	os.WriteFile(lost, b, 0o600)
	u.safety.recoverLost()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog listing the dossier")
	}
	tapButton(t, top, "Nhập lại")
	if got := u.safety.status.Text; !strings.Contains(got, "Đã nhập lại 1 hồ sơ") {
		t.Fatalf("after re-entering: %q", got)
	}
	got, err := s.Dossier(ctx, "admin", a.Dossier.Code)
	if err != nil || got.Name != "Lê Văn Giấy" || got.BookNo != a.Dossier.BookNo {
		t.Errorf("re-entered: %+v %v", got, err)
	}
}
