package jobs_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/runs"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/jobs"
	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// replica is one scheduler on the shared database, as a replica runs it.
func replica(t *testing.T, db *store.DB, name string, clk clock.Clock, logger *slog.Logger, js ...jobs.Job) *jobs.Scheduler {
	t.Helper()
	s, err := jobs.NewScheduler(jobs.Config{Logger: logger, Clock: clk, Leases: store.NewLeases(db), Runs: store.NewRuns(db),
		Instance: name, LeaseTTL: time.Minute, Timeout: time.Minute}, js...)
	require.NoError(t, err)
	t.Cleanup(s.Stop)
	return s
}

func allRuns(t *testing.T, db *store.DB, job string) []runs.Run {
	t.Helper()
	page, err := store.NewRuns(db).List(context.Background(), job, value.Page{First: 1000})
	require.NoError(t, err)
	return page.Items
}

func TestSchedulesAreCheckedUpFront(t *testing.T) {
	t.Parallel()
	db := storetest.Open(t)
	logger := slog.New(slog.DiscardHandler)
	noop := func(context.Context) (string, error) { return "", nil }
	cfg := jobs.Config{Logger: logger, Clock: clock.System{}, Leases: store.NewLeases(db), Runs: store.NewRuns(db),
		Instance: "a", LeaseTTL: time.Minute, Timeout: time.Second}
	_, err := jobs.NewScheduler(cfg, jobs.Job{Name: "bad", Schedule: "every minute", Run: noop})
	assert.ErrorContains(t, err, `job bad: schedule "every minute"`)
	s, err := jobs.NewScheduler(cfg, jobs.Job{Name: "off", Schedule: jobs.Off, Run: noop},
		jobs.Job{Name: "daily", Schedule: "0 2 * * *", Run: noop})
	require.NoError(t, err)
	assert.Equal(t, []runs.Spec{{Name: "off", Schedule: jobs.Off}, {Name: "daily", Schedule: "0 2 * * *"}}, s.Specs())
	s.Start()
	s.Stop()
}

// TestEachTickRunsOnceAcrossReplicas starts three replicas on one database
// with a per-second schedule: every tick is run by exactly one of them, and
// runs never overlap.
func TestEachTickRunsOnceAcrossReplicas(t *testing.T) {
	t.Parallel()
	db := storetest.Open(t)
	logger := slog.New(slog.DiscardHandler)
	var running, overlaps, total atomic.Int32
	job := jobs.Job{Name: "tick", Schedule: "* * * * * *", Run: func(context.Context) (string, error) {
		if running.Add(1) > 1 {
			overlaps.Add(1)
		}
		defer running.Add(-1)
		total.Add(1)
		time.Sleep(50 * time.Millisecond)
		return "ticked", nil
	}}
	var replicas []*jobs.Scheduler
	for _, name := range []string{"a", "b", "c"} {
		replicas = append(replicas, replica(t, db, name, clock.System{}, logger, job))
	}
	// Cron fires on whole seconds; the six-field spec needs seconds.
	for _, r := range replicas {
		r.Start()
	}
	require.Eventually(t, func() bool { return total.Load() >= 3 }, 10*time.Second, 20*time.Millisecond)
	for _, r := range replicas {
		r.Stop()
	}
	assert.Zero(t, overlaps.Load())
	recorded := allRuns(t, db, "tick")
	assert.Len(t, recorded, int(total.Load()), "one record per run")
	seen := map[string]bool{}
	for _, r := range recorded {
		assert.False(t, seen[r.ID], "tick %s ran twice", r.ID)
		seen[r.ID] = true
		assert.True(t, strings.HasPrefix(r.ID, "tick@") && strings.HasSuffix(r.ID, ".000000000Z"), "run %s is named by its tick", r.ID)
		assert.Equal(t, runs.Succeeded, r.Status)
		assert.Equal(t, runs.Schedule, r.Trigger)
		assert.Equal(t, "ticked", r.Stats)
		assert.Contains(t, []string{"a", "b", "c"}, r.Instance)
	}
}

