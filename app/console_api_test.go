package app

import (
	"fmt"
	"testing"

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
