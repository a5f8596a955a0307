// Package app is Innoport's composition root: it connects the store
// (starting the embedded one when no URI is configured), opens the search
// index, wires every use-case, the jobs and the cross-domain reactions
// (reactions.go), and serves the HTTP routes. cmd/innoport only reads flags
// and runs subcommands on an App.
package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/domain/clock"
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
	"github.com/innoport/innoport/graph"
	"github.com/innoport/innoport/jobs"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/metrics"
	"github.com/innoport/innoport/opendata"
	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/bleve"
	"github.com/innoport/innoport/search/indexer"
	"github.com/innoport/innoport/search/meili"
	"github.com/innoport/innoport/search/observed"
	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/telemetry"
)

// App is the wired service: store, use-cases, authentication, jobs and
// HTTP routes.
type App struct {
	cfg      Config
	logger   *slog.Logger
	clock    clock.Clock
	embedded *store.Embedded // nil with MONGODB_URI
	db       *store.DB
	repos    store.Repositories
	resolver *graph.Resolver
	verifier auth.Verifier
	signer   *auth.HS256 // nil with OIDC
	jobs     *jobs.Scheduler
	search   search.Index
	indexer  *indexer.Indexer
	metrics  *metrics.Metrics         // nil when off
	tracer   *sdktrace.TracerProvider // nil when off
	// background tracks work started by requests that outlives them.
	background sync.WaitGroup
	rescreens  rescreenQueue
	openData   *opendata.Publisher
}

