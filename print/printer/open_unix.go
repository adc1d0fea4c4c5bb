//go:build !windows

package printer

import (
	"fmt"
	"os/exec"
)

// Open shows the PDF in the desktop's viewer: the fallback when no printer answers.
func Open(path string) error {
	cmd := exec.Command("xdg-open", path)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("Không mở được tệp %s: %w", path, err)
	}
	go cmd.Wait() // xdg-open returns at once; reap it without blocking the caller.
	return nil
}
