package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
)

// Users stores the users seen signing in, one document per subject.
type Users struct {
	coll *collection
}

var _ identity.UserStore = (*Users)(nil)

// NewUsers returns the user store of db.
func NewUsers(db *DB) *Users { return &Users{coll: db.coll(colUsers)} }

type userDoc struct {
	Subject string    `bson:"_id"`
	Name    string    `bson:"name,omitempty"`
	Roles   []string  `bson:"roles"`
	SeenAt  time.Time `bson:"seenAt"`
}

// Put writes a user whole.
func (s *Users) Put(ctx context.Context, u identity.User) error {
	d := userDoc{Subject: u.Subject, Name: u.Name, Roles: names(u.Roles), SeenAt: u.SeenAt}
	_, err := s.coll.ReplaceOne(ctx, bson.D{{Key: "_id", Value: u.Subject}}, d, options.Replace().SetUpsert(true))
	if err != nil && !isDuplicateKey(err) { // two first requests of one user raced: either write is the user
		return errs.Internalf(err, "put user")
	}
	return nil
}

// GetMany returns the users among subjects.
func (s *Users) GetMany(ctx context.Context, subjects []string) (map[string]identity.User, error) {
	out := make(map[string]identity.User, len(subjects))
	if len(subjects) == 0 {
		return out, nil
	}
	cur, err := s.coll.Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: subjects}}}})
	if err != nil {
		return nil, errs.Internalf(err, "find users")
	}
	var docs []userDoc
	if err := cur.All(ctx, &docs); err != nil {
		return nil, errs.Internalf(err, "read users")
	}
	for _, d := range docs {
		u := identity.User{Subject: d.Subject, Name: d.Name, SeenAt: d.SeenAt.UTC()}
		for _, r := range d.Roles {
			u.Roles = append(u.Roles, identity.Role(r))
		}
		out[d.Subject] = u
	}
	return out, nil
}
