package app

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
	"motcua/store/workday"
)

const auditPage = 50

// auditEntities are the kinds a leader filters the trail by.
var auditEntities = []struct{ key, label string }{
	{"", "Tất cả"}, {"dossier", "Hồ sơ"}, {"official", "Cán bộ"}, {"login", "Đăng nhập"}, {"procedure", "Thủ tục"},
	{"field", "Lĩnh vực"}, {"calendar", "Lịch làm việc"}, {"agency", "Cơ quan"}, {"settings", "Cài đặt"},
	{"backup", "Sao lưu"}, {"counter", "Quầy"},
}

// auditScreen is Quản trị → Nhật ký thay đổi (leader and admin): who changed what, when, old →
// new, filtered by kind, official and period, a page at a time.
type auditScreen struct {
	u    *ui
	root fyne.CanvasObject

	entity   *widget.Select
	official *widget.Entry
	from, to *widget.Entry
	table    *widget.Table
	rows     []store.AuditEntry
	page     int
	total    int
	info     *widget.Label
	prev     *widget.Button
	next     *widget.Button
}

var auditCols = []struct {
	title string
	width float32
}{{"Thời điểm", 150}, {"Cán bộ", 110}, {"Loại", 90}, {"Đối tượng", 170}, {"Việc", 100}, {"Cũ", 260}, {"Mới", 260}, {"Ghi chú", 200}}

func newAuditScreen(u *ui) *auditScreen {
	a := &auditScreen{u: u}
	var labels []string
	for _, e := range auditEntities {
		labels = append(labels, lang.L(e.label))
	}
	a.entity = widget.NewSelect(labels, nil)
	a.entity.SetSelectedIndex(0)
	a.entity.OnChanged = func(string) { a.page = 0; a.load() }
	a.official = widget.NewEntry()
	a.official.SetPlaceHolder(lang.L("tên đăng nhập"))
	a.from = widget.NewEntry()
	a.from.SetPlaceHolder(lang.L("từ ngày dd/mm/yyyy"))
	a.to = widget.NewEntry()
	a.to.SetPlaceHolder(lang.L("đến ngày dd/mm/yyyy"))
	for _, e := range []*widget.Entry{a.official, a.from, a.to} {
		e.OnSubmitted = func(string) { a.page = 0; a.load() }
	}
	a.table = widget.NewTableWithHeaders(func() (int, int) { return len(a.rows), len(auditCols) },
		func() fyne.CanvasObject { l := widget.NewLabel(""); l.Truncation = fyne.TextTruncateEllipsis; return l },
		func(id widget.TableCellID, c fyne.CanvasObject) { c.(*widget.Label).SetText(a.cell(id.Row, id.Col)) })
	a.table.ShowHeaderColumn = false
	a.table.UpdateHeader = func(id widget.TableCellID, c fyne.CanvasObject) {
		if id.Col >= 0 {
			c.(*widget.Label).SetText(lang.L(auditCols[id.Col].title))
		}
	}
	for i, c := range auditCols {
		a.table.SetColumnWidth(i, c.width)
	}
	a.info = widget.NewLabel("")
	a.prev = widget.NewButton(lang.L("Trang trước"), func() { a.page--; a.load() })
	a.next = widget.NewButton(lang.L("Trang sau"), func() { a.page++; a.load() })
	filter := widget.NewButton(lang.L("Lọc"), func() { a.page = 0; a.load() })
	bar := container.NewHBox(widget.NewLabel(lang.L("Loại")), a.entity,
		container.NewGridWrap(fyne.NewSize(140, a.official.MinSize().Height), a.official),
		container.NewGridWrap(fyne.NewSize(170, a.from.MinSize().Height), a.from),
		container.NewGridWrap(fyne.NewSize(170, a.to.MinSize().Height), a.to), filter)
	a.root = container.NewBorder(bar, container.NewHBox(a.prev, a.next, a.info), nil, nil, a.table)
	return a
}

