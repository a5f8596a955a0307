// Package web serves the Innoport Console — the single-page app built from
// this directory's TypeScript sources (src/) into dist/ — and GraphiQL, both
// from files embedded in the binary, so that no page loads anything from
// another host. dist/ is committed; .ci/run rebuilds it from the sources and
// fails when the two differ.
package web

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

//go:embed all:dist
var dist embed.FS

// Options configures the console's routes.
type Options struct {
	// GraphiQL serves GraphiQL at /graphiql (when introspection is on).
	GraphiQL bool
	// ConnectSrc lists origins the pages may call besides their own: the
	// OpenID Provider's, when one is configured.
	ConnectSrc []string
}

// Handler serves the console: hashed assets under /assets/ cached for good,
// /graphiql when enabled, and index.html for every other path, which the
// app's router resolves (its pages are deep-linkable). Text files are sent
// gzip-compressed to clients that accept it.
func Handler(opts Options) http.Handler {
	files, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // the embed pattern guarantees dist/
	}
	s := &server{files: files, gz: map[string][]byte{}, csp: contentSecurityPolicy(opts.ConnectSrc)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /assets/{file...}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		s.serve(w, r, "assets/"+r.PathValue("file"))
	})
	mux.HandleFunc("GET /graphiql", func(w http.ResponseWriter, r *http.Request) {
		if !opts.GraphiQL {
			http.NotFound(w, r) // introspection is off
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		s.serve(w, r, "graphiql.html")
	})
	mux.HandleFunc("GET /favicon.svg", func(w http.ResponseWriter, r *http.Request) {
		s.serve(w, r, "favicon.svg")
	})
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		s.serve(w, r, "index.html")
	})
	return mux
}

// contentSecurityPolicy allows only the server's own scripts, styles and
// API, and the OpenID Provider's endpoints for sign-in.
func contentSecurityPolicy(connect []string) string {
	return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
		"connect-src " + strings.Join(append([]string{"'self'"}, connect...), " ") + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
}

type server struct {
	files fs.FS
	csp   string
	mu    sync.Mutex
	gz    map[string][]byte // compressed text files, made on first request
}

func (s *server) serve(w http.ResponseWriter, r *http.Request, name string) {
	body, err := fs.ReadFile(s.files, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	h.Set("Content-Security-Policy", s.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	if compressible(ctype) {
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			h.Set("Content-Encoding", "gzip")
			body = s.gzipped(name, body)
		}
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.Contains(ctype, "javascript") || strings.Contains(ctype, "json") || strings.Contains(ctype, "svg")
}

func acceptsGzip(r *http.Request) bool {
	for _, enc := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if name, _, _ := strings.Cut(strings.TrimSpace(enc), ";"); name == "gzip" {
			return true
		}
	}
	return false
}

// gzipped returns the file compressed, compressing it once per process.
func (s *server) gzipped(name string, body []byte) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	if z, ok := s.gz[name]; ok {
		return z
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	_, _ = zw.Write(body)                                    // writes to a buffer do not fail
	_ = zw.Close()
	s.gz[name] = buf.Bytes()
	return s.gz[name]
}
