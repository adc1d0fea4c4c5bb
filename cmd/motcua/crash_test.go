package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"motcua/store"
)

// TestCrashLosesNothingAcknowledged builds the real binary and runs two `motcua receive -count`
// loops against one data folder while killing them with SIGKILL at random moments, until 1,000
// intakes have printed their JSON. Every printed intake must be in the database with the number
// it printed, codes unique, book numbers without a gap, and `motcua check` must pass.
func TestCrashLosesNothingAcknowledged(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs for tens of seconds")
	}
	bin := filepath.Join(t.TempDir(), "motcua")
	build := exec.Command("go", "build", "-tags", "ci", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	// The loops act as tiepnhan1, logged in once: the token is kept for the OS user in the data
	// folder and picked by -by.
	for _, args := range [][]string{{"demo"}, {"login", "-login", "admin"}, {"-by", "admin", "agency", "-save-only", "yes"},
		{"login", "-login", "tiepnhan1"}} {
		cmd := exec.Command(bin, append([]string{"-data", dir}, args...)...)
		if args[0] == "login" {
			cmd.Stdin = strings.NewReader(store.DemoPasswords[args[2]] + "\n")
		}
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
	}

	const want = 1000
	var mu sync.Mutex
	printed := map[string]int{} // code → book number, as acknowledged on stdout
	var dups []string
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(printed) }
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	var wg sync.WaitGroup
	var kills, runs int
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, 7))
			// warm is how long a run takes to acknowledge its first intake on this machine (start-up,
			// the login check): the kill window starts after it, so a loaded machine still kills
			// mid-intake instead of only ever killing start-ups. It grows while runs die silent.
			var warm time.Duration
			for count() < want && ctx.Err() == nil {
				cmd := exec.Command(bin, "-data", dir, "-by", "tiepnhan1", "receive", "-procedure", "HT01",
					"-name", "Nguyễn Văn An", "-idno", "001090001234", "-phone", "0912345678",
					"-address", "Số 5, Hoài Đức", "-count", "200")
				out, err := cmd.StdoutPipe()
				if err != nil {
					t.Error(err)
					return
				}
				if err := cmd.Start(); err != nil {
					t.Error(err)
					return
				}
				// The killer: SIGKILL after a random time, often mid-transaction or mid-slip.
				started := time.Now()
				timer := time.AfterFunc(warm+time.Duration(50+rng.IntN(600))*time.Millisecond, func() { cmd.Process.Kill() })
				dec := json.NewDecoder(out)
				acked := false
				for {
					var r receiveResult
					if err := dec.Decode(&r); err != nil {
						if !errors.Is(err, io.EOF) {
							io.Copy(io.Discard, out) // a JSON cut by the kill was never acknowledged
						}
						break
					}
					mu.Lock()
					if _, seen := printed[r.Code]; seen {
						dups = append(dups, r.Code)
					}
					printed[r.Code] = r.BookNo
					mu.Unlock()
					if !acked {
						acked, warm = true, time.Since(started)
					}
				}
				if !acked {
					warm = min(max(2*warm, 250*time.Millisecond), 10*time.Second)
				}
				killed := !timer.Stop()
				cmd.Wait()
				mu.Lock()
				runs++
				if killed {
					kills++
				}
				mu.Unlock()
			}
		}(uint64(w + 1))
	}
	wg.Wait()
	if ctx.Err() != nil {
		t.Fatalf("only %d intakes in 3 minutes", count())
	}
	if len(dups) > 0 {
		t.Fatalf("codes printed twice: %v", dups)
	}
	t.Logf("%d intakes acknowledged in %d runs, %d killed", len(printed), runs, kills)
	if kills == 0 {
		t.Fatal("no process was killed: the test proved nothing")
	}

	s, err := store.Open(filepath.Join(dir, "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all := map[string]int{}
	year := 0
	if err := s.EachBook(context.Background(), store.BookFilter{}, func(d store.Dossier) error {
		if _, dup := all[d.Code]; dup {
			t.Errorf("code %s twice in the book", d.Code)
		}
		all[d.Code] = d.BookNo
		if year == 0 {
			year = d.BookYear
		}
		if d.BookYear == year && d.BookNo != len(all) {
			t.Fatalf("book number %d at row %d: a gap", d.BookNo, len(all))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for code, no := range printed {
		got, ok := all[code]
		if !ok {
			t.Errorf("acknowledged intake %s (book no %d) is lost", code, no)
		} else if got != no {
			t.Errorf("intake %s printed book no %d, the book has %d", code, no, got)
		}
	}
	s.Close()
	if out, err := exec.Command(bin, "-data", dir, "check").CombinedOutput(); err != nil {
		t.Errorf("motcua check after the crashes: %v\n%s", err, out)
	}
}
