// Package observed wraps a search index with a client span per call and a
// duration per query, for the service's traces and metrics.
package observed

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
	"go.opentelemetry.io/otel/trace/noop"

	"github.com/innoport/innoport/search"
)

// Index wraps an index: every call is a client span (when tp is set)
// and every query's duration is told to took (when set).
func Index(idx search.Index, engine string, tp trace.TracerProvider, took func(engine string, d time.Duration)) search.Index {
	if tp == nil {
		tp = noop.NewTracerProvider()
	}
	return observed{Index: idx, engine: engine, tracer: tp.Tracer("github.com/innoport/innoport/search"), took: took}
}

type observed struct {
	search.Index
	engine string
	tracer trace.Tracer
	took   func(string, time.Duration)
}

func (o observed) span(ctx context.Context, op string) (context.Context, func(error)) {
	ctx, span := o.tracer.Start(ctx, "search "+op, trace.WithSpanKind(trace.SpanKindClient),
		trace.WithAttributes(attribute.String("search.engine", o.engine)))
	return ctx, func(err error) {
		if err != nil {
			span.SetStatus(codes.Error, err.Error())
		}
		span.End()
	}
}

func (o observed) Search(ctx context.Context, q search.Query) (search.Result, error) {
	ctx, end := o.span(ctx, "query")
	start := time.Now()
	r, err := o.Index.Search(ctx, q)
	if o.took != nil {
		o.took(o.engine, time.Since(start))
	}
	end(err)
	return r, err
}

func (o observed) Upsert(ctx context.Context, docs ...search.Doc) error {
	ctx, end := o.span(ctx, "upsert")
	err := o.Index.Upsert(ctx, docs...)
	end(err)
	return err
}

func (o observed) Delete(ctx context.Context, keys ...search.Key) error {
	ctx, end := o.span(ctx, "delete")
	err := o.Index.Delete(ctx, keys...)
	end(err)
	return err
}
