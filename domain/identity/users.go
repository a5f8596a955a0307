package identity

import (
	"context"
	"slices"
	"sync"
	"time"
)

// User is a person as Innoport last saw them sign in.
type User struct {
	Subject string
	Name    string // empty when the identity provider gave none
	Roles   []Role
	SeenAt  time.Time
}

// UserStore keeps users by subject.
type UserStore interface {
	// Put writes u whole, creating it if needed.
	Put(ctx context.Context, u User) error
	// GetMany returns the users among subjects that were ever seen.
	GetMany(ctx context.Context, subjects []string) (map[string]User, error)
}

// Directory records who signs in, so that the subject a record keeps (who
// moved an application, wrote a note, granted access) can be shown by
// name. A user is written when this process first sees them, when their
// name or roles change, and otherwise at most once per refresh interval:
// one write per user and hour, not one per request.
type Directory struct {
	store UserStore
	now   func() time.Time
	mu    sync.Mutex
	seen  map[string]User
}

// refresh is how often an unchanged user's SeenAt is written again.
const refresh = time.Hour

// NewDirectory returns a directory over s telling time with now.
func NewDirectory(s UserStore, now func() time.Time) *Directory {
	return &Directory{store: s, now: now, seen: map[string]User{}}
}

// Saw records that p made a request now; anonymous callers are not users.
func (d *Directory) Saw(ctx context.Context, p Principal) error {
	if p.Anonymous() {
		return nil
	}
	now := d.now()
	u := User{Subject: p.Subject, Name: p.Name, Roles: slices.Clone(p.Roles), SeenAt: now}
	d.mu.Lock()
	last, ok := d.seen[p.Subject]
	fresh := ok && last.Name == u.Name && slices.Equal(last.Roles, u.Roles) && now.Sub(last.SeenAt) < refresh
	if !fresh {
		d.seen[p.Subject] = u
	}
	d.mu.Unlock()
	if fresh {
		return nil
	}
	if err := d.store.Put(ctx, u); err != nil {
		d.mu.Lock()
		delete(d.seen, p.Subject) // try again on the next request
		d.mu.Unlock()
		return err
	}
	return nil
}

// Users returns the users among subjects; a subject never seen is a user
// with that subject only.
func (d *Directory) Users(ctx context.Context, subjects []string) (map[string]User, error) {
	found, err := d.store.GetMany(ctx, subjects)
	if err != nil {
		return nil, err
	}
	out := make(map[string]User, len(subjects))
	for _, s := range subjects {
		u, ok := found[s]
		if !ok {
			u = User{Subject: s}
		}
		out[s] = u
	}
	return out, nil
}
