package matching

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/value"
)

// Four startups alike in every profile field and four investors: A holds s0
// and s1; B holds s0 and s2; C has s2 in its pipeline at due diligence and
// passed on s3; D holds nothing.
func collabSnapshot() *Snapshot {
	s := &Snapshot{Feedback: map[PairKey]Signal{}, Outcomes: map[PairKey]float64{}}
	for _, id := range []string{"s0", "s1", "s2", "s3"} {
		s.Startups = append(s.Startups, Startup{ID: id, Sectors: []value.Sector{value.SectorFintech}, Stage: value.StageSeed,
			Ward: "Lê Chân", Text: "Ví điện tử cho tiểu thương"})
	}
	for _, v := range []Investor{{ID: "A", Portfolio: []string{"s0", "s1"}}, {ID: "B", Portfolio: []string{"s0", "s2"}},
		{ID: "C"}, {ID: "D"}} {
		v.Sectors, v.Text = []value.Sector{value.SectorFintech}, "Quỹ đầu tư fintech"
		s.Investors = append(s.Investors, v)
	}
	s.Outcomes[PairKey{"s2", Ref{KindInvestor, "C"}}] = PipelineOutcome(dealflow.DueDiligence)
	s.Outcomes[PairKey{"s3", Ref{KindInvestor, "C"}}] = PipelineOutcome(dealflow.Passed)
	return s
}

func contribution(t *testing.T, e *Engine, i, j int, f Factor) Contribution {
	t.Helper()
	for _, c := range e.Explain(KindInvestor, i, j) {
		if c.Factor == f {
			return c
		}
	}
	t.Fatalf("no %s in the explanation", f)
	return Contribution{}
}

func TestCollaborativeFactorReadsPeersOutcomes(t *testing.T) {
	e := Compile(collabSnapshot())
	// A's peer is B (both hold s0): s2, which B holds, is A's strongest
	// collaborative candidate; s3 is nobody's.
	c := contribution(t, e, 2, 0, FactorCollaborative)
	assert.Equal(t, 1.0, c.Value)
	assert.Equal(t, []string{"1", "INVESTOR"}, c.Args)
	assert.Equal(t, "1 investor whose portfolio overlaps this investor's holds, pursues or funded this startup: +0.61", c.Detail(true))
	assert.Zero(t, contribution(t, e, 3, 0, FactorCollaborative).Value)
	// C's deal on s2 makes B its peer; its pass on s3 is no positive
	// outcome and makes none.
	c = contribution(t, e, 0, 2, FactorCollaborative)
	assert.Equal(t, 1.0, c.Value, "s0 is held by C's peer")
	assert.Equal(t, []string{"1", "INVESTOR"}, c.Args)
	assert.Zero(t, contribution(t, e, 1, 2, FactorCollaborative).Value, "s1 is held by A, no peer of C")

	// With identical profiles, the collaborative factor alone orders A's list.
	res := e.All(Options{K: 4, MinScore: -1})
	require.Len(t, res.TargetLists[KindInvestor][0], 2, "A's list leaves out what it holds")
	assert.Equal(t, 2, res.TargetLists[KindInvestor][0][0].Index)
	assert.Equal(t, 3, res.TargetLists[KindInvestor][0][1].Index)
}

// A target with no peer is scored on its profile alone: the collaborative
// weight goes to the content factors, and the explanation says so.
func TestColdTargetsAreScoredOnTheirProfile(t *testing.T) {
	e := Compile(collabSnapshot())
	ex := e.Explain(KindInvestor, 0, 3) // D holds nothing
	sum, weights := 0.0, 0.0
	for _, c := range ex {
		sum += c.Contribution
		weights += c.Weight
		if c.Factor == FactorCollaborative {
			assert.Zero(t, c.Weight)
			assert.Equal(t, "No peer with overlapping outcomes yet: the score rests on the profiles", c.Detail(true))
		}
	}
	assert.InDelta(t, 1, weights, 1e-9, "the content factors share the whole weight")
	warm := e.Explain(KindInvestor, 3, 0) // A has a peer; s3 is nobody's
	warmSum := 0.0
	for _, c := range warm {
		warmSum += c.Contribution
	}
	assert.Greater(t, sum, warmSum, "the same profile fit scores higher for a newcomer than a 0 on the collaborative factor does")
}
