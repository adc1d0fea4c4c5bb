// Command motcua is the one-stop counter app: without a command it opens the window; with one it
// runs the same store and print actions headlessly, for scripts, tests and the ward's admin.
package main

import (
	"os"

	_ "motcua/cmd/motcua/clocale" // before Fyne reads the locale
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
