package app

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/value"
)

func TestAnonymousBrowsesTheDemoEcosystem(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{
		startups(first: 100) { totalCount edges { node { name taxCode sectors ward incubator { name } } } }
		incubators { name university startups(first: 3) { totalCount edges { node { name } } } }
		investors { totalCount } mentors { totalCount }
		funds { name public calls { title status fund { name } } }
		open: fundCalls(status: OPEN) { totalCount edges { node { title closesAt } } }
		closed: fundCalls(status: CLOSED) { totalCount }
		viewer { subject roles }
	}`})
	require.Empty(t, r.Errors)
	assert.GreaterOrEqual(t, r.Num("startups.totalCount"), 30)
	wards, sectors := map[string]bool{}, map[string]bool{}
	for _, edge := range r.List("startups.edges") {
		n := edge.(map[string]any)["node"].(map[string]any)
		_, err := value.NewTaxCode(n["taxCode"].(string))
		assert.NoError(t, err, "demo tax code %s", n["taxCode"])
		wards[n["ward"].(string)] = true
		for _, s := range n["sectors"].([]any) {
			sectors[s.(string)] = true
		}
	}
	assert.GreaterOrEqual(t, len(wards), 5)
	for _, s := range []value.Sector{value.SectorSemiconductors, value.SectorAI, value.SectorMarineTech,
		value.SectorPortLogistics, value.SectorGreenEnergy, value.SectorAdvancedManufacturing} {
		assert.True(t, sectors[string(s)], "a demo startup in priority sector %s", s)
	}
	assert.Len(t, r.List("incubators"), 3)
	assert.Positive(t, r.Num("incubators.0.startups.totalCount"))
	assert.GreaterOrEqual(t, r.Num("investors.totalCount"), 5)
	assert.GreaterOrEqual(t, r.Num("mentors.totalCount"), 5)
	assert.Equal(t, 1, r.Num("open.totalCount"))
	assert.Equal(t, 1, r.Num("closed.totalCount"))
	assert.Equal(t, r.Str("funds.0.name"), r.Str("funds.0.calls.0.fund.name"))
	assert.Nil(t, r.Get("viewer.subject"))
}

func TestStartupPagesWalkEveryStartupOnce(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	seen := map[string]bool{}
	var after any
	total := 0
	for pages := 0; ; pages++ {
		require.Less(t, pages, 20)
		r := e.do(t, req{query: `query($after: String) { startups(first: 7, after: $after) {
			totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
			vars: map[string]any{"after": after}})
		require.Empty(t, r.Errors)
		total = r.Num("startups.totalCount")
		for _, edge := range r.List("startups.edges") {
			id := edge.(map[string]any)["node"].(map[string]any)["id"].(string)
			assert.False(t, seen[id], "startup %s on two pages", id)
			seen[id] = true
		}
		if r.Get("startups.pageInfo.hasNextPage") != true {
			break
		}
		after = r.Str("startups.pageInfo.endCursor")
	}
	assert.Len(t, seen, total)

	r := e.do(t, req{query: `{ startups(first: 101) { totalCount } }`})
	assert.Equal(t, "INVALID_VALUE", r.Code("startups"))
	r = e.do(t, req{query: `{ startups(after: "%%%") { totalCount } }`})
	assert.Equal(t, "INVALID_VALUE", r.Code("startups"))
}

func TestStartupFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ incubators { id name } }`})
	incID := r.Str("incubators.0.id")
	r = e.do(t, req{query: `query($inc: ID) {
		marine: startups(first: 100, filter: { sectors: [MARINE_SCIENCE_TECH] }) { totalCount edges { node { sectors } } }
		seed: startups(first: 100, filter: { stage: SEED, ward: "Hải An" }) { totalCount edges { node { stage ward } } }
		inc: startups(first: 100, filter: { incubatorId: $inc }) { totalCount edges { node { incubator { id } } } }
	}`, vars: map[string]any{"inc": incID}})
	require.Empty(t, r.Errors)
	assert.Positive(t, r.Num("marine.totalCount"))
	for _, edge := range r.List("marine.edges") {
		assert.Contains(t, edge.(map[string]any)["node"].(map[string]any)["sectors"], "MARINE_SCIENCE_TECH")
	}
	assert.Positive(t, r.Num("seed.totalCount"))
	for _, edge := range r.List("seed.edges") {
		n := edge.(map[string]any)["node"].(map[string]any)
		assert.Equal(t, "SEED", n["stage"])
		assert.Equal(t, "Hải An", n["ward"])
	}
	assert.Positive(t, r.Num("inc.totalCount"))
	assert.Len(t, r.List("inc.edges"), r.Num("inc.totalCount"))
	for _, edge := range r.List("inc.edges") {
		assert.Equal(t, incID, edge.(map[string]any)["node"].(map[string]any)["incubator"].(map[string]any)["id"])
	}
}

const createStartup = `mutation($input: CreateStartupInput!) { createStartup(input: $input) {
	startup { id name version taxCode contact { email phone } financials { fundingNeedVnd revenue { year amountVnd } } }
	userErrors { field code message } } }`

func startupInput(taxCode string) map[string]any {
	return map[string]any{
		"name": "Công ty CP Cảm biến Biển Xanh", "nameEn": "Blue Sensor", "taxCode": taxCode,
		"foundedOn": "2023-05-10", "ward": "Hải An", "sectors": []string{"MARINE_SCIENCE_TECH", "IOT_HARDWARE"},
		"stage": "PROTOTYPE", "teamSize": 6, "contact": map[string]any{"email": "ceo@bluesensor.vn", "phone": "0912 345 678"},
		"financials": map[string]any{"fundingNeedVnd": 3_500_000_000, "revenue": []any{
			map[string]any{"year": 2024, "amountVnd": "1.200.000.000"}}},
	}
}

func TestCreateStartupReportsEveryInputProblem(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")

	r := e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": startupInput("0100233489")}})
	require.Empty(t, r.Errors)
	assert.Nil(t, r.Get("createStartup.startup"))
	assert.Equal(t, map[string]string{"input.taxCode": "INVALID_TAX_CODE"}, r.UserErrors("createStartup"))
	assert.Contains(t, r.Str("createStartup.userErrors.0.message"), "chữ số kiểm tra", "Vietnamese by default")

	bad := startupInput("01002334")
	bad["name"], bad["teamSize"], bad["website"] = " ", 0, "ftp://x"
	bad["contact"] = map[string]any{"email": "not-an-email"}
	bad["financials"] = map[string]any{"revenue": []any{map[string]any{"year": 2030, "amountVnd": 5}}}
	r = e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": bad},
		headers: map[string]string{"Accept-Language": "en-US,en;q=0.9,vi;q=0.5"}})
	assert.Equal(t, map[string]string{
		"input.name": "REQUIRED", "input.taxCode": "INVALID_TAX_CODE", "input.teamSize": "INVALID_VALUE",
		"input.website": "INVALID_VALUE", "input.contact.email": "INVALID_VALUE",
		"input.financials.revenue.0.year": "INVALID_VALUE",
	}, r.UserErrors("createStartup"))
	assert.Contains(t, r.Str("createStartup.userErrors.0.message"), "required", "English when preferred")

	r = e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": startupInput("0100233488")}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("createStartup"))
	assert.Equal(t, 1, r.Num("createStartup.startup.version"))
	assert.Equal(t, "+84912345678", r.Str("createStartup.startup.contact.phone"))
	assert.Equal(t, int64(1_200_000_000), r.VND("createStartup.startup.financials.revenue.0.amountVnd"))

	r = e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": startupInput("0100233488")}})
	assert.Equal(t, map[string]string{"input.taxCode": "DUPLICATE_TAX_CODE"}, r.UserErrors("createStartup"))

	r = e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": func() map[string]any {
		in := startupInput("0100109106")
		in["incubatorId"] = "SW5jdWJhdG9yOm5vcGU" // Incubator:nope
		return in
	}()}})
	assert.Equal(t, map[string]string{"input.incubatorId": "NOT_FOUND"}, r.UserErrors("createStartup"))

	r = e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": func() map[string]any {
		in := startupInput("0100109106")
		in["financials"] = map[string]any{"fundingNeedVnd": 1.5}
		return in
	}()}})
	assert.Equal(t, "INVALID_VALUE", r.Code(""), "fractional đồng are refused before the resolver runs: %+v", r.Errors)
}

const updateStartup = `mutation($input: UpdateStartupInput!) { updateStartup(input: $input) {
	startup { id name version teamSize } userErrors { field code message } } }`

func TestUpdateStartupIsConditionalOnVersion(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	r := e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": startupInput("0100233488")}})
	id := r.Str("createStartup.startup.id")

	r = e.do(t, req{query: updateStartup, token: admin, vars: map[string]any{"input": map[string]any{"id": id, "version": 1, "teamSize": 9}}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("updateStartup"))
	assert.Equal(t, 2, r.Num("updateStartup.startup.version"))
	assert.Equal(t, 9, r.Num("updateStartup.startup.teamSize"))
	assert.Equal(t, "Công ty CP Cảm biến Biển Xanh", r.Str("updateStartup.startup.name"), "omitted fields stay")

	r = e.do(t, req{query: updateStartup, token: admin, vars: map[string]any{"input": map[string]any{"id": id, "version": 1, "teamSize": 10}}})
	assert.Equal(t, map[string]string{"input.version": "VERSION_CONFLICT"}, r.UserErrors("updateStartup"))
	r = e.do(t, req{query: `query($id: ID!) { startup(id: $id) { teamSize version } }`, vars: map[string]any{"id": id}})
	assert.Equal(t, 9, r.Num("startup.teamSize"), "the stale write changed nothing")

	r = e.do(t, req{query: updateStartup, token: admin, vars: map[string]any{"input": map[string]any{"id": id, "version": 2, "taxCode": "123"}}})
	assert.Equal(t, map[string]string{"input.taxCode": "INVALID_TAX_CODE"}, r.UserErrors("updateStartup"))

	missing := "U3RhcnR1cDpub3BlLW5vdC10aGVyZQ" // Startup:nope-not-there
	r = e.do(t, req{query: updateStartup, token: admin, vars: map[string]any{"input": map[string]any{"id": missing, "version": 1}}})
	assert.Equal(t, map[string]string{"input": "NOT_FOUND"}, r.UserErrors("updateStartup"))
	r = e.do(t, req{query: `query($id: ID!) { startup(id: $id) { id } }`, vars: map[string]any{"id": missing}})
	assert.Equal(t, "NOT_FOUND", r.Code("startup"))
}

func TestMutationsNeedAToken(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: createStartup, vars: map[string]any{"input": startupInput("0100233488")}})
	assert.Equal(t, "UNAUTHENTICATED", r.Code("createStartup"))
	assert.Nil(t, r.Get("createStartup"))

	r = e.do(t, req{query: `{ viewer { subject } }`, token: "not-a-jwt"})
	assert.Equal(t, http.StatusUnauthorized, r.Status)
	assert.Equal(t, "UNAUTHENTICATED", r.Code(""))

	other, err := newEnvSigner(strings.Repeat("x", 40))
	require.NoError(t, err)
	r = e.do(t, req{query: `{ viewer { subject } }`, token: other})
	assert.Equal(t, http.StatusUnauthorized, r.Status, "a token signed with another secret")
}

// TestStartupMembersReachOnlyTheirOwnStartup: a member edits and reads the
// confidential fields of their startup, and neither of another one.
func TestStartupMembersReachOnlyTheirOwnStartup(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ incubators { startups(first: 2) { edges { node { id } } } } }`})
	mine, theirs := r.Str("incubators.0.startups.edges.0.node.id"), r.Str("incubators.0.startups.edges.1.node.id")
	member := e.token(t, "STARTUP_MEMBER", "founder-1", mine)

	r = e.do(t, req{token: member, query: `query($a: ID!, $b: ID!) {
		a: startup(id: $a) { contact { email } financials { fundingNeedVnd } }
		b: startup(id: $b) { name contact { email } financials { fundingNeedVnd } }
		viewer { subject roles organizationId } }`, vars: map[string]any{"a": mine, "b": theirs}})
	assert.NotEmpty(t, r.Str("a.contact.email"))
	assert.NotNil(t, r.Get("a.financials.fundingNeedVnd"))
	assert.NotEmpty(t, r.Str("b.name"), "public fields stay readable")
	assert.Nil(t, r.Get("b.financials"))
	assert.Nil(t, r.Get("b.contact"))
	assert.Equal(t, "FORBIDDEN", r.Code("b.financials"))
	assert.Equal(t, "FORBIDDEN", r.Code("b.contact"))
	assert.Equal(t, mine, r.Str("viewer.organizationId"))
	assert.Equal(t, []any{"STARTUP_MEMBER"}, r.Get("viewer.roles"))

	r = e.do(t, req{query: updateStartup, token: member, vars: map[string]any{"input": map[string]any{"id": theirs, "version": 1, "name": "Hijacked"}}})
	assert.Equal(t, "FORBIDDEN", r.Code("updateStartup"))
	r = e.do(t, req{query: updateStartup, token: member, vars: map[string]any{"input": map[string]any{"id": mine, "version": 1, "name": "Tên mới"}}})
	require.Empty(t, r.Errors)
	assert.Equal(t, "Tên mới", r.Str("updateStartup.startup.name"))

	r = e.do(t, req{query: updateStartup, token: member, vars: map[string]any{"input": map[string]any{"id": mine, "version": 2, "incubatorId": ""}}})
	assert.Equal(t, "FORBIDDEN", r.Code("updateStartup"), "a member cannot move the startup between incubators")
}

