package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/bleve"
	"github.com/innoport/innoport/search/meili"
	"github.com/innoport/innoport/search/searchtest"
	"github.com/innoport/innoport/store"
	"github.com/innoport/innoport/store/storetest"
)

// BenchmarkSearch100k measures each engine at national scale: indexing
// throughput over 100,000 startup documents, the latency of text + filter +
// facet queries, and the lag from a store write to the document being
// searchable through the outbox and the indexer. Run it once per engine:
//
//	go test ./store -run '^$' -bench Search100k -benchtime 1x -timeout 30m
func BenchmarkSearch100k(b *testing.B) {
	const n = 100_000
	docs := syntheticStartups(n)
	engines := map[string]func(b *testing.B) search.Index{
		"bleve": func(b *testing.B) search.Index {
			idx, err := bleve.Open(b.TempDir())
			require.NoError(b, err)
			b.Cleanup(func() { _ = idx.Close() })
			return idx
		},
		"meilisearch": func(b *testing.B) search.Index {
			url, key := searchtest.Meilisearch(b)
			idx, err := meili.New(context.Background(), url, key, searchtest.IndexUID())
			require.NoError(b, err)
			return idx
		},
	}
	for _, name := range []string{"bleve", "meilisearch"} {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			idx := engines[name](b)
			for range b.N {
				start := time.Now()
				for i := 0; i < n; i += 1000 {
					require.NoError(b, idx.Upsert(ctx, docs[i:i+1000]...))
				}
				b.ReportMetric(float64(n)/time.Since(start).Seconds(), "docs/s")

				queries := benchQueries()
				took := make([]time.Duration, 0, 20*len(queries))
				total := 0
				for range 20 {
					for _, q := range queries {
						t0 := time.Now()
						res, err := idx.Search(ctx, q)
						took = append(took, time.Since(t0))
						require.NoError(b, err)
						total += res.Total
					}
				}
				require.Positive(b, total, "the queries find something")
				p50, p95 := percentiles(took)
				b.ReportMetric(float64(p50.Microseconds())/1000, "query-p50-ms")
				b.ReportMetric(float64(p95.Microseconds())/1000, "query-p95-ms")

				p50, p95 = writeLag(b, idx)
				b.ReportMetric(float64(p50.Microseconds())/1000, "lag-p50-ms")
				b.ReportMetric(float64(p95.Microseconds())/1000, "lag-p95-ms")
			}
		})
	}
}

// writeLag writes startups through the store and times each until the
// running indexer has made its current version searchable.
func writeLag(b *testing.B, idx search.Index) (p50, p95 time.Duration) {
	ctx := context.Background()
	db := storetest.Open(b)
	x, _ := newIndexer(b, db)
	x.Index = idx
	db.SearchOutbox().OnMark(x.Poke)
	x.Start()
	defer x.Stop()
	startups := store.NewStartups(db)
	var lags []time.Duration
	for i := range 40 {
		st := newStartup(b, demo.TaxCode("09", 900000+i))
		t0 := time.Now()
		if i%2 == 0 {
			require.NoError(b, startups.Create(ctx, st))
		} else {
			require.NoError(b, startups.Create(ctx, st))
			t0 = time.Now()
			var err error
			st, err = startups.Update(ctx, st.ID, func(s *firm.Startup) error { s.TeamSize++; return nil })
			require.NoError(b, err)
		}
		for {
			res, err := idx.Search(ctx, search.Query{IDs: []string{st.ID}, Limit: 1})
			require.NoError(b, err)
			if len(res.Hits) == 1 && res.Hits[0].Version == st.Version {
				break
			}
			require.Less(b, time.Since(t0), 30*time.Second, "indexed within 30 s")
			time.Sleep(time.Millisecond)
		}
		lags = append(lags, time.Since(t0))
	}
	return percentiles(lags)
}

func percentiles(ds []time.Duration) (p50, p95 time.Duration) {
	slices.Sort(ds)
	return ds[len(ds)/2], ds[len(ds)*95/100]
}

