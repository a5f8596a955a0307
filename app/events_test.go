package app

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/value"
)

// meetup is one published Startup Café of a demo incubator on Saturday 28
// November 2026, 08:00–12:00 in Hai Phong, with one session of 1:1
// meetings from 09:00 to 10:00 in four 15-minute slots.
type meetup struct {
	e         *env
	incubator string
	id        string
}

// local is a time of 28 November 2026 in Hai Phong.
func local(h, m int) time.Time { return time.Date(2026, 11, 28, h, m, 0, 0, value.Zone) }

func meetupInput(change func(map[string]any)) map[string]any {
	in := map[string]any{
		"kind": "STARTUP_CAFE", "title": "Cà phê khởi nghiệp tháng 11", "venue": "Trường Đại học Hàng hải Việt Nam",
		"start": local(8, 0), "end": local(12, 0), "capacity": 4, "waitlistCapacity": 2,
		"registrationOpens": testNow.Add(-time.Hour), "registrationCloses": local(7, 0),
		"participantTypes": []map[string]any{{"key": "founder"}, {"key": "investor"}, {"key": "expert", "needsApproval": true}},
		"sessions":         []map[string]any{{"start": local(9, 0), "end": local(10, 0)}},
		"slotMinutes":      15, "tables": []map[string]any{{"name": "A"}, {"name": "B"}},
		"maxMeetingsPerParticipant": 3,
		"canMeet":                   []map[string]any{{"a": "founder", "b": "investor"}, {"a": "founder", "b": "expert"}},
		"requestMode":               "APPROVAL", "requestTtlHours": 24,
	}
	if change != nil {
		change(in)
	}
	return in
}

const participantFields = `participant { id type name status waitlistPosition myMark } userErrors { field code message }`

func newMeetup(t testing.TB, e *env, change func(map[string]any)) *meetup {
	t.Helper()
	r := e.do(t, req{query: `{ incubators { id } }`})
	require.Empty(t, r.Errors)
	m := &meetup{e: e, incubator: r.Str("incubators.0.id")}
	r = e.do(t, req{token: m.manager(t), query: `mutation($in: CreateEventInput!) { createEvent(input: $in) { event { id status slots { index start } } userErrors { field code message } } }`,
		vars: map[string]any{"in": map[string]any{"incubatorId": m.incubator, "event": meetupInput(change)}}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("createEvent"))
	m.id = r.Str("createEvent.event.id")
	require.Equal(t, "DRAFT", r.Str("createEvent.event.status"))
	r = e.do(t, req{token: m.manager(t), query: `mutation($id: ID!) { publishEvent(input: {id: $id}) { event { status } userErrors { code } } }`,
		vars: map[string]any{"id": m.id}})
	require.Equal(t, "PUBLISHED", r.Str("publishEvent.event.status"))
	return m
}

func (m *meetup) manager(t testing.TB) string {
	return m.e.token(t, "INCUBATOR_MANAGER", "inc-manager", m.incubator)
}

// user returns a fresh token of a person with no organisation.
func (m *meetup) user(t testing.TB, subject string) string {
	return m.e.token(t, "STARTUP_MEMBER", subject, "")
}

func (m *meetup) register(t testing.TB, token, typ, name string, extra map[string]any) response {
	t.Helper()
	in := map[string]any{"eventId": m.id, "type": typ, "name": name}
	for k, v := range extra {
		in[k] = v
	}
	return m.e.do(t, req{token: token, query: `mutation($in: RegisterForEventInput!) { registerForEvent(input: $in) { ` + participantFields + ` } }`,
		vars: map[string]any{"in": in}})
}

// join registers a person and returns their participant ID.
func (m *meetup) join(t testing.TB, subject, typ string, extra map[string]any) string {
	t.Helper()
	r := m.register(t, m.user(t, subject), typ, subject, extra)
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("registerForEvent"))
	return r.Str("registerForEvent.participant.id")
}

func (m *meetup) myRegistration(t testing.TB, subject string) response {
	return m.e.do(t, req{token: m.user(t, subject), query: `query($id: ID!) { event(id: $id) { seatsTaken waitlisted myRegistration { id status waitlistPosition } } }`,
		vars: map[string]any{"id": m.id}})
}

