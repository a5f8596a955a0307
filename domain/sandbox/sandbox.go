package sandbox

import (
	"fmt"
	"slices"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Criteria are the keys of what a regulator assesses, after the UK FCA's
// eligibility tests.
var Criteria = []string{"in_scope", "genuine_innovation", "consumer_benefit", "readiness", "need_for_sandbox"}

// Guide tells applicants and regulators how one criterion is judged.
type Guide struct {
	Criterion          string
	Positive, Negative []string // indicators for and against, in Vietnamese
}

// DefaultGuides are the FCA's indicators, for programs that set none.
func DefaultGuides() []Guide {
	return []Guide{
		{"in_scope", []string{"Sản phẩm thuộc lĩnh vực của chương trình", "Hoạt động tại Việt Nam"},
			[]string{"Sản phẩm ngoài phạm vi quản lý của chương trình"}},
		{"genuine_innovation", []string{"Khác biệt rõ rệt so với sản phẩm hiện có", "Ít hoặc chưa có sản phẩm tương tự trên thị trường"},
			[]string{"Nhiều sản phẩm tương tự đã được cấp phép"}},
		{"consumer_benefit", []string{"Giảm chi phí hoặc thời gian cho khách hàng", "Tăng khả năng tiếp cận dịch vụ"},
			[]string{"Rủi ro cho khách hàng lớn hơn lợi ích", "Lợi ích không rõ ràng"}},
		{"readiness", []string{"Đã thử nghiệm nội bộ", "Có nguồn lực và phương án bảo vệ khách hàng"},
			[]string{"Sản phẩm mới ở mức ý tưởng", "Chưa có kế hoạch thử nghiệm"}},
		{"need_for_sandbox", []string{"Chưa có quy định áp dụng cho sản phẩm", "Quy định hiện hành cản trở thử nghiệm"},
			[]string{"Có thể triển khai theo quy định hiện hành"}},
	}
}

// Limits bound a test: a program's defaults and maximums, or the parameters
// a firm requests and a regulator certifies.
type Limits struct {
	DurationDays   int
	MaxCustomers   int
	Wards          []string  // where the test may run; empty: anywhere
	CapPerCustomer value.VND // largest transaction or exposure per customer; 0: none
	TotalCap       value.VND // largest total volume; 0: none
}

// within reports the fields of l that exceed max, as field names.
func (l Limits) exceeding(max Limits) []string {
	var out []string
	if l.DurationDays > max.DurationDays {
		out = append(out, "durationDays")
	}
	if l.MaxCustomers > max.MaxCustomers {
		out = append(out, "maxCustomers")
	}
	if len(max.Wards) > 0 && (len(l.Wards) == 0 || slices.ContainsFunc(l.Wards, func(w string) bool { return !slices.Contains(max.Wards, w) })) {
		out = append(out, "wards")
	}
	if max.CapPerCustomer > 0 && (l.CapPerCustomer == 0 || l.CapPerCustomer > max.CapPerCustomer) {
		out = append(out, "capPerCustomerVnd")
	}
	if max.TotalCap > 0 && (l.TotalCap == 0 || l.TotalCap > max.TotalCap) {
		out = append(out, "totalCapVnd")
	}
	return out
}

func (l Limits) check(list *errs.List, at ...string) {
	if l.DurationDays < 1 {
		list.Add(errs.InvalidValue("Thời gian thử nghiệm phải ít nhất 1 ngày.", "The test lasts at least 1 day.", append(at, "durationDays")...))
	}
	if l.MaxCustomers < 1 {
		list.Add(errs.InvalidValue("Số khách hàng tối đa phải ít nhất 1.", "At least 1 customer.", append(at, "maxCustomers")...))
	}
	if l.CapPerCustomer < 0 || l.TotalCap < 0 {
		list.Add(errs.InvalidValue("Hạn mức không được âm.", "Caps cannot be negative.", at...))
	}
}

// Program is a sandbox program, e.g. the city's new-technology sandbox or a
// fintech sandbox under Decree 94/2025.
type Program struct {
	record.Meta
	Name, NameEN string
	Sectors      []value.Sector
	Limits       Limits // the most any test may be certified for
	// Service levels.
	AckWorkingDays   int // acknowledge receipt within (working days)
	AssessmentDays   int // assess within, from acknowledgement (days)
	StartWithinDays  int // start testing within, from approval (days)
	ReportPeriodDays int // a report is due every so many days of testing
	Calendar         Calendar
	Guides           []Guide // how each criterion is judged; DefaultGuides when empty
}

// Status is where a sandbox application is in its life.
type Status string

// The statuses.
const (
	Draft           Status = "DRAFT"
	Submitted       Status = "SUBMITTED"
	UnderAssessment Status = "UNDER_ASSESSMENT"
	InfoRequested   Status = "INFO_REQUESTED"
	Approved        Status = "APPROVED"
	Rejected        Status = "REJECTED"
	Testing         Status = "TESTING"
	Suspended       Status = "SUSPENDED"
	Exited          Status = "EXITED"
	Withdrawn       Status = "WITHDRAWN"
)

var statusLabels = value.Labels[Status]{
	Draft: {"bản nháp", "draft"}, Submitted: {"đã nộp", "submitted"}, UnderAssessment: {"đang thẩm định", "under assessment"},
	InfoRequested: {"chờ bổ sung thông tin", "information requested"}, Approved: {"đã chấp thuận", "approved"},
	Rejected: {"bị từ chối", "rejected"}, Testing: {"đang thử nghiệm", "testing"}, Suspended: {"tạm dừng", "suspended"},
	Exited: {"đã kết thúc", "exited"}, Withdrawn: {"đã rút", "withdrawn"},
}

// Label names the status in Vietnamese or English, for messages; an
// unknown status is returned as it is.
func (s Status) Label(english bool) string { return statusLabels.Of(s, english) }

// Side is who may make a transition.
type Side uint8

// The sides.
const (
	FirmSide Side = iota + 1
	RegulatorSide
	System // the platform itself, e.g. on a critical incident
)

// transitions lists, for each status, the statuses it may move to and who
// may move it there. Anything else is INVALID_TRANSITION.
var transitions = map[Status]map[Status]Side{
	Draft:           {Submitted: FirmSide, Withdrawn: FirmSide},
	Submitted:       {UnderAssessment: RegulatorSide, Withdrawn: FirmSide},
	UnderAssessment: {InfoRequested: RegulatorSide, Approved: RegulatorSide, Rejected: RegulatorSide, Withdrawn: FirmSide},
	InfoRequested:   {UnderAssessment: FirmSide, Withdrawn: FirmSide},
	Approved:        {Testing: FirmSide, Withdrawn: FirmSide},
	Testing:         {Suspended: RegulatorSide, Exited: RegulatorSide},
	Suspended:       {Testing: RegulatorSide, Exited: RegulatorSide},
}

// Outcome is how a test ended.
type Outcome string

// The outcomes.
const (
	Graduated  Outcome = "GRADUATED"
	Extended   Outcome = "EXTENDED"
	Terminated Outcome = "TERMINATED"
)

// Application is a firm's application to test a product in a program.
type Application struct {
	record.Meta
	ProgramID, StartupID string
	Proposal
	Status         Status
	History        []Transition
	Assessments    []Assessment
	InfoRequests   []InfoRequest
	Certified      Limits // set on approval
	Conditions     []string
	RejectReasons  string
	SubmittedOn    value.Date
	AcknowledgedOn value.Date
	ApprovedOn     value.Date
	TestStartedOn  value.Date
	Reports        []Report
	Extensions     []Extension
	Outcome        Outcome
	Flags          []Flag // overdue service levels, kept current by the deadline job
}

// Proposal is what a firm applies with.
type Proposal struct {
	Product, Innovation, ConsumerBenefit, Readiness, Need string
	Requested                                             Limits
	StartOn                                               value.Date
	Risks, Mitigations, Safeguards, Disclosure, ExitPlan  string
	Documents                                             []string
}

// Transition is one change of status, kept forever.
type Transition struct {
	At       time.Time
	By       string
	From, To Status
	Reason   string
}

// Finding is a regulator's finding on one criterion.
type Finding struct {
	Criterion string
	Met       bool
	Note      string
}

// Assessment is a regulator's assessment of every criterion.
type Assessment struct {
	By       string
	At       time.Time
	Findings []Finding
}

// InfoRequest is a regulator's question and the firm's answer.
type InfoRequest struct {
	At         time.Time
	Question   string
	Answer     string
	AnsweredAt time.Time
}

// Incident is something that went wrong during the test.
type Incident struct {
	Critical    bool
	Description string
}

// Metric is a named figure a report gives.
type Metric struct {
	Name  string
	Value float64
}

// Report is a periodic test report.
type Report struct {
	PeriodEnd    value.Date
	Customers    int
	Transactions int
	Volume       value.VND
	MaxExposure  value.VND // largest per-customer exposure in the period
	Complaints   int
	Incidents    []Incident
	Metrics      []Metric // the further figures the approval's conditions ask for
	SubmittedAt  time.Time
	Breaches     []string // certified limits the report exceeds
}

// Extension is a request to extend the test.
type Extension struct {
	Days      int
	Reason    string
	At        time.Time
	Decided   bool
	Approved  bool
	DecidedBy string
}

// Flag is an overdue service level.
type Flag string

// The flags.
const (
	AckOverdue        Flag = "ACKNOWLEDGEMENT_OVERDUE"
	AssessmentOverdue Flag = "ASSESSMENT_OVERDUE"
	ApprovalLapsed    Flag = "APPROVAL_LAPSED" // testing did not start in time
	ReportOverdue     Flag = "REPORT_OVERDUE"
)

// Deadlines are an application's service-level dates; zero when not running.
type Deadlines struct {
	AcknowledgeBy, AssessBy, StartBy, NextReportBy, TestEndsOn value.Date
}

// DeadlinesIn computes the deadlines under a program.
func (a Application) DeadlinesIn(p Program) Deadlines {
	var d Deadlines
	if !a.SubmittedOn.IsZero() {
		d.AcknowledgeBy = p.Calendar.AddWorkingDays(a.SubmittedOn, p.AckWorkingDays)
	}
	if !a.AcknowledgedOn.IsZero() {
		d.AssessBy = AddDays(a.AcknowledgedOn, p.AssessmentDays)
	}
	if !a.ApprovedOn.IsZero() {
		d.StartBy = AddDays(a.ApprovedOn, p.StartWithinDays)
	}
	if !a.TestStartedOn.IsZero() {
		d.NextReportBy = AddDays(a.TestStartedOn, p.ReportPeriodDays*(len(a.Reports)+1))
		d.TestEndsOn = AddDays(a.TestStartedOn, a.Certified.DurationDays+a.extendedDays())
	}
	return d
}

func (a Application) extendedDays() int {
	n := 0
	for _, e := range a.Extensions {
		if e.Approved {
			n += e.Days
		}
	}
	return n
}

// FlagsOn computes which service levels are overdue on a date.
func (a Application) FlagsOn(p Program, today value.Date) []Flag {
	d := a.DeadlinesIn(p)
	var out []Flag
	switch a.Status {
	case Submitted:
		if today.After(d.AcknowledgeBy) {
			out = append(out, AckOverdue)
		}
	case UnderAssessment, InfoRequested:
		if today.After(d.AssessBy) {
			out = append(out, AssessmentOverdue)
		}
	case Approved:
		if today.After(d.StartBy) {
			out = append(out, ApprovalLapsed)
		}
	case Testing:
		if today.After(d.NextReportBy) {
			out = append(out, ReportOverdue)
		}
	}
	return out
}

// can tells whether side may move the application to a status.
func (a Application) can(to Status, side Side) error {
	allowed, ok := transitions[a.Status][to]
	if !ok {
		return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
			fmt.Sprintf("Không thể chuyển hồ sơ thử nghiệm từ “%s” sang “%s”.", a.Status.Label(false), to.Label(false)),
			fmt.Sprintf("A sandbox application cannot go from “%s” to “%s”.", a.Status.Label(true), to.Label(true)))
	}
	if allowed != side && side != System {
		return errs.Forbidden()
	}
	return nil
}

// move changes the status and records it; side must be allowed to.
func (a *Application) move(to Status, side Side, by, reason string, now time.Time) error {
	if err := a.can(to, side); err != nil {
		return err
	}
	a.History = append(a.History, Transition{At: now, By: by, From: a.Status, To: to, Reason: reason})
	a.Status = to
	return nil
}

// breaches lists the certified limits a report exceeds.
func (r Report) breaches(c Limits) []string {
	var out []string
	if r.Customers > c.MaxCustomers {
		out = append(out, "maxCustomers")
	}
	if c.CapPerCustomer > 0 && r.MaxExposure > c.CapPerCustomer {
		out = append(out, "capPerCustomerVnd")
	}
	if c.TotalCap > 0 && r.Volume > c.TotalCap {
		out = append(out, "totalCapVnd")
	}
	return out
}

// hasCritical reports whether the report has a critical incident.
func (r Report) hasCritical() bool {
	return slices.ContainsFunc(r.Incidents, func(i Incident) bool { return i.Critical })
}
