package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// ownStore is a DB on an embedded server of its own, as `innoport serve`
// runs it by default.
func ownStore(t *testing.T) (*DB, string) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	srv, err := StartEmbedded(dir, "127.0.0.1:0", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(srv.Stop)
	db, err := Open(ctx, srv.URI(), "memo")
	require.NoError(t, err)
	t.Cleanup(func() { db.Close(ctx) })
	require.True(t, db.sole)
	require.NoError(t, db.EnsureIndexes(ctx))
	return db, dir
}

// The memo answers what the repositories ask as the server does: the same
// documents in the same order, for every filter and sort below, checked
// against FerretDB itself on one collection of varied documents.
func TestMemoAnswersAsTheServerDoes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := ownStore(t)
	c := db.coll("memo_check")
	day := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	for i := range 40 {
		d := bson.D{{Key: "_id", Value: fmt.Sprintf("d%02d", i)}, {Key: "n", Value: int64(i % 7)},
			{Key: "name", Value: []string{"Cảng", "an", "Bến", "xe"}[i%4]}, {Key: "at", Value: day.Add(time.Duration(i%5) * time.Hour)},
			{Key: "tags", Value: []string{[]string{"a", "b"}[i%2], []string{"c", "d", "e"}[i%3]}},
			{Key: "items", Value: bson.A{bson.D{{Key: "who", Value: fmt.Sprint("r", i%3)}}, bson.D{{Key: "who", Value: "all"}}}},
			{Key: "ok", Value: i%2 == 0}, {Key: "x", Value: float64(i) / 4}}
		if i%6 == 0 {
			d = append(d, bson.E{Key: "maybe", Value: nil})
		} else if i%6 == 1 {
			d = append(d, bson.E{Key: "maybe", Value: "here"})
		}
		_, err := c.InsertOne(ctx, d)
		require.NoError(t, err)
	}
	require.NotNil(t, c.loaded(ctx))
	for _, q := range []struct {
		filter bson.D
		sort   bson.D
		skip   int64
		limit  int64
	}{
		{filter: bson.D{}},
		{filter: bson.D{{Key: "n", Value: int64(3)}}},
		{filter: bson.D{{Key: "n", Value: 3.0}}},
		{filter: bson.D{{Key: "n", Value: int32(3)}}},
		{filter: bson.D{{Key: "name", Value: "an"}}, sort: bson.D{{Key: "_id", Value: -1}}, limit: 3},
		{filter: bson.D{{Key: "tags", Value: "c"}}},
		{filter: bson.D{{Key: "tags", Value: bson.D{{Key: "$in", Value: bson.A{"d", "zz"}}}}}},
		{filter: bson.D{{Key: "tags", Value: bson.D{{Key: "$nin", Value: bson.A{"a"}}}}}},
		{filter: bson.D{{Key: "items.who", Value: "r1"}}},
		{filter: bson.D{{Key: "at", Value: bson.D{{Key: "$gte", Value: day.Add(2 * time.Hour)}, {Key: "$lt", Value: day.Add(4 * time.Hour)}}}}},
		{filter: bson.D{{Key: "x", Value: bson.D{{Key: "$gt", Value: int64(5)}}}}},
		{filter: bson.D{{Key: "name", Value: bson.D{{Key: "$lte", Value: "Bến"}}}}},
		{filter: bson.D{{Key: "n", Value: bson.D{{Key: "$ne", Value: int64(0)}}}}, skip: 2, limit: 5},
		{filter: bson.D{{Key: "maybe", Value: nil}}},
		{filter: bson.D{{Key: "maybe", Value: bson.D{{Key: "$exists", Value: true}}}}},
		{filter: bson.D{{Key: "maybe", Value: bson.D{{Key: "$exists", Value: false}}}}},
		{filter: bson.D{{Key: "ok", Value: true}, {Key: "n", Value: bson.D{{Key: "$in", Value: bson.A{int64(2), int64(4)}}}}}},
		{filter: bson.D{{Key: "$or", Value: bson.A{bson.D{{Key: "n", Value: int64(1)}}, bson.D{{Key: "name", Value: "xe"}}}}}},
		{filter: bson.D{{Key: "$and", Value: bson.A{bson.D{{Key: "n", Value: int64(1)}}, bson.D{{Key: "ok", Value: false}}}}}},
		{filter: bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: bson.A{"d03", "d39", "nope", "d03"}}}}}},
		{filter: bson.D{{Key: "_id", Value: bson.D{{Key: "$gt", Value: "d30"}}}}, sort: bson.D{{Key: "_id", Value: 1}}, limit: 4},
		{filter: bson.D{}, sort: bson.D{{Key: "name", Value: 1}, {Key: "_id", Value: 1}}},
		{filter: bson.D{}, sort: bson.D{{Key: "at", Value: -1}, {Key: "_id", Value: 1}}, limit: 7},
		{filter: bson.D{}, sort: bson.D{{Key: "maybe", Value: 1}, {Key: "_id", Value: -1}}},
		{filter: bson.D{{Key: "ok", Value: true}}, sort: bson.D{{Key: "x", Value: -1}, {Key: "_id", Value: 1}}, skip: 3},
	} {
		opts := options.Find()
		if q.sort != nil {
			opts.SetSort(q.sort)
		} else {
			opts.SetSort(bson.D{{Key: "_id", Value: 1}})
		}
		if q.skip > 0 {
			opts.SetSkip(q.skip)
		}
		if q.limit > 0 {
			opts.SetLimit(q.limit)
		}
		o, err := optionsOf([]options.Lister[options.FindOptions]{opts})
		require.NoError(t, err)
		plan, ok := c.memo.plan(q.filter, o.Sort, o.Skip, o.Limit, nil)
		require.True(t, ok, "the memo answers %v", q)
		docs, ok := c.memo.run(plan)
		require.True(t, ok, "the memo sorts %v", q)
		var fromMemo []string
		for _, d := range docs {
			fromMemo = append(fromMemo, d.Lookup("_id").StringValue())
		}
		cur, err := c.c.Find(ctx, q.filter, opts)
		require.NoError(t, err)
		var fromServer []string
		for cur.Next(ctx) {
			fromServer = append(fromServer, cur.Current.Lookup("_id").StringValue())
		}
		require.NoError(t, cur.Err())
		assert.Equal(t, fromServer, fromMemo, "%v sort %v skip %d limit %d", q.filter, q.sort, q.skip, q.limit)
		n, err := c.CountDocuments(ctx, q.filter)
		require.NoError(t, err)
		m, err := c.c.CountDocuments(ctx, q.filter)
		require.NoError(t, err)
		assert.Equal(t, m, n, "count of %v", q.filter)
	}
	// What it does not evaluate goes to the server.
	for _, f := range []bson.D{
		{{Key: "name", Value: bson.D{{Key: "$regex", Value: "^C"}}}},
		{{Key: "items", Value: bson.D{{Key: "$elemMatch", Value: bson.D{{Key: "who", Value: "r1"}}}}}},
		{{Key: "items", Value: bson.D{{Key: "who", Value: "all"}}}},
	} {
		_, ok := c.memo.plan(f, nil, nil, nil, nil)
		assert.False(t, ok, "%v is the server's", f)
	}
}

