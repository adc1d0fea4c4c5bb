package main

import (
	"strings"
	"testing"
)

// TestSilentCoercionsAreRefused is issue 23's "smaller" list: each of these was stored as
// something else; each is now refused with a message naming the flag, and nothing is written.
func TestSilentCoercionsAreRefused(t *testing.T) {
	dir := demoFolder(t)
	proc := procedureCode(t, dir, "Chứng thực bản sao")
	receive := func(extra ...string) []string {
		return append([]string{"receive", "-procedure", proc, "-name", "Nguyễn Văn An", "-idno", "001203004567",
			"-phone", "0912345678", "-address", "Hoài Đức", "-at", "2026-01-26 08:15"}, extra...)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{receive("-sets", "0"), "-sets"},
		{receive("-pages", "0"), "-pages"},
		{receive("-at", "2026-01-26"), "thiếu giờ"},
		{receive("-name", "\u0301\u0300\u0303"), "dấu"},
		{receive("-sets", "abc"), "giá trị không hợp lệ \"abc\" cho tham số -sets"},
		{receive("-count"), "tham số -count cần một giá trị"},
		{receive("-bogus", "1"), "không có tham số -bogus"},
		{[]string{"rate", "-official", "tiepnhan1", "-level", "2", "-criteria", "time=2,time=1"}, "hai lần"},
		{[]string{"rate", "-official", "tiepnhan1", "-level", "2", "-criteria", "time=5"}, "time"},
		{[]string{"rate", "-level", "x"}, "giá trị không hợp lệ \"x\" cho tham số -level"},
	} {
		_, stderr, code := motcua(t, dir, c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args[len(c.args)-2:], code, stderr, c.want)
		}
		if strings.Contains(stderr, "invalid value") || strings.Contains(stderr, "flag provided") {
			t.Errorf("%v: English flag error %q", c.args, stderr)
		}
	}
	if n := dossierCount(t, dir); n != 0 {
		t.Errorf("%d dossiers written by refused intakes", n)
	}
	// The refused ratings left no prompt for the kiosk to show, and no rating.
	out, _, _ := motcua(t, dir, "audit", "-entity", "rating")
	if out != "" {
		t.Errorf("a refused rating was recorded:\n%s", out)
	}
	if n := promptCount(t, dir); n != 0 {
		t.Errorf("refused ratings left %d prompts", n)
	}
}
