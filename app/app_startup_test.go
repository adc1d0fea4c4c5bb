package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"motcua/app/desk"
	"motcua/store"
)

// The start-up backup and check wait for the window's first minutes, are skipped when the app
// closes first, and a damaged ledger is not backed up.
func TestStartUpWorkWaits(t *testing.T) {
	ran := make(chan string, 4)
	check := func(ok bool) func() bool { return func() bool { ran <- "check"; return ok } }
	start := func() { ran <- "start" }

	quit := make(chan struct{})
	go afterStartup(quit, 50*time.Millisecond, 50*time.Millisecond, check(true), start)
	select {
	case r := <-ran:
		t.Fatalf("%s ran before the delay", r)
	case <-time.After(20 * time.Millisecond):
	}
	for _, want := range []string{"check", "start"} {
		select {
		case r := <-ran:
			if r != want {
				t.Fatalf("ran %s, want %s", r, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s did not run after the delay", want)
		}
	}

	// A ledger quick to check is checked at once; the backups still wait for their delay.
	t0 := time.Now()
	go afterStartup(quit, 0, 300*time.Millisecond, check(true), start)
	if r := <-ran; r != "check" || time.Since(t0) > 250*time.Millisecond {
		t.Fatalf("ran %s after %v, want the check at once", r, time.Since(t0))
	}
	if r := <-ran; r != "start" || time.Since(t0) < 300*time.Millisecond {
		t.Fatalf("ran %s after %v, want the backups after their delay", r, time.Since(t0))
	}

	closed := make(chan struct{})
	close(closed)
	afterStartup(closed, time.Hour, time.Hour, check(true), start) // the app closed first: returns at once
	afterStartup(make(chan struct{}), 0, 0, check(false), start)
	if r := <-ran; r != "check" {
		t.Fatalf("ran %s, want the check only", r)
	}
	select {
	case r := <-ran:
		t.Fatalf("%s ran after the app closed or the check failed", r)
	default:
	}
}

// Automatic backups: nothing before start, one on start, a newer one at exit (rotation keeps
// the newest of a day).
func TestAutoBackupsStartAndExit(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.SeedDemo(ctx); err != nil {
		t.Fatal(err)
	}
	d := desk.New(s, dir)
	bdir, err := s.BackupDir(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	backups := func() []string {
		es, _ := os.ReadDir(bdir)
		var out []string
		for _, e := range es {
			if filepath.Ext(e.Name()) == s.BackupExt() {
				out = append(out, e.Name())
			}
		}
		return out
	}
	start, atExit := autoBackups(d, nil)
	if b := backups(); len(b) != 0 {
		t.Fatalf("backups before start: %v", b)
	}
	start()
	for i := 0; len(backups()) == 0; i++ {
		if i > 500 {
			t.Fatal("no backup 10 s after start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	first := backups()
	time.Sleep(1100 * time.Millisecond) // backups are named to the second
	atExit()
	if b := backups(); len(b) != 1 || b[0] <= first[0] {
		t.Errorf("backups after exit %v; want one newer than the start's %v", b, first)
	}
}
