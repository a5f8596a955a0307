package funding

import (
	"fmt"
	"reflect"
	"time"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/ext"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/rules"
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

// compiler compiles eligibility rules over `startup`, `call` and `today` (the
// evaluation date as midnight in Asia/Ho_Chi_Minh), with the calendar
// functions of package rules.
var compiler = func() *rules.Compiler {
	env, err := cel.NewEnv(
		ext.NativeTypes(reflect.TypeOf(&StartupFacts{}), reflect.TypeOf(&CallFacts{}), ext.ParseStructTags(true)),
		cel.Variable("startup", cel.ObjectType("funding.StartupFacts")),
		cel.Variable("call", cel.ObjectType("funding.CallFacts")),
		cel.Variable("today", cel.TimestampType),
		ext.Strings(),
		rules.Calendar(),
	)
	if err != nil {
		panic(err) // the declarations are constant
	}
	return rules.NewCompiler(env)
}()

// program returns the rule's compiled expression.
func (r Rule) program() (cel.Program, error) { return compiler.Program(r.Expression) }

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

// CheckRule returns every problem of an eligibility rule's expression with
// its line and column, for an editor; none when it compiles to a boolean.
func CheckRule(expr string) []rules.Problem { return compiler.Check(expr) }
