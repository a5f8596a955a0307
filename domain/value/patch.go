package value

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
