//go:build !windows

package printer

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// fakeTool puts an executable shell script named name on an otherwise empty
// PATH; it records its arguments, one per line, in the returned file.
func fakeTool(t *testing.T, name, body string) (argsFile string) {
	t.Helper()
	dir := t.TempDir()
	argsFile = filepath.Join(dir, "args")
	script := "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\" >> '" + argsFile + "'; done\n" + body + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	return argsFile
}

func slip(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "-HD001-260126-0001.pdf") // a name that looks like an option
	if err := os.WriteFile(p, []byte("%PDF-1.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readArgs(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("lp was not run: %v", err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func TestSendNamedPrinter(t *testing.T) {
	pdf := slip(t)
	args := fakeTool(t, "lp", "echo 'request id is Quay-1 (1 file(s))'")
	if err := Send(context.Background(), pdf, "Quầy 1"); err != nil {
		t.Fatal(err)
	}
	if got, want := readArgs(t, args), []string{"-d", "Quầy 1", pdf}; !reflect.DeepEqual(got, want) {
		t.Fatalf("lp got %q, want %q", got, want)
	}
}

func TestSendDefaultPrinter(t *testing.T) {
	pdf := slip(t)
	args := fakeTool(t, "lp", "")
	if err := Send(context.Background(), pdf, ""); err != nil {
		t.Fatal(err)
	}
	if got, want := readArgs(t, args), []string{pdf}; !reflect.DeepEqual(got, want) {
		t.Fatalf("lp got %q, want %q", got, want)
	}
}

func TestSendRelativePathBecomesAbsolute(t *testing.T) {
	pdf := slip(t)
	args := fakeTool(t, "lp", "")
	t.Chdir(filepath.Dir(pdf))
	if err := Send(context.Background(), filepath.Base(pdf), "Quầy 1"); err != nil {
		t.Fatal(err)
	}
	got := readArgs(t, args)
	if last := got[len(got)-1]; !filepath.IsAbs(last) {
		t.Fatalf("lp was given %q, want an absolute path (a file name starting with '-' is an option to lp)", last)
	}
}

func TestSendPrinterRefuses(t *testing.T) {
	pdf := slip(t)
	fakeTool(t, "lp", "echo 'lp: The printer or class does not exist.' >&2; exit 1")
	err := Send(context.Background(), pdf, "Quầy 2")
	if err == nil {
		t.Fatal("a failing lp reported success")
	}
	for _, w := range []string{"Không gửi được đến máy in", "Quầy 2", "The printer or class does not exist"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
}

func TestSendWithoutCUPS(t *testing.T) {
	pdf := slip(t)
	t.Setenv("PATH", t.TempDir())
	err := Send(context.Background(), pdf, "Quầy 1")
	if err == nil {
		t.Fatal("printing without lp reported success")
	}
	for _, w := range []string{"Không gửi được đến máy in", "Quầy 1", "lp"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
}

func TestSendMissingFile(t *testing.T) {
	args := fakeTool(t, "lp", "")
	err := Send(context.Background(), filepath.Join(t.TempDir(), "khong-co.pdf"), "")
	if err == nil || !strings.Contains(err.Error(), "máy in mặc định") || !strings.Contains(err.Error(), "khong-co.pdf") {
		t.Fatalf("missing file: err = %v, want one naming the default printer and the file", err)
	}
	if _, statErr := os.Stat(args); statErr == nil {
		t.Error("lp was run for a file that does not exist")
	}
}

func TestSendCancelled(t *testing.T) {
	pdf := slip(t)
	fakeTool(t, "lp", "while :; do :; done") // a spooler that hangs
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := Send(ctx, pdf, "Quầy 1")
	if err == nil || !strings.Contains(err.Error(), "Quầy 1") {
		t.Fatalf("a hung lp: err = %v, want an error naming the printer", err)
	}
}

func TestPrinters(t *testing.T) {
	args := fakeTool(t, "lpstat", "printf 'Quay_1\\nHP_LaserJet_P1102\\n'")
	got, err := Printers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Quay_1", "HP_LaserJet_P1102"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Printers = %q, want %q", got, want)
	}
	if a := readArgs(t, args); !reflect.DeepEqual(a, []string{"-e"}) {
		t.Fatalf("lpstat got %q, want -e", a)
	}
}

func TestPrintersNone(t *testing.T) {
	fakeTool(t, "lpstat", "echo 'lpstat: No destinations added.' >&2; exit 1")
	got, err := Printers(context.Background())
	if err != nil || len(got) != 0 {
		t.Fatalf("Printers = %q, %v; want none and no error", got, err)
	}
}

func TestPrintersWithoutCUPS(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, err := Printers(context.Background()); err == nil || !strings.Contains(err.Error(), "lpstat") {
		t.Fatalf("Printers without lpstat: err = %v, want one naming lpstat", err)
	}
}

func TestSendWithPaperSize(t *testing.T) {
	pdf := slip(t)
	args := fakeTool(t, "lp", "")
	if err := SendWith(context.Background(), pdf, "Quầy 1", Options{Media: "A5"}); err != nil {
		t.Fatal(err)
	}
	if got, want := readArgs(t, args), []string{"-d", "Quầy 1", "-o", "media=A5", pdf}; !reflect.DeepEqual(got, want) {
		t.Fatalf("lp got %q, want %q", got, want)
	}
}

func TestSendWithPaperSizeDefaultPrinter(t *testing.T) {
	pdf := slip(t)
	args := fakeTool(t, "lp", "")
	if err := SendWith(context.Background(), pdf, "", Options{Media: "A4"}); err != nil {
		t.Fatal(err)
	}
	if got, want := readArgs(t, args), []string{"-o", "media=A4", pdf}; !reflect.DeepEqual(got, want) {
		t.Fatalf("lp got %q, want %q", got, want)
	}
}
