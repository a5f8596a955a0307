package store

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/innoport/innoport/search"
)

// A write marks the search outbox while it holds its document's lock, so
// the outbox must not take the documents' locks: were both on one set of
// stripes, an update whose two keys met on a stripe would deadlock. Every
// document stripe is held here; a mark must still go through. Not parallel:
// the stripes are the process's.
func TestTheOutboxDoesNotWaitOnDocumentLocks(t *testing.T) {
	ctx := context.Background()
	srv, err := StartEmbedded(t.TempDir(), "127.0.0.1:0", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	defer srv.Stop()
	db, err := Open(ctx, srv.URI(), "outbox")
	require.NoError(t, err)
	defer db.Close(ctx)
	require.NotNil(t, db.serial)

	for i := range db.serial {
		db.serial[i].Lock()
	}
	unlocked := false
	unlock := func() {
		if !unlocked {
			unlocked = true
			for i := range db.serial {
				db.serial[i].Unlock()
			}
		}
	}
	defer unlock()
	done := make(chan error, 1)
	go func() { done <- db.outbox.mark(ctx, search.Key{Type: search.Startup, ID: "a"}, 2) }()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		unlock()
		t.Fatal("marking the outbox waited on a document's lock")
	}
}

// A mark renewed within the millisecond of the one a pass read (same time,
// higher version) survives the pass clearing the one it read.
func TestAMarkRenewedInTheSameMillisecondSurvives(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, err := StartEmbedded(t.TempDir(), "127.0.0.1:0", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	defer srv.Stop()
	db, err := Open(ctx, srv.URI(), "outbox")
	require.NoError(t, err)
	defer db.Close(ctx)
	k := search.Key{Type: search.Startup, ID: "a"}
	require.NoError(t, db.outbox.mark(ctx, k, 2))
	read, err := db.outbox.Pending(ctx, 10)
	require.NoError(t, err)
	require.Len(t, read, 1)
	_, err = db.outbox.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: k.String()}}, bson.D{{Key: "$set", Value: bson.D{{Key: "version", Value: int64(3)}}}})
	require.NoError(t, err)
	require.NoError(t, db.outbox.Done(ctx, read))
	left, err := db.outbox.Pending(ctx, 10)
	require.NoError(t, err)
	require.Len(t, left, 1, "the renewed mark stays")
	require.EqualValues(t, 3, left[0].Version)
}
