//go:build !cgo

// A build without cgo (CGO_ENABLED=0, e.g. a backup cron on a server) has no window: Fyne's
// driver needs cgo. Every command but these two works the same.
package main

// errNoWindow says what this build cannot do and what to use instead.
var errNoWindow = usagef("bản motcua này được dựng không có cửa sổ (CGO_ENABLED=0): chỉ dùng được các lệnh dòng lệnh (motcua -h liệt kê các lệnh); để mở cửa sổ làm việc hay màn hình đánh giá, hãy dùng bản có giao diện")

func runGUI(e *env, args []string) error { return errNoWindow }

func runKiosk(e *env, args []string) error { return errNoWindow }
