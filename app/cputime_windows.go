package app

import (
	"time"

	"golang.org/x/sys/windows"
)

// processCPU is the CPU time (user + system) the process has used so far: the start-up marks
// print it beside the wall clock, which on a busy machine counts others' work too.
func processCPU() time.Duration {
	var c, e, k, u windows.Filetime
	if windows.GetProcessTimes(windows.CurrentProcess(), &c, &e, &k, &u) != nil {
		return 0
	}
	// FILETIME durations count 100-ns ticks (Filetime.Nanoseconds is for dates since 1601).
	ticks := func(f windows.Filetime) int64 { return int64(f.HighDateTime)<<32 | int64(f.LowDateTime) }
	return time.Duration((ticks(k) + ticks(u)) * 100)
}
