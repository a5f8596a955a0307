// Package analysis holds the text analysis both search engines share:
// splitting folded text into words, how many typos a word may carry, and
// proper names written as one word.
package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/innoport/innoport/domain/value"
)

// Words splits folded text into its words.
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// Typos is how many typos a word may carry and still match: as in
// Meilisearch, one from five letters, two from nine.
func Typos(word string) int {
	switch n := len([]rune(word)); {
	case n >= 9:
		return 2
	case n >= 5:
		return 1
	}
	return 0
}

// JoinedNames is how proper names are also written as one word: each run
// of capitalised words ("Hải Phòng", "Đà Nẵng", "Quảng Ninh") gives its
// adjacent pairs, and the whole run of three or four words, folded and
// joined ("haiphong", "danang"), so that a search for "haiphong" finds what
// says "Hải Phòng". Punctuation before or after a word ends a run. Both
// engines index these with the rest of the text.
func JoinedNames(texts ...string) string {
	var out []string
	var run []string
	flush := func() {
		for i := 1; i < len(run); i++ {
			out = append(out, run[i-1]+run[i])
		}
		if n := len(run); n == 3 || n == 4 {
			out = append(out, strings.Join(run, ""))
		}
		run = run[:0]
	}
	isWordRune := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	for _, text := range texts {
		for _, field := range strings.Fields(text) {
			first, _ := utf8.DecodeRuneInString(field)
			last, _ := utf8.DecodeLastRuneInString(field)
			word := strings.TrimFunc(field, func(r rune) bool { return !isWordRune(r) })
			initial, _ := utf8.DecodeRuneInString(word)
			switch {
			case len(Words(word)) != 1 || !unicode.IsUpper(initial):
				flush()
				continue
			case !isWordRune(first):
				flush()
			}
			run = append(run, value.Fold(word))
			if !isWordRune(last) {
				flush()
			}
		}
		flush()
	}
	return strings.Join(out, " ")
}
