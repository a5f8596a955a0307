package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/auth"
)

// Tests of the defects found by trying the service from outside: each
// failed before its fix.

const submitWithTimes = `mutation($in: SubmitApplicationInput!) { submitApplication(input: $in) {
	application { id submittedAt history { at from to reason } } userErrors { field code message } } }`

// An idempotent replay answers exactly what the first request answered,
// and what a later read answers: times at the store's resolution.
func TestIdempotentReplayAnswersTheStoredApplication(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	callID := w.createCall(t, nil)
	w.e.clock.Set(testNow.Add(123456789 * time.Nanosecond)) // a time with nanoseconds, as the system clock has
	in := w.submission("CatHai Wind", "k-1", 1_000_000_000, callID, nil)
	first := w.e.do(t, req{token: w.member(t, "CatHai Wind"), query: submitWithTimes, vars: map[string]any{"in": in}})
	require.Empty(t, first.UserErrors("submitApplication"))
	replay := w.e.do(t, req{token: w.member(t, "CatHai Wind"), query: submitWithTimes, vars: map[string]any{"in": in}})
	require.Empty(t, replay.UserErrors("submitApplication"))
	assert.Equal(t, first.Get("submitApplication.application"), replay.Get("submitApplication.application"))
	read := w.e.do(t, req{token: w.member(t, "CatHai Wind"), query: `query($id: ID!) { application(id: $id) {
		id submittedAt history { at from to reason } } }`, vars: map[string]any{"id": first.Str("submitApplication.application.id")}})
	assert.Equal(t, first.Get("submitApplication.application"), read.Get("application"))
	assert.Equal(t, "2026-11-21T02:00:00.123Z", first.Str("submitApplication.application.submittedAt"))
}

// A key sent again with another request is refused, not answered with the
// application of the first.
func TestIdempotencyKeyReusedForAnotherRequestIsRefused(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	callID := w.createCall(t, nil)
	r := w.submit(t, "CatHai Wind", "k-2", 1_000_000_000, callID, nil)
	require.Empty(t, r.UserErrors("submitApplication"))
	r = w.submit(t, "CatHai Wind", "k-2", 1_500_000_000, callID, nil)
	assert.Equal(t, map[string]string{"input.idempotencyKey": "IDEMPOTENCY_KEY_REUSED"}, r.UserErrors("submitApplication"), "another amount")
	r = w.submit(t, "CatHai Wind", "k-2", 1_000_000_000, callID, []map[string]any{
		{"questionKey": "solution", "text": "Một giải pháp khác hẳn cho cảng."},
		{"questionKey": "readiness", "choices": []string{"Thí điểm"}},
	})
	assert.Equal(t, map[string]string{"input.idempotencyKey": "IDEMPOTENCY_KEY_REUSED"}, r.UserErrors("submitApplication"), "other answers")
	r = w.submit(t, "CatHai Wind", "k-2", 1_000_000_000, callID, nil)
	assert.Empty(t, r.UserErrors("submitApplication"), "the same request still replays")
}

