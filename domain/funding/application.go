package funding

import (
	"fmt"
	"math"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// AppStatus is where an application is in its life.
type AppStatus string

// The application statuses.
const (
	AppDraft       AppStatus = "DRAFT"
	AppSubmitted   AppStatus = "SUBMITTED"
	AppUnderReview AppStatus = "UNDER_REVIEW"
	AppShortlisted AppStatus = "SHORTLISTED"
	AppAwarded     AppStatus = "AWARDED"
	AppRejected    AppStatus = "REJECTED"
	AppWithdrawn   AppStatus = "WITHDRAWN"
)

// AppStatuses lists the statuses in the order of an application's life.
func AppStatuses() []AppStatus {
	return []AppStatus{AppDraft, AppSubmitted, AppUnderReview, AppShortlisted, AppAwarded, AppRejected, AppWithdrawn}
}

// Decided reports whether the application has reached a final decision.
func (s AppStatus) Decided() bool { return s == AppAwarded || s == AppRejected || s == AppWithdrawn }

var appStatusLabels = value.Labels[AppStatus]{
	AppDraft: {"bản nháp", "draft"}, AppSubmitted: {"đã nộp", "submitted"}, AppUnderReview: {"đang xét", "under review"},
	AppShortlisted: {"vào danh sách ngắn", "shortlisted"}, AppAwarded: {"được tài trợ", "awarded"},
	AppRejected: {"không được chọn", "rejected"}, AppWithdrawn: {"đã rút", "withdrawn"},
}

// Label names the status in Vietnamese or English, for messages; an
// unknown status is returned as it is.
func (s AppStatus) Label(english bool) string { return appStatusLabels.Of(s, english) }

// Side is who moves an application: the applying startup or the fund.
type Side uint8

// The sides.
const (
	Applicant Side = iota + 1
	FundSide
)

// transitions lists, for each status, the statuses it may move to and the
// side allowed to move it there. Anything else is INVALID_TRANSITION.
var transitions = map[AppStatus]map[AppStatus]Side{
	AppDraft:       {AppSubmitted: Applicant, AppWithdrawn: Applicant},
	AppSubmitted:   {AppUnderReview: FundSide, AppRejected: FundSide, AppWithdrawn: Applicant},
	AppUnderReview: {AppShortlisted: FundSide, AppRejected: FundSide, AppWithdrawn: Applicant},
	AppShortlisted: {AppAwarded: FundSide, AppRejected: FundSide, AppWithdrawn: Applicant},
}

// Application is a startup's application to a funding call.
type Application struct {
	record.Meta
	CallID         string
	StartupID      string
	IdempotencyKey string
	// RequestHash fingerprints the request that created the application, so
	// that its idempotency key replays only that request (empty on records
	// made before fingerprints: any replay of them is answered).
	RequestHash string
	Requested   value.VND
	Answers     []Answer
	Status      AppStatus
	SubmittedAt time.Time // zero while a draft
	History     []Transition
	Assignments []Assignment
	Conflicts   []Conflict
	Reviews     []Review
}

// Answer answers one question of the call's form.
type Answer struct {
	QuestionKey string
	Text        string
	Number      *float64
	Choices     []string
	DocumentRef string
}

// Transition is one change of status, kept forever.
type Transition struct {
	At       time.Time
	By       string // subject of the user who made it
	From, To AppStatus
	Reason   string
}

// Assignment puts a reviewer on an application.
type Assignment struct {
	ReviewerID string
	AssignedAt time.Time
	AssignedBy string
}

// Conflict records a reviewer's conflict of interest with the applicant,
// detected at assignment or declared by the reviewer.
type Conflict struct {
	ReviewerID string
	Reason     string
	At         time.Time
	Declared   bool
}

// Review is one reviewer's scores.
type Review struct {
	ReviewerID  string
	Scores      []Score
	SubmittedAt time.Time
}

// Score is a reviewer's score on one criterion, in half points (7 = 3.5).
type Score struct {
	Criterion string
	Half      int
	Comment   string
}

// Value returns the score on the criterion's scale.
func (s Score) Value() float64 { return float64(s.Half) / 2 }

// move changes the status and records it; side must be allowed to.
func (a *Application) move(to AppStatus, side Side, by, reason string, now time.Time) error {
	allowed, ok := transitions[a.Status][to]
	if !ok {
		return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, []string{"to"},
			fmt.Sprintf("Không thể chuyển hồ sơ từ “%s” sang “%s”.", a.Status.Label(false), to.Label(false)),
			fmt.Sprintf("An application cannot go from “%s” to “%s”.", a.Status.Label(true), to.Label(true)))
	}
	if allowed != side {
		return errs.Forbidden()
	}
	a.History = append(a.History, Transition{At: now, By: by, From: a.Status, To: to, Reason: reason})
	a.Status = to
	if to == AppSubmitted {
		a.SubmittedAt = now
	}
	return nil
}

