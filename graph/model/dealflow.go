package model

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/search"
)

// MarshalDealStage writes a pipeline stage.
func MarshalDealStage(v dealflow.Stage) graphql.Marshaler { return stringEnum(v) }

// UnmarshalDealStage reads a pipeline stage.
func UnmarshalDealStage(v any) (dealflow.Stage, error) { return parseEnum(v, cast[dealflow.Stage]) }

// MarshalDealFlowSort writes a deal-flow order.
func MarshalDealFlowSort(v dealflow.Sort) graphql.Marshaler { return stringEnum(v) }

// UnmarshalDealFlowSort reads a deal-flow order.
func UnmarshalDealFlowSort(v any) (dealflow.Sort, error) { return parseEnum(v, cast[dealflow.Sort]) }

// MarshalNotificationKind writes a notification kind.
func MarshalNotificationKind(v dealflow.NotificationKind) graphql.Marshaler { return stringEnum(v) }

// UnmarshalNotificationKind reads a notification kind.
func UnmarshalNotificationKind(v any) (dealflow.NotificationKind, error) {
	return parseEnum(v, cast[dealflow.NotificationKind])
}

// MarshalSearchType writes a search type.
func MarshalSearchType(v search.Type) graphql.Marshaler { return stringEnum(v) }

// UnmarshalSearchType reads a search type.
func UnmarshalSearchType(v any) (search.Type, error) { return parseEnum(v, cast[search.Type]) }

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
