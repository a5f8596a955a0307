package screening

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Result is a firm's latest screening against the active version of a set.
type Result struct {
	record.Meta
	StartupID   string
	IncubatorID string // copied from the firm, so incubators can list their cohort
	SetKey      string
	SetVersion  int
	Status      Status
	AsOf        value.Date
	Outcomes    []Outcome
	History     []Change // status changes, oldest first
}

// Change is one change of a firm's status against a set.
type Change struct {
	At         time.Time
	From, To   Status // From is empty for the first screening
	SetVersion int
}

// ResultID is the stored ID of a firm's result against a set.
func ResultID(setKey, startupID string) string { return setKey + "/" + startupID }

// SetStore keeps criteria sets.
type SetStore interface {
	Create(ctx context.Context, s CriteriaSet) error
	Get(ctx context.Context, id string) (CriteriaSet, error)
	Update(ctx context.Context, id string, fn func(*CriteriaSet) error) (CriteriaSet, error)
	// List returns the sets with a status (all when empty), by key and version.
	List(ctx context.Context, status SetStatus) ([]CriteriaSet, error)
}

// ResultFilter narrows a list of results; zero fields do not filter.
type ResultFilter struct {
	SetKey      string
	Status      Status
	StartupID   string
	StartupIDs  []string // any of them, when set
	IncubatorID string
}

// ResultStore keeps screening results.
type ResultStore interface {
	// Find returns the results matching f.
	Find(ctx context.Context, f ResultFilter) ([]Result, error)
	// Save inserts new results and replaces changed ones in bulk.
	Save(ctx context.Context, inserts, replaces []Result) error
	List(ctx context.Context, f ResultFilter, p value.Page) (value.Slice[Result], error)
	Count(ctx context.Context, f ResultFilter) (int, error)
	CountByStatus(ctx context.Context, f ResultFilter) (map[Status]int, error)
}

// Firms reads the firms to screen.
type Firms interface {
	Each(ctx context.Context, fn func(firm.Startup) error) error
	GetMany(ctx context.Context, ids []string) (map[string]firm.Startup, error)
}

// Service holds the screening use-cases.
type Service struct {
	sets    SetStore
	results ResultStore
	firms   Firms
	clock   clock.Clock
}

// NewService builds the screening use-cases.
func NewService(sets SetStore, results ResultStore, firms Firms, c clock.Clock) *Service {
	return &Service{sets: sets, results: results, firms: firms, clock: c}
}

// Sets lists criteria sets with a status (all when empty); public.
func (s *Service) Sets(ctx context.Context, status SetStatus) ([]CriteriaSet, error) {
	return s.sets.List(ctx, status)
}

// Set returns one criteria set.
func (s *Service) Set(ctx context.Context, id string) (CriteriaSet, error) {
	return s.sets.Get(ctx, id)
}

// versions are the criteria sets' versions.
func (s *Service) versions() Versions[CriteriaSet] {
	return Versions[CriteriaSet]{List: s.sets.List, Update: s.sets.Update,
		Of:   func(c *CriteriaSet) (string, string, int, *SetStatus) { return c.ID, c.Key, c.SetVersion, &c.Status },
		Meta: func(c *CriteriaSet) *record.Meta { return &c.Meta }, Entity: EntitySet, Clock: s.clock}
}

// CreateSet drafts the next version of a set (version 1 for a new key).
func (s *Service) CreateSet(ctx context.Context, spec SetSpec) (CriteriaSet, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		return CriteriaSet{}, err
	}
	spec, err := NewSetSpec(spec)
	if err != nil {
		return CriteriaSet{}, err
	}
	version, err := s.versions().Next(ctx, spec.Key)
	if err != nil {
		return CriteriaSet{}, err
	}
	set := CriteriaSet{Meta: record.New(s.clock.Now()), SetSpec: spec, SetVersion: version, Status: SetDraft}
	if err := s.sets.Create(ctx, set); err != nil {
		return CriteriaSet{}, fmt.Errorf("create criteria set: %w", err)
	}
	return set, nil
}

// UpdateSet replaces the content of a draft; the key stays.
func (s *Service) UpdateSet(ctx context.Context, id string, version int64, spec SetSpec) (CriteriaSet, error) {
	return s.versions().Step(ctx, id, version, SetDraft, SetDraft, func(c *CriteriaSet) error {
		spec.Key = c.Key
		checked, err := NewSetSpec(spec)
		if err != nil {
			return err
		}
		c.SetSpec = checked
		return nil
	})
}

