package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"motcua/assets"
)

// uiLang is the language loaded last ("vi" or "en"): the help text follows it.
var uiLang = "vi"

// loadTranslations makes code ("vi" unless "en") the window's language whatever the system locale.
// Fyne 2.7's lang package has no setter for the language: it matches the system locales against
// the loaded files and falls back to English. So only the chosen file is loaded, under English
// (the fallback of every lookup) and under the system's locale (which wins the match); its
// entries also translate Fyne's own labels ("Cancel", "OK", ...).
func loadTranslations(code string) error {
	if code != "en" {
		code = "vi"
	}
	uiLang = code
	data, err := assets.Translations.ReadFile("translations/" + code + ".json")
	if err != nil {
		return fmt.Errorf("bản dịch %s: %w", code, err)
	}
	sys := lang.SystemLocale()
	base, _, _ := strings.Cut(string(sys), "-")
	seen := map[fyne.Locale]bool{}
	for _, l := range []fyne.Locale{"en", fyne.Locale(base), sys} {
		if seen[l] {
			continue
		}
		seen[l] = true
		if err := lang.AddTranslationsForLocale(data, l); err != nil {
			return fmt.Errorf("bản dịch %s: %w", code, err)
		}
	}
	return nil
}
