package funding

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// QuestionKind is the kind of answer an application-form question takes.
type QuestionKind string

// The question kinds.
const (
	QuestionText     QuestionKind = "TEXT"
	QuestionNumber   QuestionKind = "NUMBER"
	QuestionSingle   QuestionKind = "SINGLE_CHOICE"
	QuestionMultiple QuestionKind = "MULTIPLE_CHOICE"
	QuestionDocument QuestionKind = "DOCUMENT"
)

// Question is one question of a call's application form.
type Question struct {
	Key      string
	LabelVI  string
	LabelEN  string
	Kind     QuestionKind
	Required bool
	// MinLength and MaxLength bound a TEXT answer in characters (0: no bound).
	MinLength, MaxLength int
	// Min and Max bound a NUMBER answer (nil: no bound).
	Min, Max *float64
	// Options are the choices of a SINGLE_CHOICE or MULTIPLE_CHOICE question.
	Options []string
}

// Rule is an eligibility rule: a CEL expression over `startup`, `call` and
// `today` that must be true for a startup to apply.
type Rule struct {
	Key           string
	DescriptionVI string
	DescriptionEN string
	Expression    string
}

// Criterion is one criterion of a call's evaluation rubric.
type Criterion struct {
	Key    string
	NameVI string
	NameEN string
	// Weight scales the criterion in the ranking only; thresholds use raw means.
	Weight float64
	// Max is the top of the scale, which starts at 0.
	Max int
	// HalfPoints allows scores in steps of 0.5 rather than 1.
	HalfPoints bool
	// Threshold is the lowest mean score that passes the criterion.
	Threshold float64
}

// Rubric is how a call's applications are scored.
type Rubric struct {
	Criteria []Criterion
	// OverallThreshold is the lowest sum of (unweighted) criterion means that passes.
	OverallThreshold float64
}

// CallSpec is the editable content of a call, validated.
type CallSpec struct {
	Title       string
	Description string
	OpensAt     time.Time
	ClosesAt    time.Time
	Budget      value.VND
	Ticket      value.Range
	Sectors     []value.Sector // priority sectors; empty means any
	Wards       []string       // wards the call is for; empty means anywhere
	Questions   []Question
	Rules       []Rule
	Rubric      Rubric
}

// CallInput is a call's content as a client sends it.
type CallInput struct {
	Title, Description   string
	OpensAt, ClosesAt    time.Time
	Budget               int64
	TicketMin, TicketMax int64
	Sectors, Wards       []string
	Questions            []Question
	Rules                []Rule
	Rubric               Rubric
}

// CallPatch changes some fields of a call; nil fields stay.
type CallPatch struct {
	Title, Description   *string
	OpensAt, ClosesAt    *time.Time
	Budget               *int64
	TicketMin, TicketMax *int64
	Sectors, Wards       *[]string
	Questions            *[]Question
	Rules                *[]Rule
	Rubric               *Rubric
}

// OnlyExtends reports whether the patch changes nothing but the texts and a
// later closing time: all that may change once a call is open.
func (p CallPatch) OnlyExtends(cur CallSpec) bool {
	return p.OpensAt == nil && p.Budget == nil && p.TicketMin == nil && p.TicketMax == nil &&
		p.Sectors == nil && p.Wards == nil && p.Questions == nil && p.Rules == nil && p.Rubric == nil &&
		(p.ClosesAt == nil || !p.ClosesAt.Before(cur.ClosesAt))
}

// Input returns the spec in its unvalidated form.
func (s CallSpec) Input() CallInput {
	d := CallInput{Title: s.Title, Description: s.Description, OpensAt: s.OpensAt, ClosesAt: s.ClosesAt,
		Budget: int64(s.Budget), TicketMin: int64(s.Ticket.Min), TicketMax: int64(s.Ticket.Max),
		Wards: s.Wards, Questions: s.Questions, Rules: s.Rules, Rubric: s.Rubric}
	for _, sec := range s.Sectors {
		d.Sectors = append(d.Sectors, string(sec))
	}
	return d
}

