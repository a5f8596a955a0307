// Package errs defines the errors the domain returns: each carries a kind that
// says how a caller should react, a stable code clients can switch on, the path
// of the offending input field, and a message in Vietnamese and English.
package errs

import (
	"errors"
	"fmt"
	"strings"
)

// Kind classifies an error by what the caller can do about it.
type Kind uint8

// The kinds of domain errors.
const (
	// Internal is a failure the caller cannot fix; its details are logged, never shown.
	Internal Kind = iota
	// Invalid is input that breaks a rule; the caller fixes the input.
	Invalid
	// NotFound is a reference to something that does not exist.
	NotFound
	// Conflict is a clash with the current state (duplicate key, stale version).
	Conflict
	// FailedPrecondition is a request the current state does not allow.
	FailedPrecondition
	// Unauthenticated is a request that needs a valid identity.
	Unauthenticated
	// PermissionDenied is a request the caller's identity may not make.
	PermissionDenied
)

// Code is a stable, SCREAMING_CASE identifier of an error, part of the API contract.
type Code string

// The codes of problems a caller can fix, which mutations report as
// userErrors (and queries, scalars and the transport as top-level errors
// where no payload can carry them). New codes are added, never renamed;
// every one is a value of the schema's UserErrorCode enum, and the enum
// has no other (graph's TestUserErrorCodesAreTheDomains reads this block).
const (
	CodeRequired         Code = "REQUIRED"
	CodeInvalidValue     Code = "INVALID_VALUE"
	CodeInvalidTaxCode   Code = "INVALID_TAX_CODE"
	CodeDuplicateTaxCode Code = "DUPLICATE_TAX_CODE"
	CodeVersionConflict  Code = "VERSION_CONFLICT"
	CodeNotFound         Code = "NOT_FOUND"
	// Funding calls and applications.
	CodeInvalidExpression    Code = "INVALID_EXPRESSION"
	CodeInvalidTransition    Code = "INVALID_TRANSITION"
	CodeCallNotOpen          Code = "CALL_NOT_OPEN"
	CodeNotEligible          Code = "NOT_ELIGIBLE"
	CodeDuplicateApplication Code = "DUPLICATE_APPLICATION"
	CodeIdempotencyKeyReused Code = "IDEMPOTENCY_KEY_REUSED"
	CodeConflictOfInterest   Code = "CONFLICT_OF_INTEREST"
	// Events and 1:1 meetings.
	CodeRegistrationClosed Code = "REGISTRATION_CLOSED"
	CodeEventFull          Code = "EVENT_FULL"
	CodeAlreadyRegistered  Code = "ALREADY_REGISTERED"
	CodeCannotMeet         Code = "CANNOT_MEET"
	CodeRequestExpired     Code = "REQUEST_EXPIRED"
	CodeSlotTaken          Code = "SLOT_TAKEN"
	CodeMeetingLimit       Code = "MEETING_LIMIT_REACHED"
	CodeDuplicateRequest   Code = "DUPLICATE_REQUEST"
)

// The codes of top-level errors only (extensions.code).
const (
	CodeUnauthenticated Code = "UNAUTHENTICATED"
	CodeForbidden       Code = "FORBIDDEN"
	CodeInternal        Code = "INTERNAL"

	// Request limits, refused before any resolver runs.
	CodeRequestTooLarge         Code = "REQUEST_TOO_LARGE"
	CodeDepthLimitExceeded      Code = "DEPTH_LIMIT_EXCEEDED"
	CodeComplexityLimitExceeded Code = "COMPLEXITY_LIMIT_EXCEEDED"
	CodeAliasLimitExceeded      Code = "ALIAS_LIMIT_EXCEEDED"
	CodeRateLimited             Code = "RATE_LIMITED"

	// Transport: a request that is not GraphQL over HTTP as the server
	// speaks it, refused before the document is read.
	CodeBadRequest           Code = "BAD_REQUEST"
	CodeMethodNotAllowed     Code = "METHOD_NOT_ALLOWED"
	CodeUnsupportedMediaType Code = "UNSUPPORTED_MEDIA_TYPE"
	CodeNotAcceptable        Code = "NOT_ACCEPTABLE"
)

// Lang is a language a message can be shown in.
type Lang uint8

// The languages messages are written in. Vietnamese is the default.
const (
	VI Lang = iota
	EN
)

// Error is a domain error. Create it with the constructors below.
type Error struct {
	Kind  Kind
	Code  Code
	Field []string // path of the input field at fault within the use-case's input, e.g. ["taxCode"] (graph prefixes "input"); may be empty
	VI    string   // message in Vietnamese
	EN    string   // message in English
	Err   error    // underlying cause, for logs only
}

// Error renders the English message with its code and field, for logs.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(string(e.Code))
	if len(e.Field) > 0 {
		b.WriteString(" at ")
		b.WriteString(strings.Join(e.Field, "."))
	}
	b.WriteString(": ")
	b.WriteString(e.EN)
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Message returns the message in the requested language.
func (e *Error) Message(l Lang) string {
	if l == EN {
		return e.EN
	}
	return e.VI
}

