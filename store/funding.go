package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/search"
)

type fundDoc struct {
	Meta        metaDoc `bson:",inline"`
	Name        string  `bson:"name"`
	NameEN      string  `bson:"nameEn,omitempty"`
	Description string  `bson:"description,omitempty"`
	Public      bool    `bson:"public"`
}

// Funds stores funding.Fund documents.
type Funds struct {
	repo[funding.Fund, fundDoc]
}

var _ funding.FundStore = (*Funds)(nil)

// NewFunds returns the fund store of db.
func NewFunds(db *DB) *Funds {
	return &Funds{repo[funding.Fund, fundDoc]{
		db: db, coll: db.coll(colFunds),
		toDoc: func(f funding.Fund) fundDoc {
			return fundDoc{Meta: metaToDoc(f.Meta), Name: f.Name, NameEN: f.NameEN, Description: f.Description,
				Public: f.Public}
		},
		toDomain: func(d fundDoc) (funding.Fund, error) {
			return funding.Fund{Meta: d.Meta.toDomain(), Name: d.Name, NameEN: d.NameEN, Description: d.Description,
				Public: d.Public}, nil
		},
		meta:   func(f *funding.Fund) *record.Meta { return &f.Meta },
		entity: funding.EntityFund,
	}}
}

// All returns every fund by name.
func (s *Funds) All(ctx context.Context) ([]funding.Fund, error) {
	return s.find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "name", Value: 1}, {Key: "_id", Value: 1}}))
}

type callDoc struct {
	Meta         metaDoc        `bson:",inline"`
	FundID       string         `bson:"fundId"`
	Title        string         `bson:"title"`
	Description  string         `bson:"description,omitempty"`
	Status       string         `bson:"status"`
	OpensAt      time.Time      `bson:"opensAt"`
	ClosesAt     time.Time      `bson:"closesAt"`
	Budget       int64          `bson:"budgetVnd"`
	TicketMin    int64          `bson:"ticketMinVnd"`
	TicketMax    int64          `bson:"ticketMaxVnd"`
	Sectors      []string       `bson:"sectors"`
	Wards        []string       `bson:"wards"`
	Questions    []questionDoc  `bson:"questions"`
	Rules        []ruleDoc      `bson:"rules"`
	Criteria     []criterionDoc `bson:"criteria"`
	Overall      float64        `bson:"overallThreshold"`
	CancelReason string         `bson:"cancelReason,omitempty"`
}

type questionDoc struct {
	Key       string   `bson:"key"`
	LabelVI   string   `bson:"label"`
	LabelEN   string   `bson:"labelEn,omitempty"`
	Kind      string   `bson:"kind"`
	Required  bool     `bson:"required"`
	MinLength int      `bson:"minLength,omitempty"`
	MaxLength int      `bson:"maxLength,omitempty"`
	Min       *float64 `bson:"min,omitempty"`
	Max       *float64 `bson:"max,omitempty"`
	Options   []string `bson:"options,omitempty"`
}

type ruleDoc struct {
	Key           string `bson:"key"`
	DescriptionVI string `bson:"description"`
	DescriptionEN string `bson:"descriptionEn"`
	Expression    string `bson:"expression"`
}

type criterionDoc struct {
	Key        string  `bson:"key"`
	NameVI     string  `bson:"name"`
	NameEN     string  `bson:"nameEn,omitempty"`
	Weight     float64 `bson:"weight"`
	Max        int     `bson:"max"`
	HalfPoints bool    `bson:"halfPoints"`
	Threshold  float64 `bson:"threshold"`
}

func callToDoc(c funding.Call) callDoc {
	in := c.Input()
	d := callDoc{Meta: metaToDoc(c.Meta), FundID: c.FundID, Title: in.Title, Description: in.Description,
		Status: string(c.Status), OpensAt: in.OpensAt, ClosesAt: in.ClosesAt, Budget: in.Budget,
		TicketMin: in.TicketMin, TicketMax: in.TicketMax, Sectors: in.Sectors, Wards: in.Wards,
		Overall: in.Rubric.OverallThreshold, CancelReason: c.CancelReason}
	for _, q := range in.Questions {
		d.Questions = append(d.Questions, questionDoc{Key: q.Key, LabelVI: q.LabelVI, LabelEN: q.LabelEN, Kind: string(q.Kind),
			Required: q.Required, MinLength: q.MinLength, MaxLength: q.MaxLength, Min: q.Min, Max: q.Max, Options: q.Options})
	}
	for _, r := range in.Rules {
		d.Rules = append(d.Rules, ruleDoc(r))
	}
	for _, cr := range in.Rubric.Criteria {
		d.Criteria = append(d.Criteria, criterionDoc(cr))
	}
	return d
}

