package events

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Filter narrows a list of events; zero fields do not filter.
type Filter struct {
	IncubatorID string
	Statuses    []Status
}

// EventStore keeps events.
type EventStore interface {
	Create(ctx context.Context, e Event) error
	Get(ctx context.Context, id string) (Event, error)
	GetMany(ctx context.Context, ids []string) (map[string]Event, error)
	Update(ctx context.Context, id string, fn func(*Event) error) (Event, error)
	List(ctx context.Context, f Filter, p value.Page) (value.Slice[Event], error)
	Count(ctx context.Context, f Filter) (int, error)
}

// BoardStore keeps each event's board.
type BoardStore interface {
	// Get returns the event's board; an empty one when none is stored.
	Get(ctx context.Context, eventID string) (Board, error)
	// Update changes the board through fn, only over the version fn saw,
	// running fn again on the new version when another write came first.
	Update(ctx context.Context, eventID string, fn func(*Board) error) (Board, error)
	// GetMany returns the boards of events by event ID; an event without a
	// stored board gets an empty one.
	GetMany(ctx context.Context, eventIDs []string) (map[string]Board, error)
	// WithSubjects returns the boards any of the users registered on.
	WithSubjects(ctx context.Context, subjects []string) ([]Board, error)
}

// RequestStore keeps meeting requests, grouped by the pair of
// participants they are between.
type RequestStore interface {
	// Send records r after check accepted the requests already between its
	// two participants, atomically for the pair; it assigns r's ID.
	Send(ctx context.Context, r Request, check func(earlier []Request) error) (Request, error)
	Get(ctx context.Context, id string) (Request, error)
	Update(ctx context.Context, id string, fn func(*Request) error) (Request, error)
	// Between returns the requests either of a and b sent the other.
	Between(ctx context.Context, eventID, a, b string) ([]Request, error)
	// ForEvent returns an event's requests.
	ForEvent(ctx context.Context, eventID string) ([]Request, error)
}

// Affinity returns the matching engine's scores of startups with the
// investors and research organisations they fit, keyed by startup and
// investor or organisation ID; nil when no engine runs.
type Affinity func(ctx context.Context, startupIDs []string) (map[[2]string]float64, error)

// Rated is a meeting one side has rated: its event, the meeting with the
// rating stored, the side that rated and the other side.
type Rated struct {
	Event    Event
	Meeting  Meeting
	By, With Participant
	Feedback Feedback
}

// FollowUp hears of each rating once it is stored, e.g. to carry an
// investor's meeting with a startup into their deal pipeline. Its error is
// the rating's answer; rating again stores the same and calls it again, so
// it must be safe to repeat.
type FollowUp func(ctx context.Context, r Rated) error

// Service holds the event use-cases.
type Service struct {
	events   EventStore
	boards   BoardStore
	requests RequestStore
	affinity Affinity
	followUp FollowUp
	clock    clock.Clock
}

// NewService builds the event use-cases; followUp may be nil.
func NewService(events EventStore, boards BoardStore, requests RequestStore, affinity Affinity, followUp FollowUp, c clock.Clock) *Service {
	return &Service{events: events, boards: boards, requests: requests, affinity: affinity, followUp: followUp, clock: c}
}

// Now is the service's time, e.g. to read request statuses at.
func (s *Service) Now() time.Time { return s.clock.Now() }

func notOpen(vi, en string) error {
	return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil, vi, en)
}

// CreateEvent drafts an event of an incubator, by its managers.
func (s *Service) CreateEvent(ctx context.Context, e Event) (Event, error) {
	if err := policy.ManageEvent(identity.FromContext(ctx), e.IncubatorID); err != nil {
		return Event{}, err
	}
	e, err := Check(e)
	if err != nil {
		return Event{}, err
	}
	e.Meta, e.Status = record.New(s.clock.Now()), Draft
	return e, s.events.Create(ctx, e)
}

