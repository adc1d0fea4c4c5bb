package desk

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"motcua/store"
)

// readLabels are the labels FORMS-2025.md marks as read (R) in the public copies, per form, as
// the default labels print them, with the form's number and its number line's symbol.
var readLabels = map[string][]string{
	"01": {"Mẫu số 01", "/TTPVHCC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
		"Mã hồ sơ:", "Tiếp nhận hồ sơ của Ông (Bà)/Tổ chức:", "Số định danh cá nhân/tổ chức: 001203004567", "Địa chỉ:",
		"Số điện thoại:", "Email:", "Nội dung yêu cầu giải quyết:", "Thành phần hồ sơ nộp gồm:", "Số lượng hồ sơ:",
		"Thời gian giải quyết hồ sơ theo quy định là:", "Thời gian nhận hồ sơ:", "Thời gian trả kết quả giải quyết hồ sơ:",
		"Đăng ký nhận kết quả tại:", "Vào Sổ theo dõi hồ sơ, Quyển số:", "Số thứ tự:", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ",
		"(Ký và ghi rõ họ tên)", "Trung tâm Phục vụ hành chính công phường Hoài Đức"},
	"02": {"Mẫu số 02", "/PBS-TTPVHCC", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "Hồ sơ của:", "Số định danh cá nhân/tổ chức: 001203004567",
		"Nội dung yêu cầu giải quyết:", "Địa chỉ:", "Số điện thoại:", "Email:", "Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:", "Lý do:",
		"Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với", "để được hướng dẫn./.", "NGƯỜI HƯỚNG DẪN", "(Ký và ghi rõ họ tên)"},
	"03": {"Mẫu số 03", "/PTC-TTPVHCC", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "Trung tâm Phục vụ hành chính công phường Hoài Đức",
		"Tiếp nhận hồ sơ của:", "Số định danh cá nhân/tổ chức: 001203004567", "Địa chỉ:", "Số điện thoại:", "Email:", "Mã hồ sơ (nếu có):",
		"Nội dung yêu cầu giải quyết:", "Qua xem xét, Trung tâm Phục vụ hành chính công phường Hoài Đức thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
		"Xin thông báo cho Ông/Bà được biết và thực hiện./.", "NGƯỜI NỘP HỒ SƠ", "NGƯỜI TIẾP NHẬN HỒ SƠ"},
	"04": {"Mẫu số 04", "/PXL", "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT", "Kính gửi:",
		"Trung tâm Phục vụ hành chính công phường Hoài Đức tiếp nhận giải quyết hồ sơ của Ông/Bà/Tổ chức; số định danh: 001203004567; mã số hồ sơ:",
		"Thời gian hẹn trả kết quả giải quyết hồ sơ:", "Lý do:", "sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào:", "Mong nhận được sự thông cảm",
		"TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"},
	"05": {"Mẫu số 05", "/TTPVHCC", "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ", "Số định danh cá nhân/tổ chức: 001203004567",
		"Trung tâm Phục vụ hành chính công phường Hoài Đức thông báo dừng giải quyết hồ sơ"},
	"06": {"Mẫu số 06", "/PKS-TTPVHCC", "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", "Mã số hồ sơ:", "Cơ quan (bộ phận) giải quyết hồ sơ:",
		"Cơ quan phối hợp giải quyết hồ sơ:", "Ngày nhận:", "Hẹn trả kết quả vào", "TÊN ĐƠN VỊ", "THỜI GIAN GIAO, NHẬN HỒ SƠ",
		"KẾT QUẢ GIẢI QUYẾT HỒ SƠ", "GHI CHÚ", "1. Giao:", "2. Nhận:", "Người giao", "Người nhận",
		"Ghi chú: Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận bàn giao hồ sơ."},
}

