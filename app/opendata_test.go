package app

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// get fetches a path of the service without signing in.
func (e *env) get(t *testing.T, path string) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	e.h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
	return w
}

const statistics = `query($from: Date!, $to: Date!) { cityStatistics(from: $from, to: $to) { from to
	series { key title definition unit chart points { key label value } } } }`

// seriesOf reads a statistics answer as key → point key → value.
func seriesOf(r response) map[string]map[string]float64 {
	out := map[string]map[string]float64{}
	for _, x := range r.List("cityStatistics.series") {
		s := x.(map[string]any)
		pts := map[string]float64{}
		for _, p := range s["points"].([]any) {
			pm := p.(map[string]any)
			pts[pm["key"].(string)] = pm["value"].(float64)
		}
		out[s["key"].(string)] = pts
	}
	return out
}

func TestCityStatisticsForOfficials(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	period := map[string]any{"from": "2022-01-01", "to": "2026-12-31"}

	r := e.do(t, req{token: e.token(t, "INVESTOR", "i-1", ""), query: statistics, vars: period})
	assert.Equal(t, "FORBIDDEN", r.Code("cityStatistics"))
	r = e.do(t, req{query: statistics, vars: period})
	assert.Equal(t, "UNAUTHENTICATED", r.Code("cityStatistics"))
	official := e.token(t, "OFFICIAL", "official-1", "")
	r = e.do(t, req{token: official, query: statistics, vars: map[string]any{"from": "2026-12-31", "to": "2026-01-01"}})
	assert.Equal(t, "INVALID_VALUE", r.Code("cityStatistics"))

	r = e.do(t, req{token: official, query: statistics, vars: period, headers: map[string]string{"Accept-Language": "en"}})
	require.Empty(t, r.Errors)
	got := seriesOf(r)
	for _, x := range r.List("cityStatistics.series") {
		s := x.(map[string]any)
		assert.NotEmpty(t, s["definition"], "%s says how it is computed", s["key"])
	}

	// The figures agree with what the rest of the API answers.
	admin := e.token(t, "ADMIN", "admin-1", "")
	all := e.do(t, req{query: `{ startups(first: 100) { totalCount edges { node { foundedOn } } } }`})
	founded := 0
	for _, x := range all.List("startups.edges") {
		if x.(map[string]any)["node"].(map[string]any)["foundedOn"].(string) <= "2026-12-31" {
			founded++
		}
	}
	assert.Equal(t, float64(founded), got["firms_total"]["all"])
	counts := e.do(t, req{token: admin, query: `{ screeningCounts(setKey: "innovative_startup_sme") { status count } }`})
	for _, x := range counts.List("screeningCounts") {
		m := x.(map[string]any)
		assert.Equal(t, m["count"], got["screening_innovative_startup_sme"][m["status"].(string)], m["status"])
	}
	assert.Equal(t, float64(1), got["incentives_qualified"]["st_enterprise_cit"], "the demo's firm with an S&T certificate")
	assert.Equal(t, float64(180_000_000+60_000_000), got["incentives_received_vnd"]["st_enterprise_cit"]+got["incentives_received_vnd"]["innovative_sme_consulting"])
	byIncubator := 0.0
	for _, v := range got["firms_by_incubator"] {
		byIncubator += v
	}
	assert.Equal(t, got["firms_total"]["all"], byIncubator, "every firm is in one incubator, or none")
}

// publicColumns are every column an open-data file may have: aggregates'
// cells, and the public fields of the directory and the sandbox register.
var publicColumns = []string{"dataset", "title_vi", "title_en", "chart", "unit", "key", "label_vi", "label_en", "value", "suppressed",
	"name", "name_en", "founded_on", "ward", "sectors", "stage", "incubator", "website",
	"startup_name", "product", "program", "status", "test_started_on", "test_ends_on", "outcome"}

// holds reports whether body holds secret: a number as a whole number, so
// that a firm's 5,000,000,000 is not found in a total of 35,000,000,000.
func holds(body, secret string) bool {
	for i := strings.Index(body, secret); i >= 0; {
		end := i + len(secret)
		digit := func(j int) bool { return j >= 0 && j < len(body) && body[j] >= '0' && body[j] <= '9' }
		if strings.Trim(secret, "0123456789") != "" || (!digit(i-1) && !digit(end)) {
			return true
		}
		next := strings.Index(body[i+1:], secret)
		if next < 0 {
			return false
		}
		i += 1 + next
	}
	return false
}

