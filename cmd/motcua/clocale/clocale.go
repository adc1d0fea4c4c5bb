// Package clocale makes the "C" locale of a minimal system (LANG=C.UTF-8, a Docker image, a
// service) read as plain "C" before Fyne's lang package starts: Fyne parses "C.UTF-8" as the
// language tag "C", which is not one, and prints "Fyne error: Error parsing user locale C" on
// every start, window or command. Plain "C" is understood as "no language set".
//
// main imports it first. It imports only os and strings, so that Go (which initialises, among
// the packages whose imports are ready, the one with the smallest import path first) runs it
// before fyne.io/fyne/v2/lang, whose init reads the locale: lang waits for text/template,
// whose path sorts after this one's.
package clocale

import (
	"os"
	"strings"
)

func init() { Normalise() }

// Normalise rewrites the locale variable that decides the messages' language (the first set of
// LC_ALL, LC_MESSAGES, LANG) to "C" when it names the C or POSIX locale with an encoding or
// modifier.
func Normalise() {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(name)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		base, _, _ = strings.Cut(base, "@")
		if (base == "C" || base == "POSIX") && v != base {
			os.Setenv(name, base)
		}
		return
	}
}
