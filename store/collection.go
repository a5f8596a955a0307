package store

import (
	"context"
	"errors"
	"sync"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// collection is a MongoDB collection as the repositories use it: the
// driver's methods of the same names and signatures, so the repository code
// is the same on MongoDB and on the embedded store. On MongoDB, and on a
// FerretDB other processes share (`innoport db serve`), every call goes
// straight to the server. On an embedded FerretDB this process started, a
// memo (memo.go) answers the reads it can, and batched loads by _id
// ({_id: {$in: […]}}) it cannot are sent as lookups of one _id each, the one
// query FerretDB's SQLite backend does not decode the whole collection for.
// ferretBulk lets one bulk write at a time reach FerretDB from this
// process. FerretDB v1.24's SQLite handler keeps a connection per statement
// of a command until the command ends (see writeBatch): two bulk writes of
// 50 statements at once — the startups' rescoring and technology
// transfer's — took every connection of its pool, and every command of the
// store waited for ever (seen growing a city to 1,500 startups).
var ferretBulk sync.Mutex

type collection struct {
	db *DB
	c  *mongo.Collection
	// memo is nil unless this process is the embedded server's only client.
	memo *memo
	// lookups is set on FerretDB: $in loads by _id go as single lookups.
	lookups bool
}

// coll returns the collection name of the database; fields, when given,
// are what its memo keeps (the rest is read from the server).
func (d *DB) coll(name string, fields ...string) *collection {
	c := &collection{db: d, c: d.db.Collection(name), lookups: d.serial != nil}
	// Only an embedded server this process started, which no other
	// process reaches (the data directory is locked), can be memoised.
	if d.sole {
		c.memo = memoOf(d.uri, d.db.Name(), name, fields)
	}
	return c
}

// Name is the collection's name.
func (c *collection) Name() string { return c.c.Name() }

// optionsOf applies option builders.
func optionsOf[T any](opts []options.Lister[T]) (T, error) {
	var o T
	for _, l := range opts {
		if l == nil {
			continue
		}
		for _, f := range l.List() {
			if f == nil {
				continue
			}
			if err := f(&o); err != nil {
				return o, err
			}
		}
	}
	return o, nil
}

// loaded is the memo, loaded, when there is one and it could be loaded.
func (c *collection) loaded(ctx context.Context) *memo {
	if c.memo == nil {
		return nil
	}
	if err := c.memo.load(ctx, c.c); err != nil {
		return nil // the server answers, and reports what is wrong
	}
	return c.memo
}

// Find is mongo.Collection.Find.
func (c *collection) Find(ctx context.Context, filter any, opts ...options.Lister[options.FindOptions]) (*mongo.Cursor, error) {
	o, err := optionsOf(opts)
	if err == nil && o.Collation == nil && o.Hint == nil && o.Max == nil && o.Min == nil && o.ReturnKey == nil &&
		o.ShowRecordID == nil && o.Let == nil && o.CursorType == nil {
		if m := c.loaded(ctx); m != nil {
			if q, ok := m.plan(filter, o.Sort, o.Skip, o.Limit, o.Projection); ok {
				start := time.Now()
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				if docs, ok := m.run(q); ok {
					c.db.answered(ctx, c.Name(), "find", start)
					return cursorOf(docs)
				}
			}
		}
		if ids, ok := idsOf(filter); ok && c.lookups && o.Sort == nil && o.Skip == nil && o.Limit == nil && len(ids) > 1 && onlyID(filter) {
			return c.lookup(ctx, ids, o.Projection)
		}
	}
	return c.c.Find(ctx, filter, opts...)
}

// FindOne is mongo.Collection.FindOne.
func (c *collection) FindOne(ctx context.Context, filter any, opts ...options.Lister[options.FindOneOptions]) *mongo.SingleResult {
	o, err := optionsOf(opts)
	if err == nil && o.Collation == nil && o.Hint == nil && o.Max == nil && o.Min == nil && o.ReturnKey == nil && o.ShowRecordID == nil {
		if m := c.loaded(ctx); m != nil {
			one := int64(1)
			if q, ok := m.plan(filter, o.Sort, o.Skip, &one, o.Projection); ok {
				start := time.Now()
				if err := ctx.Err(); err != nil {
					return mongo.NewSingleResultFromDocument(bson.D{}, err, nil)
				}
				if docs, ok := m.run(q); ok {
					c.db.answered(ctx, c.Name(), "find", start)
					if len(docs) == 0 {
						return mongo.NewSingleResultFromDocument(bson.D{}, mongo.ErrNoDocuments, nil)
					}
					return mongo.NewSingleResultFromDocument(docs[0], nil, nil)
				}
			}
		}
	}
	return c.c.FindOne(ctx, filter, opts...)
}

// CountDocuments is mongo.Collection.CountDocuments.
func (c *collection) CountDocuments(ctx context.Context, filter any, opts ...options.Lister[options.CountOptions]) (int64, error) {
	o, err := optionsOf(opts)
	if err == nil && o.Collation == nil && o.Hint == nil {
		if m := c.loaded(ctx); m != nil {
			if q, ok := m.plan(filter, nil, o.Skip, o.Limit, bson.D{{Key: "_id", Value: 1}}); ok {
				start := time.Now()
				if err := ctx.Err(); err != nil {
					return 0, err
				}
				if docs, ok := m.run(q); ok {
					c.db.answered(ctx, c.Name(), "count", start)
					return int64(len(docs)), nil
				}
			}
		}
	}
	return c.c.CountDocuments(ctx, filter, opts...)
}

// Aggregate is mongo.Collection.Aggregate; the server runs it.
func (c *collection) Aggregate(ctx context.Context, pipeline any, opts ...options.Lister[options.AggregateOptions]) (*mongo.Cursor, error) {
	return c.c.Aggregate(ctx, pipeline, opts...)
}

func cursorOf(docs []bson.Raw) (*mongo.Cursor, error) {
	out := make([]any, len(docs))
	for i, d := range docs {
		out[i] = d
	}
	return mongo.NewCursorFromDocuments(out, nil, nil)
}

// onlyID reports whether filter has no condition but on _id.
func onlyID(filter any) bool {
	raw, err := bson.Marshal(filter)
	if err != nil {
		return false
	}
	els, err := bson.Raw(raw).Elements()
	return err == nil && len(els) == 1
}

// lookupParallelism bounds the single lookups of one batched load in
// flight together.
const lookupParallelism = 8

// lookup loads the documents of ids one _id at a time, several at once.
func (c *collection) lookup(ctx context.Context, ids []string, projection any) (*mongo.Cursor, error) {
	var (
		mu   sync.Mutex
		docs []bson.Raw
		wg   sync.WaitGroup
		fail error
	)
	sem := make(chan struct{}, lookupParallelism)
	for _, id := range ids {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			opts := options.FindOne()
			if projection != nil {
				opts.SetProjection(projection)
			}
			raw, err := c.c.FindOne(ctx, bson.D{{Key: "_id", Value: id}}, opts).Raw()
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				docs = append(docs, raw)
			case !errors.Is(err, mongo.ErrNoDocuments) && fail == nil:
				fail = err
			}
		}()
	}
	wg.Wait()
	if fail != nil {
		return nil, fail
	}
	return cursorOf(docs)
}

