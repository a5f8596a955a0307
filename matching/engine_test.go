package matching

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokens(t *testing.T) {
	assert.Equal(t, []string{"khoi", "nghiep", "hai", "phong", "khoi_nghiep", "nghiep_hai", "hai_phong"},
		Tokens("Khởi nghiệp và Hải Phòng"))
}

// The engine must return exactly what scoring every pair from scratch does.
func TestEngineMatchesNaive(t *testing.T) {
	s := synth(1, 400, 20, 60, 25, 9)
	o := Options{K: 7}
	got, want := Compile(s).All(o), Naive(s, o)
	for _, k := range Kinds {
		for i := range s.Startups {
			assertSameList(t, want.StartupLists[k][i], got.StartupLists[k][i], "startup %d kind %s", i, k)
		}
		for j := range want.TargetLists[k] {
			assertSameList(t, want.TargetLists[k][j], got.TargetLists[k][j], "target %d kind %s", j, k)
		}
	}
	assert.NotEmpty(t, got.TargetLists[KindInvestor][0], "a synthetic investor finds startups")
}

func assertSameList(t *testing.T, want, got []Scored, msg string, args ...any) {
	t.Helper()
	require.Len(t, got, len(want), append([]any{msg}, args...)...)
	for n := range want {
		require.Equal(t, want[n].Index, got[n].Index, append([]any{msg + " rank %d"}, append(args, n)...)...)
		require.Equal(t, want[n].Score, got[n].Score, append([]any{msg + " rank %d"}, append(args, n)...)...)
	}
}

// Row and Column compute what All does for one startup or one target.
func TestRowAndColumnAgreeWithAll(t *testing.T) {
	s := synth(2, 300, 12, 40, 20, 6)
	e := Compile(s)
	o := Options{K: 5}
	all := e.All(o)
	none := offers{wants: func(Kind, int, Scored) bool { return false }, take: func(Kind, int, Scored) { t.Fatal("took") }}
	for i := range s.Startups {
		row := e.Row(i, o, none)
		for _, k := range Kinds {
			assertSameList(t, all.StartupLists[k][i], row[k], "row %d kind %s", i, k)
		}
	}
	for _, k := range Kinds[:3] {
		for j := range all.TargetLists[k] {
			assertSameList(t, all.TargetLists[k][j], e.Column(k, j, o, none), "column %d kind %s", j, k)
		}
	}
}

func TestExplanationsAddUpToTheScore(t *testing.T) {
	s := synth(3, 200, 10, 30, 10, 6)
	e := Compile(s)
	all := e.All(Options{})
	n := 0
	for _, k := range Kinds {
		for i, list := range all.StartupLists[k] {
			for _, m := range list {
				sum := 0.0
				for _, c := range e.Explain(k, i, m.Index) {
					sum += c.Contribution
					assert.NotEmpty(t, c.Detail(false))
					assert.NotEmpty(t, c.Detail(true))
				}
				assert.InDelta(t, m.Score, sum, 1e-12, "kind %s startup %d target %d", k, i, m.Index)
				n++
			}
		}
	}
	assert.Greater(t, n, 1000)
}

func TestHardConstraintsAndFeedback(t *testing.T) {
	s := synth(4, 200, 10, 30, 12, 6)
	// Make every pair attractive, then exclude some by each hard rule.
	s.Investors[0].Portfolio = []string{s.Startups[0].ID}
	s.Mentors[0].Capacity, s.Mentors[0].Mentees = 1, []string{s.Startups[5].ID}
	for _, j := range []int{1, 2} {
		s.Mentors[j].Capacity, s.Mentors[j].Mentees = 10, nil
	}
	s.Feedback[PairKey{s.Startups[1].ID, Ref{KindMentor, s.Mentors[1].ID}}] = Signal{StartupDismissed: true}
	s.Feedback[PairKey{s.Startups[2].ID, Ref{KindMentor, s.Mentors[2].ID}}] = Signal{TargetDismissed: true}
	all := Compile(s).All(Options{K: 200, MinScore: -1})
	has := func(list []Scored, idx int) bool {
		for _, x := range list {
			if x.Index == idx {
				return true
			}
		}
		return false
	}
	assert.False(t, has(all.StartupLists[KindInvestor][0], 0), "an investor does not match a startup it holds")
	assert.Empty(t, all.TargetLists[KindMentor][0], "a mentor without capacity takes nobody")
	assert.False(t, has(all.StartupLists[KindMentor][1], 1), "the startup dismissed the mentor")
	assert.True(t, has(all.TargetLists[KindMentor][1], 1), "…which the mentor's side still sees")
	assert.False(t, has(all.TargetLists[KindMentor][2], 2), "the mentor dismissed the startup")
	assert.True(t, has(all.StartupLists[KindMentor][2], 2), "…which the startup's side still sees")
	for i, list := range all.StartupLists[KindFundCall] {
		for _, m := range list {
			assert.True(t, s.Eligible(i, m.Index), "startup %d is not eligible for call %d", i, m.Index)
		}
	}
	for _, list := range all.StartupLists[KindInvestor] {
		for _, m := range list {
			assert.False(t, math.IsNaN(m.Score))
		}
	}
}

func TestVND(t *testing.T) {
	for in, want := range map[int64]string{1: "1", 999: "999", 1000: "1.000", 1500000: "1.500.000", 20000000000: "20.000.000.000"} {
		assert.Equal(t, want, vnd(in))
	}
}

// Sectors and stages in an explanation read as their names, not codes.
func TestDetailsNameSectorsAndStages(t *testing.T) {
	sector := Contribution{Factor: FactorSector, Value: 1, Args: []string{"PORT_LOGISTICS", "ARTIFICIAL_INTELLIGENCE"}}
	assert.Equal(t, "Shared sectors: Port logistics, Artificial intelligence", sector.Detail(true))
	assert.Equal(t, "Cùng lĩnh vực: Cảng biển và logistics, Trí tuệ nhân tạo", sector.Detail(false))
	stage := Contribution{Factor: FactorStage, Value: 1, Args: []string{"SEED"}}
	assert.Equal(t, "Right stage: Seed", stage.Detail(true))
	assert.Equal(t, "Đúng giai đoạn Hạt giống", stage.Detail(false))
}

// A last activity reads as a date in each language's notation.
func TestRecencyDetailReadsAsADate(t *testing.T) {
	c := Contribution{Factor: FactorRecency, Value: 0.5, Args: []string{"2026-03-07"}}
	assert.Equal(t, "Hoạt động gần nhất 07/03/2026 (50%)", c.Detail(false))
	assert.Equal(t, "Last active on 7 Mar 2026 (50%)", c.Detail(true))
}
