package runs

import (
	"context"
	"fmt"
	"slices"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/value"
)

// Service shows jobs and their runs to operators and starts runs; admins only.
type Service struct {
	runner Runner
	store  RunStore
}

// NewService builds the jobs use-cases.
func NewService(runner Runner, store RunStore) *Service {
	return &Service{runner: runner, store: store}
}

// Job is a job with its latest run.
type Job struct {
	Spec
	Last *Run
}

// Jobs lists every job with its latest run.
func (s *Service) Jobs(ctx context.Context) ([]Job, error) {
	if err := policy.OperateJobs(identity.FromContext(ctx)); err != nil {
		return nil, err
	}
	specs := s.runner.Specs()
	names := make([]string, len(specs))
	for i, sp := range specs {
		names[i] = sp.Name
	}
	last, err := s.store.Last(ctx, names)
	if err != nil {
		return nil, err
	}
	out := make([]Job, len(specs))
	for i, sp := range specs {
		out[i] = Job{Spec: sp}
		if r, ok := last[sp.Name]; ok {
			out[i].Last = &r
		}
	}
	return out, nil
}

func (s *Service) known(name string) error {
	if !slices.ContainsFunc(s.runner.Specs(), func(sp Spec) bool { return sp.Name == name }) {
		return errs.NotFoundf(fmt.Sprintf("công việc %q", name), fmt.Sprintf("Job %q", name), "name")
	}
	return nil
}

// Runs lists a job's runs, newest first.
func (s *Service) Runs(ctx context.Context, job string, p value.Page) (value.Slice[Run], error) {
	if err := policy.OperateJobs(identity.FromContext(ctx)); err != nil {
		return value.Slice[Run]{}, err
	}
	if err := s.known(job); err != nil {
		return value.Slice[Run]{}, err
	}
	return s.store.List(ctx, job, p)
}

// CountRuns counts a job's runs.
func (s *Service) CountRuns(ctx context.Context, job string) (int, error) {
	if err := policy.OperateJobs(identity.FromContext(ctx)); err != nil {
		return 0, err
	}
	return s.store.Count(ctx, job)
}

// Run returns a run by its ID.
func (s *Service) Run(ctx context.Context, id string) (Run, error) {
	if err := policy.OperateJobs(identity.FromContext(ctx)); err != nil {
		return Run{}, err
	}
	return s.store.Get(ctx, id)
}

// RunNow runs a job now and returns its record.
func (s *Service) RunNow(ctx context.Context, name string) (Run, error) {
	if err := policy.OperateJobs(identity.FromContext(ctx)); err != nil {
		return Run{}, err
	}
	if err := s.known(name); err != nil {
		return Run{}, err
	}
	return s.runner.Run(ctx, name, Manual)
}
