package value_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/ecosystem"
	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/funding"
	"github.com/innoport/innoport/domain/value"
)

func TestNewTaxCode(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		code     errs.Code
	}{
		{in: "0100233488", want: "0100233488"},
		{in: "0100109106", want: "0100109106"},
		{in: " 0100109106 ", want: "0100109106"},
		{in: "0100109106-001", want: "0100109106-001"},
		{in: "0100109106999", want: "0100109106-999"},
		{in: "", code: errs.CodeRequired},
		{in: "0100233489", code: errs.CodeInvalidTaxCode},     // wrong check digit
		{in: "010023348", code: errs.CodeInvalidTaxCode},      // nine digits
		{in: "01002334880", code: errs.CodeInvalidTaxCode},    // eleven digits
		{in: "01002334a8", code: errs.CodeInvalidTaxCode},     // a letter
		{in: "0100109106-000", code: errs.CodeInvalidTaxCode}, // suffix 000
		{in: "0100109106-01", code: errs.CodeInvalidTaxCode},  // short suffix
		{in: "0100109106/001", code: errs.CodeInvalidTaxCode}, // wrong separator
		{in: "0100000000", code: errs.CodeInvalidTaxCode},     // digits 3-9 all zero
		{in: "０１００２３３４８８", code: errs.CodeInvalidTaxCode},     // full-width digits
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := value.NewTaxCode(tt.in)
			if tt.code != "" {
				require.Error(t, err)
				assert.Equal(t, tt.code, errs.Flatten(err)[0].Code)
				assert.NotEmpty(t, errs.Flatten(err)[0].VI)
				assert.NotEmpty(t, errs.Flatten(err)[0].EN)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.String())
		})
	}
}

// TestTaxCheckDigitRemainderZeroHasNoDigit: a weighted sum ≡ 0 (mod 11) would
// need the check digit 10, so no code with those nine digits exists.
func TestTaxCheckDigitRemainderZeroHasNoDigit(t *testing.T) {
	t.Parallel()
	found := 0
	for seq := 1000000; seq < 1000200; seq++ {
		nine := "02" + itoa7(seq)
		d, ok := value.TaxCheckDigit(nine)
		if !ok {
			found++
			for c := '0'; c <= '9'; c++ {
				_, err := value.NewTaxCode(nine + string(c))
				assert.Error(t, err, "%s%c", nine, c)
			}
			continue
		}
		_, err := value.NewTaxCode(nine + string(rune('0'+d)))
		assert.NoError(t, err)
	}
	assert.Positive(t, found, "some sequences have no valid check digit")
}

func itoa7(n int) string {
	s := []byte("0000000")
	for i := 6; i >= 0; i-- {
		s[i] = byte('0' + n%10)
		n /= 10
	}
	return string(s)
}

func FuzzNewTaxCode(f *testing.F) {
	for _, s := range []string{"0100233488", "0100109106-001", "0100109106000", "", "abc", "0100233488-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tc, err := value.NewTaxCode(s)
		if err != nil {
			assert.Len(t, errs.Flatten(err), 1, "a domain error, never a panic or a raw error")
			return
		}
		again, err := value.NewTaxCode(tc.String())
		require.NoError(t, err, "the canonical form parses")
		assert.Equal(t, tc, again)
		assert.Contains(t, []int{10, 14}, len(tc.String()))
	})
}

func TestParseVND(t *testing.T) {
	t.Parallel()
	ok := map[string]value.VND{
		"0": 0, "1500000000": 1_500_000_000, "1.500.000.000": 1_500_000_000, "1,500,000,000": 1_500_000_000,
		"1 500 000": 1_500_000, " 999 ": 999, "12_345": 12_345,
	}
	for in, want := range ok {
		got, err := value.ParseVND(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "1.5", "1,50", "-5", "1..000", "1.000.", ".100", "1e9", "12345.678", "1.0000",
		"99999999999999999999", "2.000.000.000.000.000.000"} {
		_, err := value.ParseVND(in)
		assert.Error(t, err, in)
		assert.Equal(t, errs.Invalid, errs.KindOf(err), in)
	}
}

func FuzzParseVND(f *testing.F) {
	for _, s := range []string{"1.500.000", "1,5", "12 345", "-1", "1e3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := value.ParseVND(s)
		if err != nil {
			return
		}
		assert.GreaterOrEqual(t, v, value.VND(0))
		assert.LessOrEqual(t, v, value.MaxVND)
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
		again, err := value.ParseVND(digits)
		require.NoError(t, err)
		assert.Equal(t, v, again, "separators never change the amount")
	})
}

func TestVNDString(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "1.500.000.000 ₫", value.VND(1_500_000_000).String())
	assert.Equal(t, "0 ₫", value.VND(0).String())
	assert.Equal(t, "999 ₫", value.VND(999).String())
}

func TestPhoneEmailURL(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"0912 345 678": "+84912345678", "+84 912.345.678": "+84912345678",
		"(0225) 3842 658": "+842253842658"} {
		p, err := value.NewPhone(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, p.String())
	}
	for _, in := range []string{"912345678", "+1 202 555 0100", "0012345678", "09123", "0912abc678"} {
		_, err := value.NewPhone(in)
		assert.Error(t, err, in)
	}
	e, err := value.NewEmail("An.Nguyen@Example.VN")
	require.NoError(t, err)
	assert.Equal(t, "an.nguyen@example.vn", e.String())
	for _, in := range []string{"a@b", "An <a@b.vn>", "no-at.vn", ""} {
		_, err := value.NewEmail(in)
		assert.Error(t, err, in)
	}
	for _, in := range []string{"ftp://x.vn", "example.vn", "https://"} {
		_, err := value.WebURL(in)
		assert.Error(t, err, in)
	}
}

