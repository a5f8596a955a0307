package matching

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

// Weights are data: versions numbered 1, 2, …, one ACTIVE, drafted by hand
// or fitted from the platform's outcomes, compared with the active one on
// the stored data (what-if), then published — the way criteria sets are.

// EntityWeights names weight versions in messages.
var EntityWeights = errs.Entity{VI: "bộ trọng số ghép nối", EN: "Matching weights"}

// weightsKey is the one key weight versions share.
const weightsKey = "matching"

// Origin is where a version of the weights came from.
type Origin string

// The origins of weight versions.
const (
	OriginShipped Origin = "SHIPPED" // DefaultWeights, created on first start
	OriginFitted  Origin = "FITTED"  // Fit on the stored outcomes
	OriginManual  Origin = "MANUAL"  // written by an admin
)

// WeightSet is one version of the factor weights.
type WeightSet struct {
	record.Meta
	Number  int
	Status  screening.SetStatus
	Origin  Origin
	Weights Weights
	Note    string
	Fit     []FitReport // for a fitted version, what the fit saw
}

// WeightStore keeps weight versions.
type WeightStore interface {
	Create(ctx context.Context, w WeightSet) error
	Get(ctx context.Context, id string) (WeightSet, error)
	Update(ctx context.Context, id string, fn func(*WeightSet) error) (WeightSet, error)
	// List returns the versions with a status (all when empty), by number.
	List(ctx context.Context, status screening.SetStatus) ([]WeightSet, error)
}

func (s *Service) versions() screening.Versions[WeightSet] {
	return screening.Versions[WeightSet]{List: s.weights.List, Update: s.weights.Update,
		Of: func(w *WeightSet) (string, string, int, *screening.SetStatus) {
			return w.ID, weightsKey, w.Number, &w.Status
		},
		Meta: func(w *WeightSet) *record.Meta { return &w.Meta }, Entity: EntityWeights, Clock: s.clock}
}

// ShipWeights creates version 1, active, of DefaultWeights when the store
// holds no version, so every deployment starts with them; a replica that
// finds another one just did leaves it.
func (s *Service) ShipWeights(ctx context.Context) error {
	all, err := s.weights.List(ctx, "")
	if err != nil || len(all) > 0 {
		return err
	}
	err = s.weights.Create(ctx, WeightSet{Meta: record.New(s.clock.Now()), Number: 1, Status: screening.SetActive,
		Origin: OriginShipped, Weights: DefaultWeights})
	if errs.KindOf(err) == errs.Conflict {
		return nil
	}
	return err
}

// activeWeights returns the weights to score with: the active version's,
// or DefaultWeights before any is stored.
func (s *Service) activeWeights(ctx context.Context) (*Weights, error) {
	active, err := s.versions().Active(ctx, func(WeightSet) bool { return true })
	if err != nil {
		return nil, err
	}
	if w, ok := active[weightsKey]; ok {
		return &w.Weights, nil
	}
	return &DefaultWeights, nil
}

// WeightSets lists the weight versions, newest first; admins.
func (s *Service) WeightSets(ctx context.Context) ([]WeightSet, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		return nil, err
	}
	all, err := s.weights.List(ctx, "")
	slices.Reverse(all)
	return all, err
}

// WeightSet returns one weight version; admins.
func (s *Service) WeightSet(ctx context.Context, id string) (WeightSet, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		return WeightSet{}, err
	}
	return s.weights.Get(ctx, id)
}

// draft stores w as the next version, a DRAFT.
func (s *Service) draft(ctx context.Context, w WeightSet) (WeightSet, error) {
	n, err := s.versions().Next(ctx, weightsKey)
	if err != nil {
		return WeightSet{}, err
	}
	w.Meta, w.Number, w.Status = record.New(s.clock.Now()), n, screening.SetDraft
	if err := s.weights.Create(ctx, w); err != nil {
		return WeightSet{}, fmt.Errorf("create weights: %w", err)
	}
	return w, nil
}

// maxNote bounds a weight version's note.
const maxNote = 2000

func checkNote(note string) error {
	if len([]rune(note)) > maxNote {
		return errs.InvalidValue(fmt.Sprintf("Ghi chú dài tối đa %d ký tự.", maxNote),
			fmt.Sprintf("A note is at most %d characters long.", maxNote), "note")
	}
	return nil
}

// CreateWeights drafts a version written by hand; admins.
func (s *Service) CreateWeights(ctx context.Context, entries []WeightEntry, note string) (WeightSet, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		return WeightSet{}, err
	}
	var list errs.List
	w, err := NewWeights(entries)
	list.Add(err)
	list.Add(checkNote(note))
	if err := list.Err(); err != nil {
		return WeightSet{}, err
	}
	return s.draft(ctx, WeightSet{Origin: OriginManual, Weights: w, Note: note})
}

