package app

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/auth"
)

// The home screen of each user group is one request over viewer: the
// documents below are the ones the closing note shows.
const (
	founderHome = `query FounderHome {
  viewer {
    user { name roles }
    organization { __typename ... on Startup { name viewerCanManage viewerCanApply } }
    applications(first: 10) { totalCount edges { node { status fundCall { title } history { to actor { name } } } } }
    events(first: 5) { totalCount }
    sandboxApplications(first: 5) { totalCount }
    deals { totalCount }
    notifications { totalCount }
  }
  fundCalls(first: 5, status: OPEN) { edges { node { title viewerCanApply viewerCanManage } } }
}`
	investorHome = `query InvestorHome {
  viewer {
    organization { __typename ... on Investor { name viewerCanManage } }
    deals(first: 20) { totalCount edges { node { stage startup { name } history { actor { subject } } } } }
    notifications(first: 5, unreadOnly: true) { totalCount edges { node { message } } }
    applications { totalCount }
  }
}`
	participantHome = `query ParticipantHome {
  viewer {
    events(first: 5) { totalCount edges { node { title viewerCanRegister
      myRegistration { status } myAgenda { status } myMeetingRequests { status to { name } } } } }
  }
}`
	incubatorHome = `query IncubatorHome {
  viewer {
    organization { __typename ... on Incubator { name viewerCanManage
      startups(first: 5) { totalCount }
      events(first: 5) { totalCount edges { node { title status viewerCanManage seatsTaken } } } } }
  }
}`
	reviewerHome = `query ReviewerHome {
  viewer {
    organization { __typename ... on Reviewer { name } }
    reviewAssignments(first: 10) { totalCount edges { node { status fundCall { title } } } }
  }
}`
	regulatorHome = `query RegulatorHome {
  viewer {
    organization { __typename ... on SandboxProgram { name viewerCanManage } }
    sandboxApplications(first: 10) { totalCount edges { node { status startup { name } } } }
  }
}`
)

func TestEachUserGroupsHomeIsOneRequest(t *testing.T) {
	t.Parallel()
	e, _ := contractEnv(t)
	w := worldOf(t, e)
	named := func(role, subject, org, name string) string {
		tok, err := e.signer.Issue(auth.Claims{Subject: subject, Name: name, Roles: []string{role}, Org: org}, e.clock.Now(), time.Hour)
		require.NoError(t, err)
		return tok
	}
	home := func(token, doc string) response {
		t.Helper()
		r := e.do(t, req{token: token, query: doc})
		require.Empty(t, r.Errors)
		return r
	}

	// A founder: their startup, its application with who moved it by name,
	// and the calls they may apply to. A founder has no deals, and that is
	// an empty list, not an error.
	founder := named("STARTUP_MEMBER", "founder-CatHai Wind", w.startup["CatHai Wind"], "Trần Thị Gió")
	r := home(founder, founderHome)
	assert.Equal(t, "Trần Thị Gió", r.Str("viewer.user.name"))
	assert.Equal(t, []any{"STARTUP_MEMBER"}, r.Get("viewer.user.roles"))
	assert.Equal(t, "Startup", r.Str("viewer.organization.__typename"))
	assert.Equal(t, true, r.Get("viewer.organization.viewerCanManage"))
	assert.Equal(t, true, r.Get("viewer.organization.viewerCanApply"))
	assert.Equal(t, 1, r.Num("viewer.applications.totalCount"))
	assert.Equal(t, "Trần Thị Gió", r.Str("viewer.applications.edges.0.node.history.0.actor.name"),
		"the user who submitted is named, as their latest sign-in named them")
	assert.Equal(t, 0, r.Num("viewer.deals.totalCount"))
	assert.Equal(t, 0, r.Num("viewer.notifications.totalCount"))
	assert.Equal(t, true, r.Get("fundCalls.edges.0.node.viewerCanApply"))
	assert.Equal(t, false, r.Get("fundCalls.edges.0.node.viewerCanManage"))
	r = home(w.manager(t), `{ fundCalls(first: 1, status: OPEN) { edges { node { viewerCanApply viewerCanManage } } } }`)
	assert.Equal(t, []any{false, true}, []any{r.Get("fundCalls.edges.0.node.viewerCanApply"), r.Get("fundCalls.edges.0.node.viewerCanManage")})

	// An investor: the pipeline and the saved search's notification.
	inv := e.investorID(t, "Quỹ Đầu tư Mạo hiểm Cảng Xanh")
	r = home(e.token(t, "INVESTOR", "partner-1", inv), investorHome)
	assert.Equal(t, "Investor", r.Str("viewer.organization.__typename"))
	assert.Equal(t, true, r.Get("viewer.organization.viewerCanManage"))
	assert.Equal(t, 1, r.Num("viewer.deals.totalCount"))
	assert.Equal(t, "CONTACTED", r.Str("viewer.deals.edges.0.node.stage"))
	assert.Equal(t, "partner-1", r.Str("viewer.deals.edges.0.node.history.0.actor.subject"))
	assert.Equal(t, 1, r.Num("viewer.notifications.totalCount"))
	assert.Equal(t, 0, r.Num("viewer.applications.totalCount"))

	// A participant: the events they registered for, each with their own
	// registration, agenda and requests.
	r = home(e.token(t, "STARTUP_MEMBER", "an", ""), participantHome)
	require.Equal(t, 1, r.Num("viewer.events.totalCount"))
	assert.Equal(t, "CONFIRMED", r.Str("viewer.events.edges.0.node.myRegistration.status"))
	assert.Equal(t, false, r.Get("viewer.events.edges.0.node.viewerCanRegister"), "already registered")
	assert.Equal(t, "PENDING", r.Str("viewer.events.edges.0.node.myMeetingRequests.0.status"))
	assert.NotNil(t, r.Get("viewer.events.edges.0.node.myAgenda"))

	// An incubator manager: the incubator, its startups and events.
	r = e.do(t, req{query: `{ incubators { id } }`})
	r = home(e.token(t, "INCUBATOR_MANAGER", "inc-manager", r.Str("incubators.0.id")), incubatorHome)
	assert.Equal(t, "Incubator", r.Str("viewer.organization.__typename"))
	assert.Equal(t, true, r.Get("viewer.organization.viewerCanManage"))
	assert.Positive(t, r.Num("viewer.organization.events.totalCount"))
	assert.Equal(t, true, r.Get("viewer.organization.events.edges.0.node.viewerCanManage"))

	// A reviewer: what they are assigned, in every call.
	appID := home(founder, `{ viewer { applications { edges { node { id } } } } }`).Str("viewer.applications.edges.0.node.id")
	r = e.do(t, req{token: w.manager(t), query: `mutation($in: AssignReviewersInput!) { assignReviewers(input: $in) { userErrors { field code } } }`,
		vars: map[string]any{"in": map[string]any{"applicationId": appID, "reviewerIds": []string{w.reviewer["reviewer-1"]}}}})
	require.Empty(t, r.UserErrors("assignReviewers"))
	r = home(w.reviewerToken(t, "reviewer-1"), reviewerHome)
	assert.Equal(t, "Reviewer", r.Str("viewer.organization.__typename"))
	assert.Equal(t, 1, r.Num("viewer.reviewAssignments.totalCount"))
	assert.Equal(t, 0, home(w.reviewerToken(t, "reviewer-2"), reviewerHome).Num("viewer.reviewAssignments.totalCount"))

	// A regulator: the programme's queue.
	r = e.do(t, req{query: `{ sandboxPrograms { id } }`})
	r = home(e.token(t, "REGULATOR", "sbv-1", r.Str("sandboxPrograms.0.id")), regulatorHome)
	assert.Equal(t, "SandboxProgram", r.Str("viewer.organization.__typename"))
	assert.Equal(t, true, r.Get("viewer.organization.viewerCanManage"))
	assert.Equal(t, 3, r.Num("viewer.sandboxApplications.totalCount"), "the one above and the demo's two")

	// Anonymous: no user, no organisation, empty lists.
	r = home("", `{ viewer { user { name } organization { __typename } applications { totalCount } events { totalCount } } }`)
	assert.Nil(t, r.Get("viewer.user"))
	assert.Nil(t, r.Get("viewer.organization"))
	assert.Equal(t, 0, r.Num("viewer.events.totalCount"))
}

