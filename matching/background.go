package matching

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// Runner runs a rescoring once, as a recorded job run; ran is false when
// another run held the job's lease.
type Runner func(ctx context.Context) (ran bool, err error)

// busyRetry is how long the rescoring waits before trying again when
// another run of it holds the lease.
const busyRetry = time.Second

// background runs a rescoring after changes, in one goroutine: woken by
// poke, it lets a burst settle (as long as its last run took, within
// minSettle–maxSettle) and runs once for all the changes of the burst.
type background struct {
	what    string // what it does, for the log
	log     *slog.Logger
	wake    chan struct{}
	stop    chan struct{}
	stopped sync.WaitGroup
}

func newBackground(what string, log *slog.Logger) *background {
	return &background{what: what, log: log, wake: make(chan struct{}, 1), stop: make(chan struct{})}
}

// poke wakes the background rescoring. It never blocks.
func (b *background) poke() {
	select {
	case b.wake <- struct{}{}:
	default: // already awake
	}
}

// woken tells whether a poke waits for the next run.
func (b *background) woken() bool { return len(b.wake) > 0 }

// start runs run after changes until close.
func (b *background) start(run Runner) {
	b.stopped.Add(1)
	go func() {
		defer b.stopped.Done()
		settle := minSettle
		for {
			select {
			case <-b.stop:
				return
			case <-b.wake:
			}
			// Let a burst (an import, a form saved field by field) settle.
			select {
			case <-b.stop:
				return
			case <-time.After(settle):
			}
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			start := time.Now()
			ran, err := run(ctx)
			cancel()
			settle = min(max(time.Since(start), minSettle), maxSettle)
			if err != nil {
				b.log.Error(b.what, "error", err)
			}
			if !ran || err != nil {
				time.AfterFunc(busyRetry, b.poke)
			}
		}
	}()
}

// close ends the background rescoring, finishing the run in hand.
func (b *background) close() {
	close(b.stop)
	b.stopped.Wait()
}
