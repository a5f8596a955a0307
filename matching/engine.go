package matching

import (
	"runtime"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/innoport/innoport/domain/value"
)

// Engine scores a snapshot. Compile precomputes every entity's features once
// (sector-group bit sets and each target's fit per sector and stage, ward and
// incubator numbers, TF-IDF vectors and an inverted index of the targets'
// terms, the collaborative values of the pairs that have one), so scoring a
// pair is a few array reads and a weighted sum; hard constraints prune pairs
// before any list is touched, and a call's eligibility rules run only for
// pairs that would enter a list.
type Engine struct {
	snap  *Snapshot
	w     *Weights
	vocab *Vocab
	st    []startupFeat
	tg    [numKinds][]targetFeat
	// post[k][term] lists the targets of kind k whose text has the term.
	post [numKinds][][]posting
	// stMarks[i] and tgMarks[k][j] list the pair marks of startup i and of
	// target j of kind k.
	stMarks []([]mark)
	tgMarks [numKinds][][]mark
	// stCollab[i] and tgCollab[k][j] list the collaborative values of
	// startup i and of target j of kind k (collab.go).
	stCollab []([]collabEntry)
	tgCollab [numKinds][][]collabEntry
	// edges[k][j] are target j's outcomes by startup (outcomeEdges).
	edges [numKinds][]map[int32]float64
	// stPost lists, per term, the startups whose text has it; built on the
	// first column query.
	stPostOnce sync.Once
	stPost     [][]posting
	// cands[k][key] lists the targets of kind k that pass the hard
	// constraints a startup's key (candidateKey) decides: an investor's
	// sectors and stages, a mentor's capacity.
	cands [numKinds]map[int32][]int32
	// sectorFit[k][j*numSectors+n] is how well a startup of sector number n
	// fits target j of kind k (sectorFit), all targets' in one array.
	sectorFit [numKinds][]float64
}

type startupFeat struct {
	groups        uint32
	sectorNums    []uint8
	stage         int
	ward, inc     int32
	need          int64
	needF, lnNeed float64
	recency       float64
	vec           vector
}

type targetFeat struct {
	groups         uint32
	sectorsOpen    bool
	sectorsUnknown bool    // states no sector and holds no startup
	stagesUnknown  bool    // states no stage and holds no startup
	stageDist      [6]int8 // distance from each stage to the nearest one taken
	stagesOpen     bool
	stageFit       [7]float64 // by stage rank + 1 (stageFit)
	lo, hi         int64
	ticket         ticketRange
	wards          []int32
	wardsListed    bool
	anyWard        bool  // a listed region covering the whole city
	inc            int32 // a programme's incubator
	incs           []int32
	vec            vector
	closed         bool    // a mentor without capacity
	warm           bool    // has collaborative neighbours
	scale          float64 // its kind's weighted sums are multiplied by (Weights.scale)
}

type posting struct {
	idx int32
	w   float64
}

// Pair marks: facts about single pairs, from feedback and relationships.
const (
	markPositive uint8 = 1 << iota
	markExcluded
	markStartupDismissed
	markTargetDismissed
)

type mark struct {
	kind  Kind
	other int32
	bits  uint8
}

// collabEntry is a pair's collaborative value, listed on both sides.
type collabEntry struct {
	kind  Kind
	other int32
	cell  collabCell
}

var (
	sectorBit = map[value.Sector]uint32{}
	groupBit  = map[value.Sector]uint32{}
)

func init() {
	groups := map[string]uint32{}
	for i, s := range value.Sectors() {
		sectorBit[s.Sector] = 1 << i
		if _, ok := groups[s.Group]; !ok {
			groups[s.Group] = 1 << len(groups)
		}
		groupBit[s.Sector] = groups[s.Group]
	}
}

func sectorMasks(ss []value.Sector) (sectors, groups uint32) {
	for _, s := range ss {
		sectors |= sectorBit[s]
		groups |= groupBit[s]
	}
	return sectors, groups
}

