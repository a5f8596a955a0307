package incentive

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

// Store keeps incentives.
type Store interface {
	Create(ctx context.Context, i Incentive) error
	Get(ctx context.Context, id string) (Incentive, error)
	Update(ctx context.Context, id string, fn func(*Incentive) error) (Incentive, error)
	// List returns the incentives with a status (all when empty), by key
	// and version.
	List(ctx context.Context, status Status) ([]Incentive, error)
}

// Result is a firm's stored standing on the version of an incentive in
// force when it was last judged, with its history: what statistics count.
// It is stored from the first time the firm qualifies — most firms never
// qualify for most incentives, and a standing not stored is one never met —
// and kept current after.
type Result struct {
	record.Meta
	StartupID        string
	IncubatorID      string
	Key              string
	IncentiveVersion int
	Standing         Standing
	AsOf             value.Date
	Outcomes         []screening.Outcome
	History          []Change // standing changes, oldest first
}

// Change is one change of a firm's standing on an incentive.
type Change struct {
	At               time.Time
	From, To         Standing // From is empty for the first judgement
	IncentiveVersion int
}

// ResultID is the stored ID of a firm's standing on an incentive.
func ResultID(key, startupID string) string { return key + "/" + startupID }

// ResultStore keeps standings.
type ResultStore interface {
	// GetMany returns the standings with these IDs (see ResultID) that are
	// stored, by ID.
	GetMany(ctx context.Context, ids []string) (map[string]Result, error)
	// Each calls fn for every stored standing.
	Each(ctx context.Context, fn func(Result) error) error
	// Save inserts new standings and replaces changed ones in bulk.
	Save(ctx context.Context, inserts, replaces []Result) error
}

// Sets compiles the active criteria sets, whose statuses conditions read.
type Sets interface {
	ActivePlans(ctx context.Context) ([]*screening.Plan, error)
}

// Service holds the incentive use-cases.
type Service struct {
	store    Store
	results  ResultStore
	benefits BenefitStore
	sets     Sets
	firms    screening.Firms
	clock    clock.Clock
}

// NewService builds the incentive use-cases.
func NewService(store Store, results ResultStore, benefits BenefitStore, sets Sets, firms screening.Firms, c clock.Clock) *Service {
	return &Service{store: store, results: results, benefits: benefits, sets: sets, firms: firms, clock: c}
}

// Incentives lists incentives with a status (all when empty); public, like
// the law they come from.
func (s *Service) Incentives(ctx context.Context, status Status) ([]Incentive, error) {
	return s.store.List(ctx, status)
}

// Incentive returns one incentive.
func (s *Service) Incentive(ctx context.Context, id string) (Incentive, error) {
	return s.store.Get(ctx, id)
}

// versions are the incentives' versions, kept as criteria sets' are.
func (s *Service) versions() screening.Versions[Incentive] {
	return screening.Versions[Incentive]{List: s.store.List, Update: s.store.Update,
		Of:   func(i *Incentive) (string, string, int, *Status) { return i.ID, i.Key, i.IncentiveVersion, &i.Status },
		Meta: func(i *Incentive) *record.Meta { return &i.Meta }, Entity: EntityIncentive, Clock: s.clock}
}

// Create drafts the next version of an incentive (version 1 for a new key);
// admins.
func (s *Service) Create(ctx context.Context, spec Spec) (Incentive, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		return Incentive{}, err
	}
	spec, err := NewSpec(spec)
	if err != nil {
		return Incentive{}, err
	}
	version, err := s.versions().Next(ctx, spec.Key)
	if err != nil {
		return Incentive{}, err
	}
	i := Incentive{Meta: record.New(s.clock.Now()), Spec: spec, IncentiveVersion: version, Status: Draft}
	if err := s.store.Create(ctx, i); err != nil {
		return Incentive{}, fmt.Errorf("create incentive: %w", err)
	}
	return i, nil
}

// Ship creates version 1, active, of each shipped incentive whose key the
// store does not hold yet, so every deployment starts with the catalogue;
// it returns how many it created.
func (s *Service) Ship(ctx context.Context, specs []Spec) (int, error) {
	all, err := s.store.List(ctx, "")
	if err != nil {
		return 0, err
	}
	n := 0
	for _, spec := range specs {
		if slices.ContainsFunc(all, func(i Incentive) bool { return i.Key == spec.Key }) {
			continue
		}
		spec, err := NewSpec(spec)
		if err != nil {
			return n, fmt.Errorf("shipped incentive %s: %w", spec.Key, err)
		}
		err = s.store.Create(ctx, Incentive{Meta: record.New(s.clock.Now()), Spec: spec, IncentiveVersion: 1, Status: Active})
		if errs.KindOf(err) == errs.Conflict {
			continue // another replica shipped it first
		}
		if err != nil {
			return n, fmt.Errorf("ship incentive %s: %w", spec.Key, err)
		}
		n++
	}
	return n, nil
}

// Update replaces a draft's content; the key stays.
func (s *Service) Update(ctx context.Context, id string, version int64, spec Spec) (Incentive, error) {
	return s.versions().Step(ctx, id, version, Draft, Draft, func(i *Incentive) error {
		spec.Key = i.Key
		checked, err := NewSpec(spec)
		if err != nil {
			return err
		}
		i.Spec = checked
		return nil
	})
}

