package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

type startupDoc struct {
	Meta        metaDoc      `bson:",inline"`
	Name        string       `bson:"name"`
	NameEN      string       `bson:"nameEn,omitempty"`
	TaxCode     string       `bson:"taxCode"`
	FoundedOn   string       `bson:"foundedOn"` // YYYY-MM-DD, sorts as a date
	Ward        string       `bson:"ward"`
	Sectors     []string     `bson:"sectors"`
	Stage       string       `bson:"stage"`
	Description string       `bson:"description,omitempty"`
	Website     string       `bson:"website,omitempty"`
	TeamSize    int          `bson:"teamSize"`
	IncubatorID string       `bson:"incubatorId,omitempty"`
	Email       string       `bson:"email"`
	Phone       string       `bson:"phone,omitempty"`
	FundingNeed int64        `bson:"fundingNeedVnd"`
	Revenue     []revenueDoc `bson:"revenue,omitempty"`
}

type revenueDoc struct {
	Year   int   `bson:"year"`
	Amount int64 `bson:"amountVnd"`
}

func startupToDoc(s firm.Startup) startupDoc {
	d := s.Draft()
	doc := startupDoc{
		Meta: metaToDoc(s.Meta), Name: d.Name, NameEN: d.NameEN, TaxCode: d.TaxCode, FoundedOn: d.FoundedOn, Ward: d.Ward,
		Sectors: d.Sectors, Stage: d.Stage, Description: d.Description, Website: d.Website,
		TeamSize: d.TeamSize, IncubatorID: d.IncubatorID, Email: d.Email, Phone: d.Phone,
		FundingNeed: d.FundingNeed,
	}
	for _, r := range d.Revenue {
		doc.Revenue = append(doc.Revenue, revenueDoc{Year: r.Year, Amount: r.Amount})
	}
	return doc
}

// startupToDomain rebuilds the entity through the domain's own validation, so
// a document edited by hand into an invalid state is reported, not served.
func startupToDomain(doc startupDoc) (firm.Startup, error) {
	d := firm.Draft{
		Name: doc.Name, NameEN: doc.NameEN, TaxCode: doc.TaxCode, FoundedOn: doc.FoundedOn, Ward: doc.Ward,
		Sectors: doc.Sectors, Stage: doc.Stage, Description: doc.Description, Website: doc.Website,
		TeamSize: doc.TeamSize, IncubatorID: doc.IncubatorID, Email: doc.Email, Phone: doc.Phone,
		FundingNeed: doc.FundingNeed,
	}
	for _, r := range doc.Revenue {
		d.Revenue = append(d.Revenue, firm.YearRevenueDraft{Year: r.Year, Amount: r.Amount})
	}
	// Validate against the record's own last write, not today: rules about
	// "not in the future" held when it was written.
	p, err := firm.NewProfile(d, value.DateOf(doc.Meta.UpdatedAt))
	if err != nil {
		return firm.Startup{}, corrupt(colStartups, doc.Meta.ID, err)
	}
	return firm.Startup{Meta: doc.Meta.toDomain(), Profile: p}, nil
}

// Startups stores firm.Startup documents.
type Startups struct {
	repo[firm.Startup, startupDoc]
}

var _ firm.Store = (*Startups)(nil)

// NewStartups returns the startup store of db.
func NewStartups(db *DB) *Startups {
	return &Startups{repo[firm.Startup, startupDoc]{
		db: db, coll: db.db.Collection(colStartups),
		toDoc:    startupToDoc,
		toDomain: startupToDomain,
		meta:     func(s *firm.Startup) *record.Meta { return &s.Meta },
		whatVI:   "doanh nghiệp", whatEN: "Startup",
		onDuplicate: func(err error) error {
			return errs.New(errs.Conflict, errs.CodeDuplicateTaxCode, []string{"taxCode"},
				"Mã số thuế này đã được một doanh nghiệp khác đăng ký.",
				"This tax code is already registered by another firm.")
		},
	}}
}

func startupFilter(f firm.Filter) bson.D {
	q := bson.D{}
	if len(f.Sectors) > 0 {
		q = append(q, bson.E{Key: "sectors", Value: bson.D{{Key: "$in", Value: f.Sectors}}})
	}
	q = eqIfSet(q, "stage", string(f.Stage))
	q = eqIfSet(q, "incubatorId", f.IncubatorID)
	return eqIfSet(q, "ward", f.Ward)
}

// List returns a page of startups matching f, in creation order.
func (s *Startups) List(ctx context.Context, f firm.Filter, p value.Page) (value.Slice[firm.Startup], error) {
	return s.page(ctx, startupFilter(f), p)
}

// Count counts the startups matching f.
func (s *Startups) Count(ctx context.Context, f firm.Filter) (int, error) {
	return s.count(ctx, startupFilter(f))
}

// ListByIncubator loads the startups of all the incubators in one query and
// cuts a page for each: one round trip however many incubators are asked for.
func (s *Startups) ListByIncubator(ctx context.Context, ids []string, p value.Page) (map[string]value.Slice[firm.Startup], error) {
	out := make(map[string]value.Slice[firm.Startup], len(ids))
	if len(ids) == 0 || p.First == 0 {
		return out, nil
	}
	q := bson.D{{Key: "incubatorId", Value: bson.D{{Key: "$in", Value: ids}}}}
	if p.After != "" {
		q = append(q, bson.E{Key: "_id", Value: bson.D{{Key: "$gt", Value: p.After}}})
	}
	all, err := s.find(ctx, q, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, err
	}
	for _, st := range all {
		sl := out[st.IncubatorID]
		if len(sl.Items) == p.First {
			sl.HasNext = true
		} else {
			sl.Items = append(sl.Items, st)
		}
		out[st.IncubatorID] = sl
	}
	return out, nil
}

// CountByIncubator counts the startups of each incubator with one aggregation.
func (s *Startups) CountByIncubator(ctx context.Context, ids []string) (map[string]int, error) {
	out := make(map[string]int, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	cur, err := s.coll.Aggregate(ctx, mongo.Pipeline{
		{{Key: "$match", Value: bson.D{{Key: "incubatorId", Value: bson.D{{Key: "$in", Value: ids}}}}}},
		{{Key: "$group", Value: bson.D{{Key: "_id", Value: "$incubatorId"}, {Key: "n", Value: bson.D{{Key: "$sum", Value: 1}}}}}},
	})
	if err != nil {
		return nil, errs.Internalf(err, "count startups by incubator")
	}
	var rows []struct {
		ID string `bson:"_id"`
		N  int    `bson:"n"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, errs.Internalf(err, "read startup counts")
	}
	for _, r := range rows {
		out[r.ID] = r.N
	}
	return out, nil
}
