package graph

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/ravilushqa/otelgqlgen"
	"github.com/vektah/gqlparser/v2/ast"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/trace"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/graph/generated"
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
	MaxAliases    int              // most aliased fields one operation may hold
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
	setCosts(&cfg.Complexity)

	srv := handler.New(generated.NewExecutableSchema(cfg))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(httpTransport{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	if o.Introspection {
		srv.Use(extension.Introspection{})
	}
	srv.Use(&operationLimits{maxComplexity: o.MaxComplexity, maxAliases: o.MaxAliases, maxDepth: o.MaxDepth})
	srv.Use(textGuard{})
	srv.AroundRootFields(boundRootFields)
	srv.AroundFields(emptyTextIsNull)
	if o.Metrics != nil {
		srv.AroundOperations(observeOperations(o.Metrics))
	}
	if o.Tracer != nil {
		srv.Use(otelgqlgen.Middleware(otelgqlgen.WithTracerProvider(o.Tracer), otelgqlgen.WithoutVariables()))
	}
	srv.SetErrorPresenter(presentError(o.Logger))
	srv.SetRecoverFunc(recoverPanic(o.Logger))

	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := req.Context()
		if o.Tracer != nil { // a caller's trace continues here
			ctx = telemetry.Propagator.Extract(ctx, propagation.HeaderCarrier(req.Header))
		}
		ctx = withRootSlots(withLoaders(ctx, newLoaders(r)))
		if err := r.Users.Saw(ctx, identity.FromContext(ctx)); err != nil { // the request goes on
			o.Logger.ErrorContext(ctx, "record user", "error", err)
		}
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
	h = cors(o.CORSOrigins, limitBody(o.MaxBodyBytes, h))
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		// Browsers must take every answer for what its Content-Type says.
		w.Header().Set("X-Content-Type-Options", "nosniff")
		h.ServeHTTP(w, req.WithContext(withLang(req.Context(), langFromHeader(req.Header.Get("Accept-Language")))))
	})
}

// limitBody refuses bodies larger than n bytes with 413 and REQUEST_TOO_LARGE,
// whether they declare their length or arrive in chunks.
func limitBody(n int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tooLarge := r.ContentLength > n
		if !tooLarge && r.Body != nil && r.Body != http.NoBody {
			body, err := io.ReadAll(io.LimitReader(r.Body, n+1))
			if err != nil {
				writeError(w, http.StatusBadRequest, langOf(r.Context()),
					errs.New(errs.Invalid, errs.CodeInvalidValue, nil, "Không đọc được nội dung yêu cầu.", "The request body could not be read."))
				return
			}
			tooLarge = int64(len(body)) > n
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		if tooLarge {
			writeError(w, http.StatusRequestEntityTooLarge, langOf(r.Context()),
				errs.New(errs.Invalid, errs.CodeRequestTooLarge, nil,
					fmt.Sprintf("Yêu cầu quá lớn (tối đa %s byte).", value.NumberVI(float64(n))),
					fmt.Sprintf("The request is too large (at most %s bytes).", value.NumberEN(float64(n)))))
			return
		}
		next.ServeHTTP(w, r)
	})
}
