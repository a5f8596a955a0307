package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"

	"github.com/innoport/innoport/store"
)

const dbUsage = `usage:
  innoport db serve   [--addr 127.0.0.1:27017] [--data-dir ./data]
  innoport db backup  --to FILE.tar.gz [--data-dir ./data]     (while the service runs)
  innoport db restore --from FILE.tar.gz [--data-dir ./data]   (into an empty data directory)
  innoport db export  --to DIR [--data-dir ./data]             (a mongodump directory, for mongorestore)`

// dbCmd is the embedded store's administration: `innoport db serve`, the
// store alone on a loopback port, so that several `innoport serve`
// processes share it through MONGODB_URI; `backup` and `restore` of a
// one-machine deployment; `export` to move it to MongoDB.
func dbCmd(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New(dbUsage)
	}
	switch args[0] {
	case "serve":
		return dbServe(ctx, args, getenv, stdout, stderr)
	case "backup", "restore", "export":
		return dbFiles(ctx, args, getenv, stdout, stderr)
	}
	return errors.New(dbUsage)
}

func dbServe(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("db serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	env := func(k, def string) string {
		if v := getenv(k); v != "" {
			return v
		}
		return def
	}
	addr := fs.String("addr", env("INNOPORT_DB_ADDR", "127.0.0.1:27017"), "loopback address to serve the store on")
	dataDir := fs.String("data-dir", env("INNOPORT_DATA_DIR", "./data"), "directory of the store's files (they go under db/, as in embedded mode)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	logger := jsonLogger(stderr, slog.LevelWarn)
	srv, err := store.Serve(filepath.Join(*dataDir, "db"), *addr, logger)
	if err != nil {
		return err
	}
	defer srv.Close()
	if _, err := fmt.Fprintf(stdout, "MONGODB_URI=%s\n", srv.URI()); err != nil {
		return err
	}
	<-ctx.Done()
	return nil
}
