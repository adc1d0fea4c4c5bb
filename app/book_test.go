package app

import (
	"context"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// uiThread runs the window's work on one goroutine, as the GUI driver does (the test driver runs
// fyne.Do inline on whatever goroutine calls it): uiDo queues to it and do runs f there and
// waits. Store calls then run on real goroutines, in any order.
type uiThread struct{ q chan func() }

func newUIThread(t testing.TB) *uiThread {
	u := &uiThread{q: make(chan func(), 64)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for f := range u.q {
			f()
		}
	}()
	old := uiDo
	uiDo = func(f func()) { u.q <- f }
	t.Cleanup(func() { uiDo = old; close(u.q); <-done })
	return u
}

func (u *uiThread) do(f func()) {
	ran := make(chan struct{})
	u.q <- func() { f(); close(ran) }
	<-ran
}

// waitFor polls cond on the UI thread until it holds (or fails the test after a while).
func (u *uiThread) waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		var ok bool
		u.do(func() { ok = cond() })
		if ok {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// With the store read on real goroutines: a query made stale by a newer key is cancelled
// through its context, and its answer, arriving after the newer one's, does not overwrite it.
func TestBookStaleResultNeverOverwritesNewer(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	nguyen := seedBook(t, s, 30)
	test.Tap(u.rail[secBook])
	b := u.book
	if b.total != 30 {
		t.Fatalf("book shows %d rows, want 30", b.total)
	}
	ui := newUIThread(t)
	// The first read started from now on is held until released; the others run at once.
	hold, release := make(chan struct{}), make(chan struct{})
	var held sync.Once
	var wg sync.WaitGroup
	goAsync = func(f func()) {
		wg.Add(1)
		first := false
		held.Do(func() { first = true })
		go func() {
			defer wg.Done()
			if first {
				close(hold)
				<-release
			}
			f()
		}()
	}
	t.Cleanup(func() { close(release); wg.Wait() })
	var stale context.Context
	ui.do(func() {
		b.filter.SetText("nguyen")
		typingPaused(b)
		stale = b.ctx
	})
	<-hold
	ui.do(func() {
		b.filter.SetText("tran")
		if stale.Err() != context.Canceled {
			t.Errorf("the stale read's context: %v, want cancelled at the next key", stale.Err())
		}
		typingPaused(b)
	})
	ui.waitFor(t, "the newer result", func() bool { return b.total == 30-nguyen })
	release <- struct{}{} // the stale read runs now, with its cancelled context
	wg.Wait()
	ui.do(func() {
		if b.total != 30-nguyen || len(b.rows) != 30-nguyen || b.cell(0, 3) != "Trần Văn Bình" {
			t.Errorf("after the stale answer: %d rows (%d shown), first %q; want the %d of “tran”", b.total, len(b.rows), b.cell(0, 3), 30-nguyen)
		}
	})
}
