package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

type incentiveDoc struct {
	Meta             metaDoc        `bson:",inline"`
	Key              string         `bson:"key"`
	IncentiveVersion int            `bson:"incentiveVersion"`
	Status           string         `bson:"status"`
	TitleVI          string         `bson:"title"`
	TitleEN          string         `bson:"titleEn"`
	SummaryVI        string         `bson:"summary"`
	SummaryEN        string         `bson:"summaryEn"`
	LegalBasis       string         `bson:"legalBasis"`
	Article          string         `bson:"article"`
	Benefit          benefitDoc     `bson:"benefit"`
	Authority        string         `bson:"authority"`
	AuthorityEN      string         `bson:"authorityEn"`
	HowToApplyVI     string         `bson:"howToApply"`
	HowToApplyEN     string         `bson:"howToApplyEn"`
	ApplyURL         string         `bson:"applyUrl,omitempty"`
	EffectiveFrom    string         `bson:"effectiveFrom"`
	EffectiveTo      string         `bson:"effectiveTo,omitempty"`
	Example          bool           `bson:"example,omitempty"`
	Conditions       []conditionDoc `bson:"conditions"`
}

type benefitDoc struct {
	Kind           string `bson:"kind"`
	RatePercent    int    `bson:"ratePercent,omitempty"`
	CapVnd         int64  `bson:"capVnd,omitempty"`
	CapPeriod      string `bson:"capPeriod,omitempty"`
	DurationMonths int    `bson:"durationMonths,omitempty"`
	TermsVI        string `bson:"terms,omitempty"`
	TermsEN        string `bson:"termsEn,omitempty"`
}

type conditionDoc struct {
	Criterion screenCriterionDoc `bson:",inline"`
	UnlockVI  string             `bson:"unlock,omitempty"`
	UnlockEN  string             `bson:"unlockEn,omitempty"`
}

func incentiveToDoc(i incentive.Incentive) incentiveDoc {
	b := i.Benefit
	d := incentiveDoc{Meta: metaToDoc(i.Meta), Key: i.Key, IncentiveVersion: i.IncentiveVersion, Status: string(i.Status),
		TitleVI: i.TitleVI, TitleEN: i.TitleEN, SummaryVI: i.SummaryVI, SummaryEN: i.SummaryEN,
		LegalBasis: i.LegalBasis, Article: i.Article,
		Benefit: benefitDoc{Kind: string(b.Kind), RatePercent: b.RatePercent, CapVnd: int64(b.CapVnd),
			CapPeriod: string(b.CapPeriod), DurationMonths: b.DurationMonths, TermsVI: b.TermsVI, TermsEN: b.TermsEN},
		Authority: i.Authority, AuthorityEN: i.AuthorityEN, HowToApplyVI: i.HowToApplyVI, HowToApplyEN: i.HowToApplyEN,
		ApplyURL: i.ApplyURL, EffectiveFrom: dateDoc(i.EffectiveFrom), EffectiveTo: dateDoc(i.EffectiveTo), Example: i.Example}
	for _, c := range i.Conditions {
		d.Conditions = append(d.Conditions, conditionDoc{Criterion: criterionToDoc(c.Criterion),
			UnlockVI: c.UnlockVI, UnlockEN: c.UnlockEN})
	}
	return d
}

// incentiveToDomain rebuilds an incentive through validation, which also
// compiles its conditions.
func incentiveToDomain(d incentiveDoc) (incentive.Incentive, error) {
	b := d.Benefit
	spec := incentive.Spec{Key: d.Key, TitleVI: d.TitleVI, TitleEN: d.TitleEN, SummaryVI: d.SummaryVI, SummaryEN: d.SummaryEN,
		LegalBasis: d.LegalBasis, Article: d.Article,
		Benefit: incentive.Benefit{Kind: incentive.BenefitKind(b.Kind), RatePercent: b.RatePercent, CapVnd: value.VND(b.CapVnd),
			CapPeriod: incentive.Period(b.CapPeriod), DurationMonths: b.DurationMonths, TermsVI: b.TermsVI, TermsEN: b.TermsEN},
		Authority: d.Authority, AuthorityEN: d.AuthorityEN, HowToApplyVI: d.HowToApplyVI, HowToApplyEN: d.HowToApplyEN,
		ApplyURL: d.ApplyURL, EffectiveFrom: dateOf(d.EffectiveFrom), EffectiveTo: dateOf(d.EffectiveTo), Example: d.Example}
	for _, c := range d.Conditions {
		spec.Conditions = append(spec.Conditions, incentive.Condition{Criterion: criterionToDomain(c.Criterion),
			UnlockVI: c.UnlockVI, UnlockEN: c.UnlockEN})
	}
	spec, err := incentive.NewSpec(spec)
	if err != nil {
		return incentive.Incentive{}, corrupt(colIncentives, d.Meta.ID, err)
	}
	return incentive.Incentive{Meta: d.Meta.toDomain(), Spec: spec, IncentiveVersion: d.IncentiveVersion,
		Status: incentive.Status(d.Status)}, nil
}

