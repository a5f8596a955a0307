// Package clock provides the time source the domain reads, so that tests can
// control time and no domain code calls time.Now directly.
package clock

import (
	"sync"
	"time"
)

// Clock tells the current time.
type Clock interface {
	Now() time.Time
}

// Resolution is the finest time the store keeps (BSON date-times hold
// milliseconds). Every clock tells time at this resolution, so a record
// answered from memory right after a write carries the same times as the
// stored one read back later.
const Resolution = time.Millisecond

// System is the real clock; times are in UTC.
type System struct{}

// Now returns the current time in UTC, at the store's resolution.
func (System) Now() time.Time { return time.Now().UTC().Truncate(Resolution) }

// Manual is a clock that only moves when told to; for tests and demos.
type Manual struct {
	mu sync.Mutex
	t  time.Time
}

// NewManual returns a manual clock set to t.
func NewManual(t time.Time) *Manual { return &Manual{t: t.UTC()} }

// Now returns the clock's time, at the store's resolution.
func (m *Manual) Now() time.Time {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.t.Truncate(Resolution)
}

// Set moves the clock to t.
func (m *Manual) Set(t time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.t = t.UTC()
}

// Advance moves the clock forward by d.
func (m *Manual) Advance(d time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.t = m.t.Add(d)
}
