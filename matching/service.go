package matching

import (
	"context"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"log/slog"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/value"
)

// Sources reads the entities a snapshot is built from.
type Sources interface {
	Startups(ctx context.Context) ([]firm.Startup, error)
	OpenCalls(ctx context.Context) ([]funding.Call, error)
	Investors(ctx context.Context) ([]ecosystem.Investor, error)
	Mentors(ctx context.Context) ([]ecosystem.Mentor, error)
	Incubators(ctx context.Context) ([]ecosystem.Incubator, error)
	// Outcomes reads what happened between startups and targets: every
	// application, and investors' deals.
	Outcomes(ctx context.Context) (Outcomes, error)
}

// Outcomes are what happened between startups and targets.
type Outcomes struct {
	Applied []PairKey           // startup–call pairs with an application
	Graded  map[PairKey]float64 // Snapshot.Outcomes: deals and applications by how far they went
}

// Owner is who a stored list belongs to: a startup, or a target of the
// kind named.
type Owner string

// The owners of lists.
const (
	OwnerStartup  Owner = "STARTUP"
	OwnerCall     Owner = "FUND_CALL"
	OwnerInvestor Owner = "INVESTOR"
	OwnerMentor   Owner = "MENTOR"
)

// targetOwner is the owner of the lists of targets of kind k.
var targetOwner = [numKinds]Owner{OwnerCall, OwnerInvestor, OwnerMentor, ""}

// ListKey names one stored list: a startup's targets of Kind, or a target's
// startups (Kind is then the target's own kind).
type ListKey struct {
	Owner   Owner
	OwnerID string
	Kind    Kind
}

// ID is the list's document ID.
func (k ListKey) ID() string { return string(k.Owner) + ":" + k.OwnerID + ":" + k.Kind.String() }

// ItemKind is the kind of the list's items: Kind, but startups in the
// lists of a call, investor or mentor (whose Kind is their own).
func (k ListKey) ItemKind() Kind {
	switch k.Owner {
	case OwnerCall, OwnerInvestor, OwnerMentor:
		return KindStartup
	}
	return k.Kind
}

// Item is one match in a stored list.
type Item struct {
	TargetID    string // a startup's ID in a target's list
	Score       float64
	Explanation []Contribution
}

// List is a stored ranked list. It is written whole, so readers see either
// the old list or the new one.
type List struct {
	Key        ListKey
	Items      []Item
	ComputedAt time.Time
}

// Floor is what a list's admission test needs: its size and lowest score.
type Floor struct {
	Key     ListKey
	Size    int
	Lowest  float64
	Members []string
}

func (f Floor) admits(sc float64, k int) bool { return f.Size < k || sc > f.Lowest }

// ListStore keeps the ranked lists and the feedback on pairs.
type ListStore interface {
	Get(ctx context.Context, key ListKey) (List, bool, error)
	// GetMany returns the stored lists among keys, by list ID.
	GetMany(ctx context.Context, keys []ListKey) (map[string]List, error)
	// Floors returns the floor of every list of an owner kind and kind.
	Floors(ctx context.Context, owner Owner, kind Kind) ([]Floor, error)
	// Write inserts new lists and replaces stored ones whole.
	Write(ctx context.Context, inserts, replaces []List) error
	// Digests returns the digest of each stored list among ids, or of every
	// stored list when ids is nil, by list ID.
	Digests(ctx context.Context, ids []string) (map[string]uint64, error)
	// Delete deletes lists by ID.
	Delete(ctx context.Context, ids []string) error
	// Update rewrites one list through fn only over the version it read.
	Update(ctx context.Context, key ListKey, fn func(*List)) error
	Feedback(ctx context.Context) (map[PairKey]Signal, error)
	// SetFeedback changes the signal of one pair atomically.
	SetFeedback(ctx context.Context, key PairKey, fn func(*Signal)) error
}

// Lookups read the entities that decide who may see an owner's lists.
type Lookups struct {
	Startup func(ctx context.Context, id string) (firm.Startup, error)
	Call    func(ctx context.Context, id string) (funding.Call, error)
	Mentor  func(ctx context.Context, id string) (ecosystem.Mentor, error)
}