// A scheduling run during the event places meetings only in slots that are
// not over, and a booking into a past slot is refused.
func TestSchedulingDuringTheEventSkipsSlotsThatAreOver(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, func(in map[string]any) {
		in["capacity"] = 10
		in["tables"] = []map[string]any{{"name": "A"}}
		in["requestMode"] = "AUTO_ACCEPT"
	})
	v := m.join(t, "v", "investor", nil)
	w := m.join(t, "w", "investor", nil)
	for _, f := range []string{"f", "g", "h"} {
		m.join(t, f, "founder", nil)
	}
	require.Empty(t, m.requestMeeting(t, "f", v, nil).UserErrors("requestMeeting"))
	require.Empty(t, m.requestMeeting(t, "g", v, nil).UserErrors("requestMeeting"))
	require.Empty(t, m.requestMeeting(t, "h", w, nil).UserErrors("requestMeeting"))

	e.clock.Set(local(9, 20)) // slot 0 (09:00–09:15) is over; slot 1 runs
	r := e.do(t, req{token: m.manager(t), query: `mutation($in: ScheduleEventMeetingsInput!) { scheduleEventMeetings(input: $in) { result { placed } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"eventId": m.id, "scope": "UNBOOKED_ONLY"}}})
	require.Empty(t, r.UserErrors("scheduleEventMeetings"))
	assert.Equal(t, 3, r.Num("scheduleEventMeetings.result.placed"), "three pairs fit slots 1–3 at one table")
	r = e.do(t, req{token: m.manager(t), query: `query($id: ID!) { event(id: $id) { meetings { slot { index } } } }`, vars: map[string]any{"id": m.id}})
	require.Len(t, r.List("event.meetings"), 3)
	for i := range r.List("event.meetings") {
		assert.GreaterOrEqual(t, r.Num(fmt.Sprintf("event.meetings.%d.slot.index", i)), 1, "nothing in the slot that is over")
	}

	// A booking into the slot that is over is refused, the table free or not.
	e.clock.Set(testNow)
	m2 := newMeetup(t, e, func(in map[string]any) { in["capacity"] = 10; in["requestMode"] = "AUTO_ACCEPT" })
	x := m2.join(t, "x", "investor", nil)
	m2.join(t, "y", "founder", nil)
	require.Empty(t, m2.requestMeeting(t, "y", x, nil).UserErrors("requestMeeting"))
	e.clock.Set(local(9, 20))
	book := `mutation($in: BookMeetingInput!) { bookMeeting(input: $in) { meeting { id } userErrors { field code } } }`
	r = e.do(t, req{token: m2.user(t, "y"), query: book, vars: map[string]any{"in": map[string]any{"participantId": x, "slot": 0}}})
	assert.Equal(t, map[string]string{"input.slot": "INVALID_VALUE"}, r.UserErrors("bookMeeting"))
	r = e.do(t, req{token: m2.user(t, "y"), query: book, vars: map[string]any{"in": map[string]any{"participantId": x, "slot": 2}}})
	assert.Empty(t, r.UserErrors("bookMeeting"), "a slot to come is bookable")
}

// A request left pending expires at the event's end when that comes before
// its time to live: in answers, in mutations and in the report.
func TestMeetingRequestsExpireAtTheEventsEnd(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, func(in map[string]any) { in["capacity"] = 10 }) // 24 h to answer; the event ends at 12:00
	m.join(t, "f", "founder", nil)
	v := m.join(t, "v", "investor", nil)
	e.clock.Set(local(11, 0))
	r := m.requestMeeting(t, "f", v, nil)
	require.Empty(t, r.UserErrors("requestMeeting"))
	id := r.Str("requestMeeting.request.id")
	assert.Equal(t, local(12, 0).UTC().Format(time.RFC3339), r.Str("requestMeeting.request.expiresAt"))

	e.clock.Set(local(12, 30))
	r = e.do(t, req{token: m.user(t, "f"), query: `query($id: ID!) { myMeetingRequests(eventId: $id) { status expiresAt } }`, vars: map[string]any{"id": m.id}})
	assert.Equal(t, "EXPIRED", r.Str("myMeetingRequests.0.status"))
	r = m.respond(t, "v", id, true)
	assert.Equal(t, map[string]string{"input": "REQUEST_EXPIRED"}, r.UserErrors("respondToMeetingRequest"))
	r = e.do(t, req{token: m.manager(t), query: `query($id: ID!) { event(id: $id) { report { requests { status count } } } }`, vars: map[string]any{"id": m.id}})
	counts := map[string]int{}
	for _, c := range r.List("event.report.requests") {
		counts[c.(map[string]any)["status"].(string)] = int(c.(map[string]any)["count"].(float64))
	}
	assert.Equal(t, 1, counts["EXPIRED"])
	assert.Equal(t, 0, counts["PENDING"])
}

// Malformed scalars are the client's INVALID_VALUE, in the client's
// language, never INTERNAL.
func TestMalformedScalarsAreInvalidValues(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	create := `mutation($in: CreateFundCallInput!) { createFundCall(input: $in) { fundCall { id } userErrors { code } } }`
	base := func(change func(map[string]any)) map[string]any {
		in := map[string]any{"fundId": w.fund, "title": "Kêu gọi", "opensAt": "2026-12-01T00:00:00Z", "closesAt": "2026-12-31T00:00:00Z",
			"budgetVnd": 1_000_000_000, "ticketMinVnd": 100_000_000, "ticketMaxVnd": 500_000_000, "sectors": []string{"PORT_LOGISTICS"},
			"rubric": map[string]any{"overallThreshold": 1, "criteria": []map[string]any{{"key": "a", "name": "A", "threshold": 1}}}}
		change(in)
		return in
	}
	for _, bad := range []string{"2026-13-01T00:00:00Z", "2030-01-01T00:00:00", "10000-01-01T00:00:00Z", "2026-12-01", "", "0000-01-01T00:00:00Z"} {
		for _, lang := range []string{"vi", "en"} {
			r := w.e.do(t, req{token: w.manager(t), headers: map[string]string{"Accept-Language": lang}, query: create,
				vars: map[string]any{"in": base(func(in map[string]any) { in["opensAt"] = bad })}})
			require.NotEmpty(t, r.Errors, bad)
			assert.Equal(t, "INVALID_VALUE", r.Code(""), "%q: %v", bad, r.Errors)
			if lang == "en" {
				assert.Contains(t, r.Errors[0].Message, "Invalid instant", bad)
			} else {
				assert.Contains(t, r.Errors[0].Message, "Thời điểm", bad)
			}
		}
	}
	r := w.e.do(t, req{token: w.manager(t), query: create,
		vars: map[string]any{"in": base(func(in map[string]any) { in["opensAt"] = 20261201 })}})
	assert.Equal(t, "INVALID_VALUE", r.Code(""), "a number is not an instant")
	// Inline in the document too, and the other scalars.
	r = w.e.do(t, req{token: w.manager(t), query: `{ fundCalls(first: 1) { edges { node { id } } } }`})
	require.Empty(t, r.Errors)
	for _, q := range []string{
		`mutation { createFundCall(input: {fundId: "` + w.fund + `", title: "x", opensAt: "2026-02-30T00:00:00Z", closesAt: "2026-12-31T00:00:00Z", budgetVnd: 1, ticketMinVnd: 1, ticketMaxVnd: 1, sectors: [PORT_LOGISTICS], rubric: {overallThreshold: 1, criteria: [{key: "a", name: "A", threshold: 1}]}}) { userErrors { code } } }`,
		`mutation { createFundCall(input: {fundId: "` + w.fund + `", title: "x", opensAt: "2026-12-01T00:00:00Z", closesAt: "2026-12-31T00:00:00Z", budgetVnd: 1.5, ticketMinVnd: 1, ticketMaxVnd: 1, sectors: [PORT_LOGISTICS], rubric: {overallThreshold: 1, criteria: [{key: "a", name: "A", threshold: 1}]}}) { userErrors { code } } }`,
		`mutation { createFundCall(input: {fundId: "` + w.fund + `", title: "x", opensAt: "2026-12-01T00:00:00Z", closesAt: "2026-12-31T00:00:00Z", budgetVnd: "12a", ticketMinVnd: 1, ticketMaxVnd: 1, sectors: [PORT_LOGISTICS], rubric: {overallThreshold: 1, criteria: [{key: "a", name: "A", threshold: 1}]}}) { userErrors { code } } }`,
	} {
		r := w.e.do(t, req{token: w.manager(t), query: q})
		assert.Equal(t, "INVALID_VALUE", r.Code(""), "%s: %v", q[:60], r.Errors)
	}
	admin := w.e.token(t, "ADMIN", "admin-1", "")
	r = w.e.do(t, req{token: admin, query: `mutation($in: CreateStartupInput!) { createStartup(input: $in) { startup { id } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"name": "Công ty X", "taxCode": "0100233488", "foundedOn": "2024-02-30", "ward": "Hải An",
			"sectors": []string{"PORT_LOGISTICS"}, "stage": "IDEA", "teamSize": 3, "contact": map[string]any{"email": "a@example.vn"}}}})
	assert.Equal(t, "INVALID_VALUE", r.Code(""), "%v", r.Errors)
}

