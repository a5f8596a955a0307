package search

import (
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
)

// The documents are built from public fields only: never a contact,
// financials, screening evidence, an e-mail address or a draft call.

// StartupDoc is a startup's public profile.
func StartupDoc(s firm.Startup) Doc {
	f := map[Facet][]string{
		FacetSector: strs(s.Sectors),
		FacetStage:  {string(s.Stage)},
		FacetWard:   {s.Ward.String()},
	}
	if s.IncubatorID != "" {
		f[FacetIncubator] = []string{s.IncubatorID}
	}
	return Doc{Type: Startup, ID: s.ID, Version: s.Version, Title: s.Name, Subtitle: s.NameEN,
		Keywords: sectorLabels(s.Sectors), Body: s.Description, Facets: f}
}

// CallDoc is a published call; ok is false for a draft or cancelled call,
// which is not searchable.
func CallDoc(c funding.Call) (d Doc, ok bool) {
	if c.Status == funding.CallDraft || c.Status == funding.CallCancelled {
		return Doc{}, false
	}
	return Doc{Type: FundCall, ID: c.ID, Version: c.Version, Title: c.Title,
		Keywords: sectorLabels(c.Sectors), Body: c.Description,
		Facets: map[Facet][]string{FacetSector: strs(c.Sectors), FacetWard: c.Wards}}, true
}

// InvestorDoc is an investor's public profile and thesis.
func InvestorDoc(v ecosystem.Investor) Doc {
	return Doc{Type: Investor, ID: v.ID, Version: v.Version, Title: v.Name, Subtitle: string(v.Kind),
		Keywords: sectorLabels(v.Thesis.Sectors), Body: v.Description,
		Facets: map[Facet][]string{FacetSector: strs(v.Thesis.Sectors), FacetStage: strs(v.Thesis.Stages), FacetWard: v.Thesis.Geography}}
}

// MentorDoc is a mentor's public profile.
func MentorDoc(m ecosystem.Mentor) Doc {
	return Doc{Type: Mentor, ID: m.ID, Version: m.Version, Title: m.Name, Subtitle: m.Affiliation,
		Keywords: sectorLabels(m.Expertise), Body: m.Bio,
		Facets: map[Facet][]string{FacetSector: strs(m.Expertise)}}
}

// OfferDoc is a published technology offer's public part (never its
// details); ok is false for an offer that is not published.
func OfferDoc(o transfer.Offer) (d Doc, ok bool) {
	if o.Status != transfer.Published {
		return Doc{}, false
	}
	var ip []string
	for _, r := range o.IP {
		ip = append(ip, r.Status())
	}
	body := o.Summary
	if o.SummaryEN != "" {
		body += "\n" + o.SummaryEN
	}
	return Doc{Type: TechOffer, ID: o.ID, Version: o.Version, Title: o.Title, Subtitle: o.TitleEN,
		Keywords: sectorLabels(o.Sectors), Body: body,
		Facets: map[Facet][]string{FacetSector: strs(o.Sectors), FacetTRL: {o.TRL.Band()}, FacetIP: ip,
			FacetCooperation: strs(o.Cooperation)}}, true
}

// RequestDoc is an open technology request's problem (never the firm of a
// confidential one: no firm is indexed); ok is false for a closed request.
func RequestDoc(r transfer.Request) (d Doc, ok bool) {
	if r.Status != transfer.RequestOpen {
		return Doc{}, false
	}
	return Doc{Type: TechRequest, ID: r.ID, Version: r.Version, Title: r.Title, Keywords: sectorLabels(r.Sectors),
		Body: r.Problem, Facets: map[Facet][]string{FacetSector: strs(r.Sectors), FacetTRL: {r.TRL.Band()}}}, true
}

// sectorLabels are the sectors' names in Vietnamese and English.
func sectorLabels(ss []value.Sector) []string {
	var out []string
	for _, info := range value.Sectors() {
		for _, s := range ss {
			if info.Sector == s {
				out = append(out, info.VI, info.EN)
			}
		}
	}
	return out
}

func strs[S ~string](in []S) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}
