package value

// Labels names the values of a string enum in Vietnamese and English, for
// the messages and texts that show them to people.
type Labels[S ~string] map[S][2]string

// Of names s in Vietnamese or English; a value without a name is returned
// as it is.
func (l Labels[S]) Of(s S, english bool) string {
	n, ok := l[s]
	switch {
	case !ok:
		return string(s)
	case english:
		return n[1]
	}
	return n[0]
}
