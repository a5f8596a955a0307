package graph_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen/config"
	"github.com/stretchr/testify/require"
)

// TestGeneratedCodeIsCurrent regenerates the gqlgen code from web-schema/ in
// a copy of the module and fails when any generated file differs from the
// committed one: run `go tool gqlgen generate` and commit the result.
func TestGeneratedCodeIsCurrent(t *testing.T) {
	if testing.Short() {
		t.Skip("regenerates the GraphQL code; skipped with -short")
	}
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	tmp := t.TempDir()
	require.NoError(t, copyModule(root, tmp))

	t.Chdir(tmp)
	cfg, err := config.LoadConfigFromDefaultLocations()
	require.NoError(t, err)
	require.NoError(t, api.Generate(cfg))

	var generated []string
	require.NoError(t, filepath.WalkDir(filepath.Join(tmp, "graph"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, "generated.go") || strings.HasSuffix(p, "_gen.go") ||
			strings.HasSuffix(p, ".resolvers.go")) {
			generated = append(generated, p)
		}
		return err
	}))
	require.NotEmpty(t, generated)
	for _, p := range generated {
		rel, _ := filepath.Rel(tmp, p)
		want, err := os.ReadFile(p)
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(root, rel))
		require.NoError(t, err, "%s is generated but not committed", rel)
		if line, ok := firstDifference(string(want), string(got)); !ok {
			t.Errorf("%s is stale at line %d: run `go tool gqlgen generate`", rel, line)
		}
	}
}

// firstDifference returns the first line (from 1) where a and b differ.
func firstDifference(a, b string) (int, bool) {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		if i >= len(al) || i >= len(bl) || al[i] != bl[i] {
			return i + 1, false
		}
	}
	return 0, true
}

// copyModule copies the module's sources (not .git, data or build output).
func copyModule(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if name := d.Name(); rel != "." && (strings.HasPrefix(name, ".") || name == "data" || name == "node_modules") {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
}
