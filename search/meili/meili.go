// Package meili is the Meilisearch adapter of the search port, for
// production: the index and its settings applied at every start, every
// task awaited with a deadline, and TCP quick-ack on its connections.
package meili

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/innoport/innoport/domain/value"
	"github.com/innoport/innoport/search"
	"github.com/innoport/innoport/search/internal/analysis"
)

// taskTimeout bounds the wait for a Meilisearch task when the caller's
// context sets no deadline.
const taskTimeout = time.Minute

// Meili is the production index: one Meilisearch index holding every type.
// Meilisearch folds diacritics itself but not đ, so each text field is
// also indexed in Fold form and queries are folded before they are sent;
// the original fields carry the highlights.
type Index struct {
	client meilisearch.ServiceManager
	index  meilisearch.IndexManager
}

var _ search.Index = (*Index)(nil)

// meiliSettings are applied at every start; applying them again changes
// nothing.
var meiliSettings = &meilisearch.Settings{
	SearchableAttributes: []string{"title", "titleFold", "subtitle", "subtitleFold", "keywords", "keywordsFold", "body", "bodyFold"},
	FilterableAttributes: append([]string{"type", "rid"}, facetNames()...),
	SortableAttributes:   []string{"titleSort"},
	DisplayedAttributes:  []string{"*"},
	RankingRules:         []string{"sort", "words", "typo", "proximity", "attribute", "exactness"}, // a sort asked for is strict
	TypoTolerance: &meilisearch.TypoTolerance{Enabled: true,
		MinWordSizeForTypos: meilisearch.MinWordSizeForTypos{OneTypo: 5, TwoTypos: 9}, DisableOnAttributes: []string{}, DisableOnWords: []string{}},
	Faceting:   &meilisearch.Faceting{MaxValuesPerFacet: 500},
	Pagination: &meilisearch.Pagination{MaxTotalHits: 1_000_000},
}

// New connects to the Meilisearch at url, creates index uid if
// needed and applies its settings, waiting for each task.
func New(ctx context.Context, url, key, uid string) (*Index, error) {
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	client, err := meilisearch.Connect(url, meilisearch.WithAPIKey(key),
		meilisearch.WithCustomDialContext(func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return quickAck(c), nil
		}))
	if err != nil {
		return nil, fmt.Errorf("connect to Meilisearch at %s: %w", url, err)
	}
	m := &Index{client: client, index: client.Index(uid)}
	pk := "key"
	task, err := client.CreateIndexWithContext(ctx, &meilisearch.IndexConfig{Uid: uid, PrimaryKey: pk})
	if err != nil {
		return nil, fmt.Errorf("create Meilisearch index %s: %w", uid, err)
	}
	if err := m.wait(ctx, task); err != nil && !strings.Contains(err.Error(), "index_already_exists") {
		return nil, fmt.Errorf("create Meilisearch index %s: %w", uid, err)
	}
	task, err = m.index.UpdateSettingsWithContext(ctx, meiliSettings)
	if err != nil {
		return nil, fmt.Errorf("apply Meilisearch settings: %w", err)
	}
	if err := m.wait(ctx, task); err != nil {
		return nil, fmt.Errorf("apply Meilisearch settings: %w", err)
	}
	return m, nil
}

// wait waits for a task to finish and reports its failure.
func (m *Index) wait(ctx context.Context, info *meilisearch.TaskInfo) error {
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, taskTimeout)
		defer cancel()
	}
	task, err := m.client.WaitForTaskWithContext(ctx, info.TaskUID, 5*time.Millisecond)
	if err != nil {
		return fmt.Errorf("wait for Meilisearch task %d: %w", info.TaskUID, err)
	}
	if task.Status != meilisearch.TaskStatusSucceeded {
		return fmt.Errorf("Meilisearch task %d %s: %s (%s)", info.TaskUID, task.Status, task.Error.Message, task.Error.Code)
	}
	return nil
}

