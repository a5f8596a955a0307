package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// A memo is the copy in memory of one collection of an embedded FerretDB
// that this process alone writes to (DB.sole; the data directory's lock
// keeps other processes out). FerretDB v1.24's SQLite backend decodes every
// document of a collection in Go for any query but a lone {_id: string}, so
// a page of 50 startups out of 1,500 took 140 ms; from the memo it takes
// a fraction of a millisecond. See docs/embedded-store.md.
//
// The server stays the system of record: every write goes to it first, and
// the memo follows only once the server acknowledged it, under a lock that
// orders the collection's writes in this process (SQLite orders them
// anyway: it has one writer). A write whose effect the memo cannot know
// exactly — an update by operators, a write some of whose documents
// failed — re-reads the documents it named, or drops the memo, which is
// then loaded again by the next read. Reads the evaluator cannot answer
// (match.go) go to the server.
type memo struct {
	// fields, when set, are the only top-level fields kept (with _id): the
	// memo then answers only queries whose filter, sort and projection
	// stay within them.
	fields map[string]bool
	// write is held around each write to the collection and its effect on
	// the memo, and around a load.
	write sync.Mutex
	mu    sync.RWMutex
	// loaded is false until the first read loads the collection, and again
	// after a drop.
	loaded bool
	// off is set for good when the collection holds a document whose _id
	// is not a string: the memo then never loads, and reads go to the server.
	off  bool
	docs map[string]bson.Raw
	ids  []string // the keys of docs, sorted
}

// memos are the memos of the process, by server URI, database and
// collection: every DB of the process on one embedded server shares them,
// as they share the server.
var memos sync.Map // string → *memo

// memoOf returns the memo of a collection, creating it empty.
func memoOf(uri, db, coll string, fields []string) *memo {
	m := &memo{}
	if fields != nil {
		m.fields = map[string]bool{"_id": true}
		for _, f := range fields {
			m.fields[f] = true
		}
	}
	v, _ := memos.LoadOrStore(uri+"\x00"+db+"\x00"+coll, m)
	return v.(*memo)
}

// forgetMemos drops the memos of a server's database ("" for every one).
func forgetMemos(uri, db string) {
	prefix := uri + "\x00"
	if db != "" {
		prefix += db + "\x00"
	}
	memos.Range(func(k, v any) bool {
		if strings.HasPrefix(k.(string), prefix) {
			m := v.(*memo)
			m.write.Lock()
			m.drop()
			m.write.Unlock()
			memos.Delete(k)
		}
		return true
	})
}

// errMemoOff is load's answer for a collection the memo cannot hold.
var errMemoOff = errors.New("the collection has a document whose _id is not a string")

// load reads the whole collection into the memo unless it holds it.
func (m *memo) load(ctx context.Context, c *mongo.Collection) error {
	m.mu.RLock()
	loaded, off := m.loaded, m.off
	m.mu.RUnlock()
	if loaded {
		return nil
	}
	if off {
		return errMemoOff
	}
	m.write.Lock()
	defer m.write.Unlock()
	if m.loaded {
		return nil
	}
	opts := options.Find().SetBatchSize(1000)
	if m.fields != nil {
		proj := bson.D{}
		for f := range m.fields {
			proj = append(proj, bson.E{Key: f, Value: 1})
		}
		opts.SetProjection(proj)
	}
	cur, err := c.Find(ctx, bson.D{}, opts)
	if err != nil {
		return err
	}
	defer cur.Close(ctx)
	docs := map[string]bson.Raw{}
	for cur.Next(ctx) {
		id, ok := cur.Current.Lookup("_id").StringValueOK()
		if !ok {
			m.mu.Lock()
			m.off = true
			m.mu.Unlock()
			return errMemoOff
		}
		docs[id] = slices.Clone(cur.Current)
	}
	if err := cur.Err(); err != nil {
		return err
	}
	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	m.mu.Lock()
	m.docs, m.ids, m.loaded = docs, ids, true
	m.mu.Unlock()
	return nil
}

