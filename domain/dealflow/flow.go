package dealflow

import (
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search"
)

// maxQuery bounds a search text.
const maxQuery = 200

// Sort orders deal flow.
type Sort string

// The orders.
const (
	ByFit  Sort = "FIT"  // scored startups first, best fit first; then best text match
	ByName Sort = "NAME" // by name, diacritics aside
)

// Query asks for a page of deal flow.
type Query struct {
	Text   string
	Filter Filter
	// InPipeline keeps startups at these stages of the investor's pipeline.
	InPipeline []Stage
	// NotInPipeline keeps startups not yet in the pipeline.
	NotInPipeline bool
	Sort          Sort
	Offset, First int
}

// Item is one startup of deal flow.
type Item struct {
	StartupID  string
	Fit        *float64 // the matching engine's score, where it exists
	Deal       *Deal
	Highlights map[string]string
}

// Page is a page of deal flow, with the total and facet counts over all of it.
type Page struct {
	Items   []Item
	Total   int
	HasNext bool
	Facets  map[search.Facet]map[string]int
}

// SearchQuery validates search text and a filter as an index query.
func SearchQuery(text string, f Filter) (search.Query, error) {
	text, err := value.Text(text, false, maxQuery)
	if err != nil {
		return search.Query{}, at(err, "query")
	}
	q := search.Query{Text: text, Filter: map[search.Facet][]string{}}
	for facet, vs := range map[search.Facet][]string{search.FacetSector: f.Sectors, search.FacetStage: f.Stages,
		search.FacetWard: f.Wards, search.FacetIncubator: f.IncubatorIDs} {
		if len(vs) > 0 {
			q.Filter[facet] = vs
		}
	}
	return q, nil
}

// DealFlow ranks startups for an investor: those the matching engine scored
// for the investor first, best fit first (with ByFit), then the rest by text
// relevance — all narrowed by the text, filter and pipeline stage asked for.
func (s *Service) DealFlow(ctx context.Context, investorID string, dq Query) (Page, error) {
	if _, err := s.investor(ctx, investorID); err != nil {
		return Page{}, err
	}
	base, err := SearchQuery(dq.Text, dq.Filter)
	if err != nil {
		return Page{}, err
	}
	base.Types = []search.Type{search.Startup}
	deals, err := s.st.Deals.ForInvestor(ctx, investorID)
	if err != nil {
		return Page{}, err
	}
	byStartup := make(map[string]*Deal, len(deals))
	for i := range deals {
		byStartup[deals[i].StartupID] = &deals[i]
	}
	if len(dq.InPipeline) > 0 {
		base.IDs = []string{}
		for _, d := range deals {
			if slices.Contains(dq.InPipeline, d.Stage) {
				base.IDs = append(base.IDs, d.StartupID)
			}
		}
	}
	if dq.NotInPipeline {
		for _, d := range deals {
			base.ExcludeIDs = append(base.ExcludeIDs, d.StartupID)
		}
	}
	if dq.Sort == ByName {
		base.Sort = search.ByTitle
	}
	scores := map[string]float64{}
	if s.scores != nil {
		if scores, err = s.scores(ctx, investorID); err != nil {
			return Page{}, err
		}
	}

	// The scored startups that pass the query, best fit first.
	var scored []search.Hit
	if dq.Sort != ByName && len(scores) > 0 {
		q := base
		q.IDs = make([]string, 0, len(scores))
		for id := range scores {
			if base.IDs == nil || slices.Contains(base.IDs, id) {
				q.IDs = append(q.IDs, id)
			}
		}
		q.Limit = min(len(q.IDs), search.MaxLimit)
		if q.Limit > 0 {
			res, err := s.index.Search(ctx, q)
			if err != nil {
				return Page{}, err
			}
			scored = res.Hits
		}
		sort.SliceStable(scored, func(i, j int) bool { return scores[scored[i].ID] > scores[scored[j].ID] })
		for _, h := range scored {
			base.ExcludeIDs = append(base.ExcludeIDs, h.ID)
		}
	}

	// The page: from the scored part, then from the rest.
	var hits []search.Hit
	if dq.Offset < len(scored) {
		hits = scored[dq.Offset:min(len(scored), dq.Offset+dq.First)]
	}
	rest := base
	rest.Facets = search.Facets
	rest.Offset = max(0, dq.Offset-len(scored))
	rest.Limit = dq.First - len(hits)
	res, err := s.index.Search(ctx, rest)
	if err != nil {
		return Page{}, err
	}
	hits = append(hits, res.Hits...)
	page := Page{Total: len(scored) + res.Total, Facets: res.Facets}
	page.HasNext = dq.Offset+len(hits) < page.Total
	if len(scored) > 0 {
		// The facets count every hit, scored ones included.
		all := base
		all.ExcludeIDs = all.ExcludeIDs[:len(all.ExcludeIDs)-len(scored)]
		all.Facets, all.Limit = search.Facets, 0
		whole, err := s.index.Search(ctx, all)
		if err != nil {
			return Page{}, err
		}
		page.Facets = whole.Facets
	}
	for _, h := range hits {
		it := Item{StartupID: h.ID, Deal: byStartup[h.ID], Highlights: h.Highlights}
		if sc, ok := scores[h.ID]; ok {
			it.Fit = &sc
		}
		page.Items = append(page.Items, it)
	}
	return page, nil
}

