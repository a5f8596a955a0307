package value

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/innoport/innoport/domain/errs"
)

// ParagraphChars is the length from which a text is a paragraph: texts
// allowed that many characters or more keep line breaks and tabs; shorter
// ones (names, titles, labels) are one line.
const ParagraphChars = 1000

// CheckChars refuses what no text may hold: bytes that are not UTF-8, the
// replacement character U+FFFD (what a JSON decoder leaves of such bytes),
// and control characters (NUL, ESC, DEL, C1) — except line feeds, carriage
// returns and tabs when paragraph is true.
func CheckChars(s string, paragraph bool) error {
	if !utf8.ValidString(s) || strings.ContainsRune(s, utf8.RuneError) {
		return errs.InvalidValue("Văn bản không phải UTF-8 hợp lệ (có byte lỗi hoặc ký tự thay thế U+FFFD).",
			"The text is not valid UTF-8 (it has broken bytes or the replacement character U+FFFD).")
	}
	for _, r := range s {
		lineBreak := r == '\n' || r == '\r' || r == '\t'
		switch {
		case lineBreak && paragraph:
		case lineBreak:
			return errs.InvalidValue("Trường này chỉ có một dòng: không xuống dòng hay tab.",
				"This field is one line: no line breaks or tabs.")
		case r < 0x20 || r >= 0x7f && r < 0xa0:
			return errs.InvalidValue(fmt.Sprintf("Văn bản không được chứa ký tự điều khiển (U+%04X).", r),
				fmt.Sprintf("The text must not contain control characters (U+%04X).", r))
		}
	}
	return nil
}

// Text trims s, normalises it to Unicode NFC (so "ệ" typed with combining marks
// equals the precomposed letter), refuses broken or control characters
// (CheckChars; texts of ParagraphChars or more keep line breaks and tabs) and
// checks its length in characters. An empty result is a REQUIRED error when
// required, and allowed otherwise.
func Text(s string, required bool, maxChars int) (string, error) {
	if err := CheckChars(s, maxChars >= ParagraphChars); err != nil {
		return "", err
	}
	s = norm.NFC.String(strings.TrimSpace(s))
	if s == "" {
		if required {
			return "", errs.Required()
		}
		return "", nil
	}
	if n := utf8.RuneCountInString(s); n > maxChars {
		return "", errs.InvalidValue(
			fmt.Sprintf("Tối đa %d ký tự (hiện có %d).", maxChars, n),
			fmt.Sprintf("At most %d characters (got %d).", maxChars, n))
	}
	return s, nil
}

// Ward is a ward, commune or special zone (phường / xã / đặc khu) of the city,
// by its official name, e.g. "Lê Chân" or "Đặc khu Cát Hải".
type Ward struct{ name string }

// NewWard normalises and validates a ward name.
func NewWard(s string) (Ward, error) {
	name, err := Text(s, true, 80)
	if err != nil {
		return Ward{}, err
	}
	return Ward{name: name}, nil
}

// String returns the ward's name.
func (w Ward) String() string { return w.name }

// Email is a validated e-mail address.
type Email struct{ s string }

// NewEmail validates a bare address such as "an@example.vn".
func NewEmail(s string) (Email, error) {
	s = strings.TrimSpace(s)
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@'):], ".") {
		return Email{}, errs.InvalidValue(
			fmt.Sprintf("Địa chỉ email %q không hợp lệ.", s), fmt.Sprintf("Invalid e-mail address %q.", s))
	}
	return Email{s: strings.ToLower(s)}, nil
}

// String returns the address.
func (e Email) String() string { return e.s }

// Phone is a Vietnamese phone number in E.164 form, e.g. "+84912345678".
type Phone struct{ s string }

// NewPhone accepts "0912 345 678", "0912.345.678", "+84 912 345 678" and the
// like: a leading 0 or +84 followed by 9 or 10 digits.
func NewPhone(s string) (Phone, error) {
	digits := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '.', '-', '(', ')':
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	var national string
	switch {
	case strings.HasPrefix(digits, "+84"):
		national = digits[3:]
	case strings.HasPrefix(digits, "0"):
		national = digits[1:]
	}
	if national == "" || national[0] == '0' || !allDigits(national) || len(national) < 9 || len(national) > 10 {
		return Phone{}, errs.InvalidValue(
			fmt.Sprintf("Số điện thoại %q không hợp lệ.", s), fmt.Sprintf("Invalid phone number %q.", s))
	}
	return Phone{s: "+84" + national}, nil
}

// String returns the number in E.164 form.
func (p Phone) String() string { return p.s }

// WebURL validates an absolute http(s) address.
func WebURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(s) > 300 {
		return "", errs.InvalidValue(
			fmt.Sprintf("Địa chỉ web %q không hợp lệ (cần bắt đầu bằng http:// hoặc https://).", s),
			fmt.Sprintf("Invalid web address %q (it must start with http:// or https://).", s))
	}
	return s, nil
}

// MaxKeyChars is the longest key: of a question, rule or criterion of a
// call, of a criteria set or criterion, of a group.
const MaxKeyChars = 60

// Key checks a machine key that clients and expressions refer to, such as
// "young_firm": lower-case letters, digits and '_', starting with a letter,
// at most MaxKeyChars characters.
func Key(s string) error {
	ok := s != "" && len(s) <= MaxKeyChars
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r == '_' || (i > 0 && r >= '0' && r <= '9')) {
			ok = false
		}
	}
	if !ok {
		return errs.InvalidValue(
			fmt.Sprintf("Khóa phải gồm chữ thường, chữ số hoặc '_', bắt đầu bằng chữ, tối đa %d ký tự.", MaxKeyChars),
			fmt.Sprintf("A key is lower-case letters, digits or '_', starting with a letter, at most %d characters.", MaxKeyChars))
	}
	return nil
}
