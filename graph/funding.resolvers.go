package graph

import (
	"context"

	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/generated"
	"github.com/innoport/innoport/graph/model"
)

func (r *fundResolver) ID(ctx context.Context, obj *funding.Fund) (string, error) {
	return globalID(typeFund, obj.ID), nil
}

func (r *fundResolver) Calls(ctx context.Context, obj *funding.Fund) ([]*funding.Call, error) {
	calls, err := loadersOf(ctx).callsByFund.Load(ctx, obj.ID)
	return ptrs(calls), err
}

func (r *fundCallResolver) ID(ctx context.Context, obj *funding.Call) (string, error) {
	return globalID(typeFundCall, obj.ID), nil
}

func (r *fundCallResolver) Fund(ctx context.Context, obj *funding.Call) (*funding.Fund, error) {
	f, err := loadersOf(ctx).fund.Load(ctx, obj.FundID)
	if err != nil {
		return nil, err
	}
	return &f, nil
}

func (r *fundCallResolver) TicketMinVnd(ctx context.Context, obj *funding.Call) (value.VND, error) {
	return obj.Ticket.Min, nil
}

func (r *fundCallResolver) TicketMaxVnd(ctx context.Context, obj *funding.Call) (value.VND, error) {
	return obj.Ticket.Max, nil
}

func (r *queryResolver) Funds(ctx context.Context) ([]*funding.Fund, error) {
	all, err := r.Funding.Funds(ctx)
	return ptrs(all), err
}

func (r *queryResolver) FundCalls(ctx context.Context, first *int, after *string, status *funding.CallStatus) (*model.FundCallConnection, error) {
	page, err := pageOf(first, after)
	if err != nil {
		return nil, err
	}
	f := funding.CallFilter{Status: deref(status)}
	s, err := r.Funding.Calls(ctx, f, page)
	if err != nil {
		return nil, err
	}
	conn := &model.FundCallConnection{Count: func(ctx context.Context) (int, error) { return r.Funding.CountCalls(ctx, f) }}
	conn.Edges, conn.PageInfo = connection(s, func(c funding.Call) string { return c.ID },
		func(cur string, c funding.Call) model.FundCallEdge { return model.FundCallEdge{Cursor: cur, Node: c} })
	return conn, nil
}

// Fund returns generated.FundResolver implementation.
func (r *Resolver) Fund() generated.FundResolver { return &fundResolver{r} }

// FundCall returns generated.FundCallResolver implementation.
func (r *Resolver) FundCall() generated.FundCallResolver { return &fundCallResolver{r} }

type fundResolver struct{ *Resolver }
type fundCallResolver struct{ *Resolver }