// The writes. Each holds the memo's write lock from the server's write to
// the memo's update, so the memo takes the collection's writes in the
// order the server did.

// written runs write under the memo's lock and, when it succeeded, follow
// to bring the memo up to date.
func (c *collection) written(write func() error, follow func(m *memo)) error {
	if c.memo == nil {
		return write()
	}
	c.memo.write.Lock()
	defer c.memo.write.Unlock()
	err := write()
	if err != nil {
		if !unchanged(err) {
			// Some of a bulk write may have landed, or a write's answer
			// was lost: start again from the server.
			c.memo.drop()
		}
		return err
	}
	follow(c.memo)
	return nil
}

// unchanged reports an error after which the server holds what it held
// before the write: a unique index refused it (a bulk write's other
// documents may have landed, but those are a BulkWriteException's, which
// this does not take), or SQLite's writer was busy.
func unchanged(err error) bool {
	var bulk mongo.BulkWriteException
	if errors.As(err, &bulk) {
		return false
	}
	return isDuplicateKey(err) || isBusy(err)
}

// replaceAt replaces document id with doc if its version is still read —
// a compare-and-set, whoever else writes. With a memo, the memo's version
// is compared under the lock every writer of the process takes, and the
// server is asked to replace by _id alone (the lookup it does not scan
// for); otherwise the server compares.
func (c *collection) replaceAt(ctx context.Context, id string, read int64, doc any) (bool, error) {
	m := c.loaded(ctx)
	if m == nil || !m.covers([]string{"version"}) {
		res, err := c.ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "version", Value: read}}, doc)
		return err == nil && res.MatchedCount == 1, err
	}
	written := false
	err := c.written(func() error {
		m.mu.RLock()
		stored, ok := m.docs[id]
		m.mu.RUnlock()
		if v, _ := stored.Lookup("version").AsInt64OK(); !ok || v != read {
			return nil
		}
		res, err := c.c.ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}}, doc)
		written = err == nil && res.MatchedCount == 1
		return err
	}, func(m *memo) {
		if written {
			putDoc(m, doc, id)
		}
	})
	return written, err
}

