package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search/searchtest"
	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m, searchtest.Stop) }

var now = time.Date(2026, 11, 20, 3, 0, 0, 0, time.UTC)

func seeded(t *testing.T) (*store.DB, demo.Stores) {
	t.Helper()
	db := storetest.Open(t)
	s := demo.Stores{
		Startups: store.NewStartups(db), Incubators: store.NewIncubators(db),
		Investors: store.NewInvestors(db), Mentors: store.NewMentors(db),
		Funds: store.NewFunds(db), Calls: store.NewCalls(db), Reviewers: store.NewReviewers(db),
		CriteriaSets: store.NewCriteriaSets(db), Programs: store.NewPrograms(db),
		SandboxApplications: store.NewSandboxApplications(db), Events: store.NewEvents(db), Boards: store.NewBoards(db),
		ResearchOrgs: store.NewResearchOrgs(db), TechOffers: store.NewTechOffers(db), TechRequests: store.NewTechRequests(db),
		Conversations: store.NewConversations(db), DetailReads: store.NewDetailReads(db), Benefits: store.NewBenefits(db),
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

// TestDataSurvivesRestart restarts an embedded server on the same files: the
// indexes are created again without error and the data is still there.
func TestDataSurvivesRestart(t *testing.T) {
	if storetest.External() {
		t.Skip("restart needs the embedded server")
	}
	t.Parallel()
	ctx := context.Background()
	dir := t.TempDir()
	var id string
	for run := range 2 {
		srv, err := store.StartEmbedded(dir, "127.0.0.1:0", storetest.QuietLogger())
		require.NoError(t, err)
		db, err := store.Open(ctx, srv.URI(), "innoport")
		require.NoError(t, err)
		require.NoError(t, db.EnsureIndexes(ctx), "run %d", run)
		startups := store.NewStartups(db)
		if run == 0 {
			st := newStartup(t, "0100233488")
			require.NoError(t, startups.Create(ctx, st))
			id = st.ID
		} else {
			got, err := startups.Get(ctx, id)
			require.NoError(t, err)
			assert.Equal(t, "0100233488", got.TaxCode.String())
		}
		require.NoError(t, db.Close(ctx))
		srv.Stop()
	}
}

func newStartup(t testing.TB, taxCode string, sectors ...string) firm.Startup {
	t.Helper()
	if len(sectors) == 0 {
		sectors = []string{"FINTECH"}
	}
	p, err := firm.NewProfile(firm.Draft{
		Name: "Công ty Thử nghiệm " + taxCode, TaxCode: taxCode, FoundedOn: "2024-03-01", Ward: "Lê Chân",
		Sectors: sectors, Stage: "SEED", TeamSize: 5, Email: "lienhe@example.vn",
	}, value.DateOf(now))
	require.NoError(t, err)
	return firm.Startup{Meta: record.New(now), Profile: p}
}

func TestCreateRefusesDuplicateTaxCode(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := store.NewStartups(storetest.Open(t))
	require.NoError(t, s.Create(ctx, newStartup(t, "0100233488")))
	err := s.Create(ctx, newStartup(t, "0100233488"))
	require.Error(t, err)
	es := errs.Flatten(err)
	require.Len(t, es, 1)
	assert.Equal(t, errs.CodeDuplicateTaxCode, es[0].Code)
	assert.Equal(t, []string{"taxCode"}, es[0].Field)
	n, err := s.Count(ctx, firm.Filter{})
	require.NoError(t, err)
	assert.Equal(t, 1, n, "the duplicate was not written")
}

func TestGetUnknownIsNotFound(t *testing.T) {
	t.Parallel()
	_, err := store.NewStartups(storetest.Open(t)).Get(context.Background(), "nope")
	assert.Equal(t, errs.NotFound, errs.KindOf(err))
}

// TestConcurrentUpdatesAllApply races updates on one document: each is a
// conditional write on the version read, so losers reload and retry and no
// increment is lost.
func TestConcurrentUpdatesAllApply(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := store.NewStartups(storetest.Open(t))
	st := newStartup(t, "0100109106")
	require.NoError(t, s.Create(ctx, st))
	const writers = 4
	errc := make(chan error, writers)
	for range writers {
		go func() {
			_, err := s.Update(ctx, st.ID, func(cur *firm.Startup) error {
				cur.TeamSize++
				return nil
			})
			errc <- err
		}()
	}
	for range writers {
		require.NoError(t, <-errc)
	}
	got, err := s.Get(ctx, st.ID)
	require.NoError(t, err)
	assert.Equal(t, st.TeamSize+writers, got.TeamSize)
	assert.Equal(t, int64(1+writers), got.Version)
}

func TestUpdateErrorLeavesDocumentAlone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := store.NewStartups(storetest.Open(t))
	st := newStartup(t, "0100109106")
	require.NoError(t, s.Create(ctx, st))
	_, err := s.Update(ctx, st.ID, func(cur *firm.Startup) error {
		cur.Name = "changed"
		return errs.VersionConflict(cur.Version)
	})
	assert.Equal(t, errs.Conflict, errs.KindOf(err))
	got, err := s.Get(ctx, st.ID)
	require.NoError(t, err)
	assert.Equal(t, st.Name, got.Name)
	assert.Equal(t, int64(1), got.Version)
}

func TestUpdateToTakenTaxCodeIsDuplicate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := store.NewStartups(storetest.Open(t))
	a, b := newStartup(t, "0100233488"), newStartup(t, "0100109106")
	require.NoError(t, s.Create(ctx, a))
	require.NoError(t, s.Create(ctx, b))
	_, err := s.Update(ctx, b.ID, func(cur *firm.Startup) error {
		cur.TaxCode = a.TaxCode
		return nil
	})
	require.Len(t, errs.Flatten(err), 1)
	assert.Equal(t, errs.CodeDuplicateTaxCode, errs.Flatten(err)[0].Code)
}

