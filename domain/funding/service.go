package funding

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/clock"
	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// StartupReader loads startups, for eligibility and conflict checks.
type StartupReader interface {
	Get(ctx context.Context, id string) (firm.Startup, error)
}

// ActorReader loads the incubators, mentors and investors reviewers are linked to.
type ActorReader interface {
	IncubatorExists(ctx context.Context, id string) (bool, error)
	Mentor(ctx context.Context, id string) (ecosystem.Mentor, error)
	Investor(ctx context.Context, id string) (ecosystem.Investor, error)
}

// Stores are what the funding use-cases keep their data in.
type Stores struct {
	Funds        FundStore
	Calls        CallStore
	Applications ApplicationStore
	Reviewers    ReviewerStore
}

// Service holds the funding use-cases.
type Service struct {
	st       Stores
	startups StartupReader
	actors   ActorReader
	clock    clock.Clock
	changed  record.Listeners[Call]
	moved    record.Listeners[Application]
}

// OnCallChange registers fn to be told of every call published, edited,
// closed, cancelled or decided, after the write; fn must not block.
func (s *Service) OnCallChange(fn func(Call)) { s.changed.On(fn) }

// OnApplicationMoved registers fn to be told of every application the
// fund's side moved (under review, shortlisted, awarded, rejected), after
// the write; fn must not block.
func (s *Service) OnApplicationMoved(fn func(Application)) { s.moved.On(fn) }

// NewService builds the funding use-cases.
func NewService(s Stores, startups StartupReader, actors ActorReader, c clock.Clock) *Service {
	return &Service{st: s, startups: startups, actors: actors, clock: c}
}

// Now is the service clock's time.
func (s *Service) Now() time.Time { return s.clock.Now() }

// Funds returns every fund.
func (s *Service) Funds(ctx context.Context) ([]Fund, error) { return s.st.Funds.All(ctx) }

// FundsByID returns the funds that exist among ids, for batched loads.
func (s *Service) FundsByID(ctx context.Context, ids []string) (map[string]Fund, error) {
	return s.st.Funds.GetMany(ctx, ids)
}

// Call returns one funding call. Drafts are visible to the fund's managers only.
func (s *Service) Call(ctx context.Context, id string) (Call, error) {
	c, err := s.st.Calls.Get(ctx, id)
	if err != nil {
		return Call{}, err
	}
	if c.Status == CallDraft && policy.ManageFund(identity.FromContext(ctx), c.FundID) != nil {
		return Call{}, EntityCall.NotFound()
	}
	return c, nil
}

// CallsByID returns the calls that exist among ids, for batched loads.
func (s *Service) CallsByID(ctx context.Context, ids []string) (map[string]Call, error) {
	return s.st.Calls.GetMany(ctx, ids)
}

// ListCalls returns a page of the calls matching f that the caller may see:
// drafts only to their fund's managers and admins.
func (s *Service) ListCalls(ctx context.Context, f CallFilter, p value.Page) (value.Slice[Call], error) {
	return s.st.Calls.List(ctx, s.visible(ctx, f), p)
}

// CountCalls counts the calls matching f that the caller may see.
func (s *Service) CountCalls(ctx context.Context, f CallFilter) (int, error) {
	return s.st.Calls.Count(ctx, s.visible(ctx, f))
}

func (s *Service) visible(ctx context.Context, f CallFilter) CallFilter {
	p := identity.FromContext(ctx)
	f.AllDrafts = p.Has(identity.RoleAdmin)
	if p.Has(identity.RoleFundManager) && p.OrgID != "" {
		f.DraftsOf = []string{p.OrgID}
	}
	return f
}

// CallsByFund returns the calls of each fund the caller may see, for
// batched loads: drafts only to the fund's managers.
func (s *Service) CallsByFund(ctx context.Context, fundIDs []string) (map[string][]Call, error) {
	m, err := s.st.Calls.ByFund(ctx, fundIDs)
	p := identity.FromContext(ctx)
	for fund, calls := range m {
		if policy.ManageFund(p, fund) != nil {
			m[fund] = deleteWhere(calls, func(c Call) bool { return c.Status == CallDraft })
		}
	}
	return m, err
}

