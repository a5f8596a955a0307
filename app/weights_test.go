package app

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const weightsFields = `id number version status origin note weights { kind factor weight }
	fit { kind targets pairs fitted orderedBefore orderedAfter unchanged }`

// The demo's investors share portfolio companies, so some investor matches
// are explained by what investors with overlapping portfolios hold.
func TestDemoShowsTheCollaborativeFactor(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	r := e.do(t, req{token: admin, query: `{ startups(first: 100) { edges { node { id name } } } }`})
	require.Empty(t, r.Errors)
	var found []string
	for n := range r.List("startups.edges") {
		id := r.Str(fmt.Sprintf("startups.edges.%d.node.id", n))
		m := e.startupMatches(t, admin, id, "INVESTOR", "en")
		require.Empty(t, m.Errors)
		for i := range m.List("node.matches") {
			at := fmt.Sprintf("node.matches.%d", i)
			for c := range m.List(at + ".explanation") {
				ex := fmt.Sprintf("%s.explanation.%d", at, c)
				if m.Str(ex+".factor") == "COLLABORATIVE" && m.Get(ex+".contribution").(float64) > 0 {
					found = append(found, r.Str(fmt.Sprintf("startups.edges.%d.node.name", n))+" ↔ "+
						m.Str(at+".target.name")+": "+m.Str(ex+".detail"))
				}
			}
		}
	}
	require.NotEmpty(t, found, "some demo investor match is explained by the collaborative factor")
	t.Log(strings.Join(found, "\n"))
	assert.Regexp(t, `: 1 investor whose portfolio overlaps this investor's holds, pursues or funded this startup: \+0\.\d\d$`+
		`|: \d+ investors whose portfolios overlap this investor's hold, pursue or funded this startup: \+0\.\d\d$`, found[0])
}

