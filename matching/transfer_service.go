package matching

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
)

// TransferSources reads what technology transfer's matching scores.
type TransferSources interface {
	// Matchable returns the published and transferred offers, the open
	// requests and every organisation.
	Matchable(ctx context.Context) ([]transfer.Offer, []transfer.Request, []transfer.Org, error)
	Startups(ctx context.Context) ([]firm.Startup, error)
	// Firm reads a request's firm, for who may see its lists.
	Firm(ctx context.Context, id string) (firm.Startup, error)
	Offer(ctx context.Context, id string) (transfer.Offer, error)
	Request(ctx context.Context, id string) (transfer.Request, error)
}

// TransferService keeps technology transfer's match lists current: a full
// rescore on schedule, and the same rescore shortly after any change to an
// offer, request, organisation or startup (it writes only the lists that
// changed). Its lists are stored apart from the startups' own.
type TransferService struct {
	src   TransferSources
	lists ListStore
	clock clock.Clock
	log   *slog.Logger
	opts  Options

	mu          sync.Mutex // one rescore at a time in this process
	bg          *background
	startupsDue atomic.Bool // a rescore for startups' changes is on its way
}

// NewTransferService wires technology transfer's matching.
func NewTransferService(src TransferSources, lists ListStore, c clock.Clock, log *slog.Logger, o Options) *TransferService {
	return &TransferService{src: src, lists: lists, clock: c, log: log, opts: o.withDefaults(),
		bg: newBackground("rescore technology-transfer matches", log)}
}

// snapshot loads what a run scores.
func (s *TransferService) snapshot(ctx context.Context) (*TransferSnapshot, error) {
	offers, requests, orgs, err := s.src.Matchable(ctx)
	if err != nil {
		return nil, err
	}
	startups, err := s.src.Startups(ctx)
	if err != nil {
		return nil, err
	}
	return buildTransfer(offers, requests, orgs, startups), nil
}

// buildTransfer turns domain entities into a snapshot: published offers
// are matched; an organisation is described by its name, its description
// and all its public offers (transferred ones show what it has solved).
func buildTransfer(offers []transfer.Offer, requests []transfer.Request, orgs []transfer.Org, startups []firm.Startup) *TransferSnapshot {
	snap := &TransferSnapshot{}
	type profile struct {
		text    string
		sectors map[string]bool
	}
	byOrg := map[string]*profile{}
	for _, o := range orgs {
		byOrg[o.ID] = &profile{text: o.Name + ". " + o.NameEN + ". " + o.Description, sectors: map[string]bool{}}
	}
	for _, o := range offers {
		text := o.Title + ". " + o.TitleEN + ". " + o.Summary + " " + o.SummaryEN
		if o.Status == transfer.Published {
			snap.Offers = append(snap.Offers, TechOffer{ID: o.ID, Sectors: o.Sectors, TRL: int(o.TRL), Text: text})
		}
		if p := byOrg[o.OrgID]; p != nil {
			p.text += " " + text
			for _, sec := range o.Sectors {
				p.sectors[string(sec)] = true
			}
		}
	}
	for _, r := range requests {
		snap.Requests = append(snap.Requests, TechRequest{ID: r.ID, Sectors: r.Sectors, TRL: int(r.TRL), Text: r.Title + ". " + r.Problem})
	}
	for _, o := range orgs {
		p := byOrg[o.ID]
		org := ResearchOrg{ID: o.ID, Text: p.text}
		for _, info := range value.Sectors() {
			if p.sectors[string(info.Sector)] {
				org.Sectors = append(org.Sectors, info.Sector)
			}
		}
		snap.Orgs = append(snap.Orgs, org)
	}
	for _, x := range startups {
		snap.Startups = append(snap.Startups, Startup{ID: x.ID, Sectors: x.Sectors, Text: x.Name + ". " + x.Description})
	}
	return snap
}

// RescoreAll recomputes every transfer list, writes those that changed and
// deletes those whose owner is gone.
func (s *TransferService) RescoreAll(ctx context.Context) (Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	start := time.Now()
	snap, err := s.snapshot(ctx)
	if err != nil {
		return Stats{}, err
	}
	e := CompileTransfer(snap)
	lists := e.Lists(s.opts, s.clock.Now())
	written, err := writeLists(ctx, s.lists, lists, true)
	if err != nil {
		return Stats{}, err
	}
	return Stats{Startups: len(snap.Startups), Targets: len(snap.Offers) + len(snap.Requests) + len(snap.Orgs),
		Pairs: int(e.Pairs), Lists: len(lists), Written: written, Took: time.Since(start)}, nil
}

