package app

import (
	"fyne.io/fyne/v2/lang"

	"motcua/store"
)

// The catalogue's typed kinds as the window names them, in the order pickers offer them.
var (
	docKindLabels = []struct{ key, label string }{
		{string(store.DocOriginal), "Bản chính"}, {string(store.DocCopy), "Bản sao"},
		{string(store.DocCertifiedCopy), "Bản sao có chứng thực"}, {string(store.DocPresent), "Xuất trình bản chính"},
		{string(store.DocOriginalOrCopy), "Bản chính hoặc bản sao"},
	}
	timeUnitLabels = []struct{ key, label string }{
		{string(store.TimeSameDay), "Trong ngày"}, {string(store.TimeDays), "Ngày làm việc"}, {string(store.TimeHours), "Giờ làm việc"},
	}
	feeKindLabels = []struct{ key, label string }{
		{string(store.FeeNone), "Miễn phí"}, {string(store.FeeFixed), "Cố định"}, {string(store.FeePerPage), "Theo trang"},
		{string(store.FeePerCopy), "Theo bản"},
	}
	levelLabels = []struct{ key, label string }{
		{string(store.LevelCommune), "Cấp xã"}, {string(store.LevelProvince), "Cấp tỉnh"}, {string(store.LevelCentral), "Trung ương"},
	}
	onlineLabels = []struct{ key, label string }{
		{string(store.OnlineNone), "Không trực tuyến"}, {string(store.OnlinePartial), "Một phần"}, {string(store.OnlineFull), "Toàn trình"},
	}
	cutoffLabels = []struct{ key, label string }{
		{string(store.CutoffDefault), "Theo mặc định của cơ quan"},
		{string(store.CutoffNextDay), "Nhận sau giờ chốt: tính từ ngày làm việc tiếp theo"},
		{string(store.CutoffReceipt), "Tính từ lúc nhận, đến giờ đóng cửa"},
	}
)

// docKindText names a document kind; an unknown one is shown as stored.
func docKindText(k store.DocKind) string {
	for _, d := range docKindLabels {
		if d.key == string(k) {
			return lang.L(d.label)
		}
	}
	return string(k)
}

type kindLabel = struct{ key, label string }

// Each list's labels, translated, for a Select: one function per list, each ranging over its
// list by name, so that the translations test finds the keys.
func docKindOptions() []string {
	var out []string
	for _, d := range docKindLabels {
		out = append(out, lang.L(d.label))
	}
	return out
}

func timeUnitOptions() []string {
	var out []string
	for _, d := range timeUnitLabels {
		out = append(out, lang.L(d.label))
	}
	return out
}

func feeKindOptions() []string {
	var out []string
	for _, d := range feeKindLabels {
		out = append(out, lang.L(d.label))
	}
	return out
}

func levelOptions() []string {
	var out []string
	for _, d := range levelLabels {
		out = append(out, lang.L(d.label))
	}
	return out
}

func onlineOptions() []string {
	var out []string
	for _, d := range onlineLabels {
		out = append(out, lang.L(d.label))
	}
	return out
}

func cutoffOptions() []string {
	var out []string
	for _, d := range cutoffLabels {
		out = append(out, lang.L(d.label))
	}
	return out
}

// kindIndex is where key sits in a kind list (0 when unknown: the list's default).
func kindIndex(list []kindLabel, key string) int {
	for i, d := range list {
		if d.key == key {
			return i
		}
	}
	return 0
}

// kindKey is the key of the i-th entry of a kind list.
func kindKey(list []kindLabel, i int) string {
	if i < 0 || i >= len(list) {
		return list[0].key
	}
	return list[i].key
}

// timeText is a procedure's (or case's) time: "trong ngày", "3 ngày làm việc", "4 giờ làm việc".
func timeText(u store.TimeUnit, days, hours int) string {
	switch u {
	case store.TimeHours:
		return lang.L("{{.N}} giờ làm việc", map[string]int{"N": hours})
	case store.TimeDays:
		return daysText(days)
	}
	return lang.L("trong ngày")
}
