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

//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

// migrations lists the embedded files NNNN_name.sql in version order.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
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
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
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
	ms, err := migrations()
	if err != nil {
		return err
	}
	if _, err := s.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("không đọc được cơ sở dữ liệu %s: %w", s.path, err)
	}
	newest := ms[len(ms)-1].version
	for _, m := range ms {
		err := s.tx(ctx, func(t *sql.Tx) error {
			// Read inside the write transaction: another process may have migrated meanwhile.
			var cur, done int
			if err := t.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0), COALESCE(SUM(version = ?), 0) FROM schema_migrations`, m.version).Scan(&cur, &done); err != nil {
				return err
			}
			if cur > newest {
				return fmt.Errorf("%w (phiên bản dữ liệu %d, chương trình này chỉ biết đến %d): hãy cập nhật chương trình trước khi mở tệp %s", ErrNewerSchema, cur, newest, s.path)
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
