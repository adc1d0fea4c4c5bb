package store

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 200, A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestOfficialPhoto(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if img, err := s.Photo(ctx, "tiepnhan1"); err != nil || img != nil {
		t.Fatalf("photo before any = %d bytes, %v", len(img), err)
	}
	// An admin sets a large PNG: it is stored as a JPEG of at most 400×400, keeping the ratio.
	if err := s.SetPhoto(ctx, "admin", "tiepnhan1", pngOf(t, 800, 600)); err != nil {
		t.Fatal(err)
	}
	img, err := s.Photo(ctx, "tiepnhan1")
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(img))
	if err != nil || cfg.Width != 400 || cfg.Height != 300 {
		t.Errorf("stored photo: %dx%d, %v; want a 400x300 JPEG", cfg.Width, cfg.Height, err)
	}
	// Not a picture, or too big: refused naming the photo, nothing changed.
	var ve *ValidationError
	if err := s.SetPhoto(ctx, "admin", "tiepnhan1", []byte("không phải ảnh")); !errors.As(err, &ve) || ve.Field != "photo" {
		t.Errorf("not an image: %v", err)
	}
	if err := s.SetPhoto(ctx, "admin", "tiepnhan1", make([]byte, photoMaxBytes+1)); !errors.As(err, &ve) || ve.Field != "photo" {
		t.Errorf("too big: %v", err)
	}
	if again, _ := s.Photo(ctx, "tiepnhan1"); !bytes.Equal(again, img) {
		t.Error("a refused photo changed the stored one")
	}
	// A counter official may set their own, not another's.
	var fe *ForbiddenError
	if err := s.SetPhoto(ctx, "tiepnhan2", "tiepnhan1", pngOf(t, 50, 50)); !errors.As(err, &fe) {
		t.Errorf("counter official setting another's photo: %v, want refused", err)
	}
	if err := s.SetPhoto(ctx, "tiepnhan2", "tiepnhan2", pngOf(t, 50, 50)); err != nil {
		t.Errorf("own photo: %v", err)
	}
	// Removing it leaves none; the audit trail records both, without the picture.
	if err := s.SetPhoto(ctx, "admin", "tiepnhan1", nil); err != nil {
		t.Fatal(err)
	}
	if img, _ := s.Photo(ctx, "tiepnhan1"); img != nil {
		t.Error("the photo is still there after removing it")
	}
	entries, err := s.Audit(ctx, "admin", AuditFilter{Entity: "official", Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var set, removed bool
	for _, e := range entries {
		set = set || (e.Key == "tiepnhan1" && e.Action == "photo")
		removed = removed || (e.Key == "tiepnhan1" && e.Action == "photo_remove")
	}
	if !set || !removed {
		t.Errorf("audit: set %v, removed %v", set, removed)
	}
}