// NewCallSpec validates a draft, compiling its rules; every problem is
// reported with its field.
func NewCallSpec(d CallInput) (CallSpec, error) {
	var (
		s    CallSpec
		list errs.List
		err  error
	)
	s.Title, err = value.Text(d.Title, true, 200)
	list.Check(err, "title")
	s.Description, err = value.Text(d.Description, false, 10_000)
	list.Check(err, "description")
	s.OpensAt, s.ClosesAt = d.OpensAt.UTC(), d.ClosesAt.UTC()
	switch {
	case d.OpensAt.IsZero():
		list.Add(errs.Required("opensAt"))
	case d.ClosesAt.IsZero():
		list.Add(errs.Required("closesAt"))
	case !d.ClosesAt.After(d.OpensAt):
		list.Add(errs.InvalidValue("Hạn nộp phải sau thời điểm mở.", "The closing time must be after the opening time.", "closesAt"))
	}
	s.Budget, err = value.NewVND(d.Budget)
	list.Check(err, "budgetVnd")
	lo, errLo := value.NewVND(d.TicketMin)
	hi, errHi := value.NewVND(d.TicketMax)
	if list.Check(errLo, "ticketMinVnd") && list.Check(errHi, "ticketMaxVnd") {
		s.Ticket, err = value.NewRange(lo, hi)
		list.Check(err, "ticketMaxVnd")
		if err == nil && hi > s.Budget {
			list.Add(errs.InvalidValue("Mức tài trợ tối đa không được vượt ngân sách.",
				"The largest ticket cannot exceed the budget.", "ticketMaxVnd"))
		}
	}
	s.Sectors, err = value.ParseSectors(d.Sectors)
	list.Check(err, "sectors")
	for i, w := range d.Wards {
		ward, err := value.NewWard(w)
		if list.Check(err, "wards", fmt.Sprint(i)) {
			s.Wards = append(s.Wards, ward.String())
		}
	}
	s.Questions = questions(d.Questions, &list)
	s.Rules = checkRules(d.Rules, &list)
	s.Rubric = rubric(d.Rubric, &list)
	return s, list.Err()
}

func questions(in []Question, list *errs.List) []Question {
	seen := map[string]bool{}
	out := make([]Question, 0, len(in))
	for i, q := range in {
		at := []string{"questions", fmt.Sprint(i)}
		var err error
		if err := value.Key(q.Key); err != nil {
			list.Check(err, append(at, "key")...)
		} else if seen[q.Key] {
			list.Add(errs.InvalidValue("Khóa câu hỏi bị trùng.", "The question key is used twice.", append(at, "key")...))
		}
		seen[q.Key] = true
		q.LabelVI, err = value.Text(q.LabelVI, true, 500)
		list.Check(err, append(at, "label")...)
		q.LabelEN, err = value.Text(q.LabelEN, false, 500)
		list.Check(err, append(at, "labelEn")...)
		switch q.Kind {
		case QuestionText:
			if q.MinLength < 0 || (q.MaxLength > 0 && q.MaxLength < q.MinLength) || q.MaxLength > 20_000 {
				list.Add(errs.InvalidValue("Giới hạn độ dài không hợp lệ.", "Invalid length limits.", append(at, "maxLength")...))
			}
		case QuestionNumber:
			if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
				list.Add(errs.InvalidValue("Giá trị tối thiểu lớn hơn tối đa.", "The minimum exceeds the maximum.", append(at, "max")...))
			}
		case QuestionSingle, QuestionMultiple:
			if len(q.Options) < 2 || hasDuplicates(q.Options) {
				list.Add(errs.InvalidValue("Cần ít nhất hai lựa chọn khác nhau.", "At least two distinct options are needed.", append(at, "options")...))
			}
		case QuestionDocument:
		default:
			list.Add(errs.InvalidValue(fmt.Sprintf("Loại câu hỏi %q không hợp lệ.", q.Kind),
				fmt.Sprintf("Question kind %q is not valid.", q.Kind), append(at, "kind")...))
		}
		out = append(out, q)
	}
	return out
}

func checkRules(in []Rule, list *errs.List) []Rule {
	seen := map[string]bool{}
	out := make([]Rule, 0, len(in))
	for i, r := range in {
		at := []string{"eligibilityRules", fmt.Sprint(i)}
		var err error
		if err := value.Key(r.Key); err != nil {
			list.Check(err, append(at, "key")...)
		} else if seen[r.Key] {
			list.Add(errs.InvalidValue("Khóa điều kiện bị trùng.", "The rule key is used twice.", append(at, "key")...))
		}
		seen[r.Key] = true
		r.DescriptionVI, err = value.Text(r.DescriptionVI, true, 500)
		list.Check(err, append(at, "description")...)
		r.DescriptionEN, err = value.Text(r.DescriptionEN, true, 500)
		list.Check(err, append(at, "descriptionEn")...)
		r.Expression = strings.TrimSpace(r.Expression)
		if r.Expression == "" {
			list.Add(errs.Required(append(at, "expression")...))
		} else if _, err := r.program(); err != nil {
			list.Check(err, append(at, "expression")...)
		}
		out = append(out, r)
	}
	return out
}

