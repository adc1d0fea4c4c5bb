package app

import (
	"context"
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"motcua/store"
)

// photoBox is the official's photo on Quản trị → Cán bộ: what the citizens' kiosk shows beside
// the name on the rating screen.
type photoBox struct {
	o        *officialsScreen
	root     fyne.CanvasObject
	img      *canvas.Image
	none     *widget.Label
	choose   *widget.Button
	remove   *widget.Button
	errLabel *widget.Label
}

func newPhotoBox(o *officialsScreen) *photoBox {
	p := &photoBox{o: o, img: canvas.NewImageFromResource(nil), none: widget.NewLabel(lang.L("Chưa có ảnh")), errLabel: errLabel()}
	p.img.FillMode = canvas.ImageFillContain
	// Always there, empty when there is no photo: the form keeps its height whether or not a
	// photo is set (a hidden image shown later would stay squeezed to the label's height).
	p.img.SetMinSize(fyne.NewSize(96, 96))
	p.choose = widget.NewButton(lang.L("Chọn ảnh…"), p.pick)
	p.remove = widget.NewButton(lang.L("Xóa ảnh"), func() { p.set(nil) })
	p.root = container.NewVBox(container.NewHBox(container.NewStack(p.none, p.img), container.NewCenter(container.NewHBox(p.choose, p.remove))), p.errLabel)
	return p
}

// show loads the photo of the official picked in the list (none for a new official).
func (p *photoBox) show(login string) {
	p.errLabel.Hide()
	p.img.Resource = nil
	p.img.Refresh()
	p.none.Show()
	if login == "" {
		p.choose.Disable()
		p.remove.Disable()
		return
	}
	p.choose.Enable()
	p.remove.Disable() // until a photo is there to remove
	goAsync(func() {
		img, err := p.o.u.st.Photo(context.Background(), login)
		fyne.Do(func() {
			if err != nil || len(img) == 0 || p.o.current() != login {
				return
			}
			p.img.Resource = fyne.NewStaticResource("anh-"+login+".jpg", img)
			p.img.Refresh()
			p.none.Hide()
			p.remove.Enable()
		})
	})
}

// pick opens a file dialog for a JPEG or PNG.
func (p *photoBox) pick() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, 4<<20))
		if err != nil {
			p.fail(err)
			return
		}
		p.set(b)
	}, p.o.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".jpg", ".jpeg", ".png"}))
	d.Show()
}

// set stores the picture (nil removes it); the store checks, shrinks and audits it.
func (p *photoBox) set(img []byte) {
	login, by := p.o.current(), p.o.u.actorLogin()
	if login == "" {
		return
	}
	goAsync(func() {
		err := p.o.u.st.SetPhoto(context.Background(), by, login, img)
		fyne.Do(func() {
			if err != nil {
				p.fail(err)
				return
			}
			p.show(login)
		})
	})
}

func (p *photoBox) fail(err error) {
	var ve *store.ValidationError
	if errors.As(err, &ve) {
		err = errors.New(ve.Message)
	}
	p.errLabel.SetText(err.Error())
	p.errLabel.Show()
}
