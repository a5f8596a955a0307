package app

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	coltracepb "go.opentelemetry.io/proto/otlp/collector/trace/v1"
	tracepb "go.opentelemetry.io/proto/otlp/trace/v1"
	"google.golang.org/protobuf/proto"
)

// collector is an in-process OTLP/HTTP trace receiver.
type collector struct {
	mu    sync.Mutex
	spans []*tracepb.Span
}

func (c *collector) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	var req coltracepb.ExportTraceServiceRequest
	if err != nil || proto.Unmarshal(body, &req) != nil {
		http.Error(w, "bad export", http.StatusBadRequest)
		return
	}
	c.mu.Lock()
	for _, rs := range req.GetResourceSpans() {
		for _, ss := range rs.GetScopeSpans() {
			c.spans = append(c.spans, ss.GetSpans()...)
		}
	}
	c.mu.Unlock()
	out, _ := proto.Marshal(&coltracepb.ExportTraceServiceResponse{})
	w.Header().Set("Content-Type", "application/x-protobuf")
	_, _ = w.Write(out)
}

// A GraphQL request's trace reaches an OTLP collector with the store's
// spans under the operation's, and without the inline values of the query.
// Not parallel: it sets the OTEL_* environment.
func TestATraceHasTheStoreSpansUnderTheOperation(t *testing.T) {
	col := &collector{}
	srv := httptest.NewServer(col)
	t.Cleanup(srv.Close) // after the service's own cleanup flushed its spans
	t.Setenv("OTEL_EXPORTER_OTLP_ENDPOINT", srv.URL)
	e := newEnvWith(t, func(c *Config) { c.Tracing = true })

	r := e.do(t, req{query: `query Page { startups(first: 3) { edges { node { name incubator { name } } } } }`})
	require.Empty(t, r.Errors)
	eventID := e.do(t, req{query: `{ events { edges { node { id } } } }`}).Str("events.edges.0.node.id")
	const secret = "Nguyễn Thị Bí Mật"
	r = e.do(t, req{token: e.token(t, "STARTUP_MEMBER", "someone", ""),
		query: `mutation Join { registerForEvent(input: {eventId: "` + eventID + `", type: "founder", name: "` + secret + `"}) { userErrors { code } } }`})
	require.Empty(t, r.Errors)
	require.Empty(t, e.do(t, req{query: `query Find { search(query: "cang") { totalCount } }`}).Errors)
	require.NoError(t, e.app.tracer.ForceFlush(context.Background()))

	col.mu.Lock()
	defer col.mu.Unlock()
	byID := map[string]*tracepb.Span{}
	for _, s := range col.spans {
		byID[string(s.GetSpanId())] = s
		for _, kv := range s.GetAttributes() {
			assert.NotContains(t, kv.GetValue().String(), secret, "span %q attribute %s", s.GetName(), kv.GetKey())
		}
	}
	root := func(s *tracepb.Span) *tracepb.Span {
		for len(s.GetParentSpanId()) > 0 && byID[string(s.GetParentSpanId())] != nil {
			s = byID[string(s.GetParentSpanId())]
		}
		return s
	}
	var underPage, underJoin, underFind int
	for _, s := range col.spans {
		if s.GetName() == "search query" && root(s).GetName() == "Find" {
			underFind++
		}
		if !strings.HasPrefix(s.GetName(), "find ") && !strings.HasPrefix(s.GetName(), "update ") && !strings.HasPrefix(s.GetName(), "insert ") {
			continue
		}
		top := root(s)
		assert.Equal(t, top.GetTraceId(), s.GetTraceId())
		switch top.GetName() {
		case "Page":
			underPage++
		case "Join":
			underJoin++
		}
	}
	assert.GreaterOrEqual(t, underPage, 2, "the page's finds of startups and incubators sit under its operation")
	assert.GreaterOrEqual(t, underJoin, 2, "the registration's reads and board write sit under its operation")
	assert.Equal(t, 1, underFind, "the search engine's query sits under its operation")
}
