package store

import (
	"context"
	"errors"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

type dealDoc struct {
	Meta       metaDoc          `bson:",inline"`
	InvestorID string           `bson:"investorId"`
	StartupID  string           `bson:"startupId"`
	Stage      string           `bson:"stage"`
	StageSince time.Time        `bson:"stageSince"`
	History    []stageChangeDoc `bson:"history"`
	Notes      []noteDoc        `bson:"notes"`
}

type stageChangeDoc struct {
	Stage string    `bson:"stage"`
	At    time.Time `bson:"at"`
	By    string    `bson:"by"`
}

type noteDoc struct {
	Text string    `bson:"text"`
	At   time.Time `bson:"at"`
	By   string    `bson:"by"`
	Ref  string    `bson:"ref,omitempty"`
}

// Deals stores pipeline deals, one document per investor and startup.
type Deals struct{ repo[dealflow.Deal, dealDoc] }

var _ dealflow.DealStore = (*Deals)(nil)

// NewDeals returns the deal store of db.
func NewDeals(db *DB) *Deals {
	return &Deals{repo[dealflow.Deal, dealDoc]{
		db: db, coll: db.coll(colDeals),
		toDoc: func(d dealflow.Deal) dealDoc {
			out := dealDoc{Meta: metaToDoc(d.Meta), InvestorID: d.InvestorID, StartupID: d.StartupID, Stage: string(d.Stage),
				StageSince: d.StageSince, History: []stageChangeDoc{}, Notes: []noteDoc{}}
			for _, h := range d.History {
				out.History = append(out.History, stageChangeDoc{Stage: string(h.Stage), At: h.At, By: h.By})
			}
			for _, n := range d.Notes {
				out.Notes = append(out.Notes, noteDoc(n))
			}
			return out
		},
		toDomain: func(d dealDoc) (dealflow.Deal, error) {
			out := dealflow.Deal{Meta: d.Meta.toDomain(), InvestorID: d.InvestorID, StartupID: d.StartupID,
				Stage: dealflow.Stage(d.Stage), StageSince: d.StageSince.UTC()}
			for _, h := range d.History {
				out.History = append(out.History, dealflow.StageChange{Stage: dealflow.Stage(h.Stage), At: h.At.UTC(), By: h.By})
			}
			for _, n := range d.Notes {
				out.Notes = append(out.Notes, dealflow.Note{Text: n.Text, At: n.At.UTC(), By: n.By, Ref: n.Ref})
			}
			return out, nil
		},
		meta:   func(d *dealflow.Deal) *record.Meta { return &d.Meta },
		entity: dealflow.EntityDeal,
	}}
}

// Upsert runs fn on deal id, creating it from fresh() first if needed.
func (s *Deals) Upsert(ctx context.Context, id string, fresh func() dealflow.Deal, fn func(*dealflow.Deal) error) (dealflow.Deal, error) {
	return s.updateOrCreate(ctx, id, fresh, fn)
}

// ForInvestor returns an investor's deals.
func (s *Deals) ForInvestor(ctx context.Context, investorID string) ([]dealflow.Deal, error) {
	return s.find(ctx, bson.D{{Key: "investorId", Value: investorID}}, nil)
}

type savedSearchDoc struct {
	Meta         metaDoc  `bson:",inline"`
	InvestorID   string   `bson:"investorId"`
	Name         string   `bson:"name"`
	Query        string   `bson:"query"`
	Sectors      []string `bson:"sectors"`
	Stages       []string `bson:"stages"`
	Wards        []string `bson:"wards"`
	IncubatorIDs []string `bson:"incubatorIds"`
}

// SavedSearches stores investors' saved searches.
type SavedSearches struct {
	repo[dealflow.SavedSearch, savedSearchDoc]
}

var _ dealflow.SavedSearchStore = (*SavedSearches)(nil)

// NewSavedSearches returns the saved-search store of db.
func NewSavedSearches(db *DB) *SavedSearches {
	return &SavedSearches{repo[dealflow.SavedSearch, savedSearchDoc]{
		db: db, coll: db.coll(colSavedSearches),
		toDoc: func(s dealflow.SavedSearch) savedSearchDoc {
			return savedSearchDoc{Meta: metaToDoc(s.Meta), InvestorID: s.InvestorID, Name: s.Name, Query: s.Query,
				Sectors: s.Filter.Sectors, Stages: s.Filter.Stages, Wards: s.Filter.Wards, IncubatorIDs: s.Filter.IncubatorIDs}
		},
		toDomain: func(d savedSearchDoc) (dealflow.SavedSearch, error) {
			return dealflow.SavedSearch{Meta: d.Meta.toDomain(), InvestorID: d.InvestorID, Name: d.Name, Query: d.Query,
				Filter: dealflow.Filter{Sectors: d.Sectors, Stages: d.Stages, Wards: d.Wards, IncubatorIDs: d.IncubatorIDs}}, nil
		},
		meta:   func(s *dealflow.SavedSearch) *record.Meta { return &s.Meta },
		entity: dealflow.EntitySavedSearch,
	}}
}

// Delete removes a saved search.
func (s *SavedSearches) Delete(ctx context.Context, id string) error {
	if _, err := s.coll.DeleteOne(ctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		return errs.Internalf(err, "delete saved search %s", id)
	}
	return nil
}

// ForInvestor returns an investor's saved searches, oldest first.
func (s *SavedSearches) ForInvestor(ctx context.Context, investorID string) ([]dealflow.SavedSearch, error) {
	return s.find(ctx, bson.D{{Key: "investorId", Value: investorID}}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
}

// All returns every saved search.
func (s *SavedSearches) All(ctx context.Context) ([]dealflow.SavedSearch, error) {
	return s.find(ctx, bson.D{}, nil)
}

type notificationDoc struct {
	ID            string    `bson:"_id"`
	Key           string    `bson:"key"`
	InvestorID    string    `bson:"investorId,omitempty"`
	ForStartupID  string    `bson:"forStartupId,omitempty"`
	Kind          string    `bson:"kind"`
	ApplicationID string    `bson:"applicationId,omitempty"`
	CallID        string    `bson:"callId,omitempty"`
	Status        string    `bson:"status,omitempty"`
	ReaderID      string    `bson:"readerId,omitempty"`
	SavedSearchID string    `bson:"savedSearchId,omitempty"`
	SearchName    string    `bson:"searchName,omitempty"`
	StartupID     string    `bson:"startupId"`
	StartupName   string    `bson:"startupName"`
	ExpiresAt     time.Time `bson:"expiresAt,omitempty"`
	CreatedAt     time.Time `bson:"createdAt"`
	ReadAt        time.Time `bson:"readAt,omitempty"`
}

func (d notificationDoc) toDomain() dealflow.Notification {
	return dealflow.Notification{ID: d.ID, Key: d.Key, InvestorID: d.InvestorID, ForStartupID: d.ForStartupID, Kind: dealflow.NotificationKind(d.Kind),
		ApplicationID: d.ApplicationID, CallID: d.CallID, Status: d.Status, ReaderID: d.ReaderID,
		SavedSearchID: d.SavedSearchID, SearchName: d.SearchName, StartupID: d.StartupID, StartupName: d.StartupName,
		ExpiresAt: d.ExpiresAt.UTC(), CreatedAt: d.CreatedAt.UTC(), ReadAt: d.ReadAt.UTC()}
}

// Notifications stores investors' and startups' notifications; a unique index on the key
// keeps one of each.
type Notifications struct {
	db   *DB
	coll *collection
}

var _ dealflow.NotificationStore = (*Notifications)(nil)

// NewNotifications returns the notification store of db.
func NewNotifications(db *DB) *Notifications {
	return &Notifications{db: db, coll: db.coll(colNotifications)}
}

// Add stores n unless one with its key exists.
func (s *Notifications) Add(ctx context.Context, n dealflow.Notification) (bool, error) {
	_, err := s.coll.InsertOne(ctx, notificationDoc{ID: n.ID, Key: n.Key, InvestorID: n.InvestorID, ForStartupID: n.ForStartupID, Kind: string(n.Kind),
		ApplicationID: n.ApplicationID, CallID: n.CallID, Status: n.Status, ReaderID: n.ReaderID,
		SavedSearchID: n.SavedSearchID, SearchName: n.SearchName, StartupID: n.StartupID, StartupName: n.StartupName,
		ExpiresAt: n.ExpiresAt, CreatedAt: n.CreatedAt})
	switch {
	case err == nil:
		return true, nil
	case isDuplicateKey(err):
		return false, nil
	}
	return false, errs.Internalf(err, "add notification")
}

// List pages a recipient's notifications, newest first.
func (s *Notifications) List(ctx context.Context, to dealflow.Recipient, unreadOnly bool, p value.Page) (value.Slice[dealflow.Notification], error) {
	return newestFirst(ctx, s.coll, notificationFilter(to, unreadOnly), p, notificationDoc.toDomain)
}

func notificationFilter(to dealflow.Recipient, unreadOnly bool) bson.D {
	filter := bson.D{{Key: "investorId", Value: to.InvestorID}}
	if to.StartupID != "" {
		filter = bson.D{{Key: "forStartupId", Value: to.StartupID}}
	}
	if unreadOnly {
		filter = append(filter, bson.E{Key: "readAt", Value: bson.D{{Key: "$exists", Value: false}}})
	}
	return filter
}

// Count counts a recipient's notifications, or its unread ones.
func (s *Notifications) Count(ctx context.Context, to dealflow.Recipient, unreadOnly bool) (int, error) {
	return countIn(ctx, s.coll, notificationFilter(to, unreadOnly))
}

// Get returns a notification.
func (s *Notifications) Get(ctx context.Context, id string) (dealflow.Notification, error) {
	var d notificationDoc
	err := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return dealflow.Notification{}, dealflow.EntityNotification.NotFound()
	}
	if err != nil {
		return dealflow.Notification{}, errs.Internalf(err, "find notification")
	}
	return d.toDomain(), nil
}

// MarkRead stamps a notification read.
func (s *Notifications) MarkRead(ctx context.Context, id string, at time.Time) (dealflow.Notification, error) {
	if _, err := s.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: bson.D{{Key: "readAt", Value: at}}}}); err != nil {
		return dealflow.Notification{}, errs.Internalf(err, "mark notification read")
	}
	return s.Get(ctx, id)
}

