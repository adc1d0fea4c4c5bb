package desk

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"motcua/store"
)

// The catalogue workbook: one sheet per table, Vietnamese headings, the same columns on export
// and import, so that a ward can fill in the province's published list and import it.
const (
	sheetFields = "Lĩnh vực"
	sheetProcs  = "Thủ tục"
	sheetCases  = "Trường hợp"
	sheetDocs   = "Giấy tờ"
	sheetFees   = "Phí, lệ phí"
)

// Columns, by sheet, in order.
var (
	colsFields = []string{"Mã lĩnh vực", "Tên lĩnh vực"}
	colsProcs  = []string{"Mã thủ tục", "Mã quốc gia", "Tên thủ tục", "Mã lĩnh vực", "Cấp thực hiện", "Cơ quan giải quyết",
		"Căn cứ pháp lý", "Kết quả", "Mức độ trực tuyến", "Không phụ thuộc nơi cư trú", "Đơn vị thời hạn", "Thời hạn",
		"Giờ chốt nhận hồ sơ", "Áp dụng từ ngày", "Ngừng áp dụng từ ngày"}
	colsCases = []string{"Mã thủ tục", "Trường hợp", "Đơn vị thời hạn", "Thời hạn"}
	colsDocs  = []string{"Mã thủ tục", "Trường hợp", "Tên giấy tờ", "Loại bản", "Số lượng", "Bắt buộc", "Ghi chú"}
	colsFees  = []string{"Mã thủ tục", "Trường hợp", "Khoản thu", "Cách tính", "Mức thu", "Số trang mức đầu",
		"Mức mỗi trang đầu", "Mức mỗi trang sau", "Tối đa mỗi bản", "Miễn cho", "Ghi chú"}
)

// The kinds as the workbook writes them; reading folds case and diacritics.
var (
	levelNames  = []kindName{{string(store.LevelCommune), "Cấp xã"}, {string(store.LevelProvince), "Cấp tỉnh"}, {string(store.LevelCentral), "Trung ương"}}
	onlineNames = []kindName{{string(store.OnlineNone), "Không"}, {string(store.OnlinePartial), "Một phần"}, {string(store.OnlineFull), "Toàn trình"}}
	unitNames   = []kindName{{string(store.TimeSameDay), "Trong ngày"}, {string(store.TimeDays), "Ngày làm việc"}, {string(store.TimeHours), "Giờ làm việc"}}
	cutoffNames = []kindName{{string(store.CutoffDefault), "Theo cơ quan"}, {string(store.CutoffNextDay), "Ngày làm việc tiếp theo"},
		{string(store.CutoffReceipt), "Tính từ lúc nhận"}}
	docNames = []kindName{{string(store.DocOriginal), "Bản chính"}, {string(store.DocCopy), "Bản sao"},
		{string(store.DocCertifiedCopy), "Bản sao có chứng thực"}, {string(store.DocPresent), "Xuất trình"},
		{string(store.DocOriginalOrCopy), "Bản chính hoặc bản sao"}}
	feeNames  = []kindName{{string(store.FeeNone), "Miễn phí"}, {string(store.FeeFixed), "Cố định"}, {string(store.FeePerPage), "Theo trang"}, {string(store.FeePerCopy), "Theo bản"}}
	yesNo     = []kindName{{"1", "Có"}, {"0", "Không"}}
	whatNames = []kindName{{"fee", "Lệ phí"}, {"charge", "Phí"}}
)

type kindName struct{ key, name string }

func nameOf(list []kindName, key string) string {
	for _, k := range list {
		if k.key == key {
			return k.name
		}
	}
	return key
}

// keyOf reads a kind's name (case, diacritics and spaces aside); ok false when it is none of them.
func keyOf(list []kindName, name string) (string, bool) {
	f := foldText(name)
	for _, k := range list {
		if foldText(k.name) == f || k.key == strings.TrimSpace(name) {
			return k.key, true
		}
	}
	return "", false
}

