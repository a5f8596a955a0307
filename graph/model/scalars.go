// Package model holds the GraphQL-facing types that are not domain types:
// scalar and enum bindings, connections, and the input and payload types
// gqlgen generates into models_gen.go.
package model

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

// MarshalDate writes a value.Date as "YYYY-MM-DD".
func MarshalDate(d value.Date) graphql.Marshaler { return graphql.MarshalString(d.String()) }

// UnmarshalDate reads "YYYY-MM-DD".
func UnmarshalDate(v any) (value.Date, error) {
	s, ok := v.(string)
	if !ok {
		return value.Date{}, errs.InvalidValue("Ngày phải là chuỗi YYYY-MM-DD.", "A date must be a YYYY-MM-DD string.")
	}
	return value.ParseDate(s)
}

// MarshalDateTime writes an instant in RFC 3339 (UTC); the zero time is null.
func MarshalDateTime(t time.Time) graphql.Marshaler { return graphql.MarshalTime(t.UTC()) }

// UnmarshalDateTime reads an RFC 3339 instant with its zone; anything else
// is the client's INVALID_VALUE.
func UnmarshalDateTime(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, errs.InvalidValue("Thời điểm phải là chuỗi RFC 3339.", "An instant must be an RFC 3339 string.")
	}
	return value.ParseDateTime(s)
}

// MarshalVND writes an amount as a JSON integer.
func MarshalVND(v value.VND) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, strconv.FormatInt(int64(v), 10)) })
}

// UnmarshalVND reads a JSON integer or a string of digits; fractions are refused.
func UnmarshalVND(v any) (value.VND, error) {
	switch x := v.(type) {
	case int:
		return value.NewVND(int64(x))
	case int64:
		return value.NewVND(x)
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return value.NewVND(n)
		}
	case string:
		return value.ParseVND(x)
	case float64:
		if x == float64(int64(x)) {
			return value.NewVND(int64(x))
		}
	}
	return 0, errs.InvalidValue(
		fmt.Sprintf("Số tiền %v không hợp lệ: chỉ dùng số nguyên đồng.", v),
		fmt.Sprintf("Invalid amount %v: use whole đồng.", v))
}

// Enums bind to the domain's string types; unmarshalling validates.

// MarshalSector writes a sector code.
func MarshalSector(s value.Sector) graphql.Marshaler { return graphql.MarshalString(string(s)) }

// UnmarshalSector reads a sector code.
func UnmarshalSector(v any) (value.Sector, error) { return parseEnum(v, value.ParseSector) }

// MarshalStage writes a stage code.
func MarshalStage(s value.Stage) graphql.Marshaler { return graphql.MarshalString(string(s)) }

// UnmarshalStage reads a stage code.
func UnmarshalStage(v any) (value.Stage, error) { return parseEnum(v, value.ParseStage) }

// MarshalInvestorKind writes an investor kind.
func MarshalInvestorKind(k ecosystem.InvestorKind) graphql.Marshaler {
	return graphql.MarshalString(string(k))
}

// UnmarshalInvestorKind reads an investor kind; the domain validates it.
func UnmarshalInvestorKind(v any) (ecosystem.InvestorKind, error) {
	return parseEnum(v, func(s string) (ecosystem.InvestorKind, error) { return ecosystem.InvestorKind(s), nil })
}

// MarshalFundCallStatus writes a call status.
func MarshalFundCallStatus(s funding.CallStatus) graphql.Marshaler {
	return graphql.MarshalString(string(s))
}

// UnmarshalFundCallStatus reads a call status.
func UnmarshalFundCallStatus(v any) (funding.CallStatus, error) {
	return parseEnum(v, func(s string) (funding.CallStatus, error) { return funding.CallStatus(s), nil })
}

// MarshalApplicationStatus writes an application status.
func MarshalApplicationStatus(s funding.AppStatus) graphql.Marshaler {
	return graphql.MarshalString(string(s))
}

// UnmarshalApplicationStatus reads an application status; transitions validate it.
func UnmarshalApplicationStatus(v any) (funding.AppStatus, error) {
	return parseEnum(v, func(s string) (funding.AppStatus, error) { return funding.AppStatus(s), nil })
}

// MarshalQuestionKind writes a question kind.
func MarshalQuestionKind(k funding.QuestionKind) graphql.Marshaler {
	return graphql.MarshalString(string(k))
}

// UnmarshalQuestionKind reads a question kind; the call's validation checks it.
func UnmarshalQuestionKind(v any) (funding.QuestionKind, error) {
	return parseEnum(v, func(s string) (funding.QuestionKind, error) { return funding.QuestionKind(s), nil })
}

