package events

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// liveRequest is a pending or accepted request between a and b at now.
func liveRequest(rs []Request, a, b string, now func(Request) RequestStatus) *Request {
	for i, r := range rs {
		if r.Involves(a) && r.Involves(b) && (now(r) == Pending || now(r) == Accepted) {
			return &rs[i]
		}
	}
	return nil
}

func checkSlots(slots []int, n int, field string) error {
	var list errs.List
	for i, s := range slots {
		if s < 0 || s >= n {
			list.Add(errs.InvalidValue(fmt.Sprintf("Lượt gặp phải từ 0 đến %d.", n-1), fmt.Sprintf("A slot is 0 to %d.", n-1), field, fmt.Sprint(i)))
		}
	}
	return list.Err()
}

// RequestMeeting asks another participant for a meeting, with a message
// and the slots the caller prefers. At an AUTO_ACCEPT event it is accepted
// at once and booked in the first preferred slot both are free in.
func (s *Service) RequestMeeting(ctx context.Context, eventID, toID, message string, preferred []int) (Request, error) {
	e, b, me, _, err := s.Board(ctx, eventID)
	if err != nil {
		return Request{}, err
	}
	if me == nil {
		return Request{}, errs.Forbidden()
	}
	to, err := b.Participant(toID)
	if err != nil {
		return Request{}, errs.Flatten(err)[0].At("participantId")
	}
	now := s.clock.Now()
	if e.Status != Published || now.After(e.End) {
		return Request{}, notOpen("Sự kiện không còn nhận yêu cầu gặp.", "The event no longer takes meeting requests.")
	}
	if err := canMeet(e, me, to); err != nil {
		return Request{}, err
	}
	var list errs.List
	message = text(message, false, 500, &list, "message")
	list.Check(checkSlots(preferred, len(e.Slots()), "preferredSlots"))
	if err := list.Err(); err != nil {
		return Request{}, err
	}
	r := Request{Meta: record.Meta{Version: 1, CreatedAt: now, UpdatedAt: now}, EventID: eventID, From: me.ID, To: to.ID,
		Message: message, Preferred: value.Unique(preferred), Status: Pending, ExpiresAt: now.Add(e.RequestTTL)}
	r.ExpiresAt = r.Expiry(e)
	if e.RequestMode == AutoAccept {
		r.Status, r.RespondedAt = Accepted, now
	}
	r, err = s.requests.Send(ctx, r, func(earlier []Request) error {
		if liveRequest(earlier, me.ID, to.ID, func(r Request) RequestStatus { return r.StatusAt(now, e) }) != nil {
			return errs.New(errs.Conflict, errs.CodeDuplicateRequest, nil,
				"Đã có yêu cầu gặp đang chờ hoặc đã được chấp nhận giữa hai bên.",
				"A pending or accepted request between the two already exists.")
		}
		return nil
	})
	if err != nil {
		return Request{}, err
	}
	if r.Status == Accepted {
		return r, s.bookPreferred(ctx, r)
	}
	return r, nil
}

// errNoFreeSlot leaves a board unchanged when no preferred slot is free.
var errNoFreeSlot = errors.New("no preferred slot is free")

// bookPreferred books an accepted request in the first of its preferred
// slots that is free for both; when none is, the request waits for a
// booking or the organiser's scheduling run. A store failure is returned:
// the request stays accepted, and can be booked later.
func (s *Service) bookPreferred(ctx context.Context, r Request) error {
	if len(r.Preferred) == 0 {
		return nil
	}
	e, err := s.events.Get(ctx, r.EventID)
	if err != nil {
		return err
	}
	_, err = s.boards.Update(ctx, r.EventID, func(b *Board) error {
		a, err := b.Participant(r.From)
		if err != nil {
			return err
		}
		c, err := b.Participant(r.To)
		if err != nil {
			return err
		}
		for _, sl := range r.Preferred {
			if _, err := b.book(e, a, c, sl, s.clock.Now(), r.ID); err == nil {
				return nil
			}
		}
		return errNoFreeSlot // nothing to write
	})
	if errors.Is(err, errNoFreeSlot) {
		return nil
	}
	return err
}