// put stores a document the server acknowledged; the caller holds write.
func (m *memo) put(doc bson.Raw) {
	id, ok := doc.Lookup("_id").StringValueOK()
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.loaded {
		return
	}
	if !ok {
		m.dropLocked()
		m.off = true
		return
	}
	if m.fields != nil {
		doc = project(doc, m.fields)
	}
	if _, had := m.docs[id]; !had {
		i, _ := slices.BinarySearch(m.ids, id)
		m.ids = slices.Insert(m.ids, i, id)
	}
	m.docs[id] = doc
}

// remove forgets a document the server deleted; the caller holds write.
func (m *memo) remove(id string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.loaded {
		return
	}
	if _, had := m.docs[id]; had {
		i, _ := slices.BinarySearch(m.ids, id)
		m.ids = slices.Delete(m.ids, i, i+1)
		delete(m.docs, id)
	}
}

// drop forgets everything; the next read loads the collection again.
func (m *memo) drop() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.dropLocked()
}

func (m *memo) dropLocked() { m.docs, m.ids, m.loaded = nil, nil, false }

// project keeps fields of doc.
func project(doc bson.Raw, fields map[string]bool) bson.Raw {
	els, err := doc.Elements()
	if err != nil {
		return doc
	}
	out := bson.D{}
	for _, el := range els {
		if fields[el.Key()] {
			out = append(out, bson.E{Key: el.Key(), Value: el.Value()})
		}
	}
	raw, err := bson.Marshal(out)
	if err != nil {
		return doc
	}
	return raw
}

// decide tells whether filter matches document id as the memo holds it;
// ok is false when the memo cannot tell (not loaded, a filter it does not
// evaluate or whose fields it does not keep).
func (m *memo) decide(filter any, id string) (hit, ok bool) {
	match, fields, ok := compileFilter(filter)
	if !ok || !m.covers(fields) {
		return false, false
	}
	m.mu.RLock()
	defer m.mu.RUnlock()
	if !m.loaded {
		return false, false
	}
	doc, has := m.docs[id]
	return has && match(doc), true
}

// query is a read the memo can answer.
type query struct {
	match       predicate
	ids         []string // when set, the documents are among these _ids
	sort        []sortKey
	skip, limit int64
}

// covers reports whether the memo holds every field named.
func (m *memo) covers(fields ...[]string) bool {
	if m.fields == nil {
		return true
	}
	for _, fs := range fields {
		for _, f := range fs {
			if !m.fields[f] {
				return false
			}
		}
	}
	return true
}

// plan makes a query of filter, sort, skip, limit and projection; ok is
// false when the memo cannot answer it.
func (m *memo) plan(filter, sort any, skip, limit *int64, projection any) (query, bool) {
	match, fields, ok := compileFilter(filter)
	if !ok {
		return query{}, false
	}
	keys, sortFields, ok := compileSort(sort)
	if !ok {
		return query{}, false
	}
	if m.fields != nil {
		// A partial memo answers only a projection it covers.
		proj, ok := projected(projection)
		if !ok || !m.covers(fields, sortFields, proj) {
			return query{}, false
		}
	}
	q := query{match: match, sort: keys}
	q.ids, _ = idsOf(filter)
	if skip != nil {
		q.skip = *skip
	}
	if limit != nil {
		q.limit = *limit
		if q.limit < 0 { // a negative limit is a limit, in one batch
			q.limit = -q.limit
		}
	}
	return q, true
}

// projected lists the top-level fields an inclusion projection keeps; ok is
// false for none or another kind of projection.
func projected(projection any) (fields []string, ok bool) {
	if projection == nil {
		return nil, false
	}
	raw, err := bson.Marshal(projection)
	if err != nil {
		return nil, false
	}
	els, err := bson.Raw(raw).Elements()
	if err != nil || len(els) == 0 {
		return nil, false
	}
	for _, el := range els {
		if n, ok := el.Value().AsInt64OK(); !ok || n != 1 {
			return nil, false
		}
		fields = append(fields, el.Key())
	}
	return fields, true
}

