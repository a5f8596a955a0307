// Package searchtest is the contract every search.Index passes: the same
// suite runs against the embedded bleve index and a real Meilisearch.
package searchtest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/innoport/innoport/search"
)

// Docs are the contract's documents: a port-city ecosystem in Vietnamese.
func Docs() []search.Doc {
	return []search.Doc{
		{Type: search.Startup, ID: "s1", Version: 1, Title: "Công ty Khởi nghiệp Cảng Xanh", Subtitle: "Green Port Startup",
			Keywords: []string{"Cảng biển và logistics", "Port and logistics"},
			Body:     "Nền tảng điều phối xe container cho cảng Hải Phòng.",
			Facets: map[search.Facet][]string{search.FacetSector: {"PORT_LOGISTICS"}, search.FacetStage: {"SEED"},
				search.FacetWard: {"Ngô Quyền"}, search.FacetIncubator: {"inc-1"}}},
		{Type: search.Startup, ID: "s2", Version: 3, Title: "Đà Nẵng AgriTech", Subtitle: "Da Nang AgriTech",
			Keywords: []string{"Nông nghiệp công nghệ cao", "Agritech"},
			Body:     "Cảm biến độ ẩm đất cho nông nghiệp thông minh.",
			Facets: map[search.Facet][]string{search.FacetSector: {"AGRITECH", "IOT"}, search.FacetStage: {"MVP"},
				search.FacetWard: {"Lê Chân"}}},
		{Type: search.Startup, ID: "s3", Version: 2, Title: "Hải Phòng Fintech",
			Keywords: []string{"Tài chính số", "Fintech"},
			Body:     "Thanh toán số cho doanh nghiệp nhỏ và hộ kinh doanh.",
			Facets: map[search.Facet][]string{search.FacetSector: {"FINTECH"}, search.FacetStage: {"SERIES_A"},
				search.FacetWard: {"Hồng Bàng"}, search.FacetIncubator: {"inc-2"}}},
		{Type: search.Investor, ID: "i1", Version: 1, Title: "Quỹ Đầu tư Khởi nghiệp Sáng tạo Hải Phòng",
			Keywords: []string{"Cảng biển và logistics", "Tài chính số"}, Body: "Quỹ đầu tư mạo hiểm của thành phố."},
		{Type: search.Mentor, ID: "m1", Version: 1, Title: "Nguyễn Văn Đức", Subtitle: "Vietnam Maritime University",
			Keywords: []string{"logistics", "chuỗi cung ứng"}, Body: "Hai mươi năm điều hành cảng container."},
		{Type: search.FundCall, ID: "c1", Version: 1, Title: "Đợt gọi vốn Chuyển đổi số 2026",
			Body: "Hỗ trợ doanh nghiệp khởi nghiệp chuyển đổi số."},
	}
}

