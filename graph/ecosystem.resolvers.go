package graph

import (
	"context"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/generated"
	"github.com/innoport/innoport/graph/model"
)

func (r *incubatorResolver) ID(ctx context.Context, obj *ecosystem.Incubator) (string, error) {
	return globalID(typeIncubator, obj.ID), nil
}

func (r *incubatorResolver) Ward(ctx context.Context, obj *ecosystem.Incubator) (string, error) {
	return obj.Ward.String(), nil
}

func (r *incubatorResolver) Startups(ctx context.Context, obj *ecosystem.Incubator, first *int, after *string) (*model.StartupConnection, error) {
	page, err := pageOf(first, after)
	if err != nil {
		return nil, err
	}
	l := loadersOf(ctx)
	s, err := l.startupsOfIncubator.Load(ctx, pageKey{obj.ID, page})
	if err != nil {
		return nil, err
	}
	conn := &model.StartupConnection{Count: func(ctx context.Context) (int, error) {
		return l.startupCountOfIncubator.Load(ctx, obj.ID)
	}}
	conn.Edges, conn.PageInfo = connection(s, startupID, startupEdge)
	return conn, nil
}

func (r *investorResolver) ID(ctx context.Context, obj *ecosystem.Investor) (string, error) {
	return globalID(typeInvestor, obj.ID), nil
}

func (r *investorResolver) ContactEmail(ctx context.Context, obj *ecosystem.Investor) (*string, error) {
	return optional(obj.Email.String()), nil
}

func (r *investorResolver) Sectors(ctx context.Context, obj *ecosystem.Investor) ([]value.Sector, error) {
	return obj.Thesis.Sectors, nil
}

func (r *investorResolver) Stages(ctx context.Context, obj *ecosystem.Investor) ([]value.Stage, error) {
	return obj.Thesis.Stages, nil
}

func (r *investorResolver) TicketMinVnd(ctx context.Context, obj *ecosystem.Investor) (value.VND, error) {
	return obj.Thesis.Ticket.Min, nil
}

func (r *investorResolver) TicketMaxVnd(ctx context.Context, obj *ecosystem.Investor) (value.VND, error) {
	return obj.Thesis.Ticket.Max, nil
}

func (r *investorResolver) Geography(ctx context.Context, obj *ecosystem.Investor) ([]string, error) {
	return obj.Thesis.Geography, nil
}

func (r *mentorResolver) ID(ctx context.Context, obj *ecosystem.Mentor) (string, error) {
	return globalID(typeMentor, obj.ID), nil
}

func (r *mutationResolver) CreateInvestor(ctx context.Context, input model.CreateInvestorInput) (*model.InvestorPayload, error) {
	inv, err := r.Ecosystem.CreateInvestor(ctx, ecosystem.InvestorDraft{
		Name: input.Name, Kind: string(input.Kind), Description: deref(input.Description),
		Website: deref(input.Website), Email: deref(input.ContactEmail),
		Sectors: deref(codes(input.Sectors)), Stages: deref(codes(input.Stages)), Geography: input.Geography,
		TicketMin: int64(input.TicketMinVnd), TicketMax: int64(input.TicketMaxVnd),
	})
	return investorPayload(ctx, inv, err)
}

func (r *mutationResolver) UpdateInvestor(ctx context.Context, input model.UpdateInvestorInput) (*model.InvestorPayload, error) {
	id, err := domainID(input.ID, typeInvestor, "id")
	if err != nil {
		return investorPayload(ctx, ecosystem.Investor{}, err)
	}
	p := ecosystem.InvestorPatch{
		Name: input.Name, Description: input.Description, Website: input.Website, Email: input.ContactEmail,
		Sectors: codes(input.Sectors), Stages: codes(input.Stages),
		TicketMin: vndPtr(input.TicketMinVnd), TicketMax: vndPtr(input.TicketMaxVnd),
	}
	if input.Kind != nil {
		k := string(*input.Kind)
		p.Kind = &k
	}
	if input.Geography != nil {
		p.Geography = &input.Geography
	}
	inv, err := r.Ecosystem.UpdateInvestor(ctx, id, int64(input.Version), p)
	return investorPayload(ctx, inv, err)
}

