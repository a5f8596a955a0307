package model

import (
	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/firm"
)

// SearchResult is the union of searchable types; like Node, it is empty
// because domain types cannot carry a marker method.
type SearchResult interface{}

// SearchEdge is one hit of a search.
type SearchEdge struct {
	Cursor     string
	Node       SearchResult
	Highlights []*Highlight
}

// SearchConnection is a page of search hits with facet counts.
type SearchConnection struct {
	Edges      []*SearchEdge
	PageInfo   *PageInfo
	TotalCount int
	Facets     *SearchFacets
}

// DealFlowEdge is one startup of deal flow.
type DealFlowEdge struct {
	Cursor     string
	Node       *firm.Startup
	Fit        *float64
	Deal       *dealflow.Deal
	Highlights []*Highlight
}
