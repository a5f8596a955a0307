package graph

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/ravilushqa/otelgqlgen"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/graph/generated"
	"github.com/innoport/innoport/graph/model"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/metrics"
	"github.com/innoport/innoport/telemetry"
)

// Options configures the GraphQL endpoint.
type Options struct {
	Verifier      auth.Verifier
	Logger        *slog.Logger
	Introspection bool             // allow __schema queries (GraphiQL needs them)
	MaxBodyBytes  int64            // largest request body accepted
	MaxDepth      int              // deepest selection accepted, introspection excepted
	MaxComplexity int              // highest query cost accepted; lists cost per requested item
	Metrics       *metrics.Metrics // nil: none recorded
	// Tracer traces operations and resolvers (otelgqlgen, request variables
	// left out); nil: no tracing.
	Tracer trace.TracerProvider
	// RateLimit bounds each client's requests; zero: none.
	RateLimit RateLimit
	// CORSOrigins are the browser origins allowed to call; empty: none
	// (same-origin only).
	CORSOrigins []string
	// Timeout bounds each request's work; zero: none.
	Timeout time.Duration
	// Now is the clock of the rate limiter; nil: time.Now.
	Now func() time.Time
}

// NewHandler serves GraphQL over HTTP (POST and GET, per the GraphQL-over-HTTP
// specification) with authentication, per-request dataloaders, localised
// errors and the limits in o.
func NewHandler(r *Resolver, o Options) http.Handler {
	cfg := generated.Config{Resolvers: r}
	listCost := func(child int, first *int) int { return 1 + child*pageCost(first) }
	cfg.Complexity.Query.Startups = func(child int, first *int, _ *string, _ *model.StartupFilter) int {
		return listCost(child, first)
	}
	cfg.Complexity.Query.Investors = func(child int, first *int, _ *string) int { return listCost(child, first) }
	cfg.Complexity.Query.Mentors = func(child int, first *int, _ *string) int { return listCost(child, first) }
	cfg.Complexity.Query.FundCalls = func(child int, first *int, _ *string, _ *funding.CallStatus) int {
		return listCost(child, first)
	}
	cfg.Complexity.Incubator.Startups = func(child int, first *int, _ *string) int { return listCost(child, first) }
	cfg.Complexity.FundCall.Applications = func(child int, first *int, _ *string, _ *funding.AppStatus) int {
		return listCost(child, first)
	}
	cfg.Complexity.Query.Reviewers = func(child int, first *int, _ *string) int { return listCost(child, first) }
	cfg.Complexity.Query.ScreeningResults = func(child int, _ string, _ *screening.Status, first *int, _ *string) int {
		return listCost(child, first)
	}
	cfg.Complexity.Query.SandboxApplications = func(child int, _, _ *string, first *int, _ *string) int {
		return listCost(child, first)
	}
	cfg.Complexity.Query.SandboxRegister = func(child int, first *int, _ *string) int { return listCost(child, first) }
	cfg.Complexity.Query.JobRuns = func(child int, _ string, first *int, _ *string) int { return listCost(child, first) }
	cfg.Complexity.Startup.Matches = func(child int, _ matching.Kind, first *int) int { return listCost(child, first) }
	cfg.Complexity.FundCall.Matches = func(child int, first *int) int { return listCost(child, first) }
	cfg.Complexity.Investor.Matches = func(child int, first *int) int { return listCost(child, first) }
	cfg.Complexity.Mentor.Matches = func(child int, first *int) int { return listCost(child, first) }
	cfg.Complexity.Query.Events = func(child int, _ *string, _ []events.Status, first *int, _ *string) int {
		return listCost(child, first)
	}
	cfg.Complexity.EventParticipant.Recommendations = func(child int, first *int) int { return listCost(child, first) }

	srv := handler.New(generated.NewExecutableSchema(cfg))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(extension.FixedComplexityLimit(o.MaxComplexity))
	srv.Use(depthLimit(o.MaxDepth))
	if o.Metrics != nil {
		srv.AroundOperations(observeOperations(o.Metrics))
	}
	if o.Tracer != nil {
		srv.Use(otelgqlgen.Middleware(otelgqlgen.WithTracerProvider(o.Tracer), otelgqlgen.WithoutVariables()))
	}
	srv.SetErrorPresenter(presentError(o.Logger))
	srv.SetRecoverFunc(recoverPanic(o.Logger))

	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := withLang(req.Context(), langFromHeader(req.Header.Get("Accept-Language")))
		if o.Tracer != nil { // a caller's trace continues here
			ctx = telemetry.Propagator.Extract(ctx, propagation.HeaderCarrier(req.Header))
		}
		ctx = withLoaders(ctx, newLoaders(r))
		if o.Timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, o.Timeout)
			defer cancel()
		}
		srv.ServeHTTP(w, req.WithContext(ctx))
	})
	now := o.Now
	if now == nil {
		now = time.Now
	}
	h = limitRate(o.RateLimit, now, h)
	h = authenticate(o.Verifier, o.Logger, h)
	return cors(o.CORSOrigins, limitBody(o.MaxBodyBytes, h))
}

// pageCost is what one item of a list costs times the items asked for.
func pageCost(first *int) int {
	if first == nil {
		return 20
	}
	return max(*first, 1)
}

// limitBody refuses bodies larger than n bytes with 413 and REQUEST_TOO_LARGE,
// whether they declare their length or arrive in chunks.
func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tooLarge := r.ContentLength > n
		if !tooLarge && r.Body != nil && r.Body != http.NoBody {
			body, err := io.ReadAll(io.LimitReader(r.Body, n+1))
			if err != nil {
				writeError(w, http.StatusBadRequest, langFromHeader(r.Header.Get("Accept-Language")),
					errs.New(errs.Invalid, errs.CodeInvalidValue, nil, "Không đọc được nội dung yêu cầu.", "The request body could not be read."))
				return
			}
			tooLarge = int64(len(body)) > n
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		if tooLarge {
			writeError(w, http.StatusRequestEntityTooLarge, langFromHeader(r.Header.Get("Accept-Language")),
				errs.New(errs.Invalid, errs.CodeRequestTooLarge, nil,
					fmt.Sprintf("Yêu cầu quá lớn (tối đa %d byte).", n),
					fmt.Sprintf("The request is too large (at most %d bytes).", n)))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// depthLimit refuses operations nested deeper than maxDepth levels of fields.
// Introspection fields (__schema, __type) are not counted: GraphiQL's own
// introspection query is deep by nature and bounded by the schema.
type depthLimit int

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = depthLimit(0)

func (depthLimit) ExtensionName() string { return "DepthLimit" }

func (depthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d depthLimit) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if depth := selectionDepth(oc.Operation.SelectionSet, 0); depth > int(d) {
		e := errs.New(errs.Invalid, errs.CodeDepthLimitExceeded, nil,
			fmt.Sprintf("Truy vấn lồng %d cấp, vượt quá giới hạn %d.", depth, int(d)),
			fmt.Sprintf("The query is nested %d levels deep, above the limit of %d.", depth, int(d)))
		return &gqlerror.Error{Message: e.Message(langOf(ctx)), Extensions: map[string]any{"code": string(e.Code)}}
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