// canSee lets an owner's own people see and act on its lists: a startup's
// members and incubator managers, a call's fund managers, an investor's
// users, a mentor; and admins.
func (l Lookups) canSee(ctx context.Context, owner Owner, id string) error {
	p := identity.FromContext(ctx)
	switch owner {
	case OwnerStartup:
		st, err := l.Startup(ctx, id)
		if err != nil {
			return err
		}
		return policy.ManageStartup(p, id, st.IncubatorID)
	case OwnerCall:
		c, err := l.Call(ctx, id)
		if err != nil {
			return err
		}
		return policy.ManageFund(p, c.FundID)
	case OwnerInvestor:
		return policy.ManageInvestor(p, id)
	default:
		m, err := l.Mentor(ctx, id)
		if err != nil {
			return err
		}
		return policy.ManageMentor(p, m.Subject)
	}
}

// Service keeps every entity's match lists current: a full rescore on
// schedule, and an incremental one for each changed entity.
type Service struct {
	src     Sources
	lists   ListStore
	weights WeightStore
	access  Lookups
	clock   clock.Clock
	log     *slog.Logger
	opts    Options

	// mu serialises rescoring in this process, so two changes never write
	// lists computed from different snapshots out of order.
	mu sync.Mutex

	pendingMu sync.Mutex
	pending   map[change]bool
	// taken counts the changes a RescoreChanged run is rescoring.
	taken int
	bg    *background
}

// NewService wires the matching use-cases.
func NewService(src Sources, lists ListStore, weights WeightStore, access Lookups, c clock.Clock, log *slog.Logger, o Options) *Service {
	return &Service{src: src, lists: lists, weights: weights, access: access, clock: c, log: log, opts: o.withDefaults(),
		pending: map[change]bool{}, bg: newBackground("rescore changed matches", log)}
}

// Stats counts what a rescore did: the lists computed, and those written
// because they changed.
type Stats struct {
	Startups, Targets, Pairs, Lists, Written int
	Took                                     time.Duration
}

// Digest sums up what a list says: its targets, scores and explanations.
// A list whose digest is unchanged is not written again.
func (l List) Digest() uint64 {
	h := fnv.New64a()
	num := func(f float64) { h.Write(binary.LittleEndian.AppendUint64(nil, math.Float64bits(f))) }
	for _, it := range l.Items {
		h.Write([]byte(it.TargetID + "\x00"))
		num(it.Score)
		for _, c := range it.Explanation {
			num(c.Value)
			h.Write([]byte(strings.Join(c.Args, "\x00") + "\x01"))
		}
	}
	return h.Sum64()
}

// write stores the lists that changed; with prune, it also deletes every
// stored list not among them, whose owner is gone (a closed call).
func (s *Service) write(ctx context.Context, lists []List, prune bool) (int, error) {
	return writeLists(ctx, s.lists, lists, prune)
}

// writeLists stores in store the lists whose digest changed; with prune,
// it also deletes every stored list not among them.
func writeLists(ctx context.Context, store ListStore, lists []List, prune bool) (int, error) {
	var ids []string
	if !prune {
		for _, l := range lists {
			ids = append(ids, l.Key.ID())
		}
	}
	stored, err := store.Digests(ctx, ids)
	if err != nil {
		return 0, err
	}
	var inserts, replaces []List
	for _, l := range lists {
		d, ok := stored[l.Key.ID()]
		switch {
		case !ok:
			inserts = append(inserts, l)
		case d != l.Digest():
			replaces = append(replaces, l)
		}
		delete(stored, l.Key.ID())
	}
	if err := store.Write(ctx, inserts, replaces); err != nil {
		return 0, err
	}
	written := len(inserts) + len(replaces)
	if prune && len(stored) > 0 {
		return written, store.Delete(ctx, slices.Collect(maps.Keys(stored)))
	}
	return written, nil
}

