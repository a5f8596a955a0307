package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/mongo"
)

// InsertForTest inserts doc into collection name of db, as the
// repositories write.
func InsertForTest(ctx context.Context, db *DB, name string, doc any) error {
	_, err := db.coll(name).InsertOne(ctx, doc)
	return err
}

// RawForTest is collection name of db as the driver reaches it.
func RawForTest(db *DB, name string) *mongo.Collection { return db.db.Collection(name) }
