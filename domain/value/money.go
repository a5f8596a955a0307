package value

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/innoport/innoport/domain/errs"
)

// VND is an amount of Vietnamese đồng. Đồng has no minor unit, so amounts are
// whole numbers; floats are never used for money.
type VND int64

// MaxVND bounds an amount to 10^18 đồng, the bound the API documents: far
// above any real ticket or budget, and below int64's 9.2 × 10^18, so an
// amount is always exact. Sums of amounts use Plus, which saturates.
const MaxVND VND = 1_000_000_000_000_000_000

// Plus is v + o, or the largest VND when the sum would overflow: a sum of
// amounts (a ranking's cumulative request) only ever compares against a
// budget, which a saturated sum exceeds as the true one would.
func (v VND) Plus(o VND) VND {
	if o > 0 && v > math.MaxInt64-o {
		return math.MaxInt64
	}
	return v + o
}

// NewVND validates a non-negative amount within MaxVND.
func NewVND(n int64) (VND, error) {
	if n < 0 {
		return 0, errs.InvalidValue("Số tiền không được âm.", "The amount cannot be negative.")
	}
	if VND(n) > MaxVND {
		return 0, errs.InvalidValue(
			fmt.Sprintf("Số tiền vượt quá mức tối đa %s.", MaxVND),
			fmt.Sprintf("The amount exceeds the maximum of %s.", MaxVND.EN()))
	}
	return VND(n), nil
}

// ParseVND parses a whole amount such as "1500000000". Thousands may be
// grouped with ".", ",", " " or "_" ("1.500.000.000", "1,500,000,000"), in
// groups of exactly three digits, so a decimal like "1.5" is refused rather
// than misread as 15.
func ParseVND(s string) (VND, error) {
	invalid := errs.InvalidValue(
		fmt.Sprintf("Số tiền %q không hợp lệ: chỉ dùng số nguyên đồng.", s),
		fmt.Sprintf("Invalid amount %q: use whole đồng.", s))
	groups := strings.FieldsFunc(strings.TrimSpace(s), func(r rune) bool {
		return r == '.' || r == ',' || r == ' ' || r == '_'
	})
	if len(groups) == 0 || len(strings.Join(groups, "")) != len(strings.TrimSpace(s))-(len(groups)-1) {
		return 0, invalid // empty, or separators doubled or at an end
	}
	for i, g := range groups {
		if !allDigits(g) || g == "" || (i > 0 && len(g) != 3) || (i == 0 && len(groups) > 1 && len(g) > 3) {
			return 0, invalid
		}
	}
	n, err := strconv.ParseInt(strings.Join(groups, ""), 10, 64)
	if err != nil {
		return 0, errs.InvalidValue(
			fmt.Sprintf("Số tiền %q quá lớn.", s), fmt.Sprintf("The amount %q is too large.", s))
	}
	return NewVND(n)
}

// String formats the amount as Vietnamese write it, e.g. "1.500.000.000 ₫".
func (v VND) String() string { return group(strconv.FormatInt(int64(v), 10), '.') + " ₫" }

// EN formats the amount as English write it, e.g. "1,500,000,000 VND".
func (v VND) EN() string { return group(strconv.FormatInt(int64(v), 10), ',') + " VND" }

// NumberVI writes a number as Vietnamese do: "1.234,5".
func NumberVI(f float64) string {
	s := NumberEN(f)
	return strings.NewReplacer(",", ".", ".", ",").Replace(s)
}

// NumberEN writes a number as English do: "1,234.5".
func NumberEN(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	whole, frac, hasFrac := strings.Cut(s, ".")
	s = group(whole, ',')
	if hasFrac {
		s += "." + frac
	}
	return s
}

// group puts sep between the thousands of a run of digits (with an
// optional minus sign).
func group(digits string, sep byte) string {
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(sep)
		}
		b.WriteByte(digits[i])
	}
	return b.String()
}

// Range is an inclusive range of amounts, such as an investor's ticket size.
type Range struct {
	Min, Max VND
}

// NewRange validates that min does not exceed max.
func NewRange(lo, hi VND) (Range, error) {
	if lo > hi {
		return Range{}, errs.InvalidValue(
			"Mức tối thiểu không được lớn hơn mức tối đa.", "The minimum cannot exceed the maximum.")
	}
	return Range{Min: lo, Max: hi}, nil
}

// Contains reports whether v lies in the range.
func (r Range) Contains(v VND) bool { return v >= r.Min && v <= r.Max }