// PublishSet makes a draft the active version of its key and retires the
// version it replaces. The caller then re-screens every firm (see Screen).
func (s *Service) PublishSet(ctx context.Context, id string, version int64) (CriteriaSet, error) {
	return s.versions().Step(ctx, id, version, SetDraft, SetActive, nil)
}

// RetireSet stops screening against an active set.
func (s *Service) RetireSet(ctx context.Context, id string, version int64) (CriteriaSet, error) {
	return s.versions().Step(ctx, id, version, SetActive, SetRetired, nil)
}

// ActivePlans compiles the active version of every key, by key; if a
// publication is half done, the higher version wins.
func (s *Service) ActivePlans(ctx context.Context) ([]*Plan, error) {
	latest, err := s.versions().Active(ctx, func(CriteriaSet) bool { return true })
	if err != nil {
		return nil, err
	}
	var plans []*Plan
	for _, set := range latest {
		p, err := Compile(set)
		if err != nil {
			return nil, err
		}
		plans = append(plans, p)
	}
	slices.SortFunc(plans, func(a, b *Plan) int { return cmp.Compare(a.Set.Key, b.Set.Key) })
	return plans, nil
}

// Stats says what a screening run did.
type Stats struct {
	Firms, Evaluations, Changed int
}

// Screen evaluates firms against every active set and stores what changed:
// all firms when ids is empty (the nightly job, or after a publication),
// otherwise just those (after a profile change). Runs are idempotent, so
// replicas and retries may overlap.
func (s *Service) Screen(ctx context.Context, ids []string) (Stats, error) {
	plans, err := s.ActivePlans(ctx)
	if err != nil || len(plans) == 0 {
		return Stats{}, err
	}
	now := s.clock.Now()
	asOf := value.DateOf(now)
	// One read of the stored results of these firms for all sets.
	read := ResultFilter{StartupIDs: ids}
	all, err := s.results.Find(ctx, read)
	if err != nil {
		return Stats{}, err
	}
	stored := make(map[string]Result, len(all))
	for _, r := range all {
		stored[ResultID(r.SetKey, r.StartupID)] = r
	}
	var st Stats
	err = Sweep(ctx, s.firms, ids, func(f firm.Startup) (inserts, replaces []Result) {
		st.Firms++
		sub := NewSubject(f, asOf)
		for _, p := range plans {
			status, outcomes := p.Evaluate(sub)
			st.Evaluations += len(outcomes)
			prev, found := stored[ResultID(p.Set.Key, f.ID)]
			next := Result{Meta: prev.Meta, StartupID: f.ID, IncubatorID: f.IncubatorID, SetKey: p.Set.Key,
				SetVersion: p.Set.SetVersion, Status: status, AsOf: asOf, Outcomes: outcomes, History: prev.History}
			if found && prev.Status == status && prev.SetVersion == next.SetVersion && prev.IncubatorID == next.IncubatorID &&
				slices.EqualFunc(prev.Outcomes, outcomes, SameOutcome) {
				continue
			}
			if !found || prev.Status != status {
				next.History = append(slices.Clone(prev.History), Change{At: now, From: prev.Status, To: status, SetVersion: next.SetVersion})
			}
			next.UpdatedAt = now
			st.Changed++
			if found {
				replaces = append(replaces, next)
			} else {
				next.Meta = record.Meta{ID: ResultID(p.Set.Key, f.ID), Version: 1, CreatedAt: now, UpdatedAt: now}
				inserts = append(inserts, next)
			}
		}
		return inserts, replaces
	}, s.results.Save)
	return st, err
}

// SameOutcome reports whether two outcomes of a criterion say the same.
func SameOutcome(a, b Outcome) bool {
	return a.Key == b.Key && a.Passed == b.Passed && a.Error == b.Error && slices.Equal(a.Missing, b.Missing)
}

// RunScreening screens the given startups now, or every firm when
// startupIDs is nil; admins only. An empty list, or a startup that does not
// exist, is refused before anything is screened.
func (s *Service) RunScreening(ctx context.Context, startupIDs []string) (Stats, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		return Stats{}, err
	}
	if startupIDs != nil {
		if len(startupIDs) == 0 {
			return Stats{}, errs.InvalidValue("Hãy chọn ít nhất một doanh nghiệp, hoặc bỏ trống để sàng lọc tất cả.",
				"Name at least one startup, or leave startupIds out to screen every firm.", "startupIds")
		}
		found, err := s.firms.GetMany(ctx, startupIDs)
		if err != nil {
			return Stats{}, err
		}
		var list errs.List
		for i, id := range startupIDs {
			if _, ok := found[id]; !ok {
				list.Add(firm.EntityStartup.NotFound("startupIds", strconv.Itoa(i)))
			}
		}
		if err := list.Err(); err != nil {
			return Stats{}, err
		}
	}
	return s.Screen(ctx, startupIDs)
}

