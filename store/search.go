package store

import (
	"context"
	"sync/atomic"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/indexer"
)

// SearchOutbox is the durable list of records to index (indexer.Outbox):
// one document per record, marked before each write of the record.
type SearchOutbox struct {
	db     *DB
	coll   *collection
	onMark atomic.Pointer[func()]
}

var _ indexer.Outbox = (*SearchOutbox)(nil)

type outboxDoc struct {
	ID      string    `bson:"_id"`
	Type    string    `bson:"type"`
	RID     string    `bson:"rid"`
	Version int64     `bson:"version"`
	At      time.Time `bson:"at"`
}

// outboxLocks serialise the outbox's conditional writes to FerretDB. They
// are apart from the documents' locks (DB.serial) because a write marks the
// outbox while holding its document's lock: one set of stripes would
// deadlock an update whose two keys fall on one stripe.
var outboxLocks stripedLock

// SearchOutbox returns the store's outbox; the repositories of indexed
// records mark into it.
func (d *DB) SearchOutbox() *SearchOutbox { return d.outbox }

// OnMark sets the function told of every mark (to wake the indexer).
func (o *SearchOutbox) OnMark(fn func()) { o.onMark.Store(&fn) }

// mark records that version of k is about to be written.
func (o *SearchOutbox) mark(ctx context.Context, k search.Key, version int64) error {
	id := k.String()
	if o.db.serial != nil {
		defer outboxLocks.lock(id)()
	}
	err := retryBusy(ctx, func() error {
		_, err := o.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
			bson.D{
				{Key: "$set", Value: bson.D{{Key: "type", Value: string(k.Type)}, {Key: "rid", Value: k.ID}, {Key: "at", Value: time.Now().UTC()}}},
				{Key: "$max", Value: bson.D{{Key: "version", Value: version}}},
			},
			options.UpdateOne().SetUpsert(true))
		return err
	})
	if err != nil {
		return errs.Internalf(err, "mark %s for search", id)
	}
	o.poke()
	return nil
}

// poke tells the indexer there is work: after a mark, and again once the
// marked write has landed.
func (o *SearchOutbox) poke() {
	if fn := o.onMark.Load(); fn != nil {
		(*fn)()
	}
}

// Backlog counts the marked records.
func (o *SearchOutbox) Backlog(ctx context.Context) (int, error) {
	n, err := countIn(ctx, o.coll, bson.D{})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// Pending returns up to limit marked records.
func (o *SearchOutbox) Pending(ctx context.Context, limit int) ([]indexer.Change, error) {
	cur, err := o.coll.Find(ctx, bson.D{}, options.Find().SetLimit(int64(limit)))
	if err != nil {
		return nil, errs.Internalf(err, "read the search outbox")
	}
	var docs []outboxDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, errs.Internalf(err, "read the search outbox")
	}
	out := make([]indexer.Change, len(docs))
	for i, d := range docs {
		out[i] = indexer.Change{Key: search.Key{Type: search.Type(d.Type), ID: d.RID}, Version: d.Version, At: d.At}
	}
	return out, nil
}

// Done clears each change whose mark is still the one read: same time and
// version (a mark renewed within the same millisecond carries a higher
// version, and stays).
func (o *SearchOutbox) Done(ctx context.Context, cs []indexer.Change) error {
	for _, c := range cs {
		id := c.Key.String()
		unlock := func() {}
		if o.db.serial != nil {
			unlock = outboxLocks.lock(id)
		}
		_, err := o.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "at", Value: c.At}, {Key: "version", Value: c.Version}})
		unlock()
		if err != nil {
			return errs.Internalf(err, "clear %s from the search outbox", id)
		}
	}
	return nil
}

// SearchSource reads the indexed records as search documents.
type SearchSource struct {
	startups  *Startups
	calls     *Calls
	investors *Actors[ecosystem.Investor, investorDoc]
	mentors   *Actors[ecosystem.Mentor, mentorDoc]
	offers    *TechOffers
	requests  *TechRequests
}

