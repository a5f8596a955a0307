package graph

import (
	"context"
	"encoding/base64"
	"sort"
	"strconv"
	"strings"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/model"
	"github.com/innoport/innoport/search"
)

// Search results page by offset: a cursor is the position after an item.

func offsetCursor(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o" + strconv.Itoa(offset)))
}

// offsetPageInfo is the page info of the n items after offset.
func offsetPageInfo(offset, n int, hasNext bool) model.PageInfo {
	info := model.PageInfo{HasNextPage: hasNext, HasPreviousPage: offset > 0}
	if n > 0 {
		start, end := offsetCursor(offset+1), offsetCursor(offset+n)
		info.StartCursor, info.EndCursor = &start, &end
	}
	return info
}

// offsetPage validates connection arguments of a ranked list.
func offsetPage(first *int, after *string) (offset int, p value.Page, err error) {
	if after != nil && *after != "" {
		b, err := base64.RawURLEncoding.DecodeString(*after)
		n, perr := strconv.Atoi(strings.TrimPrefix(string(b), "o"))
		if err != nil || perr != nil || !strings.HasPrefix(string(b), "o") || n < 0 || n > search.MaxLimit*10 {
			return 0, value.Page{}, errs.InvalidValue("Con trỏ trang không hợp lệ.", "Invalid page cursor.", "after")
		}
		offset = n
	}
	p, err = value.NewPage(first, "", 20)
	if err == nil && offset+p.First > search.MaxLimit {
		err = errs.InvalidValue("Chỉ xem được 1000 kết quả đầu; hãy thu hẹp tìm kiếm.",
			"Only the first 1000 results can be paged through; narrow the search.", "after")
	}
	return offset, p, err
}

// facetFilter converts a search filter, decoding incubator IDs.
func facetFilter(sectors []value.Sector, stages []value.Stage, wards, incubatorIDs []string, field ...string) (dealflow.Filter, error) {
	f := dealflow.Filter{Wards: wards}
	for _, s := range sectors {
		f.Sectors = append(f.Sectors, string(s))
	}
	for _, s := range stages {
		f.Stages = append(f.Stages, string(s))
	}
	for _, gid := range incubatorIDs {
		id, err := domainID(gid, typeIncubator, append(field, "incubatorIds")...)
		if err != nil {
			return f, err
		}
		f.IncubatorIDs = append(f.IncubatorIDs, id)
	}
	return f, nil
}

// foldStartupFilter moves the deprecated singular fields of a startup
// filter into their lists and text into query; a field sent both ways is
// refused. It returns the name the text came under, for errors.
func foldStartupFilter(f *model.StartupFilter) (string, error) {
	if f == nil {
		return "query", nil
	}
	var list errs.List
	textAt := "query"
	if f.Text != nil {
		textAt = "text"
		f.Query = either(f.Query, f.Text, &list, "filter", "text")
	}
	one := func(set bool, lists int, field string) bool {
		if set && lists > 0 {
			list.Add(bothWays("filter", field))
		}
		return set && lists == 0
	}
	if one(f.Stage != nil, len(f.Stages), "stage") {
		f.Stages = []value.Stage{*f.Stage}
	}
	if one(deref(f.IncubatorID) != "", len(f.IncubatorIds), "incubatorId") {
		if _, err := domainID(*f.IncubatorID, typeIncubator, "filter", "incubatorId"); err != nil {
			list.Add(err) // at the field the caller sent
		}
		f.IncubatorIds = []string{*f.IncubatorID}
	}
	if one(deref(f.Ward) != "", len(f.Wards), "ward") {
		f.Wards = []string{*f.Ward}
	}
	return textAt, list.Err()
}

func highlightsOf(h map[string]string) []*model.Highlight {
	out := []*model.Highlight{}
	for _, f := range []struct{ index, schema string }{{"title", "name"}, {"body", "description"}} {
		if s, ok := h[f.index]; ok {
			out = append(out, &model.Highlight{Field: f.schema, Snippet: s})
		}
	}
	return out
}

