package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

type participantTypeDoc struct {
	Key           string `bson:"key"`
	NeedsApproval bool   `bson:"needsApproval"`
}

type sessionDoc struct {
	Start time.Time `bson:"start"`
	End   time.Time `bson:"end"`
}

type tableDoc struct {
	Name     string `bson:"name"`
	Capacity int    `bson:"capacity"`
}

// typePairDoc is two participant types that may meet (FerretDB stores no
// nested arrays).
type typePairDoc struct {
	A string `bson:"a"`
	B string `bson:"b"`
}

type eventDoc struct {
	Meta              metaDoc              `bson:",inline"`
	IncubatorID       string               `bson:"incubatorId"`
	Kind              string               `bson:"kind"`
	Title             string               `bson:"title"`
	Description       string               `bson:"description,omitempty"`
	Venue             string               `bson:"venue"`
	Start             time.Time            `bson:"start"`
	End               time.Time            `bson:"end"`
	Capacity          int                  `bson:"capacity"`
	WaitlistCapacity  int                  `bson:"waitlistCapacity"`
	RegistrationOpens time.Time            `bson:"registrationOpens"`
	RegCloses         time.Time            `bson:"registrationCloses"`
	Types             []participantTypeDoc `bson:"types"`
	Sessions          []sessionDoc         `bson:"sessions"`
	SlotMinutes       int                  `bson:"slotMinutes"`
	Tables            []tableDoc           `bson:"tables"`
	MaxMeetings       int                  `bson:"maxMeetings"`
	CanMeet           []typePairDoc        `bson:"canMeet"`
	RequestMode       string               `bson:"requestMode"`
	RequestTTLMinutes int64                `bson:"requestTtlMinutes"`
	ExcludeMetBefore  bool                 `bson:"excludeMetBefore"`
	Status            string               `bson:"status"`
}

func eventToDoc(e events.Event) eventDoc {
	d := eventDoc{Meta: metaToDoc(e.Meta), IncubatorID: e.IncubatorID, Kind: string(e.Kind), Title: e.Title, Description: e.Description,
		Venue: e.Venue, Start: e.Start, End: e.End, Capacity: e.Capacity, WaitlistCapacity: e.WaitlistCapacity,
		RegistrationOpens: e.RegistrationOpens, RegCloses: e.RegCloses, SlotMinutes: e.SlotMinutes, MaxMeetings: e.MaxMeetings,
		CanMeet: []typePairDoc{}, RequestMode: string(e.RequestMode), RequestTTLMinutes: int64(e.RequestTTL / time.Minute),
		ExcludeMetBefore: e.ExcludeMetBefore, Status: string(e.Status),
		Types: []participantTypeDoc{}, Sessions: []sessionDoc{}, Tables: []tableDoc{}}
	for _, t := range e.Types {
		d.Types = append(d.Types, participantTypeDoc(t))
	}
	for _, s := range e.Sessions {
		d.Sessions = append(d.Sessions, sessionDoc(s))
	}
	for _, t := range e.Tables {
		d.Tables = append(d.Tables, tableDoc(t))
	}
	for _, p := range e.CanMeet {
		d.CanMeet = append(d.CanMeet, typePairDoc{p[0], p[1]})
	}
	return d
}

func eventToDomain(d eventDoc) (events.Event, error) {
	e := events.Event{Meta: d.Meta.toDomain(), IncubatorID: d.IncubatorID, Kind: events.Kind(d.Kind), Title: d.Title,
		Description: d.Description, Venue: d.Venue, Start: d.Start.UTC(), End: d.End.UTC(), Capacity: d.Capacity,
		WaitlistCapacity: d.WaitlistCapacity, RegistrationOpens: d.RegistrationOpens.UTC(), RegCloses: d.RegCloses.UTC(),
		SlotMinutes: d.SlotMinutes, MaxMeetings: d.MaxMeetings, RequestMode: events.RequestMode(d.RequestMode),
		RequestTTL: time.Duration(d.RequestTTLMinutes) * time.Minute, ExcludeMetBefore: d.ExcludeMetBefore, Status: events.Status(d.Status)}
	for _, t := range d.Types {
		e.Types = append(e.Types, events.ParticipantType(t))
	}
	for _, s := range d.Sessions {
		e.Sessions = append(e.Sessions, events.Session{Start: s.Start.UTC(), End: s.End.UTC()})
	}
	for _, t := range d.Tables {
		e.Tables = append(e.Tables, events.Table(t))
	}
	for _, p := range d.CanMeet {
		e.CanMeet = append(e.CanMeet, [2]string{p.A, p.B})
	}
	return e, nil
}