// newestFirst pages the documents matching filter before the cursor
// p.After, in descending _id (time) order.
func newestFirst[D, E any](ctx context.Context, coll *collection, filter bson.D, p value.Page, conv func(D) E) (value.Slice[E], error) {
	if p.After != "" {
		filter = append(filter, bson.E{Key: "_id", Value: bson.D{{Key: "$lt", Value: p.After}}})
	}
	cur, err := coll.Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "_id", Value: -1}}).SetLimit(int64(p.First)+1))
	if err != nil {
		return value.Slice[E]{}, errs.Internalf(err, "find in %s", coll.Name())
	}
	var docs []D
	if err := cur.All(ctx, &docs); err != nil {
		return value.Slice[E]{}, errs.Internalf(err, "read %s", coll.Name())
	}
	out := value.Slice[E]{HasNext: len(docs) > p.First}
	for _, d := range docs[:min(len(docs), p.First)] {
		out.Items = append(out.Items, conv(d))
	}
	return out, nil
}

type grantDoc struct {
	ID         string    `bson:"_id"`
	StartupID  string    `bson:"startupId"`
	InvestorID string    `bson:"investorId"`
	GrantedBy  string    `bson:"grantedBy"`
	GrantedAt  time.Time `bson:"grantedAt"`
	ExpiresAt  time.Time `bson:"expiresAt"`
	RevokedAt  time.Time `bson:"revokedAt,omitempty"`
}

