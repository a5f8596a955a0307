package app

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
)

// world is the demo ecosystem as the funding tests see it: IDs by name and
// tokens for the fund manager and reviewers.
type world struct {
	e        *env
	fund     string
	startup  map[string]string // demo English name → ID
	reviewer map[string]string // subject → reviewer ID
	closesAt time.Time
}

func newWorld(t testing.TB) *world {
	t.Helper()
	return worldOf(t, newEnv(t))
}

// worldOf reads the demo's fund, startups and reviewers from e.
func worldOf(t testing.TB, e *env) *world {
	t.Helper()
	w := &world{e: e, startup: map[string]string{}, reviewer: map[string]string{}}
	r := e.do(t, req{query: `{ funds { id } startups(first: 100) { edges { node { id nameEn } } } }`})
	require.Empty(t, r.Errors)
	w.fund = r.Str("funds.0.id")
	for _, edge := range r.List("startups.edges") {
		n := edge.(map[string]any)["node"].(map[string]any)
		w.startup[n["nameEn"].(string)] = n["id"].(string)
	}
	r = e.do(t, req{token: w.manager(t), query: `{ reviewers(first: 20) { edges { node { id subject } } } }`})
	require.Empty(t, r.Errors)
	for _, edge := range r.List("reviewers.edges") {
		n := edge.(map[string]any)["node"].(map[string]any)
		w.reviewer[n["subject"].(string)] = n["id"].(string)
	}
	require.Len(t, w.reviewer, 5)
	return w
}

// manager returns a fresh token of the fund's manager (tests move the clock).
func (w *world) manager(t testing.TB) string {
	return w.e.token(t, "FUND_MANAGER", "fm-1", w.fund)
}

// reviewerToken returns a fresh token of a reviewer.
func (w *world) reviewerToken(t testing.TB, subject string) string {
	return w.e.token(t, "REVIEWER", subject, "")
}

func (w *world) member(t testing.TB, name string) string {
	t.Helper()
	require.Contains(t, w.startup, name)
	return w.e.token(t, "STARTUP_MEMBER", "founder-"+name, w.startup[name])
}

const callFields = `fundCall { id status version closesAt eligibilityRules { key description } } userErrors { field code message }`

// createCall drafts and publishes a call open from an hour ago for two days.
func (w *world) createCall(t testing.TB, rules []map[string]any) string {
	t.Helper()
	now := w.e.clock.Now()
	w.closesAt = now.Add(48 * time.Hour).Truncate(time.Second)
	r := w.e.do(t, req{token: w.manager(t), query: `mutation($in: CreateFundCallInput!) { createFundCall(input: $in) { ` + callFields + ` } }`,
		vars: map[string]any{"in": map[string]any{
			"fundId": w.fund, "title": "Kêu gọi thử nghiệm: công nghệ biển", "opensAt": now.Add(-time.Hour).Format(time.RFC3339),
			"closesAt": w.closesAt.Format(time.RFC3339), "budgetVnd": 2_500_000_000, "ticketMinVnd": 500_000_000,
			"ticketMaxVnd": 2_000_000_000, "sectors": []string{"MARINE_SCIENCE_TECH", "PORT_LOGISTICS", "GREEN_INDUSTRY_ENERGY"},
			"questions": []map[string]any{
				{"key": "solution", "label": "Mô tả giải pháp", "kind": "TEXT", "required": true, "minLength": 10, "maxLength": 500},
				{"key": "readiness", "label": "Mức sẵn sàng", "kind": "SINGLE_CHOICE", "required": true, "options": []string{"Mẫu thử", "Thí điểm"}},
			},
			"eligibilityRules": rules,
			"rubric": map[string]any{"overallThreshold": 12, "criteria": []map[string]any{
				{"key": "innovation", "name": "Đổi mới", "weight": 1.5, "threshold": 3},
				{"key": "team", "name": "Đội ngũ", "threshold": 3},
				{"key": "market", "name": "Thị trường", "threshold": 2.5},
				{"key": "impact", "name": "Tác động", "weight": 1.5, "threshold": 3},
			}},
		}}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("createFundCall"), "%v", r.List("createFundCall.userErrors"))
	id := r.Str("createFundCall.fundCall.id")
	assert.Equal(t, "DRAFT", r.Str("createFundCall.fundCall.status"))
	r = w.e.do(t, req{token: w.manager(t), query: `mutation($in: FundCallActionInput!) { publishFundCall(input: $in) { ` + callFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"id": id, "version": 1}}})
	require.Empty(t, r.UserErrors("publishFundCall"))
	assert.Equal(t, "OPEN", r.Str("publishFundCall.fundCall.status"))
	return id
}

