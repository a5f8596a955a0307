package search

import (
	"strings"
	"unicode"
)

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
