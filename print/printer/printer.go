// Package printer sends a finished PDF to a printer: CUPS (lp) on Linux and
// other Unix systems, the system's PDF handler on Windows. A failure is
// reported in Vietnamese, naming the printer, and never touches the PDF, so
// the caller can offer to reprint or open it.
package printer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Options are how a job is printed. Media is the paper loaded for it ("A5",
// "A4"); empty leaves the printer's default. CUPS gets it as "-o media=A5";
// the Windows PDF handler takes no options and uses the driver's settings.
type Options struct {
	Media string
}

// Send prints the PDF at pdfPath on the named printer; an empty name means
// the system's default printer.
func Send(ctx context.Context, pdfPath, printer string) error {
	return SendWith(ctx, pdfPath, printer, Options{})
}

// SendWith is Send with print options.
func SendWith(ctx context.Context, pdfPath, printer string, o Options) error {
	abs, err := filepath.Abs(pdfPath)
	if err == nil {
		_, err = os.Stat(abs)
	}
	if err != nil {
		return sendError(printer, fmt.Errorf("không đọc được tệp %s: %w", pdfPath, err))
	}
	if err := send(ctx, abs, printer, o); err != nil {
		return sendError(printer, err)
	}
	return nil
}

// Printers lists the printers the system knows, by the names Send takes.
func Printers(ctx context.Context) ([]string, error) {
	names, err := printers(ctx)
	if err != nil {
		return nil, fmt.Errorf("không lấy được danh sách máy in: %w", err)
	}
	return names, nil
}

func sendError(printer string, reason error) error {
	name := "mặc định"
	if printer != "" {
		name = fmt.Sprintf("%q", printer)
	}
	return fmt.Errorf("Không gửi được đến máy in %s: %w", name, reason)
}

// runTool runs a command and turns its failure into a short reason: the
// tool's own message when it gave one.
func runTool(ctx context.Context, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	hide(cmd)
	cmd.WaitDelay = 2 * time.Second // do not hang on a killed tool's children holding its pipes
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err == nil {
		return string(out), nil
	}
	if errors.Is(err, exec.ErrNotFound) {
		return "", fmt.Errorf("không tìm thấy lệnh %s trên máy này", name)
	}
	if ctx.Err() != nil {
		return "", fmt.Errorf("%s bị dừng: %w", name, ctx.Err())
	}
	if msg := strings.TrimSpace(stderr.String()); msg != "" {
		return "", fmt.Errorf("%s: %s", name, msg)
	}
	return "", fmt.Errorf("%s: %w", name, err)
}
