// Package store is the counter's ledger: the SQLite schema, typed records and every rule the data
// must obey (numbering, validation, deadlines, audit). SQL lives only here.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"motcua/store/workday"

	_ "modernc.org/sqlite" // pure-Go driver: no cgo, builds for Windows as is.
)

// ErrNotFound is wrapped by every lookup that finds nothing.
var ErrNotFound = errors.New("Không tìm thấy")

// ErrClosed is what the store says when its database was closed under a window still open (the
// app shutting down, a restore): database/sql would say "sql: database is closed", in English.
var ErrClosed = errors.New("Cơ sở dữ liệu đã đóng; hãy mở lại ứng dụng.")

// sqlClosed is database/sql's own error for a closed pool. It is not exported, so it is taken
// once from a pool closed here (sql.Open does not connect), for errors.Is to recognise.
var sqlClosed = func() error {
	db, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		return err
	}
	db.Close()
	return db.Ping()
}()

// Explain is the message for an official of an error from the store: a closed database says
// ErrClosed; any other error is returned as it is (the store's messages are Vietnamese).
func Explain(err error) error {
	if err != nil && sqlClosed != nil && errors.Is(err, sqlClosed) {
		return ErrClosed
	}
	return err
}

// Store is an open ledger file: one write connection (SQLite has one writer anyway; a single
// connection makes every write queue in Go instead of spinning on SQLITE_BUSY) and a read pool.
type Store struct {
	path  string  // the SQLite file; "" on PostgreSQL
	url   string  // the PostgreSQL URL as given (with its password: never shown, see Where)
	where string  // what Where shows: the file, or host:port/database (never a password)
	d     dialect // what differs between SQLite and PostgreSQL
	w     *sql.DB // writes: SQLite MaxOpenConns 1, BEGIN IMMEDIATE; PostgreSQL: advisory lock
	r     *sql.DB // reads: query_only / read-only sessions

	calMu  sync.Mutex
	cal    *workday.Calendar
	calRev int64

	now func() time.Time // the clock; tests move it

	lock     *folderLock // the data folder's shared lock (SQLite)
	file     os.FileInfo // the ledger file as opened: a write into a replaced file is refused
	warnings []string
}

// dsn builds the modernc.org/sqlite data source name. synchronous=FULL: in WAL mode NORMAL may lose
// the last commits on power loss, and an acknowledged intake (its number is on a printed slip)
// must survive a pulled plug.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if needed) the ledger at path and brings its schema up to date.
// The file is created with mode 0600 and its folder with 0700: it holds citizens' personal data;
// an existing file open to others is tightened (Warnings says when it cannot be).
// The store holds the data folder's shared lock until Close (folderlock.go): first it finishes a
// restore cut short (its swap journal) and clears what killed processes left. A missing ledger in
// a folder that shows it had one (archive, backups, a file kept aside) is an error naming the
// recovery, never a fresh empty ledger.
func Open(path string) (*Store, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("đường dẫn cơ sở dữ liệu không hợp lệ: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return nil, accessErr("không tạo được thư mục dữ liệu "+filepath.Dir(abs), err)
	}
	l, err := lockFolder(abs, false, sharedLockWait)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(swapJournal(abs)); err == nil {
		// A restore was cut short: finishing it needs the ledger to itself.
		l.release()
		if l, err = lockFolder(abs, true, exclusiveLockWait); err != nil {
			return nil, err
		}
		err = replaySwap(abs)
		l.release()
		if err != nil {
			return nil, err
		}
		if l, err = lockFolder(abs, false, sharedLockWait); err != nil {
			return nil, err
		}
	}
	cleanLeftovers(abs)
	s, err := openFile(abs, true)
	if err != nil {
		l.release()
		return nil, err
	}
	s.lock = l
	return s, nil
}

