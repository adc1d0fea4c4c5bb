package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// TableCheck is one table of a copy: rows and a hash of the rows rendered canonically (columns
// in schema order, rows in key order), on the source and on the target.
type TableCheck struct {
	Table              string
	SourceRows, Target int
	SourceHash, Hash   string
}

// OK tells whether both sides hold the same rows.
func (c TableCheck) OK() bool { return c.SourceRows == c.Target && c.SourceHash == c.Hash }

// copyTables lists the SQLite ledger's tables, each after the tables it references, without the
// migration record and the search index (the target builds its own).
func (s *Store) copyTables(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'dossier_search%' AND name <> 'schema_migrations' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, n)
	}
	rows.Close()
	deps := map[string][]string{}
	for _, n := range names {
		r, err := s.r.QueryContext(ctx, `SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`, n)
		if err != nil {
			return nil, err
		}
		for r.Next() {
			var d string
			r.Scan(&d)
			if d != n {
				deps[n] = append(deps[n], d)
			}
		}
		r.Close()
	}
	var out []string
	done := map[string]bool{}
	var visit func(string)
	visit = func(n string) {
		if done[n] {
			return
		}
		done[n] = true
		for _, d := range deps[n] {
			visit(d)
		}
		out = append(out, n)
	}
	for _, n := range names {
		visit(n)
	}
	return out, nil
}

func columns(ctx context.Context, db *sql.DB, table string) ([]string, error) {
	rows, err := db.QueryContext(ctx, `SELECT * FROM `+table+` WHERE 1 = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return rows.Columns()
}

// CopyTo copies every table of this SQLite ledger into dst, an empty PostgreSQL ledger (motcua
// migrate): rows keep their ids, in id order; the search index is rebuilt and the id sequences
// moved past the copied ids. Then both sides are counted and hashed table by table. A target
// holding any row is refused: nothing is overwritten.
func (s *Store) CopyTo(ctx context.Context, dst *Store) ([]TableCheck, error) {
	if s.d.name() != "sqlite" || dst.d.name() != "postgres" {
		return nil, fmt.Errorf("chỉ chuyển được từ SQLite sang PostgreSQL")
	}
	tables, err := s.copyTables(ctx)
	if err != nil {
		return nil, err
	}
	for _, t := range append(tables, "dossier_search") {
		var n int
		if err := dst.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+t).Scan(&n); err != nil {
			return nil, fmt.Errorf("cơ sở dữ liệu đích %s thiếu bảng %s: %w", dst.where, t, err)
		}
		if n > 0 {
			return nil, fmt.Errorf("cơ sở dữ liệu đích %s không trống (bảng %s có %d dòng): không ghi đè; hãy dùng một cơ sở dữ liệu mới", dst.where, t, n)
		}
	}
	err = dst.tx(ctx, func(t *sql.Tx) error {
		for _, table := range tables {
			cols, err := columns(ctx, s.r, table)
			if err != nil {
				return err
			}
			rows, err := s.r.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+table+` ORDER BY `+orderAll(len(cols)))
			if err != nil {
				return err
			}
			ins := `INSERT INTO ` + table + `(` + strings.Join(cols, ", ") + `) VALUES (` + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + `)`
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			for rows.Next() {
				if err := rows.Scan(ptrs...); err != nil {
					rows.Close()
					return err
				}
				if _, err := t.ExecContext(ctx, ins, vals...); err != nil {
					rows.Close()
					return fmt.Errorf("chép bảng %s: %w", table, err)
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			if contains(cols, "id") {
				if _, err := t.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+table+`', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM `+table); err != nil {
					return fmt.Errorf("đặt lại bộ đếm id của bảng %s: %w", table, err)
				}
			}
		}
		rows, err := t.QueryContext(ctx, `SELECT id, code, name, idno, phone FROM dossiers ORDER BY id`)
		if err != nil {
			return err
		}
		type doc struct {
			id                      int64
			code, name, idno, phone string
		}
		var ds []doc
		for rows.Next() {
			var d doc
			if err := rows.Scan(&d.id, &d.code, &d.name, &d.idno, &d.phone); err != nil {
				rows.Close()
				return err
			}
			ds = append(ds, d)
		}
		rows.Close()
		for _, d := range ds {
			if err := dst.d.indexSearch(ctx, t, d.id, searchText(d.code, d.name, d.idno, d.phone)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var checks []TableCheck
	for _, table := range tables {
		c := TableCheck{Table: table}
		if c.SourceRows, c.SourceHash, err = TableHash(ctx, s, table); err != nil {
			return nil, err
		}
		if c.Target, c.Hash, err = TableHash(ctx, dst, table); err != nil {
			return nil, err
		}
		checks = append(checks, c)
	}
	return checks, nil
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func orderAll(n int) string {
	o := make([]string, n)
	for i := range o {
		o[i] = strconv.Itoa(i + 1)
	}
	return strings.Join(o, ", ")
}

// TableHash counts a table's rows and hashes them rendered canonically: the columns in schema
// order, rows ordered by every column, NULL as \N, integers in decimal, text quoted. The same
// rows give the same hash on SQLite and on PostgreSQL.
func TableHash(ctx context.Context, s *Store, table string) (int, string, error) {
	cols, err := columns(ctx, s.r, table)
	if err != nil {
		return 0, "", err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+table+` ORDER BY `+orderAll(len(cols)))
	if err != nil {
		return 0, "", err
	}
	defer rows.Close()
	h := sha256.New()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, "", err
		}
		for i, v := range vals {
			if i > 0 {
				h.Write([]byte{'\t'})
			}
			switch x := v.(type) {
			case nil:
				h.Write([]byte(`\N`))
			case int64:
				h.Write([]byte(strconv.FormatInt(x, 10)))
			case []byte:
				h.Write([]byte(strconv.Quote(string(x))))
			case string:
				h.Write([]byte(strconv.Quote(x)))
			default:
				fmt.Fprintf(h, "%v", x)
			}
		}
		h.Write([]byte{'\n'})
		n++
	}
	return n, hex.EncodeToString(h.Sum(nil)), rows.Err()
}
