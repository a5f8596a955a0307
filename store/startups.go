package store

import (
	"context"
	"errors"
	"slices"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search"
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
	Evidence    evidenceDoc  `bson:"evidence"`
}

type revenueDoc struct {
	Year   int   `bson:"year"`
	Amount int64 `bson:"amountVnd"`
	ST     int64 `bson:"stAmountVnd,omitempty"`
}

// evidenceDoc stores firm.Evidence; dates as YYYY-MM-DD strings.
type evidenceDoc struct {
	LegalForm         string           `bson:"legalForm,omitempty"`
	FirstRegisteredOn string           `bson:"firstRegisteredOn,omitempty"`
	PublicOffering    bool             `bson:"publicOffering,omitempty"`
	IPAssets          []ipAssetDoc     `bson:"ipAssets,omitempty"`
	Awards            []awardDoc       `bson:"awards,omitempty"`
	Certificates      []certificateDoc `bson:"certificates,omitempty"`
	Investments       []investmentDoc  `bson:"investments,omitempty"`
	Confirmations     []confirmDoc     `bson:"confirmations,omitempty"`
}

type ipAssetDoc struct {
	Kind        string `bson:"kind"`
	Number      string `bson:"number,omitempty"`
	GrantedOn   string `bson:"grantedOn"`
	ExpiresOn   string `bson:"expiresOn,omitempty"`
	DocumentRef string `bson:"documentRef"`
}

type awardDoc struct {
	Name          string `bson:"name"`
	International bool   `bson:"international"`
	AwardedOn     string `bson:"awardedOn"`
	DocumentRef   string `bson:"documentRef"`
}

type certificateDoc struct {
	Kind        string `bson:"kind"`
	IssuedOn    string `bson:"issuedOn"`
	ExpiresOn   string `bson:"expiresOn,omitempty"`
	DocumentRef string `bson:"documentRef"`
}

type investmentDoc struct {
	Fund        string `bson:"fund"`
	Amount      int64  `bson:"amountVnd"`
	On          string `bson:"on"`
	Commitment  bool   `bson:"commitment"`
	DocumentRef string `bson:"documentRef"`
}

type confirmDoc struct {
	Issuer      string `bson:"issuer"`
	IssuedOn    string `bson:"issuedOn"`
	DocumentRef string `bson:"documentRef"`
}