// Respond accepts or declines a pending request, by its recipient.
func (s *Service) Respond(ctx context.Context, requestID string, accept bool) (Request, error) {
	r, e, b, me, _, err := s.requestSeenBy(ctx, requestID)
	if err != nil {
		return Request{}, err
	}
	if me == nil || me.ID != r.To {
		return Request{}, errs.Forbidden()
	}
	from, err := b.Participant(r.From)
	if err != nil {
		return Request{}, err
	}
	if accept && vetoed(me, from) {
		return Request{}, errs.New(errs.FailedPrecondition, errs.CodeCannotMeet, nil,
			"Một bên đã từ chối gặp (NO_THANKS).", "One side declined to meet (NO_THANKS).")
	}
	r, err = s.requests.Update(ctx, requestID, func(r *Request) error {
		now := s.clock.Now()
		switch r.StatusAt(now, e) {
		case Pending:
		case Expired:
			at := value.Local(r.Expiry(e))
			return errs.New(errs.FailedPrecondition, errs.CodeRequestExpired, nil,
				fmt.Sprintf("Yêu cầu đã hết hạn lúc %s.", at), fmt.Sprintf("The request expired at %s.", at))
		default:
			return notOpen("Yêu cầu đã được trả lời hoặc đã huỷ.", "The request was already answered or cancelled.")
		}
		r.Status, r.RespondedAt, r.UpdatedAt = Declined, now, now
		if accept {
			r.Status = Accepted
		}
		return nil
	})
	if err == nil && r.Status == Accepted {
		err = s.bookPreferred(ctx, r)
	}
	return r, err
}

// CancelRequest withdraws a pending request, by its sender.
func (s *Service) CancelRequest(ctx context.Context, requestID string) (Request, error) {
	r, e, _, me, _, err := s.requestSeenBy(ctx, requestID)
	if err != nil {
		return Request{}, err
	}
	if me == nil || me.ID != r.From {
		return Request{}, errs.Forbidden()
	}
	return s.requests.Update(ctx, requestID, func(r *Request) error {
		now := s.clock.Now()
		if r.StatusAt(now, e) != Pending {
			return notOpen("Chỉ huỷ được yêu cầu đang chờ.", "Only a pending request can be withdrawn.")
		}
		r.Status, r.UpdatedAt = RequestCanceled, now
		return nil
	})
}

// Requests returns the requests the caller sent and received at an event.
func (s *Service) Requests(ctx context.Context, eventID string) ([]Request, error) {
	_, _, me, _, err := s.Board(ctx, eventID)
	if err != nil {
		return nil, err
	}
	if me == nil {
		return []Request{}, nil
	}
	rs, err := s.requests.ForEvent(ctx, eventID)
	return slices.DeleteFunc(rs, func(r Request) bool { return !r.Involves(me.ID) }), err
}

// wanted reports whether both marked each other MUST_MEET or WOULD_MEET.
func mutual(a, b *Participant) bool {
	ok := func(m Mark) bool { return m == MustMeet || m == WouldMeet }
	return ok(a.Marks[b.ID]) && ok(b.Marks[a.ID])
}

// Book puts the caller's meeting with another participant in a slot both
// are free in. It needs an accepted request between them, or both marking
// each other MUST_MEET or WOULD_MEET. Of two simultaneous bookings of one
// person, slot place or table, exactly one lands; the other is SLOT_TAKEN.
func (s *Service) Book(ctx context.Context, eventID, withID string, slot int) (Meeting, error) {
	now := s.clock.Now()
	var out Meeting
	_, err := s.onBoard(ctx, eventID, func(e Event, b *Board, _ bool, me *Participant) error {
		if me == nil {
			return errs.Forbidden()
		}
		other, err := b.Participant(withID)
		if err != nil {
			return errs.Flatten(err)[0].At("participantId")
		}
		rs, err := s.requests.Between(ctx, eventID, me.ID, other.ID)
		if err != nil {
			return err
		}
		if e.Status != Published || now.After(e.End) {
			return notOpen("Sự kiện không còn nhận đặt lịch.", "The event no longer takes bookings.")
		}
		var requestID string
		r := liveRequest(rs, me.ID, other.ID, func(r Request) RequestStatus { return r.StatusAt(now, e) })
		switch {
		case r != nil && r.StatusAt(now, e) == Accepted:
			requestID = r.ID
		case mutual(me, other):
		default:
			return errs.New(errs.FailedPrecondition, errs.CodeCannotMeet, nil,
				"Cần một yêu cầu gặp đã được chấp nhận, hoặc cả hai cùng muốn gặp nhau.",
				"Booking needs an accepted request, or both marking each other as wanted.")
		}
		m, err := b.book(e, me, other, slot, now, requestID)
		if err == nil {
			out = *m
		}
		return err
	})
	return out, err
}

// meetingAction runs fn on a meeting for one of its two sides or the
// event's managers.
func (s *Service) meetingAction(ctx context.Context, eventID, meetingID string, fn func(e Event, b *Board, m *Meeting, side int) error) (Meeting, error) {
	var out Meeting
	_, err := s.onBoard(ctx, eventID, func(e Event, b *Board, manager bool, me *Participant) error {
		m, err := b.Meeting(meetingID)
		if err != nil {
			return err
		}
		side := -1
		if me != nil {
			side = m.side(me.ID)
		}
		if side < 0 && !manager {
			return errs.Forbidden()
		}
		if err := fn(e, b, m, side); err != nil {
			return err
		}
		out = *m
		return nil
	})
	return out, err
}