func TestIncubatorManagersSeeTheirCohort(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ incubators { id startups(first: 1) { edges { node { id } } } } }`})
	inc0, inc1 := r.Str("incubators.0.id"), r.Str("incubators.1.id")
	cohort, other := r.Str("incubators.0.startups.edges.0.node.id"), r.Str("incubators.1.startups.edges.0.node.id")
	manager := e.token(t, "INCUBATOR_MANAGER", "manager-1", inc0)
	r = e.do(t, req{token: manager, query: `query($a: ID!, $b: ID!) {
		a: startup(id: $a) { financials { fundingNeedVnd } } b: startup(id: $b) { financials { fundingNeedVnd } } }`,
		vars: map[string]any{"a": cohort, "b": other}})
	assert.NotNil(t, r.Get("a.financials"))
	assert.Equal(t, "FORBIDDEN", r.Code("b.financials"))

	in := startupInput("0100233488")
	in["incubatorId"] = inc1
	r = e.do(t, req{query: createStartup, token: manager, vars: map[string]any{"input": in}})
	assert.Equal(t, "FORBIDDEN", r.Code("createStartup"), "only into their own incubator")
	in["incubatorId"] = inc0
	r = e.do(t, req{query: createStartup, token: manager, vars: map[string]any{"input": in}})
	require.Empty(t, r.Errors)
	assert.Empty(t, r.UserErrors("createStartup"))
}

func TestInvestorAndMentorProfiles(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	create := `mutation($input: CreateInvestorInput!) { createInvestor(input: $input) {
		investor { id version name kind sectors ticketMinVnd ticketMaxVnd } userErrors { field code } } }`
	in := map[string]any{"name": "Quỹ Thử nghiệm", "kind": "VENTURE_FUND", "sectors": []string{"FINTECH"},
		"ticketMinVnd": 5_000_000_000, "ticketMaxVnd": 1_000_000_000}
	r := e.do(t, req{query: create, token: admin, vars: map[string]any{"input": in}})
	assert.Equal(t, map[string]string{"input.ticketMaxVnd": "INVALID_VALUE"}, r.UserErrors("createInvestor"))
	in["ticketMaxVnd"] = 20_000_000_000
	r = e.do(t, req{query: create, token: admin, vars: map[string]any{"input": in}})
	require.Empty(t, r.UserErrors("createInvestor"))
	id := r.Str("createInvestor.investor.id")
	assert.Equal(t, int64(20_000_000_000), r.VND("createInvestor.investor.ticketMaxVnd"))

	update := `mutation($input: UpdateInvestorInput!) { updateInvestor(input: $input) {
		investor { version stages } userErrors { field code } } }`
	own := e.token(t, "INVESTOR", "partner-1", id)
	r = e.do(t, req{query: update, token: own, vars: map[string]any{"input": map[string]any{"id": id, "version": 1, "stages": []string{"SEED"}}}})
	require.Empty(t, r.Errors)
	assert.Equal(t, []any{"SEED"}, r.Get("updateInvestor.investor.stages"))
	stranger := e.token(t, "INVESTOR", "partner-2", "SW52ZXN0b3I6b3RoZXI")
	r = e.do(t, req{query: update, token: stranger, vars: map[string]any{"input": map[string]any{"id": id, "version": 2, "name": "X"}}})
	assert.Equal(t, "FORBIDDEN", r.Code("updateInvestor"))

	mentor := `mutation($input: CreateMentorInput!) { createMentor(input: $input) { mentor { id capacity overseas } userErrors { field code } } }`
	manager := e.token(t, "INCUBATOR_MANAGER", "manager-1", "")
	r = e.do(t, req{query: mentor, token: manager, vars: map[string]any{"input": map[string]any{
		"name": "Chuyên gia", "expertise": []string{"SEMICONDUCTORS"}, "capacity": 99}}})
	assert.Equal(t, map[string]string{"input.capacity": "INVALID_VALUE"}, r.UserErrors("createMentor"))
	r = e.do(t, req{query: mentor, token: manager, vars: map[string]any{"input": map[string]any{
		"name": "Chuyên gia", "expertise": []string{"SEMICONDUCTORS"}, "overseas": true, "subject": "mentor-9"}}})
	require.Empty(t, r.UserErrors("createMentor"))
	assert.Equal(t, 3, r.Num("createMentor.mentor.capacity"), "schema default")
	mid := r.Str("createMentor.mentor.id")
	self := e.token(t, "REVIEWER", "mentor-9", "")
	r = e.do(t, req{query: `mutation($input: UpdateMentorInput!) { updateMentor(input: $input) { mentor { bio version } userErrors { code } } }`,
		token: self, vars: map[string]any{"input": map[string]any{"id": mid, "version": 1, "bio": "Kỹ sư thiết kế vi mạch."}}})
	require.Empty(t, r.Errors)
	assert.Equal(t, 2, r.Num("updateMentor.mentor.version"), "the mentor edits their own profile")
	r = e.do(t, req{query: mentor, token: e.token(t, "STARTUP_MEMBER", "f", ""), vars: map[string]any{"input": map[string]any{
		"name": "X", "expertise": []string{"FINTECH"}}}})
	assert.Equal(t, "FORBIDDEN", r.Code("createMentor"))
}

func TestNodeResolvesEveryType(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ startups(first: 1) { edges { node { id } } } incubators { id } investors(first: 1) { edges { node { id } } }
		mentors(first: 1) { edges { node { id } } } funds { id calls { id } } }`})
	ids := map[string]string{
		"Startup": r.Str("startups.edges.0.node.id"), "Incubator": r.Str("incubators.0.id"),
		"Investor": r.Str("investors.edges.0.node.id"), "Mentor": r.Str("mentors.edges.0.node.id"),
		"Fund": r.Str("funds.0.id"), "FundCall": r.Str("funds.0.calls.0.id"),
	}
	for typ, id := range ids {
		r := e.do(t, req{query: `query($id: ID!) { node(id: $id) { __typename id } }`, vars: map[string]any{"id": id}})
		require.Empty(t, r.Errors, typ)
		assert.Equal(t, typ, r.Str("node.__typename"))
		assert.Equal(t, id, r.Str("node.id"))
	}
	r = e.do(t, req{query: `{ node(id: "garbage") { id } }`})
	assert.Equal(t, "NOT_FOUND", r.Code("node"))
}

