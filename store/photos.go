package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // officials' photos come as JPEG or PNG

	"golang.org/x/image/draw"
)

// Photos are small: what the kiosk shows beside the official's name.
const (
	photoMaxBytes = 2 << 20 // as chosen on disk
	photoMaxSide  = 400     // as stored, in pixels
	// Decoded at most: 30 megapixels (a phone's photo is 12 to 24) is 120 MB as RGBA.
	photoMaxPixels = 30_000_000
)

// SetPhoto sets the photo the citizens' kiosk shows of an official (JPEG or PNG, up to 2 MB;
// stored as a JPEG of at most 400×400). An empty img removes it. An official may set their own;
// setting another's needs the right to manage officials. Audited without the picture.
func (s *Store) SetPhoto(ctx context.Context, by, login string, img []byte) error {
	actor, err := s.actor(ctx, by)
	if err != nil {
		return err
	}
	target, err := s.Official(ctx, login)
	if err != nil {
		return invalid("login", fmt.Sprintf("Không có cán bộ có tên đăng nhập %q.", login))
	}
	if target.Login != actor.Login {
		if _, err := s.require(ctx, actor.Login, PermOfficials); err != nil {
			return err
		}
	}
	var stored []byte
	if len(img) > 0 {
		if stored, err = normPhoto(img); err != nil {
			return err
		}
	}
	action := "photo"
	if stored == nil {
		action = "photo_remove"
	}
	return s.tx(ctx, func(t *sql.Tx) error {
		if _, err := t.ExecContext(ctx, `UPDATE officials SET photo = ? WHERE id = ?`, stored, target.ID); err != nil {
			return err
		}
		return audit(ctx, t, s.now(), actor.Login, "official", target.Login, action, nil, nil, "")
	})
}

// normPhoto checks the picture and makes it the stored JPEG: upright, on white, at most 400×400.
func normPhoto(img []byte) ([]byte, error) {
	if len(img) > photoMaxBytes {
		return nil, invalid("photo", "Ảnh quá lớn: hãy chọn ảnh dưới 2 MB.")
	}
	// The header first: a small file can claim a huge picture, and decoding it would take the
	// counter PC's memory (a 2 MB PNG can hold 20000×20000 white pixels).
	cfg, _, err := image.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		return nil, invalid("photo", "Ảnh phải là tệp JPEG hoặc PNG đọc được.")
	}
	if cfg.Width < 1 || cfg.Height < 1 {
		return nil, invalid("photo", "Ảnh trống.")
	}
	if cfg.Width*cfg.Height > photoMaxPixels {
		return nil, invalid("photo", fmt.Sprintf("Ảnh có kích thước quá lớn (%d×%d điểm ảnh): hãy chọn ảnh nhỏ hơn.", cfg.Width, cfg.Height))
	}
	src, _, err := image.Decode(bytes.NewReader(img))
	if err != nil {
		return nil, invalid("photo", "Ảnh phải là tệp JPEG hoặc PNG đọc được.")
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > photoMaxSide || h > photoMaxSide {
		if w >= h {
			w, h = photoMaxSide, max(1, h*photoMaxSide/w)
		} else {
			w, h = max(1, w*photoMaxSide/h), photoMaxSide
		}
	}
	// JPEG has no transparency: a transparent PNG background becomes white, not black.
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.White, image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, b, draw.Over, nil)
	var out bytes.Buffer
	if err := jpeg.Encode(&out, upright(dst, exifOrientation(img)), &jpeg.Options{Quality: 85}); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Photo is an official's photo as stored (a JPEG), or nil when none is set. The kiosk reads it
// without a login: it shows citizens the official who served them, and nothing else of theirs.
func (s *Store) Photo(ctx context.Context, login string) ([]byte, error) {
	var img []byte
	err := s.r.QueryRowContext(ctx, `SELECT photo FROM officials WHERE login = ?`, login).Scan(&img)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w cán bộ %q", ErrNotFound, login)
	}
	return img, err
}
