package matching

import (
	"slices"

	"github.com/innoport/innoport/domain/value"
)

// Naive scores every pair straight from the snapshot: no features computed
// ahead, no inverted index, texts tokenized for every pair and every call's
// rules run for every pair. It is the yardstick for the Engine, which must
// return the same lists, and the baseline its benchmark compares with.
func Naive(s *Snapshot, o Options) *Result {
	o = o.withDefaults()
	vocab := NewVocab(tokenize(texts(s)))
	w := s.Weights
	if w == nil {
		w = &DefaultWeights
	}
	startupIdx := map[string]int32{}
	for i, st := range s.Startups {
		startupIdx[st.ID] = int32(i)
	}
	edges := outcomeEdges(s, startupIdx)
	res := &Result{}
	for _, k := range Kinds {
		n := s.count(k)
		res.StartupLists[k] = make([][]Scored, len(s.Startups))
		collab := collaborate(edges[k], len(s.Startups))
		targets := make([]topK, n)
		for j := range targets {
			targets[j].k = o.K
		}
		for i := range s.Startups {
			own := topK{k: o.K}
			for j := range n {
				sc, ok := naivePair(s, vocab, w, collab, k, i, j)
				if !ok || sc <= o.MinScore || k == KindFundCall && s.Eligible != nil && !s.Eligible(i, j) {
					continue
				}
				sig := s.Feedback[PairKey{s.Startups[i].ID, s.Ref(k, j)}]
				if !sig.StartupDismissed && own.accepts(Scored{j, sc}) {
					own.push(Scored{j, sc})
				}
				if k != KindIncubator && !sig.TargetDismissed && targets[j].accepts(Scored{i, sc}) {
					targets[j].push(Scored{i, sc})
				}
			}
			res.StartupLists[k][i] = own.sorted()
		}
		if k != KindIncubator {
			res.TargetLists[k] = make([][]Scored, n)
			for j := range targets {
				res.TargetLists[k][j] = targets[j].sorted()
			}
		}
	}
	return res
}

// naivePair scores one pair from the raw entities and the kind's
// collaborative table.
func naivePair(s *Snapshot, vocab *Vocab, w *Weights, collab collabTable, k Kind, i, j int) (float64, bool) {
	st := s.Startups[i]
	var (
		sectors, theirs []value.Sector
		stages          []value.Stage
		places          []string
		lo, hi          int64
		text            string
		ownInc          bool
		held            []string
	)
	sectors = st.Sectors
	switch k {
	case KindFundCall:
		c := s.Calls[j]
		theirs, places, lo, hi, text = c.Sectors, c.Wards, c.TicketMin, c.TicketMax, c.Text
	case KindInvestor:
		v := s.Investors[j]
		if slices.Contains(v.Portfolio, st.ID) {
			return 0, false
		}
		theirs, stages, places, lo, hi, text = v.Sectors, v.Stages, v.Geography, v.TicketMin, v.TicketMax, v.Text
		held = v.Portfolio
		for _, id := range v.Portfolio {
			for _, other := range s.Startups {
				if other.ID == id && other.IncubatorID != "" && other.IncubatorID == st.IncubatorID {
					ownInc = true
				}
			}
		}
	case KindMentor:
		m := s.Mentors[j]
		if len(m.Mentees) >= m.Capacity || slices.Contains(m.Mentees, st.ID) {
			return 0, false
		}
		theirs, text, held = m.Expertise, m.Text, m.Mentees
	case KindIncubator:
		p := s.Programs[j]
		theirs, stages, places, text = p.Sectors, p.Stages, []string{p.Ward}, p.Text
		ownInc = st.IncubatorID != "" && st.IncubatorID == p.IncubatorID
	}
	group := false
	for _, a := range sectors {
		for _, b := range theirs {
			group = group || sectorGroup(a) == sectorGroup(b)
		}
	}
	var heldSec [][]value.Sector
	var heldStages []value.Stage
	for _, id := range held {
		for _, other := range s.Startups {
			if other.ID == id {
				heldSec = append(heldSec, other.Sectors)
				heldStages = append(heldStages, other.Stage)
			}
		}
	}
	fit := sectorFit(theirs, heldSec)
	sector := 0.0
	for _, a := range sectors {
		sector = max(sector, fit[sectorNum[a]])
	}
	dist := 9
	for _, x := range stages {
		if st.Stage.Rank() >= 0 {
			dist = min(dist, abs(x.Rank()-st.Stage.Rank()))
		}
	}
	if k == KindInvestor && (len(theirs) > 0 && !group || len(stages) > 0 && dist > 1) {
		return 0, false
	}
	contains := false
	for _, p := range places {
		contains = contains || wholeCity[value.Fold(p)] || value.Fold(p) == value.Fold(st.Ward)
	}
	var f factors
	f[FactorSector] = sector
	f[FactorStage] = stageFit(stages, heldStages)[st.Stage.Rank()+1]
	r := newTicketRange(lo, hi)
	f[FactorTicket] = ticketFit(float64(max(st.FundingNeed, 0)), lnOrZero(st.FundingNeed), &r)
	f[FactorText] = cosine(vocab.vector(Tokens(st.Text)), vocab.vector(Tokens(text)))
	f[FactorLocation] = locationValue(len(places) > 0, contains)
	f[FactorIncubator] = boolValue(ownInc)
	f[FactorRecency] = recency(st.ActiveAt, s.Now)
	f[FactorCollaborative] = collab.cells[j][int32(i)].value
	f[FactorFeedback] = boolValue(s.Feedback[PairKey{st.ID, s.Ref(k, j)}].Positive)
	return w.score(k, &f, w.scale(k, collab.warm[j])), true
}

func sectorGroup(s value.Sector) string {
	for _, info := range value.Sectors() {
		if info.Sector == s {
			return info.Group
		}
	}
	return ""
}
