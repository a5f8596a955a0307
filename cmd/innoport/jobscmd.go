package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"text/tabwriter"
	"time"

	"github.com/innoport/innoport/app"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/runs"
)

// jobsCmd is `innoport jobs list` and `innoport jobs run NAME`: the
// scheduled jobs for operators, against the configured store.
func jobsCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := parseConfig("jobs", args, getenv)
	if err != nil {
		return err
	}
	cfg.WithoutLocalIndex = true
	rest := fs.Args()
	usage := errors.New("usage: innoport jobs list | innoport jobs run NAME")
	if len(rest) == 0 {
		return usage
	}
	logger := jsonLogger(stderr, slog.LevelWarn)
	a, err := app.New(ctx, cfg, clock.System{}, logger)
	if err != nil {
		return err
	}
	defer a.Close(context.Background())
	ctx = identity.WithPrincipal(ctx, identity.Principal{Subject: "innoport-jobs", Roles: []identity.Role{identity.RoleAdmin}})
	switch {
	case rest[0] == "list" && len(rest) == 1:
		return listJobs(ctx, a.Runs(), stdout)
	case rest[0] == "run" && len(rest) == 2:
		return runJobNow(ctx, a, rest[1], stdout, stderr)
	}
	return usage
}

// listJobs prints each job, its schedule and its last run.
func listJobs(ctx context.Context, svc *runs.Service, stdout io.Writer) error {
	js, err := svc.Jobs(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "JOB\tSCHEDULE\tLAST RUN\tSTARTED\tRESULT")
	for _, j := range js {
		status, started, result := "-", "-", ""
		if r := j.Last; r != nil {
			status, started, result = string(r.Status), r.StartedAt.Format(time.RFC3339), r.Stats+r.Error
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", j.Name, j.Schedule, status, started, result)
	}
	return w.Flush()
}

// runJobNow runs a job in this process, recorded as a manual run, showing
// how long it has been running while stderr is a terminal.
func runJobNow(ctx context.Context, a *app.App, name string, stdout, stderr io.Writer) error {
	done := make(chan struct{})
	if isTerminal(stderr) {
		go func() {
			start := time.Now()
			t := time.NewTicker(time.Second)
			defer t.Stop()
			for {
				select {
				case <-done:
					fmt.Fprint(stderr, "\r\033[K")
					return
				case <-t.C:
					fmt.Fprintf(stderr, "\r\033[K%s: running for %s", name, time.Since(start).Round(time.Second))
				}
			}
		}()
	}
	r, err := a.RunJob(ctx, name)
	close(done)
	if err != nil {
		return err
	}
	took := "-"
	if !r.FinishedAt.IsZero() {
		took = r.FinishedAt.Sub(r.StartedAt).Round(time.Millisecond).String()
	}
	fmt.Fprintf(stdout, "%s %s (run %s, %s): %s%s\n", name, r.Status, r.ID, took, r.Stats, r.Error)
	if r.Status != runs.Succeeded {
		return fmt.Errorf("job %s %s", name, r.Status)
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