// UpdateEvent changes an event's settings to what change makes of the
// current ones (all of them replaced, or a patch). Once meetings are booked, its
// sessions, slot length and tables stay as they are.
func (s *Service) UpdateEvent(ctx context.Context, id string, version int64, change func(current Event) Event) (Event, error) {
	board, err := s.boards.Get(ctx, id)
	if err != nil {
		return Event{}, err
	}
	return s.events.Update(ctx, id, func(e *Event) error {
		if err := policy.ManageEvent(identity.FromContext(ctx), e.IncubatorID); err != nil {
			return err
		}
		if err := e.Touch(version, s.clock.Now()); err != nil {
			return err
		}
		if e.Status == Cancelled {
			return notOpen("Sự kiện đã huỷ.", "The event is cancelled.")
		}
		next := change(*e)
		next.IncubatorID, next.Meta, next.Status = e.IncubatorID, e.Meta, e.Status
		checked, err := Check(next)
		if err != nil {
			return err
		}
		if len(board.Live()) > 0 && (!sameSlots(checked.Slots(), e.Slots()) || !slices.Equal(checked.Tables, e.Tables)) {
			return errs.InvalidValue("Đã có cuộc gặp được xếp lịch: không thể đổi phiên, độ dài lượt gặp hay bàn.",
				"Meetings are booked: sessions, slot length and tables can no longer change.", "sessions")
		}
		*e = checked
		return nil
	})
}

// sameSlots compares slots by their instants, whatever zone they were
// written in.
func sameSlots(a, b []Slot) bool {
	return slices.EqualFunc(a, b, func(x, y Slot) bool { return x.Start.Equal(y.Start) && x.End.Equal(y.End) })
}

// setStatus moves an event from one of from to to, by its managers.
func (s *Service) setStatus(ctx context.Context, id string, from []Status, to Status) (Event, error) {
	return s.events.Update(ctx, id, func(e *Event) error {
		if err := policy.ManageEvent(identity.FromContext(ctx), e.IncubatorID); err != nil {
			return err
		}
		if !slices.Contains(from, e.Status) {
			return notOpen(fmt.Sprintf("Không thể chuyển sự kiện từ %s sang %s.", e.Status, to),
				fmt.Sprintf("An event cannot go from %s to %s.", e.Status, to))
		}
		e.Status, e.UpdatedAt = to, s.clock.Now()
		return nil
	})
}

// PublishEvent opens a draft to registration (within its window).
func (s *Service) PublishEvent(ctx context.Context, id string) (Event, error) {
	return s.setStatus(ctx, id, []Status{Draft}, Published)
}

// CancelEvent calls an event off.
func (s *Service) CancelEvent(ctx context.Context, id string) (Event, error) {
	return s.setStatus(ctx, id, []Status{Draft, Published}, Cancelled)
}

// Event returns an event; drafts only to its managers.
func (s *Service) Event(ctx context.Context, id string) (Event, error) {
	e, err := s.events.Get(ctx, id)
	if err != nil {
		return Event{}, err
	}
	if e.Status == Draft {
		if err := policy.ManageEvent(identity.FromContext(ctx), e.IncubatorID); err != nil {
			return Event{}, EntityEvent.NotFound()
		}
	}
	return e, nil
}

// Events lists events: published and cancelled ones to everyone, drafts
// to the managers of the incubator the filter names.
func (s *Service) Events(ctx context.Context, f Filter, p value.Page) (value.Slice[Event], error) {
	f, ok := visible(ctx, f)
	if !ok {
		return value.Slice[Event]{}, nil
	}
	return s.events.List(ctx, f, p)
}

// MyEvents lists the events the caller registered for, latest start first;
// none for an anonymous caller.
func (s *Service) MyEvents(ctx context.Context) ([]Event, error) {
	subject := identity.FromContext(ctx).Subject
	if subject == "" {
		return nil, nil
	}
	boards, err := s.boards.WithSubjects(ctx, []string{subject})
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(boards))
	for _, b := range boards {
		if b.BySubject(subject) != nil {
			ids = append(ids, b.ID)
		}
	}
	found, err := s.events.GetMany(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]Event, 0, len(found))
	for _, id := range ids {
		if e, ok := found[id]; ok {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b Event) int { return b.Start.Compare(a.Start) })
	return out, nil
}

// CountEvents counts what Events lists, over all pages.
func (s *Service) CountEvents(ctx context.Context, f Filter) (int, error) {
	f, ok := visible(ctx, f)
	if !ok {
		return 0, nil
	}
	return s.events.Count(ctx, f)
}

// visible narrows f to the events the caller may see: drafts only for the
// managers of the incubator f names; false when nothing is left.
func visible(ctx context.Context, f Filter) (Filter, bool) {
	if f.IncubatorID != "" && policy.ManageEvent(identity.FromContext(ctx), f.IncubatorID) == nil {
		return f, true
	}
	if len(f.Statuses) == 0 {
		f.Statuses = []Status{Published, Cancelled}
	}
	f.Statuses = slices.DeleteFunc(slices.Clone(f.Statuses), func(st Status) bool { return st == Draft })
	return f, len(f.Statuses) > 0
}

