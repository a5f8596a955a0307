package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/auth"
)

func envOf(kv map[string]string) func(string) string {
	return func(k string) string { return kv[k] }
}

func TestConfigDefaultsAndValidation(t *testing.T) {
	t.Parallel()
	c, _, err := parseConfig("serve", nil, envOf(nil))
	require.NoError(t, err)
	assert.Equal(t, ":8080", c.Addr)
	assert.True(t, c.Embedded())
	assert.True(t, c.Demo, "demo data by default on the embedded store")
	assert.True(t, c.Introspection)

	c, _, err = parseConfig("serve", []string{"--no-demo"}, envOf(map[string]string{"INNOPORT_DEMO": "true"}))
	require.NoError(t, err)
	assert.False(t, c.Demo, "--no-demo wins")

	c, _, err = parseConfig("serve", nil, envOf(map[string]string{
		"MONGODB_URI": "mongodb://app:s3cret@db:27017/?replicaSet=rs0", "INNOPORT_JWT_SECRET": strings.Repeat("k", 32)}))
	require.NoError(t, err)
	assert.False(t, c.Demo, "no demo data in a real MongoDB unless asked")
	assert.False(t, c.Introspection)
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("cfg", "config", c)
	assert.NotContains(t, logged.String(), "s3cret")
	assert.NotContains(t, logged.String(), strings.Repeat("k", 32))

	for name, env := range map[string]map[string]string{
		"no secret with MongoDB": {"MONGODB_URI": "mongodb://db"},
		"secret and OIDC":        {"INNOPORT_JWT_SECRET": "x", "INNOPORT_OIDC_ISSUER": "https://id.example"},
		"bad boolean":            {"INNOPORT_DEMO": "maybe"},
		"bad number":             {"INNOPORT_MAX_DEPTH": "-1"},
		"bad log level":          {"INNOPORT_LOG_LEVEL": "loud"},
		"bad duration":           {"INNOPORT_JOB_LEASE_TTL": "2 minutes"},
		"too short a lease":      {"INNOPORT_JOB_LEASE_TTL": "10ms"},
	} {
		_, _, err := parseConfig("serve", nil, envOf(env))
		assert.Error(t, err, name)
	}
}

func TestTokenCommandSignsWhatTheServiceAccepts(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	err := run(context.Background(), []string{"token", "--role", "STARTUP_MEMBER", "--subject", "founder-1",
		"--org", "U3RhcnR1cDphYmM", "--data-dir", dir}, envOf(nil), &out, &errOut)
	require.NoError(t, err)
	secret, err := auth.LocalSecret(filepath.Join(dir, "jwt-secret"))
	require.NoError(t, err)
	v, err := auth.NewHS256([]byte(secret), time.Now)
	require.NoError(t, err)
	c, err := v.Verify(context.Background(), strings.TrimSpace(out.String()))
	require.NoError(t, err)
	assert.Equal(t, auth.Claims{Subject: "founder-1", Roles: []string{"STARTUP_MEMBER"}, Org: "U3RhcnR1cDphYmM"}, c)

	errOut.Reset()
	err = run(context.Background(), []string{"token", "--help"}, envOf(nil), &out, &errOut)
	assert.ErrorIs(t, err, flag.ErrHelp)
	assert.Contains(t, errOut.String(), "-subject")
	assert.NotContains(t, errOut.String(), "-schedule-screening", "token --help lists the token's flags, not the server's")
	err = run(context.Background(), []string{"token", "--role", "KING", "--subject", "x", "--data-dir", dir}, envOf(nil), &out, &errOut)
	assert.ErrorContains(t, err, "unknown role")
	err = run(context.Background(), []string{"token", "--role", "ADMIN"}, envOf(nil), &out, &errOut)
	assert.ErrorContains(t, err, "--subject")
	err = run(context.Background(), []string{"frobnicate"}, envOf(nil), &out, &errOut)
	assert.ErrorContains(t, err, "unknown command")
	err = run(context.Background(), []string{"db"}, envOf(nil), &out, &errOut)
	assert.ErrorContains(t, err, "innoport db backup")
	err = run(context.Background(), []string{"db", "serve", "--addr", "0.0.0.0:27017", "--data-dir", dir}, envOf(nil), &out, &errOut)
	assert.ErrorContains(t, err, "loopback address only")
}

// TestServeStartsAndStopsCleanly runs the real serve command on the embedded
// store: it becomes ready, answers GraphQL, and returns without error when
// its context is cancelled (SIGINT/SIGTERM in production).
func TestServeStartsAndStopsCleanly(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var logs syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--data-dir", t.TempDir()}, envOf(nil), &logs, &logs)
	}()
	var resp *http.Response
	require.Eventually(t, func() bool {
		resp, err = http.Get("http://" + addr + "/readyz")
		return err == nil && resp.StatusCode == http.StatusOK
	}, 20*time.Second, 50*time.Millisecond)
	resp.Body.Close()
	resp, err = http.Post("http://"+addr+"/graphql", "application/json", strings.NewReader(`{"query":"{ funds { name } }"}`))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Contains(t, string(body), "Quỹ Đầu tư Mạo hiểm Thành phố Hải Phòng")

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	assert.Contains(t, logs.String(), `"msg":"stopped"`)
	assert.Contains(t, logs.String(), `"msg":"demo data seeded"`)
	// What a newcomer reads: durations as durations, no noise at start or stop.
	assert.Regexp(t, `"took":"[0-9.]+m?s"`, logs.String())
	assert.NotContains(t, logs.String(), "job disabled", "an event-driven job is no disabled job")
	assert.NotContains(t, logs.String(), "endSessions")
	assert.NotContains(t, logs.String(), "Response header")
}

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
