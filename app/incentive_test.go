package app

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const incentivesOf = `query($id: ID!) { startup(id: $id) { version incentives { incentive { key example benefit { kind capVnd } }
	standing unlock conditions { key passed reason missing } } } }`

// standing returns a firm's standing and unlock hint on an incentive, as
// its member sees it; "" when the incentive is not listed.
func standing(t *testing.T, e *env, token, id, key, lang string) (string, string, int) {
	t.Helper()
	r := e.do(t, req{token: token, query: incentivesOf, vars: map[string]any{"id": id},
		headers: map[string]string{"Accept-Language": lang}})
	require.Empty(t, r.Errors)
	for _, x := range r.List("startup.incentives") {
		m := x.(map[string]any)
		if m["incentive"].(map[string]any)["key"] == key {
			unlock, _ := m["unlock"].(string)
			return m["standing"].(string), unlock, r.Num("startup.version")
		}
	}
	return "", "", r.Num("startup.version")
}

func TestIncentivesStory(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	e := w.e
	admin := e.token(t, "ADMIN", "admin-1", "")

	r := e.do(t, req{query: `{ incentives(status: ACTIVE) { key article example legalBasis benefit { kind ratePercent capVnd capPeriod durationMonths } } }`})
	require.Empty(t, r.Errors)
	assert.Len(t, r.List("incentives"), 7, "the shipped catalogue is active on every deployment")

	// Before its certificate, the firm is told the one step that unlocks the S&T tax incentive.
	blue, id := w.member(t, "BlueOcean Lab"), w.startup["BlueOcean Lab"]
	st, unlock, version := standing(t, e, blue, id, "st_enterprise_cit", "en")
	assert.Equal(t, "MISSING_EVIDENCE", st)
	assert.Contains(t, unlock, "science and technology enterprise certificate")
	_, unlockVI, _ := standing(t, e, blue, id, "st_enterprise_cit", "vi")
	assert.Contains(t, unlockVI, "Giấy chứng nhận doanh nghiệp khoa học và công nghệ")

	// The moment the certificate is added, it qualifies: judged from the firm's data as it is.
	r = e.do(t, req{token: blue, query: updateStartup, vars: map[string]any{"input": map[string]any{
		"id": id, "version": version, "evidence": map[string]any{
			"legalForm":    "LLC_MULTI_MEMBER",
			"certificates": []map[string]any{{"kind": "ST_ENTERPRISE", "issuedOn": "2026-11-20", "documentRef": "files/gcn-khcn.pdf"}}}}}})
	require.Empty(t, r.UserErrors("updateStartup"))
	st, unlock, _ = standing(t, e, blue, id, "st_enterprise_cit", "en")
	assert.Equal(t, "QUALIFIES", st)
	assert.Empty(t, unlock)
	r = e.do(t, req{token: blue, query: incentivesOf, vars: map[string]any{"id": id}})
	assert.Equal(t, "QUALIFIES", r.Str("startup.incentives.0.standing"), "what a firm qualifies for comes first")
	// The stored standings, which the statistics count, follow within seconds.
	qualified := func() float64 {
		r := e.do(t, req{token: admin, query: statistics, vars: map[string]any{"from": "2026-01-01", "to": "2026-12-31"}})
		require.Empty(t, r.Errors)
		return seriesOf(r)["incentives_qualified"]["st_enterprise_cit"]
	}
	require.Eventually(t, func() bool { return qualified() == 2 }, 15*time.Second, 50*time.Millisecond,
		"the demo's S&T enterprise and now BlueOcean Lab (bound: 15 s, for a loaded 2-core CI)")

	// Nobody else reads a firm's standings.
	r = e.do(t, req{token: blue, query: incentivesOf, vars: map[string]any{"id": w.startup["PortSense"]}})
	assert.Equal(t, "FORBIDDEN", r.Code("startup.incentives"))

	// A retired incentive disappears from the firm's list and the active catalogue.
	r = e.do(t, req{token: admin, query: `{ incentives(status: ACTIVE) { id key version } }`})
	var landID string
	var landVersion int
	for _, x := range r.List("incentives") {
		if m := x.(map[string]any); m["key"] == "st_enterprise_land" {
			landID, landVersion = m["id"].(string), int(m["version"].(float64))
		}
	}
	require.NotEmpty(t, landID)
	retire := `mutation($in: IncentiveActionInput!) { retireIncentive(input: $in) { incentive { status } userErrors { field code } } }`
	r = e.do(t, req{token: blue, query: retire, vars: map[string]any{"in": map[string]any{"id": landID, "version": landVersion}}})
	assert.Equal(t, "FORBIDDEN", r.Code("retireIncentive"))
	st, _, _ = standing(t, e, blue, id, "st_enterprise_land", "en")
	require.Equal(t, "QUALIFIES", st)
	r = e.do(t, req{token: admin, query: retire, vars: map[string]any{"in": map[string]any{"id": landID, "version": landVersion}}})
	require.Empty(t, r.UserErrors("retireIncentive"))
	assert.Equal(t, "RETIRED", r.Str("retireIncentive.incentive.status"))
	st, _, _ = standing(t, e, blue, id, "st_enterprise_land", "en")
	assert.Empty(t, st, "retired: no longer listed")
	r = e.do(t, req{token: admin, query: retire, vars: map[string]any{"in": map[string]any{"id": landID, "version": landVersion + 1}}})
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("retireIncentive"))

	// Conditions are data: a bad one is refused at its place with line:column.
	spec := map[string]any{"key": "hp_green_port", "title": "Hỗ trợ cảng xanh", "titleEn": "Green port support",
		"summary": "Hỗ trợ chi phí tư vấn cảng xanh.", "summaryEn": "Green-port consulting support.",
		"legalBasis": "Ví dụ", "article": "—", "benefit": map[string]any{"kind": "CONSULTING", "ratePercent": 50, "capVnd": "30000000", "capPeriod": "ONCE"},
		"authority": "Sở KH&CN", "authorityEn": "DOST", "howToApply": "Nộp hồ sơ.", "howToApplyEn": "Apply.",
		"effectiveFrom": "2026-01-01", "example": true, "conditions": []map[string]any{{
			"key": "port", "expression": "firm.sectors.exists(s,\n  s == PORT_LOGISTICS)",
			"passReason": "Cảng", "passReasonEn": "Port", "failReason": "Không", "failReasonEn": "No",
			"unlock": "Hoạt động logistics cảng.", "unlockEn": "Work in port logistics."}}}
	create := `mutation($in: IncentiveInput!) { createIncentive(input: $in) { incentive { id status incentiveVersion version } userErrors { field code message } } }`
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": spec}, headers: map[string]string{"Accept-Language": "en"}})
	assert.Equal(t, map[string]string{"input.conditions.0.expression": "INVALID_EXPRESSION"}, r.UserErrors("createIncentive"))
	assert.Contains(t, r.Str("createIncentive.userErrors.0.message"), "line:column 2:")
	spec["conditions"].([]map[string]any)[0]["expression"] = "firm.sectors.exists(s, s == 'PORT_LOGISTICS')"
	spec["benefit"].(map[string]any)["capPeriod"] = nil
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": spec}})
	assert.Equal(t, map[string]string{"input.benefit.capPeriod": "REQUIRED"}, r.UserErrors("createIncentive"))
	spec["benefit"].(map[string]any)["capPeriod"] = "ONCE"
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": spec}})
	require.Empty(t, r.UserErrors("createIncentive"))
	assert.Equal(t, "DRAFT", r.Str("createIncentive.incentive.status"))
	st, _, _ = standing(t, e, blue, id, "hp_green_port", "en")
	assert.Empty(t, st, "a draft is not judged")
	publish := `mutation($in: IncentiveActionInput!) { publishIncentive(input: $in) { incentive { status } userErrors { field code } } }`
	r = e.do(t, req{token: admin, query: publish, vars: map[string]any{"in": map[string]any{
		"id": r.Str("createIncentive.incentive.id"), "version": r.Num("createIncentive.incentive.version")}}})
	require.Empty(t, r.UserErrors("publishIncentive"))
	st, _, _ = standing(t, e, w.member(t, "PortSense"), w.startup["PortSense"], "hp_green_port", "en")
	assert.NotEmpty(t, st, "published: every firm is judged on it")

	// Claims are recorded by admins and the firm's incubator's managers, never by the firm.
	claim := `mutation($in: IncentiveClaimInput!) { recordIncentiveClaim(input: $in) { claim { id status amountVnd version startup { nameEn } } userErrors { field code } } }`
	in := map[string]any{"startupId": id, "incentiveKey": "st_enterprise_cit", "status": "RECEIVED",
		"appliedOn": "2026-11-21", "decidedOn": "2026-11-25", "amountVnd": "120000000"}
	r = e.do(t, req{token: blue, query: claim, vars: map[string]any{"in": in}})
	assert.Equal(t, "FORBIDDEN", r.Code("recordIncentiveClaim"))
	bad := map[string]any{"startupId": id, "incentiveKey": "no_such_incentive", "status": "APPLIED",
		"appliedOn": "2026-11-21", "decidedOn": "2026-11-20", "amountVnd": "5"}
	r = e.do(t, req{token: admin, query: claim, vars: map[string]any{"in": bad}})
	assert.Equal(t, map[string]string{"input.incentiveKey": "NOT_FOUND", "input.decidedOn": "INVALID_VALUE", "input.amountVnd": "INVALID_VALUE"},
		r.UserErrors("recordIncentiveClaim"))
	r = e.do(t, req{token: admin, query: claim, vars: map[string]any{"in": in}})
	require.Empty(t, r.UserErrors("recordIncentiveClaim"))
	assert.Equal(t, "BlueOcean Lab", r.Str("recordIncentiveClaim.claim.startup.nameEn"))
	r = e.do(t, req{token: blue, query: `query($id: ID!) { startup(id: $id) { incentiveClaims { incentiveKey status amountVnd decidedOn } } }`,
		vars: map[string]any{"id": id}})
	require.Empty(t, r.Errors)
	assert.Equal(t, "120000000", r.Str("startup.incentiveClaims.0.amountVnd"), "the firm reads its claims")

	// The expression editor checks conditions in their own language.
	r = e.do(t, req{token: admin, query: `{ checkExpression(language: INCENTIVE_CONDITION, expression: "screening.st_enterprise == 'ELIGIBLE'") { valid } }`})
	assert.Equal(t, true, r.Get("checkExpression.valid"))
	r = e.do(t, req{token: admin, query: `{ checkExpression(language: SCREENING_CRITERION, expression: "screening.st_enterprise == 'ELIGIBLE'") { valid } }`})
	assert.Equal(t, false, r.Get("checkExpression.valid"), "criteria do not read screening")
}
