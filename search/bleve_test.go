package search_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/searchtest"
)

func TestBleveContract(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Index {
		idx, err := search.OpenBleve(t.TempDir())
		require.NoError(t, err)
		t.Cleanup(func() { _ = idx.Close() })
		return idx
	})
}
