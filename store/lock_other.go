//go:build !unix

package store

// lockDir does not lock on systems without flock: run one process per data
// directory there.
func lockDir(string) (func(), error) { return func() {}, nil }
