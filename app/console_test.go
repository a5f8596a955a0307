package app

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func get(t *testing.T, h http.Handler, path string, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestTheConsoleAndGraphiQLAreServedFromTheBinary(t *testing.T) {
	e := newEnv(t)
	home := get(t, e.h, "/", nil)
	require.Equal(t, http.StatusOK, home.Code)
	assert.Contains(t, home.Body.String(), `<div id="root">`)
	assert.Contains(t, home.Header().Get("Content-Security-Policy"), "script-src 'self'")
	assert.Equal(t, "no-cache", home.Header().Get("Cache-Control"))

	// A deep link is the app too: its router shows the screen.
	deep := get(t, e.h, "/calls/RnVuZENhbGw6MQ", nil)
	assert.Equal(t, home.Body.String(), deep.Body.String())

	entry := regexp.MustCompile(`src="(/assets/[^"]+\.js)"`).FindStringSubmatch(home.Body.String())
	require.NotNil(t, entry, "index.html names its entry script")
	plain := get(t, e.h, entry[1], nil)
	require.Equal(t, http.StatusOK, plain.Code)
	assert.Equal(t, "text/javascript; charset=utf-8", plain.Header().Get("Content-Type"))
	assert.Contains(t, plain.Header().Get("Cache-Control"), "immutable")
	zipped := get(t, e.h, entry[1], map[string]string{"Accept-Encoding": "br, gzip"})
	require.Equal(t, "gzip", zipped.Header().Get("Content-Encoding"))
	assert.Less(t, zipped.Body.Len(), plain.Body.Len())
	zr, err := gzip.NewReader(zipped.Body)
	require.NoError(t, err)
	unzipped, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, plain.Body.String(), string(unzipped))

	assert.Equal(t, http.StatusNotFound, get(t, e.h, "/assets/missing.js", nil).Code, "a missing asset is not the app")
	gi := get(t, e.h, "/graphiql", nil)
	require.Equal(t, http.StatusOK, gi.Code)
	assert.Contains(t, gi.Body.String(), `id="graphiql"`)
	assert.NotContains(t, gi.Body.String(), "https://", "nothing loads from another host")

	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)

	off := newEnvWith(t, func(c *Config) { c.Introspection = false })
	assert.Equal(t, http.StatusNotFound, get(t, off.h, "/graphiql", nil).Code, "no GraphiQL without introspection")
	assert.Equal(t, http.StatusOK, get(t, off.h, "/", nil).Code)
}

func TestDemoSignInOnlyInDemoMode(t *testing.T) {
	off := newEnv(t) // a deployment: no demo sign-in
	var cfg map[string]string
	require.NoError(t, json.Unmarshal(get(t, off.h, "/auth/config", nil).Body.Bytes(), &cfg))
	assert.Equal(t, map[string]string{"mode": "token"}, cfg)
	assert.Equal(t, http.StatusNotFound, get(t, off.h, "/auth/demo/personas", nil).Code)
	w := httptest.NewRecorder()
	off.h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/auth/demo/token", strings.NewReader(`{"subject":"admin-1"}`)))
	assert.Equal(t, http.StatusNotFound, w.Code)

	e := newEnvWith(t, func(c *Config) { c.DemoSignIn = true })
	require.NoError(t, json.Unmarshal(get(t, e.h, "/auth/config", nil).Body.Bytes(), &cfg))
	assert.Equal(t, "demo", cfg["mode"])
	var personas []struct{ Subject, Name, Role, Organization string }
	require.NoError(t, json.Unmarshal(get(t, e.h, "/auth/demo/personas", nil).Body.Bytes(), &personas))
	roles := map[string]int{}
	var founder string
	for _, p := range personas {
		roles[p.Role]++
		if p.Role == "STARTUP_MEMBER" && founder == "" {
			founder = p.Subject
			assert.NotEmpty(t, p.Organization, "a founder is listed with the startup's name")
		}
	}
	for _, r := range []string{"ADMIN", "STARTUP_MEMBER", "INVESTOR", "INCUBATOR_MANAGER", "FUND_MANAGER", "REVIEWER", "REGULATOR"} {
		assert.Positive(t, roles[r], r)
	}

	sign := func(body string) *httptest.ResponseRecorder {
		w := httptest.NewRecorder()
		e.h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/auth/demo/token", strings.NewReader(body)))
		return w
	}
	ok := sign(`{"subject":"` + founder + `"}`)
	require.Equal(t, http.StatusOK, ok.Code, ok.Body.String())
	var tok struct{ Token, ExpiresAt string }
	require.NoError(t, json.Unmarshal(ok.Body.Bytes(), &tok))
	r := e.do(t, req{query: `{ viewer { roles organization { __typename } user { name } } }`, token: tok.Token})
	require.Empty(t, r.Errors)
	assert.Equal(t, "STARTUP_MEMBER", r.Str("viewer.roles.0"))
	assert.Equal(t, "Startup", r.Str("viewer.organization.__typename"))
	assert.NotEmpty(t, r.Str("viewer.user.name"))

	assert.Equal(t, http.StatusNotFound, sign(`{"subject":"someone-else"}`).Code)
	assert.Equal(t, http.StatusBadRequest, sign(`not json`).Code)
}
