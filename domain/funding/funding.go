// Package funding is the bounded context of venture funds, the calls they
// publish, the applications startups send, their independent review and the
// ranking the fund decides on.
package funding

import (
	"context"
	"time"

	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Fund is a venture capital fund that issues funding calls, such as the city's fund.
type Fund struct {
	record.Meta
	Name        string
	NameEN      string
	Description string
	Public      bool // a public (state) fund
}

// CallStatus is where a funding call is in its life.
type CallStatus string

// The call statuses: DRAFT → OPEN → CLOSED → DECIDED, or CANCELLED.
const (
	CallDraft     CallStatus = "DRAFT"
	CallOpen      CallStatus = "OPEN"
	CallClosed    CallStatus = "CLOSED"
	CallDecided   CallStatus = "DECIDED"
	CallCancelled CallStatus = "CANCELLED"
)

// Call is a funding call (đợt kêu gọi) that startups apply to.
type Call struct {
	record.Meta
	FundID string
	Status CallStatus
	CallSpec
	CancelReason string
}

// FundStore keeps funds.
type FundStore interface {
	Create(ctx context.Context, f Fund) error
	Get(ctx context.Context, id string) (Fund, error)
	GetMany(ctx context.Context, ids []string) (map[string]Fund, error)
	All(ctx context.Context) ([]Fund, error)
	// Update loads the fund, runs fn and writes it back with its version
	// bumped, only if nobody wrote in between.
	Update(ctx context.Context, id string, fn func(*Fund) error) (Fund, error)
}

// CallFilter narrows a list of calls; zero fields do not filter.
type CallFilter struct {
	Status CallStatus
	// Drafts are listed only of the funds in DraftsOf, or of every fund
	// with AllDrafts; other readers never see drafts.
	DraftsOf  []string
	AllDrafts bool
}

// CallStore keeps funding calls.
type CallStore interface {
	Create(ctx context.Context, c Call) error
	Get(ctx context.Context, id string) (Call, error)
	GetMany(ctx context.Context, ids []string) (map[string]Call, error)
	// Update loads the call, runs fn and writes it back only over the version
	// it read, retrying fn on a lost race.
	Update(ctx context.Context, id string, fn func(*Call) error) (Call, error)
	List(ctx context.Context, f CallFilter, p value.Page) (value.Slice[Call], error)
	Count(ctx context.Context, f CallFilter) (int, error)
	// ByFund returns the calls of each fund in fundIDs, newest first.
	ByFund(ctx context.Context, fundIDs []string) (map[string][]Call, error)
	// Due returns the OPEN calls whose closing time is not after now.
	Due(ctx context.Context, now time.Time) ([]Call, error)
}

// ApplicationFilter narrows a list of applications; zero fields do not filter.
type ApplicationFilter struct {
	CallID     string
	Status     AppStatus
	StartupID  string
	ReviewerID string // applications the reviewer is assigned to
}

// ApplicationStore keeps applications. Create fails with a Conflict error when
// the startup already applied to the call or reused an idempotency key.
type ApplicationStore interface {
	Create(ctx context.Context, a Application) error
	Get(ctx context.Context, id string) (Application, error)
	// ByIdempotencyKey finds the application a startup sent with a key.
	ByIdempotencyKey(ctx context.Context, startupID, key string) (Application, bool, error)
	Update(ctx context.Context, id string, fn func(*Application) error) (Application, error)
	List(ctx context.Context, f ApplicationFilter, p value.Page) (value.Slice[Application], error)
	Count(ctx context.Context, f ApplicationFilter) (int, error)
	// CountByStatus counts a call's applications per status.
	CountByStatus(ctx context.Context, callID string) (map[AppStatus]int, error)
	// All returns every application matching f, for ranking.
	All(ctx context.Context, f ApplicationFilter) ([]Application, error)
}

// ReviewerStore keeps reviewers.
type ReviewerStore interface {
	Create(ctx context.Context, r Reviewer) error
	Get(ctx context.Context, id string) (Reviewer, error)
	GetMany(ctx context.Context, ids []string) (map[string]Reviewer, error)
	List(ctx context.Context, p value.Page) (value.Slice[Reviewer], error)
	Count(ctx context.Context) (int, error)
	// BySubject finds the reviewer profiles of a user account.
	BySubject(ctx context.Context, subject string) ([]Reviewer, error)
}
