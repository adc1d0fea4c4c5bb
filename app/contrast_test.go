package app

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// contrast is the theme's contrastRatio, the WCAG 2.1 formula.
func contrast(a, b color.Color) float64 { return contrastRatio(a, b) }

// over is c drawn over the opaque bg (the colours with alpha: focus, selection, hover).
func over(c, bg color.Color) color.Color {
	r, g, b, a := c.RGBA()
	br, bgc, bb, _ := bg.RGBA()
	mix := func(f, k uint32) uint8 { return uint8((f + k*(0xffff-a)/0xffff) >> 8) }
	return color.NRGBA{R: mix(r, br), G: mix(g, bgc), B: mix(b, bb), A: 0xff}
}

// textPairs are the text colours the screens draw and what they are drawn on: labels of each
// importance on the window, the rail and the strips; button text on each button colour; a
// field's text and hint on the field.
func textPairs(th fyne.Theme, v fyne.ThemeVariant) map[string][2]color.Color {
	c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, v) }
	bg := c(theme.ColorNameBackground)
	out := map[string][2]color.Color{}
	for name, ground := range map[string]color.Color{"background": bg, "rail": colourRail} {
		for _, ink := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNamePrimary, theme.ColorNameSuccess,
			theme.ColorNameError, theme.ColorNameWarning, theme.ColorNameHyperlink} {
			out[string(ink)+" on "+name] = [2]color.Color{c(ink), ground}
		}
	}
	out["text on button"] = [2]color.Color{c(theme.ColorNameForeground), over(c(theme.ColorNameButton), bg)}
	out["text on primary button"] = [2]color.Color{c(theme.ColorNameForegroundOnPrimary), c(theme.ColorNamePrimary)}
	out["text on danger button"] = [2]color.Color{c(theme.ColorNameForegroundOnError), c(theme.ColorNameError)}
	out["text on success button"] = [2]color.Color{c(theme.ColorNameForegroundOnSuccess), c(theme.ColorNameSuccess)}
	out["text on warning button"] = [2]color.Color{c(theme.ColorNameForegroundOnWarning), c(theme.ColorNameWarning)}
	field := over(c(theme.ColorNameInputBackground), bg)
	out["text in a field"] = [2]color.Color{c(theme.ColorNameForeground), field}
	out["hint in a field"] = [2]color.Color{c(theme.ColorNamePlaceHolder), field}
	out["selected list row"] = [2]color.Color{c(theme.ColorNameForeground), over(c(theme.ColorNameSelection), bg)}
	return out
}

// TestTextContrastMeetsWCAGAA computes every text colour against its ground from the theme
// colours, for the counter theme (in both variants: it is light in both) and the kiosk's:
// WCAG 2.1 AA wants 4.5:1 for body text (the counter's 14 px text is not "large").
func TestTextContrastMeetsWCAGAA(t *testing.T) {
	for name, th := range map[string]fyne.Theme{"counter": newTheme(), "counter, agency colour": themeWith(color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}), "kiosk": kioskTheme{}} {
		for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
			for pair, cs := range textPairs(th, v) {
				if r := contrast(cs[0], cs[1]); r < 4.5 {
					t.Errorf("%s theme, variant %d: %s is %s:1, want ≥ 4.5:1", name, v, pair, fmt.Sprintf("%.2f", r))
				}
			}
		}
	}
}
