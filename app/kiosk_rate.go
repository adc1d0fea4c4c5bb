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

// rateFlow is one citizen's rating: the face (the answer that counts), then optional criteria,
// conduct chips, and for "Không hài lòng" the reasons and a comment, then thanks. A face is a
// choice, not a submission: until "Gửi đánh giá" the citizen can go back and change it. It is
// stored once: the send buttons are disabled while sending, and the store keeps one rating per
// prompt. The screens are built once (newRateFlow) and reset for each citizen (start).
type rateFlow struct {
	k      *kiosk
	prompt *store.RatingPrompt // nil: an unprompted, anonymous rating

	level    int // -1 until a face is tapped
	criteria map[string]int
	conduct  map[string]bool
	reasons  map[string]bool
	comment  *keyboard

	sending, sent bool

	faces                  map[int]*widget.Button
	critBtns               map[string][3]*widget.Button // criterion → buttons for 2, 1, 0
	chips                  map[string]*widget.Button    // conduct and reason chips by key
	send                   []*widget.Button             // every "Gửi đánh giá" button of this flow
	moreSend               *widget.Button               // the one under the criteria, replaced by next for level 0
	next                   *widget.Button               // the criteria's "Tiếp tục"
	conductSend, toReasons *widget.Button               // under the conduct chips: send, or on to the reasons for level 0
	chosen                 []*widget.Label              // "Ông/Bà chọn: …" on the steps after the faces
	msgs                   []*widget.Label              // error lines, one per view
	said                   *widget.Label                // the comment as typed, on the reasons step

	whoIntro, whoName, whoProc *widget.Label
	photo                      *canvas.Image
	photoBox                   fyne.CanvasObject // the photo's frame, hidden without a photo

	views map[string]fyne.CanvasObject
}

func newRateFlow(k *kiosk) *rateFlow {
	r := &rateFlow{k: k, level: -1, criteria: map[string]int{}, conduct: map[string]bool{}, reasons: map[string]bool{},
		faces: map[int]*widget.Button{}, critBtns: map[string][3]*widget.Button{}, chips: map[string]*widget.Button{}}
	r.comment = newKeyboard(k, kbText, 500, nil)
	r.views = map[string]fyne.CanvasObject{
		kRate: r.faceView(), kRateMore: r.moreView(), kRateConduct: r.conductView(), kRateReason: r.reasonView(),
		kRateComment: r.commentView(), kThanks: r.thanksView(),
	}
	return r
}

// busy reports whether a citizen is in the middle of answering (a face was tapped, not yet sent):
// a new prompt must not take the screen from them.
func (r *rateFlow) busy() bool {
	switch r.k.screen {
	case kRate, kRateMore, kRateConduct, kRateReason, kRateComment:
		return r.level >= 0 && !r.sent
	}
	return false
}

