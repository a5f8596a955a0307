// Package runs describes scheduled work as the platform records it: leases
// that let one replica at a time run a job, and a record of every run.
package runs

import (
	"context"
	"time"

	"github.com/innoport/innoport/domain/value"
)

// Trigger says what started a run.
type Trigger string

// The triggers.
const (
	Schedule Trigger = "SCHEDULE"
	Manual   Trigger = "MANUAL"
	Event    Trigger = "EVENT" // a change to data, such as a profile edit
)

// Status is how a run stands.
type Status string

// The statuses.
const (
	Running   Status = "RUNNING"
	Succeeded Status = "SUCCEEDED"
	Failed    Status = "FAILED"
	Skipped   Status = "SKIPPED" // another run of the job held the lease, such as an earlier tick's still working
)

// Run is one run of a job.
type Run struct {
	ID         string // job@tick for scheduled runs, so a tick runs once cluster-wide
	Job        string
	Trigger    Trigger
	Instance   string // the replica that ran it
	StartedAt  time.Time
	FinishedAt time.Time
	Status     Status
	Stats      string
	Error      string
}

// LeaseStore keeps job leases: a job runs only on the replica holding its
// lease, which expires unless renewed, so a crashed holder's lease is taken
// over once it expires.
type LeaseStore interface {
	// Acquire takes the lease on job for holder until until, if it is free,
	// expired at now, or already held by holder (a renewal). other names
	// another holder: when held, the one whose lease it took over after it
	// expired — a holder that stopped without releasing it — or empty; when
	// not held, the one holding it.
	Acquire(ctx context.Context, job, holder string, now, until time.Time) (held bool, other string, err error)
	// Release gives the lease up, if holder holds it.
	Release(ctx context.Context, job, holder string) error
}

// RunStore keeps run records.
type RunStore interface {
	// Start records a run; false when a run with its ID already exists.
	Start(ctx context.Context, r Run) (bool, error)
	Finish(ctx context.Context, r Run) error
	// Abandon records as FAILED, with reason, a run still RUNNING whose
	// replica stopped before it ended.
	Abandon(ctx context.Context, id string, at time.Time, reason string) error
	List(ctx context.Context, job string, p value.Page) (value.Slice[Run], error)
	// Count counts a job's runs.
	Count(ctx context.Context, job string) (int, error)
	// Get returns a run by its ID.
	Get(ctx context.Context, id string) (Run, error)
	// Last returns the latest run of each job that has one.
	Last(ctx context.Context, jobs []string) (map[string]Run, error)
}

// Spec names a job and when it runs.
type Spec struct {
	Name     string
	Schedule string
}

// Runner runs jobs on demand; the jobs runtime implements it.
type Runner interface {
	Specs() []Spec
	// Run runs a job now, returning its record (SKIPPED when another
	// replica holds its lease).
	Run(ctx context.Context, name string, trigger Trigger) (Run, error)
}
