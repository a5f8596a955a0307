package identity_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/identity"
)

// users is an in-memory UserStore that counts its writes.
type users struct {
	m      map[string]identity.User
	writes int
	fail   bool
}

func (u *users) Put(_ context.Context, x identity.User) error {
	if u.fail {
		return errors.New("store down")
	}
	u.writes++
	u.m[x.Subject] = x
	return nil
}

func (u *users) GetMany(_ context.Context, subjects []string) (map[string]identity.User, error) {
	out := map[string]identity.User{}
	for _, s := range subjects {
		if x, ok := u.m[s]; ok {
			out[s] = x
		}
	}
	return out, nil
}

// The directory writes a user once per hour, or when their sign-in names
// them differently, and names subjects it never saw by subject alone.
func TestDirectoryWritesOncePerUserAndHour(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 2, 0, 0, 0, time.UTC)
	store := &users{m: map[string]identity.User{}}
	d := identity.NewDirectory(store, func() time.Time { return now })
	an := identity.Principal{Subject: "an", Name: "Nguyễn An", Roles: []identity.Role{identity.RoleInvestor}}

	require.NoError(t, d.Saw(ctx, identity.Principal{}))
	assert.Zero(t, store.writes, "anonymous callers are not users")
	for range 3 {
		require.NoError(t, d.Saw(ctx, an))
	}
	assert.Equal(t, 1, store.writes, "one write for three requests")
	an.Name = "Nguyễn Văn An"
	require.NoError(t, d.Saw(ctx, an))
	assert.Equal(t, 2, store.writes, "a new name is written at once")
	now = now.Add(time.Hour)
	require.NoError(t, d.Saw(ctx, an))
	assert.Equal(t, 3, store.writes, "and an unchanged user hourly")

	store.fail = true
	an.Name = "An"
	assert.Error(t, d.Saw(ctx, an))
	store.fail = false
	require.NoError(t, d.Saw(ctx, an))
	assert.Equal(t, 4, store.writes, "a failed write is tried again on the next request")

	got, err := d.Users(ctx, []string{"an", "ghost"})
	require.NoError(t, err)
	assert.Equal(t, "An", got["an"].Name)
	assert.Equal(t, identity.User{Subject: "ghost"}, got["ghost"])
}
