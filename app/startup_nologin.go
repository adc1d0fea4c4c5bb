//go:build !ci && !startuphook

package app

// startupLogin does nothing in a release build: see startup_login.go.
func startupLogin(*ui) bool { return true }
