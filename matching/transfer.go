package matching

import (
	"strconv"
	"sync"
	"time"

	"github.com/innoport/innoport/domain/value"
)

// Technology transfer's matching: offers ↔ requests, offers ↔ startups
// (a startup whose sectors and description fit an offer), and requests ↔
// research organisations (who has offered similar technology). It is the
// same kind of engine as the startups' — TF-IDF vectors over Vietnamese-aware
// tokens, sector bit sets, an inverted index — scored by weighted factors
// whose contributions add up to the score.

// The owners of technology transfer's lists.
const (
	OwnerTechOffer   Owner = "TECH_OFFER"
	OwnerTechRequest Owner = "TECH_REQUEST"
	OwnerResearchOrg Owner = "RESEARCH_ORG"
)

// TechOffer is what transfer matching reads of a published offer.
type TechOffer struct {
	ID      string
	Sectors []value.Sector
	TRL     int
	Text    string // title and summaries
}

// TechRequest is what transfer matching reads of an open request.
type TechRequest struct {
	ID      string
	Sectors []value.Sector
	TRL     int // the lowest readiness wanted
	Text    string
}

// ResearchOrg is a research organisation as the requests see it: its
// sectors and text are those of the offers it published or transferred.
type ResearchOrg struct {
	ID      string
	Sectors []value.Sector
	Text    string
}

// TransferSnapshot is everything one transfer scoring run reads.
type TransferSnapshot struct {
	Offers   []TechOffer
	Requests []TechRequest
	Startups []Startup
	Orgs     []ResearchOrg
}

// tpair is a pairing: one of the three kinds of pairs transfer matching scores.
type tpair uint8

const (
	offerRequest tpair = iota
	offerStartup
	requestOrg
)

// transferWeights are the factors of each pairing; each adds up to 1. A
// pair with neither a sector group nor a word in common scores at most the
// TRL's 0.2, which is not a match (Options.MinScore), so candidates come
// from the inverted index and the sector groups only, and nothing is lost.
var transferWeights = [...][]weighted{
	offerRequest: {{FactorSector, 0.30}, {FactorTRL, 0.20}, {FactorText, 0.50}},
	offerStartup: {{FactorSector, 0.45}, {FactorText, 0.55}},
	requestOrg:   {{FactorSector, 0.35}, {FactorText, 0.65}},
}

// trlValue: an offer at or above the level wanted is a full fit; one or
// two levels below, half or a quarter.
func trlValue(offer, wanted int) float64 {
	switch d := wanted - offer; {
	case d <= 0:
		return 1
	case d == 1:
		return 0.5
	case d == 2:
		return 0.25
	}
	return 0
}

// tfeat is one entity's features: sectors, readiness (an offer's TRL, or
// the TRL a request wants; 0 for neither) and text vector.
type tfeat struct {
	id              string
	sectors, groups uint32
	sectorList      []value.Sector
	trl, want       int
	vec             vector
}

// tside is one side of a pairing, indexed for candidate generation.
type tside struct {
	feats   []tfeat
	post    [][]posting // per term, the entities whose text has it
	byGroup [32][]int32 // per sector group bit, the entities with a sector in it
}

func newSide(feats []tfeat, terms int) *tside {
	s := &tside{feats: feats, post: make([][]posting, terms)}
	for j, f := range feats {
		for n, t := range f.vec.terms {
			s.post[t] = append(s.post[t], posting{int32(j), f.vec.weights[n]})
		}
		for b := range 32 {
			if f.groups&(1<<b) != 0 {
				s.byGroup[b] = append(s.byGroup[b], int32(j))
			}
		}
	}
	return s
}

// TransferEngine scores a transfer snapshot: Compile once, then Lists.
type TransferEngine struct {
	vocab                     *Vocab
	offers, requests, startup *tside
	orgs                      *tside
	// Pairs counts the candidate pairs the last run scored.
	Pairs int64
}

// CompileTransfer computes every entity's features and the inverted indexes.
// The vocabulary (and so every term's weight) is that of the technology
// side alone — offers, requests, organisations — so that a startup added or
// changed moves no other pair's score: its own list and the offers' lists it
// enters are all a startup's change rewrites (a vocabulary over the startups
// too rewrote every startup's list after each new firm).
func CompileTransfer(s *TransferSnapshot) *TransferEngine {
	var docs []string
	for _, o := range s.Offers {
		docs = append(docs, o.Text)
	}
	for _, r := range s.Requests {
		docs = append(docs, r.Text)
	}
	for _, o := range s.Orgs {
		docs = append(docs, o.Text)
	}
	technology := len(docs)
	for _, st := range s.Startups {
		docs = append(docs, st.Text)
	}
	terms := tokenize(docs)
	e := &TransferEngine{vocab: NewVocab(terms[:technology])}
	vecs := make([]vector, len(terms))
	parallel(len(terms), 0, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			vecs[i] = e.vocab.vector(terms[i])
		}
	})
	next := 0
	feat := func(id string, sectors []value.Sector, trl, want int) tfeat {
		f := tfeat{id: id, sectorList: sectors, trl: trl, want: want, vec: vecs[next]}
		f.sectors, f.groups = sectorMasks(sectors)
		next++
		return f
	}
	var offers, requests, startups, orgs []tfeat // in the order of docs
	for _, o := range s.Offers {
		offers = append(offers, feat(o.ID, o.Sectors, o.TRL, 0))
	}
	for _, r := range s.Requests {
		requests = append(requests, feat(r.ID, r.Sectors, 0, r.TRL))
	}
	for _, o := range s.Orgs {
		orgs = append(orgs, feat(o.ID, o.Sectors, 0, 0))
	}
	for _, st := range s.Startups {
		startups = append(startups, feat(st.ID, st.Sectors, 0, 0))
	}
	n := len(e.vocab.idf)
	e.offers, e.requests, e.startup, e.orgs = newSide(offers, n), newSide(requests, n), newSide(startups, n), newSide(orgs, n)
	return e
}

