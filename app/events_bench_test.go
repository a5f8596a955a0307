package app

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// BenchmarkMatchmakingDay runs the matchmaking day through the API
// on the embedded store: 500 participants (100 investors, 400 founders)
// register, founders send 3,000 auto-accepted requests (investors' appeal
// skewed), the organiser schedules 12 slots at 40 tables. It reports the
// p50 of a registration and of a request while the board fills, and the
// wall time of scheduleEventMeetings (ns/op) with the meetings it placed.
func BenchmarkMatchmakingDay(b *testing.B) {
	e := newEnv(b)
	m := newMeetup(b, e, func(in map[string]any) {
		in["capacity"], in["waitlistCapacity"] = 500, 0
		in["requestMode"] = "AUTO_ACCEPT"
		in["maxMeetingsPerParticipant"] = 8
		in["sessions"] = []map[string]any{{"start": local(9, 0), "end": local(12, 0)}}
		tables := make([]map[string]any, 40)
		for i := range tables {
			tables[i] = map[string]any{"name": fmt.Sprint("T", i+1)}
		}
		in["tables"] = tables
	})
	timed := func(lat *[]time.Duration, fn func()) {
		start := time.Now()
		fn()
		*lat = append(*lat, time.Since(start))
	}
	p50 := func(lat []time.Duration) float64 {
		slices.Sort(lat)
		return float64(lat[len(lat)/2]) / float64(time.Millisecond)
	}
	var regs, reqs []time.Duration
	investors := make([]string, 100)
	for i := range investors {
		timed(&regs, func() { investors[i] = m.join(b, fmt.Sprint("investor-", i), "investor", nil) })
	}
	r := rand.New(rand.NewPCG(42, 1))
	zipf := rand.NewZipf(r, 1.1, 4, uint64(len(investors)-1))
	for i := range 400 {
		who := fmt.Sprint("founder-", i)
		timed(&regs, func() { m.join(b, who, "founder", nil) })
		asked := map[uint64]bool{}
		for len(asked) < 7+i%2 { // 3,000 requests in all
			j := zipf.Uint64()
			if asked[j] {
				continue
			}
			asked[j] = true
			timed(&reqs, func() {
				require.Equal(b, "ACCEPTED", m.requestMeeting(b, who, investors[j], nil).Str("requestMeeting.request.status"))
			})
		}
	}
	require.Len(b, reqs, 3000)
	schedule := req{token: m.manager(b), query: `mutation($in: ScheduleEventMeetingsInput!) { scheduleEventMeetings(input: $in) { result { wanted placed meetings } userErrors { code } } }`,
		vars: map[string]any{"in": map[string]any{"eventId": m.id, "scope": "ALL"}}}
	var res response
	b.ResetTimer()
	for b.Loop() {
		res = e.do(b, schedule)
	}
	b.StopTimer()
	require.Empty(b, res.Errors)
	b.ReportMetric(p50(regs), "register-p50-ms")
	b.ReportMetric(p50(reqs), "request-p50-ms")
	b.ReportMetric(float64(res.Num("scheduleEventMeetings.result.wanted")), "wanted")
	b.ReportMetric(float64(res.Num("scheduleEventMeetings.result.placed")), "placed")
}
