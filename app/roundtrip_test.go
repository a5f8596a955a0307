package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Texts kept in two languages answer both under one ID whatever the
// caller's language, so an edit form reads back what was written and a
// client cache keyed by ID holds one truth; the convenience field beside
// them follows Accept-Language.
func TestBilingualTextsRoundTrip(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const q = `{ fundCalls(first: 1) { edges { node { id
		questions { label labelLocalized { vi en } }
		eligibilityRules { description descriptionLocalized { vi en } } } } }
		criteriaSets { title titleLocalized { vi en } criteria { passReason passReasonLocalized { vi en } } }
		sectors { label labelLocalized { vi en } } }`
	vi := e.do(t, req{query: q})
	en := e.do(t, req{query: q, headers: map[string]string{"Accept-Language": "en"}})
	require.Empty(t, vi.Errors)
	require.Empty(t, en.Errors)
	for _, c := range []struct{ field, localized string }{
		{"fundCalls.edges.0.node.questions.0.label", "fundCalls.edges.0.node.questions.0.labelLocalized"},
		{"fundCalls.edges.0.node.eligibilityRules.0.description", "fundCalls.edges.0.node.eligibilityRules.0.descriptionLocalized"},
		{"criteriaSets.0.title", "criteriaSets.0.titleLocalized"},
		{"criteriaSets.0.criteria.0.passReason", "criteriaSets.0.criteria.0.passReasonLocalized"},
		{"sectors.0.label", "sectors.0.labelLocalized"},
	} {
		assert.Equal(t, vi.Get(c.localized), en.Get(c.localized), "%s: the same in either language", c.localized)
		assert.NotEmpty(t, en.Str(c.localized+".en"), "%s: the demo writes English", c.localized)
		assert.Equal(t, vi.Str(c.localized+".vi"), vi.Str(c.field))
		assert.Equal(t, en.Str(c.localized+".en"), en.Str(c.field))
		assert.NotEqual(t, vi.Str(c.field), en.Str(c.field), c.field)
	}
}
