package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"

	"github.com/innoport/innoport/app"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/graph"
)

// demoCmd is `innoport demo personas`: who to sign in as in the demo, each
// with a ready token command.
func demoCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := parseConfig("demo", args, getenv)
	if err != nil {
		return err
	}
	if rest := fs.Args(); len(rest) != 1 || rest[0] != "personas" {
		return errors.New("usage: innoport demo personas")
	}
	cfg.WithoutLocalIndex = true
	a, err := app.New(ctx, cfg, clock.System{}, jsonLogger(stderr, slog.LevelWarn))
	if err != nil {
		return err
	}
	defer a.Close(context.Background())
	ps, err := a.DemoPersonas(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tROLE\tORGANISATION\tTOKEN")
	for _, p := range ps {
		cmd := fmt.Sprintf("innoport token --role %s --subject %s --name %q", p.Role, p.Subject, p.Name)
		if p.OrgID != "" {
			cmd += " --org " + graph.GlobalID(p.OrgType, p.OrgID)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", p.Name, p.Role, p.Organisation, cmd)
	}
	return w.Flush()
}