// Weight versions: shipped active, drafted by hand or fitted on the stored
// outcomes, compared, published over the version read; admins only.
func TestMatchingWeightsAreVersionedFittedAndCompared(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	founder := e.token(t, "STARTUP_MEMBER", "demo-founder-0", "")

	r := e.do(t, req{token: admin, query: `{ matchingWeights { ` + weightsFields + ` } }`})
	require.Empty(t, r.Errors)
	require.Len(t, r.List("matchingWeights"), 1, "every deployment starts with the shipped weights")
	assert.Equal(t, "SHIPPED", r.Str("matchingWeights.0.origin"))
	assert.Equal(t, "ACTIVE", r.Str("matchingWeights.0.status"))
	shipped := r.Str("matchingWeights.0.id")
	r = e.do(t, req{token: founder, query: `{ matchingWeights { id } }`})
	assert.Equal(t, "FORBIDDEN", r.Code("matchingWeights"))

	create := `mutation($in: CreateMatchingWeightsInput!) { createMatchingWeights(input: $in) {
		matchingWeights { ` + weightsFields + ` } userErrors { code field message } } }`
	entries := func(mentorText float64) []map[string]any {
		var out []map[string]any
		for kind, ws := range map[string]map[string]float64{
			"FUND_CALL": {"SECTOR": 0.3, "TICKET": 0.2, "TEXT": 0.25, "LOCATION": 0.15, "FEEDBACK": 0.1},
			"INVESTOR":  {"SECTOR": 0.3, "STAGE": 0.2, "TICKET": 0.1, "TEXT": 0.1, "COLLABORATIVE": 0.3},
			"MENTOR":    {"SECTOR": 0.5, "TEXT": mentorText, "FEEDBACK": 0.2},
			"INCUBATOR": {"SECTOR": 0.4, "STAGE": 0.2, "TEXT": 0.2, "LOCATION": 0.1, "FEEDBACK": 0.1},
		} {
			for f, w := range ws {
				out = append(out, map[string]any{"kind": kind, "factor": f, "weight": w})
			}
		}
		return out
	}
	bad := append(entries(0.3), map[string]any{"kind": "MENTOR", "factor": "STAGE", "weight": 0.1})
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": map[string]any{"weights": bad}}})
	require.Empty(t, r.Errors)
	assert.Equal(t, map[string]string{fmt.Sprintf("input.weights.%d.factor", len(bad)-1): "INVALID_VALUE"},
		r.UserErrors("createMatchingWeights"), "a mentor's score has no stage")
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": map[string]any{"weights": entries(0.2)}},
		headers: map[string]string{"Accept-Language": "vi"}})
	assert.Equal(t, map[string]string{"input.weights": "INVALID_VALUE"}, r.UserErrors("createMatchingWeights"))
	assert.Contains(t, r.Str("createMatchingWeights.userErrors.0.message"), "MENTOR phải có tổng bằng 1 (đang là 0.900)")
	r = e.do(t, req{token: founder, query: create, vars: map[string]any{"in": map[string]any{"weights": entries(0.3)}}})
	assert.Equal(t, "FORBIDDEN", r.Code("createMatchingWeights"))

	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": map[string]any{"weights": entries(0.3),
		"note": "More weight on the stated thesis"}}})
	require.Empty(t, r.List("createMatchingWeights.userErrors"))
	assert.Equal(t, 2, r.Num("createMatchingWeights.matchingWeights.number"))
	assert.Equal(t, "DRAFT", r.Str("createMatchingWeights.matchingWeights.status"))
	manual := r.Str("createMatchingWeights.matchingWeights.id")

	r = e.do(t, req{token: admin, query: `mutation { fitMatchingWeights(input: { note: "First fit" }) {
		matchingWeights { ` + weightsFields + ` } userErrors { code } } }`})
	require.Empty(t, r.Errors)
	require.Empty(t, r.List("fitMatchingWeights.userErrors"))
	assert.Equal(t, "FITTED", r.Str("fitMatchingWeights.matchingWeights.origin"))
	assert.Equal(t, 3, r.Num("fitMatchingWeights.matchingWeights.number"))
	assert.Len(t, r.List("fitMatchingWeights.matchingWeights.fit"), 4, "a report per kind")
	for n := range 4 {
		// The demo is small: under ten targets with two outcomes, a kind keeps its weights.
		assert.Equal(t, true, r.Get(fmt.Sprintf("fitMatchingWeights.matchingWeights.fit.%d.unchanged", n)))
	}

	compare := `query($a: ID!, $b: ID!) { compareMatchingWeights(a: $a, b: $b) { a { number } b { number }
		qualityA { kind targets recall mrr } qualityB { kind targets recall mrr } lists changed meanShared } }`
	r = e.do(t, req{token: admin, query: compare, vars: map[string]any{"a": shipped, "b": manual}})
	require.Empty(t, r.Errors)
	assert.Equal(t, 1, r.Num("compareMatchingWeights.a.number"))
	assert.Equal(t, 2, r.Num("compareMatchingWeights.b.number"))
	assert.Greater(t, r.Num("compareMatchingWeights.lists"), 20)
	assert.Greater(t, r.Num("compareMatchingWeights.changed"), 0, "more weight on sectors reorders some lists")
	assert.Less(t, r.Get("compareMatchingWeights.meanShared").(float64), 1.0)
	require.NotEmpty(t, r.List("compareMatchingWeights.qualityA"), "the demo investors' portfolios are outcomes to hide")
	assert.Equal(t, "INVESTOR", r.Str("compareMatchingWeights.qualityA.0.kind"))
	r = e.do(t, req{token: admin, query: compare, vars: map[string]any{"a": shipped, "b": shipped + "x"}})
	assert.Contains(t, []string{"NOT_FOUND", "INVALID_VALUE"}, r.Code("compareMatchingWeights"))
	r = e.do(t, req{token: founder, query: compare, vars: map[string]any{"a": shipped, "b": manual}})
	assert.Equal(t, "FORBIDDEN", r.Code("compareMatchingWeights"))

	publish := `mutation($in: MatchingWeightsActionInput!) { publishMatchingWeights(input: $in) {
		matchingWeights { number status version } userErrors { code field } } }`
	r = e.do(t, req{token: admin, query: publish, vars: map[string]any{"in": map[string]any{"id": manual, "version": 7}}})
	assert.Equal(t, "VERSION_CONFLICT", r.Str("publishMatchingWeights.userErrors.0.code"))
	r = e.do(t, req{token: admin, query: publish, vars: map[string]any{"in": map[string]any{"id": manual, "version": 1}}})
	require.Empty(t, r.List("publishMatchingWeights.userErrors"))
	assert.Equal(t, "ACTIVE", r.Str("publishMatchingWeights.matchingWeights.status"))
	r = e.do(t, req{token: admin, query: `{ matchingWeights { number status } }`})
	assert.Equal(t, []any{map[string]any{"number": 3.0, "status": "DRAFT"}, map[string]any{"number": 2.0, "status": "ACTIVE"},
		map[string]any{"number": 1.0, "status": "RETIRED"}}, r.List("matchingWeights"))
	r = e.do(t, req{token: admin, query: publish, vars: map[string]any{"in": map[string]any{"id": shipped, "version": 2}}})
	assert.Equal(t, "INVALID_TRANSITION", r.Str("publishMatchingWeights.userErrors.0.code"))

	// The rescore that publishing starts scores with the new weights.
	id := e.firstStartup(t, admin)
	require.Eventually(t, func() bool {
		m := e.startupMatches(t, admin, id, "MENTOR", "en")
		return len(m.List("node.matches")) > 0 && m.Get("node.matches.0.explanation.0.weight").(float64) == 0.5
	}, 20*time.Second, 100*time.Millisecond, "mentor matches weigh sectors 0.5 under version 2")
}
