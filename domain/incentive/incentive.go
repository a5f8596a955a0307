// Package incentive tells a firm which tax, land, grant and support
// incentives it qualifies for, why, and the one step that would unlock the
// ones it does not. Incentives are versioned data like criteria sets: their
// conditions are CEL over the firm's facts and its screening statuses,
// judged by package screening's machinery.
package incentive

import (
	"fmt"
	"strings"

	"github.com/google/cel-go/cel"

	"github.com/innoport/innoport/domain/errs"
	"github.com/innoport/innoport/domain/record"
	"github.com/innoport/innoport/domain/rules"
	"github.com/innoport/innoport/domain/screening"
	"github.com/innoport/innoport/domain/value"
)

// The records of this package as messages name them.
var (
	EntityIncentive = errs.Entity{VI: "ưu đãi", EN: "Incentive"}
	EntityStanding  = errs.Entity{VI: "kết quả xét ưu đãi", EN: "Incentive standing"}
	EntityBenefit   = errs.Entity{VI: "hồ sơ hưởng ưu đãi", EN: "Benefit record"}
)

// ErrVersionTaken is what creating a version of an incentive answers when
// another request just created it: the store's unique index decides it.
func ErrVersionTaken() *errs.Error {
	return errs.New(errs.Conflict, errs.CodeVersionConflict, []string{"key"},
		"Một phiên bản khác của ưu đãi này vừa được tạo; hãy thử lại.",
		"Another version of this incentive was just created; try again.")
}

// Status is where an incentive is in its life: DRAFT → ACTIVE → RETIRED.
// It shares criteria sets' values and labels.
type Status = screening.SetStatus

// The statuses.
const (
	Draft   = screening.SetDraft
	Active  = screening.SetActive
	Retired = screening.SetRetired
)

// BenefitKind is what an incentive gives.
type BenefitKind string

// The benefit kinds.
const (
	TaxExemption   BenefitKind = "TAX_EXEMPTION"
	TaxReduction   BenefitKind = "TAX_REDUCTION"
	LandRent       BenefitKind = "LAND_RENT"
	Grant          BenefitKind = "GRANT"
	Training       BenefitKind = "TRAINING"
	Consulting     BenefitKind = "CONSULTING"
	Infrastructure BenefitKind = "INFRASTRUCTURE"
)

// BenefitKinds lists the kinds.
func BenefitKinds() []BenefitKind {
	return []BenefitKind{TaxExemption, TaxReduction, LandRent, Grant, Training, Consulting, Infrastructure}
}

var benefitKindLabels = value.Labels[BenefitKind]{
	TaxExemption: {"miễn thuế", "tax exemption"}, TaxReduction: {"giảm thuế", "tax reduction"},
	LandRent: {"miễn, giảm tiền thuê đất", "land rent"}, Grant: {"tài trợ, hỗ trợ chi phí", "grant or cost support"},
	Training: {"đào tạo", "training"}, Consulting: {"tư vấn", "consulting"}, Infrastructure: {"sử dụng hạ tầng", "infrastructure use"},
}

// Label names the kind in Vietnamese or English.
func (k BenefitKind) Label(english bool) string { return benefitKindLabels.Of(k, english) }

// Period is what a benefit's cap is counted over.
type Period string

// The periods.
const (
	Once    Period = "ONCE"
	PerYear Period = "YEAR"
	PerMon  Period = "MONTH"
)

// Benefit is what an incentive gives, with the figures its text states; a
// zero figure is one the text does not give.
type Benefit struct {
	Kind           BenefitKind
	RatePercent    int       // share exempted, reduced or supported, 1–100
	CapVnd         value.VND // the most it gives per CapPeriod
	CapPeriod      Period
	DurationMonths int
	// The terms in words, for what the figures cannot say (e.g. "then 50 %
	// for the next nine years").
	TermsVI, TermsEN string
}

// Condition is one condition of an incentive: a screening criterion — CEL
// over `firm`, `asOf` and `screening` (the firm's status under each active
// criteria set by key, e.g. screening.st_enterprise == 'ELIGIBLE') — and the
// step that would meet it, shown when it is the only thing missing.
type Condition struct {
	screening.Criterion
	UnlockVI, UnlockEN string
}

// Spec is the editable content of an incentive.
type Spec struct {
	Key                  string
	TitleVI, TitleEN     string
	SummaryVI, SummaryEN string
	LegalBasis           string // the document, e.g. "Nghị định 13/2019/NĐ-CP"
	Article              string // the article(s), e.g. "Điều 12"
	Benefit              Benefit
	Authority            string // who grants it, in Vietnamese
	AuthorityEN          string
	HowToApplyVI         string
	HowToApplyEN         string
	ApplyURL             string
	EffectiveFrom        value.Date
	EffectiveTo          value.Date // zero: open-ended
	Example              bool       // a programme whose exact terms are not in the law
	Conditions           []Condition
}

// Incentive is one version of an incentive.
type Incentive struct {
	record.Meta
	Spec
	IncentiveVersion int
	Status           Status
}

// InForce reports whether the incentive applies on a date.
func (i Incentive) InForce(on value.Date) bool {
	return !i.EffectiveFrom.After(on) && (i.EffectiveTo.IsZero() || !on.After(i.EffectiveTo))
}

