package value_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// The parsers behind the API's custom scalars and its text validator, fuzzed:
// whatever the input, a value that obeys its rules or an INVALID_VALUE,
// never a panic nor an error of another kind. Seeds are in testdata/fuzz.

// invalid checks err is one INVALID_VALUE the client can be shown.
func invalid(t *testing.T, err error) {
	t.Helper()
	es := errs.Flatten(err)
	require.Len(t, es, 1, "a domain error, never a raw one: %v", err)
	assert.Equal(t, errs.Invalid, errs.KindOf(err))
	assert.NotEmpty(t, es[0].VI)
	assert.NotEmpty(t, es[0].EN)
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-21", "2026-02-30", "2026-13-01", "0000-01-01", "99999-01-01", "2026-1-1", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := value.ParseDate(s)
		if err != nil {
			invalid(t, err)
			return
		}
		assert.Equal(t, s, d.String(), "a date has one spelling")
		again, err := value.ParseDate(d.String())
		require.NoError(t, err)
		assert.Equal(t, d, again)
	})
}

func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2026-11-21T09:30:00Z", "2026-11-21T09:30:00.123456789+07:00", "2030-01-01T00:00:00",
		"2026-13-01T00:00:00Z", "10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-11-21T25:00:00Z", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at, err := value.ParseDateTime(s)
		if err != nil {
			invalid(t, err)
			return
		}
		assert.Equal(t, time.UTC, at.Location(), "instants are UTC")
		assert.Zero(t, at.Nanosecond()%int(time.Millisecond), "at the store's resolution")
		assert.True(t, at.Year() >= 1 && at.Year() <= 9999)
		again, err := value.ParseDateTime(at.Format(time.RFC3339Nano))
		require.NoError(t, err, "what is answered parses back")
		assert.True(t, at.Equal(again))
	})
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"Công ty Cảm biến Biển", "Probe\x00NUL", "\x1b[31mĐỏ", "dòng một\ndòng hai\tcột", "a\ufffdb",
		"\xff\xfe", norm.NFD.String("khởi nghiệp"), "  ", "\u0085"} {
		f.Add(s, 100)
		f.Add(s, value.ParagraphChars)
	}
	f.Fuzz(func(t *testing.T, s string, maxChars int) {
		if maxChars < 1 || maxChars > 20_000 {
			return
		}
		out, err := value.Text(s, true, maxChars)
		if err != nil {
			es := errs.Flatten(err)
			require.Len(t, es, 1)
			assert.Contains(t, []errs.Code{errs.CodeInvalidValue, errs.CodeRequired}, es[0].Code)
			return
		}
		assert.True(t, utf8.ValidString(out))
		assert.NotContains(t, out, "\ufffd")
		assert.LessOrEqual(t, utf8.RuneCountInString(out), maxChars)
		assert.Equal(t, norm.NFC.String(out), out, "stored in NFC")
		assert.Equal(t, strings.TrimSpace(out), out)
		for _, r := range out {
			if r == '\n' || r == '\r' || r == '\t' {
				assert.GreaterOrEqual(t, maxChars, value.ParagraphChars, "line breaks only in paragraphs")
				continue
			}
			assert.False(t, r < 0x20 || r >= 0x7f && r < 0xa0, "no control character: %U", r)
		}
		again, err := value.Text(out, true, maxChars)
		require.NoError(t, err, "a checked text checks again")
		assert.Equal(t, out, again)
	})
}
