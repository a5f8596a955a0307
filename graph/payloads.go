package graph

import (
	"context"
	"slices"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/rules"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/model"
	"github.com/innoport/innoport/matching"
	"github.com/vikstrous/dataloadgen"
)

// The mutation payloads and conversions the resolvers share. They live
// outside *.resolvers.go, which gqlgen rewrites.

func startupPayload(ctx context.Context, st firm.Startup, err error) (*model.StartupPayload, error) {
	s, ue, err := result(ctx, st, err)
	if err != nil {
		return nil, err
	}
	return &model.StartupPayload{Startup: s, UserErrors: ue}, nil
}

func revenueDrafts(in []*model.YearRevenueInput) []firm.YearRevenueDraft {
	out := make([]firm.YearRevenueDraft, len(in))
	for i, r := range in {
		out[i] = firm.YearRevenueDraft{Year: r.Year, Amount: int64(r.AmountVnd), ST: int64(deref(r.StAmountVnd))}
	}
	return out
}

func startupID(s firm.Startup) string { return s.ID }

func startupEdge(c string, s firm.Startup) model.StartupEdge {
	return model.StartupEdge{Cursor: c, Node: s}
}

func investorPayload(ctx context.Context, inv ecosystem.Investor, err error) (*model.InvestorPayload, error) {
	v, ue, err := result(ctx, inv, err)
	if err != nil {
		return nil, err
	}
	return &model.InvestorPayload{Investor: v, UserErrors: ue}, nil
}

func mentorPayload(ctx context.Context, m ecosystem.Mentor, err error) (*model.MentorPayload, error) {
	v, ue, err := result(ctx, m, err)
	if err != nil {
		return nil, err
	}
	return &model.MentorPayload{Mentor: v, UserErrors: ue}, nil
}

// loadNode loads a node through a request loader; a missing one is entity's
// NOT_FOUND.
func loadNode[V any](ctx context.Context, l *dataloadgen.Loader[string, V], id string, entity errs.Entity) (model.Node, error) {
	v, err := loadOptional(ctx, l, id)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, entity.NotFound()
	}
	return v, nil
}

