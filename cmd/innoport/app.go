package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"
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
	"github.com/innoport/innoport/domain/runs"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/graph"
	"github.com/innoport/innoport/jobs"
	"github.com/innoport/innoport/matching"
	"github.com/innoport/innoport/metrics"
	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/bleve"
	"github.com/innoport/innoport/search/indexer"
	"github.com/innoport/innoport/search/meili"
	"github.com/innoport/innoport/search/observed"
	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/telemetry"
)

// app is the wired service: store, use-cases, authentication and HTTP routes.
type app struct {
	cfg      Config
	logger   *slog.Logger
	clock    clock.Clock
	embedded *store.Embedded // nil with MONGODB_URI
	db       *store.DB
	demo     demo.Stores
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
}

// openApp connects the store (starting the embedded one when no URI is
// configured), creates indexes and wires the use-cases.
func openApp(ctx context.Context, cfg Config, clk clock.Clock, logger *slog.Logger) (_ *app, err error) {
	a := &app{cfg: cfg, logger: logger, clock: clk}
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
			a.close(context.WithoutCancel(ctx))
		}
	}()
	uri := cfg.MongoURI
	if cfg.Embedded() {
		a.embedded, err = store.StartEmbedded(filepath.Join(cfg.DataDir, "db"), "127.0.0.1:0",
			slog.New(levelFloor{logger.Handler(), slog.LevelWarn}).With("component", "ferretdb"))
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
	a.demo = demo.Stores{
		Startups: store.NewStartups(a.db), Incubators: store.NewIncubators(a.db),
		Investors: store.NewInvestors(a.db), Mentors: store.NewMentors(a.db),
		Funds: store.NewFunds(a.db), Calls: store.NewCalls(a.db), Reviewers: store.NewReviewers(a.db),
		CriteriaSets: store.NewCriteriaSets(a.db), Programs: store.NewPrograms(a.db),
		Events: store.NewEvents(a.db), Boards: store.NewBoards(a.db),
	}
	if err = a.openSearch(ctx); err != nil {
		return nil, err
	}
	eco := ecosystem.NewService(a.demo.Incubators, a.demo.Investors, a.demo.Mentors, a.demo.Startups, clk)
	firms := firm.NewService(a.demo.Startups, eco, clk)
	screen := screening.NewService(a.demo.CriteriaSets, store.NewResults(a.db), a.demo.Startups, clk)
	firms.OnChange(func(st firm.Startup) { a.rescreen(st.ID) })
	a.resolver = &graph.Resolver{
		Metrics:     a.metrics,
		Screen:      screen,
		Sandbox:     sandbox.NewService(a.demo.Programs, store.NewSandboxApplications(a.db), firms, clk),
		RescreenAll: func() { a.rescreen("") },
		Firms:       firms,
		Ecosystem:   eco,
		Funding: funding.NewService(funding.Stores{
			Funds: a.demo.Funds, Calls: a.demo.Calls, Applications: store.NewApplications(a.db), Reviewers: a.demo.Reviewers,
		}, firms, eco, clk),
	}
	a.resolver.Matching = a.wireMatching(firms, eco, a.resolver.Funding)
	a.resolver.Index = a.search
	a.resolver.Investing = dealflow.NewService(dealflow.Stores{
		Deals: store.NewDeals(a.db), SavedSearches: store.NewSavedSearches(a.db), Notifications: store.NewNotifications(a.db),
		Grants: store.NewGrants(a.db), Access: store.NewAccessLog(a.db),
	}, firms, eco, a.search, a.investorScores, clk)
	if a.indexer != nil {
		a.indexer.Indexed = func(ctx context.Context, docs []search.Doc) error {
			_, err := a.resolver.Investing.Alert(ctx, docs) // one notification per saved search and startup: safe to repeat
			return err
		}
	}
	a.resolver.Meetups = events.NewService(a.demo.Events, a.demo.Boards, store.NewRequests(a.db),
		a.resolver.Matching.InvestorScores, a.meetingToDeal, clk)
	runStore := store.NewRuns(a.db)
	a.jobs, err = jobs.NewScheduler(jobs.Config{
		Logger: logger, Clock: clk, Leases: store.NewLeases(a.db), Runs: runStore,
		Instance: cfg.Instance, LeaseTTL: cfg.JobLeaseTTL, Timeout: time.Hour,
		Observe: func(job string, status runs.Status, took time.Duration) { a.metrics.JobRun(job, string(status), took) },
	}, jobs.CloseDueCalls(a.resolver.Funding, cfg.CloseCallsSchedule),
		jobs.ScreenInnovativeEnterprises(a.resolver.Screen, cfg.ScreeningSchedule),
		jobs.FlagSandboxDeadlines(a.resolver.Sandbox, cfg.SandboxSchedule),
		jobs.ScoreMatches(a.resolver.Matching, cfg.MatchesSchedule),
		jobs.RescoreChangedMatches(a.resolver.Matching),
		jobs.ReindexSearch(a.indexer, cfg.ReindexSchedule))
	if err != nil {
		return nil, err
	}
	a.resolver.Matching.Start(func(ctx context.Context) (bool, error) {
		r, err := a.jobs.RunAndWait(ctx, "rescore-changed-matches", runs.Event)
		return r.Status != runs.Skipped, err
	})
	a.resolver.Runs = runs.NewService(a.jobs, runStore)
	return a, nil
}

