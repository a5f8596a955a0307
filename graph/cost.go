package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/generated"
	"github.com/innoport/innoport/graph/model"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/search"
)

// What a query costs. A field costs 1 plus its selection; a field that
// goes to the store or the search index on its own (every root field, and
// the nested fields that do not batch through a dataloader) costs
// storeCost more; a list costs its selection once per item asked for
// (`first`, 20 when not given). An operation costing more than the limit
// is refused before anything runs, so a thousand aliases of a cheap-looking
// field cannot starve other clients.
const storeCost = 10

// pageCost is how many items a list is charged for.
func pageCost(first *int) int {
	if first == nil {
		return 20
	}
	return max(*first, 1)
}

func listCost(child int, first *int) int { return storeCost + child*pageCost(first) }

func fieldCost(child int) int { return storeCost + child }

// setCosts gives every field that reaches the store or the index its cost.
func setCosts(c *generated.ComplexityRoot) {
	q := &c.Query
	q.Application = func(child int, _ string) int { return fieldCost(child) }
	q.CheckEligibility = func(child int, _, _ string) int { return fieldCost(child) }
	q.CriteriaSets = func(child int, _ *screening.SetStatus) int { return listCost(child, nil) }
	q.Incentives = func(child int, _ *screening.SetStatus) int { return listCost(child, nil) }
	// The statistics read every firm and record once: priced as a page of
	// 100 records, so a request can ask for them once, not alias them.
	q.CityStatistics = func(child int, _, _ value.Date) int { return storeCost * 100 }
	q.Event = func(child int, _ string) int { return fieldCost(child) }
	q.Events = func(child int, _ *string, _ []events.Status, first *int, _ *string) int {
		return listCost(child, first)
	}
	q.FundCalls = func(child int, first *int, _ *string, _ *funding.CallStatus) int { return listCost(child, first) }
	q.Funds = func(child int) int { return listCost(child, nil) }
	q.Incubators = func(child int) int { return listCost(child, nil) }
	q.Investors = func(child int, first *int, _ *string) int { return listCost(child, first) }
	q.JobRuns = func(child int, _ string, first *int, _ *string) int { return listCost(child, first) }
	q.Jobs = func(child int) int { return listCost(child, nil) }
	q.Mentors = func(child int, first *int, _ *string) int { return listCost(child, first) }
	q.MyAgenda = func(child int, _ string) int { return fieldCost(child) }
	q.MyMeetingRequests = func(child int, _ string) int { return listCost(child, nil) }
	q.Node = func(child int, _ string) int { return fieldCost(child) }
	q.Nodes = func(child int, ids []string) int { return max(1, len(ids)) * fieldCost(child) }
	q.Notifications = func(child int, first *int, _ *string, _ *bool) int { return listCost(child, first) }
	q.PreviewCriteriaSet = func(child int, _ string) int { return 100 * storeCost } // screens every firm
	// Scores every pair four times: one per request.
	q.CompareMatchingWeights = func(child int, _, _ string) int { return 300 * storeCost }
	q.MatchingWeights = func(child int) int { return listCost(child, nil) }
	q.Reviewers = func(child int, first *int, _ *string) int { return listCost(child, first) }
	q.SandboxApplication = func(child int, _ string) int { return fieldCost(child) }
	q.SandboxApplications = func(child int, _, _ *string, first *int, _ *string) int { return listCost(child, first) }
	q.SandboxPrograms = func(child int) int { return listCost(child, nil) }
	q.SandboxRegister = func(child int, first *int, _ *string) int { return listCost(child, first) }
	q.ScreeningCounts = func(child int, _ string) int { return fieldCost(child) }
	q.ScreeningResults = func(child int, _ string, _ *screening.Status, first *int, _ *string) int {
		return listCost(child, first)
	}
	q.Search = func(child int, _ string, _ []search.Type, _ *model.SearchFilter, _ *model.SearchSort, first *int, _ *string) int {
		return listCost(child, first)
	}
	q.Startup = func(child int, _ string) int { return fieldCost(child) }
	q.Startups = func(child int, first *int, _ *string, _ *model.StartupFilter) int { return listCost(child, first) }
	q.Viewer = func(child int) int { return fieldCost(child) }
	q.IncubatorsConnection = func(child int, first *int, _ *string) int { return listCost(child, first) }
	q.SandboxRegisterConnection = func(child int, first *int, _ *string) int { return listCost(child, first) }

	cs := &c.CriteriaSet
	cs.ScreeningCounts = func(child int) int { return fieldCost(child) }
	cs.ScreeningResults = func(child int, _ *screening.Status, first *int, _ *string) int { return listCost(child, first) }

	v := &c.Viewer
	v.Organization = func(child int) int { return fieldCost(child) }
	v.Applications = func(child int, first *int, _ *string, _ *funding.AppStatus) int { return listCost(child, first) }
	v.ReviewAssignments = func(child int, first *int, _ *string) int { return listCost(child, first) }
	v.Notifications = func(child int, first *int, _ *string, _ *bool) int { return listCost(child, first) }
	v.Events = func(child int, first *int, _ *string) int { return listCost(child, first) }
	v.Deals = func(child int, first *int, _ *string, _ *dealflow.Stage) int { return listCost(child, first) }
	v.SandboxApplications = func(child int, first *int, _ *string) int { return listCost(child, first) }

	c.Incubator.Startups = func(child int, first *int, _ *string) int { return listCost(child, first) }
	c.Incubator.Events = func(child int, _ []events.Status, first *int, _ *string) int { return listCost(child, first) }
	c.FundCall.Applications = func(child int, first *int, _ *string, _ *funding.AppStatus) int { return listCost(child, first) }
	c.FundCall.ApplicationCounts = func(child int) int { return fieldCost(child) }
	c.FundCall.Ranking = func(child int, _ *bool) int { return listCost(child, nil) }
	c.FundCall.Matches = func(child int, first *int) int { return listCost(child, first) }
	c.Startup.Applications = func(child int, first *int, _ *string, _ *funding.AppStatus) int { return listCost(child, first) }
	c.Startup.Matches = func(child int, _ matching.Kind, first *int) int { return listCost(child, first) }
	c.Startup.DataRoomGrants = func(child int) int { return listCost(child, nil) }
	c.Startup.Incentives = func(child int) int { return listCost(child, nil) }
	c.Startup.IncentiveClaims = func(child int) int { return listCost(child, nil) }
	c.Startup.DataRoomAccessLog = func(child int, first *int, _ *string) int { return listCost(child, first) }
	c.Investor.Matches = func(child int, first *int) int { return listCost(child, first) }
	c.Investor.PortfolioConnection = func(child int, first *int, _ *string) int { return listCost(child, first) }
	c.Mentor.MenteesConnection = func(child int, first *int, _ *string) int { return listCost(child, first) }
	c.Fund.CallsConnection = func(child int, first *int, _ *string) int { return listCost(child, first) }
	c.Event.ParticipantsConnection = func(child int, _ *events.RegStatus, _ *string, first *int, _ *string) int {
		return listCost(child, first)
	}
	c.Event.MeetingsConnection = func(child int, first *int, _ *string) int { return listCost(child, first) }
	c.Investor.DealFlow = func(child int, first *int, _ *string, _ *model.DealFlowFilter, _ *dealflow.Sort) int {
		return listCost(child, first)
	}
	c.Investor.Deals = func(child int, _ *dealflow.Stage) int { return listCost(child, nil) }
	c.Investor.Pipeline = func(child int) int { return fieldCost(child) }
	c.Investor.SavedSearches = func(child int) int { return listCost(child, nil) }
	c.Mentor.Matches = func(child int, first *int) int { return listCost(child, first) }
	c.Event.Report = func(child int) int { return fieldCost(child) }
	c.Event.MyAgenda = func(child int) int { return fieldCost(child) }
	c.Event.MyMeetingRequests = func(child int) int { return listCost(child, nil) }
	c.EventParticipant.Recommendations = func(child int, first *int) int { return listCost(child, first) }

	q.ResearchOrganizations = func(child int, first *int, _ *string) int { return listCost(child, first) }
	q.TechOffers = func(child int, _ *string, _ []transfer.OfferStatus, first *int, _ *string) int {
		return listCost(child, first)
	}
	q.TechRequests = func(child int, _ *string, first *int, _ *string) int { return listCost(child, first) }
	q.TransferConversations = func(child int, _ []transfer.Stage, _ *bool, first *int, _ *string) int {
		return listCost(child, first)
	}
	ro := &c.ResearchOrganization
	ro.Offers = func(child int, _ []transfer.OfferStatus, first *int, _ *string) int { return listCost(child, first) }
	ro.MatchingRequests = func(child int, first *int) int { return listCost(child, first) }
	to := &c.TechOffer
	to.Details = func(child int) int { return fieldCost(child) }
	to.MatchingRequests = func(child int, first *int) int { return listCost(child, first) }
	to.MatchingStartups = func(child int, first *int) int { return listCost(child, first) }
	to.DetailReads = func(child int, first *int, _ *string) int { return listCost(child, first) }
	to.Conversations = func(child int, first *int, _ *string) int { return listCost(child, first) }
	c.TechRequest.MatchingOffers = func(child int, first *int) int { return listCost(child, first) }
	c.TechRequest.MatchingOrganizations = func(child int, first *int) int { return listCost(child, first) }
	c.TransferConversation.Offer = func(child int) int { return fieldCost(child) }
	to.MyConversation = func(child int) int { return fieldCost(child) }
}

