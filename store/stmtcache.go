package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"strings"

	"modernc.org/sqlite"
)

// SQLite connections that keep their prepared statements. database/sql with modernc.org/sqlite
// parses every statement again on every call; for the store's short statements the parse is a
// third of their time (an intake is about ten of them: ≈ 0.35 of its 1 ms). Each connection here
// keeps up to stmtCacheSize statements by their text and reuses them; a statement whose rows are
// still open (a query run again inside its own loop, in one transaction) is run unprepared.

const stmtCacheSize = 64

// openSQLite is sql.Open("sqlite", dsn) with the statement cache.
func openSQLite(dsn string) *sql.DB {
	return sql.OpenDB(stmtCacheConnector{dsn: dsn})
}

type stmtCacheConnector struct{ dsn string }

var sqliteDriver = &sqlite.Driver{}

func (c stmtCacheConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := sqliteDriver.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &cachingConn{Conn: conn, stmts: map[string]*cachedStmt{}}, nil
}

func (c stmtCacheConnector) Driver() driver.Driver { return sqliteDriver }

type cachingConn struct {
	driver.Conn
	stmts map[string]*cachedStmt
	order []string // oldest first: the first idle one leaves when the cache is full
}

type cachedStmt struct {
	st   driver.Stmt
	busy bool // its rows are open
}

// cacheable: one data statement. Multi-statement text (migrations), transaction control and
// pragmas go straight to the connection.
func cacheable(q string) bool {
	if strings.Contains(q, ";") {
		return false
	}
	head := strings.TrimSpace(q)
	if len(head) > 6 {
		head = head[:6]
	}
	switch strings.ToUpper(head) {
	case "SELECT", "INSERT", "UPDATE", "DELETE":
		return true
	}
	return strings.HasPrefix(strings.ToUpper(head), "WITH")
}

// stmt returns the prepared statement for q, preparing it the first time; nil when q is not
// cached or its statement is in use.
func (c *cachingConn) stmt(ctx context.Context, q string) (*cachedStmt, error) {
	if !cacheable(q) {
		return nil, nil
	}
	if cs := c.stmts[q]; cs != nil {
		if cs.busy {
			return nil, nil
		}
		return cs, nil
	}
	st, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(c.order) >= stmtCacheSize {
		for i, old := range c.order {
			if ocs := c.stmts[old]; !ocs.busy {
				ocs.st.Close()
				delete(c.stmts, old)
				c.order = append(c.order[:i:i], c.order[i+1:]...)
				break
			}
		}
	}
	cs := &cachedStmt{st: st}
	c.stmts[q] = cs
	c.order = append(c.order, q)
	return cs, nil
}

func (c *cachingConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	cs, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	if cs == nil {
		return c.Conn.(driver.ExecerContext).ExecContext(ctx, q, args)
	}
	return cs.st.(driver.StmtExecContext).ExecContext(ctx, args)
}

// traceQuery, set only by tests (the query plan tests), sees each query with its arguments.
var traceQuery func(q string, args []driver.NamedValue)

func (c *cachingConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	if traceQuery != nil {
		traceQuery(q, args)
	}
	cs, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	if cs == nil {
		return c.Conn.(driver.QueryerContext).QueryContext(ctx, q, args)
	}
	rows, err := cs.st.(driver.StmtQueryContext).QueryContext(ctx, args)
	if err != nil {
		return nil, err
	}
	cs.busy = true
	return &cachedRows{Rows: rows, cs: cs}, nil
}

type cachedRows struct {
	driver.Rows
	cs *cachedStmt
}

func (r *cachedRows) Close() error {
	err := r.Rows.Close()
	r.cs.busy = false
	return err
}

func (c *cachingConn) Close() error {
	for _, cs := range c.stmts {
		cs.st.Close()
	}
	c.stmts = nil
	return c.Conn.Close()
}

// What database/sql asks of a connection besides the above, passed through.

func (c *cachingConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	return c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, q)
}

func (c *cachingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c *cachingConn) Ping(ctx context.Context) error { return c.Conn.(driver.Pinger).Ping(ctx) }

func (c *cachingConn) ResetSession(ctx context.Context) error {
	return c.Conn.(driver.SessionResetter).ResetSession(ctx)
}

func (c *cachingConn) IsValid() bool { return c.Conn.(driver.Validator).IsValid() }
