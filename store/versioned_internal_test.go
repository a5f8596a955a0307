package store

import (
	"context"
	"log/slog"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.mongodb.org/mongo-driver/v2/bson"
)

// A FerretDB this process started is written by _id alone (its stripe lock
// covers every writer); reached as another process would, the version stays
// in the filter.
func TestOnlyAFerretDBOfThisProcessIsWrittenByIDAlone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, err := StartEmbedded(t.TempDir(), "127.0.0.1:0", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	defer srv.Stop()
	own, err := Open(ctx, srv.URI(), "versioned")
	require.NoError(t, err)
	defer own.Close(ctx)
	assert.Equal(t, bson.D{{Key: "_id", Value: "a"}}, own.versioned("a", 3))

	shared, err := Open(ctx, strings.Replace(srv.URI(), "127.0.0.1", "localhost", 1), "versioned")
	require.NoError(t, err)
	defer shared.Close(ctx)
	assert.Equal(t, bson.D{{Key: "_id", Value: "a"}, {Key: "version", Value: int64(3)}}, shared.versioned("a", 3))
}