// A confidential field of one item in a list is null with FORBIDDEN at its
// path; the page itself survives.
func TestForbiddenFieldsInListsLeaveThePage(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ investors(first: 2) { edges { node { id } } } }`})
	require.Empty(t, r.Errors)
	own := r.Str("investors.edges.0.node.id")
	tok := e.token(t, "INVESTOR", "other-investor", own)
	queries := map[string]string{
		"investors": `{ investors(first: 3) { edges { node { id name deals { stage } pipeline { stage } savedSearches { id } matches { score }
			dealFlow(first: 1) { totalCount } } } } }`,
		"startups":  `{ startups(first: 3) { edges { node { id name dataRoomGrants { grantedAt } dataRoomAccessLog { edges { cursor } } matches(kind: INVESTOR) { score } } } } }`,
		"fundCalls": `{ fundCalls(first: 3) { edges { node { id title ranking { entries { rank } } matches { score } } } } }`,
		"mentors":   `{ mentors(first: 3) { edges { node { id name matches { score } } } } }`,
	}
	for list, q := range queries {
		r := e.do(t, req{token: tok, query: q})
		require.NotNil(t, r.Data, "%s: %v", list, r.Errors)
		edges := r.List(list + ".edges")
		require.NotEmpty(t, edges, list)
		forbidden := 0
		for _, er := range r.Errors {
			assert.Equal(t, "FORBIDDEN", er.Extensions["code"], "%s: %v", list, er)
			assert.Equal(t, list, fmt.Sprint(er.Path[0]))
			forbidden++
		}
		assert.Positive(t, forbidden, list)
		for i := range edges {
			assert.NotEmpty(t, r.Str(fmt.Sprintf("%s.edges.%d.node.id", list, i)), list)
		}
	}
	// The investor's own fields stay readable beside them.
	r = e.do(t, req{token: tok, query: `query($id: ID!) { node(id: $id) { ... on Investor { deals { stage } pipeline { stage } } } }`,
		vars: map[string]any{"id": own}})
	assert.Empty(t, r.Errors)
	assert.NotNil(t, r.Get("node.pipeline"))
}

// Every request the transport cannot run gets a status, a stable code and
// a clean message: no panic, no echo of the body, no Go type names.
func TestTransportErrorsAreCoded(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	send := func(method, contentType, accept, body string) (int, http.Header, string) {
		hr := httptest.NewRequest(method, "/graphql", strings.NewReader(body))
		if contentType != "" {
			hr.Header.Set("Content-Type", contentType)
		}
		if accept != "" {
			hr.Header.Set("Accept", accept)
		}
		hr.Header.Set("Accept-Language", "en")
		w := httptest.NewRecorder()
		e.h.ServeHTTP(w, hr)
		return w.Code, w.Header(), w.Body.String()
	}
	for _, c := range []struct {
		method, contentType, body string
		status                    int
		code                      string
	}{
		{"POST", "application/json", `null`, 400, "BAD_REQUEST"},
		{"POST", "application/json", `[]`, 400, "BAD_REQUEST"},
		{"POST", "application/json", `[{"query":"{ sectors { sector } }"}]`, 400, "BAD_REQUEST"},
		{"POST", "application/json", ``, 400, "BAD_REQUEST"},
		{"POST", "application/json", `{"query": "{ sectors { sector } }"`, 400, "BAD_REQUEST"},
		{"POST", "application/json", `{"query": 1}`, 400, "BAD_REQUEST"},
		{"POST", "application/json", `{"qeury": "{ sectors { sector } }"}`, 400, "BAD_REQUEST"},
		{"POST", "application/json", `{"query": "{ sectors { sector } }", "variables": []}`, 400, "BAD_REQUEST"},
		{"POST", "application/json", `{"query": "{ sectors { sector } }", "operationName": 7}`, 400, "BAD_REQUEST"},
		{"POST", "text/plain", `{"query": "{ sectors { sector } }"}`, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"POST", "application/json; charset=latin1", `{"query": "{ sectors { sector } }"}`, 415, "UNSUPPORTED_MEDIA_TYPE"},
		{"PUT", "application/json", `{"query": "{ sectors { sector } }"}`, 405, "METHOD_NOT_ALLOWED"},
	} {
		status, header, body := send(c.method, c.contentType, "", c.body)
		name := c.method + " " + c.contentType + " " + c.body
		assert.Equal(t, c.status, status, name)
		var r response
		require.NoError(t, json.Unmarshal([]byte(body), &r), "%s: %s", name, body)
		assert.Equal(t, c.code, r.Code(""), name)
		assert.NotContains(t, body, "graphql.", name)
		assert.NotContains(t, body, "RawParams", name)
		if c.body != "" && len(c.body) > 4 {
			assert.NotContains(t, body, c.body, "%s: the body is not echoed", name)
		}
		assert.Equal(t, "nosniff", header.Get("X-Content-Type-Options"), name)
	}
	status, _, _ := send("POST", "application/json", "application/xml", `{"query": "{ sectors { sector } }"}`)
	assert.Equal(t, http.StatusNotAcceptable, status)

	// A document that does not parse or validate: 200 as application/json,
	// 400 without a data entry as application/graphql-response+json.
	for _, doc := range []string{`{`, `{ nosuchfield }`} {
		body, _ := json.Marshal(map[string]any{"query": doc})
		status, _, out := send("POST", "application/json", "application/json", string(body))
		assert.Equal(t, http.StatusOK, status, doc)
		assert.NotContains(t, out, `"data"`, doc)
		status, header, out := send("POST", "application/json", "application/graphql-response+json", string(body))
		assert.Equal(t, http.StatusBadRequest, status, doc)
		assert.Equal(t, "application/graphql-response+json; charset=utf-8", header.Get("Content-Type"))
		assert.NotContains(t, out, `"data"`, doc)
		assert.Contains(t, out, "GRAPHQL_", doc)
	}
}

// One request cannot starve the others: a thousand aliases are refused
// whatever they ask for, and so is an operation that costs too much.
func TestAliasAmplificationIsRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	many := func(n int, field string) string {
		var b strings.Builder
		b.WriteString("{")
		for i := range n {
			fmt.Fprintf(&b, " a%d: %s", i, field)
		}
		b.WriteString(" }")
		return b.String()
	}
	search := `search(query: "cang", first: 20) { totalCount edges { node { __typename } } }`
	counts := `screeningCounts(setKey: "innovative_startup_sme") { status count }`
	for _, field := range []string{search, counts} {
		r := e.do(t, req{token: admin, query: many(1000, field)})
		assert.Equal(t, "ALIAS_LIMIT_EXCEEDED", r.Code(""), field)
		assert.Nil(t, r.Data, "nothing ran")
	}
	// With the alias cap lifted, the cost limit holds on its own.
	loose := newEnvWith(t, func(c *Config) { c.MaxAliases = 100_000 })
	for _, field := range []string{search, counts} {
		r := loose.do(t, req{token: loose.token(t, "ADMIN", "admin-1", ""), query: many(1000, field)})
		assert.Equal(t, "COMPLEXITY_LIMIT_EXCEEDED", r.Code(""), field)
		assert.Contains(t, r.Errors[0].Message, "giới hạn 5.000")
	}
	// Within the limits every alias answers.
	r := e.do(t, req{token: admin, query: many(50, counts)})
	require.Empty(t, r.Errors)
	assert.Len(t, r.Data, 50)
	assert.NotEmpty(t, r.List("a49"), "the counts are there")
}

// Control characters, NUL bytes and broken UTF-8 are refused wherever text
// enters, at the field; paragraphs keep their line breaks and tabs.
func TestControlCharactersAndBrokenUTF8AreRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	create := `mutation($in: CreateStartupInput!) { createStartup(input: $in) { startup { id description } userErrors { field code } } }`
	input := func(name, description string) map[string]any {
		return map[string]any{"name": name, "taxCode": "0100233488", "foundedOn": "2024-05-10", "ward": "Hải An",
			"sectors": []string{"PORT_LOGISTICS"}, "stage": "IDEA", "teamSize": 3, "description": description,
			"contact": map[string]any{"email": "a@example.vn"}}
	}
	for _, c := range []struct{ name, description, field string }{
		{"Probe\u0000NUL", "", "input.name"},
		{"Công ty \u001b[31mĐỏ", "", "input.name"},
		{"Công ty X", "Mô tả \u0007 chuông", "input.description"},
		{"Công ty \u0085 X", "", "input.name"},
		{"Công ty \ufffd X", "", "input.name"},
	} {
		r := e.do(t, req{token: admin, query: create, vars: map[string]any{"in": input(c.name, c.description)}})
		require.NotEmpty(t, r.Errors, c.name)
		assert.Equal(t, "INVALID_VALUE", r.Code(""), c.name)
		assert.Equal(t, c.field, fmt.Sprint(strings.Join(toStrings(r.Errors[0].Extensions["field"]), ".")), c.name)
	}
	// Invalid UTF-8 in the body itself (the JSON decoder would turn it into U+FFFD).
	body := []byte(`{"query": "mutation($in: CreateStartupInput!) { createStartup(input: $in) { startup { id } } }", "variables": {"in": {"name": "Probe` + "\xff\xfe" + `", "taxCode": "0100233488", "foundedOn": "2024-05-10", "ward": "Hải An", "sectors": ["PORT_LOGISTICS"], "stage": "IDEA", "teamSize": 3, "contact": {"email": "a@example.vn"}}}}`)
	hr := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Authorization", "Bearer "+admin)
	hr.Header.Set("Accept-Language", "en")
	r := e.serve(t, hr)
	assert.Equal(t, "INVALID_VALUE", r.Code(""))
	assert.Contains(t, r.Errors[0].Message, "UTF-8")
	// Inline in a query, too.
	r = e.do(t, req{query: `{ search(query: "cang\u0000") { totalCount } }`})
	assert.Equal(t, "INVALID_VALUE", r.Code(""))
	// A name is one line; a description keeps its paragraphs.
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": input("Công ty\nHai dòng", "")}})
	assert.Equal(t, map[string]string{"input.name": "INVALID_VALUE"}, r.UserErrors("createStartup"))
	r = e.do(t, req{token: admin, query: create, vars: map[string]any{"in": input("Công ty Cảm biến", "Dòng một.\n\tDòng hai.")}})
	require.Empty(t, r.UserErrors("createStartup"))
	assert.Equal(t, "Dòng một.\n\tDòng hai.", r.Str("createStartup.startup.description"))
}

func toStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, len(l))
	for i, x := range l {
		out[i] = fmt.Sprint(x)
	}
	return out
}

// A participant's type follows from their roles: a founder cannot register
// as an investor; only the organisers give another type.
func TestParticipantTypeFollowsTheCallersRoles(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ events(first: 5) { edges { node { id incubator { id } participantTypes { key roles } } } } }`})
	require.Empty(t, r.Errors)
	eventID, incubator := r.Str("events.edges.0.node.id"), r.Str("events.edges.0.node.incubator.id")
	assert.Equal(t, []any{"INVESTOR"}, r.Get("events.edges.0.node.participantTypes.1.roles"))
	startups := e.do(t, req{query: `{ startups(first: 1) { edges { node { id } } } investors(first: 1) { edges { node { id } } } }`})
	founder := e.token(t, "STARTUP_MEMBER", "founder-probe", startups.Str("startups.edges.0.node.id"))
	investor := e.token(t, "INVESTOR", "investor-probe", startups.Str("investors.edges.0.node.id"))
	register := func(token string, typ any) response {
		in := map[string]any{"eventId": eventID, "name": "Người thử"}
		if typ != nil {
			in["type"] = typ
		}
		return e.do(t, req{token: token, query: `mutation($in: RegisterForEventInput!) { registerForEvent(input: $in) { participant { id type status } userErrors { field code message } } }`,
			vars: map[string]any{"in": in}})
	}
	r = register(founder, "investor")
	assert.Equal(t, map[string]string{"input.type": "INVALID_VALUE"}, r.UserErrors("registerForEvent"), "a founder is no investor")
	r = register(founder, nil)
	require.Empty(t, r.UserErrors("registerForEvent"))
	assert.Equal(t, "founder", r.Str("registerForEvent.participant.type"), "derived from the role")
	pid := r.Str("registerForEvent.participant.id")
	r = register(investor, nil)
	require.Empty(t, r.UserErrors("registerForEvent"))
	assert.Equal(t, "investor", r.Str("registerForEvent.participant.type"))
	r = register(e.token(t, "STARTUP_MEMBER", "student-probe", ""), "student")
	assert.Empty(t, r.UserErrors("registerForEvent"), "a type open to anyone")

	set := `mutation($in: SetParticipantTypeInput!) { setParticipantType(input: $in) { participant { type } userErrors { field code } } }`
	r = e.do(t, req{token: founder, query: set, vars: map[string]any{"in": map[string]any{"participantId": pid, "type": "investor"}}})
	assert.Equal(t, "FORBIDDEN", r.Code(""))
	organiser := e.token(t, "INCUBATOR_MANAGER", "inc-manager", incubator)
	r = e.do(t, req{token: organiser, query: set, vars: map[string]any{"in": map[string]any{"participantId": pid, "type": "expert"}}})
	require.Empty(t, r.UserErrors("setParticipantType"))
	assert.Equal(t, "expert", r.Str("setParticipantType.participant.type"))
	r = e.do(t, req{token: organiser, query: set, vars: map[string]any{"in": map[string]any{"participantId": pid, "type": "nobody"}}})
	assert.Equal(t, map[string]string{"input.type": "INVALID_VALUE"}, r.UserErrors("setParticipantType"))
}

