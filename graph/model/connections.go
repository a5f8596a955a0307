package model

import (
	"context"

	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/runs"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
)

// PageInfo says where a page starts and ends.
type PageInfo struct {
	HasNextPage     bool
	HasPreviousPage bool
	StartCursor     *string
	EndCursor       *string
}

// Counter counts the whole list behind a connection. It runs only when a
// client asks for totalCount, so pages that do not ask cost no count query.
type Counter func(ctx context.Context) (int, error)

// StartupEdge is one startup in a connection.
type StartupEdge struct {
	Cursor string
	Node   firm.Startup
}

// StartupConnection is a page of startups.
type StartupConnection struct {
	Edges    []StartupEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every startup the query matches.
func (c *StartupConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// InvestorEdge is one investor in a connection.
type InvestorEdge struct {
	Cursor string
	Node   ecosystem.Investor
}

// InvestorConnection is a page of investors.
type InvestorConnection struct {
	Edges    []InvestorEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every investor.
func (c *InvestorConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// MentorEdge is one mentor in a connection.
type MentorEdge struct {
	Cursor string
	Node   ecosystem.Mentor
}

// MentorConnection is a page of mentors.
type MentorConnection struct {
	Edges    []MentorEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every mentor.
func (c *MentorConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// FundCallEdge is one funding call in a connection.
type FundCallEdge struct {
	Cursor string
	Node   funding.Call
}

// FundCallConnection is a page of funding calls.
type FundCallConnection struct {
	Edges    []FundCallEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every call the query matches.
func (c *FundCallConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// ApplicationEdge is one application in a connection.
type ApplicationEdge struct {
	Cursor string
	Node   funding.Application
}

// ApplicationConnection is a page of applications.
type ApplicationConnection struct {
	Edges    []ApplicationEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every application the caller may see.
func (c *ApplicationConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// ReviewerEdge is one reviewer in a connection.
type ReviewerEdge struct {
	Cursor string
	Node   funding.Reviewer
}

// ReviewerConnection is a page of reviewers.
type ReviewerConnection struct {
	Edges    []ReviewerEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every reviewer.
func (c *ReviewerConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// ScreeningResultEdge is one screening result in a connection.
type ScreeningResultEdge struct {
	Cursor string
	Node   screening.Result
}

// ScreeningResultConnection is a page of screening results.
type ScreeningResultConnection struct {
	Edges    []ScreeningResultEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every result the caller may see.
func (c *ScreeningResultConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// SandboxApplicationEdge is one sandbox application in a connection.
type SandboxApplicationEdge struct {
	Cursor string
	Node   sandbox.Application
}

// SandboxApplicationConnection is a page of sandbox applications.
type SandboxApplicationConnection struct {
	Edges    []SandboxApplicationEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every application the list covers.
func (c *SandboxApplicationConnection) TotalCount(ctx context.Context) (int, error) {
	return c.Count(ctx)
}

// Node is any object with a global ID. Domain types cannot implement a
// GraphQL marker method, so the interface is empty and the node resolver only
// returns types the schema declares as implementing Node.
type Node interface{}

// JobRunEdge is one job run in a connection.
type JobRunEdge struct {
	Cursor string
	Node   runs.Run
}

// JobRunConnection is a page of a job's runs.
type JobRunConnection struct {
	Edges    []JobRunEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every run of the job.
func (c *JobRunConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// NotificationEdge is one notification in a connection.
type NotificationEdge struct {
	Cursor string
	Node   dealflow.Notification
}

// NotificationConnection is a page of notifications.
type NotificationConnection struct {
	Edges    []NotificationEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every notification the query matches.
func (c *NotificationConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// DataRoomAccessEdge is one read in a data room's log.
type DataRoomAccessEdge struct {
	Cursor string
	Node   dealflow.Access
}

// DataRoomAccessConnection is a page of a data room's log.
type DataRoomAccessConnection struct {
	Edges    []DataRoomAccessEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every read in the log.
func (c *DataRoomAccessConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// EventEdge is one event in a connection.
type EventEdge struct {
	Cursor string
	Node   events.Event
}

// EventConnection is a page of events.
type EventConnection struct {
	Edges    []EventEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every event the query matches.
func (c *EventConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// Listing is what matching and search return; empty for the reason Node is.
// The schema's Listing does not implement Node: gqlgen would then dispatch
// a Node on this empty interface, which every value matches.
type Listing interface{}

// DealEdge is one deal in a connection.
type DealEdge struct {
	Cursor string
	Node   dealflow.Deal
}

// DealConnection is a page of an investor's pipeline.
type DealConnection struct {
	Edges      []DealEdge
	PageInfo   PageInfo
	TotalCount int
}

// Viewer is the caller; its lists are resolved on demand.
type Viewer struct {
	Principal identity.Principal
	OrgClaim  string // the token's org claim, a global ID
}

// Organization is the union of what a user acts for; empty for the reason
// Node is.
type Organization interface{}

// IncubatorEdge is one incubator in a connection.
type IncubatorEdge struct {
	Cursor string
	Node   ecosystem.Incubator
}

// IncubatorConnection is a page of incubators.
type IncubatorConnection struct {
	Edges      []IncubatorEdge
	PageInfo   PageInfo
	TotalCount int
}

// EventParticipantEdge is one participant in a connection.
type EventParticipantEdge struct {
	Cursor string
	Node   *EventParticipant
}

// EventParticipantConnection is a page of an event's participants.
type EventParticipantConnection struct {
	Edges      []EventParticipantEdge
	PageInfo   PageInfo
	TotalCount int
}

// MeetingEdge is one meeting in a connection.
type MeetingEdge struct {
	Cursor string
	Node   *Meeting
}

// MeetingConnection is a page of an event's meetings.
type MeetingConnection struct {
	Edges      []MeetingEdge
	PageInfo   PageInfo
	TotalCount int
}

// SandboxRegisterEdge is one firm of the public register.
type SandboxRegisterEdge struct {
	Cursor string
	Node   sandbox.Application
}

// SandboxRegisterConnection is a page of the public register.
type SandboxRegisterConnection struct {
	Edges    []SandboxRegisterEdge
	PageInfo PageInfo
	Count    Counter
}

// TotalCount counts every firm in or after testing.
func (c *SandboxRegisterConnection) TotalCount(ctx context.Context) (int, error) { return c.Count(ctx) }

// LocalizedText is a text in Vietnamese and, where written, English.
type LocalizedText struct {
	VI string
	EN string
}