// openFile opens the ledger at abs; the caller holds the folder lock (Open, or Restore's
// exclusive one). guard refuses to create a ledger the folder shows it lost (MissingLedgerError).
func openFile(abs string, guard bool) (*Store, error) {
	if guard {
		if err := missingLedger(abs); err != nil {
			return nil, err
		}
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("không mở được tệp cơ sở dữ liệu %s: %w", abs, err)
		}
		return nil, accessErr("không mở được tệp cơ sở dữ liệu "+abs, err)
	}
	fi, err := f.Stat()
	f.Close()
	if err != nil {
		return nil, err
	}
	w := openSQLite(dsn(abs, false))
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s := &Store{path: abs, where: abs, d: sqliteDialect{}, w: w, now: time.Now, file: fi}
	s.warnings = tightenFiles(abs)
	if err := s.migrate(context.Background()); err != nil {
		w.Close()
		if ae := Diagnose(abs, err); ae != nil {
			return nil, ae
		}
		return nil, err
	}
	r := openSQLite(dsn(abs, true))
	r.SetMaxOpenConns(4)
	s.r = r
	return s, nil
}

// Close closes both connection pools and drops the folder lock.
func (s *Store) Close() error {
	err := errors.Join(s.r.Close(), s.w.Close())
	s.lock.release()
	s.lock = nil
	return err
}

// Warnings are what opening found and could not mend (a ledger readable by others whose mode
// could not be tightened): the window and the CLI show them.
func (s *Store) Warnings() []string { return s.warnings }

// Path is the absolute path of the database file; "" on PostgreSQL.
func (s *Store) Path() string { return s.path }

// Backend is "sqlite" or "postgres".
func (s *Store) Backend() string { return s.d.name() }

// Where names the database for people: the SQLite file, or the PostgreSQL host:port/database.
// It never holds a password.
func (s *Store) Where() string { return s.where }

// OpenURL opens the ledger named by a URL: "postgres://user:pass@host:5432/db?sslmode=..." is a
// PostgreSQL server shared by several counters; "sqlite:PATH" or a plain path is the embedded
// SQLite file (Open). A PostgreSQL schema is brought up to date when the role may (the owner);
// otherwise the missing migrations are reported (motcua migrate-schema -db OWNER_URL).
func OpenURL(ctx context.Context, dbURL string) (*Store, error) {
	if !IsPostgresURL(dbURL) {
		return Open(strings.TrimPrefix(dbURL, "sqlite:"))
	}
	w, r, where, err := openPostgres(dbURL)
	if err != nil {
		return nil, err
	}
	s := &Store{url: dbURL, where: where, d: postgresDialect{}, w: w, r: r, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// tx runs fn in one write transaction (BEGIN IMMEDIATE through the DSN): committed if fn returns nil.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	if err := s.writable(); err != nil {
		return err
	}
	t, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		s.noteCorrupt(err)
		return writeErr("không bắt đầu được giao dịch ghi", err)
	}
	if err := s.d.lockWrite(ctx, t); err != nil {
		t.Rollback()
		return writeErr("không bắt đầu được giao dịch ghi", err)
	}
	if err := fn(t); err != nil {
		t.Rollback()
		s.noteCorrupt(err)
		return err
	}
	if err := t.Commit(); err != nil {
		s.noteCorrupt(err)
		if errors.Is(err, ErrUnreachable) {
			// The COMMIT was sent; whether the server applied it before the line went is unknown.
			return fmt.Errorf("%w (%w)", ErrOutcomeUnknown, err)
		}
		return writeErr("không ghi được vào cơ sở dữ liệu", err)
	}
	return nil
}

// ErrOutcomeUnknown is wrapped when the connection to the server was lost during COMMIT: the
// change may or may not have been written. Receive resolves it with the intake's key.
var ErrOutcomeUnknown = errors.New("Mất kết nối đúng lúc ghi: không rõ đã ghi hay chưa — đang kiểm tra…")

// writeErr prefixes what failed, except for an unreachable server: that message says it all.
func writeErr(what string, err error) error {
	if errors.Is(err, ErrUnreachable) {
		return err
	}
	if e := Explain(err); e == ErrClosed {
		return e
	}
	return accessErr(what, err)
}

// Times are stored as UTC text of fixed width, so text order is time order.
const tsLayout = "2006-01-02T15:04:05.000Z"

func ts(t time.Time) string { return t.UTC().Format(tsLayout) }

func parseTS(v string) (time.Time, error) {
	t, err := time.Parse(tsLayout, v)
	if err != nil {
		return time.Time{}, fmt.Errorf("thời điểm lưu sai định dạng %q: %w", v, err)
	}
	return t.In(workday.Loc), nil
}