var demoRules = []map[string]any{
	{"key": "young_firm", "description": "Thành lập không quá 5 năm", "descriptionEn": "Founded at most 5 years ago", "expression": "startup.foundedOn >= today.addYears(-5)"},
	{"key": "priority_sector", "description": "Thuộc lĩnh vực ưu tiên", "descriptionEn": "In a priority sector",
		"expression": "startup.sectors.exists(s, s in call.sectors)"},
}

const submit = `mutation($in: SubmitApplicationInput!) { submitApplication(input: $in) {
	application { id status version requestedAmountVnd history { from to by } } userErrors { field code message } } }`

func (w *world) submit(t testing.TB, name, key string, amount int64, callID string, answers []map[string]any) response {
	t.Helper()
	return w.e.do(t, req{token: w.member(t, name), query: submit, vars: map[string]any{"in": w.submission(name, key, amount, callID, answers)}})
}

// submission is the input of a startup's application; nil answers answer
// the test call's form.
func (w *world) submission(name, key string, amount int64, callID string, answers []map[string]any) map[string]any {
	if answers == nil {
		answers = []map[string]any{
			{"questionKey": "solution", "text": "Giải pháp cảm biến cho cảng biển."},
			{"questionKey": "readiness", "choices": []string{"Thí điểm"}},
		}
	}
	return map[string]any{"callId": callID, "startupId": w.startup[name], "idempotencyKey": key, "requestedAmountVnd": amount, "answers": answers}
}

// steps are the mutations that move an application, by the status they
// move it to.
var steps = map[string]string{"SUBMITTED": "submitApplicationDraft", "WITHDRAWN": "withdrawApplication",
	"UNDER_REVIEW": "startApplicationReview", "SHORTLISTED": "shortlistApplication", "AWARDED": "awardApplication", "REJECTED": "rejectApplication"}

// move moves an application through the mutation of the step to its status
// (to a status no step reaches, through rejectApplication), answered as
// "moved".
func (w *world) move(t *testing.T, token, appID string, to string) response {
	t.Helper()
	r := w.e.do(t, req{token: token, query: `query($id: ID!) { application(id: $id) { version } }`, vars: map[string]any{"id": appID}})
	step := steps[to]
	if step == "" {
		step = "rejectApplication"
	}
	return w.e.do(t, req{token: token, query: `mutation($in: ApplicationActionInput!) { moved: ` + step + `(input: $in) {
		application { status version } userErrors { field code message } } }`, vars: map[string]any{"in": map[string]any{
		"id": appID, "version": r.Num("application.version"), "reason": "quyết định của hội đồng"}}})
}

func (w *world) review(t *testing.T, subject, appID string, scores ...float64) response {
	t.Helper()
	keys := []string{"innovation", "team", "market", "impact"}
	var in []map[string]any
	for i, s := range scores {
		in = append(in, map[string]any{"criterion": keys[i], "score": s, "comment": "nhận xét"})
	}
	return w.e.do(t, req{token: w.reviewerToken(t, subject), query: `mutation($in: SubmitReviewInput!) { submitReview(input: $in) {
		application { id } userErrors { field code message } } }`, vars: map[string]any{"in": map[string]any{"applicationId": appID, "scores": in}}})
}

