package sandbox

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/innoport/innoport/domain/errs"
)

var statuses = []Status{Draft, Submitted, UnderAssessment, InfoRequested, Approved, Rejected, Testing, Suspended, Exited, Withdrawn}

// TestEveryIllegalTransitionIsRefused tries every pair of statuses for both
// sides: what the table allows passes, a move the other side may make is
// FORBIDDEN, anything else is INVALID_TRANSITION and changes nothing.
func TestEveryIllegalTransitionIsRefused(t *testing.T) {
	t.Parallel()
	allowed := 0
	for _, from := range statuses {
		for _, to := range statuses {
			for _, side := range []Side{FirmSide, RegulatorSide} {
				a := Application{Status: from}
				err := a.move(to, side, "u", "", time.Now())
				want, ok := transitions[from][to]
				switch {
				case ok && want == side:
					allowed++
					assert.NoError(t, err, "%s→%s", from, to)
					assert.Equal(t, to, a.Status)
					assert.Len(t, a.History, 1)
				case ok:
					assert.Equal(t, errs.CodeForbidden, errs.Flatten(err)[0].Code, "%s→%s by the other side", from, to)
					assert.Equal(t, from, a.Status)
				default:
					assert.Equal(t, errs.CodeInvalidTransition, errs.Flatten(err)[0].Code, "%s→%s", from, to)
					assert.Equal(t, from, a.Status)
					assert.Empty(t, a.History)
				}
			}
		}
	}
	assert.Equal(t, 16, allowed)
	for _, final := range []Status{Rejected, Exited, Withdrawn} {
		assert.Empty(t, transitions[final], "%s is final", final)
	}
}

func TestBreachesAgainstCertifiedLimits(t *testing.T) {
	t.Parallel()
	c := Limits{DurationDays: 90, MaxCustomers: 100, CapPerCustomer: 1_000, TotalCap: 10_000}
	assert.Empty(t, Report{Customers: 100, MaxExposure: 1_000, Volume: 10_000}.breaches(c))
	assert.Equal(t, []string{"maxCustomers", "capPerCustomerVnd", "totalCapVnd"},
		Report{Customers: 101, MaxExposure: 1_001, Volume: 10_001}.breaches(c))
	assert.Equal(t, []string{"maxCustomers", "wards", "capPerCustomerVnd"},
		Limits{DurationDays: 90, MaxCustomers: 101, Wards: []string{"Lê Chân"}, CapPerCustomer: 0, TotalCap: 5}.
			exceeding(Limits{DurationDays: 90, MaxCustomers: 100, Wards: []string{"Hải An"}, CapPerCustomer: 10, TotalCap: 5}))
}
