package funding

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/ext"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/value"
)

// StartupFacts is what an eligibility rule can read about the applicant, as
// `startup.<name>`.
type StartupFacts struct {
	// FoundedOn is the founding date, as midnight in Asia/Ho_Chi_Minh. Exact
	// windows read best with it: `startup.foundedOn >= today.addYears(-5)`.
	FoundedOn      time.Time `cel:"foundedOn"`
	AgeYears       int64     `cel:"ageYears"` // whole years since founding, on the evaluation date
	Sectors        []string  `cel:"sectors"`
	Stage          string    `cel:"stage"`
	StageRank      int64     `cel:"stageRank"` // 0 for IDEA … 5 for GROWTH
	Ward           string    `cel:"ward"`
	TeamSize       int64     `cel:"teamSize"`
	Incubated      bool      `cel:"incubated"`
	FundingNeedVnd int64     `cel:"fundingNeedVnd"`
	// LastRevenueVnd is the revenue of the latest reported year, 0 when none.
	LastRevenueVnd int64 `cel:"lastRevenueVnd"`
}

// CallFacts is what an eligibility rule can read about the call, as `call.<name>`.
type CallFacts struct {
	Sectors      []string `cel:"sectors"`
	Wards        []string `cel:"wards"`
	BudgetVnd    int64    `cel:"budgetVnd"`
	TicketMinVnd int64    `cel:"ticketMinVnd"`
	TicketMaxVnd int64    `cel:"ticketMaxVnd"`
}

// celEnv declares `startup`, `call` and `today` (the evaluation date as a
// timestamp at midnight in Asia/Ho_Chi_Minh) for eligibility rules, and the
// calendar functions `t.addYears(n)`, `t.addMonths(n)` and `t.addDays(n)`,
// which move a timestamp by calendar units in Asia/Ho_Chi_Minh.
var celEnv = func() *cel.Env {
	env, err := cel.NewEnv(
		ext.NativeTypes(reflect.TypeOf(&StartupFacts{}), reflect.TypeOf(&CallFacts{}), ext.ParseStructTags(true)),
		cel.Variable("startup", cel.ObjectType("funding.StartupFacts")),
		cel.Variable("call", cel.ObjectType("funding.CallFacts")),
		cel.Variable("today", cel.TimestampType),
		ext.Strings(),
		calendarFunction("addYears", func(t time.Time, n int) time.Time { return t.AddDate(n, 0, 0) }),
		calendarFunction("addMonths", func(t time.Time, n int) time.Time { return t.AddDate(0, n, 0) }),
		calendarFunction("addDays", func(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }),
	)
	if err != nil {
		panic(err) // the declarations are constant
	}
	return env
}()

// compileRule type-checks a rule's expression; it must yield a bool. Errors
// carry the line and column of the problem.
func compileRule(expr string) (cel.Program, error) {
	ast, iss := celEnv.Compile(expr)
	if iss.Err() != nil {
		var vi, en []string
		for _, e := range iss.Errors() {
			at := fmt.Sprintf("%d:%d", e.Location.Line(), e.Location.Column()+1)
			vi = append(vi, fmt.Sprintf("dòng:cột %s: %s", at, e.Message))
			en = append(en, fmt.Sprintf("line:column %s: %s", at, e.Message))
		}
		return nil, errs.New(errs.Invalid, errs.CodeInvalidExpression, nil,
			"Biểu thức điều kiện không hợp lệ: "+strings.Join(vi, "; "),
			"Invalid rule expression: "+strings.Join(en, "; "))
	}
	if ast.OutputType() != cel.BoolType {
		return nil, errs.New(errs.Invalid, errs.CodeInvalidExpression, nil,
			fmt.Sprintf("Biểu thức phải trả về true/false, không phải %s.", ast.OutputType()),
			fmt.Sprintf("The expression must yield true or false, not %s.", ast.OutputType()))
	}
	prg, err := celEnv.Program(ast, cel.CostLimit(10_000))
	if err != nil {
		return nil, errs.Internalf(err, "plan rule")
	}
	return prg, nil
}

