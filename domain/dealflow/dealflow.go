// Package dealflow is what an investor works with: deal flow (startups
// ranked by fit to the thesis, searchable and filterable), a pipeline of
// deals with notes and time in stage, saved searches that notify when a
// new or changed startup matches, and data rooms — a startup's grant to a
// named investor to read its confidential fields, checked on every read and
// logged for the startup to see.
package dealflow

import (
	"fmt"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
)

// Stage is where a deal is in an investor's pipeline.
type Stage string

// The stages, in pipeline order; INVESTED and PASSED end a deal.
const (
	Sourced      Stage = "SOURCED"
	Contacted    Stage = "CONTACTED"
	Meeting      Stage = "MEETING"
	DueDiligence Stage = "DUE_DILIGENCE"
	TermSheet    Stage = "TERM_SHEET"
	Invested     Stage = "INVESTED"
	Passed       Stage = "PASSED"
)

// Stages are the stages in pipeline order.
var Stages = []Stage{Sourced, Contacted, Meeting, DueDiligence, TermSheet, Invested, Passed}

// ParseStage validates a stage name.
func ParseStage(s string) (Stage, error) {
	for _, st := range Stages {
		if string(st) == s {
			return st, nil
		}
	}
	return "", errs.InvalidValue(fmt.Sprintf("Giai đoạn %q không hợp lệ.", s), fmt.Sprintf("Stage %q is not valid.", s), "stage")
}

// Deal is one startup in one investor's pipeline.
type Deal struct {
	record.Meta
	InvestorID string
	StartupID  string
	Stage      Stage
	StageSince time.Time
	History    []StageChange // oldest first; the last is the current stage
	Notes      []Note        // oldest first
}

// DealID is the ID of the deal of an investor on a startup.
func DealID(investorID, startupID string) string { return investorID + "-" + startupID }

// StageChange is a move of a deal into a stage.
type StageChange struct {
	Stage Stage
	At    time.Time
	By    string // the user's subject
}

// Note is a remark on a deal.
type Note struct {
	Text string
	At   time.Time
	By   string
	Ref  string // what wrote it, when not the user by hand: "meeting:<event>/<meeting>"
}

// maxNotes bounds the notes written by hand on a deal; a deal is one
// document.
const maxNotes = 500

// StageCount is how many deals are in a stage.
type StageCount struct {
	Stage Stage
	Count int
}

// Filter narrows startups by facet; values of one field are alternatives.
type Filter struct {
	Sectors, Stages, Wards, IncubatorIDs []string
}

// SavedSearch is a search an investor keeps, to be told of new matches.
type SavedSearch struct {
	record.Meta
	InvestorID string
	Name       string
	Query      string
	Filter     Filter
}

// maxSavedSearches bounds an investor's saved searches.
const maxSavedSearches = 20

// NotificationKind says what a notification is about.
type NotificationKind string

// The notification kinds.
const (
	SavedSearchMatch         NotificationKind = "SAVED_SEARCH_MATCH"         // a startup newly matches a saved search
	DataRoomOpened           NotificationKind = "DATA_ROOM_OPENED"           // a startup granted the investor its data room
	ApplicationStatusChanged NotificationKind = "APPLICATION_STATUS_CHANGED" // the fund moved a startup's application
	DataRoomRead             NotificationKind = "DATA_ROOM_READ"             // an investor read a startup's data room (once a day)
)

// Recipient is whom a notification is for: an investor's users or a
// startup's members; exactly one is set.
type Recipient struct{ InvestorID, StartupID string }

// Notification tells an investor or a startup of something to look at.
type Notification struct {
	ID            string // time-ordered
	Key           string // what it tells of, told once: a saved search and a startup, or one grant
	InvestorID    string // the investor notified, for an investor's notification
	ForStartupID  string // the startup notified, for a startup's notification
	Kind          NotificationKind
	ApplicationID string // APPLICATION_STATUS_CHANGED
	CallID        string // APPLICATION_STATUS_CHANGED
	Status        string // APPLICATION_STATUS_CHANGED: the status it moved to
	ReaderID      string // DATA_ROOM_READ: the investor who read
	SavedSearchID string // SAVED_SEARCH_MATCH
	SearchName    string // SAVED_SEARCH_MATCH
	StartupID     string
	StartupName   string
	ExpiresAt     time.Time // DATA_ROOM_OPENED: when the access ends
	CreatedAt     time.Time
	ReadAt        time.Time // zero while unread
}

// Grant lets an investor read a startup's confidential fields until it
// expires or is revoked.
type Grant struct {
	StartupID  string
	InvestorID string
	GrantedBy  string
	GrantedAt  time.Time
	ExpiresAt  time.Time
	RevokedAt  time.Time // zero unless revoked
}

// ActiveAt reports whether the grant allows reading at now.
func (g Grant) ActiveAt(now time.Time) bool { return g.RevokedAt.IsZero() && now.Before(g.ExpiresAt) }

// maxGrant is the longest a grant may run.
const maxGrant = 366 * 24 * time.Hour

// Access is one read of a startup's confidential field by a grantee.
type Access struct {
	ID         string // time-ordered
	StartupID  string
	InvestorID string
	Subject    string
	Field      string
	At         time.Time
}