// IsAssigned reports whether the reviewer is on the application.
func (a Application) IsAssigned(reviewerID string) bool {
	return slices.ContainsFunc(a.Assignments, func(x Assignment) bool { return x.ReviewerID == reviewerID })
}

func (a Application) conflicted(reviewerID string) (Conflict, bool) {
	for _, c := range a.Conflicts {
		if c.ReviewerID == reviewerID {
			return c, true
		}
	}
	return Conflict{}, false
}

// ReviewBy returns the reviewer's review, if any.
func (a Application) ReviewBy(reviewerID string) (Review, bool) {
	for _, r := range a.Reviews {
		if r.ReviewerID == reviewerID {
			return r, true
		}
	}
	return Review{}, false
}

// keyed names an item of a keyed list in an error's field path: by its key
// (an answer by its question's key, a score by its criterion's), so that a
// missing item, which has no index, is named like the others; by its index
// when it has no key.
func keyed(list, key string, i int) []string {
	if key == "" {
		return []string{list, fmt.Sprint(i)}
	}
	return []string{list, key}
}

// checkAnswers validates answers against the form. Drafts may leave required
// questions unanswered; submissions may not.
func (c Call) checkAnswers(in []Answer, submitting bool) ([]Answer, error) {
	var list errs.List
	byKey := map[string]int{}
	for i, a := range in {
		at := keyed("answers", a.QuestionKey, i)
		if _, dup := byKey[a.QuestionKey]; dup {
			list.Add(errs.InvalidValue("Câu hỏi được trả lời hai lần.", "The question is answered twice.", append(at, "questionKey")...))
		}
		byKey[a.QuestionKey] = i
		if !slices.ContainsFunc(c.Questions, func(q Question) bool { return q.Key == a.QuestionKey }) {
			list.Add(errs.InvalidValue(fmt.Sprintf("Không có câu hỏi %q.", a.QuestionKey),
				fmt.Sprintf("There is no question %q.", a.QuestionKey), append(at, "questionKey")...))
		}
	}
	out := make([]Answer, 0, len(in))
	for _, q := range c.Questions {
		i, ok := byKey[q.Key]
		if !ok || isBlank(in[i]) {
			if q.Required && submitting {
				list.Add(errs.New(errs.Invalid, errs.CodeRequired, []string{"answers", q.Key},
					fmt.Sprintf("Câu hỏi bắt buộc chưa được trả lời: %s", q.LabelVI),
					fmt.Sprintf("A required question is unanswered: %s", orVI(q.LabelEN, q.LabelVI))))
			}
			continue
		}
		a := in[i]
		if err := q.check(a); err != nil {
			list.Check(err, keyed("answers", q.Key, i)...)
			continue
		}
		out = append(out, a)
	}
	return out, list.Err()
}

// numberRange says which numbers a NUMBER question takes, in each language's
// number format.
func numberRange(lo, hi *float64) error {
	switch {
	case lo != nil && hi != nil:
		return errs.InvalidValue(fmt.Sprintf("Câu trả lời phải là một số từ %s đến %s.", value.NumberVI(*lo), value.NumberVI(*hi)),
			fmt.Sprintf("The answer must be a number from %s to %s.", value.NumberEN(*lo), value.NumberEN(*hi)), "number")
	case lo != nil:
		return errs.InvalidValue(fmt.Sprintf("Câu trả lời phải là một số không nhỏ hơn %s.", value.NumberVI(*lo)),
			fmt.Sprintf("The answer must be a number of at least %s.", value.NumberEN(*lo)), "number")
	case hi != nil:
		return errs.InvalidValue(fmt.Sprintf("Câu trả lời phải là một số không lớn hơn %s.", value.NumberVI(*hi)),
			fmt.Sprintf("The answer must be a number of at most %s.", value.NumberEN(*hi)), "number")
	}
	return errs.InvalidValue("Câu trả lời phải là một số.", "The answer must be a number.", "number")
}