// wholeCity are folded geography entries that cover every ward.
var wholeCity = map[string]bool{"hai phong": true, "thanh pho hai phong": true, "viet nam": true, "vietnam": true}

// texts returns the documents of a snapshot in engine order: startups, then
// the targets kind by kind.
func texts(s *Snapshot) []string {
	out := make([]string, 0, len(s.Startups)+len(s.Calls)+len(s.Investors)+len(s.Mentors)+len(s.Programs))
	for _, x := range s.Startups {
		out = append(out, x.Text)
	}
	for _, x := range s.Calls {
		out = append(out, x.Text)
	}
	for _, x := range s.Investors {
		out = append(out, x.Text)
	}
	for _, x := range s.Mentors {
		out = append(out, x.Text)
	}
	for _, x := range s.Programs {
		out = append(out, x.Text)
	}
	return out
}

// tokenize tokenizes documents on every core.
func tokenize(docs []string) [][]string {
	out := make([][]string, len(docs))
	parallel(len(docs), 0, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			out[i] = Tokens(docs[i])
		}
	})
	return out
}

// parallel runs fn over [0,n) cut into one range per worker.
func parallel(n, workers int, fn func(lo, hi int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, max(n, 1))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := n*w/workers, n*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}

// Compile precomputes the features of a snapshot.
func Compile(s *Snapshot) *Engine {
	e := &Engine{snap: s, w: s.Weights}
	if e.w == nil {
		e.w = &DefaultWeights
	}
	terms := tokenize(texts(s))
	e.vocab = NewVocab(terms)
	vecs := make([]vector, len(terms))
	parallel(len(terms), 0, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			vecs[i] = e.vocab.vector(terms[i])
		}
	})
	wards, incs := ids{}, ids{}
	e.st = make([]startupFeat, len(s.Startups))
	for i, x := range s.Startups {
		f := &e.st[i]
		_, f.groups = sectorMasks(x.Sectors)
		for _, sec := range x.Sectors {
			f.sectorNums = append(f.sectorNums, sectorNum[sec])
		}
		f.stage = x.Stage.Rank()
		f.ward = wards.of(value.Fold(x.Ward))
		f.inc = incs.optional(x.IncubatorID)
		f.need = x.FundingNeed
		f.needF, f.lnNeed = float64(max(x.FundingNeed, 0)), lnOrZero(x.FundingNeed)
		f.recency = recency(x.ActiveAt, s.Now)
		f.vec = vecs[i]
	}
	next := len(s.Startups)
	startupIdx := make(map[string]int32, len(s.Startups))
	for i, x := range s.Startups {
		startupIdx[x.ID] = int32(i)
	}
	for _, k := range Kinds {
		e.tg[k] = make([]targetFeat, s.count(k))
		for j := range e.tg[k] {
			f := &e.tg[k][j]
			f.vec = vecs[next]
			next++
			f.inc = -1
			e.describe(k, j, f, wards, incs, startupIdx)
		}
		e.post[k] = make([][]posting, len(e.vocab.idf))
		for j, f := range e.tg[k] {
			for n, t := range f.vec.terms {
				e.post[k][t] = append(e.post[k][t], posting{int32(j), f.vec.weights[n]})
			}
		}
	}
	e.markPairs(startupIdx)
	e.collaborate(startupIdx)
	e.pruneCandidates()
	return e
}

// collaborate computes the collaborative values of every kind and lists
// them on both sides of their pairs.
func (e *Engine) collaborate(startupIdx map[string]int32) {
	e.edges = outcomeEdges(e.snap, startupIdx)
	e.stCollab = make([][]collabEntry, len(e.st))
	for _, k := range Kinds {
		t := collaborate(e.edges[k], len(e.st))
		e.tgCollab[k] = make([][]collabEntry, len(e.tg[k]))
		for j, cells := range t.cells {
			e.tg[k][j].warm = t.warm[j]
			e.tg[k][j].scale = e.w.scale(k, t.warm[j])
			for i, c := range cells {
				e.tgCollab[k][j] = append(e.tgCollab[k][j], collabEntry{k, i, c})
				e.stCollab[i] = append(e.stCollab[i], collabEntry{k, int32(j), c})
			}
		}
	}
}

