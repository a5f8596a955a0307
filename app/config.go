package app

import (
	"log/slog"
	"net/url"
	"time"
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
	DemoSignIn      bool          // the console offers the demo personas (embedded, demo data, no OIDC)
	JWTSecret       string        // INNOPORT_JWT_SECRET
	OIDCIssuer      string        // INNOPORT_OIDC_ISSUER
	OIDCAudience    string        // INNOPORT_OIDC_AUDIENCE
	OIDCClientID    string        // INNOPORT_OIDC_CLIENT_ID: the console's public client
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
	// RemindersSchedule is when agreements missing their registration are reminded of.
	RemindersSchedule string // INNOPORT_SCHEDULE_REMINDERS
	// OpenDataSchedule is when the open data is computed and published.
	OpenDataSchedule string // INNOPORT_SCHEDULE_OPEN_DATA
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
	// WithoutLocalIndex lets a command run without the embedded search
	// index when the running service has it open: the service indexes the
	// command's writes from the outbox.
	WithoutLocalIndex bool
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
		slog.String("dataDir", c.DataDir), slog.Bool("demo", c.Demo), slog.Bool("demoSignIn", c.DemoSignIn), slog.String("jwtSecret", mask(c.JWTSecret)),
		slog.String("oidcIssuer", c.OIDCIssuer), slog.String("oidcAudience", c.OIDCAudience), slog.String("oidcClientID", c.OIDCClientID),
		slog.String("logLevel", c.LogLevel.String()), slog.Bool("introspection", c.Introspection), slog.Bool("metrics", c.Metrics), slog.Bool("tracing", c.Tracing),
		slog.Int("rateLimit", c.RateLimit), slog.Int("rateBurst", c.RateBurst), slog.Any("corsOrigins", c.CORSOrigins),
		slog.Duration("requestTimeout", c.RequestTimeout),
		slog.Int64("maxBodyBytes", c.MaxBodyBytes), slog.Int("maxDepth", c.MaxDepth),
		slog.Int("maxComplexity", c.MaxComplexity), slog.Int("maxAliases", c.MaxAliases), slog.Duration("shutdownTimeout", c.ShutdownTimeout),
		slog.String("closeCallsSchedule", c.CloseCallsSchedule), slog.String("screeningSchedule", c.ScreeningSchedule),
		slog.String("sandboxSchedule", c.SandboxSchedule), slog.String("matchesSchedule", c.MatchesSchedule), slog.String("remindersSchedule", c.RemindersSchedule), slog.String("openDataSchedule", c.OpenDataSchedule), slog.Int("matchesK", c.MatchesK), slog.String("instance", c.Instance),
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
