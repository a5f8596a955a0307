package graph

import (
	"context"
	"errors"
	"log/slog"
	"runtime/debug"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"golang.org/x/text/language"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/graph/model"
)

type langKey struct{}

var langMatcher = language.NewMatcher([]language.Tag{language.Vietnamese, language.English})

// langFromHeader picks Vietnamese or English from an Accept-Language header;
// Vietnamese unless English is preferred.
func langFromHeader(h string) errs.Lang {
	tags, _, err := language.ParseAcceptLanguage(h)
	if err != nil || len(tags) == 0 {
		return errs.VI
	}
	_, i, _ := langMatcher.Match(tags...)
	if i == 1 {
		return errs.EN
	}
	return errs.VI
}

func withLang(ctx context.Context, l errs.Lang) context.Context {
	return context.WithValue(ctx, langKey{}, l)
}

func langOf(ctx context.Context) errs.Lang {
	l, _ := ctx.Value(langKey{}).(errs.Lang)
	return l
}

// userErrors splits a use-case error: problems the caller can fix become
// userErrors, with input field paths under "input"; anything else is returned
// as a top-level error.
func userErrors(ctx context.Context, err error) ([]*model.UserError, error) {
	if err == nil {
		return []*model.UserError{}, nil
	}
	switch errs.KindOf(err) {
	case errs.Invalid, errs.NotFound, errs.Conflict, errs.FailedPrecondition:
	default:
		return nil, err
	}
	l := langOf(ctx)
	var out []*model.UserError
	for _, e := range errs.Flatten(err) {
		out = append(out, &model.UserError{
			Field:   append([]string{"input"}, e.Field...),
			Code:    model.UserErrorCode(e.Code),
			Message: e.Message(l),
		})
	}
	return out, nil
}

// presentError turns any resolver error into a GraphQL error: domain errors
// get their code and localised message; everything else is logged and shown
// as INTERNAL without details.
func presentError(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gqlErr := graphql.DefaultErrorPresenter(ctx, err)
		var ge *gqlerror.Error
		if errors.As(err, &ge) && ge.Err == nil {
			return gqlErr // gqlgen's own: parse, validation and limit errors, already coded
		}
		es := errs.Flatten(err)
		if len(es) == 0 || errs.KindOf(err) == errs.Internal {
			logger.ErrorContext(ctx, "request failed", "operation", operationOf(ctx), "path", gqlErr.Path.String(), "error", err.Error())
			es = []*errs.Error{errs.Internalf(err, "unclassified")}
		}
		e := es[0]
		gqlErr.Message = e.Message(langOf(ctx))
		gqlErr.Extensions = map[string]any{"code": string(e.Code)}
		if len(e.Field) > 0 {
			gqlErr.Extensions["field"] = e.Field
		}
		return gqlErr
	}
}

// recoverPanic answers INTERNAL for a panicking resolver and logs the panic.
func recoverPanic(logger *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		logger.ErrorContext(ctx, "resolver panicked", "operation", operationOf(ctx), "panic", p, "stack", string(debug.Stack()))
		return errs.Internalf(errors.New("panic"), "resolver")
	}
}