// run answers q: the matching documents in order, shared with the memo
// (callers do not change them); ok is false when they cannot be sorted here
// (a sort field holding an array).
func (m *memo) run(q query) (docs []bson.Raw, ok bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []bson.Raw
	// Without a sort other than _id, documents are visited in _id order
	// and the visit stops once the page is full.
	byID := len(q.sort) == 0 || len(q.sort) == 1 && len(q.sort[0].keys) == 1 && q.sort[0].keys[0] == "_id"
	enough := func() bool { return byID && q.limit > 0 && int64(len(out)) >= q.skip+q.limit }
	visit := func(id string) {
		if d, ok := m.docs[id]; ok && q.match(d) {
			out = append(out, d)
		}
	}
	desc := len(q.sort) == 1 && q.sort[0].desc
	switch {
	case q.ids != nil:
		ids := slices.Clone(q.ids)
		slices.Sort(ids)
		ids = slices.Compact(ids)
		if desc {
			slices.Reverse(ids)
		}
		for _, id := range ids {
			visit(id)
		}
	case desc && byID:
		for i := len(m.ids) - 1; i >= 0 && !enough(); i-- {
			visit(m.ids[i])
		}
	default:
		for i := 0; i < len(m.ids) && !enough(); i++ {
			visit(m.ids[i])
		}
	}
	if !byID {
		if !sortable(out, q.sort) {
			return nil, false
		}
		sortDocs(out, q.sort)
	}
	if q.skip > 0 {
		out = out[min(q.skip, int64(len(out))):]
	}
	if q.limit > 0 && int64(len(out)) > q.limit {
		out = out[:q.limit]
	}
	return out, true
}

// sortable reports whether every document's sort values are of kinds the
// evaluator orders (not arrays).
func sortable(docs []bson.Raw, keys []sortKey) bool {
	for _, d := range docs {
		for _, k := range keys {
			if _, ok := sortValue(d, k.keys); !ok {
				return false
			}
		}
	}
	return true
}

// sortDocs sorts docs by keys, ties in _id order (they were visited so).
func sortDocs(docs []bson.Raw, keys []sortKey) {
	slices.SortStableFunc(docs, func(a, b bson.Raw) int {
		for _, k := range keys {
			av, _ := sortValue(a, k.keys)
			bv, _ := sortValue(b, k.keys)
			if c := compareValues(av, bv); c != 0 {
				if k.desc {
					return -c
				}
				return c
			}
		}
		return 0
	})
}

// idOf is the string _id a filter names at its top level, if any.
func idOf(filter any) (string, bool) {
	raw, err := bson.Marshal(filter)
	if err != nil {
		return "", false
	}
	return bson.Raw(raw).Lookup("_id").StringValueOK()
}

// idsOf is the set of _ids a filter narrows to at its top level: {_id: x}
// or {_id: {$in: [...]}} (with other conditions or not); ok is false when
// it does not narrow by _id so.
func idsOf(filter any) (ids []string, ok bool) {
	raw, err := bson.Marshal(filter)
	if err != nil {
		return nil, false
	}
	v, err := bson.Raw(raw).LookupErr("_id")
	if err != nil {
		return nil, false
	}
	if id, ok := v.StringValueOK(); ok {
		return []string{id}, true
	}
	d, ok := v.DocumentOK()
	if !ok {
		return nil, false
	}
	els, err := d.Elements()
	if err != nil || len(els) != 1 || els[0].Key() != "$in" {
		return nil, false
	}
	arr, ok := els[0].Value().ArrayOK()
	if !ok {
		return nil, false
	}
	vals, err := arr.Values()
	if err != nil {
		return nil, false
	}
	ids = make([]string, 0, len(vals))
	for _, v := range vals {
		id, ok := v.StringValueOK()
		if !ok {
			return nil, false
		}
		ids = append(ids, id)
	}
	return ids, true
}
