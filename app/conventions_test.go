package app

import (
	"testing"

	"github.com/innoport/innoport/graph"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every mutation takes one input object and answers the changed object;
// the old forms keep working while deprecated.
func TestMutationsTakeOneInputAndAnswerTheChange(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, func(in map[string]any) { in["capacity"] = 10 })
	const cancel = `mutation($in: EventActionInput, $id: ID) { cancelEvent(input: $in, id: $id) { event { id status } userErrors { field code } } }`
	r := e.do(t, req{token: m.manager(t), query: cancel})
	assert.Equal(t, map[string]string{"input": "INVALID_VALUE"}, r.UserErrors("cancelEvent"), "neither form")
	r = e.do(t, req{token: m.manager(t), query: cancel, vars: map[string]any{"in": map[string]any{"id": m.id}, "id": m.id}})
	assert.Equal(t, map[string]string{"input": "INVALID_VALUE"}, r.UserErrors("cancelEvent"), "both forms")

	// Accepting a request answers the meeting it booked.
	m.join(t, "an", "founder", nil)
	inv := m.join(t, "vc", "investor", nil)
	r = m.requestMeeting(t, "an", inv, []int{1})
	require.Empty(t, r.UserErrors("requestMeeting"))
	r = e.do(t, req{token: m.user(t, "vc"), query: `mutation($in: RespondToMeetingRequestInput!) { respondToMeetingRequest(input: $in) {
		request { status } meeting { id slot { index } participants { name } } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"id": r.Str("requestMeeting.request.id"), "accept": true}}})
	require.Empty(t, r.UserErrors("respondToMeetingRequest"))
	assert.Equal(t, "ACCEPTED", r.Str("respondToMeetingRequest.request.status"))
	assert.Equal(t, 1, r.Num("respondToMeetingRequest.meeting.slot.index"))
	assert.NotEmpty(t, r.Str("respondToMeetingRequest.meeting.id"))

	// Updates patch: a title alone changes the title and nothing else; a
	// change the booked meeting forbids is refused at the patch's field.
	const updateEvent = `mutation($in: UpdateEventInput!) { updateEvent(input: $in) { event { title capacity version } userErrors { field code } } }`
	v := e.do(t, req{token: m.manager(t), query: `query($id: ID!) { event(id: $id) { version } }`, vars: map[string]any{"id": m.id}}).Num("event.version")
	r = e.do(t, req{token: m.manager(t), query: updateEvent, vars: map[string]any{"in": map[string]any{"id": m.id, "version": v,
		"patch": map[string]any{"title": "Cà phê khởi nghiệp (đổi tên)"}}}})
	require.Empty(t, r.UserErrors("updateEvent"))
	assert.Equal(t, "Cà phê khởi nghiệp (đổi tên)", r.Str("updateEvent.event.title"))
	assert.Equal(t, 10, r.Num("updateEvent.event.capacity"), "what the patch leaves out stays")
	v = r.Num("updateEvent.event.version")
	r = e.do(t, req{token: m.manager(t), query: updateEvent, vars: map[string]any{"in": map[string]any{"id": m.id, "version": v,
		"patch": map[string]any{"slotMinutes": 30}}}})
	assert.Equal(t, map[string]string{"input.patch.sessions": "INVALID_VALUE"}, r.UserErrors("updateEvent"), "meetings are booked")
	r = e.do(t, req{token: m.manager(t), query: updateEvent, vars: map[string]any{"in": map[string]any{"id": m.id, "version": v,
		"patch": map[string]any{"title": "x"}, "event": meetupInput(nil)}}})
	assert.Equal(t, map[string]string{"input": "INVALID_VALUE"}, r.UserErrors("updateEvent"), "both forms")

	// The old form still cancels, by id alone.
	r = e.do(t, req{token: m.manager(t), query: cancel, vars: map[string]any{"id": m.id}})
	require.Empty(t, r.UserErrors("cancelEvent"))
	assert.Equal(t, "CANCELLED", r.Str("cancelEvent.event.status"))

	// runScreening takes the startups to screen, and reports a bad ID as a
	// userError.
	admin := e.token(t, "ADMIN", "admin-1", "")
	const run = `mutation($in: RunScreeningInput) { runScreening(input: $in) { firms userErrors { field code } } }`
	r = e.do(t, req{token: admin, query: run, vars: map[string]any{"in": map[string]any{"startupIds": []string{worldOf(t, e).startup["PortPay"]}}}})
	require.Empty(t, r.UserErrors("runScreening"))
	assert.Equal(t, 1, r.Num("runScreening.firms"))
	r = e.do(t, req{token: admin, query: run, vars: map[string]any{"in": map[string]any{"startupIds": []string{"nonsense"}}}})
	assert.Equal(t, map[string]string{"input.startupIds.0": "INVALID_VALUE"}, r.UserErrors("runScreening"))
	r = e.do(t, req{token: admin, query: run, vars: map[string]any{"in": map[string]any{"startupIds": []string{graph.GlobalID("Startup", "gone")}}}})
	assert.Equal(t, map[string]string{"input.startupIds.0": "NOT_FOUND"}, r.UserErrors("runScreening"))
	r = e.do(t, req{token: admin, query: run, vars: map[string]any{"in": map[string]any{"startupIds": []string{}}}})
	assert.Equal(t, map[string]string{"input.startupIds": "INVALID_VALUE"}, r.UserErrors("runScreening"), "an empty list is not every firm")

	// A status change is the step's own mutation; the generic one, kept
	// while deprecated, still works and still names its field.
	w := worldOf(t, e)
	callID := w.createCall(t, nil)
	app := w.submit(t, "CatHai Wind", "conv", 1_000_000_000, callID, nil).Str("submitApplication.application.id")
	const old = `mutation($in: TransitionApplicationInput!) { transitionApplication(input: $in) { application { status } userErrors { field code } } }`
	r = e.do(t, req{token: w.manager(t), query: old, vars: map[string]any{"in": map[string]any{"id": app, "to": "AWARDED", "version": 1}}})
	assert.Equal(t, map[string]string{"input.to": "INVALID_TRANSITION"}, r.UserErrors("transitionApplication"))
	r = e.do(t, req{token: w.manager(t), query: `mutation($in: ApplicationActionInput!) { awardApplication(input: $in) { userErrors { field code } } }`,
		vars: map[string]any{"in": map[string]any{"id": app, "version": 1}}})
	assert.Equal(t, map[string]string{"input": "INVALID_TRANSITION"}, r.UserErrors("awardApplication"))
	r = e.do(t, req{token: w.manager(t), query: old, vars: map[string]any{"in": map[string]any{"id": app, "to": "UNDER_REVIEW", "version": 1}}})
	require.Empty(t, r.UserErrors("transitionApplication"))
	assert.Equal(t, "UNDER_REVIEW", r.Str("transitionApplication.application.status"))

	// A draft starts with createApplication; submitApplication(draft:) is
	// the deprecated form and still makes one.
	r = e.do(t, req{token: w.member(t, "PortPay"), query: submit, vars: map[string]any{"in": map[string]any{
		"callId": callID, "startupId": w.startup["PortPay"], "idempotencyKey": "old", "requestedAmountVnd": "1000000000", "draft": true}}})
	require.Empty(t, r.UserErrors("submitApplication"))
	assert.Equal(t, "DRAFT", r.Str("submitApplication.application.status"))

	// Updates patch, and nest what create nests; null clears an ID.
	const update = `mutation($in: UpdateStartupInput!) { updateStartup(input: $in) {
		startup { version incubator { id } contact { email phone } financials { fundingNeedVnd } } userErrors { field code } } }`
	st := w.startup["PortPay"]
	r = e.do(t, req{token: admin, query: `query($id: ID!) { startup(id: $id) { version incubator { id } } }`, vars: map[string]any{"id": st}})
	require.NotEmpty(t, r.Str("startup.incubator.id"), "the demo startup has an incubator")
	version := r.Num("startup.version")
	r = e.do(t, req{token: admin, query: update, vars: map[string]any{"in": map[string]any{"id": st, "version": version,
		"contact": map[string]any{"email": "hello@portpay.vn"}, "contactEmail": "old@portpay.vn"}}})
	assert.Equal(t, map[string]string{"input.contact.email": "INVALID_VALUE"}, r.UserErrors("updateStartup"), "sent both ways")
	r = e.do(t, req{token: admin, query: update, vars: map[string]any{"in": map[string]any{"id": st, "version": version,
		"contact": map[string]any{"email": "hello@portpay.vn"}, "financials": map[string]any{"fundingNeedVnd": "9007199254740993"},
		"incubatorId": nil}}})
	require.Empty(t, r.UserErrors("updateStartup"))
	assert.Equal(t, "hello@portpay.vn", r.Str("updateStartup.startup.contact.email"))
	assert.NotEmpty(t, r.Str("updateStartup.startup.contact.phone"), "the phone, not sent, stays")
	assert.Equal(t, "9007199254740993", r.Str("updateStartup.startup.financials.fundingNeedVnd"))
	assert.Nil(t, r.Get("updateStartup.startup.incubator"), "null took it out of its incubator")
}

// Names align across the schema: filters take lists and call full text
// query, as search does; the old singular names and text still answer
// the same, and one field sent both ways is refused.
func TestFiltersShareTheirNames(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const q = `query($f: StartupFilter) { startups(first: 100, filter: $f) { totalCount edges { node { name } } } }`
	r := e.do(t, req{query: `{ incubators { id } }`})
	inc := r.Str("incubators.0.id")
	for _, c := range []struct{ now, old map[string]any }{
		{map[string]any{"stages": []string{"SEED"}}, map[string]any{"stage": "SEED"}},
		{map[string]any{"incubatorIds": []string{inc}}, map[string]any{"incubatorId": inc}},
		{map[string]any{"wards": []string{"Lê Chân"}}, map[string]any{"ward": "Lê Chân"}},
		{map[string]any{"query": "cang bien"}, map[string]any{"text": "cang bien"}},
	} {
		now := e.do(t, req{query: q, vars: map[string]any{"f": c.now}})
		old := e.do(t, req{query: q, vars: map[string]any{"f": c.old}})
		require.Empty(t, now.Errors)
		assert.Positive(t, now.Num("startups.totalCount"), "%v selects some demo startups", c.now)
		assert.Equal(t, now.Get("startups"), old.Get("startups"), "%v answers as %v", c.now, c.old)
	}
	r = e.do(t, req{query: q, vars: map[string]any{"f": map[string]any{"stage": "SEED", "stages": []string{"IDEA"}}}})
	assert.Equal(t, "INVALID_VALUE", r.Code("startups"))
	all := e.do(t, req{query: q}).Num("startups.totalCount")
	two := e.do(t, req{query: q, vars: map[string]any{"f": map[string]any{"stages": []string{"SEED", "IDEA"}}}}).Num("startups.totalCount")
	seed := e.do(t, req{query: q, vars: map[string]any{"f": map[string]any{"stages": []string{"SEED"}}}}).Num("startups.totalCount")
	assert.Greater(t, two, seed, "a list selects by any of its values")
	assert.Greater(t, all, two)
}

// A bad ID in a deprecated filter field is reported at that field.
func TestDeprecatedFilterFieldsKeepTheirErrorPaths(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ startups(filter: {incubatorId: "nonsense"}) { totalCount } }`})
	require.Len(t, r.Errors, 1)
	assert.Equal(t, "INVALID_VALUE", r.Code("startups"))
	assert.Equal(t, []any{"filter", "incubatorId"}, r.Errors[0].Extensions["field"])
}
