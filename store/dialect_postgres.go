package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"
)

// postgresDialect: one server shared by every counter of an office. Search is a folded column
// (the same Go folding as SQLite's, words separated by single spaces) with a pg_trgm index.
type postgresDialect struct{}

func (postgresDialect) name() string          { return "postgres" }
func (postgresDialect) migrationsDir() string { return "migrations_pg" }

// writeLockKey is the advisory lock every write transaction takes ("MotC"). One writer at a time,
// as on SQLite: intakes take a few milliseconds, far below what a counter notices, and every
// read-then-write rule of the store holds without per-table locking.
const writeLockKey = 0x4d6f7443

func (postgresDialect) lockWrite(ctx context.Context, t *sql.Tx) error {
	_, err := t.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, int64(writeLockKey))
	return err
}

// pgSearchText is the form kept in dossier_search.folded: " word word ... " so that
// `LIKE '% w%'` means "a word starts with w", as FTS5's "w"* does.
func pgSearchText(folded string) string {
	return " " + strings.Join(tokens(folded), " ") + " "
}

func (postgresDialect) indexSearch(ctx context.Context, t *sql.Tx, id int64, folded string) error {
	_, err := t.ExecContext(ctx, `INSERT INTO dossier_search(id, folded) VALUES (?, ?)`, id, pgSearchText(folded))
	return err
}

// searchIDs: words are letters and digits only (tokens), so they need no LIKE escaping.
func (postgresDialect) searchIDs(ws []string, span *idSpan) (string, []any) {
	conds := make([]string, len(ws))
	args := make([]any, len(ws))
	for i, w := range ws {
		conds[i] = `folded LIKE ?`
		args[i] = "% " + w + "%"
	}
	if span != nil {
		conds, args = append(conds, `id >= ? AND id <= ?`), append(args, span.lo, span.hi)
	}
	return `SELECT id FROM dossier_search WHERE ` + strings.Join(conds, ` AND `), args
}

func (postgresDialect) vnMonth(col string) string {
	return `to_char(CAST(` + col + ` AS timestamp) + interval '7 hours', 'YYYY-MM')`
}

// The JSON columns are TEXT (as on SQLite): cast to jsonb where they are read.
func (postgresDialect) jsonArrayEach(col, alias string) string {
	return `jsonb_array_elements_text(CAST(` + col + ` AS jsonb)) AS ` + alias + `(value)`
}

// jsonNumber: criteria values are numbers; float8 sums and averages them as SQLite's REAL
// arithmetic does.
func (postgresDialect) jsonNumber(col, key string) string {
	return `CAST(CAST(` + col + ` AS jsonb)->>'` + key + `' AS float8)`
}

func (postgresDialect) jsonArrayLength(col string) string {
	return `jsonb_array_length(CAST(` + col + ` AS jsonb))`
}

// ErrUnreachable is wrapped by every error that comes from not reaching the PostgreSQL server.
// Nothing was written when it is returned before a commit; the intake form keeps what was typed.
var ErrUnreachable = errors.New("Không kết nối được máy chủ cơ sở dữ liệu")

// openPostgres opens the two pools on a PostgreSQL URL. The read pool's sessions are read-only
// (as SQLite's query_only reader), and every pool goes through pgConn, which rewrites `?`.
func openPostgres(rawURL string) (w, r *sql.DB, where string, err error) {
	where = RedactURL(rawURL)
	cfg, err := pgx.ParseConfig(rawURL)
	if err != nil {
		return nil, nil, where, fmt.Errorf("địa chỉ cơ sở dữ liệu %s không hợp lệ: %s", where, Redact(err.Error()))
	}
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 5 * time.Second
	}
	if cfg.RuntimeParams["application_name"] == "" {
		cfg.RuntimeParams["application_name"] = "motcua"
	}
	where = fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
	ro := cfg.Copy()
	ro.RuntimeParams["default_transaction_read_only"] = "on"
	w = sql.OpenDB(pgConnector{stdlib.GetConnector(*cfg), where})
	r = sql.OpenDB(pgConnector{stdlib.GetConnector(*ro), where})
	for _, db := range []*sql.DB{w, r} {
		db.SetMaxOpenConns(8)
		db.SetMaxIdleConns(4)
		// A server restart or a LAN hiccup leaves dead connections: do not keep any for long.
		db.SetConnMaxIdleTime(time.Minute)
		db.SetConnMaxLifetime(30 * time.Minute)
	}
	return w, r, where, nil
}

