package store

import (
	"context"
	"database/sql"
	"strings"
)

// sqliteDialect: the embedded file. Search is the FTS5 table dossier_search (rowid = dossier id).
type sqliteDialect struct{}

func (sqliteDialect) name() string          { return "sqlite" }
func (sqliteDialect) migrationsDir() string { return "migrations" }

// lockWrite has nothing to do: the DSN's _txlock=immediate took the write lock at BEGIN.
func (sqliteDialect) lockWrite(context.Context, *sql.Tx) error { return nil }

func (sqliteDialect) indexSearch(ctx context.Context, t *sql.Tx, id int64, folded string) error {
	_, err := t.ExecContext(ctx, `INSERT INTO dossier_search(rowid, folded) VALUES (?, ?)`, id, folded)
	return err
}

// searchIDs: an FTS5 MATCH in which every word is a quoted prefix ("nguyen"* "van"*), so FTS5
// operators a user types are plain text. FTS5 applies a rowid range while it reads the
// doclists, so a span costs what its rows cost, not the whole history's.
func (sqliteDialect) searchIDs(ws []string, span *idSpan) (string, []any) {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = `"` + w + `"*`
	}
	sel, args := `SELECT rowid AS id FROM dossier_search WHERE dossier_search MATCH ?`, []any{strings.Join(q, " ")}
	if span != nil {
		sel, args = sel+` AND rowid >= ? AND rowid <= ?`, append(args, span.lo, span.hi)
	}
	return sel, args
}

func (sqliteDialect) vnMonth(col string) string { return `strftime('%Y-%m', ` + col + `, '+7 hours')` }

func (sqliteDialect) jsonArrayEach(col, alias string) string {
	return `json_each(` + col + `) AS ` + alias
}
func (sqliteDialect) jsonNumber(col, key string) string {
	return `json_extract(` + col + `, '$.` + key + `')`
}
func (sqliteDialect) jsonArrayLength(col string) string { return `json_array_length(` + col + `)` }
