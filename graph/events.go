package graph

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/model"
	"github.com/innoport/innoport/ical"
	"github.com/innoport/innoport/matching"
)

// Participants and meetings live on their event's board; their global IDs
// carry the event's ID too: "<eventID>/<participantID>".

func subID(typ, eventID, id string) string { return globalID(typ, eventID+"/"+id) }

// eventScoped decodes a participant or meeting ID into its event's ID and
// its own.
func eventScoped(gid, typ string, field ...string) (eventID, id string, err error) {
	raw, err := domainID(gid, typ, field...)
	if err != nil {
		return "", "", err
	}
	eventID, id, ok := strings.Cut(raw, "/")
	if !ok || eventID == "" || id == "" {
		return "", "", errs.InvalidValue(fmt.Sprintf("Mã %q không hợp lệ.", gid), fmt.Sprintf("%q is not a valid %s ID.", gid, typ), field...)
	}
	return eventID, id, nil
}

// eventView loads an event's board (batched) and returns the caller's view.
func (r *Resolver) eventView(ctx context.Context, e *events.Event) (events.View, error) {
	b, err := loadersOf(ctx).board.Load(ctx, e.ID)
	if err != nil {
		return events.View{}, err
	}
	return r.Meetups.ViewOf(ctx, *e, b), nil
}

// viewOfEvent loads an event by ID and the caller's view of it.
func (r *Resolver) viewOfEvent(ctx context.Context, eventID string) (events.View, error) {
	e, err := r.Meetups.Event(ctx, eventID)
	if err != nil {
		return events.View{}, err
	}
	return r.eventView(ctx, &e)
}

func slotOf(e events.Event, i int) *model.MeetingSlot {
	slots := e.Slots()
	if i < 0 || i >= len(slots) {
		return nil
	}
	return &model.MeetingSlot{Index: i, Start: slots[i].Start, End: slots[i].End}
}

func optionalTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func participantOut(v events.View, p events.Participant) *model.EventParticipant {
	out := &model.EventParticipant{ID: subID(typeEventParticipant, v.Event.ID, p.ID), Type: p.Type, Name: p.Name,
		Organisation: optional(p.Organisation), Sectors: p.Sectors, Offers: optional(p.Offers), Seeks: optional(p.Seeks),
		Status: p.Status, RegisteredAt: p.RegisteredAt, CheckedInAt: optionalTime(p.CheckedInAt), UnavailableSlots: p.Unavailable,
		StartupID: p.StartupID, InvestorID: p.InvestorID, OrgID: p.OrgID}
	if out.UnavailableSlots == nil {
		out.UnavailableSlots = []int{}
	}
	if n := v.WaitlistPosition(p); n > 0 {
		out.WaitlistPosition = &n
	}
	if m := v.MarkOn(p.ID); m != "" {
		out.MyMark = &m
	}
	return out
}

// participantRef shows a participant a meeting or request names; one the
// caller may not see (a cancelled registration) shows by name only.
func participantRef(v events.View, id string) *model.EventParticipant {
	if p, ok := v.Participant(id); ok {
		return participantOut(v, p)
	}
	p, err := v.Board.Participant(id)
	if err != nil {
		return &model.EventParticipant{ID: subID(typeEventParticipant, v.Event.ID, id), Sectors: []value.Sector{}, UnavailableSlots: []int{}}
	}
	return &model.EventParticipant{ID: subID(typeEventParticipant, v.Event.ID, id), Name: p.Name, Type: p.Type, Status: p.Status,
		RegisteredAt: p.RegisteredAt, Sectors: p.Sectors, UnavailableSlots: []int{}, StartupID: p.StartupID, InvestorID: p.InvestorID,
		OrgID: p.OrgID}
}

func meetingOut(v events.View, m events.Meeting) *model.Meeting {
	out := &model.Meeting{ID: subID(typeMeeting, v.Event.ID, m.ID), Slot: slotOf(v.Event, m.Slot), Table: m.Table,
		Participants: []*model.EventParticipant{participantRef(v, m.A), participantRef(v, m.B)},
		Source:       m.Source, Outcome: m.Outcome, Feedback: []*model.MeetingFeedback{}}
	if m.NoShowBy != "" {
		out.NoShow = participantRef(v, m.NoShowBy)
	}
	if v.SeesFeedback(m) {
		for i, f := range m.Feedback {
			if f.Rating == 0 && f.FollowUp == "" {
				continue
			}
			fb := &model.MeetingFeedback{Participant: out.Participants[i], FollowUp: optional(f.FollowUp)}
			if f.Rating > 0 {
				rating := f.Rating
				fb.Rating = &rating
			}
			out.Feedback = append(out.Feedback, fb)
		}
	}
	return out
}

