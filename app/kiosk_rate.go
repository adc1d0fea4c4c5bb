package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// rateFlow is one citizen's rating: the face (the answer that counts), then optional criteria and
// conduct chips, then for "Không hài lòng" the reasons and a comment, then thanks. It is stored
// once: the buttons are disabled after the first tap, and the store keeps one rating per prompt.
type rateFlow struct {
	k      *kiosk
	prompt *store.RatingPrompt // nil: an unprompted, anonymous rating
	photo  []byte              // the official's photo (JPEG), nil when none is set

	level    int // -1 until a face is tapped
	criteria map[string]int
	conduct  map[string]bool
	reasons  map[string]bool
	comment  *keyboard

	sending, sent bool

	faces    map[int]*widget.Button
	critBtns map[string][3]*widget.Button // criterion → buttons for 2, 1, 0
	chips    map[string]*widget.Button    // conduct and reason chips by key
	send     []*widget.Button             // every "Gửi đánh giá" button of this flow
	moreSend *widget.Button               // the one under the criteria, replaced by next for level 0
	next     *widget.Button
	msgs     []*widget.Label // error lines, one per view

	views map[string]fyne.CanvasObject
}

func newRateFlow(k *kiosk) *rateFlow { return &rateFlow{k: k, level: -1} }

// busy reports whether a citizen is in the middle of answering (a face was tapped, not yet sent):
// a new prompt must not take the screen from them.
func (r *rateFlow) busy() bool {
	switch r.k.screen {
	case kRate, kRateMore, kRateReason:
		return r.level >= 0 && !r.sent
	}
	return false
}

// leaving stores what was answered when the citizen walks away after tapping a face.
func (r *rateFlow) leaving() {
	if r.busy() && !r.sending {
		r.submit(true)
	}
}

// promptPhoto is the photo of prompt p's official. The ticker sees the same open prompt every
// second until the citizen has rated, so the picture is read once per prompt, not each second.
func (k *kiosk) promptPhoto(p store.RatingPrompt) []byte {
	k.mu.Lock()
	if k.photoFor == p.ID {
		defer k.mu.Unlock()
		return k.photo
	}
	k.mu.Unlock()
	img, err := k.st.Photo(context.Background(), p.Official)
	if err != nil {
		return nil // no photo is no reason not to ask; read again next second
	}
	k.mu.Lock()
	k.photoFor, k.photo = p.ID, img
	k.mu.Unlock()
	return img
}

// start begins a rating for prompt (nil: anonymous), showing the official's photo if any.
func (r *rateFlow) start(p *store.RatingPrompt, photo []byte) {
	*r = rateFlow{k: r.k, prompt: p, photo: photo, level: -1, criteria: map[string]int{}, conduct: map[string]bool{},
		reasons: map[string]bool{}, faces: map[int]*widget.Button{}, critBtns: map[string][3]*widget.Button{},
		chips: map[string]*widget.Button{}}
	r.comment = newKeyboard(r.k, kbText, 500, nil)
	r.views = map[string]fyne.CanvasObject{
		kRate: r.faceView(), kRateMore: r.moreView(), kRateReason: r.reasonView(), kThanks: r.thanksView(),
	}
	r.k.show(kRate)
}

func (r *rateFlow) view(id string) fyne.CanvasObject {
	if r.views == nil {
		r.start(nil, nil)
	}
	return r.views[id]
}

// Faces, drawn as SVG so that they need no emoji font.
var faceSVG = map[int]string{
	store.LevelVerySatisfied: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="#2e7d32"/><circle cx="34" cy="38" r="7" fill="#fff"/><circle cx="66" cy="38" r="7" fill="#fff"/><path d="M24 58 Q50 88 76 58 Z" fill="#fff"/></svg>`,
	store.LevelSatisfied:     `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="#1565c0"/><circle cx="34" cy="38" r="7" fill="#fff"/><circle cx="66" cy="38" r="7" fill="#fff"/><path d="M30 64 Q50 78 70 64" stroke="#fff" stroke-width="7" fill="none" stroke-linecap="round"/></svg>`,
	store.LevelDissatisfied:  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="#c62828"/><circle cx="34" cy="38" r="7" fill="#fff"/><circle cx="66" cy="38" r="7" fill="#fff"/><path d="M30 72 Q50 56 70 72" stroke="#fff" stroke-width="7" fill="none" stroke-linecap="round"/></svg>`,
}