// Messages write numbers as their language does, and a number out of range
// says the range.
func TestMessagesWriteNumbersPerLanguage(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	callID := w.createCall(t, nil)
	message := func(lang string, amount int64) string {
		r := w.e.do(t, req{token: w.member(t, "CatHai Wind"), headers: map[string]string{"Accept-Language": lang}, query: submit,
			vars: map[string]any{"in": w.submission("CatHai Wind", "n-"+lang, amount, callID, nil)}})
		return fmt.Sprint(r.List("submitApplication.userErrors"))
	}
	en := message("en", 10)
	assert.Contains(t, en, "between 500,000,000 VND and 2,000,000,000 VND")
	assert.NotContains(t, en, "₫")
	assert.Contains(t, message("vi", 10), "từ 500.000.000 ₫ đến 2.000.000.000 ₫")

	// A NUMBER question's range, in each language.
	r := w.e.do(t, req{token: w.manager(t), query: `mutation($in: CreateFundCallInput!) { createFundCall(input: $in) { fundCall { id } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"fundId": w.fund, "title": "Kêu gọi số", "opensAt": w.e.clock.Now().Add(-time.Hour).Format(time.RFC3339),
			"closesAt": w.e.clock.Now().Add(48 * time.Hour).Format(time.RFC3339), "budgetVnd": 1_000_000_000, "ticketMinVnd": 1, "ticketMaxVnd": 1_000_000_000,
			"sectors":   []string{"PORT_LOGISTICS", "GREEN_INDUSTRY_ENERGY", "MARINE_SCIENCE_TECH"},
			"questions": []map[string]any{{"key": "staff", "label": "Số nhân sự", "kind": "NUMBER", "required": true, "min": 1, "max": 1500.5}},
			"rubric":    map[string]any{"overallThreshold": 1, "criteria": []map[string]any{{"key": "a", "name": "A", "threshold": 1}}}}}})
	require.Empty(t, r.UserErrors("createFundCall"))
	numCall := r.Str("createFundCall.fundCall.id")
	r = w.e.do(t, req{token: w.manager(t), query: `mutation($in: FundCallActionInput!) { publishFundCall(input: $in) { userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"id": numCall, "version": 1}}})
	require.Empty(t, r.UserErrors("publishFundCall"))
	for lang, want := range map[string]string{"en": "from 1 to 1,500.5", "vi": "từ 1 đến 1.500,5"} {
		r = w.e.do(t, req{token: w.member(t, "CatHai Wind"), headers: map[string]string{"Accept-Language": lang}, query: submit,
			vars: map[string]any{"in": w.submission("CatHai Wind", "num-"+lang, 1000, numCall, []map[string]any{{"questionKey": "staff", "number": 9000}})}})
		assert.Contains(t, fmt.Sprint(r.List("submitApplication.userErrors")), want, lang)
	}
}

