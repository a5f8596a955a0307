package funding

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

var now = time.Date(2026, 11, 22, 3, 0, 0, 0, time.UTC)

func input() CallInput {
	return CallInput{
		Title: "Kêu gọi", OpensAt: now.Add(-time.Hour), ClosesAt: now.Add(24 * time.Hour),
		Budget: 10_000, TicketMin: 100, TicketMax: 5_000, Sectors: []string{"FINTECH"},
		Rules: []Rule{{Key: "young", DescriptionVI: "Trẻ", DescriptionEN: "Young", Expression: "startup.foundedOn >= today.addYears(-5)"}},
		Rubric: Rubric{OverallThreshold: 5, Criteria: []Criterion{
			{Key: "a", NameVI: "A", Weight: 2, Max: 5, HalfPoints: true, Threshold: 2},
			{Key: "b", NameVI: "B", Weight: 1, Max: 5, HalfPoints: false, Threshold: 2},
		}},
	}
}

func codesOf(err error) map[string]errs.Code {
	out := map[string]errs.Code{}
	for _, e := range errs.Flatten(err) {
		out[strings.Join(e.Field, ".")] = e.Code
	}
	return out
}

func TestNewCallSpecReportsEveryProblem(t *testing.T) {
	t.Parallel()
	in := input()
	in.ClosesAt = in.OpensAt
	in.TicketMax = 20_000
	in.Rules = append(in.Rules, Rule{Key: "Bad Key", DescriptionVI: "x", DescriptionEN: "x", Expression: "startup.ageYears"},
		Rule{Key: "young", DescriptionVI: "x", DescriptionEN: "x", Expression: "1 +"})
	in.Rubric.Criteria[1].Threshold = 6
	in.Rubric.OverallThreshold = 11
	in.Questions = []Question{{Key: "q", LabelVI: "Q", Kind: QuestionSingle, Options: []string{"a"}}}
	_, err := NewCallSpec(in)
	assert.Equal(t, map[string]errs.Code{
		"closesAt":                      errs.CodeInvalidValue,
		"ticketMaxVnd":                  errs.CodeInvalidValue,
		"eligibilityRules.1.key":        errs.CodeInvalidValue,
		"eligibilityRules.1.expression": errs.CodeInvalidExpression, // int, not bool
		"eligibilityRules.2.key":        errs.CodeInvalidValue,      // used twice
		"eligibilityRules.2.expression": errs.CodeInvalidExpression,
		"rubric.criteria.1.threshold":   errs.CodeInvalidValue,
		"rubric.overallThreshold":       errs.CodeInvalidValue,
		"questions.0.options":           errs.CodeInvalidValue,
	}, codesOf(err))
}

func startup(t *testing.T, founded string, sectors ...string) firm.Startup {
	t.Helper()
	p, err := firm.NewProfile(firm.Draft{Name: "X", TaxCode: "0100233488", FoundedOn: founded, Ward: "Lê Chân",
		Sectors: sectors, Stage: "SEED", TeamSize: 3, Email: "a@b.vn"}, value.DateOf(now))
	require.NoError(t, err)
	return firm.Startup{Meta: record.New(now), Profile: p}
}

func TestEligibilityCountsAgeInHoChiMinhCity(t *testing.T) {
	t.Parallel()
	spec, err := NewCallSpec(input())
	require.NoError(t, err)
	c := Call{CallSpec: spec, Status: CallOpen}
	// now is 10:00 on 22 November 2026 in Hai Phong.
	for founded, eligible := range map[string]bool{
		"2021-11-22": true,  // exactly five years today
		"2021-11-21": false, // five years and a day
		"2021-11-23": true,
		"2024-02-29": true,
	} {
		e := c.CheckEligibility(startup(t, founded, "FINTECH"), value.DateOf(now))
		assert.Equal(t, eligible, e.Eligible(), founded)
		assert.Equal(t, eligible, e.Err() == nil, founded)
	}
	// Months count in calendar months in Hai Phong: 22 May is six months back.
	c.Rules = []Rule{{Key: "recent", DescriptionVI: "r", DescriptionEN: "r", Expression: "startup.foundedOn >= today.addMonths(-6)"}}
	assert.True(t, c.CheckEligibility(startup(t, "2026-05-22", "FINTECH"), value.DateOf(now)).Eligible())
	assert.False(t, c.CheckEligibility(startup(t, "2026-05-21", "FINTECH"), value.DateOf(now)).Eligible())
}

