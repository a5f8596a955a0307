package app

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
)

// investorID finds a demo investor's global ID by name.
func (e *env) investorID(t testing.TB, name string) string {
	t.Helper()
	r := e.do(t, req{query: `{ investors(first: 50) { edges { node { id name } } } }`})
	for _, ed := range r.List("investors.edges") {
		n := ed.(map[string]any)["node"].(map[string]any)
		if n["name"] == name {
			return n["id"].(string)
		}
	}
	t.Fatalf("no investor %q", name)
	return ""
}

// startupID finds a demo startup's global ID by name.
func (e *env) startupID(t *testing.T, name string) string {
	t.Helper()
	r := e.do(t, req{query: `{ startups(first: 100) { edges { node { id name } } } }`})
	for _, ed := range r.List("startups.edges") {
		n := ed.(map[string]any)["node"].(map[string]any)
		if n["name"] == name {
			return n["id"].(string)
		}
	}
	t.Fatalf("no startup %q", name)
	return ""
}

const dealFlowQuery = `query($id: ID!, $first: Int, $filter: DealFlowFilter, $sort: DealFlowSort) { node(id: $id) { ... on Investor {
	dealFlow(first: $first, filter: $filter, sort: $sort) { totalCount pageInfo { hasNextPage endCursor }
		edges { fit node { id name } deal { stage notes { text by } } highlights { field } }
		facets { stages { value count } } } } } }`

const moveDeal = `mutation($in: MoveDealInput!) { moveDeal(input: $in) {
	deal { id stage daysInStage history { stage by } notes { text by } startup { name } investor { name } }
	userErrors { field code message } } }`

