package matching

import (
	"fmt"
	"math"
	"strconv"

	"github.com/innoport/innoport/domain/errs"
)

// kindFactors are the factors of each kind's score, in explanation order.
var kindFactors = [numKinds][]Factor{
	KindFundCall: {FactorSector, FactorTicket, FactorText, FactorLocation, FactorRecency, FactorCollaborative, FactorFeedback},
	KindInvestor: {FactorSector, FactorStage, FactorTicket, FactorText, FactorLocation, FactorIncubator, FactorRecency,
		FactorCollaborative, FactorFeedback},
	KindMentor:    {FactorSector, FactorText, FactorRecency, FactorCollaborative, FactorFeedback},
	KindIncubator: {FactorSector, FactorStage, FactorText, FactorLocation, FactorIncubator, FactorRecency, FactorFeedback},
}

// KindFactors returns the factors of kind k's score.
func KindFactors(k Kind) []Factor { return kindFactors[k] }

// Weights are the weight of each factor in each kind's score: a pair's
// score is the weighted sum of its factor values. A kind's weights are
// non-negative and add up to 1. They are data, fitted from outcomes
// (Fit) and versioned by the service.
type Weights [numKinds][numFactors]float64

// DefaultWeights are the weights the engine ships with: for investors,
// those Fit finds on the public investments data set of testdata/yc
// (TestDefaultWeightsAreFittedOnPublicInvestments prints them); for the
// other kinds, fitPrior's, set by hand, until the platform's outcomes are
// fitted.
var DefaultWeights = func() Weights {
	w := fitPrior
	w[KindInvestor] = [numFactors]float64{FactorSector: 0.05, FactorStage: 0.025, FactorTicket: 0.098, FactorText: 0.05,
		FactorLocation: 0.055, FactorIncubator: 0.05, FactorRecency: 0.012, FactorCollaborative: 0.61, FactorFeedback: 0.05}
	return w
}()

// WeightEntry is one factor's weight in one kind's score.
type WeightEntry struct {
	Kind   Kind
	Factor Factor
	Weight float64
}

// Entries lists the weights of every factor of every kind.
func (w *Weights) Entries() []WeightEntry {
	var out []WeightEntry
	for _, k := range Kinds {
		for _, f := range kindFactors[k] {
			out = append(out, WeightEntry{k, f, w[k][f]})
		}
	}
	return out
}

// NewWeights reads weights from entries: each a factor of its kind, once,
// from 0 to 1; every kind's adding up to 1 (to a thousandth). A factor
// left out weighs 0.
func NewWeights(entries []WeightEntry) (Weights, error) {
	var (
		w    Weights
		list errs.List
		seen = map[[2]int]bool{}
	)
	for n, e := range entries {
		at := func(field ...string) []string { return append([]string{"weights", strconv.Itoa(n)}, field...) }
		switch {
		case int(e.Kind) >= len(Kinds) || !hasFactor(e.Kind, e.Factor):
			list.Add(errs.InvalidValue(fmt.Sprintf("Điểm ghép nối loại %s không có yếu tố %s.", e.Kind, e.Factor),
				fmt.Sprintf("A %s match score has no %s factor.", e.Kind, e.Factor), at("factor")...))
		case seen[[2]int{int(e.Kind), int(e.Factor)}]:
			list.Add(errs.InvalidValue(fmt.Sprintf("Yếu tố %s của %s được nêu hai lần.", e.Factor, e.Kind),
				fmt.Sprintf("%s of %s is given twice.", e.Factor, e.Kind), at()...))
		case math.IsNaN(e.Weight) || e.Weight < 0 || e.Weight > 1:
			list.Add(errs.InvalidValue("Trọng số phải từ 0 đến 1.", "A weight must be from 0 to 1.", at("weight")...))
		default:
			seen[[2]int{int(e.Kind), int(e.Factor)}] = true
			w[e.Kind][e.Factor] = e.Weight
		}
	}
	if err := list.Err(); err != nil {
		return Weights{}, err
	}
	for _, k := range Kinds {
		sum := 0.0
		for _, f := range kindFactors[k] {
			sum += w[k][f]
		}
		if math.Abs(sum-1) > 1e-3 {
			list.Add(errs.InvalidValue(fmt.Sprintf("Các trọng số của %s phải có tổng bằng 1 (đang là %.3f).", k, sum),
				fmt.Sprintf("The weights of %s must add up to 1 (they add up to %.3f).", k, sum), "weights"))
		}
	}
	return w, list.Err()
}

func hasFactor(k Kind, f Factor) bool {
	for _, x := range kindFactors[k] {
		if x == f {
			return true
		}
	}
	return false
}

// scale is what kind k's weighted sum is multiplied by for a target that
// has collaborative neighbours (warm) or not: for one without, the
// collaborative factor's weight is shared out among the content factors,
// so a newcomer is ranked by its profile alone.
func (w *Weights) scale(k Kind, warm bool) float64 {
	if c := w[k][FactorCollaborative]; !warm && c < 1 {
		return 1 / (1 - c)
	}
	return 1
}

// score combines the factor values of a pair of kind k, times the
// target's scale. The sum runs over every factor an engine kind can have,
// in one order (the investors' factors are a superset of the others', in
// the same order), so the hot loop has no branches; a factor a kind lacks
// has weight 0 and adds nothing.
func (w *Weights) score(k Kind, f *factors, scale float64) float64 {
	wk := &w[k]
	return (wk[FactorSector]*f[FactorSector] + wk[FactorStage]*f[FactorStage] + wk[FactorTicket]*f[FactorTicket] +
		wk[FactorText]*f[FactorText] + wk[FactorLocation]*f[FactorLocation] + wk[FactorIncubator]*f[FactorIncubator] +
		wk[FactorRecency]*f[FactorRecency] + wk[FactorCollaborative]*f[FactorCollaborative] +
		wk[FactorFeedback]*f[FactorFeedback]) * scale
}

// explain turns a pair's factor values into its explanation, whose
// contributions add up to the score.
func (w *Weights) explain(k Kind, f *factors, warm bool, args func(Factor) []string) []Contribution {
	scale := w.scale(k, warm)
	out := make([]Contribution, 0, len(kindFactors[k]))
	for _, fc := range kindFactors[k] {
		wt := w[k][fc] * scale
		if fc == FactorCollaborative && !warm {
			wt = 0
		}
		out = append(out, Contribution{Factor: fc, Weight: wt, Value: f[fc], Contribution: wt * f[fc], Args: args(fc)})
	}
	return out
}