func TestCallLifecycle(t *testing.T) {
	t.Parallel()
	spec, err := NewCallSpec(input())
	require.NoError(t, err)
	c := Call{CallSpec: spec, Status: CallDraft}
	assert.False(t, c.AcceptsAt(now), "a draft takes nothing")
	require.NoError(t, c.Edit(CallPatch{Budget: ptr(int64(20_000))}))
	require.NoError(t, c.Publish(now))
	assert.True(t, c.AcceptsAt(now))
	assert.True(t, c.AcceptsAt(c.OpensAt), "from the opening instant")
	assert.False(t, c.AcceptsAt(c.ClosesAt), "until before the closing instant")

	assert.Error(t, c.Edit(CallPatch{Budget: ptr(int64(1))}), "an open call keeps its terms")
	assert.Error(t, c.Edit(CallPatch{ClosesAt: ptr(c.ClosesAt.Add(-time.Minute))}), "nor shortens its deadline")
	require.NoError(t, c.Edit(CallPatch{ClosesAt: ptr(c.ClosesAt.Add(time.Hour)), Title: ptr("Gia hạn")}))
	assert.Equal(t, errs.CodeInvalidTransition, errs.Flatten(c.Publish(now))[0].Code)
	assert.Equal(t, errs.CodeInvalidTransition, errs.Flatten(c.Decide())[0].Code, "decide needs a closed call")
	require.NoError(t, c.Close())
	assert.Equal(t, map[string]errs.Code{"reason": errs.CodeRequired}, codesOf(c.Cancel(" ")))
	require.NoError(t, c.Decide())
	assert.Error(t, c.Cancel("muộn"), "a decided call stays decided")

	late := Call{CallSpec: spec, Status: CallDraft}
	assert.Equal(t, map[string]errs.Code{"closesAt": errs.CodeInvalidValue}, codesOf(late.Publish(spec.ClosesAt)))
}

func TestTransitionsFollowTheTable(t *testing.T) {
	t.Parallel()
	a := Application{Status: AppDraft}
	require.NoError(t, a.move(AppSubmitted, Applicant, "founder", "", now))
	assert.Equal(t, now, a.SubmittedAt)
	assert.Equal(t, errs.CodeForbidden, errs.Flatten(a.move(AppUnderReview, Applicant, "founder", "", now))[0].Code)
	require.NoError(t, a.move(AppUnderReview, FundSide, "fm", "", now))
	refused := errs.Flatten(a.move(AppAwarded, FundSide, "fm", "", now))[0]
	assert.Equal(t, errs.CodeInvalidTransition, refused.Code, "award needs a shortlist")
	assert.Contains(t, refused.VI, "sang “được tài trợ”", "statuses by name in messages, not by code")
	assert.Contains(t, refused.EN, "to “awarded”")
	require.NoError(t, a.move(AppShortlisted, FundSide, "fm", "", now))
	require.NoError(t, a.move(AppAwarded, FundSide, "fm", "hội đồng", now))
	for _, to := range AppStatuses() {
		assert.Error(t, a.move(to, FundSide, "fm", "", now), "AWARDED is final: %s", to)
		assert.Error(t, a.move(to, Applicant, "founder", "", now), "AWARDED is final: %s", to)
	}
	assert.Len(t, a.History, 4)
	assert.Equal(t, Transition{At: now, By: "fm", From: AppShortlisted, To: AppAwarded, Reason: "hội đồng"}, a.History[3])
}

func TestScoresFollowTheRubric(t *testing.T) {
	t.Parallel()
	r := input().Rubric
	assert.NoError(t, r.checkScores([]Score{{Criterion: "a", Half: 7}, {Criterion: "b", Half: 10}}))
	assert.Equal(t, map[string]errs.Code{
		"scores.a.score":     errs.CodeInvalidValue, // 5.5 > 5
		"scores.b.score":     errs.CodeInvalidValue, // b takes whole points only
		"scores.z.criterion": errs.CodeInvalidValue, // unknown
	}, codesOf(r.checkScores([]Score{{Criterion: "a", Half: 11}, {Criterion: "b", Half: 3}, {Criterion: "z", Half: 2}})))
	assert.Equal(t, map[string]errs.Code{"scores.b": errs.CodeRequired}, codesOf(r.checkScores([]Score{{Criterion: "a", Half: 2}})))
}

func app(id string, submitted time.Time, requested value.VND, reviews ...Review) Application {
	return Application{Meta: record.Meta{ID: id}, Status: AppUnderReview, SubmittedAt: submitted, Requested: requested, Reviews: reviews}
}

func review(reviewer string, a, b float64) Review {
	return Review{ReviewerID: reviewer, Scores: []Score{{Criterion: "a", Half: int(a * 2)}, {Criterion: "b", Half: int(b * 2)}}}
}