func investorPayload(ctx context.Context, inv ecosystem.Investor, err error) (*model.InvestorPayload, error) {
	v, ue, err := result(ctx, inv, err)
	if err != nil {
		return nil, err
	}
	return &model.InvestorPayload{Investor: v, UserErrors: ue}, nil
}

func (r *mutationResolver) CreateMentor(ctx context.Context, input model.CreateMentorInput) (*model.MentorPayload, error) {
	m, err := r.Ecosystem.CreateMentor(ctx, ecosystem.MentorDraft{
		Name: input.Name, Subject: deref(input.Subject), Affiliation: deref(input.Affiliation),
		Country: deref(input.Country), Bio: deref(input.Bio), Expertise: *codes(input.Expertise),
		Overseas: deref(input.Overseas), Capacity: deref(input.Capacity),
	})
	return mentorPayload(ctx, m, err)
}

func (r *mutationResolver) UpdateMentor(ctx context.Context, input model.UpdateMentorInput) (*model.MentorPayload, error) {
	id, err := domainID(input.ID, typeMentor, "id")
	if err != nil {
		return mentorPayload(ctx, ecosystem.Mentor{}, err)
	}
	m, err := r.Ecosystem.UpdateMentor(ctx, id, int64(input.Version), ecosystem.MentorPatch{
		Name: input.Name, Subject: input.Subject, Affiliation: input.Affiliation, Country: input.Country,
		Bio: input.Bio, Expertise: codes(input.Expertise), Overseas: input.Overseas, Capacity: input.Capacity,
	})
	return mentorPayload(ctx, m, err)
}

func mentorPayload(ctx context.Context, m ecosystem.Mentor, err error) (*model.MentorPayload, error) {
	v, ue, err := result(ctx, m, err)
	if err != nil {
		return nil, err
	}
	return &model.MentorPayload{Mentor: v, UserErrors: ue}, nil
}

func (r *queryResolver) Incubators(ctx context.Context) ([]*ecosystem.Incubator, error) {
	all, err := r.Ecosystem.Incubators(ctx)
	return ptrs(all), err
}

func (r *queryResolver) Investors(ctx context.Context, first *int, after *string) (*model.InvestorConnection, error) {
	page, err := pageOf(first, after)
	if err != nil {
		return nil, err
	}
	s, err := r.Ecosystem.Investors(ctx, page)
	if err != nil {
		return nil, err
	}
	conn := &model.InvestorConnection{Count: r.Ecosystem.CountInvestors}
	conn.Edges, conn.PageInfo = connection(s, func(i ecosystem.Investor) string { return i.ID },
		func(c string, i ecosystem.Investor) model.InvestorEdge { return model.InvestorEdge{Cursor: c, Node: i} })
	return conn, nil
}

func (r *queryResolver) Mentors(ctx context.Context, first *int, after *string) (*model.MentorConnection, error) {
	page, err := pageOf(first, after)
	if err != nil {
		return nil, err
	}
	s, err := r.Ecosystem.Mentors(ctx, page)
	if err != nil {
		return nil, err
	}
	conn := &model.MentorConnection{Count: r.Ecosystem.CountMentors}
	conn.Edges, conn.PageInfo = connection(s, func(m ecosystem.Mentor) string { return m.ID },
		func(c string, m ecosystem.Mentor) model.MentorEdge { return model.MentorEdge{Cursor: c, Node: m} })
	return conn, nil
}

// Incubator returns generated.IncubatorResolver implementation.
func (r *Resolver) Incubator() generated.IncubatorResolver { return &incubatorResolver{r} }

// Investor returns generated.InvestorResolver implementation.
func (r *Resolver) Investor() generated.InvestorResolver { return &investorResolver{r} }

// Mentor returns generated.MentorResolver implementation.
func (r *Resolver) Mentor() generated.MentorResolver { return &mentorResolver{r} }

type incubatorResolver struct{ *Resolver }
type investorResolver struct{ *Resolver }
type mentorResolver struct{ *Resolver }
