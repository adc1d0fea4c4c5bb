package store

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"motcua/store/workday"
)

// The data folder lock. Every process that has the SQLite ledger open holds a shared OS lock on
// LockFile(ledger) for as long as it does; whatever replaces the file (a restore, the swap journal
// replayed at open) takes it exclusively. Without it a window, the kiosk or a CLI loop kept
// writing into a ledger a restore had renamed aside, and its acknowledged intakes were lost.
//
// Each holder also writes who it is into a holder file of its own (LockFile + ".PID"), locked
// exclusively for its lifetime: whoever is refused reads the live ones to name them, and a holder
// file whose lock can be taken belonged to a process that was killed, and is removed.

// LockFile is the lock file beside a ledger.
func LockFile(ledger string) string { return ledger + ".lock" }

// ErrLocked is wrapped when the ledger is held by another process.
var ErrLocked = errors.New("cơ sở dữ liệu đang được chương trình khác dùng")

// Open waits this long for a restore to finish; a restore waits this long for the holders to close.
var (
	sharedLockWait    = 20 * time.Second
	exclusiveLockWait = 3 * time.Second
)

type folderLock struct {
	lock, holder *os.File
}

// lockFolder takes the ledger's lock, shared or exclusive, waiting up to wait; refused, the error
// names the processes that hold it.
func lockFolder(ledger string, exclusive bool, wait time.Duration) (*folderLock, error) {
	f, err := os.OpenFile(LockFile(ledger), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, accessErr(fmt.Sprintf("không tạo được tệp khóa %s", LockFile(ledger)), err)
	}
	deadline := time.Now().Add(wait)
	for {
		ok, err := tryLock(f, exclusive)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("không khóa được %s: %w", LockFile(ledger), err)
		}
		if ok {
			break
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, lockedErr(ledger, exclusive)
		}
		time.Sleep(50 * time.Millisecond)
	}
	l := &folderLock{lock: f}
	l.holder = writeHolder(ledger, exclusive)
	return l, nil
}

// release drops the lock and the holder file.
func (l *folderLock) release() {
	if l == nil {
		return
	}
	if l.holder != nil {
		name := l.holder.Name()
		l.holder.Close() // closed first: Windows removes no open file
		os.Remove(name)
	}
	unlock(l.lock)
	l.lock.Close()
}

// writeHolder writes this process's holder file (best effort: the lock works without it).
func writeHolder(ledger string, exclusive bool) *os.File {
	name := LockFile(ledger) + "." + strconv.Itoa(os.Getpid())
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil
	}
	if ok, err := tryLock(f, true); err != nil || !ok {
		f.Close() // another Store of this process holds it already: its file says the same
		return nil
	}
	login := ""
	if u, err := user.Current(); err == nil {
		login = u.Username
	}
	mode := "đọc/ghi"
	if exclusive {
		mode = "thay tệp dữ liệu"
	}
	f.Truncate(0)
	fmt.Fprintf(f, "tiến trình %d (%s, người dùng %s, %s, từ %s)", os.Getpid(), filepath.Base(os.Args[0]), login, mode,
		time.Now().In(workday.Loc).Format("15:04:05 02/01/2006"))
	return f
}

// Holders names the live processes that hold the ledger's lock, removing the holder files of
// processes that are gone.
func Holders(ledger string) []string {
	names, _ := filepath.Glob(LockFile(ledger) + ".*")
	var out []string
	for _, n := range names {
		if _, err := strconv.Atoi(strings.TrimPrefix(filepath.Ext(n), ".")); err != nil {
			continue
		}
		f, err := os.OpenFile(n, os.O_RDWR, 0)
		if err != nil {
			continue
		}
		if ok, err := tryLock(f, true); err == nil && ok {
			unlock(f)
			f.Close()
			os.Remove(n) // its process was killed
			continue
		}
		b, _ := os.ReadFile(n)
		f.Close()
		if len(b) > 0 {
			out = append(out, string(b))
		}
	}
	return out
}

func lockedErr(ledger string, exclusive bool) error {
	who := strings.Join(Holders(ledger), "; ")
	if who == "" {
		who = "một chương trình không rõ"
	}
	if exclusive {
		return fmt.Errorf("%w: %s đang mở %s. Hãy đóng các cửa sổ Một Cửa, màn hình đánh giá và các lệnh motcua đang chạy trên dữ liệu này rồi thử lại", ErrLocked, who, ledger)
	}
	return fmt.Errorf("%w: %s đang phục hồi hoặc thay tệp %s. Hãy đợi xong rồi mở lại", ErrLocked, who, ledger)
}
