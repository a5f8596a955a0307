package store_test

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/store"
)

// A snapshot taken while writes stream in is one instant of the store:
// every write acknowledged before the snapshot began is in it, and what it
// holds is a prefix of the writes (no later write without an earlier one).
// It is then a working store of its own, and an export of it is what
// mongorestore reads.
func TestSnapshotIsOneInstantOfAStoreBeingWritten(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	srv, err := store.StartEmbedded(dir, "127.0.0.1:0", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	defer srv.Stop()
	db, err := store.Open(ctx, srv.URI(), "innoport")
	require.NoError(t, err)
	defer db.Close(ctx)
	require.NoError(t, db.EnsureIndexes(ctx))

	// One writer, in sequence: write n is acknowledged before n+1 is sent.
	client, err := store.Open(ctx, srv.URI(), "innoport")
	require.NoError(t, err)
	defer client.Close(ctx)
	var acked atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for n := int64(1); ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			require.NoError(t, store.InsertForTest(ctx, client, "stream", bson.D{{Key: "_id", Value: fmt.Sprintf("w%06d", n)}, {Key: "n", Value: n}}))
			acked.Store(n)
		}
	}()
	for acked.Load() < 200 {
		time.Sleep(5 * time.Millisecond)
	}
	before := acked.Load()
	snap := t.TempDir()
	names, err := store.Snapshot(ctx, dir, snap)
	require.NoError(t, err)
	after := acked.Load()
	close(stop)
	wg.Wait()
	assert.Equal(t, []string{"innoport"}, names)
	require.Greater(t, after, before, "writes went on during the snapshot")

	restored, err := store.StartEmbedded(snap, "127.0.0.1:0", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	defer restored.Stop()
	rdb, err := store.Open(ctx, restored.URI(), "innoport")
	require.NoError(t, err)
	defer rdb.Close(ctx)
	cur, err := store.RawForTest(rdb, "stream").Find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "n", Value: 1}}))
	require.NoError(t, err)
	var got []struct {
		N int64 `bson:"n"`
	}
	require.NoError(t, cur.All(ctx, &got))
	require.GreaterOrEqual(t, int64(len(got)), before, "every write acknowledged before the snapshot is in it")
	for i, d := range got {
		require.Equal(t, int64(i+1), d.N, "the snapshot is a prefix of the writes")
	}
	t.Logf("acknowledged before the snapshot: %d, during it: %d, in it: %d", before, after-before, len(got))

	dump := t.TempDir()
	require.NoError(t, store.Export(ctx, rdb, dump, nil))
	data, err := os.ReadFile(filepath.Join(dump, "innoport", "stream.bson"))
	require.NoError(t, err)
	docs := 0
	for len(data) > 0 {
		doc := bson.Raw(data[:int(uint32(data[0])|uint32(data[1])<<8|uint32(data[2])<<16|uint32(data[3])<<24)])
		require.NoError(t, doc.Validate())
		data = data[len(doc):]
		docs++
	}
	assert.Equal(t, len(got), docs, "the dump holds every document as BSON")
	meta, err := os.ReadFile(filepath.Join(dump, "innoport", "startups.metadata.json"))
	require.NoError(t, err)
	assert.Contains(t, string(meta), `"taxCode_unique"`, "with the indexes mongorestore recreates")
}
