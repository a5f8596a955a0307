// Package bleve is the embedded search engine behind the search port: a
// bleve v2 index in the data directory, analysed for Vietnamese (Unicode
// words, folded), used when no Meilisearch is configured.
package bleve

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	blevesearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/highlight/highlighter/html"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search"
	textanalysis "github.com/innoport/innoport/search/internal/analysis"
)

// The bleve analysis: Unicode word segmentation, then Fold.
const (
	foldFilter = "innoport_fold"
	vnAnalyzer = "innoport_vi"
)

func init() {
	if err := registry.RegisterTokenFilter(foldFilter, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldTokens{}, nil
	}); err != nil {
		panic(err)
	}
}

type foldTokens struct{}

func (foldTokens) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		t.Term = []byte(value.Fold(string(t.Term)))
	}
	return in
}

// searched are the fields a word is looked up in, and their weights: one
// holding all of a document's text, and the title.
var searched = []struct {
	name  string
	boost float64
}{{"all", 1}, {"title", 4}}

// mappingVersion changes with newMapping and with what bleveDoc indexes
// (3: joined proper names; 4: technology transfer's facets): an index on disk made with
// another version is replaced by an empty one, which the service's repair
// at start refills from the store.
const mappingVersion = "4"

// ErrInUse is returned when another process has the embedded index open.
var ErrInUse = errors.New("the search index is open in another process")

// Bleve is the embedded index: a bleve index on disk (or in memory), for
// a single process.
type Index struct {
	dir string
	mu  sync.RWMutex // Reset swaps idx
	idx bleve.Index
}

var _ search.Index = (*Index)(nil)

// Open opens the index in dir, creating it if needed; an empty dir
// keeps it in memory.
func Open(dir string) (*Index, error) {
	b := &Index{dir: dir}
	idx, err := b.open()
	if err != nil {
		return nil, err
	}
	b.idx = idx
	return b, nil
}

func (b *Index) open() (bleve.Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	if b.dir == "" {
		return bleve.NewMemOnly(m)
	}
	marker := filepath.Join(b.dir, "innoport-mapping")
	if _, err = os.Stat(filepath.Join(b.dir, "index_meta.json")); err == nil {
		if v, _ := os.ReadFile(marker); string(v) == mappingVersion {
			// Another process holding the index makes bolt wait for its lock.
			idx, err := bleve.OpenUsing(b.dir, map[string]any{"bolt_timeout": "1s"})
			if err != nil && strings.Contains(err.Error(), "timeout") {
				return nil, fmt.Errorf("%w: %s", ErrInUse, b.dir)
			}
			if err != nil {
				return nil, fmt.Errorf("open search index %s: %w", b.dir, err)
			}
			return idx, nil
		}
		if err := os.RemoveAll(b.dir); err != nil {
			return nil, fmt.Errorf("replace search index of an older mapping: %w", err)
		}
	}
	_ = os.Remove(b.dir) // bleve creates the directory; an empty one may exist
	idx, err := bleve.New(b.dir, m)
	if err != nil {
		return nil, fmt.Errorf("create search index %s: %w", b.dir, err)
	}
	if err := os.WriteFile(marker, []byte(mappingVersion), 0o600); err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("create search index %s: %w", b.dir, err)
	}
	return idx, nil
}

func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	if err := im.AddCustomAnalyzer(vnAnalyzer, map[string]any{
		"type": custom.Name, "tokenizer": unicode.Name, "token_filters": []any{foldFilter},
	}); err != nil {
		return nil, err
	}
	dm := bleve.NewDocumentStaticMapping()
	for _, name := range []string{"title", "body"} { // searched (the title) and highlighted
		fm := bleve.NewTextFieldMapping()
		fm.Analyzer = vnAnalyzer
		fm.IncludeTermVectors = true // for highlights
		dm.AddFieldMappingsAt(name, fm)
	}
	all := bleve.NewTextFieldMapping()
	all.Analyzer = vnAnalyzer
	all.Store, all.IncludeTermVectors, all.IncludeInAll = false, false, false
	dm.AddFieldMappingsAt("all", all)
	names := []string{"type", "rid", "titleSort"}
	for _, f := range search.Facets {
		names = append(names, string(f))
	}
	for _, name := range names {
		fm := bleve.NewKeywordFieldMapping()
		fm.Store = name == "type" || name == "rid"
		fm.DocValues = true
		dm.AddFieldMappingsAt(name, fm)
	}
	vm := bleve.NewNumericFieldMapping()
	vm.Index = false
	dm.AddFieldMappingsAt("version", vm)
	im.DefaultMapping = dm
	im.DefaultAnalyzer = vnAnalyzer
	return im, nil
}

