package assets

import "embed"

// Help holds the help screen (F1), one Markdown file per language: help/vi.md, help/en.md.
//
//go:embed help
var Help embed.FS
