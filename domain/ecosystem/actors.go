package ecosystem

import (
	"context"
	"fmt"

	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// actorKind is what creating and updating an actor — an investor, a mentor
// — needs to know of its kind; the steps are the same for every kind: a
// profile validated from a draft, the startups it names checked, the write,
// and the listeners told.
type actorKind[E, P, D any] struct {
	name     string // in wrapped errors
	store    Store[E]
	changed  *record.Listeners[E]
	profile  func(D) (P, error)
	draft    func(P) D
	startups func(P) (ids []string, field string) // the startups the profile names, and the input naming them
	build    func(record.Meta, P) E
	parts    func(*E) (*record.Meta, *P)
}

func (s *Service) investorKind() actorKind[Investor, InvestorProfile, InvestorDraft] {
	return actorKind[Investor, InvestorProfile, InvestorDraft]{name: "investor", store: s.investors, changed: &s.investorChanged,
		profile: NewInvestorProfile, draft: InvestorProfile.Draft,
		startups: func(p InvestorProfile) ([]string, string) { return p.Portfolio, "portfolioStartupIds" },
		build:    func(m record.Meta, p InvestorProfile) Investor { return Investor{Meta: m, InvestorProfile: p} },
		parts:    func(i *Investor) (*record.Meta, *InvestorProfile) { return &i.Meta, &i.InvestorProfile },
	}
}

func (s *Service) mentorKind() actorKind[Mentor, MentorProfile, MentorDraft] {
	return actorKind[Mentor, MentorProfile, MentorDraft]{name: "mentor", store: s.mentors, changed: &s.mentorChanged,
		profile: NewMentorProfile, draft: MentorProfile.Draft,
		startups: func(p MentorProfile) ([]string, string) { return p.Mentees, "menteeIds" },
		build:    func(m record.Meta, p MentorProfile) Mentor { return Mentor{Meta: m, MentorProfile: p} },
		parts:    func(m *Mentor) (*record.Meta, *MentorProfile) { return &m.Meta, &m.MentorProfile },
	}
}

// create validates a draft and registers the actor.
func (k actorKind[E, P, D]) create(ctx context.Context, s *Service, d D) (E, error) {
	var zero E
	prof, err := k.profile(d)
	if err != nil {
		return zero, err
	}
	ids, field := k.startups(prof)
	if err := s.checkStartups(ctx, ids, field); err != nil {
		return zero, err
	}
	e := k.build(record.New(s.clock.Now()), prof)
	if err := k.store.Create(ctx, e); err != nil {
		return zero, fmt.Errorf("create %s: %w", k.name, err)
	}
	k.changed.Notify(e)
	return e, nil
}

// update overlays a patch on the actor's profile, provided may allows the
// caller and the caller saw the current version.
func (k actorKind[E, P, D]) update(ctx context.Context, s *Service, id string, version int64, patch any, may func(E) error) (E, error) {
	var zero E
	e, err := k.store.Update(ctx, id, func(cur *E) error {
		if err := may(*cur); err != nil {
			return err
		}
		meta, prof := k.parts(cur)
		d := k.draft(*prof)
		value.Overlay(&d, patch)
		next, err := k.profile(d)
		if err != nil {
			return err
		}
		ids, field := k.startups(next)
		if err := s.checkStartups(ctx, ids, field); err != nil {
			return err
		}
		if err := meta.Touch(version, s.clock.Now()); err != nil {
			return err
		}
		*prof = next
		return nil
	})
	if err != nil {
		return zero, fmt.Errorf("update %s %s: %w", k.name, id, err)
	}
	k.changed.Notify(e)
	return e, nil
}
