package store

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// fold turns text into its search form: lower case, diacritics removed, đ → d. It is done here,
// not by FTS5's remove_diacritics, because đ has no Unicode decomposition and "dang" must find
// "Đặng".
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	out = strings.ToLower(out)
	return strings.Map(func(r rune) rune {
		if r == 'đ' {
			return 'd'
		}
		return r
	}, out)
}

// words splits folded text into its letter/digit words.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}
