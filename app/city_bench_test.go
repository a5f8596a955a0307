package app

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/internal/apitest"
)

// BenchmarkCity is the city-scale load tool (docs/embedded-store.md): it
// grows a store on the embedded defaults through the API, over HTTP, to
// INNOPORT_CITY_STARTUPS startups (300 when unset) — with an investor and a
// mentor per 25 startups and a call and a Startup Café per 300 — while the
// background reactions (rescreening, change-driven rescoring, indexing) run
// as they do in use, then measures every figure of the city-scale table:
//
//	INNOPORT_CITY_STARTUPS=1500 go test ./app -run '^$' -bench City -benchtime 1x -timeout 60m
//
// It prints the table and reports each figure as a metric.
func BenchmarkCity(b *testing.B) {
	n := 300
	if v := os.Getenv("INNOPORT_CITY_STARTUPS"); v != "" {
		var err error
		n, err = strconv.Atoi(v)
		require.NoError(b, err, "INNOPORT_CITY_STARTUPS")
	}
	e := newEnvWith(b, func(c *Config) { c.MatchesK = 20; c.Metrics = true })
	srv := httptest.NewServer(e.h)
	b.Cleanup(srv.Close)
	c := &city{b: b, e: e, url: srv.URL + "/graphql", admin: e.token(b, "ADMIN", "admin-1", "")}
	ctx := context.Background()
	b.ResetTimer()

	// Growth, with what it sets off in the background.
	start := time.Now()
	create := c.grow(n)
	grew := time.Since(start)
	settled := c.settle()
	commands := serverCommands(b, e)

	// A change reaches both sides' lists.
	reflected := c.changeReflected()
	c.settle() // the reads below are measured on a quiet service, each alone

	page := c.repeat(200, `{ startups(first: 50) { edges { node { id name incubator { name } } } } }`, nil, "")
	search := c.repeat(200, `query($q: String!) { search(query: $q, first: 20) { edges { node { __typename } } } }`,
		map[string]any{"q": "cang bien logistics"}, "")

	// The jobs' run records carry the test's manual clock: timed here.
	job := func(name string) (time.Duration, string) {
		start := time.Now()
		run, err := e.app.RunJob(ctx, name)
		require.NoError(b, err)
		require.Equal(b, "SUCCEEDED", string(run.Status), run.Error)
		return time.Since(start), run.Stats
	}
	score, scoreStats := job("score-matches")
	screen, _ := job("screen-innovative-enterprises")
	judge, _ := job("judge-incentives")
	publish, _ := job("publish-open-data")
	statistics := c.repeat(20, `query($from: Date!, $to: Date!) { cityStatistics(from: $from, to: $to) { series { key points { key value } } } }`,
		map[string]any{"from": "2022-01-01", "to": "2026-12-31"}, e.token(b, "OFFICIAL", "official-1", ""))

	rate, submit := c.submissions(48, 256, 4)
	b.StopTimer()

	b.Logf("city of %d startups on 2 cores (GOMAXPROCS %d)\n"+
		"  growth through the API: %s (%d createStartup), background settled %s later\n"+
		"  createStartup            p50 %s  p95 %s\n"+
		"  startups(first: 50)      p50 %s  p95 %s\n"+
		"  search 'cang bien logistics' p50 %s  p95 %s\n"+
		"  score-matches full run   %s (%s)\n"+
		"  screening full run       %s\n"+
		"  judge-incentives full run %s, publish-open-data %s\n"+
		"  cityStatistics (5 years) p50 %s  p95 %s\n"+
		"  %d submitApplication (48 clients, 4 calls each): %.0f req/s, p50 %s p99 %s\n"+
		"  a change in both sides' lists after %s\n"+
		"  store commands sent to FerretDB during growth (most time first): %s",
		n, runtime.GOMAXPROCS(0), grew.Round(time.Second), len(create), settled.Round(100*time.Millisecond),
		pct(create, 50), pct(create, 95), pct(page, 50), pct(page, 95), pct(search, 50), pct(search, 95),
		score.Round(100*time.Millisecond), scoreStats, screen.Round(10*time.Millisecond),
		judge.Round(10*time.Millisecond), publish.Round(10*time.Millisecond), pct(statistics, 50), pct(statistics, 95),
		len(submit), rate, pct(submit, 50), pct(submit, 99), reflected.Round(10*time.Millisecond), commands)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(pct(create, 95)), "create-p95-ms")
	b.ReportMetric(ms(pct(page, 95)), "page-p95-ms")
	b.ReportMetric(ms(pct(search, 95)), "search-p95-ms")
	b.ReportMetric(score.Seconds(), "score-matches-s")
	b.ReportMetric(screen.Seconds(), "screening-s")
	b.ReportMetric(judge.Seconds(), "judge-incentives-s")
	b.ReportMetric(ms(pct(statistics, 95)), "statistics-p95-ms")
	b.ReportMetric(rate, "submit-req/s")
	b.ReportMetric(ms(pct(submit, 99)), "submit-p99-ms")
	b.ReportMetric(reflected.Seconds(), "change-reflected-s")
}