// meiliDoc is how a Doc is stored in Meilisearch.
type meiliDoc struct {
	Key          string      `json:"key"`
	Type         search.Type `json:"type"`
	RID          string      `json:"rid"`
	Version      int64       `json:"version"`
	Title        string      `json:"title"`
	TitleFold    string      `json:"titleFold"`
	Subtitle     string      `json:"subtitle,omitempty"`
	SubtitleFold string      `json:"subtitleFold,omitempty"`
	Keywords     string      `json:"keywords,omitempty"`
	KeywordsFold string      `json:"keywordsFold,omitempty"`
	Body         string      `json:"body,omitempty"`
	BodyFold     string      `json:"bodyFold,omitempty"`
	TitleSort    string      `json:"titleSort"`
	Sector       []string    `json:"sector,omitempty"`
	Stage        []string    `json:"stage,omitempty"`
	Ward         []string    `json:"ward,omitempty"`
	Incubator    []string    `json:"incubator,omitempty"`
	TRL          []string    `json:"trl,omitempty"`
	IP           []string    `json:"ip,omitempty"`
	Cooperation  []string    `json:"cooperation,omitempty"`
}

// facetNames are the facets' attribute names.
func facetNames() []string {
	out := make([]string, len(search.Facets))
	for i, f := range search.Facets {
		out[i] = string(f)
	}
	return out
}

func toMeili(d search.Doc) meiliDoc {
	kw := strings.Join(d.Keywords, " · ")
	return meiliDoc{
		Key: d.Key().String(), Type: d.Type, RID: d.ID, Version: d.Version,
		Title: d.Title, TitleFold: value.Fold(d.Title), Subtitle: d.Subtitle, SubtitleFold: value.Fold(d.Subtitle),
		Keywords: kw, KeywordsFold: strings.TrimSpace(value.Fold(kw) + " " + analysis.JoinedNames(d.Title, d.Subtitle, d.Body)), Body: d.Body, BodyFold: value.Fold(d.Body), TitleSort: value.Fold(d.Title),
		Sector: d.Facets[search.FacetSector], Stage: d.Facets[search.FacetStage], Ward: d.Facets[search.FacetWard], Incubator: d.Facets[search.FacetIncubator],
		TRL: d.Facets[search.FacetTRL], IP: d.Facets[search.FacetIP], Cooperation: d.Facets[search.FacetCooperation],
	}
}

// Upsert adds or replaces docs and waits until they are searchable.
func (m *Index) Upsert(ctx context.Context, docs ...search.Doc) error {
	if len(docs) == 0 {
		return nil
	}
	out := make([]meiliDoc, len(docs))
	for i, d := range docs {
		out[i] = toMeili(d)
	}
	pk := "key"
	task, err := m.index.AddDocumentsWithContext(ctx, out, &meilisearch.DocumentOptions{PrimaryKey: &pk})
	if err != nil {
		return fmt.Errorf("index %d documents: %w", len(docs), err)
	}
	return m.wait(ctx, task)
}

// Delete removes documents and waits until they are gone.
func (m *Index) Delete(ctx context.Context, keys ...search.Key) error {
	if len(keys) == 0 {
		return nil
	}
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.String()
	}
	task, err := m.index.DeleteDocumentsWithContext(ctx, ids, nil)
	if err != nil {
		return fmt.Errorf("delete %d documents: %w", len(keys), err)
	}
	return m.wait(ctx, task)
}

// quote is a string in a Meilisearch filter expression.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func quoted(values []string) []string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = quote(v)
	}
	return q
}

func oneOf(field string, values []string) string {
	return field + " IN [" + strings.Join(quoted(values), ", ") + "]"
}

// meiliFilter is q's filter expression.
func meiliFilter(q search.Query) string {
	var and []string
	if len(q.Types) > 0 {
		types := make([]string, len(q.Types))
		for i, t := range q.Types {
			types[i] = string(t)
		}
		and = append(and, oneOf("type", types))
	}
	for _, f := range search.Facets {
		if vs, ok := q.Filter[f]; ok {
			and = append(and, oneOf(string(f), vs))
		}
	}
	if q.IDs != nil {
		and = append(and, oneOf("rid", q.IDs))
	}
	if len(q.ExcludeIDs) > 0 {
		and = append(and, "rid NOT IN ["+strings.Join(quoted(q.ExcludeIDs), ", ")+"]")
	}
	return strings.Join(and, " AND ")
}