// EventsByID returns the events among ids, for batched loads.
func (s *Service) EventsByID(ctx context.Context, ids []string) (map[string]Event, error) {
	return s.events.GetMany(ctx, ids)
}

// Registration is what a participant tells about themselves.
type Registration struct {
	Type         string
	Name         string
	Organisation string
	Sectors      []value.Sector
	Offers       string
	Seeks        string
	Unavailable  []int
}

func checkRegistration(e Event, r Registration) (Registration, error) {
	var list errs.List
	if _, ok := e.Type(r.Type); !ok {
		keys := make([]string, len(e.Types))
		for i, t := range e.Types {
			keys[i] = t.Key
		}
		list.Add(errs.InvalidValue(fmt.Sprintf("Sự kiện nhận các loại người tham dự: %v.", keys),
			fmt.Sprintf("The event takes these participant types: %v.", keys), "type"))
	}
	r.Name = text(r.Name, true, 200, &list, "name")
	r.Organisation = text(r.Organisation, false, 200, &list, "organisation")
	r.Offers = text(r.Offers, false, 1000, &list, "offers")
	r.Seeks = text(r.Seeks, false, 1000, &list, "seeks")
	r.Sectors = value.Unique(r.Sectors)
	n := len(e.Slots())
	for i, sl := range r.Unavailable {
		if sl < 0 || sl >= n {
			list.Add(errs.InvalidValue(fmt.Sprintf("Lượt gặp phải từ 0 đến %d.", n-1), fmt.Sprintf("A slot is 0 to %d.", n-1),
				"unavailableSlots", fmt.Sprint(i)))
		}
	}
	r.Unavailable = value.Unique(r.Unavailable)
	return r, list.Err()
}

// typeFor is the type a person takes when they register themselves: the
// one they ask for if their roles allow it (any, for the event's
// managers), else the one their roles give (Event.TypeFor).
func typeFor(e Event, p identity.Principal, asked string) (string, error) {
	if asked == "" {
		t, ok := e.TypeFor(p)
		if !ok {
			return "", errs.InvalidValue("Sự kiện không có loại người tham dự nào dành cho vai trò của bạn; hãy liên hệ ban tổ chức.",
				"The event has no participant type for your roles; ask the organisers.", "type")
		}
		return t.Key, nil
	}
	t, ok := e.Type(asked)
	if ok && !t.Allows(p) && policy.ManageEvent(p, e.IncubatorID) != nil {
		roles := make([]string, len(t.Roles))
		for i, r := range t.Roles {
			roles[i] = string(r)
		}
		return "", errs.InvalidValue(
			fmt.Sprintf("Loại %q dành cho vai trò %s; chỉ ban tổ chức mới xếp được người khác vào loại này.", t.Key, strings.Join(roles, ", ")),
			fmt.Sprintf("Type %q is for the roles %s; only the organisers may put anyone else in it.", t.Key, strings.Join(roles, ", ")), "type")
	}
	return asked, nil // an unknown type is reported with the others by checkRegistration
}

// SetType gives a participant another type, by the event's managers;
// their meetings stay.
func (s *Service) SetType(ctx context.Context, eventID, participantID, typ string) (Participant, error) {
	return s.onParticipant(ctx, eventID, participantID, true, func(e Event, b *Board, p *Participant) error {
		if _, ok := e.Type(typ); !ok {
			return errs.InvalidValue(fmt.Sprintf("Không có loại người tham dự %q.", typ),
				fmt.Sprintf("There is no participant type %q.", typ), "type")
		}
		p.Type = typ
		return nil
	})
}

