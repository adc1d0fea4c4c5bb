package app

import (
	"fmt"
	"os"
	"runtime/metrics"
	"time"

	"fyne.io/fyne/v2"
)

// processStart is as early as this package can note the time: docs/bench/coldstart.sh measures
// from the process launch itself and uses these marks only to know when the frame is up.
var processStart = time.Now()

// startupMark serves the cold-start benchmark (docs/bench/coldstart.sh). With MOTCUA_STARTUP_MARK
// set, the app prints "motcua-first-frame" on stdout once the window is up and the event loop
// has run a frame; with the value "book" it then opens the tracking book and prints
// "motcua-book-open" when the book's first page of rows is on screen. The book needs a logged-in
// official: startupLogin (a credentials hook only in test and benchmark builds, startup_login.go)
// logs one in. Without the variables it does nothing.
func startupMark(a fyne.App, u *ui) {
	mode := os.Getenv("MOTCUA_STARTUP_MARK")
	if mode == "" {
		return
	}
	a.Lifecycle().SetOnStarted(func() {
		go fyne.Do(func() { // queued behind the first frame of the started loop
			fmt.Printf("motcua-first-frame %d ms cpu %d ms\n", time.Since(processStart).Milliseconds(), processCPU().Milliseconds())
			if mode != "book" {
				return
			}
			go func() {
				if !startupLogin(u) {
					return
				}
				fyne.DoAndWait(func() { u.show(secBook) })
				for range 600 {
					var n int
					fyne.DoAndWait(func() { n = len(u.book.rows) })
					if n > 0 {
						fmt.Printf("motcua-book-open %d rows %d ms cpu %d ms\n", n, time.Since(processStart).Milliseconds(), processCPU().Milliseconds())
						goMemory()
						return
					}
					time.Sleep(20 * time.Millisecond)
				}
				fmt.Println("motcua-book-open timeout")
			}()
		})
	})
}

// goMemory prints, a second after the book opened, what of the process's memory is Go's: the
// live heap and everything the Go runtime has mapped (heap, stacks, its own structures); the
// rest of the RSS is the binary, SQLite's allocations and the OpenGL stack (coldstart.sh).
func goMemory() {
	time.Sleep(time.Second)
	ss := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(ss)
	mb := func(i int) uint64 { return ss[i].Value.Uint64() >> 20 }
	fmt.Printf("motcua-go-memory heap %d MB, mapped %d MB\n", mb(0), mb(1)-mb(2))
}
