package search

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// Keeping the index up to date without transactions: every store write of
// an indexed record first marks the record in a durable outbox, then
// writes it. The indexer reads the marked records as they are now, upserts
// or deletes their documents, and clears each mark unless the record was
// marked again meanwhile. A crash after the mark and before the index
// write leaves the mark, so the record is indexed on the next pass; a mark
// whose write then failed only reindexes the record as it is. The
// reindex-search job repairs any other drift from the versions.

// Change is a record marked for indexing.
type Change struct {
	Key
	At time.Time // when it was (last) marked
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
	// searchable.
	Docs(ctx context.Context, keys []Key) (map[Key]Doc, error)
	// Each calls fn with the document of every searchable record of type t.
	Each(ctx context.Context, t Type, fn func(Doc) error) error
}

// batch is how many records a pass or a rebuild writes to the index at once.
const batch = 1000

// pollEvery is how often the indexer looks for marks made by other
// processes sharing the store.
const pollEvery = time.Second

// Indexer keeps an Index up to date with the store.
type Indexer struct {
	Index  Index
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
	// (saved-search alerts).
	Indexed func(ctx context.Context, docs []Doc)

	mu      sync.Mutex // one pass, repair or rebuild at a time
	wake    chan struct{}
	stop    chan struct{}
	stopped sync.WaitGroup
}

// Sync indexes every marked record and reports how many it indexed.
func (x *Indexer) Sync(ctx context.Context) (int, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	total := 0
	for {
		cs, err := x.Outbox.Pending(ctx, batch)
		if err != nil || len(cs) == 0 {
			return total, err
		}
		keys := make([]Key, len(cs))
		for i, c := range cs {
			keys[i] = c.Key
		}
		docs, err := x.Source.Docs(ctx, keys)
		if err != nil {
			return total, err
		}
		var (
			up   []Doc
			gone []Key
		)
		for _, k := range keys {
			if d, ok := docs[k]; ok {
				up = append(up, d)
			} else {
				gone = append(gone, k)
			}
		}
		if err := x.Index.Upsert(ctx, up...); err != nil {
			return total, err
		}
		if err := x.Index.Delete(ctx, gone...); err != nil {
			return total, err
		}
		if err := x.Outbox.Done(ctx, cs); err != nil {
			return total, err
		}
		if x.Lag != nil {
			now := x.Now()
			for _, c := range cs {
				x.Lag(now.Sub(c.At))
			}
		}
		if x.Indexed != nil && len(up) > 0 {
			x.Indexed(ctx, up)
		}
		total += len(cs)
		if len(cs) < batch {
			return total, nil
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
	for _, t := range Types {
		have, err := x.Index.Versions(ctx, t)
		if err != nil {
			return st, err
		}
		var stale []Doc
		flush := func() error {
			err := x.Index.Upsert(ctx, stale...)
			st.Indexed += len(stale)
			stale = stale[:0]
			return err
		}
		err = x.Source.Each(ctx, t, func(d Doc) error {
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
		var gone []Key
		for id := range have {
			gone = append(gone, Key{t, id})
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
func (x *Indexer) Rebuild(ctx context.Context, progress func(t Type, done int)) (int, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if err := x.Index.Reset(ctx); err != nil {
		return 0, err
	}
	total := 0
	for _, t := range Types {
		var docs []Doc
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
		err := x.Source.Each(ctx, t, func(d Doc) error {
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
	if x.stop != nil {
		close(x.stop)
		x.stopped.Wait()
	}
}