// openSearch opens the search index — Meilisearch at MEILI_URL, else the
// embedded one under the data directory (in memory without one) — and the
// indexer that keeps it up to date with the store.
func (a *app) openSearch(ctx context.Context) error {
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
		if errors.Is(err, bleve.ErrInUse) && a.cfg.withoutLocalIndex {
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

// startSearch starts the indexer, and brings the index in line with the
// store in the background: a new or lost embedded index fills from the
// store.
func (a *app) startSearch() {
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

// wireMatching builds the matching service and tells it of every change to
// a startup, call, investor or mentor, so their matches follow within seconds.
func (a *app) wireMatching(firms *firm.Service, eco *ecosystem.Service, fund *funding.Service) *matching.Service {
	m := matching.NewService(store.NewMatchSources(a.db), store.NewMatchLists(a.db), matching.Lookups{
		Startup: a.demo.Startups.Get, Call: a.demo.Calls.Get, Mentor: a.demo.Mentors.Get,
	}, a.clock, a.logger, matching.Options{K: a.cfg.MatchesK})
	firms.OnChange(func(st firm.Startup) { m.Changed(true, matching.Ref{ID: st.ID}) })
	fund.OnCallChange(func(c funding.Call) { m.Changed(false, matching.Ref{Kind: matching.KindFundCall, ID: c.ID}) })
	eco.OnInvestorChange(func(v ecosystem.Investor) { m.Changed(false, matching.Ref{Kind: matching.KindInvestor, ID: v.ID}) })
	eco.OnMentorChange(func(v ecosystem.Mentor) { m.Changed(false, matching.Ref{Kind: matching.KindMentor, ID: v.ID}) })
	return m
}

// investorScores are the matching engine's scores of the startups in an
// investor's match list: what deal flow ranks by.
func (a *app) investorScores(ctx context.Context, investorID string) (map[string]float64, error) {
	l, err := a.resolver.Matching.List(ctx, matching.ListKey{Owner: matching.OwnerInvestor, OwnerID: investorID, Kind: matching.KindInvestor})
	if err != nil {
		return nil, err
	}
	out := make(map[string]float64, len(l.Items))
	for _, it := range l.Items {
		out[it.TargetID] = it.Score
	}
	return out, nil
}

// meetingToDeal carries an investor's rating of an event meeting with a
// startup's founder into the investor's pipeline; other ratings stay with
// the event.
func (a *app) meetingToDeal(ctx context.Context, r events.Rated) error {
	if r.By.InvestorID == "" || r.With.StartupID == "" {
		return nil
	}
	_, err := a.resolver.Investing.MeetingHeld(ctx, r.By.InvestorID, r.With.StartupID, dealflow.EventMeeting{
		Ref: r.Event.ID + "/" + r.Meeting.ID, EventTitle: r.Event.Title, Start: r.Event.Slots()[r.Meeting.Slot].Start,
		Rating: r.Feedback.Rating, FollowUp: r.Feedback.FollowUp,
	})
	return err
}

// initAuth picks the token verifier: OIDC when an issuer is configured,
// otherwise HS256 with the configured secret or, on the embedded store, one
// generated into the data directory on first start.
func (a *app) initAuth(ctx context.Context) error {
	if a.cfg.OIDCIssuer != "" {
		v, err := auth.NewOIDC(ctx, a.cfg.OIDCIssuer, a.cfg.OIDCAudience, a.clock.Now)
		a.verifier = v
		return err
	}
	secret := a.cfg.JWTSecret
	if secret == "" {
		var err error
		if secret, err = localSecret(filepath.Join(a.cfg.DataDir, "jwt-secret")); err != nil {
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

// localSecret reads the secret at path, generating it on first use.
func localSecret(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		return strings.TrimSpace(string(b)), nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("read JWT secret: %w", err)
	}
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	secret := hex.EncodeToString(raw)
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return "", fmt.Errorf("create data directory: %w", err)
	}
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("write JWT secret: %w", err)
	}
	return secret, nil
}

// rescreen screens one firm again (every firm for "") in the background after
// it changed, so results follow within seconds without slowing the request.
// A screening lost to a crash is repaired by the nightly job.
func (a *app) rescreen(id string) {
	var ids []string
	if id != "" {
		ids = []string{id}
	}
	a.background.Add(1)
	go func() {
		defer a.background.Done()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := a.resolver.Screen.Screen(ctx, ids); err != nil {
			a.logger.Error("re-screen after a change", "startup", id, "error", err)
		}
	}()
}

// seedDemo fills an empty store with the demo ecosystem.
func (a *app) seedDemo(ctx context.Context) error {
	empty, err := a.db.IsEmpty(ctx)
	if err != nil || !empty {
		return err
	}
	start := time.Now()
	n, err := demo.Seed(ctx, a.demo, a.clock.Now())
	if err != nil {
		return fmt.Errorf("seed demo data: %w", err)
	}
	st, err := a.resolver.Screen.Screen(ctx, nil)
	if err != nil {
		return fmt.Errorf("screen demo data: %w", err)
	}
	if _, err := a.resolver.Matching.RescoreAll(ctx); err != nil {
		return fmt.Errorf("score demo matches: %w", err)
	}
	a.logger.Info("demo data seeded", "incubators", n.Incubators, "startups", n.Startups, "investors", n.Investors,
		"mentors", n.Mentors, "funds", n.Funds, "calls", n.Calls, "criteriaSets", n.CriteriaSets, "events", n.Events,
		"screened", st.Firms, "took", time.Since(start).Round(time.Millisecond))
	return nil
}

// routes serves GraphQL at /graphql, GraphiQL at /, agendas as iCalendar
// files, Prometheus metrics at /metrics, and the health probes.
func (a *app) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/graphql", graph.NewHandler(a.resolver, graph.Options{
		Verifier: a.verifier, Logger: a.logger, Introspection: a.cfg.Introspection,
		MaxBodyBytes: a.cfg.MaxBodyBytes, MaxDepth: a.cfg.MaxDepth, MaxComplexity: a.cfg.MaxComplexity,
		MaxAliases: a.cfg.MaxAliases, Metrics: a.metrics, Tracer: a.traceProvider(), RateLimit: graph.RateLimit{Rate: float64(a.cfg.RateLimit), Burst: a.cfg.RateBurst},
		CORSOrigins: a.cfg.CORSOrigins, Timeout: a.cfg.RequestTimeout, Now: a.clock.Now,
	}))
	if a.metrics != nil {
		mux.Handle("GET /metrics", a.metrics.Handler())
	}
	mux.Handle("GET /events/{id}/agenda.ics", graph.AgendaFile(a.resolver, a.verifier, a.logger))
	if a.cfg.Introspection {
		mux.Handle("GET /{$}", playground.Handler("Innoport GraphQL", "/graphql"))
	}
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
func (a *app) traceProvider() trace.TracerProvider {
	if a.tracer == nil {
		return nil
	}
	return a.tracer
}

// close releases the store; ctx bounds how long in-flight operations may take.
func (a *app) close(ctx context.Context) {
	if a.resolver != nil && a.resolver.Matching != nil {
		a.resolver.Matching.Stop()
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
