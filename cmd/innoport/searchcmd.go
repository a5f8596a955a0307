package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/innoport/innoport/app"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/bleve"
)

// searchCmd is `innoport search rebuild`: the search index emptied and
// filled again from the store, with progress on stdout.
func searchCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, fs, err := parseConfig("search", args, getenv)
	if err != nil {
		return err
	}
	if rest := fs.Args(); len(rest) != 1 || rest[0] != "rebuild" {
		return errors.New("usage: innoport search rebuild")
	}
	logger := jsonLogger(stderr, slog.LevelWarn)
	a, err := app.New(ctx, cfg, clock.System{}, logger)
	if errors.Is(err, bleve.ErrInUse) {
		return fmt.Errorf("%w: stop the service first, or run the reindex-search job in it (runJob)", err)
	}
	if err != nil {
		return err
	}
	defer a.Close(context.Background())
	start := time.Now()
	n, err := a.RebuildSearch(ctx, func(t search.Type, done int) {
		fmt.Fprintf(stdout, "%-12s %7d indexed  (%s)\n", t, done, time.Since(start).Round(time.Millisecond))
	})
	if err != nil {
		return fmt.Errorf("rebuild after %d documents: %w", n, err)
	}
	took := time.Since(start)
	_, err = fmt.Fprintf(stdout, "rebuilt: %d documents in %s (%.0f/s)\n", n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	return err
}
