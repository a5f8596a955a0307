package screening

import (
	"fmt"
	"slices"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/interpreter"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/rules"
	"github.com/innoport/innoport/domain/value"
)

// SetStatus is where a criteria set is in its life: DRAFT → ACTIVE → RETIRED.
type SetStatus string

// The set statuses.
const (
	SetDraft   SetStatus = "DRAFT"
	SetActive  SetStatus = "ACTIVE"
	SetRetired SetStatus = "RETIRED"
)

var setStatusLabels = value.Labels[SetStatus]{
	SetDraft: {"bản nháp", "draft"}, SetActive: {"đang áp dụng", "active"}, SetRetired: {"đã thôi áp dụng", "retired"},
}

// Label names the status in Vietnamese or English, for messages; an
// unknown status is returned as it is.
func (s SetStatus) Label(english bool) string { return setStatusLabels.Of(s, english) }

// Criterion is one legal condition, written as a CEL expression over `firm`
// and `asOf`. A criterion with no Group is required; criteria sharing a Group
// are alternatives, of which one must pass.
type Criterion struct {
	Key        string
	Group      string
	Expression string
	// Reasons shown to the firm, in both languages, when it passes or fails.
	PassVI, PassEN string
	FailVI, FailEN string
	// Needs names the data the criterion reads. When it fails and none of
	// that data was provided, the firm needs evidence rather than failing.
	Needs []DataKey
}

// SetSpec is the editable content of a criteria set.
type SetSpec struct {
	Key           string // stable across versions, e.g. "innovative_startup_sme"
	TitleVI       string
	TitleEN       string
	LegalBasis    string
	EffectiveFrom value.Date
	Criteria      []Criterion
}

// CriteriaSet is one version of a set of criteria.
type CriteriaSet struct {
	record.Meta
	SetSpec
	SetVersion int // 1, 2, … per key
	Status     SetStatus
}

// NewSetSpec validates a spec, compiling every expression; every problem is
// reported with its field.
func NewSetSpec(in SetSpec) (SetSpec, error) {
	var list errs.List
	var err error
	list.Check(value.Key(in.Key), "key")
	in.TitleVI, err = value.Text(in.TitleVI, true, 300)
	list.Check(err, "title")
	in.TitleEN, err = value.Text(in.TitleEN, true, 300)
	list.Check(err, "titleEn")
	in.LegalBasis, err = value.Text(in.LegalBasis, true, 500)
	list.Check(err, "legalBasis")
	if in.EffectiveFrom.IsZero() {
		list.Add(errs.Required("effectiveFrom"))
	}
	if len(in.Criteria) == 0 {
		list.Add(errs.Required("criteria"))
	}
	criteria, err := CheckCriteria(in.Criteria, compiler)
	list.Check(err, "criteria")
	in.Criteria = criteria
	return in, list.Err()
}

// CheckCriteria validates criteria, compiling each expression with c; every
// problem is reported at its path under the list (0.key, 1.expression, …).
// Criteria sets check theirs with screening's compiler, and rules built on
// criteria (incentives' conditions) with their own.
func CheckCriteria(in []Criterion, c *rules.Compiler) ([]Criterion, error) {
	var list errs.List
	var err error
	seen := map[string]bool{}
	out := make([]Criterion, 0, len(in))
	for i, cr := range in {
		at := []string{fmt.Sprint(i)}
		if err := value.Key(cr.Key); err != nil {
			list.Check(err, append(at, "key")...)
		} else if seen[cr.Key] {
			list.Add(errs.InvalidValue("Khóa tiêu chí bị trùng.", "The criterion key is used twice.", append(at, "key")...))
		}
		seen[cr.Key] = true
		if cr.Group != "" {
			list.Check(value.Key(cr.Group), append(at, "group")...)
		}
		cr.Expression = strings.TrimSpace(cr.Expression)
		if cr.Expression == "" {
			list.Add(errs.Required(append(at, "expression")...))
		} else if _, err := c.Program(cr.Expression); err != nil {
			list.Check(err, append(at, "expression")...)
		}
		for _, t := range []struct {
			s     *string
			field string
		}{{&cr.PassVI, "passReason"}, {&cr.PassEN, "passReasonEn"}, {&cr.FailVI, "failReason"}, {&cr.FailEN, "failReasonEn"}} {
			*t.s, err = value.Text(*t.s, true, 500)
			list.Check(err, append(at, t.field)...)
		}
		for j, k := range cr.Needs {
			if !KnownData(k) {
				list.Add(errs.InvalidValue(fmt.Sprintf("Dữ liệu %q không tồn tại.", k), fmt.Sprintf("There is no data %q.", k),
					append(at, "needs", fmt.Sprint(j))...))
			}
		}
		cr.Needs = value.Unique(cr.Needs)
		out = append(out, cr)
	}
	groups := map[string]int{}
	for _, cr := range out {
		if cr.Group != "" {
			groups[cr.Group]++
		}
	}
	for g, n := range groups {
		if n < 2 {
			list.Add(errs.InvalidValue(fmt.Sprintf("Nhóm %q cần ít nhất hai tiêu chí thay thế nhau.", g),
				fmt.Sprintf("Group %q needs at least two alternative criteria.", g)))
		}
	}
	return out, list.Err()
}

