package auth_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/auth"
)

// issuer is an in-process OpenID Connect provider: discovery and JWKS.
type issuer struct {
	srv *httptest.Server
	key *rsa.PrivateKey
}

func newIssuer(t *testing.T) *issuer {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	is := &issuer{key: key}
	mux := http.NewServeMux()
	is.srv = httptest.NewServer(mux)
	t.Cleanup(is.srv.Close)
	mux.HandleFunc("/.well-known/openid-configuration", func(w http.ResponseWriter, _ *http.Request) {
		_ = json.NewEncoder(w).Encode(map[string]any{"issuer": is.srv.URL, "jwks_uri": is.srv.URL + "/jwks",
			"authorization_endpoint": is.srv.URL + "/auth", "token_endpoint": is.srv.URL + "/token",
			"id_token_signing_alg_values_supported": []string{"RS256"}})
	})
	mux.HandleFunc("/jwks", func(w http.ResponseWriter, _ *http.Request) {
		b64 := base64.RawURLEncoding.EncodeToString
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": []any{map[string]any{"kty": "RSA", "kid": "k1", "alg": "RS256", "use": "sig",
			"n": b64(key.N.Bytes()), "e": b64(big.NewInt(int64(key.E)).Bytes())}}})
	})
	return is
}

func (is *issuer) token(t *testing.T, claims jwt.MapClaims) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = "k1"
	s, err := tok.SignedString(is.key)
	require.NoError(t, err)
	return s
}

func TestOIDCVerifiesAgainstTheIssuersKeys(t *testing.T) {
	t.Parallel()
	is := newIssuer(t)
	now := time.Now()
	v, err := auth.NewOIDC(context.Background(), is.srv.URL, "innoport", func() time.Time { return now })
	require.NoError(t, err)
	base := func() jwt.MapClaims {
		return jwt.MapClaims{"iss": is.srv.URL, "aud": "innoport", "sub": "user-7", "exp": now.Add(time.Hour).Unix(),
			"iat": now.Unix(), "org": "U3RhcnR1cDphYmM"}
	}

	c := base()
	c["realm_access"] = map[string]any{"roles": []string{"STARTUP_MEMBER"}} // Keycloak's place for roles
	got, err := v.Verify(context.Background(), is.token(t, c))
	require.NoError(t, err)
	assert.Equal(t, auth.Claims{Subject: "user-7", Roles: []string{"STARTUP_MEMBER"}, Org: "U3RhcnR1cDphYmM"}, got)

	c = base()
	c["roles"] = []string{"ADMIN"}
	got, err = v.Verify(context.Background(), is.token(t, c))
	require.NoError(t, err)
	assert.Equal(t, []string{"ADMIN"}, got.Roles)

	for name, change := range map[string]func(jwt.MapClaims){
		"another audience": func(c jwt.MapClaims) { c["aud"] = "other-app" },
		"another issuer":   func(c jwt.MapClaims) { c["iss"] = "https://evil.example" },
		"expired":          func(c jwt.MapClaims) { c["exp"] = now.Add(-time.Minute).Unix() },
		"issued in a year": func(c jwt.MapClaims) { c["iat"] = now.AddDate(1, 0, 0).Unix(); c["exp"] = now.AddDate(1, 0, 1).Unix() },
	} {
		c := base()
		change(c)
		_, err := v.Verify(context.Background(), is.token(t, c))
		assert.ErrorIs(t, err, auth.ErrInvalidToken, name)
	}
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	forged := jwt.NewWithClaims(jwt.SigningMethodRS256, base())
	forged.Header["kid"] = "k1"
	s, err := forged.SignedString(other)
	require.NoError(t, err)
	_, err = v.Verify(context.Background(), s)
	assert.ErrorIs(t, err, auth.ErrInvalidToken, "signed with a key the issuer does not publish")

	_, err = auth.NewOIDC(context.Background(), "http://127.0.0.1:1", "", time.Now)
	assert.Error(t, err, "an unreachable issuer fails at start, not at the first request")
}

func TestHS256(t *testing.T) {
	t.Parallel()
	_, err := auth.NewHS256([]byte("short"), time.Now)
	assert.Error(t, err)
	now := time.Date(2026, 11, 22, 3, 0, 0, 0, time.UTC)
	clock := now
	s, err := auth.NewHS256([]byte("0123456789abcdef0123456789abcdef"), func() time.Time { return clock })
	require.NoError(t, err)
	tok, err := s.Issue(auth.Claims{Subject: "u", Roles: []string{"ADMIN"}}, now, time.Hour)
	require.NoError(t, err)
	c, err := s.Verify(context.Background(), tok)
	require.NoError(t, err)
	assert.Equal(t, "u", c.Subject)
	clock = now.Add(time.Hour + time.Minute)
	_, err = s.Verify(context.Background(), tok)
	assert.ErrorIs(t, err, auth.ErrInvalidToken)
	none := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": "u", "iss": "innoport", "exp": now.Add(time.Hour).Unix()})
	unsigned, err := none.SignedString(jwt.UnsafeAllowNoneSignatureType)
	require.NoError(t, err)
	clock = now
	_, err = s.Verify(context.Background(), unsigned)
	assert.ErrorIs(t, err, auth.ErrInvalidToken, "alg none is refused")
	future, err := s.Issue(auth.Claims{Subject: "u", Roles: []string{"ADMIN"}}, now.AddDate(1, 0, 0), 2*365*24*time.Hour)
	require.NoError(t, err)
	_, err = s.Verify(context.Background(), future)
	assert.ErrorIs(t, err, auth.ErrInvalidToken, "a token issued a year ahead is refused")
	soon, err := s.Issue(auth.Claims{Subject: "u", Roles: []string{"ADMIN"}}, now.Add(10*time.Second), time.Hour)
	require.NoError(t, err)
	_, err = s.Verify(context.Background(), soon)
	assert.NoError(t, err, "clocks may disagree by a few seconds")
}
