package store

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// Embedded is a FerretDB server (SQLite backend) running inside this process
// on a loopback port, reached through the same MongoDB driver as production.
type Embedded struct {
	uri    string
	cancel context.CancelFunc
	done   chan struct{}
	unlock func()
}

// StartEmbedded starts FerretDB with its files under dir. addr is the TCP
// listen address; "127.0.0.1:0" picks a free port.
func StartEmbedded(dir, addr string, logger *slog.Logger) (*Embedded, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("embedded store directory: %w", err)
	}
	if err := os.MkdirAll(abs, 0o750); err != nil {
		return nil, fmt.Errorf("create embedded store directory: %w", err)
	}
	unlock, err := lockDir(abs)
	if err != nil {
		return nil, err
	}
	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: addr},
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
		Logger:    slog.New(quietFerret{Handler: logger.Handler()}),
	})
	if err != nil {
		unlock()
		return nil, fmt.Errorf("start embedded FerretDB: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	e := &Embedded{cancel: cancel, done: make(chan struct{}), unlock: unlock}
	go func() {
		defer close(e.done)
		_ = f.Run(ctx) // returns when ctx is cancelled
	}()
	e.uri = f.MongoDBURI() // blocks until the listener is up
	ownServers.Store(e.uri, abs)
	return e, nil
}

// ownServers maps the URIs of the embedded servers this process started to
// their directories. A DB on one of them is the only client of its server,
// so the in-process update lock covers every writer (see DB.versioned) and
// its collections can be memoised (memo.go).
var ownServers sync.Map

// ownServer is the directory of the embedded server at uri, if this process
// started it.
func ownServer(uri string) (dir string, ok bool) {
	v, ok := ownServers.Load(uri)
	if !ok {
		return "", false
	}
	return v.(string), true
}

// URI is the connection string of the embedded server.
func (e *Embedded) URI() string { return e.uri }

// Stop shuts the server down and waits until its files are closed.
func (e *Embedded) Stop() {
	ownServers.Delete(e.uri)
	forgetMemos(e.uri, "")
	e.cancel()
	<-e.done
	e.unlock()
}

// listenAddr is the server's host:port.
func (e *Embedded) listenAddr() string {
	u, err := url.Parse(e.uri)
	if err != nil {
		return ""
	}
	return u.Host
}

// quietFerret is the embedded FerretDB's log: warnings and errors only (it
// logs a line per connection at INFO), without its dumps of its replies to
// commands it does not have — at every stop the driver ends its sessions
// with endSessions, which FerretDB v1 lacks, and FerretDB logged the whole
// reply as two warnings (its header bytes, then the message) although
// nothing failed.
//
// FerretDB makes a logger with attributes for every connection and command;
// the text and JSON handlers format attributes when they are added, which
// cost 5% of the CPU of a city's growth for lines never written. So the
// attributes wait, and are applied only to a line that is written.
type quietFerret struct {
	slog.Handler
	with []func(slog.Handler) slog.Handler
}

func (h quietFerret) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= slog.LevelWarn && h.Handler.Enabled(ctx, l)
}

func (h quietFerret) Handle(ctx context.Context, r slog.Record) error {
	if strings.HasPrefix(r.Message, "Response header:") ||
		strings.HasPrefix(r.Message, "Response message:") && strings.Contains(r.Message, "'endSessions'") {
		return nil
	}
	out := h.Handler
	for _, w := range h.with {
		out = w(out)
	}
	return out.Handle(ctx, r)
}

func (h quietFerret) WithAttrs(a []slog.Attr) slog.Handler {
	return quietFerret{h.Handler, append(slices.Clip(h.with), func(x slog.Handler) slog.Handler { return x.WithAttrs(a) })}
}

func (h quietFerret) WithGroup(name string) slog.Handler {
	return quietFerret{h.Handler, append(slices.Clip(h.with), func(x slog.Handler) slog.Handler { return x.WithGroup(name) })}
}
