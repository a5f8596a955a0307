// Package model holds the GraphQL-facing types that are not domain types:
// scalar bindings, connections, and the input and payload types
// gqlgen generates into models_gen.go.
package model

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/innoport/innoport/domain/errs"
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

// MarshalVND writes an amount as a JSON string of digits: amounts reach
// 10^18 and sums beyond, past the 2^53 a JavaScript number holds exactly.
func MarshalVND(v value.VND) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) { _, _ = io.WriteString(w, `"`+strconv.FormatInt(int64(v), 10)+`"`) })
}

// UnmarshalVND reads a string of digits (grouped by thousands or not) or a
// JSON integer, as clients sent before amounts went out as strings;
// fractions are refused.
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

// Enums bind to the domain's types in gqlgen.yml: the domain's named
// strings directly (gqlgen casts them, and the schema validates every value
// a client sends), the int-coded match kinds and factors through the
// functions in matches.go.

// parseEnum reads an enum value sent as a string with parse.
func parseEnum[T any](v any, parse func(string) (T, error)) (T, error) {
	s, ok := v.(string)
	if !ok {
		var zero T
		return zero, errs.InvalidValue("Giá trị liệt kê phải là chuỗi.", "An enum value must be a string.")
	}
	return parse(s)
}
