package printer

import (
	"fmt"
	"os/exec"
)

// Open shows the PDF in the system's viewer: the fallback when no printer answers.
func Open(path string) error {
	cmd := exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	hide(cmd)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("Không mở được tệp %s: %w", path, err)
	}
	go cmd.Wait()
	return nil
}
