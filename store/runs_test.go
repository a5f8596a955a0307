package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/store/storetest"
)

// TestAcquireNamesTheOtherHolder walks one lease through its states: what
// Acquire answers says who else held it, or holds it.
func TestAcquireNamesTheOtherHolder(t *testing.T) {
	t.Parallel()
	leases := store.NewLeases(storetest.Open(t))
	ctx := context.Background()
	at := time.Date(2026, 11, 22, 3, 0, 0, 0, time.UTC)
	steps := []struct {
		name, holder string
		after        time.Duration // since at
		held         bool
		other        string
	}{
		{"a job's first lease", "a run-1", 0, true, ""},
		{"held by another", "b run-2", 10 * time.Second, false, "a run-1"},
		{"a renewal", "a run-1", 20 * time.Second, true, ""},
		{"still held after the renewal", "b run-2", 70 * time.Second, false, "a run-1"},
		{"expired: taken over", "b run-2", 80 * time.Second, true, "a run-1"},
	}
	for _, s := range steps {
		now := at.Add(s.after)
		held, other, err := leases.Acquire(ctx, "job", s.holder, now, now.Add(time.Minute))
		require.NoError(t, err, s.name)
		assert.Equal(t, s.held, held, s.name)
		assert.Equal(t, s.other, other, s.name)
	}
	require.NoError(t, leases.Release(ctx, "job", "b run-2"))
	held, other, err := leases.Acquire(ctx, "job", "c run-3", at.Add(90*time.Second), at.Add(150*time.Second))
	require.NoError(t, err)
	assert.True(t, held, "a released lease is free before it would have expired")
	assert.Empty(t, other, "a released lease is not abandoned")
}
