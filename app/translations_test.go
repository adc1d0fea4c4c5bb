package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/unicode/norm"

	"motcua/assets"
)

// keysUsed finds every literal key passed to lang.L and lang.X in the package's sources.
func keysUsed(t *testing.T) map[string]string {
	t.Helper()
	re := regexp.MustCompile(`lang\.[LX]\(\s*("(?:[^"\\]|\\.)*")`)
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, f := range files {
		if filepath.Ext(f) != ".go" || len(f) > 8 && f[len(f)-8:] == "_test.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(src, -1) {
			k, err := strconv.Unquote(string(m[1]))
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			keys[k] = f
		}
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d keys; the scan is broken", len(keys))
	}
	return keys
}

func translationFile(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if !norm.NFC.IsNormal(data) {
		t.Errorf("%s is not NFC", name)
	}
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func TestEveryKeyIsTranslated(t *testing.T) {
	vi, en := translationFile(t, "vi.json"), translationFile(t, "en.json")
	for k, f := range keysUsed(t) {
		if !norm.NFC.IsNormalString(k) {
			t.Errorf("%s: key %q is not NFC", f, k)
		}
		if _, ok := vi[k]; !ok {
			t.Errorf("%s: %q missing from vi.json", f, k)
		}
		if _, ok := en[k]; !ok {
			t.Errorf("%s: %q missing from en.json", f, k)
		}
	}
	for k := range vi {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in vi.json but not in en.json", k)
		}
	}
	for k := range en {
		if _, ok := vi[k]; !ok {
			t.Errorf("%q is in en.json but not in vi.json", k)
		}
	}
}

func TestLanguageIgnoresSystemLocale(t *testing.T) {
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "de_DE.UTF-8")
	t.Cleanup(func() { _ = loadTranslations("vi") })

	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	// Fyne's own labels are Vietnamese too, on a German system.
	if got := lang.L("Cancel"); got != "Hủy" {
		t.Errorf("Cancel = %q on a German system, want Hủy", got)
	}
	if got := lang.X("weekday.4", "?"); got != "Thứ Năm" {
		t.Errorf("weekday.4 = %q, want Thứ Năm", got)
	}

	t.Setenv("LC_ALL", "vi_VN.UTF-8")
	if err := loadTranslations("en"); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Tiếp nhận"); got != "Intake" {
		t.Errorf("Tiếp nhận = %q in English on a Vietnamese system, want Intake", got)
	}
	if err := loadTranslations("vi"); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("Tiếp nhận"); got != "Tiếp nhận" {
		t.Errorf("back in Vietnamese, Tiếp nhận = %q", got)
	}
}
