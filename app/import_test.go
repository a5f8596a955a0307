package app

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/demo"
)

// TestImportEvidence applies evidence lines through the same validation as
// the API: good lines land (and are re-screened), bad ones are reported by
// line number and skipped.
func TestImportEvidence(t *testing.T) {
	t.Parallel()
	w := newWorld(t)
	r := w.e.do(t, req{token: w.member(t, "CatHai Wind"), query: `query($id: ID!) { startup(id: $id) { taxCode } }`,
		vars: map[string]any{"id": w.startup["CatHai Wind"]}})
	tax := r.Str("startup.taxCode")
	lines := strings.Join([]string{
		`{"taxCode": "` + tax + `", "evidence": {"legalForm": "JOINT_STOCK", "firstRegisteredOn": "2026-01-05",
			"awards": [{"name": "Giải Nhất Techfest Hải Phòng", "awardedOn": "2026-09-10", "documentRef": "files/techfest.pdf"}]},
			"revenue": [{"year": 2026, "amountVnd": 500000000, "stAmountVnd": 200000000}]}`,
		`{"taxCode": "0100233489"}`,
		`{"taxCode": "` + demo.TaxCode("09", 999) + `"}`,
		`{"taxCode": "` + tax + `", "evidence": {"awards": [{"name": "", "awardedOn": "2027-01-01", "documentRef": "x"}]}}`,
		`not json`,
	}, "\n")
	lines = strings.ReplaceAll(strings.ReplaceAll(lines, "\n\t\t\t", " "), "\t", "")
	var report bytes.Buffer
	applied, failed, err := importEvidenceLines(t.Context(), w.e.app.resolver.Firms, strings.NewReader(lines), &report)
	require.NoError(t, err)
	assert.Equal(t, 1, applied, report.String())
	assert.Equal(t, 4, failed)
	out := report.String()
	assert.Contains(t, out, "line 2: INVALID_TAX_CODE")
	assert.Contains(t, out, "line 3: NOT_FOUND")
	assert.Contains(t, out, "line 4: REQUIRED [evidence awards 0 name]")
	assert.Contains(t, out, "line 4: REQUIRED [evidence awards 0 name]: This field is required.; INVALID_VALUE [evidence awards 0 awardedOn]")
	assert.Contains(t, out, "line 5: not a JSON object")

	w.e.app.background.Wait()
	status, _ := statusOf(t, w.e, w.member(t, "CatHai Wind"), w.startup["CatHai Wind"], "innovative_startup_sme")
	assert.Equal(t, "ELIGIBLE", status, "the imported award makes it eligible")
	r = w.e.do(t, req{token: w.member(t, "CatHai Wind"), query: `query($id: ID!) { startup(id: $id) {
		evidence { legalForm awards { name awardedOn } } financials { revenue { year stAmountVnd } } } }`, vars: map[string]any{"id": w.startup["CatHai Wind"]}})
	assert.Equal(t, "JOINT_STOCK", r.Str("startup.evidence.legalForm"))
	assert.Equal(t, "2026-09-10", r.Str("startup.evidence.awards.0.awardedOn"))
	assert.Equal(t, int64(200_000_000), r.VND("startup.financials.revenue.0.stAmountVnd"))
}
