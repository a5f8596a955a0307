package jobs_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/jobs"
)

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

func TestSchedulesAreCheckedUpFront(t *testing.T) {
	t.Parallel()
	logger := slog.New(slog.DiscardHandler)
	noop := func(context.Context) (string, error) { return "", nil }
	_, err := jobs.NewScheduler(logger, time.Second, jobs.Job{Name: "bad", Schedule: "every minute", Run: noop})
	assert.ErrorContains(t, err, `job bad: schedule "every minute"`)
	s, err := jobs.NewScheduler(logger, time.Second, jobs.Job{Name: "off", Schedule: jobs.Off, Run: noop},
		jobs.Job{Name: "daily", Schedule: "0 2 * * *", Run: noop})
	require.NoError(t, err)
	s.Start()
	s.Stop()
}

// TestJobsRunAndFailuresAreLogged runs real cron entries: a job runs on its
// schedule, a failing or panicking one is logged and does not stop the rest,
// and Stop cancels a running job and waits for it.
func TestJobsRunAndFailuresAreLogged(t *testing.T) {
	t.Parallel()
	var logs logBuffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	var runs atomic.Int32
	stopped := make(chan struct{})
	s, err := jobs.NewScheduler(logger, time.Minute,
		jobs.Job{Name: "count", Schedule: "@every 1s", Run: func(context.Context) (string, error) {
			runs.Add(1)
			return "counted", nil
		}},
		jobs.Job{Name: "fail", Schedule: "@every 1s", Run: func(context.Context) (string, error) { return "", errors.New("boom") }},
		jobs.Job{Name: "panic", Schedule: "@every 1s", Run: func(context.Context) (string, error) { panic("kaboom") }},
		jobs.Job{Name: "slow", Schedule: "@every 1s", Run: func(ctx context.Context) (string, error) {
			<-ctx.Done()
			close(stopped)
			return "", ctx.Err()
		}},
	)
	require.NoError(t, err)
	s.Start()
	require.Eventually(t, func() bool { return runs.Load() >= 1 }, 5*time.Second, 20*time.Millisecond)
	require.Eventually(t, func() bool {
		out := logs.String()
		return strings.Contains(out, "job=fail") && strings.Contains(out, "boom") && strings.Contains(out, "kaboom")
	}, 5*time.Second, 20*time.Millisecond)
	s.Stop()
	select {
	case <-stopped:
	default:
		t.Fatal("Stop returned before the running job did")
	}
	assert.Contains(t, logs.String(), `result=counted`)
}
