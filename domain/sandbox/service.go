package sandbox

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// ProgramStore keeps programs.
type ProgramStore interface {
	Create(ctx context.Context, p Program) error
	Get(ctx context.Context, id string) (Program, error)
	GetMany(ctx context.Context, ids []string) (map[string]Program, error)
	All(ctx context.Context) ([]Program, error)
	Update(ctx context.Context, id string, fn func(*Program) error) (Program, error)
}

// Filter narrows a list of applications; zero fields do not filter.
type Filter struct {
	ProgramID string
	StartupID string
	Statuses  []Status
}

// ApplicationStore keeps sandbox applications.
type ApplicationStore interface {
	Create(ctx context.Context, a Application) error
	Get(ctx context.Context, id string) (Application, error)
	Update(ctx context.Context, id string, fn func(*Application) error) (Application, error)
	List(ctx context.Context, f Filter, p value.Page) (value.Slice[Application], error)
	Count(ctx context.Context, f Filter) (int, error)
	All(ctx context.Context, f Filter) ([]Application, error)
}

// Firms finds the startups that apply.
type Firms interface {
	Get(ctx context.Context, id string) (firm.Startup, error)
}

// Service holds the sandbox use-cases.
type Service struct {
	programs ProgramStore
	apps     ApplicationStore
	firms    Firms
	clock    clock.Clock
}

// NewService builds the sandbox use-cases.
func NewService(programs ProgramStore, apps ApplicationStore, firms Firms, c clock.Clock) *Service {
	return &Service{programs: programs, apps: apps, firms: firms, clock: c}
}

// CheckProgram validates a program.
func CheckProgram(p Program) (Program, error) {
	var list errs.List
	var err error
	p.Name, err = value.Text(p.Name, true, 200)
	list.Check(err, "name")
	p.NameEN, err = value.Text(p.NameEN, false, 200)
	list.Check(err, "nameEn")
	p.Limits.check(&list, "limits")
	if len(p.Guides) == 0 {
		p.Guides = DefaultGuides()
	}
	for i, g := range p.Guides {
		if !slices.Contains(Criteria, g.Criterion) {
			list.Add(errs.InvalidValue(fmt.Sprintf("Tiêu chí %q không tồn tại.", g.Criterion),
				fmt.Sprintf("There is no criterion %q.", g.Criterion), "guides", fmt.Sprint(i), "criterion"))
		}
	}
	for field, n := range map[string]int{"ackWorkingDays": p.AckWorkingDays, "assessmentDays": p.AssessmentDays,
		"startWithinDays": p.StartWithinDays, "reportPeriodDays": p.ReportPeriodDays} {
		if n < 1 || n > 1000 {
			list.Add(errs.InvalidValue("Thời hạn phải từ 1 đến 1000 ngày.", "A deadline is 1 to 1000 days.", field))
		}
	}
	return p, list.Err()
}

// CreateProgram registers a program; admins only.
func (s *Service) CreateProgram(ctx context.Context, p Program) (Program, error) {
	if err := policy.CreateSandboxProgram(identity.FromContext(ctx)); err != nil {
		return Program{}, err
	}
	p, err := CheckProgram(p)
	if err != nil {
		return Program{}, err
	}
	p.Meta = record.New(s.clock.Now())
	return p, s.programs.Create(ctx, p)
}

// UpdateProgram replaces a program's settings, e.g. next year's holidays;
// admins only. Running applications follow the new settings from then on.
func (s *Service) UpdateProgram(ctx context.Context, id string, version int64, next Program) (Program, error) {
	if err := policy.CreateSandboxProgram(identity.FromContext(ctx)); err != nil {
		return Program{}, err
	}
	checked, err := CheckProgram(next)
	if err != nil {
		return Program{}, err
	}
	return s.programs.Update(ctx, id, func(p *Program) error {
		if err := p.Touch(version, s.clock.Now()); err != nil {
			return err
		}
		checked.Meta = p.Meta
		*p = checked
		return nil
	})
}

// Programs lists every program; public.
func (s *Service) Programs(ctx context.Context) ([]Program, error) { return s.programs.All(ctx) }

// ProgramsByID returns the programs among ids, for batched loads.
func (s *Service) ProgramsByID(ctx context.Context, ids []string) (map[string]Program, error) {
	return s.programs.GetMany(ctx, ids)
}

func text(s string, required bool, max int, field string, list *errs.List) string {
	out, err := value.Text(s, required, max)
	list.Check(err, field)
	return out
}