// PreviewChange is one firm whose status a draft would change.
type PreviewChange struct {
	StartupID string
	From, To  Status // From is empty when the firm has no result yet
}

// Preview is what publishing a draft would change.
type Preview struct {
	Firms   int
	Changes []PreviewChange // every firm whose status would change
}

// PreviewSet evaluates every firm against a draft and compares with their
// stored results against the active version of its key, writing nothing.
func (s *Service) PreviewSet(ctx context.Context, id string) (Preview, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		return Preview{}, err
	}
	set, err := s.sets.Get(ctx, id)
	if err != nil {
		return Preview{}, err
	}
	if set.Status != SetDraft {
		return Preview{}, wrongStatus(EntitySet, set.Status, "xem trước", "previewed")
	}
	p, err := Compile(set)
	if err != nil {
		return Preview{}, err
	}
	found, err := s.results.Find(ctx, ResultFilter{SetKey: set.Key})
	if err != nil {
		return Preview{}, err
	}
	stored := make(map[string]Result, len(found))
	for _, r := range found {
		stored[r.StartupID] = r
	}
	asOf := value.DateOf(s.clock.Now())
	var out Preview
	err = s.firms.Each(ctx, func(f firm.Startup) error {
		out.Firms++
		status, _ := p.Evaluate(NewSubject(f, asOf))
		if prev := stored[f.ID].Status; prev != status {
			out.Changes = append(out.Changes, PreviewChange{StartupID: f.ID, From: prev, To: status})
		}
		return nil
	})
	slices.SortFunc(out.Changes, func(a, b PreviewChange) int { return cmp.Compare(a.StartupID, b.StartupID) })
	return out, err
}

// ResultsOf returns a firm's results against the sets in force, to whoever
// may read its confidential data.
func (s *Service) ResultsOf(ctx context.Context, st firm.Startup) ([]Result, error) {
	if err := policy.ManageStartup(identity.FromContext(ctx), st.ID, st.IncubatorID); err != nil {
		return nil, err
	}
	found, err := s.results.Find(ctx, ResultFilter{StartupID: st.ID})
	if err != nil {
		return nil, err
	}
	active, err := s.sets.List(ctx, SetActive)
	if err != nil {
		return nil, err
	}
	out := slices.DeleteFunc(found, func(r Result) bool {
		return !slices.ContainsFunc(active, func(a CriteriaSet) bool { return a.Key == r.SetKey })
	})
	slices.SortFunc(out, func(a, b Result) int { return cmp.Compare(a.SetKey, b.SetKey) })
	return out, nil
}

// scope narrows a results filter to what the caller may see: everything for
// admins, an incubator's cohort for its managers, a firm's own results for
// its members; anybody else is refused.
func scope(ctx context.Context, f ResultFilter) (ResultFilter, error) {
	p := identity.FromContext(ctx)
	switch {
	case p.Has(identity.RoleAdmin):
	case p.Has(identity.RoleIncubatorManager) && p.OrgID != "":
		f.IncubatorID = p.OrgID
	case p.Has(identity.RoleStartupMember) && p.OrgID != "":
		f.StartupID = p.OrgID
	default:
		if err := policy.Authenticated(p); err != nil {
			return f, err
		}
		return f, errs.Forbidden()
	}
	return f, nil
}

// ListResults lists the results the caller may see.
func (s *Service) ListResults(ctx context.Context, f ResultFilter, p value.Page) (value.Slice[Result], error) {
	f, err := scope(ctx, f)
	if err != nil {
		return value.Slice[Result]{}, err
	}
	return s.results.List(ctx, f, p)
}

// CountResults counts what ListResults lists.
func (s *Service) CountResults(ctx context.Context, f ResultFilter) (int, error) {
	f, err := scope(ctx, f)
	if err != nil {
		return 0, err
	}
	return s.results.Count(ctx, f)
}

// CountByStatus counts the results the caller may see per status.
func (s *Service) CountByStatus(ctx context.Context, f ResultFilter) (map[Status]int, error) {
	f, err := scope(ctx, f)
	if err != nil {
		return nil, err
	}
	return s.results.CountByStatus(ctx, f)
}