// Run runs the contract against fresh indexes made by open, each loaded
// with Docs.
func Run(t *testing.T, open func(t *testing.T) search.Index) {
	ctx := context.Background()
	loaded := func(t *testing.T) search.Index {
		idx := open(t)
		require.NoError(t, idx.Upsert(ctx, Docs()...))
		return idx
	}
	find := func(t *testing.T, idx search.Index, q search.Query) []string {
		t.Helper()
		if q.Limit == 0 {
			q.Limit = 20
		}
		res, err := idx.Search(ctx, q)
		require.NoError(t, err)
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return ids
	}

	t.Run("Vietnamese folding and typos", func(t *testing.T) {
		t.Parallel()
		idx := loaded(t)
		for _, c := range []struct {
			text string
			want []string
		}{
			{"khoi nghiep", []string{"s1", "i1", "c1"}},
			{"KHỞI NGHIỆP", []string{"s1", "i1", "c1"}},
			{norm.NFD.String("khởi nghiệp"), []string{"s1", "i1", "c1"}},
			{"da nang", []string{"s2"}},
			{"đà nẵng", []string{"s2"}},
			{"hai phong", []string{"s1", "s3", "i1"}},
			{"haiphong", []string{"s1", "s3", "i1"}}, // a place name written as one word
			{"danang", []string{"s2"}},
			{"haiphong fintech", []string{"s3"}},
			{"logistcs", []string{"s1", "i1", "m1"}}, // a typo in an 8-letter word
			{"chuyen doi so", []string{"c1"}},
			{"nong nghiep thoong minh", []string{"s2"}}, // a typo in a six-letter word
			{"fint", []string{"s3"}},                    // the last word as a prefix
			{"duc", []string{"m1"}},                     // Đức
			{"xamh", nil},                               // no typo in a word under five letters
			{"khoi nghiep dalat", nil},                  // every word must match
		} {
			assert.ElementsMatch(t, c.want, find(t, idx, search.Query{Text: c.text}), "%q", c.text)
		}
	})

	t.Run("the title ranks above the body", func(t *testing.T) {
		t.Parallel()
		idx := loaded(t)
		ids := find(t, idx, search.Query{Text: "hai phong", Types: []search.Type{search.Startup}})
		require.Len(t, ids, 2)
		assert.Equal(t, "s3", ids[0], "Hải Phòng Fintech names the city; Cảng Xanh only mentions it")
	})

	t.Run("highlights keep the original text", func(t *testing.T) {
		t.Parallel()
		idx := loaded(t)
		res, err := idx.Search(ctx, search.Query{Text: "khoi nghiep", Types: []search.Type{search.Startup}, Limit: 5})
		require.NoError(t, err)
		require.Len(t, res.Hits, 1)
		assert.Contains(t, res.Hits[0].Highlights["title"], "<em>Khởi</em>")
		assert.Contains(t, res.Hits[0].Highlights["title"], "<em>nghiệp</em>")
		assert.NotContains(t, res.Hits[0].Highlights, "body", "only matched fields are highlighted")

		res, err = idx.Search(ctx, search.Query{Text: "cam bien do am", Limit: 5})
		require.NoError(t, err)
		require.Len(t, res.Hits, 1)
		assert.Equal(t, "<em>Cảm</em> <em>biến</em> <em>độ</em> <em>ẩm</em> đất cho nông nghiệp thông minh.", res.Hits[0].Highlights["body"])
	})

	t.Run("types, filters and facets", func(t *testing.T) {
		t.Parallel()
		idx := loaded(t)
		assert.ElementsMatch(t, []string{"i1"}, find(t, idx, search.Query{Text: "khoi nghiep", Types: []search.Type{search.Investor}}))
		assert.ElementsMatch(t, []string{"s2"}, find(t, idx, search.Query{Filter: map[search.Facet][]string{search.FacetSector: {"IOT"}}}))
		assert.ElementsMatch(t, []string{"s1", "s3"}, find(t, idx, search.Query{
			Filter: map[search.Facet][]string{search.FacetStage: {"SEED", "SERIES_A"}}}), "values of one facet: any")
		assert.Empty(t, find(t, idx, search.Query{
			Filter: map[search.Facet][]string{search.FacetStage: {"SEED"}, search.FacetSector: {"FINTECH"}}}), "facets: all")
		assert.ElementsMatch(t, []string{"s1", "s3"}, find(t, idx, search.Query{IDs: []string{"s1", "s3", "zz"}}))
		assert.Empty(t, find(t, idx, search.Query{IDs: []string{}}), "an empty list of IDs keeps nothing")
		assert.ElementsMatch(t, []string{"s2", "i1", "m1", "c1"}, find(t, idx, search.Query{ExcludeIDs: []string{"s1", "s3"}}))
		assert.ElementsMatch(t, []string{"i1", "c1"}, find(t, idx, search.Query{Text: "khoi nghiep", ExcludeIDs: []string{"s1"}}))
		assert.ElementsMatch(t, []string{"s1"}, find(t, idx, search.Query{
			Filter: map[search.Facet][]string{search.FacetWard: {"Ngô Quyền"}}}), "filter values are exact, diacritics and all")

		res, err := idx.Search(ctx, search.Query{Types: []search.Type{search.Startup}, Facets: search.Facets, Limit: 1})
		require.NoError(t, err)
		assert.Equal(t, 3, res.Total)
		assert.Len(t, res.Hits, 1)
		assert.Equal(t, map[string]int{"PORT_LOGISTICS": 1, "AGRITECH": 1, "IOT": 1, "FINTECH": 1}, res.Facets[search.FacetSector])
		assert.Equal(t, map[string]int{"inc-1": 1, "inc-2": 1}, res.Facets[search.FacetIncubator])
		assert.Equal(t, map[string]int{"Ngô Quyền": 1, "Lê Chân": 1, "Hồng Bàng": 1}, res.Facets[search.FacetWard])

		res, err = idx.Search(ctx, search.Query{Text: "hai phong", Types: []search.Type{search.Startup}, Facets: []search.Facet{search.FacetStage}, Limit: 10})
		require.NoError(t, err)
		assert.Equal(t, map[string]int{"SEED": 1, "SERIES_A": 1}, res.Facets[search.FacetStage], "facets count the hits")
	})

	t.Run("sorting and paging", func(t *testing.T) {
		t.Parallel()
		idx := loaded(t)
		all := find(t, idx, search.Query{Types: []search.Type{search.Startup}, Sort: search.ByTitle})
		assert.Equal(t, []string{"s1", "s2", "s3"}, all, "Công…, Đà…, Hải… by folded title")
		assert.Equal(t, []string{"s2"}, find(t, idx, search.Query{Types: []search.Type{search.Startup}, Sort: search.ByTitle, Offset: 1, Limit: 1}))
		assert.Equal(t, []string{"s1", "s3"}, find(t, idx, search.Query{Text: "hai phong", Types: []search.Type{search.Startup}, Sort: search.ByTitle}))
		_, err := idx.Search(ctx, search.Query{Limit: search.MaxLimit + 1})
		assert.Error(t, err)
	})

	t.Run("upsert, delete, versions, reset", func(t *testing.T) {
		t.Parallel()
		idx := loaded(t)
		v, err := idx.Versions(ctx, search.Startup)
		require.NoError(t, err)
		assert.Equal(t, map[string]int64{"s1": 1, "s2": 3, "s3": 2}, v)

		renamed := Docs()[2]
		renamed.Title, renamed.Keywords, renamed.Version = "Hải Phòng PayTech", []string{"Thanh toán"}, 3
		require.NoError(t, idx.Upsert(ctx, renamed))
		assert.Empty(t, find(t, idx, search.Query{Text: "fintech"}), "the old text is gone")
		assert.Equal(t, []string{"s3"}, find(t, idx, search.Query{Text: "paytech"}))
		res, err := idx.Search(ctx, search.Query{Text: "paytech", Limit: 1})
		require.NoError(t, err)
		assert.EqualValues(t, 3, res.Hits[0].Version)

		require.NoError(t, idx.Delete(ctx, search.Key{Type: search.Startup, ID: "s1"}, search.Key{Type: search.Startup, ID: "gone"}))
		assert.ElementsMatch(t, []string{"i1", "c1"}, find(t, idx, search.Query{Text: "khoi nghiep"}))
		v, err = idx.Versions(ctx, search.Startup)
		require.NoError(t, err)
		assert.Equal(t, map[string]int64{"s2": 3, "s3": 3}, v)

		require.NoError(t, idx.Reset(ctx))
		assert.Empty(t, find(t, idx, search.Query{}))
		require.NoError(t, idx.Upsert(ctx, Docs()[0]))
		assert.Equal(t, []string{"s1"}, find(t, idx, search.Query{Text: "cang xanh"}), "usable after a reset")
	})
}
