// Package telemetry traces requests with OpenTelemetry: an OTLP exporter
// configured by the standard OTEL_* variables (off when no endpoint is
// set), spans for store commands, trace IDs in log lines, and a redaction
// of span attributes that could carry personal data.
package telemetry

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	semconv "go.opentelemetry.io/otel/semconv/v1.26.0"
	"go.opentelemetry.io/otel/trace"
)

// Configured reports whether the environment asks for tracing: an OTLP
// endpoint is set and the SDK is not disabled.
func Configured(getenv func(string) string) bool {
	if strings.EqualFold(getenv("OTEL_SDK_DISABLED"), "true") || getenv("OTEL_TRACES_EXPORTER") == "none" {
		return false
	}
	return getenv("OTEL_EXPORTER_OTLP_ENDPOINT") != "" || getenv("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT") != ""
}

// Start builds the tracer provider: OTLP over HTTP as the OTEL_*
// variables say (endpoint, headers, timeout, sampler via
// OTEL_TRACES_SAMPLER), spans batched, service named by OTEL_SERVICE_NAME
// or "innoport". Shut it down to flush.
func Start(ctx context.Context) (*sdktrace.TracerProvider, error) {
	exp, err := otlptracehttp.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("OTLP trace exporter: %w", err)
	}
	name := os.Getenv("OTEL_SERVICE_NAME")
	if name == "" {
		name = "innoport"
	}
	res, err := resource.Merge(resource.Default(), resource.NewSchemaless(semconv.ServiceName(name)))
	if err != nil {
		return nil, fmt.Errorf("trace resource: %w", err)
	}
	return sdktrace.NewTracerProvider(sdktrace.WithResource(res),
		sdktrace.WithSpanProcessor(redactor{sdktrace.NewBatchSpanProcessor(exp)})), nil
}

// Propagator reads and writes W3C trace context and baggage headers.
var Propagator = propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{})

// redacted are the attribute keys (or prefixes, ending in ".") that
// otelgqlgen fills from the request text: the query and resolver
// arguments carry inline values, which may be personal data. Variables are
// left out at the source (otelgqlgen.WithoutVariables).
var redacted = []string{"gql.request.query", "gql.request.variables.", "gql.resolver.args."}

// redactor drops the redacted attributes of every span before export.
type redactor struct{ sdktrace.SpanProcessor }

func (r redactor) OnEnd(s sdktrace.ReadOnlySpan) { r.SpanProcessor.OnEnd(redactedSpan{s}) }

type redactedSpan struct{ sdktrace.ReadOnlySpan }

func (s redactedSpan) Attributes() []attribute.KeyValue {
	in := s.ReadOnlySpan.Attributes()
	out := make([]attribute.KeyValue, 0, len(in))
	for _, kv := range in {
		if !isRedacted(string(kv.Key)) {
			out = append(out, kv)
		}
	}
	return out
}

func isRedacted(key string) bool {
	for _, r := range redacted {
		if key == r || strings.HasSuffix(r, ".") && strings.HasPrefix(key, r) {
			return true
		}
	}
	return false
}

// LogHandler adds the trace and span IDs of the context a line is logged
// with, so a request's log lines lead to its trace.
type LogHandler struct{ slog.Handler }

// Handle adds trace_id and span_id when ctx carries a span.
func (h LogHandler) Handle(ctx context.Context, r slog.Record) error {
	if sc := trace.SpanContextFromContext(ctx); sc.IsValid() {
		r.AddAttrs(slog.String("trace_id", sc.TraceID().String()), slog.String("span_id", sc.SpanID().String()))
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs keeps the wrapper around the derived handler.
func (h LogHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return LogHandler{h.Handler.WithAttrs(attrs)}
}

// WithGroup keeps the wrapper around the derived handler.
func (h LogHandler) WithGroup(name string) slog.Handler { return LogHandler{h.Handler.WithGroup(name)} }
