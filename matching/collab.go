package matching

import (
	"math"
	"slices"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/funding"
)

// The collaborative factor: targets of a kind whose outcomes overlap a
// target's — the startups they hold, pursue, bookmarked, funded — are its
// peers; a startup scores by how much of the peers' weight is on it.
// "Investors whose portfolios overlap yours backed this startup."

// Edge weights of the outcomes a snapshot knows; Snapshot.Outcomes adds
// graded ones (a deal's stage, an award).
const (
	edgeHeld      = 1.0  // a portfolio company, a mentee
	edgePositive  = 0.5  // a bookmark, an application
	edgeDismissed = -0.5 // the target's side dismissed the startup
)

// collabCell is one pair's collaborative value: the neighbours' weighted
// outcome on the startup, and how many neighbours had a positive one.
type collabCell struct {
	value float64
	n     int
}

// collabTable holds the collaborative values of one kind: by target, by
// startup; warm[j] tells whether target j has neighbours at all.
type collabTable struct {
	cells []map[int32]collabCell
	warm  []bool
}

// outcomeEdges gathers every outcome of the snapshot by kind, target and
// startup: the strongest positive outcome of a pair, or its dismissal.
func outcomeEdges(s *Snapshot, startupIdx map[string]int32) [numKinds][]map[int32]float64 {
	var edges [numKinds][]map[int32]float64
	targetIdx := [numKinds]map[string]int32{}
	for _, k := range Kinds {
		edges[k] = make([]map[int32]float64, s.count(k))
		targetIdx[k] = make(map[string]int32, s.count(k))
		for j := range s.count(k) {
			edges[k][j] = map[int32]float64{}
			targetIdx[k][s.Ref(k, j).ID] = int32(j)
		}
	}
	add := func(k Kind, j int32, startup string, w float64) {
		i, ok := startupIdx[startup]
		if !ok {
			return
		}
		old, seen := edges[k][j][i]
		switch {
		case !seen, w > 0 && w > old, old < 0 && w < old:
			edges[k][j][i] = w
		}
	}
	for j, v := range s.Investors {
		for _, id := range v.Portfolio {
			add(KindInvestor, int32(j), id, edgeHeld)
		}
	}
	for j, m := range s.Mentors {
		for _, id := range m.Mentees {
			add(KindMentor, int32(j), id, edgeHeld)
		}
	}
	// Map order does not matter: add keeps the strongest outcome.
	for key, sig := range s.Feedback {
		if key.Target.Kind >= KindIncubator {
			continue
		}
		j, ok := targetIdx[key.Target.Kind][key.Target.ID]
		if !ok {
			continue
		}
		if sig.Positive {
			add(key.Target.Kind, j, key.Startup, edgePositive)
		} else if sig.TargetDismissed {
			add(key.Target.Kind, j, key.Startup, edgeDismissed)
		}
	}
	for key, w := range s.Outcomes {
		if key.Target.Kind >= KindIncubator {
			continue
		}
		if j, ok := targetIdx[key.Target.Kind][key.Target.ID]; ok {
			add(key.Target.Kind, j, key.Startup, w)
		}
	}
	return edges
}

// collaborate computes the collaborative table of kind k from its edges.
// Target j's peers are the targets with a positive outcome on a startup j
// has an outcome on (co-investors); a peer's closeness to j is the sum of
// their outcomes on shared startups, each shared startup counting
// 1/√(its holders) and the peer 1/√(its own positive outcomes), so neither
// a startup every investor holds nor a peer that holds everything
// dominates. A startup's value for j is the closeness-weighted sum of the
// peers' positive outcomes on it, over the largest such sum of j's, so j's
// strongest collaborative candidate is 1; n counts the peers behind it.
func collaborate(edges []map[int32]float64, startups int) collabTable {
	holders := make([][]int32, startups) // by startup, the targets with a positive outcome on it
	startupNorm := make([]float64, startups)
	targetNorm := make([]float64, len(edges))
	for j, e := range edges {
		for i, w := range e {
			if w > 0 {
				holders[i] = append(holders[i], int32(j))
				startupNorm[i] += w * w
				targetNorm[j] += w * w
			}
		}
	}
	for i := range holders {
		slices.Sort(holders[i])
	}
	t := collabTable{cells: make([]map[int32]collabCell, len(edges)), warm: make([]bool, len(edges))}
	acc := make([]float64, startups)
	count := make([]int, startups)
	closeness := make([]float64, len(edges))
	for j, e := range edges {
		own := sortedKeys(e)
		var peers []int32
		for _, h := range own {
			for _, p := range holders[h] {
				if int(p) == j {
					continue
				}
				if closeness[p] == 0 {
					peers = append(peers, p)
				}
				closeness[p] += e[h] * edges[p][h] / math.Sqrt(startupNorm[h])
			}
		}
		slices.Sort(peers)
		var touched []int32
		for _, p := range peers {
			c := closeness[p] / math.Sqrt(targetNorm[p])
			closeness[p] = 0
			for _, i := range sortedKeys(edges[p]) {
				if w := edges[p][i]; w > 0 {
					if count[i] == 0 {
						touched = append(touched, i)
					}
					acc[i] += c * w
					count[i]++
				}
			}
		}
		top := 0.0
		for _, i := range touched {
			top = max(top, acc[i])
		}
		if top > 0 {
			t.warm[j] = true
			t.cells[j] = make(map[int32]collabCell, len(touched))
		}
		for _, i := range touched {
			if acc[i] > 0 {
				t.cells[j][i] = collabCell{value: acc[i] / top, n: count[i]}
			}
			acc[i], count[i] = 0, 0
		}
	}
	return t
}

func sortedKeys(m map[int32]float64) []int32 {
	keys := make([]int32, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// PipelineOutcome is what a deal's stage in an investor's pipeline says of
// the pair: interest growing with each step, 1 for an investment; passing
// is a negative outcome, like a dismissal.
func PipelineOutcome(stage dealflow.Stage) float64 {
	switch stage {
	case dealflow.Sourced:
		return 0.2
	case dealflow.Contacted:
		return 0.3
	case dealflow.Meeting:
		return edgePositive
	case dealflow.DueDiligence:
		return 0.7
	case dealflow.TermSheet:
		return 0.85
	case dealflow.Invested:
		return edgeHeld
	case dealflow.Passed:
		return -0.3
	}
	return 0
}

// ApplicationOutcome is what an application's status says of a startup–
// call pair; a draft or withdrawn application says nothing.
func ApplicationOutcome(status funding.AppStatus) float64 {
	switch status {
	case funding.AppSubmitted, funding.AppUnderReview:
		return edgePositive
	case funding.AppShortlisted:
		return 0.75
	case funding.AppAwarded:
		return edgeHeld
	case funding.AppRejected:
		return -0.3
	}
	return 0
}