// leaving is the citizen walking away (or an official taking the kiosk) before sending: the
// rating is dropped, unless the ward chose to keep the level chosen (kiosk.idle_saves).
func (r *rateFlow) leaving() {
	if r.busy() && !r.sending && r.k.idleSaves {
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

// start begins a rating for prompt (nil: anonymous), showing the official's photo if any: every
// answer of the last citizen is cleared from the kept screens.
func (r *rateFlow) start(p *store.RatingPrompt, photo []byte) {
	r.prompt, r.level, r.sending, r.sent = p, -1, false, false
	clear(r.criteria)
	clear(r.conduct)
	clear(r.reasons)
	r.comment.set("")
	for _, b := range r.faces {
		b.Importance = widget.MediumImportance
		b.Refresh()
	}
	for _, bs := range r.critBtns {
		for _, b := range bs {
			b.Importance = widget.MediumImportance
			b.Refresh()
		}
	}
	for _, b := range r.chips {
		b.Importance = widget.MediumImportance
		b.SetIcon(nil)
	}
	for _, b := range r.send {
		b.Enable()
	}
	for _, m := range r.msgs {
		m.SetText("")
		m.Hide()
	}
	if p != nil {
		r.whoIntro.SetText(lang.L("Công chức phục vụ Ông/Bà:"))
		r.whoName.SetText(p.OfficialName)
		r.whoName.Show()
		if p.Procedure != "" {
			r.whoProc.SetText(lang.L("Thủ tục: {{.P}}", map[string]string{"P": p.Procedure}))
			r.whoProc.Show()
		} else {
			r.whoProc.Hide()
		}
	} else {
		r.whoIntro.SetText(lang.L("Đánh giá chung về Bộ phận tiếp nhận và trả kết quả"))
		r.whoName.Hide()
		r.whoProc.Hide()
	}
	if p != nil && len(photo) > 0 {
		r.photo.Resource = fyne.NewStaticResource("anh-"+p.Official+".jpg", photo)
		r.photoBox.Show()
	} else {
		r.photo.Resource = nil
		r.photoBox.Hide()
	}
	r.photo.Refresh()
	r.k.show(kRate)
}

func (r *rateFlow) view(id string) fyne.CanvasObject { return r.views[id] }

// stepBar is the bottom row of a step: its buttons side by side, each a big target.
func (r *rateFlow) stepBar(bs ...*widget.Button) fyne.CanvasObject {
	row := container.NewGridWithColumns(len(bs))
	for _, b := range bs {
		row.Add(r.k.tall(b, 84))
	}
	return row
}

// back is a step's "Quay lại" to the step before, keeping every answer.
func (r *rateFlow) back(to string) *widget.Button {
	return kioskButton(lang.L("Quay lại"), theme.NavigateBackIcon(), widget.MediumImportance, r.k.tap(func() { r.k.show(to) }))
}

// stepTop is a step's title with the face chosen under it, so that a citizen sees what they chose.
func (r *rateFlow) stepTop(title string) fyne.CanvasObject {
	t := kioskTitle(title)
	t.SizeName = theme.SizeNameSubHeadingText
	t.Alignment = fyne.TextAlignLeading
	c := kioskText("", fyne.TextAlignTrailing, true)
	c.Wrapping = fyne.TextWrapOff
	r.chosen = append(r.chosen, c)
	return container.NewBorder(nil, nil, nil, c, t) // one line: the criteria need the height
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
	r.whoIntro = kioskText("", fyne.TextAlignCenter, false)
	r.whoName = kioskTitle("")
	r.whoName.SizeName = theme.SizeNameSubHeadingText
	r.whoProc = kioskText("", fyne.TextAlignCenter, false)
	r.photo = canvas.NewImageFromResource(nil)
	r.photo.FillMode = canvas.ImageFillContain
	// The photo stands beside the name: one under the other the faces no longer fit 800 px.
	r.photoBox = r.k.sized(r.photo, 130, 130)
	r.photoBox.Hide() // hidden, it takes no room: the name stays centred
	who := container.NewBorder(nil, nil, r.photoBox, nil, container.NewVBox(r.whoIntro, r.whoName, r.whoProc))
	faces := r.k.columns(3, 1) // standing up, one face a row: wide targets instead of thin columns
	for _, level := range []int{store.LevelVerySatisfied, store.LevelSatisfied, store.LevelDissatisfied} {
		b := widget.NewButton("", r.k.tap(func() { r.chooseFace(level) }))
		r.faces[level] = b
		img := canvas.NewImageFromResource(fyne.NewStaticResource(fmt.Sprintf("face%d.svg", level), []byte(faceSVG[level])))
		img.FillMode = canvas.ImageFillContain
		label := widget.NewLabelWithStyle(levelLabel(level), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		face := container.NewVBox(layout.NewSpacer(), container.NewCenter(r.k.sized(img, 140, 140)), label, layout.NewSpacer())
		faces.Add(container.NewStack(r.k.tall(b, 240), face))
	}
	back := kioskButton(lang.L("Quay lại"), theme.NavigateBackIcon(), widget.MediumImportance, r.k.tap(func() { r.k.show(kWelcome) }))
	top := container.NewVBox(kioskTitle(lang.L("Ông/Bà có hài lòng với sự phục vụ?")), who)
	// The faces take what the title leaves: the bigger the screen, the bigger the targets.
	return container.NewBorder(top, container.NewHBox(r.k.tall(back, 84), layout.NewSpacer()), nil, nil, faces)
}

// chooseFace marks the face chosen and goes on to the criteria. Another face may be chosen later
// (back from the next steps): nothing is stored before "Gửi đánh giá".
func (r *rateFlow) chooseFace(level int) {
	if r.sending || r.sent {
		return
	}
	r.level = level
	for l, b := range r.faces {
		if l == level {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.MediumImportance
		}
		b.Refresh()
	}
	for _, c := range r.chosen {
		c.SetText(lang.L("Ông/Bà chọn: {{.L}}", map[string]string{"L": levelLabel(level)}))
	}
	// "Không hài lòng" asks why before it can be sent.
	dissatisfied := level == store.LevelDissatisfied
	showIf(r.moreSend, !dissatisfied)
	showIf(r.conductSend, !dissatisfied)
	showIf(r.toReasons, dissatisfied)
	r.k.show(kRateMore)
}

func showIf(o fyne.CanvasObject, show bool) {
	if show {
		o.Show()
	} else {
		o.Hide()
	}
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
			b := widget.NewButton(labels[i], r.k.tap(func() { r.setCriterion(key, score) }))
			bs[i] = b
			grid.Add(r.k.tall(b, 64))
		}
		r.critBtns[key] = bs
		name := widget.NewLabel(r.critName(key))
		name.Wrapping = fyne.TextWrapWord
		rows.Add(r.k.sideBySide(name, grid))
	}
	r.next = kioskButton(lang.L("Tiếp tục"), theme.NavigateNextIcon(), widget.HighImportance, r.k.tap(func() { r.k.show(kRateConduct) }))
	r.next.IconPlacement = widget.ButtonIconTrailingText
	r.moreSend = r.sendButton()
	bottom := container.NewVBox(r.newMsg(), r.stepBar(r.back(kRate), r.next, r.moreSend))
	return container.NewBorder(r.stepTop(lang.L("Ông/Bà đánh giá từng mặt (không bắt buộc):")), bottom, nil, nil, rows)
}

func (r *rateFlow) conductView() fyne.CanvasObject {
	chips := r.k.columns(4, 2)
	for _, c := range store.ConductChips {
		chips.Add(r.k.tall(r.chip(c.Key, r.conduct), 100))
	}
	r.conductSend = r.sendButton()
	r.toReasons = kioskButton(lang.L("Tiếp tục: nêu lý do"), theme.NavigateNextIcon(), widget.HighImportance, r.k.tap(func() { r.k.show(kRateReason) }))
	r.toReasons.IconPlacement = widget.ButtonIconTrailingText
	r.toReasons.Hide()
	body := container.NewVBox(kioskText(lang.L("Công chức đã thực hiện “4 xin, 4 luôn”? Chạm để chọn:"), fyne.TextAlignLeading, true), chips)
	// For "Không hài lòng" the reasons come first: "Tiếp tục: nêu lý do" stands where the send is.
	bottom := container.NewVBox(r.newMsg(), container.NewGridWithColumns(2, r.k.tall(r.back(kRateMore), 84),
		container.NewStack(r.k.tall(r.conductSend, 84), r.k.tall(r.toReasons, 84))))
	return container.NewBorder(r.stepTop(lang.L("Cách phục vụ")), bottom, nil, nil, body)
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
	chips := container.NewGridWithColumns(2) // the reasons are long: two to a row
	for _, c := range store.RatingReasons {
		chips.Add(r.k.tall(r.chip(c.Key, r.reasons), 64))
	}
	r.said = kioskText("", fyne.TextAlignLeading, false)
	r.said.Wrapping = fyne.TextWrapOff
	r.said.Truncation = fyne.TextTruncateEllipsis
	write := kioskButton(lang.L("Viết góp ý"), theme.DocumentCreateIcon(), widget.HighImportance, r.k.tap(func() { r.k.show(kRateComment) }))
	box := container.NewVBox(
		kioskText(lang.L("Điều gì làm Ông/Bà chưa hài lòng?"), fyne.TextAlignLeading, true), chips,
		kioskText(lang.L("Góp ý (không bắt buộc):"), fyne.TextAlignLeading, true),
		container.NewBorder(nil, nil, nil, r.k.tall(write, 72), container.NewStack(canvasBox(), container.NewPadded(r.said))),
	)
	bottom := container.NewVBox(r.newMsg(), r.stepBar(r.back(kRateConduct), r.sendButton()))
	return container.NewBorder(r.stepTop(lang.L("Xin cho biết lý do")), bottom, nil, nil, box)
}

// commentView is the on-screen keyboard for the comment; "Xong" keeps what was typed.
func (r *rateFlow) commentView() fyne.CanvasObject {
	r.comment.onChange = func(s string) { r.said.SetText(s) }
	done := kioskButton(lang.L("Xong"), theme.ConfirmIcon(), widget.HighImportance, r.k.tap(func() { r.k.show(kRateReason) }))
	top := container.NewVBox(r.stepTop(lang.L("Góp ý (không bắt buộc)")),
		container.NewStack(canvasBox(), container.NewPadded(r.comment.display)))
	bottom := container.NewVBox(r.newMsg(), r.stepBar(r.back(kRateReason), done, r.sendButton()))
	return container.NewBorder(top, bottom, nil, nil, container.NewVBox(layout.NewSpacer(), r.comment.root))
}

// canvasBox is the frame of a typed text.
func canvasBox() fyne.CanvasObject {
	b := canvas.NewRectangle(kioskBackground)
	b.StrokeColor = kioskBlue
	b.StrokeWidth = 2
	return b
}

// thanksView is the thank-you screen. Its lines take the screen's whole width: a wrapping label
// in a centring container gets no width and draws one letter per line (seen on 1.0).
func (r *rateFlow) thanksView() fyne.CanvasObject {
	return container.NewVBox(layout.NewSpacer(),
		kioskTitle(lang.L("Xin cảm ơn Ông/Bà!")),
		kioskText(lang.L("Ý kiến của Ông/Bà giúp chúng tôi phục vụ tốt hơn."), fyne.TextAlignCenter, false),
		layout.NewSpacer())
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