// refresh reads document id from the server into the memo, or forgets it.
func (c *collection) refresh(ctx context.Context, m *memo, id string) {
	raw, err := c.c.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Raw()
	switch {
	case err == nil:
		m.put(raw)
	case errors.Is(err, mongo.ErrNoDocuments):
		m.remove(id)
	default:
		m.drop()
	}
}

// putDoc stores a document written whole.
func putDoc(m *memo, doc any, id string) {
	raw, err := bson.Marshal(doc)
	if err != nil {
		m.drop()
		return
	}
	if _, has := bson.Raw(raw).Lookup("_id").StringValueOK(); !has {
		// A replacement without its _id keeps the stored one.
		d := bson.D{{Key: "_id", Value: id}}
		els, _ := bson.Raw(raw).Elements()
		for _, el := range els {
			if el.Key() != "_id" {
				d = append(d, bson.E{Key: el.Key(), Value: el.Value()})
			}
		}
		if raw, err = bson.Marshal(d); err != nil {
			m.drop()
			return
		}
	}
	m.put(raw)
}

// InsertOne is mongo.Collection.InsertOne.
func (c *collection) InsertOne(ctx context.Context, doc any, opts ...options.Lister[options.InsertOneOptions]) (*mongo.InsertOneResult, error) {
	var res *mongo.InsertOneResult
	err := c.written(func() (err error) {
		res, err = c.c.InsertOne(ctx, doc, opts...)
		return err
	}, func(m *memo) {
		id, ok := res.InsertedID.(string)
		if !ok {
			m.drop()
			return
		}
		putDoc(m, doc, id)
	})
	return res, err
}

// InsertMany is mongo.Collection.InsertMany.
func (c *collection) InsertMany(ctx context.Context, docs []any, opts ...options.Lister[options.InsertManyOptions]) (*mongo.InsertManyResult, error) {
	var res *mongo.InsertManyResult
	err := c.written(func() (err error) {
		res, err = c.c.InsertMany(ctx, docs, opts...)
		return err
	}, func(m *memo) {
		for i, doc := range docs {
			id, ok := res.InsertedIDs[i].(string)
			if !ok {
				m.drop()
				return
			}
			putDoc(m, doc, id)
		}
	})
	return res, err
}

