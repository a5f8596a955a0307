package model

import (
	"time"

	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/value"
)

// EventParticipant is a participant as the API shows them; the startup
// and investor they registered for are resolved from StartupID and
// InvestorID, in batches.
type EventParticipant struct {
	ID               string
	Type             string
	Name             string
	Organisation     *string
	Sectors          []value.Sector
	Offers           *string
	Seeks            *string
	Status           events.RegStatus
	RegisteredAt     time.Time
	CheckedInAt      *time.Time
	UnavailableSlots []int
	WaitlistPosition *int
	MyMark           *events.Mark
	Recommendations  []*ParticipantRecommendation
	StartupID        string
	InvestorID       string
	OrgID            string // a research organisation's
}