func TestDealFlowAndPipeline(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	inv := e.investorID(t, "Quỹ Đầu tư Mạo hiểm Cảng Xanh")
	partner := e.token(t, "INVESTOR", "partner-1", inv)
	flow := func(vars map[string]any) response {
		t.Helper()
		vars["id"] = inv
		r := e.do(t, req{query: dealFlowQuery, token: partner, vars: vars})
		require.Empty(t, r.Errors)
		return r
	}

	// Ranked by the matching engine's fit to the thesis, scored ones first.
	r := flow(map[string]any{"first": 34})
	assert.Equal(t, 34, r.Num("node.dealFlow.totalCount"))
	edges := r.List("node.dealFlow.edges")
	require.Len(t, edges, 34)
	var fits []float64
	for _, ed := range edges {
		if f, ok := ed.(map[string]any)["fit"].(float64); ok {
			fits = append(fits, f)
		}
	}
	require.NotEmpty(t, fits, "the matching engine scored startups for this investor")
	assert.IsNonIncreasing(t, fits)
	assert.NotNil(t, edges[0].(map[string]any)["fit"], "a scored startup leads")
	best := r.Str("node.dealFlow.edges.0.node.id")
	second := r.Str("node.dealFlow.edges.1.node.id")

	// The pipeline: move, note, time in stage, counts per stage.
	r = e.do(t, req{query: moveDeal, token: partner, vars: map[string]any{"in": map[string]any{
		"investorId": inv, "startupId": best, "stage": "CONTACTED", "note": "Gặp ở Startup Café"}}})
	require.Empty(t, r.UserErrors("moveDeal"))
	assert.Equal(t, "CONTACTED", r.Str("moveDeal.deal.stage"))
	assert.Equal(t, []any{map[string]any{"text": "Gặp ở Startup Café", "by": "partner-1"}}, r.List("moveDeal.deal.notes"))
	r = e.do(t, req{query: moveDeal, token: partner, vars: map[string]any{"in": map[string]any{
		"investorId": inv, "startupId": best, "stage": "CONTACTED"}}})
	assert.Equal(t, map[string]string{"input.stage": "INVALID_TRANSITION"}, r.UserErrors("moveDeal"))
	e.clock.Advance(3 * 24 * time.Hour)
	partner = e.token(t, "INVESTOR", "partner-1", inv) // tokens last an hour
	r = e.do(t, req{query: moveDeal, token: partner, vars: map[string]any{"in": map[string]any{
		"investorId": inv, "startupId": best, "stage": "MEETING"}}})
	require.Empty(t, r.UserErrors("moveDeal"))
	assert.Len(t, r.List("moveDeal.deal.history"), 2)
	e.clock.Advance(2 * 24 * time.Hour)
	partner = e.token(t, "INVESTOR", "partner-1", inv)
	r = e.do(t, req{query: `mutation($in: AddDealNoteInput!) { addDealNote(input: $in) { deal { stage notes { text } } userErrors { code } } }`,
		token: partner, vars: map[string]any{"in": map[string]any{"investorId": inv, "startupId": second, "text": "Đội ngũ mạnh"}}})
	require.Empty(t, r.UserErrors("addDealNote"))
	assert.Equal(t, "SOURCED", r.Str("addDealNote.deal.stage"), "a note puts a startup in the pipeline")

	p := e.do(t, req{token: partner, query: `query($id: ID!) { node(id: $id) { ... on Investor {
		pipeline { stage count } deals { stage daysInStage startup { id } } } } }`, vars: map[string]any{"id": inv}})
	require.Empty(t, p.Errors)
	counts := map[string]float64{}
	for _, c := range p.List("node.pipeline") {
		counts[c.(map[string]any)["stage"].(string)] = c.(map[string]any)["count"].(float64)
	}
	assert.Equal(t, map[string]float64{"SOURCED": 1, "CONTACTED": 0, "MEETING": 1, "DUE_DILIGENCE": 0, "TERM_SHEET": 0, "INVESTED": 0, "PASSED": 0}, counts)
	assert.Equal(t, []any{
		map[string]any{"stage": "SOURCED", "daysInStage": float64(0), "startup": map[string]any{"id": second}},
		map[string]any{"stage": "MEETING", "daysInStage": float64(2), "startup": map[string]any{"id": best}},
	}, p.List("node.deals"), "most recently moved first, with time in stage")

	// Deal flow filters by pipeline stage and by what is not yet in it.
	r = flow(map[string]any{"filter": map[string]any{"pipelineStages": []string{"MEETING"}}})
	assert.Equal(t, 1, r.Num("node.dealFlow.totalCount"))
	assert.Equal(t, "MEETING", r.Str("node.dealFlow.edges.0.deal.stage"))
	r = flow(map[string]any{"filter": map[string]any{"notInPipeline": true}})
	assert.Equal(t, 32, r.Num("node.dealFlow.totalCount"))
	r = flow(map[string]any{"first": 50, "filter": map[string]any{"text": "cang", "stages": []string{"SEED"}}, "sort": "NAME"})
	assert.Positive(t, r.Num("node.dealFlow.totalCount"))
	var names []string
	for _, ed := range r.List("node.dealFlow.edges") {
		names = append(names, ed.(map[string]any)["node"].(map[string]any)["name"].(string))
	}
	assert.IsIncreasing(t, foldAll(names))
	assert.Equal(t, []any{map[string]any{"value": "SEED", "count": float64(len(names))}}, r.List("node.dealFlow.facets.stages"))

	// Only the investor's own users (and admins) see its deal flow and pipeline.
	other := e.token(t, "INVESTOR", "someone", e.investorID(t, "Nguyễn Minh Anh"))
	r = e.do(t, req{query: dealFlowQuery, token: other, vars: map[string]any{"id": inv}})
	assert.Equal(t, "FORBIDDEN", r.Code("node.dealFlow"))
	r = e.do(t, req{query: dealFlowQuery, vars: map[string]any{"id": inv}})
	assert.Equal(t, "UNAUTHENTICATED", r.Code("node.dealFlow"))
	r = e.do(t, req{query: moveDeal, token: other, vars: map[string]any{"in": map[string]any{"investorId": inv, "startupId": best, "stage": "PASSED"}}})
	assert.Equal(t, "FORBIDDEN", r.Code("moveDeal"))
	r = e.do(t, req{query: dealFlowQuery, token: partner, vars: map[string]any{"id": inv, "filter": map[string]any{"text": strings.Repeat("cảng ", 50)}}})
	assert.Equal(t, "INVALID_VALUE", r.Code("node.dealFlow"))
	assert.Equal(t, []any{"filter", "text"}, r.Errors[0].Extensions["field"])
	r = e.do(t, req{query: moveDeal, token: partner, vars: map[string]any{"in": map[string]any{"investorId": inv, "startupId": "bad", "stage": "PASSED"}}})
	assert.Equal(t, map[string]string{"input.startupId": "INVALID_VALUE"}, r.UserErrors("moveDeal"))
}

