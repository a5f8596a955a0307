package graph

import (
	"context"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/value"
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
	incubator               *dataloadgen.Loader[string, ecosystem.Incubator]
	fund                    *dataloadgen.Loader[string, funding.Fund]
	callsByFund             *dataloadgen.Loader[string, []funding.Call]
	startupsOfIncubator     *dataloadgen.Loader[pageKey, value.Slice[firm.Startup]]
	startupCountOfIncubator *dataloadgen.Loader[string, int]
}

func newLoaders(r *Resolver) *loaders {
	opt := dataloadgen.WithWait(loaderWait)
	return &loaders{
		incubator:   dataloadgen.NewMappedLoader(r.Ecosystem.IncubatorsByID, opt),
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
