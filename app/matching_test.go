package app

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/runs"
	"github.com/innoport/innoport/matching"
)

const startupMatches = `query($id: ID!, $kind: MatchKind!) { node(id: $id) { ... on Startup { version matches(kind: $kind, first: 20) {
	id score computedAt program
	target { __typename ... on FundCall { id title } ... on Investor { id name } ... on Mentor { id name } ... on Incubator { id name } }
	explanation { factor weight value contribution detail } } } } }`

// matchesOf returns a startup's matches of a kind as the API lists them.
func (e *env) startupMatches(t *testing.T, token, id, kind string, lang string) response {
	t.Helper()
	return e.do(t, req{token: token, query: startupMatches, vars: map[string]any{"id": id, "kind": kind},
		headers: map[string]string{"Accept-Language": lang}})
}

// hasTarget reports whether a list of matches holds the target with an ID.
func hasTarget(matches []any, id string) bool {
	for _, m := range matches {
		if m.(map[string]any)["target"].(map[string]any)["id"] == id {
			return true
		}
	}
	return false
}

// rawID returns the domain ID inside a global ID.
func rawID(t *testing.T, gid string) string {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(gid)
	require.NoError(t, err)
	_, id, ok := strings.Cut(string(b), ":")
	require.True(t, ok)
	return id
}

// firstStartup returns the ID of the demo's first startup.
func (e *env) firstStartup(t *testing.T, token string) string {
	t.Helper()
	r := e.do(t, req{token: token, query: `{ startups(first: 1) { edges { node { id } } } }`})
	require.Empty(t, r.Errors)
	return r.Str("startups.edges.0.node.id")
}

func TestMatchesAreExplainedAndAddUp(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	id := e.firstStartup(t, admin)
	for kind, typename := range map[string]string{"FUND_CALL": "FundCall", "INVESTOR": "Investor", "MENTOR": "Mentor", "INCUBATOR": "Incubator"} {
		r := e.startupMatches(t, admin, id, kind, "en")
		require.Empty(t, r.Errors, kind)
		list := r.List("node.matches")
		require.NotEmpty(t, list, "the demo startup has %s matches", kind)
		prev := 2.0
		for n := range list {
			at := fmt.Sprintf("node.matches.%d", n)
			score := r.Get(at + ".score").(float64)
			assert.Equal(t, typename, r.Str(at+".target.__typename"))
			assert.LessOrEqual(t, score, prev, "best first")
			prev = score
			sum := 0.0
			for i := range r.List(at + ".explanation") {
				sum += r.Get(fmt.Sprintf("%s.explanation.%d.contribution", at, i)).(float64)
				assert.NotEmpty(t, r.Str(fmt.Sprintf("%s.explanation.%d.detail", at, i)))
			}
			assert.InDelta(t, score, sum, 1e-9, "%s match %d: contributions add up to the score", kind, n)
			if kind == "INCUBATOR" {
				assert.NotEmpty(t, r.Str(at+".program"))
			}
		}
	}
	en := e.startupMatches(t, admin, id, "INVESTOR", "en").Str("node.matches.0.explanation.0.detail")
	vi := e.startupMatches(t, admin, id, "INVESTOR", "vi").Str("node.matches.0.explanation.0.detail")
	assert.NotEqual(t, en, vi, "details follow Accept-Language")
}

func TestMatchesAreForTheOwnersPeople(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	id := e.firstStartup(t, admin)
	stranger := e.token(t, "STARTUP_MEMBER", "someone-else", "U3RhcnR1cDpvdGhlcg")
	r := e.startupMatches(t, stranger, id, "FUND_CALL", "en")
	assert.Equal(t, "FORBIDDEN", r.Code(""), "%+v", r.Errors)

	r = e.do(t, req{token: admin, query: `mutation { dismissMatch(input: {id: "not-a-match"}) { userErrors { field code } } }`})
	require.Empty(t, r.Errors)
	assert.Equal(t, map[string]string{"input.id": "INVALID_VALUE"}, r.UserErrors("dismissMatch"))

	r = e.do(t, req{token: admin, query: `query($first: Int) { startups(first: 1) { edges { node { matches(kind: MENTOR, first: $first) { id } } } } }`,
		vars: map[string]any{"first": 0}})
	assert.Equal(t, "INVALID_VALUE", r.Code(""), "%+v", r.Errors)
}