func TestTextNormalisesToNFC(t *testing.T) {
	t.Parallel()
	decomposed := "Le\u0302\u0300 Cha\u0302n" // "Lề Chân" typed with combining marks
	w, err := value.NewWard(decomposed)
	require.NoError(t, err)
	assert.Equal(t, "Lề Chân", w.String())
	_, err = value.Text(strings.Repeat("ệ", 11), true, 10)
	assert.Error(t, err, "length counts characters")
	s, err := value.Text(strings.Repeat("ệ", 10), true, 10)
	require.NoError(t, err)
	assert.Len(t, []rune(s), 10)
}

func TestDatesAreReadInHoChiMinhCity(t *testing.T) {
	t.Parallel()
	// 17:30 UTC on 31 December is already 1 January in Hai Phong.
	d := value.DateOf(time.Date(2025, 12, 31, 17, 30, 0, 0, time.UTC))
	assert.Equal(t, "2026-01-01", d.String())
	start := d.Start()
	assert.Equal(t, time.Date(2025, 12, 31, 17, 0, 0, 0, time.UTC), start.UTC())
	_, err := value.ParseDate("2026-02-30")
	assert.Error(t, err)
}

func TestNewIDsSortByCreationTime(t *testing.T) {
	t.Parallel()
	a := value.NewID(time.UnixMilli(1_700_000_000_000))
	b := value.NewID(time.UnixMilli(1_700_000_000_001))
	assert.Len(t, a, 26)
	assert.Less(t, a, b)
	assert.NotEqual(t, value.NewID(time.UnixMilli(5)), value.NewID(time.UnixMilli(5)))
}

func TestSectorsAndStages(t *testing.T) {
	t.Parallel()
	got, err := value.ParseSectors([]string{"FINTECH", "EDTECH", "FINTECH"})
	require.NoError(t, err)
	assert.Equal(t, []value.Sector{value.SectorFintech, value.SectorEdtech}, got)
	_, err = value.ParseSectors([]string{"FINTECH", "SPACE"})
	require.Error(t, err)
	assert.Equal(t, []string{"1"}, errs.Flatten(err)[0].Field)
	priority := 0
	for _, s := range value.Sectors() {
		if s.Priority {
			priority++
		}
		assert.NotEmpty(t, s.VI)
		assert.NotEmpty(t, s.EN)
	}
	assert.Equal(t, 6, priority)
	assert.Less(t, value.StageIdea.Rank(), value.StageGrowth.Rank())
	assert.Equal(t, -1, value.Stage("X").Rank())
}

func TestNumbersAreWrittenPerLanguage(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "1.500.000.000 ₫", value.VND(1_500_000_000).String())
	assert.Equal(t, "1,500,000,000 VND", value.VND(1_500_000_000).EN())
	assert.Equal(t, "0 VND", value.VND(0).EN())
	assert.Equal(t, "999 VND", value.VND(999).EN())
	assert.Equal(t, "1.234,5", value.NumberVI(1234.5))
	assert.Equal(t, "1,234.5", value.NumberEN(1234.5))
	assert.Equal(t, "-12.000.000", value.NumberVI(-12e6))
	assert.Equal(t, "0,25", value.NumberVI(0.25))
}

func TestKey(t *testing.T) {
	t.Parallel()
	for _, ok := range []string{"young_firm", "a", "x1", strings.Repeat("k", value.MaxKeyChars)} {
		assert.NoError(t, value.Key(ok), ok)
	}
	for _, bad := range []string{"", "1st", "Young", "young-firm", "năm", strings.Repeat("k", value.MaxKeyChars+1)} {
		assert.Equal(t, errs.Invalid, errs.KindOf(value.Key(bad)), bad)
	}
}

func TestLocalShowsSecondsOnlyWhenThereAreSome(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "28/11/2026 09:15", value.Local(time.Date(2026, 11, 28, 2, 15, 0, 0, time.UTC)))
	assert.Equal(t, "31/12/2026 23:59:59", value.Local(time.Date(2026, 12, 31, 16, 59, 59, 0, time.UTC)))
}

// Every patch names only fields of its draft, of their types: a patch field
// misnamed or mistyped fails here rather than being silently ignored.
func TestPatchesOverlayTheirDrafts(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ draft, patch any }{
		{&firm.Draft{}, firm.Patch{}},
		{&ecosystem.InvestorDraft{}, ecosystem.InvestorPatch{}},
		{&ecosystem.MentorDraft{}, ecosystem.MentorPatch{}},
		{&funding.CallInput{}, funding.CallPatch{}},
	} {
		assert.NoError(t, value.CheckOverlay(c.draft, c.patch), "%T", c.patch)
	}
	type draft struct {
		Name string
		Size int
	}
	name := "Cảng Xanh"
	d := draft{Name: "cũ", Size: 3}
	value.Overlay(&d, struct{ Name *string }{Name: &name})
	assert.Equal(t, draft{Name: "Cảng Xanh", Size: 3}, d, "set fields overlay, the rest stay")
	assert.Error(t, value.CheckOverlay(&d, struct{ Sise *int }{}), "a misnamed field")
	assert.Error(t, value.CheckOverlay(&d, struct{ Size *string }{}), "a mistyped field")
}
