package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"modernc.org/sqlite"
)

// AccessKind is what kind of disk or permission problem stopped the store.
type AccessKind int

const (
	AccessDenied   AccessKind = iota + 1 // no permission on the folder or the file
	AccessReadOnly                       // a read-only folder, file or disk
	AccessNoSpace                        // the disk is full
)

// AccessError is a problem of the disk or of permissions, never of the data: it is named as such,
// so that no one is told to restore a sound ledger from a backup.
type AccessError struct {
	Kind AccessKind
	What string // what failed, in Vietnamese
	Err  error
}

func (e *AccessError) Error() string {
	var why string
	switch e.Kind {
	case AccessDenied:
		why = "không có quyền truy cập (đây là vấn đề quyền của thư mục hoặc tệp, không phải dữ liệu hỏng: hãy cấp quyền đọc/ghi cho người dùng chạy chương trình)"
	case AccessReadOnly:
		why = "thư mục, tệp hoặc ổ đĩa chỉ cho đọc (không phải dữ liệu hỏng: hãy bỏ chế độ chỉ đọc hoặc chọn thư mục dữ liệu ghi được)"
	default:
		why = "ổ đĩa đã đầy (không phải dữ liệu hỏng: hãy giải phóng ổ đĩa rồi thử lại)"
	}
	return fmt.Sprintf("%s: %s — %v", e.What, why, e.Err)
}

func (e *AccessError) Unwrap() error { return e.Err }

// sqliteCode is the primary result code of a SQLite error (0 if err is none).
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// SQLite primary result codes the store tells apart.
const (
	sqlitePerm     = 3
	sqliteReadOnly = 8
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// accessKind classifies err as a disk or permission problem (0: neither).
func accessKind(err error) AccessKind {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, syscall.ENOSPC), sqliteCode(err) == sqliteFull:
		return AccessNoSpace
	case errors.Is(err, syscall.EROFS), sqliteCode(err) == sqliteReadOnly:
		return AccessReadOnly
	case errors.Is(err, os.ErrPermission), sqliteCode(err) == sqlitePerm:
		return AccessDenied
	}
	return 0
}

// accessErr wraps err as an AccessError when it is one, else prefixes what.
func accessErr(what string, err error) error {
	if k := accessKind(err); k != 0 {
		return &AccessError{Kind: k, What: what, Err: err}
	}
	return fmt.Errorf("%s: %w", what, err)
}

// probeFolder tells whether a file can be created in dir: the cause of SQLite's "unable to
// open database file", which says nothing of why.
func probeFolder(dir string) error {
	f, err := os.CreateTemp(dir, ".motcua-probe-*")
	if err != nil {
		return accessErr("không ghi được vào thư mục dữ liệu "+dir, err)
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	return nil
}

// Diagnose says whether err (from opening or checking the ledger at path) is a disk or permission
// problem: the *AccessError, or nil when it may be the data itself.
func Diagnose(path string, err error) *AccessError {
	var ae *AccessError
	if errors.As(err, &ae) {
		return ae
	}
	if k := accessKind(err); k != 0 {
		return &AccessError{Kind: k, What: "không dùng được " + path, Err: err}
	}
	if c := sqliteCode(err); c == sqliteCantOpen || c == sqliteReadOnly || err != nil && strings.Contains(err.Error(), "unable to open") {
		if perr := probeFolder(filepath.Dir(path)); errors.As(perr, &ae) {
			return ae
		}
		if f, ferr := os.OpenFile(path, os.O_RDWR, 0); ferr != nil {
			if k := accessKind(ferr); k != 0 {
				return &AccessError{Kind: k, What: "không mở được " + path, Err: ferr}
			}
		} else {
			f.Close()
		}
	}
	return nil
}

// DamagedError refuses a write into a ledger that a check found damaged (DamageMark): writing
// more into it spreads the damage. It lasts until a restore, or a full check that passes.
type DamagedError struct {
	Ledger string
	Report string // what the check found, and the newest good backup when there was one
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("Cơ sở dữ liệu %s đã được phát hiện là hỏng, nên không ghi thêm gì vào đó:\n%s\nHãy phục hồi từ bản sao lưu (motcua restore -yes TỆP) hoặc sửa rồi chạy motcua check.",
		e.Ledger, strings.TrimSpace(e.Report))
}

// MarkDamaged records beside the ledger that a check found it damaged (report), naming the
// newest good backup in the data folder's backups: every writer then refuses (DamagedError).
func MarkDamaged(ledger, report string) error {
	if b := newestGoodIn(DefaultBackupDir(filepath.Dir(ledger))); b != "" {
		report += "\nBản sao lưu tốt mới nhất: " + b + "\nĐể phục hồi: motcua restore -yes " + b
	}
	return os.WriteFile(DamageMark(ledger), []byte(report+"\n"), 0o600)
}

// ClearDamaged removes the mark after a full check passed or a restore.
func ClearDamaged(ledger string) { os.Remove(DamageMark(ledger)) }

// damagedErr is the DamagedError of a marked ledger, nil when unmarked.
func damagedErr(ledger string) error {
	b, err := os.ReadFile(DamageMark(ledger))
	if err != nil {
		return nil
	}
	return &DamagedError{Ledger: ledger, Report: string(b)}
}

// ErrReplaced refuses a write into a ledger file that is no longer the one at its path: it was
// replaced (by hand, or by a program that does not take the folder lock) while this one had it open.
var ErrReplaced = errors.New("Tệp cơ sở dữ liệu đã bị thay bằng tệp khác trong lúc chương trình đang mở; không ghi vào tệp cũ nữa. Hãy đóng và mở lại chương trình")

// writable says whether the store may write now: SQLite only (PostgreSQL has its server).
func (s *Store) writable() error {
	if s.path == "" {
		return nil
	}
	if err := damagedErr(s.path); err != nil {
		return err
	}
	if s.file != nil {
		fi, err := os.Stat(s.path)
		if err != nil || !os.SameFile(fi, s.file) {
			return ErrReplaced
		}
	}
	return nil
}

// noteCorrupt marks the ledger damaged when a statement reported SQLITE_CORRUPT or NOTADB.
func (s *Store) noteCorrupt(err error) {
	if s.path == "" || err == nil {
		return
	}
	if c := sqliteCode(err); c == sqliteCorrupt || c == sqliteNotADB {
		MarkDamaged(s.path, "SQLite báo dữ liệu hỏng khi ghi: "+err.Error())
	}
}
