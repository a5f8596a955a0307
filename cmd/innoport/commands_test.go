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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/app"
	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/jobs"
	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/bleve"
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

// demoStore is a fresh database of the test store with the demo data, as
// the commands find a service's store, and the service's API on it.
type demoStore struct {
	uri, db string
	h       http.Handler
	clock   *clock.Manual
	signer  *auth.HS256
}

func newDemoStore(t *testing.T) *demoStore {
	t.Helper()
	ctx := context.Background()
	d := &demoStore{uri: storetest.URI(t), db: storetest.DBName(), clock: clock.NewManual(time.Now())}
	a, err := app.New(ctx, app.Config{MongoURI: d.uri, DBName: d.db, JWTSecret: testSecret, MaxBodyBytes: 1 << 20, MaxDepth: 12,
		MaxComplexity: 5000, MaxAliases: 50, CloseCallsSchedule: jobs.Off, ScreeningSchedule: jobs.Off, SandboxSchedule: jobs.Off,
		MatchesSchedule: jobs.Off, RemindersSchedule: jobs.Off, OpenDataSchedule: jobs.Off, ReindexSchedule: jobs.Off, MatchesK: 20, Instance: "test", JobLeaseTTL: time.Minute},
		d.clock, slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})))
	require.NoError(t, err)
	t.Cleanup(func() { a.Close(ctx) })
	require.NoError(t, a.SeedDemo(ctx))
	d.h = a.Handler()
	d.signer, err = auth.NewHS256([]byte(testSecret), d.clock.Now)
	require.NoError(t, err)
	return d
}

func (d *demoStore) token(t *testing.T, role, subject string) string {
	tok, err := d.signer.Issue(auth.Claims{Subject: subject, Roles: []string{role}}, d.clock.Now(), time.Hour)
	require.NoError(t, err)
	return tok
}

// query posts a GraphQL document to the service and decodes its answer.
func (d *demoStore) query(t *testing.T, token, query string, vars map[string]any) (data map[string]any, errs []any) {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(t, err)
	r := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Authorization", "Bearer "+token)
	w := httptest.NewRecorder()
	d.h.ServeHTTP(w, r)
	var resp struct {
		Data   map[string]any `json:"data"`
		Errors []any          `json:"errors"`
	}
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &resp), w.Body.String())
	return resp.Data, resp.Errors
}