// New connects the store (starting the embedded one when no URI is
// configured), creates indexes and wires the use-cases; Close releases it.
func New(ctx context.Context, cfg Config, clk clock.Clock, logger *slog.Logger) (_ *App, err error) {
	a := &App{cfg: cfg, logger: logger, clock: clk}
	if cfg.Metrics {
		a.metrics = metrics.New()
	}
	if cfg.Tracing {
		if a.tracer, err = telemetry.Start(ctx); err != nil {
			return nil, err
		}
	}
	defer func() {
		if err != nil {
			a.Close(context.WithoutCancel(ctx))
		}
	}()
	uri := cfg.MongoURI
	if cfg.Embedded() {
		a.embedded, err = store.StartEmbedded(filepath.Join(cfg.DataDir, "db"), "127.0.0.1:0", logger.With("component", "ferretdb"))
		if err != nil {
			return nil, err
		}
		uri = a.embedded.URI()
	}
	if a.db, err = store.Open(ctx, uri, cfg.DBName); err != nil {
		return nil, err
	}
	if a.metrics != nil {
		a.db.Observe(a.metrics.Command)
	}
	if a.tracer != nil {
		a.db.Trace(a.tracer)
	}
	if err = a.db.EnsureIndexes(ctx); err != nil {
		return nil, err
	}
	if err = a.initAuth(ctx); err != nil {
		return nil, err
	}
	a.repos = store.NewRepositories(a.db)
	if err = a.openSearch(ctx); err != nil {
		return nil, err
	}
	r := a.repos
	eco := ecosystem.NewService(r.Incubators, r.Investors, r.Mentors, r.Startups, clk)
	firms := firm.NewService(r.Startups, eco, clk)
	a.resolver = &graph.Resolver{
		Metrics:   a.metrics,
		Screen:    screening.NewService(r.CriteriaSets, r.Results, r.Startups, clk),
		Sandbox:   sandbox.NewService(r.Programs, r.SandboxApplications, firms, clk),
		Firms:     firms,
		Ecosystem: eco,
		Funding: funding.NewService(funding.Stores{
			Funds: r.Funds, Calls: r.Calls, Applications: r.Applications, Reviewers: r.Reviewers,
		}, firms, eco, clk),
		Index: a.search,
		Users: identity.NewDirectory(r.Users, clk.Now),
	}
	a.resolver.Catalogue = incentive.NewService(r.Incentives, r.Standings, r.Benefits, a.resolver.Screen, r.Startups, clk)
	if _, err = a.resolver.Catalogue.Ship(ctx, incentive.Shipped()); err != nil {
		return nil, err
	}
	a.resolver.Stats = stats.NewService(stats.Sources{
		Firms: r.Startups.Each, Incubators: r.Incubators.All,
		CriteriaSets: func(ctx context.Context) ([]screening.CriteriaSet, error) {
			return r.CriteriaSets.List(ctx, screening.SetActive)
		},
		CountResults: func(ctx context.Context, set string, st screening.Status) (int, error) {
			return r.Results.Count(ctx, screening.ResultFilter{SetKey: set, Status: st})
		},
		Incentives:      func(ctx context.Context) ([]incentive.Incentive, error) { return r.Incentives.List(ctx, "") },
		CountQualifying: r.Standings.CountQualifying, Claims: r.Benefits.Each, Calls: r.Calls.Each, Applications: r.Applications.Each,
		Events: r.Events.Each, Boards: r.Boards.Each, Deals: r.Deals.Each, SandboxApps: r.SandboxApplications.Each,
		Conversations: r.Conversations.Each,
	}, clk)
	a.openData = opendata.NewPublisher(opendata.Sources{
		Statistics: a.resolver.Stats.Compute, Firms: r.Startups.Each, Incubators: r.Incubators.All, Programs: r.Programs.All,
		Register: func(ctx context.Context) ([]sandbox.Application, error) {
			return r.SandboxApplications.All(ctx, sandbox.Registered)
		},
	}, r.OpenData, clk)
	a.resolver.RescreenAll = func() { a.rescreen("") }
	a.resolver.RescoreAll = func() {
		if _, err := a.jobs.Run(context.Background(), "score-matches", runs.Event); err != nil {
			a.logger.Error("rescore after new matching weights", "err", err)
		}
	}
	a.resolver.Matching = matching.NewService(r.MatchSources, r.MatchLists, r.MatchWeights, matching.Lookups{
		Startup: r.Startups.Get, Call: r.Calls.Get, Mentor: r.Mentors.Get,
	}, a.clock, a.logger, matching.Options{K: a.cfg.MatchesK})
	if err = a.resolver.Matching.ShipWeights(ctx); err != nil {
		return nil, fmt.Errorf("ship matching weights: %w", err)
	}
	a.resolver.Investing = dealflow.NewService(dealflow.Stores{
		Deals: r.Deals, SavedSearches: r.SavedSearches, Notifications: r.Notifications, Grants: r.Grants, Access: r.Access,
	}, firms, eco, a.search, a.investorScores, clk)
	a.resolver.Transfer = transfer.NewService(transfer.Stores{Orgs: r.ResearchOrgs, Offers: r.TechOffers,
		Requests: r.TechRequests, Conversations: r.Conversations, Reads: r.DetailReads}, r.Startups, clk)
	a.resolver.TransferMatching = matching.NewTransferService(transferSources{a.resolver.Transfer, r}, r.TransferLists,
		a.clock, a.logger, matching.Options{K: a.cfg.MatchesK})
	a.resolver.Meetups = events.NewService(r.Events, r.Boards, r.Requests, a.affinity, a.meetingToDeal, clk)
	a.react(firms, eco)
	a.jobs, err = jobs.NewScheduler(jobs.Config{
		Logger: logger, Clock: clk, Leases: r.Leases, Runs: r.Runs,
		Instance: cfg.Instance, LeaseTTL: cfg.JobLeaseTTL, Timeout: time.Hour,
		Observe: func(job string, status runs.Status, took time.Duration) { a.metrics.JobRun(job, string(status), took) },
	}, jobs.CloseDueCalls(a.resolver.Funding, cfg.CloseCallsSchedule),
		jobs.ScreenInnovativeEnterprises(a.resolver.Screen, cfg.ScreeningSchedule),
		jobs.JudgeIncentives(a.resolver.Catalogue, cfg.ScreeningSchedule),
		jobs.FlagSandboxDeadlines(a.resolver.Sandbox, cfg.SandboxSchedule),
		jobs.ScoreMatches(a.resolver.Matching, cfg.MatchesSchedule),
		jobs.RescoreChangedMatches(a.resolver.Matching),
		jobs.ScoreTransferMatches(a.resolver.TransferMatching, cfg.MatchesSchedule),
		jobs.RemindTransferRegistrations(a.resolver.Transfer, cfg.RemindersSchedule),
		jobs.PublishOpenData(a.openData, cfg.OpenDataSchedule),
		jobs.ReindexSearch(a.indexer, cfg.ReindexSchedule))
	if err != nil {
		return nil, err
	}
	a.resolver.Matching.Start(func(ctx context.Context) (bool, error) {
		r, err := a.jobs.RunAndWait(ctx, "rescore-changed-matches", runs.Event)
		return r.Status != runs.Skipped, err
	})
	a.resolver.TransferMatching.Start(func(ctx context.Context) (bool, error) {
		r, err := a.jobs.RunAndWait(ctx, "score-transfer-matches", runs.Event)
		return r.Status != runs.Skipped, err
	})
	a.resolver.Runs = runs.NewService(a.jobs, r.Runs)
	a.metrics.Watch(a.sizes)
	return a, nil
}