// facetsOf names and orders facet counts: most common first.
func (r *Resolver) facetsOf(ctx context.Context, counts map[search.Facet]map[string]int) (*model.SearchFacets, error) {
	labels := map[string]string{}
	for _, info := range value.Sectors() {
		labels[string(info.Sector)] = info.VI
		if langOf(ctx) == errs.EN {
			labels[string(info.Sector)] = info.EN
		}
	}
	var ids []string
	for id := range counts[search.FacetIncubator] {
		ids = append(ids, id)
	}
	incubators, err := r.Ecosystem.IncubatorsByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	list := func(f search.Facet) []*model.FacetValue {
		out := []*model.FacetValue{}
		for v, n := range counts[f] {
			fv := &model.FacetValue{Value: v, Label: v, Count: n}
			switch f {
			case search.FacetSector:
				fv.Label = labels[v]
			case search.FacetCooperation:
				fv.Label = transfer.Cooperation(v).Label(langOf(ctx) == errs.EN)
			case search.FacetIncubator:
				inc, ok := incubators[v]
				if !ok {
					continue // gone since it was indexed
				}
				fv.Value, fv.Label = globalID(typeIncubator, v), inc.Name
			}
			out = append(out, fv)
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Count != out[j].Count {
				return out[i].Count > out[j].Count
			}
			return out[i].Label < out[j].Label
		})
		return out
	}
	return &model.SearchFacets{Sectors: list(search.FacetSector), Stages: list(search.FacetStage),
		Wards: list(search.FacetWard), Incubators: list(search.FacetIncubator), TrlBands: list(search.FacetTRL),
		IPStatuses: list(search.FacetIP), Cooperation: list(search.FacetCooperation)}, nil
}

// nodesOf loads the records of hits, one query per type; a hit whose record
// is gone (the index trails the store) is dropped.
func (r *Resolver) nodesOf(ctx context.Context, hits []search.Hit) (map[search.Key]model.SearchResult, error) {
	ids := map[search.Type][]string{}
	for _, h := range hits {
		ids[h.Type] = append(ids[h.Type], h.ID)
	}
	out := map[search.Key]model.SearchResult{}
	for t, list := range ids {
		var err error
		switch t {
		case search.Startup:
			err = collect[firm.Startup](out, t)(r.Firms.GetMany(ctx, list))
		case search.FundCall:
			err = collect[funding.Call](out, t)(r.Funding.CallsByID(ctx, list))
		case search.Investor:
			err = collect[ecosystem.Investor](out, t)(r.Ecosystem.InvestorsByID(ctx, list))
		case search.Mentor:
			err = collect[ecosystem.Mentor](out, t)(r.Ecosystem.MentorsByID(ctx, list))
		case search.TechOffer:
			err = collect[transfer.Offer](out, t)(r.Transfer.OffersByID(ctx, list))
		case search.TechRequest:
			err = collect[transfer.Request](out, t)(r.Transfer.RequestsByID(ctx, list))
		}
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func collect[V any](out map[search.Key]model.SearchResult, t search.Type) func(map[string]V, error) error {
	return func(m map[string]V, err error) error {
		for id, v := range m {
			out[search.Key{Type: t, ID: id}] = &v
		}
		return err
	}
}

// searchStartups answers startups(filter: {text}) from the search index:
// best match first, paged by offset.
func (r *Resolver) searchStartups(ctx context.Context, first *int, after *string, filter *model.StartupFilter, textAt string) (*model.StartupConnection, error) {
	offset, page, err := offsetPage(first, after)
	if err != nil {
		return nil, err
	}
	f, err := facetFilter(filter.Sectors, filter.Stages, filter.Wards, filter.IncubatorIds, "filter")
	if err != nil {
		return nil, err
	}
	q, err := dealflow.SearchQuery(*filter.Query, f)
	if err != nil {
		return nil, textField(err, "filter", textAt)
	}
	q.Types, q.Offset, q.Limit = []search.Type{search.Startup}, offset, page.First
	res, err := r.Index.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	found, err := r.Firms.GetMany(ctx, ids)
	if err != nil {
		return nil, err
	}
	conn := &model.StartupConnection{Count: func(context.Context) (int, error) { return res.Total, nil }}
	conn.PageInfo = offsetPageInfo(offset, len(ids), offset+len(ids) < res.Total)
	for i, id := range ids {
		c := offsetCursor(offset + i + 1)
		if st, ok := found[id]; ok {
			conn.Edges = append(conn.Edges, model.StartupEdge{Cursor: c, Node: st})
		}
	}
	return conn, nil
}

// refield moves a domain error to another input field.
func refield(err error, field ...string) error {
	es := errs.Flatten(err)
	if len(es) == 0 {
		return err
	}
	e := *es[0]
	e.Field = field
	return &e
}

// textField moves an error about the search text (field "query") to the
// field the text came in.
func textField(err error, field ...string) error {
	if es := errs.Flatten(err); len(es) > 0 && len(es[0].Field) == 1 && es[0].Field[0] == "query" {
		return refield(err, field...)
	}
	return err
}
