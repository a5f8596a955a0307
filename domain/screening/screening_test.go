package screening

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/value"
)

// asOf is 22 November 2026 in Hai Phong.
var asOf = value.Date{Year: 2026, Month: time.November, Day: 22}

func d(s string) value.Date {
	v, err := value.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func plan(t *testing.T, spec SetSpec) *Plan {
	t.Helper()
	s, err := NewSetSpec(spec)
	require.NoError(t, err)
	p, err := Compile(CriteriaSet{SetSpec: s, SetVersion: 1, Status: SetActive})
	require.NoError(t, err)
	return p
}

// young is a firm registered two years ago as an LLC, with no evidence yet.
func young() firm.Startup {
	return firm.Startup{Meta: record.Meta{ID: "s1"}, Profile: firm.Profile{
		FoundedOn: d("2024-11-22"),
		Evidence:  firm.Evidence{LegalForm: firm.LLCMultiMember, FirstRegisteredOn: d("2024-11-22")},
	}}
}

func TestInnovativeStartupSME(t *testing.T) {
	t.Parallel()
	p := plan(t, InnovativeStartupSME())
	award := func(on string) func(*firm.Startup) {
		return func(s *firm.Startup) { s.Evidence.Awards = []firm.Award{{AwardedOn: d(on)}} }
	}
	tests := []struct {
		name      string
		change    func(*firm.Startup)
		criterion string // the criterion the case is about
		passed    bool
		want      Status
	}{
		{"no evidence at all", func(*firm.Startup) {}, "award_within_5_years", false, NeedsEvidence},
		{"registered exactly 5 years ago", func(s *firm.Startup) {
			s.Evidence.FirstRegisteredOn = d("2021-11-22")
			award("2026-01-10")(s)
		}, "within_5_years", true, Eligible},
		{"registered 5 years and a day ago", func(s *firm.Startup) {
			s.Evidence.FirstRegisteredOn = d("2021-11-21")
			award("2026-01-10")(s)
		}, "within_5_years", false, NotEligible},
		{"first registration unknown: the founding date counts", func(s *firm.Startup) {
			s.Evidence.FirstRegisteredOn, s.FoundedOn = value.Date{}, d("2018-01-01")
			award("2026-01-10")(s)
		}, "within_5_years", false, NeedsEvidence},
		{"joint-stock with a public offering", func(s *firm.Startup) {
			s.Evidence.LegalForm, s.Evidence.PublicOffering = firm.JointStock, true
			award("2026-01-10")(s)
		}, "no_public_offering", false, NotEligible},
		{"joint-stock without a public offering", func(s *firm.Startup) {
			s.Evidence.LegalForm = firm.JointStock
			award("2026-01-10")(s)
		}, "no_public_offering", true, Eligible},
		{"legal form unknown", func(s *firm.Startup) {
			s.Evidence.LegalForm = ""
			award("2026-01-10")(s)
		}, "no_public_offering", true, Eligible},
		{"award exactly 5 years ago", award("2021-11-22"), "award_within_5_years", true, Eligible},
		{"award 5 years and a day ago", award("2021-11-21"), "award_within_5_years", false, NeedsEvidence},
		{"valid utility solution", func(s *firm.Startup) {
			s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.UtilitySolution, GrantedOn: d("2025-03-01"), ExpiresOn: d("2035-03-01")}}
		}, "valid_title_or_certificate", true, Eligible},
		{"patent expired yesterday", func(s *firm.Startup) {
			s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.InventionPatent, GrantedOn: d("2006-11-21"), ExpiresOn: d("2026-11-21")}}
		}, "valid_title_or_certificate", false, NeedsEvidence},
		{"patent expiring today is still valid", func(s *firm.Startup) {
			s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.InventionPatent, GrantedOn: d("2006-11-22"), ExpiresOn: d("2026-11-22")}}
		}, "valid_title_or_certificate", true, Eligible},
		{"a software copyright is no Art. 14 title", func(s *firm.Startup) {
			s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.SoftwareCopyright, GrantedOn: d("2025-03-01")}}
		}, "valid_title_or_certificate", false, NeedsEvidence},
		{"high-tech certificate in force", func(s *firm.Startup) {
			s.Evidence.Certificates = []firm.Certificate{{Kind: firm.HighTech, IssuedOn: d("2024-05-01"), ExpiresOn: d("2029-05-01")}}
		}, "valid_title_or_certificate", true, Eligible},
		{"1 billion invested exactly 5 years ago", func(s *firm.Startup) {
			s.Evidence.Investments = []firm.Investment{{Amount: 1_000_000_000, On: d("2021-11-22")}}
		}, "fund_investment", true, Eligible},
		{"999,999,999 invested", func(s *firm.Startup) {
			s.Evidence.Investments = []firm.Investment{{Amount: 999_999_999, On: d("2025-11-22")}}
		}, "fund_investment", false, NeedsEvidence},
		{"500 million committed exactly a year ago", func(s *firm.Startup) {
			s.Evidence.Investments = []firm.Investment{{Amount: 500_000_000, On: d("2025-11-22"), Commitment: true}}
		}, "fund_investment", true, Eligible},
		{"500 million committed a year and a day ago", func(s *firm.Startup) {
			s.Evidence.Investments = []firm.Investment{{Amount: 500_000_000, On: d("2025-11-21"), Commitment: true}}
		}, "fund_investment", false, NeedsEvidence},
		{"incubator confirmation exactly 6 months ago", func(s *firm.Startup) {
			s.Evidence.Confirmations = []firm.Confirmation{{Issuer: "VMU", IssuedOn: d("2026-05-22")}}
		}, "support_confirmation", true, Eligible},
		{"incubator confirmation 6 months and a day ago", func(s *firm.Startup) {
			s.Evidence.Confirmations = []firm.Confirmation{{Issuer: "VMU", IssuedOn: d("2026-05-21")}}
		}, "support_confirmation", false, NeedsEvidence},
		{"every kind of evidence given, none in its window", func(s *firm.Startup) {
			award("2020-01-01")(s)
			s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.SoftwareCopyright, GrantedOn: d("2025-03-01")}}
			s.Evidence.Investments = []firm.Investment{{Amount: 100, On: d("2025-11-22")}}
			s.Evidence.Confirmations = []firm.Confirmation{{Issuer: "VMU", IssuedOn: d("2025-01-01")}}
		}, "support_confirmation", false, NotEligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := young()
			tt.change(&s)
			got, outcomes := p.Evaluate(NewSubject(s, asOf))
			assert.Equal(t, tt.want, got, "%+v", outcomes)
			for _, o := range outcomes {
				if o.Key == tt.criterion {
					assert.Equal(t, tt.passed, o.Passed, o.Key)
				}
			}
		})
	}
}

