package app

import (
	"context"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/search"
)

// Every cross-domain reaction — one part of the ecosystem changes, another
// follows — is in this file:
//
//   - a firm's profile changes → it is screened again and judged on every
//     incentive (rescreen), in the background, within seconds; a criteria
//     set or an incentive published or retired → every firm is;
//   - a startup, call, investor or mentor changes → its match lists and the
//     other side's lists that held it or would now take it are rescored
//     (matching's Changed, run as rescore-changed-matches);
//   - a technology offer, request or research organisation changes →
//     technology transfer's lists are rescored (score-transfer-matches, once
//     for the changes of a burst); a startup's change, within 10 s;
//   - a startup is indexed and newly matches an investor's saved search →
//     the investor is notified once (saved-search alerts);
//   - an investor rates an event meeting with a startup's founder → the
//     startup moves to MEETING in the investor's pipeline, the rating a note
//     (meetingToDeal, given to the events service);
//   - event recommendations read the engines' scores of a startup with an
//     investor or a research organisation (affinity; a techmart day pairs
//     offers with requests);
//   - deal flow ranks an investor's startups by the matching engine's
//     scores (investorScores, given to the deal-flow service);
//   - the fund moves an application (under review, shortlisted, awarded,
//     rejected) → the startup's members are notified.

// react registers the reactions to changes.
func (a *App) react(firms *firm.Service, eco *ecosystem.Service) {
	m := a.resolver.Matching
	firms.OnChange(func(st firm.Startup) { a.rescreen(st.ID) })
	firms.OnChange(func(st firm.Startup) { m.Changed(true, matching.Ref{ID: st.ID}) })
	tm := a.resolver.TransferMatching
	firms.OnChange(func(firm.Startup) { tm.StartupChanged() })
	a.resolver.Transfer.Changed.On(func(string) { tm.Changed() })
	a.resolver.Funding.OnCallChange(func(c funding.Call) { m.Changed(false, matching.Ref{Kind: matching.KindFundCall, ID: c.ID}) })
	eco.OnInvestorChange(func(v ecosystem.Investor) { m.Changed(false, matching.Ref{Kind: matching.KindInvestor, ID: v.ID}) })
	eco.OnMentorChange(func(v ecosystem.Mentor) { m.Changed(false, matching.Ref{Kind: matching.KindMentor, ID: v.ID}) })
	a.resolver.Funding.OnApplicationMoved(func(ap funding.Application) {
		a.background.Go(func() { // a failed notification does not fail the decision; it is logged
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := a.resolver.Investing.ApplicationMoved(ctx, ap.StartupID, ap.ID, ap.CallID, string(ap.Status)); err != nil {
				a.logger.Warn("notify the startup of its application", "application", ap.ID, "error", err)
			}
		})
	})
	if a.indexer != nil {
		a.indexer.Indexed = func(ctx context.Context, docs []search.Doc) error {
			_, err := a.resolver.Investing.Alert(ctx, docs) // one notification per saved search and startup: safe to repeat
			return err
		}
	}
}

// investorScores are the matching engine's scores of the startups in an
// investor's match list: what deal flow ranks by.
func (a *App) investorScores(ctx context.Context, investorID string) (map[string]float64, error) {
	l, err := a.resolver.Matching.List(ctx, matching.ListKey{Owner: matching.OwnerInvestor, OwnerID: investorID, Kind: matching.KindInvestor})
	if err != nil {
		return nil, err
	}
	out := make(map[string]float64, len(l.Items))
	for _, it := range l.Items {
		out[it.TargetID] = it.Score
	}
	return out, nil
}

// affinity is what event recommendations read of the matching engines:
// the startups' scores with investors and with research organisations.
func (a *App) affinity(ctx context.Context, startupIDs []string) (map[[2]string]float64, error) {
	out, err := a.resolver.Matching.InvestorScores(ctx, startupIDs)
	if err != nil {
		return nil, err
	}
	orgs, err := a.resolver.TransferMatching.OrgScores(ctx, startupIDs)
	maps.Copy(out, orgs)
	return out, err
}

// meetingToDeal carries an investor's rating of an event meeting with a
// startup's founder into the investor's pipeline; other ratings stay with
// the event.
func (a *App) meetingToDeal(ctx context.Context, r events.Rated) error {
	if r.By.InvestorID == "" || r.With.StartupID == "" {
		return nil
	}
	_, err := a.resolver.Investing.MeetingHeld(ctx, r.By.InvestorID, r.With.StartupID, dealflow.EventMeeting{
		Ref: r.Event.ID + "/" + r.Meeting.ID, EventTitle: r.Event.Title, Start: r.Event.Slots()[r.Meeting.Slot].Start,
		Rating: r.Feedback.Rating, FollowUp: r.Feedback.FollowUp,
	})
	return err
}

// rescreen screens one firm again (every firm for "") in the background after
// it changed, so results follow within seconds without slowing the request.
// Changes that arrive while a screening runs are gathered and screened
// together by one worker — a bulk import of 1,500 firms is a few batched
// screenings, not 1,500 goroutines contending for the store. A screening
// lost to a crash is repaired by the nightly job.
func (a *App) rescreen(id string) {
	q := &a.rescreens
	q.mu.Lock()
	defer q.mu.Unlock()
	if id == "" {
		q.all = true
	} else {
		if q.ids == nil {
			q.ids = map[string]bool{}
		}
		q.ids[id] = true
	}
	if q.running {
		return
	}
	q.running = true
	a.background.Go(a.drainRescreens)
}

// rescreenQueue holds the firms waiting for rescreen's worker.
type rescreenQueue struct {
	mu      sync.Mutex
	ids     map[string]bool
	all     bool
	running bool
	taken   int // firms the worker is screening now
}

// Backlog counts the background work changes have set off and that is not
// done yet: changes waiting for rescoring, firms for screening, records
// for the search index (-1 when the outbox cannot be read). An operator
// watches it at /metrics: a backlog that keeps growing is a store at its
// limits.
func (a *App) Backlog(ctx context.Context) map[string]int {
	q := &a.rescreens
	q.mu.Lock()
	screen := len(q.ids) + q.taken
	if q.all {
		screen++
	}
	q.mu.Unlock()
	index, err := a.db.SearchOutbox().Backlog(ctx)
	if err != nil {
		index = -1
	}
	rescore := a.resolver.Matching.Backlog() + a.resolver.TransferMatching.Backlog()
	return map[string]int{"rescore": rescore, "rescreen": screen, "index": index}
}

// rescreenBatch bounds the firms one screening takes, so a burst is
// screened in store queries of a bounded size.
const rescreenBatch = 500

func (a *App) drainRescreens() {
	q := &a.rescreens
	for {
		q.mu.Lock()
		all, ids := q.all, slices.Collect(maps.Keys(q.ids))
		q.all, q.ids = false, nil
		if !all && len(ids) == 0 {
			q.running = false
			q.mu.Unlock()
			return
		}
		q.taken = max(len(ids), 1)
		q.mu.Unlock()
		batches := slices.Collect(slices.Chunk(ids, rescreenBatch))
		if all {
			batches = [][]string{nil} // nil screens every firm
		}
		for _, batch := range batches {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			if _, err := a.resolver.Screen.Screen(ctx, batch); err != nil {
				a.logger.Error("re-screen after a change", "startups", len(batch), "error", err)
			}
			if _, err := a.resolver.Catalogue.Judge(ctx, batch); err != nil {
				a.logger.Error("judge incentives after a change", "startups", len(batch), "error", err)
			}
			cancel()
		}
		q.mu.Lock()
		q.taken = 0
		q.mu.Unlock()
	}
}
