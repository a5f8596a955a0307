package bleve_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/bleve"
	"github.com/innoport/innoport/search/searchtest"
)

func TestBleveContract(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Index {
		idx, err := bleve.Open(t.TempDir())
		require.NoError(t, err)
		t.Cleanup(func() { _ = idx.Close() })
		return idx
	})
}

// An index on disk made with another mapping is replaced by an empty one
// (the service's repair at start refills it); one of this mapping is kept.
func TestBleveReplacesAnIndexOfAnotherMapping(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "search")
	idx, err := bleve.Open(dir)
	require.NoError(t, err)
	require.NoError(t, idx.Upsert(ctx, searchtest.Docs()...))
	require.NoError(t, idx.Close())

	idx, err = bleve.Open(dir)
	require.NoError(t, err)
	v, err := idx.Versions(ctx, search.Startup)
	require.NoError(t, err)
	assert.Len(t, v, 3, "kept")
	require.NoError(t, idx.Close())

	require.NoError(t, os.WriteFile(filepath.Join(dir, "innoport-mapping"), []byte("1"), 0o600))
	idx, err = bleve.Open(dir)
	require.NoError(t, err)
	defer idx.Close()
	v, err = idx.Versions(ctx, search.Startup)
	require.NoError(t, err)
	assert.Empty(t, v, "replaced")
}