// operationLimits refuses, before anything runs, an operation nested deeper
// than maxDepth, with more than maxAliases aliased fields, or costing more
// than maxComplexity. Introspection fields (__schema, __type) are not
// counted for depth: GraphiQL's own introspection query is deep by nature
// and bounded by the schema.
type operationLimits struct {
	maxDepth, maxAliases, maxComplexity int
	schema                              graphql.ExecutableSchema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &operationLimits{}

func (*operationLimits) ExtensionName() string { return "OperationLimits" }

func (l *operationLimits) Validate(s graphql.ExecutableSchema) error {
	l.schema = s
	return nil
}

func (l *operationLimits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	refuse := func(code errs.Code, vi, en string) *gqlerror.Error {
		return refused(ctx, requestError(code, vi, en))
	}
	if depth := selectionDepth(oc.Operation.SelectionSet, 0); depth > l.maxDepth {
		return refuse(errs.CodeDepthLimitExceeded,
			fmt.Sprintf("Truy vấn lồng %d cấp, vượt quá giới hạn %d.", depth, l.maxDepth),
			fmt.Sprintf("The query is nested %d levels deep, above the limit of %d.", depth, l.maxDepth))
	}
	if n := aliases(oc.Operation.SelectionSet, map[string]bool{}); n > l.maxAliases {
		return refuse(errs.CodeAliasLimitExceeded,
			fmt.Sprintf("Truy vấn có %d bí danh (alias), vượt quá giới hạn %d.", n, l.maxAliases),
			fmt.Sprintf("The operation has %d aliased fields, above the limit of %d.", n, l.maxAliases))
	}
	if cost := complexity.Calculate(ctx, l.schema, oc.Operation, oc.Variables); cost > l.maxComplexity {
		return refuse(errs.CodeComplexityLimitExceeded,
			fmt.Sprintf("Truy vấn có chi phí %s, vượt quá giới hạn %s; hãy giảm first hoặc số trường.",
				value.NumberVI(float64(cost)), value.NumberVI(float64(l.maxComplexity))),
			fmt.Sprintf("The operation costs %s, above the limit of %s; ask for fewer items or fields.",
				value.NumberEN(float64(cost)), value.NumberEN(float64(l.maxComplexity))))
	}
	return nil
}

func selectionDepth(set ast.SelectionSet, depth int) int {
	deepest := depth
	for _, s := range set {
		var d int
		switch s := s.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = selectionDepth(s.SelectionSet, depth+1)
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, depth)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = selectionDepth(s.Definition.SelectionSet, depth)
			}
		}
		deepest = max(deepest, d)
	}
	return deepest
}

