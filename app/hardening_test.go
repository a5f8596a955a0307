package app

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const pageQuery = `{ startups(first: 1) { edges { node { name } } } }`

func TestRateLimitPerClientWithRetryAfter(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, func(c *Config) { c.RateLimit, c.RateBurst = 1, 2 })
	for range 2 {
		require.Equal(t, http.StatusOK, e.do(t, req{query: pageQuery}).Status)
	}
	r := e.do(t, req{query: pageQuery})
	assert.Equal(t, http.StatusTooManyRequests, r.Status)
	assert.Equal(t, "RATE_LIMITED", r.Code(""))
	assert.Equal(t, "1", r.Header.Get("Retry-After"))
	assert.Equal(t, http.StatusOK, e.do(t, req{token: e.token(t, "STARTUP_MEMBER", "founder-1", ""), query: pageQuery}).Status,
		"a signed-in user counts on their own")
	e.clock.Advance(time.Second)
	assert.Equal(t, http.StatusOK, e.do(t, req{query: pageQuery}).Status, "a token back after a second")
}

func TestCORSAllowsOnlyTheListedOrigins(t *testing.T) {
	t.Parallel()
	const portal = "https://doimoisangtao.haiphong.gov.vn"
	e := newEnvWith(t, func(c *Config) { c.CORSOrigins = []string{portal} })
	preflight := func(origin string) *httptest.ResponseRecorder {
		hr := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
		hr.Header.Set("Origin", origin)
		hr.Header.Set("Access-Control-Request-Method", "POST")
		hr.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
		w := httptest.NewRecorder()
		e.h.ServeHTTP(w, hr)
		return w
	}
	w := preflight(portal)
	assert.Equal(t, http.StatusNoContent, w.Code)
	assert.Equal(t, portal, w.Header().Get("Access-Control-Allow-Origin"))
	assert.Contains(t, w.Header().Get("Access-Control-Allow-Headers"), "Authorization")
	w = preflight("https://evil.example")
	assert.Equal(t, http.StatusForbidden, w.Code)
	assert.Empty(t, w.Header().Get("Access-Control-Allow-Origin"))

	post := func(origin string) *httptest.ResponseRecorder {
		hr := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query":"`+pageQuery+`"}`))
		hr.Header.Set("Content-Type", "application/json")
		hr.Header.Set("Origin", origin)
		w := httptest.NewRecorder()
		e.h.ServeHTTP(w, hr)
		return w
	}
	assert.Equal(t, portal, post(portal).Header().Get("Access-Control-Allow-Origin"))
	assert.Empty(t, post("https://evil.example").Header().Get("Access-Control-Allow-Origin"))
}

func TestARequestPastItsTimeoutAnswersWithoutHanging(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, func(c *Config) { c.RequestTimeout = time.Nanosecond })
	r := e.do(t, req{query: pageQuery})
	assert.Equal(t, "INTERNAL", r.Code(""), "the store calls see the deadline passed")
}
