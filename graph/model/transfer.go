package model

import (
	"context"

	"github.com/innoport/innoport/domain/transfer"
)

// ResearchOrganizationEdge is one research organisation in a connection.
type ResearchOrganizationEdge struct {
	Cursor string
	Node   transfer.Org
}

// ResearchOrganizationConnection is a page of research organisations.
type ResearchOrganizationConnection struct {
	Edges    []ResearchOrganizationEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every organisation.
func (c *ResearchOrganizationConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// TechOfferEdge is one technology offer in a connection.
type TechOfferEdge struct {
	Cursor string
	Node   transfer.Offer
}

// TechOfferConnection is a page of technology offers.
type TechOfferConnection struct {
	Edges    []TechOfferEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every offer the caller may see.
func (c *TechOfferConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// TechRequestEdge is one technology request in a connection.
type TechRequestEdge struct {
	Cursor string
	Node   transfer.Request
}

// TechRequestConnection is a page of technology requests.
type TechRequestConnection struct {
	Edges    []TechRequestEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every request the caller may see.
func (c *TechRequestConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// TransferConversationEdge is one conversation in a connection.
type TransferConversationEdge struct {
	Cursor string
	Node   transfer.Conversation
}

// TransferConversationConnection is a page of conversations.
type TransferConversationConnection struct {
	Edges    []TransferConversationEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every conversation the caller may see.
func (c *TransferConversationConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// TechOfferReadEdge is one read of an offer's details in a connection.
type TechOfferReadEdge struct {
	Cursor string
	Node   transfer.DetailRead
}

// TechOfferReadConnection is a page of reads of an offer's details.
type TechOfferReadConnection struct {
	Edges    []TechOfferReadEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every read.
func (c *TechOfferReadConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }
