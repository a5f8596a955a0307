package matching

import (
	"cmp"
	"hash/fnv"
	"math"
	"slices"
)

// Fitting the weights from outcomes (docs/matching.md tells it for people;
// this is the code).
//
// For every target with at least two positive outcomes — an investor's
// portfolio and pipeline, a call's applications and awards, a mentor's
// mentees and bookmarks — one of them, picked by a hash of the seed and the
// target, is hidden: the snapshot is compiled without it, as if it had not
// happened yet. The hidden startup is the positive; up to fitCandidates
// startups the target could be shown (past its hard constraints, without
// an outcome or tie) are its competitors. The fit finds the weights under
// which each positive comes first among its competitors: it minimises the
// mean over targets of log(1 + Σ exp(−w·(f⁺ − f))) — the positive's
// softmax cross-entropy, which weighs most the competitors scored highest,
// as a top-20 list does — plus fitL2·|w|², by projected gradient descent
// (w ≥ 0) from equal weights, a fixed number of full steps: no randomness,
// so the same data give the same weights. Factors that never differ
// between a positive and its competitors cannot be fitted and keep their
// weight; the fitted ones share the rest, three quarters in proportion to
// what the descent found and a quarter to fitPrior's (fitShrink).

const (
	fitCandidates = 300
	fitSteps      = 500
	fitRate       = 5
	fitL2         = 1e-3
)

// fitShrink is how much of a fitted weight comes from fitPrior rather than
// the data: outcomes say how investors acted, not what a stated thesis is
// worth — the public data set has none — so a fit keeps a quarter of the
// prior's proportions. On that data set it costs little (recall@20 0.293
// unshrunk, 0.281 shrunk) and keeps sector, stage and text meaningful for
// investors who state a thesis.
const fitShrink = 0.25

// FitReport says what a fit saw and found for one kind.
type FitReport struct {
	Kind      Kind
	Targets   int // targets with a hidden outcome
	Pairs     int // (positive, competitor) pairs compared
	Fitted    []Factor
	Before    float64 // share of pairs ordered right under the weights fitted from
	After     float64 // …and under the fitted weights
	Unchanged bool    // too few outcomes: the kind keeps its weights
}

// minFitTargets is the fewest targets with a hidden outcome a kind's
// weights are fitted from.
const minFitTargets = 10

// Fit fits the weights of every kind that has enough outcomes in s,
// starting from from; the other kinds keep from's weights. It hides one
// positive outcome per target (see above) and fits on them.
func Fit(s *Snapshot, from Weights, seed string) (Weights, []FitReport) {
	hidden := hideOne(s, seed)
	return FitHidden(s.without(hidden), hidden, from, seed)
}

// hideOne picks, for every target with at least two positive outcomes,
// one of them by a hash of seed and the target.
func hideOne(s *Snapshot, seed string) map[PairKey]bool {
	startupIdx := make(map[string]int32, len(s.Startups))
	for i, st := range s.Startups {
		startupIdx[st.ID] = int32(i)
	}
	edges := outcomeEdges(s, startupIdx)
	hidden := map[PairKey]bool{}
	for _, k := range Kinds {
		for j, e := range edges[k] {
			var pos []int32
			for i, w := range e {
				if w > 0 {
					pos = append(pos, i)
				}
			}
			if len(pos) < 2 {
				continue
			}
			slices.Sort(pos)
			ref := s.Ref(k, j)
			i := pos[hashOf(seed, ref.ID)%uint64(len(pos))]
			hidden[PairKey{s.Startups[i].ID, ref}] = true
		}
	}
	return hidden
}