// factorsOf scores a pair of a pairing.
func factorsOf(p tpair, a, b *tfeat, text float64) factors {
	var f factors
	f[FactorSector] = sectorValue(false, a.sectors&b.sectors != 0, a.groups&b.groups != 0)
	f[FactorText] = text
	if p == offerRequest {
		if a.trl > 0 {
			f[FactorTRL] = trlValue(a.trl, b.want)
		} else {
			f[FactorTRL] = trlValue(b.trl, a.want)
		}
	}
	return f
}

func transferScore(p tpair, f *factors) float64 {
	s := 0.0
	for _, w := range transferWeights[p] {
		s += w.weight * f[w.factor]
	}
	return s
}

// rank lists, for each entity of left, the best of right under pairing p.
func (e *TransferEngine) rank(p tpair, left, right *tside, o Options) [][]Scored {
	out := make([][]Scored, len(left.feats))
	var pairs int64
	var mu sync.Mutex
	parallel(len(left.feats), o.Workers, func(lo, hi int) {
		acc := make([]float64, len(right.feats))
		stamp := make([]int32, len(right.feats))
		var cands []int32
		var n int64
		for i := lo; i < hi; i++ {
			a := &left.feats[i]
			cands = cands[:0]
			mark := int32(i + 1)
			touch := func(j int32) {
				if stamp[j] != mark {
					stamp[j], acc[j] = mark, 0
					cands = append(cands, j)
				}
			}
			for t, term := range a.vec.terms {
				for _, pst := range right.post[term] {
					touch(pst.idx)
					acc[pst.idx] += a.vec.weights[t] * pst.w
				}
			}
			for b := range 32 {
				if a.groups&(1<<b) != 0 {
					for _, j := range right.byGroup[b] {
						touch(j)
					}
				}
			}
			n += int64(len(cands))
			top := topK{k: o.K}
			for _, j := range cands {
				f := factorsOf(p, a, &right.feats[j], acc[j])
				sc := transferScore(p, &f)
				if x := (Scored{Index: int(j), Score: sc}); sc > o.MinScore && top.accepts(x) {
					top.push(x)
				}
			}
			out[i] = top.sorted()
		}
		mu.Lock()
		pairs += n
		mu.Unlock()
	})
	e.Pairs += pairs
	return out
}

// explain is the explanation of pair (a, b) under pairing p.
func (e *TransferEngine) explain(p tpair, a, b *tfeat) []Contribution {
	f := factorsOf(p, a, b, cosine(a.vec, b.vec))
	out := make([]Contribution, 0, len(transferWeights[p]))
	for _, w := range transferWeights[p] {
		c := Contribution{Factor: w.factor, Weight: w.weight, Value: f[w.factor], Contribution: w.weight * f[w.factor]}
		switch w.factor {
		case FactorSector:
			c.Args = sectorsInCommon(a.sectorList, b.sectorList, c.Value == 1)
		case FactorTRL:
			offer, want := a.trl, b.want
			if offer == 0 {
				offer, want = b.trl, a.want
			}
			c.Args = []string{strconv.Itoa(offer), strconv.Itoa(want)}
		case FactorText:
			c.Args = e.vocab.sharedTerms(a.vec, b.vec, 5)
		}
		out = append(out, c)
	}
	return out
}

// sectorsInCommon names the sectors of a that b shares (exact), or that
// are in a group b has a sector of (related).
func sectorsInCommon(a, b []value.Sector, exact bool) []string {
	var out []string
	for _, s := range a {
		for _, t := range b {
			if (exact && s == t) || (!exact && groupBit[s] == groupBit[t]) {
				out = append(out, string(s))
				break
			}
		}
	}
	return out
}

// Lists scores every pairing both ways and returns the lists to store.
func (e *TransferEngine) Lists(o Options, now time.Time) []List {
	o = o.withDefaults()
	e.Pairs = 0
	type job struct {
		p           tpair
		left, right *tside
		owner       Owner
		kind        Kind
		swap        bool // left is the pairing's second side
	}
	jobs := []job{
		{offerRequest, e.offers, e.requests, OwnerTechOffer, KindTechRequest, false},
		{offerRequest, e.requests, e.offers, OwnerTechRequest, KindTechOffer, true},
		{offerStartup, e.offers, e.startup, OwnerTechOffer, KindStartup, false},
		{offerStartup, e.startup, e.offers, OwnerStartup, KindTechOffer, true},
		{requestOrg, e.requests, e.orgs, OwnerTechRequest, KindResearchOrg, false},
		{requestOrg, e.orgs, e.requests, OwnerResearchOrg, KindTechRequest, true},
	}
	var out []List
	for _, j := range jobs {
		ranked := e.rank(j.p, j.left, j.right, o)
		lists := make([]List, len(ranked))
		parallel(len(ranked), o.Workers, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				a := &j.left.feats[i]
				l := List{Key: ListKey{Owner: j.owner, OwnerID: a.id, Kind: j.kind}, ComputedAt: now, Items: []Item{}}
				for _, m := range ranked[i] {
					b := &j.right.feats[m.Index]
					first, second := a, b
					if j.swap {
						first, second = b, a
					}
					l.Items = append(l.Items, Item{TargetID: b.id, Score: m.Score, Explanation: e.explain(j.p, first, second)})
				}
				lists[i] = l
			}
		})
		out = append(out, lists...)
	}
	return out
}
