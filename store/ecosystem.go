package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search"
)

type incubatorDoc struct {
	Meta       metaDoc      `bson:",inline"`
	Name       string       `bson:"name"`
	NameEN     string       `bson:"nameEn,omitempty"`
	University string       `bson:"university"`
	Ward       string       `bson:"ward"`
	Website    string       `bson:"website,omitempty"`
	Programs   []programDoc `bson:"programs"`
	Managers   []string     `bson:"managers"`
}

type programDoc struct {
	Name        string   `bson:"name"`
	Description string   `bson:"description,omitempty"`
	Sectors     []string `bson:"sectors"`
	Stages      []string `bson:"stages"`
}

func incubatorToDoc(i ecosystem.Incubator) incubatorDoc {
	d := incubatorDoc{Meta: metaToDoc(i.Meta), Name: i.Name, NameEN: i.NameEN, University: i.University,
		Ward: i.Ward.String(), Website: i.Website, Managers: i.Managers}
	for _, p := range i.Programs {
		d.Programs = append(d.Programs, programDoc{Name: p.Name, Description: p.Description,
			Sectors: names(p.Sectors), Stages: names(p.Stages)})
	}
	return d
}

func incubatorToDomain(d incubatorDoc) (ecosystem.Incubator, error) {
	ward, err := value.NewWard(d.Ward)
	if err != nil {
		return ecosystem.Incubator{}, corrupt(colIncubators, d.Meta.ID, err)
	}
	i := ecosystem.Incubator{Meta: d.Meta.toDomain(), Name: d.Name, NameEN: d.NameEN, University: d.University,
		Ward: ward, Website: d.Website, Managers: d.Managers}
	for _, p := range d.Programs {
		sectors, err := value.ParseSectors(p.Sectors)
		if err != nil {
			return ecosystem.Incubator{}, corrupt(colIncubators, d.Meta.ID, err)
		}
		prog := ecosystem.Program{Name: p.Name, Description: p.Description, Sectors: sectors}
		for _, s := range p.Stages {
			st, err := value.ParseStage(s)
			if err != nil {
				return ecosystem.Incubator{}, corrupt(colIncubators, d.Meta.ID, err)
			}
			prog.Stages = append(prog.Stages, st)
		}
		i.Programs = append(i.Programs, prog)
	}
	return i, nil
}

// Incubators stores ecosystem.Incubator documents.
type Incubators struct {
	repo[ecosystem.Incubator, incubatorDoc]
}

var _ ecosystem.IncubatorStore = (*Incubators)(nil)

// NewIncubators returns the incubator store of db.
func NewIncubators(db *DB) *Incubators {
	return &Incubators{repo[ecosystem.Incubator, incubatorDoc]{
		db: db, coll: db.coll(colIncubators), toDoc: incubatorToDoc, toDomain: incubatorToDomain,
		meta:   func(x *ecosystem.Incubator) *record.Meta { return &x.Meta },
		entity: ecosystem.EntityIncubator,
	}}
}

// All returns every incubator by name.
func (s *Incubators) All(ctx context.Context) ([]ecosystem.Incubator, error) {
	return s.find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "name", Value: 1}, {Key: "_id", Value: 1}}))
}

type investorDoc struct {
	Meta        metaDoc  `bson:",inline"`
	Name        string   `bson:"name"`
	Kind        string   `bson:"kind"`
	Description string   `bson:"description,omitempty"`
	Website     string   `bson:"website,omitempty"`
	Email       string   `bson:"email,omitempty"`
	Sectors     []string `bson:"sectors"`
	Stages      []string `bson:"stages"`
	Geography   []string `bson:"geography"`
	TicketMin   int64    `bson:"ticketMinVnd"`
	TicketMax   int64    `bson:"ticketMaxVnd"`
	Portfolio   []string `bson:"portfolio"`
}

func investorToDoc(i ecosystem.Investor) investorDoc {
	d := i.Draft()
	return investorDoc{Meta: metaToDoc(i.Meta), Name: d.Name, Kind: d.Kind, Description: d.Description,
		Website: d.Website, Email: d.Email, Sectors: d.Sectors, Stages: d.Stages, Geography: d.Geography,
		TicketMin: d.TicketMin, TicketMax: d.TicketMax, Portfolio: d.Portfolio}
}

