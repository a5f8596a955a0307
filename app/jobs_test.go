package app

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOperatorsRunJobs: an admin lists the jobs, runs one now and follows
// its run to the outcome, which the data then shows; nobody else may.
func TestOperatorsRunJobs(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")
	const listJobs = `{ jobs { name schedule lastRun { id status } } }`
	r := e.do(t, req{token: admin, query: listJobs})
	require.Empty(t, r.Errors)
	assert.Equal(t, []any{
		map[string]any{"name": "close-due-calls", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "screen-innovative-enterprises", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "judge-incentives", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "flag-sandbox-deadlines", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "score-matches", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "rescore-changed-matches", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "score-transfer-matches", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "remind-transfer-registrations", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "publish-open-data", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "reindex-search", "schedule": "off", "lastRun": nil},
	}, r.Get("jobs"))

	open := e.do(t, req{token: admin, query: `{ fundCalls(status: OPEN) { edges { node { id } } } }`})
	require.NotEmpty(t, open.List("fundCalls.edges"), "the demo has open calls")
	e.clock.Set(e.clock.Now().AddDate(5, 0, 0)) // every deadline has passed
	admin = e.token(t, "ADMIN", "admin-1", "")

	const runJob = `mutation($n: String!) { runJob(input: {name: $n}) { jobRun { id job trigger instance status finishedAt } userErrors { field code message } } }`
	r = e.do(t, req{token: admin, query: runJob, vars: map[string]any{"n": "close-due-calls"}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.UserErrors("runJob"))
	assert.Equal(t, "RUNNING", r.Str("runJob.jobRun.status"))
	assert.Equal(t, "MANUAL", r.Str("runJob.jobRun.trigger"))
	assert.Equal(t, "test", r.Str("runJob.jobRun.instance"))
	assert.Nil(t, r.Get("runJob.jobRun.finishedAt"))
	id := r.Str("runJob.jobRun.id")

	const history = `query($j: String!, $after: String) { jobRuns(job: $j, first: 1, after: $after) {
		edges { cursor node { id status stats error finishedAt } } pageInfo { hasNextPage endCursor } } }`
	require.Eventually(t, func() bool {
		h := e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "close-due-calls"}})
		return h.Str("jobRuns.edges.0.node.status") == "SUCCEEDED"
	}, 10*time.Second, 20*time.Millisecond)
	h := e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "close-due-calls"}})
	assert.Equal(t, id, h.Str("jobRuns.edges.0.node.id"))
	assert.Regexp(t, `^closed [1-9]\d* calls$`, h.Str("jobRuns.edges.0.node.stats"))
	assert.Nil(t, h.Get("jobRuns.edges.0.node.error"))
	assert.NotEmpty(t, h.Str("jobRuns.edges.0.node.finishedAt"))
	open = e.do(t, req{token: admin, query: `{ fundCalls(status: OPEN) { edges { node { id } } } }`})
	assert.Empty(t, open.List("fundCalls.edges"), "the job closed every call past its deadline")

	// A second run pages behind the first, newest first.
	e.clock.Set(e.clock.Now().Add(time.Minute))
	r = e.do(t, req{token: admin, query: runJob, vars: map[string]any{"n": "close-due-calls"}})
	second := r.Str("runJob.jobRun.id")
	require.Eventually(t, func() bool {
		h := e.do(t, req{token: admin, query: listJobs})
		return h.Str("jobs.0.lastRun.id") == second && h.Str("jobs.0.lastRun.status") == "SUCCEEDED"
	}, 10*time.Second, 20*time.Millisecond)
	h = e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "close-due-calls"}})
	assert.Equal(t, second, h.Str("jobRuns.edges.0.node.id"))
	assert.Equal(t, true, h.Get("jobRuns.pageInfo.hasNextPage"))
	h = e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "close-due-calls", "after": h.Str("jobRuns.pageInfo.endCursor")}})
	assert.Equal(t, id, h.Str("jobRuns.edges.0.node.id"))
	assert.Equal(t, false, h.Get("jobRuns.pageInfo.hasNextPage"))

	r = e.do(t, req{token: admin, query: runJob, vars: map[string]any{"n": "nope"}})
	assert.Equal(t, map[string]string{"input.name": "NOT_FOUND"}, r.UserErrors("runJob"))
	assert.Nil(t, r.Get("runJob.jobRun"))
	r = e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "nope"}})
	assert.Equal(t, "NOT_FOUND", r.Code("jobRuns"))

	manager := e.token(t, "FUND_MANAGER", "fm-1", "")
	r = e.do(t, req{token: manager, query: runJob, vars: map[string]any{"n": "close-due-calls"}})
	assert.Equal(t, "FORBIDDEN", r.Code("runJob"))
	assert.Equal(t, "FORBIDDEN", e.do(t, req{token: manager, query: listJobs}).Code("jobs"))
	assert.Equal(t, "UNAUTHENTICATED", e.do(t, req{query: listJobs}).Code("jobs"))
}