func rubric(in Rubric, list *errs.List) Rubric {
	out := Rubric{OverallThreshold: in.OverallThreshold}
	if len(in.Criteria) == 0 {
		list.Add(errs.Required("rubric", "criteria"))
	}
	seen := map[string]bool{}
	sumMax := 0.0
	for i, c := range in.Criteria {
		at := []string{"rubric", "criteria", fmt.Sprint(i)}
		var err error
		if err := value.Key(c.Key); err != nil {
			list.Check(err, append(at, "key")...)
		} else if seen[c.Key] {
			list.Add(errs.InvalidValue("Khóa tiêu chí bị trùng.", "The criterion key is used twice.", append(at, "key")...))
		}
		seen[c.Key] = true
		c.NameVI, err = value.Text(c.NameVI, true, 200)
		list.Check(err, append(at, "name")...)
		c.NameEN, err = value.Text(c.NameEN, false, 200)
		list.Check(err, append(at, "nameEn")...)
		if c.Max < 1 || c.Max > 100 {
			list.Add(errs.InvalidValue("Thang điểm tối đa phải từ 1 đến 100.", "The scale maximum must be 1 to 100.", append(at, "max")...))
		}
		if !(c.Weight > 0 && c.Weight <= 10) {
			list.Add(errs.InvalidValue("Trọng số phải lớn hơn 0 và không quá 10.", "The weight must be above 0 and at most 10.", append(at, "weight")...))
		}
		if c.Threshold < 0 || c.Threshold > float64(c.Max) || math.IsNaN(c.Threshold) {
			list.Add(errs.InvalidValue("Ngưỡng phải nằm trong thang điểm.", "The threshold must lie on the scale.", append(at, "threshold")...))
		}
		sumMax += float64(c.Max)
		out.Criteria = append(out.Criteria, c)
	}
	if in.OverallThreshold < 0 || in.OverallThreshold > sumMax || math.IsNaN(in.OverallThreshold) {
		list.Add(errs.InvalidValue("Ngưỡng tổng phải từ 0 đến tổng điểm tối đa.",
			"The overall threshold must lie between 0 and the sum of the scales.", "rubric", "overallThreshold"))
	}
	return out
}

func hasDuplicates(in []string) bool {
	s := slices.Clone(in)
	slices.Sort(s)
	return len(slices.Compact(s)) != len(in)
}

func callTransitionErr(from CallStatus, action string) *errs.Error {
	return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
		fmt.Sprintf("Không thể %s một đợt kêu gọi ở trạng thái “%s”.", action, from.Label(false)),
		fmt.Sprintf("A call that is “%s” cannot be %s.", from.Label(true), callActionsEN[action]))
}

var callStatusLabels = value.Labels[CallStatus]{
	CallDraft: {"bản nháp", "draft"}, CallOpen: {"đang mở", "open"}, CallClosed: {"đã đóng", "closed"},
	CallDecided: {"đã quyết định", "decided"}, CallCancelled: {"đã huỷ", "cancelled"},
}

// Label names the status in Vietnamese or English, for messages; an
// unknown status is returned as it is.
func (s CallStatus) Label(english bool) string { return callStatusLabels.Of(s, english) }

var callActionsEN = map[string]string{"sửa": "edited", "công bố": "published", "đóng": "closed", "hủy": "cancelled", "kết thúc xét chọn": "decided"}

// Edit applies a patch: anything while DRAFT; once OPEN, only the texts and a
// later closing time, so no applicant is treated differently from another.
func (c *Call) Edit(p CallPatch) error {
	switch {
	case c.Status == CallDraft:
	case c.Status == CallOpen && p.OnlyExtends(c.CallSpec):
	case c.Status == CallOpen:
		return errs.New(errs.FailedPrecondition, errs.CodeInvalidTransition, nil,
			"Đợt kêu gọi đang mở chỉ được sửa tiêu đề, mô tả và gia hạn hạn nộp.",
			"An open call only allows changes to its title and description and a later closing time.")
	default:
		return callTransitionErr(c.Status, "sửa")
	}
	d := c.Input()
	value.Overlay(&d, p)
	spec, err := NewCallSpec(d)
	if err != nil {
		return err
	}
	c.CallSpec = spec
	return nil
}

// Publish opens a draft for applications; its closing time must be ahead.
func (c *Call) Publish(now time.Time) error {
	if c.Status != CallDraft {
		return callTransitionErr(c.Status, "công bố")
	}
	if !c.ClosesAt.After(now) {
		return errs.InvalidValue("Hạn nộp đã qua; hãy đặt hạn mới trước khi công bố.",
			"The closing time has passed; set a new one before publishing.", "closesAt")
	}
	c.Status = CallOpen
	return nil
}

// Close stops an open call taking applications.
func (c *Call) Close() error {
	if c.Status != CallOpen {
		return callTransitionErr(c.Status, "đóng")
	}
	c.Status = CallClosed
	return nil
}

// Cancel ends a call that has not been decided, with a reason.
func (c *Call) Cancel(reason string) error {
	if c.Status == CallDecided || c.Status == CallCancelled {
		return callTransitionErr(c.Status, "hủy")
	}
	r, err := value.Text(reason, true, 1000)
	if err != nil {
		return errs.Flatten(err)[0].At("reason")
	}
	c.Status, c.CancelReason = CallCancelled, r
	return nil
}

// Decide marks a closed call decided; the caller checks that no application
// still awaits a decision.
func (c *Call) Decide() error {
	if c.Status != CallClosed {
		return callTransitionErr(c.Status, "kết thúc xét chọn")
	}
	c.Status = CallDecided
	return nil
}

// AcceptsAt reports whether the call takes applications at now: open, and
// between its opening time (inclusive) and its closing time (exclusive).
func (c Call) AcceptsAt(now time.Time) bool {
	return c.Status == CallOpen && !now.Before(c.OpensAt) && now.Before(c.ClosesAt)
}
