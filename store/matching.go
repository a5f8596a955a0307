package store

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/golang/snappy"
	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/matching"
)

// matchListDoc is one ranked list, written whole. Members, size and lowest
// let the incremental rescore decide which lists a change touches without
// reading their items.
type matchListDoc struct {
	ID      string   `bson:"_id"`
	Owner   string   `bson:"owner"`
	OwnerID string   `bson:"ownerId"`
	Kind    string   `bson:"kind"`
	Members []string `bson:"members"`
	Size    int      `bson:"size"`
	Lowest  float64  `bson:"lowest"`
	// Packed is the items as one BSON document ({items: […]}), compressed
	// with snappy, in a binary field. No query reads into the items, and
	// FerretDB decodes and re-encodes every field of a document it updates
	// and stores binary as base64 text: packed, a list's ~160 explanation
	// values are one value to it (city-scale growth spent 13% of its CPU
	// decoding list items), and compressed, a list of 20 is 1.5 KB, not 22 KB
	// (SQLite rewrote 29 KB of text per list written). Lists written before
	// hold Items.
	Packed     []byte         `bson:"packed,omitempty"`
	Items      []matchItemDoc `bson:"items,omitempty"`
	ComputedAt time.Time      `bson:"computedAt"`
	// Digest sums up the ranking (matching.List.Digest), stored as the bits
	// of an int64 since BSON has no unsigned integers.
	Digest int64 `bson:"digest"`
	// Version changes on every write; Update writes only over the one it read.
	Version int64 `bson:"version"`
}

type matchItemDoc struct {
	Target  string      `bson:"target"`
	Score   float64     `bson:"score"`
	Factors []factorDoc `bson:"factors"`
}

type factorDoc struct {
	Factor       string   `bson:"factor"`
	Weight       float64  `bson:"weight"`
	Value        float64  `bson:"value"`
	Contribution float64  `bson:"contribution"`
	Args         []string `bson:"args,omitempty"`
}

func matchListToDoc(l matching.List) matchListDoc {
	d := matchListDoc{ID: l.Key.ID(), Owner: string(l.Key.Owner), OwnerID: l.Key.OwnerID, Kind: l.Key.Kind.String(),
		Members: []string{}, Size: len(l.Items), ComputedAt: l.ComputedAt,
		Version: time.Now().UnixNano(), Digest: int64(l.Digest())}
	items := packedItems{Items: []matchItemDoc{}}
	for _, it := range l.Items {
		item := matchItemDoc{Target: it.TargetID, Score: it.Score}
		for _, c := range it.Explanation {
			item.Factors = append(item.Factors, factorDoc{Factor: c.Factor.String(), Weight: c.Weight, Value: c.Value,
				Contribution: c.Contribution, Args: c.Args})
		}
		items.Items = append(items.Items, item)
		d.Members = append(d.Members, it.TargetID)
		d.Lowest = it.Score
	}
	raw, err := bson.Marshal(items)
	if err != nil {
		panic(err) // plain structs of strings and numbers always marshal
	}
	d.Packed = snappy.Encode(nil, raw)
	return d
}

// packedItems is what matchListDoc.Packed holds.
type packedItems struct {
	Items []matchItemDoc `bson:"items"`
}

func matchListToDomain(d matchListDoc) (matching.List, error) {
	k, ok := matching.ParseKind(d.Kind)
	if !ok {
		return matching.List{}, corrupt(colMatchLists, d.ID, errors.New("unknown kind "+d.Kind))
	}
	l := matching.List{Key: matching.ListKey{Owner: matching.Owner(d.Owner), OwnerID: d.OwnerID, Kind: k},
		ComputedAt: d.ComputedAt.UTC(), Items: []matching.Item{}}
	items := d.Items
	if len(d.Packed) > 0 {
		var p packedItems
		raw, err := snappy.Decode(nil, d.Packed)
		if err == nil {
			err = bson.Unmarshal(raw, &p)
		}
		if err != nil {
			return matching.List{}, corrupt(colMatchLists, d.ID, err)
		}
		items = p.Items
	}
	for _, it := range items {
		item := matching.Item{TargetID: it.Target, Score: it.Score}
		for _, f := range it.Factors {
			fc, ok := matching.ParseFactor(f.Factor)
			if !ok {
				return matching.List{}, corrupt(colMatchLists, d.ID, errors.New("unknown factor "+f.Factor))
			}
			item.Explanation = append(item.Explanation, matching.Contribution{Factor: fc, Weight: f.Weight, Value: f.Value,
				Contribution: f.Contribution, Args: f.Args})
		}
		l.Items = append(l.Items, item)
	}
	return l, nil
}