// benchQueries mix text, filters and facets the way the deal-flow and
// search pages ask them.
func benchQueries() []search.Query {
	all := search.Facets
	return []search.Query{
		{Text: "khoi nghiep cang", Types: []search.Type{search.Startup}, Facets: all, Limit: 20},
		{Text: "logistcs", Filter: map[search.Facet][]string{search.FacetStage: {"SEED", "SERIES_A"}}, Facets: all, Limit: 20},
		{Text: "nong nghiep thong minh", Filter: map[search.Facet][]string{search.FacetWard: {"Lê Chân", "Ngô Quyền"}}, Facets: all, Limit: 20},
		{Text: "da nang", Facets: all, Limit: 20},
		{Text: "thanh toan so", Filter: map[search.Facet][]string{search.FacetSector: {"FINTECH"}}, Facets: all, Limit: 20},
		{Text: "hai phong ban dan", Facets: all, Limit: 20, Offset: 20},
		{Filter: map[search.Facet][]string{search.FacetSector: {"PORT_LOGISTICS"}, search.FacetIncubator: {"inc-2"}}, Facets: all, Limit: 20},
		{Text: "chuyen doi so", Sort: search.ByTitle, Facets: all, Limit: 20},
	}
}

var (
	benchWords = []string{"Cảng", "Xanh", "Khởi nghiệp", "Logistics", "Nông nghiệp", "Thông minh", "Hải Phòng", "Đà Nẵng",
		"Bán dẫn", "Thanh toán", "Số", "Biển", "Năng lượng", "Giáo dục", "Y tế", "Du lịch", "Chuyển đổi", "Công nghệ",
		"Sáng tạo", "Kết nối", "Dữ liệu", "Robot", "Vận tải", "Kho bãi", "Thủy sản", "Môi trường", "Điện mặt trời"}
	benchSectors = []string{"SEMICONDUCTORS", "ARTIFICIAL_INTELLIGENCE", "MARINE_SCIENCE_TECH", "PORT_LOGISTICS",
		"GREEN_INDUSTRY_ENERGY", "ADVANCED_MANUFACTURING", "SOFTWARE_SAAS", "FINTECH", "EDTECH", "AGRITECH_FOOD"}
	benchStages = []string{"IDEA", "PROTOTYPE", "PRE_SEED", "SEED", "SERIES_A", "GROWTH"}
	benchWards  = []string{"Lê Chân", "Ngô Quyền", "Hồng Bàng", "Hải An", "Kiến An", "Đồ Sơn", "Dương Kinh", "An Dương",
		"Thủy Nguyên", "Hải Dương", "Chí Linh", "Kinh Môn", "Tứ Kỳ", "Thanh Hà", "Cát Hải", "Bạch Long Vĩ"}
)

// syntheticStartups are n startup documents in Vietnamese, the same on
// every run.
func syntheticStartups(n int) []search.Doc {
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	docs := make([]search.Doc, n)
	for i := range docs {
		title := fmt.Sprintf("Công ty %s %s %d", pick(benchWords), pick(benchWords), i)
		body := fmt.Sprintf("Giải pháp %s và %s cho doanh nghiệp %s tại %s.", pick(benchWords), pick(benchWords), pick(benchWords), pick(benchWards))
		sectors := []string{pick(benchSectors)}
		if r.IntN(3) == 0 {
			sectors = append(sectors, pick(benchSectors))
		}
		f := map[search.Facet][]string{search.FacetSector: sectors, search.FacetStage: {pick(benchStages)}, search.FacetWard: {pick(benchWards)}}
		if r.IntN(4) == 0 {
			f[search.FacetIncubator] = []string{fmt.Sprintf("inc-%d", 1+r.IntN(3))}
		}
		docs[i] = search.Doc{Type: search.Startup, ID: fmt.Sprintf("bench%06d", i), Version: 1, Title: title,
			Keywords: []string{pick(benchWords)}, Body: body, Facets: f}
	}
	return docs
}