func levelLabel(level int) string {
	switch level {
	case store.LevelVerySatisfied:
		return lang.L("Rất hài lòng")
	case store.LevelSatisfied:
		return lang.L("Hài lòng")
	}
	return lang.L("Không hài lòng")
}

func (r *rateFlow) faceView() fyne.CanvasObject {
	var who []fyne.CanvasObject
	if p := r.prompt; p != nil {
		who = append(who, kioskText(lang.L("Công chức phục vụ Ông/Bà:"), fyne.TextAlignCenter, false))
		if len(r.photo) > 0 {
			img := canvas.NewImageFromResource(fyne.NewStaticResource("anh-"+p.Official+".jpg", r.photo))
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(fyne.NewSize(180, 180))
			who = append(who, container.NewCenter(img))
		}
		name := kioskTitle(p.OfficialName)
		name.SizeName = theme.SizeNameSubHeadingText
		who = append(who, name)
		if p.Procedure != "" {
			who = append(who, kioskText(lang.L("Thủ tục: {{.P}}", map[string]string{"P": p.Procedure}), fyne.TextAlignCenter, false))
		}
	} else {
		who = append(who, kioskText(lang.L("Đánh giá chung về Bộ phận tiếp nhận và trả kết quả"), fyne.TextAlignCenter, false))
	}
	faces := container.NewGridWithColumns(3)
	for _, level := range []int{store.LevelVerySatisfied, store.LevelSatisfied, store.LevelDissatisfied} {
		level := level
		b := widget.NewButton("", r.k.tap(func() { r.chooseFace(level) }))
		r.faces[level] = b
		img := canvas.NewImageFromResource(fyne.NewStaticResource(fmt.Sprintf("face%d.svg", level), []byte(faceSVG[level])))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(150, 150))
		label := widget.NewLabelWithStyle(levelLabel(level), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		face := container.NewVBox(layout.NewSpacer(), container.NewCenter(img), label, layout.NewSpacer())
		faces.Add(container.NewStack(tall(b, 280), face))
	}
	back := widget.NewButtonWithIcon(lang.L("Quay lại"), theme.NavigateBackIcon(), r.k.tap(func() { r.k.show(kWelcome) }))
	top := container.NewVBox(kioskTitle(lang.L("Ông/Bà có hài lòng với sự phục vụ?")), container.NewVBox(who...))
	return container.NewBorder(top, container.NewHBox(tall(back, 90), layout.NewSpacer()), nil, nil,
		container.NewVBox(layout.NewSpacer(), faces, layout.NewSpacer()))
}

// chooseFace takes the first tap only.
func (r *rateFlow) chooseFace(level int) {
	if r.level >= 0 {
		return
	}
	r.level = level
	for l, b := range r.faces {
		if l != level {
			b.Disable()
		} else {
			b.Importance = widget.HighImportance
			b.Refresh()
		}
	}
	if level == store.LevelDissatisfied {
		r.next.Show()
		r.moreSend.Hide()
	}
	r.k.show(kRateMore)
}

// critLabels name a criterion's 3 scores.
func critLabels() [3]string {
	return [3]string{lang.L("Tốt"), lang.L("Bình thường"), lang.L("Chưa tốt")}
}