// dependents returns, for a change to startup i, the targets whose
// features read it: those with an outcome on it (their sector and stage
// fit count the startups they hold).
func (e *Engine) dependents(i int) []Ref {
	var out []Ref
	for _, k := range Kinds {
		for j, edges := range e.edges[k] {
			if _, ok := edges[int32(i)]; ok {
				out = append(out, e.snap.Ref(k, j))
			}
		}
	}
	return out
}

// peers returns target j's collaborative peers: the targets of its kind
// with an outcome on a startup j has one on, whose values read j's.
func (e *Engine) peers(k Kind, j int) []Ref {
	var out []Ref
	for j2, edges := range e.edges[k] {
		if j2 == j {
			continue
		}
		for i := range e.edges[k][j] {
			if _, ok := edges[i]; ok {
				out = append(out, e.snap.Ref(k, j2))
				break
			}
		}
	}
	return out
}

// collabOf returns the collaborative value of startup i and target j of
// kind k.
func (e *Engine) collabOf(k Kind, i, j int) collabCell {
	for _, c := range e.stCollab[i] {
		if c.kind == k && int(c.other) == j {
			return c.cell
		}
	}
	return collabCell{}
}

// candidateKey is what the target-wide hard constraints read of a startup:
// its sector groups and its stage.
func (e *Engine) candidateKey(i int) int32 {
	return int32(e.st[i].groups)<<3 | int32(e.st[i].stage+1)
}

// pruneCandidates lists, for every candidate key among the startups, the
// targets that may match them; the rest are never scored.
func (e *Engine) pruneCandidates() {
	for _, k := range Kinds {
		e.cands[k] = map[int32][]int32{}
	}
	for i := range e.st {
		key := e.candidateKey(i)
		if _, ok := e.cands[KindFundCall][key]; ok {
			continue
		}
		for _, k := range Kinds {
			var list []int32
			for j := range e.tg[k] {
				if e.passes(k, i, j) {
					list = append(list, int32(j))
				}
			}
			e.cands[k][key] = list
		}
	}
}

// passes applies the hard constraints that depend on the target and the
// startup's candidate key only.
func (e *Engine) passes(k Kind, i, j int) bool {
	s, t := &e.st[i], &e.tg[k][j]
	if t.closed {
		return false
	}
	if k != KindInvestor {
		return true
	}
	dist := 9
	if s.stage >= 0 {
		dist = int(t.stageDist[s.stage])
	}
	return (t.sectorsOpen || s.groups&t.groups != 0) && (t.stagesOpen || dist <= 1)
}

