package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

type applicationDoc struct {
	Meta           metaDoc         `bson:",inline"`
	CallID         string          `bson:"callId"`
	StartupID      string          `bson:"startupId"`
	IdempotencyKey string          `bson:"idempotencyKey"`
	RequestHash    string          `bson:"requestHash,omitempty"`
	Requested      int64           `bson:"requestedVnd"`
	Answers        []answerDoc     `bson:"answers"`
	Status         string          `bson:"status"`
	SubmittedAt    time.Time       `bson:"submittedAt,omitempty"`
	History        []transitionDoc `bson:"history"`
	Assignments    []assignmentDoc `bson:"assignments"`
	Conflicts      []conflictDoc   `bson:"conflicts"`
	Reviews        []reviewDoc     `bson:"reviews"`
}

type answerDoc struct {
	QuestionKey string   `bson:"questionKey"`
	Text        string   `bson:"text,omitempty"`
	Number      *float64 `bson:"number,omitempty"`
	Choices     []string `bson:"choices,omitempty"`
	DocumentRef string   `bson:"documentRef,omitempty"`
}

type transitionDoc struct {
	At     time.Time `bson:"at"`
	By     string    `bson:"by"`
	From   string    `bson:"from"`
	To     string    `bson:"to"`
	Reason string    `bson:"reason,omitempty"`
}

type assignmentDoc struct {
	ReviewerID string    `bson:"reviewerId"`
	AssignedAt time.Time `bson:"assignedAt"`
	AssignedBy string    `bson:"assignedBy"`
}

type conflictDoc struct {
	ReviewerID string    `bson:"reviewerId"`
	Reason     string    `bson:"reason"`
	At         time.Time `bson:"at"`
	Declared   bool      `bson:"declared"`
}

type reviewDoc struct {
	ReviewerID  string     `bson:"reviewerId"`
	Scores      []scoreDoc `bson:"scores"`
	SubmittedAt time.Time  `bson:"submittedAt"`
}

type scoreDoc struct {
	Criterion string `bson:"criterion"`
	Half      int    `bson:"half"`
	Comment   string `bson:"comment,omitempty"`
}

func applicationToDoc(a funding.Application) applicationDoc {
	d := applicationDoc{Meta: metaToDoc(a.Meta), CallID: a.CallID, StartupID: a.StartupID, IdempotencyKey: a.IdempotencyKey,
		RequestHash: a.RequestHash, Requested: int64(a.Requested), Status: string(a.Status), SubmittedAt: a.SubmittedAt,
		Answers: []answerDoc{}, History: []transitionDoc{}, Assignments: []assignmentDoc{}, Conflicts: []conflictDoc{}, Reviews: []reviewDoc{}}
	for _, x := range a.Answers {
		d.Answers = append(d.Answers, answerDoc(x))
	}
	for _, x := range a.History {
		d.History = append(d.History, transitionDoc{At: x.At, By: x.By, From: string(x.From), To: string(x.To), Reason: x.Reason})
	}
	for _, x := range a.Assignments {
		d.Assignments = append(d.Assignments, assignmentDoc(x))
	}
	for _, x := range a.Conflicts {
		d.Conflicts = append(d.Conflicts, conflictDoc(x))
	}
	for _, x := range a.Reviews {
		r := reviewDoc{ReviewerID: x.ReviewerID, SubmittedAt: x.SubmittedAt}
		for _, s := range x.Scores {
			r.Scores = append(r.Scores, scoreDoc(s))
		}
		d.Reviews = append(d.Reviews, r)
	}
	return d
}

func applicationToDomain(d applicationDoc) (funding.Application, error) {
	a := funding.Application{Meta: d.Meta.toDomain(), CallID: d.CallID, StartupID: d.StartupID,
		IdempotencyKey: d.IdempotencyKey, RequestHash: d.RequestHash, Requested: value.VND(d.Requested), Status: funding.AppStatus(d.Status),
		SubmittedAt: d.SubmittedAt.UTC()}
	for _, x := range d.Answers {
		a.Answers = append(a.Answers, funding.Answer(x))
	}
	for _, x := range d.History {
		a.History = append(a.History, funding.Transition{At: x.At.UTC(), By: x.By, From: funding.AppStatus(x.From),
			To: funding.AppStatus(x.To), Reason: x.Reason})
	}
	for _, x := range d.Assignments {
		x.AssignedAt = x.AssignedAt.UTC()
		a.Assignments = append(a.Assignments, funding.Assignment(x))
	}
	for _, x := range d.Conflicts {
		x.At = x.At.UTC()
		a.Conflicts = append(a.Conflicts, funding.Conflict(x))
	}
	for _, x := range d.Reviews {
		r := funding.Review{ReviewerID: x.ReviewerID, SubmittedAt: x.SubmittedAt.UTC()}
		for _, s := range x.Scores {
			r.Scores = append(r.Scores, funding.Score(s))
		}
		a.Reviews = append(a.Reviews, r)
	}
	return a, nil
}

