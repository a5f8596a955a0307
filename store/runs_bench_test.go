package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/innoport/innoport/domain/runs"
)

// BenchmarkRunBookkeeping measures what the scheduler adds to every run:
// take the lease, record the start, record the end, release the lease.
func BenchmarkRunBookkeeping(b *testing.B) {
	ctx := context.Background()
	db := benchDB(b, "bench_runs")
	leases, records := NewLeases(db), NewRuns(db)
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	for i := range b.N {
		at := now.Add(time.Duration(i) * time.Second)
		ok, _, err := leases.Acquire(ctx, "bench", "a", at, at.Add(time.Minute))
		if err != nil || !ok {
			b.Fatalf("acquire: %v %v", ok, err)
		}
		r := runs.Run{ID: fmt.Sprintf("bench@%09d", i), Job: "bench", Trigger: runs.Schedule, Instance: "a", StartedAt: at, Status: runs.Running}
		if started, err := records.Start(ctx, r); err != nil || !started {
			b.Fatalf("start: %v %v", started, err)
		}
		r.Status, r.FinishedAt, r.Stats = runs.Succeeded, at, "done"
		if err := records.Finish(ctx, r); err != nil {
			b.Fatal(err)
		}
		if err := leases.Release(ctx, "bench", "a"); err != nil {
			b.Fatal(err)
		}
	}
}