// describe fills the features of target j of kind k.
func (e *Engine) describe(k Kind, j int, f *targetFeat, wards, incs ids, startupIdx map[string]int32) {
	s := e.snap
	var (
		sectors    []value.Sector
		stages     []value.Stage
		places     []string
		heldSec    [][]value.Sector
		heldStages []value.Stage
	)
	hold := func(ids []string) {
		for _, id := range ids {
			if i, ok := startupIdx[id]; ok {
				heldSec = append(heldSec, s.Startups[i].Sectors)
				heldStages = append(heldStages, s.Startups[i].Stage)
			}
		}
	}
	switch k {
	case KindFundCall:
		c := s.Calls[j]
		sectors, places, f.lo, f.hi = c.Sectors, c.Wards, c.TicketMin, c.TicketMax
	case KindInvestor:
		v := s.Investors[j]
		sectors, stages, places, f.lo, f.hi = v.Sectors, v.Stages, v.Geography, v.TicketMin, v.TicketMax
		for _, id := range v.Portfolio {
			if i, ok := startupIdx[id]; ok && s.Startups[i].IncubatorID != "" {
				f.incs = append(f.incs, incs.of(s.Startups[i].IncubatorID))
			}
		}
		hold(v.Portfolio)
	case KindMentor:
		m := s.Mentors[j]
		sectors = m.Expertise
		f.closed = len(m.Mentees) >= m.Capacity
		hold(m.Mentees)
	case KindIncubator:
		p := s.Programs[j]
		sectors, stages = p.Sectors, p.Stages
		places = []string{p.Ward}
		f.inc = incs.of(p.IncubatorID)
	}
	_, f.groups = sectorMasks(sectors)
	f.sectorsOpen = len(sectors) == 0
	e.sectorFit[k] = append(e.sectorFit[k], sectorFit(sectors, heldSec)...)
	f.sectorsUnknown = len(sectors) == 0 && len(heldSec) == 0
	f.stagesOpen = len(stages) == 0
	f.stageFit = stageFit(stages, heldStages)
	f.stagesUnknown = len(stages) == 0 && len(heldStages) == 0
	f.ticket = newTicketRange(f.lo, f.hi)
	for r := range f.stageDist {
		f.stageDist[r] = 9
		for _, st := range stages {
			f.stageDist[r] = min(f.stageDist[r], int8(abs(st.Rank()-r)))
		}
	}
	for _, p := range places {
		if wholeCity[value.Fold(p)] {
			f.anyWard = true
		}
		f.wards = append(f.wards, wards.of(value.Fold(p)))
	}
	f.wardsListed = len(places) > 0
}

// markPairs records, for both sides of each pair, feedback and the
// relationships that exclude a pair: an investor's portfolio, a mentor's mentees.
func (e *Engine) markPairs(startupIdx map[string]int32) {
	s := e.snap
	e.stMarks = make([][]mark, len(s.Startups))
	targetIdx := [numKinds]map[string]int32{}
	for _, k := range Kinds {
		e.tgMarks[k] = make([][]mark, s.count(k))
		targetIdx[k] = make(map[string]int32, s.count(k))
		for j := range s.count(k) {
			targetIdx[k][s.Ref(k, j).ID] = int32(j)
		}
	}
	add := func(i int32, k Kind, j int32, b uint8) {
		e.stMarks[i] = append(e.stMarks[i], mark{k, j, b})
		e.tgMarks[k][j] = append(e.tgMarks[k][j], mark{k, i, b})
	}
	for j, v := range s.Investors {
		for _, id := range v.Portfolio {
			if i, ok := startupIdx[id]; ok {
				add(i, KindInvestor, int32(j), markExcluded)
			}
		}
	}
	for j, m := range s.Mentors {
		for _, id := range m.Mentees {
			if i, ok := startupIdx[id]; ok {
				add(i, KindMentor, int32(j), markExcluded)
			}
		}
	}
	for key, sig := range s.Feedback {
		i, ok := startupIdx[key.Startup]
		j, ok2 := targetIdx[key.Target.Kind][key.Target.ID]
		if !ok || !ok2 {
			continue
		}
		var b uint8
		if sig.Positive {
			b |= markPositive
		}
		if sig.StartupDismissed {
			b |= markStartupDismissed
		}
		if sig.TargetDismissed {
			b |= markTargetDismissed
		}
		add(i, key.Target.Kind, j, b)
	}
}

type ids map[string]int32

func (m ids) of(s string) int32 {
	id, ok := m[s]
	if !ok {
		id = int32(len(m))
		m[s] = id
	}
	return id
}

