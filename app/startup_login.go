//go:build ci || startuphook

package app

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// startupLogin is the cold-start benchmark's login: MOTCUA_STARTUP_LOGIN="login:password" logs
// in through the store with the real password, as the login screen would (a wrong one prints
// "motcua-login-failed" and returns false). A credentials hook has no place in the release
// binary: it is built only with -tags ci (tests) or startuphook (docs/bench/coldstart.sh).
func startupLogin(u *ui) bool {
	cred := os.Getenv("MOTCUA_STARTUP_LOGIN")
	if cred == "" {
		return true
	}
	// The login screen comes up once the start-up reads are done; log in on it.
	for range 500 {
		var shown bool
		fyne.DoAndWait(func() { shown = u.win.Content() == u.login.root })
		if shown {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	login, secret, _ := strings.Cut(cred, ":")
	o, err := u.st.Login(context.Background(), login, secret)
	if err != nil {
		fmt.Println("motcua-login-failed:", err)
		return false
	}
	fyne.DoAndWait(func() { u.loggedIn(o) })
	return true
}