// The memo follows every kind of write the server acknowledged, and drops
// itself when it cannot know the result; a refused write leaves it be.
func TestMemoFollowsWrites(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := ownStore(t)
	c := db.coll("memo_writes")
	ids := func() []string {
		cur, err := c.Find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
		require.NoError(t, err)
		var out []string
		for cur.Next(ctx) {
			out = append(out, fmt.Sprint(cur.Current.Lookup("_id").StringValue(), "=", cur.Current.Lookup("v").AsInt64()))
		}
		return out
	}
	_, err := c.InsertOne(ctx, bson.D{{Key: "_id", Value: "a"}, {Key: "v", Value: int64(1)}})
	require.NoError(t, err)
	assert.Equal(t, []string{"a=1"}, ids())
	require.True(t, c.memo.loaded, "the read loaded the memo")
	_, err = c.InsertOne(ctx, bson.D{{Key: "_id", Value: "a"}, {Key: "v", Value: int64(9)}})
	require.True(t, isDuplicateKey(err))
	assert.True(t, c.memo.loaded, "a refused insert keeps the memo")
	_, err = c.InsertMany(ctx, []any{bson.D{{Key: "_id", Value: "b"}, {Key: "v", Value: int64(2)}}, bson.D{{Key: "_id", Value: "c"}, {Key: "v", Value: int64(3)}}})
	require.NoError(t, err)
	_, err = c.UpdateOne(ctx, bson.D{{Key: "_id", Value: "b"}}, bson.D{{Key: "$inc", Value: bson.D{{Key: "v", Value: int64(10)}}}})
	require.NoError(t, err)
	_, err = c.ReplaceOne(ctx, bson.D{{Key: "_id", Value: "c"}}, bson.D{{Key: "v", Value: int64(30)}})
	require.NoError(t, err)
	_, err = c.DeleteOne(ctx, bson.D{{Key: "_id", Value: "a"}})
	require.NoError(t, err)
	ok, err := c.replaceAt(ctx, "c", 99, bson.D{{Key: "_id", Value: "c"}, {Key: "v", Value: int64(-1)}})
	require.NoError(t, err)
	assert.False(t, ok)
	_, err = c.BulkWrite(ctx, []mongo.WriteModel{mongo.NewReplaceOneModel().SetUpsert(true).
		SetFilter(bson.D{{Key: "_id", Value: "d"}}).SetReplacement(bson.D{{Key: "_id", Value: "d"}, {Key: "v", Value: int64(4)}})})
	require.NoError(t, err)
	assert.Equal(t, []string{"b=12", "c=30", "d=4"}, ids())
	// Replaces conditional on a field: decided against the memo.
	res, err := c.ReplaceOne(ctx, bson.D{{Key: "_id", Value: "b"}, {Key: "v", Value: int64(1)}}, bson.D{{Key: "_id", Value: "b"}, {Key: "v", Value: int64(-1)}})
	require.NoError(t, err)
	assert.Zero(t, res.MatchedCount, "b's v is 12, not 1")
	res, err = c.ReplaceOne(ctx, bson.D{{Key: "_id", Value: "b"}, {Key: "v", Value: int64(12)}}, bson.D{{Key: "_id", Value: "b"}, {Key: "v", Value: int64(13)}})
	require.NoError(t, err)
	assert.Equal(t, int64(1), res.MatchedCount)
	_, err = c.BulkWrite(ctx, []mongo.WriteModel{
		mongo.NewReplaceOneModel().SetFilter(bson.D{{Key: "_id", Value: "c"}, {Key: "v", Value: int64(30)}}).SetReplacement(bson.D{{Key: "_id", Value: "c"}, {Key: "v", Value: int64(31)}}),
		mongo.NewReplaceOneModel().SetFilter(bson.D{{Key: "_id", Value: "d"}, {Key: "v", Value: int64(99)}}).SetReplacement(bson.D{{Key: "_id", Value: "d"}, {Key: "v", Value: int64(-1)}}),
		mongo.NewReplaceOneModel().SetFilter(bson.D{{Key: "_id", Value: "zz"}}).SetReplacement(bson.D{{Key: "_id", Value: "zz"}, {Key: "v", Value: int64(-1)}}),
	})
	require.NoError(t, err)
	assert.Equal(t, []string{"b=13", "c=31", "d=4"}, ids())
	assert.True(t, c.memo.loaded, "each write above was followed, not reloaded")
	raw := func(id string) int64 {
		v, err := c.c.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Raw()
		require.NoError(t, err)
		return v.Lookup("v").AsInt64()
	}
	assert.Equal(t, []int64{13, 31, 4}, []int64{raw("b"), raw("c"), raw("d")}, "the server holds what the memo holds")
	del, err := c.DeleteOne(ctx, bson.D{{Key: "_id", Value: "d"}, {Key: "v", Value: int64(5)}})
	require.NoError(t, err)
	assert.Zero(t, del.DeletedCount, "d's v is 4")

	_, err = c.UpdateOne(ctx, bson.D{{Key: "v", Value: int64(4)}}, bson.D{{Key: "$set", Value: bson.D{{Key: "v", Value: int64(40)}}}})
	require.NoError(t, err)
	assert.False(t, c.memo.loaded, "an update not by _id drops the memo")
	assert.Equal(t, []string{"b=13", "c=31", "d=40"}, ids())
}

