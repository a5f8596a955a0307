// Package stats computes the city's innovation statistics from the live
// records: firms by sector, ward, stage, incubator and founding year, new
// firms per quarter, screening and incentives, the funding funnel, events,
// the sandbox and technology transfer. Every series says how it is
// computed, and whether its cells count firms — those the open data
// suppresses below three, so that no firm can be singled out.
package stats

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/dealflow"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/events"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/incentive"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/sandbox"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/transfer"
	"github.com/innoport/innoport/domain/value"
)

// Unit is what a series' values count.
type Unit string

// The units.
const (
	Firms Unit = "FIRMS" // distinct firms: suppressed below MinCell in open data
	Count Unit = "COUNT" // records (calls, applications, meetings)
	VND   Unit = "VND"   // đồng
)

// Chart is how a console draws a series.
type Chart string

// The charts.
const (
	Bars   Chart = "BARS"   // categories
	Trend  Chart = "TREND"  // periods in order
	Funnel Chart = "FUNNEL" // stages, each a subset of the one before
)

// MinCell is the smallest count of firms a published cell may show.
const MinCell = 3

// Point is one cell of a series.
type Point struct {
	Key              string
	LabelVI, LabelEN string
	Value            int64
	// Firms is how many distinct firms the value derives from, for a sum
	// of money (the open data suppresses it below MinCell like a count of
	// firms); 0 otherwise.
	Firms int64
}

// Series is one statistic: labelled values, with how they are computed.
type Series struct {
	Key              string
	TitleVI, TitleEN string
	HowVI, HowEN     string
	Unit             Unit
	Chart            Chart
	Points           []Point
}

// Report is the statistics of a period.
type Report struct {
	From, To   value.Date
	ComputedAt time.Time
	Series     []Series
}

// Sources reads the records the statistics count. Each function streams
// or returns every record of its kind, but the counts, which the store
// answers without reading each firm's results.
type Sources struct {
	Firms        func(ctx context.Context, fn func(firm.Startup) error) error
	Incubators   func(ctx context.Context) ([]ecosystem.Incubator, error)
	CriteriaSets func(ctx context.Context) ([]screening.CriteriaSet, error) // the active ones
	// CountResults counts the firms with a status under a criteria set.
	CountResults func(ctx context.Context, setKey string, status screening.Status) (int, error)
	Incentives   func(ctx context.Context) ([]incentive.Incentive, error) // every version
	// CountQualifying counts the firms whose stored standing on an
	// incentive is QUALIFIES.
	CountQualifying func(ctx context.Context, key string) (int, error)
	Claims          func(ctx context.Context, fn func(incentive.BenefitRecord) error) error
	Calls           func(ctx context.Context, fn func(funding.Call) error) error
	Applications    func(ctx context.Context, fn func(funding.Application) error) error
	Events          func(ctx context.Context, fn func(events.Event) error) error
	Boards          func(ctx context.Context, fn func(events.Board) error) error
	Deals           func(ctx context.Context, fn func(dealflow.Deal) error) error
	SandboxApps     func(ctx context.Context, fn func(sandbox.Application) error) error
	Conversations   func(ctx context.Context, fn func(transfer.Conversation) error) error
}

// Service computes the statistics.
type Service struct {
	src   Sources
	clock clock.Clock
}

// NewService builds the statistics.
func NewService(src Sources, c clock.Clock) *Service { return &Service{src: src, clock: c} }

// maxYears bounds a period, so one request cannot ask for centuries of
// quarters.
const maxYears = 20

// CheckPeriod validates a period: from on or before to, at most maxYears.
func CheckPeriod(from, to value.Date) error {
	if from.After(to) {
		return errs.InvalidValue("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", "The period must start on or before its end.", "from")
	}
	if to.Start().After(from.Start().AddDate(maxYears, 0, 0)) {
		return errs.InvalidValue(fmt.Sprintf("Khoảng thời gian dài nhất là %d năm.", maxYears),
			fmt.Sprintf("A period is at most %d years.", maxYears), "to")
	}
	return nil
}

// City computes the statistics of [from, to] for officials and admins.
func (s *Service) City(ctx context.Context, from, to value.Date) (Report, error) {
	if err := policy.ViewCityStatistics(identity.FromContext(ctx)); err != nil {
		return Report{}, err
	}
	return s.Compute(ctx, from, to)
}

// Compute computes the statistics of [from, to] without asking who reads
// them: the open-data job publishes what it computes, suppressed.
func (s *Service) Compute(ctx context.Context, from, to value.Date) (Report, error) {
	if err := CheckPeriod(from, to); err != nil {
		return Report{}, err
	}
	c := &computation{src: s.src, from: from, to: to}
	r := Report{From: from, To: to, ComputedAt: s.clock.Now()}
	for _, step := range []func(context.Context) ([]Series, error){
		c.firms, c.screening, c.incentives, c.funding, c.events, c.sandbox, c.transfer,
	} {
		series, err := step(ctx)
		if err != nil {
			return Report{}, err
		}
		r.Series = append(r.Series, series...)
	}
	return r, nil
}

type computation struct {
	src      Sources
	from, to value.Date
}

// within reports whether t falls in the period, read in Asia/Ho_Chi_Minh.
func (c *computation) within(t time.Time) bool {
	if t.IsZero() {
		return false
	}
	return c.withinDate(value.DateOf(t))
}

func (c *computation) withinDate(d value.Date) bool {
	return !d.IsZero() && !c.from.After(d) && !d.After(c.to)
}

// tally counts values by key, keeping the first label seen, and the firms
// a sum derives from.
type tally struct {
	n      map[string]int64
	labels map[string][2]string
	firms  map[string]map[string]bool
}

func newTally() *tally {
	return &tally{n: map[string]int64{}, labels: map[string][2]string{}, firms: map[string]map[string]bool{}}
}

// from notes that the value under key derives from a firm.
func (t *tally) from(key, firmID string) {
	if t.firms[key] == nil {
		t.firms[key] = map[string]bool{}
	}
	t.firms[key][firmID] = true
}

func (t *tally) add(key, vi, en string, v int64) {
	t.n[key] += v
	if _, ok := t.labels[key]; !ok {
		t.labels[key] = [2]string{vi, en}
	}
}

// points lists the counts, largest first (ties by key), or in the order
// given when keys is set (every key, zeros too).
func (t *tally) points(keys ...string) []Point {
	if len(keys) == 0 {
		for k := range t.n {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int {
			if c := cmp.Compare(t.n[b], t.n[a]); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
	}
	out := make([]Point, len(keys))
	for i, k := range keys {
		l := t.labels[k]
		out[i] = Point{Key: k, LabelVI: l[0], LabelEN: l[1], Value: t.n[k], Firms: int64(len(t.firms[k]))}
	}
	return out
}

// quarters lists the quarters the period touches, as keys like 2026-Q3.
func (c *computation) quarters() []string {
	var out []string
	y, q := c.from.Year, (int(c.from.Month)-1)/3
	for y < c.to.Year || (y == c.to.Year && q <= (int(c.to.Month)-1)/3) {
		out = append(out, fmt.Sprintf("%d-Q%d", y, q+1))
		if q++; q == 4 {
			y, q = y+1, 0
		}
	}
	return out
}

func quarterOf(d value.Date) (key, vi, en string) {
	q := (int(d.Month)-1)/3 + 1
	return fmt.Sprintf("%d-Q%d", d.Year, q), fmt.Sprintf("Quý %d/%d", q, d.Year), fmt.Sprintf("Q%d %d", q, d.Year)
}