// sizes are the store's sizes and the background backlog, for /metrics.
func (a *App) sizes() metrics.Sizes {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	docs, bytes, err := a.db.Sizes(ctx)
	if err != nil {
		a.logger.Warn("count the store's documents for /metrics", "error", err)
	}
	return metrics.Sizes{Documents: docs, FileBytes: bytes, Backlog: a.Backlog(ctx)}
}

// openSearch opens the search index — Meilisearch at MEILI_URL, else the
// embedded one under the data directory (in memory without one) — and the
// indexer that keeps it up to date with the store.
func (a *App) openSearch(ctx context.Context) error {
	var (
		idx    search.Index
		engine string
		err    error
	)
	if a.cfg.MeiliURL != "" {
		engine = "meilisearch"
		idx, err = meili.New(ctx, a.cfg.MeiliURL, a.cfg.MeiliKey, a.cfg.SearchIndex)
	} else {
		engine = "bleve"
		if !a.cfg.Embedded() {
			a.logger.Warn("search uses an embedded index of this process: set MEILI_URL when several replicas share the store")
		}
		dir := ""
		if a.cfg.DataDir != "" {
			dir = filepath.Join(a.cfg.DataDir, "search")
		}
		idx, err = bleve.Open(dir)
		if errors.Is(err, bleve.ErrInUse) && a.cfg.WithoutLocalIndex {
			a.logger.Info("the running service has the search index open; it indexes this command's changes")
			return nil
		}
	}
	if err != nil {
		return err
	}
	a.search = observed.Index(idx, engine, a.traceProvider(), a.metrics.SearchQuery)
	a.indexer = &indexer.Indexer{
		Index: a.search, Outbox: a.db.SearchOutbox(), Logger: a.logger, Now: time.Now, Lag: a.metrics.SearchLag,
		Source: store.NewSearchSource(a.db),
	}
	if a.cfg.MeiliURL != "" {
		// One index shared by every replica: one indexer at a time.
		leases := store.NewLeases(a.db)
		a.indexer.Lease = func(ctx context.Context) (bool, error) {
			now := time.Now()
			held, _, err := leases.Acquire(ctx, "search-indexer", a.cfg.Instance, now, now.Add(searchLeaseTTL))
			return held, err
		}
	}
	a.db.SearchOutbox().OnMark(a.indexer.Poke)
	return nil
}

// searchLeaseTTL is how long a dead replica keeps the others from indexing.
const searchLeaseTTL = 10 * time.Second

// Start runs the scheduled jobs and the indexer, and brings the index in
// line with the store in the background: a new or lost embedded index
// fills from the store.
func (a *App) Start() {
	a.startSearch()
	a.jobs.Start()
}