// A change to a profile shows in the matches of both sides within seconds.
func TestProfileChangeShowsInMatchesWithinSeconds(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	id := e.firstStartup(t, admin)

	// An investor whose thesis the startup does not fit yet, and who shares
	// no portfolio company with another (no collaborative peer): ranked on
	// profiles alone, the fit of its stated thesis decides.
	invs := e.do(t, req{token: admin, query: `{ investors(first: 20) { edges { node { id version name description sectors stages
		ticketMinVnd ticketMaxVnd portfolioConnection(first: 10) { edges { node { id } } } } } } }`})
	require.Empty(t, invs.Errors)
	holders := map[any]int{}
	portfolio := func(n map[string]any) []any { return n["portfolioConnection"].(map[string]any)["edges"].([]any) }
	for _, edge := range invs.List("investors.edges") {
		for _, p := range portfolio(edge.(map[string]any)["node"].(map[string]any)) {
			holders[p.(map[string]any)["node"].(map[string]any)["id"]]++
		}
	}
	before := e.startupMatches(t, admin, id, "INVESTOR", "en")
	top := before.Str("node.matches.0.target.id")
	var inv map[string]any
	for _, edge := range invs.List("investors.edges") {
		n := edge.(map[string]any)["node"].(map[string]any)
		shared := slices.ContainsFunc(portfolio(n), func(p any) bool { return holders[p.(map[string]any)["node"].(map[string]any)["id"]] > 1 })
		if n["id"] != top && len(n["sectors"].([]any)) > 0 && !shared {
			inv = n
			break
		}
	}
	require.NotNil(t, inv)

	// The startup rewrites its profile to what the investor looks for.
	input := map[string]any{"id": id, "version": before.Num("node.version"), "sectors": inv["sectors"],
		"description": inv["description"], "fundingNeedVnd": inv["ticketMinVnd"]}
	if stages := inv["stages"].([]any); len(stages) > 0 {
		input["stage"] = stages[0]
	}
	r := e.do(t, req{token: admin, query: updateStartup, vars: map[string]any{"input": input}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("updateStartup"))
	changed := time.Now()
	require.Eventually(t, func() bool {
		return e.startupMatches(t, admin, id, "INVESTOR", "en").Str("node.matches.0.target.id") == inv["id"]
	}, 15*time.Second, 20*time.Millisecond, "the investor tops the startup's matches within seconds (bound: 15 s, for a loaded 2-core CI)")
	t.Logf("startup change reached its matches in %s", time.Since(changed).Round(time.Millisecond))

	investorMatches := `query($id: ID!) { node(id: $id) { ... on Investor { matches(first: 20) { target { ... on Startup { id } } } } } }`
	inMatches := func() bool {
		return hasTarget(e.do(t, req{token: admin, query: investorMatches, vars: map[string]any{"id": inv["id"]}}).List("node.matches"), id)
	}
	require.Eventually(t, inMatches, 15*time.Second, 20*time.Millisecond, "…and the startup enters the investor's matches")

	// The investor narrows its thesis to other stages: the startup leaves
	// its list, as the thesis now excludes it.
	other := "GROWTH"
	if input["stage"] == "GROWTH" || input["stage"] == "SERIES_A" {
		other = "IDEA"
	}
	r = e.do(t, req{token: admin, query: `mutation($input: UpdateInvestorInput!) { updateInvestor(input: $input) { userErrors { field code } } }`,
		vars: map[string]any{"input": map[string]any{"id": inv["id"], "version": inv["version"], "stages": []string{other}}}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("updateInvestor"))
	require.Eventually(t, func() bool { return !inMatches() }, 15*time.Second, 20*time.Millisecond,
		"an investor's change reaches its matches within 5 s")
	assert.Eventually(t, func() bool {
		return e.startupMatches(t, admin, id, "INVESTOR", "en").Str("node.matches.0.target.id") != inv["id"]
	}, 15*time.Second, 20*time.Millisecond, "…and the startup's side too")

	recorded := e.do(t, req{token: admin, query: `{ jobRuns(job: "rescore-changed-matches", first: 50) { edges { node { trigger status stats } } } }`})
	require.Empty(t, recorded.Errors)
	require.NotEmpty(t, recorded.List("jobRuns.edges"), "each rescore after a change is a recorded run")
	for _, edge := range recorded.List("jobRuns.edges") {
		n := edge.(map[string]any)["node"].(map[string]any)
		assert.Equal(t, "EVENT", n["trigger"])
		assert.Contains(t, []any{"SUCCEEDED", "RUNNING"}, n["status"], "%v", n)
	}
}

func TestDismissedMatchNeverReturns(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	id := e.firstStartup(t, admin)
	before := e.startupMatches(t, admin, id, "MENTOR", "en")
	require.NotEmpty(t, before.List("node.matches"))
	matchID, mentor := before.Str("node.matches.0.id"), before.Str("node.matches.0.target.id")

	r := e.do(t, req{token: admin, query: `mutation($id: ID!) { dismissMatch(input: {id: $id}) { matches { target { ... on Mentor { id } } } userErrors { code } } }`,
		vars: map[string]any{"id": matchID}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("dismissMatch"))
	has := func(r response) bool { return hasTarget(r.List("node.matches"), mentor) }
	assert.False(t, hasTarget(r.List("dismissMatch.matches"), mentor), "gone from the list at once")
	assert.False(t, has(e.startupMatches(t, admin, id, "MENTOR", "en")))

	// Neither a full rescore nor a change to the startup brings it back.
	_, err := e.app.jobs.RunAndWait(t.Context(), "score-matches", runs.Manual)
	require.NoError(t, err)
	assert.False(t, has(e.startupMatches(t, admin, id, "MENTOR", "en")), "not after the scheduled rescore")
	r = e.do(t, req{token: admin, query: updateStartup, vars: map[string]any{"input": map[string]any{
		"id": id, "version": before.Num("node.version"), "teamSize": 12}}})
	require.Empty(t, r.UserErrors("updateStartup"))
	st, err := e.app.resolver.Matching.Rescore(t.Context(), true, matching.Ref{ID: rawID(t, id)})
	require.NoError(t, err)
	require.Positive(t, st.Pairs, "the startup was rescored")
	assert.False(t, has(e.startupMatches(t, admin, id, "MENTOR", "en")), "not after a change to the startup")

	again := e.do(t, req{token: admin, query: `mutation($id: ID!) { dismissMatch(input: {id: $id}) { userErrors { field code } } }`,
		vars: map[string]any{"id": matchID}})
	assert.Equal(t, map[string]string{"input.id": "NOT_FOUND"}, again.UserErrors("dismissMatch"), "a dismissed match is no longer there to dismiss")
}

func TestBookmarkCountsAsPositiveFeedback(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	id := e.firstStartup(t, admin)
	before := e.startupMatches(t, admin, id, "FUND_CALL", "en")
	require.NotEmpty(t, before.List("node.matches"))
	last := len(before.List("node.matches")) - 1
	at := fmt.Sprintf("node.matches.%d", last)
	call, score := before.Str(at+".target.id"), before.Get(at+".score").(float64)

	r := e.do(t, req{token: admin, query: `mutation($id: ID!) { bookmarkMatch(input: {id: $id}) { userErrors { code } } }`,
		vars: map[string]any{"id": before.Str(at + ".id")}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("bookmarkMatch"))
	require.Eventually(t, func() bool {
		after := e.startupMatches(t, admin, id, "FUND_CALL", "en")
		for n := range after.List("node.matches") {
			at := fmt.Sprintf("node.matches.%d", n)
			if after.Str(at+".target.id") == call {
				return after.Get(at+".score").(float64) > score
			}
		}
		return false
	}, 15*time.Second, 20*time.Millisecond, "a bookmark raises the match's score")
}

// Changes rescored together in the background leave the lists a full
// rescore computes: after several startups and an investor change in one
// burst, the full rescore finds nothing to write.
func TestABurstOfChangesIsRescoredAsAFullRescoreWould(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ctx := t.Context()
	_, err := e.app.resolver.Matching.RescoreAll(ctx)
	require.NoError(t, err)
	admin := e.token(t, "ADMIN", "admin-1", "")
	r := e.do(t, req{token: admin, query: `{ startups(first: 5) { edges { node { id version stage } } } investors(first: 1) { edges { node { id version } } } }`})
	require.Empty(t, r.Errors)
	stages := []string{"SEED", "SERIES_A", "GROWTH", "PRE_SEED", "IDEA"}
	for i, edge := range r.List("startups.edges") {
		n := edge.(map[string]any)["node"].(map[string]any)
		u := e.do(t, req{token: admin, query: updateStartup, vars: map[string]any{"input": map[string]any{
			"id": n["id"], "version": n["version"], "stage": stages[i], "sectors": []string{"PORT_LOGISTICS", "FINTECH"}}}})
		require.Empty(t, u.UserErrors("updateStartup"))
	}
	u := e.do(t, req{token: admin, query: `mutation($input: UpdateInvestorInput!) { updateInvestor(input: $input) { userErrors { field code } } }`,
		vars: map[string]any{"input": map[string]any{"id": r.Str("investors.edges.0.node.id"), "version": r.Num("investors.edges.0.node.version"),
			"sectors": []string{"PORT_LOGISTICS"}}}})
	require.Empty(t, u.UserErrors("updateInvestor"))
	require.Eventually(t, func() bool { return e.app.Backlog(ctx)["rescore"] == 0 }, 30*time.Second, 20*time.Millisecond)
	st, err := e.app.resolver.Matching.RescoreAll(ctx)
	require.NoError(t, err)
	assert.Zero(t, st.Written, "of %d lists, none differs from what the changes' rescoring stored", st.Lists)
}