// ReplaceOne is mongo.Collection.ReplaceOne. With a memo, a replace
// conditional on more than the _id (a version) is decided against the
// memo, exact under the collection's lock, and sent by _id alone: FerretDB
// reads the whole collection for any other filter.
func (c *collection) ReplaceOne(ctx context.Context, filter, replacement any, opts ...options.Lister[options.ReplaceOptions]) (*mongo.UpdateResult, error) {
	o, err := optionsOf(opts)
	if err != nil {
		return nil, err
	}
	upsert := o.Upsert != nil && *o.Upsert
	m := c.loaded(ctx)
	var res *mongo.UpdateResult
	err = c.written(func() (err error) {
		if !upsert {
			var miss bool
			if filter, miss = m.byID(filter); miss {
				res = &mongo.UpdateResult{Acknowledged: true}
				return nil
			}
		}
		res, err = c.c.ReplaceOne(ctx, filter, replacement, opts...)
		return err
	}, func(m *memo) {
		if res.MatchedCount+res.UpsertedCount == 0 {
			return
		}
		if id, ok := idOf(filter); ok {
			putDoc(m, replacement, id)
		} else {
			m.drop()
		}
	})
	return res, err
}

// UpdateOne is mongo.Collection.UpdateOne. With a memo, an update (not an
// upsert) conditional on more than the _id is decided against the memo,
// as ReplaceOne's, and sent by _id alone.
func (c *collection) UpdateOne(ctx context.Context, filter, update any, opts ...options.Lister[options.UpdateOneOptions]) (*mongo.UpdateResult, error) {
	o, err := optionsOf(opts)
	if err != nil {
		return nil, err
	}
	upsert := o.Upsert != nil && *o.Upsert
	m := c.loaded(ctx)
	var res *mongo.UpdateResult
	err = c.written(func() (err error) {
		if !upsert && o.ArrayFilters == nil {
			var miss bool
			if filter, miss = m.byID(filter); miss {
				res = &mongo.UpdateResult{Acknowledged: true}
				return nil
			}
		}
		res, err = c.c.UpdateOne(ctx, filter, update, opts...)
		return err
	}, func(m *memo) {
		if res.MatchedCount+res.UpsertedCount == 0 {
			return
		}
		if id, ok := idOf(filter); ok {
			c.refresh(ctx, m, id)
		} else {
			m.drop()
		}
	})
	return res, err
}

// FindOneAndUpdate is mongo.Collection.FindOneAndUpdate.
func (c *collection) FindOneAndUpdate(ctx context.Context, filter, update any, opts ...options.Lister[options.FindOneAndUpdateOptions]) *mongo.SingleResult {
	var res *mongo.SingleResult
	err := c.written(func() error {
		res = c.c.FindOneAndUpdate(ctx, filter, update, opts...)
		if errors.Is(res.Err(), mongo.ErrNoDocuments) {
			return nil // nothing matched, nothing changed
		}
		return res.Err()
	}, func(m *memo) {
		if id, ok := idOf(filter); ok {
			c.refresh(ctx, m, id)
		} else {
			m.drop()
		}
	})
	if err != nil && res == nil {
		return mongo.NewSingleResultFromDocument(bson.D{}, err, nil)
	}
	return res
}

// DeleteOne is mongo.Collection.DeleteOne. With a memo, a delete
// conditional on more than the _id is decided against the memo, as
// ReplaceOne's, and sent by _id alone.
func (c *collection) DeleteOne(ctx context.Context, filter any, opts ...options.Lister[options.DeleteOneOptions]) (*mongo.DeleteResult, error) {
	m := c.loaded(ctx)
	var res *mongo.DeleteResult
	err := c.written(func() (err error) {
		var miss bool
		if filter, miss = m.byID(filter); miss {
			res = &mongo.DeleteResult{Acknowledged: true}
			return nil
		}
		res, err = c.c.DeleteOne(ctx, filter, opts...)
		return err
	}, func(m *memo) {
		if res.DeletedCount == 0 {
			return
		}
		if id, ok := idOf(filter); ok {
			m.remove(id)
		} else {
			m.drop()
		}
	})
	return res, err
}