func (a *App) startSearch() {
	a.indexer.Start()
	a.background.Add(1)
	go func() {
		defer a.background.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		st, err := a.indexer.Repair(ctx)
		if err != nil {
			a.logger.Error("repair the search index", "error", err)
			return
		}
		if st.Indexed+st.Removed > 0 {
			a.logger.Info("search index repaired", "checked", st.Checked, "indexed", st.Indexed, "removed", st.Removed)
		}
	}()
}

// initAuth picks the token verifier: OIDC when an issuer is configured,
// otherwise HS256 with the configured secret or, on the embedded store, one
// generated into the data directory on first start.
func (a *App) initAuth(ctx context.Context) error {
	if a.cfg.OIDCIssuer != "" {
		v, err := auth.NewOIDC(ctx, a.cfg.OIDCIssuer, a.cfg.OIDCAudience, a.clock.Now)
		a.verifier = v
		return err
	}
	secret := a.cfg.JWTSecret
	if secret == "" {
		var err error
		if secret, err = auth.LocalSecret(filepath.Join(a.cfg.DataDir, "jwt-secret")); err != nil {
			return err
		}
	}
	s, err := auth.NewHS256([]byte(secret), a.clock.Now)
	if err != nil {
		return err
	}
	a.signer, a.verifier = s, s
	return nil
}

// demoStores are the repositories the demo seeds through.
func (a *App) demoStores() demo.Stores {
	r := a.repos
	return demo.Stores{Startups: r.Startups, Incubators: r.Incubators, Investors: r.Investors, Mentors: r.Mentors,
		Funds: r.Funds, Calls: r.Calls, Reviewers: r.Reviewers, CriteriaSets: r.CriteriaSets, Programs: r.Programs,
		SandboxApplications: r.SandboxApplications, Events: r.Events, Boards: r.Boards,
		ResearchOrgs: r.ResearchOrgs, TechOffers: r.TechOffers, TechRequests: r.TechRequests,
		Conversations: r.Conversations, DetailReads: r.DetailReads, Benefits: r.Benefits}
}