// Register signs the caller up: with a seat while there is one (pending
// approval when their type needs it), else on the waitlist, else EVENT_FULL.
func (s *Service) Register(ctx context.Context, eventID string, r Registration) (Participant, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Participant{}, err
	}
	e, err := s.Event(ctx, eventID)
	if err != nil {
		return Participant{}, err
	}
	now := s.clock.Now()
	if !e.RegistrationOpen(now) {
		return Participant{}, errs.New(errs.FailedPrecondition, errs.CodeRegistrationClosed, nil,
			fmt.Sprintf("Sự kiện nhận đăng ký từ %s đến %s.", value.Local(e.RegistrationOpens), value.Local(e.RegCloses)),
			fmt.Sprintf("Registration is open from %s to %s.", value.Local(e.RegistrationOpens), value.Local(e.RegCloses)))
	}
	if r.Type, err = typeFor(e, p, r.Type); err != nil {
		return Participant{}, err
	}
	r, err = checkRegistration(e, r)
	if err != nil {
		return Participant{}, err
	}
	part := Participant{ID: value.NewID(now), Subject: p.Subject, Type: r.Type, Name: r.Name, Organisation: r.Organisation,
		Sectors: r.Sectors, Offers: r.Offers, Seeks: r.Seeks, Unavailable: r.Unavailable, RegisteredAt: now}
	switch {
	case p.Has(identity.RoleStartupMember):
		part.StartupID = p.OrgID
	case p.Has(identity.RoleInvestor):
		part.InvestorID = p.OrgID
	case p.Has(identity.RoleTTOManager):
		part.OrgID = p.OrgID
	}
	var out Participant
	_, err = s.boards.Update(ctx, eventID, func(b *Board) error {
		added, err := b.register(e, part)
		if err == nil {
			out = *added
		}
		return err
	})
	return out, err
}

// UpdateRegistration replaces what the caller told about themselves: name,
// organisation, sectors, offers and seeks, and the slots they cannot meet
// in (not one they have a meeting in). Their type stays.
func (s *Service) UpdateRegistration(ctx context.Context, eventID string, r Registration) (Participant, error) {
	var out Participant
	_, err := s.onBoard(ctx, eventID, func(e Event, b *Board, _ bool, me *Participant) error {
		if me == nil {
			return errs.NotFoundf("đăng ký của bạn tại sự kiện", "Your registration at the event")
		}
		r.Type = me.Type
		checked, err := checkRegistration(e, r)
		if err != nil {
			return err
		}
		busy, _ := b.busy(me.ID)
		for i, sl := range checked.Unavailable {
			if busy&(1<<sl) != 0 {
				return errs.New(errs.Conflict, errs.CodeSlotTaken, []string{"unavailableSlots", fmt.Sprint(i)},
					"Bạn có cuộc gặp vào lượt này; hãy huỷ cuộc gặp trước.", "You have a meeting in this slot; cancel it first.")
			}
		}
		me.Name, me.Organisation, me.Sectors = checked.Name, checked.Organisation, checked.Sectors
		me.Offers, me.Seeks, me.Unavailable = checked.Offers, checked.Seeks, checked.Unavailable
		out = *me
		return nil
	})
	return out, err
}

// onParticipant runs fn on a participant of an event's board — anyone for
// the event's managers, else the caller's own registration; managers only
// when managersOnly — and returns the participant as fn left it.
func (s *Service) onParticipant(ctx context.Context, eventID, participantID string, managersOnly bool,
	fn func(e Event, b *Board, p *Participant) error) (Participant, error) {
	var out Participant
	_, err := s.onBoard(ctx, eventID, func(e Event, b *Board, manager bool, me *Participant) error {
		if managersOnly && !manager {
			return errs.Forbidden()
		}
		p, err := participantFor(b, manager, me, participantID)
		if err != nil {
			return err
		}
		if err := fn(e, b, p); err != nil {
			return err
		}
		out = *p
		return nil
	})
	return out, err
}

// onBoard runs fn on an event's board for the caller, telling fn whether
// the caller manages the event and which participant they are (nil when
// they are not registered).
func (s *Service) onBoard(ctx context.Context, eventID string, fn func(e Event, b *Board, manager bool, me *Participant) error) (Board, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Board{}, err
	}
	e, err := s.Event(ctx, eventID)
	if err != nil {
		return Board{}, err
	}
	manager := policy.ManageEvent(p, e.IncubatorID) == nil
	return s.boards.Update(ctx, eventID, func(b *Board) error {
		me := b.BySubject(p.Subject)
		if me == nil && !manager {
			return errs.Forbidden()
		}
		return fn(e, b, manager, me)
	})
}

// participantFor picks the participant an action is about: the one named
// when the caller manages the event, else the caller.
func participantFor(b *Board, manager bool, me *Participant, id string) (*Participant, error) {
	switch {
	case id == "" && me != nil:
		return me, nil
	case id == "":
		return nil, errs.Required("participantId")
	case manager || me != nil && me.ID == id:
		p, err := b.Participant(id)
		if err != nil {
			return nil, errs.Flatten(err)[0].At("participantId")
		}
		return p, nil
	}
	return nil, errs.Forbidden()
}