// TestJobsCommand runs a job from the command line against the service's
// store: the run is recorded where the API shows it.
func TestJobsCommand(t *testing.T) {
	t.Parallel()
	e := newDemoStore(t)
	dataDir := t.TempDir()
	getenv := envOf(map[string]string{"MONGODB_URI": e.uri, "INNOPORT_DB": e.db,
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

	data, _ := e.query(t, e.token(t, "ADMIN", "admin-1"), `{ jobRuns(job: "flag-sandbox-deadlines") { edges { node { instance trigger status } } } }`, nil)
	assert.Equal(t, []any{map[string]any{"node": map[string]any{"instance": "cli", "trigger": "MANUAL", "status": "SUCCEEDED"}}},
		data["jobRuns"].(map[string]any)["edges"])

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

// `innoport search rebuild` fills an empty embedded index from the store.
func TestSearchRebuildCommand(t *testing.T) {
	t.Parallel()
	e := newDemoStore(t)
	dir := t.TempDir()
	var out, errOut bytes.Buffer
	err := run(t.Context(), []string{"search", "rebuild"}, envOf(map[string]string{
		"MONGODB_URI": e.uri, "INNOPORT_DB": e.db, "INNOPORT_JWT_SECRET": testSecret,
		"INNOPORT_DATA_DIR": dir}), &out, &errOut)
	require.NoError(t, err, errOut.String())
	assert.Regexp(t, `(?m)^STARTUP\s+34 indexed`, out.String())
	assert.Regexp(t, `(?m)^rebuilt: 65 documents in \S+ \(\d+/s\)$`, out.String(),
		"34 startups, 2 calls, 6 investors, 6 mentors, 11 published offers, 6 open requests")

	idx, err := bleve.Open(filepath.Join(dir, "search"))
	require.NoError(t, err)
	defer idx.Close()
	res, err := idx.Search(context.Background(), search.Query{Text: "dinh vu", Limit: 5})
	require.NoError(t, err)
	assert.Equal(t, 2, res.Total)

	err = run(t.Context(), []string{"search", "compact"}, envOf(nil), &out, &errOut)
	assert.ErrorContains(t, err, "usage: innoport search rebuild")
}

// `innoport demo personas` names who to sign in as, and its token commands
// give tokens the service accepts for those organisations.
func TestDemoPersonasGiveWorkingTokens(t *testing.T) {
	t.Parallel()
	e := newDemoStore(t)
	env := envOf(map[string]string{"MONGODB_URI": e.uri, "INNOPORT_DB": e.db,
		"INNOPORT_JWT_SECRET": testSecret, "INNOPORT_DATA_DIR": t.TempDir()})
	var out, errOut bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"demo", "personas"}, env, &out, &errOut), errOut.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	roles := map[string]int{}
	var founder string
	for _, l := range lines[1:] {
		for _, r := range []string{"ADMIN", "STARTUP_MEMBER", "INVESTOR", "INCUBATOR_MANAGER", "FUND_MANAGER", "REVIEWER", "REGULATOR"} {
			if strings.Contains(l, "--role "+r+" ") {
				roles[r]++
			}
		}
		if founder == "" && strings.Contains(l, "--role STARTUP_MEMBER") {
			founder = l[strings.Index(l, "innoport token"):]
		}
	}
	assert.Equal(t, map[string]int{"ADMIN": 1, "STARTUP_MEMBER": 34, "INVESTOR": 6, "INCUBATOR_MANAGER": 3, "FUND_MANAGER": 1,
		"REVIEWER": 5, "REGULATOR": 1}, roles)
	require.NotEmpty(t, founder)
	var args []string // as a shell splits the line, without "innoport"
	for _, w := range regexp.MustCompile(`"(?:[^"\\]|\\.)*"|\S+`).FindAllString(founder, -1)[1:] {
		if u, err := strconv.Unquote(w); err == nil {
			w = u
		}
		args = append(args, w)
	}
	out.Reset()
	require.NoError(t, run(context.Background(), args, env, &out, &errOut))
	org := args[slices.Index(args, "--org")+1]
	e.clock.Set(time.Now()) // the token command signs on the system clock
	data, errs := e.query(t, strings.TrimSpace(out.String()), `query($id: ID!) { startup(id: $id) { name contact { email } } viewer { user { name } } }`,
		map[string]any{"id": org})
	require.Empty(t, errs, "the founder reads their startup's contact")
	assert.NotEmpty(t, data["startup"].(map[string]any)["contact"].(map[string]any)["email"])
	assert.Equal(t, args[slices.Index(args, "--name")+1], data["viewer"].(map[string]any)["user"].(map[string]any)["name"], "the token names the user")
}

// `innoport import startups` creates firms from a CSV in the service's
// store, reports each refused row by line, and a dry run writes nothing.
func TestImportStartupsCommand(t *testing.T) {
	t.Parallel()
	e := newDemoStore(t)
	file := filepath.Join(t.TempDir(), "firms.csv")
	require.NoError(t, os.WriteFile(file, []byte("Mã số thuế,Tên doanh nghiệp,Ngày thành lập,Phường/Xã,Lĩnh vực,Giai đoạn,Số thành viên,Email liên hệ\n"+
		"0100109106,An Phát,02/01/2024,Lê Chân,Công nghệ tài chính,Hạt giống,4,a@anphat.vn\n"+
		"0100233489,Sai mã,2024-01-02,Lê Chân,FINTECH,SEED,4,b@x.vn\n"), 0o600))
	env := envOf(map[string]string{"MONGODB_URI": e.uri, "INNOPORT_DB": e.db, "INNOPORT_JWT_SECRET": testSecret,
		"INNOPORT_DATA_DIR": t.TempDir()})
	var out, errOut bytes.Buffer
	err := run(t.Context(), []string{"import", "startups", "--file", file, "--dry-run"}, env, &out, &errOut)
	assert.EqualError(t, err, "1 rows refused")
	assert.Contains(t, out.String(), "line 3: INVALID_TAX_CODE taxCode: ")
	assert.Contains(t, out.String(), "dry run, nothing written: 2 rows: 1 created, 0 updated, 0 unchanged, 1 refused")
	assert.Contains(t, errOut.String(), "[##############################] 2/2", "the progress bar")

	out.Reset()
	err = run(t.Context(), []string{"import", "startups", "--file", file}, env, &out, &errOut)
	assert.Error(t, err)
	assert.Contains(t, out.String(), "imported 2 rows: 1 created, 0 updated, 0 unchanged, 1 refused")
	data, errs := e.query(t, e.token(t, "ADMIN", "admin-1"), `{ startups(first: 100) { edges { node { name sectors stage foundedOn } } } }`, nil)
	require.Empty(t, errs)
	found := false
	for _, edge := range data["startups"].(map[string]any)["edges"].([]any) {
		n := edge.(map[string]any)["node"].(map[string]any)
		if n["name"] == "An Phát" {
			found = true
			assert.Equal(t, []any{"FINTECH"}, n["sectors"])
			assert.Equal(t, "SEED", n["stage"])
			assert.Equal(t, "2024-01-02", n["foundedOn"])
		}
	}
	assert.True(t, found, "the imported firm is in the store the service reads")

	err = run(t.Context(), []string{"import", "startups", "--file", filepath.Join(t.TempDir(), "firms.ods")}, env, &out, &errOut)
	assert.ErrorContains(t, err, "needs --file F.csv or F.xlsx")
}
