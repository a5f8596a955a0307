package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold is the form text is matched in: lower-cased, with diacritics
// dropped and đ read as d — "Đà Nẵng" → "da nang" — whether the input came
// composed (NFC) or decomposed (NFD), as some keyboards and PDFs send it.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ':
			r = 'd'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// words splits folded text into its words.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// typos is how many typos a word may carry and still match: as in
// Meilisearch, one from five letters, two from nine.
func typos(word string) int {
	switch n := len([]rune(word)); {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}
