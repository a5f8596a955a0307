package events

import (
	"time"

	"github.com/innoport/innoport/domain/record"
)

// RequestStatus is where a meeting request stands.
type RequestStatus string

// The request statuses. A pending request past its expiry is EXPIRED.
const (
	Pending         RequestStatus = "PENDING"
	Accepted        RequestStatus = "ACCEPTED"
	Declined        RequestStatus = "DECLINED"
	RequestCanceled RequestStatus = "CANCELLED"
	Expired         RequestStatus = "EXPIRED"
)

// Request asks another participant for a 1:1 meeting.
type Request struct {
	record.Meta
	EventID     string
	From, To    string // participant IDs
	Message     string
	Preferred   []int // slots the requester prefers, best first
	Status      RequestStatus
	ExpiresAt   time.Time
	RespondedAt time.Time
}

// Expiry is when the request lapses unanswered: after its time to live or
// at the end of its event, whichever comes first (an event's end may move
// after the request was sent).
func (r Request) Expiry(e Event) time.Time {
	if !e.End.IsZero() && e.End.Before(r.ExpiresAt) {
		return e.End
	}
	return r.ExpiresAt
}

// StatusAt is the request's status at now: a pending request expires by
// the clock, without any job having to mark it.
func (r Request) StatusAt(now time.Time, e Event) RequestStatus {
	if r.Status == Pending && !now.Before(r.Expiry(e)) {
		return Expired
	}
	return r.Status
}

// Involves reports whether participant p sent or received the request.
func (r Request) Involves(p string) bool { return r.From == p || r.To == p }