// snapshot loads every entity, with feedback and the eligibility rules of
// the open calls judged today.
func (s *Service) snapshot(ctx context.Context) (*Snapshot, error) {
	startups, err := s.src.Startups(ctx)
	if err != nil {
		return nil, err
	}
	open, err := s.src.OpenCalls(ctx)
	if err != nil {
		return nil, err
	}
	now := s.clock.Now()
	var calls []funding.Call
	for _, c := range open {
		if c.AcceptsAt(now) {
			calls = append(calls, c)
		}
	}
	investors, err := s.src.Investors(ctx)
	if err != nil {
		return nil, err
	}
	mentors, err := s.src.Mentors(ctx)
	if err != nil {
		return nil, err
	}
	incubators, err := s.src.Incubators(ctx)
	if err != nil {
		return nil, err
	}
	feedback, err := s.lists.Feedback(ctx)
	if err != nil {
		return nil, err
	}
	outcomes, err := s.src.Outcomes(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range outcomes.Applied {
		sig := feedback[p]
		sig.Positive = true
		feedback[p] = sig
	}
	snap := build(startups, calls, investors, mentors, incubators, feedback)
	snap.Outcomes = outcomes.Graded
	if snap.Weights, err = s.activeWeights(ctx); err != nil {
		return nil, err
	}
	snap.Now = now
	today := value.DateOf(now)
	snap.Eligible = func(i, j int) bool { return calls[j].CheckEligibility(startups[i], today).Eligible() }
	return snap, nil
}

// build turns domain entities into a snapshot.
func build(startups []firm.Startup, calls []funding.Call, investors []ecosystem.Investor, mentors []ecosystem.Mentor,
	incubators []ecosystem.Incubator, feedback map[PairKey]Signal) *Snapshot {
	s := &Snapshot{Feedback: feedback}
	for _, x := range startups {
		s.Startups = append(s.Startups, Startup{ID: x.ID, Sectors: x.Sectors, Stage: x.Stage, Ward: x.Ward.String(),
			IncubatorID: x.IncubatorID, Text: x.Name + ". " + x.Description, FundingNeed: int64(x.Financials.FundingNeed),
			ActiveAt: x.UpdatedAt})
	}
	for _, c := range calls {
		s.Calls = append(s.Calls, Call{ID: c.ID, Sectors: c.Sectors, Wards: c.Wards, TicketMin: int64(c.Ticket.Min),
			TicketMax: int64(c.Ticket.Max), Text: c.Title + ". " + c.Description})
	}
	for _, v := range investors {
		s.Investors = append(s.Investors, Investor{ID: v.ID, Sectors: v.Thesis.Sectors, Stages: v.Thesis.Stages,
			TicketMin: int64(v.Thesis.Ticket.Min), TicketMax: int64(v.Thesis.Ticket.Max), Geography: v.Thesis.Geography,
			Text: v.Name + ". " + v.Description, Portfolio: v.Portfolio})
	}
	for _, m := range mentors {
		s.Mentors = append(s.Mentors, Mentor{ID: m.ID, Expertise: m.Expertise, Text: m.Affiliation + ". " + m.Bio,
			Capacity: m.Capacity, Mentees: m.Mentees})
	}
	for _, inc := range incubators {
		for _, p := range inc.Programs {
			s.Programs = append(s.Programs, Program{IncubatorID: inc.ID, Name: p.Name, Ward: inc.Ward.String(),
				Sectors: p.Sectors, Stages: p.Stages, Text: p.Name + ". " + p.Description})
		}
	}
	return s
}

// RescoreAll recomputes every list and deletes those whose owner is gone
// (a closed call, a removed programme).
func (s *Service) RescoreAll(ctx context.Context) (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	now := s.clock.Now()
	snap, err := s.snapshot(ctx)
	if err != nil {
		return Stats{}, err
	}
	e := Compile(snap)
	lists := e.lists(e.All(s.opts), now)
	written, err := s.write(ctx, lists, true)
	if err != nil {
		return Stats{}, err
	}
	targets := len(snap.Calls) + len(snap.Investors) + len(snap.Mentors) + len(snap.Programs)
	return Stats{Startups: len(snap.Startups), Targets: targets, Pairs: len(snap.Startups) * targets,
		Lists: len(lists), Written: written, Took: time.Since(start)}, nil
}

// lists explains every match of a result, on every core, into the lists
// to store: each startup's four, then each target's.
func (e *Engine) lists(res *Result, now time.Time) []List {
	n := len(e.st)
	out := make([]List, int(numKinds)*n, int(numKinds)*n+len(e.tg[KindFundCall])+len(e.tg[KindInvestor])+len(e.tg[KindMentor]))
	parallel(n, 0, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			for _, k := range Kinds {
				out[int(k)*n+i] = e.startupList(k, i, res.StartupLists[k][i], now)
			}
		}
	})
	for _, k := range Kinds {
		targets := make([]List, len(res.TargetLists[k]))
		parallel(len(targets), 0, func(lo, hi int) {
			for j := lo; j < hi; j++ {
				targets[j] = e.targetList(k, j, res.TargetLists[k][j], now)
			}
		})
		out = append(out, targets...)
	}
	return out
}

