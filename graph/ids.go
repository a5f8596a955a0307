package graph

import (
	"encoding/base64"
	"fmt"
	"strings"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// Type names used in global IDs; they match the schema's type names.
const (
	typeStartup            = "Startup"
	typeIncubator          = "Incubator"
	typeInvestor           = "Investor"
	typeMentor             = "Mentor"
	typeFund               = "Fund"
	typeFundCall           = "FundCall"
	typeApplication        = "Application"
	typeReviewer           = "Reviewer"
	typeCriteriaSet        = "CriteriaSet"
	typeSandboxProgram     = "SandboxProgram"
	typeSandboxApplication = "SandboxApplication"
	typeEvent              = "Event"
	typeEventParticipant   = "EventParticipant"
	typeMeeting            = "Meeting"
	typeMeetingRequest     = "MeetingRequest"
	typeDeal               = "Deal"
	typeSavedSearch        = "SavedSearch"
	typeNotification       = "Notification"
	typeMatch              = "Match"
	typeJobRun             = "JobRun"
	typeResearchOrg        = "ResearchOrganization"
	typeTechOffer          = "TechOffer"
	typeTechRequest        = "TechRequest"
	typeConversation       = "TransferConversation"
	typeIncentive          = "Incentive"
	typeIncentiveClaim     = "IncentiveClaim"
	typeMatchingWeights    = "MatchingWeights"
)

// maxNodes bounds the IDs of one nodes query.
const maxNodes = 100

// GlobalID is the opaque ID clients see of the record of schema type typ
// with domain ID id, for tools outside the API (the demo's personas).
func GlobalID(typ, id string) string { return globalID(typ, id) }

// globalID makes the opaque ID clients see from a type name and a domain ID.
func globalID(typ, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(typ + ":" + id))
}

// decodeID splits a global ID into its type name and domain ID.
func decodeID(gid string) (typ, id string, ok bool) {
	b, err := base64.RawURLEncoding.DecodeString(gid)
	if err != nil {
		return "", "", false
	}
	typ, id, ok = strings.Cut(string(b), ":")
	return typ, id, ok && id != ""
}

// domainID returns the domain ID inside a global ID of type typ. field names
// the input it came from, for the error.
func domainID(gid, typ string, field ...string) (string, error) {
	t, id, ok := decodeID(gid)
	if !ok || t != typ {
		return "", errs.InvalidValue(
			fmt.Sprintf("Mã %q không phải là mã %s hợp lệ.", gid, typ),
			fmt.Sprintf("%q is not a valid %s ID.", gid, typ), field...)
	}
	return id, nil
}

// optionalID decodes an optional global ID; nil and "" give "".
func optionalID(gid *string, typ string, field ...string) (string, error) {
	if gid == nil || *gid == "" {
		return "", nil
	}
	return domainID(*gid, typ, field...)
}

// cursor encodes the position after an item: its domain ID, made opaque.
func cursor(id string) string { return base64.RawURLEncoding.EncodeToString([]byte(id)) }

// pageOf validates connection arguments.
func pageOf(first *int, after *string) (value.Page, error) {
	var raw string
	if after != nil && *after != "" {
		b, err := base64.RawURLEncoding.DecodeString(*after)
		if err != nil || len(b) == 0 {
			return value.Page{}, errs.InvalidValue("Con trỏ trang không hợp lệ.", "Invalid page cursor.", "after")
		}
		raw = string(b)
	}
	return value.NewPage(first, raw, 20)
}