func investorToDomain(d investorDoc) (ecosystem.Investor, error) {
	p, err := ecosystem.NewInvestorProfile(ecosystem.InvestorDraft{Name: d.Name, Kind: d.Kind,
		Description: d.Description, Website: d.Website, Email: d.Email, Sectors: d.Sectors, Stages: d.Stages,
		Geography: d.Geography, TicketMin: d.TicketMin, TicketMax: d.TicketMax, Portfolio: d.Portfolio})
	if err != nil {
		return ecosystem.Investor{}, corrupt(colInvestors, d.Meta.ID, err)
	}
	return ecosystem.Investor{Meta: d.Meta.toDomain(), InvestorProfile: p}, nil
}

type mentorDoc struct {
	Meta        metaDoc  `bson:",inline"`
	Name        string   `bson:"name"`
	Subject     string   `bson:"subject,omitempty"`
	Expertise   []string `bson:"expertise"`
	Affiliation string   `bson:"affiliation,omitempty"`
	Overseas    bool     `bson:"overseas"`
	Country     string   `bson:"country,omitempty"`
	Capacity    int      `bson:"capacity"`
	Bio         string   `bson:"bio,omitempty"`
	Mentees     []string `bson:"mentees"`
}

func mentorToDoc(m ecosystem.Mentor) mentorDoc {
	d := m.Draft()
	return mentorDoc{Meta: metaToDoc(m.Meta), Name: d.Name, Subject: d.Subject, Expertise: d.Expertise,
		Affiliation: d.Affiliation, Overseas: d.Overseas, Country: d.Country, Capacity: d.Capacity,
		Bio: d.Bio, Mentees: d.Mentees}
}

func mentorToDomain(d mentorDoc) (ecosystem.Mentor, error) {
	p, err := ecosystem.NewMentorProfile(ecosystem.MentorDraft{Name: d.Name, Subject: d.Subject,
		Expertise: d.Expertise, Affiliation: d.Affiliation, Overseas: d.Overseas, Country: d.Country,
		Capacity: d.Capacity, Bio: d.Bio, Mentees: d.Mentees})
	if err != nil {
		return ecosystem.Mentor{}, corrupt(colMentors, d.Meta.ID, err)
	}
	return ecosystem.Mentor{Meta: d.Meta.toDomain(), MentorProfile: p}, nil
}

// Actors stores one kind of ecosystem actor that is listed page by page.
type Actors[E any, D any] struct {
	repo[E, D]
}

var (
	_ ecosystem.Store[ecosystem.Investor] = (*Actors[ecosystem.Investor, investorDoc])(nil)
	_ ecosystem.Store[ecosystem.Mentor]   = (*Actors[ecosystem.Mentor, mentorDoc])(nil)
)

// NewInvestors returns the investor store of db.
func NewInvestors(db *DB) *Actors[ecosystem.Investor, investorDoc] {
	return &Actors[ecosystem.Investor, investorDoc]{repo[ecosystem.Investor, investorDoc]{
		db: db, coll: db.coll(colInvestors), toDoc: investorToDoc, toDomain: investorToDomain,
		meta:   func(x *ecosystem.Investor) *record.Meta { return &x.Meta },
		entity: ecosystem.EntityInvestor, searchAs: search.Investor,
	}}
}

// NewMentors returns the mentor store of db.
func NewMentors(db *DB) *Actors[ecosystem.Mentor, mentorDoc] {
	return &Actors[ecosystem.Mentor, mentorDoc]{repo[ecosystem.Mentor, mentorDoc]{
		db: db, coll: db.coll(colMentors), toDoc: mentorToDoc, toDomain: mentorToDomain,
		meta:   func(x *ecosystem.Mentor) *record.Meta { return &x.Meta },
		entity: ecosystem.EntityMentor, searchAs: search.Mentor,
	}}
}

// List returns a page of actors in creation order.
func (s *Actors[E, D]) List(ctx context.Context, p value.Page) (value.Slice[E], error) {
	return s.page(ctx, bson.D{}, p)
}

// Count counts the actors.
func (s *Actors[E, D]) Count(ctx context.Context) (int, error) { return s.count(ctx, bson.D{}) }

func names[S ~string](in []S) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = string(s)
	}
	return out
}
