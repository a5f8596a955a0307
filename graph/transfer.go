package graph

import (
	"context"
	"fmt"
	"slices"

	"github.com/vikstrous/dataloadgen"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/model"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/search"
)

// transferMatches reads the first items of one technology-transfer list.
func (r *Resolver) transferMatches(ctx context.Context, key matching.ListKey, first *int) ([]*model.Match, error) {
	n := 10
	if first != nil {
		n = *first
	}
	if n < 1 || n > maxMatches {
		return nil, errs.InvalidValue("Số gợi ý phải từ 1 đến 100.", "first must be from 1 to 100.", "first")
	}
	l, err := r.TransferMatching.List(ctx, key)
	if err != nil {
		return nil, err
	}
	return matchesOf(l, n), nil
}

// ipRightDrafts turns the IP rights of an input into drafts; nil stays nil.
func ipRightDrafts(in []*model.TechnologyIPRightInput) []transfer.IPRightDraft {
	if in == nil {
		return nil
	}
	out := make([]transfer.IPRightDraft, len(in))
	for i, r := range in {
		out[i] = transfer.IPRightDraft{Kind: string(r.Kind), Pending: deref(r.Pending), Number: deref(r.Number),
			FiledOn: dateText(r.FiledOn), GrantedOn: dateText(r.GrantedOn)}
	}
	return out
}

// dateText is an optional date as a draft carries it ("" when absent).
func dateText(d *value.Date) string {
	if d == nil {
		return ""
	}
	return d.String()
}

func orgPayload(ctx context.Context, o transfer.Org, err error) (*model.ResearchOrganizationPayload, error) {
	v, ue, err := result(ctx, o, err)
	if err != nil {
		return nil, err
	}
	return &model.ResearchOrganizationPayload{Organization: v, UserErrors: ue}, nil
}

func offerPayload(ctx context.Context, o transfer.Offer, err error) (*model.TechOfferPayload, error) {
	v, ue, err := result(ctx, o, err)
	if err != nil {
		return nil, err
	}
	return &model.TechOfferPayload{Offer: v, UserErrors: ue}, nil
}

func requestPayload(ctx context.Context, rq transfer.Request, err error) (*model.TechRequestPayload, error) {
	v, ue, err := result(ctx, rq, err)
	if err != nil {
		return nil, err
	}
	return &model.TechRequestPayload{Request: v, UserErrors: ue}, nil
}

func conversationPayload(ctx context.Context, c transfer.Conversation, err error) (*model.TransferConversationPayload, error) {
	v, ue, err := result(ctx, c, err)
	if err != nil {
		return nil, err
	}
	return &model.TransferConversationPayload{Conversation: v, UserErrors: ue}, nil
}

// offerConnection pages the offers matching f that the caller may see.
func (r *Resolver) offerConnection(ctx context.Context, f transfer.OfferFilter, first *int, after *string) (*model.TechOfferConnection, error) {
	page, err := pageOf(first, after)
	if err != nil {
		return nil, err
	}
	s, err := r.Transfer.Offers(ctx, f, page)
	if err != nil {
		return nil, err
	}
	conn := &model.TechOfferConnection{Count: func(ctx context.Context) (int, error) { return r.Transfer.CountOffers(ctx, f) }}
	conn.Edges, conn.PageInfo = connection(page, s, func(o transfer.Offer) string { return o.ID },
		func(c string, o transfer.Offer) model.TechOfferEdge { return model.TechOfferEdge{Cursor: c, Node: o} })
	return conn, nil
}

// conversationConnection pages the caller's conversations matching f.
func (r *Resolver) conversationConnection(ctx context.Context, f transfer.ConversationFilter, first *int, after *string) (*model.TransferConversationConnection, error) {
	page, err := pageOf(first, after)
	if err != nil {
		return nil, err
	}
	s, err := r.Transfer.Conversations(ctx, f, page)
	if err != nil {
		return nil, err
	}
	conn := &model.TransferConversationConnection{Count: func(ctx context.Context) (int, error) { return r.Transfer.CountConversations(ctx, f) }}
	conn.Edges, conn.PageInfo = connection(page, s, func(c transfer.Conversation) string { return c.ID },
		func(cur string, c transfer.Conversation) model.TransferConversationEdge {
			return model.TransferConversationEdge{Cursor: cur, Node: c}
		})
	return conn, nil
}

// trlBands and ipStatuses are the values the technology facets take.
var (
	trlBands   = []string{"TRL_1_3", "TRL_4_6", "TRL_7_9"}
	ipStatuses = []string{"APPLICATION_PENDING", "KNOW_HOW", "INVENTION_PATENT", "UTILITY_SOLUTION", "INDUSTRIAL_DESIGN",
		"IC_LAYOUT_DESIGN", "SOFTWARE_COPYRIGHT", "PLANT_VARIETY", "TECHNICAL_ADVANCE"}
)

// transferFacets adds a search filter's technology-transfer facets to q.
func transferFacets(q *search.Query, f *model.SearchFilter) error {
	var list errs.List
	check := func(facet search.Facet, vs, known []string, field string) {
		for i, v := range vs {
			if !slices.Contains(known, v) {
				list.Add(errs.InvalidValue(fmt.Sprintf("Giá trị %q không hợp lệ.", v), fmt.Sprintf("%q is not a valid value.", v),
					"filter", field, fmt.Sprint(i)))
			}
		}
		if len(vs) > 0 {
			q.Filter[facet] = vs
		}
	}
	check(search.FacetTRL, f.TrlBands, trlBands, "trlBands")
	check(search.FacetIP, f.IPStatuses, ipStatuses, "ipStatuses")
	if len(f.Cooperation) > 0 {
		q.Filter[search.FacetCooperation] = *codes(f.Cooperation)
	}
	return list.Err()
}

// loadRequired loads a record a non-null field names; one that is gone is NOT_FOUND.
func loadRequired[V any](ctx context.Context, l *dataloadgen.Loader[string, V], id string, entity errs.Entity) (*V, error) {
	v, err := loadOptional(ctx, l, id)
	if err == nil && v == nil {
		return nil, entity.NotFound()
	}
	return v, err
}
