package model

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/innoport/innoport/domain/events"
)

// The event enums bind to the domain's string types; the schema validates
// their values and the domain checks what it is given.

// MarshalEventKind writes an event kind.
func MarshalEventKind(v events.Kind) graphql.Marshaler { return stringEnum(v) }

// UnmarshalEventKind reads an event kind.
func UnmarshalEventKind(v any) (events.Kind, error) { return parseEnum(v, cast[events.Kind]) }

// MarshalEventStatus writes an event status.
func MarshalEventStatus(v events.Status) graphql.Marshaler { return stringEnum(v) }

// UnmarshalEventStatus reads an event status.
func UnmarshalEventStatus(v any) (events.Status, error) { return parseEnum(v, cast[events.Status]) }

// MarshalMeetingRequestMode writes a request mode.
func MarshalMeetingRequestMode(v events.RequestMode) graphql.Marshaler { return stringEnum(v) }

// UnmarshalMeetingRequestMode reads a request mode.
func UnmarshalMeetingRequestMode(v any) (events.RequestMode, error) {
	return parseEnum(v, cast[events.RequestMode])
}

// MarshalRegistrationStatus writes a registration status.
func MarshalRegistrationStatus(v events.RegStatus) graphql.Marshaler { return stringEnum(v) }

// UnmarshalRegistrationStatus reads a registration status.
func UnmarshalRegistrationStatus(v any) (events.RegStatus, error) {
	return parseEnum(v, cast[events.RegStatus])
}

// MarshalMeetingMark writes a mark.
func MarshalMeetingMark(v events.Mark) graphql.Marshaler { return stringEnum(v) }

// UnmarshalMeetingMark reads a mark.
func UnmarshalMeetingMark(v any) (events.Mark, error) { return parseEnum(v, cast[events.Mark]) }

// MarshalMeetingRequestStatus writes a request status.
func MarshalMeetingRequestStatus(v events.RequestStatus) graphql.Marshaler { return stringEnum(v) }

// UnmarshalMeetingRequestStatus reads a request status.
func UnmarshalMeetingRequestStatus(v any) (events.RequestStatus, error) {
	return parseEnum(v, cast[events.RequestStatus])
}

// MarshalMeetingOutcome writes a meeting outcome.
func MarshalMeetingOutcome(v events.Outcome) graphql.Marshaler { return stringEnum(v) }

// UnmarshalMeetingOutcome reads a meeting outcome.
func UnmarshalMeetingOutcome(v any) (events.Outcome, error) {
	return parseEnum(v, cast[events.Outcome])
}

// MarshalMeetingSource writes a meeting source.
func MarshalMeetingSource(v events.Source) graphql.Marshaler { return stringEnum(v) }

// UnmarshalMeetingSource reads a meeting source.
func UnmarshalMeetingSource(v any) (events.Source, error) { return parseEnum(v, cast[events.Source]) }

// MarshalAgendaStatus writes an agenda status.
func MarshalAgendaStatus(v events.AgendaStatus) graphql.Marshaler { return stringEnum(v) }

// UnmarshalAgendaStatus reads an agenda status.
func UnmarshalAgendaStatus(v any) (events.AgendaStatus, error) {
	return parseEnum(v, cast[events.AgendaStatus])
}

// MarshalScheduleScope writes a scheduling scope.
func MarshalScheduleScope(v events.Scope) graphql.Marshaler { return stringEnum(v) }

// UnmarshalScheduleScope reads a scheduling scope.
func UnmarshalScheduleScope(v any) (events.Scope, error) { return parseEnum(v, cast[events.Scope]) }
