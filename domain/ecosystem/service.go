package ecosystem

import (
	"context"
	"fmt"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// IncubatorStore keeps incubators.
type IncubatorStore interface {
	Create(ctx context.Context, i Incubator) error
	Get(ctx context.Context, id string) (Incubator, error)
	GetMany(ctx context.Context, ids []string) (map[string]Incubator, error)
	// All returns every incubator, by name; a city has a handful, a country hundreds.
	All(ctx context.Context) ([]Incubator, error)
	// Update loads the incubator, runs fn and writes it back with its
	// version bumped, only if nobody wrote in between.
	Update(ctx context.Context, id string, fn func(*Incubator) error) (Incubator, error)
}

// StartupLookup finds startups by ID, to check the startups a mentor coaches
// or an investor holds.
type StartupLookup interface {
	GetMany(ctx context.Context, ids []string) (map[string]firm.Startup, error)
}

// Service holds the use-cases of the ecosystem registry.
type Service struct {
	incubators      IncubatorStore
	investors       Store[Investor]
	mentors         Store[Mentor]
	startups        StartupLookup
	clock           clock.Clock
	investorChanged record.Listeners[Investor]
	mentorChanged   record.Listeners[Mentor]
}

// OnInvestorChange registers fn to be told of every investor created or
// changed, after the write; fn must not block.
func (s *Service) OnInvestorChange(fn func(Investor)) { s.investorChanged.On(fn) }

// OnMentorChange registers fn to be told of every mentor created or changed,
// after the write; fn must not block.
func (s *Service) OnMentorChange(fn func(Mentor)) { s.mentorChanged.On(fn) }

// NewService builds the registry's use-cases on its stores.
func NewService(inc IncubatorStore, inv Store[Investor], men Store[Mentor], startups StartupLookup, c clock.Clock) *Service {
	return &Service{incubators: inc, investors: inv, mentors: men, startups: startups, clock: c}
}

// checkStartups reports the IDs among ids that name no startup, at field.
func (s *Service) checkStartups(ctx context.Context, ids []string, field string) error {
	if len(ids) == 0 {
		return nil
	}
	found, err := s.startups.GetMany(ctx, ids)
	if err != nil {
		return err
	}
	var list errs.List
	for i, id := range ids {
		if _, ok := found[id]; !ok {
			list.Add(firm.EntityStartup.NotFound(field, fmt.Sprint(i)))
		}
	}
	return list.Err()
}

// Incubators returns every incubator.
func (s *Service) Incubators(ctx context.Context) ([]Incubator, error) { return s.incubators.All(ctx) }

// IncubatorsByID returns the incubators that exist among ids, for batched loads.
func (s *Service) IncubatorsByID(ctx context.Context, ids []string) (map[string]Incubator, error) {
	return s.incubators.GetMany(ctx, ids)
}

// IncubatorExists tells whether an incubator exists.
func (s *Service) IncubatorExists(ctx context.Context, id string) (bool, error) {
	m, err := s.incubators.GetMany(ctx, []string{id})
	return len(m) == 1, err
}

// Investor returns one investor.
func (s *Service) Investor(ctx context.Context, id string) (Investor, error) {
	return s.investors.Get(ctx, id)
}

// Investors returns a page of investors.
func (s *Service) Investors(ctx context.Context, p value.Page) (value.Slice[Investor], error) {
	return s.investors.List(ctx, p)
}

// CountInvestors counts the investors.
func (s *Service) CountInvestors(ctx context.Context) (int, error) { return s.investors.Count(ctx) }

// CreateInvestor registers an investor.
func (s *Service) CreateInvestor(ctx context.Context, d InvestorDraft) (Investor, error) {
	if err := policy.CreateInvestor(identity.FromContext(ctx)); err != nil {
		return Investor{}, err
	}
	return s.investorKind().create(ctx, s, d)
}

// UpdateInvestor changes an investor's profile, provided the caller saw the current version.
func (s *Service) UpdateInvestor(ctx context.Context, id string, version int64, patch InvestorPatch) (Investor, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Investor{}, err
	}
	return s.investorKind().update(ctx, s, id, version, patch, func(cur Investor) error { return policy.ManageInvestor(p, cur.ID) })
}

// InvestorsByID returns the investors among ids, for batched loads.
func (s *Service) InvestorsByID(ctx context.Context, ids []string) (map[string]Investor, error) {
	return s.investors.GetMany(ctx, ids)
}

// MentorsByID returns the mentors among ids, for batched loads.
func (s *Service) MentorsByID(ctx context.Context, ids []string) (map[string]Mentor, error) {
	return s.mentors.GetMany(ctx, ids)
}

// Mentor returns one mentor.
func (s *Service) Mentor(ctx context.Context, id string) (Mentor, error) {
	return s.mentors.Get(ctx, id)
}

// Mentors returns a page of mentors.
func (s *Service) Mentors(ctx context.Context, p value.Page) (value.Slice[Mentor], error) {
	return s.mentors.List(ctx, p)
}

// CountMentors counts the mentors.
func (s *Service) CountMentors(ctx context.Context) (int, error) { return s.mentors.Count(ctx) }

// CreateMentor registers a mentor.
func (s *Service) CreateMentor(ctx context.Context, d MentorDraft) (Mentor, error) {
	if err := policy.CreateMentor(identity.FromContext(ctx)); err != nil {
		return Mentor{}, err
	}
	return s.mentorKind().create(ctx, s, d)
}

// UpdateMentor changes a mentor's profile, provided the caller saw the current version.
func (s *Service) UpdateMentor(ctx context.Context, id string, version int64, patch MentorPatch) (Mentor, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Mentor{}, err
	}
	return s.mentorKind().update(ctx, s, id, version, patch, func(cur Mentor) error { return policy.ManageMentor(p, cur.Subject) })
}
