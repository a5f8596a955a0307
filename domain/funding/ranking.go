package funding

import (
	"cmp"
	"math"
	"slices"

	"github.com/innoport/innoport/domain/value"
)

// CriterionResult is an application's consolidated score on one criterion.
type CriterionResult struct {
	Key    string
	Mean   float64 // over reviewers, normalised when the ranking is
	Passed bool    // mean ≥ the criterion's threshold
}

// RankEntry is one application's place in a call's ranking.
type RankEntry struct {
	Rank        int
	Application Application
	Reviews     int
	Criteria    []CriterionResult
	Total       float64 // sum of criterion means, against the overall threshold
	Weighted    float64 // Σ weight × mean: the ranking score
	Passed      bool    // every criterion and the total reach their thresholds
	// Cumulative is the requested amount of this and every passing entry
	// above it; WithinBudget tells whether it fits the call's budget.
	Cumulative   value.VND
	WithinBudget bool
}

// Ranking orders a call's reviewed applications.
type Ranking struct {
	Entries    []RankEntry
	Normalized bool
	Budget     value.VND
}

// Rank consolidates the reviews of a call's applications and orders them:
// passing applications first, then by weighted score; ties go to the higher
// mean on the first rubric criterion, then the second, and so on, then to the
// earlier submission. With normalize, each reviewer's scores on a criterion
// are first rescaled to the criterion's overall mean and spread (z-scores), so
// harsh and lenient reviewers count the same; a reviewer with a single score
// on a criterion keeps it as given.
func Rank(c Call, apps []Application, normalize bool) Ranking {
	var reviewed []Application
	for _, a := range apps {
		if len(a.Reviews) > 0 && a.Status != AppWithdrawn && a.Status != AppDraft {
			reviewed = append(reviewed, a)
		}
	}
	adjust := func(_ string, _ string, v float64) float64 { return v }
	if normalize {
		adjust = normaliser(c.Rubric, reviewed)
	}
	r := Ranking{Normalized: normalize, Budget: c.Budget}
	for _, a := range reviewed {
		e := RankEntry{Application: a, Reviews: len(a.Reviews), Passed: true}
		for _, cr := range c.Rubric.Criteria {
			sum, n := 0.0, 0
			for _, rv := range a.Reviews {
				for _, s := range rv.Scores {
					if s.Criterion == cr.Key {
						sum += adjust(rv.ReviewerID, cr.Key, s.Value())
						n++
					}
				}
			}
			mean := 0.0
			if n > 0 {
				mean = sum / float64(n)
			}
			mean = math.Round(mean*1000) / 1000
			res := CriterionResult{Key: cr.Key, Mean: mean, Passed: mean >= cr.Threshold}
			e.Criteria = append(e.Criteria, res)
			e.Total += mean
			e.Weighted += cr.Weight * mean
			e.Passed = e.Passed && res.Passed
		}
		e.Total = math.Round(e.Total*1000) / 1000
		e.Weighted = math.Round(e.Weighted*1000) / 1000
		e.Passed = e.Passed && e.Total >= c.Rubric.OverallThreshold
		r.Entries = append(r.Entries, e)
	}
	slices.SortStableFunc(r.Entries, func(a, b RankEntry) int {
		if a.Passed != b.Passed {
			if a.Passed {
				return -1
			}
			return 1
		}
		if d := cmp.Compare(b.Weighted, a.Weighted); d != 0 {
			return d
		}
		for i := range a.Criteria {
			if d := cmp.Compare(b.Criteria[i].Mean, a.Criteria[i].Mean); d != 0 {
				return d
			}
		}
		if d := a.Application.SubmittedAt.Compare(b.Application.SubmittedAt); d != 0 {
			return d
		}
		return cmp.Compare(a.Application.ID, b.Application.ID)
	})
	var cum value.VND
	for i := range r.Entries {
		e := &r.Entries[i]
		e.Rank = i + 1
		if e.Passed {
			cum = cum.Plus(e.Application.Requested)
			e.Cumulative = cum
			e.WithinBudget = cum <= c.Budget
		}
	}
	return r
}

// normaliser returns a function that maps a reviewer's score on a criterion
// to mean_c + sd_c × (score − mean_rc) / sd_rc, clamped to the scale, where
// _c is over all reviewers and _rc over that reviewer's scores.
func normaliser(rub Rubric, apps []Application) func(reviewer, criterion string, v float64) float64 {
	type key struct{ r, c string }
	per := map[key][]float64{}
	all := map[string][]float64{}
	for _, a := range apps {
		for _, rv := range a.Reviews {
			for _, s := range rv.Scores {
				per[key{rv.ReviewerID, s.Criterion}] = append(per[key{rv.ReviewerID, s.Criterion}], s.Value())
				all[s.Criterion] = append(all[s.Criterion], s.Value())
			}
		}
	}
	return func(reviewer, criterion string, v float64) float64 {
		mine := per[key{reviewer, criterion}]
		if len(mine) < 2 {
			return v
		}
		mr, sr := meanSD(mine)
		mc, sc := meanSD(all[criterion])
		out := mc + (v - mr)
		if sr > 0 {
			out = mc + sc*(v-mr)/sr
		}
		top := 0.0
		if c, ok := rub.criterion(criterion); ok {
			top = float64(c.Max)
		}
		return math.Max(0, math.Min(top, out))
	}
}

func meanSD(xs []float64) (mean, sd float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for _, x := range xs {
		sd += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(sd / float64(len(xs)))
}
