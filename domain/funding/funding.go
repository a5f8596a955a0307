// Package funding is the bounded context of venture funds and the funding
// calls they publish.
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

// The call statuses.
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
	FundID      string
	Title       string
	Description string
	Status      CallStatus
	OpensAt     time.Time
	ClosesAt    time.Time
	Budget      value.VND
	Ticket      value.Range
	Sectors     []value.Sector // priority sectors; empty means any
}

// FundStore keeps funds.
type FundStore interface {
	Create(ctx context.Context, f Fund) error
	Get(ctx context.Context, id string) (Fund, error)
	GetMany(ctx context.Context, ids []string) (map[string]Fund, error)
	All(ctx context.Context) ([]Fund, error)
}

// CallFilter narrows a list of calls; zero fields do not filter.
type CallFilter struct {
	Status CallStatus
}

// CallStore keeps funding calls.
type CallStore interface {
	Create(ctx context.Context, c Call) error
	Get(ctx context.Context, id string) (Call, error)
	GetMany(ctx context.Context, ids []string) (map[string]Call, error)
	List(ctx context.Context, f CallFilter, p value.Page) (value.Slice[Call], error)
	Count(ctx context.Context, f CallFilter) (int, error)
	// ByFund returns the calls of each fund in fundIDs, newest first.
	ByFund(ctx context.Context, fundIDs []string) (map[string][]Call, error)
}

// Service holds the funding use-cases.
type Service struct {
	funds FundStore
	calls CallStore
}

// NewService builds the funding use-cases on their stores.
func NewService(funds FundStore, calls CallStore) *Service {
	return &Service{funds: funds, calls: calls}
}

// Funds returns every fund.
func (s *Service) Funds(ctx context.Context) ([]Fund, error) { return s.funds.All(ctx) }

// Fund returns one fund.
func (s *Service) Fund(ctx context.Context, id string) (Fund, error) { return s.funds.Get(ctx, id) }

// FundsByID returns the funds that exist among ids, for batched loads.
func (s *Service) FundsByID(ctx context.Context, ids []string) (map[string]Fund, error) {
	return s.funds.GetMany(ctx, ids)
}

// Call returns one funding call.
func (s *Service) Call(ctx context.Context, id string) (Call, error) { return s.calls.Get(ctx, id) }

// Calls returns a page of funding calls.
func (s *Service) Calls(ctx context.Context, f CallFilter, p value.Page) (value.Slice[Call], error) {
	return s.calls.List(ctx, f, p)
}

// CountCalls counts the funding calls matching f.
func (s *Service) CountCalls(ctx context.Context, f CallFilter) (int, error) {
	return s.calls.Count(ctx, f)
}

// CallsByFund returns the calls of each fund, for batched loads.
func (s *Service) CallsByFund(ctx context.Context, fundIDs []string) (map[string][]Call, error) {
	return s.calls.ByFund(ctx, fundIDs)
}
