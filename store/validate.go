package store

import (
	"net/mail"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FieldKey names an input a ValidationError is about: a stable key the front-ends match to put
// the message under the right entry. The constants are the keys a screen matches by name; the
// others ("idno", "phone", "email", …) are matched through a screen's map of entries.
type FieldKey string

const (
	KeyName          FieldKey = "name"
	KeyParentName    FieldKey = "parent_name"
	KeyCode          FieldKey = "code"
	KeyPlace         FieldKey = "place"
	KeyUnit          FieldKey = "unit"
	KeyTitle         FieldKey = "title"
	KeyLogin         FieldKey = "login"
	KeyFullName      FieldKey = "full_name"
	KeyPhone         FieldKey = "phone"
	KeyPassword      FieldKey = "password"
	KeyPIN           FieldKey = "pin"
	KeyOld           FieldKey = "old"
	KeySecret        FieldKey = "secret"
	KeyProcedure     FieldKey = "procedure"
	KeyDocuments     FieldKey = "documents"
	KeySets          FieldKey = "sets"
	KeyPages         FieldKey = "pages"
	KeyReceivedAt    FieldKey = "received_at"
	KeyAt            FieldKey = "at"
	KeyReason        FieldKey = "reason"
	KeyDate          FieldKey = "date"
	KeyKind          FieldKey = "kind"
	KeyHours         FieldKey = "hours"
	KeyPrinter       FieldKey = "printer"
	KeyColour        FieldKey = "colour"
	KeySlipPaper     FieldKey = "slip_paper"
	KeyBookPaper     FieldKey = "book_paper"
	KeyIdleMinutes   FieldKey = "idle_minutes"
	KeyBackupDir     FieldKey = "backup_dir"
	KeyRecipient     FieldKey = "recipient"
	KeyRecipientIDNo FieldKey = "recipient_idno"
	KeyCriteria      FieldKey = "criteria"
	KeySession       FieldKey = "session"
	KeyIDNo          FieldKey = "idno"
	KeyAddress       FieldKey = "address"
	KeyEmail         FieldKey = "email"
	KeyPostAddress   FieldKey = "post_address"
	KeyTo            FieldKey = "to"
	KeyNote          FieldKey = "note"
	KeyMissing       FieldKey = "missing"
	KeyGuide         FieldKey = "guide"
	KeyGuidePhone    FieldKey = "guide_phone"
	KeyDays          FieldKey = "days"
	KeyFaultUnit     FieldKey = "fault_unit"
)

// ValidationError names the one field that is wrong and says, in Vietnamese, how to fix it.
type ValidationError struct {
	Field   FieldKey
	Message string
}

func (e *ValidationError) Error() string { return e.Message }

func invalid(field FieldKey, msg string) *ValidationError {
	return &ValidationError{Field: field, Message: msg}
}

// clean is what every text goes through on the way in: valid UTF-8, NFC, no control or
// invisible format characters, trimmed. It reports false when the text has characters that
// have no business in a form field (a pasted tab, a zero-width joiner, a NUL).
func clean(s string) (string, bool) {
	if !utf8.ValidString(s) {
		return "", false
	}
	s = norm.NFC.String(s)
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError ||
			r == '\u2028' || r == '\u2029' {
			return "", false
		}
	}
	return strings.TrimSpace(s), true
}

// collapse replaces every run of white space by one ordinary space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// cleanText validates a free-text field: cleaned, spaces collapsed, at most max runes.
// label is the field's Vietnamese name as it starts a sentence.
func cleanText(field FieldKey, label, s string, required bool, max int) (string, error) {
	c, ok := clean(s)
	if !ok {
		return "", invalid(field, label+" chứa ký tự điều khiển hoặc ký tự không hợp lệ; hãy gõ lại.")
	}
	c = collapse(c)
	if required && c == "" {
		return "", invalid(field, label+" không được để trống.")
	}
	if n := utf8.RuneCountInString(c); n > max {
		return "", invalid(field, label+" dài quá "+strconv.Itoa(max)+" ký tự; hãy rút gọn.")
	}
	return c, nil
}

