package matching

import (
	"slices"

	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/value"
)

// personWeights are the factors of a participant pair.
var personWeights = []weighted{{FactorNeeds, 0.45}, {FactorSector, 0.20}, {FactorProfile, 0.25}, {FactorFeedback, 0.10}}

// PersonMatch is a recommended participant — an index into the candidates'
// Others — with the explanation of its score, whose contributions add up
// to Score.
type PersonMatch struct {
	Index        int
	Score        float64
	Contribution []Contribution
}

// RecommendParticipants ranks whom an event participant should meet, best
// first, at most k: what they seek against what the other offers and the
// other way round (TF-IDF over the event's own texts, Vietnamese folded),
// shared sectors, the engine's score of their startup and investor when
// there is one, and whether the other already wants to meet them.
func RecommendParticipants(c events.Candidates, k int) []PersonMatch {
	docs := make([][]string, 0, 2+2*len(c.Others))
	docs = append(docs, Tokens(c.Me.Offers), Tokens(c.Me.Seeks))
	for _, o := range c.Others {
		docs = append(docs, Tokens(o.Offers), Tokens(o.Seeks))
	}
	vocab := NewVocab(docs)
	myOffers, mySeeks := vocab.vector(docs[0]), vocab.vector(docs[1])
	out := make([]PersonMatch, 0, len(c.Others))
	for j, o := range c.Others {
		theirOffers, theirSeeks := vocab.vector(docs[2+2*j]), vocab.vector(docs[3+2*j])
		var f factors
		// One strong overlap each way is a full fit.
		f[FactorNeeds] = min(1, (cosine(mySeeks, theirOffers)+cosine(theirSeeks, myOffers))/1.2)
		shared := sharedSectors(c.Me.Sectors, o.Sectors)
		f[FactorSector] = sectorValue(len(c.Me.Sectors) == 0 || len(o.Sectors) == 0, len(shared) > 0, false)
		f[FactorProfile] = 0.5 // unscored: a fair fit
		if c.Affinity[j] >= 0 {
			f[FactorProfile] = c.Affinity[j]
		}
		f[FactorFeedback] = boolValue(c.WantsMe[j])
		m := PersonMatch{Index: j}
		for _, w := range personWeights {
			ct := Contribution{Factor: w.factor, Weight: w.weight, Value: f[w.factor], Contribution: w.weight * f[w.factor]}
			switch w.factor {
			case FactorNeeds:
				ct.Args = value.Unique(append(vocab.sharedTerms(mySeeks, theirOffers, 3), vocab.sharedTerms(theirSeeks, myOffers, 3)...))
			case FactorSector:
				ct.Args = shared
			case FactorProfile:
				if c.Affinity[j] >= 0 {
					ct.Args = []string{"scored"}
				}
			}
			m.Score += ct.Contribution
			m.Contribution = append(m.Contribution, ct)
		}
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b PersonMatch) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return a.Index - b.Index
	})
	return out[:min(k, len(out))]
}

func sharedSectors(a, b []value.Sector) []string {
	var out []string
	for _, s := range a {
		if slices.Contains(b, s) {
			out = append(out, string(s))
		}
	}
	return out
}