// city drives one service over HTTP.
type city struct {
	b     *testing.B
	e     *env
	url   string
	admin string
	fund  string
	calls []string
	// investor is the first synthetic investor.
	investor string
	// startups are the IDs of the synthetic startups, in creation order.
	startups []string
}

// post sends one GraphQL request and returns its response and latency.
func (c *city) post(query string, vars map[string]any, token string) (apitest.Response, time.Duration) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	require.NoError(c.b, err)
	hr, err := http.NewRequest(http.MethodPost, c.url, bytes.NewReader(body))
	require.NoError(c.b, err)
	hr.Header.Set("Content-Type", "application/json")
	if token != "" {
		hr.Header.Set("Authorization", "Bearer "+token)
	}
	start := time.Now()
	res, err := http.DefaultClient.Do(hr)
	require.NoError(c.b, err)
	defer res.Body.Close()
	var r apitest.Response
	require.NoError(c.b, json.NewDecoder(res.Body).Decode(&r))
	took := time.Since(start)
	if len(r.Errors) > 0 {
		c.b.Fatalf("%s: %v", strings.Fields(query)[0], r.Errors)
	}
	return r, took
}

// words make the synthetic descriptions: Vietnamese, with and without the
// words the searches look for.
var cityWords = [][]string{
	{"Nền tảng", "Giải pháp", "Hệ thống", "Ứng dụng", "Dịch vụ"},
	{"logistics cảng biển", "quản lý kho bãi", "theo dõi container", "năng lượng tái tạo", "nuôi trồng thủy sản",
		"thanh toán số", "giáo dục trực tuyến", "chăm sóc sức khỏe", "sản xuất thông minh", "thương mại điện tử"},
	{"cho doanh nghiệp vừa và nhỏ", "cho cảng Lạch Huyện", "cho nông dân Hải Dương", "tại Hải Phòng", "cho các khu công nghiệp"},
}

var citySectors = []string{"SEMICONDUCTORS", "ARTIFICIAL_INTELLIGENCE", "MARINE_SCIENCE_TECH", "PORT_LOGISTICS",
	"GREEN_INDUSTRY_ENERGY", "ADVANCED_MANUFACTURING", "SOFTWARE_SAAS", "FINTECH", "EDTECH", "HEALTHTECH",
	"AGRITECH_FOOD", "ECOMMERCE_RETAIL"}

var cityStages = []string{"IDEA", "PROTOTYPE", "PRE_SEED", "SEED", "SERIES_A", "GROWTH"}

var cityWards = []string{"Lê Chân", "Hải An", "Ngô Quyền", "Hồng Bàng", "Kiến An", "Thủy Nguyên", "Đồ Sơn", "Thành Đông"}

func cityStartup(i int) map[string]any {
	w := func(k int) string { return cityWords[k][(i/(k*3+1))%len(cityWords[k])] }
	return map[string]any{
		"name": fmt.Sprintf("Công ty CP %s %d", w(1), i), "taxCode": demo.TaxCode("07", i), "foundedOn": "2023-05-10",
		"ward": cityWards[i%len(cityWards)], "sectors": []string{citySectors[i%12], citySectors[(i*5+3)%12]},
		"stage": cityStages[i%len(cityStages)], "teamSize": 3 + i%40,
		"description": fmt.Sprintf("%s %s %s. Đội ngũ %d người, đã thử nghiệm với %d khách hàng.", w(0), w(1), w(2), 3+i%40, i%17),
		"contact":     map[string]any{"email": fmt.Sprintf("lienhe%d@example.vn", i)},
		"financials":  map[string]any{"fundingNeedVnd": 500_000_000 + int64(i%20)*250_000_000},
	}
}