// CancelMeeting cancels a scheduled meeting, by either side or the
// event's managers; its request stays accepted, so it can be booked again.
func (s *Service) CancelMeeting(ctx context.Context, eventID, meetingID string) (Meeting, error) {
	return s.meetingAction(ctx, eventID, meetingID, func(_ Event, _ *Board, m *Meeting, _ int) error {
		if m.Outcome != Scheduled {
			return notOpen("Chỉ huỷ được cuộc gặp đang xếp lịch.", "Only a scheduled meeting can be cancelled.")
		}
		m.Outcome = MeetingCanceled
		return nil
	})
}

// slotStarted reports whether meeting m's slot has begun.
func (s *Service) slotStarted(e Event, m *Meeting) error {
	if s.clock.Now().Before(e.Slots()[m.Slot].Start) {
		return notOpen("Cuộc gặp chưa diễn ra.", "The meeting has not started yet.")
	}
	return nil
}

// MarkNoShow records that a participant did not come to a meeting: by the
// other side, or by the event's managers naming who did not come.
func (s *Service) MarkNoShow(ctx context.Context, eventID, meetingID, absentID string) (Meeting, error) {
	return s.meetingAction(ctx, eventID, meetingID, func(e Event, _ *Board, m *Meeting, side int) error {
		if side >= 0 {
			absentID = m.party(1 - side)
		}
		if m.side(absentID) < 0 {
			return errs.InvalidValue("Người vắng mặt phải là một bên của cuộc gặp.", "The absent participant must be one of the meeting's sides.", "participantId")
		}
		if m.Outcome != Scheduled {
			return notOpen("Chỉ đánh dấu vắng mặt cho cuộc gặp đang xếp lịch.", "Only a scheduled meeting can be marked a no-show.")
		}
		if err := s.slotStarted(e, m); err != nil {
			return err
		}
		m.Outcome, m.NoShowBy = NoShow, absentID
		return nil
	})
}

// party is the participant on side 0 (A) or 1 (B).
func (m Meeting) party(side int) string {
	if side == 0 {
		return m.A
	}
	return m.B
}

// Rate records one side's rating (1–5) of a meeting after it began, and a
// follow-up note; a rated meeting was HELD. The service's FollowUp then
// hears of it.
func (s *Service) Rate(ctx context.Context, eventID, meetingID string, rating int, followUp string) (Meeting, error) {
	var rated Rated
	m, err := s.meetingAction(ctx, eventID, meetingID, func(e Event, b *Board, m *Meeting, side int) error {
		if side < 0 {
			return errs.Forbidden()
		}
		var list errs.List
		if rating < 1 || rating > 5 {
			list.Add(errs.InvalidValue("Đánh giá từ 1 đến 5.", "A rating is 1 to 5.", "rating"))
		}
		followUp = text(followUp, false, 1000, &list, "followUp")
		if err := list.Err(); err != nil {
			return err
		}
		if m.Outcome != Scheduled && m.Outcome != Held {
			return notOpen("Chỉ đánh giá được cuộc gặp đã diễn ra.", "Only a meeting that took place can be rated.")
		}
		if err := s.slotStarted(e, m); err != nil {
			return err
		}
		m.Outcome = Held
		m.Feedback[side] = Feedback{Rating: rating, FollowUp: followUp}
		by, err := b.Participant(m.party(side))
		if err != nil {
			return err
		}
		with, err := b.Participant(m.party(1 - side))
		if err != nil {
			return err
		}
		rated = Rated{Event: e, Meeting: *m, By: *by, With: *with, Feedback: m.Feedback[side]}
		return nil
	})
	if err != nil || s.followUp == nil {
		return m, err
	}
	return m, s.followUp(ctx, rated)
}

// Request returns a meeting request to its two sides and the event's
// managers.
func (s *Service) Request(ctx context.Context, id string) (Request, error) {
	r, _, _, me, manager, err := s.requestSeenBy(ctx, id)
	if err != nil {
		return Request{}, err
	}
	if !manager && (me == nil || !r.Involves(me.ID)) {
		return Request{}, EntityRequest.NotFound()
	}
	return r, nil
}

// requestSeenBy loads a request with its event and board, the caller's
// registration on it (nil when none) and whether they manage the event.
func (s *Service) requestSeenBy(ctx context.Context, id string) (Request, Event, Board, *Participant, bool, error) {
	if err := policy.Authenticated(identity.FromContext(ctx)); err != nil {
		return Request{}, Event{}, Board{}, nil, false, err
	}
	r, err := s.requests.Get(ctx, id)
	if err != nil {
		return Request{}, Event{}, Board{}, nil, false, err
	}
	e, b, me, manager, err := s.Board(ctx, r.EventID)
	return r, e, b, me, manager, err
}
