package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search"
)

// maxUpdateAttempts bounds the retries of an update that keeps losing races.
const maxUpdateAttempts = 5

// repo is the storage of one entity type E as documents D in one collection.
// Every document has a string _id and an int64 version.
type repo[E any, D any] struct {
	db       *DB
	coll     *collection
	toDoc    func(E) D
	toDomain func(D) (E, error)
	// meta returns the entity's record metadata.
	meta func(*E) *record.Meta
	// entity names the records in not-found messages.
	entity errs.Entity
	// onDuplicate turns a duplicate-key error into a domain error; nil when the
	// collection has no unique index besides _id.
	onDuplicate func(error) error
	// searchAs, when set, is the search type of the entities: each write is
	// marked in the search outbox first.
	searchAs search.Type
}

// markForSearch marks version of an entity as about to be written, if the
// entity is indexed.
func (r *repo[E, D]) markForSearch(ctx context.Context, id string, version int64) error {
	if r.searchAs == "" {
		return nil
	}
	return r.db.outbox.mark(ctx, search.Key{Type: r.searchAs, ID: id}, version)
}

// written tells the indexer that a marked write landed.
func (r *repo[E, D]) written() {
	if r.searchAs != "" {
		r.db.outbox.poke()
	}
}

func (r *repo[E, D]) Create(ctx context.Context, e E) error {
	m := r.meta(&e)
	if err := r.markForSearch(ctx, m.ID, m.Version); err != nil {
		return err
	}
	err := retryBusy(ctx, func() error {
		_, err := r.coll.InsertOne(ctx, r.toDoc(e))
		return err
	})
	if err != nil {
		return r.writeErr(err, "insert")
	}
	r.written()
	return nil
}

func (r *repo[E, D]) Get(ctx context.Context, id string) (E, error) {
	var zero E
	var d D
	err := r.coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return zero, r.entity.NotFound()
	}
	if err != nil {
		return zero, errs.Internalf(err, "find %s %s", r.coll.Name(), id)
	}
	return r.toDomain(d)
}

func (r *repo[E, D]) GetMany(ctx context.Context, ids []string) (map[string]E, error) {
	out := make(map[string]E, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	es, err := r.find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}}, nil)
	for _, e := range es {
		out[r.meta(&e).ID] = e
	}
	return out, err
}

func (r *repo[E, D]) Update(ctx context.Context, id string, fn func(*E) error) (E, error) {
	var zero E
	if r.db.serial != nil {
		defer r.db.serial.lock(r.coll.Name() + "/" + id)()
	}
	for range maxUpdateAttempts {
		e, err := r.Get(ctx, id)
		if err != nil {
			return zero, err
		}
		if err := fn(&e); err != nil {
			return zero, err
		}
		m := r.meta(&e)
		read := m.Version
		m.Version++
		if err := r.markForSearch(ctx, id, m.Version); err != nil {
			return zero, err
		}
		var res *mongo.UpdateResult
		err = retryBusy(ctx, func() (err error) {
			res, err = r.coll.ReplaceOne(ctx, r.db.versioned(id, read), r.toDoc(e))
			return err
		})
		if err != nil {
			return zero, r.writeErr(err, "replace")
		}
		if res.MatchedCount == 1 {
			r.written()
			return e, nil
		}
		// Somebody wrote in between: load the new version and run fn again.
	}
	return zero, errs.StillChanging()
}

// updateOrCreate runs fn on document id like Update, starting from
// fresh() when there is no such document yet; of two racing creators one
// inserts and fn runs on its document for both.
func (r *repo[E, D]) updateOrCreate(ctx context.Context, id string, fresh func() E, fn func(*E) error) (E, error) {
	e, err := r.Update(ctx, id, fn)
	if errs.KindOf(err) != errs.NotFound {
		return e, err
	}
	// Not found: the document, or something fn looked for.
	switch found := r.coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Err(); {
	case found == nil:
		return e, err
	case !errors.Is(found, mongo.ErrNoDocuments):
		return e, errs.Internalf(found, "find %s %s", r.coll.Name(), id)
	}
	if _, err := r.coll.InsertOne(ctx, r.toDoc(fresh())); err != nil && !isDuplicateKey(err) {
		return e, errs.Internalf(err, "create %s %s", r.coll.Name(), id)
	}
	return r.Update(ctx, id, fn)
}

// filtered is a repository whose lists are narrowed by a domain filter F,
// translated to a query once, in filter.
type filtered[E any, D any, F any] struct {
	repo[E, D]
	filter func(F) bson.D
}

// List returns a page of the entities matching f, in _id (creation) order.
func (r *filtered[E, D, F]) List(ctx context.Context, f F, p value.Page) (value.Slice[E], error) {
	return r.page(ctx, r.filter(f), p)
}

// Count counts the entities matching f.
func (r *filtered[E, D, F]) Count(ctx context.Context, f F) (int, error) {
	return r.count(ctx, r.filter(f))
}

// All returns every entity matching f, in _id order.
func (r *filtered[E, D, F]) All(ctx context.Context, f F) ([]E, error) {
	return r.find(ctx, r.filter(f), options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}

// page returns the documents matching filter after p.After, in _id order.
func (r *repo[E, D]) page(ctx context.Context, filter bson.D, p value.Page) (value.Slice[E], error) {
	if p.After != "" {
		filter = append(filter, bson.E{Key: "_id", Value: bson.D{{Key: "$gt", Value: p.After}}})
	}
	if p.First == 0 {
		return value.Slice[E]{}, nil
	}
	es, err := r.find(ctx, filter, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}).SetLimit(int64(p.First)+1))
	if err != nil {
		return value.Slice[E]{}, err
	}
	if len(es) > p.First {
		return value.Slice[E]{Items: es[:p.First], HasNext: true}, nil
	}
	return value.Slice[E]{Items: es}, nil
}