// CreateCall drafts a call of a fund.
func (s *Service) CreateCall(ctx context.Context, fundID string, in CallInput) (Call, error) {
	if err := policy.ManageFund(identity.FromContext(ctx), fundID); err != nil {
		return Call{}, err
	}
	if _, err := s.st.Funds.Get(ctx, fundID); err != nil {
		return Call{}, fieldIfNotFound(err, "fundId")
	}
	spec, err := NewCallSpec(in)
	if err != nil {
		return Call{}, err
	}
	c := Call{Meta: record.New(s.clock.Now()), FundID: fundID, Status: CallDraft, CallSpec: spec}
	if err := s.st.Calls.Create(ctx, c); err != nil {
		return Call{}, fmt.Errorf("create call: %w", err)
	}
	return c, nil
}

// changeCall runs a change on a call the caller manages, at the version they saw.
func (s *Service) changeCall(ctx context.Context, id string, version int64, change func(*Call) error) (Call, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Call{}, err
	}
	c, err := s.st.Calls.Update(ctx, id, func(c *Call) error {
		if err := policy.ManageFund(p, c.FundID); err != nil {
			return err
		}
		if err := c.Touch(version, s.clock.Now()); err != nil {
			return err
		}
		return change(c)
	})
	if err != nil {
		return Call{}, fmt.Errorf("change call %s: %w", id, err)
	}
	s.changed.Notify(c)
	return c, nil
}

// UpdateCall edits a call (see Call.Edit for what may change when).
func (s *Service) UpdateCall(ctx context.Context, id string, version int64, p CallPatch) (Call, error) {
	return s.changeCall(ctx, id, version, func(c *Call) error { return c.Edit(p) })
}

// PublishCall opens a draft call for applications.
func (s *Service) PublishCall(ctx context.Context, id string, version int64) (Call, error) {
	return s.changeCall(ctx, id, version, func(c *Call) error { return c.Publish(s.clock.Now()) })
}

// CloseCall stops an open call taking applications before its deadline.
func (s *Service) CloseCall(ctx context.Context, id string, version int64) (Call, error) {
	return s.changeCall(ctx, id, version, func(c *Call) error { return c.Close() })
}

// CancelCall cancels a call that has not been decided.
func (s *Service) CancelCall(ctx context.Context, id string, version int64, reason string) (Call, error) {
	return s.changeCall(ctx, id, version, func(c *Call) error { return c.Cancel(reason) })
}

// DecideCall marks a closed call decided once every application is decided.
func (s *Service) DecideCall(ctx context.Context, id string, version int64) (Call, error) {
	pending := 0
	for _, st := range []AppStatus{AppSubmitted, AppUnderReview, AppShortlisted} {
		n, err := s.st.Applications.Count(ctx, ApplicationFilter{CallID: id, Status: st})
		if err != nil {
			return Call{}, err
		}
		pending += n
	}
	if pending > 0 {
		return Call{}, errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
			fmt.Sprintf("Còn %d hồ sơ chưa có quyết định.", pending),
			fmt.Sprintf("%d applications still await a decision.", pending))
	}
	return s.changeCall(ctx, id, version, func(c *Call) error { return c.Decide() })
}

// CloseDueCalls closes every open call whose deadline has passed and returns
// how many it closed. Several replicas may run it at once: each close is a
// conditional write, so a call is closed once.
func (s *Service) CloseDueCalls(ctx context.Context) (int, error) {
	now := s.clock.Now()
	due, err := s.st.Calls.Due(ctx, now)
	if err != nil {
		return 0, err
	}
	closed := 0
	for _, c := range due {
		c, err := s.st.Calls.Update(ctx, c.ID, func(c *Call) error {
			if c.Status != CallOpen || c.ClosesAt.After(now) {
				return errNothingToDo
			}
			c.UpdatedAt = now
			return c.Close()
		})
		switch {
		case err == nil:
			closed++
			s.changed.Notify(c)
		case !errors.Is(err, errNothingToDo):
			return closed, fmt.Errorf("close call %s: %w", c.ID, err)
		}
	}
	return closed, nil
}

var errNothingToDo = errors.New("nothing to do")

// CheckEligibility evaluates a call's rules for a startup without applying.
// The startup's members, the fund's managers and admins may ask.
func (s *Service) CheckEligibility(ctx context.Context, callID, startupID string) (Eligibility, error) {
	c, st, err := s.callAndStartup(ctx, callID, startupID)
	if err != nil {
		return Eligibility{}, err
	}
	p := identity.FromContext(ctx)
	if policy.ApplyFor(p, st.ID) != nil {
		if err := policy.ManageFund(p, c.FundID); err != nil {
			return Eligibility{}, err
		}
	}
	return c.CheckEligibility(st, value.DateOf(s.clock.Now())), nil
}

