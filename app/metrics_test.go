package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/runs"
)

// scrape reads /metrics as Prometheus would.
func scrape(t testing.TB, e *env) map[string]*dto.MetricFamily {
	t.Helper()
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	require.Equal(t, http.StatusOK, w.Code)
	var p expfmt.TextParser
	families, err := p.TextToMetricFamilies(w.Body)
	require.NoError(t, err)
	return families
}

// sample is the counter value, or histogram sample count, of the series of
// family name with labels; -1 when there is none.
func sample(families map[string]*dto.MetricFamily, name string, labels map[string]string) float64 {
	f, ok := families[name]
	if !ok {
		return -1
	}
	for _, m := range f.GetMetric() {
		match := true
		for _, l := range m.GetLabel() {
			if want, ok := labels[l.GetName()]; ok && want != l.GetValue() {
				match = false
			}
		}
		if !match {
			continue
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue()
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount())
		case m.Gauge != nil:
			return m.Gauge.GetValue()
		}
	}
	return -1
}

func TestMetricsAfterAShortLoad(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, func(c *Config) { c.Metrics = true })
	for range 3 {
		require.Empty(t, e.do(t, req{query: `{ startups(first: 5) { edges { node { name } } } }`}).Errors)
	}
	assert.Equal(t, "UNAUTHENTICATED", e.do(t, req{query: `{ jobs { name } }`}).Code(""))
	_, err := e.app.jobs.RunAndWait(context.Background(), "close-due-calls", runs.Manual)
	require.NoError(t, err)
	m := newMeetup(t, e, nil)
	r := e.do(t, req{token: m.manager(t), query: `mutation($in: ScheduleEventMeetingsInput!) { scheduleEventMeetings(input: $in) { result { placed } } }`,
		vars: map[string]any{"in": map[string]any{"eventId": m.id}}})
	require.Empty(t, r.Errors)
	for range 2 {
		require.Empty(t, e.do(t, req{query: `{ search(query: "cang") { totalCount } }`}).Errors)
	}
	eventually(t, func() bool {
		return sample(scrape(t, e), "innoport_search_index_lag_seconds", nil) > 0
	}, "the indexer reports the lag of the seeded records")

	f := scrape(t, e)
	assert.Equal(t, 3.0, sample(f, "innoport_graphql_operations_total", map[string]string{"operation": "query:startups", "outcome": "ok"}))
	assert.Equal(t, 3.0, sample(f, "innoport_graphql_operation_duration_seconds", map[string]string{"operation": "query:startups"}))
	assert.Equal(t, 1.0, sample(f, "innoport_graphql_operations_total", map[string]string{"operation": "query:jobs", "outcome": "UNAUTHENTICATED"}))
	assert.Equal(t, 1.0, sample(f, "innoport_graphql_operations_total", map[string]string{"operation": "mutation:scheduleEventMeetings", "outcome": "ok"}))
	assert.GreaterOrEqual(t, sample(f, "innoport_store_commands_total", map[string]string{"collection": "startups", "command": "find", "outcome": "ok"}), 3.0)
	assert.GreaterOrEqual(t, sample(f, "innoport_store_command_duration_seconds", map[string]string{"collection": "event_boards", "command": "update"}), 1.0)
	assert.Equal(t, 1.0, sample(f, "innoport_job_runs_total", map[string]string{"job": "close-due-calls", "status": "SUCCEEDED"}))
	assert.Equal(t, 1.0, sample(f, "innoport_job_run_duration_seconds", map[string]string{"job": "close-due-calls"}))
	assert.Equal(t, 1.0, sample(f, "innoport_event_scheduling_duration_seconds", nil))
	assert.Equal(t, 2.0, sample(f, "innoport_search_query_duration_seconds", map[string]string{"engine": "bleve"}))
	assert.GreaterOrEqual(t, sample(f, "innoport_search_index_lag_seconds", nil), 48.0, "every seeded record: 34 startups, 2 calls, 6 investors, 6 mentors")
	assert.Greater(t, sample(f, "go_goroutines", nil), 0.0)
	assert.Greater(t, sample(f, "process_resident_memory_bytes", nil), 0.0)
}

func TestMetricsCanBeTurnedOff(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	assert.Equal(t, http.StatusNotFound, w.Code)
}
