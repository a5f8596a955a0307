package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

type participantTypeDoc struct {
	Key           string   `bson:"key"`
	NeedsApproval bool     `bson:"needsApproval"`
	Roles         []string `bson:"roles,omitempty"`
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
		d.Types = append(d.Types, participantTypeDoc{Key: t.Key, NeedsApproval: t.NeedsApproval, Roles: names(t.Roles)})
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
		pt := events.ParticipantType{Key: t.Key, NeedsApproval: t.NeedsApproval, Roles: []identity.Role{}}
		for _, r := range t.Roles {
			pt.Roles = append(pt.Roles, identity.Role(r))
		}
		e.Types = append(e.Types, pt)
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
			db: db, coll: db.coll(colEvents), toDoc: eventToDoc, toDomain: eventToDomain,
			meta:   func(e *events.Event) *record.Meta { return &e.Meta },
			entity: events.EntityEvent,
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
	OrgID        string    `bson:"orgId,omitempty"`
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

// boardBody is a board's roster and meetings.
type boardBody struct {
	Participants []participantDoc `bson:"participants"`
	Meetings     []meetingDoc     `bson:"meetings"`
	Agenda       string           `bson:"agenda"`
}

// boardDoc stores a board. Its body is only ever read and written whole, by
// _id, so it is kept as one BSON binary value: FerretDB converts every
// value of a document on each read and write (about 7 µs each), which made
// a full matchmaking day's board of some 16,000 values cost 104 ms to read
// and 226 ms to rewrite; as one value, 17 ms and 46 ms (BenchmarkEventBoard).
// Subjects stay a field, for the index that finds the boards a user is on.
type boardDoc struct {
	Meta     metaDoc  `bson:",inline"`
	Subjects []string `bson:"subjects"`
	Body     []byte   `bson:"body"`
}

func boardToDoc(b events.Board) boardDoc {
	body := boardBody{Agenda: string(b.Agenda), Participants: []participantDoc{}, Meetings: []meetingDoc{}}
	d := boardDoc{Meta: metaToDoc(b.Meta), Subjects: []string{}}
	for _, p := range b.Participants {
		pd := participantDoc{ID: p.ID, Subject: p.Subject, Type: p.Type, Name: p.Name, Organisation: p.Organisation,
			StartupID: p.StartupID, InvestorID: p.InvestorID, OrgID: p.OrgID, Sectors: names(p.Sectors), Offers: p.Offers, Seeks: p.Seeks,
			Unavailable: p.Unavailable, Status: string(p.Status), RegisteredAt: p.RegisteredAt, CheckedInAt: p.CheckedInAt,
			Marks: []markDoc{}}
		for other, m := range p.Marks {
			pd.Marks = append(pd.Marks, markDoc{Participant: other, Mark: string(m)})
		}
		body.Participants = append(body.Participants, pd)
		d.Subjects = append(d.Subjects, p.Subject)
	}
	for _, m := range b.Meetings {
		body.Meetings = append(body.Meetings, meetingDoc{ID: m.ID, A: m.A, B: m.B, Slot: m.Slot, Table: m.Table, Source: string(m.Source),
			RequestID: m.RequestID, Outcome: string(m.Outcome), NoShowBy: m.NoShowBy,
			Feedback: [2]meetingFeedbackDoc{meetingFeedbackDoc(m.Feedback[0]), meetingFeedbackDoc(m.Feedback[1])}})
	}
	raw, err := bson.Marshal(body)
	if err != nil {
		panic(err) // plain structs of strings, numbers and times always marshal
	}
	d.Body = raw
	return d
}

func boardToDomain(d boardDoc) (events.Board, error) {
	var body boardBody
	if err := bson.Unmarshal(d.Body, &body); err != nil {
		return events.Board{}, corrupt(colEventBoards, d.Meta.ID, err)
	}
	b := events.Board{Meta: d.Meta.toDomain(), Agenda: events.AgendaStatus(body.Agenda)}
	if b.Agenda == "" {
		b.Agenda = events.NoAgenda
	}
	for _, pd := range body.Participants {
		sectors, err := value.ParseSectors(pd.Sectors)
		if err != nil {
			return events.Board{}, corrupt(colEventBoards, d.Meta.ID, err)
		}
		p := events.Participant{ID: pd.ID, Subject: pd.Subject, Type: pd.Type, Name: pd.Name, Organisation: pd.Organisation,
			StartupID: pd.StartupID, InvestorID: pd.InvestorID, OrgID: pd.OrgID, Sectors: sectors, Offers: pd.Offers, Seeks: pd.Seeks,
			Unavailable: pd.Unavailable, Status: events.RegStatus(pd.Status), RegisteredAt: pd.RegisteredAt.UTC(),
			CheckedInAt: pd.CheckedInAt.UTC(), Marks: map[string]events.Mark{}}
		for _, m := range pd.Marks {
			p.Marks[m.Participant] = events.Mark(m.Mark)
		}
		b.Participants = append(b.Participants, p)
	}
	for _, m := range body.Meetings {
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
		db: db, coll: db.coll(colEventBoards), toDoc: boardToDoc, toDomain: boardToDomain,
		meta:   func(b *events.Board) *record.Meta { return &b.Meta },
		entity: events.EntityBoard,
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
// first change.
func (s *Boards) Update(ctx context.Context, eventID string, fn func(*events.Board) error) (events.Board, error) {
	return s.updateOrCreate(ctx, eventID, func() events.Board { return emptyBoard(eventID) }, fn)
}

// WithSubjects returns the boards any of subjects registered on.
func (s *Boards) WithSubjects(ctx context.Context, subjects []string) ([]events.Board, error) {
	return s.find(ctx, bson.D{{Key: "subjects", Value: bson.D{{Key: "$in", Value: subjects}}}}, nil)
}

type requestDoc struct {
	ID          string    `bson:"id"`
	From        string    `bson:"from"`
	To          string    `bson:"to"`
	Message     string    `bson:"message,omitempty"`
	Preferred   []int     `bson:"preferred"`
	Status      string    `bson:"status"`
	CreatedAt   time.Time `bson:"createdAt"`
	UpdatedAt   time.Time `bson:"updatedAt"`
	ExpiresAt   time.Time `bson:"expiresAt"`
	RespondedAt time.Time `bson:"respondedAt,omitempty"`
}

// thread is the requests between two participants of an event, stored as
// one document whose _id names the pair: finding them is a read by _id
// (FerretDB scans for any other filter), and a new request is checked
// against the earlier ones and added in one compare-and-set.
type thread struct {
	record.Meta
	EventID  string
	Requests []events.Request
}

type threadDoc struct {
	Meta     metaDoc      `bson:",inline"`
	EventID  string       `bson:"eventId"`
	Requests []requestDoc `bson:"requests"`
}

// threadID names the thread of a and b at an event, in either order.
func threadID(eventID, a, b string) string {
	return eventID + "/" + min(a, b) + "/" + max(a, b)
}

func threadToDoc(t thread) threadDoc {
	d := threadDoc{Meta: metaToDoc(t.Meta), EventID: t.EventID, Requests: []requestDoc{}}
	for _, r := range t.Requests {
		d.Requests = append(d.Requests, requestDoc{ID: r.ID, From: r.From, To: r.To, Message: r.Message, Preferred: r.Preferred,
			Status: string(r.Status), CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, ExpiresAt: r.ExpiresAt, RespondedAt: r.RespondedAt})
	}
	return d
}

func threadToDomain(d threadDoc) (thread, error) {
	t := thread{Meta: d.Meta.toDomain(), EventID: d.EventID}
	for _, rd := range d.Requests {
		r := events.Request{Meta: record.Meta{ID: rd.ID, Version: t.Version, CreatedAt: rd.CreatedAt.UTC(), UpdatedAt: rd.UpdatedAt.UTC()},
			EventID: d.EventID, From: rd.From, To: rd.To, Message: rd.Message, Preferred: rd.Preferred,
			Status: events.RequestStatus(rd.Status), ExpiresAt: rd.ExpiresAt.UTC(), RespondedAt: rd.RespondedAt.UTC()}
		t.Requests = append(t.Requests, r)
	}
	return t, nil
}

// Requests stores meeting requests in threads, one per pair.
type Requests struct {
	repo[thread, threadDoc]
}

var _ events.RequestStore = (*Requests)(nil)

// NewRequests returns the meeting-request store of db.
func NewRequests(db *DB) *Requests {
	return &Requests{repo[thread, threadDoc]{
		db: db, coll: db.coll(colMeetingRequests), toDoc: threadToDoc, toDomain: threadToDomain,
		meta:   func(t *thread) *record.Meta { return &t.Meta },
		entity: events.EntityRequest,
	}}
}

// Send adds r to its pair's thread if check accepts the earlier requests.
// A request's ID is its thread's and its place in it. The first request
// of a pair creates the thread with one insert; of two racing first
// requests one inserts and the other is checked against it.
func (s *Requests) Send(ctx context.Context, r events.Request, check func(earlier []events.Request) error) (events.Request, error) {
	id := threadID(r.EventID, r.From, r.To)
	add := func(t *thread) error {
		if err := check(t.Requests); err != nil {
			return err
		}
		r.ID = fmt.Sprintf("%s/%d", id, len(t.Requests))
		t.Requests = append(t.Requests, r)
		return nil
	}
	_, err := s.repo.Get(ctx, id)
	if errs.KindOf(err) == errs.NotFound {
		t := thread{Meta: record.Meta{ID: id, Version: 1, CreatedAt: r.CreatedAt, UpdatedAt: r.CreatedAt}, EventID: r.EventID}
		if err := add(&t); err != nil {
			return events.Request{}, err
		}
		_, err = s.coll.InsertOne(ctx, threadToDoc(t))
		if err == nil {
			return r, nil
		}
		if !isDuplicateKey(err) {
			return events.Request{}, errs.Internalf(err, "insert request thread %s", id)
		}
	} else if err != nil {
		return events.Request{}, err
	}
	_, err = s.repo.Update(ctx, id, add)
	return r, err
}

// split parses a request ID into its thread's ID and its place.
func (s *Requests) split(id string) (string, int, error) {
	i := strings.LastIndexByte(id, '/')
	n, err := strconv.Atoi(id[i+1:])
	if i < 0 || err != nil || n < 0 {
		return "", 0, s.entity.NotFound()
	}
	return id[:i], n, nil
}

// Get returns one request.
func (s *Requests) Get(ctx context.Context, id string) (events.Request, error) {
	tid, n, err := s.split(id)
	if err != nil {
		return events.Request{}, err
	}
	t, err := s.repo.Get(ctx, tid)
	if err != nil {
		return events.Request{}, err
	}
	if n >= len(t.Requests) {
		return events.Request{}, s.entity.NotFound()
	}
	return t.Requests[n], nil
}

// Update changes one request through fn, only over the thread version it
// read.
func (s *Requests) Update(ctx context.Context, id string, fn func(*events.Request) error) (events.Request, error) {
	tid, n, err := s.split(id)
	if err != nil {
		return events.Request{}, err
	}
	t, err := s.repo.Update(ctx, tid, func(t *thread) error {
		if n >= len(t.Requests) {
			return s.entity.NotFound()
		}
		return fn(&t.Requests[n])
	})
	if err != nil {
		return events.Request{}, err
	}
	return t.Requests[n], nil
}

// Between returns the requests between a and b, oldest first.
func (s *Requests) Between(ctx context.Context, eventID, a, b string) ([]events.Request, error) {
	t, err := s.repo.Get(ctx, threadID(eventID, a, b))
	if errs.KindOf(err) == errs.NotFound {
		return nil, nil
	}
	return t.Requests, err
}

// ForEvent returns an event's requests, thread by thread.
func (s *Requests) ForEvent(ctx context.Context, eventID string) ([]events.Request, error) {
	ts, err := s.find(ctx, bson.D{{Key: "eventId", Value: eventID}}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	var out []events.Request
	for _, t := range ts {
		out = append(out, t.Requests...)
	}
	return out, err
}