// Publish makes a draft the active version of its key and retires the
// version it replaces. The caller then judges every firm again.
func (s *Service) Publish(ctx context.Context, id string, version int64) (Incentive, error) {
	return s.versions().Step(ctx, id, version, Draft, Active, nil)
}

// Retire withdraws an active incentive: firms no longer see it.
func (s *Service) Retire(ctx context.Context, id string, version int64) (Incentive, error) {
	return s.versions().Step(ctx, id, version, Active, Retired, nil)
}

// catalogue compiles the active version of every key in force on a date,
// by key.
func (s *Service) catalogue(ctx context.Context, on value.Date) ([]*Plan, error) {
	latest, err := s.versions().Active(ctx, func(i Incentive) bool { return i.InForce(on) })
	if err != nil {
		return nil, err
	}
	plans := make([]*Plan, 0, len(latest))
	for _, i := range latest {
		p, err := Compile(i)
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}
	slices.SortFunc(plans, func(a, b *Plan) int { return cmp.Compare(a.Incentive.Key, b.Incentive.Key) })
	return plans, nil
}

// Entry is a firm's standing on one incentive in force.
type Entry struct {
	Incentive Incentive
	Judgement
}

// Of judges a firm on every incentive in force now, from its data as it
// is — so adding a certificate shows at once — for its members, its
// incubator's managers and admins. Those it qualifies for come first.
func (s *Service) Of(ctx context.Context, f firm.Startup) ([]Entry, error) {
	if err := policy.ManageStartup(identity.FromContext(ctx), f.ID, f.IncubatorID); err != nil {
		return nil, err
	}
	asOf := value.DateOf(s.clock.Now())
	plans, err := s.catalogue(ctx, asOf)
	if err != nil {
		return nil, err
	}
	sets, err := s.sets.ActivePlans(ctx)
	if err != nil {
		return nil, err
	}
	sub := Subject(f, asOf, sets)
	out := make([]Entry, len(plans))
	for i, p := range plans {
		out[i] = Entry{Incentive: p.Incentive, Judgement: p.Judge(sub)}
	}
	rank := map[Standing]int{Qualifies: 0, MissingEvidence: 1, NotYet: 2}
	slices.SortStableFunc(out, func(a, b Entry) int { return cmp.Compare(rank[a.Standing], rank[b.Standing]) })
	return out, nil
}

// Stats says what a judging run did.
type Stats struct {
	Firms, Judgements, Changed int
}

// Judge judges firms on every incentive in force and stores what changed:
// all firms when ids is empty (the nightly job, or after the catalogue or
// a criteria set changed), otherwise just those (after a firm changed).
// Runs are idempotent, so replicas and retries may overlap.
func (s *Service) Judge(ctx context.Context, ids []string) (Stats, error) {
	now := s.clock.Now()
	asOf := value.DateOf(now)
	plans, err := s.catalogue(ctx, asOf)
	if err != nil || len(plans) == 0 {
		return Stats{}, err
	}
	sets, err := s.sets.ActivePlans(ctx)
	if err != nil {
		return Stats{}, err
	}
	// The stored standings of these firms, read by ID: a firm's few, not a
	// scan of every firm's.
	stored := map[string]Result{}
	if len(ids) == 0 {
		err = s.results.Each(ctx, func(r Result) error {
			stored[r.ID] = r
			return nil
		})
	} else {
		want := make([]string, 0, len(ids)*len(plans))
		for _, id := range ids {
			for _, p := range plans {
				want = append(want, ResultID(p.Incentive.Key, id))
			}
		}
		stored, err = s.results.GetMany(ctx, want)
	}
	if err != nil {
		return Stats{}, err
	}
	var st Stats
	err = screening.Sweep(ctx, s.firms, ids, func(f firm.Startup) (inserts, replaces []Result) {
		st.Firms++
		sub := Subject(f, asOf, sets)
		for _, p := range plans {
			j := p.Judge(sub)
			st.Judgements++
			id := ResultID(p.Incentive.Key, f.ID)
			prev, found := stored[id]
			next := Result{Meta: prev.Meta, StartupID: f.ID, IncubatorID: f.IncubatorID, Key: p.Incentive.Key,
				IncentiveVersion: p.Incentive.IncentiveVersion, Standing: j.Standing, AsOf: asOf, Outcomes: j.Outcomes,
				History: prev.History}
			if !found && j.Standing != Qualifies ||
				found && prev.Standing == next.Standing && prev.IncentiveVersion == next.IncentiveVersion &&
					prev.IncubatorID == next.IncubatorID && slices.EqualFunc(prev.Outcomes, next.Outcomes, screening.SameOutcome) {
				continue
			}
			if !found || prev.Standing != next.Standing {
				next.History = append(slices.Clone(prev.History), Change{At: now, From: prev.Standing, To: next.Standing,
					IncentiveVersion: next.IncentiveVersion})
			}
			next.UpdatedAt = now
			st.Changed++
			if found {
				replaces = append(replaces, next)
			} else {
				next.Meta = record.Meta{ID: id, Version: 1, CreatedAt: now, UpdatedAt: now}
				inserts = append(inserts, next)
			}
		}
		return inserts, replaces
	}, s.results.Save)
	return st, err
}
