package store

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/matching"
)

type weightSetDoc struct {
	Meta    metaDoc        `bson:",inline"`
	Number  int            `bson:"number"`
	Status  string         `bson:"status"`
	Origin  string         `bson:"origin"`
	Weights []weightDoc    `bson:"weights"`
	Note    string         `bson:"note,omitempty"`
	Fit     []fitReportDoc `bson:"fit,omitempty"`
}

type weightDoc struct {
	Kind   string  `bson:"kind"`
	Factor string  `bson:"factor"`
	Weight float64 `bson:"weight"`
}

type fitReportDoc struct {
	Kind      string   `bson:"kind"`
	Targets   int      `bson:"targets"`
	Pairs     int      `bson:"pairs"`
	Fitted    []string `bson:"fitted,omitempty"`
	Before    float64  `bson:"before"`
	After     float64  `bson:"after"`
	Unchanged bool     `bson:"unchanged,omitempty"`
}

func weightSetToDoc(w matching.WeightSet) weightSetDoc {
	d := weightSetDoc{Meta: metaToDoc(w.Meta), Number: w.Number, Status: string(w.Status), Origin: string(w.Origin), Note: w.Note}
	for _, e := range w.Weights.Entries() {
		d.Weights = append(d.Weights, weightDoc{e.Kind.String(), e.Factor.String(), e.Weight})
	}
	for _, r := range w.Fit {
		f := fitReportDoc{Kind: r.Kind.String(), Targets: r.Targets, Pairs: r.Pairs, Before: r.Before, After: r.After,
			Unchanged: r.Unchanged}
		for _, fc := range r.Fitted {
			f.Fitted = append(f.Fitted, fc.String())
		}
		d.Fit = append(d.Fit, f)
	}
	return d
}

// weightSetToDomain rebuilds a version through NewWeights, which checks it.
func weightSetToDomain(d weightSetDoc) (matching.WeightSet, error) {
	bad := func(err error) (matching.WeightSet, error) {
		return matching.WeightSet{}, corrupt(colMatchWeights, d.Meta.ID, err)
	}
	entries := make([]matching.WeightEntry, 0, len(d.Weights))
	for _, x := range d.Weights {
		k, ok := matching.ParseKind(x.Kind)
		f, ok2 := matching.ParseFactor(x.Factor)
		if !ok || !ok2 {
			return bad(fmt.Errorf("unknown kind or factor %s/%s", x.Kind, x.Factor))
		}
		entries = append(entries, matching.WeightEntry{Kind: k, Factor: f, Weight: x.Weight})
	}
	w, err := matching.NewWeights(entries)
	if err != nil {
		return bad(err)
	}
	out := matching.WeightSet{Meta: d.Meta.toDomain(), Number: d.Number, Status: screening.SetStatus(d.Status),
		Origin: matching.Origin(d.Origin), Weights: w, Note: d.Note}
	for _, f := range d.Fit {
		k, _ := matching.ParseKind(f.Kind)
		r := matching.FitReport{Kind: k, Targets: f.Targets, Pairs: f.Pairs, Before: f.Before, After: f.After, Unchanged: f.Unchanged}
		for _, name := range f.Fitted {
			fc, _ := matching.ParseFactor(name)
			r.Fitted = append(r.Fitted, fc)
		}
		out.Fit = append(out.Fit, r)
	}
	return out, nil
}

// WeightSets stores the versions of the matching weights; a unique index
// keeps one document per number.
type WeightSets struct {
	repo[matching.WeightSet, weightSetDoc]
}

var _ matching.WeightStore = (*WeightSets)(nil)

// NewWeightSets returns the weight-version store of db.
func NewWeightSets(db *DB) *WeightSets {
	return &WeightSets{repo[matching.WeightSet, weightSetDoc]{
		db: db, coll: db.coll(colMatchWeights), toDoc: weightSetToDoc, toDomain: weightSetToDomain,
		meta:   func(w *matching.WeightSet) *record.Meta { return &w.Meta },
		entity: matching.EntityWeights,
		onDuplicate: func(error) error {
			return errs.New(errs.Conflict, errs.CodeVersionConflict, nil,
				"Một phiên bản trọng số khác vừa được tạo; hãy thử lại.", "Another weights version was just created; try again.")
		},
	}}
}

// List returns the versions with a status (all when empty), by number.
func (s *WeightSets) List(ctx context.Context, status screening.SetStatus) ([]matching.WeightSet, error) {
	return s.find(ctx, eqIfSet(bson.D{}, "status", string(status)), options.Find().SetSort(bson.D{{Key: "number", Value: 1}}))
}
