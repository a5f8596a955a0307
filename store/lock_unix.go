//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockDir takes the data directory's lock, held until the process ends or
// unlock: a second process opening the same embedded store would write
// under the first one's memo and its in-process compare-and-set. Several
// processes share a store through `innoport db serve`.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.OpenFile(filepath.Join(dir, "innoport.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open the data directory's lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("the embedded store in %s is open in another process: stop it, or share the store with `innoport db serve` and MONGODB_URI", dir)
		}
		return nil, fmt.Errorf("lock the data directory: %w", err)
	}
	return func() { _ = f.Close() }, nil
}