var _ indexer.Source = SearchSource{}

// NewSearchSource returns the search source of db.
func NewSearchSource(db *DB) SearchSource {
	return SearchSource{startups: NewStartups(db), calls: NewCalls(db), investors: NewInvestors(db), mentors: NewMentors(db),
		offers: NewTechOffers(db), requests: NewTechRequests(db)}
}

// Docs loads the records of keys, one query per type.
func (s SearchSource) Docs(ctx context.Context, keys []search.Key) (map[search.Key]search.Doc, map[search.Key]int64, error) {
	byType := map[search.Type][]string{}
	for _, k := range keys {
		byType[k.Type] = append(byType[k.Type], k.ID)
	}
	docs := make(map[search.Key]search.Doc, len(keys))
	versions := make(map[search.Key]int64, len(keys))
	add := func(t search.Type, id string, version int64, d search.Doc, searchable bool) {
		versions[search.Key{Type: t, ID: id}] = version
		if searchable {
			docs[d.Key()] = d
		}
	}
	for t, ids := range byType {
		var err error
		switch t {
		case search.Startup:
			err = each(s.startups.GetMany(ctx, ids))(func(x firm.Startup) { add(t, x.ID, x.Version, search.StartupDoc(x), true) })
		case search.FundCall:
			err = each(s.calls.GetMany(ctx, ids))(func(x funding.Call) {
				d, ok := search.CallDoc(x)
				add(t, x.ID, x.Version, d, ok)
			})
		case search.Investor:
			err = each(s.investors.GetMany(ctx, ids))(func(x ecosystem.Investor) { add(t, x.ID, x.Version, search.InvestorDoc(x), true) })
		case search.Mentor:
			err = each(s.mentors.GetMany(ctx, ids))(func(x ecosystem.Mentor) { add(t, x.ID, x.Version, search.MentorDoc(x), true) })
		case search.TechOffer:
			err = each(s.offers.GetMany(ctx, ids))(func(x transfer.Offer) {
				d, ok := search.OfferDoc(x)
				add(t, x.ID, x.Version, d, ok)
			})
		case search.TechRequest:
			err = each(s.requests.GetMany(ctx, ids))(func(x transfer.Request) {
				d, ok := search.RequestDoc(x)
				add(t, x.ID, x.Version, d, ok)
			})
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return docs, versions, nil
}

// each applies fn to the values of a GetMany result, passing its error on.
func each[E any](m map[string]E, err error) func(fn func(E)) error {
	return func(fn func(E)) error {
		for _, e := range m {
			fn(e)
		}
		return err
	}
}

// Each streams the searchable records of type t.
func (s SearchSource) Each(ctx context.Context, t search.Type, fn func(search.Doc) error) error {
	switch t {
	case search.Startup:
		return s.startups.Each(ctx, func(x firm.Startup) error { return fn(search.StartupDoc(x)) })
	case search.FundCall:
		return s.calls.Each(ctx, func(x funding.Call) error {
			if d, ok := search.CallDoc(x); ok {
				return fn(d)
			}
			return nil
		})
	case search.Investor:
		return s.investors.Each(ctx, func(x ecosystem.Investor) error { return fn(search.InvestorDoc(x)) })
	case search.Mentor:
		return s.mentors.Each(ctx, func(x ecosystem.Mentor) error { return fn(search.MentorDoc(x)) })
	case search.TechOffer:
		return s.offers.Each(ctx, func(x transfer.Offer) error { return ifSearchable(search.OfferDoc(x))(fn) })
	case search.TechRequest:
		return s.requests.Each(ctx, func(x transfer.Request) error { return ifSearchable(search.RequestDoc(x))(fn) })
	}
	return nil
}

// ifSearchable passes a document to fn only when it is searchable.
func ifSearchable(d search.Doc, ok bool) func(fn func(search.Doc) error) error {
	return func(fn func(search.Doc) error) error {
		if !ok {
			return nil
		}
		return fn(d)
	}
}
