package app

import (
	"context"
	"fmt"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// BenchmarkStartupsPage serves `startups(first: 50) { … incubator { name } }`
// through the HTTP handler on the embedded store, and reports its latency
// percentiles and store round trips per request. "demo" is the seeded data
// (34 startups); "city" adds firms up to Hai Phong's ~1,400 digital firms.
func BenchmarkStartupsPage(b *testing.B) {
	for _, size := range []struct {
		name  string
		extra int
	}{{"demo", 0}, {"city", 1400}} {
		b.Run(size.name, func(b *testing.B) {
			e := newEnv(b)
			addStartups(b, e, size.extra)
			latency(b, e, size.extra > 0)
		})
	}
}

// latency serves `startups(first: 50) { … incubator { name } }` in a loop
// and reports p50, p99 and store round trips per request; full asks for a
// full page of 50.
func latency(b *testing.B, e *env, full bool) {
	q := req{query: `{ startups(first: 50) { edges { node { name incubator { name } } } } }`}
	lat := make([]time.Duration, 0, 1024)
	trips := e.app.db.RoundTrips()
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		r := e.do(b, q)
		lat = append(lat, time.Since(start))
		if len(r.Errors) > 0 || len(r.List("startups.edges")) != 50 && full {
			b.Fatalf("unexpected response: %+v", r.Errors)
		}
	}
	b.StopTimer()
	reportLatency(b, lat, e.app.db.RoundTrips()-trips)
}

// reportLatency reports the p50 and p99 of lat and the store round trips
// per request.
func reportLatency(b *testing.B, lat []time.Duration, trips int64) {
	slices.Sort(lat)
	ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
	b.ReportMetric(float64(trips)/float64(len(lat)), "round-trips/op")
}

// BenchmarkObservabilityOverhead is BenchmarkStartupsPage on the demo data
// with Prometheus metrics and OpenTelemetry tracing (exported to an
// in-process OTLP collector) off and on: what they cost a request.
func BenchmarkObservabilityOverhead(b *testing.B) {
	for _, v := range []struct {
		name             string
		metrics, tracing bool
	}{{"off", false, false}, {"metrics", true, false}, {"metrics+tracing", true, true}} {
		b.Run(v.name, func(b *testing.B) {
			if v.tracing {
				srv := httptest.NewServer(&collector{})
				b.Cleanup(srv.Close) // after the service's own cleanup flushed its spans
				b.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", srv.URL)
			}
			latency(b, newEnvWith(b, func(c *Config) { c.Metrics, c.Tracing = v.metrics, v.tracing }), false)
		})
	}
}

// addStartups writes n more startups straight to the store, a third of them
// in the first demo incubator.
func addStartups(b *testing.B, e *env, n int) {
	b.Helper()
	ctx := context.Background()
	incs, err := e.app.repos.Incubators.All(ctx)
	require.NoError(b, err)
	now := e.clock.Now()
	for i := range n {
		p, err := firm.NewProfile(firm.Draft{
			Name: fmt.Sprintf("Doanh nghiệp số %d", i), TaxCode: demo.TaxCode("03", i), FoundedOn: "2022-06-01",
			Ward: "Lê Chân", Sectors: []string{"SOFTWARE_SAAS"}, Stage: "SEED", TeamSize: 5, Email: "a@b.vn",
		}, value.DateOf(now))
		require.NoError(b, err)
		if i%3 == 0 {
			p.IncubatorID = incs[0].ID
		}
		require.NoError(b, e.app.repos.Startups.Create(ctx, firm.Startup{Meta: record.New(now), Profile: p}))
	}
}

