//go:build !windows

package app

import (
	"syscall"
	"time"
)

// processCPU is the CPU time (user + system) the process has used so far: the start-up marks
// print it beside the wall clock, which on a busy machine counts others' work too.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
