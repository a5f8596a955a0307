package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/innoport/innoport/app"
	"github.com/innoport/innoport/domain/clock"
)

// importCmd is `innoport import --file F`: evidence for many firms at once.
func importCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
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