func (s *Service) callAndStartup(ctx context.Context, callID, startupID string) (Call, firm.Startup, error) {
	c, err := s.Call(ctx, callID)
	if err != nil {
		return Call{}, firm.Startup{}, fieldIfNotFound(err, "callId")
	}
	st, err := s.startups.Get(ctx, startupID)
	if err != nil {
		return Call{}, firm.Startup{}, fieldIfNotFound(err, "startupId")
	}
	return c, st, nil
}

// Submission is a startup's application as it arrives.
type Submission struct {
	CallID, StartupID string
	IdempotencyKey    string
	Requested         int64
	Answers           []Answer
	Draft             bool // save without submitting; checked in full on submission
}

// SubmitApplication applies a startup to a call (or saves a draft). The same
// idempotency key always answers the same application and never creates a
// second; a startup applies to a call once.
func (s *Service) SubmitApplication(ctx context.Context, in Submission) (Application, error) {
	p := identity.FromContext(ctx)
	if err := policy.ApplyFor(p, in.StartupID); err != nil {
		return Application{}, err
	}
	key, err := value.Text(in.IdempotencyKey, true, 100)
	if err != nil {
		return Application{}, errs.Flatten(err)[0].At("idempotencyKey")
	}
	fingerprint := in.fingerprint()
	if prev, found, err := s.st.Applications.ByIdempotencyKey(ctx, in.StartupID, key); err != nil || found {
		return replay(prev, in.CallID, fingerprint, err)
	}
	c, st, err := s.callAndStartup(ctx, in.CallID, in.StartupID)
	if err != nil {
		return Application{}, err
	}
	now := s.clock.Now()
	a := Application{Meta: record.New(now), CallID: c.ID, StartupID: st.ID, IdempotencyKey: key, RequestHash: fingerprint,
		Status: AppDraft, Answers: in.Answers}
	if a.Requested, err = value.NewVND(in.Requested); err != nil {
		return Application{}, errs.Flatten(err)[0].At("requestedAmountVnd")
	}
	if in.Draft {
		if a.Answers, err = c.checkAnswers(in.Answers, false); err != nil {
			return Application{}, err
		}
	} else if err := s.submit(&a, c, st, p.Subject, now); err != nil {
		return Application{}, err
	}
	if err := s.st.Applications.Create(ctx, a); err != nil {
		// A concurrent request with the same key may have won the race.
		if prev, found, lookupErr := s.st.Applications.ByIdempotencyKey(ctx, in.StartupID, key); lookupErr == nil && found {
			return replay(prev, in.CallID, fingerprint, nil)
		}
		return Application{}, fmt.Errorf("submit application: %w", err)
	}
	return a, nil
}

// replay answers a repeated idempotency key with the application it created,
// provided the request is the same one: for the same call, with the same
// fingerprint (as the IETF Idempotency-Key draft and Stripe do).
func replay(prev Application, callID, fingerprint string, err error) (Application, error) {
	if err != nil {
		return Application{}, err
	}
	if prev.CallID != callID {
		return Application{}, errs.New(errs.Conflict, errs.CodeIdempotencyKeyReused, []string{"idempotencyKey"},
			"Khóa chống trùng lặp này đã được dùng cho một hồ sơ khác.",
			"This idempotency key was already used for another application.")
	}
	if prev.RequestHash != "" && prev.RequestHash != fingerprint {
		return Application{}, errs.New(errs.Conflict, errs.CodeIdempotencyKeyReused, []string{"idempotencyKey"},
			"Khóa chống trùng lặp này đã được dùng cho một yêu cầu khác (số tiền, câu trả lời hoặc chế độ nháp khác); hãy dùng khóa mới.",
			"This idempotency key was already used for a different request (another amount, other answers or draft mode); use a new key.")
	}
	return prev, nil
}

