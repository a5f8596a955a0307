package meili_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/meili"
	"github.com/innoport/innoport/search/searchtest"
)

func TestMain(m *testing.M) { searchtest.Main(m) }

func TestMeiliContract(t *testing.T) {
	url, key := searchtest.Meilisearch(t)
	searchtest.Run(t, func(t *testing.T) search.Index {
		idx, err := meili.New(context.Background(), url, key, searchtest.IndexUID())
		require.NoError(t, err)
		return idx
	})
}
