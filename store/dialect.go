package store

import (
	"context"
	"database/sql"
	"strings"
	"unicode"
)

// dialect is everything that differs between the two backends. The store's queries are written
// once, in the SQL both understand, with `?` placeholders (the PostgreSQL driver wrapper rewrites
// them to $n, see dialect_postgres.go); what cannot be written once is here, one implementation
// per backend: dialect_sqlite.go and dialect_postgres.go.
type dialect interface {
	// name is "sqlite" or "postgres".
	name() string
	// migrationsDir is the embedded folder of this backend's schema files.
	migrationsDir() string
	// lockWrite is run first in every write transaction. SQLite's BEGIN IMMEDIATE already holds
	// the database's one write lock; PostgreSQL takes a transaction-scoped advisory lock, so the
	// store's read-then-write rules (numbering, status transitions, one rating per prompt) see
	// the same serial order on both backends.
	lockWrite(ctx context.Context, t *sql.Tx) error
	// indexSearch stores the folded search text of a new dossier.
	indexSearch(ctx context.Context, t *sql.Tx, id int64, folded string) error
	// searchIDs is a SELECT of the ids (column "id") of the dossiers whose folded text has, for
	// each of the folded words ws, a word starting with it; ws is never empty. A non-nil span
	// limits the match to ids in it (both ends included), read from the index's own order.
	searchIDs(ws []string, span *idSpan) (string, []any)

	// The reports' SQL (reports.go). Timestamps are TEXT in UTC (tsLayout); the calendar is
	// Vietnam's (UTC+7 all year, no daylight saving).
	// vnMonth is the month (Vietnam time) of col as text "2026-01".
	vnMonth(col string) string
	// jsonArrayEach is a FROM item, named alias, with one row (value) per string of the JSON
	// array in col.
	jsonArrayEach(col, alias string) string
	// jsonNumber is the number at member key of the JSON object in col, NULL when absent; key is
	// one of the store's own identifiers (never user input).
	jsonNumber(col, key string) string
	// jsonArrayLength is the number of elements of the JSON array in col.
	jsonArrayLength(col string) string
}

// idSpan is a range of dossier ids, both ends included: a year's, in the book's search.
type idSpan struct{ lo, hi int64 }

// insertID runs an INSERT and returns the new row's id. database/sql's LastInsertId does not exist
// on PostgreSQL; RETURNING works on both (SQLite ≥ 3.35).
func insertID(ctx context.Context, t *sql.Tx, insert string, args ...any) (int64, error) {
	var id int64
	err := t.QueryRowContext(ctx, insert+` RETURNING id`, args...).Scan(&id)
	return id, err
}

// tokens splits folded text into words the way SQLite FTS5's unicode61 tokenizer does (letters,
// numbers and private-use characters are word characters), so the PostgreSQL search sees the
// same words as the SQLite one.
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Co, r)
	})
}

// rebind rewrites `?` placeholders as PostgreSQL's $1, $2, ... (and ?NNN as $NNN). A `?` inside a quoted string,
// a quoted identifier or a comment is left alone.
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 8)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := i + 1
			for j < len(q) && q[j] != c {
				j++
			}
			b.WriteString(q[i:min(j+1, len(q))])
			i = j
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				j = len(q) - i
			}
			b.WriteString(q[i : i+j])
			i += j - 1
		case c == '?' && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9':
			// ?NNN (SQLite's numbered parameter) is $NNN.
			b.WriteByte('$')
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
