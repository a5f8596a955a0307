package store_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/store/storetest"
)

// The served store must make a write conditional on a version a
// compare-and-set for clients in different processes, which DB's
// in-process lock cannot reach: here, clients of the plain driver, each
// with its own connections, race to bump one version.
func TestServedStoreWritesConditionallyAcrossClients(t *testing.T) {
	srv, err := store.Serve(t.TempDir(), "127.0.0.1:0", storetest.QuietLogger())
	require.NoError(t, err)
	t.Cleanup(srv.Close)
	ctx := context.Background()

	const clients, rounds = 4, 40
	colls := make([]*mongo.Collection, clients)
	for i := range colls {
		c, err := mongo.Connect(options.Client().ApplyURI(srv.URI()))
		require.NoError(t, err)
		t.Cleanup(func() { _ = c.Disconnect(ctx) })
		colls[i] = c.Database("race").Collection("docs")
	}
	_, err = colls[0].InsertOne(ctx, bson.D{{Key: "_id", Value: "doc"}, {Key: "version", Value: int64(0)}})
	require.NoError(t, err)

	var won atomic.Int64
	var wg sync.WaitGroup
	for _, coll := range colls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range rounds {
				var doc struct {
					Version int64 `bson:"version"`
				}
				if !assert.NoError(t, coll.FindOne(ctx, bson.D{{Key: "_id", Value: "doc"}}).Decode(&doc)) {
					return
				}
				res, err := coll.UpdateOne(ctx,
					bson.D{{Key: "_id", Value: "doc"}, {Key: "version", Value: doc.Version}},
					bson.D{{Key: "$set", Value: bson.D{{Key: "version", Value: doc.Version + 1}}}})
				if !assert.NoError(t, err) {
					return
				}
				won.Add(res.ModifiedCount)
			}
		}()
	}
	wg.Wait()

	var final struct {
		Version int64 `bson:"version"`
	}
	require.NoError(t, colls[0].FindOne(ctx, bson.D{{Key: "_id", Value: "doc"}}).Decode(&final))
	assert.Equal(t, won.Load(), final.Version, "every acknowledged compare-and-set, and only those, moved the version")
	assert.Greater(t, won.Load(), int64(clients), "the clients took turns")
}

func TestServedStoreIsLoopbackOnly(t *testing.T) {
	_, err := store.Serve(t.TempDir(), "0.0.0.0:0", storetest.QuietLogger())
	assert.ErrorContains(t, err, "loopback")
}
