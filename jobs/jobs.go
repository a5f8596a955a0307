// Package jobs runs Innoport's scheduled work on robfig/cron, with schedules
// read in Asia/Ho_Chi_Minh. Every replica runs the scheduler; a job runs only
// on the replica holding its lease, renewed while it runs and taken over once
// it expires, and every run is recorded. Job bodies call domain use-cases and
// stay correct even if two runs overlap: each change they make is a
// conditional single-document write.
package jobs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/runs"

	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/opendata"
	"github.com/innoport/innoport/search/indexer"
)

// Off is the schedule that disables a job.
const Off = "off"

// Job is a named unit of scheduled work.
type Job struct {
	Name     string
	Schedule string // cron spec ("*/5 * * * *", or with seconds first) or descriptor ("@every 1m", "@daily"); Off disables
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

// ScoreMatches rescores every match list of every startup, call, investor,
// mentor and programme, and drops the lists of owners that are gone.
func ScoreMatches(svc *matching.Service, schedule string) Job {
	return Job{Name: "score-matches", Schedule: schedule, Run: func(ctx context.Context) (string, error) {
		st, err := svc.RescoreAll(ctx)
		return fmt.Sprintf("%d startups × %d targets = %d pairs scored, %d lists computed, %d written in %s",
			st.Startups, st.Targets, st.Pairs, st.Lists, st.Written, st.Took.Round(time.Millisecond)), err
	}}
}

// RescoreChangedMatches rescores the matches of the entities changed since
// its last run. It has no schedule: the matching service runs it (trigger
// EVENT) within a fraction of a second of a change.
func RescoreChangedMatches(svc *matching.Service) Job {
	return Job{Name: "rescore-changed-matches", Schedule: Off, Run: func(ctx context.Context) (string, error) {
		st, n, err := svc.RescoreChanged(ctx)
		return fmt.Sprintf("%d changed entities: %d pairs scored, %d lists computed, %d written in %s",
			n, st.Pairs, st.Lists, st.Written, st.Took.Round(time.Millisecond)), err
	}}
}

// ScoreTransferMatches rescores technology transfer's lists: offers ↔
// requests, offers ↔ startups, requests ↔ research organisations. The
// matching service also runs it (trigger EVENT) shortly after a change.
func ScoreTransferMatches(svc *matching.TransferService, schedule string) Job {
	return Job{Name: "score-transfer-matches", Schedule: schedule, Run: func(ctx context.Context) (string, error) {
		st, err := svc.RescoreAll(ctx)
		return fmt.Sprintf("%d offers, requests and organisations, %d startups: %d candidate pairs scored, %d lists computed, %d written in %s",
			st.Targets, st.Startups, st.Pairs, st.Lists, st.Written, st.Took.Round(time.Millisecond)), err
	}}
}

// RemindTransferRegistrations reminds the two sides of every technology
// transfer agreement whose required registration is still missing 30 days
// after signing, then weekly until it is recorded.
func RemindTransferRegistrations(svc *transfer.Service, schedule string) Job {
	return Job{Name: "remind-transfer-registrations", Schedule: schedule, Run: func(ctx context.Context) (string, error) {
		n, err := svc.RemindRegistrations(ctx)
		return fmt.Sprintf("reminded %d agreements of their missing registration", n), err
	}}
}

// JudgeIncentives judges every firm on every incentive in force and stores
// the standings that changed, for the city's statistics; it runs on the
// screening schedule.
func JudgeIncentives(svc *incentive.Service, schedule string) Job {
	return Job{Name: "judge-incentives", Schedule: schedule, Run: func(ctx context.Context) (string, error) {
		st, err := svc.Judge(ctx, nil)
		return fmt.Sprintf("judged %d firms on %d incentives in all, %d standings changed", st.Firms, st.Judgements, st.Changed), err
	}}
}

// PublishOpenData computes the open data and publishes it under
// /open-data/.
func PublishOpenData(p *opendata.Publisher, schedule string) Job {
	return Job{Name: "publish-open-data", Schedule: schedule, Run: func(ctx context.Context) (string, error) {
		n, err := p.Publish(ctx)
		return fmt.Sprintf("published %d data sets", n), err
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

// ReindexSearch compares the search index with the store by version and
// repairs what drifted. x is nil in a command that runs without the index
// (the service has it open).
func ReindexSearch(x *indexer.Indexer, schedule string) Job {
	return Job{Name: "reindex-search", Schedule: schedule, Run: func(ctx context.Context) (string, error) {
		if x == nil {
			return "", errors.New("the running service has the search index open: run reindex-search there (runJob)")
		}
		st, err := x.Repair(ctx)
		return fmt.Sprintf("%d records checked, %d indexed, %d removed", st.Checked, st.Indexed, st.Removed), err
	}}
}

// Config is what the scheduler needs besides its jobs.
type Config struct {
	Logger   *slog.Logger
	Clock    clock.Clock
	Leases   runs.LeaseStore
	Runs     runs.RunStore
	Instance string        // this replica's name in leases and run records
	LeaseTTL time.Duration // a lease not renewed for this long is taken over
	Timeout  time.Duration // longest a run may take
	// Observe, when set, is told how each run ended: its job, status and
	// wall time (zero for a run that did not hold the lease).
	Observe func(job string, status runs.Status, took time.Duration)
}

// parser reads standard five-field specs, six-field ones starting with
// seconds, and descriptors.
var parser = cron.NewParser(cron.SecondOptional | cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Scheduler runs jobs on their schedules, and on demand, until stopped.
type Scheduler struct {
	cfg    Config
	cron   *cron.Cron
	jobs   map[string]Job
	specs  []runs.Spec
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup // runs started on demand
}

var _ runs.Runner = (*Scheduler)(nil)

// NewScheduler checks every schedule and registers the enabled jobs.
func NewScheduler(cfg Config, js ...Job) (*Scheduler, error) {
	if cfg.LeaseTTL < time.Second {
		return nil, fmt.Errorf("job lease TTL %s: want at least 1s", cfg.LeaseTTL)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Scheduler{
		cfg: cfg,
		// No cron.SkipIfStillRunning: a tick that comes while the previous
		// run works finds its lease held, on this replica as on others, and
		// is recorded as skipped.
		cron: cron.New(cron.WithLocation(value.Zone), cron.WithParser(parser)),
		jobs: make(map[string]Job, len(js)), ctx: ctx, cancel: cancel,
	}
	for _, j := range js {
		s.jobs[j.Name] = j
		s.specs = append(s.specs, runs.Spec{Name: j.Name, Schedule: j.Schedule})
		if j.Schedule == Off {
			// Off by configuration, or run only on demand and on changes
			// (rescore-changed-matches): the logged configuration says which.
			cfg.Logger.Debug("job not scheduled", "job", j.Name)
			continue
		}
		var id cron.EntryID
		id, err := s.cron.AddFunc(j.Schedule, func() {
			// Prev is the tick being run: the same on every replica for
			// clock schedules, so a tick is run once cluster-wide.
			tick := s.cron.Entry(id).Prev
			if _, err := s.run(s.ctx, j, runs.Schedule, runID(j.Name, tick, "")); err != nil {
				cfg.Logger.Error("job not run", "job", j.Name, "error", err)
			}
		})
		if err != nil {
			cancel()
			return nil, fmt.Errorf("job %s: schedule %q: %w", j.Name, j.Schedule, err)
		}
	}
	return s, nil
}

// holder names a run as a lease holder: the replica and the run, so that
// two runs on one replica exclude each other as runs on two replicas do.
func holder(r runs.Run) string { return r.Instance + " " + r.ID }

// runID names a run so that IDs sort by start time within a job.
func runID(job string, at time.Time, suffix string) string {
	return job + "@" + at.UTC().Format("20060102T150405.000000000Z") + suffix
}

// Specs lists the jobs and their schedules.
func (s *Scheduler) Specs() []runs.Spec { return s.specs }

// Run starts a job now and returns its record: RUNNING while it works in the
// background, or SKIPPED when another run holds the lease.
func (s *Scheduler) Run(_ context.Context, name string, trigger runs.Trigger) (runs.Run, error) {
	j, id, err := s.now(name)
	if err != nil {
		return runs.Run{}, err
	}
	r, held, err := s.begin(j, trigger, id)
	if err != nil || !held {
		return r, err
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.work(s.ctx, j, r)
	}()
	return r, nil
}

// RunAndWait runs a job now in the caller's goroutine, until it ends or ctx
// is cancelled, and returns its finished record.
func (s *Scheduler) RunAndWait(ctx context.Context, name string, trigger runs.Trigger) (runs.Run, error) {
	j, id, err := s.now(name)
	if err != nil {
		return runs.Run{}, err
	}
	return s.run(ctx, j, trigger, id)
}

// now finds a job and names a run of it starting now; the random suffix
// keeps two replicas' runs in the same nanosecond apart.
func (s *Scheduler) now(name string) (Job, string, error) {
	j, ok := s.jobs[name]
	if !ok {
		return Job{}, "", fmt.Errorf("no job %q", name)
	}
	nonce := make([]byte, 3)
	_, _ = rand.Read(nonce)
	return j, runID(name, s.cfg.Clock.Now(), "-"+hex.EncodeToString(nonce)), nil
}

// run runs a job in the caller's goroutine.
func (s *Scheduler) run(ctx context.Context, j Job, trigger runs.Trigger, id string) (runs.Run, error) {
	r, held, err := s.begin(j, trigger, id)
	if err != nil || !held {
		return r, err
	}
	return s.work(ctx, j, r), nil
}

func (s *Scheduler) observe(job string, status runs.Status, took time.Duration) {
	if s.cfg.Observe != nil {
		s.cfg.Observe(job, status, took)
	}
}

// begin takes the job's lease and records the run's start; held is false
// when the job is not to run: another replica holds the lease, or the
// scheduled tick has already run.
func (s *Scheduler) begin(j Job, trigger runs.Trigger, id string) (r runs.Run, held bool, err error) {
	now := s.cfg.Clock.Now()
	r = runs.Run{ID: id, Job: j.Name, Trigger: trigger, Instance: s.cfg.Instance, StartedAt: now, Status: runs.Running}
	ok, other, err := s.cfg.Leases.Acquire(s.ctx, j.Name, holder(r), now, now.Add(s.cfg.LeaseTTL))
	if err != nil {
		return r, false, err
	}
	if ok && other != "" {
		s.abandon(j.Name, other, now)
	}
	if !ok {
		r.Status, r.FinishedAt, r.Error = runs.Skipped, now, "another run holds the lease"
		if _, run, found := strings.Cut(other, " "); found {
			r.Error = "the run " + run + " still holds the lease"
		}
		if trigger == runs.Schedule {
			return r, false, s.skipTick(r, other)
		}
		s.observe(j.Name, r.Status, 0)
		_, err := s.cfg.Runs.Start(s.ctx, r)
		return r, false, err
	}
	started, err := s.cfg.Runs.Start(s.ctx, r)
	if err == nil && !started {
		r.Status = runs.Skipped // this tick already ran
		s.observe(j.Name, r.Status, 0)
	}
	if err != nil || !started {
		if rerr := s.cfg.Leases.Release(s.ctx, j.Name, holder(r)); rerr != nil {
			err = errors.Join(err, rerr)
		}
		return r, false, err
	}
	return r, true, nil
}

// skipTick handles a scheduled tick whose lease another run holds. When
// that run is this tick's, on another replica, it records its own run and
// there is nothing to do; otherwise an earlier run is still working, and
// the tick is recorded as SKIPPED, so that a schedule tighter than the job
// shows in its history rather than as a gap. (If that run ends meanwhile
// and a replica takes the tick up, whichever record is first stands.)
func (s *Scheduler) skipTick(r runs.Run, by string) error {
	if strings.HasSuffix(by, " "+r.ID) {
		return nil
	}
	recorded, err := s.cfg.Runs.Start(s.ctx, r)
	if err == nil && recorded {
		s.observe(r.Job, r.Status, 0)
		s.cfg.Logger.Warn("job tick skipped", "job", r.Job, "run", r.ID, "reason", r.Error)
	}
	return err
}

// abandon records the run whose expired lease was taken over — its replica
// stopped (crashed, killed) before it ended — as FAILED, so that no record
// stays RUNNING forever.
func (s *Scheduler) abandon(job, expiredHolder string, now time.Time) {
	instance, runID, ok := strings.Cut(expiredHolder, " ")
	if !ok {
		return
	}
	reason := fmt.Sprintf("abandoned: replica %s stopped before the run ended, and its lease expired", instance)
	if err := s.cfg.Runs.Abandon(s.ctx, runID, now, reason); err != nil {
		s.cfg.Logger.Error("abandoned run not recorded", "job", job, "run", runID, "error", err)
		return
	}
	s.cfg.Logger.Warn("job run abandoned by a stopped replica", "job", job, "run", runID, "instance", instance)
}

// work runs a job whose lease is held, renewing the lease while it runs and
// cancelling the run if the lease is lost; a panic fails the run.
func (s *Scheduler) work(ctx context.Context, j Job, r runs.Run) runs.Run {
	start := time.Now()
	defer func() { s.observe(j.Name, r.Status, time.Since(start)) }()
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	renewed := make(chan struct{})
	go func() {
		defer close(renewed)
		t := time.NewTicker(s.cfg.LeaseTTL / 3)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				now := s.cfg.Clock.Now()
				ok, _, err := s.cfg.Leases.Acquire(ctx, j.Name, holder(r), now, now.Add(s.cfg.LeaseTTL))
				if err != nil {
					s.cfg.Logger.Warn("job lease not renewed; retrying", "job", j.Name, "run", r.ID, "error", err)
					continue
				}
				if !ok {
					s.cfg.Logger.Error("job lost its lease", "job", j.Name, "run", r.ID)
					cancel()
					return
				}
			}
		}
	}()
	summary, err := s.call(ctx, j)
	cancel()
	<-renewed
	r.FinishedAt = s.cfg.Clock.Now()
	took := r.FinishedAt.Sub(r.StartedAt).Round(time.Millisecond)
	if err != nil {
		r.Status, r.Error = runs.Failed, err.Error()
		s.cfg.Logger.Error("job failed", "job", j.Name, "run", r.ID, "took", took, "error", err)
	} else {
		r.Status, r.Stats = runs.Succeeded, summary
		s.cfg.Logger.Info("job done", "job", j.Name, "run", r.ID, "took", took, "result", summary)
	}
	// The record and lease outlive a cancelled run: write them on a fresh context.
	bg, done := context.WithTimeout(context.Background(), 10*time.Second)
	defer done()
	if err := s.cfg.Runs.Finish(bg, r); err != nil {
		s.cfg.Logger.Error("job run not recorded", "job", j.Name, "run", r.ID, "error", err)
	}
	if err := s.cfg.Leases.Release(bg, j.Name, holder(r)); err != nil {
		s.cfg.Logger.Error("job lease not released", "job", j.Name, "error", err)
	}
	return r
}

// call runs a job's body, turning a panic into an error.
func (s *Scheduler) call(ctx context.Context, j Job) (summary string, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return j.Run(ctx)
}

// Start begins running jobs on their schedules.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop stops scheduling, cancels running jobs and waits for them to return.
func (s *Scheduler) Stop() {
	done := s.cron.Stop()
	s.cancel()
	<-done.Done()
	s.wg.Wait()
}
