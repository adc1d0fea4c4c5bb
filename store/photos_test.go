package store

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
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

// jpegTurned is a 40×20 JPEG, red on its left half and blue on its right, carrying the EXIF
// orientation o as a phone writes it.
func jpegTurned(t *testing.T, o uint16) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		for y := range 20 {
			c := color.RGBA{B: 255, A: 255}
			if x < 20 {
				c = color.RGBA{R: 255, A: 255}
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	// APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation (0x0112, SHORT, 1).
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, byte(o >> 8), byte(o), 0, 0, 0, 0, 0, 0, 0, 0}
	seg := append([]byte("Exif\x00\x00"), tiff...)
	app1 := append([]byte{0xFF, 0xE1, byte((len(seg) + 2) >> 8), byte(len(seg) + 2)}, seg...)
	return append(append([]byte{0xFF, 0xD8}, app1...), b.Bytes()[2:]...)
}

func TestOfficialPhotoFromAPhoneIsUpright(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	red := func(c color.Color) bool { r, g, b, _ := c.RGBA(); return r > 0xC000 && g < 0x4000 && b < 0x4000 }
	blue := func(c color.Color) bool { r, g, b, _ := c.RGBA(); return b > 0xC000 && r < 0x4000 && g < 0x4000 }
	for _, tc := range []struct {
		o           uint16
		w, h        int
		first, last func(color.Color) bool // at the top-left and bottom-right corners
	}{
		{1, 40, 20, red, blue},
		{3, 40, 20, blue, red},
		{6, 20, 40, red, blue}, // a quarter turn clockwise: the left half comes on top
		{8, 20, 40, blue, red}, // anticlockwise: the right half comes on top
	} {
		if err := s.SetPhoto(ctx, "admin", "tiepnhan1", jpegTurned(t, tc.o)); err != nil {
			t.Fatal(err)
		}
		stored, _ := s.Photo(ctx, "tiepnhan1")
		img, err := jpeg.Decode(bytes.NewReader(stored))
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		if b.Dx() != tc.w || b.Dy() != tc.h || !tc.first(img.At(2, 2)) || !tc.last(img.At(b.Dx()-3, b.Dy()-3)) {
			t.Errorf("orientation %d: stored %dx%d, top-left %v, bottom-right %v", tc.o, b.Dx(), b.Dy(), img.At(2, 2), img.At(b.Dx()-3, b.Dy()-3))
		}
	}
}

func TestOfficialPhotoTransparentAndHuge(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	// A transparent PNG (a cut-out portrait) is stored on white, not black.
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewNRGBA(image.Rect(0, 0, 30, 30))); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPhoto(ctx, "admin", "tiepnhan1", b.Bytes()); err != nil {
		t.Fatal(err)
	}
	stored, _ := s.Photo(ctx, "tiepnhan1")
	img, err := jpeg.Decode(bytes.NewReader(stored))
	if err != nil {
		t.Fatal(err)
	}
	if r, g, bl, _ := img.At(15, 15).RGBA(); r < 0xF000 || g < 0xF000 || bl < 0xF000 {
		t.Errorf("transparent PNG stored as %v, want white", img.At(15, 15))
	}
	// A small file that claims 20000×20000 pixels is refused before it is decoded.
	huge := pngOf(t, 2, 2)
	binary.BigEndian.PutUint32(huge[16:], 20000) // IHDR width
	binary.BigEndian.PutUint32(huge[20:], 20000) // IHDR height
	binary.BigEndian.PutUint32(huge[29:], crc32.ChecksumIEEE(huge[12:29]))
	var ve *ValidationError
	if err := s.SetPhoto(ctx, "admin", "tiepnhan1", huge); !errors.As(err, &ve) || ve.Field != "photo" || !strings.Contains(ve.Message, "20000×20000") {
		t.Errorf("20000×20000 PNG: %v", err)
	}
	if again, _ := s.Photo(ctx, "tiepnhan1"); !bytes.Equal(again, stored) {
		t.Error("a refused photo changed the stored one")
	}
}
