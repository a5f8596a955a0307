package funding

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/record"
)

// In-memory fakes of the stores SubmitApplication needs, keeping the store's
// unique indexes — one application per (call, startup) and per (startup,
// idempotency key) — so the idempotency and race paths run in milliseconds;
// the API tests run the same paths on the real store.

type memCalls struct {
	CallStore
	calls map[string]Call
}

func (m memCalls) Get(_ context.Context, id string) (Call, error) {
	c, ok := m.calls[id]
	if !ok {
		return Call{}, EntityCall.NotFound()
	}
	return c, nil
}

type memApplications struct {
	ApplicationStore
	mu   sync.Mutex
	apps map[string]Application
}

func (m *memApplications) Create(_ context.Context, a Application) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, o := range m.apps {
		if o.CallID == a.CallID && o.StartupID == a.StartupID ||
			o.StartupID == a.StartupID && o.IdempotencyKey == a.IdempotencyKey {
			return ErrDuplicateApplication() // as the store's unique indexes answer
		}
	}
	m.apps[a.ID] = a
	return nil
}

func (m *memApplications) ByIdempotencyKey(_ context.Context, startupID, key string) (Application, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, a := range m.apps {
		if a.StartupID == startupID && a.IdempotencyKey == key {
			return a, true, nil
		}
	}
	return Application{}, false, nil
}

type memStartups map[string]firm.Startup

func (m memStartups) Get(_ context.Context, id string) (firm.Startup, error) {
	s, ok := m[id]
	if !ok {
		return firm.Startup{}, firm.EntityStartup.NotFound()
	}
	return s, nil
}

// submitting is a service on fakes with one open call and one startup, and
// the context of that startup's member.
func submitting(t *testing.T) (*Service, *memApplications, context.Context, Submission) {
	t.Helper()
	spec, err := NewCallSpec(input())
	require.NoError(t, err)
	call := Call{Meta: record.New(now), CallSpec: spec, Status: CallOpen}
	st := startup(t, "2024-01-01", "FINTECH")
	apps := &memApplications{apps: map[string]Application{}}
	svc := NewService(Stores{Calls: memCalls{calls: map[string]Call{call.ID: call}}, Applications: apps},
		memStartups{st.ID: st}, nil, clock.NewManual(now))
	ctx := identity.WithPrincipal(context.Background(), identity.Principal{Subject: "founder",
		Roles: []identity.Role{identity.RoleStartupMember}, OrgID: st.ID})
	return svc, apps, ctx, Submission{CallID: call.ID, StartupID: st.ID, IdempotencyKey: "k", Requested: 1_000}
}

func TestSubmitReplaysTheSameRequestOnly(t *testing.T) {
	t.Parallel()
	svc, apps, ctx, in := submitting(t)
	first, err := svc.SubmitApplication(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, AppSubmitted, first.Status)
	again, err := svc.SubmitApplication(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, first, again, "the same key and request answer the same application")

	other := in
	other.Requested = 2_000
	_, err = svc.SubmitApplication(ctx, other)
	assert.Equal(t, map[string]errs.Code{"idempotencyKey": errs.CodeIdempotencyKeyReused}, codesOf(err))
	other = in
	other.IdempotencyKey = "k2"
	_, err = svc.SubmitApplication(ctx, other)
	assert.Equal(t, map[string]errs.Code{"startupId": errs.CodeDuplicateApplication}, codesOf(err))
	assert.Len(t, apps.apps, 1)
}

// Racing requests make one application: those with the key that won all
// answer it; every other is refused as a duplicate.
func TestSubmitRacesMakeOneApplication(t *testing.T) {
	t.Parallel()
	svc, apps, ctx, in := submitting(t)
	const n = 50
	keys := make([]string, n)
	ids := make([]string, n)
	codes := make([]errs.Code, n)
	var wg sync.WaitGroup
	for i := range n {
		keys[i] = in.IdempotencyKey
		if i%5 == 4 {
			keys[i] = fmt.Sprint("other-", i)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := in
			req.IdempotencyKey = keys[i]
			a, err := svc.SubmitApplication(ctx, req)
			ids[i] = a.ID
			if err != nil {
				codes[i] = errs.Flatten(err)[0].Code
			}
		}()
	}
	wg.Wait()
	require.Len(t, apps.apps, 1)
	var winner Application
	for _, a := range apps.apps {
		winner = a
	}
	for i := range n {
		if keys[i] == winner.IdempotencyKey {
			assert.Equal(t, winner.ID, ids[i], "request %d has the winning key", i)
		} else {
			assert.Equal(t, errs.CodeDuplicateApplication, codes[i], "request %d has another key", i)
		}
	}
}
