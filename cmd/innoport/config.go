package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/innoport/innoport/app"

	"github.com/innoport/innoport/telemetry"
)

// parseConfig reads the configuration from args and getenv;
// extra registers a subcommand's own flags.
func parseConfig(name string, args []string, getenv func(string) string, extra ...func(*flag.FlagSet)) (app.Config, *flag.FlagSet, error) {
	env := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	var (
		c       app.Config
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
	fs.StringVar(&c.OIDCClientID, "oidc-client-id", getenv("INNOPORT_OIDC_CLIENT_ID"), "the console's client ID at the OIDC issuer (default: the audience, else innoport-console)")
	level := fs.String("log-level", env("INNOPORT_LOG_LEVEL", "info"), "debug, info, warn or error")
	noDemo := fs.Bool("no-demo", false, "do not seed demo data into an empty store")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", envDuration("INNOPORT_SHUTDOWN_TIMEOUT", 15*time.Second), "how long in-flight requests may take at shutdown")
	fs.StringVar(&c.CloseCallsSchedule, "schedule-close-calls", env("INNOPORT_SCHEDULE_CLOSE_CALLS", "* * * * *"),
		`when to close calls past their deadline: a cron spec in Asia/Ho_Chi_Minh, "@every 1m", or "off"; the default, on each whole minute, runs once across replicas`)
	fs.StringVar(&c.ScreeningSchedule, "schedule-screening", env("INNOPORT_SCHEDULE_SCREENING", "0 2 * * *"),
		`when to screen every firm against the active criteria: a cron spec in Asia/Ho_Chi_Minh, or "off"`)
	fs.StringVar(&c.SandboxSchedule, "schedule-sandbox-deadlines", env("INNOPORT_SCHEDULE_SANDBOX_DEADLINES", "0 * * * *"),
		`when to flag overdue sandbox service levels: a cron spec in Asia/Ho_Chi_Minh, or "off"`)
	fs.StringVar(&c.RemindersSchedule, "schedule-reminders", env("INNOPORT_SCHEDULE_REMINDERS", "0 8 * * *"),
		`when to remind the sides of technology-transfer agreements missing their registration: a cron spec in Asia/Ho_Chi_Minh, or "off"`)
	fs.StringVar(&c.OpenDataSchedule, "schedule-open-data", env("INNOPORT_SCHEDULE_OPEN_DATA", "30 2 * * *"),
		`when to compute and publish the open data under /open-data/: a cron spec in Asia/Ho_Chi_Minh, or "off"`)
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
	// Anyone may sign in as a demo persona: only on the embedded store with
	// demo data and no identity provider, never in a deployment.
	c.DemoSignIn = c.Demo && c.Embedded() && c.OIDCIssuer == ""
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