func (e *Engine) startupList(k Kind, i int, l []Scored, now time.Time) List {
	out := List{Key: ListKey{OwnerStartup, e.snap.Startups[i].ID, k}, ComputedAt: now, Items: []Item{}}
	for _, m := range l {
		out.Items = append(out.Items, Item{TargetID: e.snap.Ref(k, m.Index).ID, Score: m.Score, Explanation: e.Explain(k, i, m.Index)})
	}
	return out
}

func (e *Engine) targetList(k Kind, j int, l []Scored, now time.Time) List {
	out := List{Key: ListKey{targetOwner[k], e.snap.Ref(k, j).ID, k}, ComputedAt: now, Items: []Item{}}
	for _, m := range l {
		out.Items = append(out.Items, Item{TargetID: e.snap.Startups[m.Index].ID, Score: m.Score, Explanation: e.Explain(k, m.Index, j)})
	}
	return out
}

// Rescore recomputes what a change to one entity touches: its own lists,
// and the lists of the other side that held it or would now take it, each
// recomputed whole. ref.Kind is unused for a startup (isStartup).
func (s *Service) Rescore(ctx context.Context, isStartup bool, ref Ref) (Stats, error) {
	return s.rescore(ctx, []change{{isStartup, ref}})
}

// rescore is Rescore of several changes on one snapshot: each list they
// touch is computed once, from one compiled engine, and written once.
func (s *Service) rescore(ctx context.Context, changes []change) (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	now := s.clock.Now()
	snap, err := s.snapshot(ctx)
	if err != nil {
		return Stats{}, err
	}
	e := Compile(snap)
	fl := floorsOnce{s: s, got: map[[2]string]map[string]Floor{}}
	byKey := map[string]List{}
	pairs := 0
	for _, c := range e.expand(changes) {
		var lists []List
		var n int
		if c.startup {
			lists, n, err = s.rescoreStartup(ctx, e, c.ref.ID, now, fl.of)
		} else {
			lists, n, err = s.rescoreTarget(ctx, e, c.ref, now, fl.of)
		}
		if err != nil {
			return Stats{}, err
		}
		for _, l := range lists {
			byKey[l.Key.ID()] = l
		}
		pairs += n
	}
	lists := slices.Collect(maps.Values(byKey))
	written, err := s.write(ctx, lists, false)
	if err != nil {
		return Stats{}, err
	}
	return Stats{Pairs: pairs, Lists: len(lists), Written: written, Took: time.Since(start)}, nil
}

// expand adds to changes the targets whose features read a changed
// entity: the targets holding or pursuing a changed startup (their sector
// and stage fit count it), and the collaborative peers of a changed target
// (their values read its outcomes). A peer it no longer shares a startup
// with is left to the next full rescore.
func (e *Engine) expand(changes []change) []change {
	seen := map[change]bool{}
	var out []change
	add := func(c change) {
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	for _, c := range changes {
		add(c)
		if c.startup {
			if i := index(len(e.snap.Startups), func(i int) string { return e.snap.Startups[i].ID }, c.ref.ID); i >= 0 {
				for _, ref := range e.dependents(i) {
					add(change{false, ref})
				}
			}
		} else if c.ref.Kind != KindIncubator {
			if j := index(e.snap.count(c.ref.Kind), func(j int) string { return e.snap.Ref(c.ref.Kind, j).ID }, c.ref.ID); j >= 0 {
				for _, ref := range e.peers(c.ref.Kind, j) {
					add(change{false, ref})
				}
			}
		}
	}
	return out
}

// floorsOnce loads the floors of each owner and kind once for a rescore:
// the stored lists before it, which decide what a change may touch.
type floorsOnce struct {
	s   *Service
	got map[[2]string]map[string]Floor
}

func (f floorsOnce) of(ctx context.Context, o Owner, k Kind) (map[string]Floor, error) {
	key := [2]string{string(o), k.String()}
	if m, ok := f.got[key]; ok {
		return m, nil
	}
	m, err := f.s.floors(ctx, o, k)
	if err == nil {
		f.got[key] = m
	}
	return m, err
}

// floors loads the floors of the lists of owner o and kind k, by owner ID.
func (s *Service) floors(ctx context.Context, o Owner, k Kind) (map[string]Floor, error) {
	all, err := s.lists.Floors(ctx, o, k)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Floor, len(all))
	for _, f := range all {
		out[f.Key.OwnerID] = f
	}
	return out, nil
}