// checkProposal validates a proposal against its program; complete asks
// for everything a submission needs.
func checkProposal(in Proposal, p Program, complete bool, today value.Date) (Proposal, error) {
	var list errs.List
	in.Product = text(in.Product, true, 300, "product", &list)
	for _, f := range []struct {
		s     *string
		field string
	}{{&in.Innovation, "innovation"}, {&in.ConsumerBenefit, "consumerBenefit"}, {&in.Readiness, "readiness"},
		{&in.Need, "need"}, {&in.Risks, "risks"}, {&in.Mitigations, "mitigations"}, {&in.Safeguards, "safeguards"},
		{&in.Disclosure, "disclosure"}, {&in.ExitPlan, "exitPlan"}} {
		*f.s = text(*f.s, complete, 5000, f.field, &list)
	}
	if complete {
		in.Requested.check(&list, "requested")
		if in.StartOn.IsZero() {
			list.Add(errs.Required("startOn"))
		} else if today.After(in.StartOn) {
			list.Add(errs.InvalidValue("Ngày bắt đầu không được ở quá khứ.", "The start date cannot be in the past.", "startOn"))
		}
	}
	for _, field := range in.Requested.exceeding(p.Limits) {
		list.Add(errs.InvalidValue("Vượt giới hạn của chương trình thử nghiệm.", "Beyond the program's limits.", "requested", field))
	}
	var under errs.List // every problem is of the proposal
	under.Check(list.Err(), "proposal")
	return in, under.Err()
}

// CreateDraft starts an application of a startup, by its members.
func (s *Service) CreateDraft(ctx context.Context, programID, startupID string, in Proposal) (Application, error) {
	if err := policy.ApplyFor(identity.FromContext(ctx), startupID); err != nil {
		return Application{}, err
	}
	p, err := s.programs.Get(ctx, programID)
	if err != nil {
		return Application{}, atField(err, "programId")
	}
	if _, err := s.firms.Get(ctx, startupID); err != nil {
		return Application{}, atField(err, "startupId")
	}
	now := s.clock.Now()
	in, err = checkProposal(in, p, false, value.DateOf(now))
	if err != nil {
		return Application{}, err
	}
	a := Application{Meta: record.New(now), ProgramID: p.ID, StartupID: startupID, Proposal: in, Status: Draft}
	return a, s.apps.Create(ctx, a)
}

// change runs a change on an application at the version the caller saw,
// with its program; the caller's side is worked out from who they are.
func (s *Service) change(ctx context.Context, id string, version int64, fn func(*Application, Program, Side) error) (Application, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Application{}, err
	}
	a, err := s.apps.Update(ctx, id, func(a *Application) error {
		prog, err := s.programs.Get(ctx, a.ProgramID)
		if err != nil {
			return err
		}
		var side Side
		switch {
		case policy.ApplyFor(p, a.StartupID) == nil:
			side = FirmSide
		case policy.ManageSandbox(p, a.ProgramID) == nil:
			side = RegulatorSide
		default:
			return errs.Forbidden()
		}
		if version != anyVersion {
			if err := a.Touch(version, s.clock.Now()); err != nil {
				return err
			}
		}
		return fn(a, prog, side)
	})
	if err != nil {
		return Application{}, fmt.Errorf("sandbox application %s: %w", id, err)
	}
	return a, nil
}

// atField puts a not-found error on the input field that named the record.
func atField(err error, field string) error {
	if es := errs.Flatten(err); len(es) == 1 && es[0].Kind == errs.NotFound {
		return es[0].At(field)
	}
	return err
}

// anyVersion marks changes that carry no client version (reports).
const anyVersion = -1

func only(side, want Side) error {
	if side != want {
		return errs.Forbidden()
	}
	return nil
}

// UpdateDraft replaces a draft's proposal.
func (s *Service) UpdateDraft(ctx context.Context, id string, version int64, in Proposal) (Application, error) {
	return s.change(ctx, id, version, func(a *Application, p Program, side Side) error {
		if err := only(side, FirmSide); err != nil {
			return err
		}
		if a.Status != Draft {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil, "Chỉ sửa được hồ sơ nháp.", "Only a draft can be edited.")
		}
		checked, err := checkProposal(in, p, false, value.DateOf(s.clock.Now()))
		a.Proposal = checked
		return err
	})
}

// Action is a change of status that needs nothing but a reason.
type Action string

