package value

// Set copies *src into *dst when src is not nil: the building block of the
// patches that partial updates apply.
func Set[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}
