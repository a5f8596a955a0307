package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
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
		db: db, coll: db.db.Collection(colFunds),
		toDoc: func(f funding.Fund) fundDoc {
			return fundDoc{Meta: metaToDoc(f.Meta), Name: f.Name, NameEN: f.NameEN, Description: f.Description,
				Public: f.Public}
		},
		toDomain: func(d fundDoc) (funding.Fund, error) {
			return funding.Fund{Meta: d.Meta.toDomain(), Name: d.Name, NameEN: d.NameEN, Description: d.Description,
				Public: d.Public}, nil
		},
		meta:   func(f *funding.Fund) *record.Meta { return &f.Meta },
		whatVI: "quỹ", whatEN: "Fund",
	}}
}

// All returns every fund by name.
func (s *Funds) All(ctx context.Context) ([]funding.Fund, error) {
	return s.find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "name", Value: 1}, {Key: "_id", Value: 1}}))
}

type callDoc struct {
	Meta        metaDoc   `bson:",inline"`
	FundID      string    `bson:"fundId"`
	Title       string    `bson:"title"`
	Description string    `bson:"description,omitempty"`
	Status      string    `bson:"status"`
	OpensAt     time.Time `bson:"opensAt"`
	ClosesAt    time.Time `bson:"closesAt"`
	Budget      int64     `bson:"budgetVnd"`
	TicketMin   int64     `bson:"ticketMinVnd"`
	TicketMax   int64     `bson:"ticketMaxVnd"`
	Sectors     []string  `bson:"sectors"`
}

func callToDoc(c funding.Call) callDoc {
	return callDoc{Meta: metaToDoc(c.Meta), FundID: c.FundID, Title: c.Title, Description: c.Description, Status: string(c.Status),
		OpensAt: c.OpensAt, ClosesAt: c.ClosesAt, Budget: int64(c.Budget), TicketMin: int64(c.Ticket.Min),
		TicketMax: int64(c.Ticket.Max), Sectors: names(c.Sectors)}
}

func callToDomain(d callDoc) (funding.Call, error) {
	sectors, err := value.ParseSectors(d.Sectors)
	if err != nil {
		return funding.Call{}, corrupt(colCalls, d.Meta.ID, err)
	}
	return funding.Call{Meta: d.Meta.toDomain(), FundID: d.FundID, Title: d.Title, Description: d.Description,
		Status: funding.CallStatus(d.Status), OpensAt: d.OpensAt.UTC(), ClosesAt: d.ClosesAt.UTC(),
		Budget: value.VND(d.Budget), Ticket: value.Range{Min: value.VND(d.TicketMin), Max: value.VND(d.TicketMax)},
		Sectors: sectors}, nil
}

// Calls stores funding.Call documents.
type Calls struct {
	repo[funding.Call, callDoc]
}

var _ funding.CallStore = (*Calls)(nil)

// NewCalls returns the funding-call store of db.
func NewCalls(db *DB) *Calls {
	return &Calls{repo[funding.Call, callDoc]{
		db: db, coll: db.db.Collection(colCalls), toDoc: callToDoc, toDomain: callToDomain,
		meta:   func(c *funding.Call) *record.Meta { return &c.Meta },
		whatVI: "đợt kêu gọi vốn", whatEN: "Funding call",
	}}
}

// List returns a page of calls matching f in creation order.
func (s *Calls) List(ctx context.Context, f funding.CallFilter, p value.Page) (value.Slice[funding.Call], error) {
	return s.page(ctx, eqIfSet(bson.D{}, "status", string(f.Status)), p)
}

// Count counts the calls matching f.
func (s *Calls) Count(ctx context.Context, f funding.CallFilter) (int, error) {
	return s.count(ctx, eqIfSet(bson.D{}, "status", string(f.Status)))
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