// At returns a copy of e whose field path is prefixed with prefix.
func (e *Error) At(prefix ...string) *Error {
	c := *e
	c.Field = append(append([]string{}, prefix...), e.Field...)
	return &c
}

// New builds an error of a kind with a code, field path and bilingual message.
func New(kind Kind, code Code, field []string, vi, en string) *Error {
	return &Error{Kind: kind, Code: code, Field: field, VI: vi, EN: en}
}

// Required reports a missing value at field.
func Required(field ...string) *Error {
	return New(Invalid, CodeRequired, field, "Trường này là bắt buộc.", "This field is required.")
}

// InvalidValue reports a value that breaks a rule, explained in both languages.
func InvalidValue(vi, en string, field ...string) *Error {
	return New(Invalid, CodeInvalidValue, field, vi, en)
}

// NotFoundf reports that an entity of a kind (named in both languages) does
// not exist. The message names no ID: the store's IDs are not the ones
// clients see, and field already says which input was meant.
func NotFoundf(whatVI, whatEN string, field ...string) *Error {
	return New(NotFound, CodeNotFound, field,
		fmt.Sprintf("Không tìm thấy %s.", whatVI),
		fmt.Sprintf("%s not found.", whatEN))
}

// Entity names a kind of record in messages, in both languages.
type Entity struct{ VI, EN string }

// NotFound reports that no record of this kind has the ID (or key) given.
func (e Entity) NotFound(field ...string) *Error { return NotFoundf(e.VI, e.EN, field...) }

// VersionConflict reports an update made against a stale version.
func VersionConflict(current int64) *Error {
	return New(Conflict, CodeVersionConflict, []string{"version"},
		fmt.Sprintf("Dữ liệu đã được người khác thay đổi (phiên bản hiện tại: %d). Hãy tải lại và thử lại.", current),
		fmt.Sprintf("The record was changed by someone else (current version: %d). Reload and try again.", current))
}

// StillChanging reports an update that lost every race to other writers of
// the same record, after its retries.
func StillChanging() *Error {
	return New(Conflict, CodeVersionConflict, []string{"version"},
		"Dữ liệu đang được thay đổi liên tục; vui lòng thử lại.",
		"The record keeps changing under this update; please try again.")
}

// UnauthenticatedErr reports a request that needs a signed-in caller.
func UnauthenticatedErr() *Error {
	return New(Unauthenticated, CodeUnauthenticated, nil,
		"Bạn cần đăng nhập để thực hiện thao tác này.",
		"You must be signed in to do this.")
}

// Forbidden reports a request the caller may not make.
func Forbidden() *Error {
	return New(PermissionDenied, CodeForbidden, nil,
		"Bạn không có quyền thực hiện thao tác này.",
		"You are not allowed to do this.")
}

// Internalf wraps an unexpected failure; the message shown to users is generic.
func Internalf(err error, format string, args ...any) *Error {
	return &Error{Kind: Internal, Code: CodeInternal,
		VI:  "Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau.",
		EN:  "An internal error occurred. Please try again later.",
		Err: fmt.Errorf(format+": %w", append(args, err)...)}
}

// List collects several errors, typically one per invalid input field.
type List []*Error

// Error joins the members' messages.
func (l List) Error() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Unwrap exposes the members to errors.Is and errors.As.
func (l List) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

// Add appends err, which is flattened if it is a List or an *Error; any other
// non-nil error is added as an internal error.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	var list List
	if errors.As(err, &list) {
		*l = append(*l, list...)
		return
	}
	var e *Error
	if errors.As(err, &e) {
		*l = append(*l, e)
		return
	}
	*l = append(*l, Internalf(err, "unclassified error"))
}

// Check adds every error in err, each prefixed with field, and reports
// whether err was nil.
func (l *List) Check(err error, field ...string) bool {
	if err == nil {
		return true
	}
	es := Flatten(err)
	if len(es) == 0 {
		l.Add(err)
		return false
	}
	for _, e := range es {
		*l = append(*l, e.At(field...))
	}
	return false
}

// Err returns nil for an empty list and the list otherwise.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Flatten returns the domain errors inside err: the members of a List, a single
// *Error, or nil when err carries none.
func Flatten(err error) []*Error {
	var list List
	if errors.As(err, &list) {
		return list
	}
	var e *Error
	if errors.As(err, &e) {
		return []*Error{e}
	}
	return nil
}

// KindOf returns the kind of err: Internal when err is not a domain error or
// holds an internal one, otherwise the kind of its first member.
func KindOf(err error) Kind {
	es := Flatten(err)
	if len(es) == 0 {
		return Internal
	}
	for _, e := range es {
		if e.Kind == Internal {
			return Internal
		}
	}
	return es[0].Kind
}
