package main

import (
	"motcua/app/desk"
	"strings"
	"time"

	"motcua/store"
	"motcua/store/workday"
)

// kioskCommands drive the citizens' kiosk from a script.
var kioskCommands = []command{
	{"invite", "mời người dân đánh giá như nút “Mời đánh giá”: -official TÊN_ĐĂNG_NHẬP [-code MÃ] [-counter QUẦY], in ra JSON", runInvite},
}

// promptJSON is what `motcua invite` prints: the prompt the counter's kiosk now shows.
type promptJSON struct {
	ID           int64  `json:"id"`
	Official     string `json:"official"`
	OfficialName string `json:"official_name"`
	Counter      string `json:"counter"`
	Code         string `json:"code,omitempty"`
	Procedure    string `json:"procedure,omitempty"`
	CreatedAt    string `json:"created_at"`
}

// runInvite asks a counter's kiosk to show the rating screen for an official (and a dossier), the
// same store call as the window's "Mời đánh giá"; the citizen then answers on the kiosk.
func runInvite(e *env, args []string) error {
	fs := e.newFlags("invite")
	official := fs.String("official", "", "tên đăng nhập của công chức được đánh giá")
	code := fs.String("code", "", "mã hồ sơ vừa phục vụ (không bắt buộc)")
	counter := fs.String("counter", "", "tên quầy có màn hình đánh giá (bỏ trống: tên quầy mặc định của cơ sở dữ liệu, \"Quầy 1\")")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *official == "" {
		return usagef("-official: hãy nhập tên đăng nhập của công chức được đánh giá")
	}
	return e.withDesk(func(d *desk.Desk) error {
		// As the window's button: an official invites ratings of their own service.
		if !strings.EqualFold(strings.TrimSpace(*official), e.by) {
			return usagef("-official: chỉ mời đánh giá cho chính mình (đang đăng nhập: %s; dùng -by %s sau khi %s đăng nhập)", e.by, strings.TrimSpace(*official), strings.TrimSpace(*official))
		}
		p, err := d.Store.PromptRating(e.ctx, e.by, *code, *counter)
		if err != nil {
			return err
		}
		return e.printJSON(promptOut(p))
	})
}

func promptOut(p store.RatingPrompt) promptJSON {
	return promptJSON{ID: p.ID, Official: p.Official, OfficialName: p.OfficialName, Counter: p.Counter, Code: p.Code,
		Procedure: p.Procedure, CreatedAt: p.CreatedAt.In(workday.Loc).Format(time.RFC3339)}
}