// TestEveryFormInEveryState walks dossiers into every state and prints every form each one
// has: 01 and 06 always, 02 after a supplement request, 03 after a refusal, 04 after an
// extension, 05 after a stop; each reads back with its number, the unit's name, the applicant's
// identifier and every read label.
func TestEveryFormInEveryState(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	s := d.Store
	start := vn(2026, 1, 5, 9, 0)
	type stepFn func(a func(by string, min int) store.Action) error
	handover := func(a func(string, int) store.Action) error {
		if _, err := s.Handover(ctx, a("tiepnhan1", 30), "tuphap"); err != nil {
			return err
		}
		_, err := s.ConfirmHandover(ctx, a("tuphap", 40))
		return err
	}
	supplement := func(a func(string, int) store.Action) error {
		_, err := s.RequestSupplement(ctx, a("tuphap", 60), store.Supplement{Missing: []store.ReceivedDocument{{Name: "Giấy xác nhận cư trú", Kind: "Bản chính (xuất trình)"}}, Reason: "Thiếu giấy tờ"})
		return err
	}
	cases := []struct {
		state string
		steps []stepFn
		forms []string
	}{
		{"received", nil, []string{"01", "06"}},
		{"processing", []stepFn{handover}, []string{"01", "06"}},
		{"supplement", []stepFn{handover, supplement}, []string{"01", "02", "06"}},
		{"resumed", []stepFn{handover, supplement, func(a func(string, int) store.Action) error {
			_, err := s.Resume(ctx, a("tiepnhan1", 24*60))
			return err
		}}, []string{"01", "02", "06"}},
		{"extended", []stepFn{handover, func(a func(string, int) store.Action) error {
			_, err := s.Reschedule(ctx, a("chutich", 24*60), 2, "Chờ xác minh", "")
			return err
		}}, []string{"01", "04", "06"}},
		{"returned", []stepFn{handover, func(a func(string, int) store.Action) error {
			if _, err := s.Resolve(ctx, a("tuphap", 24*60)); err != nil {
				return err
			}
			if _, err := s.Handover(ctx, a("tuphap", 24*60+10), "tiepnhan1"); err != nil {
				return err
			}
			if _, err := s.ConfirmHandover(ctx, a("tiepnhan1", 24*60+20)); err != nil {
				return err
			}
			_, err := s.Return(ctx, a("tiepnhan1", 24*60+30), store.Recipient{})
			return err
		}}, []string{"01", "06"}},
		{"refused", []stepFn{func(a func(string, int) store.Action) error {
			_, err := s.Refuse(ctx, a("tiepnhan1", 10), "Không thuộc thẩm quyền")
			return err
		}}, []string{"01", "03", "06"}},
		{"withdrawn", []stepFn{handover, func(a func(string, int) store.Action) error {
			_, err := s.Withdraw(ctx, a("tiepnhan1", 60), "Người nộp rút")
			return err
		}}, []string{"01", "06"}},
		{"stopped", []stepFn{handover, func(a func(string, int) store.Action) error {
			_, err := s.Stop(ctx, a("tuphap", 60), "Người nộp đề nghị dừng")
			return err
		}}, []string{"01", "05", "06"}},
	}
	for i, c := range cases {
		t.Run(c.state, func(t *testing.T) {
			at := start.Add(time.Duration(i) * time.Minute)
			dos := receiveAt(t, d, p, "Nguyễn Văn An", at)
			act := func(by string, min int) store.Action {
				return store.Action{Code: dos.Code, By: by, At: at.Add(time.Duration(min) * time.Minute)}
			}
			for _, st := range c.steps {
				if err := st(act); err != nil {
					t.Fatal(err)
				}
			}
			for _, form := range c.forms {
				path, err := d.Form(ctx, "", dos.Code, store.Form(form))
				if err != nil {
					t.Fatalf("Mẫu %s: %v", form, err)
				}
				if filepath.Ext(path) != ".pdf" {
					t.Errorf("Mẫu %s written as %s", form, path)
				}
				text := pdfText(t, path)
				wantText(t, form, text, append([]string{dos.Code, "Nguyễn Văn An"}, readLabels[form]...)...)
				if form == "02" && !strings.Contains(text, "xuất trình bản chính để đối chiếu") {
					t.Errorf("Mẫu 02 asks for a paper to show as one to hand in:\n%s", text)
				}
			}
		})
	}
}

// TestWardLabels: a ward corrects the forms without a new build, through forms.json in the data
// folder (here a "Bộ phận Một cửa" numbering its slips BPMC and renaming Mẫu 05); a misspelt key
// or a broken file is refused with the file named, and no form is drawn with it.
func TestWardLabels(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	dos := receiveAt(t, d, p, "Nguyễn Văn An", vn(2026, 1, 5, 9, 0))
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(d.Dir, LabelsFile), []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(`{"header.unit_symbol": "BPMC", "control.title": "PHIẾU KIỂM SOÁT (MẪU TỈNH)"}`)
	path, err := d.Form(ctx, "", dos.Code, "06")
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, "06", pdfText(t, path), "PHIẾU KIỂM SOÁT (MẪU TỈNH)", "/PKS-BPMC")
	path, err = d.Form(ctx, "", dos.Code, "01")
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, "01", pdfText(t, path), "/BPMC")

	write(`{"control.titel": "X"}`)
	if _, err := d.Form(ctx, "", dos.Code, "06"); err == nil || !strings.Contains(err.Error(), LabelsFile) || !strings.Contains(err.Error(), "control.titel") {
		t.Errorf("a misspelt key: err = %v, want one naming the file and the key", err)
	}
	write(`{"control.title": `)
	if _, err := d.Form(ctx, "", dos.Code, "06"); err == nil || !strings.Contains(err.Error(), LabelsFile) {
		t.Errorf("a broken file: err = %v, want one naming the file", err)
	}
}

// TestReceiptRepresentative: an intake by an authorised representative prints the
// representative's block on Mẫu 01; one in person prints none.
func TestReceiptRepresentative(t *testing.T) {
	d, p := lifeDesk(t)
	ctx := context.Background()
	in := intake(p, "Nguyễn Văn An")
	in.ReceivedAt = vn(2026, 1, 5, 9, 0)
	in.Rep = store.Representative{Name: "Trần Văn Hòa", Address: "Số 5, phố Huế, Hà Nội", IDNo: "001080001111",
		Phone: "0988111222", Paper: "Giấy ủy quyền số 12/UQ ngày 01/12/2025"}
	r, err := d.Receive(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	wantText(t, "01", pdfText(t, r.SlipPath), "Người được ủy quyền nộp hồ sơ: Trần Văn Hòa", "Số định danh cá nhân: 001080001111",
		"Địa chỉ: Số 5, phố Huế, Hà Nội", "Giấy tờ ủy quyền: Giấy ủy quyền số 12/UQ ngày 01/12/2025")
	in.Rep = store.Representative{}
	in.ReceivedAt = vn(2026, 1, 5, 9, 5)
	if r, err = d.Receive(ctx, in); err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, r.SlipPath); strings.Contains(text, "ủy quyền") {
		t.Errorf("an intake in person prints a representative's block:\n%s", text)
	}
}