// Search runs q.
func (m *Index) Search(ctx context.Context, q search.Query) (search.Result, error) {
	if err := q.Check(); err != nil {
		return search.Result{}, err
	}
	text := strings.Join(analysis.Words(value.Fold(q.Text)), " ")
	req := &meilisearch.SearchRequest{
		MatchingStrategy:     meilisearch.All,
		AttributesToRetrieve: []string{"type", "rid", "version"},
	}
	// Pages aligned on the limit use page mode, whose total is exact.
	if q.Limit == 0 || q.Offset%q.Limit == 0 {
		per := int64(q.Limit)
		req.HitsPerPage = &per
		req.Page = 1
		if q.Limit > 0 {
			req.Page = int64(q.Offset/q.Limit) + 1
		}
	} else {
		req.Offset, req.Limit = int64(q.Offset), int64(q.Limit)
	}
	if f := meiliFilter(q); f != "" {
		req.Filter = f
	}
	if q.Sort == search.ByTitle || text == "" {
		req.Sort = []string{"titleSort:asc"}
	}
	if text != "" {
		req.AttributesToHighlight = []string{"title", "body"}
		req.HighlightPreTag, req.HighlightPostTag = "<em>", "</em>"
	}
	for _, f := range q.Facets {
		req.Facets = append(req.Facets, string(f))
	}
	res, err := m.index.SearchWithContext(ctx, text, req)
	if err != nil {
		return search.Result{}, fmt.Errorf("search: %w", err)
	}
	out := search.Result{Total: int(res.TotalHits)}
	if req.HitsPerPage == nil {
		out.Total = int(res.EstimatedTotalHits)
	}
	for _, h := range res.Hits {
		var d struct {
			Type      search.Type `json:"type"`
			RID       string      `json:"rid"`
			Version   int64       `json:"version"`
			Formatted struct {
				Title string `json:"title"`
				Body  string `json:"body"`
			} `json:"_formatted"`
		}
		if err := h.DecodeInto(&d); err != nil {
			return search.Result{}, fmt.Errorf("read a hit: %w", err)
		}
		hit := search.Hit{Key: search.Key{Type: d.Type, ID: d.RID}, Version: d.Version}
		for field, s := range map[string]string{"title": d.Formatted.Title, "body": d.Formatted.Body} {
			if strings.Contains(s, "<em>") {
				if hit.Highlights == nil {
					hit.Highlights = map[string]string{}
				}
				hit.Highlights[field] = s
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	if len(q.Facets) > 0 {
		var dist map[string]map[string]int
		if len(res.FacetDistribution) > 0 {
			if err := json.Unmarshal(res.FacetDistribution, &dist); err != nil {
				return search.Result{}, fmt.Errorf("read facet counts: %w", err)
			}
		}
		out.Facets = map[search.Facet]map[string]int{}
		for _, f := range q.Facets {
			counts := dist[string(f)]
			if counts == nil {
				counts = map[string]int{}
			}
			out.Facets[f] = counts
		}
	}
	return out, nil
}

// Versions lists the documents of type t, 10,000 at a time.
func (m *Index) Versions(ctx context.Context, t search.Type) (map[string]int64, error) {
	out := map[string]int64{}
	for offset := int64(0); ; offset += 10000 {
		var res meilisearch.DocumentsResult
		err := m.index.GetDocumentsWithContext(ctx, &meilisearch.DocumentsQuery{
			Offset: offset, Limit: 10000, Fields: []string{"rid", "version"}, Filter: "type = " + quote(string(t)),
		}, &res)
		if err != nil {
			return nil, fmt.Errorf("list %s documents: %w", t, err)
		}
		for _, h := range res.Results {
			var d struct {
				RID     string `json:"rid"`
				Version int64  `json:"version"`
			}
			if err := h.DecodeInto(&d); err != nil {
				return nil, fmt.Errorf("read a document: %w", err)
			}
			out[d.RID] = d.Version
		}
		if len(res.Results) < 10000 {
			return out, nil
		}
	}
}

// Reset removes every document.
func (m *Index) Reset(ctx context.Context) error {
	task, err := m.index.DeleteAllDocumentsWithContext(ctx, nil)
	if err != nil {
		return fmt.Errorf("delete all documents: %w", err)
	}
	return m.wait(ctx, task)
}

// Close closes the client's idle connections.
func (m *Index) Close() error {
	m.client.Close()
	return nil
}
