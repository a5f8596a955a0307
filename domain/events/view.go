package events

import (
	"context"
	"slices"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
)

// View is an event's board as one caller may see it: its managers see
// everything; a confirmed participant sees the other confirmed ones (the
// marketplace) and their own meetings; anyone else sees the seat counts.
type View struct {
	Event   Event
	Board   Board
	Me      *Participant
	Manager bool
}

// ViewOf is the caller's view of an event and its board.
func (s *Service) ViewOf(ctx context.Context, e Event, b Board) View {
	p := identity.FromContext(ctx)
	v := View{Event: e, Board: b, Manager: policy.ManageEvent(p, e.IncubatorID) == nil}
	if !p.Anonymous() {
		v.Me = b.BySubject(p.Subject)
	}
	return v
}

// BoardsByID returns the boards of events, an empty one for an event with
// none, for batched loads; callers look at them through a View.
func (s *Service) BoardsByID(ctx context.Context, ids []string) (map[string]Board, error) {
	return s.boards.GetMany(ctx, ids)
}

// Seats counts the seats held and the people waiting.
func (v View) Seats() (taken, waiting int) { return v.Board.seats() }

func (v View) confirmed() bool { return v.Me != nil && v.Me.Status == Confirmed }

// Sees reports whether the caller may see participant p.
func (v View) Sees(p Participant) bool {
	return v.Manager || v.Me != nil && v.Me.ID == p.ID || v.confirmed() && p.Status == Confirmed
}

// Participants lists the participants the caller may see, in registration
// order, of one status and one type when they are set.
func (v View) Participants(status RegStatus, typ string) []Participant {
	var out []Participant
	for _, p := range v.Board.Participants {
		if v.Sees(p) && (status == "" || p.Status == status) && (typ == "" || p.Type == typ) {
			out = append(out, p)
		}
	}
	return out
}

// WaitlistPosition is p's place in line, from 1; 0 when not waiting.
func (v View) WaitlistPosition(p Participant) int {
	if p.Status != Waitlisted {
		return 0
	}
	n := 0
	for _, q := range v.Board.Participants {
		if q.Status == Waitlisted {
			n++
		}
		if q.ID == p.ID {
			return n
		}
	}
	return 0
}

// MarkOn is the caller's mark on participant id.
func (v View) MarkOn(id string) Mark {
	if v.Me == nil {
		return ""
	}
	return v.Me.Marks[id]
}

// Meetings lists every live meeting, for the event's managers.
func (v View) Meetings() ([]Meeting, error) {
	if !v.Manager {
		return nil, errs.Forbidden()
	}
	return v.Board.Live(), nil
}

// Meeting returns meeting id, cancelled or not, when the caller may see it:
// its two sides and the event's managers.
func (v View) Meeting(id string) (Meeting, bool) {
	i := slices.IndexFunc(v.Board.Meetings, func(m Meeting) bool { return m.ID == id })
	if i < 0 || !v.Manager && (v.Me == nil || v.Board.Meetings[i].side(v.Me.ID) < 0) {
		return Meeting{}, false
	}
	return v.Board.Meetings[i], true
}

// SeesFeedback reports whether the caller may read what the sides of m
// said: the sides themselves and the event's managers.
func (v View) SeesFeedback(m Meeting) bool {
	return v.Manager || v.Me != nil && m.side(v.Me.ID) >= 0
}

// Participant returns participant id when the caller may see them.
func (v View) Participant(id string) (Participant, bool) {
	i := slices.IndexFunc(v.Board.Participants, func(p Participant) bool { return p.ID == id })
	if i < 0 || !v.Sees(v.Board.Participants[i]) {
		return Participant{}, false
	}
	return v.Board.Participants[i], true
}