func TestRegistrationWaitlistAndPromotion(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, nil)

	r := e.do(t, req{query: `query($id: ID!) { event(id: $id) { title status seatsTaken capacity } }`, vars: map[string]any{"id": m.id}})
	require.Equal(t, "PUBLISHED", r.Str("event.status"), "a published event is public")

	for _, who := range []string{"an", "binh", "chi", "dung"} {
		m.join(t, who, "founder", nil)
	}
	r = m.register(t, m.user(t, "an"), "founder", "An", nil)
	assert.Equal(t, map[string]string{"input": "ALREADY_REGISTERED"}, r.UserErrors("registerForEvent"))
	r = m.register(t, m.user(t, "em"), "astronaut", "Em", map[string]any{"unavailableSlots": []int{9}})
	assert.Equal(t, map[string]string{"input.type": "INVALID_VALUE", "input.unavailableSlots.0": "INVALID_VALUE"}, r.UserErrors("registerForEvent"))

	r = m.register(t, m.user(t, "em"), "founder", "Em", nil)
	assert.Equal(t, "WAITLISTED", r.Str("registerForEvent.participant.status"), "the event holds 4")
	assert.Equal(t, 1, r.Num("registerForEvent.participant.waitlistPosition"))
	r = m.register(t, m.user(t, "giang"), "founder", "Giang", nil)
	assert.Equal(t, 2, r.Num("registerForEvent.participant.waitlistPosition"))
	r = m.register(t, m.user(t, "hoa"), "founder", "Hoa", nil)
	assert.Equal(t, map[string]string{"input": "EVENT_FULL"}, r.UserErrors("registerForEvent"), "the waitlist holds 2")
	require.Contains(t, r.List("registerForEvent.userErrors")[0].(map[string]any)["message"], "danh sách chờ")

	r = e.do(t, req{token: m.user(t, "binh"), query: `mutation($in: ParticipantInput!) { cancelRegistration(input: $in) { ` + participantFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"eventId": m.id}}})
	require.Empty(t, r.UserErrors("cancelRegistration"))
	assert.Equal(t, "CANCELLED", r.Str("cancelRegistration.participant.status"))

	r = m.myRegistration(t, "em")
	assert.Equal(t, "CONFIRMED", r.Str("event.myRegistration.status"), "the first in line takes the freed seat")
	assert.Equal(t, 4, r.Num("event.seatsTaken"))
	assert.Equal(t, 1, r.Num("event.waitlisted"))
	r = m.myRegistration(t, "giang")
	assert.Equal(t, 1, r.Num("event.myRegistration.waitlistPosition"))

	// An expert waits for approval; a rejection gives the seat to the waitlist.
	r = e.do(t, req{token: m.user(t, "chi"), query: `mutation($in: ParticipantInput!) { cancelRegistration(input: $in) { ` + participantFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"eventId": m.id}}})
	require.Empty(t, r.UserErrors("cancelRegistration"))
	assert.Equal(t, "CONFIRMED", m.myRegistration(t, "giang").Str("event.myRegistration.status"))
	expert := m.register(t, m.user(t, "khanh"), "expert", "Khánh", nil)
	assert.Equal(t, "WAITLISTED", expert.Str("registerForEvent.participant.status"))
	r = e.do(t, req{token: m.user(t, "dung"), query: `mutation($in: ParticipantInput!) { cancelRegistration(input: $in) { ` + participantFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"eventId": m.id}}})
	require.Empty(t, r.UserErrors("cancelRegistration"))
	r = m.myRegistration(t, "khanh")
	assert.Equal(t, "PENDING_APPROVAL", r.Str("event.myRegistration.status"), "promoted, but experts need approval")
	decide := `mutation($in: DecideRegistrationInput!) { decideRegistration(input: $in) { ` + participantFields + ` } }`
	r = e.do(t, req{token: m.user(t, "an"), query: decide, vars: map[string]any{"in": map[string]any{"participantId": r.Str("event.myRegistration.id"), "approve": true}}})
	assert.Equal(t, "FORBIDDEN", r.Code("decideRegistration"), "only the organiser approves")
	r = e.do(t, req{token: m.manager(t), query: decide, vars: map[string]any{"in": map[string]any{"participantId": m.myRegistration(t, "khanh").Str("event.myRegistration.id"), "approve": true}}})
	assert.Equal(t, "CONFIRMED", r.Str("decideRegistration.participant.status"))

	// The manager sees every registration; a confirmed participant sees the confirmed ones.
	list := `query($id: ID!) { event(id: $id) { participants { name status } } }`
	assert.Len(t, e.do(t, req{token: m.manager(t), query: list, vars: map[string]any{"id": m.id}}).List("event.participants"), 7)
	assert.Len(t, e.do(t, req{token: m.user(t, "an"), query: list, vars: map[string]any{"id": m.id}}).List("event.participants"), 4)
	assert.Empty(t, e.do(t, req{query: list, vars: map[string]any{"id": m.id}}).List("event.participants"), "strangers see none")

	e.clock.Set(local(7, 0))
	r = m.register(t, m.user(t, "hoa"), "founder", "Hoa", nil)
	assert.Equal(t, map[string]string{"input": "REGISTRATION_CLOSED"}, r.UserErrors("registerForEvent"))
}

func TestCreateEventRefusesBadSettings(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := &meetup{e: e, incubator: e.do(t, req{query: `{ incubators { id } }`}).Str("incubators.0.id")}
	in := meetupInput(func(in map[string]any) {
		in["end"] = local(7, 0)
		in["capacity"] = 0
		in["sessions"] = []map[string]any{{"start": local(9, 0), "end": local(23, 0)}}
		in["canMeet"] = []map[string]any{{"a": "founder", "b": "dragon"}}
		in["tables"] = []map[string]any{{"name": "A"}, {"name": "A"}}
		in["requestTtlHours"] = 0
	})
	r := e.do(t, req{token: m.manager(t), query: `mutation($in: CreateEventInput!) { createEvent(input: $in) { event { id } userErrors { field code message } } }`,
		vars: map[string]any{"in": map[string]any{"incubatorId": m.incubator, "event": in}}})
	require.Empty(t, r.Errors)
	assert.Equal(t, map[string]string{
		"input.event.end": "INVALID_VALUE", "input.event.capacity": "INVALID_VALUE", "input.event.sessions.0": "INVALID_VALUE",
		"input.event.canMeet.0": "INVALID_VALUE", "input.event.tables.1.name": "INVALID_VALUE", "input.event.requestTtlHours": "INVALID_VALUE",
	}, r.UserErrors("createEvent"))
	other := e.token(t, "INCUBATOR_MANAGER", "other", "SW5jdWJhdG9yOm90aGVy") // Incubator:other
	r = e.do(t, req{token: other, query: `mutation($in: CreateEventInput!) { createEvent(input: $in) { event { id } } }`,
		vars: map[string]any{"in": map[string]any{"incubatorId": m.incubator, "event": meetupInput(nil)}}})
	assert.Equal(t, "FORBIDDEN", r.Code(""))
}