// The simple actions.
const (
	Submit      Action = "SUBMIT"          // firm: DRAFT → SUBMITTED, checked in full
	Acknowledge Action = "ACKNOWLEDGE"     // regulator: SUBMITTED → UNDER_ASSESSMENT
	Reject      Action = "REJECT"          // regulator, with reasons
	StartTest   Action = "START_TEST"      // firm: APPROVED → TESTING, within the start window
	Suspend     Action = "SUSPEND"         // regulator: TESTING → SUSPENDED
	Lift        Action = "LIFT_SUSPENSION" // regulator: SUSPENDED → TESTING
	Withdraw    Action = "WITHDRAW"        // firm, before testing
)

// Act applies a simple action.
func (s *Service) Act(ctx context.Context, id string, version int64, action Action, reason string) (Application, error) {
	by := identity.FromContext(ctx).Subject
	reason = strings.TrimSpace(reason)
	return s.change(ctx, id, version, func(a *Application, p Program, side Side) error {
		now := s.clock.Now()
		today := value.DateOf(now)
		switch action {
		case Submit:
			if err := a.can(Submitted, side); err != nil {
				return err
			}
			checked, err := checkProposal(a.Proposal, p, true, today)
			if err != nil {
				return err
			}
			a.Proposal, a.SubmittedOn = checked, today
			return a.move(Submitted, side, by, reason, now)
		case Acknowledge:
			a.AcknowledgedOn = today
			return a.move(UnderAssessment, side, by, reason, now)
		case Reject:
			if reason == "" {
				return errs.Required("reason")
			}
			a.RejectReasons = reason
			return a.move(Rejected, side, by, reason, now)
		case StartTest:
			if a.Status == Approved && today.After(a.DeadlinesIn(p).StartBy) {
				return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
					"Phê duyệt đã hết hiệu lực do không bắt đầu thử nghiệm đúng hạn.",
					"The approval lapsed: testing did not start in time.")
			}
			a.TestStartedOn = today
			return a.move(Testing, side, by, reason, now)
		case Suspend, Lift:
			if reason == "" {
				return errs.Required("reason")
			}
			to := Suspended
			if action == Lift {
				to = Testing
			}
			return a.move(to, side, by, reason, now)
		case Withdraw:
			return a.move(Withdrawn, side, by, reason, now)
		}
		return errs.InvalidValue(fmt.Sprintf("Thao tác %q không hợp lệ.", action), fmt.Sprintf("Action %q is not valid.", action), "action")
	})
}

// RequestInfo asks the firm a question, pausing the assessment.
func (s *Service) RequestInfo(ctx context.Context, id string, version int64, question string) (Application, error) {
	by := identity.FromContext(ctx).Subject
	return s.change(ctx, id, version, func(a *Application, _ Program, side Side) error {
		q, err := value.Text(question, true, 5000)
		if err != nil {
			return errs.Flatten(err)[0].At("question")
		}
		now := s.clock.Now()
		if err := a.move(InfoRequested, side, by, q, now); err != nil {
			return err
		}
		a.InfoRequests = append(a.InfoRequests, InfoRequest{At: now, Question: q})
		return nil
	})
}

// AnswerInfo answers the open question and resumes the assessment.
func (s *Service) AnswerInfo(ctx context.Context, id string, version int64, answer string) (Application, error) {
	by := identity.FromContext(ctx).Subject
	return s.change(ctx, id, version, func(a *Application, _ Program, side Side) error {
		ans, err := value.Text(answer, true, 10000)
		if err != nil {
			return errs.Flatten(err)[0].At("answer")
		}
		now := s.clock.Now()
		if err := a.move(UnderAssessment, side, by, "", now); err != nil {
			return err
		}
		last := &a.InfoRequests[len(a.InfoRequests)-1]
		last.Answer, last.AnsweredAt = ans, now
		return nil
	})
}

// Assess records a regulator's finding on every criterion.
func (s *Service) Assess(ctx context.Context, id string, version int64, findings []Finding) (Application, error) {
	by := identity.FromContext(ctx).Subject
	return s.change(ctx, id, version, func(a *Application, _ Program, side Side) error {
		if err := only(side, RegulatorSide); err != nil {
			return err
		}
		if a.Status != UnderAssessment {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				"Chỉ đánh giá hồ sơ đang thẩm định.", "Only an application under assessment is assessed.")
		}
		var list errs.List
		seen := map[string]bool{}
		for i, f := range findings {
			if !slices.Contains(Criteria, f.Criterion) || seen[f.Criterion] {
				list.Add(errs.InvalidValue(fmt.Sprintf("Tiêu chí %q không hợp lệ hoặc bị lặp.", f.Criterion),
					fmt.Sprintf("Criterion %q is unknown or repeated.", f.Criterion), "findings", fmt.Sprint(i), "criterion"))
			}
			seen[f.Criterion] = true
		}
		for _, c := range Criteria {
			if !seen[c] {
				list.Add(errs.Required("findings", c))
			}
		}
		if err := list.Err(); err != nil {
			return err
		}
		a.Assessments = append(a.Assessments, Assessment{By: by, At: s.clock.Now(), Findings: findings})
		return nil
	})
}

