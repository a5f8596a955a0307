package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/innoport/innoport/internal/apitest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/auth"
)

// The replicas' job settings: close-due-calls every 2 s is the job whose
// ticks are counted, score-matches every 3 s the one whose lease holder is
// killed.
const (
	replicaLeaseTTL = 3 * time.Second
	countedJob      = "close-due-calls"
	countedEvery    = 2 * time.Second
	killedJob       = "score-matches"
	killedEvery     = 3 * time.Second
)

// TestReplicasShareOneStore runs the production shape on one machine:
// `innoport db serve` and three `innoport serve` replicas on it, each this
// test binary run as the command. Writers on every replica race to update
// one startup while the scheduled jobs tick; then the replica holding a job
// lease is killed with SIGKILL. It shows that each tick ran exactly once
// across the replicas, that another replica took the job over once the
// dead one's lease expired, and that every acknowledged write is in the
// store.
func TestReplicasShareOneStore(t *testing.T) {
	if testing.Short() {
		t.Skip("starts four processes")
	}
	dir := t.TempDir()
	db := startCommand(t, "db", []string{"db", "serve", "--addr", "127.0.0.1:0", "--data-dir", dir})
	uri := strings.TrimPrefix(db.waitLine(t, 60*time.Second, func(l string) bool { return strings.HasPrefix(l, "MONGODB_URI=") }), "MONGODB_URI=")

	replicas := make([]*command, 3)
	urls := make([]string, 3)
	start := func(i int) {
		name := fmt.Sprintf("replica-%d", i+1)
		replicas[i] = startCommand(t, name, []string{"serve"},
			"MONGODB_URI="+uri, "INNOPORT_JWT_SECRET="+testSecret, "INNOPORT_ADDR=127.0.0.1:0",
			"INNOPORT_INSTANCE="+name, "INNOPORT_DATA_DIR="+dir+"/"+name, fmt.Sprint("INNOPORT_DEMO=", i == 0),
			"INNOPORT_JOB_LEASE_TTL="+replicaLeaseTTL.String(), "INNOPORT_RATE_LIMIT=0", "INNOPORT_METRICS=false",
			"INNOPORT_SCHEDULE_CLOSE_CALLS=*/2 * * * * *", "INNOPORT_SCHEDULE_MATCHES=*/3 * * * * *",
			"INNOPORT_SCHEDULE_SCREENING=off", "INNOPORT_SCHEDULE_SANDBOX_DEADLINES=off")
		urls[i] = replicas[i].logField(t, 90*time.Second, "serving", "graphql")
	}
	start(0) // seeds the demo data before it serves
	var wg sync.WaitGroup
	for i := 1; i < 3; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); start(i) }()
	}
	wg.Wait()
	require.NotContains(t, urls, "", "every replica serves")
	defer func() {
		if t.Failed() { // what the replicas said about their jobs explains a failure
			for _, r := range replicas {
				for _, l := range r.output() {
					if strings.Contains(l, `"job"`) {
						t.Log(r.name, l)
					}
				}
			}
		}
	}()
	allUp := time.Now()

	signer, err := auth.NewHS256([]byte(testSecret), time.Now)
	require.NoError(t, err)
	token, err := signer.Issue(auth.Claims{Subject: "admin-1", Roles: []string{"ADMIN"}}, time.Now(), time.Hour)
	require.NoError(t, err)
	client := &http.Client{Timeout: 10 * time.Second}
	first := postGraphQL(t, client, urls[0], token, `{ startups(first: 1) { edges { node { id version } } } }`, nil)
	startupID := first.Str("startups.edges.0.node.id")
	require.NotEmpty(t, startupID)
	v0 := first.Num("startups.edges.0.node.version")

	// Writers: one per replica, each reading the startup's version through
	// its replica and updating it conditionally on that version.
	type ack struct {
		version     int
		description string
	}
	var (
		acksMu    sync.Mutex
		acks      []ack
		conflicts int
		unknown   = map[string]bool{} // writes answered with an error: they may have landed
	)
	// A writer stops between requests once stopping is set, or at once when
	// its replica is killed.
	var stopping atomic.Bool
	stops := make([]context.CancelFunc, 3)
	var writers sync.WaitGroup
	for i, u := range urls {
		ctx, stop := context.WithCancel(context.Background())
		stops[i] = stop
		writers.Add(1)
		go func() {
			defer writers.Done()
			for n := 0; ctx.Err() == nil && !stopping.Load(); n++ {
				r, err := tryGraphQL(ctx, client, u, token, `query($id: ID!) { startup(id: $id) { version } }`, map[string]any{"id": startupID})
				if err != nil {
					continue
				}
				desc := fmt.Sprintf("replica-%d write %d", i+1, n)
				r, err = tryGraphQL(ctx, client, u, token, `mutation($in: UpdateStartupInput!) { updateStartup(input: $in) {
					startup { version description } userErrors { code } } }`,
					map[string]any{"in": map[string]any{"id": startupID, "version": r.Num("startup.version"), "description": desc}})
				acksMu.Lock()
				switch {
				case err != nil:
					unknown[desc] = true
				case r.Str("updateStartup.startup.description") == desc:
					acks = append(acks, ack{r.Num("updateStartup.startup.version"), desc})
				case r.Str("updateStartup.userErrors.0.code") == "VERSION_CONFLICT":
					conflicts++
				default:
					t.Errorf("replica-%d: unexpected answer %+v", i+1, r)
				}
				acksMu.Unlock()
			}
		}()
	}

	// All up: let the counted job tick at least five times.
	store, err := mongo.Connect(options.Client().ApplyURI(uri))
	require.NoError(t, err)
	t.Cleanup(func() { _ = store.Disconnect(context.Background()) })
	sdb := store.Database("innoport")
	time.Sleep(6*countedEvery + time.Second) // five ticks counted: the last comes a tick before the kill

	// Kill the replica holding the killed job's lease while its run works.
	var lease struct {
		Holder    string    `bson:"holder"`
		ExpiresAt time.Time `bson:"expiresAt"`
	}
	victim := -1
	deadline := time.Now().Add(30 * time.Second)
	for victim < 0 {
		require.True(t, time.Now().Before(deadline), "%s never seen holding its lease", killedJob)
		if sdb.Collection("job_leases").FindOne(context.Background(), bson.D{{Key: "_id", Value: killedJob}}).Decode(&lease) != nil ||
			!lease.ExpiresAt.After(time.Now()) {
			continue
		}
		instance, run, _ := strings.Cut(lease.Holder, " ")
		if sdb.Collection("job_runs").FindOne(context.Background(), bson.D{{Key: "_id", Value: run}, {Key: "status", Value: "RUNNING"}}).Err() != nil {
			continue // not yet (or no longer) working
		}
		for i := range replicas {
			if replicas[i].name == instance {
				victim = i
			}
		}
	}
	require.NoError(t, replicas[victim].cmd.Process.Signal(syscall.SIGKILL))
	killed := time.Now()
	stops[victim]()
	var held struct {
		Holder    string    `bson:"holder"`
		ExpiresAt time.Time `bson:"expiresAt"`
	}
	require.NoError(t, sdb.Collection("job_leases").FindOne(context.Background(), bson.D{{Key: "_id", Value: killedJob}}).Decode(&held))
	require.Equal(t, lease.Holder, held.Holder, "killed while holding the lease")
	deadRun := strings.Fields(held.Holder)[1]

	// Takeover: a run of the job by another replica (ticks before it are
	// recorded as skipped while the dead run's lease holds).
	type runDoc struct {
		ID        string    `bson:"_id"`
		Instance  string    `bson:"instance"`
		StartedAt time.Time `bson:"startedAt"`
		Status    string    `bson:"status"`
		Error     string    `bson:"error"`
	}
	var takeover runDoc
	deadline = killed.Add(replicaLeaseTTL + killedEvery + 10*time.Second)
	for ; takeover.ID == ""; time.Sleep(50 * time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "no replica took %s over", killedJob)
		cur, err := sdb.Collection("job_runs").Find(context.Background(), bson.D{{Key: "job", Value: killedJob}})
		require.NoError(t, err)
		var rs []runDoc
		require.NoError(t, cur.All(context.Background(), &rs))
		for _, r := range rs {
			if r.StartedAt.After(killed) && r.Instance != replicas[victim].name && r.Status != "SKIPPED" &&
				(takeover.ID == "" || r.StartedAt.Before(takeover.StartedAt)) {
				takeover = r
			}
		}
	}
	var dead struct {
		Status string `bson:"status"`
		Error  string `bson:"error"`
	}
	require.NoError(t, sdb.Collection("job_runs").FindOne(context.Background(), bson.D{{Key: "_id", Value: deadRun}}).Decode(&dead))
	assert.Equal(t, "FAILED", dead.Status, "the taker-over records the dead replica's run")
	assert.Contains(t, dead.Error, "abandoned: replica "+replicas[victim].name+" stopped")
	time.Sleep(countedEvery) // the survivors keep writing a little longer
	stopping.Store(true)
	writers.Wait()
	for _, stop := range stops {
		stop()
	}

	// Each tick of the counted job while all were up has exactly one run
	// record: a run by one replica, whose log says it ran it (unless it is
	// the killed one), or a tick skipped because an earlier run still held
	// the lease. Ticks are whole even seconds; the last one counted comes a
	// tick before the kill, so that its record is surely written.
	ranOn := map[string][]string{}
	for _, r := range replicas {
		for _, l := range r.logLines("job done", "job failed") {
			if l["job"] == countedJob {
				ranOn[l["run"]] = append(ranOn[l["run"]], r.name)
			}
		}
	}
	var records []runDoc
	cur, err := sdb.Collection("job_runs").Find(context.Background(), bson.D{{Key: "job", Value: countedJob}})
	require.NoError(t, err)
	require.NoError(t, cur.All(context.Background(), &records))
	byID := map[string]runDoc{}
	for _, r := range records {
		byID[r.ID] = r
	}
	ticks, ran, skipped := 0, 0, 0
	ranBy := map[string]int{}
	for at := allUp.Truncate(countedEvery).Add(countedEvery); !at.After(killed.Add(-countedEvery)); at = at.Add(countedEvery) {
		id := countedJob + "@" + at.UTC().Format("20060102T150405.000000000Z")
		ticks++
		r, ok := byID[id]
		if !assert.True(t, ok, "tick %s has a run record", id) {
			continue
		}
		if r.Status == "SKIPPED" {
			skipped++
			assert.Regexp(t, `^the run `+countedJob+`@\S+ still holds the lease$`, r.Error)
			assert.Empty(t, ranOn[id], "skipped tick %s ran", id)
			continue
		}
		ran++
		ranBy[r.Instance]++
		if r.Instance == replicas[victim].name && len(ranOn[id]) == 0 {
			continue // killed while it ran
		}
		assert.Equal(t, []string{r.Instance}, ranOn[id], "tick %s ran once, by the replica its record names", id)
	}
	require.GreaterOrEqual(t, ticks, 5, "the counted job ticked while all were up")
	require.GreaterOrEqual(t, ran, 3, "most ticks ran")

	// The takeover waited for the dead replica's lease to expire, and no
	// longer than one more tick of the job after it.
	assert.False(t, takeover.StartedAt.Before(held.ExpiresAt), "taken over only once the lease expired")
	assert.LessOrEqual(t, takeover.StartedAt.Sub(held.ExpiresAt), killedEvery+time.Second, "taken over at the first tick after expiry")

	// No acknowledged write was lost: each acknowledged update made its own
	// version (a lost update would share one), and the version moved once
	// per acknowledged write — plus writes whose answer was an error, such
	// as the killed replica's write in flight, which may have landed.
	survivor := urls[(victim+1)%3]
	final := postGraphQL(t, client, survivor, token, `query($id: ID!) { startup(id: $id) { version description } }`, map[string]any{"id": startupID})
	seen := map[int]string{}
	last := ack{}
	overwritten := 0
	for _, a := range acks {
		if other, ok := seen[a.version]; ok {
			if overwritten++; overwritten <= 3 {
				t.Errorf("%q and %q both acknowledged version %d", other, a.description, a.version)
			}
		}
		seen[a.version] = a.description
		if a.version > last.version {
			last = a
		}
	}
	require.NotEmpty(t, acks)
	assert.Zero(t, overwritten, "acknowledged writes overwritten by another")
	unacknowledged := final.Num("startup.version") - v0 - len(acks)
	assert.True(t, unacknowledged >= 0 && unacknowledged <= len(unknown),
		"every acknowledged write moved the version, and only writes answered with an error did too (%d did, %d such)", unacknowledged, len(unknown))
	if last.version == final.Num("startup.version") {
		assert.Equal(t, last.description, final.Str("startup.description"))
	} else {
		assert.True(t, unknown[final.Str("startup.description")], "the last write, %q, was acknowledged or answered with an error", final.Str("startup.description"))
	}

	t.Logf("%d ticks of %s while all 3 replicas were up: %d ran once each (by replica: %v), %d skipped while an earlier run worked; %s killed holding %s's lease (run %s) "+
		"%.2f s before it expired; taken over by %s %.2f s after the kill (%.2f s after expiry; lease TTL %s, tick every %s); "+
		"%d acknowledged writes to one startup from 3 replicas, %d version conflicts, none lost (%d of %d answered with an error landed)",
		ticks, countedJob, ran, ranBy, skipped, replicas[victim].name, killedJob, deadRun, held.ExpiresAt.Sub(killed).Seconds(),
		takeover.Instance, takeover.StartedAt.Sub(killed).Seconds(), takeover.StartedAt.Sub(held.ExpiresAt).Seconds(),
		replicaLeaseTTL, killedEvery, len(acks), conflicts, unacknowledged, len(unknown))
}