func (d grantDoc) toDomain() dealflow.Grant {
	return dealflow.Grant{StartupID: d.StartupID, InvestorID: d.InvestorID, GrantedBy: d.GrantedBy,
		GrantedAt: d.GrantedAt.UTC(), ExpiresAt: d.ExpiresAt.UTC(), RevokedAt: d.RevokedAt.UTC()}
}

// Grants stores data-room grants, one document per startup and investor.
type Grants struct {
	db   *DB
	coll *collection
}

var _ dealflow.GrantStore = (*Grants)(nil)

// NewGrants returns the grant store of db.
func NewGrants(db *DB) *Grants { return &Grants{db: db, coll: db.coll(colGrants)} }

// Get returns the grant of a startup to an investor, if any.
func (s *Grants) Get(ctx context.Context, startupID, investorID string) (dealflow.Grant, bool, error) {
	var d grantDoc
	err := s.coll.FindOne(ctx, bson.D{{Key: "_id", Value: startupID + "-" + investorID}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return dealflow.Grant{}, false, nil
	}
	if err != nil {
		return dealflow.Grant{}, false, errs.Internalf(err, "find data-room grant")
	}
	return d.toDomain(), true, nil
}

// Put writes a grant over the one of its startup and investor.
func (s *Grants) Put(ctx context.Context, g dealflow.Grant) error {
	id := g.StartupID + "-" + g.InvestorID
	_, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: id}}, grantDoc{ID: id, StartupID: g.StartupID,
		InvestorID: g.InvestorID, GrantedBy: g.GrantedBy, GrantedAt: g.GrantedAt, ExpiresAt: g.ExpiresAt, RevokedAt: g.RevokedAt},
		options.Replace().SetUpsert(true))
	if err != nil {
		return errs.Internalf(err, "write data-room grant")
	}
	return nil
}

