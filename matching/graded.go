package matching

import (
	"math"
	"time"

	"github.com/innoport/innoport/domain/value"
)

// Graded factors: how far a pair is from a full fit, not whether it is one,
// so broad theses do not put hundreds of candidates on the same score.

// sectorNum numbers the sectors of the taxonomy.
var sectorNum = func() map[value.Sector]uint8 {
	m := map[value.Sector]uint8{}
	for i, s := range value.Sectors() {
		m[s.Sector] = uint8(i)
	}
	return m
}()

var numSectors = len(sectorNum)

// sectorFit is how well a startup of each sector of the taxonomy fits a
// target that states sectors and holds startups of held's sectors: the
// sector's weight — its share of the stated sectors plus its share of the
// holdings — against the target's heaviest sector; a sector of the same
// group as a weighted one earns half of that one's fit. A target that
// states no sector is open to all: a fair fit, raised by its holdings.
func sectorFit(stated []value.Sector, held [][]value.Sector) []float64 {
	w := make([]float64, len(sectorNum))
	for _, s := range stated {
		w[sectorNum[s]] += 1 / float64(len(stated))
	}
	for _, ss := range held {
		for _, s := range ss {
			w[sectorNum[s]] += 1 / float64(len(held)*len(ss))
		}
	}
	top, group := 0.0, map[uint32]float64{}
	for _, s := range value.Sectors() {
		x := w[sectorNum[s.Sector]]
		top = max(top, x)
		group[groupBit[s.Sector]] = max(group[groupBit[s.Sector]], x)
	}
	out := make([]float64, len(w))
	for _, s := range value.Sectors() {
		n := sectorNum[s.Sector]
		switch {
		case top == 0:
			out[n] = 0.6
		case len(stated) == 0:
			out[n] = 0.3 + 0.7*w[n]/top
		default:
			out[n] = max(w[n], group[groupBit[s.Sector]]/2) / top
		}
	}
	return out
}

// stageKernel is how much a stage d steps away from one a target takes
// counts towards it.
var stageKernel = [...]float64{1, 0.5, 0.15}

// stageFit is how well a startup at each stage fits a target that states
// stages and holds startups at held's stages, indexed by rank+1 (0: stage
// unknown): each stage's weight is its share of both, spread to its
// neighbours by stageKernel, against the best stage's. A target with
// neither is open to all: a fair fit.
func stageFit(stated, held []value.Stage) [7]float64 {
	var w [6]float64
	for _, s := range stated {
		w[s.Rank()] += 1 / float64(len(stated))
	}
	for _, s := range held {
		if s.Rank() >= 0 {
			w[s.Rank()] += 1 / float64(len(held))
		}
	}
	var fit [6]float64
	top := 0.0
	for r := range fit {
		for r2, x := range w {
			if d := abs(r - r2); d < len(stageKernel) {
				fit[r] += x * stageKernel[d]
			}
		}
		top = max(top, fit[r])
	}
	out := [7]float64{0.5}
	for r := range fit {
		out[r+1] = 0.6
		if top > 0 {
			out[r+1] = fit[r] / top
		}
	}
	return out
}

// ticketRange is a ticket range as ticketFit reads it: its edges, and
// its middle and half-width on a log scale.
type ticketRange struct {
	lo, hi, mid, invHalf float64
}

func newTicketRange(lo, hi int64) ticketRange {
	if hi <= 0 {
		return ticketRange{}
	}
	if lo <= 0 {
		lo = hi
	}
	l, h := math.Log(float64(lo)), math.Log(float64(hi))
	r := ticketRange{lo: float64(lo), hi: float64(hi), mid: (l + h) / 2}
	if h > l {
		r.invHalf = 2 / (h - l)
	}
	return r
}

// lnOrZero is the natural logarithm of a positive amount, 0 for none.
func lnOrZero(x int64) float64 {
	if x <= 0 {
		return 0
	}
	return math.Log(float64(x))
}

// ticketFit grades a funding need against a ticket range on a log scale:
// 1 at the range's geometric middle, 0.7 at its edges, decaying outside by
// the ratio to the nearest edge. An unknown need or range is a fair fit.
// need is the need in VND and lnNeed its logarithm (lnOrZero).
func ticketFit(need, lnNeed float64, r *ticketRange) float64 {
	switch {
	case need <= 0 || r.hi == 0:
		return 0.5
	case need < r.lo:
		return 0.7 * need / r.lo
	case need > r.hi:
		return 0.7 * r.hi / need
	}
	return 1 - 0.3*math.Abs(lnNeed-r.mid)*r.invHalf
}

// recency decays with the time since a startup's last activity: 1 today,
// 1/e after a year; unknown is a fair value.
func recency(active, now time.Time) float64 {
	if active.IsZero() || now.IsZero() {
		return 0.5
	}
	age := max(now.Sub(active).Hours()/24, 0)
	return math.Exp(-age / 365)
}