const requestFields = `request { id status from { name } to { name } preferredSlots { index } expiresAt } userErrors { field code message }`

func (m *meetup) requestMeeting(t testing.TB, subject, to string, preferred []int) response {
	return m.e.do(t, req{token: m.user(t, subject), query: `mutation($in: RequestMeetingInput!) { requestMeeting(input: $in) { ` + requestFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"participantId": to, "message": "Xin gặp 15 phút", "preferredSlots": preferred}}})
}

func (m *meetup) respond(t testing.TB, subject, id string, accept bool) response {
	return m.e.do(t, req{token: m.user(t, subject), query: `mutation($in: RespondToMeetingRequestInput!) { respondToMeetingRequest(input: $in) { ` + requestFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"id": id, "accept": accept}}})
}

func (m *meetup) mark(t testing.TB, subject, other, mark string) response {
	return m.e.do(t, req{token: m.user(t, subject), query: `mutation($in: MarkParticipantInput!) { markParticipant(input: $in) { ` + participantFields + ` } }`,
		vars: map[string]any{"in": map[string]any{"participantId": other, "mark": mark}}})
}

func (m *meetup) agenda(t testing.TB, subject string) response {
	r := m.e.do(t, req{token: m.user(t, subject), query: `query($id: ID!) { myAgenda(eventId: $id) { status ics items { with { name } meeting { id table slot { index start } source outcome } } } }`,
		vars: map[string]any{"id": m.id}})
	require.Empty(t, r.Errors)
	return r
}

func TestMeetingRequestsAcceptDeclineExpire(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, func(in map[string]any) { in["capacity"] = 10 })
	m.join(t, "an", "founder", nil)
	binh := m.join(t, "binh", "founder", nil)
	inv := m.join(t, "vc", "investor", nil)
	m.join(t, "chi", "founder", nil)
	expertReg := m.register(t, m.user(t, "expert"), "expert", "Chuyên gia", nil)
	expert := expertReg.Str("registerForEvent.participant.id")

	r := m.requestMeeting(t, "an", inv, []int{1, 2})
	require.Empty(t, r.UserErrors("requestMeeting"))
	assert.Equal(t, "PENDING", r.Str("requestMeeting.request.status"))
	reqID := r.Str("requestMeeting.request.id")
	r = m.requestMeeting(t, "an", inv, nil)
	assert.Equal(t, map[string]string{"input": "DUPLICATE_REQUEST"}, r.UserErrors("requestMeeting"))
	r = m.requestMeeting(t, "an", expert, nil)
	assert.Equal(t, map[string]string{"input": "CANNOT_MEET"}, r.UserErrors("requestMeeting"), "the expert is not approved yet")
	r = m.requestMeeting(t, "vc", inv, nil)
	assert.Equal(t, map[string]string{"input": "CANNOT_MEET"}, r.UserErrors("requestMeeting"), "nobody meets themselves")
	r = m.requestMeeting(t, "an", binh, []int{7})
	assert.Equal(t, map[string]string{"input": "CANNOT_MEET"}, r.UserErrors("requestMeeting"), "founders do not meet founders here")

	r = m.respond(t, "an", reqID, true)
	assert.Equal(t, "FORBIDDEN", r.Code(""), "only the recipient answers")
	r = m.respond(t, "vc", reqID, true)
	require.Empty(t, r.UserErrors("respondToMeetingRequest"))
	assert.Equal(t, "ACCEPTED", r.Str("respondToMeetingRequest.request.status"))
	ag := m.agenda(t, "an")
	require.Len(t, ag.List("myAgenda.items"), 1, "accepting books the first preferred slot")
	assert.Equal(t, 1, ag.Num("myAgenda.items.0.meeting.slot.index"))
	assert.Equal(t, local(9, 15).UTC().Format(time.RFC3339), ag.Str("myAgenda.items.0.meeting.slot.start"))
	assert.Equal(t, "vc", ag.Str("myAgenda.items.0.with.name"))

	// Binh asks, the investor says no thanks: the veto stops any meeting.
	r = m.requestMeeting(t, "binh", inv, nil)
	binhReq := r.Str("requestMeeting.request.id")
	r = m.mark(t, "vc", binh, "NO_THANKS")
	assert.Equal(t, "NO_THANKS", r.Str("markParticipant.participant.myMark"))
	r = m.respond(t, "vc", binhReq, true)
	assert.Equal(t, map[string]string{"input": "CANNOT_MEET"}, r.UserErrors("respondToMeetingRequest"))
	r = m.respond(t, "vc", binhReq, false)
	assert.Equal(t, "DECLINED", r.Str("respondToMeetingRequest.request.status"))

	// Chi's request is left unanswered past the event's 24 hours.
	r = m.requestMeeting(t, "chi", inv, nil)
	chiReq := r.Str("requestMeeting.request.id")
	e.clock.Set(testNow.Add(24 * time.Hour))
	r = m.respond(t, "vc", chiReq, true)
	assert.Equal(t, map[string]string{"input": "REQUEST_EXPIRED"}, r.UserErrors("respondToMeetingRequest"))
	r = e.do(t, req{token: m.user(t, "chi"), query: `query($id: ID!) { myMeetingRequests(eventId: $id) { status } }`, vars: map[string]any{"id": m.id}})
	assert.Equal(t, "EXPIRED", r.Str("myMeetingRequests.0.status"))
	r = m.requestMeeting(t, "chi", inv, nil)
	assert.Empty(t, r.UserErrors("requestMeeting"), "an expired request does not block a new one")

	r = e.do(t, req{token: m.manager(t), query: `query($id: ID!) { event(id: $id) { report { requests { status count } } } }`, vars: map[string]any{"id": m.id}})
	counts := map[string]int{}
	for _, c := range r.List("event.report.requests") {
		counts[c.(map[string]any)["status"].(string)] = int(c.(map[string]any)["count"].(float64))
	}
	assert.Equal(t, map[string]int{"PENDING": 1, "ACCEPTED": 1, "DECLINED": 1, "CANCELLED": 0, "EXPIRED": 1}, counts)
}

