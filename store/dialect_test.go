package store

import "testing"

func TestRebind(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT a FROM t WHERE x = ? AND y = ?`:         `SELECT a FROM t WHERE x = $1 AND y = $2`,
		`SELECT '?' , "a?b", ? -- what?` + "\n" + `, ?`: `SELECT '?' , "a?b", $1 -- what?` + "\n" + `, $2`,
		`WHERE at >= ?1 AND at < ?2 OR b = ?12`:         `WHERE at >= $1 AND at < $2 OR b = $12`,
		`no placeholders`:                               `no placeholders`,
	} {
		if got := rebind(in); got != want {
			t.Errorf("rebind(%q) = %q, want %q", in, got, want)
		}
	}
}
