package graph

import (
	"context"
	"log/slog"
	"net/http"
	"strings"

	"github.com/innoport/innoport/auth"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
)

type orgClaimKey struct{}

func orgClaimOf(ctx context.Context) string {
	s, _ := ctx.Value(orgClaimKey{}).(string)
	return s
}

// principalOf turns verified claims into the domain's principal: unknown roles
// are dropped, and the org claim, a global ID, becomes a domain ID.
func principalOf(c auth.Claims) identity.Principal {
	p := identity.Principal{Subject: c.Subject, Name: c.Name}
	for _, r := range c.Roles {
		if role, err := identity.ParseRole(r); err == nil {
			p.Roles = append(p.Roles, role)
		}
	}
	if _, id, ok := decodeID(c.Org); ok {
		p.OrgID = id
	} else {
		p.OrgID = c.Org
	}
	return p
}

// authenticate reads the bearer token, if any. No token means an anonymous
// caller; a token that does not verify is refused with 401 and UNAUTHENTICATED.
func authenticate(v auth.Verifier, logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Header.Get("Authorization")
		if h == "" {
			next.ServeHTTP(w, r)
			return
		}
		raw, ok := strings.CutPrefix(h, "Bearer ")
		var claims auth.Claims
		var err error
		if ok {
			claims, err = v.Verify(r.Context(), strings.TrimSpace(raw))
		}
		if !ok || err != nil {
			logger.InfoContext(r.Context(), "token refused", "error", err)
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, langOf(r.Context()), errs.New(
				errs.Unauthenticated, errs.CodeUnauthenticated, nil,
				"Mã xác thực (token) không hợp lệ hoặc đã hết hạn.", "The bearer token is invalid or expired."))
			return
		}
		ctx := identity.WithPrincipal(r.Context(), principalOf(claims))
		ctx = context.WithValue(ctx, orgClaimKey{}, claims.Org)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// writeError answers a request refused before GraphQL ran, in the GraphQL
// response shape so clients handle it like any other error.
func writeError(w http.ResponseWriter, status int, l errs.Lang, e *errs.Error) {
	writeResponse(w, status, mediaJSON, map[string]any{"errors": []any{map[string]any{
		"message": e.Message(l), "extensions": map[string]any{"code": string(e.Code)},
	}}})
}
