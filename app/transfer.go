package app

import (
	"context"

	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/store"
)

// transferSources are what technology transfer's matching reads, from the
// store: the use-case filters who may see what, the engine sees everything
// public.
type transferSources struct {
	svc   *transfer.Service
	repos store.Repositories
}

var _ matching.TransferSources = transferSources{}

func (s transferSources) Matchable(ctx context.Context) ([]transfer.Offer, []transfer.Request, []transfer.Org, error) {
	return s.svc.Matchable(ctx)
}

func (s transferSources) Startups(ctx context.Context) ([]firm.Startup, error) {
	return s.repos.MatchSources.Startups(ctx)
}

func (s transferSources) Firm(ctx context.Context, id string) (firm.Startup, error) {
	return s.repos.Startups.Get(ctx, id)
}

func (s transferSources) Offer(ctx context.Context, id string) (transfer.Offer, error) {
	return s.repos.TechOffers.Get(ctx, id)
}

func (s transferSources) Request(ctx context.Context, id string) (transfer.Request, error) {
	return s.repos.TechRequests.Get(ctx, id)
}
