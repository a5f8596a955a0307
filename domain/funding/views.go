package funding

import (
	"context"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/identity"
	"github.com/innoport/innoport/domain/policy"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// Application returns an application to those who may see it: the startup's
// members, the fund's managers and the reviewers assigned to it.
func (s *Service) Application(ctx context.Context, id string) (Application, error) {
	a, err := s.st.Applications.Get(ctx, id)
	if err != nil {
		return Application{}, err
	}
	c, err := s.st.Calls.Get(ctx, a.CallID)
	if err != nil {
		return Application{}, err
	}
	if err := s.canView(ctx, a, c); err != nil {
		return Application{}, err
	}
	return a, nil
}

func (s *Service) canView(ctx context.Context, a Application, c Call) error {
	p := identity.FromContext(ctx)
	assigned := false
	if p.Has(identity.RoleReviewer) {
		_, err := s.reviewerFor(ctx, a)
		assigned = err == nil
	}
	return policy.ViewApplication(p, a.StartupID, c.FundID, assigned)
}

// Applications lists a call's applications as far as the caller may see
// them: all for the fund's managers, their assignments for reviewers, their
// own for a startup's members, none for anybody else (who see counts only).
func (s *Service) Applications(ctx context.Context, callID string, status AppStatus, p value.Page) (value.Slice[Application], error) {
	f, ok, err := s.scope(ctx, callID, status)
	if err != nil || !ok {
		return value.Slice[Application]{}, err
	}
	return s.st.Applications.List(ctx, f, p)
}

// StartupApplications lists a startup's own applications to any call,
// optionally of one status, for those who manage the startup: its members,
// its incubator's managers and admins.
func (s *Service) StartupApplications(ctx context.Context, st firm.Startup, status AppStatus, p value.Page) (value.Slice[Application], error) {
	if err := policy.ManageStartup(identity.FromContext(ctx), st.ID, st.IncubatorID); err != nil {
		return value.Slice[Application]{}, err
	}
	return s.st.Applications.List(ctx, ApplicationFilter{StartupID: st.ID, Status: status}, p)
}

// CountStartupApplications counts what StartupApplications lists.
func (s *Service) CountStartupApplications(ctx context.Context, st firm.Startup, status AppStatus) (int, error) {
	if err := policy.ManageStartup(identity.FromContext(ctx), st.ID, st.IncubatorID); err != nil {
		return 0, err
	}
	return s.st.Applications.Count(ctx, ApplicationFilter{StartupID: st.ID, Status: status})
}

// ReviewAssignments pages the applications the caller is assigned to
// review, in every call; none for a caller without a reviewer profile.
func (s *Service) ReviewAssignments(ctx context.Context, p value.Page) (value.Slice[Application], error) {
	f, ok, err := s.assignedToMe(ctx)
	if err != nil || !ok {
		return value.Slice[Application]{}, err
	}
	return s.st.Applications.List(ctx, f, p)
}

// CountReviewAssignments counts what ReviewAssignments pages.
func (s *Service) CountReviewAssignments(ctx context.Context) (int, error) {
	f, ok, err := s.assignedToMe(ctx)
	if err != nil || !ok {
		return 0, err
	}
	return s.st.Applications.Count(ctx, f)
}

func (s *Service) assignedToMe(ctx context.Context) (ApplicationFilter, bool, error) {
	p := identity.FromContext(ctx)
	if !p.Has(identity.RoleReviewer) {
		return ApplicationFilter{}, false, nil
	}
	mine, err := s.st.Reviewers.BySubject(ctx, p.Subject)
	if err != nil || len(mine) == 0 {
		return ApplicationFilter{}, false, err
	}
	return ApplicationFilter{ReviewerID: mine[0].ID}, true, nil
}

// MyReviewerProfiles returns the caller's reviewer profiles.
func (s *Service) MyReviewerProfiles(ctx context.Context) ([]Reviewer, error) {
	p := identity.FromContext(ctx)
	if p.Anonymous() {
		return nil, nil
	}
	return s.st.Reviewers.BySubject(ctx, p.Subject)
}

// CountApplications counts what Applications lists, over all pages.
func (s *Service) CountApplications(ctx context.Context, callID string, status AppStatus) (int, error) {
	f, ok, err := s.scope(ctx, callID, status)
	if err != nil || !ok {
		return 0, err
	}
	return s.st.Applications.Count(ctx, f)
}

// scope is the filter of the applications of a call the caller may see; ok
// is false when they may see none.
func (s *Service) scope(ctx context.Context, callID string, status AppStatus) (ApplicationFilter, bool, error) {
	c, err := s.st.Calls.Get(ctx, callID)
	if err != nil {
		return ApplicationFilter{}, false, err
	}
	p := identity.FromContext(ctx)
	f := ApplicationFilter{CallID: c.ID, Status: status}
	switch {
	case policy.ManageFund(p, c.FundID) == nil:
		return f, true, nil
	case p.Has(identity.RoleStartupMember) && p.OrgID != "":
		f.StartupID = p.OrgID
		return f, true, nil
	case p.Has(identity.RoleReviewer):
		mine, err := s.st.Reviewers.BySubject(ctx, p.Subject)
		if err != nil || len(mine) == 0 {
			return f, false, err
		}
		f.ReviewerID = mine[0].ID
		return f, true, nil
	}
	return f, false, nil
}

// ApplicationCounts counts a call's applications per status; public.
func (s *Service) ApplicationCounts(ctx context.Context, callID string) (map[AppStatus]int, error) {
	return s.st.Applications.CountByStatus(ctx, callID)
}

// AssignedReviewers returns the IDs of the reviewers on an application of
// call c, for the fund's managers only. (The application's views take its
// call from the caller, which loads the calls of a whole list at once.)
func (s *Service) AssignedReviewers(ctx context.Context, a Application, c Call) ([]string, error) {
	if err := policy.ManageFund(identity.FromContext(ctx), c.FundID); err != nil {
		return nil, err
	}
	ids := make([]string, len(a.Assignments))
	for i, x := range a.Assignments {
		ids[i] = x.ReviewerID
	}
	return ids, nil
}

// Reviews returns the reviews of an application the caller may read: all of
// them for the fund's managers, their own for a reviewer. Startups never see
// individual reviews.
func (s *Service) Reviews(ctx context.Context, a Application, c Call) ([]Review, error) {
	p := identity.FromContext(ctx)
	if policy.ManageFund(p, c.FundID) == nil {
		return a.Reviews, nil
	}
	r, err := s.reviewerFor(ctx, a)
	if err != nil {
		return nil, err
	}
	if own, ok := a.ReviewBy(r.ID); ok {
		return []Review{own}, nil
	}
	return []Review{}, nil
}

// Feedback is the consolidated result a startup sees once decided: the mean
// score per criterion, without reviewers or individual scores.
func (s *Service) Feedback(ctx context.Context, a Application, c Call) ([]CriterionResult, error) {
	if err := s.canView(ctx, a, c); err != nil {
		return nil, err
	}
	if a.Status != AppAwarded && a.Status != AppRejected {
		return nil, nil
	}
	r := Rank(c, []Application{a}, false)
	if len(r.Entries) == 0 {
		return nil, nil
	}
	return r.Entries[0].Criteria, nil
}

// Ranking ranks a call's reviewed applications; for the fund's managers.
func (s *Service) Ranking(ctx context.Context, callID string, normalize bool) (Ranking, error) {
	c, err := s.st.Calls.Get(ctx, callID)
	if err != nil {
		return Ranking{}, err
	}
	if err := policy.ManageFund(identity.FromContext(ctx), c.FundID); err != nil {
		return Ranking{}, err
	}
	apps, err := s.st.Applications.All(ctx, ApplicationFilter{CallID: callID})
	if err != nil {
		return Ranking{}, err
	}
	return Rank(c, apps, normalize), nil
}

// CreateReviewer registers a reviewer.
func (s *Service) CreateReviewer(ctx context.Context, d ReviewerDraft) (Reviewer, error) {
	if err := policy.CreateReviewer(identity.FromContext(ctx)); err != nil {
		return Reviewer{}, err
	}
	prof, err := NewReviewerProfile(d)
	if err != nil {
		return Reviewer{}, err
	}
	if _, err := s.affiliations(ctx, Reviewer{ReviewerProfile: prof}); err != nil {
		return Reviewer{}, err
	}
	if prof.IncubatorID != "" {
		ok, err := s.actors.IncubatorExists(ctx, prof.IncubatorID)
		if err != nil {
			return Reviewer{}, err
		}
		if !ok {
			return Reviewer{}, errs.NotFoundf("vườn ươm", "Incubator", "incubatorId")
		}
	}
	r := Reviewer{Meta: record.New(s.clock.Now()), ReviewerProfile: prof}
	if err := s.st.Reviewers.Create(ctx, r); err != nil {
		return Reviewer{}, err
	}
	return r, nil
}

// ListReviewers returns a page of reviewers, for admins and fund managers.
func (s *Service) ListReviewers(ctx context.Context, p value.Page) (value.Slice[Reviewer], error) {
	if err := policy.CreateReviewer(identity.FromContext(ctx)); err != nil {
		return value.Slice[Reviewer]{}, err
	}
	return s.st.Reviewers.List(ctx, p)
}

// Reviewer returns a reviewer's profile to admins, fund managers and the
// reviewer's own user.
func (s *Service) Reviewer(ctx context.Context, id string) (Reviewer, error) {
	r, err := s.st.Reviewers.Get(ctx, id)
	if err != nil {
		return Reviewer{}, err
	}
	p := identity.FromContext(ctx)
	if p.Subject != "" && p.Subject == r.Subject {
		return r, nil
	}
	if err := policy.CreateReviewer(p); err != nil {
		return Reviewer{}, err
	}
	return r, nil
}

// CountReviewers counts the reviewers.
func (s *Service) CountReviewers(ctx context.Context) (int, error) { return s.st.Reviewers.Count(ctx) }

// ReviewersByID returns the reviewers among ids, for batched loads.
func (s *Service) ReviewersByID(ctx context.Context, ids []string) (map[string]Reviewer, error) {
	return s.st.Reviewers.GetMany(ctx, ids)
}