// FitHidden fits the weights on outcomes hidden from s: s must hold no
// trace of them — no outcome, and no thesis or profile stated from them.
func FitHidden(s *Snapshot, hidden map[PairKey]bool, from Weights, seed string) (Weights, []FitReport) {
	positives := hiddenPairs(s, hidden)
	e := Compile(s)
	out := from
	var reports []FitReport
	for _, k := range Kinds {
		r := FitReport{Kind: k, Targets: len(positives[k])}
		var groups [][][]float64
		for _, p := range positives[k] {
			pos := e.features(k, p[1], p[0])
			var diffs [][]float64
			for _, i := range e.competitors(k, p[0], seed) {
				neg := e.features(k, i, p[0])
				d := make([]float64, len(kindFactors[k]))
				for n, fc := range kindFactors[k] {
					d[n] = pos[fc] - neg[fc]
				}
				diffs = append(diffs, d)
			}
			groups = append(groups, diffs)
			r.Pairs += len(diffs)
		}
		if r.Targets < minFitTargets {
			r.Unchanged = true
			reports = append(reports, r)
			continue
		}
		out[k], r.Fitted = fitKind(k, from[k], groups)
		r.Before, r.After = ordered(k, from[k], groups), ordered(k, out[k], groups)
		reports = append(reports, r)
	}
	return out, reports
}

// hiddenPairs finds the hidden pairs in s, by kind, as (target, startup)
// indices, in order.
func hiddenPairs(s *Snapshot, hidden map[PairKey]bool) [numKinds][][2]int {
	startupIdx := make(map[string]int, len(s.Startups))
	for i, st := range s.Startups {
		startupIdx[st.ID] = i
	}
	var targetIdx [numKinds]map[string]int
	for _, k := range Kinds {
		targetIdx[k] = make(map[string]int, s.count(k))
		for j := range s.count(k) {
			targetIdx[k][s.Ref(k, j).ID] = j
		}
	}
	var out [numKinds][][2]int
	for key := range hidden {
		if key.Target.Kind >= numKinds {
			continue
		}
		i, ok := startupIdx[key.Startup]
		j, ok2 := targetIdx[key.Target.Kind][key.Target.ID]
		if ok && ok2 {
			out[key.Target.Kind] = append(out[key.Target.Kind], [2]int{j, i})
		}
	}
	for k := range out {
		slices.SortFunc(out[k], func(a, b [2]int) int { return cmp.Or(a[0]-b[0], a[1]-b[1]) })
	}
	return out
}

func hashOf(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p + "\x00"))
	}
	return h.Sum64()
}

// features returns the factor values of startup i and target j of kind k,
// whatever the pair's marks.
func (e *Engine) features(k Kind, i, j int) factors {
	var f factors
	e.pair(k, i, j, cosine(e.st[i].vec, e.tg[k][j].vec), e.collabOf(k, i, j).value, 0, &f)
	return f
}

