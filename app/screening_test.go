package app

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const screeningOf = `query($id: ID!) { startup(id: $id) { screening { setKey setVersion status
	criteria { key passed reason missing } history { from to setVersion } } } }`

// statusOf returns a firm's status against a set, as its member sees it.
func statusOf(t *testing.T, e *env, token, id, set string) (string, int) {
	t.Helper()
	r := e.do(t, req{token: token, query: screeningOf, vars: map[string]any{"id": id}})
	require.Empty(t, r.Errors)
	for _, x := range r.List("startup.screening") {
		m := x.(map[string]any)
		if m["setKey"] == set {
			return m["status"].(string), int(m["setVersion"].(float64))
		}
	}
	return "", 0
}

func TestScreeningStory(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	e := w.e
	admin := e.token(t, "ADMIN", "admin-1", "")

	r := e.do(t, req{query: `{ criteriaSets(status: ACTIVE) { key setVersion title criteria { key group needs } } }`})
	require.Empty(t, r.Errors)
	assert.Len(t, r.List("criteriaSets"), 2, "both legal sets ship active")

	counts := func() map[string]int {
		r := e.do(t, req{token: admin, query: `{ screeningCounts(setKey: "innovative_startup_sme") { status count } }`})
		require.Empty(t, r.Errors)
		out := map[string]int{}
		for _, x := range r.List("screeningCounts") {
			m := x.(map[string]any)
			out[m["status"].(string)] = int(m["count"].(float64))
		}
		return out
	}
	before := counts()
	assert.Equal(t, 34, before["ELIGIBLE"]+before["NEEDS_EVIDENCE"]+before["NOT_ELIGIBLE"], "every demo firm is screened")
	assert.Equal(t, 3, before["ELIGIBLE"], "award, incubator confirmation, fund investment")
	assert.Equal(t, 2, before["NOT_ELIGIBLE"], "the joint-stock company with a public offering, the firm first registered 6 years ago")

	// A firm sees its own results, with reasons and what is missing.
	blue := w.member(t, "BlueOcean Lab")
	r = e.do(t, req{token: blue, query: screeningOf, vars: map[string]any{"id": w.startup["BlueOcean Lab"]},
		headers: map[string]string{"Accept-Language": "en"}})
	require.Empty(t, r.Errors)
	var sme map[string]any
	for _, x := range r.List("startup.screening") {
		if x.(map[string]any)["setKey"] == "innovative_startup_sme" {
			sme = x.(map[string]any)
		}
	}
	require.NotNil(t, sme)
	assert.Equal(t, "NEEDS_EVIDENCE", sme["status"])
	var awardMissing []any
	for _, c := range sme["criteria"].([]any) {
		if m := c.(map[string]any); m["key"] == "award_within_5_years" {
			awardMissing = m["missing"].([]any)
			assert.Contains(t, m["reason"], "Missing: awards")
		}
	}
	assert.Equal(t, []any{"awards"}, awardMissing)
	r = e.do(t, req{token: blue, query: screeningOf, vars: map[string]any{"id": w.startup["PortSense"]}})
	assert.Equal(t, "FORBIDDEN", r.Code("startup.screening"), "nor anyone else's")

	// An incubator's managers list their cohort only.
	r = e.do(t, req{query: `{ incubators { id startups(first: 50) { totalCount } } }`})
	inc, cohort := r.Str("incubators.0.id"), r.Num("incubators.0.startups.totalCount")
	r = e.do(t, req{token: e.token(t, "INCUBATOR_MANAGER", "m", inc), query: `{ screeningResults(setKey: "innovative_startup_sme", first: 100) {
		totalCount edges { node { startup { incubator { id } } } } } }`})
	require.Empty(t, r.Errors)
	assert.Equal(t, cohort, r.Num("screeningResults.totalCount"))
	for _, x := range r.List("screeningResults.edges") {
		assert.Equal(t, inc, x.(map[string]any)["node"].(map[string]any)["startup"].(map[string]any)["incubator"].(map[string]any)["id"])
	}
	r = e.do(t, req{token: e.token(t, "INVESTOR", "i", ""), query: `{ screeningResults(setKey: "st_enterprise") { totalCount } }`})
	assert.Equal(t, "FORBIDDEN", r.Code("screeningResults"))

	// A profile change is re-screened within seconds.
	r = e.do(t, req{token: blue, query: `query($id: ID!) { startup(id: $id) { version } }`, vars: map[string]any{"id": w.startup["BlueOcean Lab"]}})
	r = e.do(t, req{token: blue, query: updateStartup, vars: map[string]any{"input": map[string]any{
		"id": w.startup["BlueOcean Lab"], "version": r.Num("startup.version"), "evidence": map[string]any{
			"legalForm": "LLC_MULTI_MEMBER", "firstRegisteredOn": "2025-09-01",
			"awards": []map[string]any{{"name": "Giải thưởng Sáng tạo Biển", "awardedOn": "2026-06-01", "documentRef": "files/giai-thuong.pdf"}}}}}})
	require.Empty(t, r.UserErrors("updateStartup"))
	require.Eventually(t, func() bool {
		s, _ := statusOf(t, e, blue, w.startup["BlueOcean Lab"], "innovative_startup_sme")
		return s == "ELIGIBLE"
	}, 15*time.Second, 50*time.Millisecond, "re-screened within seconds (bound: 15 s, for a loaded 2-core CI)")
	r = e.do(t, req{token: blue, query: updateStartup, vars: map[string]any{"input": map[string]any{
		"id": w.startup["BlueOcean Lab"], "version": r.Num("updateStartup.startup.version"), "evidence": map[string]any{
			"awards": []map[string]any{{"name": "X", "awardedOn": "2030-01-01", "documentRef": ""}}}}}})
	assert.Equal(t, map[string]string{"input.evidence.awards.0.awardedOn": "INVALID_VALUE", "input.evidence.awards.0.documentRef": "REQUIRED"},
		r.UserErrors("updateStartup"))

	// Criteria are data: a bad expression is refused with its position; only admins write.
	v2 := map[string]any{"key": "innovative_startup_sme", "title": "DNNVV khởi nghiệp sáng tạo (dự thảo)", "titleEn": "Innovative startup SME (draft)",
		"legalBasis": "Dự thảo tiêu chí của thành phố", "effectiveFrom": "2027-01-01", "criteria": []map[string]any{
			{"key": "within_3_years", "expression": "firm.firstRegisteredOn >= asOf.addYear(-3)", "passReason": "≤ 3 năm", "passReasonEn": "≤ 3 years",
				"failReason": "> 3 năm", "failReasonEn": "> 3 years", "needs": []string{"firstRegisteredOn"}},
		}}
	create := `mutation($in: CriteriaSetInput!) { createCriteriaSet(input: $in) { criteriaSet { id setVersion status version } userErrors { field code message } } }`
	r = e.do(t, req{token: blue, query: create, vars: map[string]any{"in": v2}})
	assert.Equal(t, "FORBIDDEN", r.Code("createCriteriaSet"))
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": v2}})
	assert.Equal(t, map[string]string{"input.criteria.0.expression": "INVALID_EXPRESSION"}, r.UserErrors("createCriteriaSet"))
	assert.Contains(t, r.Str("createCriteriaSet.userErrors.0.message"), "1:39")
	v2["criteria"].([]map[string]any)[0]["expression"] = "firm.firstRegisteredOn >= asOf.addYears(-3)"
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": v2}})
	require.Empty(t, r.UserErrors("createCriteriaSet"))
	assert.Equal(t, 2, r.Num("createCriteriaSet.criteriaSet.setVersion"))
	draft := r.Str("createCriteriaSet.criteriaSet.id")

	// What-if before publishing: counts change, nothing is written.
	r = e.do(t, req{token: admin, query: `query($id: ID!) { previewCriteriaSet(id: $id) { firms changes firmsChanging { startup { nameEn } from to } } }`,
		vars: map[string]any{"id": draft}})
	require.Empty(t, r.Errors)
	assert.Equal(t, 34, r.Num("previewCriteriaSet.firms"))
	assert.Positive(t, r.Num("previewCriteriaSet.changes"))
	assert.Len(t, r.List("previewCriteriaSet.firmsChanging"), r.Num("previewCriteriaSet.changes"))
	after := counts()
	assert.Equal(t, 4, after["ELIGIBLE"], "the preview wrote nothing (BlueOcean became eligible above)")

	// Publishing retires v1 and re-screens everyone against v2.
	r = e.do(t, req{token: admin, query: `mutation($in: CriteriaSetActionInput!) { publishCriteriaSet(input: $in) { criteriaSet { status } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"id": draft, "version": 1}}})
	require.Empty(t, r.UserErrors("publishCriteriaSet"))
	assert.Equal(t, "ACTIVE", r.Str("publishCriteriaSet.criteriaSet.status"))
	r = e.do(t, req{query: `{ criteriaSets { key setVersion status } }`})
	var statuses []string
	for _, x := range r.List("criteriaSets") {
		m := x.(map[string]any)
		if m["key"] == "innovative_startup_sme" {
			statuses = append(statuses, m["status"].(string))
		}
	}
	assert.Equal(t, []string{"RETIRED", "ACTIVE"}, statuses)
	e.app.background.Wait() // the re-screen of every firm the publication started
	_, v := statusOf(t, e, blue, w.startup["BlueOcean Lab"], "innovative_startup_sme")
	assert.Equal(t, 2, v)
	r = e.do(t, req{token: blue, query: screeningOf, vars: map[string]any{"id": w.startup["BlueOcean Lab"]}})
	var history []string
	for _, x := range r.List("startup.screening") {
		m := x.(map[string]any)
		if m["setKey"] != "innovative_startup_sme" {
			continue
		}
		for _, h := range m["history"].([]any) {
			hm := h.(map[string]any)
			history = append(history, strings.TrimSpace(stringOr(hm["from"])+">"+hm["to"].(string)))
		}
	}
	assert.Equal(t, []string{">NEEDS_EVIDENCE", "NEEDS_EVIDENCE>ELIGIBLE"}, history, "v2 keeps it eligible: no change to record")

	r = e.do(t, req{token: admin, query: `mutation { runScreening { firms evaluations changed } }`})
	require.Empty(t, r.Errors)
	assert.Equal(t, 34, r.Num("runScreening.firms"))
	assert.Zero(t, r.Num("runScreening.changed"), "nothing changed since the last run")
	r = e.do(t, req{token: blue, query: `mutation { runScreening { firms } }`})
	assert.Equal(t, "FORBIDDEN", r.Code("runScreening"))
}

func stringOr(v any) string {
	s, _ := v.(string)
	return s
}

// TestCriteriaSetLifecycle: drafts are edited, active sets are not, and a
// retired set stops being screened.
func TestCriteriaSetLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	set := map[string]any{"key": "city_deep_tech", "title": "Doanh nghiệp công nghệ sâu", "titleEn": "Deep-tech firm",
		"legalBasis": "Đề xuất của thành phố", "effectiveFrom": "2027-01-01", "criteria": []map[string]any{
			{"key": "has_patent", "group": "proof", "expression": "firm.ipAssets.exists(a, a.kind == 'INVENTION_PATENT')",
				"passReason": "Có sáng chế", "passReasonEn": "Holds a patent", "failReason": "Chưa có sáng chế", "failReasonEn": "No patent", "needs": []string{"ipAssets"}},
		}}
	create := `mutation($in: CriteriaSetInput!) { createCriteriaSet(input: $in) { criteriaSet { id version } userErrors { field code } } }`
	r := e.do(t, req{token: admin, query: create, vars: map[string]any{"in": set}})
	assert.Equal(t, map[string]string{"input.criteria": "INVALID_VALUE"}, r.UserErrors("createCriteriaSet"), "a group of one is no alternative")
	set["criteria"].([]map[string]any)[0]["group"] = nil
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": set}})
	require.Empty(t, r.UserErrors("createCriteriaSet"))
	id := r.Str("createCriteriaSet.criteriaSet.id")

	update := `mutation($in: UpdateCriteriaSetInput!) { updateCriteriaSet(input: $in) { criteriaSet { version title } userErrors { field code } } }`
	set["title"] = "Doanh nghiệp công nghệ sâu (sửa)"
	set["criteria"].([]map[string]any)[0]["expression"] = "firm.ipAssets.exists(a, a.kind == 'INVENTION_PATENT' &&"
	r = e.do(t, req{token: admin, query: update, vars: map[string]any{"in": map[string]any{"id": id, "version": 1, "set": set}}})
	assert.Equal(t, map[string]string{"input.set.criteria.0.expression": "INVALID_EXPRESSION"}, r.UserErrors("updateCriteriaSet"))
	set["criteria"].([]map[string]any)[0]["expression"] = "firm.ipAssets.exists(a, a.kind in ['INVENTION_PATENT', 'UTILITY_SOLUTION'])"
	r = e.do(t, req{token: admin, query: update, vars: map[string]any{"in": map[string]any{"id": id, "version": 1, "set": set}}})
	require.Empty(t, r.UserErrors("updateCriteriaSet"))
	assert.Equal(t, "Doanh nghiệp công nghệ sâu (sửa)", r.Str("updateCriteriaSet.criteriaSet.title"))

	action := func(name string, version int) response {
		return e.do(t, req{token: admin, query: `mutation($in: CriteriaSetActionInput!) { ` + name + `(input: $in) { criteriaSet { status version } userErrors { field code } } }`,
			vars: map[string]any{"in": map[string]any{"id": id, "version": version}}})
	}
	r = action("retireCriteriaSet", 2)
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("retireCriteriaSet"), "a draft is not retired")
	r = action("publishCriteriaSet", 2)
	require.Empty(t, r.UserErrors("publishCriteriaSet"))
	e.app.background.Wait()
	r = e.do(t, req{token: admin, query: update, vars: map[string]any{"in": map[string]any{"id": id, "version": 3, "set": set}}})
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("updateCriteriaSet"), "an active set is not edited")
	r = e.do(t, req{token: admin, query: `{ screeningCounts(setKey: "city_deep_tech") { status count } }`})
	total := 0
	for _, x := range r.List("screeningCounts") {
		total += int(x.(map[string]any)["count"].(float64))
	}
	assert.Equal(t, 34, total, "publishing screened every firm")
	r = e.do(t, req{token: admin, query: `{ startups(first: 1) { edges { node { screening { setKey } } } } }`})
	assert.Len(t, r.List("startups.edges.0.node.screening"), 3)
	r = action("retireCriteriaSet", 3)
	require.Empty(t, r.UserErrors("retireCriteriaSet"))
	assert.Equal(t, "RETIRED", r.Str("retireCriteriaSet.criteriaSet.status"))
	r = e.do(t, req{token: admin, query: `{ startups(first: 1) { edges { node { screening { setKey } } } } }`})
	assert.Len(t, r.List("startups.edges.0.node.screening"), 2, "a retired set's results are no longer shown")
	r = e.do(t, req{token: admin, query: `mutation { runScreening { evaluations } }`})
	assert.Equal(t, 34*(6+2), r.Num("runScreening.evaluations"), "only the two active sets are evaluated")
}