// MatchLists stores ranked match lists and the feedback on pairs.
type MatchLists struct {
	db       *DB
	lists    *collection
	feedback *collection
}

var _ matching.ListStore = (*MatchLists)(nil)

// NewMatchLists returns the match store of db.
func NewMatchLists(db *DB) *MatchLists { return newMatchLists(db, colMatchLists) }

// NewTransferLists returns the store of technology-transfer match lists:
// apart from the startups' lists, so that each full rescore prunes only its own.
func NewTransferLists(db *DB) *MatchLists { return newMatchLists(db, colTransferLists) }

func newMatchLists(db *DB, name string) *MatchLists {
	// The memo keeps what the rescoring reads of every list (floors,
	// digests, versions), not the items: those are read one list at a time.
	return &MatchLists{db: db, feedback: db.coll(colMatchFeedback),
		lists: db.coll(name, "owner", "ownerId", "kind", "members", "size", "lowest", "digest", "version")}
}

// Get returns one list; ok is false when it was never computed.
func (m *MatchLists) Get(ctx context.Context, key matching.ListKey) (matching.List, bool, error) {
	var d matchListDoc
	err := m.lists.FindOne(ctx, bson.D{{Key: "_id", Value: key.ID()}}).Decode(&d)
	if errors.Is(err, mongo.ErrNoDocuments) {
		return matching.List{}, false, nil
	}
	if err != nil {
		return matching.List{}, false, errs.Internalf(err, "read match list %s", key.ID())
	}
	l, err := matchListToDomain(d)
	return l, err == nil, err
}

// Floors returns size, lowest score and members of every list of an owner
// kind and kind, without the items.
// GetMany returns the stored lists among keys, by list ID, in one query.
func (m *MatchLists) GetMany(ctx context.Context, keys []matching.ListKey) (map[string]matching.List, error) {
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.ID()
	}
	out := make(map[string]matching.List, len(keys))
	if len(ids) == 0 {
		return out, nil
	}
	cur, err := m.lists.Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}})
	if err != nil {
		return nil, errs.Internalf(err, "find match lists")
	}
	var docs []matchListDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, errs.Internalf(err, "read match lists")
	}
	for _, d := range docs {
		l, err := matchListToDomain(d)
		if err != nil {
			return nil, err
		}
		out[l.Key.ID()] = l
	}
	return out, nil
}

func (m *MatchLists) Floors(ctx context.Context, owner matching.Owner, kind matching.Kind) ([]matching.Floor, error) {
	cur, err := m.lists.Find(ctx, bson.D{{Key: "owner", Value: string(owner)}, {Key: "kind", Value: kind.String()}},
		options.Find().SetProjection(bson.D{{Key: "ownerId", Value: 1}, {Key: "size", Value: 1}, {Key: "lowest", Value: 1}, {Key: "members", Value: 1}}))
	if err != nil {
		return nil, errs.Internalf(err, "find match floors")
	}
	var docs []matchListDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, errs.Internalf(err, "read match floors")
	}
	out := make([]matching.Floor, len(docs))
	for i, d := range docs {
		out[i] = matching.Floor{Key: matching.ListKey{Owner: owner, OwnerID: d.OwnerID, Kind: kind}, Size: d.Size,
			Lowest: d.Lowest, Members: d.Members}
	}
	return out, nil
}

// Write inserts new lists and replaces stored ones whole. A list inserted
// meanwhile by another rescore is replaced instead.
func (m *MatchLists) Write(ctx context.Context, inserts, replaces []matching.List) error {
	var models []mongo.WriteModel
	for _, l := range inserts {
		models = append(models, mongo.NewInsertOneModel().SetDocument(matchListToDoc(l)))
	}
	for _, l := range replaces {
		models = append(models, mongo.NewReplaceOneModel().SetUpsert(true).
			SetFilter(bson.D{{Key: "_id", Value: l.Key.ID()}}).SetReplacement(matchListToDoc(l)))
	}
	err := bulkWrite(ctx, m.lists, models, false)
	if err != nil && len(inserts) > 0 && isDuplicateKey(err) {
		return m.Write(ctx, nil, slices.Concat(inserts, replaces))
	}
	if err != nil {
		return errs.Internalf(err, "write match lists")
	}
	return nil
}

