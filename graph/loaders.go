package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/model"
)

// loaderWait is how long a loader collects keys before it queries. Sibling
// resolvers run concurrently and usually enqueue within microseconds, but on
// a busy 2-core machine some start later: 500 µs split batches under load in
// tests, 2 ms did not. It adds at most that to each level of nesting.
const loaderWait = 2 * time.Millisecond

// pageKey identifies one page of a per-parent list.
type pageKey struct {
	parent string
	page   value.Page
}

// loaders batch the loads of nested relations within one request, so the
// store round trips of a page do not grow with its size.
type loaders struct {
	startup                 *dataloadgen.Loader[string, firm.Startup]
	investor                *dataloadgen.Loader[string, ecosystem.Investor]
	mentor                  *dataloadgen.Loader[string, ecosystem.Mentor]
	call                    *dataloadgen.Loader[string, funding.Call]
	reviewer                *dataloadgen.Loader[string, funding.Reviewer]
	program                 *dataloadgen.Loader[string, sandbox.Program]
	criteriaSets            *dataloadgen.Loader[struct{}, map[string]screening.CriteriaSet] // every version, by "key/version"
	incubator               *dataloadgen.Loader[string, ecosystem.Incubator]
	fund                    *dataloadgen.Loader[string, funding.Fund]
	callsByFund             *dataloadgen.Loader[string, []funding.Call]
	startupsOfIncubator     *dataloadgen.Loader[pageKey, value.Slice[firm.Startup]]
	startupCountOfIncubator *dataloadgen.Loader[string, int]
	board                   *dataloadgen.Loader[string, events.Board]
	user                    *dataloadgen.Loader[string, identity.User]
	researchOrg             *dataloadgen.Loader[string, transfer.Org]
	techOffer               *dataloadgen.Loader[string, transfer.Offer]
	techRequest             *dataloadgen.Loader[string, transfer.Request]
}

func newLoaders(r *Resolver) *loaders {
	opt := dataloadgen.WithWait(loaderWait)
	return &loaders{
		startup:  dataloadgen.NewMappedLoader(r.Firms.GetMany, opt),
		investor: dataloadgen.NewMappedLoader(r.Ecosystem.InvestorsByID, opt),
		mentor:   dataloadgen.NewMappedLoader(r.Ecosystem.MentorsByID, opt),
		call:     dataloadgen.NewMappedLoader(r.Funding.CallsByID, opt),
		reviewer: dataloadgen.NewMappedLoader(r.Funding.ReviewersByID, opt),
		program:  dataloadgen.NewMappedLoader(r.Sandbox.ProgramsByID, opt),
		criteriaSets: dataloadgen.NewMappedLoader(func(ctx context.Context, _ []struct{}) (map[struct{}]map[string]screening.CriteriaSet, error) {
			all, err := r.Screen.Sets(ctx, "")
			m := make(map[string]screening.CriteriaSet, len(all))
			for _, s := range all {
				m[s.Key+"/"+fmt.Sprint(s.SetVersion)] = s
			}
			return map[struct{}]map[string]screening.CriteriaSet{{}: m}, err
		}, opt),
		incubator:   dataloadgen.NewMappedLoader(r.Ecosystem.IncubatorsByID, opt),
		researchOrg: dataloadgen.NewMappedLoader(r.Transfer.OrgsByID, opt),
		techOffer:   dataloadgen.NewMappedLoader(r.Transfer.OffersByID, opt),
		techRequest: dataloadgen.NewMappedLoader(r.Transfer.RequestsByID, opt),
		user:        dataloadgen.NewMappedLoader(r.Users.Users, opt),
		fund:        dataloadgen.NewMappedLoader(r.Funding.FundsByID, opt),
		callsByFund: dataloadgen.NewMappedLoader(withEmpty(r.Funding.CallsByFund), opt),
		startupsOfIncubator: dataloadgen.NewMappedLoader(func(ctx context.Context, keys []pageKey) (map[pageKey]value.Slice[firm.Startup], error) {
			// Keys of one request almost always share the page arguments; group
			// by them so each distinct page costs one query.
			byPage := map[value.Page][]string{}
			for _, k := range keys {
				byPage[k.page] = append(byPage[k.page], k.parent)
			}
			out := make(map[pageKey]value.Slice[firm.Startup], len(keys))
			for p, ids := range byPage {
				m, err := r.Firms.ListByIncubator(ctx, ids, p)
				if err != nil {
					return nil, err
				}
				for _, id := range ids {
					out[pageKey{id, p}] = m[id]
				}
			}
			return out, nil
		}, opt),
		startupCountOfIncubator: dataloadgen.NewMappedLoader(withEmpty(r.Firms.CountByIncubator), opt),
		board:                   dataloadgen.NewMappedLoader(r.Meetups.BoardsByID, opt),
	}
}

// withEmpty makes a batch function answer every key, with the zero value for
// keys that have nothing (a fund without calls), instead of "not found".
func withEmpty[V any](fetch func(context.Context, []string) (map[string]V, error)) func(context.Context, []string) (map[string]V, error) {
	return func(ctx context.Context, keys []string) (map[string]V, error) {
		m, err := fetch(ctx, keys)
		if err != nil {
			return nil, err
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				var zero V
				m[k] = zero
			}
		}
		return m, nil
	}
}

type loadersKey struct{}

func withLoaders(ctx context.Context, l *loaders) context.Context {
	return context.WithValue(ctx, loadersKey{}, l)
}

func loadersOf(ctx context.Context) *loaders {
	return ctx.Value(loadersKey{}).(*loaders)
}

// loadOptional loads a referenced record, answering nil for a reference
// that no longer resolves rather than failing the whole field.
func loadOptional[V any](ctx context.Context, l *dataloadgen.Loader[string, V], id string) (*V, error) {
	v, err := l.Load(ctx, id)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// loadStartups loads the startups among ids that still exist, in order.
// startupsByID is a page of a list of startup IDs held whole, loaded batched.
func startupsByID(ctx context.Context, ids []string, first *int, after *string) (*model.StartupConnection, error) {
	page, err := pageOf(first, after)
	if err != nil {
		return nil, err
	}
	s := value.PageOf(ids, func(id string) string { return id }, page)
	loaded, err := loadStartups(ctx, s.Items)
	if err != nil {
		return nil, err
	}
	conn := &model.StartupConnection{Count: func(context.Context) (int, error) { return len(ids), nil }}
	conn.PageInfo = pageInfo(page, s, func(id string) string { return id })
	for _, st := range loaded {
		conn.Edges = append(conn.Edges, model.StartupEdge{Cursor: cursor(st.ID), Node: *st})
	}
	return conn, nil
}

func loadStartups(ctx context.Context, ids []string) ([]*firm.Startup, error) {
	out := make([]*firm.Startup, 0, len(ids))
	for _, id := range ids {
		s, err := loadOptional(ctx, loadersOf(ctx).startup, id)
		if err != nil {
			return nil, err
		}
		if s != nil {
			out = append(out, s)
		}
	}
	return out, nil
}