// aliases counts the fields whose alias differs from their name, through
// fragments (each fragment counted where it is spread, once per spread).
func aliases(set ast.SelectionSet, spreading map[string]bool) int {
	n := 0
	for _, s := range set {
		switch s := s.(type) {
		case *ast.Field:
			if s.Alias != "" && s.Alias != s.Name {
				n++
			}
			n += aliases(s.SelectionSet, spreading)
		case *ast.InlineFragment:
			n += aliases(s.SelectionSet, spreading)
		case *ast.FragmentSpread:
			if s.Definition != nil && !spreading[s.Name] { // validation refuses cycles; guard anyway
				spreading[s.Name] = true
				n += aliases(s.Definition.SelectionSet, spreading)
				delete(spreading, s.Name)
			}
		}
	}
	return n
}

// rootFieldsAtOnce is how many root fields of one operation resolve at the
// same time; the rest wait. Each may hold store connections, so one request
// cannot take the whole connection pool however many fields it asks for.
const rootFieldsAtOnce = 4

type rootSlotsKey struct{}

// withRootSlots gives a request its root-field slots.
func withRootSlots(ctx context.Context) context.Context {
	return context.WithValue(ctx, rootSlotsKey{}, make(chan struct{}, rootFieldsAtOnce))
}

// boundRootFields runs each root field in one of its request's slots.
func boundRootFields(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	slots, ok := ctx.Value(rootSlotsKey{}).(chan struct{})
	if !ok {
		return next(ctx)
	}
	select {
	case slots <- struct{}{}:
	case <-ctx.Done():
		return next(ctx) // the deadline is reported by the store calls it cancels
	}
	defer func() { <-slots }()
	return next(ctx)
}
