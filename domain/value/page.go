package value

import (
	"fmt"

	"github.com/innoport/innoport/domain/errs"
)

// MaxPageSize is the largest page a list returns.
const MaxPageSize = 100

// Page asks for the First items after the item whose ID is After (keyset
// pagination in ID order, which is creation order).
type Page struct {
	First int
	After string
}

// NewPage validates a page request; first defaults to def when nil.
func NewPage(first *int, after string, def int) (Page, error) {
	n := def
	if first != nil {
		n = *first
	}
	if n < 0 || n > MaxPageSize {
		return Page{}, errs.InvalidValue(
			fmt.Sprintf("Số bản ghi mỗi trang phải từ 0 đến %d.", MaxPageSize),
			fmt.Sprintf("A page holds 0 to %d items.", MaxPageSize), "first")
	}
	return Page{First: n, After: after}, nil
}

// Slice is one page of results.
type Slice[T any] struct {
	Items   []T
	HasNext bool
}

// PageOf pages a list held whole, in its own order: the items after the one
// whose ID is p.After (all of them when no item has it: a cursor whose item
// left the list starts over rather than failing).
func PageOf[T any](items []T, id func(T) string, p Page) Slice[T] {
	start := 0
	if p.After != "" {
		for i, it := range items {
			if id(it) == p.After {
				start = i + 1
				break
			}
		}
	}
	rest := items[start:]
	return Slice[T]{Items: rest[:min(len(rest), p.First)], HasNext: len(rest) > p.First}
}
