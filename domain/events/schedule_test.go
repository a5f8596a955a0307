package events

import (
	"fmt"
	"math/bits"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// matchmakingDay builds a matchmaking day like the city's: founders ask
// investors and experts for meetings, a few of whom everyone wants; many
// attend only the morning or the afternoon session; everyone takes at most
// maxMeetings meetings; each slot has tables places.
func matchmakingDay(seed uint64, people, requests, slots, tables, maxMeetings int) *Problem {
	r := rand.New(rand.NewPCG(seed, 1))
	p := &Problem{Slots: slots, Capacity: make([]int, slots), Free: make([]uint64, people), Left: make([]int, people)}
	for s := range p.Capacity {
		p.Capacity[s] = tables
	}
	all := uint64(1)<<slots - 1
	morning := uint64(1)<<(slots/2) - 1
	for i := range p.Free {
		switch x := r.IntN(10); {
		case x < 3:
			p.Free[i] = morning
		case x < 5:
			p.Free[i] = all &^ morning
		default:
			p.Free[i] = all
		}
		p.Left[i] = maxMeetings
	}
	// A fifth are investors and experts; their popularity is skewed.
	hosts := people / 5
	zipf := rand.NewZipf(r, 1.1, 4, uint64(hosts-1))
	seen := map[[2]int]bool{}
	for len(p.Pairs) < requests {
		a := hosts + r.IntN(people-hosts)
		b := int(zipf.Uint64())
		if r.IntN(5) == 0 { // founders also meet founders
			b = hosts + r.IntN(people-hosts)
		}
		if a == b || seen[[2]int{a, b}] || seen[[2]int{b, a}] {
			continue
		}
		seen[[2]int{a, b}] = true
		w := 1
		if r.IntN(3) == 0 {
			w = 3
		}
		p.Pairs = append(p.Pairs, Pair{A: a, B: b, Weight: w})
	}
	return p
}

// checkValid fails when an assignment double-books anyone, overfills a
// slot, exceeds a maximum or uses a slot someone is not free in.
func checkValid(t testing.TB, p *Problem, as []Assignment) {
	busy := make([]uint64, len(p.Free))
	count := make([]int, len(p.Free))
	used := make([]int, p.Slots)
	seen := map[int]bool{}
	for _, a := range as {
		require.False(t, seen[a.Pair], "pair %d placed twice", a.Pair)
		seen[a.Pair] = true
		pr := p.Pairs[a.Pair]
		for _, x := range [2]int{pr.A, pr.B} {
			require.NotZero(t, p.Free[x]&(1<<a.Slot), "person %d is not free in slot %d", x, a.Slot)
			require.Zero(t, busy[x]&(1<<a.Slot), "person %d double-booked in slot %d", x, a.Slot)
			busy[x] |= 1 << a.Slot
			count[x]++
			require.LessOrEqual(t, count[x], p.Left[x], "person %d over their maximum", x)
		}
		used[a.Slot]++
		require.LessOrEqual(t, used[a.Slot], p.Capacity[a.Slot], "slot %d overfilled", a.Slot)
	}
}

func weight(p *Problem, as []Assignment) int {
	w := 0
	for _, a := range as {
		w += p.Pairs[a.Pair].Weight
	}
	return w
}

func TestScheduleIsValidAndBeatsFirstFit(t *testing.T) {
	for seed := range uint64(5) {
		p := matchmakingDay(seed, 120, 600, 8, 12, 6)
		opt, greedy := Schedule(p), FirstFit(p)
		checkValid(t, p, opt)
		checkValid(t, p, greedy)
		require.GreaterOrEqual(t, len(opt), len(greedy), "seed %d", seed)
		require.GreaterOrEqual(t, weight(p, opt), weight(p, greedy), "seed %d", seed)
	}
}

func TestScheduleHonoursTightLimits(t *testing.T) {
	// Three people who all want to meet each other, one slot, one table:
	// exactly one meeting fits.
	p := &Problem{Slots: 1, Capacity: []int{1}, Free: []uint64{1, 1, 1}, Left: []int{1, 1, 1},
		Pairs: []Pair{{0, 1, 1}, {1, 2, 3}, {0, 2, 1}}}
	as := Schedule(p)
	checkValid(t, p, as)
	require.Equal(t, []Assignment{{Pair: 1, Slot: 0}}, as, "the heavier pair wins")
	// Nobody free: nothing is placed.
	p.Free = []uint64{1, 0, 0}
	require.Empty(t, Schedule(p))
}

func TestAugmentingMoveFindsTheSecondMeeting(t *testing.T) {
	// 0–1 can meet in slots 0 and 1; 1–2 only in slot 0. Placing 0–1 in
	// slot 0 first blocks 1–2 unless it is moved.
	p := &Problem{Slots: 2, Capacity: []int{5, 5}, Free: []uint64{0b11, 0b11, 0b01}, Left: []int{2, 2, 2},
		Pairs: []Pair{{0, 1, 1}, {1, 2, 1}}}
	require.Len(t, FirstFit(p), 1)
	as := Schedule(p)
	checkValid(t, p, as)
	require.Len(t, as, 2)
	s := newState(p)
	s.place(0, 0)
	require.True(t, s.augment(1))
	require.Equal(t, []int{1, 0}, s.slot)
	require.Equal(t, 2, bits.OnesCount64(^s.free[1]&0b11))
}

// BenchmarkSchedule is the matchmaking day: 500 participants,
// 3,000 requests, 12 slots, 40 tables, at most 8 meetings each. Forty
// one-meeting tables hold 480 meetings over 12 slots, far fewer than the
// requests, so any scheduler that leaves no table idle places 480: the
// run's gain is in which meetings get the tables (weight). With ample
// tables (200) the people are what is scarce.
func BenchmarkSchedule(b *testing.B) {
	for _, tables := range []int{40, 200} {
		b.Run(fmt.Sprintf("tables=%d", tables), func(b *testing.B) {
			p := matchmakingDay(42, 500, 3000, 12, tables, 8)
			var opt []Assignment
			for b.Loop() {
				opt = Schedule(p)
			}
			greedy := FirstFit(p)
			checkValid(b, p, opt)
			b.ReportMetric(float64(len(opt)), "meetings")
			b.ReportMetric(float64(len(greedy)), "greedy_meetings")
			b.ReportMetric(float64(tables*12), "table_places")
			b.ReportMetric(float64(weight(p, opt)), "weight")
			b.ReportMetric(float64(weight(p, greedy)), "greedy_weight")
		})
	}
}