// ForStartup returns a startup's grants, most recent first.
func (s *Grants) ForStartup(ctx context.Context, startupID string) ([]dealflow.Grant, error) {
	cur, err := s.coll.Find(ctx, bson.D{{Key: "startupId", Value: startupID}}, options.Find().SetSort(bson.D{{Key: "grantedAt", Value: -1}}))
	if err != nil {
		return nil, errs.Internalf(err, "find data-room grants")
	}
	var docs []grantDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, errs.Internalf(err, "read data-room grants")
	}
	out := make([]dealflow.Grant, len(docs))
	for i, d := range docs {
		out[i] = d.toDomain()
	}
	return out, nil
}

type accessDoc struct {
	ID         string    `bson:"_id"`
	StartupID  string    `bson:"startupId"`
	InvestorID string    `bson:"investorId"`
	Subject    string    `bson:"subject"`
	Field      string    `bson:"field"`
	At         time.Time `bson:"at"`
}

// AccessLog stores the reads of confidential fields under grants.
type AccessLog struct {
	coll *collection
}

var _ dealflow.AccessLog = (*AccessLog)(nil)

// NewAccessLog returns the data-room access log of db.
func NewAccessLog(db *DB) *AccessLog { return &AccessLog{coll: db.coll(colDataRoomLog)} }

// Add appends one read.
func (s *AccessLog) Add(ctx context.Context, a dealflow.Access) error {
	if _, err := s.coll.InsertOne(ctx, accessDoc(a)); err != nil {
		return errs.Internalf(err, "log data-room read")
	}
	return nil
}

// CountForStartup counts the reads in a startup's log.
func (s *AccessLog) CountForStartup(ctx context.Context, startupID string) (int, error) {
	return countIn(ctx, s.coll, bson.D{{Key: "startupId", Value: startupID}})
}

// ForStartup pages a startup's log, newest first.
func (s *AccessLog) ForStartup(ctx context.Context, startupID string, p value.Page) (value.Slice[dealflow.Access], error) {
	return newestFirst(ctx, s.coll, bson.D{{Key: "startupId", Value: startupID}}, p, func(d accessDoc) dealflow.Access {
		a := dealflow.Access(d)
		a.At = a.At.UTC()
		return a
	})
}