// FitWeights fits weights on the stored outcomes (Fit, from the active
// weights) and drafts them; admins. The seed is today's date, so two fits
// on one day over the same data agree.
func (s *Service) FitWeights(ctx context.Context, note string) (WeightSet, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		return WeightSet{}, err
	}
	if err := checkNote(note); err != nil {
		return WeightSet{}, err
	}
	snap, err := s.snapshot(ctx)
	if err != nil {
		return WeightSet{}, err
	}
	w, reports := Fit(snap, *snap.Weights, value.DateOf(s.clock.Now()).String())
	return s.draft(ctx, WeightSet{Origin: OriginFitted, Weights: w, Note: note, Fit: reports})
}

// PublishWeights makes a draft the active version and retires the one it
// replaces; admins. The caller then rescores every match.
func (s *Service) PublishWeights(ctx context.Context, id string, version int64) (WeightSet, error) {
	return s.versions().Step(ctx, id, version, screening.SetDraft, screening.SetActive, nil)
}

// KindQuality is how well one version of the weights ranks one kind's
// hidden outcomes (see Evaluate).
type KindQuality struct {
	Kind     Kind
	Targets  int     // targets with a hidden outcome
	RecallAt float64 // share of hidden outcomes in the target's top K
	MRR      float64 // mean reciprocal rank, 0 beyond the top K
}

// Evaluate hides one positive outcome per target of s that has two or
// more (as Fit does, with seed) and reports, per kind with such targets,
// how many of them come back in the target's list, computed under w with
// o as the service computes it.
func Evaluate(s *Snapshot, w *Weights, seed string, o Options) []KindQuality {
	hidden := hideOne(s, seed)
	c := *s.without(hidden)
	c.Weights = w
	res := Compile(&c).All(o)
	positives := hiddenPairs(&c, hidden)
	var out []KindQuality
	for _, kind := range Kinds[:3] {
		q := KindQuality{Kind: kind, Targets: len(positives[kind])}
		for _, p := range positives[kind] {
			rank := slices.IndexFunc(res.TargetLists[kind][p[0]], func(x Scored) bool { return x.Index == p[1] })
			if rank >= 0 {
				q.RecallAt++
				q.MRR += 1 / float64(rank+1)
			}
		}
		if q.Targets > 0 {
			q.RecallAt /= float64(q.Targets)
			q.MRR /= float64(q.Targets)
			out = append(out, q)
		}
	}
	return out
}

// Comparison is the what-if of two weight versions on the stored data.
type Comparison struct {
	A, B       WeightSet
	QualityA   []KindQuality
	QualityB   []KindQuality
	Lists      int     // lists of startups and targets compared
	Changed    int     // lists whose top K differ between A and B
	MeanShared float64 // mean share of a list's top K that both keep
	At         time.Time
}

// CompareWeights scores the stored data under two versions: how well each
// ranks hidden outcomes, and how many lists would change; admins. Nothing
// is written.
func (s *Service) CompareWeights(ctx context.Context, a, b string) (Comparison, error) {
	if err := policy.ManageCriteria(identity.FromContext(ctx)); err != nil {
		return Comparison{}, err
	}
	c := Comparison{At: s.clock.Now()}
	var err error
	if c.A, err = s.weights.Get(ctx, a); err != nil {
		return c, at(err, "a")
	}
	if c.B, err = s.weights.Get(ctx, b); err != nil {
		return c, at(err, "b")
	}
	snap, err := s.snapshot(ctx)
	if err != nil {
		return c, err
	}
	seed := value.DateOf(c.At).String()
	c.QualityA, c.QualityB = Evaluate(snap, &c.A.Weights, seed, s.opts), Evaluate(snap, &c.B.Weights, seed, s.opts)
	sa, sb := *snap, *snap
	sa.Weights, sb.Weights = &c.A.Weights, &c.B.Weights
	ra, rb := Compile(&sa).All(s.opts), Compile(&sb).All(s.opts)
	shared := 0.0
	compare := func(x, y []Scored) {
		c.Lists++
		both := 0
		for _, e := range x {
			if slices.ContainsFunc(y, func(f Scored) bool { return f.Index == e.Index }) {
				both++
			}
		}
		if both != len(x) || len(x) != len(y) {
			c.Changed++
		}
		if n := max(len(x), len(y)); n > 0 {
			shared += float64(both) / float64(n)
		} else {
			shared++
		}
	}
	for _, kind := range Kinds {
		for i := range ra.StartupLists[kind] {
			compare(ra.StartupLists[kind][i], rb.StartupLists[kind][i])
		}
		for j := range ra.TargetLists[kind] {
			compare(ra.TargetLists[kind][j], rb.TargetLists[kind][j])
		}
	}
	if c.Lists > 0 {
		c.MeanShared = shared / float64(c.Lists)
	}
	return c, nil
}

// at puts a problem with one argument at that argument.
func at(err error, field string) error {
	var e *errs.Error
	if errors.As(err, &e) && errs.KindOf(err) != errs.Internal {
		return e.At(field)
	}
	return err
}
