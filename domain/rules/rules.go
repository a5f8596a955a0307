// Package rules holds what the domain's rule languages share: CEL compiled
// and type-checked with positions in bilingual errors, compiled programs
// cached, and calendar functions that move timestamps in Asia/Ho_Chi_Minh.
package rules

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// Calendar declares timestamp.addYears(int), addMonths(int) and addDays(int),
// which move a timestamp by calendar units read in Asia/Ho_Chi_Minh, so that
// `firm.foundedOn >= asOf.addYears(-5)` means "at most five years" exactly;
// and timestamp.year(), its calendar year there. (CEL's own
// getFullYear('Asia/Ho_Chi_Minh') loads the zone on every call.)
func Calendar() cel.EnvOption {
	return cel.Lib(calendar{})
}

type calendar struct{}

func (calendar) LibraryName() string { return "innoport.calendar" }

func (calendar) CompileOptions() []cel.EnvOption {
	return []cel.EnvOption{
		calendarFunction("addYears", func(t time.Time, n int) time.Time { return t.AddDate(n, 0, 0) }),
		calendarFunction("addMonths", func(t time.Time, n int) time.Time { return t.AddDate(0, n, 0) }),
		calendarFunction("addDays", func(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }),
		cel.Function("year", cel.MemberOverload("timestamp_year", []*cel.Type{cel.TimestampType}, cel.IntType,
			cel.UnaryBinding(func(t ref.Val) ref.Val {
				ts, ok := t.(types.Timestamp)
				if !ok {
					return types.NewErr("year: want a timestamp")
				}
				return types.Int(ts.In(value.Zone).Year())
			}))),
	}
}

func (calendar) ProgramOptions() []cel.ProgramOption { return nil }

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

// Compiler compiles boolean expressions in one environment and caches the
// programs by source, since stored rules are loaded far more often than edited.
type Compiler struct {
	env      *cel.Env
	programs sync.Map // string → cel.Program
}

// NewCompiler returns a compiler for env.
func NewCompiler(env *cel.Env) *Compiler { return &Compiler{env: env} }

// Problem is one thing wrong with an expression, at its 1-based line and
// column (0 when the problem is the whole expression's).
type Problem struct {
	Line, Column int
	VI, EN       string
}

// Check compiles and type-checks expr as Program does, and returns every
// problem found, for an editor to show at its place; none when it compiles.
func (c *Compiler) Check(expr string) []Problem {
	_, probs := c.compile(expr)
	return probs
}

func (c *Compiler) compile(expr string) (*cel.Ast, []Problem) {
	ast, iss := c.env.Compile(expr)
	if iss.Err() != nil {
		var out []Problem
		for _, e := range iss.Errors() {
			out = append(out, Problem{Line: e.Location.Line(), Column: e.Location.Column() + 1, VI: e.Message, EN: e.Message})
		}
		return nil, out
	}
	if ast.OutputType() != cel.BoolType {
		return nil, []Problem{{
			VI: fmt.Sprintf("Biểu thức phải trả về true/false, không phải %s.", ast.OutputType()),
			EN: fmt.Sprintf("The expression must yield true or false, not %s.", ast.OutputType()),
		}}
	}
	return ast, nil
}

// Program compiles and type-checks expr, which must yield a bool. Errors are
// INVALID_EXPRESSION with the line and column of each problem.
func (c *Compiler) Program(expr string) (cel.Program, error) {
	if p, ok := c.programs.Load(expr); ok {
		return p.(cel.Program), nil
	}
	ast, probs := c.compile(expr)
	if len(probs) == 1 && probs[0].Line == 0 {
		return nil, errs.New(errs.Invalid, errs.CodeInvalidExpression, nil, probs[0].VI, probs[0].EN)
	}
	if len(probs) > 0 {
		var vi, en []string
		for _, e := range probs {
			at := fmt.Sprintf("%d:%d", e.Line, e.Column)
			vi = append(vi, fmt.Sprintf("dòng:cột %s: %s", at, e.VI))
			en = append(en, fmt.Sprintf("line:column %s: %s", at, e.EN))
		}
		return nil, errs.New(errs.Invalid, errs.CodeInvalidExpression, nil,
			"Biểu thức điều kiện không hợp lệ: "+strings.Join(vi, "; "),
			"Invalid rule expression: "+strings.Join(en, "; "))
	}
	p, err := c.env.Program(ast, cel.EvalOptions(cel.OptOptimize))
	if err != nil {
		return nil, errs.Internalf(err, "plan rule")
	}
	c.programs.Store(expr, p)
	return p, nil
}
