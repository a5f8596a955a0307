// Package auth verifies and issues the bearer tokens callers present: HS256
// JWTs signed with a local secret, or tokens from an OIDC issuer checked
// against its published keys (JWKS).
package auth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/golang-jwt/jwt/v5"
)

// Claims is what Innoport reads from a token.
type Claims struct {
	Subject string
	Name    string // the "name" claim (OpenID Connect's standard claim); may be empty
	Roles   []string
	Org     string // the organisation the user acts for, as a global ID
}

// Verifier checks a raw bearer token and returns its claims.
type Verifier interface {
	Verify(ctx context.Context, token string) (Claims, error)
}

// ErrInvalidToken is returned for any token that does not verify; the cause
// is wrapped for logs.
var ErrInvalidToken = errors.New("invalid token")

// localIssuer is the "iss" of tokens signed with the local secret.
const localIssuer = "innoport"

// HS256 signs and verifies tokens with a shared secret.
type HS256 struct {
	secret []byte
	now    func() time.Time
}

// NewHS256 returns a signer/verifier for secret, which must be at least 32
// bytes; now tells the time expiry is checked against.
func NewHS256(secret []byte, now func() time.Time) (*HS256, error) {
	if len(secret) < 32 {
		return nil, fmt.Errorf("the JWT secret must be at least 32 bytes, got %d", len(secret))
	}
	return &HS256{secret: secret, now: now}, nil
}

type tokenClaims struct {
	Name  string   `json:"name,omitempty"`
	Roles []string `json:"roles"`
	Org   string   `json:"org,omitempty"`
	jwt.RegisteredClaims
}

// Issue signs a token for c valid for ttl from now.
func (h *HS256) Issue(c Claims, now time.Time, ttl time.Duration) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, tokenClaims{
		Name: c.Name, Roles: c.Roles, Org: c.Org,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer: localIssuer, Subject: c.Subject,
			IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(now.Add(ttl)),
		},
	})
	return t.SignedString(h.secret)
}

// leeway is how far the clocks of an issuer and Innoport may disagree.
const leeway = 30 * time.Second

// Verify checks the signature, algorithm, issuer, expiry and issue time (a
// token issued in the future is refused).
func (h *HS256) Verify(_ context.Context, raw string) (Claims, error) {
	var tc tokenClaims
	_, err := jwt.ParseWithClaims(raw, &tc, func(*jwt.Token) (any, error) { return h.secret, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}), jwt.WithIssuer(localIssuer),
		jwt.WithExpirationRequired(), jwt.WithIssuedAt(), jwt.WithLeeway(leeway), jwt.WithTimeFunc(h.now))
	if err != nil {
		return Claims{}, fmt.Errorf("%w: %w", ErrInvalidToken, err)
	}
	if tc.Subject == "" {
		return Claims{}, fmt.Errorf("%w: no subject", ErrInvalidToken)
	}
	return Claims{Subject: tc.Subject, Name: tc.Name, Roles: tc.Roles, Org: tc.Org}, nil
}

// OIDC verifies tokens issued by an OpenID Connect provider.
type OIDC struct {
	verifier *oidc.IDTokenVerifier
	now      func() time.Time
}

// NewOIDC discovers the issuer's configuration and keys. audience is the
// expected "aud" (the client ID); empty skips that check. now tells the time
// expiry is checked against.
func NewOIDC(ctx context.Context, issuer, audience string, now func() time.Time) (*OIDC, error) {
	p, err := oidc.NewProvider(ctx, issuer)
	if err != nil {
		return nil, fmt.Errorf("discover OIDC issuer %s: %w", issuer, err)
	}
	return &OIDC{verifier: p.Verifier(&oidc.Config{ClientID: audience, SkipClientIDCheck: audience == "", Now: now}), now: now}, nil
}

// Verify checks the token against the issuer's keys and reads the roles from
// "roles", or from Keycloak's "realm_access.roles".
func (o *OIDC) Verify(ctx context.Context, raw string) (Claims, error) {
	tok, err := o.verifier.Verify(ctx, raw)
	if err != nil {
		return Claims{}, fmt.Errorf("%w: %w", ErrInvalidToken, err)
	}
	if tok.IssuedAt.After(o.now().Add(leeway)) { // the verifier checks expiry, not the issue time
		return Claims{}, fmt.Errorf("%w: issued in the future (%s)", ErrInvalidToken, tok.IssuedAt.UTC().Format(time.RFC3339))
	}
	var c struct {
		Name        string   `json:"name"`
		Username    string   `json:"preferred_username"`
		Roles       []string `json:"roles"`
		Org         string   `json:"org"`
		RealmAccess struct {
			Roles []string `json:"roles"`
		} `json:"realm_access"`
	}
	if err := tok.Claims(&c); err != nil {
		return Claims{}, fmt.Errorf("%w: %w", ErrInvalidToken, err)
	}
	roles := c.Roles
	if len(roles) == 0 {
		roles = c.RealmAccess.Roles
	}
	name := c.Name
	if name == "" {
		name = c.Username
	}
	return Claims{Subject: tok.Subject, Name: name, Roles: roles, Org: c.Org}, nil
}

// LocalSecret reads the HS256 secret at path, generating a random one (32
// bytes, hex) on first use: the embedded mode's secret, shared by the
// service and the token command.
func LocalSecret(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err == nil {
		return strings.TrimSpace(string(b)), nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("read JWT secret: %w", err)
	}
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	secret := hex.EncodeToString(raw)
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return "", fmt.Errorf("create data directory: %w", err)
	}
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("write JWT secret: %w", err)
	}
	return secret, nil
}