// TestFundCallStory walks a call from draft to decision through the API.
func TestFundCallStory(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	e := w.e

	// A rule that does not type-check is refused with its position.
	r := e.do(t, req{token: w.manager(t), query: `mutation($in: CreateFundCallInput!) { createFundCall(input: $in) { userErrors { field code message } } }`,
		vars: map[string]any{"in": map[string]any{"fundId": w.fund, "title": "X", "opensAt": "2026-11-21T00:00:00Z", "closesAt": "2026-12-21T00:00:00Z",
			"budgetVnd": 1_000_000_000, "ticketMinVnd": 1, "ticketMaxVnd": 10, "rubric": map[string]any{"overallThreshold": 1,
				"criteria": []map[string]any{{"key": "k", "name": "K", "threshold": 1}}},
			"eligibilityRules": []map[string]any{{"key": "age", "description": "d", "descriptionEn": "d", "expression": "startup.agYears <= 5"}}}},
		headers: map[string]string{"Accept-Language": "en"}})
	assert.Equal(t, map[string]string{"input.eligibilityRules.0.expression": "INVALID_EXPRESSION"}, r.UserErrors("createFundCall"))
	assert.Contains(t, r.Str("createFundCall.userErrors.0.message"), "line:column 1:8")
	assert.Contains(t, r.Str("createFundCall.userErrors.0.message"), "agYears")

	callID := w.createCall(t, demoRules)
	r = e.do(t, req{token: w.member(t, "CatHai Wind"), query: `query($c: ID!, $s: ID!) { checkEligibility(callId: $c, startupId: $s) { eligible outcomes { key passed } } }`,
		vars: map[string]any{"c": callID, "s": w.startup["AgriLink HD"]}})
	assert.Equal(t, "FORBIDDEN", r.Code("checkEligibility"), "only the startup's members or the fund ask")
	r = e.do(t, req{token: w.member(t, "AgriLink HD"), query: `query($c: ID!, $s: ID!) { checkEligibility(callId: $c, startupId: $s) { eligible outcomes { key passed } } }`,
		vars: map[string]any{"c": callID, "s": w.startup["AgriLink HD"]}})
	assert.Equal(t, false, r.Get("checkEligibility.eligible"))
	assert.Equal(t, []any{map[string]any{"key": "young_firm", "passed": true}, map[string]any{"key": "priority_sector", "passed": false}},
		r.Get("checkEligibility.outcomes"))

	// Applications: three get in; the rest are refused with clear userErrors.
	apps := map[string]string{}
	for name, amount := range map[string]int64{"CatHai Wind": 2_000_000_000, "BlueOcean Lab": 1_000_000_000, "DinhVu SmartLog": 1_500_000_000} {
		r := w.submit(t, name, "key-"+name, amount, callID, nil)
		require.Empty(t, r.Errors)
		require.Empty(t, r.UserErrors("submitApplication"), name)
		assert.Equal(t, "SUBMITTED", r.Str("submitApplication.application.status"))
		apps[name] = r.Str("submitApplication.application.id")
	}
	r = w.submit(t, "CatHai Wind", "key-CatHai Wind", 2_000_000_000, callID, nil)
	assert.Equal(t, apps["CatHai Wind"], r.Str("submitApplication.application.id"), "the same key answers the same application")
	r = w.submit(t, "CatHai Wind", "another-key", 2_000_000_000, callID, nil)
	assert.Equal(t, map[string]string{"input.startupId": "DUPLICATE_APPLICATION"}, r.UserErrors("submitApplication"))
	r = w.submit(t, "AgriLink HD", "k1", 1_000_000_000, callID, nil)
	assert.Equal(t, map[string]string{"input.startupId": "NOT_ELIGIBLE"}, r.UserErrors("submitApplication"))
	assert.Contains(t, r.Str("submitApplication.userErrors.0.message"), "priority_sector")
	r = w.submit(t, "ShipData", "k1", 9_000_000_000, callID, []map[string]any{{"questionKey": "readiness", "choices": []string{"Khác"}}})
	assert.Equal(t, map[string]string{"input.requestedAmountVnd": "INVALID_VALUE", "input.answers.solution": "REQUIRED",
		"input.answers.readiness.choices": "INVALID_VALUE"}, r.UserErrors("submitApplication"))
	r = e.do(t, req{token: w.member(t, "ShipData"), query: submit, vars: map[string]any{"in": map[string]any{
		"callId": callID, "startupId": w.startup["CatHai Wind"], "idempotencyKey": "x", "requestedAmountVnd": 1}}})
	assert.Equal(t, "FORBIDDEN", r.Code("submitApplication"), "members apply only for their own startup")

	// The deadline is judged by the server clock, to the second.
	e.clock.Set(w.closesAt.Add(-time.Nanosecond))
	r = w.submit(t, "ShipData", "k2", 1_000_000_000, callID, []map[string]any{
		{"questionKey": "solution", "text": "Dữ liệu AIS cho tàu biển."}, {"questionKey": "readiness", "choices": []string{"Mẫu thử"}}})
	require.Empty(t, r.UserErrors("submitApplication"), "just before the deadline")
	apps["ShipData"] = r.Str("submitApplication.application.id")
	e.clock.Set(w.closesAt)
	r = w.submit(t, "MarineBio", "k1", 1_000_000_000, callID, nil)
	assert.Equal(t, map[string]string{"input.callId": "CALL_NOT_OPEN"}, r.UserErrors("submitApplication"), "at the deadline")
	e.clock.Set(w.closesAt.Add(time.Second))
	r = w.submit(t, "MarineBio", "k1", 1_000_000_000, callID, nil)
	assert.Equal(t, map[string]string{"input.callId": "CALL_NOT_OPEN"}, r.UserErrors("submitApplication"), "a second after it")
	require.Equal(t, "WITHDRAWN", w.move(t, w.member(t, "ShipData"), apps["ShipData"], "WITHDRAWN").Str("moved.application.status"))

	// The deadline job closes the call.
	n, err := e.app.resolver.Funding.CloseDueCalls(t.Context())
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	r = e.do(t, req{query: `query($c: ID!) { node(id: $c) { ... on FundCall { status applicationCounts { status count } applications { totalCount } } } }`,
		vars: map[string]any{"c": callID}})
	assert.Equal(t, "CLOSED", r.Str("node.status"))
	assert.Equal(t, []any{map[string]any{"status": "SUBMITTED", "count": float64(3)}, map[string]any{"status": "WITHDRAWN", "count": float64(1)}},
		r.Get("node.applicationCounts"), "counts are public")
	assert.Equal(t, 0, r.Num("node.applications.totalCount"), "applications are not")

	// Reviewers: conflicts are detected, not only declared.
	assign := func(app string, subjects ...string) response {
		var ids []string
		for _, s := range subjects {
			ids = append(ids, w.reviewer[s])
		}
		return e.do(t, req{token: w.manager(t), query: `mutation($in: AssignReviewersInput!) { assignReviewers(input: $in) {
			application { status } userErrors { field code message } } }`, vars: map[string]any{"in": map[string]any{"applicationId": app, "reviewerIds": ids}}})
	}
	r = assign(apps["BlueOcean Lab"], "reviewer-2")
	assert.Equal(t, map[string]string{"input.reviewerIds.0": "CONFLICT_OF_INTEREST"}, r.UserErrors("assignReviewers"), "same incubator")
	r = assign(apps["DinhVu SmartLog"], "reviewer-1", "reviewer-3", "reviewer-4")
	assert.Equal(t, map[string]string{"input.reviewerIds.1": "CONFLICT_OF_INTEREST", "input.reviewerIds.2": "CONFLICT_OF_INTEREST"},
		r.UserErrors("assignReviewers"), "mentor and investor with a stake; nothing is assigned when any is refused")
	for _, app := range []string{apps["CatHai Wind"], apps["BlueOcean Lab"], apps["DinhVu SmartLog"]} {
		r = assign(app, "reviewer-1", "reviewer-5")
		require.Empty(t, r.UserErrors("assignReviewers"))
		assert.Equal(t, "UNDER_REVIEW", r.Str("assignReviewers.application.status"))
	}
	r = assign(apps["CatHai Wind"], "reviewer-2")
	require.Empty(t, r.UserErrors("assignReviewers"))
	r = e.do(t, req{token: w.reviewerToken(t, "reviewer-2"), query: `mutation($in: DeclareConflictOfInterestInput!) { declareConflictOfInterest(input: $in) {
		application { reviewers { name } } userErrors { code } } }`, vars: map[string]any{"in": map[string]any{"applicationId": apps["CatHai Wind"], "reason": "Người thân làm việc tại công ty"}}})
	require.Empty(t, r.UserErrors("declareConflictOfInterest"))
	r = assign(apps["CatHai Wind"], "reviewer-2")
	assert.Equal(t, map[string]string{"input.reviewerIds.0": "CONFLICT_OF_INTEREST"}, r.UserErrors("assignReviewers"), "a declared conflict sticks")

	// Reviews on the rubric: out of scale and missing scores are refused.
	r = w.review(t, "reviewer-1", apps["CatHai Wind"], 4, 4, 5.5, 4.2)
	assert.Equal(t, map[string]string{"input.scores.3.score": "INVALID_VALUE"}, r.UserErrors("submitReview"))
	r = w.review(t, "reviewer-1", apps["CatHai Wind"], 4, 4, 5.5)
	assert.Equal(t, map[string]string{"input.scores.market.score": "INVALID_VALUE", "input.scores.impact": "REQUIRED"}, r.UserErrors("submitReview"))
	r = w.review(t, "reviewer-3", apps["CatHai Wind"], 4, 4, 4, 4)
	assert.Equal(t, "FORBIDDEN", r.Code("submitReview"), "not assigned")
	for app, byReviewer := range map[string][2][]float64{
		"CatHai Wind":     {{4, 4, 3.5, 4}, {4.5, 3.5, 3, 4}},
		"BlueOcean Lab":   {{3, 3, 3, 3}, {3, 3, 3, 3}},
		"DinhVu SmartLog": {{5, 4, 4, 2}, {5, 4, 4, 2.5}},
	} {
		require.Empty(t, w.review(t, "reviewer-1", apps[app], byReviewer[0]...).UserErrors("submitReview"), app)
		require.Empty(t, w.review(t, "reviewer-5", apps[app], byReviewer[1]...).UserErrors("submitReview"), app)
	}

	// Who sees what.
	readReviews := `query($id: ID!) { application(id: $id) { status reviews { reviewer { name } scores { criterion score } } } }`
	r = e.do(t, req{token: w.member(t, "CatHai Wind"), query: readReviews, vars: map[string]any{"id": apps["CatHai Wind"]}})
	assert.Equal(t, "UNDER_REVIEW", r.Str("application.status"))
	assert.Nil(t, r.Get("application.reviews"))
	assert.Equal(t, "FORBIDDEN", r.Code("application.reviews"), "startups never see individual reviews")
	r = e.do(t, req{token: w.reviewerToken(t, "reviewer-5"), query: readReviews, vars: map[string]any{"id": apps["CatHai Wind"]}})
	assert.Len(t, r.List("application.reviews"), 1, "a reviewer sees their own review")
	r = e.do(t, req{token: w.manager(t), query: readReviews, vars: map[string]any{"id": apps["CatHai Wind"]}})
	assert.Len(t, r.List("application.reviews"), 2)
	r = e.do(t, req{token: w.member(t, "BlueOcean Lab"), query: readReviews, vars: map[string]any{"id": apps["CatHai Wind"]}})
	assert.Equal(t, "FORBIDDEN", r.Code("application"))
	r = e.do(t, req{token: w.reviewerToken(t, "reviewer-3"), query: readReviews, vars: map[string]any{"id": apps["CatHai Wind"]}})
	assert.Equal(t, "FORBIDDEN", r.Code("application"), "a reviewer who is not assigned")

	// The ranking: passing applications first, by weighted score; the budget line.
	rankQ := `query($c: ID!) { node(id: $c) { ... on FundCall { ranking { normalized budgetVnd entries { rank passed weightedScore total
		cumulativeVnd withinBudget application { startup { nameEn } } criteria { criterion score passed } } } } } }`
	r = e.do(t, req{token: w.member(t, "CatHai Wind"), query: rankQ, vars: map[string]any{"c": callID}})
	assert.Equal(t, "FORBIDDEN", r.Code("node.ranking"))
	r = e.do(t, req{token: w.manager(t), query: rankQ, vars: map[string]any{"c": callID}})
	require.Empty(t, r.Errors)
	type row struct {
		name            string
		passed, within  bool
		weighted, total float64
		cumulative      string
	}
	var got []row
	for _, x := range r.List("node.ranking.entries") {
		m := x.(map[string]any)
		got = append(got, row{m["application"].(map[string]any)["startup"].(map[string]any)["nameEn"].(string),
			m["passed"].(bool), m["withinBudget"].(bool), m["weightedScore"].(float64), m["total"].(float64), m["cumulativeVnd"].(string)})
	}
	assert.Equal(t, []row{
		{"CatHai Wind", true, true, 19.375, 15.25, "2000000000"},
		{"BlueOcean Lab", true, false, 15, 12, "3000000000"},
		{"DinhVu SmartLog", false, false, 18.875, 15.25, "0"},
	}, got)
	assert.Equal(t, false, r.Get("node.ranking.entries.2.criteria.3.passed"), "impact 2.25 is under its threshold of 3")
	r = e.do(t, req{token: w.manager(t), query: `query($c: ID!) { node(id: $c) { ... on FundCall { ranking(normalize: true) { normalized entries { rank } } } } }`,
		vars: map[string]any{"c": callID}})
	assert.Equal(t, true, r.Get("node.ranking.normalized"))
	assert.Len(t, r.List("node.ranking.entries"), 3)

	// Decisions, with every transition checked and recorded.
	assert.Equal(t, "FORBIDDEN", w.move(t, w.member(t, "CatHai Wind"), apps["CatHai Wind"], "SHORTLISTED").Code("moved"))
	for _, step := range []struct{ app, to string }{
		{"CatHai Wind", "SHORTLISTED"}, {"CatHai Wind", "AWARDED"}, {"BlueOcean Lab", "REJECTED"}, {"DinhVu SmartLog", "REJECTED"},
	} {
		r := w.move(t, w.manager(t), apps[step.app], step.to)
		require.Empty(t, r.UserErrors("moved"), step)
		assert.Equal(t, step.to, r.Str("moved.application.status"))
	}
	r = w.move(t, w.manager(t), apps["CatHai Wind"], "REJECTED")
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("moved"), "no rejection after the award")
	r = w.move(t, w.member(t, "BlueOcean Lab"), apps["BlueOcean Lab"], "WITHDRAWN")
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("moved"), "no withdrawal after a decision")

	r = e.do(t, req{token: w.member(t, "CatHai Wind"), query: `query($id: ID!) { application(id: $id) { status
		history { from to by reason } feedback { criterion score passed } } }`, vars: map[string]any{"id": apps["CatHai Wind"]}})
	require.Empty(t, r.Errors)
	var steps []string
	for _, h := range r.List("application.history") {
		m := h.(map[string]any)
		steps = append(steps, fmt.Sprintf("%s>%s by %s", m["from"], m["to"], m["by"]))
	}
	assert.Equal(t, []string{"DRAFT>SUBMITTED by founder-CatHai Wind", "SUBMITTED>UNDER_REVIEW by fm-1",
		"UNDER_REVIEW>SHORTLISTED by fm-1", "SHORTLISTED>AWARDED by fm-1"}, steps)
	assert.Equal(t, map[string]any{"criterion": "innovation", "score": 4.25, "passed": true}, r.Get("application.feedback.0"),
		"consolidated feedback once decided")

	r = e.do(t, req{query: `query($c: ID!) { node(id: $c) { ... on FundCall { version } } }`, vars: map[string]any{"c": callID}})
	r = e.do(t, req{token: w.manager(t), query: `mutation($in: FundCallActionInput!) { decideFundCall(input: $in) { ` + callFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"id": callID, "version": r.Num("node.version")}}})
	require.Empty(t, r.UserErrors("decideFundCall"))
	assert.Equal(t, "DECIDED", r.Str("decideFundCall.fundCall.status"))
}