// Approve certifies the test parameters, which may be tighter than those
// requested but not looser, with conditions. The latest assessment must have
// found every criterion met.
func (s *Service) Approve(ctx context.Context, id string, version int64, certified Limits, conditions []string) (Application, error) {
	by := identity.FromContext(ctx).Subject
	return s.change(ctx, id, version, func(a *Application, p Program, side Side) error {
		if err := only(side, RegulatorSide); err != nil {
			return err
		}
		if n := len(a.Assessments); n == 0 || slices.ContainsFunc(a.Assessments[n-1].Findings, func(f Finding) bool { return !f.Met }) {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				"Cần một đánh giá đạt mọi tiêu chí trước khi phê duyệt.", "Approval needs an assessment that finds every criterion met.")
		}
		var list errs.List
		certified.check(&list, "certified")
		for _, field := range certified.exceeding(a.Requested) {
			list.Add(errs.InvalidValue("Không được rộng hơn mức doanh nghiệp đề nghị.", "Cannot be looser than requested.", "certified", field))
		}
		if err := list.Err(); err != nil {
			return err
		}
		a.Certified, a.Conditions, a.ApprovedOn = certified, conditions, value.DateOf(s.clock.Now())
		return a.move(Approved, side, by, strings.Join(conditions, "; "), s.clock.Now())
	})
}

// SubmitReport records a periodic report; limits it exceeds are recorded as
// breaches, and a critical incident suspends the test at once.
func (s *Service) SubmitReport(ctx context.Context, id string, r Report) (Application, error) {
	return s.change(ctx, id, anyVersion, func(a *Application, _ Program, side Side) error {
		if err := only(side, FirmSide); err != nil {
			return err
		}
		if a.Status != Testing && a.Status != Suspended {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				"Chỉ báo cáo khi đang thử nghiệm.", "Reports are made during testing only.")
		}
		if r.Customers < 0 || r.Transactions < 0 || r.Complaints < 0 || r.Volume < 0 || r.MaxExposure < 0 {
			return errs.InvalidValue("Số liệu không được âm.", "Figures cannot be negative.")
		}
		for i, m := range r.Metrics {
			name, err := value.Text(m.Name, true, 200)
			if err != nil {
				return errs.Flatten(err)[0].At("metrics", fmt.Sprint(i), "name")
			}
			r.Metrics[i].Name = name
		}
		now := s.clock.Now()
		r.SubmittedAt, r.Breaches = now, r.breaches(a.Certified)
		a.Reports = append(a.Reports, r)
		if r.hasCritical() && a.Status == Testing {
			return a.move(Suspended, System, "innoport", "critical incident reported", now)
		}
		return nil
	})
}

// RequestExtension asks to extend the test.
func (s *Service) RequestExtension(ctx context.Context, id string, version int64, days int, reason string) (Application, error) {
	return s.change(ctx, id, version, func(a *Application, p Program, side Side) error {
		if err := only(side, FirmSide); err != nil {
			return err
		}
		if a.Status != Testing || slices.ContainsFunc(a.Extensions, func(e Extension) bool { return !e.Decided }) {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				"Chỉ gia hạn khi đang thử nghiệm và không có đề nghị đang chờ.", "Extensions are asked during testing, one at a time.")
		}
		if days < 1 || a.Certified.DurationDays+a.extendedDays()+days > p.Limits.DurationDays {
			return errs.InvalidValue("Vượt thời hạn tối đa của chương trình.", "Beyond the program's longest test.", "days")
		}
		r, err := value.Text(reason, true, 2000)
		if err != nil {
			return errs.Flatten(err)[0].At("reason")
		}
		a.Extensions = append(a.Extensions, Extension{Days: days, Reason: r, At: s.clock.Now()})
		return nil
	})
}

// DecideExtension approves or refuses the pending extension.
func (s *Service) DecideExtension(ctx context.Context, id string, version int64, approve bool) (Application, error) {
	by := identity.FromContext(ctx).Subject
	return s.change(ctx, id, version, func(a *Application, _ Program, side Side) error {
		if err := only(side, RegulatorSide); err != nil {
			return err
		}
		i := slices.IndexFunc(a.Extensions, func(e Extension) bool { return !e.Decided })
		if i < 0 {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil, "Không có đề nghị gia hạn.", "No extension is pending.")
		}
		a.Extensions[i].Decided, a.Extensions[i].Approved, a.Extensions[i].DecidedBy = true, approve, by
		return nil
	})
}

