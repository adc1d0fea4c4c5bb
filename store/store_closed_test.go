package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"
)

// A store closed under an open window answers in Vietnamese, reads and writes alike, not with
// database/sql's "sql: database is closed".
func TestClosedStoreSaysSoInVietnamese(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	s.Close()
	_, err := s.Officials(ctx)
	if err == nil {
		t.Fatal("a closed store listed the officials")
	}
	if got := Explain(err); !errors.Is(got, ErrClosed) || got.Error() != "Cơ sở dữ liệu đã đóng; hãy mở lại ứng dụng." {
		t.Errorf("read from a closed store: %q", got)
	}
	if err := Explain(s.SetCounter(ctx, "admin", "Quầy 2")); !errors.Is(err, ErrClosed) {
		t.Errorf("write to a closed store: %v", err)
	}
	if err := s.tx(ctx, func(*sql.Tx) error { return nil }); err != ErrClosed {
		t.Errorf("a transaction on a closed store: %v", err)
	}
	// Other errors are left as they are.
	if err := Explain(ErrNotFound); err != ErrNotFound {
		t.Errorf("Explain changed another error: %v", err)
	}
	if Explain(nil) != nil {
		t.Error("Explain(nil) is not nil")
	}
}
