package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/runs"
	"github.com/innoport/innoport/domain/value"
)

// Leases stores job leases, one document per job.
type Leases struct {
	db   *DB
	coll *collection
}

var _ runs.LeaseStore = (*Leases)(nil)

// NewLeases returns the lease store of db.
func NewLeases(db *DB) *Leases { return &Leases{db: db, coll: db.coll(colLeases)} }

// Acquire takes or renews a lease with one conditional update, which
// returns the lease as it was, so a takeover of an expired lease learns its
// holder. When the update matches nothing the lease is read: held by
// another, it names that holder; missing (a job that never had a lease), it
// is inserted, which the unique _id lets only one replica win; released or
// expired in between, the update is tried once more.
func (l *Leases) Acquire(ctx context.Context, job, holder string, now, until time.Time) (bool, string, error) {
	if l.db.serial != nil {
		defer l.db.serial.lock(colLeases + "/" + job)()
	}
	type leaseDoc struct {
		Holder    string    `bson:"holder"`
		ExpiresAt time.Time `bson:"expiresAt"`
	}
	for attempt := 0; ; attempt++ {
		var prev leaseDoc
		err := l.coll.FindOneAndUpdate(ctx,
			bson.D{{Key: "_id", Value: job}, {Key: "$or", Value: bson.A{
				bson.D{{Key: "expiresAt", Value: bson.D{{Key: "$lte", Value: now}}}},
				bson.D{{Key: "holder", Value: holder}},
			}}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "holder", Value: holder}, {Key: "expiresAt", Value: until}}}},
			options.FindOneAndUpdate().SetReturnDocument(options.Before)).Decode(&prev)
		switch {
		case err == nil:
			expired := prev.Holder
			if expired == holder {
				expired = "" // a renewal
			}
			return true, expired, nil
		case !errors.Is(err, mongo.ErrNoDocuments):
			return false, "", errs.Internalf(err, "acquire lease %s", job)
		}
		var cur leaseDoc
		err = l.coll.FindOne(ctx, bson.D{{Key: "_id", Value: job}}).Decode(&cur)
		switch {
		case errors.Is(err, mongo.ErrNoDocuments):
			_, err = l.coll.InsertOne(ctx, bson.D{{Key: "_id", Value: job}, {Key: "holder", Value: holder}, {Key: "expiresAt", Value: until}})
			switch {
			case err == nil:
				return true, "", nil
			case !isDuplicateKey(err):
				return false, "", errs.Internalf(err, "create lease %s", job)
			}
			// Another replica created it just now: try once more.
		case err != nil:
			return false, "", errs.Internalf(err, "read lease %s", job)
		case cur.ExpiresAt.After(now):
			return false, cur.Holder, nil
		}
		if attempt == 1 {
			return false, cur.Holder, nil // it keeps changing hands: held, for now
		}
	}
}

// Release gives the lease up by expiring it now and clearing its holder
// (a released lease is free, not abandoned), if holder holds it.
func (l *Leases) Release(ctx context.Context, job, holder string) error {
	if l.db.serial != nil {
		defer l.db.serial.lock(colLeases + "/" + job)()
	}
	_, err := l.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: job}, {Key: "holder", Value: holder}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "holder", Value: ""}, {Key: "expiresAt", Value: time.Unix(0, 0).UTC()}}}})
	if err != nil {
		return errs.Internalf(err, "release lease %s", job)
	}
	return nil
}

type runDoc struct {
	ID         string    `bson:"_id"`
	Job        string    `bson:"job"`
	Trigger    string    `bson:"trigger"`
	Instance   string    `bson:"instance"`
	StartedAt  time.Time `bson:"startedAt"`
	FinishedAt time.Time `bson:"finishedAt,omitempty"`
	Status     string    `bson:"status"`
	Stats      string    `bson:"stats,omitempty"`
	Error      string    `bson:"error,omitempty"`
}

func runToDoc(r runs.Run) runDoc {
	return runDoc{ID: r.ID, Job: r.Job, Trigger: string(r.Trigger), Instance: r.Instance, StartedAt: r.StartedAt,
		FinishedAt: r.FinishedAt, Status: string(r.Status), Stats: r.Stats, Error: r.Error}
}

