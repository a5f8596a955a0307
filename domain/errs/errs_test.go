package errs_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/innoport/innoport/domain/errs"
)

func TestCheckKeepsEveryNestedError(t *testing.T) {
	t.Parallel()
	var inner errs.List
	inner.Add(errs.Required("a"))
	inner.Add(errs.InvalidValue("vi", "en", "b"))
	var outer errs.List
	assert.False(t, outer.Check(inner.Err(), "x"))
	assert.True(t, outer.Check(nil, "y"))
	assert.False(t, outer.Check(errors.New("disk"), "z"))
	got := errs.Flatten(outer.Err())
	assert.Len(t, got, 3)
	assert.Equal(t, []string{"x", "a"}, got[0].Field)
	assert.Equal(t, []string{"x", "b"}, got[1].Field)
	assert.Equal(t, errs.Internal, got[2].Kind, "a foreign error is internal")
	assert.Equal(t, errs.Internal, errs.KindOf(outer.Err()))
}
