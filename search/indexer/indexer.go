// Package indexer keeps the search index following the store without
// transactions: writes mark records in an outbox, an indexer indexes what
// is marked and clears the marks, and a repair compares versions.
package indexer

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/innoport/innoport/search"
)

// Keeping the index up to date without transactions: every store write of
// an indexed record first marks the record in a durable outbox with the
// version it is about to write, then writes it. The indexer reads the
// marked records as they are now and upserts or deletes their documents;
// it clears a mark once the record has reached the marked version (and the
// mark was not renewed meanwhile). A pass that runs between a mark and its
// write indexes the old version and keeps the mark for the next pass; a
// crash anywhere leaves the mark, so nothing is lost. A mark whose write
// never landed (the writer crashed or lost a race) is cleared after
// MarkTTL. The reindex-search job repairs any other drift from versions.

// MarkTTL is how long a mark waits for its write to land.
const MarkTTL = 2 * time.Minute

// Change is a record marked for indexing.
type Change struct {
	search.Key
	Version int64     // the highest version marked
	At      time.Time // when it was (last) marked
}

// Outbox is the durable list of marked records.
type Outbox interface {
	// Pending returns up to limit marked records.
	Pending(ctx context.Context, limit int) ([]Change, error)
	// Done clears each change, unless its record was marked again since.
	Done(ctx context.Context, cs []Change) error
}

// Source reads records as documents.
type Source interface {
	// Docs returns the documents of those keys whose records exist and are
	// searchable, and the versions of all that exist.
	Docs(ctx context.Context, keys []search.Key) (map[search.Key]search.Doc, map[search.Key]int64, error)
	// Each calls fn with the document of every searchable record of type t.
	Each(ctx context.Context, t search.Type, fn func(search.Doc) error) error
}

// batch is how many records a pass or a rebuild writes to the index at once.
const batch = 1000

// pollEvery is how often the indexer looks for marks made by other
// processes sharing the store.
const pollEvery = time.Second

// Indexer keeps an Index up to date with the store.
type Indexer struct {
	Index  search.Index
	Source Source
	Outbox Outbox
	Logger *slog.Logger
	Now    func() time.Time
	// Lease, when set, is asked before each pass: only the process holding
	// it indexes into a shared index, so passes never interleave.
	Lease func(ctx context.Context) (bool, error)
	// Lag, when set, is told how long each change waited to be indexed.
	Lag func(time.Duration)
	// Indexed, when set, is told of the documents each pass upserted
	// (saved-search alerts) before their marks are cleared: if it fails,
	// the marks stay and the next pass tells it again, so it must be
	// idempotent.
	Indexed func(ctx context.Context, docs []search.Doc) error

	mu       sync.Mutex // one pass, repair or rebuild at a time
	wake     chan struct{}
	stop     chan struct{}
	stopOnce sync.Once
	stopped  sync.WaitGroup
}

// Sync indexes every marked record and reports how many marks it cleared.
func (x *Indexer) Sync(ctx context.Context) (int, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	total := 0
	for {
		cs, err := x.Outbox.Pending(ctx, batch)
		if err != nil || len(cs) == 0 {
			return total, err
		}
		keys := make([]search.Key, len(cs))
		for i, c := range cs {
			keys[i] = c.Key
		}
		docs, versions, err := x.Source.Docs(ctx, keys)
		if err != nil {
			return total, err
		}
		var (
			up   []search.Doc
			gone []search.Key
			done []Change
		)
		now := x.Now()
		for _, c := range cs {
			if d, ok := docs[c.Key]; ok {
				up = append(up, d)
			} else {
				gone = append(gone, c.Key)
			}
			if v, ok := versions[c.Key]; (ok && v >= c.Version) || now.Sub(c.At) >= MarkTTL {
				done = append(done, c)
			}
		}
		if err := x.Index.Upsert(ctx, up...); err != nil {
			return total, err
		}
		if err := x.Index.Delete(ctx, gone...); err != nil {
			return total, err
		}
		if x.Indexed != nil && len(up) > 0 {
			if err := x.Indexed(ctx, up); err != nil {
				return total, err
			}
		}
		if err := x.Outbox.Done(ctx, done); err != nil {
			return total, err
		}
		if x.Lag != nil {
			for _, c := range done {
				x.Lag(now.Sub(c.At))
			}
		}
		total += len(done)
		if len(cs) < batch || len(done) == 0 {
			return total, nil // the rest wait for their writes to land
		}
	}
}