// Exit ends the test with an outcome.
func (s *Service) Exit(ctx context.Context, id string, version int64, outcome Outcome, reason string) (Application, error) {
	by := identity.FromContext(ctx).Subject
	return s.change(ctx, id, version, func(a *Application, _ Program, side Side) error {
		switch outcome {
		case Graduated, Extended, Terminated:
		default:
			return errs.InvalidValue(fmt.Sprintf("Kết quả %q không hợp lệ.", outcome), fmt.Sprintf("Outcome %q is not valid.", outcome), "outcome")
		}
		if outcome == Graduated && a.Status == Suspended {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, []string{"outcome"},
				"Thử nghiệm đang tạm dừng không thể hoàn thành.", "A suspended test cannot graduate.")
		}
		a.Outcome = outcome
		return a.move(Exited, side, by, reason, s.clock.Now())
	})
}

// FlagOverdue recomputes every open application's overdue flags, writing
// only those that changed; the deadline job.
func (s *Service) FlagOverdue(ctx context.Context) (int, error) {
	open, err := s.apps.All(ctx, Filter{Statuses: []Status{Submitted, UnderAssessment, InfoRequested, Approved, Testing}})
	if err != nil {
		return 0, err
	}
	flagged, done := 0, map[string]Program{}
	today := value.DateOf(s.clock.Now())
	for _, a := range open {
		p, ok := done[a.ProgramID]
		if !ok {
			if p, err = s.programs.Get(ctx, a.ProgramID); err != nil {
				return flagged, err
			}
			done[a.ProgramID] = p
		}
		flags := a.FlagsOn(p, today)
		if slices.Equal(flags, a.Flags) {
			continue
		}
		if _, err := s.apps.Update(ctx, a.ID, func(x *Application) error {
			x.Flags = x.FlagsOn(p, today)
			return nil
		}); err != nil {
			return flagged, err
		}
		flagged++
	}
	return flagged, nil
}

// Application returns an application to its firm's members and the
// program's regulators.
func (s *Service) Application(ctx context.Context, id string) (Application, error) {
	a, err := s.apps.Get(ctx, id)
	if err != nil {
		return Application{}, err
	}
	p := identity.FromContext(ctx)
	if policy.ApplyFor(p, a.StartupID) != nil {
		if err := policy.ManageSandbox(p, a.ProgramID); err != nil {
			return Application{}, err
		}
	}
	return a, nil
}

// Applications lists a program's applications for its regulators, or a
// startup's own for its members.
func (s *Service) Applications(ctx context.Context, f Filter, pg value.Page) (value.Slice[Application], error) {
	p := identity.FromContext(ctx)
	switch {
	case f.ProgramID != "" && policy.ManageSandbox(p, f.ProgramID) == nil:
	case f.StartupID != "" && policy.ApplyFor(p, f.StartupID) == nil:
	default:
		if err := policy.Authenticated(p); err != nil {
			return value.Slice[Application]{}, err
		}
		return value.Slice[Application]{}, errs.Forbidden()
	}
	return s.apps.List(ctx, f, pg)
}

// Mine is the filter of the caller's own sandbox applications: its
// startup's for a member, its programme's for a regulator; false when the
// caller has none.
func Mine(p identity.Principal) (Filter, bool) {
	switch {
	case p.OrgID != "" && p.Has(identity.RoleStartupMember):
		return Filter{StartupID: p.OrgID}, true
	case p.OrgID != "" && p.Has(identity.RoleRegulator):
		return Filter{ProgramID: p.OrgID}, true
	}
	return Filter{}, false
}

// CountApplications counts what Applications lists (the caller was checked
// when listing).
func (s *Service) CountApplications(ctx context.Context, f Filter) (int, error) {
	if _, err := s.Applications(ctx, f, value.Page{}); err != nil {
		return 0, err
	}
	return s.apps.Count(ctx, f)
}

// Register is the public register of firms in or after testing.
func (s *Service) Register(ctx context.Context, pg value.Page) (value.Slice[Application], error) {
	return s.apps.List(ctx, Registered, pg)
}

// CountRegister counts the firms of the public register.
func (s *Service) CountRegister(ctx context.Context) (int, error) {
	return s.apps.Count(ctx, Registered)
}

// Registered selects the applications the public register lists.
var Registered = Filter{Statuses: []Status{Testing, Suspended, Exited}}
