package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/screening"
)

type criteriaSetDoc struct {
	Meta          metaDoc              `bson:",inline"`
	Key           string               `bson:"key"`
	SetVersion    int                  `bson:"setVersion"`
	Status        string               `bson:"status"`
	TitleVI       string               `bson:"title"`
	TitleEN       string               `bson:"titleEn"`
	LegalBasis    string               `bson:"legalBasis"`
	EffectiveFrom string               `bson:"effectiveFrom"`
	Criteria      []screenCriterionDoc `bson:"criteria"`
}

type screenCriterionDoc struct {
	Key        string   `bson:"key"`
	Group      string   `bson:"group,omitempty"`
	Expression string   `bson:"expression"`
	PassVI     string   `bson:"passReason"`
	PassEN     string   `bson:"passReasonEn"`
	FailVI     string   `bson:"failReason"`
	FailEN     string   `bson:"failReasonEn"`
	Needs      []string `bson:"needs,omitempty"`
}

func criteriaSetToDoc(s screening.CriteriaSet) criteriaSetDoc {
	d := criteriaSetDoc{Meta: metaToDoc(s.Meta), Key: s.Key, SetVersion: s.SetVersion, Status: string(s.Status),
		TitleVI: s.TitleVI, TitleEN: s.TitleEN, LegalBasis: s.LegalBasis, EffectiveFrom: dateDoc(s.EffectiveFrom)}
	for _, c := range s.Criteria {
		d.Criteria = append(d.Criteria, criterionToDoc(c))
	}
	return d
}

// criteriaSetToDomain rebuilds a set through validation, which also compiles
// its expressions.
func criteriaSetToDomain(d criteriaSetDoc) (screening.CriteriaSet, error) {
	spec := screening.SetSpec{Key: d.Key, TitleVI: d.TitleVI, TitleEN: d.TitleEN, LegalBasis: d.LegalBasis,
		EffectiveFrom: dateOf(d.EffectiveFrom)}
	for _, c := range d.Criteria {
		spec.Criteria = append(spec.Criteria, criterionToDomain(c))
	}
	spec, err := screening.NewSetSpec(spec)
	if err != nil {
		return screening.CriteriaSet{}, corrupt(colCriteriaSets, d.Meta.ID, err)
	}
	return screening.CriteriaSet{Meta: d.Meta.toDomain(), SetSpec: spec, SetVersion: d.SetVersion,
		Status: screening.SetStatus(d.Status)}, nil
}

// CriteriaSets stores screening.CriteriaSet documents; a unique index keeps
// one document per key and version.
type CriteriaSets struct {
	repo[screening.CriteriaSet, criteriaSetDoc]
}

var _ screening.SetStore = (*CriteriaSets)(nil)

// NewCriteriaSets returns the criteria-set store of db.
func NewCriteriaSets(db *DB) *CriteriaSets {
	return &CriteriaSets{repo[screening.CriteriaSet, criteriaSetDoc]{
		db: db, coll: db.coll(colCriteriaSets), toDoc: criteriaSetToDoc, toDomain: criteriaSetToDomain,
		meta:        func(s *screening.CriteriaSet) *record.Meta { return &s.Meta },
		entity:      screening.EntitySet,
		onDuplicate: func(error) error { return screening.ErrSetVersionTaken() },
	}}
}

// List returns the sets with a status (all when empty), by key and version.
func (s *CriteriaSets) List(ctx context.Context, status screening.SetStatus) ([]screening.CriteriaSet, error) {
	return s.find(ctx, eqIfSet(bson.D{}, "status", string(status)),
		options.Find().SetSort(bson.D{{Key: "key", Value: 1}, {Key: "setVersion", Value: 1}}))
}

type resultDoc struct {
	Meta        metaDoc      `bson:",inline"`
	StartupID   string       `bson:"startupId"`
	IncubatorID string       `bson:"incubatorId,omitempty"`
	SetKey      string       `bson:"setKey"`
	SetVersion  int          `bson:"setVersion"`
	Status      string       `bson:"status"`
	AsOf        string       `bson:"asOf"`
	Outcomes    []outcomeDoc `bson:"outcomes"`
	History     []changeDoc  `bson:"history"`
}

type outcomeDoc struct {
	Key     string   `bson:"key"`
	Group   string   `bson:"group,omitempty"`
	Passed  bool     `bson:"passed"`
	Missing []string `bson:"missing,omitempty"`
	Error   string   `bson:"error,omitempty"`
}

type changeDoc struct {
	At         time.Time `bson:"at"`
	From       string    `bson:"from,omitempty"`
	To         string    `bson:"to"`
	SetVersion int       `bson:"setVersion"`
}

func resultToDoc(r screening.Result) resultDoc {
	d := resultDoc{Meta: metaToDoc(r.Meta), StartupID: r.StartupID, IncubatorID: r.IncubatorID, SetKey: r.SetKey,
		SetVersion: r.SetVersion, Status: string(r.Status), AsOf: dateDoc(r.AsOf), Outcomes: outcomesToDoc(r.Outcomes),
		History: []changeDoc{}}
	for _, c := range r.History {
		d.History = append(d.History, changeDoc{At: c.At, From: string(c.From), To: string(c.To), SetVersion: c.SetVersion})
	}
	return d
}

