package model

import (
	"fmt"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/matching"
)

// Match is one item of a stored match list, with the list it belongs to.
type Match struct {
	ID          string
	Score       float64
	Program     *string
	Explanation []matching.Contribution
	ComputedAt  time.Time
	// List and TargetID say what the target is: a startup in a target's
	// list, a target of the list's kind in a startup's.
	List     matching.ListKey
	TargetID string
}

// MatchTarget is the union of matched types; like Node, it is empty
// because domain types cannot carry a marker method.
type MatchTarget interface{}

// MarshalMatchKind writes a match kind.
func MarshalMatchKind(k matching.Kind) graphql.Marshaler { return graphql.MarshalString(k.String()) }

// UnmarshalMatchKind reads a match kind.
func UnmarshalMatchKind(v any) (matching.Kind, error) {
	return parseEnum(v, func(s string) (matching.Kind, error) {
		k, ok := matching.ParseKind(s)
		if !ok {
			return 0, errs.InvalidValue(fmt.Sprintf("Loại gợi ý %q không hợp lệ.", s), fmt.Sprintf("Match kind %q is not valid.", s))
		}
		return k, nil
	})
}

// MarshalMatchFactor writes a factor.
func MarshalMatchFactor(f matching.Factor) graphql.Marshaler {
	return graphql.MarshalString(f.String())
}

// UnmarshalMatchFactor reads a factor.
func UnmarshalMatchFactor(v any) (matching.Factor, error) {
	return parseEnum(v, func(s string) (matching.Factor, error) {
		f, ok := matching.ParseFactor(s)
		if !ok {
			return 0, errs.InvalidValue(fmt.Sprintf("Yếu tố %q không hợp lệ.", s), fmt.Sprintf("Factor %q is not valid.", s))
		}
		return f, nil
	})
}
