package assets

import "embed"

// Translations holds the window's strings, one JSON file per language (vi.json, en.json),
// in the format of fyne.io/fyne/v2/lang: the key is the Vietnamese text, the value its translation.
//
//go:embed translations
var Translations embed.FS
