// Package ecosystem is the registry of the actors around startups: the
// university incubators, investors and mentors.
package ecosystem

import (
	"context"

	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Store keeps one kind of ecosystem actor. Implementations return NOT_FOUND
// errors for unknown IDs.
type Store[E any] interface {
	Create(ctx context.Context, e E) error
	Get(ctx context.Context, id string) (E, error)
	// GetMany returns the entities that exist among ids.
	GetMany(ctx context.Context, ids []string) (map[string]E, error)
	// Update loads the entity, runs fn and writes it back with its version
	// bumped, only if nobody wrote in between; it retries fn on a lost race.
	Update(ctx context.Context, id string, fn func(*E) error) (E, error)
	List(ctx context.Context, p value.Page) (value.Slice[E], error)
	Count(ctx context.Context) (int, error)
}

// Incubator is a startup support centre or incubator, typically at a university.
type Incubator struct {
	record.Meta
	Name       string
	NameEN     string
	University string
	Ward       value.Ward
	Website    string
	Programs   []Program
	Managers   []string // subjects of the users who manage it
}

// Program is an incubation or acceleration programme an incubator runs.
type Program struct {
	Name        string
	Description string
	Sectors     []value.Sector
	Stages      []value.Stage
}

// InvestorKind says what sort of investor an Investor is.
type InvestorKind string

// The investor kinds.
const (
	VentureFund InvestorKind = "VENTURE_FUND"
	Angel       InvestorKind = "ANGEL"
	Corporate   InvestorKind = "CORPORATE"
	PublicFund  InvestorKind = "PUBLIC_FUND"
)

// Investor is a fund, angel or company that invests in startups.
type Investor struct {
	record.Meta
	InvestorProfile
}

// Thesis is what an investor invests in.
type Thesis struct {
	Sectors   []value.Sector
	Stages    []value.Stage
	Ticket    value.Range
	Geography []string // regions or wards; empty means anywhere
}

// Mentor is an expert who coaches startups, possibly an overseas Vietnamese.
type Mentor struct {
	record.Meta
	MentorProfile
}
