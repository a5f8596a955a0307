package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/innoport/innoport/app"
	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/roster"
)

// importCmd is `innoport import startups --file F.csv|F.xlsx [--dry-run]`
// (onboard firms in bulk) or `innoport import [evidence] --file F` (evidence
// for many firms at once, JSON lines).
func importCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "startups" {
		return importStartupsCmd(ctx, args[1:], getenv, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "evidence" {
		args = args[1:]
	}
	var file string
	cfg, fs, err := parseConfig("import", args, getenv, func(fs *flag.FlagSet) {
		fs.StringVar(&file, "file", "", `JSON lines: {"taxCode": "...", "evidence": {...}, "revenue": [...]}`)
	})
	if err != nil {
		return err
	}
	cfg.WithoutLocalIndex = true
	if file == "" {
		fs.SetOutput(stderr)
		fs.Usage()
		return errors.New("import needs --file")
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	logger := jsonLogger(stderr, slog.LevelWarn)
	a, err := app.New(ctx, cfg, clock.System{}, logger)
	if err != nil {
		return err
	}
	defer a.Close(context.Background())
	applied, failed, err := a.ImportEvidence(ctx, f, stdout)
	fmt.Fprintf(stdout, "imported %d firms, %d lines refused\n", applied, failed)
	if err == nil && failed > 0 {
		err = fmt.Errorf("%d lines refused", failed)
	}
	return err
}

// importStartupsCmd reads a CSV or XLSX of firms and creates or updates
// them by tax code, drawing a progress bar on stderr and reporting every
// refused row by line on stdout.
func importStartupsCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var (
		file string
		dry  bool
	)
	cfg, fs, err := parseConfig("import startups", args, getenv, func(fs *flag.FlagSet) {
		fs.StringVar(&file, "file", "", "a .csv or .xlsx with a header row: "+
			"taxCode,name,foundedOn,ward,sectors,stage,teamSize,contactEmail,description (or their Vietnamese labels)")
		fs.BoolVar(&dry, "dry-run", false, "validate every row and report what would change, writing nothing")
	})
	if err != nil {
		return err
	}
	format := map[string]roster.Format{".csv": roster.CSV, ".xlsx": roster.XLSX}[strings.ToLower(filepath.Ext(file))]
	if format == "" {
		fs.SetOutput(stderr)
		fs.Usage()
		return errors.New("import startups needs --file F.csv or F.xlsx")
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	t, err := roster.Read(f, format)
	if err != nil {
		return fmt.Errorf("%s: %s", file, describeErr(err))
	}
	cfg.WithoutLocalIndex = true
	a, err := app.New(ctx, cfg, clock.System{}, jsonLogger(stderr, slog.LevelWarn))
	if err != nil {
		return err
	}
	defer a.Close(context.Background())
	rep, err := a.ImportStartups(ctx, t, roster.Options{DryRun: dry, Progress: progressBar(stderr)})
	if err != nil {
		return fmt.Errorf("%s: %s", file, describeErr(err))
	}
	for _, p := range rep.Problems {
		fmt.Fprintf(stdout, "line %d: %s %s: %s\n", p.Line, p.Err.Code, strings.Join(p.Err.Field, "."), p.Err.EN)
	}
	verb := "imported"
	if dry {
		verb = "dry run, nothing written:"
	}
	fmt.Fprintf(stdout, "%s %d rows: %d created, %d updated, %d unchanged, %d refused\n", verb, rep.Rows,
		rep.Count(roster.Created), rep.Count(roster.Updated), rep.Count(roster.Unchanged), rep.Refused())
	if rep.Refused() > 0 {
		return fmt.Errorf("%d rows refused", rep.Refused())
	}
	return nil
}

// describeErr renders a file-level error in English, each problem once.
func describeErr(err error) string {
	es := errs.Flatten(err)
	if len(es) == 0 || errs.KindOf(err) == errs.Internal {
		return err.Error()
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = fmt.Sprintf("%s: %s", e.Code, e.EN)
	}
	return strings.Join(out, "; ")
}

// progressBar draws "[#####     ] 750/1500" on w, redrawn in place, at most
// once per percent.
func progressBar(w io.Writer) func(done, total int) {
	last := -1
	return func(done, total int) {
		if total == 0 {
			return
		}
		pct := done * 100 / total
		if pct == last {
			return
		}
		last = pct
		const width = 30
		n := done * width / total
		fmt.Fprintf(w, "\r[%s%s] %d/%d", strings.Repeat("#", n), strings.Repeat(" ", width-n), done, total)
		if done == total {
			fmt.Fprintln(w)
		}
	}
}
