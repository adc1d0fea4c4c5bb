package main

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"motcua/store"
)

func receiveOne(t *testing.T, dir, by, name string) (string, int) {
	t.Helper()
	out, stderr, code := motcua(t, dir, "-by", by, "receive", "-procedure", "HT01", "-name", name, "-idno", "001090001234",
		"-phone", "0912345678", "-address", "Số 5, Hoài Đức", "-at", "2026-01-26 08:15")
	if code != 0 {
		return stderr, code
	}
	return out, code
}

func TestRoleIsCheckedForTheCLIActor(t *testing.T) {
	dir := demoFolder(t)
	for _, c := range []struct {
		by   string
		args []string
		want int
	}{
		{"tiepnhan1", []string{"audit"}, exitUsage},
		{"tiepnhan1", []string{"backup", "-o", filepath.Join(t.TempDir(), "b.db")}, exitUsage},
		{"tiepnhan1", []string{"override", "add", "-date", "2026-06-06", "-kind", "workday"}, exitUsage},
		{"tiepnhan1", []string{"official", "add", "-login", "moi", "-name", "Người Mới", "-role", "admin"}, exitUsage},
		{"tiepnhan1", []string{"report", "-kind", "officials", "-from", "2026-01-01", "-to", "2026-01-31"}, exitUsage},
		{"chutich", []string{"report", "-kind", "officials", "-from", "2026-01-01", "-to", "2026-01-31"}, exitOK},
		{"tuphap", []string{"search", "nguyen"}, exitOK},
		{"chutich", []string{"audit", "-entity", "official"}, exitOK},
		{"admin", []string{"security", "-idle", "5"}, exitOK},
		{"chutich", []string{"security", "-idle", "5"}, exitUsage},
	} {
		_, stderr, code := motcua(t, dir, append([]string{"-by", c.by}, c.args...)...)
		if code != c.want {
			t.Errorf("%s %v: exit %d, want %d (%s)", c.by, c.args, code, c.want, stderr)
		}
		if c.want == exitUsage && !strings.Contains(stderr, "không có quyền") {
			t.Errorf("%s %v: stderr %q does not say the right is missing", c.by, c.args, stderr)
		}
	}
	// A processing official does not receive; a counter official does, and it is attributed.
	if msg, code := receiveOne(t, dir, "tuphap", "Nguyễn Văn An"); code != exitUsage || !strings.Contains(msg, "tiếp nhận hồ sơ") {
		t.Errorf("receive by tuphap: exit %d, %s", code, msg)
	}
	if _, code := receiveOne(t, dir, "tiepnhan2", "Nguyễn Văn An"); code != 0 {
		t.Fatal("receive by tiepnhan2 failed")
	}
	out, _, _ := motcua(t, dir, "audit", "-entity", "dossier")
	if !strings.Contains(out, "tiepnhan2\tdossier\tHD001-260126-0001\treceive") {
		t.Errorf("audit does not attribute the intake: %q", out)
	}
}

