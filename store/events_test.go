package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/store/storetest"
)

// Ten participants ask the same person at once, each twice, with a check
// that refuses a second live request between a pair: every pair ends with
// exactly one request, and both directions of a pair share one thread.
func TestRequestsOfOnePairAreCheckedAtomically(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	requests := store.NewRequests(storetest.Open(t))
	now := time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC)
	errDuplicate := errors.New("duplicate")
	send := func(from, to string) error {
		_, err := requests.Send(ctx, events.Request{Meta: record.Meta{Version: 1, CreatedAt: now}, EventID: "ev", From: from, To: to,
			Status: events.Pending, ExpiresAt: now.Add(time.Hour)}, func(earlier []events.Request) error {
			if len(earlier) > 0 {
				return errDuplicate
			}
			return nil
		})
		return err
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	landed := map[string]int{}
	for _, from := range []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"} {
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				err := send(from, "z")
				if err == nil {
					mu.Lock()
					landed[from]++
					mu.Unlock()
				} else {
					assert.ErrorIs(t, err, errDuplicate)
				}
			}()
		}
	}
	wg.Wait()
	for _, n := range landed {
		assert.Equal(t, 1, n)
	}
	assert.Len(t, landed, 10)
	assert.ErrorIs(t, send("z", "a"), errDuplicate, "z→a is the a–z thread")

	rs, err := requests.Between(ctx, "ev", "z", "a")
	require.NoError(t, err)
	require.Len(t, rs, 1)
	got, err := requests.Get(ctx, rs[0].ID)
	require.NoError(t, err)
	assert.Equal(t, rs[0], got)
	_, err = requests.Update(ctx, rs[0].ID, func(r *events.Request) error { r.Status = events.Accepted; return nil })
	require.NoError(t, err)
	got, _ = requests.Get(ctx, rs[0].ID)
	assert.Equal(t, events.Accepted, got.Status)
	all, err := requests.ForEvent(ctx, "ev")
	require.NoError(t, err)
	assert.Len(t, all, 10)
	_, err = requests.Get(ctx, "ev/a/z/7")
	assert.Equal(t, errs.NotFound, errs.KindOf(err))
}
