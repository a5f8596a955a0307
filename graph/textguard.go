package graph

import (
	"context"
	"maps"
	"slices"
	"strconv"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// textGuard refuses, before anything runs, an operation whose arguments
// carry text no field may hold (value.CheckChars: broken UTF-8, U+FFFD,
// control characters but line breaks and tabs) — inline or in variables,
// at any depth — with INVALID_VALUE at the argument's path, e.g.
// ["input", "name"]. The domain checks the same rule again as it
// validates each field (value.Text), for paths other than the API.
type textGuard struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = textGuard{}

func (textGuard) ExtensionName() string { return "TextGuard" }

func (textGuard) Validate(graphql.ExecutableSchema) error { return nil }

func (textGuard) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	var bad *errs.Error
	var walkSet func(set ast.SelectionSet, seen map[string]bool)
	walkSet = func(set ast.SelectionSet, seen map[string]bool) {
		for _, s := range set {
			if bad != nil {
				return
			}
			switch s := s.(type) {
			case *ast.Field:
				for _, a := range s.Arguments {
					if e := checkValue(a.Value, oc.Variables, []string{a.Name}); e != nil {
						bad = e
						return
					}
				}
				walkSet(s.SelectionSet, seen)
			case *ast.InlineFragment:
				walkSet(s.SelectionSet, seen)
			case *ast.FragmentSpread:
				if s.Definition != nil && !seen[s.Name] {
					seen[s.Name] = true
					walkSet(s.Definition.SelectionSet, seen)
				}
			}
		}
	}
	walkSet(oc.Operation.SelectionSet, map[string]bool{})
	if bad == nil {
		return nil
	}
	return refused(ctx, bad)
}

// checkValue checks every string in an argument's value, following
// variables into the request's variables.
func checkValue(v *ast.Value, vars map[string]any, path []string) *errs.Error {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case ast.Variable:
		return checkAny(vars[v.Raw], path)
	case ast.StringValue, ast.BlockValue:
		return checkString(v.Raw, path)
	case ast.ListValue:
		for i, c := range v.Children {
			if e := checkValue(c.Value, vars, append(path[:len(path):len(path)], strconv.Itoa(i))); e != nil {
				return e
			}
		}
	case ast.ObjectValue:
		for _, c := range v.Children {
			if e := checkValue(c.Value, vars, append(path[:len(path):len(path)], c.Name)); e != nil {
				return e
			}
		}
	}
	return nil
}

func checkAny(v any, path []string) *errs.Error {
	switch x := v.(type) {
	case string:
		return checkString(x, path)
	case []any:
		for i, c := range x {
			if e := checkAny(c, append(path[:len(path):len(path)], strconv.Itoa(i))); e != nil {
				return e
			}
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) { // the same field reported every time
			if e := checkAny(x[k], append(path[:len(path):len(path)], k)); e != nil {
				return e
			}
		}
	}
	return nil
}

// checkString applies the rule every text shares; whether a field is one
// line is the domain's to say.
func checkString(s string, path []string) *errs.Error {
	if err := value.CheckChars(s, true); err != nil {
		return errs.Flatten(err)[0].At(path...)
	}
	return nil
}
