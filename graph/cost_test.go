package graph

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/stretchr/testify/assert"
)

// The root fields of one request resolve at most rootFieldsAtOnce at a
// time; another request has slots of its own.
func TestRootFieldsOfOneRequestAreBounded(t *testing.T) {
	t.Parallel()
	var now, peak atomic.Int32
	field := func(context.Context) graphql.Marshaler {
		n := now.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		now.Add(-1)
		return graphql.Null
	}
	ctx := withRootSlots(context.Background())
	var wg sync.WaitGroup
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			boundRootFields(ctx, field)
		}()
	}
	wg.Wait()
	assert.LessOrEqual(t, peak.Load(), int32(rootFieldsAtOnce), "never more at once")
	assert.GreaterOrEqual(t, peak.Load(), int32(2), "but several")

	other := withRootSlots(context.Background())
	for range rootFieldsAtOnce {
		ctx.Value(rootSlotsKey{}).(chan struct{}) <- struct{}{} // the first request's slots are all taken
	}
	done := make(chan struct{})
	go func() { boundRootFields(other, field); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a request waited for another request's slots")
	}
}