// TestConcurrentSubmissions sends 200 simultaneous submissions through the
// HTTP handler, every idempotency key twice, and 20 more under new keys for
// startups that already applied: exactly one application per startup and
// call, each pair answered with the same one, none lost.
func TestConcurrentSubmissions(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	callID := w.createCall(t, nil)
	const startups = 100
	names := addApplicants(t, w, startups)

	type answer struct {
		name, id, code string
	}
	answers := make(chan answer, 2*startups+20)
	var wg sync.WaitGroup
	send := func(name, key string) {
		defer wg.Done()
		r := w.submit(t, name, key, 1_000_000_000, callID, nil)
		a := answer{name: name, id: r.Str("submitApplication.application.id")}
		for _, c := range r.UserErrors("submitApplication") {
			a.code = c
		}
		if a.code == "" && a.id == "" {
			a.code = r.Code("")
		}
		answers <- a
	}
	start := time.Now()
	for i, name := range names {
		wg.Add(2)
		go send(name, "key-"+name)
		go send(name, "key-"+name)
		if i < 20 {
			wg.Add(1)
			go send(name, "other-"+name)
		}
	}
	wg.Wait()
	close(answers)
	t.Logf("%d concurrent submissions answered in %v", 2*startups+20, time.Since(start).Round(time.Millisecond))

	ids := map[string]map[string]bool{}
	duplicates := 0
	for a := range answers {
		switch {
		case a.code == "DUPLICATE_APPLICATION":
			duplicates++
		case a.code != "":
			t.Errorf("%s: unexpected %s", a.name, a.code)
		default:
			if ids[a.name] == nil {
				ids[a.name] = map[string]bool{}
			}
			ids[a.name][a.id] = true
		}
	}
	assert.Len(t, ids, startups, "every startup got its application")
	for name, got := range ids {
		assert.Len(t, got, 1, "%s: both requests with one key answer one application", name)
	}
	r := w.e.do(t, req{token: w.manager(t), query: `query($c: ID!) { node(id: $c) { ... on FundCall { applications { totalCount } } } }`,
		vars: map[string]any{"c": callID}})
	assert.Equal(t, startups, r.Num("node.applications.totalCount"), "one application per startup in the store")
	// Each of the 20 extra keys meets the startup's application (1 refusal),
	// or wins the race and leaves both repeats of the first key refused (2).
	assert.GreaterOrEqual(t, duplicates, 20)
	assert.LessOrEqual(t, duplicates, 40)
}