// SeedDemo fills an empty store with the demo ecosystem, screened and
// matched; a store with data is left alone.
func (a *App) SeedDemo(ctx context.Context) error {
	empty, err := a.db.IsEmpty(ctx)
	if err != nil || !empty {
		return err
	}
	start := time.Now()
	n, err := demo.Seed(ctx, a.demoStores(), a.clock.Now())
	if err != nil {
		return fmt.Errorf("seed demo data: %w", err)
	}
	st, err := a.resolver.Screen.Screen(ctx, nil)
	if err != nil {
		return fmt.Errorf("screen demo data: %w", err)
	}
	if _, err := a.resolver.Catalogue.Judge(ctx, nil); err != nil {
		return fmt.Errorf("judge demo data's incentives: %w", err)
	}
	if _, err := a.openData.Publish(ctx); err != nil {
		return fmt.Errorf("publish the demo's open data: %w", err)
	}
	if _, err := a.resolver.Matching.RescoreAll(ctx); err != nil {
		return fmt.Errorf("score demo matches: %w", err)
	}
	if _, err := a.resolver.TransferMatching.RescoreAll(ctx); err != nil {
		return fmt.Errorf("score demo technology-transfer matches: %w", err)
	}
	ps, err := a.DemoPersonas(ctx)
	if err != nil {
		return err
	}
	for _, p := range ps { // named before they first sign in
		if err := a.repos.Users.Put(ctx, identity.User{Subject: p.Subject, Name: p.Name, Roles: []identity.Role{p.Role}, SeenAt: a.clock.Now()}); err != nil {
			return err
		}
	}
	a.logger.Info("demo data seeded", "incubators", n.Incubators, "startups", n.Startups, "investors", n.Investors,
		"mentors", n.Mentors, "funds", n.Funds, "calls", n.Calls, "criteriaSets", n.CriteriaSets, "events", n.Events,
		"researchOrganizations", n.ResearchOrgs, "techOffers", n.TechOffers, "techRequests", n.TechRequests,
		"screened", st.Firms, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// Handler serves GraphQL at /graphql, the console at / (console.go),
// GraphiQL at /graphiql, agendas as iCalendar files, Prometheus metrics at
// /metrics, and the health probes.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/graphql", graph.NewHandler(a.resolver, graph.Options{
		Verifier: a.verifier, Logger: a.logger, Introspection: a.cfg.Introspection,
		MaxBodyBytes: a.cfg.MaxBodyBytes, MaxDepth: a.cfg.MaxDepth, MaxComplexity: a.cfg.MaxComplexity,
		MaxAliases: a.cfg.MaxAliases, Metrics: a.metrics, Tracer: a.traceProvider(), RateLimit: graph.RateLimit{Rate: float64(a.cfg.RateLimit), Burst: a.cfg.RateBurst},
		CORSOrigins: a.cfg.CORSOrigins, Timeout: a.cfg.RequestTimeout, Now: a.clock.Now,
	}))
	if a.metrics != nil {
		mux.Handle("GET /metrics", a.metrics.Handler())
	} else {
		mux.Handle("GET /metrics", http.NotFoundHandler()) // not a console page either
	}
	mux.Handle("GET /events/{id}/agenda.ics", graph.AgendaFile(a.resolver, a.verifier, a.logger))
	mux.Handle("/open-data/", opendata.Handler(a.repos.OpenData))
	a.consoleRoutes(mux)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := a.db.Ping(ctx); err != nil {
			a.logger.Warn("not ready", "error", err)
			http.Error(w, "store unreachable", http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	return mux
}

// traceProvider is the tracer provider, or nil (not a nil pointer in an
// interface) when tracing is off.
func (a *App) traceProvider() trace.TracerProvider {
	if a.tracer == nil {
		return nil
	}
	return a.tracer
}

// Close stops the jobs and the indexer, waits for background work and
// releases the index and the store; ctx bounds how long in-flight
// operations may take.
func (a *App) Close(ctx context.Context) {
	if a.resolver != nil && a.resolver.Matching != nil {
		a.resolver.Matching.Stop()
	}
	if a.resolver != nil && a.resolver.TransferMatching != nil {
		a.resolver.TransferMatching.Stop()
	}
	if a.jobs != nil {
		a.jobs.Stop()
	}
	if a.indexer != nil {
		a.indexer.Stop()
	}
	a.background.Wait()
	if a.search != nil {
		if err := a.search.Close(); err != nil {
			a.logger.Warn("close search index", "error", err)
		}
	}
	if a.tracer != nil {
		if err := a.tracer.Shutdown(ctx); err != nil {
			a.logger.Warn("flush traces", "error", err)
		}
	}
	if a.db != nil {
		if err := a.db.Close(ctx); err != nil {
			a.logger.Warn("close store connection", "error", err)
		}
	}
	if a.embedded != nil {
		a.embedded.Stop()
	}
}

// Runs are the jobs and their run history, for operators.
func (a *App) Runs() *runs.Service { return a.resolver.Runs }

// RunJob runs a job now in this process, recorded as a manual run, and
// returns its record once it ends.
func (a *App) RunJob(ctx context.Context, name string) (runs.Run, error) {
	return a.jobs.RunAndWait(ctx, name, runs.Manual)
}

// RebuildSearch empties the search index and fills it from the store,
// telling progress how far each type got.
func (a *App) RebuildSearch(ctx context.Context, progress func(t search.Type, done int)) (int, error) {
	return a.indexer.Rebuild(ctx, progress)
}

// DemoPersonas lists whom to sign in as in the demo.
func (a *App) DemoPersonas(ctx context.Context) ([]demo.Persona, error) {
	return demo.Personas(ctx, a.demoStores())
}