// stringEnum marshals a domain string type as a GraphQL enum value.
func stringEnum[S ~string](v S) graphql.Marshaler { return graphql.MarshalString(string(v)) }

// The screening enums bind to domain string types; the domain validates them.

// MarshalLegalForm writes a legal form.
func MarshalLegalForm(v firm.LegalForm) graphql.Marshaler { return stringEnum(v) }

// UnmarshalLegalForm reads a legal form.
func UnmarshalLegalForm(v any) (firm.LegalForm, error) { return parseEnum(v, cast[firm.LegalForm]) }

// MarshalIPKind writes an IP kind.
func MarshalIPKind(v firm.IPKind) graphql.Marshaler { return stringEnum(v) }

// UnmarshalIPKind reads an IP kind.
func UnmarshalIPKind(v any) (firm.IPKind, error) { return parseEnum(v, cast[firm.IPKind]) }

// MarshalCertificateKind writes a certificate kind.
func MarshalCertificateKind(v firm.CertificateKind) graphql.Marshaler { return stringEnum(v) }

// UnmarshalCertificateKind reads a certificate kind.
func UnmarshalCertificateKind(v any) (firm.CertificateKind, error) {
	return parseEnum(v, cast[firm.CertificateKind])
}

// MarshalScreeningStatus writes a screening status.
func MarshalScreeningStatus(v screening.Status) graphql.Marshaler { return stringEnum(v) }

// UnmarshalScreeningStatus reads a screening status.
func UnmarshalScreeningStatus(v any) (screening.Status, error) {
	return parseEnum(v, cast[screening.Status])
}

// MarshalCriteriaSetStatus writes a criteria-set status.
func MarshalCriteriaSetStatus(v screening.SetStatus) graphql.Marshaler { return stringEnum(v) }

// UnmarshalCriteriaSetStatus reads a criteria-set status.
func UnmarshalCriteriaSetStatus(v any) (screening.SetStatus, error) {
	return parseEnum(v, cast[screening.SetStatus])
}

// MarshalSandboxStatus writes a sandbox status.
func MarshalSandboxStatus(v sandbox.Status) graphql.Marshaler { return stringEnum(v) }

// UnmarshalSandboxStatus reads a sandbox status.
func UnmarshalSandboxStatus(v any) (sandbox.Status, error) { return parseEnum(v, cast[sandbox.Status]) }

// MarshalSandboxOutcome writes a test outcome.
func MarshalSandboxOutcome(v sandbox.Outcome) graphql.Marshaler { return stringEnum(v) }

// UnmarshalSandboxOutcome reads a test outcome; the domain validates it.
func UnmarshalSandboxOutcome(v any) (sandbox.Outcome, error) {
	return parseEnum(v, cast[sandbox.Outcome])
}

// MarshalSandboxFlag writes an overdue flag.
func MarshalSandboxFlag(v sandbox.Flag) graphql.Marshaler { return stringEnum(v) }

// UnmarshalSandboxFlag reads an overdue flag.
func UnmarshalSandboxFlag(v any) (sandbox.Flag, error) { return parseEnum(v, cast[sandbox.Flag]) }

// MarshalSandboxAction writes a sandbox action.
func MarshalSandboxAction(v sandbox.Action) graphql.Marshaler { return stringEnum(v) }

// UnmarshalSandboxAction reads a sandbox action; the domain validates it.
func UnmarshalSandboxAction(v any) (sandbox.Action, error) { return parseEnum(v, cast[sandbox.Action]) }

func cast[S ~string](s string) (S, error) { return S(s), nil }

// MarshalRole writes a role.
func MarshalRole(r identity.Role) graphql.Marshaler { return graphql.MarshalString(string(r)) }

// UnmarshalRole reads a role.
func UnmarshalRole(v any) (identity.Role, error) {
	return parseEnum(v, func(s string) (identity.Role, error) {
		r, err := identity.ParseRole(s)
		if err != nil {
			return "", errs.InvalidValue(fmt.Sprintf("Vai trò %q không hợp lệ.", s), fmt.Sprintf("Role %q is not valid.", s))
		}
		return r, nil
	})
}

func parseEnum[T any](v any, parse func(string) (T, error)) (T, error) {
	s, ok := v.(string)
	if !ok {
		var zero T
		return zero, errs.InvalidValue("Giá trị liệt kê phải là chuỗi.", "An enum value must be a string.")
	}
	return parse(s)
}