// TestOverrunTicksAreRecorded runs a per-second job whose first run takes
// longer than a second, on one replica and then on two: the tick that comes
// while it works is recorded as SKIPPED, naming the run still working, so
// every tick has exactly one record and none is a silent gap.
func TestOverrunTicksAreRecorded(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 2} {
		t.Run(fmt.Sprint(n, " replicas"), func(t *testing.T) {
			t.Parallel()
			db := storetest.Open(t)
			logs := &logBuffer{}
			logger := slog.New(slog.NewJSONHandler(logs, nil))
			var calls atomic.Int32
			job := jobs.Job{Name: "slow", Schedule: "* * * * * *", Run: func(context.Context) (string, error) {
				if calls.Add(1) == 1 {
					time.Sleep(1500 * time.Millisecond)
				}
				return "ran", nil
			}}
			var replicas []*jobs.Scheduler
			for i := range n {
				replicas = append(replicas, replica(t, db, fmt.Sprint("r", i), clock.System{}, logger, job))
			}
			for _, r := range replicas {
				r.Start()
			}
			require.Eventually(t, func() bool { return calls.Load() >= 3 }, 15*time.Second, 20*time.Millisecond)
			for _, r := range replicas {
				r.Stop()
			}
			recorded := allRuns(t, db, "slow")
			slices.Reverse(recorded) // oldest first
			require.GreaterOrEqual(t, len(recorded), 4)
			ticks := make([]time.Time, len(recorded))
			for i, r := range recorded {
				var err error
				ticks[i], err = time.Parse("20060102T150405.000000000Z", strings.TrimPrefix(r.ID, "slow@"))
				require.NoError(t, err, r.ID)
				if i > 0 {
					assert.Equal(t, time.Second, ticks[i].Sub(ticks[i-1]), "one record per tick, no gap before %s", r.ID)
				}
			}
			assert.Equal(t, runs.Succeeded, recorded[0].Status, "the slow run")
			assert.Equal(t, runs.Skipped, recorded[1].Status, "the tick that came while it worked")
			assert.Equal(t, "the run "+recorded[0].ID+" still holds the lease", recorded[1].Error)
			assert.Equal(t, runs.Schedule, recorded[1].Trigger)
			assert.Equal(t, runs.Succeeded, recorded[len(recorded)-1].Status)
			assert.Contains(t, logs.String(), `"msg":"job tick skipped","job":"slow","run":"`+recorded[1].ID+`"`)
		})
	}
}

