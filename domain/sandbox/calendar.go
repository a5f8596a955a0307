// Package sandbox is the controlled-testing mechanism: programs run by
// regulators, firms' applications to test a product with real customers
// under certified limits, the test with its periodic reports, breaches,
// suspensions and extensions, and the exit. Every transition is kept, and
// every service-level deadline is tracked in working days where the rules
// say so.
package sandbox

import (
	"slices"
	"time"

	"github.com/innoport/innoport/domain/value"
)

// Calendar tells working days: Monday to Friday, except public holidays,
// which are data (Vietnam's change every year with the lunar calendar).
type Calendar struct {
	Holidays []value.Date
}

// IsWorkingDay reports whether d is a working day.
func (c Calendar) IsWorkingDay(d value.Date) bool {
	switch d.Start().Weekday() {
	case time.Saturday, time.Sunday:
		return false
	}
	return !slices.Contains(c.Holidays, d)
}

// AddWorkingDays returns the n-th working day after d (d itself not counted).
func (c Calendar) AddWorkingDays(d value.Date, n int) value.Date {
	for n > 0 {
		d = value.DateOf(d.Start().AddDate(0, 0, 1))
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

// AddDays returns the date n calendar days after d.
func AddDays(d value.Date, n int) value.Date { return value.DateOf(d.Start().AddDate(0, 0, n)) }
