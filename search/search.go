// Package search is the port of Innoport's full-text search: its types
// (Index, Doc, Query, Hit) and the documents built from public profiles,
// with no engine behind it. Two adapters behave alike — Meilisearch in
// production (search/meili) and an embedded bleve index by default
// (search/bleve) — and pass one contract suite (searchtest); the indexer
// (search/indexer) keeps them following the store. Search is Vietnamese-aware: text and
// queries are NFC-normalised and folded (diacritics dropped, đ→d), so
// "khoi nghiep" finds "khởi nghiệp" and "da nang" finds "Đà Nẵng"; a typo
// in a word of five letters or more still finds it, and the last word of a
// query matches as a prefix.
//
// Only public fields are ever indexed; the documents are built by callers
// from public profiles (see Doc).
package search

import (
	"context"
	"fmt"
)

// Type is the kind of record a document stands for.
type Type string

// The indexed record types.
const (
	Startup  Type = "STARTUP"
	FundCall Type = "FUND_CALL"
	Investor Type = "INVESTOR"
	Mentor   Type = "MENTOR"
	// TechOffer and TechRequest are technology transfer's published offers
	// and open requests.
	TechOffer   Type = "TECH_OFFER"
	TechRequest Type = "TECH_REQUEST"
)

// Types are the indexed record types, in the order results list them.
var Types = []Type{Startup, FundCall, Investor, Mentor, TechOffer, TechRequest}

// Facet is a field whose values are counted and filtered on.
type Facet string

// The facets.
const (
	FacetSector    Facet = "sector"
	FacetStage     Facet = "stage"
	FacetWard      Facet = "ward"
	FacetIncubator Facet = "incubator"
	// Technology transfer's: the TRL band (TRL_1_3, TRL_4_6, TRL_7_9), the
	// IP status (APPLICATION_PENDING, KNOW_HOW or the kind of title) and the
	// cooperation sought.
	FacetTRL         Facet = "trl"
	FacetIP          Facet = "ip"
	FacetCooperation Facet = "cooperation"
)

// Facets are all facets.
var Facets = []Facet{FacetSector, FacetStage, FacetWard, FacetIncubator, FacetTRL, FacetIP, FacetCooperation}

// Doc is one indexed record: public fields only.
type Doc struct {
	Type    Type
	ID      string // the record's ID in the store
	Version int64  // the record's version when indexed
	Title   string // name, as registered
	// Subtitle is a second name (English name, organisation).
	Subtitle string
	// Keywords are short labels matched like the title: sectors, stages,
	// expertise, in Vietnamese and English.
	Keywords []string
	Body     string // description
	Facets   map[Facet][]string
}

// Key names a document across types.
func (d Doc) Key() Key { return Key{d.Type, d.ID} }

// Key names a document: its type and record ID.
type Key struct {
	Type Type
	ID   string
}

// String is the key as the indexes store it: "STARTUP-<id>" (Meilisearch
// allows letters, digits, - and _ in document IDs).
func (k Key) String() string { return string(k.Type) + "-" + k.ID }

// Sort orders hits.
type Sort string

// The orders.
const (
	ByRelevance Sort = ""     // best match first; by title for an empty query
	ByTitle     Sort = "name" // alphabetically, folded
)

// Query is a search.
type Query struct {
	Text  string
	Types []Type // empty: every type
	// Filter keeps documents with, for each facet given, one of its values.
	Filter map[Facet][]string
	// IDs, when set, keeps only documents of these record IDs.
	IDs []string
	// ExcludeIDs drops documents of these record IDs.
	ExcludeIDs []string
	Facets     []Facet // facets whose value counts to return
	Sort       Sort
	Offset     int
	Limit      int // at most MaxLimit
}

// MaxLimit bounds a page of hits.
const MaxLimit = 1000

// Result is a page of hits, the number of all hits and the facet counts
// over all hits.
type Result struct {
	Hits   []Hit
	Total  int
	Facets map[Facet]map[string]int
}

// Hit is one matching document.
type Hit struct {
	Key
	Version int64
	// Highlights are the title and body with the matched words in <em>,
	// for the fields that matched.
	Highlights map[string]string
}

// Index is a search index of documents.
type Index interface {
	// Upsert adds or replaces documents; they are searchable when it
	// returns.
	Upsert(ctx context.Context, docs ...Doc) error
	// Delete removes documents; absent ones are ignored.
	Delete(ctx context.Context, keys ...Key) error
	Search(ctx context.Context, q Query) (Result, error)
	// Versions lists the indexed documents of type t with their versions.
	Versions(ctx context.Context, t Type) (map[string]int64, error)
	// Reset removes every document.
	Reset(ctx context.Context) error
	Close() error
}

// Check validates a query's limits; every adapter checks before it searches.
func (q Query) Check() error {
	if q.Limit < 0 || q.Limit > MaxLimit || q.Offset < 0 {
		return fmt.Errorf("search: offset %d, limit %d: want 0 ≤ limit ≤ %d and offset ≥ 0", q.Offset, q.Limit, MaxLimit)
	}
	return nil
}
