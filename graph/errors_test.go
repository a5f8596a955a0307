package graph

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/graph/model"
)

// TestUserErrorCodesAreInTheSchema: every code the domain reports as a
// userError is a value of the schema's UserErrorCode enum.
func TestUserErrorCodesAreInTheSchema(t *testing.T) {
	t.Parallel()
	for _, c := range []errs.Code{errs.CodeRequired, errs.CodeInvalidValue, errs.CodeInvalidTaxCode,
		errs.CodeDuplicateTaxCode, errs.CodeVersionConflict, errs.CodeNotFound, errs.CodeInvalidExpression, errs.CodeInvalidTransition,
		errs.CodeCallNotOpen, errs.CodeNotEligible, errs.CodeDuplicateApplication, errs.CodeIdempotencyKeyReused,
		errs.CodeConflictOfInterest, errs.CodeRegistrationClosed, errs.CodeEventFull, errs.CodeAlreadyRegistered,
		errs.CodeCannotMeet, errs.CodeRequestExpired, errs.CodeSlotTaken, errs.CodeMeetingLimit, errs.CodeDuplicateRequest} {
		assert.True(t, model.UserErrorCode(c).IsValid(), c)
	}
}

func TestUserErrorsSplitsFixableFromTopLevel(t *testing.T) {
	t.Parallel()
	ctx := withLang(context.Background(), errs.EN)
	var list errs.List
	list.Add(errs.Required("name"))
	list.Add(errs.InvalidValue("vi", "en", "contact", "email"))
	ue, err := userErrors(ctx, list)
	require.NoError(t, err)
	require.Len(t, ue, 2)
	assert.Equal(t, []string{"input", "contact", "email"}, ue[1].Field)
	assert.Equal(t, "en", ue[1].Message)

	for _, top := range []error{errs.Forbidden(), errs.UnauthenticatedErr(), errors.New("disk on fire")} {
		ue, err := userErrors(ctx, top)
		assert.Nil(t, ue)
		assert.Equal(t, top, err)
	}
}

func TestLanguageFromAcceptLanguage(t *testing.T) {
	t.Parallel()
	for h, want := range map[string]errs.Lang{
		"": errs.VI, "vi": errs.VI, "en": errs.EN, "en-GB,en;q=0.9": errs.EN, "vi-VN,vi;q=0.9,en;q=0.8": errs.VI,
		"fr-FR,en;q=0.5": errs.EN, "fr": errs.VI, "garbage;;q=x": errs.VI,
	} {
		assert.Equal(t, want, langFromHeader(h), h)
	}
}

func TestAPanickingResolverAnswersInternalAndIsLoggedWithItsStack(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	err := recoverPanic(slog.New(slog.NewJSONHandler(&out, nil)))(context.Background(), "boom")
	assert.Equal(t, errs.Internal, errs.KindOf(err))
	assert.Contains(t, out.String(), `"panic":"boom"`)
	assert.Contains(t, out.String(), "goroutine", "the stack is logged")
}