func nodeOf[T any](v T, err error) (model.Node, error) {
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// submitApplication applies, or starts a draft.
func (r *Resolver) submitApplication(ctx context.Context, input model.CreateApplicationInput, draft bool) (*model.ApplicationPayload, error) {
	callID, err := domainID(input.CallID, typeFundCall, "callId")
	if err != nil {
		return applicationPayload(ctx, funding.Application{}, err)
	}
	startupID, err := domainID(input.StartupID, typeStartup, "startupId")
	if err != nil {
		return applicationPayload(ctx, funding.Application{}, err)
	}
	a, err := r.Funding.SubmitApplication(ctx, funding.Submission{
		CallID: callID, StartupID: startupID, IdempotencyKey: input.IdempotencyKey,
		Requested: int64(input.RequestedAmountVnd), Answers: answers(input.Answers), Draft: draft,
	})
	return applicationPayload(ctx, a, err)
}

// moveApplication moves an application to status to: each status change's
// own mutation, and the deprecated transitionApplication, whose input names
// the status (an INVALID_TRANSITION is at its field "to"; the step's own
// mutations have no such field, so theirs is at the whole input).
func (r *Resolver) moveApplication(ctx context.Context, in model.ApplicationActionInput, to funding.AppStatus, viaTo bool) (*model.ApplicationPayload, error) {
	id, err := domainID(in.ID, typeApplication, "id")
	if err != nil {
		return applicationPayload(ctx, funding.Application{}, err)
	}
	a, err := r.Funding.TransitionApplication(ctx, id, to, int64(in.Version), deref(in.Reason))
	if !viaTo {
		for _, e := range errs.Flatten(err) {
			if slices.Equal(e.Field, []string{"to"}) {
				e.Field = nil
			}
		}
	}
	return applicationPayload(ctx, a, err)
}

// actOnSandbox takes a step of a sandbox application: each step's own
// mutation, and the deprecated actOnSandboxApplication.
func (r *Resolver) actOnSandbox(ctx context.Context, in model.SandboxApplicationActionInput, action sandbox.Action) (*model.SandboxApplicationPayload, error) {
	return r.sandboxChange(ctx, in.ID, func(id string) (sandbox.Application, error) {
		return r.Sandbox.Act(ctx, id, int64(in.Version), action, deref(in.Reason))
	})
}

func applicationPayload(ctx context.Context, a funding.Application, err error) (*model.ApplicationPayload, error) {
	v, ue, err := result(ctx, a, err)
	if err != nil {
		return nil, err
	}
	return &model.ApplicationPayload{Application: v, UserErrors: ue}, nil
}

func callPayload(ctx context.Context, c funding.Call, err error) (*model.FundCallPayload, error) {
	v, ue, err := result(ctx, c, err)
	if err != nil {
		return nil, err
	}
	return &model.FundCallPayload{FundCall: v, UserErrors: ue}, nil
}

// callAction runs one of the call lifecycle use-cases on a decoded ID.
func (r *mutationResolver) callAction(ctx context.Context, input model.FundCallActionInput,
	act func(ctx context.Context, id string, version int64) (funding.Call, error)) (*model.FundCallPayload, error) {
	id, err := domainID(input.ID, typeFundCall, "id")
	if err != nil {
		return callPayload(ctx, funding.Call{}, err)
	}
	c, err := act(ctx, id, int64(input.Version))
	return callPayload(ctx, c, err)
}

// localized picks the English text when the caller prefers English and one exists.
func localized(ctx context.Context, vi, en string) string {
	if langOf(ctx) == errs.EN && en != "" {
		return en
	}
	return vi
}

func questions(in []*model.QuestionInput) []funding.Question {
	out := make([]funding.Question, len(in))
	for i, q := range in {
		out[i] = funding.Question{Key: q.Key, LabelVI: q.Label, LabelEN: deref(q.LabelEn), Kind: q.Kind,
			Required: deref(q.Required), MinLength: deref(q.MinLength), MaxLength: deref(q.MaxLength),
			Min: q.Min, Max: q.Max, Options: q.Options}
	}
	return out
}

func eligibilityRules(in []*model.EligibilityRuleInput) []funding.Rule {
	out := make([]funding.Rule, len(in))
	for i, r := range in {
		out[i] = funding.Rule{Key: r.Key, DescriptionVI: r.Description, DescriptionEN: r.DescriptionEn, Expression: r.Expression}
	}
	return out
}

func rubric(in *model.RubricInput) funding.Rubric {
	out := funding.Rubric{OverallThreshold: in.OverallThreshold}
	for _, c := range in.Criteria {
		out.Criteria = append(out.Criteria, funding.Criterion{Key: c.Key, NameVI: c.Name, NameEN: deref(c.NameEn),
			Weight: deref(c.Weight), Max: deref(c.Max), HalfPoints: deref(c.HalfPoints), Threshold: c.Threshold})
	}
	return out
}

func answers(in []*model.AnswerInput) []funding.Answer {
	out := make([]funding.Answer, len(in))
	for i, a := range in {
		out[i] = funding.Answer{QuestionKey: a.QuestionKey, Text: deref(a.Text), Number: a.Number,
			Choices: a.Choices, DocumentRef: deref(a.DocumentRef)}
	}
	return out
}

func criterionScores(in []funding.CriterionResult) []*model.CriterionScore {
	out := make([]*model.CriterionScore, len(in))
	for i, c := range in {
		passed := c.Passed
		out[i] = &model.CriterionScore{Criterion: c.Key, Score: c.Mean, Passed: &passed}
	}
	return out
}

func ranking(r funding.Ranking) *model.Ranking {
	out := &model.Ranking{Normalized: r.Normalized, BudgetVnd: r.Budget, Entries: []*model.RankingEntry{}}
	for _, e := range r.Entries {
		app := e.Application
		out.Entries = append(out.Entries, &model.RankingEntry{
			Rank: e.Rank, Application: &app, ReviewCount: e.Reviews, Criteria: criterionScores(e.Criteria),
			Total: e.Total, WeightedScore: e.Weighted, Passed: e.Passed, RequestedAmountVnd: app.Requested,
			CumulativeVnd: e.Cumulative, WithinBudget: e.WithinBudget,
		})
	}
	return out
}

func criteriaSetPayload(ctx context.Context, s screening.CriteriaSet, err error) (*model.CriteriaSetPayload, error) {
	v, ue, err := result(ctx, s, err)
	if err != nil {
		return nil, err
	}
	return &model.CriteriaSetPayload{CriteriaSet: v, UserErrors: ue}, nil
}

// maxWeightEntries bounds the weights one version is written with: every
// factor of every kind, and room to spare.
const maxWeightEntries = 64

func weightsPayload(ctx context.Context, w matching.WeightSet, err error) (*model.MatchingWeightsPayload, error) {
	v, ue, err := result(ctx, w, err)
	if err != nil {
		return nil, err
	}
	return &model.MatchingWeightsPayload{MatchingWeights: v, UserErrors: ue}, nil
}

// nested puts the field paths of input problems under the input object
// they came from; errors about no field in particular pass unchanged.
func nested(err error, prefix string) error {
	es := errs.Flatten(err)
	if len(es) == 0 || errs.KindOf(err) == errs.Internal {
		return err
	}
	out := make(errs.List, len(es))
	for i, e := range es {
		out[i] = e
		if len(e.Field) > 0 {
			out[i] = e.At(prefix)
		}
	}
	return out
}

func setSpec(in model.CriteriaSetInput) screening.SetSpec {
	s := screening.SetSpec{Key: in.Key, TitleVI: in.Title, TitleEN: in.TitleEn, LegalBasis: in.LegalBasis, EffectiveFrom: in.EffectiveFrom}
	for _, c := range in.Criteria {
		crit := screening.Criterion{Key: c.Key, Group: deref(c.Group), Expression: c.Expression,
			PassVI: c.PassReason, PassEN: c.PassReasonEn, FailVI: c.FailReason, FailEN: c.FailReasonEn}
		for _, n := range c.Needs {
			crit.Needs = append(crit.Needs, screening.DataKey(n))
		}
		s.Criteria = append(s.Criteria, crit)
	}
	return s
}

func optionalDate(d value.Date) *value.Date {
	if d.IsZero() {
		return nil
	}
	return &d
}

func optionalStatus(s screening.Status) *screening.Status {
	if s == "" {
		return nil
	}
	return &s
}

// evidence converts evidence input; nil stays nil, leaving a patch unchanged.
func evidence(in *model.EvidenceInput) *firm.Evidence {
	if in == nil {
		return nil
	}
	e := &firm.Evidence{LegalForm: deref(in.LegalForm), FirstRegisteredOn: deref(in.FirstRegisteredOn), PublicOffering: deref(in.PublicOffering)}
	for _, x := range in.IPAssets {
		e.IPAssets = append(e.IPAssets, firm.IPAsset{Kind: x.Kind, Number: deref(x.Number), GrantedOn: x.GrantedOn,
			ExpiresOn: deref(x.ExpiresOn), DocumentRef: x.DocumentRef})
	}
	for _, x := range in.Awards {
		e.Awards = append(e.Awards, firm.Award{Name: x.Name, International: deref(x.International), AwardedOn: x.AwardedOn, DocumentRef: x.DocumentRef})
	}
	for _, x := range in.Certificates {
		e.Certificates = append(e.Certificates, firm.Certificate{Kind: x.Kind, IssuedOn: x.IssuedOn, ExpiresOn: deref(x.ExpiresOn), DocumentRef: x.DocumentRef})
	}
	for _, x := range in.Investments {
		e.Investments = append(e.Investments, firm.Investment{Fund: x.Fund, Amount: x.AmountVnd, On: x.On,
			Commitment: deref(x.Commitment), DocumentRef: x.DocumentRef})
	}
	for _, x := range in.Confirmations {
		e.Confirmations = append(e.Confirmations, firm.Confirmation{Issuer: x.Issuer, IssuedOn: x.IssuedOn, DocumentRef: x.DocumentRef})
	}
	return e
}

func sandboxPayload(ctx context.Context, a sandbox.Application, err error) (*model.SandboxApplicationPayload, error) {
	v, ue, err := result(ctx, a, err)
	if err != nil {
		return nil, err
	}
	return &model.SandboxApplicationPayload{SandboxApplication: v, UserErrors: ue}, nil
}

// sandboxChange decodes an application ID and runs a sandbox use-case on it.
func (r *Resolver) sandboxChange(ctx context.Context, gid string, run func(id string) (sandbox.Application, error)) (*model.SandboxApplicationPayload, error) {
	id, err := domainID(gid, typeSandboxApplication, "id")
	if err != nil {
		return sandboxPayload(ctx, sandbox.Application{}, err)
	}
	a, err := run(id)
	return sandboxPayload(ctx, a, err)
}

func limits(in *model.SandboxLimitsInput) sandbox.Limits {
	return sandbox.Limits{DurationDays: in.DurationDays, MaxCustomers: in.MaxCustomers, Wards: in.Wards,
		CapPerCustomer: deref(in.CapPerCustomerVnd), TotalCap: deref(in.TotalCapVnd)}
}

func proposal(in *model.SandboxProposalInput) sandbox.Proposal {
	return sandbox.Proposal{Product: in.Product, Innovation: deref(in.Innovation), ConsumerBenefit: deref(in.ConsumerBenefit),
		Readiness: deref(in.Readiness), Need: deref(in.Need), Requested: limits(in.Requested), StartOn: deref(in.StartOn),
		Risks: deref(in.Risks), Mitigations: deref(in.Mitigations), Safeguards: deref(in.Safeguards),
		Disclosure: deref(in.Disclosure), ExitPlan: deref(in.ExitPlan), Documents: in.Documents}
}

// nonNil answers an empty list for a non-null GraphQL list field.
func nonNil[T any](in []T) []T {
	if in == nil {
		return []T{}
	}
	return in
}

// dates dereferences a list of dates.
func dates(in []*value.Date) []value.Date {
	out := make([]value.Date, len(in))
	for i, d := range in {
		out[i] = *d
	}
	return out
}

func programPayload(ctx context.Context, p sandbox.Program, err error) (*model.SandboxProgramPayload, error) {
	v, ue, err := result(ctx, p, err)
	if err != nil {
		return nil, err
	}
	return &model.SandboxProgramPayload{SandboxProgram: v, UserErrors: ue}, nil
}

func program(in model.CreateSandboxProgramInput) sandbox.Program {
	p := sandbox.Program{Name: in.Name, NameEN: deref(in.NameEn), Sectors: in.Sectors, Limits: limits(in.Limits),
		AckWorkingDays: deref(in.AckWorkingDays), AssessmentDays: deref(in.AssessmentDays),
		StartWithinDays: deref(in.StartWithinDays), ReportPeriodDays: deref(in.ReportPeriodDays),
		Calendar: sandbox.Calendar{Holidays: dates(in.Holidays)}}
	for _, g := range in.Guides {
		p.Guides = append(p.Guides, sandbox.Guide{Criterion: g.Criterion, Positive: g.Positive, Negative: g.Negative})
	}
	return p
}

func dealPayload(ctx context.Context, d dealflow.Deal, err error) (*model.DealPayload, error) {
	v, ue, err := result(ctx, d, err)
	if err != nil {
		return nil, err
	}
	return &model.DealPayload{Deal: v, UserErrors: ue}, nil
}

func grantPayload(ctx context.Context, g dealflow.Grant, err error) (*model.DataRoomGrantPayload, error) {
	v, ue, err := result(ctx, g, err)
	if err != nil {
		return nil, err
	}
	return &model.DataRoomGrantPayload{Grant: v, UserErrors: ue}, nil
}

// dealIDs decodes the investor and startup of a deal or grant input.
func dealIDs(investorGID, startupGID string) (investorID, startupID string, err error) {
	if investorID, err = domainID(investorGID, typeInvestor, "investorId"); err != nil {
		return "", "", err
	}
	startupID, err = domainID(startupGID, typeStartup, "startupId")
	return investorID, startupID, err
}

func castAll[S ~string](in []string) []S {
	out := make([]S, len(in))
	for i, s := range in {
		out[i] = S(s)
	}
	return out
}

func incubatorPayload(ctx context.Context, inc ecosystem.Incubator, err error) (*model.IncubatorPayload, error) {
	v, ue, err := result(ctx, inc, err)
	if err != nil {
		return nil, err
	}
	return &model.IncubatorPayload{Incubator: v, UserErrors: ue}, nil
}

func programDrafts(in []*model.IncubatorProgramInput) []ecosystem.ProgramDraft {
	out := make([]ecosystem.ProgramDraft, len(in))
	for i, p := range in {
		out[i] = ecosystem.ProgramDraft{Name: p.Name, Description: deref(p.Description),
			Sectors: deref(codes(p.Sectors)), Stages: deref(codes(p.Stages))}
	}
	return out
}

func fundPayload(ctx context.Context, f funding.Fund, err error) (*model.FundPayload, error) {
	v, ue, err := result(ctx, f, err)
	if err != nil {
		return nil, err
	}
	return &model.FundPayload{Fund: v, UserErrors: ue}, nil
}

// maxExpression bounds the source checkExpression compiles; a stored rule
// is far shorter.
const maxExpression = 4000

func expressionCheck(ctx context.Context, probs []rules.Problem) *model.ExpressionCheck {
	out := &model.ExpressionCheck{Valid: len(probs) == 0, Problems: []*model.ExpressionProblem{}}
	for _, p := range probs {
		mp := &model.ExpressionProblem{Message: localized(ctx, p.VI, p.EN)}
		if p.Line > 0 {
			mp.Line, mp.Column = &p.Line, &p.Column
		}
		out.Problems = append(out.Problems, mp)
	}
	return out
}