func TestPasswdOfficialAndAuditFromTheCLI(t *testing.T) {
	dir := demoFolder(t)
	if _, stderr, code := motcua(t, dir, "official", "add", "-login", "tiepnhan3", "-name", "Vũ Thị Mai", "-role", "counter"); code != 0 {
		t.Fatalf("official add: %d %s", code, stderr)
	}
	if _, stderr, code := motcuaIn(t, dir, "mật khẩu của Mai\n", "passwd", "-login", "tiepnhan3"); code != 0 {
		t.Fatalf("passwd by the admin: %d %s", code, stderr)
	}
	loginAs(t, dir, "tiepnhan3", "mật khẩu của Mai")
	// For oneself the old password comes first.
	if _, stderr, code := motcuaIn(t, dir, "sai\nmật khẩu mới của Mai\n", "-by", "tiepnhan3", "passwd", "-login", "tiepnhan3"); code != exitUsage {
		t.Errorf("own passwd with a wrong old one: %d %s", code, stderr)
	}
	if _, stderr, code := motcuaIn(t, dir, "mật khẩu của Mai\n583920\n", "-by", "tiepnhan3", "passwd", "-pin", "-login", "tiepnhan3"); code != 0 {
		t.Errorf("own PIN: %d %s", code, stderr)
	}
	if _, stderr, code := motcuaIn(t, dir, "x\n12345678\n", "-by", "tiepnhan3", "passwd", "-login", "tiepnhan1"); code != exitUsage {
		t.Errorf("a counter official set another's password: %d %s", code, stderr)
	}
	if out, stderr, code := motcua(t, dir, "official", "disable", "-login", "tiepnhan3"); code != 0 || !strings.Contains(out, "ngừng") {
		t.Errorf("official disable: %d %q %s", code, out, stderr)
	}
	out, _, code := motcua(t, dir, "audit", "-official", "admin", "-entity", "official", "-from", "01/01/2020")
	if code != 0 || !strings.Contains(out, "tiepnhan3\tcreate") || !strings.Contains(out, "tiepnhan3\tpassword") || !strings.Contains(out, "tiepnhan3\tdeactivate") {
		t.Errorf("audit of the admin's official changes: %q", out)
	}
	if strings.Contains(out, "mật khẩu của Mai") {
		t.Error("a password is in the audit trail")
	}
	if out, _, _ := motcua(t, dir, "audit", "-to", "01/01/2020"); out != "" {
		t.Errorf("audit before 2020: %q", out)
	}
}

func TestBackupCheckRestoreFromTheCLI(t *testing.T) {
	dir := demoFolder(t)
	for i := 0; i < 40; i++ {
		if _, code := receiveOne(t, dir, "tiepnhan1", "Trần Thị Bích"); code != 0 {
			t.Fatal("receive")
		}
	}
	bak := filepath.Join(t.TempDir(), "sao-luu.db")
	if out, stderr, code := motcua(t, dir, "backup", "-o", bak); code != 0 || !strings.Contains(out, bak) {
		t.Fatalf("backup: %d %s %s", code, out, stderr)
	}
	if fi, err := os.Stat(bak); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("backup file mode: %v %v", fi, err)
	}
	if out, _, code := motcua(t, dir, "check"); code != 0 || !strings.Contains(out, "tốt") {
		t.Errorf("check of the live data: %d %q", code, out)
	}
	receiveOne(t, dir, "tiepnhan1", "Người Sau Sao Lưu")
	if _, stderr, code := motcua(t, dir, "restore", bak); code != exitUsage || !strings.Contains(stderr, "-yes") {
		t.Errorf("restore without -yes: %d %s", code, stderr)
	}
	if out, stderr, code := motcua(t, dir, "restore", "-yes", bak); code != 0 || !strings.Contains(out, "before-restore") {
		t.Fatalf("restore: %d %s %s", code, out, stderr)
	}
	if out, _, _ := motcua(t, dir, "search", "Người Sau"); strings.TrimSpace(out) != "" {
		t.Errorf("the dossier after the backup is still there: %q", out)
	}
	if out, _, _ := motcua(t, dir, "audit", "-entity", "backup"); !strings.Contains(out, "restore") {
		t.Errorf("restore not in the audit: %q", out)
	}

	// A copy with a page of flipped bytes is refused by check (exit 1) and by restore.
	b, err := os.ReadFile(bak)
	if err != nil {
		t.Fatal(err)
	}
	mid := len(b) / 2 / 4096 * 4096
	for i := mid; i < mid+4096; i++ {
		b[i] ^= 0x5A
	}
	bad := filepath.Join(t.TempDir(), "hong.db")
	if err := os.WriteFile(bad, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, _, code := motcua(t, dir, "check", bad); code != exitError || !strings.Contains(out, "HỎNG") {
		t.Errorf("check of a damaged file: %d %q", code, out)
	}
	if _, stderr, code := motcua(t, dir, "restore", "-yes", bad); code != exitUsage || !strings.Contains(stderr, "hỏng") {
		t.Errorf("restore of a damaged file: %d %s", code, stderr)
	}
}

