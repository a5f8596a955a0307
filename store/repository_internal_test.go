package store

import (
	"context"
	"errors"
	"log/slog"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/matching"
)

// One contract for every repository (after wild-workouts' repository
// tests): a created record with every field set reads back whole, so each
// converter is checked as an identity (domain → document → BSON → domain)
// and a field forgotten in a document or a converter fails here; a missing one is its
// entity's NOT_FOUND; an update bumps the version and writes what the
// closure made; a closure's error writes nothing; a write that lands
// between read and write makes the update run its closure again on the
// new version; a second record with the same unique key is the domain's
// error. It runs on the embedded FerretDB, reached both as this process's
// own store and as another process reaches it (the version in the filter).
func TestEveryRepositoryKeepsTheContract(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	srv, err := StartEmbedded(t.TempDir(), "127.0.0.1:0", slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(srv.Stop)
	own, err := Open(ctx, srv.URI(), "repositories")
	require.NoError(t, err)
	t.Cleanup(func() { own.Close(ctx) })
	require.NoError(t, own.EnsureIndexes(ctx))
	shared, err := Open(ctx, strings.Replace(srv.URI(), "127.0.0.1", "localhost", 1), "repositories")
	require.NoError(t, err)
	t.Cleanup(func() { shared.Close(ctx) })

	// Every field of Repositories that is a repository of records runs the
	// contract: a repository added there is covered without a line here.
	a, b := reflect.ValueOf(NewRepositories(own)), reflect.ValueOf(NewRepositories(shared))
	n := 0
	for i := range a.NumField() {
		if r, ok := a.Field(i).Interface().(contracted); ok {
			r.keepsContract(t, a.Type().Field(i).Name, b.Field(i).Interface())
			n++
		}
	}
	assert.Equal(t, 25, n, "the repositories of records")
}

// contracted is a repository of records: every one embeds repo.
type contracted interface {
	keepsContract(t *testing.T, name string, other any)
}

// prepared makes filled records of some kinds valid (see filler).
var prepared = map[string]func(any){
	"CriteriaSets": func(e any) { validCriteriaSet(e.(*screening.CriteriaSet)) },
	"Incentives":   func(e any) { ungrouped(e.(*incentive.Incentive)) },
	"Requests":     func(e any) { consistentThread(e.(*thread)) },
	"TechOffers":   func(e any) { grantedRight(e.(*transfer.Offer)) },
	"MatchWeights": func(e any) { validWeights(e.(*matching.WeightSet)) },
}

// validWeights gives a filled weight version weights that add up and fit
// reports that name kinds and factors.
func validWeights(w *matching.WeightSet) {
	w.Weights = matching.DefaultWeights
	for i := range w.Fit {
		w.Fit[i].Kind, w.Fit[i].Fitted = matching.KindInvestor, []matching.Factor{matching.FactorCollaborative}
	}
}

func (r *repo[E, D]) keepsContract(t *testing.T, name string, other any) {
	var prepare []func(*E)
	if p, ok := prepared[name]; ok {
		prepare = append(prepare, func(e *E) { p(e) })
	}
	contract(t, name, *r, *other.(interface{ base() *repo[E, D] }).base(), prepare...)
}

func (r *repo[E, D]) base() *repo[E, D] { return r }

// contract runs the repository contract on own (this process's store) and
// other (the same collection as another process reaches it).
func contract[E, D any](t *testing.T, name string, own, other repo[E, D], prepare ...func(*E)) {
	t.Run(name, func(t *testing.T) {
		ctx := context.Background()
		record := func(id string) E {
			var e E
			(&filler{}).fill(reflect.ValueOf(&e).Elem(), name)
			m := own.meta(&e)
			m.ID, m.Version = id, 1
			for _, p := range prepare {
				p(&e)
			}
			return e
		}
		e := record(name + "-1")
		require.NoError(t, own.Create(ctx, e))
		got, err := own.Get(ctx, name+"-1")
		require.NoError(t, err)
		assert.Equal(t, e, got, "a created record reads back whole: no converter drops a field")

		_, err = own.Get(ctx, name+"-missing")
		assert.Equal(t, errs.NotFound, errs.KindOf(err))
		assert.Equal(t, own.entity.NotFound().EN, errs.Flatten(err)[0].EN, "named as the domain names it")

		later := time.Date(2027, 2, 3, 4, 5, 6, 0, time.UTC)
		up, err := own.Update(ctx, name+"-1", func(e *E) error { own.meta(e).UpdatedAt = later; return nil })
		require.NoError(t, err)
		assert.Equal(t, int64(2), own.meta(&up).Version)
		got, err = own.Get(ctx, name+"-1")
		require.NoError(t, err)
		assert.Equal(t, int64(2), own.meta(&got).Version)
		assert.True(t, later.Equal(own.meta(&got).UpdatedAt), "the closure's change is written")

		refused := errors.New("refused")
		_, err = own.Update(ctx, name+"-1", func(e *E) error { own.meta(e).UpdatedAt = time.Now(); return refused })
		assert.ErrorIs(t, err, refused)
		got, err = own.Get(ctx, name+"-1")
		require.NoError(t, err)
		assert.Equal(t, int64(2), own.meta(&got).Version, "a failing closure writes nothing")
		assert.True(t, later.Equal(own.meta(&got).UpdatedAt))

		// Another process writes between this update's read and its write:
		// the update runs its closure again on the version that landed.
		runs := 0
		up, err = other.Update(ctx, name+"-1", func(e *E) error {
			runs++
			if runs == 1 { // another process's write, past this process's lock
				_, err := own.coll.UpdateOne(ctx, bson.D{{Key: "_id", Value: name + "-1"}}, bson.D{{Key: "$inc", Value: bson.D{{Key: "version", Value: 1}}}})
				require.NoError(t, err)
			}
			return nil
		})
		require.NoError(t, err)
		assert.Equal(t, 2, runs, "the lost race is retried")
		assert.Equal(t, int64(4), other.meta(&up).Version)

		err = own.Create(ctx, record(name+"-2")) // the same unique keys, if the collection has any
		if own.onDuplicate != nil {
			require.Error(t, err)
			assert.Equal(t, errs.Conflict, errs.KindOf(err), "the domain's duplicate error: %v", err)
		} else {
			assert.NoError(t, err, "no unique key but the ID")
		}
	})
}