// competitors picks up to fitCandidates startups target j of kind k could be
// shown and has no outcome or tie with, in an order fixed by the seed.
func (e *Engine) competitors(k Kind, j int, seed string) []int {
	taken := map[int32]bool{}
	for _, m := range e.tgMarks[k][j] {
		taken[m.other] = true
	}
	type cand struct {
		i int
		h uint64
	}
	var cs []cand
	ref := e.snap.Ref(k, j).ID
	for i := range e.st {
		if !taken[int32(i)] && e.passes(k, i, j) {
			cs = append(cs, cand{i, hashOf(seed, ref, e.snap.Startups[i].ID)})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int { return cmp.Compare(a.h, b.h) })
	out := make([]int, 0, fitCandidates)
	for _, c := range cs[:min(len(cs), fitCandidates)] {
		out = append(out, c.i)
	}
	return out
}

// fitKind runs the descent for one kind over the differences between
// each target's positive and its candidates, in kindFactors order.
func fitKind(k Kind, from [numFactors]float64, groups [][][]float64) ([numFactors]float64, []Factor) {
	fs := kindFactors[k]
	var free []int
	fixed := 0.0
	for n, fc := range fs {
		varies := false
		for _, g := range groups {
			for _, d := range g {
				varies = varies || d[n] != 0
			}
		}
		if varies {
			free = append(free, n)
		} else {
			fixed += from[fc]
		}
	}
	w := make([]float64, len(fs))
	for _, n := range free {
		w[n] = 1 // the same start whatever the current weights, so a refit is reproducible
	}
	grad := make([]float64, len(fs))
	ex := []float64{}
	for range fitSteps {
		clear(grad)
		for _, g := range groups {
			// The loss of a group is log(1 + Σ exp(−w·d)): the positive's
			// softmax cross-entropy among its candidates.
			ex = ex[:0]
			z := 1.0
			for _, d := range g {
				m := 0.0
				for _, n := range free {
					m += w[n] * d[n]
				}
				x := math.Exp(-m)
				ex = append(ex, x)
				z += x
			}
			for c, d := range g {
				for _, n := range free {
					grad[n] -= ex[c] / z * d[n]
				}
			}
		}
		for _, n := range free {
			w[n] = max(0, w[n]-fitRate*(grad[n]/float64(len(groups))+2*fitL2*w[n]))
		}
	}
	sum := 0.0
	for _, n := range free {
		sum += w[n]
	}
	out := from
	var fitted []Factor
	priorSum := 0.0
	for _, n := range free {
		priorSum += fitPrior[k][fs[n]]
	}
	for _, n := range free {
		fc := fs[n]
		fitted = append(fitted, fc)
		x, p := 1/float64(len(free)), 1/float64(len(free))
		if sum > 0 {
			x = w[n] / sum
		}
		if priorSum > 0 {
			p = fitPrior[k][fc] / priorSum
		}
		out[fc] = math.Round(((1-fitShrink)*x+fitShrink*p)*(1-fixed)*1000) / 1000
	}
	// Rounding to three decimals can leave the sum off by a thousandth:
	// the largest fitted weight takes it.
	total, top := 0.0, fs[free[0]]
	for _, fc := range fs {
		total += out[fc]
		if out[fc] > out[top] && slices.Contains(fitted, fc) {
			top = fc
		}
	}
	out[top] += 1 - total
	return out, fitted
}

// ordered is the share of (positive, candidate) pairs that weights w of
// kind k score in the right order.
func ordered(k Kind, w [numFactors]float64, groups [][][]float64) float64 {
	right, all := 0, 0
	for _, g := range groups {
		for _, d := range g {
			m := 0.0
			for n, fc := range kindFactors[k] {
				m += w[fc] * d[n]
			}
			if m > 0 {
				right++
			}
			all++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(right) / float64(all)
}

// without returns a copy of s without the outcomes of hidden pairs.
func (s *Snapshot) without(hidden map[PairKey]bool) *Snapshot {
	c := *s
	c.Investors = slices.Clone(s.Investors)
	for j := range c.Investors {
		c.Investors[j].Portfolio = slices.DeleteFunc(slices.Clone(c.Investors[j].Portfolio), func(id string) bool {
			return hidden[PairKey{id, Ref{KindInvestor, c.Investors[j].ID}}]
		})
	}
	c.Mentors = slices.Clone(s.Mentors)
	for j := range c.Mentors {
		c.Mentors[j].Mentees = slices.DeleteFunc(slices.Clone(c.Mentors[j].Mentees), func(id string) bool {
			return hidden[PairKey{id, Ref{KindMentor, c.Mentors[j].ID}}]
		})
	}
	c.Feedback = make(map[PairKey]Signal, len(s.Feedback))
	for key, sig := range s.Feedback {
		if hidden[key] {
			sig.Positive = false
		}
		c.Feedback[key] = sig
	}
	c.Outcomes = make(map[PairKey]float64, len(s.Outcomes))
	for key, w := range s.Outcomes {
		if !hidden[key] {
			c.Outcomes[key] = w
		}
	}
	return &c
}

// fitPrior are the proportions a fit shrinks towards (fitShrink): the
// weights set by hand before any fit.
var fitPrior = Weights{
	KindFundCall: {FactorSector: 0.27, FactorTicket: 0.18, FactorText: 0.22, FactorLocation: 0.13, FactorRecency: 0.05,
		FactorCollaborative: 0.05, FactorFeedback: 0.10},
	KindInvestor: {FactorSector: 0.20, FactorStage: 0.10, FactorTicket: 0.10, FactorText: 0.20, FactorLocation: 0.05,
		FactorIncubator: 0.05, FactorRecency: 0.05, FactorCollaborative: 0.20, FactorFeedback: 0.05},
	KindMentor:    {FactorSector: 0.50, FactorText: 0.27, FactorRecency: 0.03, FactorCollaborative: 0.05, FactorFeedback: 0.15},
	KindIncubator: {FactorSector: 0.30, FactorStage: 0.20, FactorText: 0.20, FactorLocation: 0.10, FactorIncubator: 0.10, FactorFeedback: 0.10},
}
