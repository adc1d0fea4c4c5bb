package print

import (
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"motcua/assets"
)

// Labels holds every label, title and form number printed on the forms, keyed
// as in assets/forms/vi.json. The zero value (nil) means DefaultLabels(); a key
// missing from a Labels falls back to the default text, so a ward's overrides
// only need the keys it changes.
type Labels map[string]string

// defaults are parsed once; a broken embedded file is reported by every form
// function instead of panicking at start-up.
var defaults, defaultsErr = parseLabels(assets.FormsVI)

func parseLabels(data []byte) (Labels, error) {
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("tệp nhãn biểu mẫu hỏng: %w", err)
	}
	l := make(Labels, len(m))
	for k, v := range m {
		l[k] = norm.NFC.String(v)
	}
	return l, nil
}

// LabelsFrom reads a ward's corrections to the labels (a flat JSON object, keys as in
// assets/forms/vi.json, e.g. {"header.unit_symbol": "BPMC"}) over the defaults. A key the forms
// do not know is refused, naming it: a misspelt key would otherwise change nothing unseen.
func LabelsFrom(data []byte) (Labels, error) {
	over, err := parseLabels(data)
	if err != nil {
		return nil, err
	}
	for k := range over {
		if _, ok := defaults[k]; !ok {
			return nil, fmt.Errorf("tệp nhãn biểu mẫu có khóa %q mà các mẫu phiếu không dùng (xem assets/forms/vi.json)", k)
		}
	}
	return DefaultLabels().With(over), nil
}

// orDefault is the labels a form draws with: the defaults when none were given.
func (l Labels) orDefault() Labels {
	if l == nil {
		return DefaultLabels()
	}
	return l
}

// DefaultLabels returns a fresh copy of the embedded labels (Circular
// 01/2018/TT-VPCP wording).
func DefaultLabels() Labels {
	l := make(Labels, len(defaults))
	for k, v := range defaults {
		l[k] = v
	}
	return l
}

// With returns a copy of l with the overrides applied (NFC-normalised). An
// override with an empty value blanks that text (e.g. "receipt.form_no": "").
// l itself is not changed.
func (l Labels) With(overrides map[string]string) Labels {
	out := DefaultLabels()
	for k, v := range l {
		out[k] = v
	}
	for k, v := range overrides {
		out[k] = norm.NFC.String(v)
	}
	return out
}

// get returns the text for key: l's, else the default, else the key itself so
// that a missing label is visible on paper rather than silently blank.
func (l Labels) get(key string) string {
	if v, ok := l[key]; ok {
		return v
	}
	if v, ok := defaults[key]; ok {
		return v
	}
	return key
}

// fill returns the label for key with its {placeholders} replaced; pairs are
// name, value, name, value... An unknown placeholder is left as written.
// (A hand-written scan: the tracking book fills thousands of dates, and a
// strings.Replacer per call was a tenth of its time.)
func (l Labels) fill(key string, pairs ...string) string {
	s := l.get(key)
	if len(pairs) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		name, found := s[i+1:i+j], false
		for k := 0; k+1 < len(pairs); k += 2 {
			if pairs[k] == name {
				b.WriteString(pairs[k+1])
				found = true
				break
			}
		}
		if !found {
			b.WriteString(s[i : i+j+1])
		}
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}
