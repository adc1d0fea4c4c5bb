package store

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// The statement cache must answer as plain SQLite does: the same statement run again inside its
// own open rows, more distinct statements than the cache holds, a schema changed under a cached
// statement, and multi-statement text.
func TestStatementCacheAnswersAsSQLite(t *testing.T) {
	sqliteOnly(t)
	ctx := context.Background()
	db := openSQLite(dsn(filepath.Join(t.TempDir(), "c.db"), false))
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, `CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT NOT NULL); CREATE TABLE u(n INTEGER)`); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 5; i++ {
		if _, err := db.ExecContext(ctx, `INSERT INTO t(v) VALUES (?)`, fmt.Sprint("v", i)); err != nil {
			t.Fatal(err)
		}
	}
	// One transaction holds the only connection: the outer rows keep the statement busy while
	// the same text runs for each row.
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	const q = `SELECT id, v FROM t WHERE id >= ? ORDER BY id`
	rows, err := tx.QueryContext(ctx, q, 1)
	if err != nil {
		t.Fatal(err)
	}
	outer := 0
	for rows.Next() {
		var id int
		var v string
		rows.Scan(&id, &v)
		outer++
		inner, err := tx.QueryContext(ctx, q, id)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for inner.Next() {
			n++
		}
		inner.Close()
		if n != 6-id || v != fmt.Sprint("v", id) {
			t.Errorf("row %d (%s): inner query saw %d rows, want %d", id, v, n, 6-id)
		}
	}
	rows.Close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if outer != 5 {
		t.Errorf("outer loop saw %d rows, want 5", outer)
	}
	// More distinct statements than the cache keeps, then the first ones again.
	for round := 0; round < 2; round++ {
		for i := 0; i < stmtCacheSize+20; i++ {
			var got int
			if err := db.QueryRowContext(ctx, fmt.Sprintf(`SELECT COUNT(*) + %d FROM t`, i)).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != 5+i {
				t.Fatalf("statement %d answered %d, want %d", i, got, 5+i)
			}
		}
	}
	// A column added under a cached statement: SQLite prepares it again by itself.
	var v string
	if err := db.QueryRowContext(ctx, `SELECT * FROM t WHERE id = ?`, 2).Scan(new(int), &v); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `ALTER TABLE t ADD COLUMN w TEXT NOT NULL DEFAULT 'x'`); err != nil {
		t.Fatal(err)
	}
	var w string
	if err := db.QueryRowContext(ctx, `SELECT * FROM t WHERE id = ?`, 2).Scan(new(int), &v, &w); err != nil || v != "v2" || w != "x" {
		t.Errorf("after ALTER TABLE: %q %q %v", v, w, err)
	}
	// A failed statement leaves the cached one usable.
	if _, err := db.ExecContext(ctx, `INSERT INTO t(id, v) VALUES (?, ?)`, 1, "dup"); err == nil {
		t.Error("a duplicate id was accepted")
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO t(id, v) VALUES (?, ?)`, 99, "ok"); err != nil {
		t.Errorf("the same insert with a new id: %v", err)
	}
}