func TestRankingOrderAndTieBreaks(t *testing.T) {
	t.Parallel()
	spec, err := NewCallSpec(input())
	require.NoError(t, err)
	c := Call{CallSpec: spec, Status: CallClosed}
	apps := []Application{
		app("fail", now, 1000, review("r1", 5, 1)),                    // b under its threshold
		app("late-tie", now.Add(time.Hour), 3000, review("r1", 4, 4)), // weighted 12, same means as early-tie
		app("early-tie", now, 4000, review("r1", 4, 4)),
		app("more-a", now.Add(2*time.Hour), 3000, review("r1", 4.5, 3)), // weighted 12 too, higher on the first criterion
		app("top", now, 2000, review("r1", 5, 5), review("r2", 5, 4)),
		app("unreviewed", now, 100),
	}
	r := Rank(c, apps, false)
	var order []string
	for _, e := range r.Entries {
		order = append(order, e.Application.ID)
	}
	assert.Equal(t, []string{"top", "more-a", "early-tie", "late-tie", "fail"}, order)
	top := r.Entries[0]
	assert.Equal(t, 14.5, top.Weighted) // 2×5 + 4.5
	assert.Equal(t, 9.5, top.Total)
	assert.Equal(t, []value.VND{2000, 5000, 9000, 12000, 0}, []value.VND{r.Entries[0].Cumulative, r.Entries[1].Cumulative,
		r.Entries[2].Cumulative, r.Entries[3].Cumulative, r.Entries[4].Cumulative})
	assert.Equal(t, []bool{true, true, true, false, false}, []bool{r.Entries[0].WithinBudget, r.Entries[1].WithinBudget,
		r.Entries[2].WithinBudget, r.Entries[3].WithinBudget, r.Entries[4].WithinBudget})
	assert.False(t, r.Entries[4].Passed)
	assert.False(t, r.Entries[4].Criteria[1].Passed)
}

// TestNormalisationEvensOutHarshReviewers: a harsh reviewer scores one
// application, a lenient one another; raw means favour the lenient
// reviewer's pick, z-scores rank each by how it stands in its reviewer's range.
func TestNormalisationEvensOutHarshReviewers(t *testing.T) {
	t.Parallel()
	spec, err := NewCallSpec(input())
	require.NoError(t, err)
	spec.Rubric.OverallThreshold = 0
	spec.Rubric.Criteria[0].Threshold, spec.Rubric.Criteria[1].Threshold = 0, 0
	c := Call{CallSpec: spec, Status: CallClosed}
	apps := []Application{
		app("harsh-best", now, 1, review("harsh", 3, 3)), app("harsh-mid", now, 1, review("harsh", 2, 2)),
		app("harsh-low", now, 1, review("harsh", 1, 1)),
		app("lenient-low", now, 1, review("lenient", 3.5, 3.5)), app("lenient-mid", now, 1, review("lenient", 4, 4)),
		app("lenient-best", now, 1, review("lenient", 4.5, 4.5)),
	}
	first := func(r Ranking) []string {
		return []string{r.Entries[0].Application.ID, r.Entries[1].Application.ID}
	}
	assert.Equal(t, []string{"lenient-best", "lenient-mid"}, first(Rank(c, apps, false)))
	norm := Rank(c, apps, true)
	assert.True(t, norm.Normalized)
	assert.ElementsMatch(t, []string{"harsh-best", "lenient-best"}, first(norm), "each reviewer's best comes first")
	for _, e := range norm.Entries {
		for _, cr := range e.Criteria {
			assert.GreaterOrEqual(t, cr.Mean, 0.0)
			assert.LessOrEqual(t, cr.Mean, 5.0)
		}
	}
}

func TestAnswersFollowTheForm(t *testing.T) {
	t.Parallel()
	c := Call{CallSpec: CallSpec{Questions: []Question{
		{Key: "text", LabelVI: "T", Kind: QuestionText, Required: true, MinLength: 3, MaxLength: 5},
		{Key: "num", LabelVI: "N", Kind: QuestionNumber, Min: ptr(0.0), Max: ptr(10.0)},
		{Key: "many", LabelVI: "M", Kind: QuestionMultiple, Options: []string{"x", "y"}},
		{Key: "doc", LabelVI: "D", Kind: QuestionDocument, Required: true},
	}}}
	_, err := c.checkAnswers([]Answer{{QuestionKey: "text", Text: "ab"}, {QuestionKey: "num", Number: ptr(11.0)},
		{QuestionKey: "many", Choices: []string{"x", "x"}}, {QuestionKey: "nope", Text: "?"}}, true)
	assert.Equal(t, map[string]errs.Code{
		"answers.text.text": errs.CodeInvalidValue, "answers.num.number": errs.CodeInvalidValue,
		"answers.many.choices": errs.CodeInvalidValue, "answers.nope.questionKey": errs.CodeInvalidValue,
		"answers.doc": errs.CodeRequired, // missing: named by its key like the others
	}, codesOf(err))
	_, err = c.checkAnswers([]Answer{{QuestionKey: "text", Text: "abcd"}}, false)
	assert.NoError(t, err, "a draft may leave required questions open")
	got, err := c.checkAnswers([]Answer{{QuestionKey: "text", Text: "abcd"}, {QuestionKey: "many", Choices: []string{"y", "x"}},
		{QuestionKey: "doc", DocumentRef: "files/plan.pdf"}}, true)
	require.NoError(t, err)
	assert.Len(t, got, 3)
}
