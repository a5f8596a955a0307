package screening

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"

	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// synthetic makes n firms with a spread of evidence, deterministically.
func synthetic(n int) []firm.Startup {
	r := rand.New(rand.NewPCG(1, 2))
	day := func(years int) value.Date {
		return value.DateOf(asOf.Start().AddDate(-r.IntN(years+1), -r.IntN(12), -r.IntN(28)))
	}
	out := make([]firm.Startup, n)
	for i := range out {
		s := firm.Startup{Meta: record.Meta{ID: fmt.Sprint(i)}}
		s.FoundedOn = day(10)
		s.Evidence.FirstRegisteredOn = s.FoundedOn
		s.Evidence.LegalForm = []firm.LegalForm{firm.JointStock, firm.LLCOneMember, firm.LLCMultiMember}[r.IntN(3)]
		s.Evidence.PublicOffering = r.IntN(20) == 0
		if r.IntN(3) == 0 {
			s.Evidence.Awards = []firm.Award{{AwardedOn: day(8)}}
		}
		if r.IntN(3) == 0 {
			s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.UtilitySolution, GrantedOn: day(8)}, {Kind: firm.SoftwareCopyright, GrantedOn: day(3)}}
		}
		if r.IntN(4) == 0 {
			s.Evidence.Investments = []firm.Investment{{Amount: value.VND(r.Int64N(3_000_000_000)), On: day(6), Commitment: r.IntN(2) == 0}}
		}
		if r.IntN(4) == 0 {
			s.Evidence.Confirmations = []firm.Confirmation{{IssuedOn: day(1)}}
		}
		if r.IntN(2) == 0 {
			total := r.Int64N(10_000_000_000)
			s.Financials.Revenue = []firm.YearRevenue{{Year: 2025, Amount: value.VND(total), ST: value.VND(r.Int64N(total + 1))}}
		}
		out[i] = s
	}
	return out
}

// BenchmarkScreen100k screens 100,000 synthetic firms against both shipped
// sets on every core and reports criterion evaluations per second.
func BenchmarkScreen100k(b *testing.B) {
	firms := synthetic(100_000)
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
		perFirm += len(p.progs)
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
