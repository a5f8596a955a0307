package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/demo"
)

// TestKilledUnderWritesLosesNothing kills `innoport serve` on the embedded
// store with SIGKILL while four clients create startups, starts it again
// on the same data directory (the dead process's lock is gone with it), and
// finds every startup whose creation was acknowledged. A second process on
// the directory while the first runs is refused.
func TestKilledUnderWritesLosesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts three processes")
	}
	dir := t.TempDir()
	env := []string{"INNOPORT_JWT_SECRET=" + testSecret, "INNOPORT_ADDR=127.0.0.1:0", "INNOPORT_DATA_DIR=" + dir,
		"INNOPORT_DEMO=false", "INNOPORT_RATE_LIMIT=0", "INNOPORT_METRICS=false"}
	first := startCommand(t, "first", []string{"serve"}, env...)
	url := first.logField(t, 90*time.Second, "serving", "graphql")
	second := startCommand(t, "second", []string{"serve"}, env...)
	<-second.done
	assert.Contains(t, strings.Join(second.output(), "\n"), "open in another process")

	signer, err := auth.NewHS256([]byte(testSecret), time.Now)
	require.NoError(t, err)
	token, err := signer.Issue(auth.Claims{Subject: "admin-1", Roles: []string{"ADMIN"}}, time.Now(), time.Hour)
	require.NoError(t, err)
	client := &http.Client{Timeout: 10 * time.Second}
	var (
		mu    sync.Mutex
		acked []string
		wg    sync.WaitGroup
	)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				r, err := tryGraphQL(context.Background(), client, url, token,
					`mutation($in: CreateStartupInput!) { createStartup(input: $in) { startup { id } userErrors { code } } }`,
					map[string]any{"in": map[string]any{"name": fmt.Sprintf("Công ty %d-%d", w, n), "taxCode": demo.TaxCode("09", w*100_000+n),
						"foundedOn": "2024-01-02", "ward": "Lê Chân", "sectors": []string{"FINTECH"}, "stage": "SEED", "teamSize": 3,
						"contact": map[string]any{"email": "a@b.vn"}}})
				if err != nil {
					return // the server is gone
				}
				if id := r.Str("createStartup.startup.id"); id != "" {
					mu.Lock()
					acked = append(acked, id)
					mu.Unlock()
				}
			}
		}()
	}
	time.Sleep(3 * time.Second)
	require.NoError(t, first.cmd.Process.Signal(syscall.SIGKILL))
	wg.Wait()
	<-first.done
	require.NotEmpty(t, acked)

	again := startCommand(t, "again", []string{"serve"}, env...)
	url = again.logField(t, 90*time.Second, "serving", "graphql")
	for _, id := range acked {
		r := postGraphQL(t, client, url, token, `query($id: ID!) { startup(id: $id) { id } }`, map[string]any{"id": id})
		require.Equal(t, id, r.Str("startup.id"), "an acknowledged creation survives SIGKILL")
	}
	t.Logf("%d acknowledged creations before SIGKILL, all there after the restart", len(acked))
}