// addApplicants registers n startups through the API and returns their names.
func addApplicants(t testing.TB, w *world, n int) []string {
	t.Helper()
	admin := w.e.token(t, "ADMIN", "admin-1", "")
	names := make([]string, n)
	for i := range n {
		in := startupInput(demo.TaxCode("04", i))
		names[i] = fmt.Sprintf("Applicant %03d", i)
		in["nameEn"] = names[i]
		r := w.e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": in}})
		require.Empty(t, r.UserErrors("createStartup"))
		w.startup[names[i]] = r.Str("createStartup.startup.id")
	}
	return names
}

// TestDraftsStayPrivate: draft calls are seen only by their fund's managers,
// and a draft application is edited, then checked in full on submission.
func TestDraftsStayPrivate(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	e := w.e
	r := e.do(t, req{token: w.manager(t), query: `mutation($in: CreateFundCallInput!) { createFundCall(input: $in) { fundCall { id } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"fundId": w.fund, "title": "Bản nháp", "opensAt": "2026-12-01T00:00:00Z",
			"closesAt": "2026-12-31T00:00:00Z", "budgetVnd": 1_000_000_000, "ticketMinVnd": 1, "ticketMaxVnd": 10,
			"rubric": map[string]any{"overallThreshold": 1, "criteria": []map[string]any{{"key": "k", "name": "K", "threshold": 1}}}}}})
	require.Empty(t, r.UserErrors("createFundCall"))
	draft := r.Str("createFundCall.fundCall.id")
	list := `{ fundCalls(first: 50) { totalCount edges { node { id status } } } funds { calls { status } } }`
	countDrafts := func(r response) (listed, nested int) {
		for _, edge := range r.List("fundCalls.edges") {
			if edge.(map[string]any)["node"].(map[string]any)["status"] == "DRAFT" {
				listed++
			}
		}
		for _, c := range r.List("funds.0.calls") {
			if c.(map[string]any)["status"] == "DRAFT" {
				nested++
			}
		}
		return listed, nested
	}
	for who, tok := range map[string]string{"anonymous": "", "a startup": w.member(t, "CatHai Wind"),
		"another fund's manager": e.token(t, "FUND_MANAGER", "fm-2", "RnVuZDpvdGhlcg")} {
		r = e.do(t, req{token: tok, query: list})
		l, n := countDrafts(r)
		assert.Zero(t, l+n, who)
		assert.Equal(t, 2, r.Num("fundCalls.totalCount"), who)
		r = e.do(t, req{token: tok, query: `query($id: ID!) { node(id: $id) { id } }`, vars: map[string]any{"id": draft}})
		assert.Equal(t, "NOT_FOUND", r.Code("node"), who)
	}
	r = e.do(t, req{token: w.manager(t), query: list})
	l, n := countDrafts(r)
	assert.Equal(t, []int{1, 1, 3}, []int{l, n, r.Num("fundCalls.totalCount")})

	open := w.createCall(t, demoRules)
	r = e.do(t, req{token: w.manager(t), query: `mutation($in: UpdateFundCallInput!) { updateFundCall(input: $in) { userErrors { field code } } }`,
		vars: map[string]any{"in": map[string]any{"id": open, "version": 2, "budgetVnd": 1}}})
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("updateFundCall"), "an open call keeps its terms")

	r = e.do(t, req{token: w.member(t, "CatHai Wind"), query: `mutation($in: CreateApplicationInput!) { createApplication(input: $in) {
		application { id status } userErrors { field code } } }`, vars: map[string]any{"in": map[string]any{
		"callId": open, "startupId": w.startup["CatHai Wind"], "idempotencyKey": "d1", "requestedAmountVnd": 1_000_000_000}}})
	require.Empty(t, r.UserErrors("createApplication"))
	app := r.Str("createApplication.application.id")
	assert.Equal(t, "DRAFT", r.Str("createApplication.application.status"))
	r = w.move(t, w.member(t, "CatHai Wind"), app, "SUBMITTED")
	assert.Equal(t, map[string]string{"input.answers.solution": "REQUIRED", "input.answers.readiness": "REQUIRED"},
		r.UserErrors("moved"), "a draft is checked in full when submitted")
	r = e.do(t, req{token: w.member(t, "CatHai Wind"), query: `mutation($in: UpdateApplicationDraftInput!) { updateApplicationDraft(input: $in) {
		application { version } userErrors { field code } } }`, vars: map[string]any{"in": map[string]any{
		"id": app, "version": 1, "requestedAmountVnd": 1_500_000_000, "answers": []map[string]any{
			{"questionKey": "solution", "text": "Giải pháp cảm biến cho cảng biển."}, {"questionKey": "readiness", "choices": []string{"Mẫu thử"}}}}}})
	require.Empty(t, r.UserErrors("updateApplicationDraft"))
	r = w.move(t, w.member(t, "CatHai Wind"), app, "SUBMITTED")
	require.Empty(t, r.UserErrors("moved"))
	assert.Equal(t, "SUBMITTED", r.Str("moved.application.status"))
}

// TestConcurrentReviewsAllLand: reviewers submit at the same moment; each
// review is a conditional write that retries a lost race, so none is lost
// and none is refused.
func TestConcurrentReviewsAllLand(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	callID := w.createCall(t, demoRules)
	r := w.submit(t, "CatHai Wind", "k", 1_000_000_000, callID, nil)
	app := r.Str("submitApplication.application.id")
	subjects := []string{"reviewer-1", "reviewer-2", "reviewer-3", "reviewer-4", "reviewer-5"}
	var ids []string
	for _, s := range subjects {
		ids = append(ids, w.reviewer[s])
	}
	r = w.e.do(t, req{token: w.manager(t), query: `mutation($in: AssignReviewersInput!) { assignReviewers(input: $in) { userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"applicationId": app, "reviewerIds": ids}}})
	require.Empty(t, r.UserErrors("assignReviewers"))

	var wg sync.WaitGroup
	results := make(chan response, len(subjects))
	for _, s := range subjects {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- w.review(t, s, app, 4, 4, 4, 4)
		}()
	}
	wg.Wait()
	close(results)
	for r := range results {
		assert.Empty(t, r.Errors)
		assert.Empty(t, r.UserErrors("submitReview"))
	}
	r = w.e.do(t, req{token: w.manager(t), query: `query($id: ID!) { application(id: $id) { reviews { reviewer { name } } } }`,
		vars: map[string]any{"id": app}})
	assert.Len(t, r.List("application.reviews"), len(subjects))
}