// Lists that grow without bound page as connections: the pages of each
// cover the old plain list exactly, in its order, with the page info and
// count a client needs.
func TestListsThatGrowArePagedConnections(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.do(t, req{query: `{ incubators { id } events(first: 1) { edges { node { id incubator { id } } } } }`})
	require.Empty(t, r.Errors)
	eventID := r.Str("events.edges.0.node.id")
	manager := e.token(t, "INCUBATOR_MANAGER", "inc-manager", r.Str("events.edges.0.node.incubator.id"))
	for _, c := range []struct{ name, list, conn, path, node string }{
		{"incubators", `{ incubators { id } }`, `query($after: String) { incubatorsConnection(first: 2, after: $after) { %s } }`, "incubatorsConnection", "id"},
		{"participants", `query($id: ID!) { node(id: $id) { ... on Event { participants { id } } } }`,
			`query($id: ID!, $after: String) { node(id: $id) { ... on Event { participantsConnection(first: 7, after: $after) { %s } } } }`, "node.participantsConnection", "id"},
	} {
		t.Run(c.name, func(t *testing.T) {
			vars := map[string]any{"id": eventID}
			whole := e.do(t, req{token: manager, query: c.list, vars: vars})
			require.Empty(t, whole.Errors)
			var want []any
			for _, v := range whole.Data {
				if m, ok := v.(map[string]any); ok { // node { participants }
					v = m["participants"]
				}
				want, _ = v.([]any)
			}
			require.Greater(t, len(want), 2, "more than one page")
			sel := `totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ` + c.node + ` } }`
			var got []any
			var after any
			for page := 0; ; page++ {
				vars["after"] = after
				r := e.do(t, req{token: manager, query: fmt.Sprintf(c.conn, sel), vars: vars})
				require.Empty(t, r.Errors)
				assert.Equal(t, len(want), r.Num(c.path+".totalCount"))
				assert.Equal(t, page > 0, r.Get(c.path+".pageInfo.hasPreviousPage"))
				edges := r.List(c.path + ".edges")
				for _, ed := range edges {
					got = append(got, ed.(map[string]any)["node"])
				}
				if len(edges) > 0 {
					assert.Equal(t, edges[0].(map[string]any)["cursor"], r.Get(c.path+".pageInfo.startCursor"))
					assert.Equal(t, edges[len(edges)-1].(map[string]any)["cursor"], r.Get(c.path+".pageInfo.endCursor"))
				}
				if r.Get(c.path+".pageInfo.hasNextPage") != true {
					break
				}
				after = r.Get(c.path + ".pageInfo.endCursor")
			}
			assert.Equal(t, want, got)
		})
	}
}