func requestOut(v events.View, r events.Request, now time.Time) *model.MeetingRequest {
	out := &model.MeetingRequest{ID: globalID(typeMeetingRequest, r.ID), From: participantRef(v, r.From), To: participantRef(v, r.To),
		Message: optional(r.Message), PreferredSlots: []*model.MeetingSlot{}, Status: r.StatusAt(now, v.Event), SentAt: r.CreatedAt,
		ExpiresAt: r.Expiry(v.Event), RespondedAt: optionalTime(r.RespondedAt)}
	for _, s := range r.Preferred {
		if sl := slotOf(v.Event, s); sl != nil {
			out.PreferredSlots = append(out.PreferredSlots, sl)
		}
	}
	return out
}

func agendaOut(v events.View, a events.Agenda, english bool) *model.Agenda {
	out := &model.Agenda{Event: &a.Event, Participant: participantOut(v, a.Participant), Status: a.Status,
		Items: []*model.AgendaItem{}, Ics: ical.Agenda(a, english, a.At)}
	for _, it := range a.Items {
		out.Items = append(out.Items, &model.AgendaItem{Meeting: meetingOut(v, it.Meeting), With: participantRef(v, it.With.ID)})
	}
	return out
}

func reportOut(rep events.Report) *model.EventReport {
	out := &model.EventReport{Registrations: []*model.RegistrationCount{}, CheckedIn: rep.CheckedIn, Requests: []*model.RequestCount{},
		Meetings: []*model.MeetingCount{}, Ratings: rep.Ratings, FollowUps: rep.FollowUps}
	for _, c := range rep.Registrations {
		out.Registrations = append(out.Registrations, &model.RegistrationCount{Type: c.Type, Status: c.Status, Count: c.Count})
	}
	for _, st := range []events.RequestStatus{events.Pending, events.Accepted, events.Declined, events.RequestCanceled, events.Expired} {
		out.Requests = append(out.Requests, &model.RequestCount{Status: st, Count: rep.Requests[st]})
	}
	for _, o := range []events.Outcome{events.Scheduled, events.Held, events.NoShow, events.MeetingCanceled} {
		out.Meetings = append(out.Meetings, &model.MeetingCount{Outcome: o, Count: rep.Meetings[o]})
	}
	if rep.Ratings > 0 {
		avg := rep.AverageRating
		out.AverageRating = &avg
	}
	return out
}

func recommendationsOut(v events.View, c events.Candidates, ms []matching.PersonMatch) []*model.ParticipantRecommendation {
	out := make([]*model.ParticipantRecommendation, len(ms))
	for i, m := range ms {
		out[i] = &model.ParticipantRecommendation{Participant: participantRef(v, c.Others[m.Index].ID), Score: m.Score,
			Explanation: ptrs(m.Contribution)}
	}
	return out
}

func eventInput(in model.EventInput) events.Event {
	e := events.Event{Kind: in.Kind, Title: in.Title, Description: deref(in.Description), Venue: in.Venue, Start: in.Start, End: in.End,
		Capacity: in.Capacity, WaitlistCapacity: deref(in.WaitlistCapacity), RegistrationOpens: in.RegistrationOpens,
		RegCloses: in.RegistrationCloses, SlotMinutes: deref(in.SlotMinutes), MaxMeetings: deref(in.MaxMeetingsPerParticipant),
		RequestMode: deref(in.RequestMode), RequestTTL: time.Duration(deref(in.RequestTTLHours)) * time.Hour,
		ExcludeMetBefore: deref(in.ExcludeMetBefore)}
	for _, t := range in.ParticipantTypes {
		e.Types = append(e.Types, events.ParticipantType{Key: t.Key, NeedsApproval: deref(t.NeedsApproval), Roles: append([]identity.Role{}, value.Unique(t.Roles)...)})
	}
	for _, s := range in.Sessions {
		e.Sessions = append(e.Sessions, events.Session{Start: s.Start, End: s.End})
	}
	for _, t := range in.Tables {
		e.Tables = append(e.Tables, events.Table{Name: t.Name, Capacity: deref(t.Capacity)})
	}
	for _, p := range in.CanMeet {
		e.CanMeet = append(e.CanMeet, [2]string{p.A, p.B})
	}
	return e
}