// A collection with a document whose _id is not a string is left to the
// server for good, and read right.
func TestMemoStepsAsideForOtherIDs(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, _ := ownStore(t)
	c := db.coll("memo_oid")
	_, err := c.InsertOne(ctx, bson.D{{Key: "_id", Value: "a"}})
	require.NoError(t, err)
	n, err := c.CountDocuments(ctx, bson.D{})
	require.NoError(t, err)
	assert.Equal(t, int64(1), n)
	_, err = c.InsertOne(ctx, bson.D{{Key: "v", Value: 1}}) // the driver makes an ObjectID
	require.NoError(t, err)
	for range 2 {
		n, err = c.CountDocuments(ctx, bson.D{})
		require.NoError(t, err)
		assert.Equal(t, int64(2), n)
	}
	assert.True(t, c.memo.off)
}

// FerretDB's lookups by _id use the index made for them, and a second
// process cannot open the same data directory.
func TestLookupsByIDUseAnIndexAndTheDirectoryIsLocked(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, dir := ownStore(t)
	conn, err := sql.Open("sqlite", "file:"+filepath.Join(dir, db.db.Name()+".sqlite"))
	require.NoError(t, err)
	defer conn.Close()
	var table string
	require.NoError(t, conn.QueryRowContext(ctx, `SELECT table_name FROM _ferretdb_collections WHERE name = ?`, colStartups).Scan(&table))
	// The statement FerretDB v1.24 runs for find, update and delete by _id
	// (internal/backends/sqlite/collection.go).
	rows, err := conn.QueryContext(ctx, fmt.Sprintf(`EXPLAIN QUERY PLAN SELECT _ferretdb_sjson FROM %q WHERE _ferretdb_sjson->'$._id' = ?`, table), `"x"`)
	require.NoError(t, err)
	plan := ""
	for rows.Next() {
		var id, parent, unused int
		var detail string
		require.NoError(t, rows.Scan(&id, &parent, &unused, &detail))
		plan += detail
	}
	require.NoError(t, rows.Err())
	assert.Contains(t, plan, "USING INDEX "+table+idIndexSuffix)

	_, err = StartEmbedded(dir, "127.0.0.1:0", slog.New(slog.DiscardHandler))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "open in another process")
}

// FerretDB's log keeps its warnings, with their attributes, and drops the
// rest.
func TestQuietFerretKeepsWarningsWithTheirAttributes(t *testing.T) {
	var buf strings.Builder
	l := slog.New(quietFerret{Handler: slog.NewTextHandler(&buf, nil)}).With("conn", "127.0.0.1:5").WithGroup("cmd").With("name", "find")
	l.Info("connection accepted")
	l.Warn("slow")
	assert.Equal(t, 1, strings.Count(buf.String(), "\n"), buf.String())
	assert.Contains(t, buf.String(), `msg=slow conn=127.0.0.1:5 cmd.name=find`)
}