// Events stores events.Event documents.
type Events struct {
	filtered[events.Event, eventDoc, events.Filter]
}

var _ events.EventStore = (*Events)(nil)

// NewEvents returns the event store of db.
func NewEvents(db *DB) *Events {
	return &Events{filtered[events.Event, eventDoc, events.Filter]{
		filter: func(f events.Filter) bson.D {
			q := eqIfSet(bson.D{}, "incubatorId", f.IncubatorID)
			if len(f.Statuses) > 0 {
				q = append(q, bson.E{Key: "status", Value: bson.D{{Key: "$in", Value: names(f.Statuses)}}})
			}
			return q
		},
		repo: repo[events.Event, eventDoc]{
			db: db, coll: db.db.Collection(colEvents), toDoc: eventToDoc, toDomain: eventToDomain,
			meta:   func(e *events.Event) *record.Meta { return &e.Meta },
			whatVI: "sự kiện", whatEN: "Event",
		}}}
}

type markDoc struct {
	Participant string `bson:"participant"`
	Mark        string `bson:"mark"`
}

type participantDoc struct {
	ID           string    `bson:"id"`
	Subject      string    `bson:"subject"`
	Type         string    `bson:"type"`
	Name         string    `bson:"name"`
	Organisation string    `bson:"organisation,omitempty"`
	StartupID    string    `bson:"startupId,omitempty"`
	InvestorID   string    `bson:"investorId,omitempty"`
	Sectors      []string  `bson:"sectors"`
	Offers       string    `bson:"offers,omitempty"`
	Seeks        string    `bson:"seeks,omitempty"`
	Unavailable  []int     `bson:"unavailable"`
	Status       string    `bson:"status"`
	RegisteredAt time.Time `bson:"registeredAt"`
	CheckedInAt  time.Time `bson:"checkedInAt,omitempty"`
	Marks        []markDoc `bson:"marks"`
}

type meetingFeedbackDoc struct {
	Rating   int    `bson:"rating,omitempty"`
	FollowUp string `bson:"followUp,omitempty"`
}

type meetingDoc struct {
	ID        string                `bson:"id"`
	A         string                `bson:"a"`
	B         string                `bson:"b"`
	Slot      int                   `bson:"slot"`
	Table     string                `bson:"table"`
	Source    string                `bson:"source"`
	RequestID string                `bson:"requestId,omitempty"`
	Outcome   string                `bson:"outcome"`
	NoShowBy  string                `bson:"noShowBy,omitempty"`
	Feedback  [2]meetingFeedbackDoc `bson:"feedback"`
}

type boardDoc struct {
	Meta         metaDoc          `bson:",inline"`
	Participants []participantDoc `bson:"participants"`
	Meetings     []meetingDoc     `bson:"meetings"`
	Agenda       string           `bson:"agenda"`
	// Subjects lists the participants' users, for finding the boards a user
	// is on (met-before) with an index.
	Subjects []string `bson:"subjects"`
}