// bleveDoc is how a Doc is indexed.
func bleveDoc(d search.Doc) map[string]any {
	m := map[string]any{
		"type": string(d.Type), "rid": d.ID, "version": float64(d.Version),
		"title": d.Title, "body": d.Body, "titleSort": value.Fold(d.Title),
		"all": strings.Join(append([]string{d.Title, d.Subtitle, d.Body, textanalysis.JoinedNames(d.Title, d.Subtitle, d.Body)}, d.Keywords...), " · "),
	}
	for f, vs := range d.Facets {
		m[string(f)] = vs
	}
	return m
}

func (b *Index) index() bleve.Index {
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.idx
}

// Upsert indexes docs in one batch.
func (b *Index) Upsert(_ context.Context, docs ...search.Doc) error {
	idx := b.index()
	batch := idx.NewBatch()
	for _, d := range docs {
		if err := batch.Index(d.Key().String(), bleveDoc(d)); err != nil {
			return fmt.Errorf("index %s: %w", d.Key(), err)
		}
	}
	return idx.Batch(batch)
}

// Delete removes documents in one batch.
func (b *Index) Delete(_ context.Context, keys ...search.Key) error {
	idx := b.index()
	batch := idx.NewBatch()
	for _, k := range keys {
		batch.Delete(k.String())
	}
	return idx.Batch(batch)
}

