// Package storetest gives tests a real MongoDB-compatible server: the
// embedded FerretDB, started once per test binary, or the MongoDB at
// MONGODB_URI when set. Each test gets its own database.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"os"
	"sync"
	"testing"

	"github.com/innoport/innoport/store"
)

var (
	once     sync.Once
	uri      string
	server   *store.Embedded
	startErr error
	dir      string
)

// Main runs the package's tests and stops the embedded server afterwards,
// after the other cleanups given. Call it from TestMain.
func Main(m *testing.M, cleanups ...func()) {
	code := m.Run()
	for _, c := range cleanups {
		c()
	}
	if server != nil {
		server.Stop()
	}
	if dir != "" {
		_ = os.RemoveAll(dir)
	}
	os.Exit(code)
}

// URI returns the connection string of the test server, starting the
// embedded one on first use.
func URI(t testing.TB) string {
	t.Helper()
	once.Do(func() {
		if uri = os.Getenv("MONGODB_URI"); uri != "" {
			return
		}
		dir, startErr = os.MkdirTemp("", "innoport-ferretdb-")
		if startErr != nil {
			return
		}
		server, startErr = store.StartEmbedded(dir, "127.0.0.1:0", QuietLogger())
		if startErr == nil {
			uri = server.URI()
		}
	})
	if startErr != nil {
		t.Fatalf("start embedded FerretDB: %v", startErr)
	}
	return uri
}

// External reports whether tests run against the MongoDB at MONGODB_URI
// rather than the embedded server.
func External() bool { return os.Getenv("MONGODB_URI") != "" }

// QuietLogger logs only errors, to keep test output readable.
func QuietLogger() *slog.Logger {
	return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
}

// DBName returns a fresh database name.
func DBName() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return "test_" + hex.EncodeToString(b)
}

// Open connects to a fresh database with indexes created; it is dropped and
// closed when the test ends.
func Open(t testing.TB) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, URI(t), DBName())
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	if err := db.EnsureIndexes(ctx); err != nil {
		t.Fatalf("create indexes: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Drop(ctx); err != nil {
			t.Errorf("drop test database: %v", err)
		}
		_ = db.Close(ctx)
	})
	return db
}
