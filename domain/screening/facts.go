// Package screening decides whether firms meet the legal criteria for an
// innovative startup SME, an S&T enterprise and whatever the city defines
// next. Criteria are versioned data — CEL expressions over a firm's evidence
// and an evaluation date — so they can change without code.
package screening

import (
	"reflect"
	"time"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/ext"

	"github.com/innoport/innoport/domain/firm"
	"github.com/innoport/innoport/domain/rules"
	"github.com/innoport/innoport/domain/value"
)

// FirmFacts is what a criterion reads about a firm, as `firm.<name>`.
// Dates are midnight in Asia/Ho_Chi_Minh; an absent expiry is HasExpiry false.
type FirmFacts struct {
	LegalForm         string             `cel:"legalForm"`
	FoundedOn         time.Time          `cel:"foundedOn"`
	FirstRegisteredOn time.Time          `cel:"firstRegisteredOn"` // the founding date when not given
	PublicOffering    bool               `cel:"publicOffering"`
	IPAssets          []*IPAssetFact     `cel:"ipAssets"`
	Awards            []*AwardFact       `cel:"awards"`
	Certificates      []*CertificateFact `cel:"certificates"`
	Investments       []*InvestmentFact  `cel:"investments"`
	Confirmations     []*ConfirmFact     `cel:"confirmations"`
	Revenue           []*RevenueFact     `cel:"revenue"`
	Sectors           []string           `cel:"sectors"`
	Ward              string             `cel:"ward"`
	Stage             string             `cel:"stage"`
	TeamSize          int64              `cel:"teamSize"`
	Incubated         bool               `cel:"incubated"`
}

// IPAssetFact is an IP asset as criteria see it.
type IPAssetFact struct {
	Kind      string    `cel:"kind"`
	GrantedOn time.Time `cel:"grantedOn"`
	HasExpiry bool      `cel:"hasExpiry"`
	ExpiresOn time.Time `cel:"expiresOn"`
}

// AwardFact is an award as criteria see it.
type AwardFact struct {
	International bool      `cel:"international"`
	AwardedOn     time.Time `cel:"awardedOn"`
}

// CertificateFact is a certificate as criteria see it.
type CertificateFact struct {
	Kind      string    `cel:"kind"`
	IssuedOn  time.Time `cel:"issuedOn"`
	HasExpiry bool      `cel:"hasExpiry"`
	ExpiresOn time.Time `cel:"expiresOn"`
}

// InvestmentFact is an investment or written commitment as criteria see it.
type InvestmentFact struct {
	AmountVnd  int64     `cel:"amountVnd"`
	On         time.Time `cel:"on"`
	Commitment bool      `cel:"commitment"`
}

// ConfirmFact is a support confirmation as criteria see it.
type ConfirmFact struct {
	IssuedOn time.Time `cel:"issuedOn"`
}

// RevenueFact is one year's revenue as criteria see it.
type RevenueFact struct {
	Year        int64 `cel:"year"`
	AmountVnd   int64 `cel:"amountVnd"`
	STAmountVnd int64 `cel:"stAmountVnd"`
}

