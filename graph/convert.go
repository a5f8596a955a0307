package graph

import (
	"context"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/model"
)

// result turns a use-case's answer into what a mutation payload carries: the
// object, or the userErrors, or a top-level error.
func result[T any](ctx context.Context, v T, err error) (*T, []*model.UserError, error) {
	ue, err := userErrors(ctx, err)
	if err != nil {
		return nil, nil, err
	}
	if len(ue) > 0 {
		return nil, ue, nil
	}
	return &v, ue, nil
}

// connection builds the edges and page info of one page of items.
func connection[T any, E any](p value.Page, s value.Slice[T], id func(T) string, edge func(cursor string, node T) E) ([]E, model.PageInfo) {
	out := make([]E, len(s.Items))
	for i, it := range s.Items {
		out[i] = edge(cursor(id(it)), it)
	}
	return out, pageInfo(p, s, id)
}

// listConnection is connection over a list held whole, in its own order:
// the page of all after the cursor.
func listConnection[T any, E any](p value.Page, all []T, id func(T) string, edge func(cursor string, node T) E) ([]E, model.PageInfo) {
	return connection(p, value.PageOf(all, id, p), id, edge)
}

// pageInfo says where page p, holding s, starts and ends.
func pageInfo[T any](p value.Page, s value.Slice[T], id func(T) string) model.PageInfo {
	info := model.PageInfo{HasNextPage: s.HasNext, HasPreviousPage: p.After != ""}
	if n := len(s.Items); n > 0 {
		start, end := cursor(id(s.Items[0])), cursor(id(s.Items[n-1]))
		info.StartCursor, info.EndCursor = &start, &end
	}
	return info
}

func ptrs[T any](in []T) []*T {
	out := make([]*T, len(in))
	for i := range in {
		out[i] = &in[i]
	}
	return out
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// codes turns a list of domain enum values into their codes; nil stays nil,
// so an omitted list in a patch leaves the field unchanged.
func codes[S ~string](in []S) *[]string {
	if in == nil {
		return nil
	}
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return &out
}

func vndPtr(v *value.VND) *int64 {
	if v == nil {
		return nil
	}
	n := int64(*v)
	return &n
}

// list turns domain codes into strings for a non-null GraphQL list: empty,
// never nil.
func list[S ~string](in []S) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}

// nestedPatch folds an update's nested contact and financials into the
// flat fields they replace; a field given both ways is refused.
func nestedPatch(in *model.UpdateStartupInput) error {
	var list errs.List
	if c := in.Contact; c != nil {
		in.ContactEmail = either(in.ContactEmail, c.Email, &list, "contact", "email")
		in.ContactPhone = either(in.ContactPhone, c.Phone, &list, "contact", "phone")
	}
	if f := in.Financials; f != nil {
		in.FundingNeedVnd = either(in.FundingNeedVnd, f.FundingNeedVnd, &list, "financials", "fundingNeedVnd")
		if f.Revenue != nil {
			if in.Revenue != nil {
				list.Add(bothWays("financials", "revenue"))
			}
			in.Revenue = f.Revenue
		}
	}
	return list.Err()
}

func either[T any](flat, nested *T, list *errs.List, field ...string) *T {
	if nested == nil {
		return flat
	}
	if flat != nil {
		list.Add(bothWays(field...))
	}
	return nested
}

func bothWays(field ...string) error {
	return errs.InvalidValue("Trường này được gửi hai lần: lồng nhau và ở dạng phẳng cũ.",
		"This field was sent twice: nested and in the old flat form.", field...)
}

// applicationEdges is a page of applications as a connection.
func applicationEdges(p value.Page, s value.Slice[funding.Application]) ([]model.ApplicationEdge, model.PageInfo) {
	return connection(p, s, func(a funding.Application) string { return a.ID },
		func(c string, a funding.Application) model.ApplicationEdge {
			return model.ApplicationEdge{Cursor: c, Node: a}
		})
}
