package telemetry

import (
	"bytes"
	"context"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
)

func TestLogLinesCarryTheTraceID(t *testing.T) {
	var out bytes.Buffer
	logger := slog.New(LogHandler{slog.NewJSONHandler(&out, nil)}).With("component", "test")
	tp := sdktrace.NewTracerProvider()
	ctx, span := tp.Tracer("t").Start(context.Background(), "op")
	logger.InfoContext(ctx, "inside")
	span.End()
	assert.Contains(t, out.String(), `"trace_id":"`+span.SpanContext().TraceID().String()+`"`)
	out.Reset()
	logger.InfoContext(context.Background(), "outside")
	assert.NotContains(t, out.String(), "trace_id")
}

func TestQueryTextAndArgumentsAreDroppedBeforeExport(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	tp := sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(redactor{sdktrace.NewSimpleSpanProcessor(exp)}))
	_, span := tp.Tracer("t").Start(context.Background(), "op")
	span.SetAttributes(attribute.String("gql.request.query", `{ a(name: "Bí Mật") }`), attribute.String("gql.resolver.args.input", "x"),
		attribute.String("gql.request.variables.in", "y"), attribute.String("gql.resolver.field", "a"))
	span.End()
	got := exp.GetSpans()[0].Attributes
	assert.Equal(t, []attribute.KeyValue{attribute.String("gql.resolver.field", "a")}, got)
}

func TestConfiguredByTheStandardVariables(t *testing.T) {
	env := func(kv map[string]string) func(string) string { return func(k string) string { return kv[k] } }
	assert.False(t, Configured(env(nil)))
	assert.True(t, Configured(env(map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://collector:4318"})))
	assert.True(t, Configured(env(map[string]string{"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT": "http://collector:4318/v1/traces"})))
	assert.False(t, Configured(env(map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_SDK_DISABLED": "true"})))
	assert.False(t, Configured(env(map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://c:4318", "OTEL_TRACES_EXPORTER": "none"})))
}
