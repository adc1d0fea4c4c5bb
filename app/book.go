package app

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// bookScreen is the tracking book (Sổ theo dõi hồ sơ) on screen: the latest dossiers, newest
// first, filtered by a search; a row opens the dossier's detail, where its slip can be reprinted.
type bookScreen struct {
	u      *ui
	root   fyne.CanvasObject
	filter *keyEntry
	table  *widget.Table
	rows   []store.Dossier
	count  *widget.Label
	seq    int
}

// bookLimit bounds the rows shown; older dossiers are found through the search box.
const bookLimit = 200

func newBook(u *ui) *bookScreen {
	b := &bookScreen{u: u, count: widget.NewLabel("")}
	b.filter = newKeyEntry(u.hot)
	b.filter.SetPlaceHolder(lang.L("Lọc theo mã, tên người nộp, CCCD, thủ tục…"))
	b.filter.OnChanged = func(string) { b.load() }

	heads := []string{lang.L("TT"), lang.L("Mã hồ sơ"), lang.L("Tên thủ tục"), lang.L("Người nộp"), lang.L("Nhận"), lang.L("Hẹn trả"), lang.L("Trạng thái")}
	widths := []float32{60, 190, 330, 190, 135, 135, 140}
	b.table = widget.NewTableWithHeaders(
		func() (int, int) { return len(b.rows), len(heads) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(b.cell(id.Row, id.Col))
		})
	b.table.ShowHeaderColumn = false
	b.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	b.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(heads) {
			o.(*widget.Label).SetText(heads[id.Col])
		}
	}
	for c, w := range widths {
		b.table.SetColumnWidth(c, w)
	}
	b.table.OnSelected = func(id widget.TableCellID) {
		b.table.UnselectAll()
		if id.Row >= 0 && id.Row < len(b.rows) {
			u.openDossier(b.rows[id.Row])
		}
	}
	refresh := widget.NewButtonWithIcon(lang.L("Làm mới"), theme.ViewRefreshIcon(), b.load)
	title := widget.NewLabelWithStyle(lang.L("Sổ theo dõi hồ sơ"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(title, container.NewBorder(nil, nil, nil, container.NewHBox(b.count, refresh), b.filter))
	b.root = container.NewPadded(container.NewBorder(top, nil, nil, nil, b.table))
	return b
}

func (b *bookScreen) cell(r, c int) string {
	d := b.rows[r]
	switch c {
	case 0:
		return strconv.Itoa(d.BookNo)
	case 1:
		return d.Code
	case 2:
		return d.ProcedureName
	case 3:
		return d.Name
	case 4:
		return shortTime(d.ReceivedAt)
	case 5:
		return shortTime(d.DueAt)
	case 6:
		return d.StatusName
	}
	return ""
}

// load reads the latest dossiers matching the filter.
func (b *bookScreen) load() {
	b.seq++
	seq := b.seq
	q := strings.TrimSpace(b.filter.Text)
	ctx := context.Background()
	goAsync(func() {
		rows, err := b.u.st.SearchDossiers(ctx, q, bookLimit)
		fyne.Do(func() {
			if seq != b.seq {
				return
			}
			if err != nil {
				b.count.SetText(err.Error())
				return
			}
			b.rows = rows
			b.count.SetText(lang.L("{{.N}} hồ sơ", map[string]int{"N": len(rows)}))
			b.table.Refresh()
		})
	})
}
