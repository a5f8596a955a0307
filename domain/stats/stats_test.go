package stats

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
)

func day(s string) value.Date {
	d, err := value.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func at(s string) time.Time { return day(s).Start().Add(10 * time.Hour) }

func meta(id string) record.Meta { return record.Meta{ID: id, Version: 1} }

func each[T any](items ...T) func(context.Context, func(T) error) error {
	return func(_ context.Context, fn func(T) error) error {
		for _, x := range items {
			if err := fn(x); err != nil {
				return err
			}
		}
		return nil
	}
}

func startup(id, founded, ward string, stage value.Stage, inc string, sectors ...value.Sector) firm.Startup {
	w, err := value.NewWard(ward)
	if err != nil {
		panic(err)
	}
	return firm.Startup{Meta: meta(id), Profile: firm.Profile{Name: id, FoundedOn: day(founded), Ward: w, Stage: stage,
		IncubatorID: inc, Sectors: sectors}}
}

// fixed is a small ecosystem whose figures for 2026 are computed by hand
// in TestFiguresMatchHandComputedOnes.
func fixed() Sources {
	return Sources{
		Firms: each(
			startup("f1", "2025-03-10", "Hải An", value.StageSeed, "inc1", value.SectorPortLogistics, value.SectorSoftware),
			startup("f2", "2026-02-01", "Hải An", value.StagePreSeed, "inc1", value.SectorPortLogistics),
			startup("f3", "2026-05-20", "Lê Chân", value.StageIdea, "", value.SectorFintech),
			startup("f4", "2026-08-15", "Hải An", value.StageSeed, "inc2", value.SectorPortLogistics),
			startup("f5", "2027-01-05", "Lê Chân", value.StageIdea, "", value.SectorFintech), // after the period
		),
		Incubators: func(context.Context) ([]ecosystem.Incubator, error) {
			return []ecosystem.Incubator{{Meta: meta("inc1"), Name: "Vườn ươm A", NameEN: "Incubator A"}, {Meta: meta("inc2"), Name: "Vườn ươm B"}}, nil
		},
		CriteriaSets: func(context.Context) ([]screening.CriteriaSet, error) {
			return []screening.CriteriaSet{{SetSpec: screening.SetSpec{Key: "innovative_startup_sme", TitleVI: "DNNVV KNST", TitleEN: "Innovative SME"}}}, nil
		},
		CountResults: counts(map[[2]string]int{
			{"innovative_startup_sme", "ELIGIBLE"}: 1, {"innovative_startup_sme", "NEEDS_EVIDENCE"}: 2,
			{"innovative_startup_sme", "NOT_ELIGIBLE"}: 1, {"retired_set", "ELIGIBLE"}: 1,
		}),
		Incentives: func(context.Context) ([]incentive.Incentive, error) {
			return []incentive.Incentive{
				{Spec: incentive.Spec{Key: "st_enterprise_cit", TitleVI: "Thuế", TitleEN: "Tax"}, Status: incentive.Active},
				{Spec: incentive.Spec{Key: "st_enterprise_land", TitleVI: "Đất", TitleEN: "Land"}, Status: incentive.Retired},
			}, nil
		},
		CountQualifying: func(_ context.Context, key string) (int, error) {
			return map[string]int{"st_enterprise_cit": 1, "st_enterprise_land": 1}[key], nil // land is retired
		},
		Claims: each(
			claim("f1", incentive.Received, "2026-06-01", 100_000_000),
			claim("f1", incentive.Received, "2026-09-01", 50_000_000), // the same firm again
			claim("f2", incentive.Received, "2025-12-31", 70_000_000), // before the period
			claim("f3", incentive.Applied, "", 0),
		),
		Calls: each(
			funding.Call{Meta: meta("c1"), CallSpec: funding.CallSpec{OpensAt: at("2026-03-01"), Budget: 5_000_000_000}},
			funding.Call{Meta: meta("c2"), CallSpec: funding.CallSpec{OpensAt: at("2025-11-01"), Budget: 3_000_000_000}},
		),
		Applications: each(
			funding.Application{SubmittedAt: at("2026-03-10"), Requested: 500_000_000, History: []funding.Transition{
				{At: at("2026-04-01"), To: funding.AppShortlisted}, {At: at("2026-05-01"), To: funding.AppAwarded}}},
			funding.Application{SubmittedAt: at("2026-03-12"), History: []funding.Transition{{At: at("2026-04-02"), To: funding.AppRejected}}},
			funding.Application{SubmittedAt: at("2025-11-10"), Requested: 300_000_000, History: []funding.Transition{
				{At: at("2026-01-15"), To: funding.AppAwarded}}}, // submitted before, awarded within
		),
		Events: each(
			events.Event{Meta: meta("e1"), Status: events.Published, Start: at("2026-06-10")},
			events.Event{Meta: meta("e2"), Status: events.Cancelled, Start: at("2026-07-10")},
			events.Event{Meta: meta("e3"), Status: events.Published, Start: at("2027-02-01")},
		),
		Boards: each(events.Board{Meta: meta("e1"),
			Participants: []events.Participant{
				{ID: "p1", InvestorID: "inv1", Status: events.Confirmed}, {ID: "p2", StartupID: "f1", Status: events.Confirmed},
				{ID: "p3", StartupID: "f2", Status: events.Confirmed}, {ID: "p4", StartupID: "f3", Status: events.Waitlisted}},
			Meetings: []events.Meeting{
				{A: "p1", B: "p2", Outcome: events.Held, Feedback: [2]events.Feedback{{Rating: 5, FollowUp: "Gửi hồ sơ"}}},
				{A: "p3", B: "p1", Outcome: events.Held},
				{A: "p1", B: "p4", Outcome: events.NoShow},
			}},
			events.Board{Meta: meta("e2"), Meetings: []events.Meeting{{A: "x", B: "y", Outcome: events.Held}}}),
		Deals: each(
			dealflow.Deal{Meta: meta(dealflow.DealID("inv1", "f1")), History: []dealflow.StageChange{
				{Stage: dealflow.Meeting, At: at("2026-06-10")}, {Stage: dealflow.DueDiligence, At: at("2026-07-01")}}},
			dealflow.Deal{Meta: meta(dealflow.DealID("inv1", "f2")), History: []dealflow.StageChange{{Stage: dealflow.Meeting, At: at("2026-06-10")}}},
			dealflow.Deal{Meta: meta(dealflow.DealID("inv2", "f3")), History: []dealflow.StageChange{{Stage: dealflow.Invested, At: at("2026-06-10")}}}, // never met
		),
		SandboxApps: each(
			sandbox.Application{SubmittedOn: day("2026-02-01"), ApprovedOn: day("2026-04-01")},
			sandbox.Application{SubmittedOn: day("2026-03-01"), Flags: []sandbox.Flag{sandbox.AckOverdue}},
			sandbox.Application{SubmittedOn: day("2025-10-01"), ApprovedOn: day("2026-01-10")},
		),
		Conversations: each(
			transfer.Conversation{Stage: transfer.Agreed, Agreement: &transfer.Agreement{Type: transfer.Licence, Value: 200_000_000, SignedOn: day("2026-09-09")}},
			transfer.Conversation{Stage: transfer.Negotiating},
			transfer.Conversation{Stage: transfer.Agreed, Agreement: &transfer.Agreement{Type: transfer.JointRnD, Value: 90_000_000, SignedOn: day("2025-05-05")}},
		),
	}
}

func counts(n map[[2]string]int) func(context.Context, string, screening.Status) (int, error) {
	return func(_ context.Context, set string, st screening.Status) (int, error) {
		return n[[2]string{set, string(st)}], nil
	}
}

func claim(firmID string, st incentive.ClaimStatus, decided string, amount value.VND) incentive.BenefitRecord {
	b := incentive.BenefitRecord{BenefitDraft: incentive.BenefitDraft{StartupID: firmID, IncentiveKey: "st_enterprise_cit",
		Status: st, AppliedOn: day("2025-01-01"), Amount: amount}}
	if decided != "" {
		b.DecidedOn = day(decided)
	}
	return b
}

// values reads a series as key → value.
func values(t *testing.T, r Report, key string) map[string]int64 {
	t.Helper()
	for _, s := range r.Series {
		if s.Key == key {
			out := map[string]int64{}
			for _, p := range s.Points {
				out[p.Key] = p.Value
			}
			return out
		}
	}
	t.Fatalf("no series %s", key)
	return nil
}

func TestFiguresMatchHandComputedOnes(t *testing.T) {
	t.Parallel()
	svc := NewService(fixed(), clock.NewManual(at("2026-12-01")))
	r, err := svc.Compute(context.Background(), day("2026-01-01"), day("2026-12-31"))
	require.NoError(t, err)

	assert.Equal(t, map[string]int64{"all": 4}, values(t, r, "firms_total"), "f5 was founded after the period")
	assert.Equal(t, map[string]int64{"PORT_LOGISTICS": 3, "SOFTWARE_SAAS": 1, "FINTECH": 1}, values(t, r, "firms_by_sector"))
	assert.Equal(t, map[string]int64{"Hải An": 3, "Lê Chân": 1}, values(t, r, "firms_by_ward"))
	assert.Equal(t, map[string]int64{"SEED": 2, "PRE_SEED": 1, "IDEA": 1}, values(t, r, "firms_by_stage"))
	assert.Equal(t, map[string]int64{"inc1": 2, "inc2": 1, "none": 1}, values(t, r, "firms_by_incubator"))
	assert.Equal(t, map[string]int64{"2025": 1, "2026": 3}, values(t, r, "firms_by_founding_year"))
	assert.Equal(t, map[string]int64{"2026-Q1": 1, "2026-Q2": 1, "2026-Q3": 1, "2026-Q4": 0}, values(t, r, "new_firms_per_quarter"))
	assert.Equal(t, map[string]int64{"ELIGIBLE": 1, "NEEDS_EVIDENCE": 2, "NOT_ELIGIBLE": 1}, values(t, r, "screening_innovative_startup_sme"))
	assert.Equal(t, map[string]int64{"st_enterprise_cit": 1}, values(t, r, "incentives_qualified"), "a retired incentive is not counted")
	assert.Equal(t, map[string]int64{"st_enterprise_cit": 1}, values(t, r, "incentives_received"), "one firm, twice")
	assert.Equal(t, map[string]int64{"st_enterprise_cit": 150_000_000}, values(t, r, "incentives_received_vnd"))
	assert.Equal(t, map[string]int64{"calls": 1, "submitted": 2, "shortlisted": 1, "awarded": 2}, values(t, r, "funding_funnel"))
	assert.Equal(t, map[string]int64{"budget": 5_000_000_000, "awarded": 800_000_000}, values(t, r, "funding_vnd"))
	assert.Equal(t, map[string]int64{"events": 1, "participants": 3, "meetings": 2, "follow_ups": 1, "deals": 1}, values(t, r, "events_funnel"))
	assert.Equal(t, map[string]int64{"submitted": 2, "approved": 2, "on_time": 1, "overdue": 1}, values(t, r, "sandbox"))
	assert.Equal(t, int64(1), values(t, r, "transfer_agreements")["LICENCE"])
	assert.Equal(t, int64(0), values(t, r, "transfer_agreements")["JOINT_RND"], "signed before the period")
	assert.Equal(t, int64(200_000_000), values(t, r, "transfer_agreements_vnd")["LICENCE"])

	for _, s := range r.Series {
		assert.NotEmpty(t, s.HowVI, s.Key)
		assert.NotEmpty(t, s.HowEN, s.Key)
		for _, p := range s.Points {
			assert.NotEmpty(t, p.LabelVI, "%s.%s", s.Key, p.Key)
			assert.NotEmpty(t, p.LabelEN, "%s.%s", s.Key, p.Key)
		}
	}
	assert.Equal(t, "Incubator A", func() string {
		for _, s := range r.Series {
			if s.Key == "firms_by_incubator" {
				for _, p := range s.Points {
					if p.Key == "inc1" {
						return p.LabelEN
					}
				}
			}
		}
		return ""
	}())
}

func TestOnlyOfficialsAndAdminsReadStatistics(t *testing.T) {
	t.Parallel()
	svc := NewService(fixed(), clock.NewManual(at("2026-12-01")))
	for role, want := range map[identity.Role]errs.Kind{identity.RoleOfficial: 0, identity.RoleAdmin: 0,
		identity.RoleInvestor: errs.Forbidden().Kind, identity.RoleIncubatorManager: errs.Forbidden().Kind} {
		ctx := identity.WithPrincipal(context.Background(), identity.Principal{Subject: "u", Roles: []identity.Role{role}})
		_, err := svc.City(ctx, day("2026-01-01"), day("2026-12-31"))
		if want == 0 {
			assert.NoError(t, err, role)
		} else {
			assert.Equal(t, want, errs.KindOf(err), role)
		}
	}
	_, err := svc.Compute(context.Background(), day("2026-12-31"), day("2026-01-01"))
	assert.Equal(t, errs.Invalid, errs.KindOf(err))
	_, err = svc.Compute(context.Background(), day("2000-01-01"), day("2026-01-01"))
	assert.Equal(t, errs.Invalid, errs.KindOf(err))
}
