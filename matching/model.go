// Package matching scores how well startups fit fund calls, investors,
// mentors and incubator programmes, and explains every score. It is pure Go:
// it reads a Snapshot of the entities and returns ranked lists; loading the
// snapshot and storing the lists is the Service's job, through ports.
package matching

import (
	"strings"
	"time"

	"github.com/innoport/innoport/domain/value"
)

// Kind is the kind of entity a startup is matched with.
type Kind uint8

// The kinds of match targets.
const (
	KindFundCall Kind = iota
	KindInvestor
	KindMentor
	KindIncubator // an incubator's programme
	numKinds
)

// The kinds of technology transfer's lists (transfer.go), which name the
// kind of their items: a startup's TECH_OFFER list, an offer's
// TECH_REQUEST and STARTUP lists, a request's TECH_OFFER and RESEARCH_ORG
// lists, an organisation's TECH_REQUEST list.
const (
	KindTechOffer Kind = numKinds + iota
	KindTechRequest
	KindResearchOrg
	KindStartup
)

// Kinds lists every kind a startup is matched with by the Engine, in order.
var Kinds = [...]Kind{KindFundCall, KindInvestor, KindMentor, KindIncubator}

var kindNames = [...]string{"FUND_CALL", "INVESTOR", "MENTOR", "INCUBATOR", "TECH_OFFER", "TECH_REQUEST", "RESEARCH_ORG", "STARTUP"}

func (k Kind) String() string { return kindNames[k] }

// ParseKind reads a kind from its name.
func ParseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return 0, false
}

// Startup is what matching reads about a startup.
type Startup struct {
	ID          string
	Sectors     []value.Sector
	Stage       value.Stage
	Ward        string
	IncubatorID string
	Text        string    // name and description
	FundingNeed int64     // VND; 0 when unknown
	ActiveAt    time.Time // its last activity: the last change to its profile or pipeline; zero when unknown
}

// Call is an open fund call; closed calls are left out of the snapshot.
type Call struct {
	ID                   string
	Sectors              []value.Sector // empty: any
	Wards                []string       // empty: anywhere
	TicketMin, TicketMax int64
	Text                 string
}

// Investor is an investor and its thesis.
type Investor struct {
	ID                   string
	Sectors              []value.Sector // empty: any
	Stages               []value.Stage  // empty: any
	TicketMin, TicketMax int64
	Geography            []string // wards or regions; empty: anywhere
	Text                 string   // description and thesis
	Portfolio            []string // startup IDs it holds a stake in
}

// Mentor is a mentor and how many more startups they can take.
type Mentor struct {
	ID        string
	Expertise []value.Sector
	Text      string // affiliation and bio
	Capacity  int
	Mentees   []string // startup IDs
}

// Program is one programme of an incubator.
type Program struct {
	IncubatorID string
	Name        string
	Ward        string // the incubator's ward
	Sectors     []value.Sector
	Stages      []value.Stage
	Text        string
}

// Ref names one side of a pair.
type Ref struct {
	Kind Kind
	ID   string // for a programme: incubator ID + "/" + programme name
}

// Signal is feedback on a pair of a startup and a target.
type Signal struct {
	StartupDismissed bool // the startup's side dismissed the target
	TargetDismissed  bool // the target's side dismissed the startup
	Positive         bool // a bookmark by either side, or an application
}

// PairKey identifies a startup–target pair in feedback.
type PairKey struct {
	Startup string
	Target  Ref
}

// Snapshot is everything one scoring run reads.
type Snapshot struct {
	Startups  []Startup
	Calls     []Call
	Investors []Investor
	Mentors   []Mentor
	Programs  []Program
	Feedback  map[PairKey]Signal
	// Outcomes are graded outcomes of pairs beyond portfolios, mentees and
	// feedback, from −1 to 1: a deal's stage in an investor's pipeline, an
	// application shortlisted or awarded. They feed the collaborative factor.
	Outcomes map[PairKey]float64
	// Weights are the factor weights to score with; nil: DefaultWeights.
	Weights *Weights
	// Now is when the snapshot was taken, for the recency factor.
	Now time.Time
	// Eligible tells whether startup i passes call j's eligibility rules; nil
	// means every startup does. It is asked only about pairs that would
	// enter a list, at most once per pair.
	Eligible func(startup, call int) bool
}

// programRef returns the target reference of a programme.
func programRef(incubatorID, name string) Ref {
	return Ref{Kind: KindIncubator, ID: incubatorID + "/" + name}
}

// ProgramOf splits the target ID of an INCUBATOR match into the incubator's
// ID and the programme's name.
func ProgramOf(targetID string) (incubatorID, name string) {
	incubatorID, name, _ = strings.Cut(targetID, "/")
	return incubatorID, name
}

// Ref returns the target reference of target i of kind k in the snapshot.
func (s *Snapshot) Ref(k Kind, i int) Ref {
	switch k {
	case KindFundCall:
		return Ref{k, s.Calls[i].ID}
	case KindInvestor:
		return Ref{k, s.Investors[i].ID}
	case KindMentor:
		return Ref{k, s.Mentors[i].ID}
	default:
		return programRef(s.Programs[i].IncubatorID, s.Programs[i].Name)
	}
}

func (s *Snapshot) count(k Kind) int {
	return [...]int{len(s.Calls), len(s.Investors), len(s.Mentors), len(s.Programs)}[k]
}

// Options tune a scoring run.
type Options struct {
	K        int     // list length; default 20
	MinScore float64 // scores at or below are not matches; default 0.2
	Workers  int     // default GOMAXPROCS
}

func (o Options) withDefaults() Options {
	if o.K <= 0 {
		o.K = 20
	}
	if o.MinScore == 0 {
		o.MinScore = 0.2
	}
	return o
}

// Scored is one entry of a ranked list.
type Scored struct {
	Index int // of the other side, in the snapshot
	Score float64
}

// Result holds the ranked lists of a run. StartupLists[k][i] is startup i's
// list of targets of kind k; TargetLists[k][j] is target j's list of
// startups (for calls, investors and mentors; programmes have none).
type Result struct {
	StartupLists [numKinds][][]Scored
	TargetLists  [numKinds][][]Scored
}
