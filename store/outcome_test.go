package store

import (
	"bytes"
	"context"
	"errors"
	"net"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// An intake sent again with the key of a committed one returns that dossier, not a second one
// (both backends).
func TestIntakeKeyReturnsTheCommittedDossier(t *testing.T) {
	s := openTest(t)
	in := lifeIntake(t, s, monday)
	in.Key = "khoa-thu-1"
	first := receive(t, s, in)
	again := receive(t, s, in)
	if again.Code != first.Code || again.BookNo != first.BookNo {
		t.Fatalf("resent intake got %s, want %s", again.Code, first.Code)
	}
	var n int
	s.r.QueryRow(`SELECT COUNT(*) FROM dossiers`).Scan(&n)
	if n != 1 {
		t.Errorf("%d dossiers after a resent intake", n)
	}
	in.Key = "khoa-thu-2"
	if other := receive(t, s, in); other.Code == first.Code {
		t.Error("another key got the same dossier")
	}
}

// cutProxy forwards TCP to a PostgreSQL server and, when armed, cuts the connection that sends a
// COMMIT: after forwarding it (the server commits, the answer never arrives) or instead of it.
type cutProxy struct {
	ln      net.Listener
	target  string
	armed   atomic.Bool
	forward bool // forward the COMMIT before cutting
	cuts    atomic.Int32
}

func newCutProxy(t *testing.T, target string, forward bool) *cutProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &cutProxy{ln: ln, target: target, forward: forward}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go p.serve(c)
		}
	}()
	return p
}

func (p *cutProxy) serve(client net.Conn) {
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		client.Close()
		return
	}
	var once sync.Once
	var muted atomic.Bool // the server's answers are no longer passed on
	cut := func() { once.Do(func() { client.Close(); server.Close() }) }
	go func() {
		b := make([]byte, 64<<10)
		for {
			n, err := server.Read(b)
			if n > 0 && !muted.Load() {
				if _, err := client.Write(b[:n]); err != nil {
					break
				}
			}
			if err != nil {
				break
			}
		}
		cut()
	}()
	buf := make([]byte, 64<<10)
	for {
		n, err := client.Read(buf)
		if n > 0 {
			chunk := buf[:n]
			if p.armed.Load() && bytes.Contains(bytes.ToLower(chunk), []byte("commit\x00")) {
				p.armed.Store(false)
				p.cuts.Add(1)
				muted.Store(true)
				if p.forward {
					server.Write(chunk)
					time.Sleep(300 * time.Millisecond) // the server commits; its answer is lost
				}
				cut()
				return
			}
			if _, err := server.Write(chunk); err != nil {
				cut()
				return
			}
		}
		if err != nil {
			cut()
			return
		}
	}
}

// A connection lost during COMMIT is an unknown outcome, not "nothing was written": the intake is
// resent with its key and returns the dossier the server committed, or commits it once.
func TestConnectionCutAtCommitIsResolvedByTheKey(t *testing.T) {
	if !onPG {
		t.Skip("PostgreSQL only (the PostgreSQL half)")
	}
	defer func(w time.Duration) { outcomeRetryWait = w }(outcomeRetryWait)
	outcomeRetryWait = 100 * time.Millisecond
	dbURL := newPGDatabase(t)
	for _, forward := range []bool{true, false} {
		name := map[bool]string{true: "committed, answer lost", false: "cut before the server"}[forward]
		t.Run(name, func(t *testing.T) {
			u, _ := url.Parse(dbURL)
			p := newCutProxy(t, u.Host, forward)
			u.Host = p.ln.Addr().String()
			ctx := context.Background()
			s, err := OpenURL(ctx, u.String())
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if forward {
				if err := s.SeedDemo(ctx); err != nil {
					t.Fatal(err)
				}
			}
			in := lifeIntake(t, s, monday)
			in.Name = "Người Bị Cắt " + map[bool]string{true: "Một", false: "Hai"}[forward]
			in.Key = "khoa-" + in.Name
			// Without a key the outcome is said to be unknown.
			p.armed.Store(true)
			noKey := in
			noKey.Key = ""
			if _, err := s.Receive(ctx, noKey); !errors.Is(err, ErrOutcomeUnknown) {
				t.Fatalf("commit cut without a key = %v; want the outcome unknown", err)
			}
			p.armed.Store(true)
			d, err := s.Receive(ctx, in)
			if err != nil {
				t.Fatalf("commit cut with a key = %v", err)
			}
			if p.cuts.Load() != 2 {
				t.Fatalf("%d cuts, want 2", p.cuts.Load())
			}
			var n int
			if err := s.r.QueryRow(`SELECT COUNT(*) FROM dossiers WHERE intake_key = ?`, in.Key).Scan(&n); err != nil || n != 1 {
				t.Fatalf("%d dossiers with the key (%v), want 1", n, err)
			}
			got, err := s.Dossier(ctx, "", d.Code)
			if err != nil || got.Name != in.Name {
				t.Errorf("returned %s: %+v %v", d.Code, got.Name, err)
			}
		})
	}
}
