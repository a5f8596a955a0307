package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// No Docker engine runs here, so the deploy files are checked for what can
// go wrong without one: every variable they set is one the binary reads,
// the binary accepts their configuration, and every command they run exists.

// knownVariables are the variables the service reads: those named in the
// configuration code, and the standard OTEL_* ones.
func knownVariables(t *testing.T) func(string) bool {
	t.Helper()
	src, err := os.ReadFile("config.go")
	require.NoError(t, err)
	names := map[string]bool{}
	for _, m := range regexp.MustCompile(`"((?:INNOPORT|MONGODB|MEILI)_[A-Z_]+)"`).FindAllStringSubmatch(string(src), -1) {
		names[m[1]] = true
	}
	require.Contains(t, names, "MONGODB_URI")
	return func(k string) bool { return names[k] || strings.HasPrefix(k, "OTEL_") }
}

var substitution = regexp.MustCompile(`\$\{[^}]*\}`)

func TestComposeConfiguresReplicasTheBinaryAccepts(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("../../deploy/compose.yaml")
	require.NoError(t, err)
	var compose struct {
		Services map[string]struct {
			Environment map[string]string `yaml:"environment"`
			Build       map[string]string `yaml:"build"`
		} `yaml:"services"`
	}
	require.NoError(t, yaml.Unmarshal(raw, &compose))
	known := knownVariables(t)
	replicas := 0
	for name, svc := range compose.Services {
		if !strings.HasPrefix(name, "innoport-") {
			continue
		}
		replicas++
		assert.Equal(t, "deploy/Dockerfile", svc.Build["dockerfile"])
		env := map[string]string{}
		for k, v := range svc.Environment {
			assert.True(t, known(k), "%s sets %s, which the service does not read", name, k)
			// ${VAR:?…} is the operator's to set; stand in a valid value.
			env[k] = substitution.ReplaceAllString(v, "0123456789abcdef0123456789abcdef")
		}
		cfg, _, err := parseConfig("serve", nil, func(k string) string { return env[k] })
		require.NoError(t, err, "%s's environment", name)
		assert.False(t, cfg.Embedded(), "%s runs on the replica set", name)
		assert.Contains(t, cfg.MongoURI, "replicaSet=rs0")
		assert.Equal(t, name, cfg.Instance, "each replica names itself in job leases")
		assert.False(t, cfg.Demo, "no demo data on a real store")
	}
	assert.Equal(t, 2, replicas)
}

func TestDockerfileRunsCommandsTheBinaryHas(t *testing.T) {
	t.Parallel()
	f, err := os.Open("../../deploy/Dockerfile")
	require.NoError(t, err)
	defer f.Close()
	known := knownVariables(t)
	var commands [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if k, _, ok := strings.Cut(strings.TrimPrefix(line, "ENV "), "="); strings.HasPrefix(line, "ENV ") && ok {
			assert.True(t, known(k), "the image sets %s, which the service does not read", k)
		}
		if i := strings.Index(line, "CMD ["); i >= 0 && (strings.HasPrefix(line, "CMD") || strings.HasPrefix(line, "HEALTHCHECK")) {
			var args []string
			require.NoError(t, json.Unmarshal([]byte(line[i+len("CMD "):]), &args), line)
			commands = append(commands, args)
		}
	}
	require.NoError(t, sc.Err())
	require.Len(t, commands, 2, "the default command and the health check")
	for _, args := range commands {
		if args[0] == "/innoport" {
			args = args[1:]
		}
		err := run(context.Background(), append(args, "-h"), func(string) string { return "" }, io.Discard, io.Discard)
		assert.True(t, errors.Is(err, flag.ErrHelp), "innoport %v: %v", args, err)
	}
}

func TestHealthAsksReadiness(t *testing.T) {
	t.Parallel()
	var status atomic.Int32
	status.Store(http.StatusOK)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "/readyz", r.URL.Path)
		w.WriteHeader(int(status.Load()))
	}))
	defer srv.Close()
	check := func() error {
		return run(context.Background(), []string{"health", "--url", srv.URL + "/readyz"}, func(string) string { return "" }, io.Discard, io.Discard)
	}
	assert.NoError(t, check())
	status.Store(http.StatusServiceUnavailable)
	assert.ErrorContains(t, check(), "503")
}
