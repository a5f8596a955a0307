package matching

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// The quality bar of the labelled evaluation set: the mean over every
// (startup, kind) with expert picks of precision@5 (of min(5, picks) slots),
// of NDCG@10 with gains 2^grade−1, and of R-precision (precision at as many
// slots as there are picks). With five or six targets of a kind, precision@5
// is easy; R-precision is the one that tells orderings apart.
const (
	minPrecisionAt5 = 0.9
	minNDCGAt10     = 0.9
	minRPrecision   = 0.8
)

type evalSet struct {
	Snapshot
	Relevant map[string]map[string]map[string]int `json:"relevant"`
}

func TestEvaluationSet(t *testing.T) {
	raw, err := os.ReadFile("testdata/eval.json")
	require.NoError(t, err)
	var set evalSet
	require.NoError(t, json.Unmarshal(raw, &set))
	res := Compile(&set.Snapshot).All(Options{K: 10})
	var p5, ndcg, rp float64
	queries := 0
	for i, st := range set.Startups {
		for kindName, picks := range set.Relevant[st.ID] {
			k, ok := ParseKind(kindName)
			require.True(t, ok, kindName)
			var ranked []string
			for _, m := range res.StartupLists[k][i] {
				ranked = append(ranked, set.Ref(k, m.Index).ID)
			}
			for id := range picks {
				require.Contains(t, refs(&set.Snapshot, k), id, "a pick of %s names no %s", st.ID, kindName)
			}
			p, n, r := precisionAt(ranked, picks, 5), ndcgAt(ranked, picks, 10), precisionAt(ranked, picks, len(picks))
			t.Logf("%-14s %-9s P@5 %.2f NDCG@10 %.2f R-prec %.2f  %v", st.ID, kindName, p, n, r, ranked[:min(5, len(ranked))])
			p5 += p
			ndcg += n
			rp += r
			queries++
		}
	}
	p5, ndcg, rp = p5/float64(queries), ndcg/float64(queries), rp/float64(queries)
	t.Logf("%d queries: precision@5 %.3f, NDCG@10 %.3f, R-precision %.3f", queries, p5, ndcg, rp)
	require.GreaterOrEqual(t, p5, minPrecisionAt5)
	require.GreaterOrEqual(t, ndcg, minNDCGAt10)
	require.GreaterOrEqual(t, rp, minRPrecision)
}

func refs(s *Snapshot, k Kind) []string {
	var out []string
	for j := range s.count(k) {
		out = append(out, s.Ref(k, j).ID)
	}
	return out
}

func precisionAt(ranked []string, picks map[string]int, n int) float64 {
	hits := 0
	for _, id := range ranked[:min(n, len(ranked))] {
		if picks[id] > 0 {
			hits++
		}
	}
	return float64(hits) / float64(min(n, len(picks)))
}

func ndcgAt(ranked []string, picks map[string]int, n int) float64 {
	dcg := 0.0
	for r, id := range ranked[:min(n, len(ranked))] {
		dcg += (math.Pow(2, float64(picks[id])) - 1) / math.Log2(float64(r+2))
	}
	var grades []int
	for _, g := range picks {
		grades = append(grades, g)
	}
	// The ideal order puts the highest grades first.
	for a := range grades {
		for b := a + 1; b < len(grades); b++ {
			if grades[b] > grades[a] {
				grades[a], grades[b] = grades[b], grades[a]
			}
		}
	}
	ideal := 0.0
	for r, g := range grades[:min(n, len(grades))] {
		ideal += (math.Pow(2, float64(g)) - 1) / math.Log2(float64(r+2))
	}
	return dcg / ideal
}
