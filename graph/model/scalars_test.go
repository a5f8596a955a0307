package model

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/value"
)

// FuzzUnmarshalScalars feeds the custom scalars what a client can send —
// a JSON string, a JSON number, or anything else — and wants a value or
// an INVALID_VALUE, never a panic nor an error that would be INTERNAL.
func FuzzUnmarshalScalars(f *testing.F) {
	for _, s := range []string{`"2026-11-21"`, `"2026-11-21T09:30:00Z"`, `"2030-01-01T00:00:00"`, `1500000000`, `1.5`, `-1`,
		`"1.500.000"`, `1e30`, `null`, `[]`, `{"a":1}`, `true`, `"\u0000"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		var v any
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.UseNumber() // as the transport decodes variables
		if dec.Decode(&v) != nil {
			return
		}
		check := func(err error) {
			if err == nil {
				return
			}
			require.Len(t, errs.Flatten(err), 1, "a domain error: %v", err)
			assert.Equal(t, errs.Invalid, errs.KindOf(err))
		}
		_, err := UnmarshalDate(v)
		check(err)
		_, err = UnmarshalDateTime(v)
		check(err)
		amount, err := UnmarshalVND(v)
		check(err)
		if err == nil {
			assert.GreaterOrEqual(t, int64(amount), int64(0))
		}
	})
}

// An amount goes out as a string of digits and comes back as itself,
// through both forms clients send, up to the documented bound.
func TestVNDRoundTrips(t *testing.T) {
	for _, n := range []int64{0, 1_500_000_000, 1<<53 + 1, 1_000_000_000_000_000_000} {
		var b strings.Builder
		MarshalVND(value.VND(n)).MarshalGQL(&b)
		var s string
		require.NoError(t, json.Unmarshal([]byte(b.String()), &s), "a JSON string: %s", b.String())
		back, err := UnmarshalVND(s)
		require.NoError(t, err)
		assert.Equal(t, value.VND(n), back)
		back, err = UnmarshalVND(json.Number(s))
		require.NoError(t, err)
		assert.Equal(t, value.VND(n), back)
	}
	_, err := UnmarshalVND("1000000000000000001")
	assert.Equal(t, errs.Invalid, errs.KindOf(err), "above 10^18")
	assert.Equal(t, value.VND(math.MaxInt64), value.VND(math.MaxInt64-1).Plus(5), "sums saturate")
}