// Decide approves or rejects a registration pending approval, by the
// event's managers; a rejection frees the seat for the waitlist.
func (s *Service) Decide(ctx context.Context, eventID, participantID string, approve bool) (Participant, error) {
	return s.onParticipant(ctx, eventID, participantID, true, func(e Event, b *Board, p *Participant) error {
		if p.Status != PendingApproval {
			return notOpen("Đăng ký không chờ duyệt.", "The registration is not pending approval.")
		}
		if approve {
			p.Status = Confirmed
		} else {
			b.leave(e, p, Rejected)
		}
		return nil
	})
}

// CancelRegistration withdraws the caller's registration (or, for the
// event's managers, anyone's); the first on the waitlist takes the seat
// and the leaver's meetings are cancelled.
func (s *Service) CancelRegistration(ctx context.Context, eventID, participantID string) (Participant, error) {
	return s.onParticipant(ctx, eventID, participantID, false, func(e Event, b *Board, p *Participant) error {
		if p.Status == Withdrawn || p.Status == Rejected {
			return notOpen("Đăng ký đã kết thúc.", "The registration has already ended.")
		}
		b.leave(e, p, Withdrawn)
		return nil
	})
}

// Board returns an event's roster and meetings for its managers and
// participants.
func (s *Service) Board(ctx context.Context, eventID string) (Event, Board, *Participant, bool, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Event{}, Board{}, nil, false, err
	}
	e, err := s.Event(ctx, eventID)
	if err != nil {
		return Event{}, Board{}, nil, false, err
	}
	b, err := s.boards.Get(ctx, eventID)
	if err != nil {
		return Event{}, Board{}, nil, false, err
	}
	manager := policy.ManageEvent(p, e.IncubatorID) == nil
	me := b.BySubject(p.Subject)
	if me != nil {
		cp := *me
		me = &cp
	}
	return e, b, me, manager, nil
}

// SetMark records what the caller thinks of meeting another participant;
// an empty mark clears it. NO_THANKS cancels their scheduled meeting.
func (s *Service) SetMark(ctx context.Context, eventID, otherID string, m Mark) (Participant, error) {
	var out Participant
	_, err := s.onBoard(ctx, eventID, func(e Event, b *Board, _ bool, me *Participant) error {
		if me == nil {
			return errs.Forbidden()
		}
		other, err := b.Participant(otherID)
		if err != nil {
			return errs.Flatten(err)[0].At("participantId")
		}
		if other.ID == me.ID {
			return errs.InvalidValue("Không thể đánh dấu chính mình.", "You cannot mark yourself.", "participantId")
		}
		if me.Marks == nil {
			me.Marks = map[string]Mark{}
		}
		switch m {
		case "":
			delete(me.Marks, other.ID)
		case MustMeet, WouldMeet, NoThanks:
			me.Marks[other.ID] = m
		default:
			return errs.InvalidValue("Đánh dấu không hợp lệ.", "Unknown mark.", "mark")
		}
		if m == NoThanks {
			for i := range b.Meetings {
				if mt := &b.Meetings[i]; mt.Outcome == Scheduled && mt.side(me.ID) >= 0 && mt.side(other.ID) >= 0 {
					mt.Outcome = MeetingCanceled
				}
			}
		}
		out = *me
		return nil
	})
	return out, err
}

// CheckIn records a participant's arrival: by themselves or the event's
// managers, on the day of the event.
func (s *Service) CheckIn(ctx context.Context, eventID, participantID string) (Participant, error) {
	return s.onParticipant(ctx, eventID, participantID, false, func(e Event, b *Board, p *Participant) error {
		now := s.clock.Now()
		if p.Status != Confirmed {
			return notOpen("Chỉ người tham dự đã xác nhận mới check-in được.", "Only confirmed participants check in.")
		}
		if value.DateOf(now) != value.DateOf(e.Start) && (now.Before(e.Start) || now.After(e.End)) {
			return notOpen("Check-in mở trong ngày diễn ra sự kiện.", "Check-in opens on the day of the event.")
		}
		if p.CheckedInAt.IsZero() {
			p.CheckedInAt = now
		}
		return nil
	})
}