func resultToDomain(d resultDoc) (screening.Result, error) {
	r := screening.Result{Meta: d.Meta.toDomain(), StartupID: d.StartupID, IncubatorID: d.IncubatorID, SetKey: d.SetKey,
		SetVersion: d.SetVersion, Status: screening.Status(d.Status), AsOf: dateOf(d.AsOf), Outcomes: outcomesToDomain(d.Outcomes)}
	for _, c := range d.History {
		r.History = append(r.History, screening.Change{At: c.At.UTC(), From: screening.Status(c.From),
			To: screening.Status(c.To), SetVersion: c.SetVersion})
	}
	return r, nil
}

// Results stores screening.Result documents, one per set key and firm.
type Results struct {
	filtered[screening.Result, resultDoc, screening.ResultFilter]
}

var _ screening.ResultStore = (*Results)(nil)

// NewResults returns the screening-result store of db.
func NewResults(db *DB) *Results {
	return &Results{filtered[screening.Result, resultDoc, screening.ResultFilter]{filter: resultFilter, repo: repo[screening.Result, resultDoc]{
		db: db, coll: db.coll(colResults), toDoc: resultToDoc, toDomain: resultToDomain,
		meta:   func(r *screening.Result) *record.Meta { return &r.Meta },
		entity: screening.EntityResult,
	}}}
}

func resultFilter(f screening.ResultFilter) bson.D {
	q := eqIfSet(bson.D{}, "setKey", f.SetKey)
	q = eqIfSet(q, "status", string(f.Status))
	q = eqIfSet(q, "startupId", f.StartupID)
	q = inIfSet(q, "startupId", f.StartupIDs)
	return eqIfSet(q, "incubatorId", f.IncubatorID)
}

// Find returns the results matching f.
func (s *Results) Find(ctx context.Context, f screening.ResultFilter) ([]screening.Result, error) {
	return s.All(ctx, f)
}

// Save inserts new results in bulk and replaces changed ones, each only over
// the version it read; a replace that lost a race is left to the next run.
func (s *Results) Save(ctx context.Context, inserts, replaces []screening.Result) error {
	return saveBatch(ctx, &s.repo, inserts, replaces)
}

// saveBatch inserts new records in bulk and replaces changed ones, each
// only over the version it read; a replace that lost a race is left to the
// next run. Screening results and incentive standings are saved so.
func saveBatch[E any, D any](ctx context.Context, r *repo[E, D], inserts, replaces []E) error {
	var models []mongo.WriteModel
	for _, e := range inserts {
		models = append(models, mongo.NewInsertOneModel().SetDocument(r.toDoc(e)))
	}
	for _, e := range replaces {
		m := r.meta(&e)
		read := m.Version
		m.Version++
		models = append(models, mongo.NewReplaceOneModel().
			SetFilter(bson.D{{Key: "_id", Value: m.ID}, {Key: "version", Value: read}}).SetReplacement(r.toDoc(e)))
	}
	if err := bulkWrite(ctx, r.coll, models, true); err != nil {
		return errs.Internalf(err, "save %s", r.coll.Name())
	}
	return nil
}

func outcomesToDoc(in []screening.Outcome) []outcomeDoc {
	out := make([]outcomeDoc, 0, len(in))
	for _, o := range in {
		out = append(out, outcomeDoc{Key: o.Key, Group: o.Group, Passed: o.Passed, Missing: names(o.Missing), Error: o.Error})
	}
	return out
}

func outcomesToDomain(in []outcomeDoc) []screening.Outcome {
	var out []screening.Outcome
	for _, o := range in {
		oc := screening.Outcome{Key: o.Key, Group: o.Group, Passed: o.Passed, Error: o.Error}
		for _, m := range o.Missing {
			oc.Missing = append(oc.Missing, screening.DataKey(m))
		}
		out = append(out, oc)
	}
	return out
}

// CountByStatus counts the results matching f per status.
func (s *Results) CountByStatus(ctx context.Context, f screening.ResultFilter) (map[screening.Status]int, error) {
	cur, err := s.coll.Aggregate(ctx, mongo.Pipeline{
		{{Key: "$match", Value: resultFilter(f)}},
		{{Key: "$group", Value: bson.D{{Key: "_id", Value: "$status"}, {Key: "n", Value: bson.D{{Key: "$sum", Value: 1}}}}}},
	})
	if err != nil {
		return nil, errs.Internalf(err, "count screening results")
	}
	var rows []struct {
		Status string `bson:"_id"`
		N      int    `bson:"n"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, errs.Internalf(err, "read screening counts")
	}
	out := map[screening.Status]int{}
	for _, r := range rows {
		out[screening.Status(r.Status)] = r.N
	}
	return out, nil
}
