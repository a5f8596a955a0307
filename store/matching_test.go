package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/store"
)

// FerretDB v1.24 never answers an update command of 100 or more statements;
// both bulk writers of the store must finish on it all the same.
func TestBulkWritesOfManyUpdatesFinish(t *testing.T) {
	db, _ := seeded(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	lists := store.NewMatchLists(db)
	var ls []matching.List
	for i := range 150 {
		ls = append(ls, matching.List{Key: matching.ListKey{Owner: matching.OwnerStartup, OwnerID: fmt.Sprint(i), Kind: matching.KindMentor},
			Items: []matching.Item{{TargetID: "m1", Score: 0.5}}, ComputedAt: now})
	}
	require.NoError(t, lists.Write(ctx, ls, nil), "inserts")
	ls[149].Items[0].Score = 0.75
	require.NoError(t, lists.Write(ctx, ls[:1], ls), "replaces, and an insert that lost to another writer")
	got, ok, err := lists.Get(ctx, ls[149].Key)
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, 0.75, got.Items[0].Score)

	results := store.NewResults(db)
	var rs []screening.Result
	for i := range 150 {
		rs = append(rs, screening.Result{Meta: record.New(now), StartupID: fmt.Sprint(i), SetKey: "k", SetVersion: 1,
			Status: screening.Eligible})
	}
	require.NoError(t, results.Save(ctx, rs, nil), "inserts")
	for i := range rs {
		rs[i].SetVersion = 2
	}
	require.NoError(t, results.Save(ctx, nil, rs), "replaces")
	n, err := results.Count(ctx, screening.ResultFilter{SetKey: "k"})
	require.NoError(t, err)
	assert.Equal(t, 150, n)
}
