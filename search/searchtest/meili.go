package searchtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// A real Meilisearch for the tests: the one at MEILI_URL (with
// MEILI_MASTER_KEY) when set, else the binary installed by
// install-meilisearch.sh, started once per test binary on a loopback port.
var (
	meiliOnce sync.Once
	meiliURL  string
	meiliKey  string
	meiliErr  error
	meiliSkip string
	meiliCmd  *exec.Cmd
	meiliDir  string
)

// Main runs a package's tests and stops the Meilisearch they started.
// Call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	Stop()
	os.Exit(code)
}

// Stop stops the Meilisearch the tests started, if any.
func Stop() {
	if meiliCmd != nil {
		_ = meiliCmd.Process.Kill()
		_ = meiliCmd.Wait()
	}
	if meiliDir != "" {
		_ = os.RemoveAll(meiliDir)
	}
}

// Meilisearch returns the URL and master key of the test Meilisearch. It
// skips the test, saying so, only where npm is missing to install it.
func Meilisearch(t testing.TB) (url, key string) {
	t.Helper()
	meiliOnce.Do(startMeili)
	if meiliSkip != "" {
		fmt.Fprintln(os.Stderr, "!! "+meiliSkip)
		t.Skip(meiliSkip)
	}
	if meiliErr != nil {
		t.Fatalf("Meilisearch: %v", meiliErr)
	}
	return meiliURL, meiliKey
}

// IndexUID is a fresh index name for one test.
func IndexUID() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "test_" + hex.EncodeToString(b)
}

func startMeili() {
	if meiliURL = os.Getenv("MEILI_URL"); meiliURL != "" {
		meiliKey = os.Getenv("MEILI_MASTER_KEY")
		return
	}
	if _, err := exec.LookPath("npm"); err != nil {
		meiliSkip = "npm not found: the Meilisearch leg of the search tests did not run"
		return
	}
	_, file, _, _ := runtime.Caller(0)
	out, err := exec.Command("bash", filepath.Join(filepath.Dir(file), "install-meilisearch.sh")).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			err = fmt.Errorf("%w: %s", err, ee.Stderr)
		}
		meiliErr = fmt.Errorf("install: %w", err)
		return
	}
	bin := strings.TrimSpace(string(out))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		meiliErr = err
		return
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	if meiliDir, err = os.MkdirTemp("", "innoport-meili-"); err != nil {
		meiliErr = err
		return
	}
	key := make([]byte, 16)
	_, _ = rand.Read(key)
	meiliKey = hex.EncodeToString(key)
	meiliCmd = exec.Command(bin, "--http-addr", addr, "--master-key", meiliKey, "--no-analytics",
		"--db-path", filepath.Join(meiliDir, "data.ms"), "--dump-dir", filepath.Join(meiliDir, "dumps"),
		"--snapshot-dir", filepath.Join(meiliDir, "snapshots"), "--log-level", "WARN")
	if err := meiliCmd.Start(); err != nil {
		meiliErr = fmt.Errorf("start %s: %w", bin, err)
		return
	}
	meiliURL = "http://" + addr
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for ctx.Err() == nil {
		resp, err := http.Get(meiliURL + "/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	meiliErr = fmt.Errorf("Meilisearch at %s did not become healthy", meiliURL)
}
