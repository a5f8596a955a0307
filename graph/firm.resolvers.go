package graph

import (
	"context"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/graph/generated"
	"github.com/innoport/innoport/graph/model"
)

func (r *contactResolver) Email(ctx context.Context, obj *firm.Contact) (string, error) {
	return obj.Email.String(), nil
}

func (r *contactResolver) Phone(ctx context.Context, obj *firm.Contact) (*string, error) {
	return optional(obj.Phone.String()), nil
}

func (r *mutationResolver) CreateStartup(ctx context.Context, input model.CreateStartupInput) (*model.StartupPayload, error) {
	d := firm.Draft{
		Name: input.Name, NameEN: deref(input.NameEn), TaxCode: input.TaxCode, FoundedOn: input.FoundedOn.String(),
		Ward: input.Ward, Sectors: *codes(input.Sectors), Stage: string(input.Stage),
		Description: deref(input.Description), Website: deref(input.Website), TeamSize: input.TeamSize,
		Email: input.Contact.Email, Phone: deref(input.Contact.Phone),
	}
	if f := input.Financials; f != nil {
		d.FundingNeed = int64(deref(f.FundingNeedVnd))
		d.Revenue = revenueDrafts(f.Revenue)
	}
	var err error
	if d.IncubatorID, err = optionalID(input.IncubatorID, typeIncubator, "incubatorId"); err != nil {
		return startupPayload(ctx, firm.Startup{}, err)
	}
	st, err := r.Firms.Create(ctx, d)
	return startupPayload(ctx, st, err)
}

func (r *mutationResolver) UpdateStartup(ctx context.Context, input model.UpdateStartupInput) (*model.StartupPayload, error) {
	id, err := domainID(input.ID, typeStartup, "id")
	if err != nil {
		return startupPayload(ctx, firm.Startup{}, err)
	}
	p := firm.Patch{
		Name: input.Name, NameEN: input.NameEn, TaxCode: input.TaxCode, Ward: input.Ward,
		Sectors: codes(input.Sectors), Description: input.Description, Website: input.Website,
		TeamSize: input.TeamSize, Email: input.ContactEmail, Phone: input.ContactPhone,
		FundingNeed: vndPtr(input.FundingNeedVnd),
	}
	if input.FoundedOn != nil {
		s := input.FoundedOn.String()
		p.FoundedOn = &s
	}
	if input.Stage != nil {
		s := string(*input.Stage)
		p.Stage = &s
	}
	if input.IncubatorID != nil {
		inc, err := optionalID(input.IncubatorID, typeIncubator, "incubatorId")
		if err != nil {
			return startupPayload(ctx, firm.Startup{}, err)
		}
		p.IncubatorID = &inc
	}
	if input.Revenue != nil {
		rev := revenueDrafts(input.Revenue)
		p.Revenue = &rev
	}
	st, err := r.Firms.Update(ctx, id, int64(input.Version), p)
	return startupPayload(ctx, st, err)
}

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

func (r *queryResolver) Startups(ctx context.Context, first *int, after *string, filter *model.StartupFilter) (*model.StartupConnection, error) {
	page, err := pageOf(first, after)
	if err != nil {
		return nil, err
	}
	var f firm.Filter
	if filter != nil {
		f.Sectors, f.Ward = filter.Sectors, deref(filter.Ward)
		f.Stage = deref(filter.Stage)
		if f.IncubatorID, err = optionalID(filter.IncubatorID, typeIncubator, "filter", "incubatorId"); err != nil {
			return nil, err
		}
	}
	s, err := r.Firms.List(ctx, f, page)
	if err != nil {
		return nil, err
	}
	conn := &model.StartupConnection{Count: func(ctx context.Context) (int, error) { return r.Firms.Count(ctx, f) }}
	conn.Edges, conn.PageInfo = connection(s, startupID, startupEdge)
	return conn, nil
}

func startupID(s firm.Startup) string { return s.ID }

func startupEdge(c string, s firm.Startup) model.StartupEdge {
	return model.StartupEdge{Cursor: c, Node: s}
}

func (r *queryResolver) Startup(ctx context.Context, id string) (*firm.Startup, error) {
	raw, err := domainID(id, typeStartup, "id")
	if err != nil {
		return nil, err
	}
	st, err := r.Firms.Get(ctx, raw)
	if err != nil {
		return nil, err
	}
	return &st, nil
}

func (r *startupResolver) ID(ctx context.Context, obj *firm.Startup) (string, error) {
	return globalID(typeStartup, obj.ID), nil
}

func (r *startupResolver) TaxCode(ctx context.Context, obj *firm.Startup) (string, error) {
	return obj.TaxCode.String(), nil
}

func (r *startupResolver) Ward(ctx context.Context, obj *firm.Startup) (string, error) {
	return obj.Ward.String(), nil
}

func (r *startupResolver) Incubator(ctx context.Context, obj *firm.Startup) (*ecosystem.Incubator, error) {
	if obj.IncubatorID == "" {
		return nil, nil
	}
	inc, err := loadersOf(ctx).incubator.Load(ctx, obj.IncubatorID)
	if err != nil {
		return nil, err
	}
	return &inc, nil
}

func (r *startupResolver) Contact(ctx context.Context, obj *firm.Startup) (*firm.Contact, error) {
	c, _, err := r.Firms.Confidential(ctx, *obj)
	if err != nil {
		return nil, err
	}
	return &c, nil
}

func (r *startupResolver) Financials(ctx context.Context, obj *firm.Startup) (*firm.Financials, error) {
	_, f, err := r.Firms.Confidential(ctx, *obj)
	if err != nil {
		return nil, err
	}
	return &f, nil
}

// Contact returns generated.ContactResolver implementation.
func (r *Resolver) Contact() generated.ContactResolver { return &contactResolver{r} }

// Startup returns generated.StartupResolver implementation.
func (r *Resolver) Startup() generated.StartupResolver { return &startupResolver{r} }

type contactResolver struct{ *Resolver }
type startupResolver struct{ *Resolver }