// DeleteMany is mongo.Collection.DeleteMany.
func (c *collection) DeleteMany(ctx context.Context, filter any, opts ...options.Lister[options.DeleteManyOptions]) (*mongo.DeleteResult, error) {
	var res *mongo.DeleteResult
	err := c.written(func() (err error) {
		res, err = c.c.DeleteMany(ctx, filter, opts...)
		return err
	}, func(m *memo) {
		if res.DeletedCount == 0 {
			return
		}
		if ids, ok := idsOf(filter); ok && onlyID(filter) {
			for _, id := range ids {
				m.remove(id)
			}
		} else {
			m.drop()
		}
	})
	return res, err
}

// BulkWrite is mongo.Collection.BulkWrite. With a memo, replaces are
// decided against it as ReplaceOne's are, and the memo follows inserts and
// documents replaced by _id; any other model drops it.
func (c *collection) BulkWrite(ctx context.Context, models []mongo.WriteModel, opts ...options.Lister[options.BulkWriteOptions]) (*mongo.BulkWriteResult, error) {
	m := c.loaded(ctx)
	var res *mongo.BulkWriteResult
	send := models
	err := c.written(func() (err error) {
		if m != nil {
			send = m.narrow(models)
		}
		if len(send) == 0 {
			res = &mongo.BulkWriteResult{}
			return nil
		}
		if c.db.serial != nil { // FerretDB: one bulk write at a time (ferretBulk)
			ferretBulk.Lock()
			defer ferretBulk.Unlock()
		}
		res, err = c.c.BulkWrite(ctx, send, opts...)
		return err
	}, func(m *memo) {
		for _, w := range send {
			switch w := w.(type) {
			case *mongo.InsertOneModel:
				raw, err := bson.Marshal(w.Document)
				if err != nil {
					m.drop()
					return
				}
				m.put(raw)
			case *mongo.ReplaceOneModel:
				// By _id alone, narrow kept only replaces that match, and
				// an upsert stores its replacement whatever was there.
				if id, ok := idOf(w.Filter); ok && onlyID(w.Filter) {
					putDoc(m, w.Replacement, id)
				} else {
					m.drop()
					return
				}
			default:
				m.drop()
				return
			}
		}
	})
	return res, err
}

// narrow decides the replaces among models against the memo: one that
// matches goes by its _id alone, one that does not is left out. The caller
// holds the collection's write lock.
func (m *memo) narrow(models []mongo.WriteModel) []mongo.WriteModel {
	out := make([]mongo.WriteModel, 0, len(models))
	for _, w := range models {
		r, ok := w.(*mongo.ReplaceOneModel)
		if !ok || r.Upsert != nil && *r.Upsert {
			out = append(out, w)
			continue
		}
		if filter, miss := m.byID(r.Filter); !miss {
			by := *r
			by.Filter = filter
			out = append(out, &by)
		}
	}
	return out
}

// byID decides a write's filter that names an _id against the memo: when
// the document matches, the write goes by its _id alone; miss is set when
// it does not, and the write would change nothing. Any other filter, or
// one the memo cannot decide (or no memo), is returned as it is. The
// caller holds the collection's write lock.
func (m *memo) byID(filter any) (narrowed any, miss bool) {
	if m == nil {
		return filter, false
	}
	id, ok := idOf(filter)
	if !ok {
		return filter, false
	}
	hit, ok := m.decide(filter, id)
	switch {
	case !ok:
		return filter, false
	case !hit:
		return nil, true
	}
	return bson.D{{Key: "_id", Value: id}}, false
}