// fingerprint identifies the request apart from its idempotency key: the
// call, the amount, the answers as sent and whether it is a draft.
func (in Submission) fingerprint() string {
	b, err := json.Marshal(struct {
		CallID    string
		Requested int64
		Answers   []Answer
		Draft     bool
	}{in.CallID, in.Requested, in.Answers, in.Draft})
	if err != nil { // plain strings, numbers and slices always encode
		panic(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// submit runs every check a submission must pass and moves the application
// from DRAFT to SUBMITTED.
func (s *Service) submit(a *Application, c Call, st firm.Startup, by string, now time.Time) error {
	if !c.AcceptsAt(now) {
		return errs.New(errs.FailedPrecondition, errs.CodeCallNotOpen, []string{"callId"},
			fmt.Sprintf("Đợt kêu gọi không nhận hồ sơ lúc này (nhận từ %s đến trước %s, giờ Việt Nam).",
				value.Local(c.OpensAt), value.Local(c.ClosesAt)),
			fmt.Sprintf("The call does not take applications now (it takes them from %s until before %s, Vietnam time).",
				value.Local(c.OpensAt), value.Local(c.ClosesAt)))
	}
	var list errs.List
	if !c.Ticket.Contains(a.Requested) {
		list.Add(errs.InvalidValue(
			fmt.Sprintf("Số tiền đề nghị phải từ %s đến %s.", c.Ticket.Min, c.Ticket.Max),
			fmt.Sprintf("The requested amount must be between %s and %s.", c.Ticket.Min.EN(), c.Ticket.Max.EN()), "requestedAmountVnd"))
	}
	answers, err := c.checkAnswers(a.Answers, true)
	list.Add(err)
	list.Add(c.CheckEligibility(st, value.DateOf(now)).Err())
	if err := list.Err(); err != nil {
		return err
	}
	a.Answers = answers
	return a.move(AppSubmitted, Applicant, by, "", now)
}

// UpdateDraft changes the amount and answers of a draft application, for
// the startup's members; required answers may still be missing.
func (s *Service) UpdateDraft(ctx context.Context, id string, version int64, requested int64, answers []Answer) (Application, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Application{}, err
	}
	amount, err := value.NewVND(requested)
	if err != nil {
		return Application{}, errs.Flatten(err)[0].At("requestedAmountVnd")
	}
	return s.changeApplication(ctx, id, version, func(a *Application, c Call) error {
		if err := policy.ApplyFor(p, a.StartupID); err != nil {
			return err
		}
		if a.Status != AppDraft {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				"Chỉ sửa được hồ sơ nháp.", "Only a draft application can be edited.")
		}
		checked, err := c.checkAnswers(answers, false)
		if err != nil {
			return err
		}
		a.Requested, a.Answers = amount, checked
		return nil
	})
}

// TransitionApplication moves an application to another status: the startup
// submits a draft or withdraws; the fund reviews, shortlists, awards or
// rejects. Shortlisting and awarding wait until the call has closed.
func (s *Service) TransitionApplication(ctx context.Context, id string, to AppStatus, version int64, reason string) (Application, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Application{}, err
	}
	reason, err := value.Text(reason, false, 2000)
	if err != nil {
		return Application{}, errs.Flatten(err)[0].At("reason")
	}
	return s.changeApplication(ctx, id, version, func(a *Application, c Call) error {
		now := s.clock.Now()
		var side Side
		switch {
		case policy.ApplyFor(p, a.StartupID) == nil:
			side = Applicant
		case policy.ManageFund(p, c.FundID) == nil:
			side = FundSide
		default:
			return errs.Forbidden()
		}
		if (to == AppShortlisted || to == AppAwarded) && c.Status != CallClosed {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, []string{"to"},
				"Chỉ chọn và trao tài trợ sau khi đợt kêu gọi đã đóng.",
				"Shortlisting and awards wait until the call has closed.")
		}
		if to == AppSubmitted && side == Applicant {
			st, err := s.startups.Get(ctx, a.StartupID)
			if err != nil {
				return err
			}
			return s.submit(a, c, st, p.Subject, now)
		}
		return a.move(to, side, p.Subject, reason, now)
	})
}

// anyVersion is the version of changes that carry none from the client
// (reviews, assignments): they apply to whatever version is current, and a
// lost race is retried rather than reported.
const anyVersion = -1

// changeApplication runs a change on an application, with its call at hand,
// at the version the caller saw (or anyVersion).
func (s *Service) changeApplication(ctx context.Context, id string, version int64, change func(*Application, Call) error) (Application, error) {
	var before AppStatus
	a, err := s.st.Applications.Update(ctx, id, func(a *Application) error {
		before = a.Status
		c, err := s.st.Calls.Get(ctx, a.CallID)
		if err != nil {
			return err
		}
		if version == anyVersion {
			version = a.Version
		}
		if err := a.Touch(version, s.clock.Now()); err != nil {
			return err
		}
		return change(a, c)
	})
	if err != nil {
		return Application{}, fmt.Errorf("change application %s: %w", id, err)
	}
	if a.Status != before && transitions[before][a.Status] == FundSide {
		s.moved.Notify(a)
	}
	return a, nil
}

