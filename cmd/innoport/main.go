// Command innoport runs the Innoport GraphQL service and its tools.
//
//	innoport [serve] [flags]   serve the API (the default)
//	innoport token --role ROLE --subject ID [--org ORG_ID] [--ttl 1h]
//	                           print a bearer token the running configuration accepts
//	innoport import --file F   set screening evidence of many firms from JSON lines
//	innoport import startups --file F.csv|F.xlsx [--dry-run]
//	                           create and update startups by tax code
//	innoport health            exit 0 when the service on this host is ready
//	innoport search rebuild    rebuild the search index from the store
//	innoport db serve [--addr 127.0.0.1:27017]
//	                           serve the embedded store alone, for several replicas
//	innoport demo personas     who to sign in as in the demo, with token commands
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/innoport/innoport/app"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/telemetry"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	switch {
	case errors.Is(err, flag.ErrHelp): // the usage was asked for, and printed
	case err != nil:
		fmt.Fprintln(os.Stderr, "innoport:", err)
		os.Exit(1)
	}
}

// subcommand runs one subcommand of innoport.
type subcommand func(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error

// commands are the subcommands by name; serve is the default.
var commands = map[string]subcommand{
	"serve": func(ctx context.Context, args []string, getenv func(string) string, _, stderr io.Writer) error {
		return serve(ctx, args, getenv, stderr)
	},
	"health": func(ctx context.Context, args []string, getenv func(string) string, _, stderr io.Writer) error {
		return health(ctx, args, getenv, stderr)
	},
	"token": token, "import": importCmd, "jobs": jobsCmd, "db": dbCmd, "search": searchCmd, "demo": demoCmd,
}

// run dispatches to a subcommand.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	name := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if cmd, ok := commands[name]; ok {
		return cmd(ctx, args, getenv, stdout, stderr)
	}
	return fmt.Errorf("unknown command %q (want one of %s)", name, strings.Join(slices.Sorted(maps.Keys(commands)), ", "))
}

// health asks a running service on this host whether it is ready
// (/readyz), for container health checks in images without a shell.
func health(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("health", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := getenv("INNOPORT_ADDR")
	if addr == "" {
		addr = ":8080"
	}
	url := fs.String("url", "", "readiness URL (default http://127.0.0.1<port of INNOPORT_ADDR>/readyz)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *url == "" {
		_, port, err := net.SplitHostPort(addr)
		if err != nil {
			return fmt.Errorf("INNOPORT_ADDR=%q: %w", addr, err)
		}
		*url = "http://127.0.0.1:" + port + "/readyz"
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("not ready: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not ready: %s answered %s", *url, resp.Status)
	}
	return nil
}

// serve runs the HTTP service until ctx is cancelled, then lets in-flight
// requests finish and closes the store.
func serve(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	cfg, _, err := parseConfig("serve", args, getenv)
	if err != nil {
		return err
	}
	logger := slog.New(telemetry.LogHandler{Handler: jsonLogger(stderr, cfg.LogLevel).Handler()})
	logger.Info("starting innoport", "config", cfg)
	a, err := app.New(ctx, cfg, clock.System{}, logger)
	if err != nil {
		return err
	}
	defer a.Close(context.Background())
	if cfg.Demo {
		if err := a.SeedDemo(ctx); err != nil {
			return err
		}
	}
	a.Start()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	srv := &http.Server{
		Handler:           a.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	logger.Info("serving", "graphql", "http://"+ln.Addr().String()+"/graphql", "graphiql", cfg.Introspection)
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down: finishing in-flight requests", "timeout", cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// token prints a bearer token signed with the service's HS256 secret.
func token(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	// Only the flags a token needs, so that --help lists them and not the
	// server's.
	var role, subject, name, org, dataDir, secret string
	var ttl time.Duration
	fs := flag.NewFlagSet("token", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&role, "role", "", "role(s), comma-separated: "+roleList())
	fs.StringVar(&subject, "subject", "", "the user's ID")
	fs.StringVar(&name, "name", "", "the user's name, shown where records name who acted")
	fs.StringVar(&org, "org", "", "the organisation the user acts for (an ID from the API)")
	fs.DurationVar(&ttl, "ttl", time.Hour, "how long the token is valid")
	fs.StringVar(&dataDir, "data-dir", cmp.Or(getenv("INNOPORT_DATA_DIR"), "./data"), "the service's data directory, holding the generated signing secret (INNOPORT_DATA_DIR)")
	fs.StringVar(&secret, "jwt-secret", getenv("INNOPORT_JWT_SECRET"), "the HS256 signing secret, when the service is given one (INNOPORT_JWT_SECRET)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if subject == "" || role == "" {
		fs.Usage()
		return errors.New("token needs --role and --subject")
	}
	var roles []string
	for _, r := range strings.Split(role, ",") {
		if _, err := identity.ParseRole(strings.TrimSpace(r)); err != nil {
			return fmt.Errorf("%w (want one of %s)", err, roleList())
		}
		roles = append(roles, strings.TrimSpace(r))
	}
	if getenv("INNOPORT_OIDC_ISSUER") != "" {
		return errors.New("tokens come from the OIDC issuer when INNOPORT_OIDC_ISSUER is set")
	}
	if secret == "" {
		var err error
		if secret, err = auth.LocalSecret(filepath.Join(dataDir, "jwt-secret")); err != nil {
			return err
		}
	}
	s, err := auth.NewHS256([]byte(secret), time.Now)
	if err != nil {
		return err
	}
	tok, err := s.Issue(auth.Claims{Subject: subject, Name: name, Roles: roles, Org: org}, time.Now(), ttl)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, tok)
	return err
}

func roleList() string {
	var names []string
	for _, r := range identity.Roles() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}