// Incentives stores incentive.Incentive documents; a unique index keeps one
// document per key and version.
type Incentives struct {
	repo[incentive.Incentive, incentiveDoc]
}

var _ incentive.Store = (*Incentives)(nil)

// NewIncentives returns the incentive store of db.
func NewIncentives(db *DB) *Incentives {
	return &Incentives{repo[incentive.Incentive, incentiveDoc]{
		db: db, coll: db.coll(colIncentives), toDoc: incentiveToDoc, toDomain: incentiveToDomain,
		meta:        func(i *incentive.Incentive) *record.Meta { return &i.Meta },
		entity:      incentive.EntityIncentive,
		onDuplicate: func(error) error { return incentive.ErrVersionTaken() },
	}}
}

// List returns the incentives with a status (all when empty), by key and
// version.
func (s *Incentives) List(ctx context.Context, status incentive.Status) ([]incentive.Incentive, error) {
	return s.find(ctx, eqIfSet(bson.D{}, "status", string(status)),
		options.Find().SetSort(bson.D{{Key: "key", Value: 1}, {Key: "incentiveVersion", Value: 1}}))
}

type standingDoc struct {
	Meta             metaDoc        `bson:",inline"`
	StartupID        string         `bson:"startupId"`
	IncubatorID      string         `bson:"incubatorId,omitempty"`
	Key              string         `bson:"key"`
	IncentiveVersion int            `bson:"incentiveVersion"`
	Standing         string         `bson:"standing"`
	AsOf             string         `bson:"asOf"`
	Outcomes         []outcomeDoc   `bson:"outcomes"`
	History          []standingStep `bson:"history"`
}

type standingStep struct {
	At               time.Time `bson:"at"`
	From             string    `bson:"from,omitempty"`
	To               string    `bson:"to"`
	IncentiveVersion int       `bson:"incentiveVersion"`
}

func standingToDoc(r incentive.Result) standingDoc {
	d := standingDoc{Meta: metaToDoc(r.Meta), StartupID: r.StartupID, IncubatorID: r.IncubatorID, Key: r.Key,
		IncentiveVersion: r.IncentiveVersion, Standing: string(r.Standing), AsOf: dateDoc(r.AsOf),
		Outcomes: outcomesToDoc(r.Outcomes), History: []standingStep{}}
	for _, c := range r.History {
		d.History = append(d.History, standingStep{At: c.At, From: string(c.From), To: string(c.To), IncentiveVersion: c.IncentiveVersion})
	}
	return d
}

func standingToDomain(d standingDoc) (incentive.Result, error) {
	r := incentive.Result{Meta: d.Meta.toDomain(), StartupID: d.StartupID, IncubatorID: d.IncubatorID, Key: d.Key,
		IncentiveVersion: d.IncentiveVersion, Standing: incentive.Standing(d.Standing), AsOf: dateOf(d.AsOf),
		Outcomes: outcomesToDomain(d.Outcomes)}
	for _, c := range d.History {
		r.History = append(r.History, incentive.Change{At: c.At.UTC(), From: incentive.Standing(c.From),
			To: incentive.Standing(c.To), IncentiveVersion: c.IncentiveVersion})
	}
	return r, nil
}

// Standings stores incentive.Result documents, one per incentive key and
// firm.
type Standings struct {
	repo[incentive.Result, standingDoc]
}

var _ incentive.ResultStore = (*Standings)(nil)