// TestRoundTripsDoNotGrowWithPageSize counts store commands: the page query,
// plus one batched load of the incubators, whatever the page size. It runs
// alone: it counts exact batches, which CPU contention could split.
func TestRoundTripsDoNotGrowWithPageSize(t *testing.T) {
	e := newEnv(t)
	e.app.indexer.Stop() // its polling would count
	// The fewest of three tries: on a loaded machine a loader's batch can
	// split in two when its resolvers start more than its wait apart, which
	// is scheduling, not a query per item (that would be 11 and 35 trips).
	trips := func(query string) int64 {
		fewest := int64(math.MaxInt64)
		for range 3 {
			before := e.app.db.RoundTrips()
			r := e.do(t, req{query: query})
			require.Empty(t, r.Errors)
			fewest = min(fewest, e.app.db.RoundTrips()-before)
		}
		return fewest
	}
	page := func(first int) string {
		return fmt.Sprintf(`{ startups(first: %d) { edges { node { name incubator { name } } } } }`, first)
	}
	require.Len(t, e.do(t, req{query: page(34)}).List("startups.edges"), 34, "a full page of the demo's startups")
	assert.Equal(t, int64(2), trips(page(10)))
	assert.Equal(t, int64(2), trips(page(34)))
	// incubators, their startups, their counts, funds, calls, the calls' funds
	assert.Equal(t, int64(6), trips(`{ incubators { startups(first: 5) { totalCount edges { node { name } } } } funds { calls { fund { name } } } }`))
}