func (a *auditScreen) cell(r, c int) string {
	e := a.rows[r]
	switch c {
	case 0:
		return e.At.In(workday.Loc).Format("02/01/2006 15:04:05")
	case 1:
		if e.By == "" {
			return lang.L("hệ thống")
		}
		return e.By
	case 2:
		return auditEntityName(e.Entity)
	case 3:
		return e.Key
	case 4:
		return auditActionName(e.Entity, e.Action)
	case 5:
		return auditValue(e.Entity, e.Old)
	case 6:
		return auditValue(e.Entity, e.New)
	}
	return e.Reason
}

// auditEntityName is the kind of a row in words ("Hồ sơ", not "dossier").
func auditEntityName(entity string) string {
	for _, e := range auditEntities {
		if e.key == entity && e.key != "" {
			return lang.L(e.label)
		}
	}
	switch entity {
	case "look":
		return lang.L("Giao diện")
	case "printing":
		return lang.L("Máy in")
	}
	return entity
}

// auditActionName is what was done in words: a dossier's step as its history says it, the
// other changes by their verb.
func auditActionName(entity, action string) string {
	if entity == "dossier" {
		return eventName(store.Act(action))
	}
	switch action {
	case "create":
		return lang.L("Thêm mới")
	case "update":
		return lang.L("Sửa")
	case "delete":
		return lang.L("Xóa")
	case "login":
		return lang.L("Đăng nhập")
	case "lockout":
		return lang.L("Tạm khóa do nhập sai")
	case "kiosk_exit":
		return lang.L("Thoát màn hình người dân")
	case "password":
		return lang.L("Đặt mật khẩu")
	case "pin":
		return lang.L("Đặt mã PIN")
	case "activate":
		return lang.L("Cho hoạt động lại")
	case "deactivate":
		return lang.L("Ngừng hoạt động")
	case "backup":
		return lang.L("Sao lưu")
	case "restore":
		return lang.L("Phục hồi")
	}
	return action
}

// auditValue is an old or new value; a dossier's are statuses, shown by name.
func auditValue(entity, v string) string {
	if entity == "dossier" {
		if n, err := strconv.Atoi(v); err == nil {
			return store.StatusName(store.Status(n))
		}
	}
	return v
}

// filter reads the filter bar; a date that cannot be read is reported and not applied.
func (a *auditScreen) filter() (store.AuditFilter, string) {
	f := store.AuditFilter{Official: strings.TrimSpace(a.official.Text), Offset: a.page * auditPage, Limit: auditPage}
	if i := a.entity.SelectedIndex(); i > 0 {
		f.Entity = auditEntities[i].key
	}
	var bad string
	for _, d := range []struct {
		e   *widget.Entry
		dst *time.Time
	}{{a.from, &f.From}, {a.to, &f.To}} {
		if t := strings.TrimSpace(d.e.Text); t != "" {
			v, err := time.ParseInLocation("2/1/2006", t, workday.Loc)
			if err != nil {
				bad = lang.L("Ngày “{{.D}}” không đúng dạng dd/mm/yyyy.", map[string]string{"D": t})
				continue
			}
			*d.dst = v
		}
	}
	return f, bad
}

func (a *auditScreen) load() {
	if a.page < 0 {
		a.page = 0
	}
	f, bad := a.filter()
	by := a.u.actorLogin()
	ctx := context.Background()
	goAsync(func() {
		n, err := a.u.st.AuditCount(ctx, by, f)
		var rows []store.AuditEntry
		if err == nil {
			rows, err = a.u.st.Audit(ctx, by, f)
		}
		fyne.Do(func() {
			if err != nil {
				a.info.SetText(err.Error())
				return
			}
			a.rows, a.total = rows, n
			a.table.Refresh()
			pages := (n + auditPage - 1) / auditPage
			a.info.SetText(lang.L("{{.N}} dòng — trang {{.P}}/{{.T}}", map[string]any{"N": n, "P": a.page + 1, "T": max(pages, 1)}) + " " + bad)
			if a.page > 0 {
				a.prev.Enable()
			} else {
				a.prev.Disable()
			}
			if (a.page+1)*auditPage < n {
				a.next.Enable()
			} else {
				a.next.Disable()
			}
		})
	})
}