// Changed asks for a rescore in the background after a change to an
// offer, request or organisation; changes arriving together are rescored
// once. It never blocks.
func (s *TransferService) Changed() { s.bg.poke() }

// startupDelay is how long startups' changes wait for their transfer
// rescore, gathering every change of the while into one. A full rescore
// after each new firm took a core while a city grew (createStartup's p95 at
// 1,500 startups 27.5 → 72.8 ms); a firm's technology matches can wait
// seconds.
const startupDelay = 10 * time.Second

// StartupChanged asks for a rescore within startupDelay after a change to
// a startup. It never blocks.
func (s *TransferService) StartupChanged() {
	if s.startupsDue.CompareAndSwap(false, true) {
		time.AfterFunc(startupDelay, func() {
			s.startupsDue.Store(false)
			s.bg.poke()
		})
	}
}

// Backlog is 1 while a change waits for its rescore.
func (s *TransferService) Backlog() int {
	if s.bg.woken() || s.startupsDue.Load() {
		return 1
	}
	return 0
}

// Start rescores after changes through run (a run of
// score-transfer-matches) until Stop.
func (s *TransferService) Start(run Runner) { s.bg.start(run) }

// Stop ends the background rescoring, finishing the run in hand.
func (s *TransferService) Stop() { s.bg.close() }

// OrgScores returns how well the research organisations fit the startups,
// keyed by startup and organisation ID: for each organisation, the best
// score of its offers against the startup's open requests, or against the
// startup itself. What a techmart day's recommendations read.
func (s *TransferService) OrgScores(ctx context.Context, startupIDs []string) (map[[2]string]float64, error) {
	offers, requests, _, err := s.src.Matchable(ctx)
	if err != nil {
		return nil, err
	}
	orgOf := make(map[string]string, len(offers))
	for _, o := range offers {
		orgOf[o.ID] = o.OrgID
	}
	firmOf := map[string]string{}
	var keys []ListKey
	for _, id := range startupIDs {
		keys = append(keys, ListKey{Owner: OwnerStartup, OwnerID: id, Kind: KindTechOffer})
	}
	wanted := map[string]bool{}
	for _, id := range startupIDs {
		wanted[id] = true
	}
	for _, r := range requests {
		if wanted[r.FirmID] {
			firmOf[r.ID] = r.FirmID
			keys = append(keys, ListKey{Owner: OwnerTechRequest, OwnerID: r.ID, Kind: KindTechOffer})
		}
	}
	lists, err := s.lists.GetMany(ctx, keys)
	if err != nil {
		return nil, err
	}
	out := map[[2]string]float64{}
	for _, l := range lists {
		startup := l.Key.OwnerID
		if l.Key.Owner == OwnerTechRequest {
			startup = firmOf[l.Key.OwnerID]
		}
		for _, it := range l.Items {
			k := [2]string{startup, orgOf[it.TargetID]}
			out[k] = max(out[k], it.Score)
		}
	}
	return out, nil
}

// List reads one owner's list, for a caller allowed to see it: an offer's
// to its organisation's staff, a request's to its firm's people, an
// organisation's to its staff, a startup's to its people; and admins.
func (s *TransferService) List(ctx context.Context, key ListKey) (List, error) {
	if err := s.canSee(ctx, key); err != nil {
		return List{}, err
	}
	l, ok, err := s.lists.Get(ctx, key)
	if err != nil || !ok {
		return List{Key: key, Items: []Item{}}, err
	}
	return l, nil
}

// Match reads one match of technology transfer by its ID (MatchID), for a
// caller allowed to see its list.
func (s *TransferService) Match(ctx context.Context, id string) (List, error) {
	key, target, ok := decodeMatchID(id)
	if !ok || !key.transfer() {
		return List{}, badMatchID(id)
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

func (s *TransferService) canSee(ctx context.Context, key ListKey) error {
	p := identity.FromContext(ctx)
	firmOf := func(id string) error {
		st, err := s.src.Firm(ctx, id)
		if err != nil {
			return err
		}
		return policy.ManageStartup(p, st.ID, st.IncubatorID)
	}
	switch key.Owner {
	case OwnerTechOffer:
		o, err := s.src.Offer(ctx, key.OwnerID)
		if err != nil {
			return err
		}
		return policy.ManageResearchOrg(p, o.OrgID)
	case OwnerTechRequest:
		r, err := s.src.Request(ctx, key.OwnerID)
		if err != nil {
			return err
		}
		return firmOf(r.FirmID)
	case OwnerResearchOrg:
		return policy.ManageResearchOrg(p, key.OwnerID)
	default:
		return firmOf(key.OwnerID)
	}
}
