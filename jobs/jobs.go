// Package jobs runs Innoport's scheduled work on robfig/cron, with schedules
// read in Asia/Ho_Chi_Minh. Job bodies call domain use-cases and are safe to
// run on several replicas at once: each change they make is a conditional
// single-document write.
package jobs

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

// Off is the schedule that disables a job.
const Off = "off"

// Job is a named unit of scheduled work.
type Job struct {
	Name     string
	Schedule string // cron spec ("*/5 * * * *") or descriptor ("@every 1m", "@daily"); Off disables
	// Run does the work once and returns a one-line summary for the log.
	Run func(ctx context.Context) (string, error)
}

// CloseDueCalls closes funding calls whose deadline has passed.
func CloseDueCalls(svc *funding.Service, schedule string) Job {
	return Job{Name: "close-due-calls", Schedule: schedule, Run: func(ctx context.Context) (string, error) {
		n, err := svc.CloseDueCalls(ctx)
		return fmt.Sprintf("closed %d calls", n), err
	}}
}

// ScreenInnovativeEnterprises screens every firm against every active
// criteria set.
func ScreenInnovativeEnterprises(svc *screening.Service, schedule string) Job {
	return Job{Name: "screen-innovative-enterprises", Schedule: schedule, Run: func(ctx context.Context) (string, error) {
		st, err := svc.Screen(ctx, nil)
		return fmt.Sprintf("screened %d firms, %d criterion evaluations, %d results changed", st.Firms, st.Evaluations, st.Changed), err
	}}
}

// FlagSandboxDeadlines flags sandbox applications whose service levels are
// overdue (acknowledgement, assessment, start of testing, reports).
func FlagSandboxDeadlines(svc *sandbox.Service, schedule string) Job {
	return Job{Name: "flag-sandbox-deadlines", Schedule: schedule, Run: func(ctx context.Context) (string, error) {
		n, err := svc.FlagOverdue(ctx)
		return fmt.Sprintf("%d applications' flags changed", n), err
	}}
}

// Scheduler runs jobs on their schedules until stopped.
type Scheduler struct {
	cron    *cron.Cron
	logger  *slog.Logger
	ctx     context.Context
	cancel  context.CancelFunc
	timeout time.Duration
}

// NewScheduler checks every schedule and registers the enabled jobs; each
// run may take at most timeout.
func NewScheduler(logger *slog.Logger, timeout time.Duration, js ...Job) (*Scheduler, error) {
	ctx, cancel := context.WithCancel(context.Background())
	s := &Scheduler{
		cron:   cron.New(cron.WithLocation(value.Zone), cron.WithChain(cron.SkipIfStillRunning(cron.DiscardLogger))),
		logger: logger, ctx: ctx, cancel: cancel, timeout: timeout,
	}
	for _, j := range js {
		if j.Schedule == Off {
			logger.Info("job disabled", "job", j.Name)
			continue
		}
		if _, err := s.cron.AddFunc(j.Schedule, func() { s.runOnce(j) }); err != nil {
			cancel()
			return nil, fmt.Errorf("job %s: schedule %q: %w", j.Name, j.Schedule, err)
		}
	}
	return s, nil
}

// runOnce runs a job, logging its outcome; a panic is logged as a failure.
func (s *Scheduler) runOnce(j Job) {
	ctx, cancel := context.WithTimeout(s.ctx, s.timeout)
	defer cancel()
	start := time.Now()
	defer func() {
		if p := recover(); p != nil {
			s.logger.Error("job panicked", "job", j.Name, "panic", p)
		}
	}()
	summary, err := j.Run(ctx)
	took := time.Since(start).Round(time.Millisecond)
	if err != nil {
		s.logger.Error("job failed", "job", j.Name, "took", took, "error", err)
		return
	}
	s.logger.Info("job done", "job", j.Name, "took", took, "result", summary)
}

// Start begins running jobs in the background.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop stops scheduling, cancels running jobs and waits for them to return.
func (s *Scheduler) Stop() {
	done := s.cron.Stop()
	s.cancel()
	<-done.Done()
}