func TestNeedsEvidenceNamesWhatIsMissing(t *testing.T) {
	t.Parallel()
	p := plan(t, InnovativeStartupSME())
	status, outcomes := p.Evaluate(NewSubject(young(), asOf))
	require.Equal(t, NeedsEvidence, status)
	byKey := map[string]Outcome{}
	for _, o := range outcomes {
		byKey[o.Key] = o
	}
	assert.True(t, byKey["within_5_years"].Passed)
	assert.Equal(t, []DataKey{DataIPAssets, DataCertificates}, byKey["valid_title_or_certificate"].Missing)
	c := p.Set.Criteria[3]
	assert.Contains(t, c.Reason(byKey[c.Key], errs.EN), "Missing: ipAssets, certificates")
	assert.Contains(t, c.Reason(byKey[c.Key], errs.VI), "Thiếu dữ liệu")
}

func TestSTEnterprise(t *testing.T) {
	t.Parallel()
	p := plan(t, STEnterprise())
	old := func() firm.Startup {
		s := young()
		s.Evidence.FirstRegisteredOn, s.FoundedOn = d("2015-01-01"), d("2015-01-01")
		s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.SoftwareCopyright, GrantedOn: d("2020-01-01")}}
		return s
	}
	tests := []struct {
		name   string
		change func(*firm.Startup)
		want   Status
	}{
		{"young firm: the revenue share is waived", func(s *firm.Startup) {
			*s = young()
			s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.PlantVariety, GrantedOn: d("2025-01-01")}}
		}, Eligible},
		{"exactly 30% of last year's revenue", func(s *firm.Startup) {
			s.Financials.Revenue = []firm.YearRevenue{{Year: 2025, Amount: 1000, ST: 300}}
		}, Eligible},
		{"29.9% of last year's revenue", func(s *firm.Startup) {
			s.Financials.Revenue = []firm.YearRevenue{{Year: 2025, Amount: 1000, ST: 299}}
		}, NotEligible},
		{"only an older year reported", func(s *firm.Startup) {
			s.Financials.Revenue = []firm.YearRevenue{{Year: 2024, Amount: 1000, ST: 900}}
		}, NotEligible},
		{"no revenue reported", func(*firm.Startup) {}, NeedsEvidence},
		{"no S&T result", func(s *firm.Startup) {
			s.Evidence.IPAssets = nil
			s.Financials.Revenue = []firm.YearRevenue{{Year: 2025, Amount: 1000, ST: 900}}
		}, NeedsEvidence},
		{"an S&T result granted in the future does not count", func(s *firm.Startup) {
			s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.PlantVariety, GrantedOn: d("2026-11-23")}}
			s.Financials.Revenue = []firm.YearRevenue{{Year: 2025, Amount: 1000, ST: 900}}
		}, NotEligible},
		{"only an expired title", func(s *firm.Startup) {
			s.Evidence.IPAssets = []firm.IPAsset{{Kind: firm.InventionPatent, GrantedOn: d("2000-01-01"), ExpiresOn: d("2020-01-01")}}
			s.Financials.Revenue = []firm.YearRevenue{{Year: 2025, Amount: 1000, ST: 900}}
		}, NotEligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := old()
			tt.change(&s)
			got, outcomes := p.Evaluate(NewSubject(s, asOf))
			assert.Equal(t, tt.want, got, "%+v", outcomes)
		})
	}
}

func TestNewSetSpecChecksEverything(t *testing.T) {
	t.Parallel()
	spec := InnovativeStartupSME()
	spec.Key = "Bad"
	spec.Criteria[0].Expression = "firm.firstRegistered >= asOf"
	spec.Criteria[1].Needs = []DataKey{"shoeSize"}
	spec.Criteria = append(spec.Criteria, Criterion{Key: "lonely", Group: "alone", Expression: "true",
		PassVI: "a", PassEN: "a", FailVI: "b", FailEN: "b"})
	_, err := NewSetSpec(spec)
	codes := map[string]errs.Code{}
	for _, e := range errs.Flatten(err) {
		codes[strings.Join(e.Field, ".")] = e.Code
	}
	assert.Equal(t, map[string]errs.Code{
		"key": errs.CodeInvalidValue, "criteria.0.expression": errs.CodeInvalidExpression,
		"criteria.1.needs.0": errs.CodeInvalidValue, "criteria": errs.CodeInvalidValue,
	}, codes)
}
