package value

import (
	"fmt"
	"reflect"
)

// Unique returns in without repeated items, keeping the first of each in order.
func Unique[T comparable](in []T) []T {
	seen := make(map[T]bool, len(in))
	out := in[:0:0]
	for _, x := range in {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// Set copies *src into *dst when src is not nil: the building block of the
// patches that partial updates apply.
func Set[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

// Overlay copies onto the struct draft points to every field of the struct
// patch that is set (a non-nil pointer), by name: a patch is a draft whose
// fields are all optional. A patch field without a draft field of its name
// and pointed-to type is a programming error: Overlay panics, and
// CheckOverlay finds it in a test.
func Overlay(draft, patch any) {
	if err := overlay(draft, patch, false); err != nil {
		panic(err)
	}
}

// CheckOverlay reports a patch field that has no draft field of its name
// and pointed-to type, and a draft field the patch cannot change, for a
// test of each patch type: a field added to a draft and forgotten in its
// patch fails there.
func CheckOverlay(draft, patch any) error {
	if err := overlay(draft, patch, true); err != nil {
		return err
	}
	d, p := reflect.TypeOf(draft).Elem(), reflect.TypeOf(patch)
	for i := range d.NumField() {
		if _, ok := p.FieldByName(d.Field(i).Name); !ok {
			return fmt.Errorf("draft %s.%s has no patch field in %s", d, d.Field(i).Name, p)
		}
	}
	return nil
}

func overlay(draft, patch any, check bool) error {
	d, p := reflect.ValueOf(draft).Elem(), reflect.ValueOf(patch)
	for i := range p.NumField() {
		pf, name := p.Field(i), p.Type().Field(i).Name
		df := d.FieldByName(name)
		if pf.Kind() != reflect.Pointer || !df.IsValid() || pf.Type().Elem() != df.Type() {
			return fmt.Errorf("patch %s.%s has no draft field %s.%s of its type", p.Type(), name, d.Type(), name)
		}
		if !check && !pf.IsNil() {
			df.Set(pf.Elem())
		}
	}
	return nil
}