// Search runs q.
func (b *Index) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := q.Check(); err != nil {
		return search.Result{}, err
	}
	req := bleve.NewSearchRequestOptions(bleveQuery(q), q.Limit, q.Offset, false)
	req.Fields = []string{"type", "rid", "version"}
	text := len(textanalysis.Words(value.Fold(q.Text))) > 0
	switch {
	case q.Sort == search.ByTitle || !text:
		req.SortBy([]string{"titleSort", "_id"})
	default:
		req.SortBy([]string{"-_score"})
	}
	if text {
		req.Highlight = bleve.NewHighlightWithStyle(html.Name)
		req.Highlight.AddField("title")
	}
	for _, f := range q.Facets {
		req.AddFacet(string(f), bleve.NewFacetRequest(string(f), 500))
	}
	res, err := b.index().SearchInContext(ctx, req)
	if err != nil {
		return search.Result{}, fmt.Errorf("search: %w", err)
	}
	out := search.Result{Total: int(res.Total)}
	var bodies map[string]string
	if text && len(res.Hits) > 0 {
		if bodies, err = b.bodyHighlights(ctx, res.Hits, textanalysis.Words(value.Fold(q.Text))); err != nil {
			return search.Result{}, err
		}
	}
	for _, h := range res.Hits {
		if frag, ok := bodies[h.ID]; ok {
			if h.Fragments == nil {
				h.Fragments = blevesearch.FieldFragmentMap{}
			}
			h.Fragments["body"] = []string{frag}
		}
		t, _ := h.Fields["type"].(string)
		id, _ := h.Fields["rid"].(string)
		v, _ := h.Fields["version"].(float64)
		hit := search.Hit{Key: search.Key{Type: search.Type(t), ID: id}, Version: int64(v)}
		for field, frags := range h.Fragments {
			if len(frags) > 0 && strings.Contains(frags[0], "<mark>") { // a fragment of an unmatched field has none
				if hit.Highlights == nil {
					hit.Highlights = map[string]string{}
				}
				hit.Highlights[field] = strings.NewReplacer("<mark>", "<em>", "</mark>", "</em>").Replace(frags[0])
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	if len(q.Facets) > 0 {
		out.Facets = map[search.Facet]map[string]int{}
		for _, f := range q.Facets {
			counts := map[string]int{}
			if fr := res.Facets[string(f)]; fr != nil && fr.Terms != nil {
				for _, t := range fr.Terms.Terms() {
					counts[t.Term] = t.Count
				}
			}
			out.Facets[f] = counts
		}
	}
	return out, nil
}

// bodyHighlights highlights the words, and the last one as a prefix, in
// the descriptions of the page's hits.
func (b *Index) bodyHighlights(ctx context.Context, hits blevesearch.DocumentMatchCollection, ws []string) (map[string]string, error) {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	var alts []query.Query
	for i, w := range ws {
		t := bleve.NewTermQuery(w)
		t.SetField("body")
		alts = append(alts, t)
		if i == len(ws)-1 {
			p := bleve.NewPrefixQuery(w)
			p.SetField("body")
			alts = append(alts, p)
		}
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(bleve.NewDocIDQuery(ids), bleve.NewDisjunctionQuery(alts...)), len(ids), 0, false)
	req.Highlight = bleve.NewHighlightWithStyle(html.Name)
	req.Highlight.AddField("body")
	res, err := b.index().SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("highlight: %w", err)
	}
	out := map[string]string{}
	for _, h := range res.Hits {
		if frags := h.Fragments["body"]; len(frags) > 0 {
			out[h.ID] = frags[0]
		}
	}
	return out, nil
}

// bleveQuery is q's text, as words that must all match (the last one as a
// prefix too), and its filters.
func bleveQuery(q search.Query) query.Query {
	var must []query.Query
	ws := textanalysis.Words(value.Fold(q.Text))
	for i, w := range ws {
		// A word is looked up in one field holding all text and, weighing
		// more, in the title: exact, with typos and, for the last word, as a
		// prefix. Fewer fields mean fewer expansions over term dictionaries
		// (p95 of 64 ms at 100,000 startups with every field searched apart,
		// 43 ms so). The description is highlighted by a second query over
		// the page's hits only (bodyHighlights).
		var alts []query.Query
		for _, f := range searched {
			exact := bleve.NewTermQuery(w)
			exact.SetField(f.name)
			exact.SetBoost(2 * f.boost)
			alts = append(alts, exact)
			if n := textanalysis.Typos(w); n > 0 {
				fuzzy := bleve.NewFuzzyQuery(w)
				fuzzy.SetField(f.name)
				fuzzy.SetFuzziness(n)
				fuzzy.SetBoost(f.boost)
				alts = append(alts, fuzzy)
			}
			if i == len(ws)-1 {
				prefix := bleve.NewPrefixQuery(w)
				prefix.SetField(f.name)
				prefix.SetBoost(1.5 * f.boost)
				alts = append(alts, prefix)
			}
		}
		must = append(must, bleve.NewDisjunctionQuery(alts...))
	}
	oneOf := func(field string, values []string) query.Query {
		var alts []query.Query
		for _, v := range values {
			t := bleve.NewTermQuery(v)
			t.SetField(field)
			alts = append(alts, t)
		}
		if len(alts) == 0 {
			return bleve.NewMatchNoneQuery()
		}
		return bleve.NewDisjunctionQuery(alts...)
	}
	if len(q.Types) > 0 {
		types := make([]string, len(q.Types))
		for i, t := range q.Types {
			types[i] = string(t)
		}
		must = append(must, oneOf("type", types))
	}
	for _, f := range search.Facets {
		if vs, ok := q.Filter[f]; ok {
			must = append(must, oneOf(string(f), vs))
		}
	}
	if q.IDs != nil {
		must = append(must, oneOf("rid", q.IDs))
	}
	if len(ws) == 0 {
		must = append(must, bleve.NewMatchAllQuery())
	}
	all := bleve.NewConjunctionQuery(must...)
	if len(q.ExcludeIDs) == 0 {
		return all
	}
	b := bleve.NewBooleanQuery()
	b.AddMust(all)
	b.AddMustNot(oneOf("rid", q.ExcludeIDs))
	return b
}

// Versions lists the documents of type t, a page of 10,000 at a time.
func (b *Index) Versions(ctx context.Context, t search.Type) (map[string]int64, error) {
	out := map[string]int64{}
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bleveQuery(search.Query{Types: []search.Type{t}}), 10000, 0, false)
		req.Fields = []string{"rid", "version"}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := b.index().SearchInContext(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("list %s documents: %w", t, err)
		}
		for _, h := range res.Hits {
			id, _ := h.Fields["rid"].(string)
			v, _ := h.Fields["version"].(float64)
			out[id] = int64(math.Round(v))
		}
		if len(res.Hits) < 10000 {
			return out, nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// Reset empties the index by replacing it with a new one.
func (b *Index) Reset(context.Context) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.idx.Close(); err != nil {
		return err
	}
	if b.dir != "" {
		if err := os.RemoveAll(b.dir); err != nil {
			return fmt.Errorf("remove search index: %w", err)
		}
	}
	idx, err := b.open()
	if err != nil {
		return err
	}
	b.idx = idx
	return nil
}

// Close closes the index.
func (b *Index) Close() error { return b.index().Close() }