func names(list []kindName) string {
	var out []string
	for _, k := range list {
		out = append(out, "“"+k.name+"”")
	}
	return strings.Join(out, ", ")
}

// foldText is lower case without diacritics (đ → d) and with single spaces.
func foldText(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r >= 0x300 && r <= 0x36f:
		case r == 'đ':
			b.WriteRune('d')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// CatalogueFile is a catalogue read from a file, with where each entry came from so that the
// store's objections can name the row and the column.
type CatalogueFile struct {
	Catalogue store.Catalogue
	xlsx      bool
	procRows  []int // the Thủ tục row of each procedure
	fieldRows []int
}

// ReadCatalogueFile reads a .xlsx or .json catalogue.
func ReadCatalogueFile(path string) (CatalogueFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return CatalogueFile{}, fmt.Errorf("không mở được tệp %s: %w", path, err)
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return ReadCatalogueXLSX(f)
	case ".json":
		c, err := store.ReadCatalogueJSON(f)
		return CatalogueFile{Catalogue: c}, err
	}
	return CatalogueFile{}, fmt.Errorf("tệp %s: chỉ nhận danh mục .xlsx hoặc .json", filepath.Base(path))
}

// WriteCatalogueFile writes the catalogue as .xlsx or .json, by the file's extension.
func WriteCatalogueFile(path string, c store.Catalogue) error {
	var buf bytes.Buffer
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		if err := WriteCatalogueXLSX(&buf, c); err != nil {
			return err
		}
	case ".json":
		if err := store.WriteCatalogueJSON(&buf, c); err != nil {
			return err
		}
	default:
		return fmt.Errorf("tệp %s: chỉ xuất danh mục ra .xlsx hoặc .json", filepath.Base(path))
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// Explain rewrites the store's objections to a file's entries as rows and columns of the sheet
// they came from ("Trang Thủ tục, dòng 17, cột Tên thủ tục: …").
func (f CatalogueFile) Explain(err error) error {
	var ie *store.ImportError
	if !f.xlsx || !errors.As(err, &ie) {
		return err
	}
	var lines []string
	for _, p := range ie.Problems {
		if p.InFields {
			lines = append(lines, cellRef(sheetFields, f.fieldRows[p.Index], fieldColumn(p.Key))+p.Message)
			continue
		}
		row := f.procRows[p.Index]
		switch p.Key {
		case "documents":
			lines = append(lines, fmt.Sprintf("Trang %s, các dòng của thủ tục %s (dòng %d trang %s): %s", sheetDocs, p.Code, row, sheetProcs, p.Message))
		case "fee", "charge":
			lines = append(lines, fmt.Sprintf("Trang %s, dòng %s của thủ tục %s: %s", sheetFees, nameOf(whatNames, p.Key), p.Code, p.Message))
		case "cases":
			lines = append(lines, fmt.Sprintf("Trang %s, thủ tục %s: %s", sheetCases, p.Code, p.Message))
		default:
			lines = append(lines, cellRef(sheetProcs, row, procColumn(p.Key))+p.Message)
		}
	}
	return errors.New(strings.Join(lines, "\n"))
}

func fieldColumn(key string) string {
	if key == "name" {
		return colsFields[1]
	}
	return colsFields[0]
}

func procColumn(key string) string {
	i := map[string]int{"code": 0, "national_code": 1, "name": 2, "field": 3, "level": 4, "agency": 5, "legal_basis": 6,
		"result": 7, "online": 8, "anywhere": 9, "unit": 10, "days": 11, "hours": 11, "cutoff": 12,
		"active_from": 13, "active_to": 14}[key]
	return colsProcs[i]
}

func cellRef(sheet string, row int, col string) string {
	return fmt.Sprintf("Trang %s, dòng %d, cột %s: ", sheet, row, col)
}

// WriteCatalogueXLSX writes the catalogue workbook.
func WriteCatalogueXLSX(w io.Writer, c store.Catalogue) error {
	x := excelize.NewFile()
	defer x.Close()
	bold, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	var sheetErr error
	put := func(sheet string, cols []string, rows [][]any) {
		if sheetErr != nil {
			return
		}
		if _, err := x.NewSheet(sheet); err != nil {
			sheetErr = err
			return
		}
		head := make([]any, len(cols))
		for i, c := range cols {
			head[i] = c
		}
		if err := x.SetSheetRow(sheet, "A1", &head); err != nil {
			sheetErr = err
			return
		}
		last, _ := excelize.CoordinatesToCellName(len(cols), 1)
		x.SetCellStyle(sheet, "A1", last, bold)
		x.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
		for i := range cols {
			col, _ := excelize.ColumnNumberToName(i + 1)
			x.SetColWidth(sheet, col, col, 18)
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := x.SetSheetRow(sheet, cell, &r); err != nil {
				sheetErr = err
				return
			}
		}
	}
	var fields, procs, cases, docs, fees [][]any
	for _, f := range c.Fields {
		fields = append(fields, []any{f.Code, f.Name})
	}
	timeOf := func(u store.TimeUnit, d, h int) any {
		switch u {
		case store.TimeDays:
			return d
		case store.TimeHours:
			return h
		}
		return 0
	}
	yes := func(b bool) string {
		if b {
			return "Có"
		}
		return "Không"
	}
	feeRows := func(code, cs, what string, f store.Fee) {
		if f.Kind == store.FeeNone && f.Note == "" && len(f.Exemptions) == 0 {
			return
		}
		var amount, firstPages, first, later, capv any = "", "", "", "", ""
		switch f.Kind {
		case store.FeeFixed, store.FeePerCopy:
			amount = f.Amount
		case store.FeePerPage:
			firstPages, first, later, capv = f.FirstPages, f.FirstPageAmount, f.LaterPageAmount, f.Cap
		}
		fees = append(fees, []any{code, cs, nameOf(whatNames, what), nameOf(feeNames, string(f.Kind)), amount, firstPages, first, later, capv,
			strings.Join(f.Exemptions, "; "), f.Note})
	}
	docRows := func(code, cs string, ds []store.Document) {
		for _, d := range ds {
			docs = append(docs, []any{code, cs, d.Name, nameOf(docNames, string(d.Kind)), d.Count, yes(!d.Optional), d.Note})
		}
	}
	for _, p := range c.Procedures {
		procs = append(procs, []any{p.Code, p.NationalCode, p.Name, p.FieldCode, nameOf(levelNames, string(p.Level)), p.Agency,
			p.LegalBasis, p.Result, nameOf(onlineNames, string(p.Online)), yes(p.Anywhere), nameOf(unitNames, string(p.Unit)),
			timeOf(p.Unit, p.Days, p.Hours), nameOf(cutoffNames, string(p.Cutoff)), p.ActiveFrom, p.ActiveTo})
		docRows(p.Code, "", p.Documents)
		feeRows(p.Code, "", "fee", p.Fee)
		feeRows(p.Code, "", "charge", p.Charge)
		for _, cs := range p.Cases {
			cases = append(cases, []any{p.Code, cs.Name, nameOf(unitNames, string(cs.Unit)), timeOf(cs.Unit, cs.Days, cs.Hours)})
			docRows(p.Code, cs.Name, cs.Documents)
			feeRows(p.Code, cs.Name, "fee", cs.Fee)
			feeRows(p.Code, cs.Name, "charge", cs.Charge)
		}
	}
	put(sheetProcs, colsProcs, procs)
	put(sheetDocs, colsDocs, docs)
	put(sheetFees, colsFees, fees)
	put(sheetCases, colsCases, cases)
	put(sheetFields, colsFields, fields)
	if sheetErr != nil {
		return fmt.Errorf("không tạo được tệp Excel danh mục: %w", sheetErr)
	}
	x.DeleteSheet("Sheet1")
	if i, err := x.GetSheetIndex(sheetProcs); err == nil {
		x.SetActiveSheet(i)
	}
	return x.Write(w)
}

// sheetReader reads one sheet's rows by column name, collecting every bad cell.
type sheetReader struct {
	x      *excelize.File
	sheet  string
	cols   []string
	at     map[string]int // column name → index in the row
	rows   [][]string
	errs   *[]string
	row    int // 1-based sheet row of the current record
	record []string
}

func (r *sheetReader) bad(col, msg string) {
	*r.errs = append(*r.errs, cellRef(r.sheet, r.row, col)+msg)
}

func (r *sheetReader) get(col string) string {
	i, ok := r.at[col]
	if !ok || i >= len(r.record) {
		return ""
	}
	return strings.TrimSpace(r.record[i])
}

func (r *sheetReader) kind(col string, list []kindName, empty string) string {
	v := r.get(col)
	if v == "" {
		return empty
	}
	k, ok := keyOf(list, v)
	if !ok {
		r.bad(col, "“"+v+"” không phải một trong "+names(list)+".")
	}
	return k
}

// number reads a whole number of đồng, pages or days: "15000", "15.000", "15 000 đ".
func (r *sheetReader) number(col string) int64 {
	v := r.get(col)
	if v == "" {
		return 0
	}
	clean := strings.NewReplacer(".", "", ",", "", " ", "", "\u00a0", "", "đ", "", "Đ", "", "₫", "").Replace(v)
	n, err := strconv.ParseInt(clean, 10, 64)
	if err != nil {
		if f, ferr := strconv.ParseFloat(v, 64); ferr == nil && f == float64(int64(f)) {
			n, err = int64(f), nil
		}
	}
	switch {
	case err != nil:
		r.bad(col, "“"+v+"” không phải số nguyên.")
	case n < 0:
		r.bad(col, "“"+v+"” âm; số phải từ 0 trở lên.")
	}
	return n
}

func (r *sheetReader) small(col string, max int64) int {
	n := r.number(col)
	if n > max {
		r.bad(col, strconv.FormatInt(n, 10)+" lớn quá; tối đa "+strconv.FormatInt(max, 10)+".")
		return 0
	}
	return int(n)
}

// open checks the sheet (present, no merged cells, no formulas, every column) and reads it.
func openSheet(x *excelize.File, sheet string, cols []string, required bool, hasFormulas bool, errs *[]string) *sheetReader {
	r := &sheetReader{x: x, sheet: sheet, cols: cols, at: map[string]int{}, errs: errs}
	if i, err := x.GetSheetIndex(sheet); err != nil || i < 0 {
		if required {
			*errs = append(*errs, "Thiếu trang “"+sheet+"”: tệp phải có các trang "+sheetProcs+", "+sheetDocs+", "+sheetFees+", "+sheetCases+", "+sheetFields+" như tệp xuất từ Một Cửa.")
		}
		return r
	}
	if mc, err := x.GetMergeCells(sheet, true); err == nil && len(mc) > 0 {
		*errs = append(*errs, fmt.Sprintf("Trang %s có ô gộp (%s–%s): hãy bỏ gộp ô (Merge & Center) để mỗi giá trị nằm trong một ô.", sheet, mc[0].GetStartAxis(), mc[0].GetEndAxis()))
		return r
	}
	rows, err := x.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		*errs = append(*errs, "Trang "+sheet+" không đọc được: "+err.Error())
		return r
	}
	if len(rows) == 0 {
		*errs = append(*errs, "Trang "+sheet+" trống: dòng 1 phải là tên các cột.")
		return r
	}
	for i, h := range rows[0] {
		for _, c := range cols {
			if foldText(h) == foldText(c) {
				r.at[c] = i
			}
		}
	}
	var missing []string
	for _, c := range cols {
		if _, ok := r.at[c]; !ok {
			missing = append(missing, "“"+c+"”")
		}
	}
	if len(missing) > 0 {
		*errs = append(*errs, "Trang "+sheet+", dòng 1: thiếu cột "+strings.Join(missing, ", ")+".")
		return r
	}
	// A formula's value is whatever Excel last computed (or nothing, if never opened in Excel).
	// Looking cell by cell is slow, so only a workbook that has formulas somewhere is searched.
	for i, row := range rows {
		if !hasFormulas {
			break
		}
		for j, v := range row {
			if v == "" && i > 0 {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if f, _ := x.GetCellFormula(sheet, cell); f != "" {
				*errs = append(*errs, fmt.Sprintf("Trang %s, ô %s: có công thức (=%s); hãy dán giá trị (Paste Values) thay cho công thức.", sheet, cell, f))
			}
		}
	}
	r.rows = rows[1:]
	return r
}

// each calls fn for every non-empty row, with the reader positioned on it.
func (r *sheetReader) each(fn func()) {
	for i, rec := range r.rows {
		empty := true
		for _, v := range rec {
			if strings.TrimSpace(v) != "" {
				empty = false
				break
			}
		}
		if empty {
			continue
		}
		r.row, r.record = i+2, rec
		fn()
	}
}

// formulasIn reports whether any worksheet of the workbook has a formula (an <f> element);
// when unsure it says yes, and the sheets are searched cell by cell.
func formulasIn(b []byte) bool {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return true
	}
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			return true
		}
		d := xml.NewDecoder(r)
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				r.Close()
				return true
			}
			if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "f" {
				r.Close()
				return true
			}
		}
		r.Close()
	}
	return false
}