// NewSpec validates a spec, compiling every condition; every problem is
// reported at its field.
func NewSpec(in Spec) (Spec, error) {
	var list errs.List
	var err error
	list.Check(value.Key(in.Key), "key")
	for _, t := range []struct {
		s        *string
		field    string
		required bool
		max      int
	}{
		{&in.TitleVI, "title", true, 300}, {&in.TitleEN, "titleEn", true, 300},
		{&in.SummaryVI, "summary", true, 2000}, {&in.SummaryEN, "summaryEn", true, 2000},
		{&in.LegalBasis, "legalBasis", true, 500}, {&in.Article, "article", true, 200},
		{&in.Authority, "authority", true, 300}, {&in.AuthorityEN, "authorityEn", true, 300},
		{&in.HowToApplyVI, "howToApply", true, 2000}, {&in.HowToApplyEN, "howToApplyEn", true, 2000},
		{&in.Benefit.TermsVI, "benefit.terms", false, 1000}, {&in.Benefit.TermsEN, "benefit.termsEn", false, 1000},
	} {
		*t.s, err = value.Text(*t.s, t.required, t.max)
		list.Check(err, strings.Split(t.field, ".")...)
	}
	if in.ApplyURL != "" {
		in.ApplyURL, err = value.WebURL(in.ApplyURL)
		list.Check(err, "applyUrl")
	}
	checkBenefit(&list, in.Benefit)
	if in.EffectiveFrom.IsZero() {
		list.Add(errs.Required("effectiveFrom"))
	} else if !in.EffectiveTo.IsZero() && in.EffectiveFrom.After(in.EffectiveTo) {
		list.Add(errs.InvalidValue("Ngày hết hiệu lực phải sau ngày có hiệu lực.",
			"The end of effect must not come before its start.", "effectiveTo"))
	}
	if len(in.Conditions) == 0 {
		list.Add(errs.Required("conditions"))
	}
	// The criteria are checked as a criteria set checks them, but compiled
	// in the incentives' language (which also reads `screening`).
	crits := make([]screening.Criterion, len(in.Conditions))
	for i, c := range in.Conditions {
		crits[i] = c.Criterion
	}
	checked, cerr := screening.CheckCriteria(crits, compiler)
	list.Check(cerr, "conditions")
	for i := range in.Conditions {
		at := []string{"conditions", fmt.Sprint(i)}
		if i < len(checked) {
			in.Conditions[i].Criterion = checked[i]
		}
		c := &in.Conditions[i]
		c.UnlockVI, err = value.Text(c.UnlockVI, false, 500)
		list.Check(err, append(at, "unlock")...)
		c.UnlockEN, err = value.Text(c.UnlockEN, c.UnlockVI != "", 500)
		list.Check(err, append(at, "unlockEn")...)
	}
	return in, list.Err()
}

func checkBenefit(list *errs.List, b Benefit) {
	switch b.Kind {
	case TaxExemption, TaxReduction, LandRent, Grant, Training, Consulting, Infrastructure:
	case "":
		list.Add(errs.Required("benefit", "kind"))
	default:
		list.Add(errs.InvalidValue(fmt.Sprintf("Loại ưu đãi %q không hợp lệ.", b.Kind),
			fmt.Sprintf("Benefit kind %q is not valid.", b.Kind), "benefit", "kind"))
	}
	if b.RatePercent < 0 || b.RatePercent > 100 {
		list.Add(errs.InvalidValue("Tỷ lệ phải từ 0 đến 100%.", "The rate must be from 0 to 100%.", "benefit", "ratePercent"))
	}
	if b.CapVnd < 0 {
		list.Add(errs.InvalidValue("Mức trần không được âm.", "The cap must not be negative.", "benefit", "capVnd"))
	}
	switch b.CapPeriod {
	case "", Once, PerYear, PerMon:
	default:
		list.Add(errs.InvalidValue(fmt.Sprintf("Kỳ tính mức trần %q không hợp lệ.", b.CapPeriod),
			fmt.Sprintf("Cap period %q is not valid.", b.CapPeriod), "benefit", "capPeriod"))
	}
	if b.CapVnd > 0 && b.CapPeriod == "" {
		list.Add(errs.Required("benefit", "capPeriod"))
	}
	if b.DurationMonths < 0 || b.DurationMonths > 600 {
		list.Add(errs.InvalidValue("Thời hạn phải từ 0 đến 600 tháng.", "The duration must be from 0 to 600 months.",
			"benefit", "durationMonths"))
	}
}

// compiler compiles conditions over screening's firm facts, `asOf` and
// `screening`, a map from each active criteria set's key to the firm's
// status under it.
var compiler = func() *rules.Compiler {
	e, err := cel.NewEnv(append(screening.FirmEnv(),
		cel.Variable("screening", cel.MapType(cel.StringType, cel.StringType)))...)
	if err != nil {
		panic(err) // the declarations are constant
	}
	return rules.NewCompiler(e)
}()

// CheckCondition returns every problem of a condition's expression with its
// line and column, for an editor; none when it compiles to a boolean.
func CheckCondition(expr string) []rules.Problem { return compiler.Check(expr) }
