package incentive

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/google/cel-go/cel"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

// Standing is where a firm stands on an incentive.
type Standing string

// The standings.
const (
	Qualifies       Standing = "QUALIFIES"
	NotYet          Standing = "NOT_YET"
	MissingEvidence Standing = "MISSING_EVIDENCE"
)

var standingLabels = value.Labels[Standing]{
	Qualifies: {"đủ điều kiện", "qualifies"}, NotYet: {"chưa đủ điều kiện", "not yet"},
	MissingEvidence: {"thiếu minh chứng", "missing evidence"},
}

// Label names the standing in Vietnamese or English.
func (s Standing) Label(english bool) string { return standingLabels.Of(s, english) }

// standingOf reads a screening status as a standing: conditions combine as
// criteria do.
func standingOf(s screening.Status) Standing {
	switch s {
	case screening.Eligible:
		return Qualifies
	case screening.NeedsEvidence:
		return MissingEvidence
	}
	return NotYet
}

// Plan is an incentive with its conditions compiled.
type Plan struct {
	Incentive Incentive
	criteria  []screening.Criterion
	progs     []cel.Program
}

// Compile plans an incentive for judging.
func Compile(i Incentive) (*Plan, error) {
	p := &Plan{Incentive: i}
	for _, c := range i.Conditions {
		prg, err := compiler.Program(c.Expression)
		if err != nil {
			return nil, fmt.Errorf("incentive %s v%d, condition %s: %w", i.Key, i.IncentiveVersion, c.Key, err)
		}
		p.criteria = append(p.criteria, c.Criterion)
		p.progs = append(p.progs, prg)
	}
	return p, nil
}

// Judgement is a firm's standing on one incentive, condition by condition.
type Judgement struct {
	Standing Standing
	Outcomes []screening.Outcome
	// Unlock is the index of the condition whose step would make the firm
	// qualify — the only unmet condition (or group of alternatives) with a
	// step written — or -1 when no single step would.
	Unlock int
}

// Subject prepares a firm for judging as of a date: its facts, and its
// status under each active criteria set as `screening`.
func Subject(f firm.Startup, asOf value.Date, sets []*screening.Plan) *screening.Subject {
	sub := screening.NewSubject(f, asOf)
	statuses := make(map[string]string, len(sets))
	for _, p := range sets {
		st, _ := p.Evaluate(sub)
		statuses[p.Set.Key] = string(st)
	}
	return sub.With(map[string]any{"screening": statuses})
}

// Judge decides a subject's standing on the incentive.
func (p *Plan) Judge(sub *screening.Subject) Judgement {
	status, outcomes := screening.Judge(p.criteria, p.progs, sub)
	j := Judgement{Standing: standingOf(status), Outcomes: outcomes, Unlock: -1}
	if j.Standing == Qualifies {
		return j
	}
	// The units: each required condition, and each group of alternatives.
	// One unit unmet, with a step written for a condition of it, unlocks.
	var units []string
	passed, failing := map[string]bool{}, map[string][]int{}
	for i, o := range outcomes {
		unit := cmp.Or(o.Group, "#"+o.Key)
		if !slices.Contains(units, unit) {
			units = append(units, unit)
		}
		if o.Passed {
			passed[unit] = true
		} else {
			failing[unit] = append(failing[unit], i)
		}
	}
	units = slices.DeleteFunc(units, func(u string) bool { return passed[u] })
	if len(units) == 1 {
		for _, i := range failing[units[0]] {
			if p.Incentive.Conditions[i].UnlockVI != "" {
				j.Unlock = i
				break
			}
		}
	}
	return j
}

// Step is the condition's step in the requested language.
func (c Condition) Step(l errs.Lang) string {
	if l == errs.EN {
		return c.UnlockEN
	}
	return c.UnlockVI
}
