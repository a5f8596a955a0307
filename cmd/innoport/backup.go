package main

import (
	"archive/tar"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/innoport/innoport/store"
)

// backupFormat names the layout of a backup archive.
const backupFormat = "innoport-backup/1"

// A backup is a gzip'd tar of the data directory's lasting files: the
// store's databases (db/NAME.sqlite, each a snapshot of one instant) and
// the generated signing secret (jwt-secret), with manifest.json first. The
// search index and the match lists' ranking are derived: the index is
// rebuilt from the store when the restored service starts, the lists come
// with the store.
type manifest struct {
	Format    string    `json:"format"`
	StartedAt time.Time `json:"startedAt"`
	TakenAt   time.Time `json:"takenAt"`
	Databases []string  `json:"databases"`
}

// dbFiles is `innoport db backup | restore | export`.
func dbFiles(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("db "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	dataDir := fs.String("data-dir", cmp.Or(getenv("INNOPORT_DATA_DIR"), "./data"), "the service's data directory (INNOPORT_DATA_DIR)")
	to := fs.String("to", "", "where to write")
	from := fs.String("from", "", "the backup to restore")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	switch {
	case args[0] == "backup" && *to != "":
		m, err := backup(ctx, *dataDir, *to)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "backed up %s (databases %s) as of %s to %s\n", *dataDir,
			strings.Join(m.Databases, ", "), m.StartedAt.Format(time.RFC3339), *to)
		return err
	case args[0] == "restore" && *from != "":
		m, err := restore(*from, *dataDir)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(stdout, "restored the backup of %s into %s; the search index is rebuilt at the next start\n",
			m.StartedAt.Format(time.RFC3339), *dataDir)
		return err
	case args[0] == "export" && *to != "":
		return export(ctx, *dataDir, cmp.Or(getenv("INNOPORT_DB"), "innoport"), *to, stdout, stderr)
	}
	return errors.New(dbUsage)
}

// backup snapshots the store under dataDir — running or not — into the
// archive at to, written whole or not at all.
func backup(ctx context.Context, dataDir, to string) (manifest, error) {
	work, err := os.MkdirTemp(filepath.Dir(to), ".innoport-backup-")
	if err != nil {
		return manifest{}, err
	}
	defer os.RemoveAll(work)
	m := manifest{Format: backupFormat, StartedAt: time.Now().UTC()}
	if m.Databases, err = store.Snapshot(ctx, filepath.Join(dataDir, "db"), filepath.Join(work, "db")); err != nil {
		return m, err
	}
	m.TakenAt = time.Now().UTC()
	files := []string{}
	for _, name := range m.Databases {
		files = append(files, "db/"+name+".sqlite")
	}
	if data, err := os.ReadFile(filepath.Join(dataDir, "jwt-secret")); err == nil {
		if err := os.WriteFile(filepath.Join(work, "jwt-secret"), data, 0o600); err != nil {
			return m, err
		}
		files = append(files, "jwt-secret")
	}
	tmp := filepath.Join(work, "archive")
	if err := writeArchive(tmp, work, m, files); err != nil {
		return m, err
	}
	return m, os.Rename(tmp, to)
}

func writeArchive(path, dir string, m manifest, files []string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	js, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: "manifest.json", Mode: 0o600, Size: int64(len(js)), ModTime: m.TakenAt}); err != nil {
		return err
	}
	if _, err := tw.Write(js); err != nil {
		return err
	}
	for _, name := range files {
		if err := addFile(tw, filepath.Join(dir, name), name); err != nil {
			return err
		}
	}
	if err := tw.Close(); err != nil {
		return err
	}
	if err := gz.Close(); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Close()
}

func addFile(tw *tar.Writer, path, name string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return err
	}
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o600, Size: fi.Size(), ModTime: fi.ModTime()}); err != nil {
		return err
	}
	_, err = io.Copy(tw, f)
	return err
}

// restore unpacks the archive at from into dataDir, which must not hold a
// store. Only the files a backup holds are taken.
func restore(from, dataDir string) (manifest, error) {
	var m manifest
	if has, err := store.HasStore(filepath.Join(dataDir, "db")); err != nil || has {
		return m, cmp.Or(err, store.ErrNotEmpty)
	}
	f, err := os.Open(from)
	if err != nil {
		return m, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return m, fmt.Errorf("%s is not a backup: %w", from, err)
	}
	tr := tar.NewReader(gz)
	var written []string
	fail := func(err error) (manifest, error) {
		for _, w := range written { // nothing half-restored
			_ = os.Remove(w)
		}
		return m, err
	}
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fail(fmt.Errorf("read %s: %w", from, err))
		}
		switch {
		case h.Name == "manifest.json":
			if err := json.NewDecoder(tr).Decode(&m); err != nil || m.Format != backupFormat {
				return fail(fmt.Errorf("%s is not an Innoport backup (%s)", from, backupFormat))
			}
			continue
		case h.Name == "jwt-secret", strings.HasPrefix(h.Name, "db/") && strings.HasSuffix(h.Name, ".sqlite") &&
			!strings.Contains(h.Name[3:], "/") && !strings.Contains(h.Name, ".."):
		default:
			return fail(fmt.Errorf("%s holds %q, which no backup holds", from, h.Name))
		}
		path := filepath.Join(dataDir, filepath.FromSlash(h.Name))
		if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
			return fail(err)
		}
		out, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return fail(err)
		}
		written = append(written, path)
		_, err = io.Copy(out, tr)
		if err = cmp.Or(err, out.Sync(), out.Close()); err != nil {
			return fail(err)
		}
	}
	if m.Format == "" {
		return fail(fmt.Errorf("%s is not an Innoport backup (no manifest)", from))
	}
	return m, nil
}

// export writes the store under dataDir as a mongodump directory, for
// `mongorestore --uri=URI DIR`. The store must not be open in another
// process: export a running service's store from a restored backup.
func export(ctx context.Context, dataDir, name, to string, stdout, stderr io.Writer) error {
	e, err := store.StartEmbedded(filepath.Join(dataDir, "db"), "127.0.0.1:0", jsonLogger(stderr, slog.LevelWarn))
	if err != nil {
		return err
	}
	defer e.Stop()
	db, err := store.Open(ctx, e.URI(), name)
	if err != nil {
		return err
	}
	defer db.Close(context.WithoutCancel(ctx))
	return store.Export(ctx, db, to, func(coll string, docs int) {
		fmt.Fprintf(stdout, "%s: %d documents\n", coll, docs)
	})
}
