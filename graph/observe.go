package graph

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/innoport/innoport/metrics"
)

// maxLabelFields bounds the root fields an operation's metric label names.
const maxLabelFields = 3

// observeOperations records each operation's time and outcome. The label
// is the operation type and its root fields ("query:startups"), not the
// client-chosen operation name, so the series stay bounded by the schema.
func observeOperations(m *metrics.Metrics) graphql.OperationMiddleware {
	return func(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
		start := time.Now()
		label := operationLabel(graphql.GetOperationContext(ctx).Operation)
		h := next(ctx)
		return func(ctx context.Context) *graphql.Response {
			resp := h(ctx)
			if resp != nil {
				m.Operation(label, outcomeOf(resp), time.Since(start))
			}
			return resp
		}
	}
}

func operationLabel(op *ast.OperationDefinition) string {
	if op == nil {
		return "unknown"
	}
	var fields []string
	for _, sel := range op.SelectionSet {
		if f, ok := sel.(*ast.Field); ok && !slices.Contains(fields, f.Name) {
			fields = append(fields, f.Name)
		}
	}
	slices.Sort(fields)
	if len(fields) > maxLabelFields {
		fields = append(fields[:maxLabelFields], "…")
	}
	return string(op.Operation) + ":" + strings.Join(fields, "+")
}

// operationOf labels the operation of ctx, for log lines; "" outside one.
func operationOf(ctx context.Context) string {
	if !graphql.HasOperationContext(ctx) {
		return ""
	}
	return operationLabel(graphql.GetOperationContext(ctx).Operation)
}

// outcomeOf is "ok", or the code of the response's first error.
func outcomeOf(resp *graphql.Response) string {
	if len(resp.Errors) == 0 {
		return "ok"
	}
	if code, ok := resp.Errors[0].Extensions["code"].(string); ok {
		return code
	}
	return "error"
}