// TestManualRunsAndTakeover drives leases with a manual clock: a run asked
// for while another replica's run holds the lease is recorded as SKIPPED; a
// lease its holder stopped renewing is taken over once it expires; failing
// and panicking runs are recorded as FAILED with their error.
func TestManualRunsAndTakeover(t *testing.T) {
	t.Parallel()
	db := storetest.Open(t)
	ctx := context.Background()
	clk := clock.NewManual(time.Date(2026, 11, 22, 3, 0, 0, 0, time.UTC))
	var logs logBuffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	release := make(chan struct{})
	slow := jobs.Job{Name: "slow", Schedule: jobs.Off, Run: func(ctx context.Context) (string, error) {
		select {
		case <-release:
			return "done", nil
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}}
	a := replica(t, db, "a", clk, logger, slow)
	b := replica(t, db, "b", clk, logger, slow)

	first, err := a.Run(ctx, "slow", runs.Manual)
	require.NoError(t, err)
	assert.Equal(t, runs.Running, first.Status)
	assert.Equal(t, "a", first.Instance)
	clk.Set(clk.Now().Add(time.Second))
	second, err := b.Run(ctx, "slow", runs.Manual)
	require.NoError(t, err)
	assert.Equal(t, runs.Skipped, second.Status)
	assert.Equal(t, "the run "+first.ID+" still holds the lease", second.Error)
	clk.Set(clk.Now().Add(time.Second))
	again, err := a.Run(ctx, "slow", runs.Manual)
	require.NoError(t, err)
	assert.Equal(t, runs.Skipped, again.Status, "a second run on the same replica waits its turn too")
	close(release)
	require.Eventually(t, func() bool {
		rs := allRuns(t, db, "slow")
		return len(rs) == 3 && rs[2].Status == runs.Succeeded
	}, 5*time.Second, 10*time.Millisecond)
	rs := allRuns(t, db, "slow")
	assert.Equal(t, []runs.Status{runs.Skipped, runs.Skipped, runs.Succeeded}, []runs.Status{rs[0].Status, rs[1].Status, rs[2].Status}, "newest first")
	assert.Equal(t, "done", rs[2].Stats)

	// A replica that crashed holding the lease: it is free again only
	// once it expires, and the run it left RUNNING is then recorded FAILED.
	crashed := runs.Run{ID: "slow@crashed", Job: "slow", Trigger: runs.Manual, Instance: "z", StartedAt: clk.Now(), Status: runs.Running}
	started, err := store.NewRuns(db).Start(ctx, crashed)
	require.NoError(t, err)
	require.True(t, started)
	leases := store.NewLeases(db)
	ok, _, err := leases.Acquire(ctx, "slow", "z slow@crashed", clk.Now(), clk.Now().Add(time.Minute))
	require.NoError(t, err)
	require.True(t, ok)
	clk.Set(clk.Now().Add(59 * time.Second))
	r, err := b.Run(ctx, "slow", runs.Manual)
	require.NoError(t, err)
	assert.Equal(t, runs.Skipped, r.Status)
	assert.Equal(t, "the run slow@crashed still holds the lease", r.Error)
	clk.Set(clk.Now().Add(time.Second))
	r, err = b.Run(ctx, "slow", runs.Manual)
	require.NoError(t, err)
	assert.Equal(t, runs.Running, r.Status)
	assert.Equal(t, "b", r.Instance)
	i := slices.IndexFunc(allRuns(t, db, "slow"), func(r runs.Run) bool { return r.ID == crashed.ID })
	require.GreaterOrEqual(t, i, 0)
	abandoned := allRuns(t, db, "slow")[i]
	assert.Equal(t, runs.Failed, abandoned.Status)
	assert.Equal(t, "abandoned: replica z stopped before the run ended, and its lease expired", abandoned.Error)
	assert.Equal(t, clk.Now(), abandoned.FinishedAt)
	assert.Contains(t, logs.String(), "job run abandoned by a stopped replica")

	failing := replica(t, db, "c", clk, logger,
		jobs.Job{Name: "fail", Schedule: jobs.Off, Run: func(context.Context) (string, error) { return "", errors.New("boom") }},
		jobs.Job{Name: "panic", Schedule: jobs.Off, Run: func(context.Context) (string, error) { panic("kaboom") }})
	for name, want := range map[string]string{"fail": "boom", "panic": "panic: kaboom"} {
		_, err := failing.Run(ctx, name, runs.Manual)
		require.NoError(t, err)
		require.Eventually(t, func() bool {
			rs := allRuns(t, db, name)
			return len(rs) == 1 && rs[0].Status == runs.Failed && rs[0].Error == want
		}, 5*time.Second, 10*time.Millisecond, name)
	}
	_, err = failing.Run(ctx, "nope", runs.Manual)
	assert.ErrorContains(t, err, `no job "nope"`)
}

// TestStopCancelsRunningJobs checks Stop cancels a running job, waits for
// it, and leaves its run recorded as FAILED and its lease free.
func TestStopCancelsRunningJobs(t *testing.T) {
	t.Parallel()
	db := storetest.Open(t)
	ctx := context.Background()
	started := make(chan struct{})
	s := replica(t, db, "a", clock.System{}, slog.New(slog.DiscardHandler),
		jobs.Job{Name: "wait", Schedule: jobs.Off, Run: func(ctx context.Context) (string, error) {
			close(started)
			<-ctx.Done()
			return "", ctx.Err()
		}})
	_, err := s.Run(ctx, "wait", runs.Manual)
	require.NoError(t, err)
	<-started
	s.Stop()
	rs := allRuns(t, db, "wait")
	require.Len(t, rs, 1)
	assert.Equal(t, runs.Failed, rs[0].Status)
	assert.Equal(t, context.Canceled.Error(), rs[0].Error)
	ok, expired, err := store.NewLeases(db).Acquire(ctx, "wait", "b", time.Now(), time.Now().Add(time.Minute))
	require.NoError(t, err)
	assert.True(t, ok, "lease released")
	assert.Empty(t, expired, "a released lease is free, not abandoned")
}