// FactsOf describes a firm for criteria.
func FactsOf(s firm.Startup) *FirmFacts {
	e := s.Evidence
	f := &FirmFacts{LegalForm: string(e.LegalForm), FoundedOn: s.FoundedOn.Start(), PublicOffering: e.PublicOffering,
		FirstRegisteredOn: s.FoundedOn.Start(), Ward: s.Ward.String(), Stage: string(s.Stage),
		TeamSize: int64(s.TeamSize), Incubated: s.IncubatorID != ""}
	for _, sec := range s.Sectors {
		f.Sectors = append(f.Sectors, string(sec))
	}
	if !e.FirstRegisteredOn.IsZero() {
		f.FirstRegisteredOn = e.FirstRegisteredOn.Start()
	}
	expiry := func(d value.Date) (bool, time.Time) {
		if d.IsZero() {
			return false, time.Time{}
		}
		return true, d.Start()
	}
	for _, a := range e.IPAssets {
		has, exp := expiry(a.ExpiresOn)
		f.IPAssets = append(f.IPAssets, &IPAssetFact{Kind: string(a.Kind), GrantedOn: a.GrantedOn.Start(), HasExpiry: has, ExpiresOn: exp})
	}
	for _, a := range e.Awards {
		f.Awards = append(f.Awards, &AwardFact{International: a.International, AwardedOn: a.AwardedOn.Start()})
	}
	for _, c := range e.Certificates {
		has, exp := expiry(c.ExpiresOn)
		f.Certificates = append(f.Certificates, &CertificateFact{Kind: string(c.Kind), IssuedOn: c.IssuedOn.Start(), HasExpiry: has, ExpiresOn: exp})
	}
	for _, i := range e.Investments {
		f.Investments = append(f.Investments, &InvestmentFact{AmountVnd: int64(i.Amount), On: i.On.Start(), Commitment: i.Commitment})
	}
	for _, c := range e.Confirmations {
		f.Confirmations = append(f.Confirmations, &ConfirmFact{IssuedOn: c.IssuedOn.Start()})
	}
	for _, r := range s.Financials.Revenue {
		f.Revenue = append(f.Revenue, &RevenueFact{Year: int64(r.Year), AmountVnd: int64(r.Amount), STAmountVnd: int64(r.ST)})
	}
	return f
}

// DataKey names a piece of firm data a criterion can need.
type DataKey string

// The data a criterion can declare it needs.
const (
	DataLegalForm         DataKey = "legalForm"
	DataFirstRegisteredOn DataKey = "firstRegisteredOn"
	DataIPAssets          DataKey = "ipAssets"
	DataAwards            DataKey = "awards"
	DataCertificates      DataKey = "certificates"
	DataInvestments       DataKey = "investments"
	DataConfirmations     DataKey = "confirmations"
	DataRevenue           DataKey = "revenue"
)

// has reports whether the firm has provided the data.
func has(s firm.Startup, k DataKey) bool {
	e := s.Evidence
	switch k {
	case DataLegalForm:
		return e.LegalForm != ""
	case DataFirstRegisteredOn:
		return !e.FirstRegisteredOn.IsZero()
	case DataIPAssets:
		return len(e.IPAssets) > 0
	case DataAwards:
		return len(e.Awards) > 0
	case DataCertificates:
		return len(e.Certificates) > 0
	case DataInvestments:
		return len(e.Investments) > 0
	case DataConfirmations:
		return len(e.Confirmations) > 0
	case DataRevenue:
		return len(s.Financials.Revenue) > 0
	}
	return false
}

// KnownData reports whether k names data a criterion can need.
func KnownData(k DataKey) bool {
	switch k {
	case DataLegalForm, DataFirstRegisteredOn, DataIPAssets, DataAwards, DataCertificates,
		DataInvestments, DataConfirmations, DataRevenue:
		return true
	}
	return false
}

// FirmEnv declares `firm` (FirmFacts) and `asOf` (the evaluation date,
// midnight in Asia/Ho_Chi_Minh) with the calendar functions of package
// rules: what criteria read, and what rules built on screening (such as
// incentives' conditions) read besides their own variables.
func FirmEnv() []cel.EnvOption {
	return []cel.EnvOption{
		ext.NativeTypes(reflect.TypeOf(&FirmFacts{}), reflect.TypeOf(&IPAssetFact{}), reflect.TypeOf(&AwardFact{}),
			reflect.TypeOf(&CertificateFact{}), reflect.TypeOf(&InvestmentFact{}), reflect.TypeOf(&ConfirmFact{}),
			reflect.TypeOf(&RevenueFact{}), ext.ParseStructTags(true)),
		cel.Variable("firm", cel.ObjectType("screening.FirmFacts")),
		cel.Variable("asOf", cel.TimestampType),
		rules.Calendar(),
	}
}

// compiler compiles criteria over FirmEnv.
var compiler = func() *rules.Compiler {
	e, err := cel.NewEnv(FirmEnv()...)
	if err != nil {
		panic(err) // the declarations are constant
	}
	return rules.NewCompiler(e)
}()

// CheckCriterion returns every problem of a criterion's expression with its
// line and column, for an editor; none when it compiles to a boolean.
func CheckCriterion(expr string) []rules.Problem { return compiler.Check(expr) }