func (s *Service) rescoreStartup(ctx context.Context, e *Engine, id string, now time.Time,
	floorsOf func(context.Context, Owner, Kind) (map[string]Floor, error)) ([]List, int, error) {
	i := index(len(e.snap.Startups), func(i int) string { return e.snap.Startups[i].ID }, id)
	var floors [numKinds]map[string]Floor
	affected := [numKinds]map[int]bool{}
	for _, k := range Kinds[:3] {
		f, err := floorsOf(ctx, targetOwner[k], k)
		if err != nil {
			return nil, 0, err
		}
		floors[k], affected[k] = f, map[int]bool{}
		for j := range e.snap.count(k) {
			if fl, ok := f[e.snap.Ref(k, j).ID]; ok && slices.Contains(fl.Members, id) {
				affected[k][j] = true
			}
		}
	}
	var lists []List
	pairs := 0
	if i >= 0 {
		row := e.Row(i, s.opts, offers{
			wants: func(k Kind, j int, x Scored) bool {
				fl, ok := floors[k][e.snap.Ref(k, j).ID]
				return !ok || fl.admits(x.Score, s.opts.K)
			},
			take: func(k Kind, j int, _ Scored) { affected[k][j] = true },
		})
		for _, k := range Kinds {
			lists = append(lists, e.startupList(k, i, row[k], now))
			pairs += e.snap.count(k)
		}
	}
	for _, k := range Kinds[:3] {
		for j := range affected[k] {
			lists = append(lists, e.targetList(k, j, e.Column(k, j, s.opts, noOffers), now))
			pairs += len(e.snap.Startups)
		}
	}
	return lists, pairs, nil
}

func (s *Service) rescoreTarget(ctx context.Context, e *Engine, ref Ref, now time.Time,
	floorsOf func(context.Context, Owner, Kind) (map[string]Floor, error)) ([]List, int, error) {
	k := ref.Kind
	j := index(e.snap.count(k), func(j int) string { return e.snap.Ref(k, j).ID }, ref.ID)
	f, err := floorsOf(ctx, OwnerStartup, k)
	if err != nil {
		return nil, 0, err
	}
	affected := map[int]bool{}
	for i, st := range e.snap.Startups {
		if fl, ok := f[st.ID]; ok && slices.Contains(fl.Members, ref.ID) {
			affected[i] = true
		}
	}
	var lists []List
	pairs := 0
	if j >= 0 {
		col := e.Column(k, j, s.opts, offers{
			wants: func(_ Kind, i int, x Scored) bool {
				fl, ok := f[e.snap.Startups[i].ID]
				return !ok || fl.admits(x.Score, s.opts.K)
			},
			take: func(_ Kind, i int, _ Scored) { affected[i] = true },
		})
		if k != KindIncubator {
			lists = append(lists, e.targetList(k, j, col, now))
		}
		pairs += len(e.snap.Startups)
	} else if k != KindIncubator {
		// The target is gone (a call closed): its own list empties.
		lists = append(lists, List{Key: ListKey{targetOwner[k], ref.ID, k}, ComputedAt: now, Items: []Item{}})
	}
	for i := range affected {
		row := e.Row(i, s.opts, noOffers)
		lists = append(lists, e.startupList(k, i, row[k], now))
		pairs += e.snap.count(k)
	}
	return lists, pairs, nil
}

var noOffers = offers{wants: func(Kind, int, Scored) bool { return false }, take: func(Kind, int, Scored) {}}

func index(n int, id func(int) string, want string) int {
	for i := range n {
		if id(i) == want {
			return i
		}
	}
	return -1
}

// change is an entity whose matches are due for rescoring.
type change struct {
	startup bool
	ref     Ref // ref.Kind is unused for a startup
}

// bulkChanges is how many queued changes make one full rescore cheaper
// than rescoring them together (an import, a city's growth): a batch
// computes each changed entity's lists and those it touches on one
// compiled snapshot; a full rescore computes every list.
const bulkChanges = 200

