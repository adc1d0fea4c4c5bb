package app

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"
)

func TestAdminSetsAndRemovesAnOfficialsPhoto(t *testing.T) {
	u, s, _ := newTestUI(t, nil)
	loginAs(t, u, "admin")
	o := u.officialsAdmin
	o.load()
	at := -1
	for i, r := range o.rows {
		if r.Login == "tiepnhan1" {
			at = i
		}
	}
	if at < 0 {
		t.Fatal("tiepnhan1 not listed")
	}
	o.pick(at)
	if o.photo.img.Resource != nil || !o.photo.none.Visible() || !o.photo.remove.Disabled() {
		t.Fatal("a photo is shown, or can be removed, before any was set")
	}
	// Not a picture: the store's message names the photo, nothing is stored.
	o.photo.set([]byte("không phải ảnh"))
	if !o.photo.errLabel.Visible() || !strings.Contains(o.photo.errLabel.Text, "Ảnh") {
		t.Errorf("bad file: message %q", o.photo.errLabel.Text)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 120, 160))); err != nil {
		t.Fatal(err)
	}
	o.photo.set(b.Bytes())
	if o.photo.img.Resource == nil || o.photo.none.Visible() || o.photo.remove.Disabled() || o.photo.errLabel.Visible() {
		t.Errorf("after setting: shown %v, error %q", o.photo.img.Resource != nil, o.photo.errLabel.Text)
	}
	if img, _ := s.Photo(context.Background(), "tiepnhan1"); len(img) == 0 {
		t.Error("the photo was not stored")
	}
	o.photo.set(nil)
	if o.photo.img.Resource != nil || !o.photo.none.Visible() {
		t.Error("the photo is still shown after “Xóa ảnh”")
	}
	if img, _ := s.Photo(context.Background(), "tiepnhan1"); img != nil {
		t.Error("the photo is still stored after removing it")
	}
}