func boardToDoc(b events.Board) boardDoc {
	d := boardDoc{Meta: metaToDoc(b.Meta), Agenda: string(b.Agenda), Participants: []participantDoc{}, Meetings: []meetingDoc{}, Subjects: []string{}}
	for _, p := range b.Participants {
		pd := participantDoc{ID: p.ID, Subject: p.Subject, Type: p.Type, Name: p.Name, Organisation: p.Organisation,
			StartupID: p.StartupID, InvestorID: p.InvestorID, Sectors: names(p.Sectors), Offers: p.Offers, Seeks: p.Seeks,
			Unavailable: p.Unavailable, Status: string(p.Status), RegisteredAt: p.RegisteredAt, CheckedInAt: p.CheckedInAt,
			Marks: []markDoc{}}
		for other, m := range p.Marks {
			pd.Marks = append(pd.Marks, markDoc{Participant: other, Mark: string(m)})
		}
		d.Participants = append(d.Participants, pd)
		d.Subjects = append(d.Subjects, p.Subject)
	}
	for _, m := range b.Meetings {
		d.Meetings = append(d.Meetings, meetingDoc{ID: m.ID, A: m.A, B: m.B, Slot: m.Slot, Table: m.Table, Source: string(m.Source),
			RequestID: m.RequestID, Outcome: string(m.Outcome), NoShowBy: m.NoShowBy,
			Feedback: [2]meetingFeedbackDoc{meetingFeedbackDoc(m.Feedback[0]), meetingFeedbackDoc(m.Feedback[1])}})
	}
	return d
}

func boardToDomain(d boardDoc) (events.Board, error) {
	b := events.Board{Meta: d.Meta.toDomain(), Agenda: events.AgendaStatus(d.Agenda)}
	if b.Agenda == "" {
		b.Agenda = events.NoAgenda
	}
	for _, pd := range d.Participants {
		sectors, err := value.ParseSectors(pd.Sectors)
		if err != nil {
			return events.Board{}, corrupt(colEventBoards, d.Meta.ID, err)
		}
		p := events.Participant{ID: pd.ID, Subject: pd.Subject, Type: pd.Type, Name: pd.Name, Organisation: pd.Organisation,
			StartupID: pd.StartupID, InvestorID: pd.InvestorID, Sectors: sectors, Offers: pd.Offers, Seeks: pd.Seeks,
			Unavailable: pd.Unavailable, Status: events.RegStatus(pd.Status), RegisteredAt: pd.RegisteredAt.UTC(), Marks: map[string]events.Mark{}}
		if !pd.CheckedInAt.IsZero() {
			p.CheckedInAt = pd.CheckedInAt.UTC()
		}
		for _, m := range pd.Marks {
			p.Marks[m.Participant] = events.Mark(m.Mark)
		}
		b.Participants = append(b.Participants, p)
	}
	for _, m := range d.Meetings {
		b.Meetings = append(b.Meetings, events.Meeting{ID: m.ID, A: m.A, B: m.B, Slot: m.Slot, Table: m.Table, Source: events.Source(m.Source),
			RequestID: m.RequestID, Outcome: events.Outcome(m.Outcome), NoShowBy: m.NoShowBy,
			Feedback: [2]events.Feedback{events.Feedback(m.Feedback[0]), events.Feedback(m.Feedback[1])}})
	}
	return b, nil
}

// Boards stores each event's roster and meetings in one document, changed
// by compare-and-set on its version.
type Boards struct {
	repo[events.Board, boardDoc]
}

var _ events.BoardStore = (*Boards)(nil)

// NewBoards returns the board store of db.
func NewBoards(db *DB) *Boards {
	return &Boards{repo[events.Board, boardDoc]{
		db: db, coll: db.db.Collection(colEventBoards), toDoc: boardToDoc, toDomain: boardToDomain,
		meta:   func(b *events.Board) *record.Meta { return &b.Meta },
		whatVI: "danh sách tham dự", whatEN: "Event board",
	}}
}

func emptyBoard(eventID string) events.Board {
	return events.Board{Meta: record.Meta{ID: eventID}, Agenda: events.NoAgenda}
}

