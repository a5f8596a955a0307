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
