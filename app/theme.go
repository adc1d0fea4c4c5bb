package app

import (
	"image/color"
	"math"

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

// themeWith is the counter theme with the agency's primary colour, darkened as much as it
// takes for its text to be read (WCAG AA) on the window, on the rail, and white on it.
func themeWith(primary color.NRGBA) fyne.Theme { return &counterTheme{primary: readable(primary)} }

// readable darkens c step by step until text of colour c has 4.5:1 against white and the rail,
// and white text 4.5:1 on c. A dark colour comes back as it is.
func readable(c color.NRGBA) color.NRGBA {
	for range 40 {
		if contrastRatio(c, colourRail) >= 4.5 && contrastRatio(c, color.White) >= 4.5 {
			break
		}
		c.R, c.G, c.B = uint8(float64(c.R)*0.92), uint8(float64(c.G)*0.92), uint8(float64(c.B)*0.92)
	}
	return c
}

// contrastRatio is WCAG 2.1's contrast ratio of two opaque colours, 1 to 21.
func contrastRatio(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		lin := func(v uint32) float64 {
			s := float64(v) / 0xffff
			if s <= 0.03928 {
				return s / 12.92
			}
			return math.Pow((s+0.055)/1.055, 2.4)
		}
		return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
	}
	la, lb := lum(a), lum(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

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

	// Text colours of the notices: Fyne's light green, orange and red are 1.5, 2.2 and 3.7:1 on
	// white; these keep 4.5:1 (WCAG AA) on white and on the rail, and white text on them.
	colourSuccess     = color.NRGBA{R: 0x1b, G: 0x6e, B: 0x2a, A: 0xff}
	colourWarning     = color.NRGBA{R: 0x8a, G: 0x4b, B: 0x00, A: 0xff}
	colourError       = color.NRGBA{R: 0xb7, G: 0x1c, B: 0x1c, A: 0xff}
	colourPlaceholder = color.NRGBA{R: 0x63, G: 0x63, B: 0x63, A: 0xff}
)

func (t *counterTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return t.primary
	case theme.ColorNameFocus:
		return t.withAlpha(0x66)
	case theme.ColorNameSelection:
		return t.withAlpha(0x33)
	case theme.ColorNameSuccess:
		return colourSuccess
	case theme.ColorNameWarning:
		return colourWarning
	case theme.ColorNameError:
		return colourError
	case theme.ColorNamePlaceHolder:
		return colourPlaceholder
	case theme.ColorNameForegroundOnSuccess, theme.ColorNameForegroundOnWarning, theme.ColorNameForegroundOnError,
		theme.ColorNameForegroundOnPrimary:
		return color.White
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
