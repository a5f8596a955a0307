package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var now = time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)

func seeded(t *testing.T) (*store.DB, demo.Stores) {
	t.Helper()
	db := storetest.Open(t)
	s := demo.Stores{
		Startups: store.NewStartups(db), Incubators: store.NewIncubators(db),
		Investors: store.NewInvestors(db), Mentors: store.NewMentors(db),
		Funds: store.NewFunds(db), Calls: store.NewCalls(db),
	}
	_, err := demo.Seed(context.Background(), s, now)
	require.NoError(t, err)
	return db, s
}

func TestGetManyLoadsByID(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, s := seeded(t)
	all, err := s.Incubators.All(ctx)
	require.NoError(t, err)
	require.Len(t, all, 3)
	got, err := s.Incubators.GetMany(ctx, []string{all[0].ID, all[2].ID, "missing"})
	require.NoError(t, err)
	assert.Len(t, got, 2)
	assert.Equal(t, all[2].Name, got[all[2].ID].Name)
}
