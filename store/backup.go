package store

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// Snapshot copies every database of the embedded store in dir into to,
// while the store runs: each file through SQLite's VACUUM INTO, which reads
// it in one transaction — every write committed before it began, none
// after — and writers go on meanwhile (the store's journal is a WAL). It
// returns the databases copied.
func Snapshot(ctx context.Context, dir, to string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no embedded store in %s", dir)
	}
	if err := os.MkdirAll(to, 0o750); err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".sqlite")
		if err := vacuumInto(ctx, f, filepath.Join(to, name+".sqlite")); err != nil {
			return nil, fmt.Errorf("snapshot database %s: %w", name, err)
		}
		names = append(names, name)
	}
	return names, nil
}

func vacuumInto(ctx context.Context, from, to string) error {
	conn, err := sql.Open("sqlite", "file:"+from+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := os.Stat(to); err == nil {
		return fmt.Errorf("%s exists", to)
	}
	_, err = conn.ExecContext(ctx, `VACUUM INTO ?`, to)
	return err
}

// Export writes every collection of db as mongodump does — a directory
// named after the database holding, per collection, its documents as
// concatenated BSON (NAME.bson) and its indexes (NAME.metadata.json) — so
// that `mongorestore --uri=URI DIR` loads it into MongoDB. progress, when
// set, is told of each collection written.
func Export(ctx context.Context, db *DB, dir string, progress func(collection string, docs int)) error {
	names, err := db.db.ListCollectionNames(ctx, bson.D{})
	if err != nil {
		return fmt.Errorf("list collections: %w", err)
	}
	out := filepath.Join(dir, db.db.Name())
	if err := os.MkdirAll(out, 0o750); err != nil {
		return err
	}
	for _, name := range names {
		n, err := exportCollection(ctx, db, name, out)
		if err != nil {
			return fmt.Errorf("export %s: %w", name, err)
		}
		if progress != nil {
			progress(name, n)
		}
	}
	return nil
}

func exportCollection(ctx context.Context, db *DB, name, dir string) (int, error) {
	c := db.db.Collection(name)
	f, err := os.Create(filepath.Join(dir, name+".bson"))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	cur, err := c.Find(ctx, bson.D{}, options.Find().SetBatchSize(1000))
	if err != nil {
		return 0, err
	}
	defer cur.Close(ctx)
	n := 0
	for cur.Next(ctx) {
		if _, err := w.Write(cur.Current); err != nil {
			return n, err
		}
		n++
	}
	if err := cur.Err(); err != nil {
		return n, err
	}
	if err := w.Flush(); err != nil {
		return n, err
	}
	if err := f.Close(); err != nil {
		return n, err
	}
	// The indexes, in the extended JSON mongorestore reads.
	icur, err := c.Indexes().List(ctx)
	if err != nil {
		return n, err
	}
	var indexes []bson.Raw
	if err := icur.All(ctx, &indexes); err != nil {
		return n, err
	}
	specs := make([]json.RawMessage, 0, len(indexes))
	for _, ix := range indexes {
		js, err := bson.MarshalExtJSON(ix, true, false)
		if err != nil {
			return n, err
		}
		specs = append(specs, js)
	}
	meta, err := json.Marshal(map[string]any{"options": map[string]any{}, "indexes": specs, "collectionName": name, "type": "collection"})
	if err != nil {
		return n, err
	}
	return n, os.WriteFile(filepath.Join(dir, name+".metadata.json"), meta, 0o640)
}

// ErrNotEmpty is Restore's refusal of a directory that holds a store.
var ErrNotEmpty = errors.New("the data directory already holds a store: restore into an empty one")

// HasStore reports whether dir holds an embedded store's files.
func HasStore(dir string) (bool, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.sqlite"))
	return len(files) > 0, err
}