func TestOpenDataPublishesOnlyPublicSuppressedData(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	admin := e.token(t, "ADMIN", "admin-1", "")

	// The catalogue: DCAT, every data set with a licence, a modification
	// time, its columns and a CSV and a JSON distribution.
	w := e.get(t, "/open-data/")
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, "*", w.Header().Get("Access-Control-Allow-Origin"))
	var cat struct {
		Type     string `json:"@type"`
		Datasets []struct {
			ID       string           `json:"dct:identifier"`
			License  map[string]any   `json:"dct:license"`
			Modified map[string]any   `json:"dct:modified"`
			Title    []map[string]any `json:"dct:title"`
			Schema   struct {
				Columns []struct {
					Name string `json:"csvw:name"`
				} `json:"csvw:column"`
			} `json:"csvw:tableSchema"`
			Distributions []struct {
				URL       map[string]string `json:"dcat:downloadURL"`
				MediaType string            `json:"dcat:mediaType"`
			} `json:"dcat:distribution"`
		} `json:"dcat:dataset"`
	}
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &cat))
	assert.Equal(t, "dcat:Catalog", cat.Type)
	require.NotEmpty(t, cat.Datasets)

	// What no file may contain: every firm's contact, evidence and
	// financial figures, as an admin reads them.
	r := e.do(t, req{token: admin, query: `{ startups(first: 100) { edges { node { contact { email phone } taxCode
		financials { fundingNeedVnd revenue { amountVnd } } evidence { ipAssets { number documentRef } certificates { documentRef }
		awards { documentRef } investments { fund documentRef } confirmations { documentRef } } } } } }`})
	require.Empty(t, r.Errors)
	var secrets []string
	var walk func(any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, y := range x {
				walk(y)
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		case string:
			if len(x) >= 6 { // amounts and references; shorter strings are codes any text may hold
				secrets = append(secrets, x)
			}
		}
	}
	for _, x := range r.List("startups.edges") {
		walk(x)
	}
	require.Greater(t, len(secrets), 50)

	directoryRows, suppressed := 0, 0
	seen := map[string]bool{}
	for _, d := range cat.Datasets {
		seen[d.ID] = true
		assert.Equal(t, "https://creativecommons.org/licenses/by/4.0/", d.License["@id"], d.ID)
		assert.NotEmpty(t, d.Modified["@value"], d.ID)
		assert.Len(t, d.Title, 2, "%s is titled in Vietnamese and English", d.ID)
		var cols []string
		for _, c := range d.Schema.Columns {
			cols = append(cols, c.Name)
			assert.Contains(t, publicColumns, c.Name, "%s: column %s is not a public field", d.ID, c.Name)
		}
		require.Len(t, d.Distributions, 2)
		for _, dist := range d.Distributions {
			f := e.get(t, "/open-data/"+dist.URL["@id"])
			require.Equal(t, http.StatusOK, f.Code, dist.URL["@id"])
			body := f.Body.String()
			for _, s := range secrets {
				assert.False(t, holds(body, s), "%s holds the confidential value %q", dist.URL["@id"], s)
			}
			if dist.MediaType != "text/csv" {
				var doc struct {
					Rows []map[string]any `json:"rows"`
				}
				require.NoError(t, json.Unmarshal(f.Body.Bytes(), &doc), dist.URL["@id"])
				for _, row := range doc.Rows {
					for k := range row {
						assert.Contains(t, cols, k, "%s: a row field outside its columns", dist.URL["@id"])
					}
				}
				continue
			}
			assert.Equal(t, "text/csv; charset=utf-8", f.Header().Get("Content-Type"))
			require.True(t, bytes.HasPrefix(f.Body.Bytes(), []byte("\xEF\xBB\xBF")), "%s starts with a UTF-8 byte-order mark", dist.URL["@id"])
			rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
			require.NoError(t, err)
			assert.Equal(t, cols, rows[0], "%s: the header is the catalogue's columns", dist.URL["@id"])
			if d.ID == "startups" {
				directoryRows = len(rows) - 1
			}
			if !slices.Equal(cols[:4], []string{"key", "label_vi", "label_en", "value"}) {
				continue // the directory, the register, and the overview (its cells are the data sets')
			}
			// Every cell of firms is 0, at least 3, or suppressed.
			for _, row := range rows[1:] {
				if row[4] == "true" {
					suppressed++
					assert.Empty(t, row[3], "%s: a suppressed cell has no value", d.ID)
					continue
				}
				n, err := strconv.ParseInt(row[3], 10, 64)
				require.NoError(t, err)
				if strings.HasPrefix(d.ID, "firms_") || strings.HasPrefix(d.ID, "screening_") ||
					d.ID == "new_firms_per_quarter" || d.ID == "incentives_qualified" || d.ID == "incentives_received" {
					assert.True(t, n == 0 || n >= 3, "%s.%s = %d is a small cell", d.ID, row[0], n)
				}
			}
		}
	}
	for _, want := range []string{"firms_by_sector", "firms_by_ward", "new_firms_per_quarter", "funding_funnel", "events_funnel",
		"sandbox", "incentives_qualified", "transfer_agreements", "startups", "sandbox_register"} {
		assert.True(t, seen[want], "the catalogue lists %s", want)
	}
	assert.Positive(t, suppressed, "the demo's small cells are suppressed")
	assert.Equal(t, 34, directoryRows, "every demo startup is in the directory")
	cit := e.get(t, "/open-data/incentives_received_vnd.csv").Body.String()
	assert.False(t, holds(cit, "180000000"), "one firm's tax benefit is not published")

	assert.Equal(t, http.StatusNotFound, e.get(t, "/open-data/catalog.exe").Code)
	assert.Equal(t, http.StatusNotFound, e.get(t, "/open-data/nothing.csv").Code)
	w = httptest.NewRecorder()
	e.h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/open-data/catalog.json", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
}
