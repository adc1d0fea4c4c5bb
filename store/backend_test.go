package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, for creating and dropping test databases
)

// The store's tests run twice: on SQLite, then — when MOTCUA_TEST_PG names a PostgreSQL server
// where the tests may create databases — the whole suite again on PostgreSQL, in a child process
// of the same test binary with MOTCUA_TEST_BACKEND=postgres. Each PostgreSQL test gets a fresh
// database (motcua_test_<random>), dropped when it ends.
var (
	testPG = os.Getenv("MOTCUA_TEST_PG")
	onPG   = os.Getenv("MOTCUA_TEST_BACKEND") == "postgres"
)

func TestMain(m *testing.M) {
	code := m.Run()
	child := onPG || os.Getenv("MOTCUA_STORE_HELPER_DB") != "" || os.Getenv("MOTCUA_PG_HELPER_URL") != ""
	if !child {
		if testPG == "" {
			fmt.Println("store: PostgreSQL half SKIPPED: MOTCUA_TEST_PG is not set (see .ci/postgres)")
		} else {
			fmt.Println("store: PostgreSQL half: the same tests on", RedactURL(testPG))
			cmd := exec.Command(os.Args[0], os.Args[1:]...)
			cmd.Env = append(os.Environ(), "MOTCUA_TEST_BACKEND=postgres")
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				fmt.Println("store: PostgreSQL half FAILED:", err)
				code = 1
			}
		}
	}
	os.Exit(code)
}

// TestPostgresHalf says, in `go test -v`, whether the PostgreSQL half runs.
func TestPostgresHalf(t *testing.T) {
	switch {
	case onPG:
		t.Log("running on PostgreSQL")
	case testPG == "":
		t.Skip("MOTCUA_TEST_PG is not set: the PostgreSQL half of the store tests is skipped")
	default:
		t.Log("SQLite half; the PostgreSQL half runs after it")
	}
}

// sqliteOnly marks a test about the SQLite file itself (modes, pragmas, several processes on
// one file): it does not run in the PostgreSQL half.
func sqliteOnly(t testing.TB) {
	t.Helper()
	if onPG {
		t.Skip("SQLite only")
	}
}

// needPG skips a test that needs a PostgreSQL server when there is none, saying so.
func needPG(t testing.TB) {
	t.Helper()
	if testPG == "" && onPG {
		t.Fatal("MOTCUA_TEST_BACKEND=postgres needs MOTCUA_TEST_PG")
	}
	if testPG == "" {
		t.Skip("MOTCUA_TEST_PG is not set: this PostgreSQL test is skipped")
	}
}

// newPGDatabase creates an empty database on the test server and returns its URL; it is dropped
// when the test ends.
func newPGDatabase(t testing.TB) string {
	t.Helper()
	needPG(t)
	admin, err := sql.Open("pgx", testPG)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	b := make([]byte, 6)
	rand.Read(b)
	name := "motcua_test_" + hex.EncodeToString(b)
	// C collation: text sorts by bytes, as on SQLite (docs/POSTGRES.md creates the database so).
	if _, err := admin.Exec(`CREATE DATABASE ` + name + ` TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", testPG)
		if err != nil {
			return
		}
		defer admin.Close()
		admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
	})
	u, err := url.Parse(testPG)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// openEmpty opens a fresh, empty store on the backend under test.
func openEmpty(t testing.TB) *Store {
	t.Helper()
	var s *Store
	var err error
	if onPG {
		s, err = OpenURL(context.Background(), newPGDatabase(t))
	} else {
		s, err = Open(filepath.Join(t.TempDir(), "data", "motcua.db"))
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openAgain opens a second Store on the same database as s (another counter, another process).
func openAgain(t testing.TB, s *Store) *Store {
	t.Helper()
	other, err := OpenURL(context.Background(), s.dbURL())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	return other
}

// dbURL is what OpenURL takes to open this store again.
func (s *Store) dbURL() string {
	if s.url != "" {
		return s.url
	}
	return "sqlite:" + s.path
}