// settle is how long the rescoring waits after a change for more to come:
// at least minSettle, and as long as its last run took, up to maxSettle.
// Under a stream of changes (a city's growth, an import) batches then grow
// with the work, and a list many changes touch is written once per batch
// rather than once per change: at 1,500 startups, growth wrote 12 lists per
// new startup and kept SQLite's one writer 80% busy with them.
const (
	minSettle = 100 * time.Millisecond
	maxSettle = 2 * time.Second
)

// Changed asks for the lists touched by a change to an entity to be
// recomputed in the background; changes arriving close together are
// coalesced. It never blocks.
func (s *Service) Changed(isStartup bool, ref Ref) {
	s.pendingMu.Lock()
	s.pending[change{isStartup, ref}] = true
	s.pendingMu.Unlock()
	s.bg.poke()
}

// Backlog counts the changes waiting for rescoring or being rescored.
func (s *Service) Backlog() int {
	s.pendingMu.Lock()
	defer s.pendingMu.Unlock()
	return len(s.pending) + s.taken
}

// RescoreChanged rescores what the pending changes touch: each entity
// incrementally, or everything at once after a burst. Changes it could not
// rescore stay pending for the next run.
func (s *Service) RescoreChanged(ctx context.Context) (Stats, int, error) {
	s.pendingMu.Lock()
	batch := s.pending
	s.pending = map[change]bool{}
	s.taken += len(batch)
	s.pendingMu.Unlock()
	defer func() {
		s.pendingMu.Lock()
		s.taken -= len(batch)
		s.pendingMu.Unlock()
	}()
	var (
		total Stats
		err   error
	)
	start := time.Now()
	if len(batch) > bulkChanges {
		total, err = s.RescoreAll(ctx)
	} else {
		total, err = s.rescore(ctx, slices.Collect(maps.Keys(batch)))
	}
	total.Took = time.Since(start)
	if err != nil {
		s.pendingMu.Lock()
		maps.Copy(s.pending, batch)
		s.pendingMu.Unlock()
	}
	return total, len(batch), err
}

// Start rescores pending changes in the background through run (a run
// of rescore-changed-matches) until Stop.
func (s *Service) Start(run Runner) { s.bg.start(run) }

// Stop ends the background rescoring, finishing the run in hand.
func (s *Service) Stop() { s.bg.close() }

// Lists reads one owner's list, for a caller allowed to see it.
func (s *Service) List(ctx context.Context, key ListKey) (List, error) {
	if err := s.access.canSee(ctx, key.Owner, key.OwnerID); err != nil {
		return List{}, err
	}
	l, ok, err := s.lists.Get(ctx, key)
	if err != nil || !ok {
		return List{Key: key, Items: []Item{}}, err
	}
	return l, nil
}

// InvestorScores returns the stored scores of the startups' investor
// matches, keyed by startup and investor ID: what event recommendations
// read about a founder and an investor.
func (s *Service) InvestorScores(ctx context.Context, startupIDs []string) (map[[2]string]float64, error) {
	keys := make([]ListKey, len(startupIDs))
	for i, id := range startupIDs {
		keys[i] = ListKey{Owner: OwnerStartup, OwnerID: id, Kind: KindInvestor}
	}
	lists, err := s.lists.GetMany(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := map[[2]string]float64{}
	for _, l := range lists {
		for _, it := range l.Items {
			out[[2]string{l.Key.OwnerID, it.TargetID}] = it.Score
		}
	}
	return out, nil
}

// MatchID names one item of one list, for dismissing or bookmarking it.
func MatchID(key ListKey, targetID string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(key.ID() + "\x00" + targetID))
}

// decodeMatchID splits a match ID into its list's key and its target; ok
// is false when it is not one.
func decodeMatchID(id string) (key ListKey, target string, ok bool) {
	raw, err := base64.RawURLEncoding.DecodeString(id)
	if err != nil {
		return ListKey{}, "", false
	}
	list, target, found := strings.Cut(string(raw), "\x00")
	parts := strings.Split(list, ":")
	if !found || len(parts) != 3 || target == "" || parts[1] == "" {
		return ListKey{}, "", false
	}
	k, ok := ParseKind(parts[2])
	return ListKey{Owner(parts[0]), parts[1], k}, target, ok
}

func badMatchID(id string) error {
	return errs.InvalidValue(
		fmt.Sprintf("Mã gợi ý kết nối %q không hợp lệ.", id), fmt.Sprintf("Match ID %q is not valid.", id), "id")
}