// Each calls fn for every entity, streaming one pass over the collection in
// no particular order: the cheapest full read on both MongoDB and FerretDB.
func (r *repo[E, D]) Each(ctx context.Context, fn func(E) error) error {
	cur, err := r.coll.Find(ctx, bson.D{}, options.Find().SetBatchSize(1000))
	if err != nil {
		return errs.Internalf(err, "scan %s", r.coll.Name())
	}
	defer cur.Close(ctx)
	for cur.Next(ctx) {
		var d D
		if err := cur.Decode(&d); err != nil {
			return errs.Internalf(err, "decode from %s", r.coll.Name())
		}
		e, err := r.toDomain(d)
		if err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := cur.Err(); err != nil {
		return errs.Internalf(err, "scan %s", r.coll.Name())
	}
	return nil
}

// countIn counts the documents of coll matching filter.
func countIn(ctx context.Context, coll *collection, filter bson.D) (int, error) {
	n, err := coll.CountDocuments(ctx, filter)
	if err != nil {
		return 0, errs.Internalf(err, "count %s", coll.Name())
	}
	return int(n), nil
}

func (r *repo[E, D]) count(ctx context.Context, filter bson.D) (int, error) {
	return countIn(ctx, r.coll, filter)
}

func (r *repo[E, D]) find(ctx context.Context, filter bson.D, opts *options.FindOptionsBuilder) ([]E, error) {
	if opts == nil {
		opts = options.Find()
	}
	cur, err := r.coll.Find(ctx, filter, opts)
	if err != nil {
		return nil, errs.Internalf(err, "find in %s", r.coll.Name())
	}
	var docs []D
	if err := cur.All(ctx, &docs); err != nil {
		return nil, errs.Internalf(err, "read %s", r.coll.Name())
	}
	out := make([]E, 0, len(docs))
	for _, d := range docs {
		e, err := r.toDomain(d)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

func (r *repo[E, D]) writeErr(err error, op string) error {
	if r.onDuplicate != nil && isDuplicateKey(err) {
		return r.onDuplicate(err)
	}
	return errs.Internalf(err, "%s into %s", op, r.coll.Name())
}

// corrupt reports a stored document that no longer passes domain validation.
func corrupt(coll, id string, err error) error {
	return errs.Internalf(err, "stored %s document %s is invalid", coll, id)
}

// eqIfSet adds a condition that field equals v, unless v is the zero value.
// inIfSet adds "field is any of values" to f when values is not empty.
func inIfSet(f bson.D, field string, values []string) bson.D {
	if len(values) == 0 {
		return f
	}
	return append(f, bson.E{Key: field, Value: bson.D{{Key: "$in", Value: values}}})
}

func eqIfSet[T comparable](f bson.D, field string, v T) bson.D {
	var zero T
	if v == zero {
		return f
	}
	return append(f, bson.E{Key: field, Value: v})
}

// isDuplicateKey recognises a unique-index violation. MongoDB reports E11000;
// FerretDB v1 does so for inserts but answers an update that breaks a unique
// index with an InternalError quoting SQLite's constraint message.
func isDuplicateKey(err error) bool {
	return mongo.IsDuplicateKeyError(err) || strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// metaDoc is the stored form of record.Meta, inlined into every document.
type metaDoc struct {
	ID        string    `bson:"_id"`
	Version   int64     `bson:"version"`
	CreatedAt time.Time `bson:"createdAt"`
	UpdatedAt time.Time `bson:"updatedAt"`
}

func metaToDoc(m record.Meta) metaDoc {
	return metaDoc{ID: m.ID, Version: m.Version, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
}

func (d metaDoc) toDomain() record.Meta {
	return record.Meta{ID: d.ID, Version: d.Version, CreatedAt: d.CreatedAt.UTC(), UpdatedAt: d.UpdatedAt.UTC()}
}

// writeBatch bounds the writes of one bulk command. FerretDB v1.24 (SQLite)
// never answers an update command of 100 or more statements: its handler
// keeps each statement's cursor open until the command ends (a defer in a
// loop), which exhausts its connection pool (99 pass, 100 hang:
// TestBulkWritesOfManyUpdatesFinish). So bulk writes go in chunks.
const writeBatch = 50

// bulkWrite runs models in unordered chunks of writeBatch, ignoring
// duplicate-key failures when asked (a racing writer won) and going on with
// the other chunks; it returns the first other error.
func bulkWrite(ctx context.Context, coll *collection, models []mongo.WriteModel, ignoreDuplicates bool) error {
	for lo := 0; lo < len(models); lo += writeBatch {
		_, err := coll.BulkWrite(ctx, models[lo:min(lo+writeBatch, len(models))], options.BulkWrite().SetOrdered(false))
		if err != nil && !(ignoreDuplicates && isDuplicateKey(err)) {
			return err
		}
	}
	return nil
}

// isBusy reports SQLite's "database is locked" from the embedded engine: a
// write transaction that met another one committed after its own read began
// (in WAL mode SQLite then fails at once, without waiting busy_timeout).
// Nothing of the write happened, so it may be tried again.
func isBusy(err error) bool { return err != nil && strings.Contains(err.Error(), "SQLITE_BUSY") }

// retryBusy runs write again, after a pause growing from 10 ms, while it
// fails with isBusy, at most 6 times. Seen under a bulk import racing the
// background screening and the search outbox: a 1,500-row import lost its
// row 582 (and, with one screening worker, row 1,232); with the retry,
// imports of 300 and 1,500 rows lost none.
func retryBusy(ctx context.Context, write func() error) error {
	delay := 10 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := write()
		if !isBusy(err) || attempt == 6 {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(delay):
		}
		delay *= 2
	}
}
