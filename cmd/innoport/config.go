package main

import (
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/innoport/innoport/telemetry"
)

// Config is the service configuration, read from flags and environment
// variables (a flag wins over its variable). Every variable is documented in
// the README.
type Config struct {
	Addr            string        // INNOPORT_ADDR
	MongoURI        string        // MONGODB_URI; empty starts the embedded FerretDB
	DBName          string        // INNOPORT_DB
	DataDir         string        // INNOPORT_DATA_DIR
	Demo            bool          // INNOPORT_DEMO, --no-demo
	JWTSecret       string        // INNOPORT_JWT_SECRET
	OIDCIssuer      string        // INNOPORT_OIDC_ISSUER
	OIDCAudience    string        // INNOPORT_OIDC_AUDIENCE
	LogLevel        slog.Level    // INNOPORT_LOG_LEVEL
	Introspection   bool          // INNOPORT_INTROSPECTION
	Metrics         bool          // INNOPORT_METRICS: Prometheus metrics at /metrics
	Tracing         bool          // an OTLP endpoint in OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT
	RateLimit       int           // INNOPORT_RATE_LIMIT: requests a second per client; 0: none
	RateBurst       int           // INNOPORT_RATE_BURST: requests at once per client
	CORSOrigins     []string      // INNOPORT_CORS_ORIGINS: browser origins allowed, comma-separated
	RequestTimeout  time.Duration // INNOPORT_REQUEST_TIMEOUT
	MaxBodyBytes    int64         // INNOPORT_MAX_BODY_BYTES
	MaxDepth        int           // INNOPORT_MAX_DEPTH
	MaxComplexity   int           // INNOPORT_MAX_COMPLEXITY
	MaxAliases      int           // INNOPORT_MAX_ALIASES
	ShutdownTimeout time.Duration // INNOPORT_SHUTDOWN_TIMEOUT
	// CloseCallsSchedule is when calls past their deadline are closed.
	CloseCallsSchedule string // INNOPORT_SCHEDULE_CLOSE_CALLS
	// ScreeningSchedule is when every firm is screened against the active criteria.
	ScreeningSchedule string // INNOPORT_SCHEDULE_SCREENING
	// SandboxSchedule is when overdue sandbox service levels are flagged.
	SandboxSchedule string // INNOPORT_SCHEDULE_SANDBOX_DEADLINES
	// MatchesSchedule is when every match list is rescored.
	MatchesSchedule string // INNOPORT_SCHEDULE_MATCHES
	// MatchesK is how many matches each list keeps.
	MatchesK int // INNOPORT_MATCHES_K
	// Instance names this replica in job leases and run records.
	Instance string // INNOPORT_INSTANCE
	// JobLeaseTTL is how long a crashed replica's job lease blocks the job.
	JobLeaseTTL time.Duration // INNOPORT_JOB_LEASE_TTL
	// MeiliURL is the Meilisearch server; empty uses the embedded index
	// under DataDir/search.
	MeiliURL string // MEILI_URL
	MeiliKey string // MEILI_MASTER_KEY
	// SearchIndex names the Meilisearch index.
	SearchIndex string // INNOPORT_SEARCH_INDEX
	// ReindexSchedule is when the search index is compared with the store and repaired.
	ReindexSchedule string // INNOPORT_SCHEDULE_REINDEX_SEARCH
	// withoutLocalIndex lets a command run without the embedded search
	// index when the running service has it open: the service indexes the
	// command's writes from the outbox.
	withoutLocalIndex bool
}

// Embedded reports whether the service runs on its embedded store.
func (c Config) Embedded() bool { return c.MongoURI == "" }

