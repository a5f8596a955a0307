package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/app"
	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/jobs"
)

// embeddedApp is a service on the embedded store in dataDir, as `innoport
// serve` runs it by default.
func embeddedApp(t *testing.T, dataDir string) *app.App {
	t.Helper()
	ctx := context.Background()
	a, err := app.New(ctx, app.Config{DataDir: dataDir, DBName: "innoport", MaxBodyBytes: 1 << 20, MaxDepth: 12,
		MaxComplexity: 5000, MaxAliases: 50, CloseCallsSchedule: jobs.Off, ScreeningSchedule: jobs.Off, SandboxSchedule: jobs.Off,
		MatchesSchedule: jobs.Off, RemindersSchedule: jobs.Off, OpenDataSchedule: jobs.Off, ReindexSchedule: jobs.Off, MatchesK: 20, Instance: "test", JobLeaseTTL: time.Minute},
		clock.System{}, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})))
	require.NoError(t, err)
	return a
}

// `innoport db backup` takes a running service's store; `restore` makes a
// data directory a service starts on, with the same data and secret; the
// store cannot be opened twice; `export` writes the mongodump directory.
func TestBackupWhileServingThenRestoreAndExport(t *testing.T) {
	ctx := context.Background()
	dir, file := t.TempDir(), filepath.Join(t.TempDir(), "innoport.tar.gz")
	a := embeddedApp(t, dir)
	require.NoError(t, a.SeedDemo(ctx))
	count := func(a *app.App) float64 {
		w := httptest.NewRecorder()
		hr := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(`{"query": "{ startups(first: 1) { totalCount } }"}`))
		hr.Header.Set("Content-Type", "application/json")
		a.Handler().ServeHTTP(w, hr)
		var r struct {
			Data struct{ Startups struct{ TotalCount float64 } }
		}
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &r), w.Body.String())
		return r.Data.Startups.TotalCount
	}
	startups := count(a)
	require.Positive(t, startups, "the demo startups")

	var out, errOut bytes.Buffer
	require.NoError(t, run(ctx, []string{"db", "backup", "--to", file, "--data-dir", dir}, envOf(nil), &out, &errOut), errOut.String())
	assert.Contains(t, out.String(), "backed up")
	err := run(ctx, []string{"db", "export", "--to", t.TempDir(), "--data-dir", dir}, envOf(nil), &out, &errOut)
	assert.ErrorContains(t, err, "open in another process", "the running service's store is not opened twice")
	a.Close(ctx)

	restored := t.TempDir()
	require.NoError(t, run(ctx, []string{"db", "restore", "--from", file, "--data-dir", restored}, envOf(nil), &out, &errOut))
	err = run(ctx, []string{"db", "restore", "--from", file, "--data-dir", restored}, envOf(nil), &out, &errOut)
	assert.ErrorContains(t, err, "already holds a store")
	secret, err := os.ReadFile(filepath.Join(dir, "jwt-secret"))
	require.NoError(t, err)
	again, err := os.ReadFile(filepath.Join(restored, "jwt-secret"))
	require.NoError(t, err)
	assert.Equal(t, secret, again, "tokens the service signed still hold")
	b := embeddedApp(t, restored)
	assert.Equal(t, startups, count(b))
	b.Close(ctx)

	dump := t.TempDir()
	out.Reset()
	require.NoError(t, run(ctx, []string{"db", "export", "--to", dump, "--data-dir", restored}, envOf(nil), &out, &errOut))
	assert.Contains(t, out.String(), "startups: ")
	assert.FileExists(t, filepath.Join(dump, "innoport", "startups.bson"))
	assert.FileExists(t, filepath.Join(dump, "innoport", "startups.metadata.json"))
}
