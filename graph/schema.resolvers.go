package graph

import (
	"context"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/generated"
	"github.com/innoport/innoport/graph/model"
)

func (r *queryResolver) Node(ctx context.Context, id string) (model.Node, error) {
	typ, raw, ok := decodeID(id)
	if !ok {
		return nil, errs.NotFoundf("đối tượng", "Object", id)
	}
	switch typ {
	case typeStartup:
		return nodeOf(r.Firms.Get(ctx, raw))
	case typeIncubator:
		return nodeOf(r.Ecosystem.Incubator(ctx, raw))
	case typeInvestor:
		return nodeOf(r.Ecosystem.Investor(ctx, raw))
	case typeMentor:
		return nodeOf(r.Ecosystem.Mentor(ctx, raw))
	case typeFund:
		return nodeOf(r.Funding.Fund(ctx, raw))
	case typeFundCall:
		return nodeOf(r.Funding.Call(ctx, raw))
	}
	return nil, errs.NotFoundf("đối tượng", "Object", id)
}

func nodeOf[T any](v T, err error) (model.Node, error) {
	if err != nil {
		return nil, err
	}
	return &v, nil
}

func (r *queryResolver) Viewer(ctx context.Context) (*model.Viewer, error) {
	p := identity.FromContext(ctx)
	return &model.Viewer{Subject: optional(p.Subject), Roles: p.Roles, OrganizationID: optional(orgClaimOf(ctx))}, nil
}

func (r *queryResolver) Sectors(ctx context.Context) ([]*value.SectorInfo, error) {
	return ptrs(value.Sectors()), nil
}

func (r *sectorInfoResolver) Label(ctx context.Context, obj *value.SectorInfo) (string, error) {
	if langOf(ctx) == errs.EN {
		return obj.EN, nil
	}
	return obj.VI, nil
}

// Mutation returns generated.MutationResolver implementation.
func (r *Resolver) Mutation() generated.MutationResolver { return &mutationResolver{r} }

// Query returns generated.QueryResolver implementation.
func (r *Resolver) Query() generated.QueryResolver { return &queryResolver{r} }

// SectorInfo returns generated.SectorInfoResolver implementation.
func (r *Resolver) SectorInfo() generated.SectorInfoResolver { return &sectorInfoResolver{r} }

type mutationResolver struct{ *Resolver }
type queryResolver struct{ *Resolver }
type sectorInfoResolver struct{ *Resolver }
