package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"motcua/assets"
)

// counterTheme is calm and readable all day: always light (counter rooms are bright), a quiet
// blue as the primary colour unless the agency chose its own (Quản trị → Cơ quan), and slightly
// larger text for a 1366×768 screen seen from a chair.
type counterTheme struct {
	primary color.NRGBA
}

// defaultPrimary is the quiet blue used when the agency chose no colour.
var defaultPrimary = color.NRGBA{R: 0x1f, G: 0x5f, B: 0x8b, A: 0xff}

func newTheme() fyne.Theme { return themeWith(defaultPrimary) }

// themeWith is the counter theme with the agency's primary colour.
func themeWith(primary color.NRGBA) fyne.Theme { return &counterTheme{primary: primary} }

// withAlpha is the primary colour made see-through, for the focus ring and the selection.
func (t *counterTheme) withAlpha(a uint8) color.Color {
	c := t.primary
	c.A = a
	return c
}

// Colours for the calendar and the notices, kept here with the rest of the palette.
var (
	colourStatutory    = color.NRGBA{R: 0xf4, G: 0xc7, B: 0xc3, A: 0xff}
	colourTet          = color.NRGBA{R: 0xe5, G: 0x73, B: 0x73, A: 0xff}
	colourCompensatory = color.NRGBA{R: 0xff, G: 0xcc, B: 0x80, A: 0xff}
	colourExtra        = color.NRGBA{R: 0xce, G: 0x93, B: 0xd8, A: 0xff}
	colourMakeUp       = color.NRGBA{R: 0xa5, G: 0xd6, B: 0xa7, A: 0xff}
	colourWeekend      = color.NRGBA{R: 0xee, G: 0xee, B: 0xee, A: 0xff}
	colourRail         = color.NRGBA{R: 0xe8, G: 0xef, B: 0xf5, A: 0xff}
)

func (t *counterTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return t.primary
	case theme.ColorNameFocus:
		return t.withAlpha(0x66)
	case theme.ColorNameSelection:
		return t.withAlpha(0x33)
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (t *counterTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *counterTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *counterTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 14
	case theme.SizeNamePadding:
		return 4
	}
	return theme.DefaultTheme().Size(n)
}

func appIcon() fyne.Resource { return fyne.NewStaticResource("icon.png", assets.Icon) }
