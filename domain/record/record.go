// Package record holds what every stored entity carries — its ID, version
// and timestamps — and the rule for changing it: a change is accepted only
// from a caller who saw the current version.
package record

import (
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// Meta is the identity and change history of a stored entity.
type Meta struct {
	ID        string
	Version   int64 // 1 at creation; the store bumps it with every write and writes only over the version it read
	CreatedAt time.Time
	UpdatedAt time.Time
}

// New returns the metadata of an entity created at now.
func New(now time.Time) Meta {
	return Meta{ID: value.NewID(now), Version: 1, CreatedAt: now, UpdatedAt: now}
}

// Touch accepts a change from a caller who last read version, stamping it
// with now; a stale version is a VERSION_CONFLICT.
func (m *Meta) Touch(version int64, now time.Time) error {
	if m.Version != version {
		return errs.VersionConflict(m.Version)
	}
	m.UpdatedAt = now
	return nil
}
