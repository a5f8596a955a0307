package screening_test

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/innoport/innoport/demo"
	. "github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

// BenchmarkScreen100k screens 100,000 synthetic firms against both shipped
// sets on every core and reports criterion evaluations per second.
func BenchmarkScreen100k(b *testing.B) {
	asOf := value.Date{Year: 2026, Month: time.November, Day: 22}
	firms := demo.Synthetic(100_000, asOf)
	var plans []*Plan
	for _, spec := range []SetSpec{InnovativeStartupSME(), STEnterprise()} {
		s, err := NewSetSpec(spec)
		if err != nil {
			b.Fatal(err)
		}
		p, err := Compile(CriteriaSet{SetSpec: s, SetVersion: 1})
		if err != nil {
			b.Fatal(err)
		}
		plans = append(plans, p)
	}
	perFirm := 0
	for _, p := range plans {
		perFirm += len(p.Set.Criteria)
	}
	workers := runtime.GOMAXPROCS(0)
	counts := map[Status]int{}
	b.ResetTimer()
	for b.Loop() {
		var wg sync.WaitGroup
		results := make([][3]int, workers)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(firms); i += workers {
					sub := NewSubject(firms[i], asOf)
					for _, p := range plans {
						st, _ := p.Evaluate(sub)
						switch st {
						case Eligible:
							results[w][0]++
						case NotEligible:
							results[w][1]++
						case NeedsEvidence:
							results[w][2]++
						}
					}
				}
			}()
		}
		wg.Wait()
		clear(counts)
		for _, r := range results {
			counts[Eligible] += r[0]
			counts[NotEligible] += r[1]
			counts[NeedsEvidence] += r[2]
		}
	}
	evals := float64(b.N) * float64(len(firms)) * float64(perFirm)
	b.ReportMetric(evals/b.Elapsed().Seconds(), "evals/s")
	b.ReportMetric(float64(counts[Eligible]), "eligible")
	b.ReportMetric(float64(counts[NeedsEvidence]), "needs-evidence")
}