const cityCreateStartup = `mutation($input: CreateStartupInput!) { createStartup(input: $input) { startup { id } userErrors { field code message } } }`

// grow creates startups up to n through the API, one client after another,
// and the other sides in proportion; it returns createStartup's latencies.
func (c *city) grow(n int) []time.Duration {
	r, _ := c.post(`{ funds { id } }`, nil, "")
	c.fund = r.Str("funds.0.id")
	var lat []time.Duration
	for i := range n {
		if i%25 == 0 {
			c.investorAndMentor(i)
		}
		if i%300 == 0 {
			c.callAndEvent(i)
		}
		r, took := c.post(cityCreateStartup, map[string]any{"input": cityStartup(i)}, c.admin)
		require.Empty(c.b, r.UserErrors("createStartup"))
		c.startups = append(c.startups, r.Str("createStartup.startup.id"))
		lat = append(lat, took)
	}
	return lat
}

func (c *city) investorAndMentor(i int) {
	r, _ := c.post(`mutation($input: CreateInvestorInput!) { createInvestor(input: $input) { investor { id } userErrors { field code } } }`,
		map[string]any{"input": map[string]any{"name": fmt.Sprintf("Quỹ Đầu tư %d", i), "kind": "VENTURE_FUND",
			"description": "Đầu tư vào " + cityWords[1][i%10] + " " + cityWords[2][i%5],
			"sectors":     []string{citySectors[i%12], citySectors[(i+4)%12]}, "stages": []string{cityStages[i%6], cityStages[(i+1)%6]},
			"ticketMinVnd": 500_000_000, "ticketMaxVnd": 10_000_000_000}}, c.admin)
	require.Empty(c.b, r.UserErrors("createInvestor"))
	if c.investor == "" {
		c.investor = r.Str("createInvestor.investor.id")
	}
	r, _ = c.post(`mutation($input: CreateMentorInput!) { createMentor(input: $input) { mentor { id } userErrors { field code } } }`,
		map[string]any{"input": map[string]any{"name": fmt.Sprintf("Chuyên gia %d", i), "expertise": []string{citySectors[i%12]},
			"affiliation": "Trường Đại học Hàng hải Việt Nam", "bio": "Kinh nghiệm về " + cityWords[1][i%10]}}, c.admin)
	require.Empty(c.b, r.UserErrors("createMentor"))
}

// callAndEvent opens a call every startup may apply to, and publishes a
// Startup Café.
func (c *city) callAndEvent(i int) {
	w := &world{e: c.e, fund: c.fund}
	c.calls = append(c.calls, w.createCall(c.b, nil))
	r, _ := c.post(`{ incubators { id } }`, nil, "")
	inc := r.Str("incubators.0.id")
	manager := c.e.token(c.b, "INCUBATOR_MANAGER", "inc-manager", inc)
	r, _ = c.post(`mutation($in: CreateEventInput!) { createEvent(input: $in) { event { id } userErrors { field code message } } }`,
		map[string]any{"in": map[string]any{"incubatorId": inc, "event": meetupInput(func(m map[string]any) {
			m["title"] = fmt.Sprintf("Cà phê khởi nghiệp số %d", i)
			m["capacity"] = 100
		})}}, manager)
	require.Empty(c.b, r.UserErrors("createEvent"))
}