func (r *rateFlow) critName(key string) string {
	switch key {
	case "time":
		return lang.L("Thời gian giải quyết so với quy định")
	case "contacts":
		return lang.L("Số lần phải liên hệ để hoàn thiện hồ sơ")
	case "agencies":
		return lang.L("Số cơ quan phải liên hệ")
	case "attitude":
		return lang.L("Thái độ của công chức")
	case "convenience":
		return lang.L("Mức độ thuận tiện")
	case "overall":
		return lang.L("Đánh giá tổng thể")
	}
	return key
}

func chipName(key string) string {
	switch key {
	case "chao_hoi":
		return lang.L("Xin chào")
	case "xin_loi":
		return lang.L("Xin lỗi khi cần")
	case "cam_on":
		return lang.L("Xin cảm ơn")
	case "xin_phep":
		return lang.L("Xin phép")
	case "mim_cuoi":
		return lang.L("Luôn mỉm cười")
	case "nhe_nhang":
		return lang.L("Luôn nhẹ nhàng")
	case "lang_nghe":
		return lang.L("Luôn lắng nghe")
	case "giup_do":
		return lang.L("Luôn giúp đỡ")
	case "cho_lau":
		return lang.L("Phải chờ lâu")
	case "huong_dan":
		return lang.L("Hướng dẫn chưa rõ ràng")
	case "thai_do":
		return lang.L("Thái độ chưa đúng mực")
	case "giay_to":
		return lang.L("Yêu cầu giấy tờ ngoài quy định")
	case "tre_hen":
		return lang.L("Trả kết quả trễ hẹn")
	case "phi":
		return lang.L("Thu phí, lệ phí chưa đúng")
	case "khac":
		return lang.L("Lý do khác")
	}
	return key
}

func (r *rateFlow) sendButton() *widget.Button {
	b := kioskButton(lang.L("Gửi đánh giá"), theme.MailSendIcon(), widget.SuccessImportance, nil)
	b.OnTapped = r.k.tap(func() { r.submit(false) })
	r.send = append(r.send, b)
	return b
}

func (r *rateFlow) moreView() fyne.CanvasObject {
	rows := container.NewVBox()
	labels := critLabels()
	for _, c := range store.RatingCriteria {
		key := c.Key
		var bs [3]*widget.Button
		grid := container.NewGridWithColumns(3)
		for i, score := range []int{2, 1, 0} {
			score := score
			b := widget.NewButton(labels[i], r.k.tap(func() { r.setCriterion(key, score) }))
			bs[i] = b
			grid.Add(tall(b, 64))
		}
		r.critBtns[key] = bs
		name := widget.NewLabel(r.critName(key))
		name.Wrapping = fyne.TextWrapWord
		rows.Add(container.NewGridWithColumns(2, name, grid))
	}
	chips := container.NewGridWithColumns(4)
	for _, c := range store.ConductChips {
		chips.Add(tall(r.chip(c.Key, r.conduct), 72))
	}
	r.next = kioskButton(lang.L("Tiếp tục: nêu lý do"), theme.NavigateNextIcon(), widget.HighImportance, r.k.tap(func() { r.k.show(kRateReason) }))
	r.next.Hide()
	send := r.sendButton()
	r.moreSend = send
	body := container.NewVBox(
		kioskText(lang.L("Ông/Bà đánh giá từng mặt (không bắt buộc):"), fyne.TextAlignLeading, true), rows,
		kioskText(lang.L("Công chức đã thực hiện “4 xin, 4 luôn”? Chạm để chọn:"), fyne.TextAlignLeading, true), chips,
	)
	bottom := container.NewVBox(r.newMsg(), container.NewGridWithColumns(2, layout.NewSpacer(), container.NewStack(tall(send, 96), r.next)))
	return container.NewBorder(kioskTitle(lang.L("Xin cho biết thêm")), bottom, nil, nil, body)
}