// parseMatchID reads the ID of a match of the startups' engine.
func parseMatchID(id string) (ListKey, string, error) {
	key, target, ok := decodeMatchID(id)
	switch key.Owner {
	case OwnerStartup, OwnerCall, OwnerInvestor, OwnerMentor:
	default:
		ok = false
	}
	if !ok || key.transfer() || key.Owner != OwnerStartup && targetOwner[key.Kind] != key.Owner {
		return ListKey{}, "", badMatchID(id)
	}
	return key, target, nil
}

// transfer tells whether the key names one of technology transfer's lists.
func (k ListKey) transfer() bool {
	switch k.Owner {
	case OwnerTechOffer, OwnerTechRequest, OwnerResearchOrg:
		return true
	}
	return k.Owner == OwnerStartup && k.Kind == KindTechOffer
}

// IsTransferMatch tells whether id names a match of technology transfer,
// which TransferService.Match reads.
func IsTransferMatch(id string) bool {
	key, _, ok := decodeMatchID(id)
	return ok && key.transfer()
}

// Match returns the list holding the match id names, narrowed to that one
// item; NotFound when the list no longer holds it.
func (s *Service) Match(ctx context.Context, id string) (List, error) {
	key, target, err := parseMatchID(id)
	if err != nil {
		return List{}, err
	}
	l, err := s.List(ctx, key)
	if err != nil {
		return List{}, err
	}
	i := index(len(l.Items), func(i int) string { return l.Items[i].TargetID }, target)
	if i < 0 {
		return List{}, errs.NotFoundf("gợi ý kết nối", "Match", "id")
	}
	l.Items = l.Items[i : i+1]
	return l, nil
}

// pairOf returns the startup–target pair an item of a list stands for.
func pairOf(key ListKey, target string) PairKey {
	if key.Owner == OwnerStartup {
		return PairKey{Startup: key.OwnerID, Target: Ref{key.Kind, target}}
	}
	return PairKey{Startup: target, Target: Ref{key.Kind, key.OwnerID}}
}

// Dismiss hides a match from its owner's list for good: the pair is marked
// dismissed on the owner's side, which every later scoring obeys, and the
// item leaves the stored list at once. The owner is then rescored in the
// background, which fills the freed place and overrides a rescore that read
// the feedback before the dismissal.
func (s *Service) Dismiss(ctx context.Context, id string) (ListKey, error) {
	key, target, err := s.feedback(ctx, id, func(sig *Signal, startupSide bool) {
		if startupSide {
			sig.StartupDismissed = true
		} else {
			sig.TargetDismissed = true
		}
	})
	if err != nil {
		return key, err
	}
	err = s.lists.Update(ctx, key, func(l *List) {
		kept := l.Items[:0]
		for _, it := range l.Items {
			if it.TargetID != target {
				kept = append(kept, it)
			}
		}
		l.Items = kept
	})
	if err == nil {
		s.ownerChanged(key)
	}
	return key, err
}

// ownerChanged asks for the owner of a list to be rescored.
func (s *Service) ownerChanged(key ListKey) {
	if key.Owner == OwnerStartup {
		s.Changed(true, Ref{ID: key.OwnerID})
	} else {
		s.Changed(false, Ref{Kind: key.Kind, ID: key.OwnerID})
	}
}

// Bookmark marks a match as interesting, a positive signal for both sides;
// the owner is rescored in the background.
func (s *Service) Bookmark(ctx context.Context, id string) (ListKey, error) {
	key, _, err := s.feedback(ctx, id, func(sig *Signal, _ bool) { sig.Positive = true })
	if err == nil {
		s.ownerChanged(key)
	}
	return key, err
}

func (s *Service) feedback(ctx context.Context, id string, fn func(*Signal, bool)) (ListKey, string, error) {
	key, target, err := parseMatchID(id)
	if err != nil {
		return key, "", err
	}
	if err := s.access.canSee(ctx, key.Owner, key.OwnerID); err != nil {
		return key, "", err
	}
	l, ok, err := s.lists.Get(ctx, key)
	if err != nil {
		return key, "", err
	}
	if !ok || index(len(l.Items), func(i int) string { return l.Items[i].TargetID }, target) < 0 {
		return key, "", errs.NotFoundf("gợi ý kết nối", "Match", "id")
	}
	err = s.lists.SetFeedback(ctx, pairOf(key, target), func(sig *Signal) { fn(sig, key.Owner == OwnerStartup) })
	return key, target, err
}