// pgConnector wraps pgx's database/sql connector: connection errors become ErrUnreachable.
type pgConnector struct {
	inner driver.Connector
	where string
}

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	cn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, fmt.Errorf("%w %s (%s). %s", ErrUnreachable, c.where, Redact(err.Error()), unreachableAdvice)
	}
	return pgConn{Conn: cn, where: c.where}, nil
}

func (c pgConnector) Driver() driver.Driver { return c.inner.Driver() }

// pgConn is the thin wrapper that keeps the store's queries as written: `?` → $n, Go bools as
// 0/1 (the schema keeps SQLite's INTEGER flags), lost connections named in Vietnamese.
type pgConn struct {
	driver.Conn // *stdlib.Conn
	where       string
}

func (c pgConn) unreachable(err error) error {
	if err == nil || errors.Is(err, ErrUnreachable) || !lostConnection(err) {
		return err
	}
	return fmt.Errorf("%w %s (%w). %s", ErrUnreachable, c.where, err, unreachableAdvice)
}

// unreachableAdvice follows every ErrUnreachable: what the official can do about it.
const unreachableAdvice = "Thao tác chưa được thực hiện, không có số hồ sơ nào được cấp; hãy kiểm tra mạng hoặc báo quản trị viên, rồi thử lại khi máy chủ hoạt động."

func (c pgConn) Prepare(q string) (driver.Stmt, error) {
	st, err := c.Conn.Prepare(rebind(q))
	return st, c.unreachable(err)
}

func (c pgConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	st, err := c.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, rebind(q))
	return st, c.unreachable(err)
}

func (c pgConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	t, err := c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
	if err != nil {
		return nil, c.unreachable(err)
	}
	return pgTx{t, c}, nil
}

func (c pgConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	res, err := c.Conn.(driver.ExecerContext).ExecContext(ctx, rebind(q), args)
	return res, c.unreachable(err)
}

func (c pgConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	rows, err := c.Conn.(driver.QueryerContext).QueryContext(ctx, rebind(q), args)
	return rows, c.unreachable(err)
}

func (c pgConn) Ping(ctx context.Context) error {
	return c.unreachable(c.Conn.(driver.Pinger).Ping(ctx))
}

func (c pgConn) ResetSession(ctx context.Context) error {
	return c.Conn.(driver.SessionResetter).ResetSession(ctx)
}

func (c pgConn) CheckNamedValue(nv *driver.NamedValue) error {
	if b, ok := nv.Value.(bool); ok {
		nv.Value = int64(0)
		if b {
			nv.Value = int64(1)
		}
		return nil
	}
	return c.Conn.(driver.NamedValueChecker).CheckNamedValue(nv)
}

type pgTx struct {
	driver.Tx
	c pgConn
}

func (t pgTx) Commit() error { return t.c.unreachable(t.Tx.Commit()) }

// lostConnection tells a broken or refused connection (or a server shutting down: SQLSTATE class
// 57P, 08) from an error in a statement.
func lostConnection(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return strings.HasPrefix(pe.Code, "57P") || strings.HasPrefix(pe.Code, "08")
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, driver.ErrBadConn) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || pgconn.Timeout(err) ||
		strings.Contains(err.Error(), "conn closed")
}

// IsPostgresURL tells a PostgreSQL URL from a SQLite path.
func IsPostgresURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

var passwordParam = regexp.MustCompile(`(?i)(password\s*=\s*)('[^']*'|\S+)`)
var urlPassword = regexp.MustCompile(`(postgres(?:ql)?://[^:/@\s]*:)[^@\s]*@`)

// RedactURL shows a database URL without its password (postgres://user:***@host/db).
func RedactURL(s string) string {
	if !IsPostgresURL(s) {
		return s
	}
	u, err := url.Parse(s)
	if err != nil {
		return Redact(s)
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "***")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "***")
		u.RawQuery = q.Encode()
	}
	return strings.Replace(u.String(), "%2A%2A%2A", "***", 1)
}

// Redact removes passwords from any text (an error message that quotes a URL or a DSN): every
// message that may reach a log or a screen goes through it.
func Redact(s string) string {
	s = urlPassword.ReplaceAllString(s, "${1}***@")
	return passwordParam.ReplaceAllString(s, "${1}***")
}
