// Package store implements the domain's storage interfaces on MongoDB through
// the official driver. The same code serves a production replica set and the
// embedded FerretDB used for development, demos and tests, so it keeps to what
// both support: single-document atomic writes conditional on a version,
// unique indexes for cross-document invariants, batched $in loads, no
// transactions, $lookup or positional updates.
package store

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/event"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Collection names.
const (
	colStartups   = "startups"
	colIncubators = "incubators"
	colInvestors  = "investors"
	colMentors    = "mentors"
	colFunds      = "funds"
	colCalls      = "fund_calls"
)

// DB is a connection to one database.
type DB struct {
	client     *mongo.Client
	db         *mongo.Database
	roundTrips atomic.Int64
}

// Open connects to the MongoDB server at uri and uses database name. It does
// not create indexes; call EnsureIndexes.
func Open(ctx context.Context, uri, name string) (*DB, error) {
	d := &DB{}
	opts := options.Client().ApplyURI(uri).
		SetServerSelectionTimeout(10 * time.Second).
		SetMonitor(&event.CommandMonitor{
			Started: func(context.Context, *event.CommandStartedEvent) { d.roundTrips.Add(1) },
		})
	client, err := mongo.Connect(opts)
	if err != nil {
		return nil, fmt.Errorf("connect to MongoDB: %w", err)
	}
	d.client, d.db = client, client.Database(name)
	if err := d.Ping(ctx); err != nil {
		_ = client.Disconnect(context.WithoutCancel(ctx))
		return nil, err
	}
	return d, nil
}

// Ping checks that the server answers.
func (d *DB) Ping(ctx context.Context) error {
	if err := d.db.RunCommand(ctx, bson.D{{Key: "ping", Value: 1}}).Err(); err != nil {
		return fmt.Errorf("ping MongoDB: %w", err)
	}
	return nil
}

// RoundTrips counts the commands sent to the server since Open.
func (d *DB) RoundTrips() int64 { return d.roundTrips.Load() }

// Close disconnects, letting in-flight operations finish within ctx.
func (d *DB) Close(ctx context.Context) error { return d.client.Disconnect(ctx) }

// Drop deletes the database; for tests.
func (d *DB) Drop(ctx context.Context) error { return d.db.Drop(ctx) }

// EnsureIndexes creates the indexes the queries and invariants need. It is
// idempotent, so every replica runs it at start.
func (d *DB) EnsureIndexes(ctx context.Context) error {
	idx := map[string][]mongo.IndexModel{
		colStartups: {
			{Keys: bson.D{{Key: "taxCode", Value: 1}}, Options: options.Index().SetUnique(true).SetName("taxCode_unique")},
			{Keys: bson.D{{Key: "incubatorId", Value: 1}, {Key: "_id", Value: 1}}},
			{Keys: bson.D{{Key: "sectors", Value: 1}, {Key: "_id", Value: 1}}},
			{Keys: bson.D{{Key: "stage", Value: 1}, {Key: "_id", Value: 1}}},
			{Keys: bson.D{{Key: "ward", Value: 1}, {Key: "_id", Value: 1}}},
		},
		colCalls: {
			{Keys: bson.D{{Key: "fundId", Value: 1}, {Key: "opensAt", Value: -1}}},
			{Keys: bson.D{{Key: "status", Value: 1}, {Key: "_id", Value: 1}}},
		},
	}
	for coll, models := range idx {
		if _, err := d.db.Collection(coll).Indexes().CreateMany(ctx, models); err != nil {
			return fmt.Errorf("create indexes on %s: %w", coll, err)
		}
	}
	return nil
}

// IsEmpty reports whether the database holds no startups and no incubators,
// which is when demo data may be seeded.
func (d *DB) IsEmpty(ctx context.Context) (bool, error) {
	for _, c := range []string{colStartups, colIncubators} {
		err := d.db.Collection(c).FindOne(ctx, bson.D{}, options.FindOne().SetProjection(bson.D{{Key: "_id", Value: 1}})).Err()
		if err == nil {
			return false, nil
		}
		if !errors.Is(err, mongo.ErrNoDocuments) {
			return false, fmt.Errorf("look into %s: %w", c, err)
		}
	}
	return true, nil
}
