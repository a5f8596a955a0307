package value

import (
	"fmt"
	"time"
	_ "time/tzdata" // the zone database, so Asia/Ho_Chi_Minh loads on any machine

	"github.com/innoport/innoport/domain/errs"
)

// Zone is Asia/Ho_Chi_Minh, the zone business dates and deadlines are read in.
var Zone = mustLoad("Asia/Ho_Chi_Minh")

// Local writes t as people in Hai Phong read it in a message, in either
// language: "28/11/2026 09:15", with seconds when it has them ("31/12/2026
// 23:59:59", a deadline's last second).
func Local(t time.Time) string {
	t = t.In(Zone)
	if t.Second() != 0 {
		return t.Format("02/01/2006 15:04:05")
	}
	return t.Format("02/01/2006 15:04")
}

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // the embedded zone database always has it
	}
	return loc
}

// Date is a calendar date with no time of day, read in Asia/Ho_Chi_Minh.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate parses "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, Zone)
	if err != nil {
		return Date{}, errs.InvalidValue(
			fmt.Sprintf("Ngày %q không hợp lệ (định dạng YYYY-MM-DD).", s),
			fmt.Sprintf("Invalid date %q (use YYYY-MM-DD).", s))
	}
	return DateOf(t), nil
}

// DateOf returns the date of the instant t in Asia/Ho_Chi_Minh.
func DateOf(t time.Time) Date {
	y, m, d := t.In(Zone).Date()
	return Date{y, m, d}
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as "2006-01-02".
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// Start returns the first instant of the date in Asia/Ho_Chi_Minh.
func (d Date) Start() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, Zone) }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.Start().After(o.Start()) }

// ParseDateTime parses an instant in RFC 3339 with its zone
// ("2026-11-22T09:30:00+07:00", "2026-11-22T02:30:00.5Z"), years 0001 to
// 9999, and returns it in UTC at the store's resolution (milliseconds), so
// that an instant answered from memory equals the one read back later.
func ParseDateTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() < 1 {
		shown := s
		if len(shown) > 40 {
			shown = shown[:40] + "…"
		}
		return time.Time{}, errs.InvalidValue(
			fmt.Sprintf("Thời điểm %q không hợp lệ: dùng RFC 3339 kèm múi giờ, năm 0001–9999, ví dụ 2026-12-01T09:00:00+07:00.", shown),
			fmt.Sprintf("Invalid instant %q: use RFC 3339 with a zone, years 0001–9999, e.g. 2026-12-01T09:00:00+07:00.", shown))
	}
	return t.UTC().Truncate(time.Millisecond), nil
}