// callToDomain rebuilds the call through validation, which also compiles
// its rules, so a stored call always has working rules.
func callToDomain(d callDoc) (funding.Call, error) {
	in := funding.CallInput{Title: d.Title, Description: d.Description, OpensAt: d.OpensAt, ClosesAt: d.ClosesAt,
		Budget: d.Budget, TicketMin: d.TicketMin, TicketMax: d.TicketMax, Sectors: d.Sectors, Wards: d.Wards,
		Rubric: funding.Rubric{OverallThreshold: d.Overall}}
	for _, q := range d.Questions {
		in.Questions = append(in.Questions, funding.Question{Key: q.Key, LabelVI: q.LabelVI, LabelEN: q.LabelEN,
			Kind: funding.QuestionKind(q.Kind), Required: q.Required, MinLength: q.MinLength, MaxLength: q.MaxLength,
			Min: q.Min, Max: q.Max, Options: q.Options})
	}
	for _, r := range d.Rules {
		in.Rules = append(in.Rules, funding.Rule(r))
	}
	for _, cr := range d.Criteria {
		in.Rubric.Criteria = append(in.Rubric.Criteria, funding.Criterion(cr))
	}
	spec, err := funding.NewCallSpec(in)
	if err != nil {
		return funding.Call{}, corrupt(colCalls, d.Meta.ID, err)
	}
	return funding.Call{Meta: d.Meta.toDomain(), FundID: d.FundID, Status: funding.CallStatus(d.Status),
		CallSpec: spec, CancelReason: d.CancelReason}, nil
}

// Calls stores funding.Call documents.
type Calls struct {
	filtered[funding.Call, callDoc, funding.CallFilter]
}

var _ funding.CallStore = (*Calls)(nil)

// NewCalls returns the funding-call store of db.
func NewCalls(db *DB) *Calls {
	return &Calls{filtered[funding.Call, callDoc, funding.CallFilter]{filter: callFilter, repo: repo[funding.Call, callDoc]{
		db: db, coll: db.coll(colCalls), toDoc: callToDoc, toDomain: callToDomain,
		meta:   func(c *funding.Call) *record.Meta { return &c.Meta },
		entity: funding.EntityCall, searchAs: search.FundCall,
	}}}
}

func callFilter(f funding.CallFilter) bson.D {
	q := eqIfSet(bson.D{}, "status", string(f.Status))
	if !f.AllDrafts {
		q = append(q, bson.E{Key: "$or", Value: bson.A{
			bson.D{{Key: "status", Value: bson.D{{Key: "$ne", Value: string(funding.CallDraft)}}}},
			bson.D{{Key: "fundId", Value: bson.D{{Key: "$in", Value: append([]string{}, f.DraftsOf...)}}}},
		}})
	}
	return q
}

// ByFund returns the calls of each fund, newest opening first, in one query.
func (s *Calls) ByFund(ctx context.Context, fundIDs []string) (map[string][]funding.Call, error) {
	out := make(map[string][]funding.Call, len(fundIDs))
	if len(fundIDs) == 0 {
		return out, nil
	}
	all, err := s.find(ctx, bson.D{{Key: "fundId", Value: bson.D{{Key: "$in", Value: fundIDs}}}},
		options.Find().SetSort(bson.D{{Key: "opensAt", Value: -1}, {Key: "_id", Value: 1}}))
	for _, c := range all {
		out[c.FundID] = append(out[c.FundID], c)
	}
	return out, err
}

// Due returns the open calls whose closing time is not after now.
func (s *Calls) Due(ctx context.Context, now time.Time) ([]funding.Call, error) {
	return s.find(ctx, bson.D{{Key: "status", Value: string(funding.CallOpen)}, {Key: "closesAt", Value: bson.D{{Key: "$lte", Value: now}}}}, nil)
}
