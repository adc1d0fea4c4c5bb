package desk

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"motcua/store"
)

// setupLedger is a ward set up for real: an admin and the default catalogue, nothing else.
func setupLedger(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "motcua.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Setup(context.Background(), store.Agency{Name: "UBND phường Thử", ParentName: "UBND PHƯỜNG THỬ", Code: "PT", Place: "Thử"},
		store.Official{Login: "admin", FullName: "Quản Trị Viên"}, "Mật-khẩu-dài-2026"); err != nil {
		t.Fatal(err)
	}
	return s
}

func exportJSON(t testing.TB, s *store.Store) string {
	t.Helper()
	c, err := s.ExportCatalogue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := store.WriteCatalogueJSON(&b, c); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// Export to .xlsx → import into another ledger → the same catalogue; the same file again changes nothing.
func TestCatalogueXLSXRoundTrip(t *testing.T) {
	d, _ := newDesk(t)
	ctx := context.Background()
	fs, _ := d.Store.Fields(ctx)
	if _, err := d.Store.SaveProcedure(ctx, "admin", store.Procedure{Code: "HT61", NationalCode: "1.004884", Name: "Đăng ký lại khai sinh",
		FieldID: fs[1].ID, Unit: store.TimeHours, Hours: 16, Cutoff: store.CutoffReceipt, Online: store.OnlinePartial, Anywhere: true,
		Level: store.LevelCommune, Agency: "UBND phường", Result: "Giấy khai sinh (bản chính)", LegalBasis: "Nghị định 123/2015/NĐ-CP",
		Fee:    store.Fee{Kind: store.FeeFixed, Amount: 8000, Note: "theo Nghị quyết HĐND tỉnh", Exemptions: []string{"Hộ nghèo", "Người khuyết tật"}},
		Charge: store.Fee{Kind: store.FeePerPage, FirstPages: 2, FirstPageAmount: 2000, LaterPageAmount: 1000, Cap: 200000},
		Documents: []store.Document{{Name: "Tờ khai", Kind: store.DocOriginal, Count: 1, Note: "theo mẫu"},
			{Name: "Bản sao giấy tờ", Kind: store.DocCertifiedCopy, Count: 2, Optional: true}},
		Cases: []store.Case{{Name: "Có yếu tố nước ngoài", Unit: store.TimeDays, Days: 10, Fee: store.Fee{Kind: store.FeePerCopy, Amount: 5000},
			Documents: []store.Document{{Name: "Hộ chiếu", Kind: store.DocPresent, Count: 1}}}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Store.EndProcedure(ctx, "admin", "CT04", ""); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "danh-muc.xlsx")
	c, _ := d.Store.ExportCatalogue(ctx)
	if err := WriteCatalogueFile(path, c); err != nil {
		t.Fatal(err)
	}
	f, err := ReadCatalogueFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dst := setupLedger(t)
	plan, err := dst.PlanCatalogue(ctx, f.Catalogue, store.ImportOptions{})
	if err != nil {
		t.Fatal(f.Explain(err))
	}
	lines := strings.Join(DescribePlan(plan), "\n")
	if !strings.Contains(lines, "Thêm: HT61 Đăng ký lại khai sinh") || !strings.Contains(lines, "Ngừng áp dụng: CT04") {
		t.Errorf("plan:\n%s", lines)
	}
	if _, err := dst.ImportCatalogue(ctx, "admin", f.Catalogue, store.ImportOptions{}); err != nil {
		t.Fatal(f.Explain(err))
	}
	if a, b := exportJSON(t, d.Store), exportJSON(t, dst); a != b {
		t.Errorf("xlsx round trip differs:\n%s\n---\n%s", a, b)
	}
	again, err := dst.ImportCatalogue(ctx, "admin", f.Catalogue, store.ImportOptions{})
	if err != nil || len(again.Changes) != 0 {
		t.Errorf("second import: %v %v", DescribePlan(again), err)
	}
}

// workbook is a valid exported workbook, changed by edit.
func workbook(t testing.TB, s *store.Store, edit func(x *excelize.File)) string {
	t.Helper()
	c, _ := s.ExportCatalogue(context.Background())
	var b bytes.Buffer
	if err := WriteCatalogueXLSX(&b, c); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	edit(x)
	path := filepath.Join(t.TempDir(), "danh-muc.xlsx")
	if err := x.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCatalogueXLSXRefusesBadInput(t *testing.T) {
	d, _ := newDesk(t)
	ctx := context.Background()
	before := exportJSON(t, d.Store)
	for _, c := range []struct {
		name string
		edit func(x *excelize.File)
		want string
	}{
		{"missing column", func(x *excelize.File) { x.RemoveCol(sheetProcs, "C") }, "Trang Thủ tục, dòng 1: thiếu cột “Tên thủ tục”"},
		{"missing sheet", func(x *excelize.File) { x.DeleteSheet(sheetFees) }, "Thiếu trang “Phí, lệ phí”"},
		{"merged cells", func(x *excelize.File) { x.MergeCell(sheetProcs, "E3", "F3") }, "Trang Thủ tục có ô gộp (E3–F3)"},
		{"formula", func(x *excelize.File) { x.SetCellFormula(sheetFees, "E2", "1000*2") }, "Trang Phí, lệ phí, ô E2: có công thức"},
		{"negative fee", func(x *excelize.File) { x.SetCellValue(sheetFees, "E3", -5000) }, "Trang Phí, lệ phí, dòng 3, cột Mức thu: “-5000” âm"},
		{"absurd fee", func(x *excelize.File) { x.SetCellValue(sheetFees, "E3", 5000000000) }, "dòng 3, cột Mức thu: mức thu quá"},
		{"text fee", func(x *excelize.File) { x.SetCellValue(sheetFees, "E3", "năm nghìn") }, "dòng 3, cột Mức thu: “năm nghìn” không phải số nguyên"},
		{"empty name", func(x *excelize.File) { x.SetCellValue(sheetProcs, "C17", "") }, "Trang Thủ tục, dòng 17, cột Tên thủ tục: Tên thủ tục không được để trống"},
		{"duplicate code", func(x *excelize.File) {
			first, _ := x.GetCellValue(sheetProcs, "A2")
			x.SetCellValue(sheetProcs, "A5", first)
		}, "Trang Thủ tục, dòng 5, cột Mã thủ tục: mã XH05 có ở hai dòng"},
		{"0 hours", func(x *excelize.File) {
			x.SetCellValue(sheetProcs, "K4", "Giờ làm việc")
			x.SetCellValue(sheetProcs, "L4", 0)
		}, "Trang Thủ tục, dòng 4, cột Thời hạn: Thời hạn giải quyết phải từ 1 đến 2000 giờ làm việc"},
		{"no required document", func(x *excelize.File) {
			rows, _ := x.GetRows(sheetDocs)
			for i, r := range rows {
				if i > 0 && r[0] == "CT01" {
					x.SetCellValue(sheetDocs, fmt.Sprintf("F%d", i+1), "Không")
				}
			}
		}, "thủ tục CT01 (dòng"},
		{"unknown kind", func(x *excelize.File) { x.SetCellValue(sheetDocs, "D2", "Bản photo") }, "Trang Giấy tờ, dòng 2, cột Loại bản: “Bản photo” không phải một trong"},
		{"unknown procedure", func(x *excelize.File) { x.SetCellValue(sheetDocs, "A2", "ZZ99") }, "Trang Giấy tờ, dòng 2, cột Mã thủ tục: thủ tục “ZZ99” không có"},
	} {
		path := workbook(t, d.Store, c.edit)
		f, err := ReadCatalogueFile(path)
		if err == nil {
			_, err = d.Store.ImportCatalogue(ctx, "admin", f.Catalogue, store.ImportOptions{})
			err = f.Explain(err)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v\nwant %q", c.name, err, c.want)
		}
	}
	junk := filepath.Join(t.TempDir(), "rac.xlsx")
	os.WriteFile(junk, bytes.Repeat([]byte("junk\x00"), 2<<20+1), 0o644)
	if _, err := ReadCatalogueFile(junk); err == nil || !strings.Contains(err.Error(), "lớn quá 10 MB") {
		t.Errorf("10 MB of junk: %v", err)
	}
	os.WriteFile(junk, []byte("PK\x03\x04 không phải zip"), 0o644)
	if _, err := ReadCatalogueFile(junk); err == nil || !strings.Contains(err.Error(), "không phải bảng tính Excel") {
		t.Errorf("junk: %v", err)
	}
	js := filepath.Join(t.TempDir(), "danh-muc.json")
	os.WriteFile(js, []byte(`{"procedures": [{"code": "HT01", "le_phi": 5}]}`), 0o644)
	if _, err := ReadCatalogueFile(js); err == nil || !strings.Contains(err.Error(), `khóa lạ "le_phi"`) {
		t.Errorf("unknown key: %v", err)
	}
	if after := exportJSON(t, d.Store); after != before {
		t.Error("a refused import changed the catalogue")
	}
}

func BenchmarkImportCatalogueXLSX300(b *testing.B) {
	ctx := context.Background()
	c := store.Catalogue{Fields: []store.Field{{Code: "HT", Name: "Hộ tịch"}, {Code: "CT", Name: "Chứng thực"}}}
	for i := 0; i < 300; i++ {
		c.Procedures = append(c.Procedures, store.Procedure{Code: fmt.Sprintf("TT%03d", i), NationalCode: fmt.Sprintf("1.%06d", i),
			Name: fmt.Sprintf("Thủ tục thử số %d", i), FieldCode: []string{"HT", "CT"}[i%2], Unit: store.TimeDays, Days: 1 + i%10,
			Level: store.LevelCommune, Online: store.OnlinePartial, Cutoff: store.CutoffDefault, ActiveFrom: "2025-07-01",
			Fee: store.Fee{Kind: store.FeeFixed, Amount: int64(1000 * (i % 50))}, Charge: store.Fee{Kind: store.FeeNone},
			LegalBasis: "Nghị định 123/2015/NĐ-CP",
			Documents: []store.Document{{Name: "Tờ khai", Kind: store.DocOriginal, Count: 1}, {Name: "Giấy tờ tùy thân", Kind: store.DocPresent, Count: 1},
				{Name: "Giấy tờ khác", Kind: store.DocCopy, Count: 1, Optional: true}}})
	}
	var buf bytes.Buffer
	if err := WriteCatalogueXLSX(&buf, c); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s := setupLedger(b)
		b.StartTimer()
		f, err := ReadCatalogueXLSX(bytes.NewReader(buf.Bytes()))
		if err != nil {
			b.Fatal(err)
		}
		plan, err := s.ImportCatalogue(ctx, "admin", f.Catalogue, store.ImportOptions{})
		if err != nil || plan.Count(store.ChangeAdd) != 300 {
			b.Fatal(f.Explain(err))
		}
	}
}
