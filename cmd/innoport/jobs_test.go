package main

import (
	"bytes"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/search/bleve"
	"github.com/innoport/innoport/store/storetest"
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
		map[string]any{"name": "flag-sandbox-deadlines", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "score-matches", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "rescore-changed-matches", "schedule": "off", "lastRun": nil},
		map[string]any{"name": "reindex-search", "schedule": "off", "lastRun": nil},
	}, r.get("jobs"))

	open := e.do(t, req{token: admin, query: `{ fundCalls(status: OPEN) { edges { node { id } } } }`})
	require.NotEmpty(t, open.list("fundCalls.edges"), "the demo has open calls")
	e.clock.Set(e.clock.Now().AddDate(5, 0, 0)) // every deadline has passed
	admin = e.token(t, "ADMIN", "admin-1", "")

	const runJob = `mutation($n: String!) { runJob(input: {name: $n}) { jobRun { id job trigger instance status finishedAt } userErrors { field code message } } }`
	r = e.do(t, req{token: admin, query: runJob, vars: map[string]any{"n": "close-due-calls"}})
	require.Empty(t, r.Errors)
	require.Empty(t, r.userErrors("runJob"))
	assert.Equal(t, "RUNNING", r.str("runJob.jobRun.status"))
	assert.Equal(t, "MANUAL", r.str("runJob.jobRun.trigger"))
	assert.Equal(t, "test", r.str("runJob.jobRun.instance"))
	assert.Nil(t, r.get("runJob.jobRun.finishedAt"))
	id := r.str("runJob.jobRun.id")

	const history = `query($j: String!, $after: String) { jobRuns(job: $j, first: 1, after: $after) {
		edges { cursor node { id status stats error finishedAt } } pageInfo { hasNextPage endCursor } } }`
	require.Eventually(t, func() bool {
		h := e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "close-due-calls"}})
		return h.str("jobRuns.edges.0.node.status") == "SUCCEEDED"
	}, 10*time.Second, 20*time.Millisecond)
	h := e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "close-due-calls"}})
	assert.Equal(t, id, h.str("jobRuns.edges.0.node.id"))
	assert.Regexp(t, `^closed [1-9]\d* calls$`, h.str("jobRuns.edges.0.node.stats"))
	assert.Nil(t, h.get("jobRuns.edges.0.node.error"))
	assert.NotEmpty(t, h.str("jobRuns.edges.0.node.finishedAt"))
	open = e.do(t, req{token: admin, query: `{ fundCalls(status: OPEN) { edges { node { id } } } }`})
	assert.Empty(t, open.list("fundCalls.edges"), "the job closed every call past its deadline")

	// A second run pages behind the first, newest first.
	e.clock.Set(e.clock.Now().Add(time.Minute))
	r = e.do(t, req{token: admin, query: runJob, vars: map[string]any{"n": "close-due-calls"}})
	second := r.str("runJob.jobRun.id")
	require.Eventually(t, func() bool {
		h := e.do(t, req{token: admin, query: listJobs})
		return h.str("jobs.0.lastRun.id") == second && h.str("jobs.0.lastRun.status") == "SUCCEEDED"
	}, 10*time.Second, 20*time.Millisecond)
	h = e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "close-due-calls"}})
	assert.Equal(t, second, h.str("jobRuns.edges.0.node.id"))
	assert.Equal(t, true, h.get("jobRuns.pageInfo.hasNextPage"))
	h = e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "close-due-calls", "after": h.str("jobRuns.pageInfo.endCursor")}})
	assert.Equal(t, id, h.str("jobRuns.edges.0.node.id"))
	assert.Equal(t, false, h.get("jobRuns.pageInfo.hasNextPage"))

	r = e.do(t, req{token: admin, query: runJob, vars: map[string]any{"n": "nope"}})
	assert.Equal(t, map[string]string{"input.name": "NOT_FOUND"}, r.userErrors("runJob"))
	assert.Nil(t, r.get("runJob.jobRun"))
	r = e.do(t, req{token: admin, query: history, vars: map[string]any{"j": "nope"}})
	assert.Equal(t, "NOT_FOUND", r.code("jobRuns"))

	manager := e.token(t, "FUND_MANAGER", "fm-1", "")
	r = e.do(t, req{token: manager, query: runJob, vars: map[string]any{"n": "close-due-calls"}})
	assert.Equal(t, "FORBIDDEN", r.code("runJob"))
	assert.Equal(t, "FORBIDDEN", e.do(t, req{token: manager, query: listJobs}).code("jobs"))
	assert.Equal(t, "UNAUTHENTICATED", e.do(t, req{query: listJobs}).code("jobs"))
}

// TestJobsCommand runs a job from the command line against the service's
// store: the run is recorded where the API shows it.
func TestJobsCommand(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	dataDir := t.TempDir()
	getenv := envOf(map[string]string{"MONGODB_URI": storetest.URI(t), "INNOPORT_DB": e.app.cfg.DBName,
		"INNOPORT_JWT_SECRET": testSecret, "INNOPORT_INSTANCE": "cli", "INNOPORT_DATA_DIR": dataDir})
	cli := func(args ...string) (string, error) {
		var out, errOut bytes.Buffer
		err := run(t.Context(), append([]string{"jobs"}, args...), getenv, &out, &errOut)
		return out.String(), err
	}
	out, err := cli("run", "flag-sandbox-deadlines")
	require.NoError(t, err)
	assert.Regexp(t, `^flag-sandbox-deadlines SUCCEEDED \(run flag-sandbox-deadlines@\S+, \S+\): \d+ applications' flags changed\n$`, out)

	out, err = cli("list")
	require.NoError(t, err)
	assert.Regexp(t, `(?m)^flag-sandbox-deadlines\s+0 \* \* \* \*\s+SUCCEEDED\s+\S+\s+\d+ applications' flags changed$`, out)
	assert.Regexp(t, `(?m)^close-due-calls\s+\* \* \* \* \*\s+-\s+-\s*$`, out)

	admin := e.token(t, "ADMIN", "admin-1", "")
	r := e.do(t, req{token: admin, query: `{ jobRuns(job: "flag-sandbox-deadlines") { edges { node { instance trigger status } } } }`})
	assert.Equal(t, []any{map[string]any{"node": map[string]any{"instance": "cli", "trigger": "MANUAL", "status": "SUCCEEDED"}}},
		r.get("jobRuns.edges"))

	out, err = cli("run", "reindex-search")
	require.NoError(t, err, "the command opens the embedded index when nobody else has it")
	assert.Contains(t, out, "reindex-search SUCCEEDED")

	// While the service has the embedded index open, commands run without
	// it; the service indexes their writes.
	served, err := bleve.Open(filepath.Join(dataDir, "search"))
	require.NoError(t, err)
	defer served.Close()
	_, err = cli("list")
	require.NoError(t, err)
	out, err = cli("run", "reindex-search")
	assert.ErrorContains(t, err, "job reindex-search FAILED")
	assert.Contains(t, out, "run reindex-search there")

	_, err = cli("run", "nope")
	assert.ErrorContains(t, err, `no job "nope"`)
	_, err = cli()
	assert.ErrorContains(t, err, "usage: innoport jobs list | innoport jobs run NAME")
	_, err = cli("run")
	assert.ErrorContains(t, err, "usage:")
}