// LogValue lists the resolved configuration with secrets masked.
func (c Config) LogValue() slog.Value {
	mask := func(s string) string {
		if s == "" {
			return ""
		}
		return "***"
	}
	return slog.GroupValue(
		slog.String("addr", c.Addr), slog.String("mongodbURI", maskURI(c.MongoURI)), slog.String("db", c.DBName),
		slog.String("dataDir", c.DataDir), slog.Bool("demo", c.Demo), slog.String("jwtSecret", mask(c.JWTSecret)),
		slog.String("oidcIssuer", c.OIDCIssuer), slog.String("oidcAudience", c.OIDCAudience),
		slog.String("logLevel", c.LogLevel.String()), slog.Bool("introspection", c.Introspection), slog.Bool("metrics", c.Metrics), slog.Bool("tracing", c.Tracing),
		slog.Int("rateLimit", c.RateLimit), slog.Int("rateBurst", c.RateBurst), slog.Any("corsOrigins", c.CORSOrigins),
		slog.Duration("requestTimeout", c.RequestTimeout),
		slog.Int64("maxBodyBytes", c.MaxBodyBytes), slog.Int("maxDepth", c.MaxDepth),
		slog.Int("maxComplexity", c.MaxComplexity), slog.Int("maxAliases", c.MaxAliases), slog.Duration("shutdownTimeout", c.ShutdownTimeout),
		slog.String("closeCallsSchedule", c.CloseCallsSchedule), slog.String("screeningSchedule", c.ScreeningSchedule),
		slog.String("sandboxSchedule", c.SandboxSchedule), slog.String("matchesSchedule", c.MatchesSchedule), slog.Int("matchesK", c.MatchesK), slog.String("instance", c.Instance),
		slog.Duration("jobLeaseTTL", c.JobLeaseTTL), slog.String("meiliURL", c.MeiliURL), slog.String("meiliMasterKey", mask(c.MeiliKey)),
		slog.String("searchIndex", c.SearchIndex), slog.String("reindexSchedule", c.ReindexSchedule),
	)
}

// maskURI hides the password of a connection string.
func maskURI(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return "(unparsable)"
	}
	return u.Redacted()
}

