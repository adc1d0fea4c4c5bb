package store

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// pgOnly marks a test of the PostgreSQL backend itself: it runs in the PostgreSQL half.
func pgOnly(t testing.TB) {
	t.Helper()
	needPG(t)
	if !onPG {
		t.Skip("runs in the PostgreSQL half")
	}
}

// TestPGHelperProcess is not a test: the PostgreSQL tests run the test binary again with it to
// get other counter processes. It receives MOTCUA_PG_HELPER_N dossiers, retrying each one until
// the server takes it (a restart in between), and prints "ACK code book_no" for each.
func TestPGHelperProcess(t *testing.T) {
	u := os.Getenv("MOTCUA_PG_HELPER_URL")
	if u == "" {
		t.Skip("only run as a child of the PostgreSQL concurrency tests")
	}
	n, _ := strconv.Atoi(os.Getenv("MOTCUA_PG_HELPER_N"))
	ctx := context.Background()
	s, err := OpenURL(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	in := intake(t, s, "CT01", vn(2025, 6, 2, 9, 0))
	for range n {
		deadline := time.Now().Add(time.Minute)
		for {
			d, err := s.Receive(ctx, in)
			if err == nil {
				fmt.Printf("ACK %s %d\n", d.Code, d.BookNo)
				break
			}
			if time.Now().After(deadline) {
				t.Fatal(err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

// helpers starts k counter processes of n intakes each on the database at u.
func helpers(t *testing.T, u string, k, n int) ([]*exec.Cmd, []io.Reader) {
	var cmds []*exec.Cmd
	var outs []io.Reader
	for range k {
		cmd := exec.Command(os.Args[0], "-test.run=^TestPGHelperProcess$", "-test.count=1", "-test.v")
		cmd.Env = append(os.Environ(), "MOTCUA_PG_HELPER_URL="+u, "MOTCUA_PG_HELPER_N="+strconv.Itoa(n))
		cmd.Stderr = os.Stderr
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
		outs = append(outs, out)
	}
	return cmds, outs
}

func TestPGFourProcesses(t *testing.T) {
	pgOnly(t)
	s := openTest(t)
	cmds, outs := helpers(t, s.url, 4, 250)
	var wg sync.WaitGroup
	for i, cmd := range cmds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b, _ := io.ReadAll(outs[i])
			if err := cmd.Wait(); err != nil {
				t.Errorf("counter process %d: %v\n%s", i, err, b)
			}
		}()
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	checkNumbers(t, s, 1000)
}

// A counter killed with SIGKILL in the middle of its intakes and the server restarted while
// three counters write: every acknowledged intake is there, nothing is numbered twice, no gap,
// and the surviving counters finish their work after the restart.
func TestPGKilledClientAndServerRestart(t *testing.T) {
	pgOnly(t)
	restart := os.Getenv("MOTCUA_TEST_PG_RESTART")
	if restart == "" {
		t.Skip("MOTCUA_TEST_PG_RESTART is not set (see .ci/postgres): cannot restart the server")
	}
	s := openTest(t)
	const k, n = 3, 150
	cmds, outs := helpers(t, s.url, k, n)
	var mu sync.Mutex
	acked := map[string]int{}
	var perClient [k]int
	var wg sync.WaitGroup
	for i := range cmds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(outs[i])
			for sc.Scan() {
				f := strings.Fields(sc.Text())
				if len(f) == 3 && f[0] == "ACK" {
					no, _ := strconv.Atoi(f[2])
					mu.Lock()
					if prev, dup := acked[f[1]]; dup {
						t.Errorf("code %s acknowledged twice (book %d and %d)", f[1], prev, no)
					}
					acked[f[1]] = no
					perClient[i]++
					mu.Unlock()
				}
			}
		}()
	}
	waitFor := func(total int) {
		for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			mu.Lock()
			got := len(acked)
			mu.Unlock()
			if got >= total {
				return
			}
		}
		t.Fatalf("fewer than %d intakes acknowledged in a minute", total)
	}
	waitFor(60)
	if err := cmds[0].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(150)
	if out, err := exec.Command("sh", "-c", restart).CombinedOutput(); err != nil {
		t.Fatalf("restarting the server: %v\n%s", err, out)
	}
	wg.Wait()
	cmds[0].Wait()
	for i, cmd := range cmds[1:] {
		if err := cmd.Wait(); err != nil {
			t.Errorf("counter %d did not carry on after the restart: %v", i+2, err)
		}
	}
	for i := 1; i < k; i++ {
		if perClient[i] != n {
			t.Errorf("counter %d acknowledged %d intakes, want %d", i+1, perClient[i], n)
		}
	}
	if perClient[0] >= n {
		t.Fatalf("the killed counter finished all %d intakes: it was not killed mid-run", n)
	}

	// The test's own store saw the restart too: it reads again by itself.
	var stored map[string]int
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		var err error
		if stored, err = dossierNumbers(s); err == nil || time.Now().After(deadline) {
			if err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	for code, no := range acked {
		if got, ok := stored[code]; !ok || got != no {
			t.Errorf("acknowledged %s (book %d) is stored as book %d (present: %v)", code, no, got, ok)
		}
	}
	// The killed counter may have committed one intake it never printed: at most one more row.
	if len(stored) < len(acked) || len(stored) > len(acked)+1 {
		t.Errorf("%d dossiers stored, %d acknowledged", len(stored), len(acked))
	}
	checkNumbers(t, s, len(stored))
}

func dossierNumbers(s *Store) (map[string]int, error) {
	rows, err := s.r.Query(`SELECT code, book_no FROM dossiers`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var c string
		var n int
		if err := rows.Scan(&c, &n); err != nil {
			return nil, err
		}
		out[c] = n
	}
	return out, rows.Err()
}

// proxy forwards TCP connections to the test server; closing it is a pulled network cable.
type proxy struct {
	ln     net.Listener
	target string
	mu     sync.Mutex
	conns  []net.Conn
}

func startProxy(t *testing.T, addr, target string) *proxy {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{ln: ln, target: target}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
	return p
}

// cut closes the listener and every forwarded connection.
func (p *proxy) cut() {
	p.ln.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// An unreachable server: intake is refused with a clear Vietnamese message (no number invented),
// and the same Store works again when the server is back, without reopening.
func TestPGUnreachableServerRefusesAndRecovers(t *testing.T) {
	pgOnly(t)
	s := openTest(t)
	ctx := context.Background()
	addr := s.url[strings.Index(s.url, "@")+1:]
	addr = addr[:strings.Index(addr, "/")]
	p := startProxy(t, "127.0.0.1:0", addr)
	viaProxy := strings.Replace(s.url, "@"+addr+"/", "@"+p.ln.Addr().String()+"/", 1)
	c, err := OpenURL(ctx, viaProxy)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	in := intake(t, c, "CT01", vn(2025, 6, 2, 9, 0))
	first, err := c.Receive(ctx, in)
	if err != nil {
		t.Fatal(err)
	}

	p.cut()
	_, err = c.Receive(ctx, in)
	if !errors.Is(err, ErrUnreachable) {
		t.Fatalf("intake with the server unreachable: %v, want ErrUnreachable", err)
	}
	if !strings.HasPrefix(err.Error(), "Không kết nối được máy chủ cơ sở dữ liệu") {
		t.Errorf("message %q does not start by saying the server is unreachable", err)
	}
	if strings.Contains(err.Error(), "motcua_test:motcua_test") || strings.Contains(err.Error(), ":motcua_test@") {
		t.Errorf("message %q shows the password", err)
	}

	// The server comes back on the same address: the next intake works and takes the next number.
	p2 := startProxy(t, p.ln.Addr().String(), addr)
	defer p2.cut()
	var second Dossier
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if second, err = c.Receive(ctx, in); err == nil || time.Now().After(deadline) {
			break
		}
	}
	if err != nil {
		t.Fatalf("intake after the server came back: %v", err)
	}
	if first.BookNo != 1 || second.BookNo != 2 || second.Code != "HD001-250602-0002" {
		t.Errorf("numbers %s/%d then %s/%d, want 1 then 2 with no gap", first.Code, first.BookNo, second.Code, second.BookNo)
	}
}

func TestOpenURLUnreachableHidesPassword(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now
	_, err = OpenURL(context.Background(), "postgres://motcua_app:S3cr3t-pass@"+addr+"/motcua?sslmode=disable")
	if !errors.Is(err, ErrUnreachable) {
		t.Fatalf("OpenURL on a closed port: %v, want ErrUnreachable", err)
	}
	if strings.Contains(err.Error(), "S3cr3t") {
		t.Errorf("message %q shows the password", err)
	}
	if !strings.Contains(err.Error(), addr) {
		t.Errorf("message %q does not name the server %s", err, addr)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://app:S3cr3t@db.local:5432/motcua?sslmode=require": "postgres://app:***@db.local:5432/motcua?sslmode=require",
		"postgresql://app@db.local/motcua":                           "postgresql://app@db.local/motcua",
		"failed: host=db user=app password=S3cr3t dbname=motcua":     "failed: host=db user=app password=*** dbname=motcua",
		"cannot open postgres://app:p%40ss@10.0.0.5/motcua: timeout": "cannot open postgres://app:***@10.0.0.5/motcua: timeout",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
	if got := RedactURL("postgres://app:S3cr3t@db:5432/m?password=x&sslmode=disable"); strings.Contains(got, "S3cr3t") || strings.Contains(got, "password=x") {
		t.Errorf("RedactURL left a password: %q", got)
	}
}