func (q Question) check(a Answer) error {
	switch q.Kind {
	case QuestionText:
		n := utf8.RuneCountInString(a.Text)
		switch {
		case q.MaxLength > 0 && (n < q.MinLength || n > q.MaxLength):
			return errs.InvalidValue(fmt.Sprintf("Câu trả lời cần từ %d đến %d ký tự (hiện có %d).", q.MinLength, q.MaxLength, n),
				fmt.Sprintf("The answer needs %d to %d characters (got %d).", q.MinLength, q.MaxLength, n), "text")
		case n < q.MinLength:
			return errs.InvalidValue(fmt.Sprintf("Câu trả lời cần ít nhất %d ký tự (hiện có %d).", q.MinLength, n),
				fmt.Sprintf("The answer needs at least %d characters (got %d).", q.MinLength, n), "text")
		}
	case QuestionNumber:
		if a.Number == nil || math.IsNaN(*a.Number) || (q.Min != nil && *a.Number < *q.Min) || (q.Max != nil && *a.Number > *q.Max) {
			return numberRange(q.Min, q.Max)
		}
	case QuestionSingle, QuestionMultiple:
		if len(a.Choices) == 0 || (q.Kind == QuestionSingle && len(a.Choices) > 1) || hasDuplicates(a.Choices) {
			return errs.InvalidValue("Số lựa chọn không hợp lệ.", "Invalid number of choices.", "choices")
		}
		for _, ch := range a.Choices {
			if !slices.Contains(q.Options, ch) {
				return errs.InvalidValue(fmt.Sprintf("Lựa chọn %q không có trong danh sách.", ch),
					fmt.Sprintf("%q is not one of the options.", ch), "choices")
			}
		}
	case QuestionDocument:
		if _, err := value.Text(a.DocumentRef, true, 500); err != nil {
			return errs.InvalidValue("Cần tham chiếu tài liệu.", "A document reference is needed.", "documentRef")
		}
	}
	return nil
}

func isBlank(a Answer) bool {
	return a.Text == "" && a.Number == nil && len(a.Choices) == 0 && a.DocumentRef == ""
}

func orVI(en, vi string) string {
	if en != "" {
		return en
	}
	return vi
}

// checkScores validates a review against the rubric: every criterion scored
// once, on its scale and step.
func (r Rubric) checkScores(in []Score) error {
	var list errs.List
	given := map[string]bool{}
	for i, s := range in {
		at := keyed("scores", s.Criterion, i)
		c, ok := r.criterion(s.Criterion)
		switch {
		case !ok:
			list.Add(errs.InvalidValue(fmt.Sprintf("Không có tiêu chí %q.", s.Criterion),
				fmt.Sprintf("There is no criterion %q.", s.Criterion), append(at, "criterion")...))
		case given[s.Criterion]:
			list.Add(errs.InvalidValue("Tiêu chí được chấm hai lần.", "The criterion is scored twice.", append(at, "criterion")...))
		case s.Half < 0 || s.Half > 2*c.Max || (!c.HalfPoints && s.Half%2 != 0):
			stepVI, stepEN := "1", "1"
			if c.HalfPoints {
				stepVI, stepEN = "0,5", "0.5"
			}
			list.Add(errs.InvalidValue(
				fmt.Sprintf("Điểm phải từ 0 đến %d, bước %s.", c.Max, stepVI),
				fmt.Sprintf("The score must be 0 to %d in steps of %s.", c.Max, stepEN), append(at, "score")...))
		}
		given[s.Criterion] = true
		if _, err := value.Text(s.Comment, false, 5000); err != nil {
			list.Check(err, append(at, "comment")...)
		}
	}
	for _, c := range r.Criteria {
		if !given[c.Key] {
			list.Add(errs.New(errs.Invalid, errs.CodeRequired, []string{"scores", c.Key},
				fmt.Sprintf("Chưa chấm tiêu chí %q.", c.NameVI), fmt.Sprintf("Criterion %q is not scored.", orVI(c.NameEN, c.NameVI))))
		}
	}
	return list.Err()
}

func (r Rubric) criterion(key string) (Criterion, bool) {
	for _, c := range r.Criteria {
		if c.Key == key {
			return c, true
		}
	}
	return Criterion{}, false
}