// An optional text with nothing in it is null, not "".
func TestEmptyOptionalTextsAreNull(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	callID := w.createCall(t, nil)
	r := w.submit(t, "CatHai Wind", "e-1", 1_000_000_000, callID, nil)
	require.Empty(t, r.UserErrors("submitApplication"))
	r = w.e.do(t, req{token: w.member(t, "CatHai Wind"), query: `query($id: ID!) { application(id: $id) {
		answers { questionKey text choices documentRef } history { from to reason } } }`,
		vars: map[string]any{"id": r.Str("submitApplication.application.id")}})
	require.Empty(t, r.Errors)
	answers := r.List("application.answers")
	require.Len(t, answers, 2)
	readiness := answers[1].(map[string]any)
	assert.Equal(t, "readiness", readiness["questionKey"])
	assert.Nil(t, readiness["text"], "a choice answer has no text")
	assert.Nil(t, readiness["documentRef"])
	assert.Nil(t, r.Get("application.history.0.reason"), "a submission without a reason")
	assert.Equal(t, "SUBMITTED", r.Str("application.history.0.to"))
}

// A token issued in the future is refused; every answer forbids sniffing.
func TestTokensFromTheFutureAreRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	future, err := e.signer.Issue(auth.Claims{Subject: "admin-1", Roles: []string{"ADMIN"}}, e.clock.Now().AddDate(1, 0, 0), 24*time.Hour)
	require.NoError(t, err)
	r := e.do(t, req{token: future, query: `{ viewer { subject } }`})
	assert.Equal(t, http.StatusUnauthorized, r.Status)
	assert.Equal(t, "UNAUTHENTICATED", r.Code(""))
	assert.Equal(t, "nosniff", r.Header.Get("X-Content-Type-Options"))
	r = e.do(t, req{token: e.token(t, "ADMIN", "admin-1", ""), query: `{ viewer { subject } }`})
	assert.Equal(t, "admin-1", r.Str("viewer.subject"))
	assert.Equal(t, "nosniff", r.Header.Get("X-Content-Type-Options"))
}

