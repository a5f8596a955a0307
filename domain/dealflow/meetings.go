package dealflow

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// EventMeeting is a 1:1 meeting an investor had with a startup at an event
// (a Startup Café), as the investor rated it.
type EventMeeting struct {
	Ref        string // the event's and meeting's IDs: rating the meeting again replaces its note
	EventTitle string
	Start      time.Time
	Rating     int // 1–5
	FollowUp   string
}

// MeetingHeld carries a meeting the investor rated into their pipeline: a
// startup not in it, or SOURCED or CONTACTED, moves to MEETING; one further
// along (or PASSED) stays where it is. The rating and follow-up become a
// note, which a second rating of the same meeting replaces. Such notes do
// not count against a deal's limit of notes: there is one per meeting.
func (s *Service) MeetingHeld(ctx context.Context, investorID, startupID string, m EventMeeting) (Deal, error) {
	p, err := s.investor(ctx, investorID)
	if err != nil {
		return Deal{}, err
	}
	if _, err := s.firms.Get(ctx, startupID); err != nil {
		return Deal{}, err
	}
	now := s.clock.Now()
	at := value.Local(m.Start)
	text := fmt.Sprintf("Gặp tại «%s» lúc %s, đánh giá %d/5 · Met at «%s» at %s, rated %d/5",
		m.EventTitle, at, m.Rating, m.EventTitle, at, m.Rating)
	if m.FollowUp != "" {
		text += ". " + m.FollowUp
	}
	note := Note{Text: text, At: now, By: p.Subject, Ref: "meeting:" + m.Ref}
	id := DealID(investorID, startupID)
	return s.st.Deals.Upsert(ctx, id, func() Deal {
		return Deal{Meta: record.Meta{ID: id, Version: 1, CreatedAt: now, UpdatedAt: now},
			InvestorID: investorID, StartupID: startupID}
	}, func(d *Deal) error {
		if d.Stage == "" || d.Stage == Sourced || d.Stage == Contacted {
			d.Stage, d.StageSince = Meeting, now
			d.History = append(d.History, StageChange{Stage: Meeting, At: now, By: p.Subject})
		}
		d.UpdatedAt = now
		if i := slices.IndexFunc(d.Notes, func(n Note) bool { return n.Ref == note.Ref }); i >= 0 {
			d.Notes[i] = note
		} else {
			d.Notes = append(d.Notes, note)
		}
		return nil
	})
}
