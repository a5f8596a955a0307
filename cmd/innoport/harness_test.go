package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/jobs"
	"github.com/innoport/innoport/search/searchtest"
	"github.com/innoport/innoport/store/storetest"
)

// TestMain runs the tests, or — with INNOPORT_TEST_MAIN=1 — the command
// itself, so that tests can start `innoport` processes from this binary.
func TestMain(m *testing.M) {
	if os.Getenv("INNOPORT_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	storetest.Main(m, searchtest.Stop)
}

const testSecret = "test-secret-0123456789abcdef0123456789"

// testNow is the clock of the tests: a Saturday morning in Hai Phong.
var testNow = time.Date(2026, 11, 21, 2, 0, 0, 0, time.UTC)

// env is one service instance on its own database, seeded with the demo data.
type env struct {
	app    *app
	h      http.Handler
	clock  *clock.Manual
	signer *auth.HS256
}

func newEnv(t testing.TB) *env {
	t.Helper()
	return newEnvWith(t, nil)
}

// newEnvWith is newEnv with the configuration changed by change first.
func newEnvWith(t testing.TB, change func(*Config)) *env {
	t.Helper()
	ctx := context.Background()
	cfg := Config{
		MongoURI: storetest.URI(t), DBName: storetest.DBName(), JWTSecret: testSecret, Introspection: true,
		MaxBodyBytes: 1 << 20, MaxDepth: 12, MaxComplexity: 5000, MaxAliases: 50,
		CloseCallsSchedule: jobs.Off, ScreeningSchedule: jobs.Off, SandboxSchedule: jobs.Off, MatchesSchedule: jobs.Off,
		ReindexSchedule: jobs.Off,
		MatchesK:        20,
		Instance:        "test", JobLeaseTTL: time.Minute,
	}
	if change != nil {
		change(&cfg)
	}
	clk := clock.NewManual(testNow)
	a, err := openApp(ctx, cfg, clk, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})))
	require.NoError(t, err)
	t.Cleanup(func() {
		_ = a.db.Drop(ctx)
		a.close(ctx)
	})
	require.NoError(t, a.seedDemo(ctx))
	_, err = a.indexer.Repair(ctx) // in the foreground: tests search at once
	require.NoError(t, err)
	a.indexer.Start()
	return &env{app: a, h: a.routes(), clock: clk, signer: a.signer}
}

// token signs a token for a user with one role, acting for org (a global ID or "").
func (e *env) token(t testing.TB, role, subject, org string) string {
	t.Helper()
	tok, err := e.signer.Issue(auth.Claims{Subject: subject, Roles: []string{role}, Org: org}, e.clock.Now(), time.Hour)
	require.NoError(t, err)
	return tok
}

// gqlError is one entry of a GraphQL response's errors.
type gqlError struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// response is a decoded GraphQL response.
type response struct {
	status int
	header http.Header
	Data   map[string]any `json:"data"`
	Errors []gqlError     `json:"errors"`
}

// code returns the extensions.code of the error at path ("" for the first error).
func (r response) code(path string) string {
	for _, e := range r.Errors {
		if path == "" || pathString(e.Path) == path {
			c, _ := e.Extensions["code"].(string)
			return c
		}
	}
	return ""
}

func pathString(p []any) string {
	parts := make([]string, len(p))
	for i, x := range p {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ".")
}

// get walks a dotted path ("startups.edges.0.node.name") through the data.
func (r response) get(path string) any {
	var v any = r.Data
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func (r response) str(path string) string {
	s, _ := r.get(path).(string)
	return s
}

func (r response) num(path string) int {
	f, _ := r.get(path).(float64)
	return int(f)
}

func (r response) list(path string) []any {
	l, _ := r.get(path).([]any)
	return l
}

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
	r.status, r.header = w.Code, w.Header()
	return r
}

// userErrors returns the codes of a payload's userErrors keyed by field path.
func (r response) userErrors(payload string) map[string]string {
	out := map[string]string{}
	for _, ue := range r.list(payload + ".userErrors") {
		m := ue.(map[string]any)
		var field []string
		fs, _ := m["field"].([]any) // absent when the query did not ask for it
		for _, f := range fs {
			field = append(field, f.(string))
		}
		out[strings.Join(field, ".")] = m["code"].(string)
	}
	return out
}

// newEnvSigner signs a valid-looking token with another secret.
func newEnvSigner(secret string) (string, error) {
	s, err := auth.NewHS256([]byte(secret), time.Now)
	if err != nil {
		return "", err
	}
	return s.Issue(auth.Claims{Subject: "intruder", Roles: []string{"ADMIN"}}, testNow, time.Hour)
}
