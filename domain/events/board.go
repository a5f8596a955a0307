package events

import (
	"fmt"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// RegStatus is where a registration stands.
type RegStatus string

// The registration statuses. CONFIRMED and PENDING_APPROVAL hold a seat.
const (
	Confirmed       RegStatus = "CONFIRMED"
	PendingApproval RegStatus = "PENDING_APPROVAL"
	Waitlisted      RegStatus = "WAITLISTED"
	Withdrawn       RegStatus = "CANCELLED"
	Rejected        RegStatus = "REJECTED"
)

func (s RegStatus) holdsSeat() bool { return s == Confirmed || s == PendingApproval }

// Mark is what a participant thinks of meeting another.
type Mark string

// The marks. NO_THANKS vetoes any meeting between the two.
const (
	MustMeet  Mark = "MUST_MEET"
	WouldMeet Mark = "WOULD_MEET"
	NoThanks  Mark = "NO_THANKS"
)

// Participant is one registration.
type Participant struct {
	ID, Subject  string
	Type         string
	Name         string
	Organisation string
	StartupID    string // the startup a founder acts for, when any
	InvestorID   string // the investor an investor acts for, when any
	OrgID        string // the research organisation its technology-transfer staff act for, when any
	Sectors      []value.Sector
	Offers       string // what they offer
	Seeks        string // what they look for
	Unavailable  []int  // slots they cannot meet in
	Status       RegStatus
	RegisteredAt time.Time
	CheckedInAt  time.Time
	Marks        map[string]Mark // by participant ID
}

// partner is the investor or research organisation a participant acts
// for: the other side of a startup in the matching engine's scores.
func (p *Participant) partner() string {
	if p.InvestorID != "" {
		return p.InvestorID
	}
	return p.OrgID
}

// Outcome is how a meeting went.
type Outcome string

// The outcomes; a meeting is SCHEDULED until one of them.
const (
	Scheduled       Outcome = "SCHEDULED"
	Held            Outcome = "HELD"
	NoShow          Outcome = "NO_SHOW"
	MeetingCanceled Outcome = "CANCELLED"
)

// Source says how a meeting came to be.
type Source string

// The sources.
const (
	Booked    Source = "BOOKED"    // by a participant
	Automatic Source = "SCHEDULED" // by the organiser's scheduling run
)

// Feedback is one side's view after a meeting.
type Feedback struct {
	Rating   int // 1–5; 0 when not rated
	FollowUp string
}

// Meeting is a 1:1 meeting in a slot at a table.
type Meeting struct {
	ID        string
	A, B      string // participant IDs
	Slot      int
	Table     string
	Source    Source
	RequestID string // the accepted request it fulfils, if any
	Outcome   Outcome
	NoShowBy  string // who did not come
	Feedback  [2]Feedback
}

// side is 0 or 1 for participant p of the meeting, or -1.
func (m Meeting) side(p string) int {
	switch p {
	case m.A:
		return 0
	case m.B:
		return 1
	}
	return -1
}

// Other returns the participant p meets.
func (m Meeting) Other(p string) string {
	if p == m.A {
		return m.B
	}
	return m.A
}

// AgendaStatus says whether the organiser published the meetings.
type AgendaStatus string

// The agenda statuses.
const (
	NoAgenda    AgendaStatus = "NONE"
	Preliminary AgendaStatus = "PRELIMINARY"
	Final       AgendaStatus = "FINAL"
)

// Board is an event's roster and meetings, changed atomically. Its ID is
// the event's.
type Board struct {
	record.Meta
	Participants []Participant
	Meetings     []Meeting
	Agenda       AgendaStatus
}

// Participant returns the participant with ID id.
func (b *Board) Participant(id string) (*Participant, error) {
	i := slices.IndexFunc(b.Participants, func(p Participant) bool { return p.ID == id })
	if i < 0 {
		return nil, errs.NotFoundf("người tham dự", "Participant")
	}
	return &b.Participants[i], nil
}

// BySubject returns the live registration of a user, if any.
func (b *Board) BySubject(subject string) *Participant {
	for i, p := range b.Participants {
		if p.Subject == subject && p.Status != Withdrawn && p.Status != Rejected {
			return &b.Participants[i]
		}
	}
	return nil
}

// Meeting returns the meeting with ID id.
func (b *Board) Meeting(id string) (*Meeting, error) {
	i := slices.IndexFunc(b.Meetings, func(m Meeting) bool { return m.ID == id })
	if i < 0 {
		return nil, EntityMeeting.NotFound()
	}
	return &b.Meetings[i], nil
}

// Live returns the meetings that are not cancelled.
func (b *Board) Live() []Meeting {
	var out []Meeting
	for _, m := range b.Meetings {
		if m.Outcome != MeetingCanceled {
			out = append(out, m)
		}
	}
	return out
}

func (b *Board) seats() (taken, waiting int) {
	for _, p := range b.Participants {
		switch {
		case p.Status.holdsSeat():
			taken++
		case p.Status == Waitlisted:
			waiting++
		}
	}
	return taken, waiting
}

// maxRegistrations bounds the registrations a board keeps, cancelled ones
// included, so that registering and cancelling over and over cannot grow
// it without end.
const maxRegistrations = 3 * MaxCapacity

// register adds p, with a seat if one is free, else on the waitlist.
func (b *Board) register(e Event, p Participant) (*Participant, error) {
	if b.BySubject(p.Subject) != nil {
		return nil, errs.New(errs.Conflict, errs.CodeAlreadyRegistered, nil,
			"Bạn đã đăng ký sự kiện này.", "You are already registered for this event.")
	}
	if len(b.Participants) >= maxRegistrations {
		return nil, errs.New(errs.FailedPrecondition, errs.CodeEventFull, nil,
			"Sự kiện đã nhận quá nhiều lượt đăng ký.", "The event has taken too many registrations.")
	}
	t, _ := e.Type(p.Type)
	taken, waiting := b.seats()
	switch {
	case taken < e.Capacity && t.NeedsApproval:
		p.Status = PendingApproval
	case taken < e.Capacity:
		p.Status = Confirmed
	case waiting < e.WaitlistCapacity:
		p.Status = Waitlisted
	default:
		return nil, errs.New(errs.FailedPrecondition, errs.CodeEventFull, nil,
			fmt.Sprintf("Sự kiện đã đủ %d người và danh sách chờ đã đầy.", e.Capacity),
			fmt.Sprintf("The event is full (%d people) and so is its waitlist.", e.Capacity))
	}
	b.Participants = append(b.Participants, p)
	return &b.Participants[len(b.Participants)-1], nil
}

// leave ends a registration with status to and gives its seat to the
// first in line on the waitlist; the leaver's meetings are cancelled.
func (b *Board) leave(e Event, p *Participant, to RegStatus) {
	held := p.Status.holdsSeat()
	p.Status = to
	for i := range b.Meetings {
		if m := &b.Meetings[i]; m.Outcome == Scheduled && m.side(p.ID) >= 0 {
			m.Outcome = MeetingCanceled
		}
	}
	if !held {
		return
	}
	for i := range b.Participants { // in registration order
		if q := &b.Participants[i]; q.Status == Waitlisted {
			q.Status = Confirmed
			if t, _ := e.Type(q.Type); t.NeedsApproval {
				q.Status = PendingApproval
			}
			return
		}
	}
}

// vetoed reports whether either of a and b said NO_THANKS to the other.
func vetoed(a, b *Participant) bool { return a.Marks[b.ID] == NoThanks || b.Marks[a.ID] == NoThanks }

// canMeet checks that a and b may meet at all at event e.
func canMeet(e Event, a, b *Participant) error {
	if a.ID == b.ID {
		return errs.New(errs.Invalid, errs.CodeCannotMeet, nil, "Không thể gặp chính mình.", "You cannot meet yourself.")
	}
	if a.Status != Confirmed || b.Status != Confirmed {
		return errs.New(errs.FailedPrecondition, errs.CodeCannotMeet, nil,
			"Cả hai bên phải là người tham dự đã được xác nhận.", "Both sides must be confirmed participants.")
	}
	if !e.MayMeet(a.Type, b.Type) {
		return errs.New(errs.FailedPrecondition, errs.CodeCannotMeet, nil,
			fmt.Sprintf("Sự kiện không bố trí gặp giữa %s và %s.", a.Type, b.Type),
			fmt.Sprintf("This event does not arrange meetings between %s and %s.", a.Type, b.Type))
	}
	if vetoed(a, b) {
		return errs.New(errs.FailedPrecondition, errs.CodeCannotMeet, nil,
			"Một bên đã từ chối gặp (NO_THANKS).", "One side declined to meet (NO_THANKS).")
	}
	return nil
}

// busy returns the slots p has a live meeting in, and how many meetings.
func (b *Board) busy(p string) (slots uint64, n int) {
	for _, m := range b.Meetings {
		if m.Outcome != MeetingCanceled && m.side(p) >= 0 {
			slots |= 1 << m.Slot
			n++
		}
	}
	return slots, n
}

// available is the slots p can meet in at all.
func available(p *Participant, slots int) uint64 {
	a := uint64(1)<<slots - 1
	for _, s := range p.Unavailable {
		a &^= 1 << s
	}
	return a
}

// freeTable returns a table with a free place in slot s, or "".
func (b *Board) freeTable(e Event, s int) string {
	used := map[string]int{}
	for _, m := range b.Meetings {
		if m.Outcome != MeetingCanceled && m.Slot == s {
			used[m.Table]++
		}
	}
	for _, t := range e.Tables {
		if used[t.Name] < t.Capacity {
			return t.Name
		}
	}
	return ""
}

// met reports whether a and b already have a live meeting.
func (b *Board) met(a, c string) bool {
	return slices.ContainsFunc(b.Meetings, func(m Meeting) bool {
		return m.Outcome != MeetingCanceled && m.side(a) >= 0 && m.side(c) >= 0
	})
}

// book puts a meeting of a and c in slot s at a free table, checking every
// rule against the board as it is now.
func (b *Board) book(e Event, a, c *Participant, s int, now time.Time, requestID string) (*Meeting, error) {
	if err := canMeet(e, a, c); err != nil {
		return nil, err
	}
	slots := e.Slots()
	nSlots := len(slots)
	if s < 0 || s >= nSlots {
		return nil, errs.InvalidValue(fmt.Sprintf("Lượt gặp phải từ 0 đến %d.", nSlots-1),
			fmt.Sprintf("The slot is 0 to %d.", nSlots-1), "slot")
	}
	if slots[s].Over(now) {
		return nil, errs.InvalidValue(fmt.Sprintf("Lượt gặp này đã kết thúc lúc %s.", value.Local(slots[s].End)),
			fmt.Sprintf("This slot ended at %s.", value.Local(slots[s].End)), "slot")
	}
	if b.met(a.ID, c.ID) {
		return nil, errs.New(errs.Conflict, errs.CodeSlotTaken, nil,
			"Hai bên đã có lịch gặp tại sự kiện này.", "These two already have a meeting at this event.")
	}
	for _, p := range [2]*Participant{a, c} {
		busy, n := b.busy(p.ID)
		if available(p, nSlots)&(1<<s) == 0 || busy&(1<<s) != 0 {
			return nil, errs.New(errs.Conflict, errs.CodeSlotTaken, []string{"slot"},
				fmt.Sprintf("%s không rảnh vào lượt gặp này.", p.Name), fmt.Sprintf("%s is not free in this slot.", p.Name))
		}
		if e.MaxMeetings > 0 && n >= e.MaxMeetings {
			return nil, errs.New(errs.FailedPrecondition, errs.CodeMeetingLimit, nil,
				fmt.Sprintf("%s đã đủ %d cuộc gặp.", p.Name, e.MaxMeetings), fmt.Sprintf("%s already has %d meetings.", p.Name, e.MaxMeetings))
		}
	}
	table := b.freeTable(e, s)
	if table == "" {
		return nil, errs.New(errs.Conflict, errs.CodeSlotTaken, []string{"slot"},
			"Lượt gặp này đã hết bàn.", "Every table is taken in this slot.")
	}
	b.Meetings = append(b.Meetings, Meeting{ID: value.NewID(now), A: a.ID, B: c.ID, Slot: s, Table: table, Source: Booked,
		RequestID: requestID, Outcome: Scheduled})
	return &b.Meetings[len(b.Meetings)-1], nil
}