// settle waits until the background work growth set off is done: no
// rescoring pending or running, and the search index caught up.
func (c *city) settle() time.Duration {
	start := time.Now()
	ctx := context.Background()
	for idle := 0; idle < 3; { // three looks in a row: a rescoring may set off indexing
		idle++
		for _, n := range c.e.app.Backlog(ctx) {
			if n != 0 {
				idle = 0
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return time.Since(start)
}

// changeReflected creates a startup made for the first synthetic investor
// and waits until it is in that investor's list and has its own list.
func (c *city) changeReflected() time.Duration {
	in := cityStartup(999_999)
	in["sectors"], in["stage"] = []string{citySectors[0], citySectors[4]}, cityStages[0] // the first investor's thesis
	in["description"] = "Đầu tư vào " + cityWords[1][0] + " " + cityWords[2][0]
	in["financials"] = map[string]any{"fundingNeedVnd": 2_000_000_000}
	start := time.Now()
	r, _ := c.post(cityCreateStartup, map[string]any{"input": in}, c.admin)
	id := r.Str("createStartup.startup.id")
	inv := map[string]any{"id": c.investor}
	investor := c.e.token(c.b, "INVESTOR", "partner-1", c.investor)
	for time.Since(start) < 5*time.Minute {
		own, _ := c.post(`query($id: ID!) { startup(id: $id) { matches(kind: INVESTOR, first: 20) { target { ... on Investor { id } } } } }`,
			map[string]any{"id": id}, c.admin)
		theirs, _ := c.post(`query($id: ID!) { node(id: $id) { ... on Investor { matches(first: 20) { target { ... on Startup { id } } } } } }`,
			map[string]any{"id": inv["id"]}, investor)
		if len(own.List("startup.matches")) > 0 && slices.ContainsFunc(theirs.List("node.matches"), func(m any) bool {
			return m.(map[string]any)["target"].(map[string]any)["id"] == id
		}) {
			return time.Since(start)
		}
		time.Sleep(20 * time.Millisecond)
	}
	c.b.Fatal("the change was not in both sides' lists within 5 minutes")
	return 0
}

// repeat sends one request n times and returns the latencies.
func (c *city) repeat(n int, query string, vars map[string]any, token string) []time.Duration {
	lat := make([]time.Duration, n)
	for i := range lat {
		_, lat[i] = c.post(query, vars, token)
	}
	return lat
}

// submissions has each of startups synthetic startups apply to perCall
// calls, from clients concurrent clients; it returns the throughput and
// the latencies.
func (c *city) submissions(clients, startups, perCall int) (float64, []time.Duration) {
	startups = min(startups, len(c.startups))
	for len(c.calls) < perCall {
		c.callAndEvent(len(c.calls) * 300)
	}
	type job struct{ startup, call int }
	jobs := make(chan job)
	var (
		mu  sync.Mutex
		lat []time.Duration
		wg  sync.WaitGroup
	)
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				id := c.startups[j.startup]
				in := map[string]any{"callId": c.calls[j.call], "startupId": id, "idempotencyKey": fmt.Sprint("city-", j.startup, "-", j.call),
					"requestedAmountVnd": 1_000_000_000, "answers": []map[string]any{
						{"questionKey": "solution", "text": "Giải pháp cảm biến cho cảng biển."},
						{"questionKey": "readiness", "choices": []string{"Thí điểm"}}}}
				token := c.e.token(c.b, "STARTUP_MEMBER", "founder-"+id, id)
				r, took := c.post(submit, map[string]any{"in": in}, token)
				if ue := r.UserErrors("submitApplication"); len(ue) > 0 {
					c.b.Errorf("submission refused: %v", ue)
				}
				mu.Lock()
				lat = append(lat, took)
				mu.Unlock()
			}
		}()
	}
	for s := range startups {
		for k := range perCall {
			jobs <- job{s, k}
		}
	}
	close(jobs)
	wg.Wait()
	return float64(len(lat)) / time.Since(start).Seconds(), lat
}

// serverCommands sums up, from /metrics, the commands the server answered
// so far: the six that took longest in all, with their count and total time.
func serverCommands(b *testing.B, e *env) string {
	type cmd struct {
		name  string
		n     uint64
		total float64
	}
	var cmds []cmd
	for _, m := range scrape(b, e)["innoport_store_command_duration_seconds"].GetMetric() {
		l := map[string]string{}
		for _, p := range m.GetLabel() {
			l[p.GetName()] = p.GetValue()
		}
		if l["served"] == "server" {
			cmds = append(cmds, cmd{l["command"] + " " + l["collection"], m.GetHistogram().GetSampleCount(), m.GetHistogram().GetSampleSum()})
		}
	}
	slices.SortFunc(cmds, func(a, b cmd) int { return cmp.Compare(b.total, a.total) })
	var out []string
	for _, c := range cmds[:min(6, len(cmds))] {
		out = append(out, fmt.Sprintf("%s ×%d %.1fs", c.name, c.n, c.total))
	}
	return strings.Join(out, ", ")
}

// pct is the p-th percentile of lat.
func pct(lat []time.Duration, p int) time.Duration {
	s := slices.Clone(lat)
	slices.Sort(s)
	return s[(len(s)-1)*p/100].Round(100 * time.Microsecond)
}
