package graph

import (
	"fmt"
	"math"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/identity"
)

// RateLimit is how many requests a client may make: Rate a second on
// average, Burst at once. A zero Rate means no limit.
type RateLimit struct {
	Rate  float64
	Burst int
}

// maxClients bounds the buckets kept; beyond it, buckets that have filled
// up again (idle clients) are dropped.
const maxClients = 10_000

// limiter is a token bucket per client.
type limiter struct {
	limit   RateLimit
	now     func() time.Time
	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// take spends a token of client key, or says how long until one is free.
func (l *limiter) take(key string) (ok bool, wait time.Duration) {
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.buckets) >= maxClients {
		l.sweep(now)
	}
	b, found := l.buckets[key]
	if !found {
		b = &bucket{tokens: float64(l.limit.Burst), last: now}
		l.buckets[key] = b
	}
	b.tokens = math.Min(float64(l.limit.Burst), b.tokens+now.Sub(b.last).Seconds()*l.limit.Rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.limit.Rate * float64(time.Second))
}

// sweep drops the buckets that are full again.
func (l *limiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.limit.Rate >= float64(l.limit.Burst) {
			delete(l.buckets, k)
		}
	}
}

// clientKey is who a request counts against: its token's subject, else
// the address it came from.
func clientKey(r *http.Request) string {
	if p := identity.FromContext(r.Context()); !p.Anonymous() {
		return "sub:" + p.Subject
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	return "ip:" + host
}

// limitRate answers 429 with Retry-After and RATE_LIMITED to a client over
// its limit. It runs after authentication, so signed-in users are counted
// by subject wherever they connect from.
func limitRate(rl RateLimit, now func() time.Time, next http.Handler) http.Handler {
	if rl.Rate <= 0 {
		return next
	}
	l := &limiter{limit: rl, now: now, buckets: map[string]*bucket{}}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := l.take(clientKey(r))
		if ok {
			next.ServeHTTP(w, r)
			return
		}
		secs := int(math.Ceil(wait.Seconds()))
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeError(w, http.StatusTooManyRequests, langOf(r.Context()), errs.New(errs.Invalid, errs.CodeRateLimited, nil,
			fmt.Sprintf("Quá nhiều yêu cầu; hãy thử lại sau %d giây.", secs),
			fmt.Sprintf("Too many requests; try again in %d s.", secs)))
	})
}

// cors lets the browsers of the listed origins call the API: preflights
// from them are answered, other origins' are refused (403), and requests
// without an Origin pass untouched.
func cors(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		w.Header().Add("Vary", "Origin")
		allowed := origin != "" && slices.Contains(origins, origin)
		if allowed {
			w.Header().Set("Access-Control-Allow-Origin", origin)
		}
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			if !allowed {
				w.WriteHeader(http.StatusForbidden)
				return
			}
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			w.Header().Set("Access-Control-Allow-Headers", strings.Join([]string{"Authorization", "Content-Type", "Accept", "Accept-Language", "traceparent"}, ", "))
			w.Header().Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
