// Package graph is the GraphQL layer: thin resolvers that decode input, call
// the domain's use-cases (most one; a few, such as the deal-flow page, read
// several to answer one field), convert the result and map errors; plus the
// per-request dataloaders, the error presenter, the limits and the HTTP
// transport that serves it all.
package graph

import (
	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/runs"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/stats"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/metrics"
	"github.com/innoport/innoport/search"
)

// Resolver is the root resolver; it holds the domain use-cases.
type Resolver struct {
	Firms     *firm.Service
	Ecosystem *ecosystem.Service
	Funding   *funding.Service
	Screen    *screening.Service
	Sandbox   *sandbox.Service
	Meetups   *events.Service
	Runs      *runs.Service
	Matching  *matching.Service
	Investing *dealflow.Service
	// Transfer is technology transfer; TransferMatching keeps its match lists.
	Transfer *transfer.Service
	// Catalogue is the incentives: what firms qualify for, and their claims.
	Catalogue *incentive.Service
	// Stats is the city's statistics, for officials and the open data.
	Stats            *stats.Service
	TransferMatching *matching.TransferService
	// Users names the subjects records keep, and learns them as users sign in.
	Users *identity.Directory
	// Index is the search index the search API and startups(filter: {text}) read.
	Index search.Index
	// Metrics records event scheduling runs; nil records nothing.
	Metrics *metrics.Metrics
	// RescreenAll screens every firm again in the background, after a new
	// criteria set is published.
	RescreenAll func()
	// RescoreAll rescores every match in the background, after new
	// matching weights are published.
	RescoreAll func()
}
