package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/innoport/innoport/domain/value"
)

func day(s string) value.Date {
	d, err := value.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestWorkingDaysSkipWeekendsAndHolidays(t *testing.T) {
	t.Parallel()
	// Tết 2027: 5–11 February are holidays (Friday to Thursday).
	cal := Calendar{Holidays: []value.Date{day("2027-02-05"), day("2027-02-08"), day("2027-02-09"), day("2027-02-10"), day("2027-02-11")}}
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2026-11-23", 5, "2026-11-30"}, // Monday + 5 = next Monday
		{"2026-11-27", 5, "2026-12-04"}, // Friday + 5 = next Friday
		{"2026-11-28", 1, "2026-11-30"}, // Saturday + 1 = Monday
		{"2027-02-04", 1, "2027-02-12"}, // Thursday before Tết + 1 = Friday after it
		{"2027-02-03", 5, "2027-02-17"}, // Thu 4, (Tết), Fri 12, Mon 15, Tue 16, Wed 17
		{"2027-04-29", 5, "2027-05-06"}, // 30/4 and 1/5 are holidays only when listed: here they are not
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cal.AddWorkingDays(day(tt.from), tt.n).String(), "%s + %d", tt.from, tt.n)
	}
	withMay := Calendar{Holidays: []value.Date{day("2027-04-30"), day("2027-05-03")}}
	assert.Equal(t, "2027-05-10", withMay.AddWorkingDays(day("2027-04-29"), 5).String(), "30/4 and the 1/5 substitute day listed")
	assert.False(t, cal.IsWorkingDay(day("2027-02-08")))
	assert.True(t, cal.IsWorkingDay(day("2027-02-12")))
}