// Status is a firm's screening outcome against one set.
type Status string

// The outcomes.
const (
	Eligible      Status = "ELIGIBLE"
	NotEligible   Status = "NOT_ELIGIBLE"
	NeedsEvidence Status = "NEEDS_EVIDENCE"
)

// Outcome is one criterion's result for a firm.
type Outcome struct {
	Key     string
	Group   string
	Passed  bool
	Missing []DataKey // data the firm has not provided, when that is why it did not pass
	Error   string    // set when the expression could not be evaluated
}

// Plan is a criteria set with its expressions compiled, ready to evaluate
// many firms.
type Plan struct {
	Set   CriteriaSet
	progs []cel.Program
}

// Compile plans a set for evaluation.
func Compile(s CriteriaSet) (*Plan, error) {
	p := &Plan{Set: s}
	for _, c := range s.Criteria {
		prg, err := compiler.Program(c.Expression)
		if err != nil {
			return nil, fmt.Errorf("criteria set %s v%d, criterion %s: %w", s.Key, s.SetVersion, c.Key, err)
		}
		p.progs = append(p.progs, prg)
	}
	return p, nil
}

// Subject is a firm prepared for evaluation as of a date; build it once and
// evaluate it against every set.
type Subject struct {
	firm firm.Startup
	vars interpreter.Activation
}

// NewSubject prepares a firm for evaluation as of a date.
func NewSubject(s firm.Startup, asOf value.Date) *Subject {
	vars, err := interpreter.NewActivation(map[string]any{"firm": FactsOf(s), "asOf": asOf.Start()})
	if err != nil {
		panic(err) // a map of bindings always makes an activation
	}
	return &Subject{firm: s, vars: vars}
}

// With returns the subject with more variables bound, for rules that read
// more than a firm (an incentive's conditions read its screening too).
func (s *Subject) With(bindings map[string]any) *Subject {
	more, err := interpreter.NewActivation(bindings)
	if err != nil {
		panic(err) // a map of bindings always makes an activation
	}
	return &Subject{firm: s.firm, vars: interpreter.NewHierarchicalActivation(s.vars, more)}
}

// Evaluate screens one firm. A failing required criterion, or a group none of
// whose alternatives passes, makes the firm NOT_ELIGIBLE — unless what failed
// lacked the data it needs, which makes it NEEDS_EVIDENCE.
func (p *Plan) Evaluate(sub *Subject) (Status, []Outcome) {
	return Judge(p.Set.Criteria, p.progs, sub)
}

// Judge evaluates criteria, whose programs progs are in the same order, for
// a subject, as Plan.Evaluate does; rules built on screening's criteria
// (incentives' conditions) are judged by it too.
func Judge(criteria []Criterion, progs []cel.Program, sub *Subject) (Status, []Outcome) {
	s := sub.firm
	outcomes := make([]Outcome, len(progs))
	for i, prg := range progs {
		c := criteria[i]
		o := Outcome{Key: c.Key, Group: c.Group}
		v, _, err := prg.Eval(sub.vars)
		if err != nil {
			o.Error = err.Error()
		} else {
			o.Passed = v.Value() == true
		}
		if !o.Passed && len(c.Needs) > 0 && !slices.ContainsFunc(c.Needs, func(k DataKey) bool { return has(s, k) }) {
			o.Missing = c.Needs
		}
		outcomes[i] = o
	}
	return combine(outcomes), outcomes
}

// combine folds criterion outcomes into a status.
func combine(outcomes []Outcome) Status {
	failed, missing := false, false
	groups := map[string][2]bool{} // group → {any passed, any missing}
	for _, o := range outcomes {
		if o.Group != "" {
			g := groups[o.Group]
			groups[o.Group] = [2]bool{g[0] || o.Passed, g[1] || len(o.Missing) > 0}
			continue
		}
		switch {
		case o.Passed:
		case len(o.Missing) > 0:
			missing = true
		default:
			failed = true
		}
	}
	for _, g := range groups {
		switch {
		case g[0]:
		case g[1]:
			missing = true
		default:
			failed = true
		}
	}
	switch {
	case failed:
		return NotEligible
	case missing:
		return NeedsEvidence
	}
	return Eligible
}

// Reason explains an outcome in the requested language.
func (c Criterion) Reason(o Outcome, l errs.Lang) string {
	text := c.FailVI
	if l == errs.EN {
		text = c.FailEN
	}
	if o.Passed {
		text = c.PassVI
		if l == errs.EN {
			text = c.PassEN
		}
	}
	if len(o.Missing) > 0 {
		names := make([]string, len(o.Missing))
		for i, k := range o.Missing {
			names[i] = string(k)
		}
		if l == errs.EN {
			return text + " Missing: " + strings.Join(names, ", ") + "."
		}
		return text + " Thiếu dữ liệu: " + strings.Join(names, ", ") + "."
	}
	return text
}