func TestDamagedDatabaseNamesTheNewestGoodBackup(t *testing.T) {
	dir := demoFolder(t)
	for i := 0; i < 40; i++ {
		receiveOne(t, dir, "tiepnhan1", "Trần Thị Bích")
	}
	good := filepath.Join(dir, "backups", "motcua-20260126-120000.db")
	if _, stderr, code := motcua(t, dir, "backup", "-o", good); code != 0 {
		t.Fatal(stderr)
	}
	db := filepath.Join(dir, "motcua.db")
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	copy(b[:16], "not a database!!") // the header itself
	if err := os.WriteFile(db, b, 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(db + "-wal")
	os.Remove(db + "-shm")
	_, stderr, code := motcua(t, dir, "officials")
	if code == 0 || !strings.Contains(stderr, good) || !strings.Contains(stderr, "restore -yes") {
		t.Errorf("opening a damaged database: %d %s", code, stderr)
	}
	if out, _, code := motcua(t, dir, "check"); code != exitError || !strings.Contains(out, good) {
		t.Errorf("check: %d %s", code, out)
	}
	// The damaged ledger cannot say who may restore: an admin of the backup gives a password.
	if _, stderr, code := motcua(t, dir, "restore", "-yes", good); code == 0 || !strings.Contains(stderr, "mật khẩu") {
		t.Fatalf("restore over a damaged database with no credential: %d %s", code, stderr)
	}
	if _, stderr, code := motcuaIn(t, dir, "sai\n", "-by", "admin", "restore", "-yes", good); code == 0 {
		t.Fatalf("restore over a damaged database with a wrong password: %s", stderr)
	}
	if _, stderr, code := motcuaIn(t, dir, "tiepnhan1@2026\n", "-by", "tiepnhan1", "restore", "-yes", good); code == 0 {
		t.Fatalf("restore over a damaged database by a counter official: %s", stderr)
	}
	if _, stderr, code := motcuaIn(t, dir, "admin@2026\n", "-by", "admin", "restore", "-yes", good); code != 0 {
		t.Fatalf("restore over a damaged database: %s", stderr)
	}
	if out, _, code := motcua(t, dir, "check"); code != 0 {
		t.Errorf("after the restore: %d %s", code, out)
	}
}

func TestOfficialPhotoFromTheCLI(t *testing.T) {
	dir := demoFolder(t)
	f := filepath.Join(t.TempDir(), "anh.png")
	img := image.NewRGBA(image.Rect(0, 0, 40, 50))
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := motcua(t, dir, "official", "photo", "-login", "tiepnhan1", "-file", f); code != 0 {
		t.Fatalf("official photo: exit %d: %s", code, stderr)
	}
	if img := storedPhoto(t, dir, "tiepnhan1"); img == nil {
		t.Error("official photo -file: nothing stored")
	}
	// A counter official may not set another's photo; a text file is no photo.
	if _, stderr, code := motcua(t, dir, "-by", "tiepnhan2", "official", "photo", "-login", "tiepnhan1", "-file", f); code != 2 {
		t.Errorf("counter official setting another's photo: exit %d: %s", code, stderr)
	}
	txt := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(txt, []byte("không phải ảnh"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := motcua(t, dir, "official", "photo", "-login", "tiepnhan1", "-file", txt); code != 2 || !strings.Contains(stderr, "Ảnh") {
		t.Errorf("not an image: exit %d: %s", code, stderr)
	}
	if _, stderr, code := motcua(t, dir, "official", "photo", "-login", "tiepnhan1", "-remove"); code != 0 {
		t.Errorf("remove: exit %d: %s", code, stderr)
	}
	if img := storedPhoto(t, dir, "tiepnhan1"); img != nil {
		t.Errorf("official photo -remove: %d bytes still stored", len(img))
	}
}

// storedPhoto is the official's photo as the kiosk would read it from the folder's database.
func storedPhoto(t *testing.T, dir, login string) []byte {
	t.Helper()
	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	img, err := s.Photo(context.Background(), login)
	if err != nil {
		t.Fatal(err)
	}
	return img
}