func TestCreateReviewerChecksItsLinks(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	create := `mutation($in: CreateReviewerInput!) { createReviewer(input: $in) { reviewer { id name investor { name } } userErrors { field code } } }`
	r := w.e.do(t, req{token: w.manager(t), query: create, vars: map[string]any{"in": map[string]any{
		"subject": "reviewer-9", "name": "Chuyên gia mới", "mentorId": "TWVudG9yOm5vcGU", "investorId": "SW52ZXN0b3I6bm9wZQ"}}})
	assert.Equal(t, map[string]string{"input.mentorId": "NOT_FOUND"}, r.UserErrors("createReviewer"))
	r = w.e.do(t, req{token: w.manager(t), query: create, vars: map[string]any{"in": map[string]any{
		"subject": "reviewer-9", "name": "Chuyên gia mới", "incubatorId": "SW5jdWJhdG9yOm5vcGU"}}})
	assert.Equal(t, map[string]string{"input.incubatorId": "NOT_FOUND"}, r.UserErrors("createReviewer"))
	inv := w.e.do(t, req{query: `{ investors(first: 1) { edges { node { id name } } } }`})
	r = w.e.do(t, req{token: w.manager(t), query: create, vars: map[string]any{"in": map[string]any{
		"subject": "reviewer-9", "name": "Chuyên gia mới", "investorId": inv.Str("investors.edges.0.node.id")}}})
	require.Empty(t, r.UserErrors("createReviewer"))
	assert.Equal(t, inv.Str("investors.edges.0.node.name"), r.Str("createReviewer.reviewer.investor.name"))
	r = w.e.do(t, req{token: w.member(t, "CatHai Wind"), query: create, vars: map[string]any{"in": map[string]any{"subject": "x", "name": "X"}}})
	assert.Equal(t, "FORBIDDEN", r.Code("createReviewer"))
}

