package graph

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// emptyTextIsNull answers null, never "", for an optional String field
// whose value is empty: domain types keep optional texts as plain strings
// (an unanswered answer's text, a transition without a reason, a startup
// without a website), and a client should not have to tell "" from absent.
func emptyTextIsNull(ctx context.Context, next graphql.Resolver) (any, error) {
	res, err := next(ctx)
	if s, ok := res.(string); ok && s == "" && err == nil {
		if fc := graphql.GetFieldContext(ctx); fc != nil && fc.Field.Definition != nil &&
			fc.Field.Definition.Type.NamedType == "String" && !fc.Field.Definition.Type.NonNull {
			return nil, nil
		}
	}
	return res, err
}
