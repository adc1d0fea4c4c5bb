package app

import (
	"os/exec"
	"strings"
	"testing"
)

// TestStartupLoginHookIsNotInTheReleaseBuild: MOTCUA_STARTUP_LOGIN (credentials from the
// environment) is compiled only with -tags ci or startuphook, never into the release binary.
func TestStartupLoginHookIsNotInTheReleaseBuild(t *testing.T) {
	for tags, want := range map[string]bool{"no_emoji": false, "ci": true, "no_emoji startuphook": true} {
		out, err := exec.Command("go", "list", "-tags", tags, "-f", `{{join .GoFiles " "}}`, ".").CombinedOutput()
		if err != nil {
			t.Fatalf("go list -tags %q: %v\n%s", tags, err, out)
		}
		if got := strings.Contains(string(out), "startup_login.go"); got != want {
			t.Errorf("-tags %q: startup_login.go built = %v, want %v", tags, got, want)
		}
	}
}