func (m ids) optional(s string) int32 {
	if s == "" {
		return -1
	}
	return m.of(s)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// pair computes the factor values of startup i and target j of kind k, with
// their text similarity, collaborative value and pair marks; ok is false
// when the pair's marks exclude it (portfolio, mentee). The caller has
// checked passes, directly or through the candidate lists.
func (e *Engine) pair(k Kind, i, j int, text, collab float64, marks uint8, f *factors) (ok bool) {
	if marks&markExcluded != 0 {
		return false
	}
	s, t := &e.st[i], &e.tg[k][j]
	sector, fit := 0.0, e.sectorFit[k][j*numSectors:]
	for _, n := range s.sectorNums {
		sector = max(sector, fit[n])
	}
	f[FactorSector] = sector
	f[FactorStage] = t.stageFit[s.stage+1]
	f[FactorTicket] = ticketFit(s.needF, s.lnNeed, &t.ticket)
	f[FactorText] = text
	f[FactorLocation] = locationValue(t.wardsListed, t.anyWard || slices.Contains(t.wards, s.ward))
	f[FactorIncubator] = boolValue(s.inc >= 0 && (s.inc == t.inc || slices.Contains(t.incs, s.inc)))
	f[FactorRecency] = s.recency
	f[FactorCollaborative] = collab
	f[FactorFeedback] = boolValue(marks&markPositive != 0)
	return true
}

// topK keeps the K best entries, worst first, ordered by score then by
// lower index.
type topK struct {
	k     int
	items []Scored
	floor float64 // the worst score once full; nothing below it enters
}

func better(a, b Scored) bool {
	return a.Score > b.Score || a.Score == b.Score && a.Index < b.Index
}

// accepts reports whether x would enter the list.
func (h *topK) accepts(x Scored) bool {
	return x.Score >= h.floor && (len(h.items) < h.k || better(x, h.items[0]))
}

func (h *topK) push(x Scored) {
	defer func() {
		if len(h.items) == h.k {
			h.floor = h.items[0].Score
		}
	}()
	if len(h.items) < h.k {
		h.items = append(h.items, x)
		for c := len(h.items) - 1; c > 0; {
			p := (c - 1) / 2
			if !better(h.items[p], h.items[c]) {
				break
			}
			h.items[p], h.items[c] = h.items[c], h.items[p]
			c = p
		}
		return
	}
	h.items[0] = x
	for p := 0; ; {
		c := 2*p + 1
		if c >= len(h.items) {
			break
		}
		if c+1 < len(h.items) && better(h.items[c], h.items[c+1]) {
			c++
		}
		if !better(h.items[p], h.items[c]) {
			break
		}
		h.items[p], h.items[c] = h.items[c], h.items[p]
		p = c
	}
}

// sorted returns the entries best first.
func (h *topK) sorted() []Scored {
	out := slices.Clone(h.items)
	slices.SortFunc(out, func(a, b Scored) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	return out
}

// scratch is one worker's reusable memory.
type scratch struct {
	acc    [numKinds][]float64
	collab [numKinds][]float64
	marks  [numKinds][]uint8
}

func (e *Engine) newScratch() *scratch {
	w := &scratch{}
	for _, k := range Kinds {
		w.acc[k] = make([]float64, len(e.tg[k]))
		w.collab[k] = make([]float64, len(e.tg[k]))
		w.marks[k] = make([]uint8, len(e.tg[k]))
	}
	return w
}

// textRow accumulates startup i's text similarity with every target, in the
// term order cosine uses, so both give the same sums.
func (e *Engine) textRow(w *scratch, i int) {
	v := e.st[i].vec
	for n, t := range v.terms {
		ws := v.weights[n]
		for _, k := range Kinds {
			acc := w.acc[k]
			for _, p := range e.post[k][t] {
				acc[p.idx] += ws * p.w
			}
		}
	}
}

// All scores every pair and returns every list.
func (e *Engine) All(o Options) *Result {
	o = o.withDefaults()
	n := len(e.st)
	res := &Result{}
	for _, k := range Kinds {
		res.StartupLists[k] = make([][]Scored, n)
		if k != KindIncubator {
			res.TargetLists[k] = make([][]Scored, len(e.tg[k]))
		}
	}
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	heaps := make([][numKinds][]topK, workers)
	var wg sync.WaitGroup
	for wn := range workers {
		lo, hi := n*wn/workers, n*(wn+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := e.newScratch()
			for _, k := range Kinds {
				heaps[wn][k] = make([]topK, len(e.tg[k]))
				for j := range heaps[wn][k] {
					heaps[wn][k][j].k = o.K
				}
			}
			for i := lo; i < hi; i++ {
				e.scoreRow(w, i, o, func(k Kind, list []Scored) { res.StartupLists[k][i] = list }, offers{
					wants: func(k Kind, j int, x Scored) bool { return heaps[wn][k][j].accepts(x) },
					take:  func(k Kind, j int, x Scored) { heaps[wn][k][j].push(x) },
				})
			}
		}()
	}
	wg.Wait()
	for _, k := range Kinds[:3] {
		for j := range e.tg[k] {
			merged := topK{k: o.K}
			for wn := range workers {
				for _, x := range heaps[wn][k][j].items {
					if merged.accepts(x) {
						merged.push(x)
					}
				}
			}
			res.TargetLists[k][j] = merged.sorted()
		}
	}
	return res
}

// offers lets a row offer its pairs to the targets' lists: wants says
// whether target j's list would keep x, take adds it.
type offers struct {
	wants func(k Kind, j int, x Scored) bool
	take  func(k Kind, j int, x Scored)
}

// scoreRow scores startup i against every target. Each pair that passes the
// hard constraints and the minimum score is offered to the startup's own list
// and to the target's; a call's rules run only for pairs one of them wants.
// row receives the startup's list of each kind.
func (e *Engine) scoreRow(w *scratch, i int, o Options, row func(Kind, []Scored), to offers) {
	e.textRow(w, i)
	for _, m := range e.stMarks[i] {
		w.marks[m.kind][m.other] |= m.bits
	}
	for _, c := range e.stCollab[i] {
		w.collab[c.kind][c.other] = c.cell.value
	}
	for _, k := range Kinds {
		own := topK{k: o.K}
		acc, collab, marks := w.acc[k], w.collab[k], w.marks[k]
		var f factors
		for _, jj := range e.cands[k][e.candidateKey(i)] {
			j, mk := int(jj), marks[jj]
			if !e.pair(k, i, j, acc[j], collab[j], mk, &f) {
				continue
			}
			sc := e.w.score(k, &f, e.tg[k][j].scale)
			if sc <= o.MinScore {
				continue
			}
			e.place(k, i, j, &own, pairing{own: Scored{j, sc}, other: Scored{i, sc}, otherList: j,
				ownMay: mk&markStartupDismissed == 0, otherMay: mk&markTargetDismissed == 0 && k != KindIncubator}, to)
		}
		clear(acc)
		row(k, own.sorted())
	}
	for _, m := range e.stMarks[i] {
		w.marks[m.kind][m.other] = 0
	}
	for _, c := range e.stCollab[i] {
		w.collab[c.kind][c.other] = 0
	}
}

// pairing is a scored pair seen from the list being built: its entry there
// and in the other side's list, and whether each side may take it at all
// (neither dismissed it).
type pairing struct {
	own, other       Scored
	otherList        int
	ownMay, otherMay bool
}

// place offers a scored pair of startup i and target j to the list being
// built and, through to, to the other side's; a call's rules run only when
// one of them wants the pair.
func (e *Engine) place(k Kind, i, j int, own *topK, p pairing, to offers) {
	wantOwn := p.ownMay && own.accepts(p.own)
	wantOther := p.otherMay && to.wants(k, p.otherList, p.other)
	if !wantOwn && !wantOther {
		return
	}
	if k == KindFundCall && e.snap.Eligible != nil && !e.snap.Eligible(i, j) {
		return
	}
	if wantOther {
		to.take(k, p.otherList, p.other)
	}
	if wantOwn {
		own.push(p.own)
	}
}

// Row scores startup i against every target, as All does, offering its
// pairs to the targets' lists through to; it returns the startup's lists.
func (e *Engine) Row(i int, o Options, to offers) [numKinds][]Scored {
	o = o.withDefaults()
	var out [numKinds][]Scored
	e.scoreRow(e.newScratch(), i, o, func(k Kind, l []Scored) { out[k] = l }, to)
	return out
}

// startupPostings returns the inverted index of the startups' terms.
func (e *Engine) startupPostings() [][]posting {
	e.stPostOnce.Do(func() {
		e.stPost = make([][]posting, len(e.vocab.idf))
		for i, f := range e.st {
			for n, t := range f.vec.terms {
				e.stPost[t] = append(e.stPost[t], posting{int32(i), f.vec.weights[n]})
			}
		}
	})
	return e.stPost
}

// Column scores target j of kind k against every startup, offering each
// pair to the startup's list of kind k through to (whose Index is then j);
// it returns the target's own list (nil for programmes).
func (e *Engine) Column(k Kind, j int, o Options, to offers) []Scored {
	o = o.withDefaults()
	post := e.startupPostings()
	acc := make([]float64, len(e.st))
	marks := make([]uint8, len(e.st))
	v := e.tg[k][j].vec
	for n, t := range v.terms {
		for _, p := range post[t] {
			acc[p.idx] += p.w * v.weights[n]
		}
	}
	for _, m := range e.tgMarks[k][j] {
		marks[m.other] |= m.bits
	}
	collab := make([]float64, len(e.st))
	for _, c := range e.tgCollab[k][j] {
		collab[c.other] = c.cell.value
	}
	own := topK{k: o.K}
	var f factors
	for i := range e.st {
		if !e.passes(k, i, j) || !e.pair(k, i, j, acc[i], collab[i], marks[i], &f) {
			continue
		}
		sc := e.w.score(k, &f, e.tg[k][j].scale)
		if sc <= o.MinScore {
			continue
		}
		e.place(k, i, j, &own, pairing{own: Scored{i, sc}, other: Scored{j, sc}, otherList: i,
			ownMay: marks[i]&markTargetDismissed == 0 && k != KindIncubator, otherMay: marks[i]&markStartupDismissed == 0}, to)
	}
	if k == KindIncubator {
		return nil
	}
	return own.sorted()
}

// Explain returns the explanation of startup i's match with target j of
// kind k; its contributions add up to the pair's score.
func (e *Engine) Explain(k Kind, i, j int) []Contribution {
	s, t := &e.st[i], &e.tg[k][j]
	var mk uint8
	for _, m := range e.stMarks[i] {
		if m.kind == k && int(m.other) == j {
			mk |= m.bits
		}
	}
	cc := e.collabOf(k, i, j)
	var f factors
	e.pair(k, i, j, cosine(s.vec, t.vec), cc.value, mk, &f)
	st := e.snap.Startups[i]
	return e.w.explain(k, &f, t.warm, func(fc Factor) []string {
		switch fc {
		case FactorSector:
			if t.sectorsUnknown {
				return nil
			}
			var out []string
			for n, sec := range st.Sectors {
				if f[fc] > 0 && e.sectorFit[k][j*numSectors+int(s.sectorNums[n])] == f[fc] {
					out = append(out, string(sec))
				}
			}
			return out
		case FactorStage:
			if t.stagesUnknown {
				return nil
			}
			return []string{string(st.Stage)}
		case FactorTicket:
			if s.need <= 0 || t.hi <= 0 {
				return nil
			}
			return []string{vnd(s.need), vnd(t.lo), vnd(t.hi)}
		case FactorText:
			return e.vocab.sharedTerms(s.vec, t.vec, 3)
		case FactorLocation:
			if f[fc] == 1 {
				return []string{st.Ward}
			}
		case FactorRecency:
			if !st.ActiveAt.IsZero() {
				return []string{st.ActiveAt.Format(time.DateOnly)}
			}
		case FactorCollaborative:
			if t.warm {
				return []string{strconv.Itoa(cc.n), k.String()}
			}
		}
		return nil
	})
}