// The demo has an event under way today, so that check-in and rating can
// be tried at once: its meetings that have begun take ratings.
func TestDemoHasAnEventUnderWayToday(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ events { edges { node { id kind start end } } } }`})
	require.Empty(t, r.Errors)
	require.Len(t, r.List("events.edges"), 2)
	assert.Equal(t, "MATCHMAKING", r.Str("events.edges.1.node.kind"))
	start, err := time.Parse(time.RFC3339, r.Str("events.edges.1.node.start"))
	require.NoError(t, err)
	end, err := time.Parse(time.RFC3339, r.Str("events.edges.1.node.end"))
	require.NoError(t, err)
	assert.True(t, start.Before(e.clock.Now()) && end.After(e.clock.Now()), "under way at the demo's now")
	eventID := r.Str("events.edges.1.node.id")

	investor := e.token(t, "INVESTOR", "demo-investor-0", "")
	r = e.do(t, req{token: investor, query: `query($id: ID!) { myAgenda(eventId: $id) { items { meeting { id slot { start } } } } }`,
		vars: map[string]any{"id": eventID}})
	require.Empty(t, r.Errors)
	items := r.List("myAgenda.items")
	require.Len(t, items, 4)
	rated, refused := 0, 0
	for i := range items {
		id := r.Str(fmt.Sprintf("myAgenda.items.%d.meeting.id", i))
		rr := e.do(t, req{token: investor, query: `mutation($in: RateMeetingInput!) { rateMeeting(input: $in) { meeting { id } userErrors { code } } }`,
			vars: map[string]any{"in": map[string]any{"id": id, "rating": 4, "followUp": "Hẹn gặp lại tuần sau"}}})
		if len(rr.UserErrors("rateMeeting")) == 0 {
			rated++
		} else {
			refused++
		}
	}
	assert.Equal(t, 2, rated, "the meetings that have begun")
	assert.Equal(t, 2, refused, "the meetings to come")
	r = e.do(t, req{token: investor, query: `mutation($in: ParticipantInput!) { checkIn(input: $in) { participant { checkedInAt } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"eventId": eventID}}})
	require.Empty(t, r.UserErrors("checkIn"))
	assert.NotEmpty(t, r.Str("checkIn.participant.checkedInAt"), "check-in is open on the day")
}