func (d runDoc) toDomain() runs.Run {
	return runs.Run{ID: d.ID, Job: d.Job, Trigger: runs.Trigger(d.Trigger), Instance: d.Instance, StartedAt: d.StartedAt.UTC(),
		FinishedAt: d.FinishedAt.UTC(), Status: runs.Status(d.Status), Stats: d.Stats, Error: d.Error}
}

// Runs stores run records; run IDs sort by start time within a job.
type Runs struct {
	coll *collection
}

var _ runs.RunStore = (*Runs)(nil)

// NewRuns returns the run store of db.
func NewRuns(db *DB) *Runs { return &Runs{coll: db.coll(colRuns)} }

// Start records a run unless one with its ID exists.
func (s *Runs) Start(ctx context.Context, r runs.Run) (bool, error) {
	_, err := s.coll.InsertOne(ctx, runToDoc(r))
	switch {
	case err == nil:
		return true, nil
	case isDuplicateKey(err):
		return false, nil
	}
	return false, errs.Internalf(err, "record run %s", r.ID)
}

// Finish records a run's end.
func (s *Runs) Finish(ctx context.Context, r runs.Run) error {
	if _, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: r.ID}}, runToDoc(r)); err != nil {
		return errs.Internalf(err, "finish run %s", r.ID)
	}
	return nil
}

// Abandon records a run still RUNNING as FAILED with reason.
func (s *Runs) Abandon(ctx context.Context, id string, at time.Time, reason string) error {
	_, err := s.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "status", Value: string(runs.Running)}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: string(runs.Failed)}, {Key: "finishedAt", Value: at}, {Key: "error", Value: reason}}}})
	if err != nil {
		return errs.Internalf(err, "abandon run %s", id)
	}
	return nil
}

// Count counts a job's runs.
func (s *Runs) Count(ctx context.Context, job string) (int, error) {
	return countIn(ctx, s.coll, bson.D{{Key: "job", Value: job}})
}

// Get returns a run by its ID.
func (s *Runs) Get(ctx context.Context, id string) (runs.Run, error) {
	var d runDoc
	err := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return runs.Run{}, runs.EntityRun.NotFound()
	}
	if err != nil {
		return runs.Run{}, errs.Internalf(err, "find run")
	}
	return d.toDomain(), nil
}

// List returns a page of a job's runs, newest first.
func (s *Runs) List(ctx context.Context, job string, p value.Page) (value.Slice[runs.Run], error) {
	q := bson.D{{Key: "job", Value: job}}
	if p.After != "" {
		q = append(q, bson.E{Key: "_id", Value: bson.D{{Key: "$lt", Value: p.After}}})
	}
	if p.First == 0 {
		return value.Slice[runs.Run]{}, nil
	}
	cur, err := s.coll.Find(ctx, q, options.Find().SetSort(bson.D{{Key: "_id", Value: -1}}).SetLimit(int64(p.First)+1))
	if err != nil {
		return value.Slice[runs.Run]{}, errs.Internalf(err, "list runs")
	}
	var docs []runDoc
	if err := cur.All(ctx, &docs); err != nil {
		return value.Slice[runs.Run]{}, errs.Internalf(err, "read runs")
	}
	out := value.Slice[runs.Run]{}
	for i, d := range docs {
		if i == p.First {
			out.HasNext = true
			break
		}
		out.Items = append(out.Items, d.toDomain())
	}
	return out, nil
}

// Last returns the latest run of each job that has one.
func (s *Runs) Last(ctx context.Context, jobs []string) (map[string]runs.Run, error) {
	out := make(map[string]runs.Run, len(jobs))
	for _, j := range jobs {
		var d runDoc
		err := s.coll.FindOne(ctx, bson.D{{Key: "job", Value: j}}, options.FindOne().SetSort(bson.D{{Key: "_id", Value: -1}})).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) {
			continue
		}
		if err != nil {
			return nil, errs.Internalf(err, "last run of %s", j)
		}
		out[j] = d.toDomain()
	}
	return out, nil
}