// Digests returns the digests of the lists among ids (all when nil).
func (m *MatchLists) Digests(ctx context.Context, ids []string) (map[string]uint64, error) {
	filter := bson.D{}
	if ids != nil {
		filter = bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}}
	}
	cur, err := m.lists.Find(ctx, filter, options.Find().SetProjection(bson.D{{Key: "digest", Value: 1}}))
	if err != nil {
		return nil, errs.Internalf(err, "find match digests")
	}
	var docs []struct {
		ID     string `bson:"_id"`
		Digest int64  `bson:"digest"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return nil, errs.Internalf(err, "read match digests")
	}
	out := make(map[string]uint64, len(docs))
	for _, d := range docs {
		out[d.ID] = uint64(d.Digest)
	}
	return out, nil
}

// Delete deletes lists by ID.
func (m *MatchLists) Delete(ctx context.Context, ids []string) error {
	if _, err := m.lists.DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}}); err != nil {
		return errs.Internalf(err, "delete match lists")
	}
	return nil
}

// Update rewrites one list through fn, only over the version it read,
// retrying when another write came in between; a missing list is left alone.
func (m *MatchLists) Update(ctx context.Context, key matching.ListKey, fn func(*matching.List)) error {
	for range 10 {
		var d matchListDoc
		err := m.lists.FindOne(ctx, bson.D{{Key: "_id", Value: key.ID()}}).Decode(&d)
		if errors.Is(err, mongo.ErrNoDocuments) {
			return nil
		}
		if err != nil {
			return errs.Internalf(err, "read match list %s", key.ID())
		}
		l, err := matchListToDomain(d)
		if err != nil {
			return err
		}
		fn(&l)
		next := matchListToDoc(l)
		written, err := m.replaceIf(ctx, d.Version, next)
		if err != nil || written {
			return err
		}
	}
	return errs.Internalf(errors.New("too many concurrent writes"), "update match list %s", key.ID())
}

func (m *MatchLists) replaceIf(ctx context.Context, version int64, d matchListDoc) (bool, error) {
	written, err := m.lists.replaceAt(ctx, d.ID, version, d)
	if err != nil {
		return false, errs.Internalf(err, "write match list %s", d.ID)
	}
	return written, nil
}

type feedbackDoc struct {
	ID               string `bson:"_id"`
	Startup          string `bson:"startupId"`
	Kind             string `bson:"kind"`
	Target           string `bson:"targetId"`
	StartupDismissed bool   `bson:"startupDismissed"`
	TargetDismissed  bool   `bson:"targetDismissed"`
	Positive         bool   `bson:"positive"`
}

// Feedback returns every signal.
func (m *MatchLists) Feedback(ctx context.Context) (map[matching.PairKey]matching.Signal, error) {
	cur, err := m.feedback.Find(ctx, bson.D{})
	if err != nil {
		return nil, errs.Internalf(err, "find match feedback")
	}
	var docs []feedbackDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, errs.Internalf(err, "read match feedback")
	}
	out := make(map[matching.PairKey]matching.Signal, len(docs))
	for _, d := range docs {
		k, ok := matching.ParseKind(d.Kind)
		if !ok {
			return nil, corrupt(colMatchFeedback, d.ID, errors.New("unknown kind "+d.Kind))
		}
		out[matching.PairKey{Startup: d.Startup, Target: matching.Ref{Kind: k, ID: d.Target}}] = matching.Signal{
			StartupDismissed: d.StartupDismissed, TargetDismissed: d.TargetDismissed, Positive: d.Positive}
	}
	return out, nil
}

// SetFeedback turns on the flags fn sets for one pair; flags are only ever
// set, so concurrent calls compose with $set of true values.
func (m *MatchLists) SetFeedback(ctx context.Context, key matching.PairKey, fn func(*matching.Signal)) error {
	var sig matching.Signal
	fn(&sig)
	set := bson.D{{Key: "startupId", Value: key.Startup}, {Key: "kind", Value: key.Target.Kind.String()},
		{Key: "targetId", Value: key.Target.ID}}
	for _, f := range []struct {
		name string
		on   bool
	}{{"startupDismissed", sig.StartupDismissed}, {"targetDismissed", sig.TargetDismissed}, {"positive", sig.Positive}} {
		if f.on {
			set = append(set, bson.E{Key: f.name, Value: true})
		}
	}
	id := key.Startup + "|" + key.Target.Kind.String() + "|" + key.Target.ID
	upsert := func() error {
		_, err := m.feedback.UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: set}},
			options.UpdateOne().SetUpsert(true))
		return err
	}
	err := upsert()
	if err != nil && isDuplicateKey(err) {
		// Another writer inserted the pair's document first; set the flags on it.
		err = upsert()
	}
	if err != nil {
		return errs.Internalf(err, "save match feedback")
	}
	return nil
}

// MatchSources reads the entities matching scores, from their stores.
type MatchSources struct {
	startups     *Startups
	calls        *Calls
	investors    *Actors[ecosystem.Investor, investorDoc]
	mentors      *Actors[ecosystem.Mentor, mentorDoc]
	incubators   *Incubators
	applications *Applications
	deals        *Deals
}

var _ matching.Sources = MatchSources{}

// NewMatchSources returns the matching sources of db.
func NewMatchSources(db *DB) MatchSources {
	return MatchSources{startups: NewStartups(db), calls: NewCalls(db), investors: NewInvestors(db),
		mentors: NewMentors(db), incubators: NewIncubators(db), applications: NewApplications(db), deals: NewDeals(db)}
}

// Startups returns every startup.
func (s MatchSources) Startups(ctx context.Context) ([]firm.Startup, error) {
	var out []firm.Startup
	err := s.startups.Each(ctx, func(st firm.Startup) error {
		out = append(out, st)
		return nil
	})
	return out, err
}

// OpenCalls returns the calls with status OPEN.
func (s MatchSources) OpenCalls(ctx context.Context) ([]funding.Call, error) {
	return s.calls.find(ctx, bson.D{{Key: "status", Value: string(funding.CallOpen)}}, nil)
}

// Investors returns every investor.
func (s MatchSources) Investors(ctx context.Context) ([]ecosystem.Investor, error) {
	return s.investors.find(ctx, bson.D{}, nil)
}

// Mentors returns every mentor.
func (s MatchSources) Mentors(ctx context.Context) ([]ecosystem.Mentor, error) {
	return s.mentors.find(ctx, bson.D{}, nil)
}

// Incubators returns every incubator.
func (s MatchSources) Incubators(ctx context.Context) ([]ecosystem.Incubator, error) {
	return s.incubators.All(ctx)
}

// Outcomes reads every application and deal, only the fields it needs:
// the startup–call pairs with an application, and the pairs graded by how
// far their application or deal went.
func (s MatchSources) Outcomes(ctx context.Context) (matching.Outcomes, error) {
	out := matching.Outcomes{Graded: map[matching.PairKey]float64{}}
	var deals []struct {
		Investor string `bson:"investorId"`
		Startup  string `bson:"startupId"`
		Stage    string `bson:"stage"`
	}
	if err := findProjected(ctx, s.deals.coll, bson.D{{Key: "investorId", Value: 1}, {Key: "startupId", Value: 1},
		{Key: "stage", Value: 1}}, &deals); err != nil {
		return out, err
	}
	for _, d := range deals {
		if w := matching.PipelineOutcome(dealflow.Stage(d.Stage)); w != 0 {
			out.Graded[matching.PairKey{Startup: d.Startup, Target: matching.Ref{Kind: matching.KindInvestor, ID: d.Investor}}] = w
		}
	}
	var apps []struct {
		Startup string `bson:"startupId"`
		Call    string `bson:"callId"`
		Status  string `bson:"status"`
	}
	if err := findProjected(ctx, s.applications.coll, bson.D{{Key: "startupId", Value: 1}, {Key: "callId", Value: 1},
		{Key: "status", Value: 1}}, &apps); err != nil {
		return out, err
	}
	for _, a := range apps {
		pair := matching.PairKey{Startup: a.Startup, Target: matching.Ref{Kind: matching.KindFundCall, ID: a.Call}}
		out.Applied = append(out.Applied, pair)
		if w := matching.ApplicationOutcome(funding.AppStatus(a.Status)); w != 0 {
			out.Graded[pair] = w
		}
	}
	return out, nil
}

// findProjected reads every document of coll, only the fields of
// projection, into out.
func findProjected(ctx context.Context, coll *collection, projection bson.D, out any) error {
	cur, err := coll.Find(ctx, bson.D{}, options.Find().SetProjection(projection))
	if err != nil {
		return errs.Internalf(err, "find %s", coll.Name())
	}
	if err := cur.All(ctx, out); err != nil {
		return errs.Internalf(err, "read %s", coll.Name())
	}
	return nil
}
