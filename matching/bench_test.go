package matching

import (
	"runtime"
	"testing"
	"time"
)

// Targets at both scales: 300 calls, 2,000 investors, 500 mentors and the
// three universities' programmes.
const (
	benchCalls, benchInvestors, benchMentors, benchPrograms = 300, 2000, 500, 9
	benchTargets                                            = benchCalls + benchInvestors + benchMentors + benchPrograms
)

// BenchmarkRescore measures a full rescore — compiling the snapshot's
// features and computing every list of both sides — reporting pairs/s
// (startups × targets over wall time) and the live heap it needs.
func BenchmarkRescore(b *testing.B) {
	for _, sc := range []struct {
		name     string
		startups int
	}{{"city", 10_000}, {"national", 200_000}} {
		b.Run(sc.name, func(b *testing.B) {
			s := synth(42, sc.startups, benchCalls, benchInvestors, benchMentors, benchPrograms)
			runtime.GC()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			b.ReportAllocs()
			b.ResetTimer()
			start := time.Now()
			var peak uint64
			for b.Loop() {
				res := Compile(s).All(Options{})
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapAlloc-min(m.HeapAlloc, before.HeapAlloc))
				runtime.KeepAlive(res)
			}
			wall := time.Since(start).Seconds() / float64(b.N)
			b.ReportMetric(float64(sc.startups)*benchTargets/wall, "pairs/s")
			b.ReportMetric(wall*1000, "ms/rescore")
			b.ReportMetric(float64(peak)/(1<<20), "MiB-heap")
		})
	}
}

// BenchmarkNaive scores every pair from scratch (see Naive) for 40
// startups against the city's targets; compare its pairs/s with Rescore's.
func BenchmarkNaive(b *testing.B) {
	const startups = 40
	s := synth(42, startups, benchCalls, benchInvestors, benchMentors, benchPrograms)
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		Naive(s, Options{})
	}
	wall := time.Since(start).Seconds() / float64(b.N)
	b.ReportMetric(float64(startups)*benchTargets/wall, "pairs/s")
}

// BenchmarkExplainCity adds what the score-matches job does beyond the
// engine before writing: the explanation of every match of every list.
func BenchmarkExplainCity(b *testing.B) {
	s := synth(42, 10_000, benchCalls, benchInvestors, benchMentors, benchPrograms)
	e := Compile(s)
	res := e.All(Options{})
	b.ResetTimer()
	for b.Loop() {
		n := 0
		for _, l := range e.lists(res, time.Now()) {
			n += len(l.Items)
		}
		b.ReportMetric(float64(n), "matches")
	}
}
