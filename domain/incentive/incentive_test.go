package incentive

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

var asOf = value.Date{Year: 2026, Month: time.December, Day: 1}

func shipped(t *testing.T, key string) *Plan {
	t.Helper()
	for _, spec := range Shipped() {
		if spec.Key == key {
			s, err := NewSpec(spec)
			require.NoError(t, err)
			p, err := Compile(Incentive{Spec: s, IncentiveVersion: 1, Status: Active})
			require.NoError(t, err)
			return p
		}
	}
	t.Fatalf("no shipped incentive %s", key)
	return nil
}

func sets(t *testing.T) []*screening.Plan {
	t.Helper()
	var out []*screening.Plan
	for _, spec := range []screening.SetSpec{screening.InnovativeStartupSME(), screening.STEnterprise()} {
		s, err := screening.NewSetSpec(spec)
		require.NoError(t, err)
		p, err := screening.Compile(screening.CriteriaSet{SetSpec: s, SetVersion: 1, Status: screening.SetActive})
		require.NoError(t, err)
		out = append(out, p)
	}
	return out
}

// young is a two-year-old incubated firm of 12 people with no evidence yet.
func young() firm.Startup {
	return firm.Startup{Meta: record.Meta{ID: "s1"}, Profile: firm.Profile{
		FoundedOn: value.Date{Year: 2024, Month: time.December, Day: 1}, TeamSize: 12, IncubatorID: "inc1",
		Sectors:  []value.Sector{value.SectorPortLogistics},
		Evidence: firm.Evidence{LegalForm: firm.LLCMultiMember},
	}}
}

func TestShippedCatalogueCompiles(t *testing.T) {
	t.Parallel()
	keys := map[string]bool{}
	for _, spec := range Shipped() {
		_, err := NewSpec(spec)
		require.NoError(t, err, spec.Key)
		assert.False(t, keys[spec.Key], "key %s twice", spec.Key)
		keys[spec.Key] = true
		if !spec.Example {
			assert.NotEqual(t, "—", spec.Article, "%s: an incentive from law cites its article", spec.Key)
		}
	}
}

func TestCertificateUnlocksTheSTTaxIncentive(t *testing.T) {
	t.Parallel()
	p := shipped(t, "st_enterprise_cit")
	f := young()
	before := p.Judge(Subject(f, asOf, sets(t)))
	assert.Equal(t, MissingEvidence, before.Standing, "no certificate provided at all")
	require.Equal(t, 0, before.Unlock)
	assert.Contains(t, p.Incentive.Conditions[before.Unlock].Step(errs.EN), "science and technology enterprise certificate")

	f.Evidence.Certificates = []firm.Certificate{{Kind: firm.HighTech, IssuedOn: value.Date{Year: 2025, Month: time.May, Day: 1}}}
	other := p.Judge(Subject(f, asOf, sets(t)))
	assert.Equal(t, NotYet, other.Standing, "a certificate of another kind")
	assert.Equal(t, 0, other.Unlock)

	f.Evidence.Certificates = append(f.Evidence.Certificates, firm.Certificate{Kind: firm.STEnterprise,
		IssuedOn: value.Date{Year: 2026, Month: time.November, Day: 30}})
	after := p.Judge(Subject(f, asOf, sets(t)))
	assert.Equal(t, Qualifies, after.Standing)
	assert.Equal(t, -1, after.Unlock)

	f.Evidence.Certificates[1].ExpiresOn = value.Date{Year: 2026, Month: time.November, Day: 30}
	assert.Equal(t, NotYet, p.Judge(Subject(f, asOf, sets(t))).Standing, "an expired certificate")
}

func TestConditionsReadScreening(t *testing.T) {
	t.Parallel()
	p := shipped(t, "innovative_sme_consulting")
	f := young()
	j := p.Judge(Subject(f, asOf, sets(t)))
	assert.Equal(t, NotYet, j.Standing)
	require.Equal(t, 0, j.Unlock, "only the screening condition is unmet")

	f.Evidence.Confirmations = []firm.Confirmation{{Issuer: "HPU", IssuedOn: value.Date{Year: 2026, Month: time.October, Day: 1}}}
	assert.Equal(t, Qualifies, p.Judge(Subject(f, asOf, sets(t))).Standing, "now an innovative startup SME")

	f.TeamSize = 250
	j = p.Judge(Subject(f, asOf, sets(t)))
	assert.Equal(t, NotYet, j.Standing)
	assert.Equal(t, -1, j.Unlock, "no step is written for growing smaller")

	assert.Equal(t, NotYet, p.Judge(Subject(young(), asOf, nil)).Standing,
		"without the criteria set the condition fails rather than erring")
}

func TestTwoUnmetConditionsHaveNoSingleStep(t *testing.T) {
	t.Parallel()
	p := shipped(t, "hp_incubation_grant")
	f := young()
	f.IncubatorID = ""
	j := p.Judge(Subject(f, asOf, sets(t)))
	assert.Equal(t, NotYet, j.Standing)
	assert.Equal(t, -1, j.Unlock)
}

func TestBadConditionIsRefusedAtItsPlace(t *testing.T) {
	t.Parallel()
	spec := Shipped()[0]
	spec.Conditions = []Condition{{Criterion: screening.Criterion{Key: "bad",
		Expression: "firm.certificates.exists(c,\n  c.kind == 1)",
		PassVI:     "x", PassEN: "x", FailVI: "x", FailEN: "x"}}}
	_, err := NewSpec(spec)
	require.Error(t, err)
	es := errs.Flatten(err)
	require.Len(t, es, 1)
	assert.Equal(t, errs.CodeInvalidExpression, es[0].Code)
	assert.Equal(t, []string{"conditions", "0", "expression"}, es[0].Field)
	assert.Contains(t, es[0].Message(errs.EN), "line:column 2:")
}
