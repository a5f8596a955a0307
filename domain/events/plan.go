package events

import (
	"context"
	"maps"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// Scope says which meetings a scheduling run may change.
type Scope string

// The scopes.
const (
	UnbookedOnly Scope = "UNBOOKED_ONLY" // keep every meeting, add new ones
	AllMeetings  Scope = "ALL"           // also move the meetings earlier runs placed
)

// The weights of wanted pairs: an accepted request, plus what each side
// marked.
const (
	weightRequest   = 4
	weightMustMeet  = 3
	weightWouldMeet = 1
)

func markWeight(m Mark) int {
	switch m {
	case MustMeet:
		return weightMustMeet
	case WouldMeet:
		return weightWouldMeet
	}
	return 0
}

// ScheduleRun is what a scheduling run did.
type ScheduleRun struct {
	Wanted  int // pairs that wanted a meeting and had none
	Placed  int // of them, placed
	Weight  int // total weight placed
	Meeting int // live meetings after the run
}

// wantedPairs lists the pairs that should meet and have no live meeting:
// accepted requests, and pairs who marked each other MUST_MEET or
// WOULD_MEET, weighted; vetoed pairs and pairs that may not meet are out.
func wantedPairs(e Event, b *Board, rs []Request, at func(Request) RequestStatus) (pairs [][2]string, weights []int, requestIDs []string) {
	seen := map[[2]string]int{}
	add := func(a, c *Participant, w int, requestID string) {
		if canMeet(e, a, c) != nil || b.met(a.ID, c.ID) {
			return
		}
		k := [2]string{min(a.ID, c.ID), max(a.ID, c.ID)}
		if i, ok := seen[k]; ok {
			if requestID != "" && requestIDs[i] == "" {
				weights[i] += weightRequest
				requestIDs[i] = requestID
			}
			return
		}
		seen[k] = len(pairs)
		pairs = append(pairs, k)
		weights = append(weights, w+markWeight(a.Marks[c.ID])+markWeight(c.Marks[a.ID]))
		requestIDs = append(requestIDs, requestID)
	}
	for _, r := range rs {
		if at(r) != Accepted {
			continue
		}
		a, errA := b.Participant(r.From)
		c, errC := b.Participant(r.To)
		if errA == nil && errC == nil {
			add(a, c, weightRequest, r.ID)
		}
	}
	for i := range b.Participants {
		a := &b.Participants[i]
		// In ID order, so that a run places the same pairs every time.
		for _, id := range slices.Sorted(maps.Keys(a.Marks)) {
			if c, err := b.Participant(id); err == nil && a.ID < c.ID && mutual(a, c) {
				add(a, c, 0, "")
			}
		}
	}
	return pairs, weights, requestIDs
}

// ScheduleMeetings assigns the wanted pairs to slots and tables, by the
// event's managers: never double-booking a person or a table, within
// everyone's availability and maximum, heavier pairs first (see Schedule).
// With UNBOOKED_ONLY every meeting stays; ALL first takes back the
// meetings earlier runs placed that nobody has acted on, unless the agenda
// is final.
func (s *Service) ScheduleMeetings(ctx context.Context, eventID string, scope Scope) (ScheduleRun, error) {
	rs, err := s.requests.ForEvent(ctx, eventID)
	if err != nil {
		return ScheduleRun{}, err
	}
	now := s.clock.Now()
	var run ScheduleRun
	_, err = s.onBoard(ctx, eventID, func(e Event, b *Board, manager bool, _ *Participant) error {
		at := func(r Request) RequestStatus { return r.StatusAt(now, e) }
		if !manager {
			return errs.Forbidden()
		}
		if e.Status != Published {
			return notOpen("Chỉ xếp lịch cho sự kiện đã công bố.", "Only a published event is scheduled.")
		}
		switch scope {
		case UnbookedOnly:
		case AllMeetings:
			if b.Agenda == Final {
				return notOpen("Lịch đã chốt: chỉ xếp thêm cuộc gặp chưa có lịch (UNBOOKED_ONLY).",
					"The agenda is final: only unbooked meetings can be added (UNBOOKED_ONLY).")
			}
			b.Meetings = slices.DeleteFunc(b.Meetings, func(m Meeting) bool {
				return m.Source == Automatic && m.Outcome == Scheduled
			})
		default:
			return errs.InvalidValue("Phạm vi xếp lịch không hợp lệ.", "Unknown scheduling scope.", "scope")
		}
		run = s.schedule(e, b, rs, at)
		return nil
	})
	return run, err
}

// schedule runs Schedule on the board and books what it placed.
func (s *Service) schedule(e Event, b *Board, rs []Request, at func(Request) RequestStatus) ScheduleRun {
	slots := e.Slots()
	pairs, weights, requestIDs := wantedPairs(e, b, rs, at)
	index := map[string]int{}
	var people []*Participant
	p := &Problem{Slots: len(slots), Capacity: make([]int, len(slots))}
	person := func(id string) int {
		if i, ok := index[id]; ok {
			return i
		}
		part, _ := b.Participant(id)
		busy, n := b.busy(id)
		left := len(slots)
		if e.MaxMeetings > 0 {
			left = e.MaxMeetings
		}
		index[id] = len(people)
		people = append(people, part)
		p.Free = append(p.Free, available(part, len(slots))&^busy)
		p.Left = append(p.Left, left-n)
		return index[id]
	}
	for i, k := range pairs {
		p.Pairs = append(p.Pairs, Pair{A: person(k[0]), B: person(k[1]), Weight: weights[i]})
	}
	places := e.TablePlaces()
	for sl := range p.Capacity {
		p.Capacity[sl] = places
	}
	for _, m := range b.Live() {
		p.Capacity[m.Slot]--
	}
	now := s.clock.Now()
	for sl := range p.Capacity {
		if slots[sl].Over(now) { // a slot that has ended takes nobody
			p.Capacity[sl] = 0
		}
	}
	run := ScheduleRun{Wanted: len(pairs)}
	for _, a := range Schedule(p) {
		pr := p.Pairs[a.Pair]
		b.Meetings = append(b.Meetings, Meeting{ID: value.NewID(now), A: people[pr.A].ID, B: people[pr.B].ID, Slot: a.Slot,
			Table: b.freeTable(e, a.Slot), Source: Automatic, RequestID: requestIDs[a.Pair], Outcome: Scheduled})
		run.Placed++
		run.Weight += pr.Weight
	}
	run.Meeting = len(b.Live())
	return run
}

// PublishAgenda makes the meetings visible to participants as a
// preliminary or final agenda, by the event's managers.
func (s *Service) PublishAgenda(ctx context.Context, eventID string, final bool) (AgendaStatus, error) {
	var out AgendaStatus
	_, err := s.onBoard(ctx, eventID, func(e Event, b *Board, manager bool, _ *Participant) error {
		if !manager {
			return errs.Forbidden()
		}
		if b.Agenda == Final && !final {
			return notOpen("Lịch đã chốt.", "The agenda is already final.")
		}
		b.Agenda = Preliminary
		if final {
			b.Agenda = Final
		}
		out = b.Agenda
		return nil
	})
	return out, err
}

// AgendaItem is one meeting of a participant's agenda.
type AgendaItem struct {
	Meeting Meeting
	Slot    Slot
	With    Participant
}

// Agenda is a participant's meetings at an event, in time order.
type Agenda struct {
	Event       Event
	Participant Participant
	Status      AgendaStatus
	Items       []AgendaItem
	At          time.Time // when it was read
}

// MyAgenda returns the caller's agenda. Meetings placed by the organiser's
// run show once the agenda is published; booked ones at once.
func (s *Service) MyAgenda(ctx context.Context, eventID string) (Agenda, error) {
	e, b, me, _, err := s.Board(ctx, eventID)
	if err != nil {
		return Agenda{}, err
	}
	if me == nil {
		return Agenda{}, errs.NotFoundf("đăng ký của bạn tại sự kiện", "Your registration at the event")
	}
	slots := e.Slots()
	out := Agenda{Event: e, Participant: *me, Status: b.Agenda, At: s.clock.Now()}
	for _, m := range b.Live() {
		if m.side(me.ID) < 0 || m.Source == Automatic && b.Agenda == NoAgenda {
			continue
		}
		with, _ := b.Participant(m.Other(me.ID))
		out.Items = append(out.Items, AgendaItem{Meeting: m, Slot: slots[m.Slot], With: *with})
	}
	slices.SortFunc(out.Items, func(x, y AgendaItem) int { return x.Meeting.Slot - y.Meeting.Slot })
	return out, nil
}

// Report is what an organiser learns after an event.
type Report struct {
	Registrations []TypeCount
	CheckedIn     int
	Requests      map[RequestStatus]int
	Meetings      map[Outcome]int
	Ratings       int
	AverageRating float64
	FollowUps     int
}

// TypeCount counts the registrations of one type in one status.
type TypeCount struct {
	Type   string
	Status RegStatus
	Count  int
}

// Report sums up an event for its managers.
func (s *Service) Report(ctx context.Context, eventID string) (Report, error) {
	e, b, _, manager, err := s.Board(ctx, eventID)
	if err != nil {
		return Report{}, err
	}
	if !manager {
		return Report{}, errs.Forbidden()
	}
	rs, err := s.requests.ForEvent(ctx, eventID)
	if err != nil {
		return Report{}, err
	}
	now := s.clock.Now()
	out := Report{Requests: map[RequestStatus]int{}, Meetings: map[Outcome]int{}}
	counts := map[TypeCount]int{}
	for _, p := range b.Participants {
		counts[TypeCount{Type: p.Type, Status: p.Status}]++
		if !p.CheckedInAt.IsZero() {
			out.CheckedIn++
		}
	}
	for _, t := range e.Types {
		for _, st := range []RegStatus{Confirmed, PendingApproval, Waitlisted, Withdrawn, Rejected} {
			if n := counts[TypeCount{Type: t.Key, Status: st}]; n > 0 {
				out.Registrations = append(out.Registrations, TypeCount{t.Key, st, n})
			}
		}
	}
	for _, r := range rs {
		out.Requests[r.StatusAt(now, e)]++
	}
	sum := 0
	for _, m := range b.Meetings {
		out.Meetings[m.Outcome]++
		for _, f := range m.Feedback {
			if f.Rating > 0 {
				out.Ratings++
				sum += f.Rating
			}
			if f.FollowUp != "" {
				out.FollowUps++
			}
		}
	}
	if out.Ratings > 0 {
		out.AverageRating = float64(sum) / float64(out.Ratings)
	}
	return out, nil
}

// Candidates is what recommending people to one participant reads: the
// other confirmed participants they may meet (types that may meet, no
// veto, no meeting yet, and — when the organiser asks — nobody they met at
// an earlier event), who marked them as wanted, and the engine's scores of
// their organisations.
type Candidates struct {
	Me     Participant
	Others []Participant
	// WantsMe[i] tells whether Others[i] marked Me MUST_MEET or WOULD_MEET.
	WantsMe []bool
	// Affinity[i] is the engine's score of Me's and Others[i]'s startup and
	// investor, when both have one and the engine scored the pair; else -1.
	Affinity []float64
}

// Candidates returns the candidates of participant id (the caller, or
// anyone for the event's managers) at an event.
func (s *Service) Candidates(ctx context.Context, eventID, participantID string) (Candidates, error) {
	e, b, me, manager, err := s.Board(ctx, eventID)
	if err != nil {
		return Candidates{}, err
	}
	target, err := participantFor(&b, manager, me, participantID)
	if err != nil {
		return Candidates{}, err
	}
	if target.Status != Confirmed {
		return Candidates{Me: *target}, nil
	}
	metBefore, err := s.metBefore(ctx, e, b, target.Subject)
	if err != nil {
		return Candidates{}, err
	}
	out := Candidates{Me: *target}
	var startups []string
	for i := range b.Participants {
		o := &b.Participants[i]
		if canMeet(e, target, o) != nil || b.met(target.ID, o.ID) || metBefore[o.Subject] {
			continue
		}
		out.Others = append(out.Others, *o)
		m := o.Marks[target.ID]
		out.WantsMe = append(out.WantsMe, m == MustMeet || m == WouldMeet)
		if o.StartupID != "" {
			startups = append(startups, o.StartupID)
		}
	}
	if target.StartupID != "" {
		startups = append(startups, target.StartupID)
	}
	var scores map[[2]string]float64
	if s.affinity != nil && len(startups) > 0 {
		if scores, err = s.affinity(ctx, value.Unique(startups)); err != nil {
			return Candidates{}, err
		}
	}
	for _, o := range out.Others {
		sc, ok := scores[[2]string{target.StartupID, o.partner()}]
		if !ok {
			sc, ok = scores[[2]string{o.StartupID, target.partner()}]
		}
		if !ok {
			sc = -1
		}
		out.Affinity = append(out.Affinity, sc)
	}
	return out, nil
}

// metBefore returns the users subject met at earlier events, when the
// event asks to leave them out.
func (s *Service) metBefore(ctx context.Context, e Event, b Board, subject string) (map[string]bool, error) {
	out := map[string]bool{}
	if !e.ExcludeMetBefore {
		return out, nil
	}
	boards, err := s.boards.WithSubjects(ctx, []string{subject})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(boards))
	for _, ob := range boards {
		ids = append(ids, ob.ID)
	}
	evs, err := s.events.GetMany(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, ob := range boards {
		if ev, ok := evs[ob.ID]; !ok || ob.ID == b.ID || !ev.End.Before(e.Start) {
			continue
		}
		me := ob.BySubject(subject)
		if me == nil {
			continue
		}
		for _, m := range ob.Live() {
			if m.side(me.ID) < 0 || m.Outcome == NoShow {
				continue
			}
			if o, err := ob.Participant(m.Other(me.ID)); err == nil {
				out[o.Subject] = true
			}
		}
	}
	return out, nil
}
