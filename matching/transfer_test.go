package matching

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/value"
)

// synthTransfer builds a reproducible transfer snapshot of the given size.
func synthTransfer(seed uint64, offers, requests, startups, orgs int) *TransferSnapshot {
	r := rand.New(rand.NewPCG(seed, 11))
	all := value.Sectors()
	sectors := func() []value.Sector {
		a := all[r.IntN(len(all))].Sector
		if b := all[r.IntN(len(all))].Sector; b != a && r.IntN(2) == 0 {
			return []value.Sector{a, b}
		}
		return []value.Sector{a}
	}
	text := func(ss []value.Sector) string {
		var b strings.Builder
		for _, s := range ss {
			p := phrases[s]
			b.WriteString(p[r.IntN(len(p))] + " và " + p[r.IntN(len(p))] + ". ")
		}
		return b.String()
	}
	s := &TransferSnapshot{}
	for i := range offers {
		ss := sectors()
		s.Offers = append(s.Offers, TechOffer{ID: fmt.Sprint("o", i),
			Sectors: ss, TRL: 1 + r.IntN(9), Text: "Công nghệ " + text(ss)})
	}
	for i := range requests {
		ss := sectors()
		s.Requests = append(s.Requests, TechRequest{ID: fmt.Sprint("r", i), Sectors: ss, TRL: 1 + r.IntN(9), Text: "Cần giải pháp " + text(ss)})
	}
	for i := range startups {
		ss := sectors()
		s.Startups = append(s.Startups, Startup{ID: fmt.Sprint("s", i), Sectors: ss, Text: text(ss)})
	}
	for i := range orgs {
		ss := sectors()
		s.Orgs = append(s.Orgs, ResearchOrg{ID: fmt.Sprint("org", i), Sectors: ss, Text: "Viện nghiên cứu " + text(ss)})
	}
	return s
}

// TestTransferEngineRanksAsScoringEveryPairWould checks the engine's
// candidate generation against scoring every pair of every pairing: the
// same lists, the same scores, and explanations that add up to them.
func TestTransferEngineRanksAsScoringEveryPairWould(t *testing.T) {
	s := synthTransfer(3, 120, 90, 70, 15)
	e := CompileTransfer(s)
	o := Options{K: 8}.withDefaults()
	lists := e.Lists(o, time.Now())
	require.Len(t, lists, 2*120+2*90+70+15)

	sides := map[Owner]*tside{OwnerTechOffer: e.offers, OwnerTechRequest: e.requests, OwnerStartup: e.startup, OwnerResearchOrg: e.orgs}
	items := map[Kind]*tside{KindTechOffer: e.offers, KindTechRequest: e.requests, KindStartup: e.startup, KindResearchOrg: e.orgs}
	pairingOf := func(a Owner, k Kind) tpair {
		switch {
		case a == OwnerTechOffer && k == KindTechRequest, a == OwnerTechRequest && k == KindTechOffer:
			return offerRequest
		case a == OwnerTechOffer && k == KindStartup, a == OwnerStartup && k == KindTechOffer:
			return offerStartup
		}
		return requestOrg
	}
	for _, l := range lists {
		left, right := sides[l.Key.Owner], items[l.Key.Kind]
		p := pairingOf(l.Key.Owner, l.Key.Kind)
		i := slices.IndexFunc(left.feats, func(f tfeat) bool { return f.id == l.Key.OwnerID })
		a := &left.feats[i]
		var want []Scored
		for j := range right.feats {
			f := factorsOf(p, a, &right.feats[j], cosine(a.vec, right.feats[j].vec))
			sc := transferScore(p, &f)
			if sc > o.MinScore {
				want = append(want, Scored{Index: j, Score: sc})
			}
		}
		slices.SortFunc(want, func(x, y Scored) int {
			if better(x, y) {
				return -1
			}
			return 1
		})
		want = want[:min(len(want), o.K)]
		require.Len(t, l.Items, len(want), l.Key.ID())
		for n, it := range l.Items {
			assert.Equal(t, right.feats[want[n].Index].id, it.TargetID, "%s #%d", l.Key.ID(), n)
			assert.InDelta(t, want[n].Score, it.Score, 1e-12, "%s #%d", l.Key.ID(), n)
			sum := 0.0
			for _, c := range it.Explanation {
				sum += c.Contribution
			}
			assert.InDelta(t, it.Score, sum, 1e-12, "%s #%d: the contributions add up to the score", l.Key.ID(), n)
		}
	}
}

// BenchmarkTransferRescore is a full transfer rescore of 10,000 offers and
// 10,000 requests (with 1,500 startups and 200 organisations): compiling,
// ranking every pairing both ways and explaining every match. pairs/s counts
// the offer × request pairs judged (100 M) over the wall time.
func BenchmarkTransferRescore(b *testing.B) {
	const offers, requests = 10_000, 10_000
	s := synthTransfer(42, offers, requests, 1500, 200)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	var candidates int64
	for b.Loop() {
		e := CompileTransfer(s)
		lists := e.Lists(Options{}, time.Now())
		candidates = e.Pairs
		runtime.KeepAlive(lists)
	}
	wall := time.Since(start).Seconds() / float64(b.N)
	b.ReportMetric(float64(offers)*requests/wall, "pairs/s")
	b.ReportMetric(wall*1000, "ms/rescore")
	b.ReportMetric(float64(candidates), "candidates")
}

// The quality bar of the technology-transfer evaluation set (offers for each
// request, graded by a transfer officer): the mean over requests of
// precision@5 (over min(5, picks) slots) and NDCG@10. A firm reads the top
// five; two relevant offers out of three in them and the best first is the
// least a transfer officer would show, so 0.8 and 0.85 are the floors.
const (
	minTransferPrecisionAt5 = 0.8
	minTransferNDCGAt10     = 0.85
)

type transferEvalSet struct {
	Offers   []TechOffer
	Requests []TechRequest
	Relevant map[string]map[string]int
}

func TestTransferEvaluationSet(t *testing.T) {
	raw, err := os.ReadFile("testdata/transfer_eval.json")
	require.NoError(t, err)
	var set transferEvalSet
	require.NoError(t, json.Unmarshal(raw, &set))
	lists := CompileTransfer(&TransferSnapshot{Offers: set.Offers, Requests: set.Requests}).Lists(Options{K: 10}, time.Now())
	var p5, ndcg float64
	n := 0
	for _, l := range lists {
		if l.Key.Owner != OwnerTechRequest || l.Key.Kind != KindTechOffer {
			continue
		}
		picks := set.Relevant[l.Key.OwnerID]
		require.NotEmpty(t, picks, "request %s has no judgement", l.Key.OwnerID)
		var ranked []string
		for _, it := range l.Items {
			ranked = append(ranked, it.TargetID)
		}
		p, g := precisionAt(ranked, picks, 5), ndcgAt(ranked, picks, 10)
		t.Logf("%-12s P@5 %.2f NDCG@10 %.2f  %v", l.Key.OwnerID, p, g, ranked[:min(5, len(ranked))])
		p5 += p
		ndcg += g
		n++
	}
	require.Equal(t, len(set.Requests), n)
	p5, ndcg = p5/float64(n), ndcg/float64(n)
	t.Logf("%d requests: precision@5 %.3f, NDCG@10 %.3f", n, p5, ndcg)
	require.GreaterOrEqual(t, p5, minTransferPrecisionAt5)
	require.GreaterOrEqual(t, ndcg, minTransferNDCGAt10)
}