// RepairStats says what a repair found.
type RepairStats struct {
	Checked, Indexed, Removed int
}

// Repair compares the index with the store by version: it indexes the
// records missing or stale in the index and removes documents whose record
// is gone or no longer searchable.
func (x *Indexer) Repair(ctx context.Context) (RepairStats, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	var st RepairStats
	for _, t := range search.Types {
		have, err := x.Index.Versions(ctx, t)
		if err != nil {
			return st, err
		}
		var stale []search.Doc
		flush := func() error {
			err := x.Index.Upsert(ctx, stale...)
			st.Indexed += len(stale)
			stale = stale[:0]
			return err
		}
		err = x.Source.Each(ctx, t, func(d search.Doc) error {
			st.Checked++
			if v, ok := have[d.ID]; !ok || v != d.Version {
				stale = append(stale, d)
			}
			delete(have, d.ID)
			if len(stale) == batch {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		if err != nil {
			return st, err
		}
		var gone []search.Key
		for id := range have {
			gone = append(gone, search.Key{Type: t, ID: id})
		}
		if err := x.Index.Delete(ctx, gone...); err != nil {
			return st, err
		}
		st.Removed += len(gone)
	}
	return st, nil
}

// Rebuild empties the index and indexes every searchable record again,
// telling progress how many of each type are done after every batch.
func (x *Indexer) Rebuild(ctx context.Context, progress func(t search.Type, done int)) (int, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if err := x.Index.Reset(ctx); err != nil {
		return 0, err
	}
	total := 0
	for _, t := range search.Types {
		var docs []search.Doc
		done := 0
		flush := func() error {
			if err := x.Index.Upsert(ctx, docs...); err != nil {
				return err
			}
			done += len(docs)
			docs = docs[:0]
			progress(t, done)
			return nil
		}
		err := x.Source.Each(ctx, t, func(d search.Doc) error {
			docs = append(docs, d)
			if len(docs) == batch {
				return flush()
			}
			return nil
		})
		if err == nil {
			err = flush()
		}
		total += done
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// Poke asks the background indexer for a pass now.
func (x *Indexer) Poke() {
	select {
	case x.wake <- struct{}{}:
	default: // a pass is already due
	}
}

// Start indexes in the background: at once when poked, and every second
// for marks other processes made.
func (x *Indexer) Start() {
	x.wake, x.stop = make(chan struct{}, 1), make(chan struct{})
	x.stopped.Add(1)
	go func() {
		defer x.stopped.Done()
		tick := time.NewTicker(pollEvery)
		defer tick.Stop()
		for {
			select {
			case <-x.stop:
				return
			case <-x.wake:
			case <-tick.C:
			}
			x.pass()
		}
	}()
}

func (x *Indexer) pass() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if x.Lease != nil {
		held, err := x.Lease(ctx)
		if err != nil || !held {
			if err != nil {
				x.Logger.Warn("search indexer lease", "error", err)
			}
			return
		}
	}
	if _, err := x.Sync(ctx); err != nil && !errors.Is(err, context.Canceled) {
		x.Logger.Error("search indexing", "error", err)
	}
}

// Stop ends the background indexing after the pass in hand.
func (x *Indexer) Stop() {
	x.stopOnce.Do(func() {
		if x.stop != nil {
			close(x.stop)
		}
	})
	x.stopped.Wait()
}