func TestConcurrentBookingsOfOneSlotExactlyOneWins(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, func(in map[string]any) {
		in["capacity"] = 20
		in["requestMode"] = "AUTO_ACCEPT"
		in["tables"] = []map[string]any{{"name": "A"}, {"name": "B"}}
		in["maxMeetingsPerParticipant"] = 0
	})
	investors := []string{m.join(t, "vc-0", "investor", nil), m.join(t, "vc-1", "investor", nil), m.join(t, "vc-2", "investor", nil),
		m.join(t, "vc-3", "investor", nil)}
	inv := investors[0]
	const founders = 8
	for i := range founders {
		who := fmt.Sprint("founder-", i)
		m.join(t, who, "founder", nil)
		for _, to := range investors {
			r := m.requestMeeting(t, who, to, nil)
			require.Equal(t, "ACCEPTED", r.Str("requestMeeting.request.status"), "auto-accept")
		}
	}
	book := func(who, with string, slot int) response {
		return e.do(t, req{token: m.user(t, who), query: `mutation($in: BookMeetingInput!) { bookMeeting(input: $in) { meeting { id table slot { index } } userErrors { field code message } } }`,
			vars: map[string]any{"in": map[string]any{"participantId": with, "slot": slot}}})
	}
	race := func(bookings ...func() response) (landed []response, refused []response) {
		var wg sync.WaitGroup
		results := make([]response, len(bookings))
		for i, b := range bookings {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = b()
			}()
		}
		wg.Wait()
		for _, r := range results {
			require.Empty(t, r.Errors)
			if r.Str("bookMeeting.meeting.id") != "" {
				landed = append(landed, r)
			} else {
				assert.Equal(t, map[string]string{"input.slot": "SLOT_TAKEN"}, r.UserErrors("bookMeeting"))
				refused = append(refused, r)
			}
		}
		return landed, refused
	}
	// Every founder books the same investor in slot 0 at once; two tables
	// are free, but the investor can be at one.
	var bookings []func() response
	for i := range founders {
		bookings = append(bookings, func() response { return book(fmt.Sprint("founder-", i), inv, 0) })
	}
	landed, refused := race(bookings...)
	assert.Len(t, landed, 1, "exactly one booking of the investor's slot lands")
	assert.Contains(t, refused[0].List("bookMeeting.userErrors")[0].(map[string]any)["message"], "không rảnh", "the person is taken")

	// Three pairs of different people, none met yet (whoever won slot 0 met
	// vc-0), race for slot 1, which has two tables.
	landed, refused = race(
		func() response { return book("founder-1", investors[1], 1) },
		func() response { return book("founder-2", investors[2], 1) },
		func() response { return book("founder-3", investors[3], 1) })
	assert.Len(t, landed, 2, "two tables, two meetings")
	assert.NotEqual(t, landed[0].Str("bookMeeting.meeting.table"), landed[1].Str("bookMeeting.meeting.table"))
	require.Len(t, refused, 1)
	assert.Contains(t, refused[0].List("bookMeeting.userErrors")[0].(map[string]any)["message"], "hết bàn", "every table is taken")

	r := e.do(t, req{token: m.manager(t), query: `query($id: ID!) { event(id: $id) { meetings { slot { index } table participants { id } } } }`, vars: map[string]any{"id": m.id}})
	assertNoDoubleBooking(t, r.List("event.meetings"), 1, 0)
	assert.Len(t, r.List("event.meetings"), 3)
}

// assertNoDoubleBooking fails when a person meets twice in one slot, a
// table hosts more than tableCapacity meetings in a slot, or anyone has
// more than max meetings (0: no maximum).
func assertNoDoubleBooking(t *testing.T, meetings []any, tableCapacity, maxMeetings int) {
	t.Helper()
	busy := map[string]bool{}
	tables := map[string]int{}
	count := map[string]int{}
	for _, x := range meetings {
		mt := x.(map[string]any)
		slot := fmt.Sprint(mt["slot"].(map[string]any)["index"])
		tables[slot+"/"+mt["table"].(string)]++
		assert.LessOrEqual(t, tables[slot+"/"+mt["table"].(string)], tableCapacity, "table %s over capacity in slot %s", mt["table"], slot)
		for _, p := range mt["participants"].([]any) {
			id := p.(map[string]any)["id"].(string)
			assert.False(t, busy[slot+"/"+id], "participant double-booked in slot %s", slot)
			busy[slot+"/"+id] = true
			count[id]++
			if maxMeetings > 0 {
				assert.LessOrEqual(t, count[id], maxMeetings, "participant over the maximum")
			}
		}
	}
}

