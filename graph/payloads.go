package graph

import (
	"context"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/graph/model"
)

// The mutation payloads and conversions the resolvers share. They live
// outside *.resolvers.go, which gqlgen rewrites.

func startupPayload(ctx context.Context, st firm.Startup, err error) (*model.StartupPayload, error) {
	s, ue, err := result(ctx, st, err)
	if err != nil {
		return nil, err
	}
	return &model.StartupPayload{Startup: s, UserErrors: ue}, nil
}

func revenueDrafts(in []*model.YearRevenueInput) []firm.YearRevenueDraft {
	out := make([]firm.YearRevenueDraft, len(in))
	for i, r := range in {
		out[i] = firm.YearRevenueDraft{Year: r.Year, Amount: int64(r.AmountVnd)}
	}
	return out
}

func startupID(s firm.Startup) string { return s.ID }

func startupEdge(c string, s firm.Startup) model.StartupEdge {
	return model.StartupEdge{Cursor: c, Node: s}
}

func investorPayload(ctx context.Context, inv ecosystem.Investor, err error) (*model.InvestorPayload, error) {
	v, ue, err := result(ctx, inv, err)
	if err != nil {
		return nil, err
	}
	return &model.InvestorPayload{Investor: v, UserErrors: ue}, nil
}

func mentorPayload(ctx context.Context, m ecosystem.Mentor, err error) (*model.MentorPayload, error) {
	v, ue, err := result(ctx, m, err)
	if err != nil {
		return nil, err
	}
	return &model.MentorPayload{Mentor: v, UserErrors: ue}, nil
}

func nodeOf[T any](v T, err error) (model.Node, error) {
	if err != nil {
		return nil, err
	}
	return &v, nil
}