// command is this test binary run as `innoport ARGS` (see TestMain), its
// output kept line by line.
type command struct {
	name  string
	cmd   *exec.Cmd
	mu    sync.Mutex
	lines []string
	done  chan struct{}
}

// startCommand runs `innoport ARGS` with env added to the test's; it is
// stopped with SIGTERM when the test ends.
func startCommand(t *testing.T, name string, args []string, env ...string) *command {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	c := &command{name: name, cmd: exec.Command(exe, args...), done: make(chan struct{})}
	c.cmd.Env = append(os.Environ(), append([]string{"INNOPORT_TEST_MAIN=1", "MONGODB_URI="}, env...)...)
	dieWithTest(c.cmd)
	stdout, err := c.cmd.StdoutPipe()
	require.NoError(t, err)
	stderr, err := c.cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, c.cmd.Start())
	var readers sync.WaitGroup
	for _, r := range []io.Reader{stdout, stderr} {
		readers.Add(1)
		go func() {
			defer readers.Done()
			s := bufio.NewScanner(r)
			s.Buffer(make([]byte, 1<<20), 1<<20)
			for s.Scan() {
				c.mu.Lock()
				c.lines = append(c.lines, s.Text())
				c.mu.Unlock()
			}
		}()
	}
	go func() {
		readers.Wait()
		_ = c.cmd.Wait()
		close(c.done)
	}()
	t.Cleanup(func() {
		_ = c.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-c.done:
		case <-time.After(20 * time.Second):
			_ = c.cmd.Process.Kill()
			<-c.done
			t.Errorf("%s did not stop on SIGTERM", name)
		}
	})
	return c
}