// personName validates a person's full name: letters (Vietnamese included), spaces, and . ' -
func personName(field FieldKey, label, s string) (string, error) {
	c, err := cleanText(field, label, s, true, 100)
	if err != nil {
		return "", err
	}
	// A combining mark is part of the letter before it (a tone NFC could not compose): alone, or
	// after a space, it is no letter at all.
	letters, prevLetter := 0, false
	for _, r := range c {
		switch {
		case unicode.IsLetter(r):
			letters++
			prevLetter = true
		case unicode.Is(unicode.Mn, r):
			if !prevLetter {
				return "", invalid(field, label+" có dấu thanh hoặc dấu phụ không đứng sau chữ cái nào; hãy gõ lại.")
			}
		case r == ' ' || r == '.' || r == '\'' || r == '-':
			prevLetter = false
		default:
			return "", invalid(field, label+" chỉ được gồm chữ cái, dấu cách và các dấu . ' - (có ký tự \""+string(r)+"\").")
		}
	}
	if letters == 0 {
		return "", invalid(field, label+" phải có chữ cái.")
	}
	return c, nil
}

// idNo validates a CCCD number: 12 digits (spaces allowed while typing), the first three a
// province code 001–096 (Circular 07/2016/TT-BCA, Annex: codes of the place of birth registration).
func idNo(s string) (string, error) {
	c, ok := clean(s)
	if !ok {
		return "", invalid("idno", "Số CCCD chứa ký tự không hợp lệ; chỉ gõ 12 chữ số.")
	}
	c = strings.ReplaceAll(c, " ", "")
	if c == "" {
		return "", invalid("idno", "Số CCCD không được để trống; hãy nhập đủ 12 chữ số.")
	}
	if len(c) != 12 || strings.IndexFunc(c, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return "", invalid("idno", "Số CCCD phải gồm đúng 12 chữ số.")
	}
	if p := atoi(c[:3]); p < 1 || p > 96 {
		return "", invalid("idno", "Số CCCD không hợp lệ: 3 chữ số đầu là mã tỉnh nơi đăng ký khai sinh, từ 001 đến 096.")
	}
	return c, nil
}

// phone validates a phone number and normalises it: a Vietnamese mobile (10 digits, 0xxxxxxxxx)
// or landline (11 digits, 02xxxxxxxxx: 024 3355 6677), with +84 / 84 becoming 0; or a foreign
// number written with + and its country code (+33 1 23 45 67 89 → +33123456789, 8–15 digits as
// E.164 allows). Spaces, dots, dashes and brackets are dropped.
func phone(field FieldKey, s string, required bool) (string, error) {
	c, ok := clean(s)
	if !ok {
		return "", invalid(field, "Số điện thoại chứa ký tự không hợp lệ; chỉ gõ chữ số.")
	}
	c = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '(', ')':
			return -1
		}
		return r
	}, c)
	if c == "" {
		if required {
			return "", invalid(field, "Số điện thoại không được để trống.")
		}
		return "", nil
	}
	switch {
	case strings.HasPrefix(c, "+84"):
		c = "0" + c[3:]
	case strings.HasPrefix(c, "+"):
		if n := len(c) - 1; digits(c[1:]) && n >= 8 && n <= 15 && c[1] != '0' {
			return c, nil
		}
		return "", invalid(field, "Số điện thoại nước ngoài phải là dấu + rồi mã nước và số, 8 đến 15 chữ số (ví dụ +33 1 23 45 67 89).")
	case strings.HasPrefix(c, "84") && (len(c) == 11 || len(c) == 12 && c[2] == '2'):
		c = "0" + c[2:]
	}
	if !digits(c) || c[0] != '0' || !(len(c) == 10 || len(c) == 11 && c[1] == '2') {
		return "", invalid(field, "Số điện thoại phải là số di động 10 chữ số (ví dụ 0912345678), số cố định 11 chữ số bắt đầu bằng 02 (ví dụ 024 3355 6677) hoặc số nước ngoài bắt đầu bằng + (ví dụ +33 1 23 45 67 89).")
	}
	return c, nil
}

// email validates an optional e-mail address (a bare address, no display name).
func email(s string) (string, error) {
	c, ok := clean(s)
	if !ok {
		return "", invalid("email", "Email chứa ký tự không hợp lệ; hãy gõ lại.")
	}
	if c == "" {
		return "", nil
	}
	a, err := mail.ParseAddress(c)
	at := strings.LastIndexByte(c, '@')
	if err != nil || a.Address != c || len(c) > 254 || at < 1 || !strings.Contains(c[at+1:], ".") ||
		strings.ContainsAny(c, " \"") {
		return "", invalid("email", "Email không đúng định dạng (ví dụ ten@example.com); có thể để trống.")
	}
	return c, nil
}

// atoi reads a string of ASCII digits (already checked).
func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

// digits reports whether s is a non-empty run of ASCII digits.
func digits(s string) bool {
	return s != "" && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
}