// BenchmarkSubmitApplication submits applications, each for a new startup
// (registered outside the timer), to an open call with the demo rules and
// form, through the HTTP handler on the embedded store; it reports latency
// percentiles of the submission alone.
func BenchmarkSubmitApplication(b *testing.B) {
	w := newWorld(b)
	callID := w.createCall(b, demoRules)
	admin := w.e.token(b, "ADMIN", "admin-1", "")
	var lat []time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		in := startupInput(demo.TaxCode("05", i))
		in["nameEn"] = fmt.Sprintf("Bench %d", i)
		r := w.e.do(b, req{query: createStartup, token: admin, vars: map[string]any{"input": in}})
		w.startup[in["nameEn"].(string)] = r.Str("createStartup.startup.id")
		b.StartTimer()
		start := time.Now()
		r = w.submit(b, in["nameEn"].(string), fmt.Sprint("bench-", i), 1_000_000_000, callID, nil)
		lat = append(lat, time.Since(start))
		if ue := r.UserErrors("submitApplication"); len(ue) > 0 || len(r.Errors) > 0 {
			b.Fatalf("submission refused: %v %v", ue, r.Errors)
		}
		i++
	}
	slices.Sort(lat)
	ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}

// BenchmarkHomeScreens serves each user group's home document (viewer_test.go)
// as its user on the demo data with a record of each kind, and reports p50
// and p99 per request and store round trips.
func BenchmarkHomeScreens(b *testing.B) {
	e, _ := contractEnv(b)
	w := worldOf(b, e)
	inv := e.investorID(b, "Quỹ Đầu tư Mạo hiểm Cảng Xanh")
	incs := e.do(b, req{query: `{ incubators { id } sandboxPrograms { id } }`})
	for _, h := range []struct{ name, token, doc string }{
		{"founder", w.member(b, "CatHai Wind"), founderHome},
		{"investor", e.token(b, "INVESTOR", "partner-1", inv), investorHome},
		{"participant", e.token(b, "STARTUP_MEMBER", "an", ""), participantHome},
		{"incubator", e.token(b, "INCUBATOR_MANAGER", "inc-manager", incs.Str("incubators.0.id")), incubatorHome},
		{"reviewer", w.reviewerToken(b, "reviewer-1"), reviewerHome},
		{"regulator", e.token(b, "REGULATOR", "sbv-1", incs.Str("sandboxPrograms.0.id")), regulatorHome},
	} {
		b.Run(h.name, func(b *testing.B) {
			q := req{token: h.token, query: h.doc}
			lat := make([]time.Duration, 0, 1024)
			trips := e.app.db.RoundTrips()
			for b.Loop() {
				start := time.Now()
				r := e.do(b, q)
				lat = append(lat, time.Since(start))
				if len(r.Errors) > 0 {
					b.Fatalf("unexpected response: %+v", r.Errors)
				}
			}
			b.StopTimer()
			reportLatency(b, lat, e.app.db.RoundTrips()-trips)
		})
	}
}

// BenchmarkNodes resolves every demo startup and incubator by ID in one
// nodes query, and reports latency and store round trips per request.
func BenchmarkNodes(b *testing.B) {
	e := newEnv(b)
	r := e.do(b, req{query: `{ startups(first: 100) { edges { node { id } } } incubators { id } }`})
	var ids []string
	for _, ed := range r.List("startups.edges") {
		ids = append(ids, ed.(map[string]any)["node"].(map[string]any)["id"].(string))
	}
	for _, inc := range r.List("incubators") {
		ids = append(ids, inc.(map[string]any)["id"].(string))
	}
	q := req{query: `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Listing { name } } }`, vars: map[string]any{"ids": ids}}
	lat := make([]time.Duration, 0, 1024)
	trips := e.app.db.RoundTrips()
	for b.Loop() {
		start := time.Now()
		r := e.do(b, q)
		lat = append(lat, time.Since(start))
		if len(r.Errors) > 0 || len(r.List("nodes")) != len(ids) {
			b.Fatalf("unexpected response: %+v", r.Errors)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(ids)), "ids")
	reportLatency(b, lat, e.app.db.RoundTrips()-trips)
}