// parseConfig reads the configuration from args and getenv;
// extra registers a subcommand's own flags.
func parseConfig(name string, args []string, getenv func(string) string, extra ...func(*flag.FlagSet)) (Config, *flag.FlagSet, error) {
	env := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	var (
		c       Config
		errList []error
	)
	envInt := func(k string, def int64) int64 {
		v := env(k, strconv.FormatInt(def, 10))
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			errList = append(errList, fmt.Errorf("%s=%q: want a positive whole number", k, v))
			return def
		}
		return n
	}
	envBool := func(k string, def bool) bool {
		v := env(k, strconv.FormatBool(def))
		b, err := strconv.ParseBool(v)
		if err != nil {
			errList = append(errList, fmt.Errorf("%s=%q: want true or false", k, v))
			return def
		}
		return b
	}
	envDuration := func(k string, def time.Duration) time.Duration {
		v := env(k, def.String())
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Second {
			errList = append(errList, fmt.Errorf("%s=%q: want a duration of at least 1s, such as 90s or 2m", k, v))
			return def
		}
		return d
	}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.StringVar(&c.Addr, "addr", env("INNOPORT_ADDR", ":8080"), "HTTP listen address")
	fs.StringVar(&c.MongoURI, "mongodb-uri", getenv("MONGODB_URI"), "MongoDB connection string; empty starts the embedded store")
	fs.StringVar(&c.DBName, "db", env("INNOPORT_DB", "innoport"), "database name")
	fs.StringVar(&c.DataDir, "data-dir", env("INNOPORT_DATA_DIR", "./data"), "directory of the embedded store and generated secret")
	fs.StringVar(&c.JWTSecret, "jwt-secret", getenv("INNOPORT_JWT_SECRET"), "HS256 secret (at least 32 bytes)")
	fs.StringVar(&c.OIDCIssuer, "oidc-issuer", getenv("INNOPORT_OIDC_ISSUER"), "OIDC issuer URL; tokens are then verified against its JWKS")
	fs.StringVar(&c.OIDCAudience, "oidc-audience", getenv("INNOPORT_OIDC_AUDIENCE"), "expected token audience (client ID)")
	level := fs.String("log-level", env("INNOPORT_LOG_LEVEL", "info"), "debug, info, warn or error")
	noDemo := fs.Bool("no-demo", false, "do not seed demo data into an empty store")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", envDuration("INNOPORT_SHUTDOWN_TIMEOUT", 15*time.Second), "how long in-flight requests may take at shutdown")
	fs.StringVar(&c.CloseCallsSchedule, "schedule-close-calls", env("INNOPORT_SCHEDULE_CLOSE_CALLS", "* * * * *"),
		`when to close calls past their deadline: a cron spec in Asia/Ho_Chi_Minh, "@every 1m", or "off"; the default, on each whole minute, runs once across replicas`)
	fs.StringVar(&c.ScreeningSchedule, "schedule-screening", env("INNOPORT_SCHEDULE_SCREENING", "0 2 * * *"),
		`when to screen every firm against the active criteria: a cron spec in Asia/Ho_Chi_Minh, or "off"`)
	fs.StringVar(&c.SandboxSchedule, "schedule-sandbox-deadlines", env("INNOPORT_SCHEDULE_SANDBOX_DEADLINES", "0 * * * *"),
		`when to flag overdue sandbox service levels: a cron spec in Asia/Ho_Chi_Minh, or "off"`)
	fs.StringVar(&c.MatchesSchedule, "schedule-matches", env("INNOPORT_SCHEDULE_MATCHES", "30 3 * * *"),
		`when to rescore every match list: a cron spec in Asia/Ho_Chi_Minh, or "off"; changes rescore their own matches within seconds`)
	fs.StringVar(&c.Instance, "instance", env("INNOPORT_INSTANCE", defaultInstance()), "this replica's name in job leases and run records")
	fs.DurationVar(&c.JobLeaseTTL, "job-lease-ttl", envDuration("INNOPORT_JOB_LEASE_TTL", 2*time.Minute),
		"how long a job lease lasts unless renewed; a crashed replica's jobs wait this long")
	fs.StringVar(&c.MeiliURL, "meili-url", getenv("MEILI_URL"), "Meilisearch URL; empty uses the embedded search index")
	fs.StringVar(&c.MeiliKey, "meili-master-key", getenv("MEILI_MASTER_KEY"), "Meilisearch API key")
	fs.StringVar(&c.SearchIndex, "search-index", env("INNOPORT_SEARCH_INDEX", "innoport"), "Meilisearch index name")
	fs.StringVar(&c.ReindexSchedule, "schedule-reindex-search", env("INNOPORT_SCHEDULE_REINDEX_SEARCH", "15 4 * * *"),
		`when to compare the search index with the store and repair it: a cron spec in Asia/Ho_Chi_Minh, or "off"`)
	for _, f := range extra {
		f(fs)
	}
	if err := fs.Parse(args); err != nil {
		return c, fs, err
	}
	// Demo data and introspection default on for the embedded store and off
	// for a real MongoDB, where they would pollute or expose production.
	c.Demo = envBool("INNOPORT_DEMO", c.Embedded()) && !*noDemo
	c.Introspection = envBool("INNOPORT_INTROSPECTION", c.Embedded())
	c.Metrics = envBool("INNOPORT_METRICS", true)
	c.Tracing = telemetry.Configured(getenv)
	c.MaxBodyBytes = envInt("INNOPORT_MAX_BODY_BYTES", 1<<20)
	c.MaxDepth = int(envInt("INNOPORT_MAX_DEPTH", 12))
	c.MaxComplexity = int(envInt("INNOPORT_MAX_COMPLEXITY", 5000))
	c.MaxAliases = int(envInt("INNOPORT_MAX_ALIASES", 50))
	c.MatchesK = int(envInt("INNOPORT_MATCHES_K", 20))
	if v := env("INNOPORT_RATE_LIMIT", "20"); v != "0" {
		c.RateLimit = int(envInt("INNOPORT_RATE_LIMIT", 20))
		c.RateBurst = int(envInt("INNOPORT_RATE_BURST", 60))
	}
	for _, o := range strings.Split(getenv("INNOPORT_CORS_ORIGINS"), ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	c.RequestTimeout = envDuration("INNOPORT_REQUEST_TIMEOUT", 30*time.Second)
	if c.MatchesK < 1 || c.MatchesK > 200 {
		errList = append(errList, fmt.Errorf("INNOPORT_MATCHES_K=%d: want 1 to 200", c.MatchesK))
	}
	if err := c.LogLevel.UnmarshalText([]byte(*level)); err != nil {
		errList = append(errList, fmt.Errorf("INNOPORT_LOG_LEVEL=%q: want debug, info, warn or error", *level))
	}
	if c.JWTSecret != "" && c.OIDCIssuer != "" {
		errList = append(errList, errors.New("set INNOPORT_JWT_SECRET or INNOPORT_OIDC_ISSUER, not both"))
	}
	if !c.Embedded() && c.JWTSecret == "" && c.OIDCIssuer == "" {
		errList = append(errList, errors.New("with MONGODB_URI, set INNOPORT_JWT_SECRET or INNOPORT_OIDC_ISSUER"))
	}
	return c, fs, errors.Join(errList...)
}

// defaultInstance names this replica by host and process.
func defaultInstance() string {
	host, err := os.Hostname()
	if err != nil {
		host = "innoport"
	}
	return fmt.Sprintf("%s-%d", host, os.Getpid())
}