func eventPayload(ctx context.Context, e events.Event, err error) (*model.EventPayload, error) {
	v, ue, err := result(ctx, e, err)
	if err != nil {
		return nil, err
	}
	return &model.EventPayload{Event: v, UserErrors: ue}, nil
}

// afterChange answers a mutation on an event's board: the userErrors, or
// what build makes of the board as it is after the change.
func afterChange[T any](ctx context.Context, r *Resolver, eventID string, err error, build func(events.View) *T) (*T, []*model.UserError, error) {
	ue, err := userErrors(ctx, err)
	if err != nil || len(ue) > 0 {
		return nil, ue, err
	}
	v, err := r.freshView(ctx, eventID)
	if err != nil {
		return nil, nil, err
	}
	return build(v), ue, nil
}

// participantPayload answers a mutation on a participant with them as they
// are after it.
func (r *Resolver) participantPayload(ctx context.Context, eventID string, p events.Participant, err error) (*model.EventParticipantPayload, error) {
	out, ue, err := afterChange(ctx, r, eventID, err, func(v events.View) *model.EventParticipant {
		if fresh, err := v.Board.Participant(p.ID); err == nil {
			p = *fresh
		}
		return participantOut(v, p)
	})
	if err != nil {
		return nil, err
	}
	return &model.EventParticipantPayload{Participant: out, UserErrors: ue}, nil
}

// freshView reads the board again, past the request's loader cache.
func (r *Resolver) freshView(ctx context.Context, eventID string) (events.View, error) {
	e, err := r.Meetups.Event(ctx, eventID)
	if err != nil {
		return events.View{}, err
	}
	bs, err := r.Meetups.BoardsByID(ctx, []string{eventID})
	if err != nil {
		return events.View{}, err
	}
	return r.Meetups.ViewOf(ctx, e, bs[eventID]), nil
}

func (r *Resolver) meetingPayload(ctx context.Context, eventID string, m events.Meeting, err error) (*model.MeetingPayload, error) {
	out, ue, err := afterChange(ctx, r, eventID, err, func(v events.View) *model.Meeting { return meetingOut(v, m) })
	if err != nil {
		return nil, err
	}
	return &model.MeetingPayload{Meeting: out, UserErrors: ue}, nil
}

func (r *Resolver) requestPayload(ctx context.Context, req events.Request, err error) (*model.MeetingRequestPayload, error) {
	var booked *model.Meeting
	out, ue, err := afterChange(ctx, r, req.EventID, err, func(v events.View) *model.MeetingRequest {
		for _, m := range v.Board.Live() {
			if m.RequestID == req.ID {
				booked = meetingOut(v, m)
			}
		}
		return requestOut(v, req, r.Meetups.Now())
	})
	if err != nil {
		return nil, err
	}
	return &model.MeetingRequestPayload{Request: out, Meeting: booked, UserErrors: ue}, nil
}

// participantTarget decodes a ParticipantInput: the event, and the
// participant when named (which must be of that event).
func participantTarget(in model.ParticipantInput) (eventID, pid string, err error) {
	if eventID, err = domainID(in.EventID, typeEvent, "eventId"); err != nil || in.ParticipantID == nil {
		return eventID, "", err
	}
	ev, pid, err := eventScoped(*in.ParticipantID, typeEventParticipant, "participantId")
	if err == nil && ev != eventID {
		err = errs.InvalidValue("Người tham dự không thuộc sự kiện này.", "The participant is not of this event.", "participantId")
	}
	return eventID, pid, err
}

// participantNode resolves a participant's global ID for a caller who may
// see them.
func (r *Resolver) participantNode(ctx context.Context, gid string) (model.Node, error) {
	eventID, pid, err := eventScoped(gid, typeEventParticipant)
	if err != nil {
		return nil, err
	}
	v, err := r.viewOfEvent(ctx, eventID)
	if err != nil {
		return nil, err
	}
	p, ok := v.Participant(pid)
	if !ok {
		return nil, errs.NotFoundf("người tham dự", "Participant")
	}
	return participantOut(v, p), nil
}

