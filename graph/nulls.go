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
		if t := graphql.GetFieldContext(ctx).Field.Definition.Type; t.NamedType == "String" && !t.NonNull {
			return nil, nil
		}
	}
	return res, err
}
