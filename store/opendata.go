package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/opendata"
)

type openFileDoc struct {
	Name        string    `bson:"_id"`
	ContentType string    `bson:"contentType"`
	Body        []byte    `bson:"body"`
	Modified    time.Time `bson:"modified"`
}

// OpenData stores the published open-data files, one document a file, so
// that every replica serves the same.
type OpenData struct {
	coll *collection
}

var _ opendata.Store = (*OpenData)(nil)

// NewOpenData returns the open-data store of db.
func NewOpenData(db *DB) *OpenData { return &OpenData{coll: db.coll(colOpenData)} }

// Put replaces the published files with these, and removes the others.
func (s *OpenData) Put(ctx context.Context, files []opendata.File) error {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
		_, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: f.Name}},
			openFileDoc{Name: f.Name, ContentType: f.ContentType, Body: f.Body, Modified: f.Modified},
			options.Replace().SetUpsert(true))
		if err != nil {
			return errs.Internalf(err, "publish %s", f.Name)
		}
	}
	if _, err := s.coll.DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$nin", Value: names}}}}); err != nil {
		return errs.Internalf(err, "remove files no longer published")
	}
	return nil
}

// Get returns a published file; NOT_FOUND when there is none by that name.
func (s *OpenData) Get(ctx context.Context, name string) (opendata.File, error) {
	var d openFileDoc
	err := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: name}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return opendata.File{}, opendata.ErrNoFile()
	}
	if err != nil {
		return opendata.File{}, errs.Internalf(err, "read %s", name)
	}
	return opendata.File{Name: d.Name, ContentType: d.ContentType, Body: d.Body, Modified: d.Modified.UTC()}, nil
}
