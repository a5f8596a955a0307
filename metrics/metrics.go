// Package metrics exposes Prometheus metrics of the service at /metrics:
// GraphQL operations, store commands, job runs, event scheduling, and the
// Go runtime and process. It owns its registry, so nothing else in the
// process (the embedded FerretDB registers its own) mixes in.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the service's collectors. Its recording methods do nothing
// on a nil *Metrics, so callers need not check whether metrics are on.
type Metrics struct {
	registry      *prometheus.Registry
	operations    *prometheus.CounterVec
	operationTime *prometheus.HistogramVec
	commands      *prometheus.CounterVec
	commandTime   *prometheus.HistogramVec
	jobRuns       *prometheus.CounterVec
	jobTime       *prometheus.HistogramVec
	scheduleTime  prometheus.Histogram
	placed        prometheus.Counter
	searchLag     prometheus.Histogram
	searchTime    *prometheus.HistogramVec
}

// New registers the collectors on a registry of their own.
func New() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		operations: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "innoport_graphql_operations_total",
			Help: "GraphQL operations by root field and outcome (ok, or the first error's code).",
		}, []string{"operation", "outcome"}),
		operationTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "innoport_graphql_operation_duration_seconds",
			Help:    "Time to answer a GraphQL operation, by root field.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 14), // 1 ms … 8 s
		}, []string{"operation"}),
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "innoport_store_commands_total",
			Help: "MongoDB commands, by collection, command, whether the server or the embedded store's memory answered (served: server, memo), and outcome (ok or failed).",
		}, []string{"collection", "command", "served", "outcome"}),
		commandTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "innoport_store_command_duration_seconds",
			Help:    "MongoDB command round-trip time, by collection, command and what answered (served: server, memo).",
			Buckets: prometheus.ExponentialBuckets(0.00005, 2, 17), // 50 µs … 3.3 s
		}, []string{"collection", "command", "served"}),
		jobRuns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "innoport_job_runs_total",
			Help: "Job runs by job and status (SUCCEEDED, FAILED, SKIPPED).",
		}, []string{"job", "status"}),
		jobTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "innoport_job_run_duration_seconds",
			Help:    "Wall time of job runs that held their lease, by job; the matching jobs are the matching durations.",
			Buckets: prometheus.ExponentialBuckets(0.01, 2, 15), // 10 ms … 164 s
		}, []string{"job"}),
		scheduleTime: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "innoport_event_scheduling_duration_seconds",
			Help:    "Wall time of an event's scheduling run (scheduleEventMeetings), store work included.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 12), // 5 ms … 10 s
		}),
		placed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "innoport_event_meetings_placed_total",
			Help: "Meetings placed by scheduling runs.",
		}),
		searchLag: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "innoport_search_index_lag_seconds",
			Help:    "Time from a record's write to its document being searchable.",
			Buckets: prometheus.ExponentialBuckets(0.01, 2, 14), // 10 ms … 82 s
		}),
		searchTime: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "innoport_search_query_duration_seconds",
			Help:    "Time the search engine took to answer a query, by engine.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14), // 0.5 ms … 4 s
		}, []string{"engine"}),
	}
	m.registry.MustRegister(m.operations, m.operationTime, m.commands, m.commandTime, m.jobRuns, m.jobTime,
		m.scheduleTime, m.placed, m.searchLag, m.searchTime, collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// Operation records one GraphQL operation.
func (m *Metrics) Operation(name, outcome string, took time.Duration) {
	if m == nil {
		return
	}
	m.operations.WithLabelValues(name, outcome).Inc()
	m.operationTime.WithLabelValues(name).Observe(took.Seconds())
}

// Command records one store command; memo is set for a read the embedded
// store's memory answered in the server's place.
func (m *Metrics) Command(collection, command string, memo, failed bool, took time.Duration) {
	if m == nil {
		return
	}
	outcome, served := "ok", "server"
	if failed {
		outcome = "failed"
	}
	if memo {
		served = "memo"
	}
	m.commands.WithLabelValues(collection, command, served, outcome).Inc()
	m.commandTime.WithLabelValues(collection, command, served).Observe(took.Seconds())
}

// JobRun records one job run; took is zero for a run that did not hold
// the lease.
func (m *Metrics) JobRun(job, status string, took time.Duration) {
	if m == nil {
		return
	}
	m.jobRuns.WithLabelValues(job, status).Inc()
	if took > 0 {
		m.jobTime.WithLabelValues(job).Observe(took.Seconds())
	}
}

// Scheduled records one event scheduling run.
func (m *Metrics) Scheduled(placed int, took time.Duration) {
	if m == nil {
		return
	}
	m.scheduleTime.Observe(took.Seconds())
	m.placed.Add(float64(placed))
}

// SearchLag records how long one change waited to be indexed.
func (m *Metrics) SearchLag(d time.Duration) {
	if m == nil {
		return
	}
	m.searchLag.Observe(d.Seconds())
}

// SearchQuery records one query to the search engine.
func (m *Metrics) SearchQuery(engine string, took time.Duration) {
	if m == nil {
		return
	}
	m.searchTime.WithLabelValues(engine).Observe(took.Seconds())
}

// Sizes are what Watch reports at each scrape.
type Sizes struct {
	// Documents counts the documents of each collection.
	Documents map[string]int64
	// FileBytes is the size of the embedded store's files; 0 on MongoDB.
	FileBytes int64
	// Backlog counts the background work not done yet, by kind.
	Backlog map[string]int
}

// Watch reports, at each scrape, what read returns: the gauges an operator
// of the embedded store watches to know when to move to MongoDB (README,
// "When to move").
func (m *Metrics) Watch(read func() Sizes) {
	if m == nil {
		return
	}
	m.registry.MustRegister(&sizes{read: read,
		documents: prometheus.NewDesc("innoport_store_documents", "Documents in each collection.", []string{"collection"}, nil),
		fileBytes: prometheus.NewDesc("innoport_store_file_bytes", "Size of the embedded store's files (0 on MongoDB).", nil, nil),
		backlog: prometheus.NewDesc("innoport_background_backlog",
			"Background work set off by changes and not done yet: rescore (changes), rescreen (firms), index (records).", []string{"work"}, nil),
	})
}

type sizes struct {
	read                          func() Sizes
	documents, fileBytes, backlog *prometheus.Desc
}

func (s *sizes) Describe(ch chan<- *prometheus.Desc) {
	ch <- s.documents
	ch <- s.fileBytes
	ch <- s.backlog
}

func (s *sizes) Collect(ch chan<- prometheus.Metric) {
	v := s.read()
	for c, n := range v.Documents {
		ch <- prometheus.MustNewConstMetric(s.documents, prometheus.GaugeValue, float64(n), c)
	}
	ch <- prometheus.MustNewConstMetric(s.fileBytes, prometheus.GaugeValue, float64(v.FileBytes))
	for w, n := range v.Backlog {
		ch <- prometheus.MustNewConstMetric(s.backlog, prometheus.GaugeValue, float64(n), w)
	}
}