// eventAction is the event a publishEvent or cancelEvent names: by input,
// or by the id argument of the old form.
func eventAction(id *string, input *model.EventActionInput) (string, error) {
	switch {
	case input != nil && id == nil:
		return domainID(input.ID, typeEvent, "id")
	case input == nil && id != nil:
		return domainID(*id, typeEvent, "id")
	}
	return "", errs.InvalidValue("Gửi input (hoặc chỉ id, cách cũ).", "Send input (or id alone, the old form).")
}

// events is a page of the events f selects that the caller may see.
func (r *Resolver) events(ctx context.Context, f events.Filter, first *int, after *string) (*model.EventConnection, error) {
	p, err := pageOf(first, after)
	if err != nil {
		return nil, err
	}
	s, err := r.Meetups.Events(ctx, f, p)
	if err != nil {
		return nil, err
	}
	conn := &model.EventConnection{Count: func(ctx context.Context) (int, error) { return r.Meetups.CountEvents(ctx, f) }}
	conn.Edges, conn.PageInfo = connection(p, s, func(e events.Event) string { return e.ID },
		func(c string, e events.Event) model.EventEdge { return model.EventEdge{Cursor: c, Node: e} })
	return conn, nil
}

// meetingNode resolves a meeting's global ID for its two sides and the
// event's managers.
func (r *Resolver) meetingNode(ctx context.Context, gid string) (model.Node, error) {
	eventID, id, err := eventScoped(gid, typeMeeting)
	if err != nil {
		return nil, err
	}
	v, err := r.viewOfEvent(ctx, eventID)
	if err != nil {
		return nil, err
	}
	m, ok := v.Meeting(id)
	if !ok {
		return nil, events.EntityMeeting.NotFound()
	}
	return meetingOut(v, m), nil
}

// requestsOut lists the meeting requests the caller sent and received at
// the event of v.
func (r *Resolver) requestsOut(ctx context.Context, v events.View) ([]*model.MeetingRequest, error) {
	rs, err := r.Meetups.Requests(ctx, v.Event.ID)
	if err != nil {
		return nil, err
	}
	now := r.Meetups.Now()
	out := make([]*model.MeetingRequest, len(rs))
	for i, req := range rs {
		out[i] = requestOut(v, req, now)
	}
	return out, nil
}

func (r *Resolver) requestNode(ctx context.Context, id string) (model.Node, error) {
	req, err := r.Meetups.Request(ctx, id)
	if err != nil {
		return nil, err
	}
	v, err := r.viewOfEvent(ctx, req.EventID)
	if err != nil {
		return nil, err
	}
	return requestOut(v, req, r.Meetups.Now()), nil
}

// eventPatch is cur with the settings p gives; a list given replaces cur's.
func eventPatch(cur events.Event, p model.EventPatchInput) events.Event {
	setTo(&cur.Title, p.Title)
	setTo(&cur.Description, p.Description)
	setTo(&cur.Venue, p.Venue)
	setTo(&cur.Kind, p.Kind)
	setTo(&cur.Start, p.Start)
	setTo(&cur.End, p.End)
	setTo(&cur.Capacity, p.Capacity)
	setTo(&cur.WaitlistCapacity, p.WaitlistCapacity)
	setTo(&cur.RegistrationOpens, p.RegistrationOpens)
	setTo(&cur.RegCloses, p.RegistrationCloses)
	setTo(&cur.SlotMinutes, p.SlotMinutes)
	setTo(&cur.MaxMeetings, p.MaxMeetingsPerParticipant)
	setTo(&cur.RequestMode, p.RequestMode)
	setTo(&cur.ExcludeMetBefore, p.ExcludeMetBefore)
	if p.RequestTTLHours != nil {
		cur.RequestTTL = time.Duration(*p.RequestTTLHours) * time.Hour
	}
	// The lists convert as eventInput converts them.
	lists := eventInput(model.EventInput{ParticipantTypes: p.ParticipantTypes, Sessions: p.Sessions, Tables: p.Tables, CanMeet: p.CanMeet})
	if p.ParticipantTypes != nil {
		cur.Types = lists.Types
	}
	if p.Sessions != nil {
		cur.Sessions = lists.Sessions
	}
	if p.Tables != nil {
		cur.Tables = lists.Tables
	}
	if p.CanMeet != nil {
		cur.CanMeet = lists.CanMeet
	}
	return cur
}

// setTo sets *dst to *v when v is given.
func setTo[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}