func TestScheduleAgendaICSAndDayOf(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, func(in map[string]any) {
		in["capacity"] = 30
		in["maxMeetingsPerParticipant"] = 2
		in["requestMode"] = "AUTO_ACCEPT"
	})
	var founders, investors []string
	for i := range 6 {
		founders = append(founders, m.join(t, fmt.Sprint("f", i), "founder", map[string]any{
			"offers": "nền tảng logistics cảng biển", "seeks": "vốn đầu tư vòng hạt giống", "sectors": []string{"PORT_LOGISTICS"}}))
	}
	for i := range 3 {
		investors = append(investors, m.join(t, fmt.Sprint("v", i), "investor", map[string]any{
			"offers": "vốn đầu tư vòng hạt giống cho logistics", "seeks": "startup cảng biển", "sectors": []string{"PORT_LOGISTICS"},
			"unavailableSlots": []int{3}}))
	}
	// Every founder asks every investor: 18 wanted pairs for 3 investors
	// with at most 2 meetings each, two tables, four slots.
	for i := range founders {
		for _, inv := range investors {
			require.Empty(t, m.requestMeeting(t, fmt.Sprint("f", i), inv, nil).UserErrors("requestMeeting"))
		}
	}
	// f0 books v0 in slot 0 itself; v1 vetoes f1.
	r := e.do(t, req{token: m.user(t, "f0"), query: `mutation($in: BookMeetingInput!) { bookMeeting(input: $in) { meeting { id } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"participantId": investors[0], "slot": 0}}})
	require.Empty(t, r.UserErrors("bookMeeting"))
	booked := r.Str("bookMeeting.meeting.id")
	m.mark(t, "v1", founders[1], "NO_THANKS")

	schedule := `mutation($in: ScheduleEventMeetingsInput!) { scheduleEventMeetings(input: $in) { result { wanted placed weight meetings } userErrors { code } } }`
	r = e.do(t, req{token: m.user(t, "f0"), query: schedule, vars: map[string]any{"in": map[string]any{"eventId": m.id}}})
	assert.Equal(t, "FORBIDDEN", r.Code(""))
	r = e.do(t, req{token: m.manager(t), query: schedule, vars: map[string]any{"in": map[string]any{"eventId": m.id, "scope": "UNBOOKED_ONLY"}}})
	require.Empty(t, r.UserErrors("scheduleEventMeetings"))
	assert.Equal(t, 16, r.Num("scheduleEventMeetings.result.wanted"), "18 requests, less the booked pair and the veto")
	assert.Equal(t, 5, r.Num("scheduleEventMeetings.result.placed"), "3 investors × 2 meetings, one already booked")
	assert.Equal(t, 6, r.Num("scheduleEventMeetings.result.meetings"))

	meetings := `query($id: ID!) { event(id: $id) { agendaStatus meetings { id slot { index } table source participants { id } } } }`
	r = e.do(t, req{token: m.manager(t), query: meetings, vars: map[string]any{"id": m.id}})
	ms := r.List("event.meetings")
	assertNoDoubleBooking(t, ms, 1, 2)
	for _, x := range ms {
		mt := x.(map[string]any)
		ids := []string{mt["participants"].([]any)[0].(map[string]any)["id"].(string), mt["participants"].([]any)[1].(map[string]any)["id"].(string)}
		assert.False(t, (ids[0] == investors[1] || ids[1] == investors[1]) && (ids[0] == founders[1] || ids[1] == founders[1]), "the veto holds")
		if ids[0] != founders[0] && ids[1] != founders[0] || mt["id"] != booked {
			assert.NotEqual(t, 3, int(mt["slot"].(map[string]any)["index"].(float64)), "investors are away in slot 3")
		}
	}
	assert.Contains(t, fmt.Sprint(ms), booked, "UNBOOKED_ONLY keeps the booking")

	// Scheduled meetings reach agendas once published.
	ag := m.agenda(t, "v2")
	assert.Empty(t, ag.List("myAgenda.items"), "nothing before the agenda is published")
	r = e.do(t, req{token: m.manager(t), query: `mutation($in: PublishAgendaInput!) { publishAgenda(input: $in) { event { agendaStatus } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"eventId": m.id, "final": true}}})
	assert.Equal(t, "FINAL", r.Str("publishAgenda.event.agendaStatus"))
	ag = m.agenda(t, "v2")
	require.Len(t, ag.List("myAgenda.items"), 2)
	r = e.do(t, req{token: m.manager(t), query: schedule, vars: map[string]any{"in": map[string]any{"eventId": m.id, "scope": "ALL"}}})
	assert.Equal(t, map[string]string{"": "INVALID_TRANSITION"}, r.UserErrors("scheduleEventMeetings"), "a final agenda is not reshuffled")

	// The agenda as a calendar file, over HTTP, parsed back with the same library.
	hr := httptest.NewRequest(http.MethodGet, "/events/"+m.id+"/agenda.ics", nil)
	hr.Header.Set("Authorization", "Bearer "+m.user(t, "v2"))
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, hr)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "text/calendar; charset=utf-8", w.Header().Get("Content-Type"))
	assert.Equal(t, ag.Str("myAgenda.ics"), w.Body.String())
	cal, err := ics.ParseCalendar(strings.NewReader(w.Body.String()))
	require.NoError(t, err)
	entries := cal.Events()
	require.Len(t, entries, 3, "the event and two meetings")
	for i, item := range ag.List("myAgenda.items") {
		start, err := entries[i+1].GetStartAt()
		require.NoError(t, err)
		want, _ := time.Parse(time.RFC3339, item.(map[string]any)["meeting"].(map[string]any)["slot"].(map[string]any)["start"].(string))
		assert.True(t, start.Equal(want), "meeting %d starts at %s, the file says %s", i, want, start)
		assert.Contains(t, []int{9}, start.In(value.Zone).Hour(), "meetings are at 09:xx in Hai Phong")
		assert.Contains(t, entries[i+1].GetProperty(ics.ComponentPropertyDtStart).ICalParameters["TZID"], "Asia/Ho_Chi_Minh")
	}
	hr = httptest.NewRequest(http.MethodGet, "/events/"+m.id+"/agenda.ics", nil)
	w = httptest.NewRecorder()
	e.h.ServeHTTP(w, hr)
	assert.Equal(t, http.StatusUnauthorized, w.Code)

	// With meetings booked, texts may change but not the slots.
	update := func(change func(map[string]any)) response {
		v := e.do(t, req{token: m.manager(t), query: `query($id: ID!) { event(id: $id) { version } }`, vars: map[string]any{"id": m.id}})
		in := meetupInput(func(in map[string]any) {
			in["capacity"], in["maxMeetingsPerParticipant"], in["requestMode"] = 30, 2, "AUTO_ACCEPT"
			change(in)
		})
		return e.do(t, req{token: m.manager(t), query: `mutation($in: UpdateEventInput!) { updateEvent(input: $in) { event { title } userErrors { field code } } }`,
			vars: map[string]any{"in": map[string]any{"id": m.id, "version": v.Num("event.version"), "event": in}}})
	}
	r = update(func(in map[string]any) { in["title"] = "Cà phê khởi nghiệp tháng 11 (đổi phòng)" })
	require.Empty(t, r.UserErrors("updateEvent"))
	assert.Equal(t, "Cà phê khởi nghiệp tháng 11 (đổi phòng)", r.Str("updateEvent.event.title"))
	r = update(func(in map[string]any) { in["slotMinutes"] = 30 })
	assert.Equal(t, map[string]string{"input.event.sessions": "INVALID_VALUE"}, r.UserErrors("updateEvent"))

	// v2 edits their profile; a slot they meet in cannot become unavailable.
	updateReg := func(unavailable []int) response {
		return e.do(t, req{token: m.user(t, "v2"), query: `mutation($in: UpdateRegistrationInput!) { updateRegistration(input: $in) { participant { offers unavailableSlots } userErrors { field code } } }`,
			vars: map[string]any{"in": map[string]any{"eventId": m.id, "name": "v2", "offers": "vốn hạt giống, mạng lưới hãng tàu", "unavailableSlots": unavailable}}})
	}
	busySlot := int(ag.Get("myAgenda.items.0.meeting.slot.index").(float64))
	r = updateReg([]int{busySlot})
	assert.Equal(t, map[string]string{"input.unavailableSlots.0": "SLOT_TAKEN"}, r.UserErrors("updateRegistration"))
	r = updateReg([]int{3})
	require.Empty(t, r.UserErrors("updateRegistration"))
	assert.Equal(t, "vốn hạt giống, mạng lưới hãng tàu", r.Str("updateRegistration.participant.offers"))
	r = e.do(t, req{token: m.user(t, "f0"), query: `query($id: ID!) { event(id: $id) { participants(type: "investor") { name } } }`, vars: map[string]any{"id": m.id}})
	assert.Len(t, r.List("event.participants"), 3, "the marketplace filtered by type")

	// The day: check-in, a no-show, ratings and a follow-up, the report.
	e.clock.Set(local(9, 20))
	r = e.do(t, req{token: m.user(t, "v2"), query: `mutation($in: ParticipantInput!) { checkIn(input: $in) { participant { checkedInAt } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"eventId": m.id}}})
	require.Empty(t, r.UserErrors("checkIn"))
	assert.NotEmpty(t, r.Str("checkIn.participant.checkedInAt"))
	items := ag.List("myAgenda.items")
	first := items[0].(map[string]any)["meeting"].(map[string]any)
	second := items[1].(map[string]any)["meeting"].(map[string]any)
	rate := `mutation($in: RateMeetingInput!) { rateMeeting(input: $in) { meeting { outcome feedback { rating followUp } } userErrors { field code } } }`
	r = e.do(t, req{token: m.user(t, "v2"), query: rate, vars: map[string]any{"in": map[string]any{"id": first["id"], "rating": 6}}})
	assert.Equal(t, map[string]string{"input.rating": "INVALID_VALUE"}, r.UserErrors("rateMeeting"))
	r = e.do(t, req{token: m.user(t, "v2"), query: rate, vars: map[string]any{"in": map[string]any{"id": first["id"], "rating": 5, "followUp": "Gửi bản chào đầu tư"}}})
	require.Empty(t, r.UserErrors("rateMeeting"))
	assert.Equal(t, "HELD", r.Str("rateMeeting.meeting.outcome"))
	noShow := `mutation($in: MarkNoShowInput!) { markNoShow(input: $in) { meeting { outcome noShow { name } } userErrors { code } } }`
	r = e.do(t, req{token: m.user(t, "v2"), query: noShow, vars: map[string]any{"in": map[string]any{"id": second["id"]}}})
	if second["slot"].(map[string]any)["index"].(float64) >= 2 {
		assert.Equal(t, map[string]string{"": "INVALID_TRANSITION"}, r.UserErrors("markNoShow"), "not begun yet")
		e.clock.Set(local(9, 55))
		r = e.do(t, req{token: m.user(t, "v2"), query: noShow, vars: map[string]any{"in": map[string]any{"id": second["id"]}}})
	}
	require.Empty(t, r.UserErrors("markNoShow"))
	assert.Equal(t, "NO_SHOW", r.Str("markNoShow.meeting.outcome"))
	assert.NotEqual(t, "v2", r.Str("markNoShow.meeting.noShow.name"), "v2 marks the other side absent")

	r = e.do(t, req{token: m.manager(t), query: `query($id: ID!) { event(id: $id) { report { registrations { type status count } checkedIn meetings { outcome count } ratings averageRating followUps } } }`,
		vars: map[string]any{"id": m.id}})
	require.Empty(t, r.Errors)
	assert.Equal(t, 1, r.Num("event.report.checkedIn"))
	assert.Equal(t, 1, r.Num("event.report.ratings"))
	assert.InDelta(t, 5.0, r.Get("event.report.averageRating"), 1e-9)
	assert.Equal(t, 1, r.Num("event.report.followUps"))
	outcomes := map[string]int{}
	for _, c := range r.List("event.report.meetings") {
		outcomes[c.(map[string]any)["outcome"].(string)] = int(c.(map[string]any)["count"].(float64))
	}
	assert.Equal(t, map[string]int{"SCHEDULED": 4, "HELD": 1, "NO_SHOW": 1, "CANCELLED": 0}, outcomes)
	assert.Len(t, r.List("event.report.registrations"), 2, "founders and investors, all confirmed")
}

func TestRecommendationsExplainAndLeaveOutPeopleMetBefore(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	first := newMeetup(t, e, func(in map[string]any) { in["capacity"] = 10; in["requestMode"] = "AUTO_ACCEPT" })
	an := first.join(t, "an", "founder", map[string]any{"offers": "phần mềm quản lý kho bãi container", "seeks": "nhà đầu tư logistics cảng biển",
		"sectors": []string{"PORT_LOGISTICS"}})
	port := first.join(t, "port-vc", "investor", map[string]any{"offers": "đầu tư logistics cảng biển, kết nối hãng tàu",
		"seeks": "phần mềm container", "sectors": []string{"PORT_LOGISTICS"}})
	first.join(t, "med-vc", "investor", map[string]any{"offers": "đầu tư thiết bị y tế", "seeks": "chẩn đoán hình ảnh",
		"sectors": []string{"HEALTHTECH"}})
	first.requestMeeting(t, "an", port, []int{0})

	recs := `query($id: ID!) { node(id: $id) { ... on EventParticipant { recommendations(first: 5) { participant { name } score explanation { factor value contribution detail } } } } }`
	r := e.do(t, req{token: first.user(t, "an"), query: recs, vars: map[string]any{"id": an}})
	require.Empty(t, r.Errors)
	require.Len(t, r.List("node.recommendations"), 1, "the port investor is booked with An already")
	assert.Equal(t, "med-vc", r.Str("node.recommendations.0.participant.name"))
	// At the next event, the port investor ranks first.
	second := newMeetup(t, e, func(in map[string]any) {
		in["title"] = "Cà phê khởi nghiệp tháng 12"
		in["start"], in["end"] = local(8, 0).AddDate(0, 0, 14), local(12, 0).AddDate(0, 0, 14)
		in["registrationCloses"] = local(7, 0).AddDate(0, 0, 14)
		in["sessions"] = []map[string]any{{"start": local(9, 0).AddDate(0, 0, 14), "end": local(10, 0).AddDate(0, 0, 14)}}
		in["capacity"] = 10
	})
	an2 := second.join(t, "an", "founder", map[string]any{"offers": "phần mềm quản lý kho bãi container", "seeks": "nhà đầu tư logistics cảng biển",
		"sectors": []string{"PORT_LOGISTICS"}})
	second.join(t, "port-vc", "investor", map[string]any{"offers": "đầu tư logistics cảng biển, kết nối hãng tàu", "seeks": "phần mềm container",
		"sectors": []string{"PORT_LOGISTICS"}})
	second.join(t, "med-vc", "investor", map[string]any{"offers": "đầu tư thiết bị y tế", "seeks": "chẩn đoán hình ảnh", "sectors": []string{"HEALTHTECH"}})
	r = e.do(t, req{token: second.user(t, "an"), query: recs, vars: map[string]any{"id": an2}})
	require.Empty(t, r.Errors)
	require.Len(t, r.List("node.recommendations"), 2)
	assert.Equal(t, "port-vc", r.Str("node.recommendations.0.participant.name"))
	assert.Greater(t, r.Get("node.recommendations.0.score").(float64), r.Get("node.recommendations.1.score").(float64))
	sum := 0.0
	for _, c := range r.List("node.recommendations.0.explanation") {
		sum += c.(map[string]any)["contribution"].(float64)
	}
	assert.InDelta(t, r.Get("node.recommendations.0.score").(float64), sum, 1e-9, "the explanation adds up to the score")
	assert.Contains(t, fmt.Sprint(r.Get("node.recommendations.0.explanation")), "container", "the shared words are named")

	// With met-before exclusion on, the port investor met at the first event drops out.
	r = e.do(t, req{token: second.manager(t), query: `query($id: ID!) { event(id: $id) { version } }`, vars: map[string]any{"id": second.id}})
	in := meetupInput(nil)
	in["title"] = "Cà phê khởi nghiệp tháng 12"
	in["start"], in["end"] = local(8, 0).AddDate(0, 0, 14), local(12, 0).AddDate(0, 0, 14)
	in["registrationCloses"] = local(7, 0).AddDate(0, 0, 14)
	in["sessions"] = []map[string]any{{"start": local(9, 0).AddDate(0, 0, 14), "end": local(10, 0).AddDate(0, 0, 14)}}
	in["capacity"] = 10
	in["excludeMetBefore"] = true
	r = e.do(t, req{token: second.manager(t), query: `mutation($in: UpdateEventInput!) { updateEvent(input: $in) { event { excludeMetBefore } userErrors { field code } } }`,
		vars: map[string]any{"in": map[string]any{"id": second.id, "version": r.Num("event.version"), "event": in}}})
	require.Empty(t, r.UserErrors("updateEvent"))
	r = e.do(t, req{token: second.user(t, "an"), query: recs, vars: map[string]any{"id": an2}})
	require.Len(t, r.List("node.recommendations"), 1)
	assert.Equal(t, "med-vc", r.Str("node.recommendations.0.participant.name"))
	r = e.do(t, req{token: second.user(t, "med-vc"), query: recs, vars: map[string]any{"id": an2}})
	assert.Equal(t, "FORBIDDEN", r.Code(""), "only the participant and the organiser see their recommendations")
}

// The demo's Startup Café is open, its founders and investors registered;
// a founder's recommendations read the engine's score of their startup
// with each investor.
func TestDemoStartupCafeRecommendsWithTheEngine(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ events { edges { node { id title status seatsTaken incubator { name } slots { index } } } } }`})
	require.Empty(t, r.Errors)
	require.Len(t, r.List("events.edges"), 2, "the Startup Café two weeks ahead, and a matchmaking morning under way")
	assert.Equal(t, "PUBLISHED", r.Str("events.edges.0.node.status"))
	assert.Equal(t, 14, r.Num("events.edges.0.node.seatsTaken"), "6 investors and 8 founders")
	assert.Len(t, r.List("events.edges.0.node.slots"), 6)
	eventID := r.Str("events.edges.0.node.id")

	founder := e.token(t, "STARTUP_MEMBER", "demo-founder-0", "")
	r = e.do(t, req{token: founder, query: `query($id: ID!) { event(id: $id) { myRegistration { id name
		recommendations(first: 3) { participant { name type } score explanation { factor value detail } } } } }`, vars: map[string]any{"id": eventID}})
	require.Empty(t, r.Errors)
	assert.Equal(t, "PortSense", r.Str("event.myRegistration.name"))
	recs := r.List("event.myRegistration.recommendations")
	require.Len(t, recs, 3)
	top := recs[0].(map[string]any)
	assert.Equal(t, "investor", top["participant"].(map[string]any)["type"])
	scored := false
	for _, c := range top["explanation"].([]any) {
		c := c.(map[string]any)
		if c["factor"] == "PROFILE" && c["detail"] != "Tổ chức của hai bên chưa được chấm điểm" {
			scored = true
		}
	}
	assert.True(t, scored, "the engine scored PortSense with its top investor: %v", top)
}

