package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql migrations_pg/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded SQLite files NNNN_name.sql in version order.
func migrations() ([]migration, error) { return migrationsIn("migrations") }

// migrationsIn lists one backend's embedded files NNNN_name.sql in version order.
func migrationsIn(dir string) ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, dir)
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("tệp nâng cấp %s không bắt đầu bằng số phiên bản", e.Name())
		}
		b, err := migrationFiles.ReadFile(dir + "/" + e.Name())
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	// Gaps are allowed: features land on parallel branches (0003 before 0002), so each version is
	// applied when it is missing from schema_migrations, not when it is above the maximum.
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("tệp nâng cấp %s và %s trùng phiên bản", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// ErrNewerSchema is wrapped when the file was written by a newer Một Cửa.
var ErrNewerSchema = errors.New("Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của Một Cửa")

// migrate applies the missing migrations, each in its own immediate transaction, and refuses a
// database newer than this binary (its schema may mean things this code would break).
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrationsIn(s.d.migrationsDir())
	if err != nil {
		return err
	}
	newest := ms[len(ms)-1].version
	// Up to date: nothing to do, and no DDL, so the app's least-privilege PostgreSQL role (no
	// CREATE) opens a schema that its owner migrated.
	missing, merr := s.missingMigrations(ctx, ms)
	if merr == nil && len(missing) == 0 {
		return nil
	}
	// A role without DDL (an empty database too: no schema_migrations yet) is told who can migrate.
	if s.d.name() == "postgres" && !errors.Is(merr, ErrNewerSchema) {
		if ok, cerr := s.mayCreate(ctx); cerr == nil && !ok {
			what := strings.Join(missing, ", ")
			if merr != nil {
				what = "toàn bộ cấu trúc: cơ sở dữ liệu còn trống"
			}
			return fmt.Errorf("cơ sở dữ liệu %s chưa được nâng cấp (thiếu %s) và tài khoản này không có quyền đổi cấu trúc: quản trị viên hãy chạy `motcua migrate-schema -db <địa chỉ của tài khoản chủ sở hữu>`", s.where, what)
		}
	}
	if err := s.tx(ctx, func(t *sql.Tx) error {
		_, err := t.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`)
		return err
	}); err != nil {
		return fmt.Errorf("không đọc được cơ sở dữ liệu %s: %w", s.where, err)
	}
	for _, m := range ms {
		err := s.tx(ctx, func(t *sql.Tx) error {
			// Read inside the write transaction: another process may have migrated meanwhile.
			var cur, done int
			if err := t.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&cur); err != nil {
				return err
			}
			if err := t.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&done); err != nil {
				return err
			}
			if cur > newest {
				return fmt.Errorf("%w (phiên bản dữ liệu %d, chương trình này chỉ biết đến %d): hãy cập nhật chương trình trước khi mở %s", ErrNewerSchema, cur, newest, s.where)
			}
			if done > 0 {
				return nil
			}
			if _, err := t.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("nâng cấp cơ sở dữ liệu (%s) thất bại: %w", m.name, err)
			}
			_, err := t.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)`, m.version, ts(s.now()))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// missingMigrations names the migrations not yet applied; an error when schema_migrations cannot
// be read (a new database) or the database is newer than this binary.
func (s *Store) missingMigrations(ctx context.Context, ms []migration) ([]string, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	have := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		if v > ms[len(ms)-1].version {
			return nil, ErrNewerSchema
		}
		have[v] = true
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var missing []string
	for _, m := range ms {
		if !have[m.version] {
			missing = append(missing, m.name)
		}
	}
	return missing, nil
}

// mayCreate tells whether the PostgreSQL role may change the schema (CREATE on schema public).
func (s *Store) mayCreate(ctx context.Context) (bool, error) {
	var ok bool
	err := s.w.QueryRowContext(ctx, `SELECT has_schema_privilege(current_user, 'public', 'CREATE')`).Scan(&ok)
	return ok, err
}

// MigrateSchema brings the schema up to date (OpenURL does it too when the role may): for
// `motcua migrate-schema -db OWNER_URL` on a PostgreSQL server whose app role has no DDL rights.
func (s *Store) MigrateSchema(ctx context.Context) error { return s.migrate(ctx) }
