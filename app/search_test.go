package app

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search/searchtest"
)

const searchQuery = `query($q: String!, $types: [SearchType!], $filter: SearchFilter, $sort: SearchSort, $first: Int, $after: String) {
	search(query: $q, types: $types, filter: $filter, sort: $sort, first: $first, after: $after) {
		totalCount pageInfo { hasNextPage endCursor }
		edges { cursor highlights { field snippet } node {
			__typename
			... on Startup { id name } ... on Investor { id name } ... on Mentor { id name } ... on FundCall { id title } } }
		facets { sectors { value label count } stages { value count } wards { value count } incubators { value label count } } } }`

// names lists the names (or titles) of a search's hits.
func names(r response, path string) []string {
	var out []string
	for _, e := range r.List(path + ".edges") {
		n := e.(map[string]any)["node"].(map[string]any)
		name, _ := n["name"].(string)
		if name == "" {
			name, _ = n["title"].(string)
		}
		out = append(out, name)
	}
	return out
}

// eventually retries check until it passes, within 15 s, and logs how long
// it took: the index trails the store by well under a second unloaded.
func eventually(t testing.TB, check func() bool, what string) {
	t.Helper()
	start := time.Now()
	for !check() {
		if time.Since(start) > 15*time.Second {
			t.Fatalf("not within 15 s (the bound for a loaded 2-core CI): %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("%s after %s", what, time.Since(start).Round(time.Millisecond))
}

func TestSearchIsVietnameseAware(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	find := func(vars map[string]any) response {
		t.Helper()
		r := e.do(t, req{query: searchQuery, vars: vars})
		require.Empty(t, r.Errors)
		return r
	}

	r := find(map[string]any{"q": "dinh vu"})
	assert.ElementsMatch(t, []string{"Công ty TNHH Logistics Thông minh Đình Vũ", "Tập đoàn Logistics Đình Vũ"}, names(r, "search"))
	r = find(map[string]any{"q": "dinh vu", "types": []string{"STARTUP"}})
	assert.Equal(t, []any{map[string]any{"field": "name", "snippet": "Công ty TNHH Logistics Thông minh <em>Đình</em> <em>Vũ</em>"}},
		r.List("search.edges.0.highlights"), "highlighted as written")

	r = find(map[string]any{"q": "thanh toan cang", "types": []string{"STARTUP"}})
	assert.Equal(t, []string{"Công ty CP Thanh toán Cảng"}, names(r, "search"))
	r = find(map[string]any{"q": "logistcs dinh", "types": []string{"STARTUP"}})
	assert.Equal(t, []string{"Công ty TNHH Logistics Thông minh Đình Vũ"}, names(r, "search"), "a typo still finds its word")

	// Facets count every hit; the filter narrows by them.
	r = find(map[string]any{"q": "", "types": []string{"STARTUP"}, "filter": map[string]any{"sectors": []string{"PORT_LOGISTICS"}}, "first": 2, "sort": "NAME"})
	total := r.Num("search.totalCount")
	assert.Equal(t, 6, total)
	assert.Len(t, r.List("search.edges"), 2)
	assert.Contains(t, r.List("search.facets.sectors"), map[string]any{"value": "PORT_LOGISTICS", "label": "Cảng biển và logistics", "count": float64(6)})
	incubators := r.List("search.facets.incubators")
	require.NotEmpty(t, incubators)
	assert.Equal(t, "Trung tâm Hỗ trợ Khởi nghiệp Đổi mới Sáng tạo Hàng hải", incubators[0].(map[string]any)["label"])

	// Paging by cursor walks every hit once, by name.
	var all []string
	after := ""
	for page := 0; page < 5; page++ {
		vars := map[string]any{"q": "", "types": []string{"STARTUP"}, "filter": map[string]any{"sectors": []string{"PORT_LOGISTICS"}}, "first": 2, "sort": "NAME"}
		if after != "" {
			vars["after"] = after
		}
		r = find(vars)
		all = append(all, names(r, "search")...)
		if !r.Get("search.pageInfo.hasNextPage").(bool) {
			break
		}
		after = r.Str("search.pageInfo.endCursor")
	}
	assert.Len(t, all, total)
	assert.IsIncreasing(t, foldAll(all))

	// Inputs that can be wrong get their field and a message in both languages.
	r = e.do(t, req{query: searchQuery, vars: map[string]any{"q": strings.Repeat("cảng ", 50)}})
	assert.Equal(t, "INVALID_VALUE", r.Code("search"))
	assert.Equal(t, []any{"query"}, r.Errors[0].Extensions["field"])
	r = e.do(t, req{query: searchQuery, vars: map[string]any{"q": "x", "after": "bm9wZQ"}, headers: map[string]string{"Accept-Language": "en"}})
	assert.Equal(t, "INVALID_VALUE", r.Code("search"))
	assert.Equal(t, "Invalid page cursor.", r.Errors[0].Message)
	r = e.do(t, req{query: searchQuery, vars: map[string]any{"q": "x", "filter": map[string]any{"incubatorIds": []string{"nope"}}}})
	assert.Equal(t, "INVALID_VALUE", r.Code("search"))
}

func foldAll(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = value.Fold(s)
	}
	return out
}

// A write is searchable within seconds, through the API as clients see it.
func TestSearchFollowsWrites(t *testing.T) {
	t.Parallel()
	searchFollowsWrites(t, newEnv(t))
}

// The same on a real Meilisearch.
func TestSearchFollowsWritesOnMeilisearch(t *testing.T) {
	t.Parallel()
	url, key := searchtest.Meilisearch(t)
	searchFollowsWrites(t, newEnvWith(t, func(c *Config) {
		c.MeiliURL, c.MeiliKey, c.SearchIndex = url, key, searchtest.IndexUID()
	}))
}

func searchFollowsWrites(t *testing.T, e *env) {
	admin := e.token(t, "ADMIN", "admin-1", "")
	in := startupInput(demo.TaxCode("09", 777))
	in["name"], in["description"] = "Công ty CP Đèn biển Hòn Dáu", "Hải đăng thông minh cho luồng tàu vào cảng."
	r := e.do(t, req{query: createStartup, token: admin, vars: map[string]any{"input": in}})
	require.Empty(t, r.UserErrors("createStartup"))
	id := r.Str("createStartup.startup.id")
	findOne := func(q string) []string {
		return names(e.do(t, req{query: searchQuery, vars: map[string]any{"q": q, "types": []string{"STARTUP"}}}), "search")
	}
	eventually(t, func() bool { return len(findOne("hon dau")) == 1 }, "the new startup is searchable")
	for _, private := range []string{"ceo bluesensor", "912 345 678", "3500000000"} {
		assert.Empty(t, findOne(private), "contact and financials are never indexed: %q", private)
	}

	r = e.do(t, req{query: updateStartup, token: admin, vars: map[string]any{"input": map[string]any{
		"id": id, "version": 1, "name": "Công ty CP Hải đăng Đồ Sơn"}}})
	require.Empty(t, r.UserErrors("updateStartup"))
	eventually(t, func() bool { return len(findOne("hon dau")) == 0 && len(findOne("hai dang do son")) == 1 }, "the new name replaces the old")

	// startups(filter: {text}) goes through the index, with the list's other filters.
	s := e.do(t, req{query: `query($f: StartupFilter) { startups(filter: $f) { totalCount edges { node { name } } } }`,
		vars: map[string]any{"f": map[string]any{"text": "hai dang", "ward": "Hải An"}}})
	require.Empty(t, s.Errors)
	assert.Equal(t, 1, s.Num("startups.totalCount"))
	assert.Equal(t, "Công ty CP Hải đăng Đồ Sơn", s.Str("startups.edges.0.node.name"))
}