// Applications stores funding.Application documents. Unique indexes on
// (callId, startupId) and (startupId, idempotencyKey) enforce one application
// per startup per call and one application per key, under any concurrency.
type Applications struct {
	filtered[funding.Application, applicationDoc, funding.ApplicationFilter]
}

var _ funding.ApplicationStore = (*Applications)(nil)

// NewApplications returns the application store of db.
func NewApplications(db *DB) *Applications {
	return &Applications{filtered[funding.Application, applicationDoc, funding.ApplicationFilter]{filter: applicationFilter, repo: repo[funding.Application, applicationDoc]{
		db: db, coll: db.coll(colApplications), toDoc: applicationToDoc, toDomain: applicationToDomain,
		meta:        func(a *funding.Application) *record.Meta { return &a.Meta },
		entity:      funding.EntityApplication,
		onDuplicate: func(error) error { return funding.ErrDuplicateApplication() },
	}}}
}

// ByIdempotencyKey finds the application a startup sent with a key.
func (s *Applications) ByIdempotencyKey(ctx context.Context, startupID, key string) (funding.Application, bool, error) {
	var d applicationDoc
	err := s.coll.FindOne(ctx, bson.D{{Key: "startupId", Value: startupID}, {Key: "idempotencyKey", Value: key}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return funding.Application{}, false, nil
	}
	if err != nil {
		return funding.Application{}, false, errs.Internalf(err, "find application by key")
	}
	a, err := applicationToDomain(d)
	return a, err == nil, err
}

func applicationFilter(f funding.ApplicationFilter) bson.D {
	q := eqIfSet(bson.D{}, "callId", f.CallID)
	q = eqIfSet(q, "status", string(f.Status))
	q = eqIfSet(q, "startupId", f.StartupID)
	return eqIfSet(q, "assignments.reviewerId", f.ReviewerID)
}

// CountByStatus counts a call's applications per status with one aggregation.
func (s *Applications) CountByStatus(ctx context.Context, callID string) (map[funding.AppStatus]int, error) {
	cur, err := s.coll.Aggregate(ctx, mongo.Pipeline{
		{{Key: "$match", Value: bson.D{{Key: "callId", Value: callID}}}},
		{{Key: "$group", Value: bson.D{{Key: "_id", Value: "$status"}, {Key: "n", Value: bson.D{{Key: "$sum", Value: 1}}}}}},
	})
	if err != nil {
		return nil, errs.Internalf(err, "count applications")
	}
	var rows []struct {
		Status string `bson:"_id"`
		N      int    `bson:"n"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, errs.Internalf(err, "read application counts")
	}
	out := make(map[funding.AppStatus]int, len(rows))
	for _, r := range rows {
		out[funding.AppStatus(r.Status)] = r.N
	}
	return out, nil
}

type reviewerDoc struct {
	Meta        metaDoc `bson:",inline"`
	Subject     string  `bson:"subject"`
	Name        string  `bson:"name"`
	IncubatorID string  `bson:"incubatorId,omitempty"`
	InvestorID  string  `bson:"investorId,omitempty"`
	MentorID    string  `bson:"mentorId,omitempty"`
}

// Reviewers stores funding.Reviewer documents.
type Reviewers struct {
	repo[funding.Reviewer, reviewerDoc]
}

var _ funding.ReviewerStore = (*Reviewers)(nil)

// NewReviewers returns the reviewer store of db.
func NewReviewers(db *DB) *Reviewers {
	return &Reviewers{repo[funding.Reviewer, reviewerDoc]{
		db: db, coll: db.coll(colReviewers),
		toDoc: func(r funding.Reviewer) reviewerDoc {
			return reviewerDoc{Meta: metaToDoc(r.Meta), Subject: r.Subject, Name: r.Name, IncubatorID: r.IncubatorID,
				InvestorID: r.InvestorID, MentorID: r.MentorID}
		},
		toDomain: func(d reviewerDoc) (funding.Reviewer, error) {
			return funding.Reviewer{Meta: d.Meta.toDomain(), ReviewerProfile: funding.ReviewerProfile{Subject: d.Subject,
				Name: d.Name, IncubatorID: d.IncubatorID, InvestorID: d.InvestorID, MentorID: d.MentorID}}, nil
		},
		meta:   func(r *funding.Reviewer) *record.Meta { return &r.Meta },
		entity: funding.EntityReviewer,
	}}
}

// List returns a page of reviewers in creation order.
func (s *Reviewers) List(ctx context.Context, p value.Page) (value.Slice[funding.Reviewer], error) {
	return s.page(ctx, bson.D{}, p)
}

// Count counts the reviewers.
func (s *Reviewers) Count(ctx context.Context) (int, error) { return s.count(ctx, bson.D{}) }

// BySubject finds the reviewer profiles of a user account.
func (s *Reviewers) BySubject(ctx context.Context, subject string) ([]funding.Reviewer, error) {
	return s.find(ctx, bson.D{{Key: "subject", Value: subject}}, nil)
}