func TestLimits(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	deep := "{ funds { name } }"
	for range 6 {
		deep = strings.Replace(deep, "{ name }", "{ calls { fund { name } } }", 1)
	}
	r := e.do(t, req{query: deep, headers: map[string]string{"Accept-Language": "en"}})
	assert.Equal(t, "DEPTH_LIMIT_EXCEEDED", r.Code(""))
	assert.Contains(t, r.Errors[0].Message, "limit of 12")

	for _, costly := range []string{
		`{ startups(first: 100) { edges { node { incubator { startups(first: 100) { edges { node { name } } } } } } } }`,
		`{ fundCalls(first: 100) { edges { node { applications(first: 100) { edges { node { id } } } } } } }`,
		`{ screeningResults(setKey: "x", first: 100) { edges { node { startup { incubator { startups(first: 100) { edges { node { name } } } } } } } } }`,
	} {
		r = e.do(t, req{query: costly})
		assert.Equal(t, "COMPLEXITY_LIMIT_EXCEEDED", r.Code(""), costly)
	}

	big := `{ viewer { subject } }` + strings.Repeat(" ", 1<<20)
	r = e.do(t, req{query: big})
	assert.Equal(t, http.StatusRequestEntityTooLarge, r.Status)
	assert.Equal(t, "REQUEST_TOO_LARGE", r.Code(""))
	chunked := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"{ viewer { subject } }`+strings.Repeat(" ", 1<<20)+`"}`))
	chunked.ContentLength = -1 // no declared length, as with chunked transfer encoding
	chunked.Header.Set("Content-Type", "application/json")
	r = e.serve(t, chunked)
	assert.Equal(t, http.StatusRequestEntityTooLarge, r.Status)
	assert.Equal(t, "REQUEST_TOO_LARGE", r.Code(""))

	r = e.do(t, req{query: `{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }`})
	assert.Empty(t, r.Errors, "introspection is not counted against the depth limit")
}

func TestGraphQLOverHTTP(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	get := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(`{ sectors { sector label } }`), nil)
	get.Header.Set("Accept", "application/graphql-response+json")
	get.Header.Set("Accept-Language", "en")
	r := e.serve(t, get)
	assert.Equal(t, http.StatusOK, r.Status)
	assert.Equal(t, "application/graphql-response+json; charset=utf-8", r.Header.Get("Content-Type"))
	assert.Equal(t, "Semiconductors", r.Str("sectors.0.label"))

	mut := httptest.NewRequest(http.MethodGet, "/graphql?query="+url.QueryEscape(`mutation { dismissMatch(input: {id: "x"}) { userErrors { code } } }`), nil)
	r = e.serve(t, mut)
	assert.Equal(t, http.StatusMethodNotAllowed, r.Status, "GET never runs a mutation")
	assert.Equal(t, "POST", r.Header.Get("Allow"))
	assert.Equal(t, "METHOD_NOT_ALLOWED", r.Code(""))

	// Automatic persisted queries: the hash alone is unknown at first, then
	// known once the client has sent the query with it.
	q := `{ funds { name } }`
	apq := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": fmt.Sprintf("%x", sha256.Sum256([]byte(q)))}}
	post := func(body map[string]any) response {
		b, err := json.Marshal(body)
		require.NoError(t, err)
		hr := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(b))
		hr.Header.Set("Content-Type", "application/json")
		return e.serve(t, hr)
	}
	r = post(map[string]any{"extensions": apq})
	assert.Equal(t, "PERSISTED_QUERY_NOT_FOUND", r.Code(""))
	r = post(map[string]any{"query": q, "extensions": apq})
	require.Empty(t, r.Errors)
	r = post(map[string]any{"extensions": apq})
	require.Empty(t, r.Errors)
	assert.NotEmpty(t, r.Str("funds.0.name"))

	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/": 200} {
		w := httptest.NewRecorder()
		e.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		assert.Equal(t, want, w.Code, path)
	}
}

func TestDemoTaxCodesAreValid(t *testing.T) {
	t.Parallel()
	for _, p := range []string{"02", "08"} {
		for i := range 200 {
			_, err := value.NewTaxCode(demo.TaxCode(p, i))
			require.NoError(t, err)
		}
	}
}

// TestExpiredTokensAreRefused: expiry is judged by the service clock.
func TestExpiredTokensAreRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	tok := e.token(t, "ADMIN", "admin-1", "")
	r := e.do(t, req{query: `{ viewer { subject } }`, token: tok})
	require.Empty(t, r.Errors)
	assert.Equal(t, "admin-1", r.Str("viewer.subject"))
	e.clock.Advance(61 * time.Minute)
	r = e.do(t, req{query: `{ viewer { subject } }`, token: tok})
	assert.Equal(t, http.StatusUnauthorized, r.Status)
	assert.Equal(t, "UNAUTHENTICATED", r.Code(""))
}

// TestRestartKeepsDataAndSecret runs the embedded store twice on one data
// directory: what was written, and tokens signed with the generated secret,
// survive the restart.
func TestRestartKeepsDataAndSecret(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	cfg := testConfig(t)
	cfg.MongoURI, cfg.DBName, cfg.JWTSecret, cfg.DataDir = "", "innoport", "", t.TempDir() // the embedded store, as by default
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	clk := clock.NewManual(testNow)

	var tok, id string
	for run := range 2 {
		a, err := New(ctx, cfg, clk, logger)
		require.NoError(t, err)
		require.NoError(t, a.SeedDemo(ctx), "seeding runs on an empty store only")
		e := &env{app: a, h: a.Handler(), clock: clk, signer: a.signer}
		if run == 0 {
			tok = e.token(t, "ADMIN", "admin-1", "")
			r := e.do(t, req{query: createStartup, token: tok, vars: map[string]any{"input": startupInput("0100233488")}})
			require.Empty(t, r.UserErrors("createStartup"))
			id = r.Str("createStartup.startup.id")
		} else {
			r := e.do(t, req{token: tok, query: `query($id: ID!) { startup(id: $id) { name contact { email } } startups { totalCount } }`,
				vars: map[string]any{"id": id}})
			require.Empty(t, r.Errors, "the token from before the restart still verifies")
			assert.Equal(t, "ceo@bluesensor.vn", r.Str("startup.contact.email"))
			assert.Equal(t, 35, r.Num("startups.totalCount"), "34 demo startups, seeded once, plus ours")
		}
		a.Close(ctx)
	}
	info, err := os.Stat(filepath.Join(cfg.DataDir, "jwt-secret"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
}
