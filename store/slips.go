package store

import (
	"context"
	"database/sql"
	"time"
)

// Form is the number of a printed form (the "Mẫu" of Circular 03/2025/TT-VPCP, Annex I):
// "01".."07". Slips archived under Circular 01/2018 as "05" (its control slip) are listed as
// FormControl by migration 0016.
type Form string

const (
	FormReceipt    Form = "01" // Giấy tiếp nhận hồ sơ và hẹn trả kết quả
	FormSupplement Form = "02" // Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
	FormRefusal    Form = "03" // Phiếu từ chối tiếp nhận giải quyết hồ sơ
	FormApology    Form = "04" // Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết
	FormStop       Form = "05" // Thông báo dừng giải quyết hồ sơ
	FormControl    Form = "06" // Phiếu kiểm soát quá trình giải quyết hồ sơ
	FormBook       Form = "07" // Sổ theo dõi hồ sơ
)

// Slip is a PDF written for a dossier and kept in the archive, so it can be reprinted.
type Slip struct {
	Form Form
	Path string
	At   time.Time
}

// RecordSlip adds a PDF of the given form to the dossier's archive list.
func (s *Store) RecordSlip(ctx context.Context, by, code string, form Form, path string) error {
	f, ok := clean(string(form))
	if !ok || len(f) != 2 || !digits(f) {
		return invalid("form", "Số hiệu mẫu phiếu phải gồm 2 chữ số, ví dụ 01.")
	}
	p, ok := clean(path)
	if !ok || p == "" {
		return invalid("path", "Đường dẫn tệp PDF không hợp lệ.")
	}
	d, err := s.Dossier(ctx, by, code)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		_, err := t.ExecContext(ctx, `INSERT INTO slips(dossier_id, form, path, at) VALUES (?, ?, ?, ?)`, d.ID, f, p, ts(s.now()))
		return err
	})
}

// Slips lists the PDFs written for a dossier, oldest first.
func (s *Store) Slips(ctx context.Context, by, code string) ([]Slip, error) {
	d, err := s.Dossier(ctx, by, code)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, `SELECT form, path, at FROM slips WHERE dossier_id = ? ORDER BY id`, d.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Slip
	for rows.Next() {
		var sl Slip
		var at string
		if err := rows.Scan(&sl.Form, &sl.Path, &at); err != nil {
			return nil, err
		}
		if sl.At, err = parseTS(at); err != nil {
			return nil, err
		}
		out = append(out, sl)
	}
	return out, rows.Err()
}