// NewStandings returns the incentive-standing store of db.
func NewStandings(db *DB) *Standings {
	return &Standings{repo[incentive.Result, standingDoc]{
		db: db, coll: db.coll(colStandings), toDoc: standingToDoc, toDomain: standingToDomain,
		meta:   func(r *incentive.Result) *record.Meta { return &r.Meta },
		entity: incentive.EntityStanding,
	}}
}

// CountQualifying counts the firms whose standing on an incentive is
// QUALIFIES.
func (s *Standings) CountQualifying(ctx context.Context, key string) (int, error) {
	return s.count(ctx, bson.D{{Key: "key", Value: key}, {Key: "standing", Value: string(incentive.Qualifies)}})
}

// Save inserts new standings and replaces changed ones in bulk.
func (s *Standings) Save(ctx context.Context, inserts, replaces []incentive.Result) error {
	return saveBatch(ctx, &s.repo, inserts, replaces)
}

type benefitRecordDoc struct {
	Meta         metaDoc `bson:",inline"`
	StartupID    string  `bson:"startupId"`
	IncubatorID  string  `bson:"incubatorId,omitempty"`
	IncentiveKey string  `bson:"incentiveKey"`
	Status       string  `bson:"status"`
	AppliedOn    string  `bson:"appliedOn"`
	DecidedOn    string  `bson:"decidedOn,omitempty"`
	Amount       int64   `bson:"amountVnd"`
	Note         string  `bson:"note,omitempty"`
	RecordedBy   string  `bson:"recordedBy"`
}

func benefitRecordToDoc(b incentive.BenefitRecord) benefitRecordDoc {
	return benefitRecordDoc{Meta: metaToDoc(b.Meta), StartupID: b.StartupID, IncubatorID: b.IncubatorID,
		IncentiveKey: b.IncentiveKey, Status: string(b.Status), AppliedOn: dateDoc(b.AppliedOn), DecidedOn: dateDoc(b.DecidedOn),
		Amount: int64(b.Amount), Note: b.Note, RecordedBy: b.RecordedBy}
}

func benefitRecordToDomain(d benefitRecordDoc) (incentive.BenefitRecord, error) {
	return incentive.BenefitRecord{Meta: d.Meta.toDomain(), IncubatorID: d.IncubatorID, RecordedBy: d.RecordedBy,
		BenefitDraft: incentive.BenefitDraft{StartupID: d.StartupID, IncentiveKey: d.IncentiveKey,
			Status: incentive.ClaimStatus(d.Status), AppliedOn: dateOf(d.AppliedOn), DecidedOn: dateOf(d.DecidedOn),
			Amount: value.VND(d.Amount), Note: d.Note}}, nil
}

// Benefits stores incentive.BenefitRecord documents.
type Benefits struct {
	filtered[incentive.BenefitRecord, benefitRecordDoc, incentive.BenefitFilter]
}

var _ incentive.BenefitStore = (*Benefits)(nil)

// NewBenefits returns the benefit-record store of db.
func NewBenefits(db *DB) *Benefits {
	return &Benefits{filtered[incentive.BenefitRecord, benefitRecordDoc, incentive.BenefitFilter]{
		filter: func(f incentive.BenefitFilter) bson.D { return eqIfSet(bson.D{}, "startupId", f.StartupID) },
		repo: repo[incentive.BenefitRecord, benefitRecordDoc]{
			db: db, coll: db.coll(colBenefits), toDoc: benefitRecordToDoc, toDomain: benefitRecordToDomain,
			meta:   func(b *incentive.BenefitRecord) *record.Meta { return &b.Meta },
			entity: incentive.EntityBenefit,
		}}}
}

// criterionToDoc and criterionToDomain store a criterion as criteria sets
// and incentives' conditions both keep it.
func criterionToDoc(c screening.Criterion) screenCriterionDoc {
	return screenCriterionDoc{Key: c.Key, Group: c.Group, Expression: c.Expression,
		PassVI: c.PassVI, PassEN: c.PassEN, FailVI: c.FailVI, FailEN: c.FailEN, Needs: names(c.Needs)}
}

func criterionToDomain(c screenCriterionDoc) screening.Criterion {
	crit := screening.Criterion{Key: c.Key, Group: c.Group, Expression: c.Expression,
		PassVI: c.PassVI, PassEN: c.PassEN, FailVI: c.FailVI, FailEN: c.FailEN}
	for _, n := range c.Needs {
		crit.Needs = append(crit.Needs, screening.DataKey(n))
	}
	return crit
}
