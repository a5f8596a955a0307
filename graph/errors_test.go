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

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/graph/model"
)

// TestUserErrorCodesAreTheDomains: the schema's UserErrorCode enum has
// exactly the codes errs declares for userErrors, read from its source so
// that no list is kept by hand.
func TestUserErrorCodesAreTheDomains(t *testing.T) {
	t.Parallel()
	f, err := parser.ParseFile(token.NewFileSet(), "../domain/errs/errs.go", nil, parser.ParseComments)
	require.NoError(t, err)
	var domain []string
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST || g.Doc == nil || !strings.Contains(g.Doc.Text(), "UserErrorCode enum") {
			continue
		}
		for _, spec := range g.Specs {
			for _, v := range spec.(*ast.ValueSpec).Values {
				code, err := strconv.Unquote(v.(*ast.BasicLit).Value)
				require.NoError(t, err)
				domain = append(domain, code)
			}
		}
	}
	require.NotEmpty(t, domain, "the userError codes' block of errs.go")
	var schema []string
	for _, c := range model.AllUserErrorCode {
		schema = append(schema, string(c))
	}
	assert.ElementsMatch(t, domain, schema)
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
