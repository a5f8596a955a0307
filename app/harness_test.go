package app

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/innoport/innoport/internal/apitest"

	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/jobs"
	"github.com/innoport/innoport/search/searchtest"
	"github.com/innoport/innoport/store/storetest"
)

// TestMain runs the tests on the embedded FerretDB (one per package) and
// stops the test Meilisearch after them.
func TestMain(m *testing.M) { storetest.Main(m, searchtest.Stop) }

const testSecret = "test-secret-0123456789abcdef0123456789"

// testNow is the clock of the tests: a Saturday morning in Hai Phong.
var testNow = time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC)

// env is one service instance on its own database, seeded with the demo data.
type env struct {
	app    *App
	h      http.Handler
	clock  *clock.Manual
	signer *auth.HS256
}

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvWith(t, nil)
}

// testConfig is the tests' configuration: a fresh database of the test
// store, scheduled jobs off (tests run them), introspection on.
func testConfig(t testing.TB) Config {
	return Config{
		MongoURI: storetest.URI(t), DBName: storetest.DBName(), JWTSecret: testSecret, Introspection: true,
		MaxBodyBytes: 1 << 20, MaxDepth: 12, MaxComplexity: 5000, MaxAliases: 50,
		CloseCallsSchedule: jobs.Off, ScreeningSchedule: jobs.Off, SandboxSchedule: jobs.Off, MatchesSchedule: jobs.Off, RemindersSchedule: jobs.Off, OpenDataSchedule: jobs.Off,
		ReindexSchedule: jobs.Off,
		MatchesK:        20,
		Instance:        "test", JobLeaseTTL: time.Minute,
	}
}

// newEnvWith is newEnv with the configuration changed by change first.
func newEnvWith(t testing.TB, change func(*Config)) *env {
	t.Helper()
	ctx := context.Background()
	cfg := testConfig(t)
	if change != nil {
		change(&cfg)
	}
	clk := clock.NewManual(testNow)
	a, err := New(ctx, cfg, clk, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})))
	require.NoError(t, err)
	t.Cleanup(func() {
		_ = a.db.Drop(ctx)
		a.Close(ctx)
	})
	require.NoError(t, a.SeedDemo(ctx))
	_, err = a.indexer.Repair(ctx) // in the foreground: tests search at once
	require.NoError(t, err)
	a.indexer.Start()
	return &env{app: a, h: a.Handler(), clock: clk, signer: a.signer}
}

// token signs a token for a user with one role, acting for org (a global ID or "").
func (e *env) token(t testing.TB, role, subject, org string) string {
	t.Helper()
	tok, err := e.signer.Issue(auth.Claims{Subject: subject, Roles: []string{role}, Org: org}, e.clock.Now(), time.Hour)
	require.NoError(t, err)
	return tok
}

// response is a decoded GraphQL response.
type response = apitest.Response

// req is a GraphQL request.
type req struct {
	query   string
	vars    map[string]any
	token   string
	headers map[string]string
}

// do posts a GraphQL request to the handler, as a client would.
func (e *env) do(t testing.TB, rq req) response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": rq.query, "variables": rq.vars})
	require.NoError(t, err)
	hr := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	hr.Header.Set("Content-Type", "application/json")
	if rq.token != "" {
		hr.Header.Set("Authorization", "Bearer "+rq.token)
	}
	for k, v := range rq.headers {
		hr.Header.Set(k, v)
	}
	return e.serve(t, hr)
}

func (e *env) serve(t testing.TB, hr *http.Request) response {
	t.Helper()
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, hr)
	var r response
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &r), "body: %s", w.Body.String())
	r.Status, r.Header = w.Code, w.Header()
	return r
}

// newEnvSigner signs a valid-looking token with another secret.
func newEnvSigner(secret string) (string, error) {
	s, err := auth.NewHS256([]byte(secret), time.Now)
	if err != nil {
		return "", err
	}
	return s.Issue(auth.Claims{Subject: "intruder", Roles: []string{"ADMIN"}}, testNow, time.Hour)
}
