package store

import (
	"context"
	"log/slog"
	"os"
	"runtime"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

// BenchmarkScreeningJob runs the screening job body over n synthetic firms
// in the embedded store (or MONGODB_URI): a first run that stores every
// result, then a second that finds nothing changed. Run it with
// -benchtime 1x; at 100,000 firms it takes minutes on the embedded store.
func BenchmarkScreeningJob(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"firms=34", 34}, {"firms=100000", 100_000}} {
		b.Run(size.name, func(b *testing.B) {
			ctx := context.Background()
			db := benchDB(b, "bench_screening")
			now := time.Date(2026, 11, 22, 3, 0, 0, 0, time.UTC)
			firms := demo.Synthetic(size.n, value.DateOf(now))
			docs := make([]any, 0, 1000)
			coll := db.coll(colStartups)
			for i, f := range firms {
				docs = append(docs, startupToDoc(f))
				if len(docs) == cap(docs) || i == len(firms)-1 {
					if _, err := coll.InsertMany(ctx, docs); err != nil {
						b.Fatal(err)
					}
					docs = docs[:0]
				}
			}
			sets := NewCriteriaSets(db)
			for _, spec := range []screening.SetSpec{screening.InnovativeStartupSME(), screening.STEnterprise()} {
				spec, err := screening.NewSetSpec(spec)
				if err != nil {
					b.Fatal(err)
				}
				if err := sets.Create(ctx, screening.CriteriaSet{Meta: record.New(now), SetSpec: spec, SetVersion: 1, Status: screening.SetActive}); err != nil {
					b.Fatal(err)
				}
			}
			svc := screening.NewService(sets, NewResults(db), NewStartups(db), clock.NewManual(now))
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			b.ResetTimer()
			for b.Loop() {
				_, _ = db.coll(colResults).DeleteMany(ctx, bson.D{})
				start := time.Now()
				first, err := svc.Screen(ctx, nil)
				if err != nil || first.Changed != 2*size.n {
					b.Fatalf("first run: %+v %v", first, err)
				}
				b.ReportMetric(time.Since(start).Seconds(), "first-run-s")
				start = time.Now()
				second, err := svc.Screen(ctx, nil)
				if err != nil || second.Changed != 0 {
					b.Fatalf("second run: %+v %v", second, err)
				}
				b.ReportMetric(time.Since(start).Seconds(), "unchanged-run-s")
			}
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/(1<<20), "alloc-MiB/op")
			b.ReportMetric(float64(after.HeapInuse)/(1<<20), "heap-inuse-MiB")
		})
	}
}

// benchDB opens database name, with indexes, on MONGODB_URI or on an
// embedded server of the benchmark's own; it is dropped when b ends.
func benchDB(b *testing.B, name string) *DB {
	ctx := context.Background()
	uri := os.Getenv("MONGODB_URI")
	if uri == "" {
		srv, err := StartEmbedded(b.TempDir(), "127.0.0.1:0", slog.New(slog.DiscardHandler))
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(srv.Stop)
		uri = srv.URI()
	}
	db, err := Open(ctx, uri, name)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = db.Drop(ctx)
		_ = db.Close(ctx)
	})
	if err := db.EnsureIndexes(ctx); err != nil {
		b.Fatal(err)
	}
	return db
}