// ReadCatalogueXLSX reads the catalogue workbook. Every bad cell is named; a file with any is
// refused whole.
func ReadCatalogueXLSX(in io.Reader) (CatalogueFile, error) {
	out := CatalogueFile{xlsx: true}
	b, err := io.ReadAll(io.LimitReader(in, store.MaxCatalogueFile+1))
	if err != nil {
		return out, err
	}
	if len(b) > store.MaxCatalogueFile {
		return out, errors.New("Tệp lớn quá 10 MB: đây không phải một danh mục thủ tục.")
	}
	x, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 32 << 20})
	if err != nil {
		return out, fmt.Errorf("Tệp không phải bảng tính Excel (.xlsx) đọc được: %v", err)
	}
	defer x.Close()
	var errs []string
	f := formulasIn(b)
	fr := openSheet(x, sheetFields, colsFields, true, f, &errs)
	pr := openSheet(x, sheetProcs, colsProcs, true, f, &errs)
	cr := openSheet(x, sheetCases, colsCases, true, f, &errs)
	dr := openSheet(x, sheetDocs, colsDocs, true, f, &errs)
	er := openSheet(x, sheetFees, colsFees, true, f, &errs)
	if len(errs) > 0 {
		return out, errors.New(strings.Join(errs, "\n"))
	}
	c := &out.Catalogue
	fr.each(func() {
		c.Fields = append(c.Fields, store.Field{Code: fr.get(colsFields[0]), Name: fr.get(colsFields[1])})
		out.fieldRows = append(out.fieldRows, fr.row)
	})
	idx := map[string]int{}
	timeOf := func(r *sheetReader, unitCol, nCol string) (store.TimeUnit, int, int) {
		u := store.TimeUnit(r.kind(unitCol, unitNames, ""))
		n := r.small(nCol, 100000)
		switch u {
		case store.TimeDays:
			return u, n, 0
		case store.TimeHours:
			return u, 0, n
		case store.TimeSameDay:
			return u, 0, n // a number with "Trong ngày" is the store's to refuse
		}
		if r.get(unitCol) == "" {
			r.bad(unitCol, "chưa ghi đơn vị thời hạn ("+names(unitNames)+").")
		}
		return u, 0, 0
	}
	pr.each(func() {
		code := strings.ToUpper(pr.get(colsProcs[0]))
		if _, dup := idx[code]; dup && code != "" {
			pr.bad(colsProcs[0], "mã "+code+" có ở hai dòng.")
			return
		}
		p := store.Procedure{Code: code, NationalCode: pr.get(colsProcs[1]), Name: pr.get(colsProcs[2]), FieldCode: pr.get(colsProcs[3]),
			Level: store.Level(pr.kind(colsProcs[4], levelNames, string(store.LevelCommune))), Agency: pr.get(colsProcs[5]),
			LegalBasis: pr.get(colsProcs[6]), Result: pr.get(colsProcs[7]),
			Online:     store.OnlineLevel(pr.kind(colsProcs[8], onlineNames, string(store.OnlineNone))),
			Anywhere:   pr.kind(colsProcs[9], yesNo, "0") == "1",
			Cutoff:     store.CutoffRule(pr.kind(colsProcs[12], cutoffNames, string(store.CutoffDefault))),
			ActiveFrom: dateCell(pr, colsProcs[13]), ActiveTo: dateCell(pr, colsProcs[14]),
			Fee: store.Fee{Kind: store.FeeNone}, Charge: store.Fee{Kind: store.FeeNone}, Documents: []store.Document{}}
		p.Unit, p.Days, p.Hours = timeOf(pr, colsProcs[10], colsProcs[11])
		idx[code] = len(c.Procedures)
		c.Procedures = append(c.Procedures, p)
		out.procRows = append(out.procRows, pr.row)
	})
	find := func(r *sheetReader) (*store.Procedure, bool) {
		code := strings.ToUpper(r.get("Mã thủ tục"))
		i, ok := idx[code]
		if !ok {
			r.bad("Mã thủ tục", "thủ tục “"+code+"” không có ở trang "+sheetProcs+".")
			return nil, false
		}
		return &c.Procedures[i], true
	}
	caseOf := func(r *sheetReader, p *store.Procedure) (*store.Case, bool) {
		name := r.get("Trường hợp")
		if name == "" {
			return nil, true
		}
		for i := range p.Cases {
			if foldText(p.Cases[i].Name) == foldText(name) {
				return &p.Cases[i], true
			}
		}
		r.bad("Trường hợp", "thủ tục "+p.Code+" không có trường hợp “"+name+"” ở trang "+sheetCases+".")
		return nil, false
	}
	cr.each(func() {
		p, ok := find(cr)
		if !ok {
			return
		}
		cs := store.Case{Name: cr.get(colsCases[1]), Fee: store.Fee{Kind: store.FeeNone}, Charge: store.Fee{Kind: store.FeeNone}, Documents: []store.Document{}}
		cs.Unit, cs.Days, cs.Hours = timeOf(cr, colsCases[2], colsCases[3])
		p.Cases = append(p.Cases, cs)
	})
	dr.each(func() {
		p, ok := find(dr)
		if !ok {
			return
		}
		cs, ok := caseOf(dr, p)
		if !ok {
			return
		}
		d := store.Document{Name: dr.get(colsDocs[2]), Kind: store.DocKind(dr.kind(colsDocs[3], docNames, string(store.DocOriginal))),
			Count: dr.small(colsDocs[4], 1000), Optional: dr.kind(colsDocs[5], yesNo, "1") == "0", Note: dr.get(colsDocs[6])}
		if dr.get(colsDocs[4]) == "" {
			d.Count = 1
		}
		if cs != nil {
			cs.Documents = append(cs.Documents, d)
		} else {
			p.Documents = append(p.Documents, d)
		}
	})
	er.each(func() {
		p, ok := find(er)
		if !ok {
			return
		}
		cs, ok := caseOf(er, p)
		if !ok {
			return
		}
		what := er.kind(colsFees[2], whatNames, "fee")
		f := store.Fee{Kind: store.FeeKind(er.kind(colsFees[3], feeNames, "")), Note: er.get(colsFees[10])}
		if er.get(colsFees[3]) == "" {
			er.bad(colsFees[3], "chưa ghi cách tính ("+names(feeNames)+").")
		}
		f.Amount = er.number(colsFees[4])
		f.FirstPages = er.small(colsFees[5], 100000)
		f.FirstPageAmount, f.LaterPageAmount, f.Cap = er.number(colsFees[6]), er.number(colsFees[7]), er.number(colsFees[8])
		for _, e := range strings.Split(er.get(colsFees[9]), ";") {
			if e = strings.TrimSpace(e); e != "" {
				f.Exemptions = append(f.Exemptions, e)
			}
		}
		// The amount's cell is named here, where the row is known: the store sees only the fee.
		if f.Amount > 100_000_000 || f.FirstPageAmount > 100_000_000 || f.LaterPageAmount > 100_000_000 || f.Cap > 100_000_000 {
			er.bad(colsFees[4], "mức thu quá 100.000.000 đ: hãy kiểm tra số 0 thừa.")
		}
		var target *store.Fee
		switch {
		case cs != nil && what == "charge":
			target = &cs.Charge
		case cs != nil:
			target = &cs.Fee
		case what == "charge":
			target = &p.Charge
		default:
			target = &p.Fee
		}
		if target.Kind != store.FeeNone || target.Note != "" {
			er.bad(colsFees[2], nameOf(whatNames, what)+" của thủ tục "+p.Code+" có ở hai dòng.")
			return
		}
		*target = f
	})
	if len(errs) > 0 {
		if len(errs) > 50 {
			errs = append(errs[:50], fmt.Sprintf("… và %d lỗi khác.", len(errs)-50))
		}
		return out, errors.New(strings.Join(errs, "\n"))
	}
	return out, nil
}