// chip is a toggle button for a key of set.
func (r *rateFlow) chip(key string, set map[string]bool) *widget.Button {
	b := widget.NewButton(chipName(key), nil)
	b.OnTapped = r.k.tap(func() {
		set[key] = !set[key]
		if set[key] {
			b.Importance = widget.HighImportance
			b.SetIcon(theme.ConfirmIcon())
		} else {
			b.Importance = widget.MediumImportance
			b.SetIcon(nil)
		}
		b.Refresh()
	})
	r.chips[key] = b
	return b
}

func (r *rateFlow) setCriterion(key string, score int) {
	if cur, ok := r.criteria[key]; ok && cur == score {
		delete(r.criteria, key) // a second tap clears the answer
	} else {
		r.criteria[key] = score
	}
	for i, b := range r.critBtns[key] {
		if v, ok := r.criteria[key]; ok && v == 2-i {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
}

func (r *rateFlow) reasonView() fyne.CanvasObject {
	chips := container.NewGridWithColumns(4)
	for _, c := range store.RatingReasons {
		chips.Add(tall(r.chip(c.Key, r.reasons), 60))
	}
	send := r.sendButton()
	box := container.NewVBox(
		kioskText(lang.L("Điều gì làm Ông/Bà chưa hài lòng?"), fyne.TextAlignLeading, true), chips,
		kioskText(lang.L("Góp ý (không bắt buộc):"), fyne.TextAlignLeading, true),
		container.NewStack(canvasBox(), container.NewPadded(r.comment.display)),
		r.comment.root,
	)
	title := kioskTitle(lang.L("Xin cho biết lý do"))
	title.SizeName = theme.SizeNameSubHeadingText
	return container.NewBorder(title, container.NewVBox(r.newMsg(), tall(send, 96)), nil, nil, box)
}

// canvasBox is the frame of a typed text.
func canvasBox() fyne.CanvasObject {
	b := canvas.NewRectangle(kioskBackground)
	b.StrokeColor = kioskBlue
	b.StrokeWidth = 2
	b.SetMinSize(fyne.NewSize(0, 64))
	return b
}

func (r *rateFlow) thanksView() fyne.CanvasObject {
	return container.NewCenter(container.NewVBox(
		kioskTitle(lang.L("Xin cảm ơn Ông/Bà!")),
		kioskText(lang.L("Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn."), fyne.TextAlignCenter, false),
	))
}

// submit stores the rating once. silent: the citizen has walked away, so no thank-you screen.
func (r *rateFlow) submit(silent bool) {
	if r.sending || r.sent || r.level < 0 {
		return
	}
	r.sending = true
	for _, b := range r.send {
		b.Disable()
	}
	rt := store.Rating{Counter: r.k.counter, Level: r.level, Criteria: map[string]int{}, Comment: r.comment.Text()}
	if r.prompt != nil {
		rt.PromptID = r.prompt.ID
	}
	for k, v := range r.criteria {
		rt.Criteria[k] = v
	}
	for _, c := range store.ConductChips {
		if r.conduct[c.Key] {
			rt.Conduct = append(rt.Conduct, c.Key)
		}
	}
	for _, c := range store.RatingReasons {
		if r.reasons[c.Key] {
			rt.Reasons = append(rt.Reasons, c.Key)
		}
	}
	goAsync(func() {
		_, err := r.k.st.Rate(context.Background(), rt)
		fyne.Do(func() {
			r.sending = false
			if err != nil {
				for _, m := range r.msgs {
					m.SetText(err.Error())
					m.Show()
				}
				for _, b := range r.send {
					b.Enable()
				}
				return
			}
			r.sent = true
			if !silent {
				r.k.thanksUntil = r.k.now().Add(thanksFor)
				r.k.show(kThanks)
			}
		})
	})
}

// newMsg is a view's error line.
func (r *rateFlow) newMsg() *widget.Label {
	m := kioskText("", fyne.TextAlignCenter, true)
	m.Importance = widget.DangerImportance
	m.Hide() // shown with an error only: the reasons screen needs every line
	r.msgs = append(r.msgs, m)
	return m
}
