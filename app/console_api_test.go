package app

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What the console's founder screens read: a startup's own applications,
// for those who manage it; FORBIDDEN at the field for anyone else.
func TestAStartupListsItsOwnApplications(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	callID := w.createCall(t, nil)
	require.Empty(t, w.submit(t, "CatHai Wind", "a-1", 1_000_000_000, callID, nil).UserErrors("submitApplication"))
	q := `query($id: ID!) { startup(id: $id) { name applications { totalCount edges { node { status fundCall { title } } } } } }`
	r := w.e.do(t, req{token: w.member(t, "CatHai Wind"), query: q, vars: map[string]any{"id": w.startup["CatHai Wind"]}})
	require.Empty(t, r.Errors)
	assert.Equal(t, 1, r.Num("startup.applications.totalCount"))
	assert.Equal(t, "SUBMITTED", r.Str("startup.applications.edges.0.node.status"))
	assert.Equal(t, "Kêu gọi thử nghiệm: công nghệ biển", r.Str("startup.applications.edges.0.node.fundCall.title"))

	r = w.e.do(t, req{token: w.member(t, "PortSense"), query: q, vars: map[string]any{"id": w.startup["CatHai Wind"]}})
	assert.Equal(t, "FORBIDDEN", r.Code("startup.applications"))
	assert.NotEmpty(t, r.Str("startup.name"), "the rest of the profile stays")
	r = w.e.do(t, req{token: w.member(t, "PortSense"), query: q, vars: map[string]any{"id": w.startup["PortSense"]}})
	require.Empty(t, r.Errors)
	assert.Equal(t, 0, r.Num("startup.applications.totalCount"))
}

// A participant leads to the startup or investor they registered for.
func TestParticipantsLeadToTheirStartupOrInvestor(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ events(first: 1) { edges { node { id } } } }`})
	founder := e.token(t, "STARTUP_MEMBER", "demo-founder-0", "")
	r = e.do(t, req{token: founder, query: `query($id: ID!) { event(id: $id) { participants { name type startup { name } investor { name } } } }`,
		vars: map[string]any{"id": r.Str("events.edges.0.node.id")}})
	require.Empty(t, r.Errors)
	startups, investors := 0, 0
	for i := range r.List("event.participants") {
		switch r.Str(fmt.Sprintf("event.participants.%d.type", i)) {
		case "founder":
			assert.NotEmpty(t, r.Str(fmt.Sprintf("event.participants.%d.startup.name", i)))
			assert.Nil(t, r.Get(fmt.Sprintf("event.participants.%d.investor", i)))
			startups++
		case "investor":
			assert.Equal(t, r.Str(fmt.Sprintf("event.participants.%d.name", i)), r.Str(fmt.Sprintf("event.participants.%d.investor.name", i)))
			investors++
		}
	}
	assert.Equal(t, 8, startups)
	assert.Equal(t, 6, investors)
}

// Founders hear of what others did with their startup: the fund moving an
// application, an investor reading the data room (once a day per investor).
func TestFoundersAreNotifiedOfApplicationMovesAndDataRoomReads(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	callID := w.createCall(t, nil)
	require.Empty(t, w.submit(t, "CatHai Wind", "a-1", 1_000_000_000, callID, nil).UserErrors("submitApplication"))
	founder := w.member(t, "CatHai Wind")
	const notes = `{ viewer { notifications { totalCount edges { node { kind message readAt application { id status } startup { name } } } } } }`
	r := w.e.do(t, req{token: founder, query: `{ viewer { applications { edges { node { id } } } } }`})
	appID := r.Str("viewer.applications.edges.0.node.id")
	assert.Equal(t, 0, w.e.do(t, req{token: founder, query: notes}).Num("viewer.notifications.totalCount"), "not of its own submission")

	r = w.e.do(t, req{token: w.manager(t), query: `mutation($in: AssignReviewersInput!) { assignReviewers(input: $in) { userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"applicationId": appID, "reviewerIds": []string{w.reviewer["reviewer-1"]}}}})
	require.Empty(t, r.UserErrors("assignReviewers"))
	require.Eventually(t, func() bool {
		return w.e.do(t, req{token: founder, query: notes}).Num("viewer.notifications.totalCount") == 1
	}, 10*time.Second, 50*time.Millisecond, "the move is told in the background")
	r = w.e.do(t, req{token: founder, query: notes, headers: map[string]string{"Accept-Language": "en"}})
	require.Empty(t, r.Errors)
	assert.Equal(t, "APPLICATION_STATUS_CHANGED", r.Str("viewer.notifications.edges.0.node.kind"))
	assert.Equal(t, "Your application to “Kêu gọi thử nghiệm: công nghệ biển” is now under review.", r.Str("viewer.notifications.edges.0.node.message"))
	assert.Equal(t, appID, r.Str("viewer.notifications.edges.0.node.application.id"))
	assert.Equal(t, 0, w.e.do(t, req{token: w.member(t, "PortSense"), query: notes}).Num("viewer.notifications.totalCount"), "another startup hears nothing")

	// An investor with a grant reads the data room twice: one notification.
	invID := w.e.do(t, req{query: `{ investors(first: 1) { edges { node { id } } } }`}).Str("investors.edges.0.node.id")
	r = w.e.do(t, req{token: founder, query: `mutation($in: GrantDataRoomAccessInput!) { grantDataRoomAccess(input: $in) { userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"startupId": w.startup["CatHai Wind"], "investorId": invID,
			"expiresAt": w.e.clock.Now().Add(30 * 24 * time.Hour).Format(time.RFC3339)}}})
	require.Empty(t, r.UserErrors("grantDataRoomAccess"))
	investor := w.e.token(t, "INVESTOR", "partner-1", invID)
	w.e.clock.Advance(time.Minute) // newest first is by time: the read comes after the move
	for range 2 {
		r = w.e.do(t, req{token: investor, query: `query($id: ID!) { startup(id: $id) { contact { email } } }`, vars: map[string]any{"id": w.startup["CatHai Wind"]}})
		require.Empty(t, r.Errors)
	}
	r = w.e.do(t, req{token: founder, query: notes})
	require.Equal(t, 2, r.Num("viewer.notifications.totalCount"))
	assert.Equal(t, "DATA_ROOM_READ", r.Str("viewer.notifications.edges.0.node.kind"))
	assert.Contains(t, r.Str("viewer.notifications.edges.0.node.message"), "đã xem phòng dữ liệu của bạn hôm nay")
	assert.Nil(t, r.Get("viewer.notifications.edges.0.node.application"))

	// The founder marks it read; the investor cannot reach it.
	id := w.e.do(t, req{token: founder, query: `{ notifications { edges { node { id } } } }`}).Str("notifications.edges.0.node.id")
	const markRead = `mutation($id: ID!) { markNotificationRead(input: { id: $id }) { notification { readAt } userErrors { field code } } }`
	assert.Equal(t, map[string]string{"input.id": "NOT_FOUND"}, w.e.do(t, req{token: investor, query: markRead, vars: map[string]any{"id": id}}).UserErrors("markNotificationRead"))
	r = w.e.do(t, req{token: founder, query: markRead, vars: map[string]any{"id": id}})
	require.Empty(t, r.UserErrors("markNotificationRead"))
	assert.NotEmpty(t, r.Str("markNotificationRead.notification.readAt"))
}
