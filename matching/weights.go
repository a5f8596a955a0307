package matching

import (
	"fmt"
	"math"

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
// those Fit found on the public investments data set of testdata/yc
// (TestFitOnPublicInvestments prints them); for the other kinds, set by
// hand, with room for the collaborative factor once outcomes accumulate.
var DefaultWeights = Weights{
	KindFundCall: {FactorSector: 0.27, FactorTicket: 0.18, FactorText: 0.22, FactorLocation: 0.13, FactorRecency: 0.05,
		FactorCollaborative: 0.05, FactorFeedback: 0.10},
	KindInvestor: {FactorSector: 0.01, FactorStage: 0.01, FactorTicket: 0.099, FactorText: 0.01, FactorLocation: 0.063,
		FactorIncubator: 0.05, FactorRecency: 0.01, FactorCollaborative: 0.698, FactorFeedback: 0.05},
	KindMentor:    {FactorSector: 0.50, FactorText: 0.27, FactorRecency: 0.03, FactorCollaborative: 0.05, FactorFeedback: 0.15},
	KindIncubator: {FactorSector: 0.30, FactorStage: 0.20, FactorText: 0.20, FactorLocation: 0.10, FactorIncubator: 0.10, FactorFeedback: 0.10},
}

// Check reports the first weight that is negative, not a number, set on a
// factor its kind does not have, or a kind whose weights do not add up to 1.
func (w *Weights) Check() error {
	for _, k := range Kinds {
		sum := 0.0
		for f := range Factor(numFactors) {
			x := w[k][f]
			field := fmt.Sprintf("weights.%s.%s", k, f)
			switch {
			case math.IsNaN(x) || math.IsInf(x, 0) || x < 0:
				return errs.InvalidValue(fmt.Sprintf("Trọng số %s của %s phải là số không âm.", f, k),
					fmt.Sprintf("The weight of %s for %s must be a non-negative number.", f, k), field)
			case x > 0 && !hasFactor(k, f):
				return errs.InvalidValue(fmt.Sprintf("Điểm %s không có yếu tố %s.", k, f),
					fmt.Sprintf("A %s score has no %s factor.", k, f), field)
			}
			sum += x
		}
		if math.Abs(sum-1) > 1e-6 {
			return errs.InvalidValue(fmt.Sprintf("Các trọng số của %s phải có tổng bằng 1 (đang là %.4f).", k, sum),
				fmt.Sprintf("The weights of %s must add up to 1 (they add up to %.4f).", k, sum), fmt.Sprintf("weights.%s", k))
		}
	}
	return nil
}

func hasFactor(k Kind, f Factor) bool {
	for _, x := range kindFactors[k] {
		if x == f {
			return true
		}
	}
	return false
}

// coldScale is what the weights of kind k are multiplied by for a target
// with no collaborative neighbours: the collaborative factor's weight is
// shared out among the content factors, so a newcomer is ranked by its
// profile alone.
func (w *Weights) coldScale(k Kind) float64 {
	if c := w[k][FactorCollaborative]; c < 1 {
		return 1 / (1 - c)
	}
	return 1
}

// score combines the factor values of a pair of kind k; warm tells whether
// the target has collaborative neighbours. The sum runs over every
// factor an engine kind can have, in one order (the investors' factors
// are a superset of the others', in the same order), so the hot loop has
// no branches; a factor a kind lacks has weight 0 and adds nothing.
func (w *Weights) score(k Kind, f *factors, warm bool) float64 {
	wk := &w[k]
	s := wk[FactorSector]*f[FactorSector] + wk[FactorStage]*f[FactorStage] + wk[FactorTicket]*f[FactorTicket] +
		wk[FactorText]*f[FactorText] + wk[FactorLocation]*f[FactorLocation] + wk[FactorIncubator]*f[FactorIncubator] +
		wk[FactorRecency]*f[FactorRecency] + wk[FactorCollaborative]*f[FactorCollaborative] +
		wk[FactorFeedback]*f[FactorFeedback]
	if !warm {
		s *= w.coldScale(k)
	}
	return s
}

// explain turns a pair's factor values into its explanation, whose
// contributions add up to the score.
func (w *Weights) explain(k Kind, f *factors, warm bool, args func(Factor) []string) []Contribution {
	scale := 1.0
	if !warm {
		scale = w.coldScale(k)
	}
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