// waitLine returns the first output line match accepts.
func (c *command) waitLine(t *testing.T, timeout time.Duration, match func(string) bool) string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		c.mu.Lock()
		for _, l := range c.lines {
			if match(l) {
				c.mu.Unlock()
				return l
			}
		}
		c.mu.Unlock()
		select {
		case <-c.done:
			t.Fatalf("%s exited: %s", c.name, strings.Join(c.lines, "\n"))
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("%s: no such line within %s:\n%s", c.name, timeout, strings.Join(c.lines, "\n"))
	return ""
}

// logField returns field of the first JSON log line with message msg.
func (c *command) logField(t *testing.T, timeout time.Duration, msg, field string) string {
	t.Helper()
	line := c.waitLine(t, timeout, func(l string) bool { return strings.Contains(l, `"msg":"`+msg+`"`) })
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(line), &m))
	s, _ := m[field].(string)
	return s
}

// output returns the lines printed so far.
func (c *command) output() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.lines)
}

// logLines returns the JSON log lines with one of msgs, their string fields.
func (c *command) logLines(msgs ...string) []map[string]string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []map[string]string
	for _, l := range c.lines {
		var m map[string]any
		if json.Unmarshal([]byte(l), &m) != nil {
			continue
		}
		for _, msg := range msgs {
			if m["msg"] == msg {
				fields := map[string]string{}
				for k, v := range m {
					fields[k] = fmt.Sprint(v)
				}
				out = append(out, fields)
			}
		}
	}
	return out
}

// tryGraphQL posts a request to a replica over HTTP.
func tryGraphQL(ctx context.Context, client *http.Client, url, token, query string, vars map[string]any) (apitest.Response, error) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return apitest.Response{}, err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return apitest.Response{}, err
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Authorization", "Bearer "+token)
	resp, err := client.Do(hr)
	if err != nil {
		return apitest.Response{}, err
	}
	defer resp.Body.Close()
	var r apitest.Response
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return apitest.Response{}, err
	}
	if resp.StatusCode != http.StatusOK || len(r.Errors) > 0 {
		return r, fmt.Errorf("%s: %+v", resp.Status, r.Errors)
	}
	return r, nil
}

func postGraphQL(t *testing.T, client *http.Client, url, token, query string, vars map[string]any) apitest.Response {
	t.Helper()
	r, err := tryGraphQL(context.Background(), client, url, token, query, vars)
	require.NoError(t, err)
	return r
}
