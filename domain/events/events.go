// Package events runs Startup Café meetups and matchmaking days: events and
// their registration with a waitlist, 1:1 meeting requests and preferences,
// self-booked and organiser-scheduled meetings without double-booking,
// agendas, check-in, feedback and the organiser's report.
//
// An event's roster and meetings live in one Board, changed only by
// compare-and-set on its version: every rule that spans participants — the
// capacity, the waitlist order, one meeting per person per slot, table
// places, maximums and vetoes — is checked and written in one atomic step,
// without multi-document transactions. Capacity is bounded (MaxCapacity) so
// a board stays far below a document's size limit.
package events

import (
	"fmt"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// MaxCapacity bounds the participants of one event (and of its waitlist).
const MaxCapacity = 1000

// Kind is what sort of event it is.
type Kind string

// The kinds.
const (
	StartupCafe Kind = "STARTUP_CAFE"
	Matchmaking Kind = "MATCHMAKING"
	DemoDay     Kind = "DEMO_DAY"
	Workshop    Kind = "WORKSHOP"
	// TechTransfer is a techmart day: research organisations' staff meet
	// firms, recommended by how their offers fit the firms' requests.
	TechTransfer Kind = "TECH_TRANSFER"
)

// Status is where an event is in its life.
type Status string

// The statuses.
const (
	Draft     Status = "DRAFT"
	Published Status = "PUBLISHED"
	Cancelled Status = "CANCELLED"
)

// RequestMode says whether a meeting request waits for an answer.
type RequestMode string

// The modes.
const (
	ApprovalMode RequestMode = "APPROVAL"
	AutoAccept   RequestMode = "AUTO_ACCEPT"
)

// ParticipantType is a kind of participant the event takes, e.g. "founder".
type ParticipantType struct {
	Key           string
	NeedsApproval bool
	// Roles are who may register as this type themselves (a user holding
	// one of them); empty: anyone. Only the event's managers may give a
	// participant a type their roles do not allow.
	Roles []identity.Role
}

// Allows reports whether p may register as this type themselves.
func (t ParticipantType) Allows(p identity.Principal) bool {
	return len(t.Roles) == 0 || slices.ContainsFunc(t.Roles, p.Has)
}

// TypeFor is the type a person registering themselves takes: the first
// whose roles they hold, else the first open to anyone.
func (e Event) TypeFor(p identity.Principal) (ParticipantType, bool) {
	for _, open := range []bool{false, true} {
		for _, t := range e.Types {
			if (len(t.Roles) == 0) == open && t.Allows(p) {
				return t, true
			}
		}
	}
	return ParticipantType{}, false
}

// Session is a time window of meetings.
type Session struct{ Start, End time.Time }

// Table is a table or location where Capacity meetings can run at once.
type Table struct {
	Name     string
	Capacity int
}

// Slot is one meeting time.
type Slot struct{ Start, End time.Time }

// Event is a meetup's settings.
type Event struct {
	record.Meta
	IncubatorID                  string
	Kind                         Kind
	Title, Description, Venue    string
	Start, End                   time.Time
	Capacity, WaitlistCapacity   int
	RegistrationOpens, RegCloses time.Time
	Types                        []ParticipantType
	Sessions                     []Session
	SlotMinutes                  int
	Tables                       []Table
	MaxMeetings                  int         // per participant
	CanMeet                      [][2]string // type pairs that may meet; empty: anyone
	RequestMode                  RequestMode
	RequestTTL                   time.Duration // how long a pending request lives
	ExcludeMetBefore             bool          // leave out recommendations of people met at earlier events
	Status                       Status
}

// Over reports whether the slot has ended by now: nothing can be placed in
// it any more.
func (s Slot) Over(now time.Time) bool { return !s.End.After(now) }

// Slots cuts the sessions into slots of SlotMinutes, in time order.
func (e Event) Slots() []Slot {
	var out []Slot
	step := time.Duration(e.SlotMinutes) * time.Minute
	if step <= 0 {
		return nil
	}
	for _, s := range e.Sessions {
		for t := s.Start; !t.Add(step).After(s.End); t = t.Add(step) {
			out = append(out, Slot{t, t.Add(step)})
		}
	}
	return out
}

// TablePlaces is how many meetings can run at once.
func (e Event) TablePlaces() int {
	n := 0
	for _, t := range e.Tables {
		n += t.Capacity
	}
	return n
}

// Type returns the participant type with key k.
func (e Event) Type(k string) (ParticipantType, bool) {
	i := slices.IndexFunc(e.Types, func(t ParticipantType) bool { return t.Key == k })
	if i < 0 {
		return ParticipantType{}, false
	}
	return e.Types[i], true
}

// MayMeet reports whether participants of types a and b may meet.
func (e Event) MayMeet(a, b string) bool {
	if len(e.CanMeet) == 0 {
		return true
	}
	return slices.ContainsFunc(e.CanMeet, func(p [2]string) bool { return p == [2]string{a, b} || p == [2]string{b, a} })
}

// RegistrationOpen reports whether registration is open at now.
func (e Event) RegistrationOpen(now time.Time) bool {
	return e.Status == Published && !now.Before(e.RegistrationOpens) && now.Before(e.RegCloses)
}

func text(s string, required bool, max int, list *errs.List, field ...string) string {
	out, err := value.Text(s, required, max)
	list.Check(err, field...)
	return out
}

// Check validates an event's settings and normalises its texts.
func Check(e Event) (Event, error) {
	var list errs.List
	switch e.Kind {
	case StartupCafe, Matchmaking, DemoDay, Workshop, TechTransfer:
	default:
		list.Add(errs.InvalidValue("Loại sự kiện không hợp lệ.", "Unknown event kind.", "kind"))
	}
	e.Title = text(e.Title, true, 200, &list, "title")
	e.Description = text(e.Description, false, 5000, &list, "description")
	e.Venue = text(e.Venue, true, 300, &list, "venue")
	if !e.End.After(e.Start) {
		list.Add(errs.InvalidValue("Thời điểm kết thúc phải sau thời điểm bắt đầu.", "The end must be after the start.", "end"))
	}
	if e.Capacity < 1 || e.Capacity > MaxCapacity {
		list.Add(errs.InvalidValue(fmt.Sprintf("Sức chứa từ 1 đến %d người.", MaxCapacity),
			fmt.Sprintf("Capacity is 1 to %d people.", MaxCapacity), "capacity"))
	}
	if e.WaitlistCapacity < 0 || e.WaitlistCapacity > MaxCapacity {
		list.Add(errs.InvalidValue(fmt.Sprintf("Danh sách chờ từ 0 đến %d người.", MaxCapacity),
			fmt.Sprintf("The waitlist holds 0 to %d people.", MaxCapacity), "waitlistCapacity"))
	}
	if !e.RegCloses.After(e.RegistrationOpens) || e.RegCloses.After(e.End) {
		list.Add(errs.InvalidValue("Hạn đăng ký phải sau ngày mở đăng ký và không muộn hơn lúc kết thúc sự kiện.",
			"Registration must close after it opens and no later than the event ends.", "registrationCloses"))
	}
	if len(e.Types) == 0 {
		list.Add(errs.Required("participantTypes"))
	}
	for i, t := range e.Types {
		t.Key = text(t.Key, true, 40, &list, "participantTypes", fmt.Sprint(i), "key")
		e.Types[i] = t
		if slices.ContainsFunc(e.Types[:i], func(o ParticipantType) bool { return o.Key == t.Key }) {
			list.Add(errs.InvalidValue("Loại người tham dự bị trùng.", "Duplicate participant type.", "participantTypes", fmt.Sprint(i), "key"))
		}
	}
	for i, p := range e.CanMeet {
		for _, k := range p {
			if _, ok := e.Type(k); !ok {
				list.Add(errs.InvalidValue(fmt.Sprintf("Không có loại người tham dự %q.", k),
					fmt.Sprintf("There is no participant type %q.", k), "canMeet", fmt.Sprint(i)))
			}
		}
	}
	for i, s := range e.Sessions {
		if !s.End.After(s.Start) || s.Start.Before(e.Start) || s.End.After(e.End) {
			list.Add(errs.InvalidValue("Phiên gặp phải nằm trong thời gian sự kiện và kết thúc sau khi bắt đầu.",
				"A session lies within the event and ends after it starts.", "sessions", fmt.Sprint(i)))
		}
		if i > 0 && s.Start.Before(e.Sessions[i-1].End) {
			list.Add(errs.InvalidValue("Các phiên gặp phải theo thứ tự thời gian và không chồng nhau.",
				"Sessions are in time order and do not overlap.", "sessions", fmt.Sprint(i)))
		}
	}
	if len(e.Sessions) > 0 && (e.SlotMinutes < 5 || e.SlotMinutes > 240) {
		list.Add(errs.InvalidValue("Mỗi lượt gặp dài từ 5 đến 240 phút.", "A slot is 5 to 240 minutes long.", "slotMinutes"))
	} else if n := len(e.Slots()); n > MaxSlots {
		list.Add(errs.InvalidValue(fmt.Sprintf("Tối đa %d lượt gặp (hiện có %d).", MaxSlots, n),
			fmt.Sprintf("At most %d slots (these sessions make %d).", MaxSlots, n), "slotMinutes"))
	}
	for i, t := range e.Tables {
		e.Tables[i].Name = text(t.Name, true, 100, &list, "tables", fmt.Sprint(i), "name")
		if t.Capacity < 1 || t.Capacity > 100 {
			list.Add(errs.InvalidValue("Mỗi bàn chứa từ 1 đến 100 cuộc gặp cùng lúc.", "A table hosts 1 to 100 meetings at once.",
				"tables", fmt.Sprint(i), "capacity"))
		}
		if slices.ContainsFunc(e.Tables[:i], func(o Table) bool { return o.Name == e.Tables[i].Name }) {
			list.Add(errs.InvalidValue("Tên bàn bị trùng.", "Duplicate table name.", "tables", fmt.Sprint(i), "name"))
		}
	}
	if len(e.Sessions) > 0 && len(e.Tables) == 0 {
		list.Add(errs.InvalidValue("Cần ít nhất một bàn cho các cuộc gặp.", "Meetings need at least one table.", "tables"))
	}
	if e.MaxMeetings < 0 || e.MaxMeetings > MaxSlots {
		list.Add(errs.InvalidValue(fmt.Sprintf("Số cuộc gặp tối đa từ 0 đến %d.", MaxSlots),
			fmt.Sprintf("The meeting maximum is 0 to %d.", MaxSlots), "maxMeetingsPerParticipant"))
	}
	if e.RequestMode != ApprovalMode && e.RequestMode != AutoAccept {
		list.Add(errs.InvalidValue("Chế độ yêu cầu không hợp lệ.", "Unknown request mode.", "requestMode"))
	}
	if e.RequestTTL < time.Hour || e.RequestTTL > 60*24*time.Hour {
		list.Add(errs.InvalidValue("Yêu cầu gặp chờ trả lời từ 1 giờ đến 60 ngày.", "A request waits 1 hour to 60 days for an answer.",
			"requestTtlHours"))
	}
	return e, list.Err()
}
