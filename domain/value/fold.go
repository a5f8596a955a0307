package value

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold is the form Vietnamese (or any) text is compared and searched in:
// lower case, diacritics dropped, đ read as d, whether the input came
// composed (NFC) or decomposed (NFD). "Khởi nghiệp Đà Nẵng" → "khoi nghiep da nang".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