// AssignReviewers puts reviewers on an application and moves it under
// review. A reviewer with a conflict of interest — of the startup's
// incubator, mentoring it, or acting for an investor holding a stake in it —
// or who declared one, is refused with CONFLICT_OF_INTEREST.
func (s *Service) AssignReviewers(ctx context.Context, id string, reviewerIDs []string) (Application, error) {
	p := identity.FromContext(ctx)
	if err := policy.Authenticated(p); err != nil {
		return Application{}, err
	}
	if len(reviewerIDs) == 0 {
		return Application{}, errs.Required("reviewerIds")
	}
	reviewers, err := s.st.Reviewers.GetMany(ctx, reviewerIDs)
	if err != nil {
		return Application{}, err
	}
	affiliations := map[string]Affiliations{}
	for _, r := range reviewers {
		if affiliations[r.ID], err = s.affiliations(ctx, r); err != nil {
			return Application{}, err
		}
	}
	app, err := s.st.Applications.Get(ctx, id)
	if err != nil {
		return Application{}, err
	}
	st, err := s.startups.Get(ctx, app.StartupID)
	if err != nil {
		return Application{}, err
	}
	return s.changeApplication(ctx, id, anyVersion, func(a *Application, c Call) error {
		if err := policy.ManageFund(p, c.FundID); err != nil {
			return err
		}
		if a.Status.Decided() || a.Status == AppDraft {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				fmt.Sprintf("Không thể phân công đánh giá hồ sơ ở trạng thái “%s”.", a.Status.Label(false)),
				fmt.Sprintf("An application that is “%s” cannot be assigned reviewers.", a.Status.Label(true)))
		}
		now := s.clock.Now()
		var list errs.List
		for i, rid := range reviewerIDs {
			at := []string{"reviewerIds", fmt.Sprint(i)}
			r, ok := reviewers[rid]
			if !ok {
				list.Add(EntityReviewer.NotFound(at...))
				continue
			}
			if c, declared := a.conflicted(rid); declared {
				list.Add(errs.New(errs.Conflict, errs.CodeConflictOfInterest, at,
					"Người đánh giá đã khai báo xung đột lợi ích: "+c.Reason, "The reviewer declared a conflict of interest: "+c.Reason))
				continue
			}
			if vi, en, conflict := r.conflictWith(st, affiliations[rid]); conflict {
				list.Add(errs.New(errs.Conflict, errs.CodeConflictOfInterest, at, vi, en))
				continue
			}
			if !a.IsAssigned(rid) {
				a.Assignments = append(a.Assignments, Assignment{ReviewerID: rid, AssignedAt: now, AssignedBy: p.Subject})
			}
		}
		if err := list.Err(); err != nil {
			return err
		}
		if a.Status == AppSubmitted {
			return a.move(AppUnderReview, FundSide, p.Subject, "reviewers assigned", now)
		}
		return nil
	})
}

// affiliations loads the mentor profile and investor a reviewer is linked
// to; a link to a record that does not exist is a NOT_FOUND error on its
// field, never silently skipped, since it would hide a conflict.
func (s *Service) affiliations(ctx context.Context, r Reviewer) (Affiliations, error) {
	m, err := loadLinked(ctx, r.MentorID, s.actors.Mentor)
	if err != nil {
		return Affiliations{}, fieldIfNotFound(err, "mentorId")
	}
	inv, err := loadLinked(ctx, r.InvestorID, s.actors.Investor)
	if err != nil {
		return Affiliations{}, fieldIfNotFound(err, "investorId")
	}
	return Affiliations{Mentor: m, Investor: inv}, nil
}

