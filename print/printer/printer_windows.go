//go:build windows

package printer

import (
	"context"
	"os/exec"
	"strings"
	"syscall"
)

// send asks the shell to print with the program registered for PDFs (the
// "print" verb, or "printto" for a named printer), as Explorer's Print does.
// The paper size is the driver's: the handler takes no options.
func send(ctx context.Context, path, printer string, _ Options) error {
	script := "Start-Process -FilePath " + psQuote(path) + " -Verb Print -WindowStyle Hidden"
	if printer != "" {
		script = "Start-Process -FilePath " + psQuote(path) + " -Verb PrintTo -ArgumentList " +
			psQuote(`"`+printer+`"`) + " -WindowStyle Hidden"
	}
	_, err := runTool(ctx, "powershell", "-NoProfile", "-NonInteractive", "-Command", script)
	return err
}

func printers(ctx context.Context) ([]string, error) {
	out, err := runTool(ctx, "powershell", "-NoProfile", "-NonInteractive", "-Command",
		"Get-CimInstance Win32_Printer | ForEach-Object { $_.Name }")
	if err != nil {
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

// psQuote makes s one single-quoted PowerShell string.
func psQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// hide keeps the PowerShell console from flashing on the counter screen.
func hide(cmd *exec.Cmd) { cmd.SysProcAttr = &syscall.SysProcAttr{HideWindow: true} }
