package app

import (
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/graph"
	"github.com/innoport/innoport/web"
)

// demoTokenTTL is how long a demo sign-in lasts.
const demoTokenTTL = 2 * time.Hour

// consoleClientID is the console's OAuth client at the issuer.
func (c Config) consoleClientID() string {
	switch {
	case c.OIDCClientID != "":
		return c.OIDCClientID
	case c.OIDCAudience != "":
		return c.OIDCAudience
	}
	return "innoport-console"
}

// consoleRoutes adds the console, GraphiQL and the sign-in configuration the
// console reads at start: how to sign in (OIDC, the demo personas, or a
// pasted token), and in demo mode the personas and their tokens.
func (a *App) consoleRoutes(mux *http.ServeMux) {
	var connect []string
	if u, err := url.Parse(a.cfg.OIDCIssuer); err == nil && u.Host != "" {
		connect = append(connect, u.Scheme+"://"+u.Host)
	}
	mux.Handle("/", web.Handler(web.Options{GraphiQL: a.cfg.Introspection, ConnectSrc: connect}))
	mux.HandleFunc("GET /auth/config", func(w http.ResponseWriter, _ *http.Request) {
		cfg := map[string]string{"mode": "token"}
		switch {
		case a.cfg.OIDCIssuer != "":
			cfg = map[string]string{"mode": "oidc", "issuer": a.cfg.OIDCIssuer, "clientId": a.cfg.consoleClientID()}
		case a.cfg.DemoSignIn && a.signer != nil: // the signer is nil only with OIDC
			cfg["mode"] = "demo"
		}
		writeJSON(w, http.StatusOK, cfg)
	})
	demo := a.cfg.DemoSignIn && a.signer != nil
	mux.HandleFunc("/auth/demo/", func(w http.ResponseWriter, r *http.Request) {
		http.NotFound(w, r) // not a console page either
	})
	if !demo {
		return
	}
	mux.HandleFunc("GET /auth/demo/personas", func(w http.ResponseWriter, r *http.Request) {
		ps, err := a.DemoPersonas(r.Context())
		if err != nil {
			a.logger.Error("demo personas", "error", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "demo data unavailable"})
			return
		}
		type persona struct {
			Subject      string `json:"subject"`
			Name         string `json:"name"`
			Role         string `json:"role"`
			Organization string `json:"organization,omitempty"`
		}
		out := make([]persona, len(ps))
		for i, p := range ps {
			out[i] = persona{p.Subject, p.Name, string(p.Role), p.Organisation}
		}
		writeJSON(w, http.StatusOK, out)
	})
	mux.HandleFunc("POST /auth/demo/token", func(w http.ResponseWriter, r *http.Request) {
		var in struct {
			Subject string `json:"subject"`
		}
		if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<10)).Decode(&in); err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "send {\"subject\": \"…\"}"})
			return
		}
		ps, err := a.DemoPersonas(r.Context())
		if err != nil {
			a.logger.Error("demo personas", "error", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "demo data unavailable"})
			return
		}
		for _, p := range ps {
			if p.Subject != in.Subject {
				continue
			}
			c := auth.Claims{Subject: p.Subject, Name: p.Name, Roles: []string{string(p.Role)}}
			if p.OrgID != "" {
				c.Org = graph.GlobalID(p.OrgType, p.OrgID)
			}
			now := a.clock.Now()
			tok, err := a.signer.Issue(c, now, demoTokenTTL)
			if err != nil {
				a.logger.Error("sign demo token", "error", err)
				writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "could not sign"})
				return
			}
			writeJSON(w, http.StatusOK, map[string]string{"token": tok, "expiresAt": now.Add(demoTokenTTL).UTC().Format(time.RFC3339)})
			return
		}
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no demo persona with that subject"})
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client went away
}
