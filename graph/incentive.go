package graph

import (
	"context"

	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/graph/model"
)

// The conversions of incentives' inputs and answers; they live outside
// incentive.resolvers.go, which gqlgen rewrites.

func incentivePayload(ctx context.Context, i incentive.Incentive, err error) (*model.IncentivePayload, error) {
	v, ue, err := result(ctx, i, err)
	if err != nil {
		return nil, err
	}
	return &model.IncentivePayload{Incentive: v, UserErrors: ue}, nil
}

func claimPayload(ctx context.Context, b incentive.BenefitRecord, err error) (*model.IncentiveClaimPayload, error) {
	v, ue, err := result(ctx, b, err)
	if err != nil {
		return nil, err
	}
	return &model.IncentiveClaimPayload{Claim: v, UserErrors: ue}, nil
}

// positive is n, or null for the zero a text does not give.
func positive(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func incentiveSpec(in model.IncentiveInput) incentive.Spec {
	b := in.Benefit
	s := incentive.Spec{Key: in.Key, TitleVI: in.Title, TitleEN: in.TitleEn, SummaryVI: in.Summary, SummaryEN: in.SummaryEn,
		LegalBasis: in.LegalBasis, Article: in.Article,
		Benefit: incentive.Benefit{Kind: b.Kind, RatePercent: deref(b.RatePercent), CapVnd: deref(b.CapVnd),
			CapPeriod: deref(b.CapPeriod), DurationMonths: deref(b.DurationMonths), TermsVI: deref(b.Terms), TermsEN: deref(b.TermsEn)},
		Authority: in.Authority, AuthorityEN: in.AuthorityEn, HowToApplyVI: in.HowToApply, HowToApplyEN: in.HowToApplyEn,
		ApplyURL: deref(in.ApplyURL), EffectiveFrom: in.EffectiveFrom, EffectiveTo: deref(in.EffectiveTo), Example: deref(in.Example)}
	for _, c := range in.Conditions {
		crit := screening.Criterion{Key: c.Key, Group: deref(c.Group), Expression: c.Expression,
			PassVI: c.PassReason, PassEN: c.PassReasonEn, FailVI: c.FailReason, FailEN: c.FailReasonEn}
		for _, n := range c.Needs {
			crit.Needs = append(crit.Needs, screening.DataKey(n))
		}
		s.Conditions = append(s.Conditions, incentive.Condition{Criterion: crit, UnlockVI: deref(c.Unlock), UnlockEN: deref(c.UnlockEn)})
	}
	return s
}

// claimDraft reads a claim's input; an empty startupId is left for the
// service (an update keeps the claim's firm).
func claimDraft(in model.IncentiveClaimInput) (incentive.BenefitDraft, error) {
	d := incentive.BenefitDraft{IncentiveKey: in.IncentiveKey, Status: in.Status, AppliedOn: in.AppliedOn,
		DecidedOn: deref(in.DecidedOn), Amount: deref(in.AmountVnd), Note: deref(in.Note)}
	if in.StartupID != "" {
		id, err := domainID(in.StartupID, typeStartup, "startupId")
		if err != nil {
			return d, err
		}
		d.StartupID = id
	}
	return d, nil
}

func firmIncentive(ctx context.Context, e incentive.Entry) *model.FirmIncentive {
	l := langOf(ctx)
	out := &model.FirmIncentive{Incentive: &e.Incentive, Standing: e.Standing}
	for i, o := range e.Outcomes {
		c := e.Incentive.Conditions[i]
		out.Conditions = append(out.Conditions, &model.CriterionOutcome{Key: o.Key, Passed: o.Passed,
			Reason: c.Reason(o, l), Missing: list(o.Missing)})
	}
	if e.Unlock >= 0 {
		out.Unlock = optional(e.Incentive.Conditions[e.Unlock].Step(l))
	}
	return out
}
