package store

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

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
