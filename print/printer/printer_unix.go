//go:build !windows

package printer

import (
	"context"
	"errors"
	"os/exec"
	"strings"
)

// send hands the file to CUPS. The path is absolute, so it can never be
// taken for an option.
func send(ctx context.Context, path, printer string, o Options) error {
	var args []string
	if printer != "" {
		args = append(args, "-d", printer)
	}
	if o.Media != "" {
		args = append(args, "-o", "media="+o.Media)
	}
	args = append(args, path)
	if _, err := exec.LookPath("lp"); err != nil {
		return errors.New("không tìm thấy lệnh lp (chưa cài CUPS: apt-get install cups-client)")
	}
	_, err := runTool(ctx, "lp", args...)
	return err
}

// printers asks CUPS for its destinations, one name per line.
func printers(ctx context.Context) ([]string, error) {
	out, err := runTool(ctx, "lpstat", "-e")
	if err != nil {
		// lpstat exits non-zero when there is no destination at all.
		if strings.Contains(err.Error(), "No destinations") {
			return nil, nil
		}
		return nil, err
	}
	var names []string
	for _, ln := range strings.Split(out, "\n") {
		if ln = strings.TrimSpace(ln); ln != "" {
			names = append(names, ln)
		}
	}
	return names, nil
}

func hide(*exec.Cmd) {}