// Get returns the event's board, or an empty one.
func (s *Boards) Get(ctx context.Context, eventID string) (events.Board, error) {
	b, err := s.repo.Get(ctx, eventID)
	if errs.KindOf(err) == errs.NotFound {
		return emptyBoard(eventID), nil
	}
	return b, err
}

// GetMany returns the boards of events, an empty one for an event without.
func (s *Boards) GetMany(ctx context.Context, eventIDs []string) (map[string]events.Board, error) {
	out, err := s.repo.GetMany(ctx, eventIDs)
	if err != nil {
		return nil, err
	}
	for _, id := range eventIDs {
		if _, ok := out[id]; !ok {
			out[id] = emptyBoard(id)
		}
	}
	return out, nil
}

// Update changes the event's board through fn, creating the board on its
// first change; a racing creator's insert wins and fn runs on it.
func (s *Boards) Update(ctx context.Context, eventID string, fn func(*events.Board) error) (events.Board, error) {
	b, err := s.repo.Update(ctx, eventID, fn)
	if errs.KindOf(err) != errs.NotFound {
		return b, err
	}
	// Not found: the board, or something fn looked for on it.
	switch found := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: eventID}}).Err(); {
	case found == nil:
		return b, err
	case !errors.Is(found, mongo.ErrNoDocuments):
		return events.Board{}, errs.Internalf(found, "find board %s", eventID)
	}
	if _, err := s.coll.InsertOne(ctx, boardToDoc(emptyBoard(eventID))); err != nil && !isDuplicateKey(err) {
		return events.Board{}, errs.Internalf(err, "create board %s", eventID)
	}
	return s.repo.Update(ctx, eventID, fn)
}

// WithSubjects returns the boards any of subjects registered on.
func (s *Boards) WithSubjects(ctx context.Context, subjects []string) ([]events.Board, error) {
	return s.find(ctx, bson.D{{Key: "subjects", Value: bson.D{{Key: "$in", Value: subjects}}}}, nil)
}

type requestDoc struct {
	Meta        metaDoc   `bson:",inline"`
	EventID     string    `bson:"eventId"`
	From        string    `bson:"from"`
	To          string    `bson:"to"`
	Message     string    `bson:"message,omitempty"`
	Preferred   []int     `bson:"preferred"`
	Status      string    `bson:"status"`
	ExpiresAt   time.Time `bson:"expiresAt"`
	RespondedAt time.Time `bson:"respondedAt,omitempty"`
}

// Requests stores meeting requests.
type Requests struct {
	repo[events.Request, requestDoc]
}

var _ events.RequestStore = (*Requests)(nil)

// NewRequests returns the meeting-request store of db.
func NewRequests(db *DB) *Requests {
	return &Requests{repo[events.Request, requestDoc]{
		db: db, coll: db.db.Collection(colMeetingRequests),
		toDoc: func(r events.Request) requestDoc {
			return requestDoc{Meta: metaToDoc(r.Meta), EventID: r.EventID, From: r.From, To: r.To, Message: r.Message,
				Preferred: r.Preferred, Status: string(r.Status), ExpiresAt: r.ExpiresAt, RespondedAt: r.RespondedAt}
		},
		toDomain: func(d requestDoc) (events.Request, error) {
			r := events.Request{Meta: d.Meta.toDomain(), EventID: d.EventID, From: d.From, To: d.To, Message: d.Message,
				Preferred: d.Preferred, Status: events.RequestStatus(d.Status), ExpiresAt: d.ExpiresAt.UTC()}
			if !d.RespondedAt.IsZero() {
				r.RespondedAt = d.RespondedAt.UTC()
			}
			return r, nil
		},
		meta:   func(r *events.Request) *record.Meta { return &r.Meta },
		whatVI: "yêu cầu gặp", whatEN: "Meeting request",
	}}
}

// ForEvent returns an event's requests in the order they were sent.
func (s *Requests) ForEvent(ctx context.Context, eventID string) ([]events.Request, error) {
	return s.find(ctx, bson.D{{Key: "eventId", Value: eventID}}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}