// loadLinked loads the record an optional link names: nil for no link.
func loadLinked[T any](ctx context.Context, id string, get func(context.Context, string) (T, error)) (*T, error) {
	if id == "" {
		return nil, nil
	}
	v, err := get(ctx, id)
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// reviewerFor returns the caller's reviewer profile that is on the application.
func (s *Service) reviewerFor(ctx context.Context, a Application) (Reviewer, error) {
	p := identity.FromContext(ctx)
	mine, err := s.st.Reviewers.BySubject(ctx, p.Subject)
	if err != nil {
		return Reviewer{}, err
	}
	for _, r := range mine {
		if a.IsAssigned(r.ID) && policy.ActAsReviewer(p, r.Subject) == nil {
			return r, nil
		}
	}
	if err := policy.Authenticated(p); err != nil {
		return Reviewer{}, err
	}
	return Reviewer{}, errs.Forbidden()
}

// assignedReviewer returns the caller's reviewer profile that is on
// application id.
func (s *Service) assignedReviewer(ctx context.Context, id string) (Reviewer, error) {
	app, err := s.st.Applications.Get(ctx, id)
	if err != nil {
		return Reviewer{}, err
	}
	return s.reviewerFor(ctx, app)
}

// DeclareConflictOfInterest lets an assigned reviewer withdraw with a
// reason; their assignment and any review they gave are removed, and they
// cannot be assigned to the application again.
func (s *Service) DeclareConflictOfInterest(ctx context.Context, id, reason string) (Application, error) {
	reason, err := value.Text(reason, true, 1000)
	if err != nil {
		return Application{}, errs.Flatten(err)[0].At("reason")
	}
	r, err := s.assignedReviewer(ctx, id)
	if err != nil {
		return Application{}, err
	}
	return s.changeApplication(ctx, id, anyVersion, func(a *Application, _ Call) error {
		if !a.IsAssigned(r.ID) {
			return errs.Forbidden() // withdrawn by a concurrent declaration
		}
		a.Assignments = deleteWhere(a.Assignments, func(x Assignment) bool { return x.ReviewerID == r.ID })
		a.Reviews = deleteWhere(a.Reviews, func(x Review) bool { return x.ReviewerID == r.ID })
		a.Conflicts = append(a.Conflicts, Conflict{ReviewerID: r.ID, Reason: reason, At: s.clock.Now(), Declared: true})
		return nil
	})
}

// ScoreInput is one criterion's score as a reviewer sends it.
type ScoreInput struct {
	Criterion string
	Score     float64
	Comment   string
}

// SubmitReview records (or replaces) the caller's review of an application
// assigned to them, scored on the call's rubric, until a decision is made.
func (s *Service) SubmitReview(ctx context.Context, id string, in []ScoreInput) (Application, error) {
	r, err := s.assignedReviewer(ctx, id)
	if err != nil {
		return Application{}, err
	}
	scores := make([]Score, len(in))
	var list errs.List
	for i, x := range in {
		half := x.Score * 2
		if half != float64(int(half)) {
			list.Add(errs.InvalidValue("Điểm phải là bội số của 0,5.", "A score is a multiple of 0.5.", "scores", fmt.Sprint(i), "score"))
		}
		scores[i] = Score{Criterion: strings.TrimSpace(x.Criterion), Half: int(half), Comment: strings.TrimSpace(x.Comment)}
	}
	if err := list.Err(); err != nil {
		return Application{}, err
	}
	return s.changeApplication(ctx, id, anyVersion, func(a *Application, c Call) error {
		if a.Status != AppUnderReview && a.Status != AppShortlisted {
			return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
				fmt.Sprintf("Không thể chấm hồ sơ ở trạng thái “%s”.", a.Status.Label(false)),
				fmt.Sprintf("An application that is “%s” cannot be reviewed.", a.Status.Label(true)))
		}
		if !a.IsAssigned(r.ID) {
			return errs.Forbidden() // withdrawn by a conflict declared since reviewerFor
		}
		if err := c.Rubric.checkScores(scores); err != nil {
			return err
		}
		a.Reviews = deleteWhere(a.Reviews, func(x Review) bool { return x.ReviewerID == r.ID })
		a.Reviews = append(a.Reviews, Review{ReviewerID: r.ID, Scores: scores, SubmittedAt: s.clock.Now()})
		return nil
	})
}

func deleteWhere[T any](in []T, drop func(T) bool) []T {
	out := in[:0:0]
	for _, x := range in {
		if !drop(x) {
			out = append(out, x)
		}
	}
	return out
}

// fieldIfNotFound puts a not-found error on the input field that named it.
func fieldIfNotFound(err error, field string) error {
	if es := errs.Flatten(err); len(es) == 1 && es[0].Kind == errs.NotFound {
		return es[0].At(field)
	}
	return err
}