// calendarFunction declares timestamp.name(int) -> timestamp, applying add
// to the timestamp read in Asia/Ho_Chi_Minh.
func calendarFunction(name string, add func(time.Time, int) time.Time) cel.EnvOption {
	return cel.Function(name, cel.MemberOverload("timestamp_"+name+"_int",
		[]*cel.Type{cel.TimestampType, cel.IntType}, cel.TimestampType,
		cel.BinaryBinding(func(t, n ref.Val) ref.Val {
			ts, ok1 := t.(types.Timestamp)
			k, ok2 := n.(types.Int)
			if !ok1 || !ok2 {
				return types.NewErr("%s: want a timestamp and an int", name)
			}
			return types.Timestamp{Time: add(ts.In(value.Zone), int(k)).UTC()}
		})))
}

// programs caches compiled rules by expression: calls are loaded often, and
// their rules change only when the call is edited.
var programs sync.Map // string → cel.Program

// program returns the rule's compiled expression.
func (r Rule) program() (cel.Program, error) {
	if p, ok := programs.Load(r.Expression); ok {
		return p.(cel.Program), nil
	}
	p, err := compileRule(r.Expression)
	if err != nil {
		return nil, err
	}
	programs.Store(r.Expression, p)
	return p, nil
}

// RuleOutcome is the result of one eligibility rule for one startup.
type RuleOutcome struct {
	Rule   Rule
	Passed bool
	// Error is set when the rule could not be evaluated (it then fails).
	Error string
}

// Eligibility is the outcome of every rule of a call for one startup.
type Eligibility struct {
	Outcomes []RuleOutcome
}

// Eligible reports whether every rule passed.
func (e Eligibility) Eligible() bool {
	for _, o := range e.Outcomes {
		if !o.Passed {
			return false
		}
	}
	return true
}

// Err lists the failing rules as NOT_ELIGIBLE errors on the startup, or nil.
func (e Eligibility) Err() error {
	var list errs.List
	for _, o := range e.Outcomes {
		if o.Passed {
			continue
		}
		list.Add(errs.New(errs.FailedPrecondition, errs.CodeNotEligible, []string{"startupId"},
			fmt.Sprintf("Không đáp ứng điều kiện %q: %s", o.Rule.Key, o.Rule.DescriptionVI),
			fmt.Sprintf("Rule %q not met: %s", o.Rule.Key, o.Rule.DescriptionEN)))
	}
	return list.Err()
}

// FactsOf describes a startup for eligibility rules on the given date.
func FactsOf(s firm.Startup, on value.Date) StartupFacts {
	f := StartupFacts{
		FoundedOn: s.FoundedOn.Start(), AgeYears: int64(ageYears(s.FoundedOn, on)), Stage: string(s.Stage), StageRank: int64(s.Stage.Rank()),
		Ward: s.Ward.String(), TeamSize: int64(s.TeamSize), Incubated: s.IncubatorID != "",
		FundingNeedVnd: int64(s.Financials.FundingNeed),
	}
	for _, sec := range s.Sectors {
		f.Sectors = append(f.Sectors, string(sec))
	}
	if n := len(s.Financials.Revenue); n > 0 {
		f.LastRevenueVnd = int64(s.Financials.Revenue[n-1].Amount)
	}
	return f
}

func ageYears(founded, on value.Date) int {
	years := on.Year - founded.Year
	if on.Month < founded.Month || (on.Month == founded.Month && on.Day < founded.Day) {
		years--
	}
	return years
}

// CheckEligibility evaluates every rule of the call for a startup on a date.
func (c Call) CheckEligibility(s firm.Startup, on value.Date) Eligibility {
	vars := map[string]any{"startup": ptr(FactsOf(s, on)), "call": ptr(c.facts()), "today": on.Start()}
	var out Eligibility
	for _, r := range c.Rules {
		o := RuleOutcome{Rule: r}
		prg, err := r.program()
		if err == nil {
			var val any
			if v, _, evalErr := prg.Eval(vars); evalErr != nil {
				err = evalErr
			} else {
				val = v.Value()
			}
			o.Passed = val == true
		}
		if err != nil {
			o.Error = err.Error()
		}
		out.Outcomes = append(out.Outcomes, o)
	}
	return out
}

func (c Call) facts() CallFacts {
	f := CallFacts{Wards: c.Wards, BudgetVnd: int64(c.Budget), TicketMinVnd: int64(c.Ticket.Min), TicketMaxVnd: int64(c.Ticket.Max)}
	for _, s := range c.Sectors {
		f.Sectors = append(f.Sectors, string(s))
	}
	if f.Wards == nil {
		f.Wards = []string{}
	}
	if f.Sectors == nil {
		f.Sectors = []string{}
	}
	return f
}

func ptr[T any](v T) *T { return &v }
