package graph

import (
	"bytes"
	"context"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql/errcode"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/graph/model"
)

// TestErrorCodesAreTheDomains: the schema's UserErrorCode enum has exactly
// the codes errs declares for userErrors, and its ErrorCode enum exactly
// errs' top-level codes and the ones gqlgen itself reports; read from the
// source so that no list is kept by hand.
func TestErrorCodesAreTheDomains(t *testing.T) {
	t.Parallel()
	var user []string
	for _, c := range model.AllUserErrorCode {
		user = append(user, string(c))
	}
	assert.ElementsMatch(t, codesOf(t, "UserErrorCode enum"), user)
	var top []string
	for _, c := range model.AllErrorCode {
		top = append(top, string(c))
	}
	gqlgen := []string{errcode.ParseFailed, errcode.ValidationFailed, "PERSISTED_QUERY_NOT_FOUND"}
	assert.ElementsMatch(t, append(codesOf(t, "top-level errors only"), gqlgen...), top)
}

// codesOf reads the codes of the const block of errs.go whose comment says
// marker.
func codesOf(t *testing.T, marker string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "../domain/errs/errs.go", nil, parser.ParseComments)
	require.NoError(t, err)
	var out []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST || g.Doc == nil || !strings.Contains(g.Doc.Text(), marker) {
			continue
		}
		for _, spec := range g.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				code, err := strconv.Unquote(v.(*ast.BasicLit).Value)
				require.NoError(t, err)
				out = append(out, code)
			}
		}
	}
	require.NotEmpty(t, out, "the const block of errs.go saying %q", marker)
	return out
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