// TestDeclaredConflictBeatsRacingReviews: a reviewer declares a conflict of
// interest while their reviews are in flight; no review of theirs survives
// the declaration, whatever order the writes land in.
func TestDeclaredConflictBeatsRacingReviews(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	callID := w.createCall(t, demoRules)
	r := w.submit(t, "CatHai Wind", "k1", 1_000_000_000, callID, nil)
	require.Empty(t, r.UserErrors("submitApplication"))
	app := r.Str("submitApplication.application.id")
	w.e.clock.Set(w.closesAt.Add(time.Second))
	_, err := w.e.app.resolver.Funding.CloseDueCalls(t.Context())
	require.NoError(t, err)
	r = w.e.do(t, req{token: w.manager(t), query: `mutation($in: AssignReviewersInput!) { assignReviewers(input: $in) { userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"applicationId": app, "reviewerIds": []string{w.reviewer["reviewer-1"], w.reviewer["reviewer-2"]}}}})
	require.Empty(t, r.UserErrors("assignReviewers"))

	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { w.review(t, "reviewer-2", app, 4, 4, 4, 4) })
	}
	wg.Go(func() {
		r := w.e.do(t, req{token: w.reviewerToken(t, "reviewer-2"), query: `mutation($in: DeclareConflictOfInterestInput!) {
			declareConflictOfInterest(input: $in) { userErrors { code } } }`, vars: map[string]any{"in": map[string]any{"applicationId": app, "reason": "Cổ đông"}}})
		assert.Empty(t, r.UserErrors("declareConflictOfInterest"))
	})
	wg.Wait()
	r = w.e.do(t, req{token: w.manager(t), query: `query($id: ID!) { application(id: $id) { reviewers { id } reviews { reviewer { id } } } }`,
		vars: map[string]any{"id": app}})
	require.Empty(t, r.Errors)
	assert.Equal(t, []any{map[string]any{"id": w.reviewer["reviewer-1"]}}, r.Get("application.reviewers"))
	assert.Empty(t, r.List("application.reviews"), "a review landing after the declaration would be counted in the ranking")
}