const notificationsQuery = `query($unread: Boolean) { notifications(unreadOnly: $unread) { edges { node {
	id kind message readAt startup { name } savedSearch { name } } } } }`

func TestSavedSearchesNotifyOfNewMatches(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	inv := e.investorID(t, "Quỹ Đầu tư Mạo hiểm Cảng Xanh")
	partner := e.token(t, "INVESTOR", "partner-1", inv)
	admin := e.token(t, "ADMIN", "admin-1", "")
	const save = `mutation($in: SaveSearchInput!) { saveSearch(input: $in) { savedSearch { id name query sectors } userErrors { field code } } }`

	r := e.do(t, req{query: save, token: partner, vars: map[string]any{"in": map[string]any{
		"investorId": inv, "name": "Cảng tự động", "query": "cang tu dong", "filter": map[string]any{"sectors": []string{"PORT_LOGISTICS"}}}}})
	require.Empty(t, r.UserErrors("saveSearch"))
	assert.Equal(t, []any{"PORT_LOGISTICS"}, r.Get("saveSearch.savedSearch.sectors"))
	r = e.do(t, req{query: save, token: partner, vars: map[string]any{"in": map[string]any{"investorId": inv, "name": " ", "query": "x"}}})
	assert.Equal(t, map[string]string{"input.name": "REQUIRED"}, r.UserErrors("saveSearch"))

	in := startupInput(demo.TaxCode("09", 778))
	in["name"], in["sectors"] = "Công ty CP Cảng Tự động Lạch Huyện", []string{"PORT_LOGISTICS"}
	r = e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": in}})
	require.Empty(t, r.UserErrors("createStartup"))
	id := r.Str("createStartup.startup.id")
	var n response
	eventually(t, func() bool {
		n = e.do(t, req{query: notificationsQuery, token: partner})
		return len(n.List("notifications.edges")) == 1
	}, "the investor is notified")
	assert.Equal(t, "SAVED_SEARCH_MATCH", n.Str("notifications.edges.0.node.kind"))
	assert.Equal(t, "Công ty CP Cảng Tự động Lạch Huyện khớp với tìm kiếm đã lưu “Cảng tự động”.", n.Str("notifications.edges.0.node.message"))
	assert.Equal(t, "Cảng tự động", n.Str("notifications.edges.0.node.savedSearch.name"))
	assert.Nil(t, n.Get("notifications.edges.0.node.readAt"))

	// A change to a startup already notified does not notify again; one that
	// does not match never notifies.
	r = e.do(t, req{query: updateStartup, token: admin, vars: map[string]any{"input": map[string]any{"id": id, "version": 1, "teamSize": 12}}})
	require.Empty(t, r.UserErrors("updateStartup"))
	other := startupInput(demo.TaxCode("09", 779))
	other["name"] = "Công ty CP Cảng Tự động Miền Núi" // not in PORT_LOGISTICS
	require.Empty(t, e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": other}}).UserErrors("createStartup"))
	time.Sleep(1500 * time.Millisecond) // a pass or two of the indexer
	assert.Len(t, e.do(t, req{query: notificationsQuery, token: partner}).List("notifications.edges"), 1)

	nid := n.Str("notifications.edges.0.node.id")
	const markRead = `mutation($id: ID!) { markNotificationRead(input: {id: $id}) { notification { readAt } userErrors { field code } } }`
	stranger := e.token(t, "INVESTOR", "someone", e.investorID(t, "Nguyễn Minh Anh"))
	r = e.do(t, req{query: markRead, token: stranger, vars: map[string]any{"id": nid}})
	assert.Equal(t, map[string]string{"input.id": "NOT_FOUND"}, r.UserErrors("markNotificationRead"))
	r = e.do(t, req{query: markRead, token: partner, vars: map[string]any{"id": nid}})
	require.Empty(t, r.UserErrors("markNotificationRead"))
	assert.NotNil(t, r.Get("markNotificationRead.notification.readAt"))
	assert.Empty(t, e.do(t, req{query: notificationsQuery, token: partner, vars: map[string]any{"unread": true}}).List("notifications.edges"))
	assert.Equal(t, "FORBIDDEN", e.do(t, req{query: notificationsQuery, token: admin}).Code("notifications"))
}

const contactQuery = `query($id: ID!) { node(id: $id) { ... on Startup { contact { email } financials { fundingNeedVnd } evidence { publicOffering } } } }`

const grant = `mutation($in: GrantDataRoomAccessInput!) { grantDataRoomAccess(input: $in) {
	grant { active expiresAt investor { name } } userErrors { field code message } } }`

func TestDataRoomGrantsAreCheckedOnEveryReadAndLogged(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	st := e.startupID(t, "Công ty CP Thanh toán Cảng")
	inv := e.investorID(t, "Quỹ Đầu tư Mạo hiểm Cảng Xanh")
	founder := e.token(t, "STARTUP_MEMBER", "founder-1", st)
	partner := e.token(t, "INVESTOR", "partner-1", inv)
	read := func() response {
		return e.do(t, req{query: contactQuery, token: partner, vars: map[string]any{"id": st}})
	}

	r0 := read()
	assert.Equal(t, "FORBIDDEN", r0.Code("node.contact"), "no grant, no access")
	assert.Equal(t, "FORBIDDEN", r0.Code("node.evidence"))

	r := e.do(t, req{query: grant, token: founder, vars: map[string]any{"in": map[string]any{
		"startupId": st, "investorId": inv, "expiresAt": testNow.Add(2 * time.Hour).Format(time.RFC3339)}}})
	require.Empty(t, r.UserErrors("grantDataRoomAccess"))
	assert.Equal(t, true, r.Get("grantDataRoomAccess.grant.active"))
	n := e.do(t, req{query: notificationsQuery, token: partner})
	require.Empty(t, n.Errors)
	assert.Equal(t, []any{map[string]any{"node": map[string]any{"id": n.Str("notifications.edges.0.node.id"), "kind": "DATA_ROOM_OPENED",
		"message": "Công ty CP Thanh toán Cảng đã mở phòng dữ liệu cho bạn đến 21/11/2026 11:00.",
		"readAt":  nil, "startup": map[string]any{"name": "Công ty CP Thanh toán Cảng"}, "savedSearch": nil}}},
		n.List("notifications.edges"), "the investor is told of the grant")
	n = e.do(t, req{query: notificationsQuery, token: partner, headers: map[string]string{"Accept-Language": "en"}})
	assert.Equal(t, "Công ty CP Thanh toán Cảng opened its data room to you until 21/11/2026 11:00.", n.Str("notifications.edges.0.node.message"))
	r = read()
	require.Empty(t, r.Errors)
	assert.NotEmpty(t, r.Str("node.contact.email"))
	assert.Positive(t, r.VND("node.financials.fundingNeedVnd"))
	e.do(t, req{query: contactQuery, token: founder, vars: map[string]any{"id": st}}) // members' reads are not data-room reads

	const logQuery = `query($id: ID!) { node(id: $id) { ... on Startup {
		dataRoomGrants { active investor { name } revokedAt }
		dataRoomAccessLog { edges { node { subject field investor { name } } } } } } }`
	l := e.do(t, req{query: logQuery, token: founder, vars: map[string]any{"id": st}})
	require.Empty(t, l.Errors)
	assert.ElementsMatch(t, []any{
		map[string]any{"node": map[string]any{"subject": "partner-1", "field": "contact", "investor": map[string]any{"name": "Quỹ Đầu tư Mạo hiểm Cảng Xanh"}}},
		map[string]any{"node": map[string]any{"subject": "partner-1", "field": "financials", "investor": map[string]any{"name": "Quỹ Đầu tư Mạo hiểm Cảng Xanh"}}},
		map[string]any{"node": map[string]any{"subject": "partner-1", "field": "evidence", "investor": map[string]any{"name": "Quỹ Đầu tư Mạo hiểm Cảng Xanh"}}},
	}, l.List("node.dataRoomAccessLog.edges"))
	assert.Equal(t, "FORBIDDEN", e.do(t, req{query: logQuery, token: partner, vars: map[string]any{"id": st}}).Code("node.dataRoomGrants"))

	// Revoked: denied at once.
	const revoke = `mutation($in: RevokeDataRoomAccessInput!) { revokeDataRoomAccess(input: $in) { grant { active revokedAt } userErrors { field code } } }`
	r = e.do(t, req{query: revoke, token: founder, vars: map[string]any{"in": map[string]any{"startupId": st, "investorId": inv}}})
	require.Empty(t, r.UserErrors("revokeDataRoomAccess"))
	assert.Equal(t, false, r.Get("revokeDataRoomAccess.grant.active"))
	assert.Equal(t, "FORBIDDEN", read().Code("node.contact"))
	r = e.do(t, req{query: revoke, token: founder, vars: map[string]any{"in": map[string]any{"startupId": st, "investorId": inv}}})
	assert.Equal(t, map[string]string{"input.investorId": "NOT_FOUND"}, r.UserErrors("revokeDataRoomAccess"))

	// Expired: denied from the moment it expires.
	r = e.do(t, req{query: grant, token: founder, vars: map[string]any{"in": map[string]any{
		"startupId": st, "investorId": inv, "expiresAt": testNow.Add(time.Hour).Format(time.RFC3339)}}})
	require.Empty(t, r.UserErrors("grantDataRoomAccess"))
	require.Empty(t, read().Errors)
	assert.Len(t, e.do(t, req{query: notificationsQuery, token: partner}).List("notifications.edges"), 2, "each grant is told of")
	r = e.do(t, req{query: grant, token: founder, vars: map[string]any{"in": map[string]any{
		"startupId": st, "investorId": inv, "expiresAt": testNow.Add(time.Hour).Format(time.RFC3339)}}})
	require.Empty(t, r.UserErrors("grantDataRoomAccess"))
	assert.Len(t, e.do(t, req{query: notificationsQuery, token: partner}).List("notifications.edges"), 2, "a retried grant is told of once")
	e.clock.Advance(time.Hour)
	partner, founder = e.token(t, "INVESTOR", "partner-1", inv), e.token(t, "STARTUP_MEMBER", "founder-1", st)
	assert.Equal(t, "FORBIDDEN", read().Code("node.contact"))

	// Wrong inputs and wrong callers.
	r = e.do(t, req{query: grant, token: founder, headers: map[string]string{"Accept-Language": "en"}, vars: map[string]any{"in": map[string]any{
		"startupId": st, "investorId": inv, "expiresAt": e.clock.Now().Add(-time.Minute).Format(time.RFC3339)}}})
	assert.Equal(t, map[string]string{"input.expiresAt": "INVALID_VALUE"}, r.UserErrors("grantDataRoomAccess"))
	assert.True(t, strings.HasPrefix(r.Str("grantDataRoomAccess.userErrors.0.message"), "The access must expire after now"))
	r = e.do(t, req{query: grant, token: partner, vars: map[string]any{"in": map[string]any{
		"startupId": st, "investorId": inv, "expiresAt": e.clock.Now().Add(5 * time.Hour).Format(time.RFC3339)}}})
	assert.Equal(t, "FORBIDDEN", r.Code("grantDataRoomAccess"), "an investor cannot grant itself access")
}

// TestARatedCafeMeetingMovesTheDeal: an investor meets a founder at a
// Startup Café; the investor's rating of the meeting puts the startup at
// MEETING in their pipeline with the rating and follow-up as a note, which a
// second rating replaces; the founder's rating, and a deal already further
// along, are left as they are.
func TestARatedCafeMeetingMovesTheDeal(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, func(in map[string]any) { in["requestMode"] = "AUTO_ACCEPT" })
	inv := e.investorID(t, "Quỹ Đầu tư Mạo hiểm Cảng Xanh")
	startup := e.startupID(t, "Công ty CP Cảng Số Hải Phòng")
	partner := func() string { return e.token(t, "INVESTOR", "partner-1", inv) } // the test moves the clock
	founder := func() string { return e.token(t, "STARTUP_MEMBER", "founder-1", startup) }
	r := m.register(t, partner(), "investor", "Cảng Xanh", nil)
	require.Empty(t, r.UserErrors("registerForEvent"))
	invParticipant := r.Str("registerForEvent.participant.id")
	r = m.register(t, founder(), "founder", "Cảng Số", nil)
	require.Empty(t, r.UserErrors("registerForEvent"))
	r = e.do(t, req{token: founder(), query: `mutation($in: RequestMeetingInput!) { requestMeeting(input: $in) { ` + requestFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"participantId": invParticipant, "message": "Xin gặp 15 phút"}}})
	require.Equal(t, "ACCEPTED", r.Str("requestMeeting.request.status"))
	r = e.do(t, req{token: founder(), query: `mutation($in: BookMeetingInput!) { bookMeeting(input: $in) { meeting { id } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"participantId": invParticipant, "slot": 1}}})
	require.Empty(t, r.UserErrors("bookMeeting"))
	meeting := r.Str("bookMeeting.meeting.id")

	rate := func(token string, rating int, followUp string) {
		t.Helper()
		r := e.do(t, req{token: token, query: `mutation($in: RateMeetingInput!) { rateMeeting(input: $in) { meeting { outcome } userErrors { field code } } }`,
			vars: map[string]any{"in": map[string]any{"id": meeting, "rating": rating, "followUp": followUp}}})
		require.Empty(t, r.Errors)
		require.Empty(t, r.UserErrors("rateMeeting"))
		require.Equal(t, "HELD", r.Str("rateMeeting.meeting.outcome"))
	}
	deals := func() []any {
		t.Helper()
		r := e.do(t, req{token: partner(), query: `query($id: ID!) { node(id: $id) { ... on Investor { deals { stage startup { name } history { stage by } notes { text by } } } } }`,
			vars: map[string]any{"id": inv}})
		require.Empty(t, r.Errors)
		return r.List("node.deals")
	}

	e.clock.Set(local(9, 16)) // the meeting's slot began at 09:15
	rate(founder(), 5, "Gửi hồ sơ gọi vốn")
	assert.Empty(t, deals(), "the founder's rating is theirs alone")
	rate(partner(), 4, "Gửi bản chào đầu tư")
	met := func(rating, followUp string) string {
		return "Gặp tại «Cà phê khởi nghiệp tháng 11» lúc 28/11/2026 09:15, đánh giá " + rating + "/5 · " +
			"Met at «Cà phê khởi nghiệp tháng 11» at 28/11/2026 09:15, rated " + rating + "/5" + followUp
	}
	assert.Equal(t, []any{map[string]any{"stage": "MEETING", "startup": map[string]any{"name": "Công ty CP Cảng Số Hải Phòng"},
		"history": []any{map[string]any{"stage": "MEETING", "by": "partner-1"}},
		"notes":   []any{map[string]any{"text": met("4", ". Gửi bản chào đầu tư"), "by": "partner-1"}}}}, deals())

	// Rated again: the note is replaced, not repeated; then, with the deal
	// moved on by hand, a rating leaves the stage.
	rate(partner(), 5, "Hẹn thẩm định tuần sau")
	d := deals()
	require.Len(t, d, 1)
	assert.Equal(t, []any{map[string]any{"text": met("5", ". Hẹn thẩm định tuần sau"), "by": "partner-1"}}, d[0].(map[string]any)["notes"])
	assert.Len(t, d[0].(map[string]any)["history"], 1)
	r = e.do(t, req{query: moveDeal, token: partner(), vars: map[string]any{"in": map[string]any{"investorId": inv, "startupId": startup, "stage": "DUE_DILIGENCE"}}})
	require.Empty(t, r.UserErrors("moveDeal"))
	rate(partner(), 5, "")
	d = deals()
	assert.Equal(t, "DUE_DILIGENCE", d[0].(map[string]any)["stage"])
	assert.Equal(t, []any{map[string]any{"text": met("5", ""), "by": "partner-1"}}, d[0].(map[string]any)["notes"])
}
