package store_test

import (
	"context"
	"errors"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/bleve"
	"github.com/innoport/innoport/search/indexer"
	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/store/storetest"
)

// failing is a real index whose writes fail while down is set: the index
// going away (a crash, a network cut) between the store write and its own.
type failing struct {
	search.Index
	down atomic.Bool
}

func (f *failing) Upsert(ctx context.Context, docs ...search.Doc) error {
	if f.down.Load() {
		return errors.New("index unreachable")
	}
	return f.Index.Upsert(ctx, docs...)
}

func newIndexer(t testing.TB, db *store.DB) (*indexer.Indexer, *failing) {
	t.Helper()
	idx, err := bleve.Open("")
	require.NoError(t, err)
	t.Cleanup(func() { _ = idx.Close() })
	f := &failing{Index: idx}
	return &indexer.Indexer{Index: f, Source: store.NewSearchSource(db), Outbox: db.SearchOutbox(),
		Logger: slog.New(slog.DiscardHandler), Now: time.Now}, f
}

func findIDs(t *testing.T, idx search.Index, text string) []string {
	t.Helper()
	res, err := idx.Search(context.Background(), search.Query{Text: text, Limit: 50})
	require.NoError(t, err)
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// Every write of an indexed record is marked before it lands; a pass
// indexes the marked records as they are and clears the marks; a pass that
// could not write the index leaves them for the next one.
func TestIndexerFollowsTheStoreThroughFailures(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := storetest.Open(t)
	x, idx := newIndexer(t, db)
	startups := store.NewStartups(db)

	st := newStartup(t, "0100233488")
	require.NoError(t, startups.Create(ctx, st))
	pending, err := db.SearchOutbox().Pending(ctx, 10)
	require.NoError(t, err)
	require.Len(t, pending, 1)
	assert.Equal(t, search.Key{Type: search.Startup, ID: st.ID}, pending[0].Key)

	n, err := x.Sync(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.Equal(t, []string{st.ID}, findIDs(t, idx, "thu nghiem"))
	pending, err = db.SearchOutbox().Pending(ctx, 10)
	require.NoError(t, err)
	assert.Empty(t, pending, "marks are cleared once indexed")

	// The index is down when the next write lands: nothing is lost.
	idx.down.Store(true)
	_, err = startups.Update(ctx, st.ID, func(s *firm.Startup) error { s.Name = "Công ty Cảng Xanh"; return nil })
	require.NoError(t, err)
	_, err = x.Sync(ctx)
	require.Error(t, err)
	assert.Equal(t, []string{st.ID}, findIDs(t, idx, "thu nghiem"), "the index still has the old name")
	idx.down.Store(false)
	n, err = x.Sync(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.Equal(t, []string{st.ID}, findIDs(t, idx, "cang xanh"))
	assert.Empty(t, findIDs(t, idx, "thu nghiem"))
	v, err := idx.Versions(ctx, search.Startup)
	require.NoError(t, err)
	assert.Equal(t, map[string]int64{st.ID: 2}, v)
}

// A record marked again while a pass indexes it keeps its mark.
func TestOutboxKeepsAMarkMadeDuringAPass(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := storetest.Open(t)
	startups := store.NewStartups(db)
	st := newStartup(t, "0100233488")
	require.NoError(t, startups.Create(ctx, st))
	seen, err := db.SearchOutbox().Pending(ctx, 10)
	require.NoError(t, err)
	time.Sleep(2 * time.Millisecond) // BSON dates have millisecond precision
	_, err = startups.Update(ctx, st.ID, func(s *firm.Startup) error { s.TeamSize = 9; return nil })
	require.NoError(t, err)
	require.NoError(t, db.SearchOutbox().Done(ctx, seen))
	left, err := db.SearchOutbox().Pending(ctx, 10)
	require.NoError(t, err)
	assert.Len(t, left, 1, "the second write is still to be indexed")
}

// Repair finds what drifted by version: a stale document, a missing one,
// and one whose record is gone.
func TestRepairBringsTheIndexInLineWithTheStore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, s := seeded(t)
	x, idx := newIndexer(t, db)
	_, err := x.Sync(ctx)
	require.NoError(t, err)
	v, err := idx.Versions(ctx, search.Startup)
	require.NoError(t, err)
	startups := len(v)
	require.Positive(t, startups)

	all, err := s.Startups.(*store.Startups).List(ctx, firm.Filter{}, value.Page{First: 3})
	require.NoError(t, err)
	stale, missing := all.Items[0], all.Items[1]
	require.NoError(t, idx.Delete(ctx, search.Key{Type: search.Startup, ID: missing.ID}))
	old := search.StartupDoc(stale)
	old.Version, old.Title = 0, "Tên cũ"
	require.NoError(t, idx.Upsert(ctx, old, search.Doc{Type: search.Startup, ID: "gone", Version: 4, Title: "Đã xoá"}))

	st, err := x.Repair(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, st.Indexed)
	assert.Equal(t, 1, st.Removed)
	v, err = idx.Versions(ctx, search.Startup)
	require.NoError(t, err)
	assert.Len(t, v, startups)
	assert.Equal(t, stale.Version, v[stale.ID])
	assert.Empty(t, findIDs(t, idx, "da xoa"))

	st, err = x.Repair(ctx)
	require.NoError(t, err)
	assert.Zero(t, st.Indexed+st.Removed, "nothing left to repair")
}

// Passes racing the writes — one may run between a mark and its write —
// still leave the index at the store's last version.
func TestIndexerRacingWritesEndsOnTheLastVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := storetest.Open(t)
	x, idx := newIndexer(t, db)
	startups := store.NewStartups(db)
	st := newStartup(t, "0100233488")
	require.NoError(t, startups.Create(ctx, st))

	stop := make(chan struct{})
	passes := make(chan error)
	go func() {
		for {
			select {
			case <-stop:
				close(passes)
				return
			default:
			}
			if _, err := x.Sync(ctx); err != nil {
				passes <- err
			}
		}
	}()
	for range 30 {
		st, _ = startups.Update(ctx, st.ID, func(s *firm.Startup) error { s.TeamSize++; return nil })
	}
	close(stop)
	for err := range passes {
		require.NoError(t, err)
	}
	_, err := x.Sync(ctx)
	require.NoError(t, err)
	v, err := idx.Versions(ctx, search.Startup)
	require.NoError(t, err)
	assert.Equal(t, map[string]int64{st.ID: 31}, v)
}

// A pass whose alerts fail keeps its marks, so the next pass alerts again:
// a notification is not lost to a failure after indexing.
func TestIndexerRetriesAlertsThatFailed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := storetest.Open(t)
	x, _ := newIndexer(t, db)
	var told []string
	fail := true
	x.Indexed = func(_ context.Context, docs []search.Doc) error {
		for _, d := range docs {
			told = append(told, d.ID)
		}
		if fail {
			fail = false
			return errors.New("notifications unreachable")
		}
		return nil
	}
	st := newStartup(t, "0100233488")
	require.NoError(t, store.NewStartups(db).Create(ctx, st))
	_, err := x.Sync(ctx)
	require.Error(t, err)
	n, err := x.Sync(ctx)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.Equal(t, []string{st.ID, st.ID}, told, "told again after the failure")
	pending, err := db.SearchOutbox().Pending(ctx, 10)
	require.NoError(t, err)
	assert.Empty(t, pending)
}