func dateDoc(d value.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// dateOf reads a stored date; a malformed one becomes the zero date, which
// the domain's validation then reports as missing.
func dateOf(s string) value.Date {
	if s == "" {
		return value.Date{}
	}
	d, _ := value.ParseDate(s)
	return d
}

func evidenceToDoc(e firm.Evidence) evidenceDoc {
	d := evidenceDoc{LegalForm: string(e.LegalForm), FirstRegisteredOn: dateDoc(e.FirstRegisteredOn), PublicOffering: e.PublicOffering}
	for _, x := range e.IPAssets {
		d.IPAssets = append(d.IPAssets, ipAssetDoc{Kind: string(x.Kind), Number: x.Number, GrantedOn: dateDoc(x.GrantedOn),
			ExpiresOn: dateDoc(x.ExpiresOn), DocumentRef: x.DocumentRef})
	}
	for _, x := range e.Awards {
		d.Awards = append(d.Awards, awardDoc{Name: x.Name, International: x.International, AwardedOn: dateDoc(x.AwardedOn), DocumentRef: x.DocumentRef})
	}
	for _, x := range e.Certificates {
		d.Certificates = append(d.Certificates, certificateDoc{Kind: string(x.Kind), IssuedOn: dateDoc(x.IssuedOn),
			ExpiresOn: dateDoc(x.ExpiresOn), DocumentRef: x.DocumentRef})
	}
	for _, x := range e.Investments {
		d.Investments = append(d.Investments, investmentDoc{Fund: x.Fund, Amount: int64(x.Amount), On: dateDoc(x.On),
			Commitment: x.Commitment, DocumentRef: x.DocumentRef})
	}
	for _, x := range e.Confirmations {
		d.Confirmations = append(d.Confirmations, confirmDoc{Issuer: x.Issuer, IssuedOn: dateDoc(x.IssuedOn), DocumentRef: x.DocumentRef})
	}
	return d
}

func evidenceToDomain(d evidenceDoc) firm.Evidence {
	e := firm.Evidence{LegalForm: firm.LegalForm(d.LegalForm), FirstRegisteredOn: dateOf(d.FirstRegisteredOn), PublicOffering: d.PublicOffering}
	for _, x := range d.IPAssets {
		e.IPAssets = append(e.IPAssets, firm.IPAsset{Kind: firm.IPKind(x.Kind), Number: x.Number, GrantedOn: dateOf(x.GrantedOn),
			ExpiresOn: dateOf(x.ExpiresOn), DocumentRef: x.DocumentRef})
	}
	for _, x := range d.Awards {
		e.Awards = append(e.Awards, firm.Award{Name: x.Name, International: x.International, AwardedOn: dateOf(x.AwardedOn), DocumentRef: x.DocumentRef})
	}
	for _, x := range d.Certificates {
		e.Certificates = append(e.Certificates, firm.Certificate{Kind: firm.CertificateKind(x.Kind), IssuedOn: dateOf(x.IssuedOn),
			ExpiresOn: dateOf(x.ExpiresOn), DocumentRef: x.DocumentRef})
	}
	for _, x := range d.Investments {
		e.Investments = append(e.Investments, firm.Investment{Fund: x.Fund, Amount: value.VND(x.Amount), On: dateOf(x.On),
			Commitment: x.Commitment, DocumentRef: x.DocumentRef})
	}
	for _, x := range d.Confirmations {
		e.Confirmations = append(e.Confirmations, firm.Confirmation{Issuer: x.Issuer, IssuedOn: dateOf(x.IssuedOn), DocumentRef: x.DocumentRef})
	}
	return e
}

func startupToDoc(s firm.Startup) startupDoc {
	d := s.Draft()
	doc := startupDoc{
		Meta: metaToDoc(s.Meta), Name: d.Name, NameEN: d.NameEN, TaxCode: d.TaxCode, FoundedOn: d.FoundedOn, Ward: d.Ward,
		Sectors: d.Sectors, Stage: d.Stage, Description: d.Description, Website: d.Website,
		TeamSize: d.TeamSize, IncubatorID: d.IncubatorID, Email: d.Email, Phone: d.Phone,
		FundingNeed: d.FundingNeed, Evidence: evidenceToDoc(d.Evidence),
	}
	for _, r := range d.Revenue {
		doc.Revenue = append(doc.Revenue, revenueDoc{Year: r.Year, Amount: r.Amount, ST: r.ST})
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
		FundingNeed: doc.FundingNeed, Evidence: evidenceToDomain(doc.Evidence),
	}
	for _, r := range doc.Revenue {
		d.Revenue = append(d.Revenue, firm.YearRevenueDraft{Year: r.Year, Amount: r.Amount, ST: r.ST})
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
	filtered[firm.Startup, startupDoc, firm.Filter]
}

var _ firm.Store = (*Startups)(nil)

// NewStartups returns the startup store of db.
func NewStartups(db *DB) *Startups {
	return &Startups{filtered[firm.Startup, startupDoc, firm.Filter]{filter: startupFilter, repo: repo[firm.Startup, startupDoc]{
		db: db, coll: db.coll(colStartups),
		toDoc:       startupToDoc,
		toDomain:    startupToDomain,
		meta:        func(s *firm.Startup) *record.Meta { return &s.Meta },
		entity:      firm.EntityStartup,
		searchAs:    search.Startup,
		onDuplicate: func(error) error { return firm.ErrDuplicateTaxCode() },
	}}}
}

func startupFilter(f firm.Filter) bson.D {
	q := inIfSet(bson.D{}, "sectors", names(f.Sectors))
	q = inIfSet(q, "stage", names(f.Stages))
	q = inIfSet(q, "incubatorId", f.IncubatorIDs)
	return inIfSet(q, "ward", f.Wards)
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

// ByTaxCodes finds the startups registered with any of codes, by tax code:
// one query per 500 codes, since on FerretDB's SQLite backend each query
// scans the collection whatever its filter.
func (s *Startups) ByTaxCodes(ctx context.Context, codes []value.TaxCode) (map[string]firm.Startup, error) {
	out := make(map[string]firm.Startup, len(codes))
	for chunk := range slices.Chunk(codes, 500) {
		in := make(bson.A, len(chunk))
		for i, c := range chunk {
			in[i] = c.String()
		}
		found, err := s.find(ctx, bson.D{{Key: "taxCode", Value: bson.D{{Key: "$in", Value: in}}}}, nil)
		if err != nil {
			return nil, err
		}
		for _, st := range found {
			out[st.TaxCode.String()] = st
		}
	}
	return out, nil
}

// ByTaxCode finds the startup registered with a tax code.
func (s *Startups) ByTaxCode(ctx context.Context, code value.TaxCode) (firm.Startup, error) {
	var d startupDoc
	err := s.coll.FindOne(ctx, bson.D{{Key: "taxCode", Value: code.String()}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return firm.Startup{}, firm.EntityStartup.NotFound("taxCode")
	}
	if err != nil {
		return firm.Startup{}, errs.Internalf(err, "find startup by tax code")
	}
	return startupToDomain(d)
}