// SaveSearch keeps a search for an investor, who is then notified of
// startups that newly match it.
func (s *Service) SaveSearch(ctx context.Context, investorID, name, text string, f Filter) (SavedSearch, error) {
	if _, err := s.investor(ctx, investorID); err != nil {
		return SavedSearch{}, err
	}
	var list errs.List
	name, err := value.Text(name, true, 80)
	list.Check(err, "name")
	_, err = SearchQuery(text, f)
	list.Check(err)
	if err := list.Err(); err != nil {
		return SavedSearch{}, err
	}
	have, err := s.st.SavedSearches.ForInvestor(ctx, investorID)
	if err != nil {
		return SavedSearch{}, err
	}
	if len(have) >= maxSavedSearches {
		return SavedSearch{}, errs.InvalidValue(
			fmt.Sprintf("Mỗi nhà đầu tư lưu tối đa %d tìm kiếm; hãy xoá bớt.", maxSavedSearches),
			fmt.Sprintf("An investor keeps at most %d saved searches; delete one first.", maxSavedSearches), "name")
	}
	ss := SavedSearch{Meta: record.New(s.clock.Now()), InvestorID: investorID, Name: name, Query: text, Filter: f}
	if err := s.st.SavedSearches.Create(ctx, ss); err != nil {
		return SavedSearch{}, err
	}
	return ss, nil
}

// SavedSearches lists an investor's saved searches, oldest first.
func (s *Service) SavedSearches(ctx context.Context, investorID string) ([]SavedSearch, error) {
	if _, err := s.investor(ctx, investorID); err != nil {
		return nil, err
	}
	return s.st.SavedSearches.ForInvestor(ctx, investorID)
}

// DeleteSavedSearch removes a saved search of the caller's investor.
func (s *Service) DeleteSavedSearch(ctx context.Context, id string) error {
	ss, err := s.st.SavedSearches.Get(ctx, id)
	if err != nil {
		return at(err, "id")
	}
	if _, err := s.investor(ctx, ss.InvestorID); err != nil {
		return err
	}
	return s.st.SavedSearches.Delete(ctx, id)
}

// Alert notifies the investors whose saved searches the changed startups
// newly match; it is told of every batch of indexed documents.
func (s *Service) Alert(ctx context.Context, docs []search.Doc) (int, error) {
	var ids []string
	names := map[string]string{}
	for _, d := range docs {
		if d.Type == search.Startup {
			ids = append(ids, d.ID)
			names[d.ID] = d.Title
		}
	}
	if len(ids) == 0 {
		return 0, nil
	}
	saved, err := s.st.SavedSearches.All(ctx)
	if err != nil {
		return 0, err
	}
	added := 0
	for _, ss := range saved {
		q, err := SearchQuery(ss.Query, ss.Filter)
		if err != nil {
			continue // saved before a rule tightened; it matches nothing
		}
		q.Types, q.IDs, q.Limit = []search.Type{search.Startup}, ids, min(len(ids), search.MaxLimit)
		res, err := s.index.Search(ctx, q)
		if err != nil {
			return added, err
		}
		for _, h := range res.Hits {
			now := s.clock.Now()
			ok, err := s.st.Notifications.Add(ctx, Notification{ID: value.NewID(now), Key: "search/" + ss.ID + "/" + h.ID,
				InvestorID: ss.InvestorID, Kind: SavedSearchMatch, SavedSearchID: ss.ID, SearchName: ss.Name, StartupID: h.ID,
				StartupName: names[h.ID], CreatedAt: now})
			if err != nil {
				return added, err
			}
			if ok {
				added++
			}
		}
	}
	return added, nil
}

// notified is whom the caller reads notifications for: the investor or
// the startup they act for.
func notified(p identity.Principal) (Recipient, error) {
	switch {
	case p.Anonymous():
		return Recipient{}, errs.UnauthenticatedErr()
	case p.OrgID == "":
	case p.Has(identity.RoleInvestor):
		return Recipient{InvestorID: p.OrgID}, nil
	case p.Has(identity.RoleStartupMember):
		return Recipient{StartupID: p.OrgID}, nil
	}
	return Recipient{}, errs.Forbidden()
}

// Notifications pages the caller's notifications, newest first.
func (s *Service) Notifications(ctx context.Context, unreadOnly bool, p value.Page) (value.Slice[Notification], error) {
	to, err := notified(identity.FromContext(ctx))
	if err != nil {
		return value.Slice[Notification]{}, err
	}
	return s.st.Notifications.List(ctx, to, unreadOnly, p)
}

// CountNotifications counts what Notifications pages.
func (s *Service) CountNotifications(ctx context.Context, unreadOnly bool) (int, error) {
	to, err := notified(identity.FromContext(ctx))
	if err != nil {
		return 0, err
	}
	return s.st.Notifications.Count(ctx, to, unreadOnly)
}

// ApplicationMoved tells a startup's members that the fund moved their
// application (under review, shortlisted, awarded, rejected), once per status.
func (s *Service) ApplicationMoved(ctx context.Context, startupID, applicationID, callID, status string) error {
	now := s.clock.Now()
	_, err := s.st.Notifications.Add(ctx, Notification{ID: value.NewID(now), Key: "application/" + applicationID + "/" + status,
		ForStartupID: startupID, Kind: ApplicationStatusChanged, StartupID: startupID,
		ApplicationID: applicationID, CallID: callID, Status: status, CreatedAt: now})
	return err
}

// MarkRead marks one of the caller's notifications read.
func (s *Service) MarkRead(ctx context.Context, id string) (Notification, error) {
	n, err := s.Notification(ctx, id)
	if err != nil {
		return Notification{}, at(err, "id")
	}
	if !n.ReadAt.IsZero() {
		return n, nil
	}
	return s.st.Notifications.MarkRead(ctx, id, s.clock.Now())
}
