package desk

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/store"
)

// After a restore to an older backup, the next intake takes no code or book number already on a
// slip, no archived slip is overwritten, and the dossiers on paper are entered again from the
// archive: the book is whole and the ledger passes its check.
func TestRestoreToAnOlderBackupReissuesNothing(t *testing.T) {
	d, p := newDesk(t)
	ctx := context.Background()
	d.SetSender(func(context.Context, string, string) error { return nil })
	issued := map[string]bool{}
	books := map[int]bool{}
	in := intake(p, "Nguyễn Văn An")
	for i := 0; i < 3; i++ {
		in.ReceivedAt = in.ReceivedAt.Add(time.Minute)
		r, err := d.Receive(ctx, in)
		if err != nil || r.PrintErr != nil {
			t.Fatal(err, r.PrintErr)
		}
		issued[r.Dossier.Code], books[r.Dossier.BookNo] = true, true
	}
	backup, err := d.Store.Backup(ctx, "admin", filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	slips := map[string][]byte{}
	for i := 0; i < 2; i++ { // on paper, lost by the restore
		in.Name = "Lê Thị Mất"
		in.ReceivedAt = in.ReceivedAt.Add(time.Minute)
		r, err := d.Receive(ctx, in)
		if err != nil || r.PrintErr != nil {
			t.Fatal(err, r.PrintErr)
		}
		issued[r.Dossier.Code], books[r.Dossier.BookNo] = true, true
		slips[r.SlipPath], _ = os.ReadFile(r.SlipPath)
	}
	path := d.Store.Path()
	d.Store.Close()
	if _, err := store.Restore(ctx, path, backup, store.RestoreAuth{By: "admin"}); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d.Store = s
	rec, err := d.Reconcile(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Lost) != 2 || rec.Lost[0].Dossier.Name != "Lê Thị Mất" {
		t.Fatalf("lost on paper = %+v, want the 2 dossiers after the backup", rec.Lost)
	}
	in.Name = "Phạm Văn Mới"
	in.ReceivedAt = in.ReceivedAt.Add(time.Minute)
	r, err := d.Receive(ctx, in)
	if err != nil || r.PrintErr != nil {
		t.Fatal(err, r.PrintErr)
	}
	if issued[r.Dossier.Code] || books[r.Dossier.BookNo] {
		t.Fatalf("intake after the restore got %s / book no %d, already issued", r.Dossier.Code, r.Dossier.BookNo)
	}
	for p, b := range slips {
		if now, _ := os.ReadFile(p); !bytes.Equal(now, b) {
			t.Errorf("archived slip %s was overwritten", p)
		}
	}
	done, err := d.Recover(ctx, "admin")
	if err != nil || len(done) != 2 {
		t.Fatalf("recover = %d, %v", len(done), err)
	}
	for _, dos := range done {
		if !issued[dos.Code] || dos.Name != "Lê Thị Mất" {
			t.Errorf("re-entered %s %s", dos.Code, dos.Name)
		}
	}
	if rec, _ := d.Reconcile(ctx); len(rec.Lost) != 0 {
		t.Errorf("still lost after recover: %d", len(rec.Lost))
	}
	if rep, err := store.CheckFile(ctx, path); err != nil || !rep.Sound() {
		t.Errorf("check after recover: %v %v", rep.String(), err)
	}
	// A reprint of the same dossier may replace its slip.
	if _, err := d.writeReceipt(ctx, "admin", done[0]); err != nil {
		t.Errorf("reprint of a re-entered dossier: %v", err)
	}
}

// An intake whose code already has a slip of another dossier in the archive (a ledger recreated
// without Reconcile) does not overwrite it.
func TestArchivedSlipIsNeverOverwrittenByAnotherDossier(t *testing.T) {
	d, p := newDesk(t)
	ctx := context.Background()
	d.SetSender(func(context.Context, string, string) error { return nil })
	in := intake(p, "Nguyễn Văn An")
	a, _ := d.Store.Agency(ctx)
	code := a.Code + "-" + in.ReceivedAt.Format("060102") + "-0001"
	first := d.archivePath(code, in.ReceivedAt, "01")
	os.MkdirAll(filepath.Dir(first), 0o700)
	os.WriteFile(first, []byte("phiếu của người khác"), 0o600)
	os.WriteFile(filepath.Join(filepath.Dir(first), code+"~so1~"+a.Code+"~"+in.ReceivedAt.Format("060102")+"~1.json"), []byte(`{"Dossier":{"Code":"`+code+`","BookNo":1,"BookYear":2026,"Name":"Người Khác","ReceivedAt":"2026-01-26T07:00:00+07:00"}}`), 0o600)
	r, err := d.Receive(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if r.PrintErr == nil {
		t.Error("the intake's slip was written over another dossier's")
	}
	if b, _ := os.ReadFile(first); string(b) != "phiếu của người khác" {
		t.Error("archived slip overwritten")
	}
	if _, err := d.Slip(ctx, "admin", r.Dossier.Code); err == nil {
		t.Error("reprint overwrote another dossier's slip")
	}
}

// Leftover temporary slips of killed processes are removed at the next open.
func TestLeftoverSlipsAreCleaned(t *testing.T) {
	d, _ := newDesk(t)
	dir := filepath.Join(d.Dir, "archive", "2026")
	os.MkdirAll(dir, 0o700)
	old := filepath.Join(dir, ".slip-123")
	fresh := filepath.Join(dir, ".slip-456")
	os.WriteFile(old, []byte("x"), 0o600)
	os.WriteFile(fresh, []byte("x"), 0o600)
	past := time.Now().Add(-time.Hour)
	os.Chtimes(old, past, past)
	if _, err := d.Reconcile(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Error("old leftover kept")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a slip being written was removed")
	}
}

// A dossier changed in the ledger (even with its hash chain recomputed) differs from its printed
// slip's copy in the archive: CheckArchive names it.
func TestCheckArchiveSeesALedgerEdit(t *testing.T) {
	d, p := newDesk(t)
	ctx := context.Background()
	d.SetSender(func(context.Context, string, string) error { return nil })
	r, err := d.Receive(ctx, intake(p, "Nguyễn Văn An"))
	if err != nil {
		t.Fatal(err)
	}
	if bad, err := d.CheckArchive(ctx, "admin"); err != nil || len(bad) != 0 {
		t.Fatalf("untouched: %v %v", bad, err)
	}
	path := d.Store.Path()
	d.Store.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE dossiers SET name = 'Người Khác', fee = 999 WHERE code = ?`, r.Dossier.Code); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d.Store = s
	bad, err := d.CheckArchive(ctx, "admin")
	if err != nil || len(bad) != 1 || !strings.Contains(bad[0], "Người Khác") || !strings.Contains(bad[0], "lệ phí") {
		t.Errorf("after an edit: %v %v", bad, err)
	}
}