func TestOrganiserFieldsAreForbiddenToOthersWithoutLosingTheEvent(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := newMeetup(t, e, nil)
	m.join(t, "an", "founder", nil)
	r := e.do(t, req{token: m.user(t, "an"), query: `query($id: ID!) { event(id: $id) { title meetings { id } report { checkedIn } } }`,
		vars: map[string]any{"id": m.id}})
	assert.Equal(t, "Cà phê khởi nghiệp tháng 11", r.Str("event.title"))
	assert.Nil(t, r.Get("event.meetings"))
	assert.Equal(t, "FORBIDDEN", r.Code("event.meetings"))
	assert.Equal(t, "FORBIDDEN", r.Code("event.report"))
	r = e.do(t, req{query: `query($id: ID!) { myAgenda(eventId: $id) { status } }`, vars: map[string]any{"id": m.id}})
	assert.Equal(t, "UNAUTHENTICATED", r.Code(""))
	r = e.do(t, req{token: m.user(t, "stranger"), query: `query($id: ID!) { myAgenda(eventId: $id) { status } }`, vars: map[string]any{"id": m.id}})
	assert.Equal(t, "NOT_FOUND", r.Code(""))
}

func TestDraftEventsStayWithTheirManagers(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	m := &meetup{e: e, incubator: e.do(t, req{query: `{ incubators { id } }`}).Str("incubators.0.id")}
	r := e.do(t, req{token: m.manager(t), query: `mutation($in: CreateEventInput!) { createEvent(input: $in) { event { id status } } }`,
		vars: map[string]any{"in": map[string]any{"incubatorId": m.incubator, "event": meetupInput(nil)}}})
	draft := r.Str("createEvent.event.id")
	require.Equal(t, "DRAFT", r.Str("createEvent.event.status"))
	list := `query($inc: ID) { events(incubatorId: $inc) { edges { node { id status } } } }`
	ids := func(r response) []string {
		var out []string
		for _, edge := range r.List("events.edges") {
			out = append(out, edge.(map[string]any)["node"].(map[string]any)["id"].(string))
		}
		return out
	}
	assert.Contains(t, ids(e.do(t, req{token: m.manager(t), query: list, vars: map[string]any{"inc": m.incubator}})), draft)
	assert.NotContains(t, ids(e.do(t, req{token: m.user(t, "an"), query: list, vars: map[string]any{"inc": m.incubator}})), draft)
	assert.NotContains(t, ids(e.do(t, req{query: list})), draft)
	r = e.do(t, req{query: `query($id: ID!) { event(id: $id) { id } }`, vars: map[string]any{"id": draft}})
	assert.Nil(t, r.Get("event"))
	r = e.do(t, req{token: m.user(t, "an"), query: `mutation($in: RegisterForEventInput!) { registerForEvent(input: $in) { userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"eventId": draft, "type": "founder", "name": "An"}}})
	assert.Equal(t, map[string]string{"": "NOT_FOUND"}, r.UserErrors("registerForEvent"), "a draft is not there for others")
}