// dateCell reads a date as the export writes it (2025-07-01) or as typed (1/7/2025), or an Excel
// date serial.
func dateCell(r *sheetReader, col string) string {
	v := r.get(col)
	if v == "" {
		return ""
	}
	if len(v) == 10 && v[4] == '-' && v[7] == '-' {
		return v
	}
	if parts := strings.Split(v, "/"); len(parts) == 3 {
		d, e1 := strconv.Atoi(parts[0])
		m, e2 := strconv.Atoi(parts[1])
		y, e3 := strconv.Atoi(parts[2])
		if e1 == nil && e2 == nil && e3 == nil && d >= 1 && d <= 31 && m >= 1 && m <= 12 && y >= 2000 && y <= 2100 {
			return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		}
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f > 36000 && f < 80000 {
		if t, err := excelize.ExcelDateToTime(f, false); err == nil {
			return t.Format("2006-01-02")
		}
	}
	r.bad(col, "“"+v+"” không phải ngày (ngày/tháng/năm, ví dụ 01/07/2025).")
	return ""
}

// DescribePlan says what an import will do, one line per change: the dry run's report.
func DescribePlan(p store.CataloguePlan) []string {
	what := map[string]string{"code": "mã", "national_code": "mã quốc gia", "name": "tên", "field": "lĩnh vực",
		"level": "cấp thực hiện", "agency": "cơ quan giải quyết", "legal_basis": "căn cứ pháp lý", "result": "kết quả",
		"online": "mức độ trực tuyến", "anywhere": "nơi cư trú", "unit": "đơn vị thời hạn", "days": "số ngày", "hours": "số giờ",
		"cutoff_rule": "giờ chốt", "fee": "lệ phí", "charge": "phí", "documents": "thành phần hồ sơ", "cases": "trường hợp",
		"active_to": "ngày ngừng áp dụng"}
	var out []string
	for _, c := range p.Changes {
		switch c.Kind {
		case store.ChangeAddField:
			out = append(out, "Thêm lĩnh vực: "+c.Code+" "+c.Name)
		case store.ChangeAdd:
			out = append(out, "Thêm: "+c.Code+" "+c.Name)
		case store.ChangeEdit:
			var ws []string
			for _, k := range c.What {
				ws = append(ws, what[k])
			}
			out = append(out, "Sửa: "+c.Code+" "+c.Name+" ("+strings.Join(ws, ", ")+")")
		case store.ChangeEnd:
			out = append(out, "Ngừng áp dụng: "+c.Code+" "+c.Name+" từ "+c.After.ActiveTo)
		}
	}
	out = append(out, fmt.Sprintf("Tổng: thêm %d, sửa %d, ngừng %d, giữ nguyên %d thủ tục; thêm %d lĩnh vực.",
		p.Count(store.ChangeAdd), p.Count(store.ChangeEdit), p.Count(store.ChangeEnd), p.Unchanged, p.Count(store.ChangeAddField)))
	return out
}