func TestListPagesInCreationOrderAndFilters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := store.NewStartups(storetest.Open(t))
	var ids []string
	for i := range 5 {
		sector := "FINTECH"
		if i%2 == 1 {
			sector = "EDTECH"
		}
		st := newStartup(t, demo.TaxCode("02", i), sector)
		st.ID = string(rune('a' + i)) // creation order
		require.NoError(t, s.Create(ctx, st))
		ids = append(ids, st.ID)
	}
	p1, err := s.List(ctx, firm.Filter{}, value.Page{First: 2})
	require.NoError(t, err)
	require.True(t, p1.HasNext)
	assert.Equal(t, ids[:2], idsOf(p1.Items))
	p3, err := s.List(ctx, firm.Filter{}, value.Page{First: 2, After: ids[3]})
	require.NoError(t, err)
	assert.False(t, p3.HasNext)
	assert.Equal(t, ids[4:], idsOf(p3.Items))

	f := firm.Filter{Sectors: []value.Sector{value.SectorEdtech}}
	ed, err := s.List(ctx, f, value.Page{First: 10})
	require.NoError(t, err)
	assert.Equal(t, []string{ids[1], ids[3]}, idsOf(ed.Items))
	n, err := s.Count(ctx, f)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
}

func TestListByIncubatorCutsAPagePerIncubator(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, s := seeded(t)
	incs, err := s.Incubators.All(ctx)
	require.NoError(t, err)
	ids := []string{incs[0].ID, incs[1].ID, incs[2].ID}
	counts, err := s.Startups.CountByIncubator(ctx, ids)
	require.NoError(t, err)
	_, err = s.Startups.ListByIncubator(ctx, ids, value.Page{First: 2}) // the memo's first read loads it
	require.NoError(t, err)
	before := db.RoundTrips()
	pages, err := s.Startups.ListByIncubator(ctx, ids, value.Page{First: 2})
	require.NoError(t, err)
	assert.Equal(t, int64(1), db.RoundTrips()-before, "one query for all incubators")
	for _, id := range ids {
		all, err := s.Startups.List(ctx, firm.Filter{IncubatorIDs: []string{id}}, value.Page{First: 100})
		require.NoError(t, err)
		assert.Equal(t, len(all.Items), counts[id])
		assert.Equal(t, idsOf(all.Items[:2]), idsOf(pages[id].Items))
		assert.Equal(t, len(all.Items) > 2, pages[id].HasNext)
	}
}

func idsOf(ss []firm.Startup) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}
